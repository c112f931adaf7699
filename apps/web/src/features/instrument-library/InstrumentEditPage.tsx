import { Alert, Button, Group, Stack } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { InstrumentDefinition, Licence } from '@alongside/contracts';
import { api } from '../../api/client.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { FullPageLoader } from '../../components/FullPageLoader.tsx';
import { LoadError } from '../../components/Feedback.tsx';
import { describeError } from '../../lib/errors.ts';
import { InstrumentEditor } from '../instruments/InstrumentEditor.tsx';
import { instrumentKeys, useInstrument } from './queries.ts';

/**
 * The instrument editor on its route: the latest version is edited in place while nobody has answered it; once it
 * has a response, saving makes the next version (the server refuses to change a locked one). A licence change is
 * recorded on the instrument itself.
 */
export function InstrumentEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const instrument = useInstrument(id);
  const number = instrument.data?.latestVersion.number;
  const version = useQuery({
    queryKey: instrumentKeys.version(id, number ?? 0),
    queryFn: () => api.get('/api/instruments/{id}/versions/{number}', { path: { id, number: number! } }),
    enabled: number !== undefined,
  });
  const failed = instrument.error ?? version.error;
  if (failed) return <LoadError message={describeError(failed, t)} onRetry={() => void (instrument.error ? instrument.refetch() : version.refetch())} retryLabel={t('common.tryAgain')} />;
  if (!instrument.data || !version.data) return <FullPageLoader />;
  const current = instrument.data;
  const latest = version.data;
  const locked = latest.lockedAt !== null;

  async function save({ definition, licence }: { definition: InstrumentDefinition; licence: Licence }) {
    if (JSON.stringify(licence) !== JSON.stringify(current.licence)) {
      await api.patch('/api/instruments/{id}', { path: { id }, body: { licence, version: current.version } });
    }
    if (JSON.stringify(definition) !== JSON.stringify(latest.definition)) {
      if (locked) await api.post('/api/instruments/{id}/versions', { path: { id }, body: { definition, basedOn: latest.number } });
      else await api.put('/api/instruments/{id}/versions/{number}', { path: { id, number: latest.number }, body: { definition } });
    }
    await queryClient.invalidateQueries({ queryKey: instrumentKeys.one(id) });
    await queryClient.invalidateQueries({ queryKey: instrumentKeys.list, exact: true });
  }

  return (
    <Stack gap="md">
      <PageHeader title={t('instrumentLibrary.editor.title', { name: current.name })} />
      <Group>
        <Button component={Link} to={`/instruments/${encodeURIComponent(id)}`} variant="default">
          {t('instrumentLibrary.editor.back')}
        </Button>
      </Group>
      <InstrumentEditor
        // A new version (or a licence change) reloads the editor from what the server now holds.
        key={`${latest.id}:${current.version}`}
        definition={latest.definition}
        licence={current.licence}
        onSave={save}
        notice={
          <Alert color={locked ? 'yellow' : 'blue'} variant="light">
            {locked ? t('instrumentLibrary.editor.lockedNotice', { number: latest.number, next: latest.number + 1 }) : t('instrumentLibrary.editor.draftNotice', { number: latest.number })}
          </Alert>
        }
      />
    </Stack>
  );
}
