import type { Membership } from '@alongside/contracts';
import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { EmptyState } from '../../components/Feedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useLabels } from '../../lib/labels.ts';
import { useSignedInMe } from '../session/RequireAuth.tsx';
import { homePathFor } from '../../shell/nav.ts';
import { roleView } from '../session/session.ts';

function MembershipCard({ m }: { m: Membership }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const title = m.teamName ?? m.organizationName;
  return (
    <Card component="li" withBorder radius="md" padding="md">
      <Stack gap="xs">
        <Title order={3} fz="lg">
          {title}
        </Title>
        <div>
          <Badge variant="light" color="alongside" size="lg" radius="sm" tt="none">
            {labels.role(m.role)}
          </Badge>
        </div>
        <Stack gap={2}>
          {m.programName ? (
            <Text size="sm">
              <strong>{t('home.program')}</strong> {m.programName}
            </Text>
          ) : null}
          <Text size="sm">
            <strong>{t('home.organization')}</strong> {m.organizationName}
          </Text>
          {m.teamId === null ? <Text size="sm">{t('home.wholeOrganization')}</Text> : null}
        </Stack>
      </Stack>
    </Card>
  );
}

/** The first name, unless the name starts with a title ("Dr. Dhillon" stays whole). */
function greetingName(name: string): string {
  const parts = name.trim().split(/\s+/);
  const first = parts[0] ?? '';
  if (!first || parts.length === 1 || /^(dr|prof|mr|mrs|ms|mx)\.?$/i.test(first)) return name.trim();
  return first;
}

/**
 * Where everyone lands. People with a role home page (UX.md "First screen per role") go straight
 * there; administrators and people without a team role yet get a greeting and their teams.
 */
export function HomePage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const roles = roleView(me);
  const home = homePathFor(roles);
  if (home) return <Navigate to={home} replace />;
  const firstName = greetingName(me.user.name);

  return (
    <Stack gap="xl">
      <PageHeader title={t('home.greeting', { name: firstName })} description={t('home.intro')} />

      {roles.canAdminister ? (
        <Card
          withBorder
          radius="md"
          padding="lg"
          bg="alongside.0"
          component="section"
          aria-labelledby="home-admin-title"
        >
          <Stack gap="sm">
            <Title order={2} fz="xl" id="home-admin-title">
              {t('home.adminTitle')}
            </Title>
            <Text>{roles.isPlatformAdmin ? t('home.adminBodyPlatform') : t('home.adminBody')}</Text>
            <Group gap="sm">
              <Button component={Link} to="/admin/teams">
                {t('home.adminTeams')}
              </Button>
              <Button component={Link} to="/admin/invitations" variant="outline">
                {t('home.adminInvite')}
              </Button>
            </Group>
          </Stack>
        </Card>
      ) : null}

      <section aria-labelledby="home-teams-title">
        <Title order={2} fz="xl" mb="md" id="home-teams-title">
          {t('home.teamsTitle')}
        </Title>
        {me.memberships.length === 0 ? (
          <EmptyState title={t('home.emptyTitle')}>
            {roles.canAdminister ? t('home.emptyBodyAdmin') : t('home.emptyBody')}
          </EmptyState>
        ) : (
          <SimpleGrid
            cols={{ base: 1, sm: 2, lg: 3 }}
            spacing="md"
            component="ul"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
          >
            {me.memberships.map((m) => (
              <MembershipCard key={m.id} m={m} />
            ))}
          </SimpleGrid>
        )}
      </section>
    </Stack>
  );
}
