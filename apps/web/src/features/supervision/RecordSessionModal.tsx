import { SUPERVISION_KINDS, type SupervisionSession } from '@alongside/contracts';
import { NativeSelect, Textarea, TextInput } from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/FormModal.tsx';
import { useFormErrors } from '../../lib/errors.ts';
import { localInputToIsoWithOffset } from '../../lib/format.ts';
import { toLocalInputValue } from '../../lib/time.ts';
import { NotesPrivacy } from './NotesPrivacy.tsx';
import { useRecordSupervisionSession } from './queries.ts';
import { heldAtProblem } from './rules.ts';

const FIELDS = ['pspId', 'heldAt', 'kind', 'notes'] as const;

/**
 * Record a supervision session held with one of my PSPs: when, what kind, and notes that only the two of us read.
 * A failed save keeps everything typed and shows the server's words beside the field they are about.
 */
export function RecordSessionModal({
  psps,
  supervisorId,
  initialPspId,
  onClose,
  onRecorded,
}: {
  psps: { id: string; name: string }[];
  supervisorId: string;
  initialPspId: string | undefined;
  onClose: () => void;
  onRecorded: (session: SupervisionSession) => void;
}) {
  const { t } = useTranslation();
  const record = useRecordSupervisionSession();
  const [pspId, setPspId] = useState(initialPspId ?? (psps.length === 1 ? (psps[0]?.id ?? '') : ''));
  const [heldAt, setHeldAt] = useState(() => toLocalInputValue(new Date()));
  const [kind, setKind] = useState<SupervisionSession['kind']>('peer');
  const [notes, setNotes] = useState('');
  const [local, setLocal] = useState<Partial<Record<(typeof FIELDS)[number], string>>>({});
  const { errors, fromError, clear, clearField } = useFormErrors(t, FIELDS);
  const pspName = psps.find((p) => p.id === pspId)?.name;

  const onSubmit = (e: SyntheticEvent<HTMLFormElement>) => {
    e.preventDefault();
    clear();
    const problems: typeof local = {};
    if (!pspId) problems.pspId = t('validation.required');
    const when = heldAtProblem(heldAt, new Date());
    if (when) problems.heldAt = when === 'future' ? t('supervision.form.heldAtFuture') : t('validation.required');
    setLocal(problems);
    const iso = localInputToIsoWithOffset(heldAt);
    if (Object.keys(problems).length > 0 || !iso) return;
    record.mutate(
      { pspId, supervisorId, heldAt: iso, kind, notes: notes.trim() },
      { onSuccess: onRecorded, onError: fromError },
    );
  };

  const fieldError = (field: (typeof FIELDS)[number]) => local[field] ?? errors.fields[field];
  const touched = (field: (typeof FIELDS)[number]) => {
    clearField(field);
    setLocal((prev) => (prev[field] ? { ...prev, [field]: undefined } : prev));
  };

  return (
    <FormModal
      title={t('supervision.form.title')}
      onClose={onClose}
      onSubmit={onSubmit}
      error={record.isError ? errors.summary : undefined}
      submitLabel={t('supervision.form.submit')}
      pending={record.isPending}
    >
      <NativeSelect
        label={t('supervision.form.psp')}
        required
        value={pspId}
        onChange={(e) => {
          setPspId(e.currentTarget.value);
          touched('pspId');
        }}
        error={fieldError('pspId')}
        data={[
          ...(pspId ? [] : [{ value: '', label: t('supervision.form.choosePsp') }]),
          ...psps.map((p) => ({ value: p.id, label: p.name })),
        ]}
      />
      <TextInput
        type="datetime-local"
        label={t('supervision.form.heldAt')}
        required
        value={heldAt}
        onChange={(e) => {
          setHeldAt(e.currentTarget.value);
          touched('heldAt');
        }}
        error={fieldError('heldAt')}
      />
      <NativeSelect
        label={t('supervision.form.kind')}
        value={kind}
        onChange={(e) => {
          setKind(e.currentTarget.value as SupervisionSession['kind']);
          touched('kind');
        }}
        error={fieldError('kind')}
        data={SUPERVISION_KINDS.map((k) => ({ value: k, label: t(`supervision.kinds.${k}`) }))}
      />
      <Textarea
        label={t('supervision.form.notes')}
        description={<NotesPrivacy pspName={pspName} />}
        autosize
        minRows={3}
        maxLength={4000}
        value={notes}
        onChange={(e) => {
          setNotes(e.currentTarget.value);
          touched('notes');
        }}
        error={fieldError('notes')}
      />
    </FormModal>
  );
}
