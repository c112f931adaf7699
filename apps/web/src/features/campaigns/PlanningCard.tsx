import {
  Box,
  Button,
  Card,
  Group,
  Loader,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useId, useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { EChart, type ChartOption } from '../../components/EChart.tsx';
import { LoadError } from '../../components/Feedback.tsx';
import { describeError } from '../../lib/errors.ts';
import { useFormat } from '../../lib/format.ts';
import {
  isPlanningField,
  PLANNING_BOUNDS,
  usePlan,
  usePlanCurve,
  type PlanFor,
  type PlanningField,
  type PlanningQuery,
} from './planning.ts';
import { SERIES_COLOURS } from './results-shape.ts';

const PHONE = '(max-width: 47.99em)';
const DEBOUNCE_MS = 300;
/** Cohen's (1988) small, medium and large correlations. */
const EFFECT_CHOICES = [
  { key: 'small', value: 0.1 },
  { key: 'medium', value: 0.3 },
  { key: 'large', value: 0.5 },
] as const;

type Typed = number | string;
type Inputs = Record<PlanningField, Typed>;
/** A common middle: an ICC of 0.10, a medium effect, 20 respondents a program, the usual power and alpha. */
const START: Inputs = { icc: 0.1, effect: 0.3, perProgram: 20, power: 0.8, alpha: 0.05 };

/** A typed value as a number; empty or half-typed values ("", "0.") as undefined, a decimal comma read as a point. */
export function readNumber(value: Typed): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  const text = value.trim().replace(',', '.');
  if (text === '' || text.endsWith('.')) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/** What to ask the API, once the three numbers it needs are there (power and alpha fall back to its defaults). */
function toQuery(inputs: Inputs): PlanningQuery | undefined {
  const icc = readNumber(inputs.icc);
  const effect = readNumber(inputs.effect);
  const perProgram = readNumber(inputs.perProgram);
  if (icc === undefined || effect === undefined || perProgram === undefined) return undefined;
  const power = readNumber(inputs.power);
  const alpha = readNumber(inputs.alpha);
  return {
    icc,
    effect,
    perProgram,
    ...(power === undefined ? {} : { power }),
    ...(alpha === undefined ? {} : { alpha }),
  };
}

/** The fields a 400 named, those of this card only. */
function badFields(error: unknown): PlanningField[] {
  if (!isApiError(error) || error.status !== 400) return [];
  return error.fieldProblems.map((p) => p.field).filter(isPlanningField);
}

export interface PlanningCardHandle {
  /** Opens the card (closed at first on a phone) and moves focus to its heading. */
  open: () => void;
}

/**
 * "Plan the campaign's size": from the expected ICC, the smallest effect worth finding (a correlation) and the
 * respondents per program, how many programs an analysis needs, in words, in a table, and against program size.
 * Computed by the server (GET /api/analyses/planning) as the inputs change; its 400s go beside their fields.
 */
export function PlanningCard({ ref }: { ref?: Ref<PlanningCardHandle> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const headingId = `${id}-title`;
  const bodyId = `${id}-body`;
  const moreId = `${id}-more`;
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Open beside the form on a wide screen; on a phone the form comes first and the planner waits to be asked for.
  const [opened, setOpened] = useState(() => !window.matchMedia(PHONE).matches);
  const [moreWanted, setMoreWanted] = useState(false);
  const [inputs, setInputs] = useState<Inputs>(START);
  const query = useMemo(() => toQuery(inputs), [inputs]);
  const [debounced] = useDebouncedValue(query, DEBOUNCE_MS);
  const asked = opened ? debounced : undefined;
  const plan = usePlan(asked);
  const curve = usePlanCurve(asked);

  useImperativeHandle(ref, () => ({
    open: () => {
      setOpened(true);
      headingRef.current?.focus();
    },
  }));

  const bad = plan.isError ? badFields(plan.error) : [];
  // A problem with power or alpha opens "More", so the message is never hidden.
  const moreShown = moreWanted || bad.includes('power') || bad.includes('alpha');
  const decimal = new Intl.NumberFormat(format.locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value;
  const bound = (n: number) => format.number(n, { maximumFractionDigits: 4 });
  const fieldError = (field: PlanningField) => {
    if (!bad.includes(field)) return undefined;
    const { min, max } = PLANNING_BOUNDS[field];
    return t(field === 'perProgram' ? 'campaignPlanning.wholeNumber' : 'campaignPlanning.outOfRange', {
      min: bound(min),
      max: bound(max),
    });
  };
  const set = (field: PlanningField) => (value: Typed) => setInputs((current) => ({ ...current, [field]: value }));
  const numberProps = (field: PlanningField) => ({
    value: inputs[field],
    onChange: set(field),
    error: fieldError(field),
    min: PLANNING_BOUNDS[field].min,
    max: PLANNING_BOUNDS[field].max,
    // Out-of-range values stay as typed: the message says what is allowed, nothing changes behind the user's back.
    clampBehavior: 'none' as const,
    allowNegative: false,
    decimalSeparator: decimal,
    allowedDecimalSeparators: ['.', ','],
  });
  const effect = readNumber(inputs.effect);
  const updating = plan.isPlaceholderData || query !== debounced;

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} fz="xl" id={headingId} ref={headingRef} tabIndex={-1}>
            {t('campaignPlanning.title')}
          </Title>
          <Text size="sm">{t('campaignPlanning.intro')}</Text>
        </Stack>
        <Group>
          <Button variant="outline" aria-expanded={opened} aria-controls={bodyId} onClick={() => setOpened((o) => !o)}>
            {opened ? t('campaignPlanning.hide') : t('campaignPlanning.show')}
          </Button>
        </Group>
        <div id={bodyId} hidden={!opened}>
          {opened ? (
            <Stack gap="lg">
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
                <NumberInput
                  label={t('campaignPlanning.icc')}
                  description={t('campaignPlanning.iccHelp')}
                  step={0.01}
                  {...numberProps('icc')}
                />
                <Stack gap="xs">
                  <NumberInput
                    label={t('campaignPlanning.effect')}
                    description={t('campaignPlanning.effectHelp')}
                    step={0.05}
                    {...numberProps('effect')}
                  />
                  <Group gap="xs" role="group" aria-label={t('campaignPlanning.quickChoices')}>
                    {EFFECT_CHOICES.map((choice) => {
                      const pressed = effect === choice.value;
                      return (
                        <Button
                          key={choice.key}
                          size="sm"
                          className="tap-target"
                          variant={pressed ? 'filled' : 'outline'}
                          aria-pressed={pressed}
                          onClick={() => set('effect')(choice.value)}
                        >
                          {t(`campaignPlanning.${choice.key}`)}
                        </Button>
                      );
                    })}
                  </Group>
                </Stack>
                <NumberInput
                  label={t('campaignPlanning.perProgram')}
                  description={t('campaignPlanning.perProgramHelp')}
                  step={1}
                  allowDecimal={false}
                  {...numberProps('perProgram')}
                />
              </SimpleGrid>
              <Stack gap="sm">
                <Group>
                  <Button
                    variant="subtle"
                    aria-expanded={moreShown}
                    aria-controls={moreId}
                    onClick={() => setMoreWanted(!moreShown)}
                  >
                    {moreShown ? t('campaignPlanning.less') : t('campaignPlanning.more')}
                  </Button>
                </Group>
                <div id={moreId} hidden={!moreShown}>
                  {moreShown ? (
                    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                      <NumberInput
                        label={t('campaignPlanning.power')}
                        description={t('campaignPlanning.powerHelp')}
                        step={0.05}
                        {...numberProps('power')}
                      />
                      <NumberInput
                        label={t('campaignPlanning.alpha')}
                        description={t('campaignPlanning.alphaHelp')}
                        step={0.01}
                        {...numberProps('alpha')}
                      />
                    </SimpleGrid>
                  ) : null}
                </div>
              </Stack>
              <PlanOutcome
                asked={asked}
                plan={plan}
                bad={bad}
                updating={updating}
                curve={curve.every((c) => c.isSuccess) ? curve.map((c) => c.data) : undefined}
              />
            </Stack>
          ) : null}
        </div>
      </Stack>
    </Card>
  );
}

/** What the plan says, or why there is none yet: in words (announced as it changes), then the figures and the curve. */
function PlanOutcome({
  asked,
  plan,
  bad,
  updating,
  curve,
}: {
  asked: PlanningQuery | undefined;
  plan: ReturnType<typeof usePlan>;
  bad: PlanningField[];
  updating: boolean;
  curve: PlanFor[] | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const shown = asked && plan.isSuccess ? plan.data : undefined;
  const message = !asked
    ? t('campaignPlanning.incomplete')
    : plan.isError && bad.length > 0
      ? t('campaignPlanning.fixField')
      : undefined;
  return (
    <Stack gap="md">
      <Box aria-live="polite">{message ? <Text>{message}</Text> : shown ? <PlanInWords planned={shown} /> : null}</Box>
      {asked && plan.isPending ? <Loader size="sm" role="status" aria-label={t('common.loading')} /> : null}
      {asked && plan.isError && bad.length === 0 ? (
        <LoadError
          message={describeError(plan.error, t)}
          onRetry={() => void plan.refetch()}
          retryLabel={t('common.tryAgain')}
        />
      ) : null}
      {shown ? (
        <>
          {updating ? <Text size="sm">{t('campaignPlanning.updating')}</Text> : null}
          <Box maw={560}>
            <DataTable
              caption={t('campaignPlanning.figures')}
              head={[t('campaignPlanning.measure'), t('campaignPlanning.value')]}
              minWidth={280}
            >
              {(
                [
                  ['designEffect', format.number(shown.plan.designEffect, { maximumFractionDigits: 2 })],
                  ['independent', format.number(shown.plan.independent)],
                  ['respondents', format.number(shown.plan.respondents)],
                  ['programs', format.number(shown.plan.programs)],
                ] as const
              ).map(([key, value]) => (
                <Table.Tr key={key}>
                  <Table.Th scope="row" fw={500}>
                    {t(`campaignPlanning.${key}`)}
                  </Table.Th>
                  <Table.Td>{value}</Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          </Box>
          {curve ? <PlanCurve curve={curve} /> : null}
        </>
      ) : null}
    </Stack>
  );
}

/** "You need about 17 programs of 10 respondents (170 respondents)", and why. */
function PlanInWords({ planned }: { planned: PlanFor }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { query, plan } = planned;
  const why = {
    icc: format.number(query.icc, { minimumFractionDigits: 2, maximumFractionDigits: 3 }),
    designEffect: format.number(plan.designEffect, { maximumFractionDigits: 2 }),
    effect: format.number(query.effect, { minimumFractionDigits: 2, maximumFractionDigits: 3 }),
    independent: format.number(plan.independent),
    power: format.number(query.power ?? 0.8, { style: 'percent', maximumFractionDigits: 1 }),
    alpha: format.number(query.alpha ?? 0.05, { maximumFractionDigits: 4 }),
  };
  return (
    <Stack gap={4}>
      <Text fw={600} size="lg">
        {t('campaignPlanning.needs', {
          count: plan.programs,
          each: t('campaignPlanning.respondentsEach', { count: query.perProgram }),
          respondents: format.number(plan.respondents),
        })}
      </Text>
      <Text size="sm">
        {plan.designEffect === 1 ? t('campaignPlanning.noDiscount', why) : t('campaignPlanning.discount', why)}
      </Text>
    </Stack>
  );
}

/** The programs needed at 5, 10, 20, 30 and 50 respondents per program, as a bar chart or a table. */
function PlanCurve({ curve }: { curve: PlanFor[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = `${useId()}-curve`;
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const title = t('campaignPlanning.curve.title');
  const sizes = curve.map((c) => format.number(c.query.perProgram));
  const option: ChartOption = {
    aria: { enabled: false },
    animation: false,
    grid: { left: 8, right: 16, top: 16, bottom: 32, containLabel: true },
    tooltip: { show: false },
    xAxis: {
      type: 'category',
      data: sizes,
      name: t('campaignPlanning.curve.size'),
      nameLocation: 'middle',
      nameGap: 28,
      nameTextStyle: { color: '#343a40' },
      axisLabel: { color: '#343a40' },
    },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#343a40' } },
    series: [
      {
        name: t('campaignPlanning.curve.programs'),
        type: 'bar',
        data: curve.map((c) => c.plan.programs),
        itemStyle: { color: SERIES_COLOURS[0] },
        label: { show: true, position: 'top', color: '#212529' },
      },
    ],
  };
  const description = t('campaignPlanning.curve.description', {
    title,
    values: curve
      .map((c, i) =>
        t('campaignPlanning.curve.point', { size: sizes[i] ?? '', programs: format.number(c.plan.programs) }),
      )
      .join('; '),
  });
  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" align="end" wrap="wrap" gap="sm">
        <Title order={3} fz="md" id={headingId}>
          {title}
        </Title>
        <SegmentedControl
          aria-label={t('campaigns.viewLabel')}
          value={view}
          onChange={(v) => setView(v === 'table' ? 'table' : 'chart')}
          data={[
            { value: 'chart', label: t('campaigns.viewChart') },
            { value: 'table', label: t('campaigns.viewTable') },
          ]}
        />
      </Group>
      <Text size="sm">{t('campaignPlanning.curve.intro')}</Text>
      {view === 'chart' ? (
        <EChart option={option} description={description} height={220} />
      ) : (
        <DataTable
          caption={title}
          head={[
            t('campaignPlanning.curve.size'),
            t('campaignPlanning.curve.programs'),
            t('campaignPlanning.curve.respondents'),
          ]}
          minWidth={320}
        >
          {curve.map((c, i) => (
            <Table.Tr key={c.query.perProgram}>
              <Table.Th scope="row" fw={500}>
                {sizes[i]}
              </Table.Th>
              <Table.Td>{format.number(c.plan.programs)}</Table.Td>
              <Table.Td>{format.number(c.plan.respondents)}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </Stack>
  );
}
