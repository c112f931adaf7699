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

const FIELDS = ['pspId', 'supervisorId', 'heldAt', 'kind', 'notes'] as const;

/**
 * Record a supervision session: when, what kind, and notes that only the two people in it read. A supervisor
 * records it with one of their PSPs (`with: 'psp'`), a PSP with one of their supervisors (`with: 'supervisor'`).
 * A failed save keeps everything typed and shows the server's words beside the field they are about.
 */
export function RecordSessionModal({
  with: counterpartRole,
  counterparts,
  myId,
  initialCounterpartId,
  onClose,
  onRecorded,
}: {
  with: 'psp' | 'supervisor';
  counterparts: { id: string; name: string }[];
  myId: string;
  initialCounterpartId: string | undefined;
  onClose: () => void;
  onRecorded: (session: SupervisionSession) => void;
}) {
  const { t } = useTranslation();
  const record = useRecordSupervisionSession();
  const [counterpartId, setCounterpartId] = useState(
    initialCounterpartId ?? (counterparts.length === 1 ? (counterparts[0]?.id ?? '') : ''),
  );
  const counterpartField = counterpartRole === 'psp' ? 'pspId' : 'supervisorId';
  const [heldAt, setHeldAt] = useState(() => toLocalInputValue(new Date()));
  const [kind, setKind] = useState<SupervisionSession['kind']>('peer');
  const [notes, setNotes] = useState('');
  const [local, setLocal] = useState<Partial<Record<(typeof FIELDS)[number], string>>>({});
  const { errors, fromError, clear, clearField } = useFormErrors(t, FIELDS);
  const counterpartName = counterparts.find((p) => p.id === counterpartId)?.name;

  const onSubmit = (e: SyntheticEvent<HTMLFormElement>) => {
    e.preventDefault();
    clear();
    const problems: typeof local = {};
    if (!counterpartId) problems[counterpartField] = t('validation.required');
    const when = heldAtProblem(heldAt, new Date());
    if (when) problems.heldAt = when === 'future' ? t('supervision.form.heldAtFuture') : t('validation.required');
    setLocal(problems);
    const iso = localInputToIsoWithOffset(heldAt);
    if (Object.keys(problems).length > 0 || !iso) return;
    record.mutate(
      counterpartRole === 'psp'
        ? { pspId: counterpartId, supervisorId: myId, heldAt: iso, kind, notes: notes.trim() }
        : { pspId: myId, supervisorId: counterpartId, heldAt: iso, kind, notes: notes.trim() },
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
        label={counterpartRole === 'psp' ? t('supervision.form.psp') : t('supervision.form.supervisor')}
        required
        value={counterpartId}
        onChange={(e) => {
          setCounterpartId(e.currentTarget.value);
          touched(counterpartField);
        }}
        error={fieldError(counterpartField)}
        data={[
          ...(counterpartId
            ? []
            : [
                {
                  value: '',
                  label: counterpartRole === 'psp' ? t('supervision.form.choosePsp') : t('supervision.form.chooseSupervisor'),
                },
              ]),
          ...counterparts.map((p) => ({ value: p.id, label: p.name })),
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
        description={<NotesPrivacy name={counterpartName} />}
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
