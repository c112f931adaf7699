import type { SupervisionSession } from '@alongside/contracts';
import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format.ts';
import { NotesPrivacy } from './NotesPrivacy.tsx';

const FIRST = 5;

/** Sessions I took part in, newest first, each named by the other person; notes under a lock that names them. */
export function SessionsList({ sessions, with: other }: { sessions: SupervisionSession[]; with: 'psp' | 'supervisor' }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [all, setAll] = useState(false);
  const shown = all ? sessions : sessions.slice(0, FIRST);
  return (
    <Stack gap="sm">
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {shown.map((s) => {
          const headingId = `session-${s.id}`;
          return (
            <Card component="li" key={s.id} withBorder radius="md" padding="md" aria-labelledby={headingId}>
              <Stack gap={6}>
                <Title order={3} fz="md" id={headingId}>
                  {t('supervision.sessionHeading', { name: s[other].name, date: format.dateTime(s.heldAt) })}
                </Title>
                <Text size="sm">{t(`supervision.kinds.${s.kind}`)}</Text>
                <NotesPrivacy name={s[other].name} />
                {s.notes ? (
                  <Text className="prewrap">{s.notes}</Text>
                ) : (
                  <Text size="sm" c="gray.7">
                    {t('supervision.noNotes')}
                  </Text>
                )}
              </Stack>
            </Card>
          );
        })}
      </Stack>
      {sessions.length > FIRST ? (
        <Group>
          <Button variant="subtle" onClick={() => setAll((v) => !v)}>
            {all ? t('supervision.showFewer') : t('supervision.showAll', { count: sessions.length })}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
