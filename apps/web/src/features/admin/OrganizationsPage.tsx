import type { CountryCode } from '@alongside/contracts';
import {
  Button,
  Card,
  Group,
  Loader,
  NativeSelect,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState, ErrorAlert, LoadError, SuccessAlert } from '../../components/Feedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { describeError, useFormErrors } from '../../lib/errors.ts';
import { useFormat } from '../../lib/format.ts';
import { useAdmin } from './AdminLayout.tsx';
import { ResearchCampaignsSection } from './ResearchCampaignsSection.tsx';
import { useCountries, useCreateOrganization } from './queries.ts';

function CreateOrganizationForm() {
  const { t } = useTranslation();
  const [created, setCreated] = useState<string>();
  const countries = useCountries();
  const create = useCreateOrganization();
  const [name, setName] = useState('');
  const [countryCode, setCountryCode] = useState<CountryCode | ''>('');
  const [k, setK] = useState<number | string>(5);
  const [local, setLocal] = useState<{
    name?: string;
    countryCode?: string;
    privacyThresholdK?: string;
  }>({});
  const { errors, fromError, clear, clearField } = useFormErrors(t, ['name', 'countryCode', 'privacyThresholdK']);

  const onSubmit = (e: SyntheticEvent<HTMLFormElement>) => {
    e.preventDefault();
    clear();
    setCreated(undefined);
    const problems: typeof local = {};
    if (!name.trim()) problems.name = t('validation.required');
    if (!countryCode) problems.countryCode = t('validation.choose');
    const kNumber = typeof k === 'number' ? k : Number(k);
    if (!Number.isInteger(kNumber) || kNumber < 2 || kNumber > 50)
      problems.privacyThresholdK = t('organizations.kRange');
    setLocal(problems);
    if (Object.values(problems).some(Boolean) || !countryCode) return;
    create.mutate(
      { name: name.trim(), countryCode, privacyThresholdK: kNumber },
      {
        onSuccess: (org) => {
          setCreated(t('organizations.created', { name: org.name }));
          setName('');
          setCountryCode('');
          setK(5);
        },
        onError: fromError,
      },
    );
  };

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="org-create-title">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md" maw={480}>
          <Title order={2} fz="xl" id="org-create-title">
            {t('organizations.createTitle')}
          </Title>
          <TextInput
            label={t('fields.name')}
            required
            value={name}
            onChange={(e) => {
              setName(e.currentTarget.value);
              clearField('name');
              setLocal((x) => ({ ...x, name: undefined }));
            }}
            error={local.name ?? errors.fields.name}
          />
          <NativeSelect
            label={t('organizations.country')}
            required
            value={countryCode}
            onChange={(e) => {
              setCountryCode(e.currentTarget.value as CountryCode | '');
              clearField('countryCode');
              setLocal((x) => ({ ...x, countryCode: undefined }));
            }}
            data={[
              { value: '', label: t('organizations.chooseCountry') },
              ...(countries.data ?? []).map((c) => ({
                value: c.code,
                label: t(`countries.${c.code}`, { defaultValue: c.name }),
              })),
            ]}
            error={
              local.countryCode ??
              errors.fields.countryCode ??
              (countries.isError ? describeError(countries.error, t) : undefined)
            }
          />
          <NumberInput
            label={t('organizations.k')}
            description={t('organizations.kHelp')}
            min={2}
            max={50}
            step={1}
            allowDecimal={false}
            value={k}
            onChange={(v) => {
              setK(v);
              clearField('privacyThresholdK');
              setLocal((x) => ({ ...x, privacyThresholdK: undefined }));
            }}
            error={local.privacyThresholdK ?? errors.fields.privacyThresholdK}
          />
          <ErrorAlert message={create.isError ? errors.summary : undefined} />
          <SuccessAlert message={created} onClose={() => setCreated(undefined)} closeLabel={t('common.dismiss')} />
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('organizations.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** Organizations: everyone with admin rights sees theirs; platform administrators add new ones. */
export function OrganizationsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { organizations, status, error, refetch, roles } = useAdmin();

  return (
    <Stack gap="lg">
      <PageHeader title={t('organizations.title')} description={t('organizations.intro')} />
      <section aria-labelledby="org-list-title">
        <Title order={2} fz="xl" mb="sm" id="org-list-title">
          {t('organizations.listTitle')}
        </Title>
        {status === 'pending' ? (
          <Loader role="status" aria-label={t('common.loading')} />
        ) : status === 'error' ? (
          <LoadError message={describeError(error, t)} onRetry={refetch} retryLabel={t('common.tryAgain')} />
        ) : organizations.length === 0 ? (
          <EmptyState title={t('organizations.emptyTitle')}>
            {roles.isPlatformAdmin ? t('organizations.emptyPlatform') : t('organizations.emptyOrgAdmin')}
          </EmptyState>
        ) : (
          <DataTable
            caption={t('organizations.listTitle')}
            head={[t('fields.name'), t('organizations.country'), t('organizations.kShort'), t('fields.created')]}
            minWidth={520}
          >
            {organizations.map((o) => (
              <Table.Tr key={o.id}>
                <Table.Td fw={600}>{o.name}</Table.Td>
                <Table.Td>{t(`countries.${o.countryCode}`)}</Table.Td>
                <Table.Td>{format.number(o.privacyThresholdK)}</Table.Td>
                <Table.Td>{format.date(o.createdAt)}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </section>
      {status === 'success' && organizations.length > 0 ? (
        <ResearchCampaignsSection organizationIds={organizations.map((o) => o.id)} />
      ) : null}
      {roles.isPlatformAdmin ? <CreateOrganizationForm /> : <Text>{t('organizations.onlyPlatform')}</Text>}
    </Stack>
  );
}
