import type { Language } from '@alongside/contracts/vocabulary';
import { Button, Divider, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../components/Feedback.tsx';
import { useDocumentTitle } from '../../components/PageHeader.tsx';
import { PublicLayout } from '../../components/PublicLayout.tsx';
import { applyLanguage, currentLanguage } from '../../i18n/index.ts';
import { describeError } from '../../lib/errors.ts';
import { fetchOpenSurvey, fetchSurvey, respondQueryKey, startOpenSurvey, type RespondentSurvey } from './respond-api.ts';
import { ConsentScreen, LinkProblem, SurveyLanguagePicker } from './RespondentParts.tsx';

/** `/s/open/:code`: an anonymous link shared with a program's group. Consent first; or continue with a code. */
export function OpenRespondPage() {
  const { code = '' } = useParams();
  const { t } = useTranslation();
  const survey = useQuery({
    queryKey: ['respond-open', code] as const,
    queryFn: ({ signal }) => fetchOpenSurvey(code, signal),
    retry: false,
    staleTime: Infinity,
  });
  useDocumentTitle(survey.data?.campaignTitle ?? t('respond.pageTitle'));

  let content;
  if (survey.isPending) content = <Loader role="status" aria-label={t('common.loading')} />;
  else if (survey.isError) {
    content = (
      <Stack gap="xl">
        <LinkProblem error={survey.error} kind="open" onRetry={() => void survey.refetch()} />
        <ContinueWithCode />
      </Stack>
    );
  } else content = <OpenStart code={code} survey={survey.data} />;
  return <PublicLayout languagePicker={false}>{content}</PublicLayout>;
}

function OpenStart({ code, survey }: { code: string; survey: RespondentSurvey }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // The device's language when the campaign offers it, else the campaign's first choice.
  const [language, setLanguage] = useState<Language>(() => (survey.languages.includes(currentLanguage()) ? currentLanguage() : survey.language));
  const start = useMutation({
    mutationFn: () => startOpenSurvey(code, language),
    onSuccess: (continuationCode) => void navigate(`/s/${encodeURIComponent(continuationCode)}`, { replace: true, state: { consented: true } }),
  });
  const changeLanguage = (next: Language) => {
    setLanguage(next);
    applyLanguage(next);
  };
  return (
    <ConsentScreen
      survey={survey}
      language={language}
      kind="open"
      onAgree={() => start.mutate()}
      agreeing={start.isPending}
      error={<ErrorAlert message={start.isError ? describeError(start.error, t) : undefined} />}
      languagePicker={<SurveyLanguagePicker languages={survey.languages} value={language} onChange={changeLanguage} />}
    >
      <ContinueWithCode />
    </ConsentScreen>
  );
}

/** "Already started? Continue with your code": checks the code before going to it. */
function ContinueWithCode() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string>();
  const [checking, setChecking] = useState(false);

  const onSubmit = async (e: SyntheticEvent<HTMLFormElement>) => {
    e.preventDefault();
    // People copy codes with spaces around or inside them; the code itself has none.
    const entered = value.replace(/\s+/g, '');
    if (!entered) {
      setError(t('respond.continue.empty'));
      return;
    }
    setError(undefined);
    setChecking(true);
    try {
      await queryClient.query({ queryKey: respondQueryKey(entered), queryFn: ({ signal }) => fetchSurvey(entered, signal), staleTime: Infinity, retry: false });
      await navigate(`/s/${encodeURIComponent(entered)}`);
    } catch (err) {
      setError(err instanceof ApiError && err.status === 404 ? t('respond.continue.unknown') : describeError(err, t));
    } finally {
      setChecking(false);
    }
  };

  return (
    <>
      <Divider />
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Stack gap="sm" maw={440}>
          <Title order={2} fz="xl">
            {t('respond.continue.title')}
          </Title>
          <Text>{t('respond.continue.intro')}</Text>
          <TextInput
            label={t('respond.continue.label')}
            value={value}
            onChange={(e) => {
              setValue(e.currentTarget.value);
              setError(undefined);
            }}
            error={error}
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            classNames={{ input: 'mono' }}
          />
          <Group>
            <Button type="submit" variant="outline" loading={checking}>
              {t('respond.continue.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
