import { Badge, Button, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, LoadError } from '../../components/Feedback.tsx';
import { CheckIcon, LockIcon } from '../../components/Icons.tsx';
import { describeError } from '../../lib/errors.ts';
import { useFormat } from '../../lib/format.ts';
import { InformantModal } from './InformantModal.tsx';
import { useStudyLabels } from './labels.ts';
import { useInformants, type Informant } from './queries.ts';

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text component="dd" size="sm" m={0}>
        {value}
      </Text>
    </div>
  );
}

function InformantCard({ informant, onEdit }: { informant: Informant; onEdit?: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useStudyLabels();
  return (
    <Card component="li" withBorder radius="md" padding="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
          <Title order={3} fz="lg" style={{ overflowWrap: 'anywhere' }}>
            {informant.pseudonym}
          </Title>
          {onEdit ? (
            <Button
              variant="light"
              size="sm"
              className="tap-target"
              onClick={onEdit}
              aria-label={t('studies.informants.editLabel', { pseudonym: informant.pseudonym })}
            >
              {t('common.edit')}
            </Button>
          ) : null}
        </Group>
        <SimpleGrid component="dl" cols={2} spacing="xs" verticalSpacing="xs" m={0}>
          <Fact label={t('studies.informants.group')} value={labels.group(informant.group)} />
          <Fact label={t('studies.informants.country')} value={labels.country(informant.countryCode)} />
          <Fact
            label={t('studies.informants.setting')}
            value={informant.setting ? labels.setting(informant.setting) : t('studies.informants.noSetting')}
          />
          <Fact label={t('studies.informants.consentDate')} value={format.day(informant.consentDate)} />
        </SimpleGrid>
        <Stack gap={4}>
          <Text size="xs" c="dimmed" fw={600}>
            {t('studies.informants.consentAllows')}
          </Text>
          {informant.consentScope.length > 0 ? (
            <Group gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
              {informant.consentScope.map((s) => (
                <li key={s} style={{ display: 'flex' }}>
                  <Badge variant="outline" color="alongside.9" radius="sm" tt="none" leftSection={<CheckIcon />}>
                    {labels.consentScope(s)}
                  </Badge>
                </li>
              ))}
            </Group>
          ) : (
            <Text size="sm">{t('studies.informants.noScope')}</Text>
          )}
        </Stack>
      </Stack>
    </Card>
  );
}

/** The study's informants as cards (pseudonym, group, country, setting, consent); the lead adds and edits them. */
export function InformantsSection({ studyId, isLead }: { studyId: string; isLead: boolean }) {
  const { t } = useTranslation();
  const informants = useInformants(studyId);
  const [adding, setAdding] = useState(false);
  const [editingId, setEditingId] = useState<string>();
  const editing = informants.data?.find((i) => i.id === editingId);

  const reload = async (): Promise<Informant | undefined> => {
    const fresh = await informants.refetch();
    return fresh.data?.find((i) => i.id === editingId);
  };

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="study-informants">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Title order={2} fz="xl" id="study-informants">
            {t('studies.informants.title')}
          </Title>
          {isLead && informants.data && informants.data.length > 0 ? (
            <Button onClick={() => setAdding(true)} className="tap-target">
              {t('studies.informants.addTitle')}
            </Button>
          ) : null}
        </Group>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <span style={{ display: 'inline-flex', flexShrink: 0, marginTop: 2 }}>
            <LockIcon />
          </span>
          <Text size="sm">{t('studies.informants.privacyNote')}</Text>
        </Group>
        {informants.isPending ? (
          <Loader role="status" aria-label={t('common.loading')} />
        ) : informants.isError ? (
          <LoadError
            message={describeError(informants.error, t)}
            onRetry={() => void informants.refetch()}
            retryLabel={t('common.tryAgain')}
          />
        ) : informants.data.length === 0 ? (
          <EmptyState
            title={t('studies.informants.emptyTitle')}
            action={
              isLead ? (
                <Button onClick={() => setAdding(true)} className="tap-target">
                  {t('studies.informants.addTitle')}
                </Button>
              ) : null
            }
          >
            {isLead ? t('studies.informants.emptyBodyLead') : t('studies.informants.emptyBody')}
          </EmptyState>
        ) : (
          <SimpleGrid
            cols={{ base: 1, sm: 2, lg: 3 }}
            spacing="md"
            component="ul"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            aria-label={t('studies.informants.listLabel', { count: informants.data.length })}
          >
            {informants.data.map((i) => (
              <InformantCard key={i.id} informant={i} onEdit={isLead ? () => setEditingId(i.id) : undefined} />
            ))}
          </SimpleGrid>
        )}
      </Stack>
      {adding ? <InformantModal studyId={studyId} onClose={() => setAdding(false)} /> : null}
      {editing ? (
        <InformantModal
          key={editing.id}
          studyId={studyId}
          informant={editing}
          onClose={() => setEditingId(undefined)}
          onReload={reload}
        />
      ) : null}
    </Card>
  );
}
