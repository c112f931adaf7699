import type { Person } from '@alongside/contracts';
import { Anchor, Badge, Button, Card, Group, Loader, Modal, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { EmptyState, LoadError, SuccessAlert } from '../../components/Feedback.tsx';
import { LockIcon, PlusIcon } from '../../components/Icons.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { describeError } from '../../lib/errors.ts';
import { AddTopicForm } from '../board/AddTopicForm.tsx';
import { useSignedInMe } from '../session/RequireAuth.tsx';
import { ConnectionCard } from './ConnectionCard.tsx';
import { CoverageNotice } from '../step-away/CoverageNotice.tsx';
import { ConsentPanel, ConsentSummary } from './ConsentPanel.tsx';
import { ContactsTimeline } from './ContactsTimeline.tsx';
import { EditPersonModal } from './EditPersonModal.tsx';
import { NewConnectionModal } from './NewConnectionModal.tsx';
import { useConnections, usePerson, useVoiceItems } from './queries.ts';
import { RecordVoiceItemModal } from './RecordVoiceItemModal.tsx';
import { careTierIn, type CareTier } from './rules.ts';
import { VoiceItemCard } from './VoiceItemCard.tsx';

type Dialog = 'voice' | 'connection' | 'huddle' | 'details' | undefined;

function VoiceSection({
  person,
  tier,
  sharingBlocked,
  onRecord,
}: {
  person: Person;
  tier: CareTier;
  sharingBlocked: boolean;
  onRecord: () => void;
}) {
  const { t } = useTranslation();
  const items = useVoiceItems({ personId: person.id });
  return (
    <section aria-labelledby="voice-title">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} fz="xl" id="voice-title">
            {t('voice.sectionTitle')}
          </Title>
          {tier === 'peer' ? (
            <Button variant="light" leftSection={<PlusIcon />} onClick={onRecord}>
              {t('voice.record')}
            </Button>
          ) : null}
        </Group>
        {items.isPending ? (
          <Loader role="status" aria-label={t('common.loading')} />
        ) : items.isError ? (
          <LoadError
            message={describeError(items.error, t)}
            onRetry={() => void items.refetch()}
            retryLabel={t('common.tryAgain')}
          />
        ) : items.data.length === 0 ? (
          <EmptyState title={t('voice.emptyTitle')}>
            {tier === 'peer' ? t('voice.emptyBodyPeer') : t('voice.emptyBodyClinician')}
          </EmptyState>
        ) : (
          items.data.map((v) => <VoiceItemCard key={v.id} item={v} tier={tier} sharingBlocked={sharingBlocked} />)
        )}
      </Stack>
    </section>
  );
}

function ConnectionsSection({ person, tier, onConnect }: { person: Person; tier: CareTier; onConnect: () => void }) {
  const { t } = useTranslation();
  const connections = useConnections({ personId: person.id });
  return (
    <section aria-labelledby="connections-title">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} fz="xl" id="connections-title">
            {t('connections.sectionTitle')}
          </Title>
          {tier === 'peer' ? (
            <Button variant="light" leftSection={<PlusIcon />} onClick={onConnect}>
              {t('connections.new')}
            </Button>
          ) : null}
        </Group>
        {connections.isPending ? (
          <Loader role="status" aria-label={t('common.loading')} />
        ) : connections.isError ? (
          <LoadError
            message={describeError(connections.error, t)}
            onRetry={() => void connections.refetch()}
            retryLabel={t('common.tryAgain')}
          />
        ) : connections.data.length === 0 ? (
          <EmptyState title={t('connections.emptyTitle')}>{t('connections.emptyBody')}</EmptyState>
        ) : (
          connections.data.map((c) => <ConnectionCard key={c.id} connection={c} tier={tier} />)
        )}
      </Stack>
    </section>
  );
}

/** One person: consent, their voice, connections and contacts — as much as this reader may see. */
export function PersonPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const me = useSignedInMe();
  const location = useLocation();
  const person = usePerson(id);
  const [dialog, setDialog] = useState<Dialog>();
  const [notice, setNotice] = useState<string | undefined>(() =>
    (location.state as { notice?: string } | null)?.notice === 'contactSaved' ? t('contact.saved') : undefined,
  );

  if (person.isPending) return <Loader role="status" aria-label={t('common.loading')} />;
  if (person.isError) {
    const notFound = person.error instanceof ApiError && person.error.status === 404;
    return (
      <Stack>
        <PageHeader title={notFound ? t('person.notFoundTitle') : t('person.title')} />
        {notFound ? (
          <Text>{t('person.notFoundBody')}</Text>
        ) : (
          <LoadError
            message={describeError(person.error, t)}
            onRetry={() => void person.refetch()}
            retryLabel={t('common.tryAgain')}
          />
        )}
        <div>
          <Button component={Link} to="/" variant="outline">
            {t('notFound.home')}
          </Button>
        </div>
      </Stack>
    );
  }

  const p = person.data;
  const tier = careTierIn(me.memberships, p.teamId);
  const primary = p.psps.find((s) => s.isPrimary);
  const others = p.psps.filter((s) => !s.isPrimary);
  const sharingBlocked = p.consent.lockbox || p.consent.shareWithCareTeam === 'none';

  return (
    <Stack gap="xl">
      <Stack gap={4}>
        <Anchor component={Link} to={tier === 'peer' ? '/people' : '/board'} underline="always" size="sm">
          {tier === 'peer' ? t('people.backToList') : t('board.backTo')}
        </Anchor>
        <PageHeader
          title={p.preferredName}
          description={[
            p.pronouns,
            primary ? t('person.primaryPsp', { name: primary.name }) : null,
            others.length ? t('person.otherPsps', { names: others.map((s) => s.name).join(', ') }) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        />
        <SuccessAlert message={notice} onClose={() => setNotice(undefined)} closeLabel={t('common.dismiss')} />
      </Stack>

      <Card withBorder radius="md" padding="md" bg="alongside.0">
        <Stack gap="sm">
          <ConsentSummary person={p} />
          {p.consent.lockbox ? (
            <Badge variant="filled" color="gray.8" radius="sm" tt="none" leftSection={<LockIcon />} size="lg">
              {t('person.lockboxBanner')}
            </Badge>
          ) : null}
          {tier === 'peer' ? (
            <Group gap="sm">
              <Button component={Link} to={`/people/${p.id}/contact/new`} leftSection={<PlusIcon />}>
                {t('people.logContact')}
              </Button>
              <Button variant="outline" onClick={() => setDialog('huddle')}>
                {t('huddles.addToNext')}
              </Button>
              <Button variant="outline" onClick={() => setDialog('details')}>
                {t('person.editDetails')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      </Card>

      {tier === 'peer' ? <CoverageNotice person={p} /> : null}
      <VoiceSection person={p} tier={tier} sharingBlocked={sharingBlocked} onRecord={() => setDialog('voice')} />
      <ConnectionsSection person={p} tier={tier} onConnect={() => setDialog('connection')} />
      <section aria-labelledby="contacts-title">
        <Stack gap="sm">
          <Title order={2} fz="xl" id="contacts-title">
            {t('contact.sectionTitle')}
          </Title>
          <ContactsTimeline personId={p.id} tier={tier} userId={me.user.id} sharingBlocked={sharingBlocked} />
        </Stack>
      </section>
      {tier === 'peer' ? <ConsentPanel person={p} /> : null}

      {dialog === 'voice' ? (
        <RecordVoiceItemModal
          personId={p.id}
          personName={p.preferredName}
          sharingBlocked={sharingBlocked}
          onClose={() => setDialog(undefined)}
          onSaved={() => {
            setDialog(undefined);
            setNotice(t('voice.saved'));
          }}
        />
      ) : null}
      {dialog === 'connection' ? (
        <NewConnectionModal
          personId={p.id}
          personName={p.preferredName}
          teamId={p.teamId}
          onClose={() => setDialog(undefined)}
          onSaved={() => {
            setDialog(undefined);
            setNotice(t('connections.saved'));
          }}
        />
      ) : null}
      {dialog === 'details' ? (
        <EditPersonModal
          person={p}
          onClose={() => setDialog(undefined)}
          onSaved={() => {
            setDialog(undefined);
            setNotice(t('person.detailsSaved'));
          }}
        />
      ) : null}
      {dialog === 'huddle' ? (
        <Modal
          opened
          onClose={() => setDialog(undefined)}
          title={t('huddles.addToNext')}
          closeButtonProps={{ 'aria-label': t('common.close') }}
        >
          <AddTopicForm
            teamId={p.teamId}
            initialTopic={t('huddles.topicAbout', { name: p.preferredName })}
            onAdded={() => {
              setDialog(undefined);
              setNotice(t('huddles.topicAdded'));
            }}
          />
        </Modal>
      ) : null}
      {tier === 'none' ? <EmptyState title={t('person.noAccessTitle')}>{t('person.noAccessBody')}</EmptyState> : null}
    </Stack>
  );
}
