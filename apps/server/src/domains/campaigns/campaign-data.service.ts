import { and, eq, isNotNull } from 'drizzle-orm';
import { schema, type Db } from '@alongside/db';
import { effectiveK, matrixCell, scoreSurveyResponses } from '@alongside/stats';
import type { AnalysisRow } from '@alongside/stats/analysis-design';
import {
  InstrumentDefinitionSchema,
  type CampaignResults,
  type CampaignScale,
  type InstrumentDefinition,
  type CountryCode,
  type Language,
  type ProgramSetting,
  type StakeholderGroup,
} from '@alongside/contracts';
import type { DownloadFile } from '../../lib/files.ts';
import { buildCampaignExport } from './exports/campaign-export.ts';
import { ExportError, type ExportAnswer, type ExportDataset, type ExportFormat } from './exports/export.types.ts';
import type { Actor } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, badRequest, isUniqueViolation, conflict } from '../../lib/errors.ts';
import type { CampaignsService } from './campaigns.service.ts';
import * as repo from './campaigns.repo.ts';
import { computeResults } from './results.ts';
import { parseResponseFile } from './response-import.ts';

export interface CampaignDataDeps {
  db: Db;
  clock: Clock;
  campaigns: CampaignsService;
}

const BATCH = 1000;

/** Subscales by id across the groups' instruments (they share ids), in the order first met. */
function scalesOf(groups: { group: StakeholderGroup; definition: InstrumentDefinition }[]): CampaignScale[] {
  const scales = new Map<string, CampaignScale>();
  for (const { group, definition } of groups)
    for (const subscale of definition.subscales) {
      const scale = scales.get(subscale.id) ?? { key: subscale.id, name: subscale.name, outcome: subscale.outcome, groups: [] };
      scale.groups.push(group);
      scales.set(subscale.id, scale);
    }
  return [...scales.values()];
}

/** A campaign's data: results (k applied), analyst exports and responses imported from other tools. */
export function createCampaignDataService({ db, clock, campaigns }: CampaignDataDeps) {
  async function definitions(campaignId: string) {
    return (await repo.findGroups(db, campaignId)).map((g) => ({ group: g.group as StakeholderGroup, definition: InstrumentDefinitionSchema.parse(g.definition) }));
  }

  return {
    /** The scales an analysis can use: the subscales of the campaign's instruments, by id across its groups. */
    async scales(actor: Actor, id: string): Promise<CampaignScale[]> {
      await campaigns.get(actor, id);
      return scalesOf(await definitions(id));
    },

    /**
     * A wave's respondents as analysis rows: each response scored with its group's instrument, its subscale scores
     * by id (null when too few items were answered), with its program's country. Reading them is the caller's to
     * audit, with what it did with them.
     */
    async waveScores(actor: Actor, id: string, waveId: string) {
      const campaign = await campaigns.get(actor, id);
      if (!campaign.waves.some((w) => w.id === waveId)) throw badRequest('waveId', 'is not a wave of this campaign');
      const [groups, responses, programs] = await Promise.all([definitions(id), repo.findResponses(db, id, waveId), repo.findPrograms(db, id)]);
      const countryOf = new Map(programs.map((p) => [p.programId, p.countryCode]));
      const rows: AnalysisRow[] = groups.flatMap(({ group, definition }) => {
        const answered = responses.filter((r) => r.group === group);
        const scores = scoreSurveyResponses(definition, answered.map((r) => r.answers as Record<string, unknown>));
        return answered.map((r, i) => ({
          program: r.programId,
          country: countryOf.get(r.programId) ?? '',
          group,
          values: Object.fromEntries(
            scores.layout.subscales.map((subscale, column) => {
              const score = matrixCell(scores.subscales, i, column);
              return [subscale.id, Number.isNaN(score) ? null : score];
            }),
          ),
        }));
      });
      return { rows, scales: scalesOf(groups), programs: programs.map((p) => ({ id: p.programId, name: p.programName, countryCode: p.countryCode as CountryCode, imported: false })) };
    },

    /** Scale results by country, group, program, setting, wave and language; reliability; below k withheld. */
    async results(actor: Actor, id: string, query: { waveId?: string | undefined; language?: Language | undefined }): Promise<CampaignResults> {
      const campaign = await campaigns.get(actor, id);
      if (query.waveId && !campaign.waves.some((w) => w.id === query.waveId)) throw badRequest('waveId', 'is not a wave of this campaign');
      const [groups, responses, programs] = await Promise.all([definitions(id), repo.findResponses(db, id), repo.findPrograms(db, id)]);
      const rows = query.waveId ? responses.filter((r) => r.waveId === query.waveId) : responses;
      const results = computeResults(
        {
          k: effectiveK('research', campaign.k),
          language: query.language ?? 'en',
          groups,
          programs: new Map(programs.map((p) => [p.programId, { name: p.programName, countryCode: p.countryCode, setting: p.setting }])),
          waves: campaign.waves,
          responses: rows,
          labels: (_dimension, code) => code,
        },
        query.waveId ?? null,
      );
      await writeAudit(db, actor, { action: 'campaign.results_read', entityType: 'campaign', entityId: id, purpose: 'research_use', details: { waveId: query.waveId ?? null } });
      return results;
    },

    /**
     * The analyst export in one format (a zip), labels in one language: de-identified (no invitation, no e-mail, no
     * moment; identifier items left out) and with small program × group cells merged or withheld (the README says
     * which). Audited with what it left out.
     */
    async exportFile(actor: Actor, id: string, query: { format: ExportFormat; language: Language; waveId?: string | undefined }): Promise<DownloadFile> {
      const campaign = await campaigns.get(actor, id);
      if (query.waveId && !campaign.waves.some((w) => w.id === query.waveId)) throw badRequest('waveId', 'is not a wave of this campaign');
      const [groups, responses, programs] = await Promise.all([repo.findGroups(db, id), repo.findResponses(db, id), repo.findPrograms(db, id)]);
      const dataset: ExportDataset = {
        campaign: { id, title: campaign.title, ethicsApproval: campaign.ethicsApproval, dataController: campaign.dataController, privacyMode: campaign.privacyMode, k: effectiveK('research', campaign.k) },
        waves: campaign.waves.filter((w) => !query.waveId || w.id === query.waveId),
        programs: programs.map((p) => ({ id: p.programId, name: p.programName, countryCode: p.countryCode as CountryCode, setting: p.setting as ProgramSetting })),
        groups: groups.map((g) => ({
          group: g.group as StakeholderGroup,
          instrumentVersionId: g.instrumentVersionId,
          instrumentName: g.instrumentName,
          versionNumber: g.versionNumber,
          definition: InstrumentDefinitionSchema.parse(g.definition),
        })),
        responses: responses
          .filter((r) => !query.waveId || r.waveId === query.waveId)
          .map((r) => ({ id: r.id, waveId: r.waveId, programId: r.programId, group: r.group as StakeholderGroup, language: r.language as Language, submittedOn: r.submittedOn, answers: r.answers as Record<string, ExportAnswer> })),
        exportedAt: clock.now(),
        language: query.language,
      };
      let file: ReturnType<typeof buildCampaignExport>;
      try {
        file = buildCampaignExport(dataset, query.format);
      } catch (error) {
        // The data do not fit the instruments (a caller's or an import's mistake): say which item, never the values.
        if (error instanceof ExportError) throw new AppError(409, 'invalid_transition', `The campaign's data cannot be exported: ${error.message}.`);
        throw error;
      }
      await writeAudit(db, actor, {
        action: 'campaign.export',
        entityType: 'campaign',
        entityId: id,
        purpose: 'research_use',
        details: { format: query.format, language: query.language, waveId: query.waveId ?? null, merged: file.withheld.merged.length, withheld: file.withheld.withheld.length },
      });
      return file;
    },

    /** Imports a response file into a wave: every line checked first; on any problem nothing is stored. */
    async importResponses(actor: Actor, id: string, waveId: string, file: { content: Uint8Array }, onProgress?: (done: number, total: number) => void) {
      const campaign = await campaigns.get(actor, id);
      if (!campaign.waves.some((w) => w.id === waveId)) throw badRequest('waveId', 'is not a wave of this campaign');
      const groups = await definitions(id);
      const existing = await db
        .select({ externalId: schema.surveyResponses.externalId })
        .from(schema.surveyResponses)
        .where(and(eq(schema.surveyResponses.waveId, waveId), isNotNull(schema.surveyResponses.externalId)));
      const parsed = parseResponseFile(file.content, {
        programs: campaign.programs.map((p) => ({ id: p.programId, name: p.programName, countryCode: p.countryCode, joined: p.status === 'joined' })),
        groups,
        languages: campaign.languages,
        existingIds: new Set(existing.map((e) => e.externalId!)),
      });
      if (!parsed.ok) {
        const shown = parsed.problems.slice(0, 200);
        throw new AppError(
          400,
          'validation_failed',
          `The file has ${parsed.problems.length} problem(s); nothing was imported. First: line ${shown[0]!.line}${shown[0]!.column ? `, ${shown[0]!.column}` : ''}: ${shown[0]!.message}.`,
          shown.map((p) => ({ field: `line ${p.line}${p.column ? `, ${p.column}` : ''}`, in: 'file', message: p.message })),
        );
      }
      const versionOf = new Map((await repo.findGroups(db, id)).map((g) => [g.group, g.instrumentVersionId]));
      const submittedOn = clock.now().toISOString().slice(0, 10);
      try {
        await db.transaction(async (tx) => {
          for (let start = 0; start < parsed.rows.length; start += BATCH) {
            const batch = parsed.rows.slice(start, start + BATCH);
            await tx.insert(schema.surveyResponses).values(
              batch.map((r) => ({
                campaignId: id,
                waveId,
                programId: r.programId,
                group: r.group,
                language: r.language,
                instrumentVersionId: versionOf.get(r.group)!,
                submittedOn,
                source: 'import',
                externalId: r.externalId,
                answers: r.answers,
              })),
            );
            onProgress?.(Math.min(start + BATCH, parsed.rows.length), parsed.rows.length);
          }
          await writeAudit(tx, actor, { action: 'survey_response.import', entityType: 'campaign', entityId: id, purpose: 'research_use', details: { waveId, count: parsed.rows.length } });
        });
      } catch (error) {
        if (isUniqueViolation(error, 'survey_responses_external')) throw conflict('already_exists', 'A respondent of this file was imported into the wave at the same moment. Nothing was imported.');
        throw error;
      }
      return { imported: parsed.rows.length };
    },
  };
}

export type CampaignDataService = ReturnType<typeof createCampaignDataService>;
