import { INSTRUMENT_FORMATS, LANGUAGES, type Language } from '@alongside/contracts';
import {
  Anchor,
  Button,
  Card,
  Group,
  Loader,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type ReactNode, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState, ErrorAlert, LoadError, SuccessAlert } from '../../components/Feedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { describeError, useFormErrors } from '../../lib/errors.ts';
import { useFormat } from '../../lib/format.ts';
import { useCampaignLabels } from '../campaigns/labels.ts';
import { localDay } from '../step-away/rules.ts';
import { NoticeList } from './ImportInstrumentModal.tsx';
import { LicenceText } from './InstrumentLibraryPage.tsx';
import { needsPermission, permissionApplies, withPermission } from './library.ts';
import {
  instrumentExportUrl,
  useInstrument,
  useInstrumentVersions,
  useUpdateInstrument,
  type Instrument,
} from './queries.ts';

function Term({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" fw={600}>
        {label}
      </Text>
      <Text component="dd" m={0} className="prewrap">
        {children}
      </Text>
    </div>
  );
}

const PERMISSION_FIELDS = [
  'licence.permission.grantedBy',
  'licence.permission.grantedOn',
  'licence.permission.file',
] as const;

/** Who gave permission, when, and where the letter is kept: recorded, the instrument becomes usable in campaigns. */
function PermissionForm({ instrument }: { instrument: Instrument }) {
  const { t } = useTranslation();
  const update = useUpdateInstrument(instrument.id);
  const current = instrument.licence.permission;
  const [grantedBy, setGrantedBy] = useState(current?.grantedBy ?? '');
  const [grantedOn, setGrantedOn] = useState(current?.grantedOn ?? '');
  const [file, setFile] = useState(current?.file ?? '');
  const [local, setLocal] = useState<Record<string, string | undefined>>({});
  const [saved, setSaved] = useState<string>();
  const { errors, fromError, clear } = useFormErrors(t, PERMISSION_FIELDS);

  const onSubmit = (e: SyntheticEvent<HTMLFormElement>) => {
    e.preventDefault();
    clear();
    setSaved(undefined);
    const problems: Record<string, string | undefined> = {};
    if (!grantedBy.trim()) problems.grantedBy = t('validation.required');
    if (!grantedOn) problems.grantedOn = t('validation.required');
    else if (grantedOn > localDay(new Date())) problems.grantedOn = t('instrumentLibrary.permission.future');
    if (!file.trim()) problems.file = t('validation.required');
    setLocal(problems);
    if (Object.values(problems).some(Boolean)) return;
    update.mutate(
      {
        licence: withPermission(instrument.licence, { grantedBy: grantedBy.trim(), grantedOn, file: file.trim() }),
        version: instrument.version,
      },
      { onSuccess: () => setSaved(t('instrumentLibrary.permission.saved')), onError: fromError },
    );
  };
  const field = (name: 'grantedBy' | 'grantedOn' | 'file') =>
    local[name] ?? errors.fields[`licence.permission.${name}`];

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="permission-title">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md" maw={560}>
          <Title order={2} fz="xl" id="permission-title">
            {t('instrumentLibrary.permission.title')}
          </Title>
          <Text size="sm">{t('instrumentLibrary.permission.intro')}</Text>
          <TextInput
            label={t('instrumentLibrary.permission.grantedBy')}
            description={t('instrumentLibrary.permission.grantedByHelp')}
            required
            value={grantedBy}
            onChange={(e) => {
              setGrantedBy(e.currentTarget.value);
              setLocal((x) => ({ ...x, grantedBy: undefined }));
            }}
            error={field('grantedBy')}
          />
          <TextInput
            type="date"
            label={t('instrumentLibrary.permission.grantedOn')}
            required
            value={grantedOn}
            onChange={(e) => {
              setGrantedOn(e.currentTarget.value);
              setLocal((x) => ({ ...x, grantedOn: undefined }));
            }}
            error={field('grantedOn')}
            maw={240}
          />
          <TextInput
            label={t('instrumentLibrary.permission.file')}
            description={t('instrumentLibrary.permission.fileHelp')}
            required
            value={file}
            onChange={(e) => {
              setFile(e.currentTarget.value);
              setLocal((x) => ({ ...x, file: undefined }));
            }}
            error={field('file')}
          />
          <ErrorAlert message={update.isError ? errors.summary : undefined} />
          <SuccessAlert message={saved} onClose={() => setSaved(undefined)} closeLabel={t('common.dismiss')} />
          <Group>
            <Button type="submit" loading={update.isPending}>
              {current ? t('instrumentLibrary.permission.update') : t('instrumentLibrary.permission.record')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function Downloads({ instrument, versions }: { instrument: Instrument; versions: number[] }) {
  const { t } = useTranslation();
  const labels = useCampaignLabels();
  const [version, setVersion] = useState(instrument.latestVersion.number);
  const [language, setLanguage] = useState<Language | ''>('');
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="downloads-title">
      <Stack gap="md">
        <Title order={2} fz="xl" id="downloads-title">
          {t('instrumentLibrary.downloads.title')}
        </Title>
        <Text size="sm">{t('instrumentLibrary.downloads.intro')}</Text>
        <Group align="end" gap="md" wrap="wrap">
          <NativeSelect
            label={t('instrumentLibrary.downloads.version')}
            value={String(version)}
            onChange={(e) => setVersion(Number(e.currentTarget.value))}
            data={versions.map((n) => ({
              value: String(n),
              label: t('instrumentLibrary.versionNumber', { number: n }),
            }))}
            maw={220}
          />
          <NativeSelect
            label={t('instrumentLibrary.downloads.language')}
            description={t('instrumentLibrary.downloads.languageHelp')}
            value={language}
            onChange={(e) => setLanguage(LANGUAGES.find((l) => l === e.currentTarget.value) ?? '')}
            data={[
              { value: '', label: t('instrumentLibrary.downloads.allLanguages') },
              ...LANGUAGES.map((l) => ({ value: l, label: labels.language(l) })),
            ]}
            maw={280}
          />
        </Group>
        <Group gap="sm">
          {INSTRUMENT_FORMATS.map((format) => (
            <Button
              key={format}
              component="a"
              href={instrumentExportUrl(instrument.id, format, version, language || undefined)}
              download
              variant="outline"
            >
              {t('instrumentLibrary.downloads.as', { format: t(`instrumentLibrary.formats.${format}`) })}
            </Button>
          ))}
        </Group>
      </Stack>
    </Card>
  );
}

/** /instruments/:id: licence, versions (locked or open), downloads, and the permission record. */
export function InstrumentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const format = useFormat();
  const instrument = useInstrument(id);
  const versions = useInstrumentVersions(id);

  if (instrument.isPending) return <Loader role="status" aria-label={t('common.loading')} />;
  if (instrument.isError) {
    if (isApiError(instrument.error) && instrument.error.status === 404) {
      return (
        <Stack>
          <PageHeader title={t('instrumentLibrary.notFound')} />
          <div>
            <Button component={Link} to="/instruments">
              {t('instrumentLibrary.back')}
            </Button>
          </div>
        </Stack>
      );
    }
    return (
      <LoadError
        message={describeError(instrument.error, t)}
        onRetry={() => void instrument.refetch()}
        retryLabel={t('common.tryAgain')}
      />
    );
  }
  const i = instrument.data;
  const licence = i.licence;

  return (
    <Stack gap="lg">
      <PageHeader title={i.name} description={<span className="mono">{i.key}</span>}>
        <Group gap="sm">
          <Button component={Link} to={`/instruments/${i.id}/edit`} variant="outline">
            {t('instrumentLibrary.edit')}
          </Button>
          <Anchor component={Link} to="/instruments" className="plain-link">
            {t('instrumentLibrary.back')}
          </Anchor>
        </Group>
      </PageHeader>

      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="licence-title">
        <Stack gap="md">
          <Title order={2} fz="xl" id="licence-title">
            {t('instrumentLibrary.licenceTitle')}
          </Title>
          <LicenceText instrument={i} />
          {needsPermission(licence) ? <Text>{t('instrumentLibrary.needsPermissionLine')}</Text> : null}
          <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="md" m={0}>
            {licence.attribution ? <Term label={t('instrumentLibrary.attribution')}>{licence.attribution}</Term> : null}
            {licence.copyright ? <Term label={t('instrumentLibrary.copyright')}>{licence.copyright}</Term> : null}
            <Term label={t('instrumentLibrary.wording')}>
              {licence.wordingEditable ? t('instrumentLibrary.wordingEditable') : t('instrumentLibrary.wordingLocked')}
            </Term>
            {i.url ? <Term label={t('instrumentLibrary.url')}>{i.url}</Term> : null}
            {licence.permission ? (
              <Term label={t('instrumentLibrary.permission.recorded')}>
                {t('instrumentLibrary.permission.line', {
                  who: licence.permission.grantedBy,
                  date: format.day(licence.permission.grantedOn),
                  file: licence.permission.file,
                })}
              </Term>
            ) : null}
          </SimpleGrid>
        </Stack>
      </Card>

      <section aria-labelledby="versions-title">
        <Stack gap="sm">
          <Title order={2} fz="xl" id="versions-title">
            {t('instrumentLibrary.versionsTitle')}
          </Title>
          <Text size="sm">{t('instrumentLibrary.versionsIntro')}</Text>
          {versions.isPending ? (
            <Loader role="status" aria-label={t('common.loading')} />
          ) : versions.isError ? (
            <LoadError
              message={describeError(versions.error, t)}
              onRetry={() => void versions.refetch()}
              retryLabel={t('common.tryAgain')}
            />
          ) : versions.data.length === 0 ? (
            <EmptyState title={t('instrumentLibrary.noVersions')} />
          ) : (
            <>
              <DataTable
                caption={t('instrumentLibrary.versionsTitle')}
                head={[
                  t('instrumentLibrary.version'),
                  t('fields.created'),
                  t('instrumentLibrary.state'),
                  t('instrumentLibrary.sourceFormat'),
                  t('instrumentLibrary.noticesCount'),
                ]}
                minWidth={640}
              >
                {versions.data.map((v) => (
                  <Table.Tr key={v.id}>
                    <Table.Th scope="row" fw={500}>
                      {t('instrumentLibrary.versionNumber', { number: v.number })}
                    </Table.Th>
                    <Table.Td>{format.date(v.createdAt)}</Table.Td>
                    <Table.Td>
                      {v.lockedAt
                        ? t('instrumentLibrary.lockedOn', { date: format.date(v.lockedAt) })
                        : t('instrumentLibrary.openToEdits')}
                    </Table.Td>
                    <Table.Td>{t(`instrumentLibrary.formats.${v.sourceFormat}`)}</Table.Td>
                    <Table.Td>{format.number(v.notices.length)}</Table.Td>
                  </Table.Tr>
                ))}
              </DataTable>
              {versions.data
                .filter((v) => v.notices.length > 0)
                .map((v) => (
                  <Stack key={v.id} gap="xs">
                    <Title order={3} fz="md">
                      {t('instrumentLibrary.noticesOf', { number: v.number })}
                    </Title>
                    <NoticeList notices={v.notices} label={t('instrumentLibrary.noticesOf', { number: v.number })} />
                  </Stack>
                ))}
            </>
          )}
        </Stack>
      </section>

      <Downloads
        instrument={i}
        versions={
          versions.data?.length ? versions.data.map((v) => v.number).sort((a, b) => b - a) : [i.latestVersion.number]
        }
      />
      {permissionApplies(licence.status) ? <PermissionForm instrument={i} /> : null}
    </Stack>
  );
}
