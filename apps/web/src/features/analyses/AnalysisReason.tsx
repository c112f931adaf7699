import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/Feedback.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { LEVEL_DOMINANCE_MAX_FACTORS, type AnalysisModel } from './analysis-form.ts';
import type { AnalysisText } from './analysis-labels.ts';
import { Details, Unavailable } from './AnalysisPart.tsx';
import { reasonFromMessage, reasonOfPart, type Reason } from './analysis-reasons.ts';
import type { UnavailablePart } from './analysis-shape.ts';

export interface ReasonContext {
  /** The name of the analysis's outcome. */
  outcome: string;
  /** What to tick in the form to compute the part (for a part not asked for). */
  model?: AnalysisModel;
}

/** Why something could not be computed, in the interface language: a sentence per reason, naming its terms. */
export function useReasonSentence(text: AnalysisText) {
  const { t } = useTranslation();
  // A model term (a country or group contrast) by its meaning; a variable by its name.
  const name = (term: string) => {
    const named = text.term(term);
    return named === term ? text.scale(term) : named;
  };
  /** `outcome` names the analysis's outcome; `model` is what to tick to compute the part (for not_requested). */
  return (reason: Reason, { outcome, model = 'mixed' }: ReasonContext): string => {
    const list = text.list(reason.terms.map(name));
    const count = reason.terms.length;
    switch (reason.kind) {
      case 'no_rows':
        return t('analyses.reasons.noRows');
      case 'no_variance':
        return count > 0 ? t('analyses.reasons.noVariance', { list, count }) : t('analyses.reasons.noVarianceNone');
      case 'one_country':
        return t('analyses.reasons.oneCountry');
      case 'composite_part':
        return t('analyses.reasons.compositePart', { list });
      case 'too_few_rows':
        return t('analyses.reasons.tooFewRows');
      case 'too_few_programs':
        return t('analyses.reasons.tooFewPrograms');
      case 'collinear':
        return count > 0 ? t('analyses.reasons.collinear', { list, count }) : t('analyses.reasons.collinearNone');
      case 'did_not_converge':
        return t('analyses.reasons.didNotConverge');
      case 'incompatible_summaries':
        return t('analyses.reasons.incompatibleSummaries');
      case 'program_level_outcome':
        return t('analyses.unavailable.programLevelOutcome', { outcome, section: t('analyses.importance.title') });
      case 'not_requested':
        return t('analyses.reasons.notRequested', { model: text.model(model), section: t('analyses.form.models') });
      case 'too_many_factors':
        return t('analyses.reasons.tooManyFactors', { max: LEVEL_DOMINANCE_MAX_FACTORS });
    }
  };
}

/**
 * A part of the result the server could not compute: why, in the interface language (the server's English words
 * beneath in another language); a reason this interface does not know, in the server's words.
 */
export function UnavailableNote({
  part,
  text,
  ...context
}: { part: UnavailablePart; text: AnalysisText } & ReasonContext) {
  const { t } = useTranslation();
  const sentence = useReasonSentence(text);
  const reason = reasonOfPart(part);
  if (!reason) return <Unavailable message={part.unavailable.message} messageLang="en" />;
  const english = currentLanguage() === 'en';
  return (
    <Unavailable
      title={reason.kind === 'not_requested' ? t('analyses.unavailable.notRequestedTitle') : undefined}
      message={sentence(reason, context)}
      // Not asked for is the researcher's own choice: the server's words add nothing.
      details={english || reason.kind === 'not_requested' ? undefined : part.unavailable.message}
    />
  );
}

/**
 * The 422 analysis_not_possible: its English message read back to its reason where that is unambiguous, said in the
 * interface language; otherwise a sentence that introduces the server's English words.
 */
export function NotPossibleAlert({ message, text, outcome }: { message: string; text: AnalysisText; outcome: string }) {
  const { t } = useTranslation();
  const sentence = useReasonSentence(text);
  const reason = reasonFromMessage(message);
  const advice = <Text size="sm">{t('analyses.form.notPossibleAdvice')}</Text>;
  if (!reason)
    return (
      <ErrorAlert title={t('analyses.form.notPossibleTitle')} message={t('analyses.reasons.generic')}>
        <Text size="sm" lang="en">
          {message}
        </Text>
        {advice}
      </ErrorAlert>
    );
  return (
    <ErrorAlert title={t('analyses.form.notPossibleTitle')} message={sentence(reason, { outcome })}>
      {currentLanguage() === 'en' ? null : <Details message={message} />}
      {advice}
    </ErrorAlert>
  );
}
