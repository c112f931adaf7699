import { Button, Card, Group, Loader, Paper, SimpleGrid, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorAlert, LoadError, SuccessAlert } from '../../components/Feedback.tsx';
import { describeError } from '../../lib/errors.ts';
import { useFormat } from '../../lib/format.ts';
import { ParticipationBadge } from '../campaigns/ParticipationBadge.tsx';
import { useCampaignLabels } from '../campaigns/labels.ts';
import { useCampaignDetails, useCampaigns, useDecideParticipation, type CampaignDetail } from '../campaigns/queries.ts';

/** One campaign as an administrator of invited programs sees it: its terms, what joining means, and a decision per program. */
function InvitingCampaign({
  campaign,
  organizationIds,
}: {
  campaign: CampaignDetail;
  organizationIds: ReadonlySet<string>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useCampaignLabels();
  const decide = useDecideParticipation();
  const [done, setDone] = useState<string>();
  const mine = campaign.programs.filter((p) => organizationIds.has(p.organizationId));
  const titleId = `research-campaign-${campaign.id}`;
  return (
    <Card withBorder radius="md" padding="lg" component="article" aria-labelledby={titleId}>
      <Stack gap="md">
        <Title order={3} fz="lg" id={titleId}>
          {campaign.title}
        </Title>
        {campaign.description ? <Text className="prewrap">{campaign.description}</Text> : null}
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="sm" m={0}>
          {[
            [t('campaigns.fields.ethicsApproval'), campaign.ethicsApproval],
            [t('campaigns.fields.dataController'), campaign.dataController],
            [
              t('campaigns.fields.privacyMode'),
              `${labels.privacyMode(campaign.privacyMode)}. ${labels.privacyExplained(campaign.privacyMode)}`,
            ],
            [t('campaigns.participate.groups'), campaign.groups.map((g) => labels.group(g.group)).join(', ')],
            [
              t('campaigns.waves.title'),
              campaign.waves.length
                ? campaign.waves
                    .map((w) =>
                      t('campaigns.participate.waveLine', {
                        name: w.name,
                        from: format.day(w.opensOn),
                        to: format.day(w.closesOn),
                      }),
                    )
                    .join('; ')
                : t('campaigns.participate.noWaves'),
            ],
            [t('campaigns.fields.retentionUntil'), format.day(campaign.retentionUntil)],
          ].map(([label, value]) => (
            <div key={label}>
              <Text component="dt" size="sm" fw={600}>
                {label}
              </Text>
              <Text component="dd" m={0} size="sm">
                {value}
              </Text>
            </div>
          ))}
        </SimpleGrid>
        <Text size="sm">{t('campaigns.participate.meaning', { k: campaign.k })}</Text>
        <SuccessAlert message={done} onClose={() => setDone(undefined)} closeLabel={t('common.dismiss')} />
        <ErrorAlert message={decide.isError ? describeError(decide.error, t) : undefined} />
        {/* A list, not a table: on a phone each program's decision stays on screen, buttons included. */}
        <Title order={4} fz="md" id={`${titleId}-programs`}>
          {t('campaigns.participate.programsCaption', { title: campaign.title })}
        </Title>
        <Stack
          component="ul"
          gap="xs"
          m={0}
          p={0}
          style={{ listStyle: 'none' }}
          aria-labelledby={`${titleId}-programs`}
        >
          {mine.map((p) => (
            <Paper component="li" key={p.programId} withBorder radius="sm" p="sm">
              <Group justify="space-between" align="center" gap="sm" wrap="wrap">
                <Stack gap={4}>
                  <Text fw={600}>{p.programName}</Text>
                  <Text size="sm" c="dimmed">
                    {p.organizationName}
                  </Text>
                  <Group gap="xs">
                    <ParticipationBadge status={p.status} />
                    {p.decidedAt ? (
                      <Text size="xs">{t('campaigns.participate.decidedOn', { date: format.date(p.decidedAt) })}</Text>
                    ) : null}
                  </Group>
                </Stack>
                <Group gap="xs" wrap="wrap">
                  {(['joined', 'declined'] as const).map((status) => (
                    <Button
                      key={status}
                      size="sm"
                      variant={status === 'joined' ? 'filled' : 'outline'}
                      disabled={p.status === status}
                      loading={
                        decide.isPending &&
                        decide.variables.programId === p.programId &&
                        decide.variables.status === status
                      }
                      onClick={() => {
                        setDone(undefined);
                        decide.mutate(
                          { campaignId: campaign.id, programId: p.programId, status },
                          {
                            onSuccess: () =>
                              setDone(t(`campaigns.participate.done.${status}`, { program: p.programName })),
                          },
                        );
                      }}
                    >
                      {t(`campaigns.participate.${status === 'joined' ? 'join' : 'decline'}`)}
                      <VisuallyHidden>{` — ${p.programName}`}</VisuallyHidden>
                    </Button>
                  ))}
                </Group>
              </Group>
            </Paper>
          ))}
        </Stack>
      </Stack>
    </Card>
  );
}

/**
 * On the Organization page: research campaigns that invited this administrator's programs, and the decision to
 * join or decline for each program (the organization decides, not the researcher).
 */
export function ResearchCampaignsSection({ organizationIds }: { organizationIds: string[] }) {
  const { t } = useTranslation();
  const list = useCampaigns();
  const ids = (list.data ?? []).map((c) => c.id);
  const details = useCampaignDetails(ids);
  const orgs = new Set(organizationIds);
  const inviting = details.flatMap((d) =>
    d.data && d.data.programs.some((p) => orgs.has(p.organizationId)) ? [d.data] : [],
  );
  const failed = details.find((d) => d.isError);
  const pending = list.isPending || details.some((d) => d.isPending);

  return (
    <section aria-labelledby="research-campaigns-title">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} fz="xl" id="research-campaigns-title">
            {t('campaigns.participate.title')}
          </Title>
          <Text size="sm">{t('campaigns.participate.intro')}</Text>
        </Stack>
        {list.isError ? (
          <LoadError
            message={describeError(list.error, t)}
            onRetry={() => void list.refetch()}
            retryLabel={t('common.tryAgain')}
          />
        ) : failed ? (
          <LoadError
            message={describeError(failed.error, t)}
            onRetry={() => void failed.refetch()}
            retryLabel={t('common.tryAgain')}
          />
        ) : pending ? (
          <Loader role="status" aria-label={t('common.loading')} />
        ) : inviting.length === 0 ? (
          <EmptyState title={t('campaigns.participate.emptyTitle')}>{t('campaigns.participate.emptyBody')}</EmptyState>
        ) : (
          inviting.map((c) => <InvitingCampaign key={c.id} campaign={c} organizationIds={orgs} />)
        )}
      </Stack>
    </section>
  );
}
