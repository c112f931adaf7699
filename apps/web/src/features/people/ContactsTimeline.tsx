import type { Contact } from '@alongside/contracts';
import { Badge, Button, Card, Group, Loader, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { EmptyState, ErrorAlert, LoadError } from '../../components/Feedback.tsx';
import { PrivacyLabel } from '../../components/PrivacyLabel.tsx';
import { describeError, useFormErrors } from '../../lib/errors.ts';
import { localInputToIsoWithOffset, useFormat } from '../../lib/format.ts';
import { usePracticeLabels } from '../../lib/practice-labels.ts';
import { toLocalInputValue } from '../../lib/time.ts';
import { CONTACT_FIELDS, ContactFields, validateContact, type ContactFormValues } from './ContactFields.tsx';
import { useAddCorrection, useContacts, useUpdateContact } from './queries.ts';
import { canEditContact, type CareTier } from './rules.ts';

const toForm = (c: Contact): ContactFormValues => ({
  occurredAt: toLocalInputValue(new Date(c.occurredAt)),
  durationMinutes: c.durationMinutes,
  mode: c.mode,
  location: c.location,
  activities: c.activities,
  note: c.note ?? '',
  teamSummary: c.teamSummary ?? '',
  summaryAgreed: c.summaryAgreed ?? false,
});

function EditContactModal({ contact, onClose }: { contact: Contact; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateContact();
  const [values, setValues] = useState<ContactFormValues>(() => toForm(contact));
  const [local, setLocal] = useState<Partial<Record<string, string>>>({});
  const { errors, fromError, clear, clearField } = useFormErrors(t, CONTACT_FIELDS);
  const conflict = update.error instanceof ApiError && update.error.code === 'version_conflict';

  const onSubmit = (e: SyntheticEvent<HTMLFormElement>) => {
    e.preventDefault();
    clear();
    const problems: Partial<Record<string, string>> = validateContact(values, t);
    const occurredAt = localInputToIsoWithOffset(values.occurredAt);
    if (!occurredAt) problems.occurredAt = t('validation.required');
    setLocal(problems);
    if (Object.keys(problems).length > 0 || !occurredAt || values.durationMinutes === '') return;
    const summary = values.teamSummary.trim();
    update.mutate(
      {
        id: contact.id,
        occurredAt,
        durationMinutes: values.durationMinutes,
        mode: values.mode,
        location: values.location,
        activities: values.activities,
        note: values.note.trim(),
        teamSummary: summary || null,
        summaryAgreed: summary ? values.summaryAgreed : false,
        version: contact.version,
      },
      { onSuccess: onClose, onError: fromError },
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('contact.editTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <ContactFields
            values={values}
            onChange={(next, field) => {
              setValues(next);
              clearField(field);
              setLocal((x) => ({ ...x, [field]: undefined }));
            }}
            errors={{ ...errors.fields, ...Object.fromEntries(Object.entries(local).filter(([, v]) => v)) }}
          />
          <ErrorAlert message={update.isError ? (conflict ? t('contact.conflict') : errors.summary) : undefined} />
          <Group justify="flex-end">
            <Button variant="outline" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending} disabled={conflict}>
              {t('contact.saveChanges')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function CorrectionForm({ contact, onDone }: { contact: Contact; onDone: () => void }) {
  const { t } = useTranslation();
  const add = useAddCorrection();
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string>();
  const onSubmit = (e: SyntheticEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!note.trim()) {
      setProblem(t('validation.required'));
      return;
    }
    add.mutate({ id: contact.id, note: note.trim() }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="xs">
        <Textarea
          label={t('contact.correction')}
          description={t('contact.correctionHelp')}
          required
          autosize
          minRows={2}
          maxLength={4000}
          value={note}
          onChange={(e) => {
            setNote(e.currentTarget.value);
            setProblem(undefined);
          }}
          error={problem}
        />
        <ErrorAlert message={add.isError ? describeError(add.error, t) : undefined} />
        <Group gap="xs">
          <Button type="submit" size="sm" className="tap-target" loading={add.isPending}>
            {t('contact.addCorrection')}
          </Button>
          <Button size="sm" variant="outline" className="tap-target" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ContactCard({
  contact,
  tier,
  userId,
  sharingBlocked,
}: {
  contact: Contact;
  tier: CareTier;
  userId: string;
  sharingBlocked: boolean;
}) {
  const { t } = useTranslation();
  const labels = usePracticeLabels();
  const format = useFormat();
  const [editing, setEditing] = useState(false);
  const [correcting, setCorrecting] = useState(false);
  const editable = canEditContact(contact, userId, new Date());
  const headingId = `contact-${contact.id}-title`;
  return (
    <Card component="li" withBorder radius="md" padding="md" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Title order={3} fz="md" id={headingId}>
          {t('contact.cardTitle', {
            date: format.dateTime(contact.occurredAt),
            minutes: contact.durationMinutes,
          })}
        </Title>
        <Text size="sm">
          {t('contact.cardMeta', {
            mode: labels.mode(contact.mode),
            location: labels.location(contact.location),
            name: contact.author.name,
          })}
        </Text>
        <Group gap={6}>
          {contact.activities.map((a) => (
            <Badge key={a} variant="outline" color="gray.8" radius="sm" tt="none">
              {labels.activity(a)}
            </Badge>
          ))}
        </Group>
        {contact.note !== undefined && contact.note !== '' ? (
          <Stack gap={4}>
            <PrivacyLabel kind="peer" />
            <Text className="prewrap">{contact.note}</Text>
          </Stack>
        ) : null}
        {contact.teamSummary ? (
          <Stack gap={4}>
            <PrivacyLabel
              kind={tier === 'peer' && (!contact.summaryAgreed || sharingBlocked) ? 'notShared' : 'shared'}
            />
            <Text className="prewrap">
              <strong>{t('contact.summaryShort')}</strong> {contact.teamSummary}
            </Text>
          </Stack>
        ) : null}
        {contact.corrections && contact.corrections.length > 0 ? (
          <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('contact.corrections')}>
            {contact.corrections.map((c) => (
              <Text component="li" size="sm" key={c.id} className="prewrap">
                {t('contact.correctionLine', { name: c.author.name, date: format.dateTime(c.createdAt) })} {c.note}
              </Text>
            ))}
          </Stack>
        ) : null}
        {tier === 'peer' ? (
          <Group gap="xs">
            {editable ? (
              <Button size="sm" variant="outline" className="tap-target" onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
            ) : !correcting ? (
              <Button size="sm" variant="outline" className="tap-target" onClick={() => setCorrecting(true)}>
                {t('contact.addCorrection')}
              </Button>
            ) : null}
            {editable ? (
              <Text size="xs">{t('contact.editableUntil', { date: format.dateTime(contact.editableUntil) })}</Text>
            ) : null}
          </Group>
        ) : null}
        {correcting ? <CorrectionForm contact={contact} onDone={() => setCorrecting(false)} /> : null}
      </Stack>
      {editing ? <EditContactModal contact={contact} onClose={() => setEditing(false)} /> : null}
    </Card>
  );
}

/** The person's contacts, newest first; notes only for peer staff (the server leaves them out for others). */
export function ContactsTimeline({
  personId,
  tier,
  userId,
  sharingBlocked,
}: {
  personId: string;
  tier: CareTier;
  userId: string;
  sharingBlocked: boolean;
}) {
  const { t } = useTranslation();
  const [limit, setLimit] = useState(10);
  const contacts = useContacts({ personId, limit });
  if (contacts.isPending) return <Loader role="status" aria-label={t('common.loading')} />;
  if (contacts.isError)
    return (
      <LoadError
        message={describeError(contacts.error, t)}
        onRetry={() => void contacts.refetch()}
        retryLabel={t('common.tryAgain')}
      />
    );
  if (contacts.data.length === 0)
    return (
      <EmptyState title={t('contact.emptyTitle')}>
        {tier === 'peer' ? t('contact.emptyBodyPeer') : t('contact.emptyBodyClinician')}
      </EmptyState>
    );
  return (
    <Stack gap="sm">
      <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {contacts.data.map((c) => (
          <ContactCard key={c.id} contact={c} tier={tier} userId={userId} sharingBlocked={sharingBlocked} />
        ))}
      </Stack>
      {contacts.data.length >= limit && limit < 200 ? (
        <div>
          <Button
            variant="outline"
            loading={contacts.isFetching}
            onClick={() => setLimit((n) => Math.min(200, n + 20))}
          >
            {t('contact.showOlder')}
          </Button>
        </div>
      ) : null}
    </Stack>
  );
}
