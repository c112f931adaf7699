import type { DemoLogin } from '@alongside/contracts';
import { Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { api, type ApiBody } from '../../api/client.ts';
import { ErrorAlert } from '../../components/Feedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PublicLayout } from '../../components/PublicLayout.tsx';
import { useFormErrors } from '../../lib/errors.ts';
import { useLabels } from '../../lib/labels.ts';
import { safeNextPath } from '../../lib/paths.ts';
import { rememberMe, useMe } from '../session/session.ts';

type Credentials = ApiBody<'/api/auth/login', 'post'>;

export function SignInPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const queryClient = useQueryClient();
  const me = useMe();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { errors, fromError, clear, clearField } = useFormErrors(t, ['email', 'password']);
  const [localErrors, setLocalErrors] = useState<Partial<Record<keyof Credentials, string>>>({});
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const demo = useQuery({
    queryKey: ['demo-logins'],
    queryFn: () => api.get('/api/demo-logins', { handleAuthFailure: false }),
    retry: false,
    staleTime: Infinity,
  });

  const login = useMutation({
    mutationFn: (body: Credentials) => api.post('/api/auth/login', { body, handleAuthFailure: false }),
    onSuccess: (data) => rememberMe(queryClient, data),
    onError: fromError,
  });

  if (me.data) return <Navigate to={safeNextPath(params.get('next'))} replace />;

  const submit = (body: Credentials) => {
    clear();
    const missing: Partial<Record<keyof Credentials, string>> = {};
    if (!body.email.trim()) missing.email = t('validation.required');
    if (!body.password) missing.password = t('validation.required');
    setLocalErrors(missing);
    if (missing.email) return emailRef.current?.focus();
    if (missing.password) return passwordRef.current?.focus();
    login.mutate({ email: body.email.trim(), password: body.password });
  };

  const onSubmit = (e: SyntheticEvent<HTMLFormElement>) => {
    e.preventDefault();
    submit({ email, password });
  };

  const fill = (d: DemoLogin) => {
    setEmail(d.email);
    setPassword(d.password);
    setLocalErrors({});
    clear();
  };

  const expired = params.get('reason') === 'session_expired';
  const demoLogins = demo.isSuccess && Array.isArray(demo.data) ? demo.data : [];

  return (
    <PublicLayout>
      <Stack gap="xl">
        <div>
          <PageHeader title={t('signIn.title')} description={t('signIn.intro')} />
          {expired ? (
            <Paper withBorder p="md" mb="md" role="status" bg="alongside.0">
              <Text fw={600}>{t('signIn.sessionExpired')}</Text>
              <Text size="sm">{t('signIn.sessionExpiredHelp')}</Text>
            </Paper>
          ) : null}
          <form onSubmit={onSubmit} noValidate>
            <Stack gap="md" maw={420}>
              <TextInput
                ref={emailRef}
                label={t('signIn.email')}
                type="email"
                name="email"
                autoComplete="username"
                inputMode="email"
                required
                value={email}
                onChange={(e) => {
                  setEmail(e.currentTarget.value);
                  clearField('email');
                  setLocalErrors((p) => ({ ...p, email: undefined }));
                }}
                error={localErrors.email ?? errors.fields.email}
              />
              <TextInput
                ref={passwordRef}
                label={t('signIn.password')}
                type="password"
                name="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => {
                  setPassword(e.currentTarget.value);
                  clearField('password');
                  setLocalErrors((p) => ({ ...p, password: undefined }));
                }}
                error={localErrors.password ?? errors.fields.password}
              />
              <ErrorAlert message={login.isError ? errors.summary : undefined} />
              <Group>
                <Button type="submit" loading={login.isPending}>
                  {t('signIn.submit')}
                </Button>
              </Group>
              <Text size="sm">{t('signIn.noAccount')}</Text>
            </Stack>
          </form>
        </div>

        {demoLogins.length > 0 ? (
          <section aria-labelledby="demo-accounts-title">
            <Title order={2} id="demo-accounts-title" fz="xl" mb="xs">
              {t('signIn.demoTitle')}
            </Title>
            <Text mb="md">{t('signIn.demoIntro')}</Text>
            <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {demoLogins.map((d) => (
                <Paper component="li" key={d.email} withBorder p="sm" radius="md">
                  <Group justify="space-between" wrap="wrap" gap="sm">
                    <Stack gap={4} style={{ minWidth: 0, flex: '1 1 220px' }}>
                      <Text fw={600}>{d.name}</Text>
                      <Text size="sm" className="mono">
                        {d.email}
                      </Text>
                      <Group gap={6}>
                        {d.roles.map((r) => (
                          <Badge key={r} variant="light" color="alongside" tt="none" size="lg" radius="sm">
                            {labels.role(r)}
                          </Badge>
                        ))}
                      </Group>
                    </Stack>
                    <Group gap="xs">
                      <Button
                        variant="outline"
                        size="sm"
                        className="tap-target"
                        onClick={() => fill(d)}
                        aria-label={t('signIn.demoFillLabel', { name: d.name })}
                      >
                        {t('signIn.demoFill')}
                      </Button>
                      <Button
                        size="sm"
                        className="tap-target"
                        loading={login.isPending && login.variables.email === d.email}
                        onClick={() => {
                          fill(d);
                          submit({ email: d.email, password: d.password });
                        }}
                        aria-label={t('signIn.demoContinueLabel', {
                          name: d.name,
                        })}
                      >
                        {t('signIn.demoContinue')}
                      </Button>
                    </Group>
                  </Group>
                </Paper>
              ))}
            </Stack>
          </section>
        ) : null}
      </Stack>
    </PublicLayout>
  );
}
