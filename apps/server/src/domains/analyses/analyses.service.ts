import { readFileSync } from 'node:fs';
import type { Db } from '@alongside/db';
import { AnalysisSpecSchema, type Analysis, type AnalysisResult, type AnalysisSpec } from '@alongside/contracts';
import { analyze } from '@alongside/stats/analysis';
import { ModelError } from '@alongside/stats/mixed-model';
import type { Actor } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, badRequest, notFound } from '../../lib/errors.ts';
import type { CampaignDataService } from '../campaigns/campaign-data.service.ts';
import * as repo from './analyses.repo.ts';
import { canReadAnalysis } from './analyses.policy.ts';

export interface AnalysesDeps {
  db: Db;
  clock: Clock;
  data: CampaignDataService;
}

const version = (JSON.parse(readFileSync(new URL('../../../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
/** What computed a result, saved with it so that it can be reproduced. */
export const SOFTWARE_VERSION = `Alongside ${version}`;

/** Numbers as JSON carries them: a statistic that does not exist (NaN, ±∞) becomes null. */
function toJson(value: unknown): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map(toJson);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v !== 'function').map(([k, v]) => [k, toJson(v)]));
  return value;
}

/** Analyses of campaign waves: run (and saved with their inputs), listed and read by the researcher who ran them. */
export function createAnalysesService({ db, clock, data }: AnalysesDeps) {
  return {
    scales: (actor: Actor, campaignId: string) => data.scales(actor, campaignId),

    async run(actor: Actor, spec: AnalysisSpec): Promise<Analysis> {
      const { rows, scales, programs } = await data.waveScores(actor, spec.campaignId, spec.waveId);
      const keys = new Set(scales.map((s) => s.key));
      if (!keys.has(spec.outcome)) throw badRequest('outcome', 'is not a scale of this campaign');
      const unknown = spec.factors.find((f) => !keys.has(f));
      if (unknown) throw badRequest('factors', `${unknown} is not a scale of this campaign`);
      const dataAt = clock.now();
      let result: AnalysisResult;
      try {
        const analysis = analyze(rows, { outcome: spec.outcome, factors: spec.factors }, spec.options);
        // Per-program figures name programs by id; the fitted models' helpers (vcov, contrast) are not part of it.
        const { mixed, ml, ...rest } = analysis;
        result = toJson({ ...rest, mixed, ml }) as AnalysisResult;
      } catch (error) {
        if (error instanceof ModelError)
          throw new AppError(422, 'analysis_not_possible', error.message, [{ field: error.terms.length > 0 ? 'factors' : 'waveId', in: 'body', message: error.message }]);
        throw error;
      }
      const saved = await repo.insertAnalysis(db, { campaignId: spec.campaignId, waveId: spec.waveId, ownerId: actor.userId, spec, programs, result, dataAt, softwareVersion: SOFTWARE_VERSION });
      await writeAudit(db, actor, {
        action: 'analysis.run',
        entityType: 'analysis',
        entityId: saved.id,
        purpose: 'research_use',
        details: { campaignId: spec.campaignId, waveId: spec.waveId, respondents: result.sample.n, programs: result.sample.programs },
      });
      return present(saved);
    },

    async list(actor: Actor) {
      const rows = await repo.findOwnAnalyses(db, actor.userId);
      return rows.map((row) => {
        const spec = AnalysisSpecSchema.parse(row.spec);
        return { id: row.id, campaignId: row.campaignId, waveId: row.waveId, outcome: spec.outcome, factors: spec.factors, createdAt: row.createdAt.toISOString() };
      });
    },

    async get(actor: Actor, id: string): Promise<Analysis> {
      const row = await repo.findAnalysis(db, id);
      if (!row || !canReadAnalysis(actor, row)) throw notFound('Analysis');
      await writeAudit(db, actor, { action: 'analysis.read', entityType: 'analysis', entityId: id, purpose: 'research_use', details: { campaignId: row.campaignId } });
      return present(row);
    },
  };
}

function present(row: NonNullable<Awaited<ReturnType<typeof repo.findAnalysis>>>): Analysis {
  const spec = AnalysisSpecSchema.parse(row.spec);
  return {
    id: row.id,
    campaignId: row.campaignId,
    waveId: row.waveId,
    outcome: spec.outcome,
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
