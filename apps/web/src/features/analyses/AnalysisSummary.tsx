import type { AnalysisResult } from '@alongside/contracts';
import { List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AnalysisText } from './analysis-labels.ts';
import { UnavailableNote } from './AnalysisReason.tsx';
import {
  classifyFactors,
  forestRows,
  importanceRows,
  isUnavailable,
  lostRows,
  programLevelRows,
  type IntervalRow,
} from './analysis-shape.ts';
import type { SavedAnalysis } from './queries.ts';

/** Below this share of resamples keeping its rank, the importance ranking is not settled (as the table's note says). */
const SETTLED = 0.8;

/** Which factors clearly go with a higher or lower outcome, which the data cannot tell from none, which cannot be ranked. */
function Findings({ rows, text }: { rows: readonly IntervalRow[]; text: AnalysisText }) {
  const { t } = useTranslation();
  const c = classifyFactors(rows);
  const names = (keys: string[]) => text.list(keys.map(text.scale));
  return (
    <List spacing={4}>
      {c.positive.length > 0 ? (
        <List.Item>{t('analyses.summary.positive', { list: names(c.positive) })}</List.Item>
      ) : null}
      {c.negative.length > 0 ? (
        <List.Item>{t('analyses.summary.negative', { list: names(c.negative) })}</List.Item>
      ) : null}
      {c.unclear.length > 0 ? <List.Item>{t('analyses.summary.unclear', { list: names(c.unclear) })}</List.Item> : null}
      {c.cannotRank.length > 0 ? (
        <List.Item>{t('analyses.summary.cannotRank', { list: names(c.cannotRank) })}</List.Item>
      ) : null}
    </List>
  );
}

/**
 * The summary read from the program level — its slopes (HC3) and its importance ranking — for an outcome with one
 * value per program, or when the mixed model was not asked for.
 */
function ProgramLevelFindings({
  analysis,
  text,
  mixedNotRequested,
}: {
  analysis: SavedAnalysis;
  text: AnalysisText;
  mixedNotRequested: boolean;
}) {
  const { t } = useTranslation();
  const { result, spec } = analysis;
  const pl = result.programLevel;
  if (isUnavailable(pl)) {
    // Neither was asked for: the parts below that were computed speak for themselves.
    if (mixedNotRequested && pl.unavailable.code === 'not_requested')
      return <Text>{t('analyses.summary.mixedNotRequested')}</Text>;
    return <UnavailableNote part={pl} text={text} outcome={text.scale(spec.outcome)} model="dominance" />;
  }
  const programs = text.count(pl.programs.filter((p) => !p.withheld).length);
  const [top] = importanceRows(pl);
  const ranked = top && spec.factors.length > 1;
  let rank;
  if (!ranked) rank = null;
  else if (!pl.bootstrap || top.rankStability === null) rank = t('analyses.summary.programLevelNoBootstrap');
  else
    rank = t(
      top.rankStability >= SETTLED
        ? 'analyses.summary.programLevelRankSettled'
        : 'analyses.summary.programLevelRankUnsettled',
      { stability: text.percent(top.rankStability), resamples: text.count(pl.bootstrap.resamples) },
    );
  return (
    <>
      <Text>
        {t(mixedNotRequested ? 'analyses.summary.programLevelNotRequested' : 'analyses.summary.programLevel', {
          outcome: text.scale(spec.outcome),
          programs,
        })}
      </Text>
      <Findings rows={programLevelRows(pl, spec.factors)} text={text} />
      {ranked ? (
        <Text>
          {t('analyses.summary.programLevelTop', {
            name: text.scale(top.key),
            weight: text.estimate(top.weight),
            r2: text.estimate(pl.dominance.r2),
          })}{' '}
          {rank}
        </Text>
      ) : null}
      <Text size="sm">{t('analyses.summary.programLevelCaution', { programs })}</Text>
    </>
  );
}

/** The program variables joined to the respondents, and the months their indicators cover. */
function Joined({ joined, text }: { joined: AnalysisResult['sample']['joined']; text: AnalysisText }) {
  const { t } = useTranslation();
  if (!joined || joined.variables.length === 0) return null;
  const lines = [t('analyses.summary.joined', { list: text.list(joined.variables.map(text.scale)) })];
  if (joined.variables.some((v) => v.startsWith('indicator_')))
    lines.push(
      joined.period
        ? t('analyses.summary.joinedPeriod', { from: text.day(joined.period.from), to: text.day(joined.period.to) })
        : t('analyses.summary.joinedNoPeriod'),
    );
  return <Text>{lines.join(' ')}</Text>;
}

/** The plain-language summary: who was analysed, who was left out, and what the data can and cannot say. */
export function AnalysisSummary({ analysis, text }: { analysis: SavedAnalysis; text: AnalysisText }) {
  const { t } = useTranslation();
  const { result, spec } = analysis;
  const lost = lostRows(result.sample.lost);
  const variableNames = { group: t('campaigns.fields.group'), country: t('campaigns.fields.country') };
  return (
    <Stack gap="xs">
      <Text>
        {t('analyses.summary.sample', {
          n: text.count(result.sample.n),
          programs: text.count(result.sample.programs),
          outcome: text.scale(spec.outcome),
        })}
      </Text>
      <Joined joined={result.sample.joined} text={text} />
      <Text>
        {lost.length === 0
          ? t('analyses.summary.noneLost')
          : t('analyses.summary.lost', {
              list: text.list(
                lost.map((l) =>
                  t('analyses.summary.lostItem', {
                    name: lostName(l.key, text, variableNames),
                    count: text.count(l.count),
                  }),
                ),
              ),
            })}
      </Text>
      {isUnavailable(result.mixed) ? (
        <ProgramLevelFindings
          analysis={analysis}
          text={text}
          mixedNotRequested={result.mixed.unavailable.code === 'not_requested'}
        />
      ) : (
        <>
          <Findings rows={forestRows(result.mixed.fixed, spec.factors)} text={text} />
          <Text size="sm">{t('analyses.summary.caution')}</Text>
        </>
      )}
    </Stack>
  );
}

/** `group` and `country` are variables too: they lose respondents who did not say. */
function lostName(key: string, text: AnalysisText, names: { group: string; country: string }): string {
  if (key === 'group') return names.group;
  if (key === 'country') return names.country;
  return text.scale(key);
}
