import { CONNECTION_SERVICES, type Connection } from '@alongside/contracts';
import { CLINICIAN_ROLES } from '@alongside/contracts/vocabulary';
import { Checkbox, NativeSelect, SegmentedControl, Text, Textarea } from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/FormModal.tsx';
import { describeError, useFormErrors } from '../../lib/errors.ts';
import { useLabels } from '../../lib/labels.ts';
import { usePracticeLabels } from '../../lib/practice-labels.ts';
import { useTeamMembersOf } from '../board/queries.ts';
import { useCreateConnection } from './queries.ts';

const CLINICIANS = new Set<string>(CLINICIAN_ROLES);

/** Peer support as the gateway: connect the person to a clinician on the team or to a service. */
export function NewConnectionModal({
  personId,
  personName,
  teamId,
  onClose,
  onSaved,
}: {
  personId: string;
  personName: string;
  teamId: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const practice = usePracticeLabels();
  const members = useTeamMembersOf(teamId);
  const create = useCreateConnection();
  const [to, setTo] = useState<'clinician' | 'service'>('clinician');
  const [targetUserId, setTargetUserId] = useState('');
  const [service, setService] = useState<NonNullable<Connection['service']> | ''>('');
  const [warmHandoff, setWarmHandoff] = useState(true);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string>();
  const { errors, fromError, clear } = useFormErrors(t, ['targetUserId', 'service', 'reason']);

  const clinicians = (members.data ?? []).filter((m) => CLINICIANS.has(m.role));

  const onSubmit = (e: SyntheticEvent<HTMLFormElement>) => {
    e.preventDefault();
    clear();
    if ((to === 'clinician' && !targetUserId) || (to === 'service' && !service)) {
      setProblem(t('validation.choose'));
      return;
    }
    create.mutate(
      {
        direction: 'from_peer_support',
        personId,
        targetUserId: to === 'clinician' ? targetUserId : undefined,
        service: to === 'service' && service ? service : undefined,
        warmHandoff,
        reason: reason.trim() || undefined,
      },
      { onSuccess: onSaved, onError: fromError },
    );
  };

  return (
    <FormModal
      title={t('connections.newTitle', { name: personName })}
      size="lg"
      onClose={onClose}
      onSubmit={onSubmit}
      error={create.isError ? errors.summary : undefined}
      submitLabel={t('connections.create')}
      pending={create.isPending}
    >
      <SegmentedControl
        aria-label={t('connections.toWhat')}
        value={to}
        onChange={(v) => {
          setTo(v === 'service' ? 'service' : 'clinician');
          setProblem(undefined);
        }}
        data={[
          { value: 'clinician', label: t('connections.toClinician') },
          { value: 'service', label: t('connections.toServiceOption') },
        ]}
      />
      {to === 'clinician' ? (
        <NativeSelect
          label={t('connections.clinician')}
          required
          value={targetUserId}
          onChange={(e) => {
            setTargetUserId(e.currentTarget.value);
            setProblem(undefined);
          }}
          data={[
            { value: '', label: members.isPending ? t('common.loading') : t('connections.chooseClinician') },
            ...clinicians.map((m) => ({ value: m.userId, label: `${m.name} · ${labels.role(m.role)}` })),
          ]}
          error={
            problem ?? errors.fields.targetUserId ?? (members.isError ? describeError(members.error, t) : undefined)
          }
        />
      ) : (
        <NativeSelect
          label={t('connections.service')}
          required
          value={service}
          onChange={(e) => {
            setService(e.currentTarget.value as NonNullable<Connection['service']> | '');
            setProblem(undefined);
          }}
          data={[
            { value: '', label: t('connections.chooseService') },
            ...CONNECTION_SERVICES.map((s) => ({ value: s, label: practice.service(s) })),
          ]}
          error={problem ?? errors.fields.service}
        />
      )}
      <Checkbox
        size="md"
        label={t('connections.warmHandoffLabel')}
        description={t('connections.warmHandoffHelp')}
        checked={warmHandoff}
        onChange={(e) => setWarmHandoff(e.currentTarget.checked)}
      />
      <Textarea
        label={t('connections.reasonLabel')}
        description={t('connections.reasonHelp')}
        autosize
        minRows={2}
        maxLength={4000}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={errors.fields.reason}
      />
      <Text size="sm">{t('connections.whoSees')}</Text>
    </FormModal>
  );
}
