import { Anchor, Button, Loader, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState, LoadError } from '../../components/Feedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { describeError } from '../../lib/errors.ts';
import { useFormat } from '../../lib/format.ts';
import { useCampaignLabels } from '../campaigns/labels.ts';
import { ImportInstrumentModal } from './ImportInstrumentModal.tsx';
import { useInstrumentList, useLatestDefinitions, type Instrument } from './queries.ts';

/** The languages of each instrument's latest version, with whether each translation is validated. */
function LanguagesCell({
  languages,
}: {
  languages: { code: string; validated: boolean; method: string; staleItems: string[] }[] | undefined;
}) {
  const { t } = useTranslation();
  const labels = useCampaignLabels();
  if (!languages) return <Text size="sm">…</Text>;
  return (
    <Text size="sm">
      {languages
        .map((l) => {
          const notes = [
            l.method === 'original'
              ? t('instrumentLibrary.original')
              : l.validated
                ? t('instrumentLibrary.validated')
                : t('instrumentLibrary.notValidated'),
          ];
          if (l.staleItems.length > 0) notes.push(t('instrumentLibrary.staleItems', { count: l.staleItems.length }));
          return `${labels.language(l.code)} (${notes.join(', ')})`;
        })
        .join('; ')}
    </Text>
  );
}

/** Licence status and whether a campaign may use the instrument, in words. */
export function LicenceText({ instrument }: { instrument: Pick<Instrument, 'licence' | 'usable'> }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Text size="sm">{t(`instrumentLibrary.licence.${instrument.licence.status}`)}</Text>
      <Text size="sm" fw={600}>
        <span aria-hidden>{instrument.usable ? '✓ ' : '✕ '}</span>
        {instrument.usable ? t('instrumentLibrary.usable') : t('instrumentLibrary.notUsable')}
      </Text>
    </Stack>
  );
}

/** /instruments: the shared library every researcher can use, with import. */
export function InstrumentLibraryPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const instruments = useInstrumentList();
  const definitions = useLatestDefinitions(instruments.data ?? []);
  const [importing, setImporting] = useState(false);

  const importButton = <Button onClick={() => setImporting(true)}>{t('instrumentLibrary.import.button')}</Button>;

  return (
    <Stack gap="lg">
      <PageHeader title={t('instrumentLibrary.title')} description={t('instrumentLibrary.intro')}>
        <div>{importButton}</div>
      </PageHeader>
      {instruments.isPending ? (
        <Loader role="status" aria-label={t('common.loading')} />
      ) : instruments.isError ? (
        <LoadError
          message={describeError(instruments.error, t)}
          onRetry={() => void instruments.refetch()}
          retryLabel={t('common.tryAgain')}
        />
      ) : instruments.data.length === 0 ? (
        <EmptyState headingOrder={2} title={t('instrumentLibrary.emptyTitle')} action={importButton}>
          {t('instrumentLibrary.emptyBody')}
        </EmptyState>
      ) : (
        <DataTable
          caption={t('instrumentLibrary.title')}
          head={[
            t('instrumentLibrary.name'),
            t('instrumentLibrary.key'),
            t('instrumentLibrary.licenceTitle'),
            t('instrumentLibrary.latestVersion'),
            t('instrumentLibrary.languages'),
          ]}
          minWidth={900}
        >
          {instruments.data.map((instrument, index) => (
            <Table.Tr key={instrument.id}>
              <Table.Th scope="row" fw={500}>
                <Anchor component={Link} to={`/instruments/${instrument.id}`} className="plain-link">
                  {instrument.name}
                </Anchor>
              </Table.Th>
              <Table.Td className="mono">{instrument.key}</Table.Td>
              <Table.Td>
                <LicenceText instrument={instrument} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {t('instrumentLibrary.versionNumber', { number: instrument.latestVersion.number })}
                </Text>
                <Text size="sm">
                  {instrument.latestVersion.lockedAt
                    ? t('instrumentLibrary.lockedOn', { date: format.date(instrument.latestVersion.lockedAt) })
                    : t('instrumentLibrary.openToEdits')}
                </Text>
              </Table.Td>
              <Table.Td>
                <LanguagesCell languages={definitions[index]?.data?.definition.languages} />
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
      {importing ? <ImportInstrumentModal onClose={() => setImporting(false)} /> : null}
    </Stack>
  );
}
