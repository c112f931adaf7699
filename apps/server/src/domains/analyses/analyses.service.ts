import { readFileSync } from 'node:fs';
import type { Db } from '@alongside/db';
import {
  AnalysisResultSchema,
  AnalysisSpecSchema,
  COUNTRY_CODES,
  PROGRAM_VARIABLE_KEYS,
  STAKEHOLDER_GROUPS,
  type Analysis,
  type AnalysisResult,
  type AnalysisSpec,
  type CountryCode,
  type Language,
} from '@alongside/contracts';
import { analyze, type Analysis as Computed, type AnalysisOptions } from '@alongside/stats/analysis';
import type { AnalysisRow } from '@alongside/stats/analysis-design';
import { withComposites } from '@alongside/stats/composites';
import { ModelError } from '@alongside/stats/mixed-model';
import { analyzeSummaries } from '@alongside/stats/analysis-summaries';
import { combineSummaries, rawSummaries, type RawSummaries } from '@alongside/stats/summaries';
import type { Actor } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, badRequest, notFound } from '../../lib/errors.ts';
import type { DownloadFile } from '../../lib/files.ts';
import type { CampaignDataService } from '../campaigns/campaign-data.service.ts';
import type { CampaignsService } from '../campaigns/campaigns.service.ts';
import { createIndicatorsService } from '../indicators/indicators.service.ts';
import { createSustainabilityService } from '../sustainability/sustainability.service.ts';
import { analysisReport } from './analysis-report.ts';
import { programVariableValues } from './program-variables.ts';
import * as repo from './analyses.repo.ts';
import { canReadAnalysis } from './analyses.policy.ts';

export interface AnalysesDeps {
  db: Db;
  clock: Clock;
  campaigns: CampaignsService;
  data: CampaignDataService;
}

const version = (JSON.parse(readFileSync(new URL('../../../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
/** What computed a result, saved with it so that it can be reproduced. */
export const SOFTWARE_VERSION = `Alongside ${version}`;

/** Numbers as JSON carries them: a statistic that does not exist (NaN, ±∞) becomes null; functions are left out. */
function toJson(value: unknown): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map(toJson);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v !== 'function').map(([k, v]) => [k, toJson(v)]));
  return value;
}

/**
 * The analysis of rows as the API and the CLI give it (JSON numbers); data that cannot be modelled give 422
 * `analysis_not_possible` with the reason.
 */
export function computeResult(rows: readonly AnalysisRow[], spec: Pick<AnalysisSpec, 'outcome' | 'factors' | 'options' | 'models'>, onProgress?: AnalysisOptions['onProgress']): AnalysisResult {
  return resultOf(() => analyze(rows, { outcome: spec.outcome, factors: spec.factors }, { ...spec.options, ...(spec.models ? { models: spec.models } : {}), ...(onProgress ? { onProgress } : {}) }));
}

/** The columns every installation summarises over: the factors, then every country and group but the references. */
const summaryLevels = { countries: COUNTRY_CODES.filter((c) => c !== 'CA'), groups: STAKEHOLDER_GROUPS.filter((g) => g !== 'psp') };

/**
 * This wave's rows pooled with other installations' summaries: they must summarise the same analysis (outcome,
 * factors and columns) and name other programs; then the fit from the combined summaries is the pooled fit.
 */
function pooledResult(rows: readonly AnalysisRow[], spec: AnalysisSpec, imported: NonNullable<AnalysisSpec['summaries']>): AnalysisResult {
  const local = rawSummaries(rows, spec, summaryLevels);
  imported.forEach((file, i) => {
    const problem =
      file.outcome !== spec.outcome || file.factors.join() !== spec.factors.join()
        ? `summarise ${file.outcome} with ${file.factors.join(', ')}, not this analysis`
        : file.columns.join() !== local.columns.join()
          ? `have the columns ${file.columns.join(', ')}, not ${local.columns.join(', ')}`
          : undefined;
    if (problem) throw badRequest(`summaries.${i}`, problem);
  });
  const lost = Object.fromEntries([...spec.factors, spec.outcome, 'country', 'group'].map((v) => [v, 0]));
  try {
    const combined = combineSummaries([local, ...imported.map((file): RawSummaries => ({ columns: file.columns, factors: file.factors, programs: file.programs }))]);
    return resultOf(() => analyzeSummaries(combined, { ...spec.options, ...(spec.models ? { models: spec.models } : {}), lost }));
  } catch (error) {
    if (error instanceof ModelError && error.code === 'incompatible_summaries') throw badRequest('summaries', error.message);
    throw error;
  }
}

/** Data that cannot be modelled: 422 `analysis_not_possible` with the reason. */
function explained<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof ModelError)
      throw new AppError(422, 'analysis_not_possible', error.message, [{ field: error.terms.length > 0 ? 'factors' : 'waveId', in: 'body', message: error.message }]);
    throw error;
  }
}

function resultOf(compute: () => Computed): AnalysisResult {
  const computed = explained(compute);
  // The contract's shape, which also leaves out what is not reported: the fits' covariance matrices and their
  // unwithheld BLUPs (the result's own list withholds programs under k).
  return AnalysisResultSchema.parse(toJson(computed));
}

/** Analyses of campaign waves: run (and saved with their inputs), listed and read by the researcher who ran them. */
export function createAnalysesService({ db, clock, campaigns, data }: AnalysesDeps) {
  const sources = { db, indicators: createIndicatorsService({ db, clock }), sustainability: createSustainabilityService({ db, clock }) };

  /**
   * The wave's scored respondents with the chosen program variables joined and the composites computed, once every
   * variable named is known: a scale of the campaign, a program variable or one of the spec's composites.
   */
  async function scoredRows(actor: Actor, spec: Pick<AnalysisSpec, 'campaignId' | 'waveId' | 'outcome' | 'factors' | 'composites'>) {
    const scored = await data.waveScores(actor, spec.campaignId, spec.waveId);
    const scales = new Set(scored.scales.map((s) => s.key));
    const composites = spec.composites ?? [];
    composites.forEach((c, i) => {
      if (scales.has(c.key) || PROGRAM_VARIABLE_KEYS.has(c.key)) throw badRequest(`composites.${i}.key`, 'is already a scale or a program variable');
      c.parts.forEach((part, j) => {
        if (!scales.has(part.variable) && !PROGRAM_VARIABLE_KEYS.has(part.variable))
          throw badRequest(`composites.${i}.parts.${j}.variable`, 'is not a scale of this campaign or a program variable');
      });
    });
    const known = (key: string) => scales.has(key) || PROGRAM_VARIABLE_KEYS.has(key) || composites.some((c) => c.key === key);
    if (!known(spec.outcome)) throw badRequest('outcome', 'is not a scale of this campaign, a program variable or a composite');
    const unknown = spec.factors.find((f) => !known(f));
    if (unknown) throw badRequest('factors', `${unknown} is not a scale of this campaign, a program variable or a composite`);

    const chosen = [...new Set([spec.outcome, ...spec.factors, ...composites.flatMap((c) => c.parts.map((p) => p.variable))])].filter((key) => PROGRAM_VARIABLE_KEYS.has(key));
    const wave = (await campaigns.get(actor, spec.campaignId)).waves.find((w) => w.id === spec.waveId)!;
    const joined = await programVariableValues(sources, scored.programs.map((p) => p.id), chosen, wave, clock.now());
    const rows = scored.rows.map((row) => ({ ...row, values: { ...row.values, ...joined.values.get(row.program) } }));
    return {
      ...scored,
      // A composite part that cannot be standardized is the analysis's 422, with the reason.
      rows: explained(() => withComposites(rows, composites)),
      joined: { variables: chosen, period: joined.period ? { from: joined.period.from, to: joined.period.to } : null },
    };
  }

  /** A saved analysis, to the researcher who ran it (audited). */
  async function read(actor: Actor, id: string): Promise<Analysis> {
    const row = await repo.findAnalysis(db, id);
    if (!row || !canReadAnalysis(actor, row)) throw notFound('Analysis');
    await writeAudit(db, actor, { action: 'analysis.read', entityType: 'analysis', entityId: id, purpose: 'research_use', details: { campaignId: row.campaignId } });
    return present(row);
  }

  return {
    scales: (actor: Actor, campaignId: string) => data.scales(actor, campaignId),

    async run(actor: Actor, spec: AnalysisSpec, onProgress?: AnalysisOptions['onProgress']): Promise<Analysis> {
      const { rows, programs: local, joined } = await scoredRows(actor, spec);
      const dataAt = clock.now();
      const computed = spec.summaries ? pooledResult(rows, spec, spec.summaries) : computeResult(rows, spec, onProgress);
      const result = joined.variables.length > 0 ? { ...computed, sample: { ...computed.sample, joined } } : computed;
      const programs = [
        ...local,
        // An imported program is named by its id in its own installation; its country is its 0/1 country column's.
        ...(spec.summaries ?? []).flatMap((file) =>
          file.programs.map((s) => {
            const at = file.columns.findIndex((c, i) => c.startsWith('country') && s.sumX[i]! > 0);
            return { id: s.program, name: s.program, countryCode: (at >= 0 ? file.columns[at]!.slice('country'.length) : 'CA') as CountryCode, imported: true };
          }),
        ),
      ];
      const saved = await repo.insertAnalysis(db, { campaignId: spec.campaignId, waveId: spec.waveId, ownerId: actor.userId, spec, programs, result, dataAt, softwareVersion: SOFTWARE_VERSION });
      await writeAudit(db, actor, {
        action: 'analysis.run',
        entityType: 'analysis',
        entityId: saved.id,
        purpose: 'research_use',
        details: { campaignId: spec.campaignId, waveId: spec.waveId, respondents: result.sample.n, programs: result.sample.programs, programVariables: joined.variables },
      });
      return present(saved);
    },

    /**
     * Per-program summaries of a wave for a pooled analysis elsewhere (n, Σx, Σy, X'X, X'y, y'y over the raw
     * columns; no respondent rows); programs with fewer than k respondents are left out. Audited.
     */
    async exportSummaries(actor: Actor, spec: AnalysisSpec): Promise<RawSummaries & { campaignId: string; waveId: string; outcome: string; k: number; withheld: number }> {
      const { rows } = await scoredRows(actor, spec);
      const summaries = rawSummaries(rows, spec, summaryLevels);
      const kept = summaries.programs.filter((p) => p.n >= spec.options.k);
      await writeAudit(db, actor, {
        action: 'analysis.summaries_export',
        entityType: 'campaign',
        entityId: spec.campaignId,
        purpose: 'research_use',
        details: { waveId: spec.waveId, programs: kept.length, withheld: summaries.programs.length - kept.length },
      });
      return { campaignId: spec.campaignId, waveId: spec.waveId, outcome: spec.outcome, k: spec.options.k, withheld: summaries.programs.length - kept.length, ...summaries, programs: kept };
    },

    async list(actor: Actor) {
      const rows = await repo.findOwnAnalyses(db, actor.userId);
      return rows.map((row) => {
        const spec = AnalysisSpecSchema.parse(row.spec);
        return { id: row.id, campaignId: row.campaignId, waveId: row.waveId, outcome: spec.outcome, ...outcomeLabel(spec), factors: spec.factors, createdAt: row.createdAt.toISOString() };
      });
    },

    async get(actor: Actor, id: string): Promise<Analysis> {
      return read(actor, id);
    },

    /** The report as one self-contained HTML file, in one language. */
    async report(actor: Actor, id: string, language: Language): Promise<DownloadFile> {
      const analysis = await read(actor, id);
      const [campaign, scales] = await Promise.all([campaigns.get(actor, analysis.campaignId), data.scales(actor, analysis.campaignId)]);
      const now = clock.now();
      const html = analysisReport(analysis, { campaignTitle: campaign.title, scales, language, now });
      return { filename: `analysis-${analysis.outcome}-${now.toISOString().slice(0, 10)}-${language}.html`, contentType: 'text/html; charset=utf-8', body: new TextEncoder().encode(html) };
    },
  };
}

/** A composite outcome's label, when it has one. */
function outcomeLabel(spec: AnalysisSpec): { outcomeLabel?: string } {
  const label = spec.composites?.find((c) => c.key === spec.outcome)?.label;
  return label ? { outcomeLabel: label } : {};
}

function present(row: NonNullable<Awaited<ReturnType<typeof repo.findAnalysis>>>): Analysis {
  const spec = AnalysisSpecSchema.parse(row.spec);
  return {
    id: row.id,
    campaignId: row.campaignId,
    waveId: row.waveId,
    outcome: spec.outcome,
    ...outcomeLabel(spec),
    factors: spec.factors,
    createdAt: row.createdAt.toISOString(),
    spec,
    dataAt: row.dataAt.toISOString(),
    softwareVersion: row.softwareVersion,
    programs: row.programs as Analysis['programs'],
    result: row.result as AnalysisResult,
  };
}

export type AnalysesService = ReturnType<typeof createAnalysesService>;
