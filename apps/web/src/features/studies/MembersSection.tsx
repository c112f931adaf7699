import { STUDY_ROLES } from '@alongside/contracts';
import { Badge, Button, Card, Group, Modal, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { ErrorAlert, SuccessAlert } from '../../components/Feedback.tsx';
import { describeError, translateServerMessage } from '../../lib/errors.ts';
import { useFormat } from '../../lib/format.ts';
import { useSignedInMe } from '../session/RequireAuth.tsx';
import { useStudyLabels, type StudyRoleName } from './labels.ts';
import { addMemberProblem, isOnlyLead } from './member-errors.ts';
import { studyKeys, useAddMember, useRemoveMember, type StudyDetail, type StudyMember } from './queries.ts';

const isStudyRole = (value: string): value is StudyRoleName => (STUDY_ROLES as readonly string[]).includes(value);

/** The lead adds someone by the email address of their account, with the role they will have. */
function AddMemberForm({ studyId }: { studyId: string }) {
  const { t } = useTranslation();
  const labels = useStudyLabels();
  const add = useAddMember(studyId);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<StudyRoleName>('coder');
  const [emailProblem, setEmailProblem] = useState<string>();
  const [added, setAdded] = useState<string>();

  const problemFrom = (error: unknown): string | undefined => {
    switch (addMemberProblem(error)) {
      case 'noAccount':
        return t('studies.members.noAccount');
      case 'alreadyMember':
        return t('studies.members.alreadyMember');
      case undefined: {
        const onEmail = isApiError(error) ? error.fieldProblems.find((p) => p.field === 'email') : undefined;
        return onEmail ? translateServerMessage(onEmail.message, t) : undefined;
      }
    }
  };
  const fieldProblem = add.isError ? problemFrom(add.error) : undefined;

  const onSubmit = (e: SyntheticEvent<HTMLFormElement>) => {
    e.preventDefault();
    setAdded(undefined);
    const address = email.trim();
    if (!address) {
      setEmailProblem(t('validation.required'));
      return;
    }
    add.mutate(
      { email: address, role },
      {
        onSuccess: () => {
          setAdded(t('studies.members.added', { email: address, role: labels.role(role) }));
          setEmail('');
        },
      },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="study-add-member">
      <Stack gap="sm">
        <Title order={3} fz="md" id="study-add-member">
          {t('studies.members.addTitle')}
        </Title>
        <Text size="sm">{t('studies.members.addIntro')}</Text>
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            type="email"
            autoComplete="off"
            label={t('studies.members.email')}
            required
            value={email}
            onChange={(e) => {
              setEmail(e.currentTarget.value);
              setEmailProblem(undefined);
              if (add.isError) add.reset();
            }}
            error={emailProblem ?? fieldProblem}
            w={{ base: '100%', sm: 320 }}
          />
          <NativeSelect
            label={t('studies.members.role')}
            value={role}
            onChange={(e) => {
              const value = e.currentTarget.value;
              if (isStudyRole(value)) setRole(value);
            }}
            data={STUDY_ROLES.map((r) => ({ value: r, label: labels.role(r) }))}
            w={{ base: '100%', sm: 260 }}
          />
        </Group>
        <Text size="sm" aria-live="polite">
          {t('studies.members.roleMeans', { role: labels.role(role), means: labels.roleExplained(role) })}
        </Text>
        {add.isError && !fieldProblem ? <ErrorAlert message={describeError(add.error, t)} /> : null}
        <SuccessAlert message={added} onClose={() => setAdded(undefined)} closeLabel={t('common.dismiss')} />
        <div>
          <Button type="submit" loading={add.isPending} className="tap-target">
            {t('studies.members.add')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}

/** Asks before a member is removed, and says what they lose; the only lead's removal is refused here. */
function RemoveMemberModal({
  studyId,
  member,
  isMe,
  onClose,
}: {
  studyId: string;
  member: StudyMember;
  isMe: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const remove = useRemoveMember(studyId);
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const onConfirm = () =>
    remove.mutate(member.userId, {
      onSuccess: onClose,
      onError: (error) => {
        // Leaving a study succeeds, then the study is no longer there for me to read (404): back to my studies.
        if (isMe && isApiError(error) && error.status === 404) {
          void queryClient.invalidateQueries({ queryKey: studyKeys.all });
          void navigate('/studies');
        }
      },
    });

  return (
    <Modal
      opened
      onClose={onClose}
      title={isMe ? t('studies.members.leaveTitle') : t('studies.members.removeTitle', { name: member.name })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <Text>{isMe ? t('studies.members.leaveBody') : t('studies.members.removeBody', { name: member.name })}</Text>
        {remove.isError ? (
          <ErrorAlert
            message={isOnlyLead(remove.error) ? t('studies.members.onlyLead') : describeError(remove.error, t)}
          />
        ) : null}
        <Group justify="flex-end">
          <Button variant="outline" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red.9" loading={remove.isPending} onClick={onConfirm} disabled={isOnlyLead(remove.error)}>
            {isMe ? t('studies.members.confirmLeave') : t('studies.members.confirmRemove')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The study's members and their roles; the lead adds and removes them. */
export function MembersSection({ study }: { study: StudyDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useStudyLabels();
  const me = useSignedInMe();
  const isLead = study.myRole === 'lead';
  const [removing, setRemoving] = useState<StudyMember>();

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="study-members">
      <Stack gap="md">
        <Title order={2} fz="xl" id="study-members">
          {t('studies.members.title')}
        </Title>
        <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
          {study.members.map((m) => {
            const isMe = m.userId === me.user.id;
            return (
              <Group
                component="li"
                key={m.userId}
                justify="space-between"
                gap="xs"
                wrap="wrap"
                py={6}
                style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
              >
                <Stack gap={2}>
                  <Group gap="xs" wrap="wrap">
                    <Text fw={600}>{isMe ? t('studies.members.nameYou', { name: m.name }) : m.name}</Text>
                    <Badge variant="outline" color="gray.8" radius="sm" tt="none">
                      {labels.role(m.role)}
                    </Badge>
                  </Group>
                  <Text size="sm" c="dimmed">
                    {t('studies.members.since', { date: format.date(m.addedAt) })}
                  </Text>
                </Stack>
                {isLead ? (
                  <Button
                    variant="outline"
                    color="red.9"
                    size="sm"
                    className="tap-target"
                    aria-label={
                      isMe ? t('studies.members.leaveTitle') : t('studies.members.removeLabel', { name: m.name })
                    }
                    onClick={() => setRemoving(m)}
                  >
                    {isMe ? t('studies.members.leave') : t('studies.members.remove')}
                  </Button>
                ) : null}
              </Group>
            );
          })}
        </Stack>
        {isLead ? <AddMemberForm studyId={study.id} /> : null}
      </Stack>
      {removing ? (
        <RemoveMemberModal
          studyId={study.id}
          member={removing}
          isMe={removing.userId === me.user.id}
          onClose={() => setRemoving(undefined)}
        />
      ) : null}
    </Card>
  );
}
