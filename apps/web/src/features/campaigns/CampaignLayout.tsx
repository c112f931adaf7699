import { Anchor, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { EmptyState, LoadError } from '../../components/Feedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { describeError } from '../../lib/errors.ts';
import { useFormat } from '../../lib/format.ts';
import { useRunsCampaign } from './campaign-context.ts';
import { useCampaignLabels } from './labels.ts';
import { useCampaign } from './queries.ts';

const SECTIONS = [
  { path: '', labelKey: 'campaigns.sections.overview' },
  { path: 'invitations', labelKey: 'campaigns.sections.invitations' },
  { path: 'progress', labelKey: 'campaigns.sections.progress' },
  { path: 'results', labelKey: 'campaigns.sections.results' },
  { path: 'analysis', labelKey: 'campaigns.sections.analysis' },
  { path: 'data', labelKey: 'campaigns.sections.data' },
] as const;

/** /campaigns/:id/*: the campaign's title and terms in a line, its sections as links, then the section. */
export function CampaignLayout() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const format = useFormat();
  const labels = useCampaignLabels();
  const campaign = useCampaign(id);
  const runs = useRunsCampaign();

  if (campaign.isPending) return <Loader role="status" aria-label={t('common.loading')} />;
  if (campaign.isError) {
    if (isApiError(campaign.error) && campaign.error.status === 404) {
      return (
        <Stack>
          <PageHeader title={t('campaigns.notFoundTitle')} />
          <EmptyState
            headingOrder={2}
            title={t('campaigns.notFoundBody')}
            action={
              <Button component={Link} to="/campaigns">
                {t('campaigns.backToList')}
              </Button>
            }
          />
        </Stack>
      );
    }
    return (
      <LoadError
        message={describeError(campaign.error, t)}
        onRetry={() => void campaign.refetch()}
        retryLabel={t('common.tryAgain')}
      />
    );
  }

  const c = campaign.data;
  if (!runs(c)) {
    // An organization administrator reaches a campaign from its invitation: the decision lives on the Organization page.
    return (
      <Stack>
        <PageHeader title={c.title} />
        <Text>
          {t('campaigns.participantOnly')}{' '}
          <Anchor component={Link} to="/admin/organizations" className="plain-link">
            {t('campaigns.list.invitingLink')}
          </Anchor>
        </Text>
      </Stack>
    );
  }

  const base = `/campaigns/${c.id}`;
  const current = location.pathname.replace(/\/+$/, '');
  return (
    <Stack gap="md">
      <PageHeader
        title={c.title}
        description={t('campaigns.headerLine', {
          mode: labels.privacyMode(c.privacyMode),
          k: c.k,
          languages: c.languages.map(labels.language).join(', '),
          retention: format.day(c.retentionUntil),
        })}
      >
        <nav aria-label={t('campaigns.sections.label')}>
          <Group gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {SECTIONS.map((s) => {
              const to = s.path ? `${base}/${s.path}` : base;
              // A section's own pages (an opened analysis) keep its link marked.
              const active = current === to || (s.path !== '' && current.startsWith(`${to}/`));
              return (
                <li key={s.path || 'overview'}>
                  <Button
                    component={Link}
                    to={to}
                    variant={active ? 'filled' : 'light'}
                    aria-current={active ? 'page' : undefined}
                    size="sm"
                  >
                    {t(s.labelKey)}
                  </Button>
                </li>
              );
            })}
          </Group>
        </nav>
      </PageHeader>
      <Outlet context={c} />
    </Stack>
  );
}
