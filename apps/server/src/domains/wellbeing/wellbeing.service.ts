import type { z } from 'zod';
import {
  effectiveK,
  lastCompletedMonth,
  monthBounds,
  monthOf,
  monthsEnding,
  scoreResponse,
  ScoringError,
  showableGroups,
  suppressSmallCells,
  validateDefinition,
} from '@alongside/stats';
import type { Db } from '@alongside/db';
import {
  CheckInDefinitionSchema,
  type AuditAction,
  LanguageSchema,
  type CheckIn,
  type CheckInInstrument,
  type CreateCheckInBodySchema,
  type CreatePulseBodySchema,
  type CheckInDefinition,
  type Language,
  type MyWellbeing,
  type Nudge,
  type Pulse,
  type Share,
  type SharedTrend,
  type SharesView,
  type TeamWellbeing,
  type Trend,
} from '@alongside/contracts';
import type { Actor } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.ts';
import type { Clock } from '../../lib/clock.ts';
import { iso } from '../../lib/iso.ts';
import { badRequest, conflict, forbidden, notFound } from '../../lib/errors.ts';
import { canKeepWellbeing, peerTeamsByOrganization, teamAggregateAccess } from './wellbeing.policy.ts';
import * as repo from './wellbeing.repo.ts';
import { bandOf, nudgeMessage, nudgeReason, readTrend, resourcesFor, say } from './wellbeing.rules.ts';
import type { TeamLookup } from '../structure/structure.service.ts';

/**
 * Audit entries about one PSP's own wellbeing carry this purpose: ids and actions only, and the audit viewer does
 * not list them (when a PSP checks in, dismisses a nudge or shares is itself wellbeing information).
 */
export const PRIVATE_PURPOSE = 'wellbeing_private' as const;
const round1 = (n: number) => Math.round(n * 10) / 10;

interface Instrument {
  row: repo.InstrumentRow;
  definition: CheckInDefinition;
}

function parseInstrument(row: repo.InstrumentRow): Instrument {
  const definition = CheckInDefinitionSchema.parse(row.definition);
  validateDefinition(definition);
  return { row, definition };
}

/** The primary-scale scores of check-ins, skipping those where it was missing. */
const primaryScores = (rows: { scores: unknown }[], definition: CheckInDefinition): number[] =>
  rows.flatMap((r) => {
    const score = (r.scores as Record<string, number | null>)[definition.primaryScaleId];
    return typeof score === 'number' ? [score] : [];
  });

/** A PSP's own wellbeing, the trend they may share with a supervisor, and team aggregates behind the k rule. */
export function createWellbeingService({ db, clock, teams }: { db: Db; clock: Clock; teams: TeamLookup }) {
  const instruments = new Map<string, Instrument>();
  async function instrumentById(id: string): Promise<Instrument | undefined> {
    const cached = instruments.get(id);
    if (cached) return cached;
    const row = await repo.findInstrument(db, id);
    if (!row) return undefined;
    const parsed = parseInstrument(row);
    instruments.set(id, parsed);
    return parsed;
  }
  async function organizationInstrument(organizationId: string): Promise<Instrument> {
    const row = await repo.findOrganizationInstrument(db, organizationId);
    if (!row) throw notFound('Check-in instrument');
    return (await instrumentById(row.id))!;
  }

  /** The organization (and the teams) the actor keeps check-ins for. */
  function ownOrganization(actor: Actor, requested: string | undefined): { organizationId: string; teamIds: string[] } {
    const byOrg = peerTeamsByOrganization(actor);
    if (!canKeepWellbeing(actor)) throw forbidden('Wellbeing check-ins are for peer support providers and peer supervisors.');
    if (requested) {
      const teamIds = byOrg.get(requested);
      if (!teamIds) throw notFound('Organization');
      return { organizationId: requested, teamIds };
    }
    if (byOrg.size > 1) throw badRequest('organizationId', 'you work for more than one organization: say which');
    const [[organizationId, teamIds]] = [...byOrg] as [[string, string[]]];
    return { organizationId, teamIds };
  }

  async function languageOf(actor: Actor, requested?: Language): Promise<Language> {
    if (requested) return requested;
    const parsed = LanguageSchema.safeParse(await repo.findUserLanguage(db, actor.userId));
    return parsed.success ? parsed.data : 'en';
  }

  const audit = (actor: Actor, action: AuditAction, entityType: string, entityId: string | null, organizationId: string | null = null) =>
    writeAudit(db, actor, { action, entityType, entityId, organizationId, purpose: PRIVATE_PURPOSE });

  function toNudge(row: { id: string; reason: string; createdAt: Date; dismissedAt: Date | null }, language: Language): Nudge {
    const reason = row.reason === 'rising' ? 'rising' : 'threshold';
    return { id: row.id, reason, message: nudgeMessage(reason, language), offers: ['supervision', 'step_away'], createdAt: iso(row.createdAt), dismissedAt: row.dismissedAt ? iso(row.dismissedAt) : null };
  }

  /** Scale scores with their labels; answered counts come from re-scoring the stored answers. */
  function scaleScores(instrument: Instrument | undefined, answers: CheckIn['answers'], scores: unknown, language: Language): CheckIn['scores'] {
    const byId = (scores ?? {}) as Record<string, number | null>;
    if (!instrument) return Object.entries(byId).map(([id, score]) => ({ id, label: id, score, answered: 0, of: 0 }));
    const counted = new Map(scoreResponse(instrument.definition, answers).map((s) => [s.id, s]));
    return instrument.definition.scales.map((s) => ({
      id: s.id,
      label: say(s.label, language),
      score: byId[s.id] ?? null,
      answered: counted.get(s.id)?.answered ?? 0,
      of: s.itemIds.length,
    }));
  }

  function bandWithLabel(instrument: Instrument | undefined, score: number | null, language: Language) {
    if (score === null || !instrument) return { band: null, bandLabel: null };
    const id = bandOf(instrument.definition, score);
    const band = instrument.definition.bands.find((b) => b.id === id)!;
    return { band: id, bandLabel: say(band.label, language) };
  }

  /** A PSP's monthly trend over the last twelve months: scores and pulse means, never notes or answers. */
  async function trendOf(userId: string, language: Language): Promise<{ trend: Trend; instrument: Instrument | undefined }> {
    const months = monthsEnding(monthOf(clock.now()), 12);
    const rows = await repo.findOwnMonths(db, userId, monthBounds(months[0]!).start);
    const byMonth = new Map(rows.map((r) => [r.month, r]));
    let latest: Instrument | undefined;
    const out: Trend['months'] = [];
    for (const month of months) {
      const row = byMonth.get(month);
      const instrument = row?.instrument_id ? await instrumentById(row.instrument_id) : undefined;
      if (instrument) latest = instrument;
      const score = instrument && row?.scores ? (row.scores[instrument.definition.primaryScaleId] ?? null) : null;
      out.push({
        month,
        score: score === null ? null : round1(score),
        ...bandWithLabel(instrument, score, language),
        checkIns: row?.check_ins ?? 0,
        pulses: row?.pulses ?? 0,
        energyMean: row?.energy_mean == null ? null : round1(row.energy_mean),
        loadMean: row?.load_mean == null ? null : round1(row.load_mean),
      });
    }
    const d = latest?.definition ?? null;
    const primary = d?.scales.find((s) => s.id === d.primaryScaleId);
    return {
      trend: { scaleLabel: primary ? say(primary.label, language) : null, higherIsWorse: d?.higherIsWorse ?? true, range: d?.range ?? null, threshold: d?.threshold ?? null, months: out },
      instrument: latest,
    };
  }

  function toShare(r: repo.ShareRow): Share {
    return { id: r.id, supervisor: { id: r.supervisor_id, name: r.supervisor_name }, createdAt: iso(r.created_at), revokedAt: r.revoked_at ? iso(r.revoked_at) : null };
  }

  return {
    /** The check-in the actor's organization uses, in their language. */
    async getInstrument(actor: Actor, query: { organizationId?: string; language?: Language }): Promise<CheckInInstrument> {
      const { organizationId } = ownOrganization(actor, query.organizationId);
      const { row, definition: d } = await organizationInstrument(organizationId);
      const language = await languageOf(actor, query.language);
      return {
        id: row.id,
        key: row.key,
        version: row.version,
        name: row.name,
        language,
        licenceStatus: row.licenceStatus as CheckInInstrument['licenceStatus'],
        isValidated: row.licenceStatus !== 'own_non_validated',
        attribution: row.attribution,
        title: say(d.title, language),
        intro: say(d.intro, language),
        notice: say(d.notice, language),
        options: d.options.map((o) => ({ value: o.value, label: say(o.label, language) })),
        items: d.items.map((i) => ({ id: i.id, text: say(i.text, language) })),
        scales: d.scales.map((s) => ({ id: s.id, label: say(s.label, language) })),
        primaryScaleId: d.primaryScaleId,
        higherIsWorse: d.higherIsWorse,
        range: d.range,
        threshold: d.threshold,
      };
    },

    /** A quick pulse, attributed to the teams the PSP works in now. */
    async createPulse(actor: Actor, body: z.infer<typeof CreatePulseBodySchema>): Promise<Pulse> {
      const { organizationId, teamIds } = ownOrganization(actor, body.organizationId);
      return db.transaction(async (tx) => {
        const row = await repo.insertPulse(tx, { userId: actor.userId, organizationId, teamIds, energy: body.energy, load: body.load, note: body.note || null, createdAt: clock.now() });
        await writeAudit(tx, actor, { action: 'wellbeing.pulse.create', entityType: 'wellbeing_pulse', entityId: row.id, organizationId, purpose: PRIVATE_PURPOSE });
        return { id: row.id, energy: row.energy, load: row.load, note: row.note, createdAt: iso(row.createdAt) };
      });
    },

    /** The actor's own pulses, newest first. */
    async listPulses(actor: Actor, limit: number): Promise<Pulse[]> {
      const rows = await repo.findOwnPulses(db, actor.userId, limit);
      await audit(actor, 'wellbeing.pulse.list', 'wellbeing_pulse', null);
      return rows.map((r) => ({ ...r, createdAt: iso(r.createdAt) }));
    },

    /** Scores a check-in and, when the PSP's own score crosses the threshold or keeps rising, nudges them privately. */
    async createCheckIn(actor: Actor, body: z.infer<typeof CreateCheckInBodySchema>): Promise<CheckIn> {
      const { organizationId, teamIds } = ownOrganization(actor, body.organizationId);
      const instrument = await organizationInstrument(organizationId);
      if (instrument.row.id !== body.instrumentId) throw conflict('instrument_changed', 'Your organization uses another check-in now. Reload it and answer again.');
      const d = instrument.definition;
      const itemIds = new Set(d.items.map((i) => i.id));
      const values = new Set(d.options.map((o) => o.value));
      for (const [id, value] of Object.entries(body.answers)) {
        if (!itemIds.has(id)) throw badRequest(`answers.${id}`, 'is not an item of this check-in');
        if (value !== null && !values.has(value)) throw badRequest(`answers.${id}`, 'is not one of the answer options');
      }
      if (!Object.values(body.answers).some((v) => v !== null)) throw badRequest('answers', 'answer at least one item');
      let scored;
      try {
        scored = scoreResponse(d, body.answers);
      } catch (error) {
        if (error instanceof ScoringError) throw badRequest('answers', error.message);
        throw error;
      }
      const scores = Object.fromEntries(scored.map((s) => [s.id, s.score]));
      const primary = scores[d.primaryScaleId] ?? null;
      const history = primary === null ? [] : primaryScores(await repo.findOwnScores(db, actor.userId, instrument.row.id), d);
      const reason = primary === null ? null : nudgeReason([...history, primary], d);
      const language = await languageOf(actor);
      const now = clock.now();
      return db.transaction(async (tx) => {
        const row = await repo.insertCheckIn(tx, { userId: actor.userId, organizationId, teamIds, instrumentId: instrument.row.id, answers: body.answers, scores, createdAt: now });
        // The nudge is for the PSP alone: no one is told, and the audit entry names the check-in, not its score.
        const nudge = reason ? await repo.insertNudge(tx, { userId: actor.userId, checkInId: row.id, reason, createdAt: now }) : null;
        await writeAudit(tx, actor, { action: 'wellbeing.check_in.create', entityType: 'wellbeing_check_in', entityId: row.id, organizationId, purpose: PRIVATE_PURPOSE });
        return {
          id: row.id,
          instrumentId: row.instrumentId,
          answers: body.answers,
          scores: scored.map((s) => ({ ...s, label: say(d.scales.find((x) => x.id === s.id)!.label, language) })),
          createdAt: iso(row.createdAt),
          nudge: nudge ? toNudge(nudge, language) : null,
        };
      });
    },

    /** The actor's own check-ins, newest first. */
    async listCheckIns(actor: Actor, limit: number): Promise<CheckIn[]> {
      const rows = await repo.findOwnCheckIns(db, actor.userId, limit);
      const language = await languageOf(actor);
      await audit(actor, 'wellbeing.check_in.list', 'wellbeing_check_in', null);
      const out: CheckIn[] = [];
      for (const r of rows) {
        const instrument = await instrumentById(r.instrumentId);
        out.push({ id: r.id, instrumentId: r.instrumentId, answers: r.answers as CheckIn['answers'], scores: scaleScores(instrument, r.answers as CheckIn['answers'], r.scores, language), createdAt: iso(r.createdAt), nudge: null });
      }
      return out;
    },

    /** The PSP's own page: trend by month, a plain-language reading, open nudges, resources, shares. */
    async me(actor: Actor, requested?: Language): Promise<MyWellbeing> {
      const language = await languageOf(actor, requested);
      const { trend, instrument } = await trendOf(actor.userId, language);
      // The reading compares the last two check-ins (on the instrument of the latest one), not months.
      const scores = instrument ? primaryScores(await repo.findOwnScores(db, actor.userId, instrument.row.id), instrument.definition) : [];
      const nudges = await repo.findOwnNudges(db, actor.userId, { open: true, limit: 5 });
      const shares = await repo.findOwnShares(db, actor.userId);
      await audit(actor, 'wellbeing.me.read', 'wellbeing_trend', actor.userId);
      return {
        language,
        trend,
        reading: readTrend(scores, instrument?.definition ?? null, language),
        nudges: nudges.map((n) => toNudge(n, language)),
        resources: resourcesFor(language),
        shares: shares.filter((s) => !s.revoked_at).map(toShare),
      };
    },

    /** Dismisses one of the actor's own nudges (anyone else's is not found). */
    async dismissNudge(actor: Actor, id: string): Promise<Nudge> {
      const [existing] = await repo.findOwnNudges(db, actor.userId, { id, limit: 1 });
      if (!existing) throw notFound('Nudge');
      await db.transaction(async (tx) => {
        await repo.dismissNudge(tx, actor.userId, id, clock.now());
        await writeAudit(tx, actor, { action: 'wellbeing.nudge.dismiss', entityType: 'wellbeing_nudge', entityId: id, purpose: PRIVATE_PURPOSE });
      });
      const [row] = await repo.findOwnNudges(db, actor.userId, { id, limit: 1 });
      return toNudge(row!, await languageOf(actor));
    },

    /** The actor's shares (active first) and the peer supervisors they may share with. */
    async listShares(actor: Actor): Promise<SharesView> {
      const [shares, candidates] = await Promise.all([repo.findOwnShares(db, actor.userId), repo.findShareCandidates(db, actor.userId)]);
      await audit(actor, 'wellbeing.share.list', 'wellbeing_share', null);
      return { shares: shares.map(toShare), candidates };
    },

    /** Lets one peer supervisor of the PSP's own teams see their trend. */
    async createShare(actor: Actor, supervisorId: string): Promise<Share> {
      if (!canKeepWellbeing(actor)) throw forbidden('Wellbeing check-ins are for peer support providers and peer supervisors.');
      const candidates = await repo.findShareCandidates(db, actor.userId);
      if (!candidates.some((c) => c.id === supervisorId)) throw notFound('Peer supervisor');
      const id = await db.transaction(async (tx) => {
        const row = await repo.insertShare(tx, { userId: actor.userId, supervisorId, createdAt: clock.now() });
        if (!row) throw conflict('already_shared', 'You already share your trend with this supervisor.');
        await writeAudit(tx, actor, { action: 'wellbeing.share.create', entityType: 'wellbeing_share', entityId: row.id, purpose: PRIVATE_PURPOSE });
        return row.id;
      });
      const [row] = await repo.findOwnShares(db, actor.userId, id);
      return toShare(row!);
    },

    /** Stops a share at once (idempotent); someone else's share is not found. */
    async revokeShare(actor: Actor, id: string): Promise<Share> {
      const [existing] = await repo.findOwnShares(db, actor.userId, id);
      if (!existing) throw notFound('Share');
      if (!existing.revoked_at) {
        await db.transaction(async (tx) => {
          await repo.revokeShare(tx, actor.userId, id, clock.now());
          await writeAudit(tx, actor, { action: 'wellbeing.share.revoke', entityType: 'wellbeing_share', entityId: id, purpose: PRIVATE_PURPOSE });
        });
      }
      const [row] = await repo.findOwnShares(db, actor.userId, id);
      return toShare(row!);
    },

    /** For a peer supervisor: the trends PSPs chose to share with them (no notes, answers or nudges). */
    async sharedWithMe(actor: Actor): Promise<SharedTrend[]> {
      const shares = await repo.findSharesWithSupervisor(db, actor.userId);
      const language = await languageOf(actor);
      return Promise.all(
        shares.map(async (s) => {
          const { trend } = await trendOf(s.user_id, language);
          await audit(actor, 'wellbeing.shared_trend.read', 'wellbeing_share', s.id);
          return { shareId: s.id, psp: { id: s.user_id, name: s.user_name }, sharedSince: iso(s.created_at), trend };
        }),
      );
    },

    /**
     * A team's wellbeing for one completed calendar month, to those who may see aggregates: each measure only when
     * at least k distinct PSPs contributed and no other team's aggregate could be subtracted from it (policy).
     */
    async teamAggregate(actor: Actor, teamId: string, requestedMonth: string | undefined): Promise<TeamWellbeing> {
      const team = await teams.find(teamId);
      const access = team ? teamAggregateAccess(actor, team) : 'hidden';
      if (!team || access === 'hidden') throw notFound('Team');
      if (access === 'forbidden') throw forbidden('Team wellbeing figures are for managers, peer supervisors and administrators.');
      const now = clock.now();
      const month = requestedMonth ?? lastCompletedMonth(now);
      const k = effectiveK('internal', await repo.findOrganizationK(db, team.organizationId));
      await writeAudit(db, actor, { action: 'wellbeing.team_aggregate.read', entityType: 'team', entityId: teamId, organizationId: team.organizationId, teamId, purpose: 'oversight', details: { month } });
      // Only months that are over: a month still open would let a reader watch the figure move as one person answers.
      if (month >= monthOf(now)) return { teamId, month, k, suppressed: true, reason: 'period_not_over' };
      const { start, end } = monthBounds(month);
      const language = await languageOf(actor);
      const instrument = await organizationInstrument(team.organizationId);
      const [checkIns, pulses] = await Promise.all([
        repo.findMonthCheckIns(db, team.organizationId, instrument.row.id, start, end),
        repo.findMonthPulses(db, team.organizationId, start, end),
      ]);
      const setsOf = (rows: { team_id: string; user_id: string }[]) => {
        const sets = new Map<string, Set<string>>();
        for (const r of rows) sets.set(r.team_id, (sets.get(r.team_id) ?? new Set()).add(r.user_id));
        return sets;
      };
      // Withheld for size, or because another team's figure could be subtracted from this one.
      const withheld = (sets: Map<string, Set<string>>) =>
        ({ suppressed: true, reason: (sets.get(teamId)?.size ?? 0) < k ? 'small_group' : 'overlapping_group' }) as const;
      const checkInSets = setsOf(checkIns);
      const pulseSets = setsOf(pulses);
      const d = instrument.definition;
      const bandsOf = (bands: { id: string; label: string; count: number }[]) => {
        const shown = suppressSmallCells(bands.map((b) => b.count), k);
        return bands.map((b, i) => ({ id: b.id, label: b.label, count: shown[i]! }));
      };

      const mine = checkIns.filter((r) => r.team_id === teamId);
      const checkInSection: Extract<TeamWellbeing, { suppressed: false }>['checkIns'] = showableGroups(checkInSets, k).has(teamId)
        ? {
            suppressed: false,
            contributors: mine.length,
            instrumentName: say(d.title, language),
            primaryScaleId: d.primaryScaleId,
            scales: d.scales.map((s) => {
              const values = mine.map((r) => r.scores[s.id]).filter((v): v is number => typeof v === 'number');
              // A scale mean over fewer than k answers would describe fewer than k people.
              return { id: s.id, label: say(s.label, language), mean: values.length >= k ? round1(values.reduce((a, b) => a + b, 0) / values.length) : null };
            }),
            distribution: bandsOf(
              d.bands.map((b) => ({
                id: b.id,
                label: say(b.label, language),
                count: mine.filter((r) => typeof r.scores[d.primaryScaleId] === 'number' && bandOf(d, r.scores[d.primaryScaleId]!) === b.id).length,
              })),
            ),
          }
        : withheld(checkInSets);

      const minePulses = pulses.filter((r) => r.team_id === teamId);
      const pulseBands = (pick: (r: { energy: number; load: number }) => number) =>
        bandsOf(
          (
            [
              ['low', { en: 'Low (1–2)', fr: 'Faible (1–2)', nb: 'Lav (1–2)' }, (v: number) => v < 2.5],
              ['middle', { en: 'Middle (3)', fr: 'Moyen (3)', nb: 'Middels (3)' }, (v: number) => v >= 2.5 && v < 3.5],
              ['high', { en: 'High (4–5)', fr: 'Élevé (4–5)', nb: 'Høy (4–5)' }, (v: number) => v >= 3.5],
            ] as const
          ).map(([id, label, inBand]) => ({ id, label: label[language], count: minePulses.filter((r) => inBand(pick(r))).length })),
        );
      const mean = (pick: (r: { energy: number; load: number }) => number) => round1(minePulses.reduce((a, r) => a + pick(r), 0) / minePulses.length);
      const pulseSection: Extract<TeamWellbeing, { suppressed: false }>['pulses'] = showableGroups(pulseSets, k).has(teamId)
        ? {
            suppressed: false,
            contributors: minePulses.length,
            energyMean: mean((r) => r.energy),
            loadMean: mean((r) => r.load),
            energyDistribution: pulseBands((r) => r.energy),
            loadDistribution: pulseBands((r) => r.load),
          }
        : withheld(pulseSets);

      if (checkInSection.suppressed && pulseSection.suppressed) return { teamId, month, k, ...withheld(checkInSets) };
      return { teamId, month, k, suppressed: false, checkIns: checkInSection, pulses: pulseSection };
    },
  };
}

export type WellbeingService = ReturnType<typeof createWellbeingService>;
