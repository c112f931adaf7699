import { ANALYSIS_MODELS, PROGRAM_VARIABLES, type ProgramVariableKind } from '@alongside/contracts';
import {
  Accordion,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  Title,
  type ComboboxStringGroupData,
} from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../components/Feedback.tsx';
import { formErrorsFrom, NO_FORM_ERRORS, type FormErrors } from '../../lib/errors.ts';
import type { CampaignDetail } from '../campaigns/queries.ts';
import {
  choiceFromSpec,
  COMPOSITE_KEY,
  compositeProblems,
  initialChoice,
  isCompositeOffered,
  LEVEL_DOMINANCE_MAX_FACTORS,
  MAX_FACTORS,
  MAX_PARTS,
  notInForm,
  orderedModels,
  requestFromChoice,
  type AnalysisChoice,
  type AnalysisModel,
} from './analysis-form.ts';
import { useAnalysisText } from './analysis-labels.ts';
import { NotPossibleAlert } from './AnalysisReason.tsx';
import { CompositeBuilder } from './CompositeBuilder.tsx';
import { useRunAnalysis, type CampaignScale, type SavedAnalysis } from './queries.ts';

const FIELDS = [
  'waveId',
  'outcome',
  'factors',
  'models',
  'options.k',
  'options.resamples',
  'composites',
  'composites.0',
  'composites.0.key',
  'composites.0.label',
  'composites.0.parts',
  ...Array.from({ length: MAX_PARTS }, (_, i) => [
    `composites.0.parts.${i}`,
    `composites.0.parts.${i}.variable`,
    `composites.0.parts.${i}.weight`,
  ]).flat(),
];

const KINDS: readonly ProgramVariableKind[] = ['profile', 'indicator'];
const KIND_TITLE = { profile: 'analyses.form.programProfile', indicator: 'analyses.form.programIndicators' } as const;
const kindOf = (key: string) => PROGRAM_VARIABLES.find((v) => v.key === key)?.kind;

/** The collapsible parts of the form to show open: those holding a choice (a program variable, the composite). */
function openPanels(choice: AnalysisChoice): { factors: string[]; more: string[] } {
  return {
    factors: KINDS.filter((kind) => choice.factors.some((f) => f !== choice.outcome && kindOf(f) === kind)),
    more: choice.outcome === COMPOSITE_KEY ? ['composite'] : [],
  };
}

/** The form of a new analysis: wave, outcome (a scale, a program variable or a composite), factors and options. */
export function AnalysisForm({
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
  const [choice, setChoice] = useState<AnalysisChoice>(() =>
    opened
      ? choiceFromSpec(opened.spec, campaign, scales, initialChoice(campaign, scales))
      : initialChoice(campaign, scales),
  );
  const [panels, setPanels] = useState(() => openPanels(choice));
  const [filledFrom, setFilledFrom] = useState(opened?.id);
  const [errors, setErrors] = useState<FormErrors>(NO_FORM_ERRORS);
  const [notPossible, setNotPossible] = useState<string>();
  const [tried, setTried] = useState(false);
  const run = useRunAnalysis();
  const set = (part: Partial<AnalysisChoice>) => setChoice((c) => ({ ...c, ...part }));

  // Another analysis was opened: the form takes its spec (adjusted while rendering, so nothing flashes and focus stays).
  if (opened && opened.id !== filledFrom) {
    const filled = choiceFromSpec(opened.spec, campaign, scales, choice);
    setFilledFrom(opened.id);
    setChoice(filled);
    setPanels(openPanels(filled));
    setErrors(NO_FORM_ERRORS);
    setNotPossible(undefined);
    setTried(false);
  }
  const { waveId, outcome, factors, models, composite, k, resamples, centering } = choice;
  const chosen = factors.filter((f) => f !== outcome);
  // Names as the result will give them: the chosen factors' terms, the composite by the name being typed.
  const text = useAnalysisText(scales, chosen, [
    { key: COMPOSITE_KEY, label: composite.label.trim() || t('analyses.composite.unnamed') },
  ]);
  const leftOut = opened ? notInForm(opened.spec, scales) : [];
  const compositeIsOutcome = outcome === COMPOSITE_KEY;

  const scaleCandidates = scales.filter((s) => s.key !== outcome).map((s) => s.key);
  const programCandidates = (kind: ProgramVariableKind) =>
    PROGRAM_VARIABLES.filter((v) => v.kind === kind && v.key !== outcome).map((v) => v.key);
  const factorProblem =
    chosen.length === 0
      ? t('analyses.form.factorsNone')
      : chosen.length > MAX_FACTORS
        ? t('analyses.form.factorsTooMany', { max: MAX_FACTORS })
        : undefined;
  const modelsProblem = models.length === 0 ? t('analyses.form.modelsNone') : undefined;
  const problems = compositeIsOutcome ? compositeProblems(composite) : {};
  const hasCompositeProblem = Object.keys(problems).length > 0;
  const fieldError = (field: string): string | undefined => {
    const problem = tried ? problems[field] : undefined;
    return problem ? t(`analyses.composite.problems.${problem}`) : errors.fields[field];
  };

  const modelHelp = (model: AnalysisModel): string => {
    switch (model) {
      case 'mixed':
        return t('analyses.form.model.mixedHelp');
      case 'ols':
        return t('analyses.form.model.olsHelp');
      case 'dominance':
        return t('analyses.form.model.dominanceHelp');
      case 'country':
        return t('analyses.form.model.countryHelp');
      case 'level_dominance':
        // Said before the run: with more factors than it takes, it would come back not computed.
        return models.includes('level_dominance') && chosen.length > LEVEL_DOMINANCE_MAX_FACTORS
          ? t('analyses.form.model.levelDominanceTooMany', { n: chosen.length, max: LEVEL_DOMINANCE_MAX_FACTORS })
          : t('analyses.form.model.levelDominanceHelp', { max: LEVEL_DOMINANCE_MAX_FACTORS });
    }
  };
  const option = (key: string) => ({ value: key, label: text.scale(key) });
  const programGroups = KINDS.map((kind) => ({
    group: t(KIND_TITLE[kind]),
    items: PROGRAM_VARIABLES.filter((v) => v.kind === kind).map((v) => option(v.key)),
  }));
  const variables: ComboboxStringGroupData = [
    { group: t('analyses.form.groupScales'), items: scales.map((s) => option(s.key)) },
    ...programGroups,
  ];
  const outcomes: ComboboxStringGroupData = [
    {
      group: t('analyses.form.groupScales'),
      items: scales.map((s) => ({
        value: s.key,
        label: s.outcome ? t('analyses.form.outcomeMarked', { name: text.scale(s.key) }) : text.scale(s.key),
      })),
    },
    ...programGroups,
    ...(isCompositeOffered(composite) || compositeIsOutcome
      ? [
          {
            group: t('analyses.form.groupComposite'),
            items: [{ value: COMPOSITE_KEY, label: composite.label.trim() || t('analyses.composite.unnamed') }],
          },
        ]
      : []),
  ];

  const submit = (e: SyntheticEvent<HTMLFormElement>) => {
    e.preventDefault();
    setTried(true);
    if (hasCompositeProblem) setPanels((p) => ({ ...p, more: [...new Set([...p.more, 'composite'])] }));
    if (factorProblem || hasCompositeProblem || modelsProblem) return;
    setErrors(NO_FORM_ERRORS);
    setNotPossible(undefined);
    run.mutate(requestFromChoice(campaign.id, choice, scales), {
      onSuccess: (analysis) => onDone(analysis.id),
      onError: (error) => {
        if (isApiError(error) && error.code === 'analysis_not_possible') {
          setNotPossible(error.message);
          return;
        }
        const found = formErrorsFrom(error, t, FIELDS);
        setErrors(found);
        // A problem of the composite is shown at its field: the composite's panel opens.
        if (Object.keys(found.fields).some((field) => field.startsWith('composites')))
          setPanels((p) => ({ ...p, more: [...new Set([...p.more, 'composite'])] }));
      },
    });
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
              data={outcomes}
              error={
                (tried && hasCompositeProblem ? t('analyses.form.compositeUnfinished') : undefined) ??
                errors.fields.outcome
              }
            />
          </SimpleGrid>
          <Checkbox.Group
            label={t('analyses.form.factors')}
            description={t('analyses.form.factorsHelp', { count: chosen.length, max: MAX_FACTORS })}
            value={chosen}
            onChange={(chosenNow) => set({ factors: chosenNow })}
            error={(tried ? factorProblem : undefined) ?? errors.fields.factors}
          >
            <Stack gap="sm" mt="xs">
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xs">
                {scaleCandidates.map((key) => (
                  <Checkbox key={key} value={key} size="md" label={text.scale(key)} />
                ))}
              </SimpleGrid>
              <Group gap="xs">
                <Button
                  variant="subtle"
                  size="compact-sm"
                  onClick={() => {
                    // The scales, beside the program variables already chosen, up to the maximum.
                    const programs = chosen.filter((f) => kindOf(f) !== undefined);
                    set({
                      factors: [...scaleCandidates.slice(0, Math.max(0, MAX_FACTORS - programs.length)), ...programs],
                    });
                  }}
                >
                  {t('analyses.form.selectAll')}
                </Button>
                <Button variant="subtle" size="compact-sm" onClick={() => set({ factors: [] })}>
                  {t('analyses.form.selectNone')}
                </Button>
              </Group>
              <Text size="sm">{t('analyses.form.programHelp')}</Text>
              <Accordion
                multiple
                variant="contained"
                chevronPosition="left"
                value={panels.factors}
                onChange={(factorsOpen) => setPanels((p) => ({ ...p, factors: factorsOpen }))}
              >
                {KINDS.map((kind) => {
                  const count = chosen.filter((f) => kindOf(f) === kind).length;
                  return (
                    <Accordion.Item key={kind} value={kind}>
                      <Accordion.Control>
                        {count > 0
                          ? t('analyses.form.groupChosen', { group: t(KIND_TITLE[kind]), count })
                          : t(KIND_TITLE[kind])}
                      </Accordion.Control>
                      <Accordion.Panel>
                        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xs">
                          {programCandidates(kind).map((key) => (
                            <Checkbox key={key} value={key} size="md" label={text.scale(key)} />
                          ))}
                        </SimpleGrid>
                      </Accordion.Panel>
                    </Accordion.Item>
                  );
                })}
              </Accordion>
            </Stack>
          </Checkbox.Group>
          <Checkbox.Group
            label={t('analyses.form.models')}
            description={t('analyses.form.modelsHelp')}
            value={models}
            onChange={(chosenModels) => set({ models: orderedModels(chosenModels) })}
            error={(tried ? modelsProblem : undefined) ?? errors.fields.models}
          >
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm" mt="xs">
              {ANALYSIS_MODELS.map((model) => (
                <Checkbox
                  key={model}
                  value={model}
                  size="md"
                  label={text.model(model)}
                  description={modelHelp(model)}
                />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Accordion
            multiple
            variant="contained"
            chevronPosition="left"
            value={panels.more}
            onChange={(moreOpen) => setPanels((p) => ({ ...p, more: moreOpen }))}
          >
            <Accordion.Item value="composite">
              <Accordion.Control>{t('analyses.composite.title')}</Accordion.Control>
              <Accordion.Panel>
                <CompositeBuilder
                  composite={composite}
                  onChange={(next) => set({ composite: next })}
                  variables={variables}
                  error={fieldError}
                  isOutcome={compositeIsOutcome}
                  onUseAsOutcome={isCompositeOffered(composite) ? () => set({ outcome: COMPOSITE_KEY }) : undefined}
                />
              </Accordion.Panel>
            </Accordion.Item>
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
            <NotPossibleAlert message={notPossible} text={text} outcome={text.scale(outcome)} />
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
