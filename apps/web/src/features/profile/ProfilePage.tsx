import type { Language } from '@alongside/contracts/vocabulary';
import { Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.ts';
import { ErrorAlert, SuccessAlert } from '../../components/Feedback.tsx';
import { LanguagePicker } from '../../components/LanguagePicker.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { applyLanguage, LANGUAGE_NAMES } from '../../i18n/index.ts';
import { describeError, useFormErrors } from '../../lib/errors.ts';
import { useSignedInMe } from '../session/RequireAuth.tsx';
import { rememberMe } from '../session/session.ts';

const MIN_PASSWORD = 10;

function LanguageSection() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState<string>();
  const save = useMutation({
    mutationFn: (language: Language) => api.patch('/api/me', { body: { language } }),
    onMutate: (language) => {
      setSaved(undefined);
      // Switch at once; the server confirms (or we switch back below).
      applyLanguage(language);
    },
    onSuccess: (me, language) => {
      rememberMe(queryClient, me);
      setSaved(t('profile.languageSaved', { language: LANGUAGE_NAMES[language] }));
    },
    onError: () => applyLanguage(me.language),
  });

  // Not a named region: its name would equal the "Language" field's label.
  return (
    <Card withBorder radius="md" padding="lg" component="section">
      <Stack gap="sm">
        <Title order={2} fz="xl" id="profile-language-title">
          {t('profile.languageTitle')}
        </Title>
        <LanguagePicker
          value={save.isPending ? save.variables : me.language}
          onChange={(lang) => save.mutate(lang)}
          description={t('profile.languageHelp')}
          disabled={save.isPending}
          maw={360}
        />
        <ErrorAlert message={save.isError ? describeError(save.error, t) : undefined} />
        <SuccessAlert message={save.isSuccess ? saved : undefined} />
      </Stack>
    </Card>
  );
}

function PasswordSection() {
  const { t } = useTranslation();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [local, setLocal] = useState<{
    currentPassword?: string;
    newPassword?: string;
  }>({});
  const { errors, fromError, clear, clearField } = useFormErrors(t, ['currentPassword', 'newPassword']);
  const change = useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => api.post('/api/auth/password', { body }),
    onSuccess: () => {
      setCurrent('');
      setNew('');
    },
    onError: fromError,
  });
  // The server says "wrong current password" either as 401 invalid_credentials or as a 400 on that field.
  const wrongCurrent =
    change.error instanceof ApiError &&
    (change.error.code === 'invalid_credentials' ||
      (change.error.status === 400 && change.error.fieldProblems.some((p) => p.field === 'currentPassword')));

  const onSubmit = (e: SyntheticEvent<HTMLFormElement>) => {
    e.preventDefault();
    clear();
    change.reset();
    const problems: typeof local = {};
    if (!currentPassword) problems.currentPassword = t('validation.required');
    if (newPassword.length < MIN_PASSWORD)
      problems.newPassword = t('validation.passwordMin', {
        count: MIN_PASSWORD,
      });
    setLocal(problems);
    if (problems.currentPassword || problems.newPassword) return;
    change.mutate({ currentPassword, newPassword });
  };

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="profile-password-title">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md" maw={440}>
          <Title order={2} fz="xl" id="profile-password-title">
            {t('profile.passwordTitle')}
          </Title>
          <TextInput
            label={t('profile.currentPassword')}
            type="password"
            autoComplete="current-password"
            required
            value={currentPassword}
            onChange={(e) => {
              setCurrent(e.currentTarget.value);
              clearField('currentPassword');
              setLocal((x) => ({ ...x, currentPassword: undefined }));
            }}
            error={local.currentPassword ?? (wrongCurrent ? t('profile.wrongCurrent') : errors.fields.currentPassword)}
          />
          <TextInput
            label={t('profile.newPassword')}
            description={t('invitation.passwordHelp', { count: MIN_PASSWORD })}
            type="password"
            autoComplete="new-password"
            required
            value={newPassword}
            onChange={(e) => {
              setNew(e.currentTarget.value);
              clearField('newPassword');
              setLocal((x) => ({ ...x, newPassword: undefined }));
            }}
            error={local.newPassword ?? errors.fields.newPassword}
          />
          <ErrorAlert message={change.isError ? errors.summary : undefined} />
          <SuccessAlert message={change.isSuccess ? t('profile.passwordChanged') : undefined} />
          <Group>
            <Button type="submit" loading={change.isPending}>
              {t('profile.changePassword')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** Your name and email, language, password and how long a session stays open. */
export function ProfilePage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  return (
    <Stack gap="lg">
      <PageHeader title={t('profile.title')} />
      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="profile-details-title">
        <Stack gap="xs">
          <Title order={2} fz="xl" id="profile-details-title">
            {t('profile.detailsTitle')}
          </Title>
          <dl style={{ margin: 0 }}>
            <Text component="dt" fw={600}>
              {t('profile.name')}
            </Text>
            <Text component="dd" ms={0} mb="sm">
              {me.user.name}
            </Text>
            <Text component="dt" fw={600}>
              {t('profile.email')}
            </Text>
            <Text component="dd" ms={0} className="mono">
              {me.user.email}
            </Text>
          </dl>
        </Stack>
      </Card>
      <LanguageSection />
      <PasswordSection />
      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="profile-session-title">
        <Stack gap="xs">
          <Title order={2} fz="xl" id="profile-session-title">
            {t('profile.sessionTitle')}
          </Title>
          <Text>{t('profile.sessionIdle', { count: me.sessionIdleMinutes })}</Text>
        </Stack>
      </Card>
    </Stack>
  );
}
