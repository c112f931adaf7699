import type { Person } from '@alongside/contracts';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { EmptyState, LoadError } from '../../components/Feedback.tsx';
import { PlusIcon } from '../../components/Icons.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { describeError } from '../../lib/errors.ts';
import { useFormat } from '../../lib/format.ts';
import { formatRelative } from '../../lib/time.ts';
import { TeamPicker } from '../board/TeamPicker.tsx';
import { useTeamChoice } from '../board/useTeamChoice.ts';
import { AddPersonModal } from './AddPersonModal.tsx';
import { usePersons } from './queries.ts';

function PersonCard({ person, userId }: { person: Person; userId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const awayPsp = person.coveredBy?.some((c) => c.id === userId) ? person.psps.find((s) => s.isPrimary) : undefined;
  const headingId = `person-${person.id}-name`;
  return (
    <Card component="li" withBorder radius="md" padding="md" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group justify="space-between" align="baseline" wrap="wrap" gap="xs">
          <Title order={3} fz="lg" id={headingId}>
            <Anchor component={Link} to={`/people/${person.id}`} underline="always" inherit>
              {person.preferredName}
            </Anchor>
          </Title>
          {person.pronouns ? (
            <Text size="sm" c="dimmed">
              {person.pronouns}
            </Text>
          ) : null}
        </Group>
        <Text size="sm">
          {person.lastContactAt
            ? t('people.lastContact', { when: formatRelative(person.lastContactAt, new Date(), format.locale) })
            : t('people.noContactYet')}
        </Text>
        <Group gap="xs">
          <Badge
            variant={person.openVoiceItems > 0 ? 'filled' : 'outline'}
            color={person.openVoiceItems > 0 ? 'alongside.8' : 'gray.8'}
            radius="sm"
            tt="none"
          >
            {t('people.openVoiceItems', { count: person.openVoiceItems })}
          </Badge>
          <Badge
            variant={person.pendingConnections > 0 ? 'filled' : 'outline'}
            color={person.pendingConnections > 0 ? 'alongside.8' : 'gray.8'}
            radius="sm"
            tt="none"
          >
            {t('people.pendingConnections', { count: person.pendingConnections })}
          </Badge>
          {awayPsp ? (
            <Badge variant="outline" color="alongside.9" radius="sm" tt="none">
              {t('people.coveringFor', { name: awayPsp.name })}
            </Badge>
          ) : null}
          {person.consent.lockbox ? (
            <Badge variant="outline" color="gray.8" radius="sm" tt="none">
              {t('consent.lockboxOn')}
            </Badge>
          ) : null}
        </Group>
        <Button
          component={Link}
          to={`/people/${person.id}/contact/new`}
          variant="light"
          leftSection={<PlusIcon />}
          aria-label={t('people.logContactFor', { name: person.preferredName })}
        >
          {t('people.logContact')}
        </Button>
      </Stack>
    </Card>
  );
}

/** The PSP's home: the people they support, as cards, with "Log a contact" one tap away. */
export function PeoplePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { me, teams, team, setTeam } = useTeamChoice('peer');
  const isSupervisorOnly = !me.memberships.some((m) => m.teamId === team?.teamId && m.role === 'peer_support_worker');
  const [scope, setScope] = useState<'mine' | 'team'>(isSupervisorOnly ? 'team' : 'mine');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [adding, setAdding] = useState(false);
  const persons = usePersons(
    { teamId: team?.teamId, mine: scope === 'mine' ? 'true' : undefined, q: q || undefined },
    Boolean(team),
  );

  if (!team) {
    return (
      <Stack>
        <PageHeader title={t('people.title')} />
        <EmptyState title={t('people.noTeamTitle')}>{t('people.noTeamBody')}</EmptyState>
      </Stack>
    );
  }

  const list = persons.data ?? [];
  const contactTarget = `/contact/new?team=${encodeURIComponent(team.teamId)}`;

  return (
    <Stack gap="lg">
      <PageHeader title={t('people.title')} description={t('people.intro', { team: team.teamName })} />
      <TeamPicker teams={teams} value={team.teamId} onChange={setTeam} />
      <Group gap="sm">
        <Button component={Link} to={contactTarget} size="lg" leftSection={<PlusIcon />}>
          {t('people.logContact')}
        </Button>
        <Button variant="outline" size="lg" onClick={() => setAdding(true)}>
          {t('people.add')}
        </Button>
      </Group>

      <section aria-labelledby="people-list-title">
        <Stack gap="md">
          <Title order={2} fz="xl" id="people-list-title">
            {scope === 'mine' ? t('people.mineTitle') : t('people.teamTitle', { team: team.teamName })}
          </Title>
          <Group gap="md" align="end" wrap="wrap">
            <SegmentedControl
              aria-label={t('people.scopeLabel')}
              value={scope}
              onChange={(v) => setScope(v === 'team' ? 'team' : 'mine')}
              data={[
                { value: 'mine', label: t('people.scopeMine') },
                { value: 'team', label: t('people.scopeTeam') },
              ]}
              size="md"
            />
            <TextInput
              label={t('people.search')}
              type="search"
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              maw={320}
              w="100%"
            />
          </Group>
          {persons.isPending ? (
            <Loader role="status" aria-label={t('common.loading')} />
          ) : persons.isError ? (
            <LoadError
              message={describeError(persons.error, t)}
              onRetry={() => void persons.refetch()}
              retryLabel={t('common.tryAgain')}
            />
          ) : list.length === 0 ? (
            q ? (
              <EmptyState title={t('people.noMatchTitle')}>{t('people.noMatchBody', { q })}</EmptyState>
            ) : (
              <EmptyState
                title={scope === 'mine' ? t('people.emptyMineTitle') : t('people.emptyTeamTitle')}
                action={
                  <>
                    <Button onClick={() => setAdding(true)}>{t('people.add')}</Button>
                    {scope === 'mine' ? (
                      <Button variant="outline" onClick={() => setScope('team')}>
                        {t('people.showTeam')}
                      </Button>
                    ) : null}
                  </>
                }
              >
                {scope === 'mine' ? t('people.emptyMineBody') : t('people.emptyTeamBody')}
              </EmptyState>
            )
          ) : (
            <>
              <Text size="sm" role="status">
                {t('people.count', { count: list.length })}
              </Text>
              <SimpleGrid
                cols={{ base: 1, sm: 2, lg: 3 }}
                spacing="md"
                component="ul"
                p={0}
                m={0}
                style={{ listStyle: 'none' }}
              >
                {list.map((p) => (
                  <PersonCard key={p.id} person={p} userId={me.user.id} />
                ))}
              </SimpleGrid>
            </>
          )}
        </Stack>
      </section>
      {adding ? (
        <AddPersonModal
          teamId={team.teamId}
          teamName={team.teamName}
          onClose={() => setAdding(false)}
          onAdded={(p) => {
            setAdding(false);
            void navigate(`/people/${p.id}`);
          }}
        />
      ) : null}
    </Stack>
  );
}
