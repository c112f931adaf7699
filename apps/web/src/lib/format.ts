import { useTranslation } from 'react-i18next';

const INTL_LOCALES: Record<string, string> = {
  en: 'en-CA',
  fr: 'fr-CA',
  nb: 'nb-NO',
};

/** Intl locale for an interface language (Canadian English/French, Norwegian Bokmål). */
export const intlLocale = (lang: string): string => INTL_LOCALES[lang] ?? lang;

function toDate(value: string | Date | null | undefined): Date | undefined {
  if (!value) return undefined;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** Date and number formatters in the current interface language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const date = (value: string | Date | null | undefined) => {
    const d = toDate(value);
    return d ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(d) : '';
  };
  return {
    locale,
    date,
    /** A calendar day (`YYYY-MM-DD`), read at local noon so no time zone moves it to the day before. */
    day: (value: string) => date(value.length === 10 ? `${value}T12:00:00` : value),
    /** A calendar month (`YYYY-MM`), by default as "November 2026". */
    month: (value: string, options: Intl.DateTimeFormatOptions = { month: 'long', year: 'numeric' }) =>
      new Intl.DateTimeFormat(locale, options).format(new Date(`${value}-15T12:00:00`)),
    dateTime: (value: string | Date | null | undefined) => {
      const d = toDate(value);
      return d
        ? new Intl.DateTimeFormat(locale, {
            dateStyle: 'medium',
            timeStyle: 'short',
          }).format(d)
        : '';
    },
    number: (value: number | null | undefined, options?: Intl.NumberFormatOptions) =>
      value === null || value === undefined ? '' : new Intl.NumberFormat(locale, options).format(value),
  };
}

/** `2024-05-01T09:30` (a datetime-local value, read as local time) → ISO 8601 with the local offset. */
export function localInputToIsoWithOffset(value: string): string | undefined {
  if (!value) return undefined;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return undefined;
  const pad = (n: number) => String(Math.trunc(Math.abs(n))).padStart(2, '0');
  const offsetMinutes = -d.getTimezoneOffset();
  const sign = offsetMinutes >= 0 ? '+' : '-';
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` +
    `T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}` +
    `${sign}${pad(offsetMinutes / 60)}:${pad(offsetMinutes % 60)}`
  );
}
