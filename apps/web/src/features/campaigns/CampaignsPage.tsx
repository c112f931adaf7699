import { Anchor, Badge, Button, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, LoadError } from '../../components/Feedback.tsx';
import { LockIcon } from '../../components/Icons.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { describeError } from '../../lib/errors.ts';
import { useFormat } from '../../lib/format.ts';
import { useRunsCampaign } from './campaign-context.ts';
import { useCampaignLabels } from './labels.ts';
import { useCampaigns, type CampaignSummary } from './queries.ts';

function CampaignCard({ campaign }: { campaign: CampaignSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useCampaignLabels();
  const countries = campaign.countryCodes.map(labels.country).join(', ');
  return (
    <Card component="li" withBorder radius="md" padding="lg">
      <Stack gap="xs">
        <Title order={2} fz="lg">
          <Anchor component={Link} to={`/campaigns/${campaign.id}`} className="plain-link">
            {campaign.title}
          </Anchor>
        </Title>
        <Group gap="xs">
          <Badge variant="outline" color="gray.8" radius="sm" tt="none" leftSection={<LockIcon />}>
            {labels.privacyMode(campaign.privacyMode)}
          </Badge>
          <Text size="sm">{t('campaigns.list.k', { k: campaign.k })}</Text>
        </Group>
        <Text size="sm">
          {t('campaigns.list.programs', { count: campaign.programCount })}
          {countries ? ` · ${countries}` : ''}
        </Text>
        <Text size="sm">
          {t('campaigns.list.waves', { count: campaign.waveCount })} ·{' '}
          {t('campaigns.list.responses', {
            count: campaign.responseCount,
            formatted: format.number(campaign.responseCount),
          })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('campaigns.list.created', { date: format.date(campaign.createdAt) })}
        </Text>
      </Stack>
    </Card>
  );
}

/** The researcher's home (UX.md): their campaigns, with a way to start one. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const campaigns = useCampaigns();
  const runs = useRunsCampaign();
  const mine = (campaigns.data ?? []).filter(runs);
  const invitingOnly = (campaigns.data ?? []).length - mine.length;

  return (
    <Stack gap="lg">
      <PageHeader title={t('campaigns.list.title')} description={t('campaigns.list.intro')}>
        <Group gap="sm">
          <Button component={Link} to="/campaigns/new">
            {t('campaigns.list.new')}
          </Button>
          <Button component={Link} to="/instruments" variant="outline">
            {t('campaigns.list.library')}
          </Button>
        </Group>
      </PageHeader>
      {campaigns.isPending ? (
        <Loader role="status" aria-label={t('common.loading')} />
      ) : campaigns.isError ? (
        <LoadError
          message={describeError(campaigns.error, t)}
          onRetry={() => void campaigns.refetch()}
          retryLabel={t('common.tryAgain')}
        />
      ) : mine.length === 0 ? (
        <EmptyState
          headingOrder={2}
          title={t('campaigns.list.emptyTitle')}
          action={
            <Button component={Link} to="/campaigns/new">
              {t('campaigns.list.new')}
            </Button>
          }
        >
          {t('campaigns.list.emptyBody')}
        </EmptyState>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {mine.map((c) => (
            <CampaignCard key={c.id} campaign={c} />
          ))}
        </SimpleGrid>
      )}
      {invitingOnly > 0 ? (
        <Text size="sm">
          {t('campaigns.list.invitingElsewhere', { count: invitingOnly })}{' '}
          <Anchor component={Link} to="/admin/organizations" className="plain-link">
            {t('campaigns.list.invitingLink')}
          </Anchor>
        </Text>
      ) : null}
    </Stack>
  );
}
