import type { Person } from '@alongside/contracts';
import { Alert, Anchor, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PrivacyLabel } from '../../components/PrivacyLabel.tsx';
import { useStepAways } from './queries.ts';

/**
 * On a person's page, for the team's peer staff: their PSP is away, who covers, and the hand-over note.
 * Nothing is shown when no one covers the person.
 */
export function CoverageNotice({ person }: { person: Person }) {
  const { t } = useTranslation();
  const covered = (person.coveredBy ?? []).length > 0;
  const stepAways = useStepAways({ teamId: person.teamId, active: 'true' });
  if (!covered) return null;
  const found = (stepAways.data ?? []).flatMap((s) =>
    s.coverage.filter((c) => c.personId === person.id && !c.handedBackAt).map((c) => ({ stepAway: s, coverage: c })),
  )[0];
  const cover = (person.coveredBy ?? []).map((c) => c.name).join(', ');
  const away = found?.stepAway.user.name ?? person.psps.find((s) => s.isPrimary)?.name ?? '';
  return (
    <Alert color="alongside" variant="light" role="note" title={t('stepAway.notice.title', { name: away, cover })}>
      <Stack gap="xs">
        {found?.coverage.handoverNote ? (
          <>
            <Group gap="xs">
              <Text size="sm" fw={600}>
                {t('stepAway.handoverLabel')}
              </Text>
              <PrivacyLabel kind="peer" />
            </Group>
            <Text size="sm">{found.coverage.handoverNote}</Text>
          </>
        ) : null}
        {found ? (
          <Anchor component={Link} to={`/step-away/${found.stepAway.id}`} size="sm" underline="always">
            {t('stepAway.notice.open')}
          </Anchor>
        ) : null}
      </Stack>
    </Alert>
  );
}
