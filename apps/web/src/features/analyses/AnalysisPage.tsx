import { Anchor, Button, Card, Grid, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { EmptyState, LoadError } from '../../components/Feedback.tsx';
import { describeError } from '../../lib/errors.ts';
import { useFormat } from '../../lib/format.ts';
import { useCampaignContext } from '../campaigns/campaign-context.ts';
import type { CampaignDetail } from '../campaigns/queries.ts';
import { COMPOSITE_KEY, isChoosable } from './analysis-form.ts';
import { AnalysisForm } from './AnalysisForm.tsx';
import { useAnalysisText } from './analysis-labels.ts';
import { AnalysisResultView } from './AnalysisResultView.tsx';
import { useAnalyses, useAnalysis, useCampaignScales, type CampaignScale } from './queries.ts';

const SHOWN_AT_FIRST = 6;

/** Earlier analyses of this campaign (newest first); the open one is marked. */
function EarlierAnalyses({
  campaign,
  scales,
  openId,
}: {
  campaign: CampaignDetail;
  scales: readonly CampaignScale[];
  openId?: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const text = useAnalysisText(scales, []);
  const list = useAnalyses();
  const [showAll, setShowAll] = useState(false);
  const base = `/campaigns/${campaign.id}/analysis`;
  // The list does not carry a composite's label: the form's composite is named as what it is.
  const outcomeName = (key: string) =>
    key === COMPOSITE_KEY && !isChoosable(key, scales) ? t('analyses.composite.title') : text.scale(key);
  let body;
  if (list.isPending) body = <Loader size="sm" role="status" aria-label={t('common.loading')} />;
  else if (list.isError)
    body = (
      <LoadError
        message={describeError(list.error, t)}
        onRetry={() => void list.refetch()}
        retryLabel={t('common.tryAgain')}
      />
    );
  else {
    const mine = list.data.filter((a) => a.campaignId === campaign.id);
    const shown = showAll ? mine : mine.slice(0, SHOWN_AT_FIRST);
    body =
      mine.length === 0 ? (
        <Text size="sm">{t('analyses.list.empty')}</Text>
      ) : (
        <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {shown.map((a) => {
            const wave = campaign.waves.find((w) => w.id === a.waveId)?.name ?? '';
            const open = a.id === openId;
            return (
              <li key={a.id}>
                <Anchor
                  component={Link}
                  to={`${base}/${a.id}`}
                  aria-current={open ? 'page' : undefined}
                  fw={open ? 700 : 500}
                >
                  {t('analyses.list.item', { outcome: outcomeName(a.outcome), wave })}
                </Anchor>
                <Text size="sm">
                  {t('analyses.list.meta', { at: format.dateTime(a.createdAt), count: a.factors.length })}
                </Text>
              </li>
            );
          })}
          {mine.length > shown.length ? (
            <li>
              <Button variant="subtle" size="compact-sm" onClick={() => setShowAll(true)}>
                {t('analyses.list.showAll', { count: mine.length })}
              </Button>
            </li>
          ) : null}
        </Stack>
      );
  }
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="analysis-list-title">
      <Stack gap="sm">
        <Title order={3} fz="lg" id="analysis-list-title">
          {t('analyses.list.title')}
        </Title>
        {body}
      </Stack>
    </Card>
  );
}

function OpenAnalysis({
  id,
  scales,
  campaign,
}: {
  id: string;
  scales: readonly CampaignScale[];
  campaign: CampaignDetail;
}) {
  const { t } = useTranslation();
  const analysis = useAnalysis(id);
  if (analysis.isPending) return <Loader role="status" aria-label={t('common.loading')} />;
  if (analysis.isError)
    return (
      <LoadError
        message={describeError(analysis.error, t)}
        onRetry={() => void analysis.refetch()}
        retryLabel={t('common.tryAgain')}
      />
    );
  if (analysis.data.campaignId !== campaign.id) return <Text>{t('analyses.list.otherCampaign')}</Text>;
  return <AnalysisResultView analysis={analysis.data} scales={scales} campaign={campaign} />;
}

/** /campaigns/:id/analysis(/:analysisId): run an analysis of a wave, and read this or an earlier one. */
export function AnalysisPage() {
  const { t } = useTranslation();
  const campaign = useCampaignContext();
  const { analysisId } = useParams();
  const navigate = useNavigate();
  const scales = useCampaignScales(campaign.id);
  // The same query as the result below (one request): the form starts from the open analysis's spec.
  const opened = useAnalysis(analysisId);
  const openedHere = analysisId && opened.data?.campaignId === campaign.id ? opened.data : undefined;

  let body;
  if (campaign.waves.length === 0) {
    body = (
      <EmptyState headingOrder={3} title={t('campaigns.invitations.noWaveTitle')}>
        {t('campaigns.invitations.noWaveBody')}
      </EmptyState>
    );
  } else if (scales.isPending) body = <Loader role="status" aria-label={t('common.loading')} />;
  else if (scales.isError)
    body = (
      <LoadError
        message={describeError(scales.error, t)}
        onRetry={() => void scales.refetch()}
        retryLabel={t('common.tryAgain')}
      />
    );
  else if (scales.data.length < 2)
    body = <EmptyState title={t('analyses.noScalesTitle')}>{t('analyses.noScalesBody')}</EmptyState>;
  else
    body = (
      <Stack gap="lg">
        <Grid gap="md">
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <AnalysisForm
              campaign={campaign}
              scales={scales.data}
              opened={openedHere}
              onDone={(id) => void navigate(`/campaigns/${campaign.id}/analysis/${id}`)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <EarlierAnalyses campaign={campaign} scales={scales.data} openId={analysisId} />
          </Grid.Col>
        </Grid>
        {analysisId ? <OpenAnalysis key={analysisId} id={analysisId} scales={scales.data} campaign={campaign} /> : null}
      </Stack>
    );

  return (
    <Stack gap="md">
      <Title order={2} fz="xl">
        {t('analyses.title')}
      </Title>
      <Text size="sm">{t('analyses.intro')}</Text>
      {body}
    </Stack>
  );
}
