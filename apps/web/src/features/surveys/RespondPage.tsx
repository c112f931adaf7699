import type { Answers } from '@alongside/contracts/campaigns';
import type { Language } from '@alongside/contracts/vocabulary';
import { Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../components/Feedback.tsx';
import { useDocumentTitle } from '../../components/PageHeader.tsx';
import { PublicLayout } from '../../components/PublicLayout.tsx';
import { applyLanguage } from '../../i18n/index.ts';
import { describeError } from '../../lib/errors.ts';
import { useFormat } from '../../lib/format.ts';
import { createDraftSaver, type DraftStatus } from './draft-saver.ts';
import { fetchSurvey, respondQueryKey, saveDraft, submitAnswers, type RespondentSurvey } from './respond-api.ts';
import { ConsentScreen, ContinuationCodeBox, LinkProblem, Outcome, SurveyLanguagePicker } from './RespondentParts.tsx';
import { SurveyForm } from './SurveyForm.tsx';

/** How long answers stay unchanged before they are saved, and how long after a failed save to try again. */
const SAVE_DELAY_MS = 1500;
const SAVE_RETRY_MS = 10_000;
/** A network failure or a busy server may pass; a refused or unknown link will not. */
const isPassing = (error: unknown) => error instanceof ApiError && (error.status === 0 || error.status === 429 || error.status >= 500);

/** `/s/:token`: a personal invitation link or an open link's continuation code. No sign-in. */
export function RespondPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const location = useLocation();
  // Coming from an open link's consent screen: the respondent has just agreed.
  const agreedOnStart = (location.state as { consented?: unknown } | null)?.consented === true;
  const survey = useQuery({
    queryKey: respondQueryKey(token),
    queryFn: ({ signal }) => fetchSurvey(token, signal),
    retry: false,
    staleTime: Infinity,
  });
  useDocumentTitle(survey.data?.campaignTitle ?? t('respond.pageTitle'));

  let content;
  if (survey.isPending) content = <Loader role="status" aria-label={t('common.loading')} />;
  else if (survey.isError) content = <LinkProblem error={survey.error} kind="invitation" onRetry={() => void survey.refetch()} />;
  else content = <Session key={token} token={token} survey={survey.data} agreedOnStart={agreedOnStart} />;
  return <PublicLayout languagePicker={false}>{content}</PublicLayout>;
}

type Stage = 'consent' | 'form' | 'paused' | 'thanks' | 'alreadySubmitted';

/** What a failed save or submit means for a respondent (the product's general sentences speak of teams). */
function describeRespondError(error: unknown, t: TFunction): string {
  if (error instanceof ApiError && (error.status === 404 || error.code === 'survey_closed')) return t('respond.form.linkGone');
  if (error instanceof ApiError && error.status === 400) return t('respond.form.rejected');
  return describeError(error, t);
}

function Session({ token, survey, agreedOnStart }: { token: string; survey: RespondentSurvey; agreedOnStart: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const isOpenLink = survey.continuationCode !== undefined;
  const [stage, setStage] = useState<Stage>(survey.submitted ? 'alreadySubmitted' : survey.consented || agreedOnStart ? 'form' : 'consent');
  const [language, setLanguage] = useState<Language>(survey.language);
  const [status, setStatus] = useState<DraftStatus>({ state: 'idle' });
  const [submitError, setSubmitError] = useState<unknown>(undefined);
  const [pausing, setPausing] = useState(false);
  const answers = useRef<Answers>(survey.answers);
  const languageRef = useRef(language);
  languageRef.current = language;

  const saver = useMemo(
    () =>
      createDraftSaver({
        save: (body, options) => saveDraft(token, body, options),
        delayMs: SAVE_DELAY_MS,
        retryMs: SAVE_RETRY_MS,
        shouldRetry: isPassing,
        onStatus: (next) => {
          setStatus(next);
          // Answered in another tab meanwhile: say so rather than keep failing.
          if (next.state === 'failed' && next.error instanceof ApiError && next.error.code === 'already_submitted') setStage('alreadySubmitted');
        },
      }),
    [token],
  );
  const queueSave = useCallback(() => saver.update({ language: languageRef.current, answers: answers.current, consented: true }), [saver]);

  useEffect(() => {
    applyLanguage(survey.language);
  }, [survey.language]);

  // Agreed on the open link's screen: record the consent (and the language) straight away.
  useEffect(() => {
    if (agreedOnStart && !survey.consented && !survey.submitted) {
      queueSave();
      void saver.flush();
    }
  }, [agreedOnStart, survey.consented, survey.submitted, queueSave, saver]);

  // The last answers go out even when the respondent closes the tab, switches away on a phone, or leaves the page.
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden' && saver.hasUnsaved()) void saver.flush({ keepalive: true });
    };
    document.addEventListener('visibilitychange', onHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      if (saver.hasUnsaved()) void saver.flush({ keepalive: true });
    };
  }, [saver]);

  const changeLanguage = (next: Language) => {
    setLanguage(next);
    languageRef.current = next;
    applyLanguage(next);
    // The choice is stored with the draft (and later the response) once the respondent has agreed.
    if (stage !== 'consent') queueSave();
  };

  const agree = () => {
    setStage('form');
    queueSave();
    void saver.flush();
  };

  const pause = async () => {
    setPausing(true);
    const saved = await saver.flush();
    setPausing(false);
    if (saved) setStage('paused');
  };

  const submit = async (final: Answers): Promise<undefined> => {
    setSubmitError(undefined);
    answers.current = final;
    await saver.flush();
    try {
      await submitAnswers(token, { language: languageRef.current, answers: final, consented: true });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'already_submitted') {
        setStage('alreadySubmitted');
        return undefined;
      }
      setSubmitError(error);
      throw error;
    }
    saver.dispose();
    setStage('thanks');
    return undefined;
  };

  const picker = <SurveyLanguagePicker languages={survey.languages} value={language} onChange={changeLanguage} />;

  switch (stage) {
    case 'consent':
      return <ConsentScreen survey={survey} language={language} kind={isOpenLink ? 'open' : 'invitation'} onAgree={agree} agreeing={false} languagePicker={picker} />;
    case 'thanks':
      return (
        <Outcome title={t('respond.thanks.title')}>
          <Text>{t('respond.thanks.body')}</Text>
          <Text>{survey.privacyMode === 'identified' ? t('respond.thanks.identified') : t('respond.thanks.anonymous')}</Text>
          <Text>{t('respond.thanks.close')}</Text>
        </Outcome>
      );
    case 'alreadySubmitted':
      return (
        <Outcome title={t('respond.already.title')}>
          <Text>{t('respond.already.body')}</Text>
          <Text>{t('respond.already.nothingMore')}</Text>
        </Outcome>
      );
    case 'paused':
      return (
        <Outcome title={t('respond.paused.title')}>
          {isOpenLink && survey.continuationCode ? (
            <>
              <Text>{t('respond.paused.open', { date: format.day(survey.waveClosesOn) })}</Text>
              <ContinuationCodeBox code={survey.continuationCode} />
            </>
          ) : (
            <Text>{t('respond.paused.invitation', { date: format.day(survey.waveClosesOn) })}</Text>
          )}
          <Group>
            <Button variant="outline" onClick={() => setStage('form')}>
              {t('respond.paused.continueNow')}
            </Button>
          </Group>
        </Outcome>
      );
    case 'form':
      return (
        <Stack gap="md">
          <Title order={1} fz={{ base: 24, sm: 28 }}>
            {survey.campaignTitle}
          </Title>
          {picker}
          {isOpenLink && survey.continuationCode ? <ContinuationCodeBox code={survey.continuationCode} compact /> : null}
          <div className="respondent-form">
            <SurveyForm
              definition={survey.definition}
              language={language}
              initialAnswers={answers.current}
              navigation={{ completeText: t('respond.form.submit'), pageNextText: t('respond.form.next'), pagePrevText: t('respond.form.previous') }}
              onAnswersChange={(next) => {
                answers.current = next;
                queueSave();
              }}
              onPageChange={() => void saver.flush()}
              onSubmit={submit}
            />
          </div>
          <ErrorAlert message={submitError === undefined ? undefined : `${t('respond.form.submitFailed')} ${describeRespondError(submitError, t)}`} />
          <SaveStatus status={status} />
          <Group>
            <Button variant="outline" onClick={() => void pause()} loading={pausing}>
              {t('respond.form.saveAndContinueLater')}
            </Button>
          </Group>
        </Stack>
      );
  }
}

/** Whether the answers are saved, announced politely; a failed save says why and that nothing typed is lost. */
function SaveStatus({ status }: { status: DraftStatus }) {
  const { t } = useTranslation();
  let message: string;
  switch (status.state) {
    case 'idle':
      message = t('respond.save.asYouGo');
      break;
    case 'pending':
    case 'saving':
      message = t('respond.save.saving');
      break;
    case 'saved':
      message = t('respond.save.saved');
      break;
    case 'failed':
      message = `${t('respond.save.failed')} ${describeRespondError(status.error, t)}`;
      break;
  }
  return (
    <Text size="sm" role="status" aria-live="polite" c={status.state === 'failed' ? 'red.9' : undefined}>
      {message}
    </Text>
  );
}
