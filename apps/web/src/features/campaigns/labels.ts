import {
  COUNTRY_CODES,
  LANGUAGES,
  STAKEHOLDER_GROUPS,
  type CountryCode,
  type Language,
  type PrivacyMode,
  type StakeholderGroup,
} from '@alongside/contracts';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../lib/labels.ts';
import { isApiError } from '../../api/client.ts';

const isGroup = (v: string): v is StakeholderGroup => (STAKEHOLDER_GROUPS as readonly string[]).includes(v);
const isCountry = (v: string): v is CountryCode => (COUNTRY_CODES as readonly string[]).includes(v);
const isLanguage = (v: string): v is Language => (LANGUAGES as readonly string[]).includes(v);

/** Translated names for the research vocabulary: groups, countries, languages, privacy modes, wave kinds. */
export function useCampaignLabels() {
  const { t } = useTranslation();
  const labels = useLabels();
  const group = (value: string): string => (isGroup(value) ? t(`campaigns.groups.${value}`) : value);
  const country = (value: string): string => (isCountry(value) ? t(`countries.${value}`) : value);
  const language = (value: string): string => (isLanguage(value) ? t(`campaigns.languageNames.${value}`) : value);
  return {
    group,
    country,
    language,
    setting: labels.setting,
    privacyMode: (mode: PrivacyMode): string => t(`campaigns.privacy.${mode}.name`),
    privacyExplained: (mode: PrivacyMode): string => t(`campaigns.privacy.${mode}.explain`),
    waveKind: (kind: 'baseline' | 'follow_up'): string => t(`campaigns.waveKinds.${kind}`),
    participation: (status: 'invited' | 'joined' | 'declined'): string => t(`campaigns.participation.${status}`),
    /** A result's or progress cell's label by what it is about: codes become words, names stay. */
    dimensionLabel: (dimension: string, key: string, label: string): string => {
      switch (dimension) {
        case 'country':
          return country(key);
        case 'group':
          return group(key);
        case 'language':
          return language(key);
        case 'setting':
          return labels.setting(key);
        default:
          return label;
      }
    },
  };
}

/** The line-by-line problems a 400 carries for a file (`line 3, program: …`), as the server wrote them. */
export function fileProblems(error: unknown): string[] {
  if (!isApiError(error) || error.status !== 400) return [];
  return error.fieldProblems.map((p) => (p.field && p.field !== 'file' ? `${p.field}: ${p.message}` : p.message));
}
