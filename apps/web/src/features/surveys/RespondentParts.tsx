import type { PrivacyMode } from '@alongside/contracts/campaigns';
import type { Language } from '@alongside/contracts/vocabulary';
import { Box, Button, CopyButton, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LockIcon, PeopleIcon } from '../../components/Icons.tsx';
import { isLanguage, LANGUAGE_NAMES } from '../../i18n/index.ts';
import { ApiError } from '../../api/client.ts';
import { describeError } from '../../lib/errors.ts';
import { useFormat } from '../../lib/format.ts';
import type { RespondentSurvey } from './respond-api.ts';

/** The languages a campaign offers, each named in itself; left out when there is only one. */
export function SurveyLanguagePicker({ languages, value, onChange }: { languages: readonly Language[]; value: Language; onChange: (language: Language) => void }) {
  const { t } = useTranslation();
  if (languages.length < 2) return null;
  return (
    <NativeSelect
      label={t('respond.language')}
      value={value}
      onChange={(e) => {
        const next = e.currentTarget.value;
        if (isLanguage(next)) onChange(next);
      }}
      data={languages.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
      maw={240}
    />
  );
}

/** What the privacy mode means for the respondent, in plain words. */
export function PrivacyExplanation({ mode }: { mode: PrivacyMode }) {
  const { t } = useTranslation();
  const identified = mode === 'identified';
  return (
    <Paper withBorder p="md" radius="md" bg="alongside.0">
      <Stack gap={6}>
        <Group gap="xs" wrap="nowrap">
          <Box c="alongside.9" aria-hidden="true">
            {identified ? <PeopleIcon /> : <LockIcon />}
          </Box>
          <Title order={2} fz="lg">
            {t(`respond.privacy.${mode}.title`)}
          </Title>
        </Group>
        <Text>{t(`respond.privacy.${mode}.body`)}</Text>
        <Text size="sm">{t('respond.privacy.groupsOnly')}</Text>
      </Stack>
    </Paper>
  );
}

/** The campaign's own information text in the chosen language (else in any it has). */
export function informationText(survey: RespondentSurvey, language: Language): string {
  return survey.information[language] ?? Object.values(survey.information)[0] ?? '';
}

/** The information-and-consent screen: who asks, why, what the privacy mode means, and the button to start. */
export function ConsentScreen({
  survey,
  language,
  kind,
  onAgree,
  agreeing,
  error,
  languagePicker,
  children,
}: {
  survey: RespondentSurvey;
  language: Language;
  kind: 'invitation' | 'open';
  onAgree: () => void;
  agreeing: boolean;
  error?: ReactNode;
  languagePicker: ReactNode;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const information = informationText(survey, language);
  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Text fw={600} c="alongside.9">
          {t('respond.consent.eyebrow')}
        </Text>
        <Title order={1} fz={{ base: 26, sm: 30 }}>
          {survey.campaignTitle}
        </Title>
      </Stack>
      {languagePicker}
      {information ? <Text className="prewrap">{information}</Text> : null}
      <PrivacyExplanation mode={survey.privacyMode} />
      <Stack gap={4} component="dl" m={0}>
        <Detail term={t('respond.consent.dataController')}>{survey.dataController}</Detail>
        <Detail term={t('respond.consent.ethicsApproval')}>{survey.ethicsApproval}</Detail>
        <Detail term={t('respond.consent.openUntil')}>{format.day(survey.waveClosesOn)}</Detail>
      </Stack>
      <Stack gap={4}>
        <Text>{t('respond.consent.voluntary')}</Text>
        <Text>{kind === 'invitation' ? t('respond.consent.resumeInvitation') : t('respond.consent.resumeOpen')}</Text>
      </Stack>
      {survey.attribution ? (
        <Text size="sm" c="dimmed" className="prewrap">
          {survey.attribution}
        </Text>
      ) : null}
      {error}
      <Group>
        <Button size="lg" onClick={onAgree} loading={agreeing}>
          {t('respond.consent.agree')}
        </Button>
      </Group>
      {children}
    </Stack>
  );
}

function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <Box>
      <Text component="dt" fw={600} span>
        {term}:{' '}
      </Text>
      <Text component="dd" span m={0}>
        {children}
      </Text>
    </Box>
  );
}

/** An open link's continuation code, large, with a copy button and the promise that it identifies nobody. */
export function ContinuationCodeBox({ code, compact = false }: { code: string; compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md" bg="gray.0">
      <Stack gap="xs">
        <Text fw={600} id="continuation-code-label">
          {t('respond.code.label')}
        </Text>
        <Group gap="sm" align="center" wrap="wrap">
          <Text className="mono" fz={compact ? 22 : 30} fw={700} aria-labelledby="continuation-code-label" style={{ letterSpacing: '0.08em' }}>
            {code}
          </Text>
          <CopyButton value={code}>
            {({ copied, copy }) => (
              <Button onClick={copy} variant={copied ? 'filled' : 'outline'} aria-live="polite">
                {copied ? t('respond.code.copied') : t('respond.code.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Text size="sm">{t('respond.code.noIdentity')}</Text>
      </Stack>
    </Paper>
  );
}

/** Why a link cannot be used: unknown, closed, or the server could not be reached (with a way to try again). */
export function LinkProblem({ error, kind, onRetry }: { error: unknown; kind: 'invitation' | 'open'; onRetry: () => void }) {
  const { t } = useTranslation();
  const status = error instanceof ApiError ? error.status : 0;
  const code = error instanceof ApiError ? error.code : '';
  let title: string;
  let body: string;
  let retry = false;
  if (status === 404 || code === 'not_found') {
    title = t('respond.problem.notFoundTitle');
    body = kind === 'invitation' ? t('respond.problem.notFoundInvitation') : t('respond.problem.notFoundOpen');
  } else if (code === 'survey_closed') {
    title = t('respond.problem.closedTitle');
    body = t('respond.problem.closed');
  } else {
    title = t('respond.problem.otherTitle');
    body = describeError(error, t);
    retry = true;
  }
  return (
    <Stack gap="md">
      <Title order={1} fz={{ base: 26, sm: 30 }}>
        {title}
      </Title>
      <Text role="alert">{body}</Text>
      {retry ? (
        <Group>
          <Button variant="outline" onClick={onRetry}>
            {t('common.tryAgain')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

/** A full-screen message after the survey (thank you, already answered). */
export function Outcome({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="md" role="status">
      <Title order={1} fz={{ base: 26, sm: 30 }}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}
