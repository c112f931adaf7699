import { inArray } from 'drizzle-orm';
import { schema, type Db } from '@alongside/db';
import { INDICATOR_MONTHS, PROGRAM_SETTINGS, PROGRAM_VARIABLE_KEYS, ROLLOUT_PHASES } from '@alongside/contracts';
import { lastCompletedMonth, monthPeriod, monthsEnding, type MonthPeriod } from '@alongside/stats';
import type { IndicatorsService } from '../indicators/indicators.service.ts';
import type { SustainabilityService } from '../sustainability/sustainability.service.ts';

// The program variables an analysis joins to a wave's respondents (contracts' PROGRAM_VARIABLES): each program's
// profile as it is now, and the operational indicators of the months around the wave — exactly the figures its
// managers see, with their small cells withheld (a withheld figure is missing for the analysis, and counted lost).

export interface ProgramVariableSources {
  db: Db;
  indicators: IndicatorsService;
  sustainability: SustainabilityService;
}

export type ProgramValues = Map<string, Record<string, number | null>>;

const flag = (value: boolean | null) => (value === null ? null : value ? 1 : 0);
const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** The whole months an analysis of a wave joins: the last INDICATOR_MONTHS up to the wave's closing month that are over. */
export function indicatorPeriod(closesOn: string, now: Date): MonthPeriod | undefined {
  const last = [closesOn.slice(0, 7), lastCompletedMonth(now)].sort()[0]!;
  const months = monthsEnding(last, INDICATOR_MONTHS);
  return monthPeriod(`${months[0]!}-01`, `${last}-01`, now);
}

async function profileValues(db: Db, programIds: string[]): Promise<ProgramValues> {
  const rows = programIds.length === 0 ? [] : await db.select().from(schema.programs).where(inArray(schema.programs.id, programIds));
  return new Map(
    rows.map((p) => [
      p.id,
      {
        profile_psp_fte: p.pspFte,
        profile_partner_employer: p.employerType === null ? null : p.employerType === 'partner_ngo' ? 1 : 0,
        profile_peer_supervision: p.supervisionModel === null ? null : p.supervisionModel === 'peer' || p.supervisionModel === 'both' ? 1 : 0,
        profile_champion: flag(p.championPresent),
        profile_rollout_phase: p.rolloutPhase === null ? null : ROLLOUT_PHASES.indexOf(p.rolloutPhase as (typeof ROLLOUT_PHASES)[number]) + 1 || null,
        profile_strategic_priority: flag(p.strategicPlanPriority),
        profile_job_description: flag(p.jobDescriptionAgreed),
        profile_clinician_orientation: flag(p.clinicianOrientationDone),
        profile_peer_network: flag(p.peerNetworkAccess),
        profile_improvement_cycle: flag(p.improvementCycle),
        ...Object.fromEntries(PROGRAM_SETTINGS.map((s) => [`profile_setting_${s}`, p.setting === s ? 1 : 0])),
      },
    ]),
  );
}

async function indicatorValues(sources: ProgramVariableSources, programId: string, period: MonthPeriod): Promise<Record<string, number | null>> {
  const [indicators, sustainability] = await Promise.all([sources.indicators.ofPeriod(programId, period), sources.sustainability.ofPeriod(programId, period)]);
  const shown = (key: string) => indicators?.indicators.find((i) => i.key === key)?.current.value ?? null;
  const stepAway = sustainability?.stepAwayDays.value;
  return {
    indicator_voice_on_time: shown('voice_answered_on_time_pct'),
    indicator_connections_completed: shown('connections_completed_pct'),
    indicator_huddle_attendance: shown('psp_huddle_attendance_pct'),
    indicator_supervision_coverage: sustainability?.supervisedLast30DaysPct.value ?? null,
    indicator_psp_retention: sustainability?.retained12MonthsPct.value ?? null,
    indicator_step_away_days:
      stepAway === null || stepAway === undefined || !sustainability || sustainability.pspHeadcount === 0 ? null : round(stepAway / sustainability.pspHeadcount, 2),
  };
}

/**
 * The chosen program variables of each program (only the chosen ones are read); `period` is the months the
 * indicators cover (null when no indicator was chosen or no month of the wave is over: every indicator is missing).
 */
export async function programVariableValues(
  sources: ProgramVariableSources,
  programIds: string[],
  chosen: readonly string[],
  wave: { closesOn: string },
  now: Date,
): Promise<{ values: ProgramValues; period: MonthPeriod | null }> {
  const wanted = chosen.filter((key) => PROGRAM_VARIABLE_KEYS.has(key));
  const values: ProgramValues = new Map(programIds.map((id) => [id, {}]));
  if (wanted.length === 0) return { values, period: null };
  const profiles: ProgramValues = wanted.some((key) => key.startsWith('profile_')) ? await profileValues(sources.db, programIds) : new Map<string, Record<string, number | null>>();
  const period = wanted.some((key) => key.startsWith('indicator_')) ? (indicatorPeriod(wave.closesOn, now) ?? null) : null;
  for (const id of programIds) {
    const all = { ...profiles.get(id), ...(period ? await indicatorValues(sources, id, period) : {}) };
    values.set(id, Object.fromEntries(wanted.map((key) => [key, all[key] ?? null])));
  }
  return { values, period };
}
