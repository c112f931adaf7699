import { PROGRAM_VARIABLES, type Composite } from '@alongside/contracts';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/index.ts';
import { useFormat } from '../../lib/format.ts';
import { useCampaignLabels } from '../campaigns/labels.ts';
import type { AnalysisModel } from './analysis-form.ts';
import { termKind } from './analysis-shape.ts';
import type { CampaignScale } from './queries.ts';

/** The form's name of each part an analysis can compute. */
const MODEL_NAMES = {
  mixed: 'analyses.form.model.mixed',
  ols: 'analyses.form.model.ols',
  dominance: 'analyses.form.model.dominance',
  country: 'analyses.form.model.country',
  level_dominance: 'analyses.form.model.levelDominance',
} as const satisfies Record<AnalysisModel, string>;

/**
 * Names of variables (scales, program variables, the spec's composites) and model terms, and number texts for the
 * analysis tables, in the interface language.
 */
export function useAnalysisText(
  scales: readonly CampaignScale[],
  factors: readonly string[],
  composites: readonly Pick<Composite, 'key' | 'label'>[] = [],
) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useCampaignLabels();
  const language = currentLanguage();
  const scale = (key: string): string => {
    const s = scales.find((x) => x.key === key);
    if (s) return s.name[language] ?? s.name.en ?? key;
    const variable = PROGRAM_VARIABLES.find((v) => v.key === key);
    if (variable) return variable.name[language];
    const composite = composites.find((c) => c.key === key);
    return composite?.label ?? key;
  };
  const fixed = (digits: number) => (v: number | null | undefined) =>
    v === null || v === undefined || !Number.isFinite(v)
      ? '—'
      : // A value that rounds to zero shows no minus sign ("-0.000" reads as a typo).
        format.number(v, { minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: 'negative' });
  const term = (name: string): string => {
    const kind = termKind(name, factors);
    switch (kind.kind) {
      case 'intercept':
        return t('analyses.terms.intercept');
      case 'factor':
        return kind.part ? t(`analyses.terms.${kind.part}`, { factor: scale(kind.factor) }) : scale(kind.factor);
      case 'country':
        return t('analyses.terms.country', { country: labels.country(kind.country) });
      case 'group':
        return t('analyses.terms.group', { group: labels.group(kind.group) });
      case 'interaction':
        return t('analyses.terms.interaction', { factor: scale(kind.factor), country: labels.country(kind.country) });
      case 'other':
        return name;
    }
  };
  return {
    scale,
    term,
    model: (model: AnalysisModel): string => t(MODEL_NAMES[model]),
    country: labels.country,
    estimate: fixed(3),
    small: fixed(4),
    df: fixed(1),
    t: fixed(2),
    count: (v: number | null | undefined) => (v === null || v === undefined ? '—' : format.number(v)),
    percent: (v: number | null | undefined) =>
      v === null || v === undefined ? '—' : format.number(v, { style: 'percent', maximumFractionDigits: 0 }),
    /** p-values to three decimals; below 0.001 as "< 0.001". */
    p: (v: number | null | undefined) =>
      v === null || v === undefined
        ? '—'
        : v < 0.001
          ? `< ${format.number(0.001, { minimumFractionDigits: 3 })}`
          : format.number(v, { minimumFractionDigits: 3, maximumFractionDigits: 3 }),
    interval: (low: number | null | undefined, high: number | null | undefined) =>
      low === null || low === undefined || high === null || high === undefined
        ? '—'
        : t('analyses.interval', { low: fixed(3)(low), high: fixed(3)(high) }),
    list: (items: readonly string[]) =>
      new Intl.ListFormat(format.locale, { style: 'long', type: 'conjunction' }).format(items),
    dateTime: format.dateTime,
    day: format.day,
  };
}

export type AnalysisText = ReturnType<typeof useAnalysisText>;
