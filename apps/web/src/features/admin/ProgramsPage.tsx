import type { Organization, Program } from '@alongside/contracts';
import { Button, Card, Group, Loader, Modal, Stack, Table, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState, ErrorAlert, LoadError, SuccessAlert } from '../../components/Feedback.tsx';
import { describeError, useFormErrors } from '../../lib/errors.ts';
import { useFormat } from '../../lib/format.ts';
import { useLabels } from '../../lib/labels.ts';
import { AdminPage } from './AdminLayout.tsx';
import {
  emptyProgramForm,
  formToProfile,
  PROGRAM_FIELDS,
  ProgramFields,
  programToForm,
  validateProgramForm,
  type ProgramFormValues,
} from './ProgramForm.tsx';
import { keys, useCreateProgram, usePrograms, useUpdateProgram } from './queries.ts';

function CreateProgramForm({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const create = useCreateProgram();
  const [created, setCreated] = useState<string>();
  const [values, setValues] = useState<ProgramFormValues>(emptyProgramForm);
  const [local, setLocal] = useState<Partial<Record<string, string>>>({});
  const { errors, fromError, clear, clearField } = useFormErrors(t, PROGRAM_FIELDS);

  const onSubmit = (e: SyntheticEvent<HTMLFormElement>) => {
    e.preventDefault();
    clear();
    setCreated(undefined);
    const problems = validateProgramForm(values, t);
    setLocal(problems);
    if (Object.keys(problems).length > 0 || !values.setting) return;
    create.mutate(
      {
        organizationId: organization.id,
        name: values.name.trim(),
        setting: values.setting,
        ...formToProfile(values),
      },
      {
        onSuccess: (program) => {
          setCreated(t('programs.created', { name: program.name }));
          setValues(emptyProgramForm());
        },
        onError: fromError,
      },
    );
  };

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="program-create-title">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md" maw={640}>
          <Title order={2} fz="xl" id="program-create-title">
            {t('programs.createTitle', { organization: organization.name })}
          </Title>
          <ProgramFields
            idPrefix="create-program"
            values={values}
            onChange={(next, field) => {
              setValues(next);
              clearField(field);
              setLocal((x) => ({ ...x, [field]: undefined }));
            }}
            errors={{
              ...errors.fields,
              ...Object.fromEntries(Object.entries(local).filter(([, v]) => v)),
            }}
          />
          <ErrorAlert message={create.isError ? errors.summary : undefined} />
          <SuccessAlert message={created} onClose={() => setCreated(undefined)} closeLabel={t('common.dismiss')} />
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('programs.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function EditProgramModal({
  program,
  onClose,
  onSaved,
}: {
  program: Program;
  onClose: () => void;
  onSaved: (name: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const update = useUpdateProgram(program);
  const [base, setBase] = useState<Program>(program);
  const [values, setValues] = useState<ProgramFormValues>(() => programToForm(program));
  const [local, setLocal] = useState<Partial<Record<string, string>>>({});
  const [reloading, setReloading] = useState(false);
  const { errors, fromError, clear, clearField } = useFormErrors(t, PROGRAM_FIELDS);
  const conflict = update.error instanceof ApiError && update.error.code === 'version_conflict';

  const onSubmit = (e: SyntheticEvent<HTMLFormElement>) => {
    e.preventDefault();
    clear();
    const problems = validateProgramForm(values, t);
    setLocal(problems);
    if (Object.keys(problems).length > 0 || !values.setting) return;
    update.mutate(
      {
        name: values.name.trim(),
        setting: values.setting,
        ...formToProfile(values),
        version: base.version,
      },
      {
        onSuccess: (saved) => onSaved(saved.name),
        onError: fromError,
      },
    );
  };

  /** Someone else saved first: fetch their version and start again from it. */
  const reload = async () => {
    setReloading(true);
    try {
      await queryClient.invalidateQueries({
        queryKey: keys.programs(program.organizationId),
      });
      const fresh = queryClient
        .getQueryData<Program[]>(keys.programs(program.organizationId))
        ?.find((p) => p.id === program.id);
      if (fresh) {
        setBase(fresh);
        setValues(programToForm(fresh));
      }
      update.reset();
      clear();
    } finally {
      setReloading(false);
    }
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('programs.editTitle', { name: program.name })}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <ProgramFields
            idPrefix="edit-program"
            values={values}
            onChange={(next, field) => {
              setValues(next);
              clearField(field);
              setLocal((x) => ({ ...x, [field]: undefined }));
            }}
            errors={{
              ...errors.fields,
              ...Object.fromEntries(Object.entries(local).filter(([, v]) => v)),
            }}
          />
          <ErrorAlert message={update.isError ? (conflict ? t('errors.versionConflict') : errors.summary) : undefined}>
            {conflict ? (
              <div>
                <Button size="sm" variant="outline" color="red.9" loading={reloading} onClick={() => void reload()}>
                  {t('programs.reloadLatest')}
                </Button>
              </div>
            ) : null}
          </ErrorAlert>
          <Group justify="flex-end">
            <Button variant="outline" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending} disabled={conflict}>
              {t('programs.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function ProgramsBody({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const format = useFormat();
  const programs = usePrograms(organization.id);
  const [editing, setEditing] = useState<Program>();
  const [notice, setNotice] = useState<string>();

  return (
    <Stack gap="lg">
      <SuccessAlert message={notice} onClose={() => setNotice(undefined)} closeLabel={t('common.dismiss')} />
      <section aria-labelledby="program-list-title">
        <Title order={2} fz="xl" mb="sm" id="program-list-title">
          {t('programs.listTitle', { organization: organization.name })}
        </Title>
        {programs.isPending ? (
          <Loader role="status" aria-label={t('common.loading')} />
        ) : programs.isError ? (
          <LoadError
            message={describeError(programs.error, t)}
            onRetry={() => void programs.refetch()}
            retryLabel={t('common.tryAgain')}
          />
        ) : programs.data.length === 0 ? (
          <EmptyState title={t('programs.emptyTitle')}>{t('programs.emptyBody')}</EmptyState>
        ) : (
          <DataTable
            caption={t('programs.listTitle', {
              organization: organization.name,
            })}
            head={[
              t('fields.name'),
              t('programs.setting'),
              t('programs.rolloutPhase'),
              t('programs.pspFteShort'),
              t('common.actions'),
            ]}
          >
            {programs.data.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td fw={600}>{p.name}</Table.Td>
                <Table.Td>{labels.setting(p.setting)}</Table.Td>
                <Table.Td>{p.rolloutPhase ? t(`rolloutPhases.${p.rolloutPhase}`) : t('common.notRecorded')}</Table.Td>
                <Table.Td>
                  {p.pspFte === null ? t('common.notRecorded') : format.number(p.pspFte, { maximumFractionDigits: 2 })}
                </Table.Td>
                <Table.Td>
                  <Button
                    size="sm"
                    variant="outline"
                    className="tap-target"
                    onClick={() => setEditing(p)}
                    aria-label={t('programs.editLabel', { name: p.name })}
                  >
                    {t('common.edit')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </section>
      <CreateProgramForm organization={organization} />
      {editing ? (
        <EditProgramModal
          key={editing.id}
          program={editing}
          onClose={() => setEditing(undefined)}
          onSaved={(name) => {
            setEditing(undefined);
            setNotice(t('programs.saved', { name }));
          }}
        />
      ) : null}
    </Stack>
  );
}

/** Programs of the chosen organization: list, create, edit (with version check). */
export function ProgramsPage() {
  const { t } = useTranslation();
  return (
    <AdminPage title={t('programs.title')} description={t('programs.intro')}>
      {(organization) => <ProgramsBody key={organization.id} organization={organization} />}
    </AdminPage>
  );
}
