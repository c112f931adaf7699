import { z } from 'zod';

export const IdSchema = z.uuid();
export const IdParamsSchema = z.object({ id: IdSchema });

/** PostgreSQL `integer` bounds: no integer in a contract may leave them. */
export const INT_MIN = -2147483648;
export const INT_MAX = 2147483647;
/** A whole number that fits a PostgreSQL `integer`. */
export const IntSchema = z.number().int().min(INT_MIN).max(INT_MAX);
/** A row version sent back with an edit (stale → 409). */
export const VersionSchema = z.number().int().min(0).max(INT_MAX);

/** The years a date in Alongside may fall in: wide enough for any record, narrow enough to refuse year 0 or 9999. */
export const YEAR_MIN = 1900;
export const YEAR_MAX = 2199;
const inYearRange = (value: string) => {
  // A value that is not a date at all already has its own issue: one message per field.
  if (!/^\d{4}-/.test(value)) return true;
  const year = Number(value.slice(0, 4));
  return year >= YEAR_MIN && year <= YEAR_MAX;
};
const yearMessage = `must be between the years ${YEAR_MIN} and ${YEAR_MAX}`;
/** Real UTC offsets run from -12:00 to +14:00; PostgreSQL refuses any beyond ±15:59 (and the format allows ±23:59). */
const inOffsetRange = (value: string) => {
  const offset = /^\d{4}-.*([+-])(\d{2}):(\d{2})$/.exec(value);
  // A year out of range already has its own issue: one message per field.
  if (!offset || !inYearRange(value)) return true;
  const minutes = Number(offset[2]) * 60 + Number(offset[3]);
  return minutes <= (offset[1] === '+' ? 14 : 12) * 60;
};
/** A calendar date (YYYY-MM-DD) within the sane range. */
export const IsoDateSchema = z.iso.date().refine(inYearRange, yearMessage);
/** An instant with its offset, within the sane range of years and of offsets. */
export const IsoDateTimeSchema = z.iso
  .datetime({ offset: true })
  .refine(inYearRange, yearMessage)
  .refine(inOffsetRange, 'must have a UTC offset between -12:00 and +14:00');

/** The NUL character: PostgreSQL refuses it in text, so every string in a request is checked for it. */
export const NUL_MESSAGE = 'must not contain the NUL character';

/** The path of the first string (or object key) in a parsed request part that contains NUL, if any. */
export function findNul(value: unknown, path: (string | number)[] = []): (string | number)[] | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findNul(item, [...path, index]);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\u0000')) return [...path, key.replaceAll('\u0000', '')];
      const found = findNul(item, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}

export const EmailSchema = z
  .string()
  .max(320)
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'must be a valid email address' }).max(254));

export const NameSchema = z.string().trim().min(1, 'must not be empty').max(200);

/** Passwords: long enough to resist guessing, no composition rules (NIST 800-63B). */
export const NewPasswordSchema = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(256, 'must be at most 256 characters');

export const OkSchema = z.object({ ok: z.literal(true) });
