import { LANGUAGES, type Language } from '@alongside/contracts/vocabulary';
import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage, isLanguage, LANGUAGE_NAMES } from '../i18n/index.ts';

/** Choose the interface language; each language is named in itself. */
export function LanguagePicker({
  value,
  onChange,
  disabled,
  description,
  error,
  maw = 240,
}: {
  value?: Language;
  onChange: (lang: Language) => void;
  disabled?: boolean;
  description?: string;
  error?: string;
  maw?: number;
}) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={t('common.language')}
      description={description}
      error={error}
      value={value ?? currentLanguage()}
      disabled={disabled}
      onChange={(e) => {
        const next = e.currentTarget.value;
        if (isLanguage(next)) onChange(next);
      }}
      data={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
      maw={maw}
    />
  );
}
