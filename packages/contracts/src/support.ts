import { z } from 'zod';
import { IdSchema, IsoDateSchema, IsoDateTimeSchema, VersionSchema } from './common.ts';
import { CellSchema, type ContactActivity } from './practice.ts';

// Supporting the supporters: step-aways with caseload coverage, supervision sessions, workload and team
// sustainability. A step-away never carries a reason; nothing here holds health information.

const DateSchema = IsoDateSchema;
const NoteSchema = z.string().trim().max(4000);
const UserRefSchema = z.object({ id: IdSchema, name: z.string() });

// ── Step-aways ─────────────────────────────────────────────────────────────────────────────────

/** How the PSP agreed when their peer supervisor started the step-away for them. */
export const AGREEMENT_METHODS = ['in_person', 'written', 'verbal'] as const;
export const AgreementMethodSchema = z.enum(AGREEMENT_METHODS);

export const CoverageChoiceSchema = z.object({
  personId: IdSchema,
  /** A peer support worker or peer supervisor of the same team. */
  coveringUserId: IdSchema,
  /** Peer-tier: read by the team's peer staff only. */
  handoverNote: NoteSchema.default(''),
});

/**
 * Starts a step-away. There is deliberately no reason field. `userId` defaults to the caller; a peer supervisor
 * starting it for a PSP of their team must record how the PSP agreed (`agreementMethod`).
 */
export const CreateStepAwayBodySchema = z
  .object({
    teamId: IdSchema,
    userId: IdSchema.optional(),
    startsOn: DateSchema,
    /** Omit or null: open-ended. */
    endsOn: DateSchema.nullable().optional(),
    agreementMethod: AgreementMethodSchema.optional(),
    /** Who covers each person for whom the PSP is the primary PSP in this team. */
    coverage: z.array(CoverageChoiceSchema).max(500).default([]),
  })
  .refine((b) => !b.endsOn || b.endsOn >= b.startsOn, { message: 'must not be before startsOn', path: ['endsOn'] });
export type CreateStepAwayBody = z.infer<typeof CreateStepAwayBodySchema>;

/** One step of a gradual return: from this date, this share of the caseload is the PSP's again. */
export const ReturnStepSchema = z.object({ from: DateSchema, caseloadPercent: z.number().int().min(1).max(100) });

export const ReturnStepAwayBodySchema = z
  .object({
    /** Steps in date order with a rising share; the last usually reaches 100. Empty: back in full at once. */
    returnPlan: z.array(ReturnStepSchema).max(12).default([]),
    /** A note per person handed back (peer-tier). Persons not named are handed back without a note. */
    handBack: z
      .array(z.object({ personId: IdSchema, note: NoteSchema }))
      .max(500)
      .default([]),
    version: VersionSchema,
  })
  .refine(
    (b) =>
      b.returnPlan.every(
        (s, i, all) => i === 0 || (s.from > all[i - 1]!.from && s.caseloadPercent >= all[i - 1]!.caseloadPercent),
      ),
    {
      message: 'steps must be in date order, each restoring at least as much of the caseload as the one before',
      path: ['returnPlan'],
    },
  );

export const CoverageSchema = z.object({
  personId: IdSchema,
  personName: z.string(),
  coveredBy: UserRefSchema,
  /** Peer-tier; present for peer staff of the team only. */
  handoverNote: z.string().optional(),
  /** Open voice items and pending connections of the person, now in the covering PSP's caseload. */
  openVoiceItems: z.number().int(),
  pendingConnections: z.number().int(),
  handedBackAt: z.string().nullable(),
  handBackNote: z.string().nullable().optional(),
});

/**
 * A step-away as the reader may see it. Team peer staff see who is away, until when and who covers (with the
 * hand-over notes); the PSP and the team's peer supervisors also see how it started and the return plan.
 */
export const StepAwaySchema = z.object({
  id: IdSchema,
  user: UserRefSchema,
  teamId: IdSchema,
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  isActive: z.boolean(),
  startedBy: UserRefSchema.optional(),
  agreementMethod: AgreementMethodSchema.nullable().optional(),
  returnPlan: z.array(ReturnStepSchema).nullable().optional(),
  returnedAt: z.string().nullable(),
  coverage: z.array(CoverageSchema),
  createdAt: z.string(),
  version: VersionSchema,
});
export type StepAway = z.infer<typeof StepAwaySchema>;

export const ListStepAwaysQuerySchema = z.object({
  teamId: IdSchema.optional(),
  /** Only step-aways not yet returned from. */
  active: z.stringbool().optional(),
});

// ── Supervision ────────────────────────────────────────────────────────────────────────────────

export const SUPERVISION_KINDS = ['peer', 'clinical', 'group'] as const;
export const SupervisionKindSchema = z.enum(SUPERVISION_KINDS);

/** Recorded by the PSP or the supervisor; notes are theirs alone. */
export const CreateSupervisionSessionBodySchema = z.object({
  pspId: IdSchema,
  supervisorId: IdSchema,
  heldAt: IsoDateTimeSchema,
  kind: SupervisionKindSchema,
  notes: NoteSchema.default(''),
});

export const SupervisionSessionSchema = z.object({
  id: IdSchema,
  psp: UserRefSchema,
  supervisor: UserRefSchema,
  heldAt: z.string(),
  kind: SupervisionKindSchema,
  /** Visible to the PSP and that supervisor only. */
  notes: z.string(),
  createdAt: z.string(),
});
export type SupervisionSession = z.infer<typeof SupervisionSessionSchema>;

export const ListSupervisionSessionsQuerySchema = z.object({ pspId: IdSchema.optional() });

// ── Workload ───────────────────────────────────────────────────────────────────────────────────

/**
 * Contact activities that are peer work in the sense of the role (Gillard's principles: shared experience,
 * emotional and social support, hope, advocacy). The others (navigating services, community resources, crisis
 * support) are valuable but are where "peer drift" into generic or crisis-cover tasks shows first.
 */
export const PEER_SPECIFIC_ACTIVITIES = [
  'emotional_support',
  'social_support',
  'hope_and_recovery',
  'sharing_own_experience',
  'advocacy',
] as const satisfies readonly ContactActivity[];

export const WorkloadQuerySchema = z.object({ weeks: z.coerce.number().int().min(1).max(26).default(4) });

export const WorkloadFlagSchema = z.object({
  kind: z.enum(['caseload', 'weekly_contact_hours']),
  value: z.number(),
  threshold: z.number(),
});

/** One PSP's workload over the last `weeks` weeks. Flags compare with the organization's thresholds. */
export const WorkloadSchema = z.object({
  user: UserRefSchema,
  period: z.object({ from: z.string(), to: z.string(), weeks: z.number().int() }),
  /** Persons (not archived) for whom the PSP is primary or secondary PSP, or whom they cover for a colleague. */
  activeCaseload: z.number().int(),
  coveringPersons: z.number().int(),
  contactsPerWeek: z.number(),
  contactHoursPerWeek: z.number(),
  crisisContacts: z.number().int(),
  /** Share of logged contact time spent on peer-specific activities (see ARCHITECTURE.md); null without contacts. */
  peerWorkSharePct: z.number().nullable(),
  thresholds: z.object({ caseload: z.number().int(), weeklyContactHours: z.number().int() }),
  flags: z.array(WorkloadFlagSchema),
  /** The same figures for the same number of weeks just before, for context (a caseload has no past in the data). */
  previous: z.object({
    contactsPerWeek: z.number(),
    contactHoursPerWeek: z.number(),
    crisisContacts: z.number().int(),
    peerWorkSharePct: z.number().nullable(),
  }),
});
export type Workload = z.infer<typeof WorkloadSchema>;

export const DistributionSchema = z.object({
  median: z.number().nullable(),
  p25: z.number().nullable(),
  p75: z.number().nullable(),
  suppressed: z.boolean(),
});

/** A team's workload as a distribution over its PSPs; suppressed below k PSPs. Never per person. */
export const TeamWorkloadSchema = z.object({
  teamId: IdSchema,
  teamName: z.string(),
  period: z.object({ from: z.string(), to: z.string(), weeks: z.number().int() }),
  k: z.number().int(),
  psps: z.number().int(),
  activeCaseload: DistributionSchema,
  contactsPerWeek: DistributionSchema,
  contactHoursPerWeek: DistributionSchema,
  peerWorkSharePct: DistributionSchema,
});
export type TeamWorkload = z.infer<typeof TeamWorkloadSchema>;

// ── Team sustainability ────────────────────────────────────────────────────────────────────────

export const SustainabilitySchema = z.object({
  programId: IdSchema,
  period: z.object({ from: z.string(), to: z.string() }),
  k: z.number().int(),
  /** Staffing is structural, not about anyone's health: shown as is. */
  pspHeadcount: z.number().int(),
  pspFte: z.number().nullable(),
  teams: z.array(z.object({ id: IdSchema, name: z.string(), pspHeadcount: z.number().int(), isLonePsp: z.boolean() })),
  lonePspTeams: z.number().int(),
  /** Share of current PSPs in post at least 12 months at the end of the period. */
  retained12MonthsPct: CellSchema,
  /** Share of current PSPs with a supervision session in the 30 days that end with the period. */
  supervisedLast30DaysPct: CellSchema,
  /** Days away in the period, summed over PSPs; suppressed when 1 … k−1 PSPs stepped away. */
  stepAwayDays: CellSchema,
});
export type Sustainability = z.infer<typeof SustainabilitySchema>;
