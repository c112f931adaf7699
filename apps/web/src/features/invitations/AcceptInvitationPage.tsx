import type { Language } from '@alongside/contracts/vocabulary';
import { Button, Group, Loader, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../components/Feedback.tsx';
import { LanguagePicker } from '../../components/LanguagePicker.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PublicLayout } from '../../components/PublicLayout.tsx';
import { applyLanguage, currentLanguage } from '../../i18n/index.ts';
import { describeError, useFormErrors } from '../../lib/errors.ts';
import { useFormat } from '../../lib/format.ts';
import { useLabels } from '../../lib/labels.ts';
import { rememberMe } from '../session/session.ts';

const MIN_PASSWORD = 10;

/** Someone follows the link in their invitation: see what it is for, choose a password, join. */
export function AcceptInvitationPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const labels = useLabels();
  const format = useFormat();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [language, setLanguage] = useState<Language>(currentLanguage);
  const [localErrors, setLocalErrors] = useState<{
    name?: string;
    password?: string;
  }>({});
  const { errors, fromError, clear, clearField } = useFormErrors(t, ['name', 'password', 'language']);

  const preview = useQuery({
    queryKey: ['invitation-preview', token],
    queryFn: () => api.get('/api/invitations/by-token/{token}', { path: { token }, handleAuthFailure: false }),
    retry: false,
  });

  const accept = useMutation({
    mutationFn: (body: { name: string; password: string; language: Language }) =>
      api.post('/api/invitations/by-token/{token}/accept', { path: { token }, body, handleAuthFailure: false }),
    onSuccess: async (me) => {
      rememberMe(queryClient, me);
      await navigate('/', { replace: true });
    },
    onError: fromError,
  });

  const signInHref = `/sign-in?next=${encodeURIComponent(`/invitations/${token}`)}`;

  const onSubmit = (e: SyntheticEvent<HTMLFormElement>) => {
    e.preventDefault();
    clear();
    const local: { name?: string; password?: string } = {};
    if (!name.trim()) local.name = t('validation.required');
    if (password.length < MIN_PASSWORD) local.password = t('validation.passwordMin', { count: MIN_PASSWORD });
    setLocalErrors(local);
    if (local.name || local.password) return;
    accept.mutate({ name: name.trim(), password, language });
  };

  let content;
  let formShown = false;
  if (preview.isPending) {
    content = <Loader role="status" aria-label={t('common.loading')} />;
  } else if (preview.isError) {
    const code = preview.error instanceof ApiError ? preview.error.code : '';
    const status = preview.error instanceof ApiError ? preview.error.status : 0;
    const message =
      status === 404 || code === 'not_found'
        ? t('invitation.notFound')
        : status === 410 || code === 'invitation_expired'
          ? t('invitation.expired')
          : describeError(preview.error, t);
    content = (
      <Stack>
        <PageHeader title={t('invitation.problemTitle')} />
        <ErrorAlert message={message} />
        <Group>
          <Button component={Link} to="/sign-in" variant="outline">
            {t('invitation.goToSignIn')}
          </Button>
        </Group>
      </Stack>
    );
  } else {
    const p = preview.data;
    const accountExists = p.hasAccount || (accept.error instanceof ApiError && accept.error.code === 'account_exists');
    formShown = !accountExists;
    content = (
      <Stack gap="lg">
        <PageHeader
          title={t('invitation.title', { organization: p.organizationName })}
          description={t('invitation.intro')}
        />
        <Paper withBorder p="md" radius="md">
          <Stack gap={6}>
            <Text>
              <strong>{t('invitation.forEmail')}</strong> <span className="mono">{p.email}</span>
            </Text>
            <Text>
              <strong>{t('invitation.organization')}</strong> {p.organizationName}
            </Text>
            {p.teamName ? (
              <Text>
                <strong>{t('invitation.team')}</strong> {p.teamName}
              </Text>
            ) : null}
            <Text>
              <strong>{t('invitation.role')}</strong> {labels.role(p.role)}
            </Text>
            <Text>
              <strong>{t('invitation.expires')}</strong> {format.dateTime(p.expiresAt)}
            </Text>
          </Stack>
        </Paper>

        {accountExists ? (
          <Paper withBorder p="md" radius="md" role="status" bg="alongside.0">
            <Stack gap="sm">
              <Title order={2} fz="lg">
                {t('invitation.accountExistsTitle')}
              </Title>
              <Text>{t('invitation.accountExists', { email: p.email })}</Text>
              <Group>
                <Button component={Link} to={signInHref}>
                  {t('invitation.signInFirst')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        ) : (
          <form onSubmit={onSubmit} noValidate>
            <Stack gap="md" maw={440}>
              <Title order={2} fz="xl">
                {t('invitation.formTitle')}
              </Title>
              <TextInput
                label={t('invitation.name')}
                description={t('invitation.nameHelp')}
                autoComplete="name"
                required
                value={name}
                onChange={(e) => {
                  setName(e.currentTarget.value);
                  clearField('name');
                  setLocalErrors((x) => ({ ...x, name: undefined }));
                }}
                error={localErrors.name ?? errors.fields.name}
              />
              <TextInput
                label={t('invitation.password')}
                description={t('invitation.passwordHelp', {
                  count: MIN_PASSWORD,
                })}
                type="password"
                autoComplete="new-password"
                required
                value={password}
                onChange={(e) => {
                  setPassword(e.currentTarget.value);
                  clearField('password');
                  setLocalErrors((x) => ({ ...x, password: undefined }));
                }}
                error={localErrors.password ?? errors.fields.password}
              />
              <LanguagePicker
                value={language}
                description={t('invitation.languageHelp')}
                error={errors.fields.language}
                onChange={(lang) => {
                  setLanguage(lang);
                  applyLanguage(lang);
                }}
              />
              <ErrorAlert message={accept.isError ? errors.summary : undefined} />
              <Group>
                <Button type="submit" loading={accept.isPending}>
                  {t('invitation.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    );
  }

  return <PublicLayout languagePicker={!formShown}>{content}</PublicLayout>;
}
