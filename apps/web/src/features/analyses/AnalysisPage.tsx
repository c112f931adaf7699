import {
  Accordion,
  Anchor,
  Button,
  Card,
  Checkbox,
  Grid,
  Group,
  Loader,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { EmptyState, ErrorAlert, LoadError } from '../../components/Feedback.tsx';
import { describeError, formErrorsFrom, NO_FORM_ERRORS, type FormErrors } from '../../lib/errors.ts';
import { useFormat } from '../../lib/format.ts';
import { useCampaignContext } from '../campaigns/campaign-context.ts';
import type { CampaignDetail } from '../campaigns/queries.ts';
import { choiceFromSpec, initialChoice, MAX_FACTORS, notInForm, type AnalysisChoice } from './analysis-form.ts';
import { useAnalysisText } from './analysis-labels.ts';
import { AnalysisResultView } from './AnalysisResultView.tsx';
import {
  useAnalyses,
  useAnalysis,
  useCampaignScales,
  useRunAnalysis,
  type CampaignScale,
  type SavedAnalysis,
} from './queries.ts';

const SHOWN_AT_FIRST = 6;
const FIELDS = ['waveId', 'outcome', 'factors', 'options.k', 'options.resamples'] as const;

function AnalysisForm({
  campaign,
  scales,
  opened,
  onDone,
}: {
  campaign: CampaignDetail;
  scales: readonly CampaignScale[];
  /** The analysis open below the form: the form is set to its spec when it opens. */
  opened?: SavedAnalysis;
  onDone: (id: string) => void;
}) {
  const { t } = useTranslation();
  const text = useAnalysisText(scales, []);
  const [choice, setChoice] = useState<AnalysisChoice>(() =>
    opened
      ? choiceFromSpec(opened.spec, campaign, scales, initialChoice(campaign, scales))
      : initialChoice(campaign, scales),
  );
  const [filledFrom, setFilledFrom] = useState(opened?.id);
  const [errors, setErrors] = useState<FormErrors>(NO_FORM_ERRORS);
  const [notPossible, setNotPossible] = useState<string>();
  const [tried, setTried] = useState(false);
  const run = useRunAnalysis();
  const set = (part: Partial<AnalysisChoice>) => setChoice((c) => ({ ...c, ...part }));

  // Another analysis was opened: the form takes its spec (adjusted while rendering, so nothing flashes and focus stays).
  if (opened && opened.id !== filledFrom) {
    setFilledFrom(opened.id);
    setChoice(choiceFromSpec(opened.spec, campaign, scales, choice));
    setErrors(NO_FORM_ERRORS);
    setNotPossible(undefined);
    setTried(false);
  }
  const { waveId, outcome, factors, k, resamples, seed, centering } = choice;
  const leftOut = opened ? notInForm(opened.spec, scales) : [];

  const candidates = scales.filter((s) => s.key !== outcome);
  const chosen = factors.filter((f) => f !== outcome);
  const factorProblem =
    chosen.length === 0
      ? t('analyses.form.factorsNone')
      : chosen.length > MAX_FACTORS
        ? t('analyses.form.factorsTooMany', { max: MAX_FACTORS })
        : undefined;

  const submit = (e: SyntheticEvent<HTMLFormElement>) => {
    e.preventDefault();
    setTried(true);
    if (factorProblem) return;
    setErrors(NO_FORM_ERRORS);
    setNotPossible(undefined);
    run.mutate(
      {
        campaignId: campaign.id,
        waveId,
        outcome,
        // In the order of the instrument, so the same choice gives the same spec.
        factors: candidates.filter((s) => chosen.includes(s.key)).map((s) => s.key),
        options: { k, resamples, seed, centering },
      },
      {
        onSuccess: (analysis) => onDone(analysis.id),
        onError: (error) => {
          if (isApiError(error) && error.code === 'analysis_not_possible') setNotPossible(error.message);
          else setErrors(formErrorsFrom(error, t, FIELDS));
        },
      },
    );
  };

  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="analysis-form-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Stack gap={4}>
            <Title order={3} fz="lg" id="analysis-form-title">
              {t('analyses.form.title')}
            </Title>
            {opened ? <Text size="sm">{t('analyses.form.fromOpened')}</Text> : null}
            {leftOut.length > 0 ? (
              <Text size="sm">{t('analyses.form.leftOut', { list: text.list(leftOut.map(text.scale)) })}</Text>
            ) : null}
            {opened?.spec.summaries ? <Text size="sm">{t('analyses.form.summariesLeftOut')}</Text> : null}
          </Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <NativeSelect
              label={t('campaigns.fields.wave')}
              value={waveId}
              onChange={(e) => set({ waveId: e.currentTarget.value })}
              data={campaign.waves.map((w) => ({ value: w.id, label: w.name }))}
              error={errors.fields.waveId}
            />
            <NativeSelect
              label={t('analyses.form.outcome')}
              description={t('analyses.form.outcomeHelp')}
              value={outcome}
              onChange={(e) => set({ outcome: e.currentTarget.value })}
              data={scales.map((s) => ({
                value: s.key,
                label: s.outcome ? t('analyses.form.outcomeMarked', { name: text.scale(s.key) }) : text.scale(s.key),
              }))}
              error={errors.fields.outcome}
            />
          </SimpleGrid>
          <Checkbox.Group
            label={t('analyses.form.factors')}
            description={t('analyses.form.factorsHelp', { count: chosen.length, max: MAX_FACTORS })}
            value={chosen}
            onChange={(chosenNow) => set({ factors: chosenNow })}
            error={(tried ? factorProblem : undefined) ?? errors.fields.factors}
          >
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xs" mt="xs">
              {candidates.map((s) => (
                <Checkbox key={s.key} value={s.key} size="md" label={text.scale(s.key)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Group gap="xs">
            <Button
              variant="subtle"
              size="compact-sm"
              onClick={() => set({ factors: candidates.slice(0, MAX_FACTORS).map((s) => s.key) })}
            >
              {t('analyses.form.selectAll')}
            </Button>
            <Button variant="subtle" size="compact-sm" onClick={() => set({ factors: [] })}>
              {t('analyses.form.selectNone')}
            </Button>
          </Group>
          <Accordion variant="contained" chevronPosition="left">
            <Accordion.Item value="options">
              <Accordion.Control>{t('analyses.form.options')}</Accordion.Control>
              <Accordion.Panel>
                <Stack gap="sm">
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                    <NumberInput
                      label={t('analyses.form.k')}
                      description={t('analyses.form.kHelp')}
                      min={2}
                      max={100}
                      value={k}
                      onChange={(v) => set({ k: typeof v === 'number' ? v : Number(v) || 5 })}
                      error={errors.fields['options.k']}
                    />
                    <NumberInput
                      label={t('analyses.form.resamples')}
                      description={t('analyses.form.resamplesHelp')}
                      min={0}
                      max={1000}
                      step={100}
                      value={resamples}
                      onChange={(v) => set({ resamples: typeof v === 'number' ? v : Number(v) || 0 })}
                      error={errors.fields['options.resamples']}
                    />
                  </SimpleGrid>
                  <Checkbox
                    size="md"
                    label={t('analyses.form.centering')}
                    description={t('analyses.form.centeringHelp')}
                    checked={centering}
                    onChange={(e) => set({ centering: e.currentTarget.checked })}
                  />
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          </Accordion>
          {notPossible ? (
            <ErrorAlert title={t('analyses.form.notPossibleTitle')} message={notPossible}>
              <Text size="sm">{t('errors.analysisNotPossible')}</Text>
            </ErrorAlert>
          ) : (
            <ErrorAlert message={errors.summary} />
          )}
          <Group gap="sm">
            <Button type="submit" loading={run.isPending} size="md">
              {t('analyses.form.run')}
            </Button>
            {run.isPending ? (
              <Text size="sm" role="status">
                {t('analyses.form.running')}
              </Text>
            ) : null}
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

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
                  {t('analyses.list.item', { outcome: text.scale(a.outcome), wave })}
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
