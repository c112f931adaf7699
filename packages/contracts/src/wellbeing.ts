import { z } from 'zod';
import { IdSchema, IntSchema, VersionSchema } from './common.ts';
import { LanguageSchema } from './vocabulary.ts';
import { SuppressionReasonSchema } from './disclosure.ts';
import { LICENCE_STATUSES } from './instruments.ts';

// PSP wellbeing (PRODUCT.md principle 3): a PSP's own pulses, check-ins and nudges are theirs alone; a peer
// supervisor they choose sees their trend (never notes or answers); employers see team aggregates of at least k.

/** Text in each product language; English is always there. */
export const CheckInTextSchema = z.object({ en: z.string().min(1), fr: z.string().min(1).optional(), nb: z.string().min(1).optional() });
export type CheckInText = z.infer<typeof CheckInTextSchema>;

/** A calendar month, `YYYY-MM`: the only period wellbeing figures are shown for (no arbitrary ranges). */
export const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month as YYYY-MM');

// ── Instruments ──────────────────────────────────────────────────────────────────────────────────

const ItemIdSchema = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'must be a short lower-case id');

/** A check-in questionnaire as data: wording per language, scoring rules for packages/stats, and the nudge rule. */
export const CheckInDefinitionSchema = z.object({
  title: CheckInTextSchema,
  intro: CheckInTextSchema,
  /** What the product must say about it, e.g. "written for Alongside; not a validated instrument". */
  notice: CheckInTextSchema,
  options: z.array(z.object({ value: z.number().int(), score: z.number(), label: CheckInTextSchema })).min(2).max(11),
  items: z.array(z.object({ id: ItemIdSchema, text: CheckInTextSchema, reverse: z.boolean().optional() })).min(1).max(60),
  scales: z
    .array(
      z.object({
        id: ItemIdSchema,
        label: CheckInTextSchema,
        itemIds: z.array(ItemIdSchema).min(1),
        aggregate: z.enum(['mean', 'sum']),
        minAnswered: z.union([z.object({ fraction: z.number().gt(0).max(1) }), z.object({ count: z.number().int().min(1) })]),
      }),
    )
    .min(1),
  /** The scale the trend, the reading and the nudge follow. */
  primaryScaleId: ItemIdSchema,
  /** Higher scores mean more strain (true for burnout-style scales). */
  higherIsWorse: z.boolean(),
  range: z.object({ min: z.number(), max: z.number() }),
  /** Crossing it (towards "worse") gives the PSP a private nudge. */
  threshold: z.number(),
  /** Bands of the primary scale for the reading and the team distribution, in ascending order of `upTo`. */
  bands: z.array(z.object({ id: ItemIdSchema, label: CheckInTextSchema, upTo: z.number() })).min(2).max(5),
});
export type CheckInDefinition = z.infer<typeof CheckInDefinitionSchema>;

/** The instrument as a PSP answers it: in one language. */
export const CheckInInstrumentSchema = z.object({
  id: IdSchema,
  key: z.string(),
  version: VersionSchema,
  name: z.string(),
  language: LanguageSchema,
  licenceStatus: z.enum(LICENCE_STATUSES),
  isValidated: z.boolean(),
  attribution: z.string().nullable(),
  title: z.string(),
  intro: z.string(),
  notice: z.string(),
  options: z.array(z.object({ value: z.number().int(), label: z.string() })),
  items: z.array(z.object({ id: z.string(), text: z.string() })),
  scales: z.array(z.object({ id: z.string(), label: z.string() })),
  primaryScaleId: z.string(),
  higherIsWorse: z.boolean(),
  range: z.object({ min: z.number(), max: z.number() }),
  threshold: z.number(),
});
export type CheckInInstrument = z.infer<typeof CheckInInstrumentSchema>;

export const InstrumentQuerySchema = z.object({
  /** Needed only by someone who works for more than one organization. */
  organizationId: IdSchema.optional(),
  language: LanguageSchema.optional(),
});

// ── Pulses and check-ins (the PSP's own) ─────────────────────────────────────────────────────────

const PrivateNoteSchema = z.string().trim().max(2000);

export const CreatePulseBodySchema = z.object({
  organizationId: IdSchema.optional(),
  /** 1 (running on empty) … 5 (plenty). */
  energy: z.number().int().min(1).max(5),
  /** How heavy the work felt: 1 (light) … 5 (very heavy). */
  load: z.number().int().min(1).max(5),
  /** Private: only the PSP ever reads it. */
  note: PrivateNoteSchema.optional(),
});

export const PulseSchema = z.object({
  id: IdSchema,
  energy: z.number().int(),
  load: z.number().int(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type Pulse = z.infer<typeof PulseSchema>;

export const CreateCheckInBodySchema = z.object({
  organizationId: IdSchema.optional(),
  /** The instrument the PSP was shown: a check-in against a replaced instrument is refused (409). */
  instrumentId: IdSchema,
  /** Answer values by item id; null or absent: not answered. */
  answers: z.record(ItemIdSchema, IntSchema.nullable()),
});

export const NUDGE_REASONS = ['threshold', 'rising'] as const;
export const NudgeSchema = z.object({
  id: IdSchema,
  reason: z.enum(NUDGE_REASONS),
  message: z.string(),
  /** What the nudge offers: supervision, a step-away. */
  offers: z.array(z.enum(['supervision', 'step_away'])),
  createdAt: z.string(),
  dismissedAt: z.string().nullable(),
});
export type Nudge = z.infer<typeof NudgeSchema>;

export const ScaleScoreSchema = z.object({ id: z.string(), label: z.string(), score: z.number().nullable(), answered: z.number().int(), of: z.number().int() });

export const CheckInSchema = z.object({
  id: IdSchema,
  instrumentId: IdSchema,
  answers: z.record(z.string(), z.number().int().nullable()),
  scores: z.array(ScaleScoreSchema),
  createdAt: z.string(),
  /** A private nudge this check-in raised, if any. */
  nudge: NudgeSchema.nullable(),
});
export type CheckIn = z.infer<typeof CheckInSchema>;

export const OwnListQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) });


// ── Trend ────────────────────────────────────────────────────────────────────────────────────────

/** One month of a PSP's own figures: the last check-in of the month, and the month's pulses. */
export const TrendMonthSchema = z.object({
  month: MonthSchema,
  score: z.number().nullable(),
  /** The band's id and its label in the reader's language. */
  band: z.string().nullable(),
  bandLabel: z.string().nullable(),
  checkIns: z.number().int(),
  pulses: z.number().int(),
  energyMean: z.number().nullable(),
  loadMean: z.number().nullable(),
});
export type TrendMonth = z.infer<typeof TrendMonthSchema>;

export const TrendSchema = z.object({
  scaleLabel: z.string().nullable(),
  higherIsWorse: z.boolean(),
  range: z.object({ min: z.number(), max: z.number() }).nullable(),
  threshold: z.number().nullable(),
  months: z.array(TrendMonthSchema),
});
export type Trend = z.infer<typeof TrendSchema>;

export const ShareSchema = z.object({
  id: IdSchema,
  supervisor: z.object({ id: IdSchema, name: z.string() }),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
export type Share = z.infer<typeof ShareSchema>;

export const ResourceSchema = z.object({ key: z.string(), title: z.string(), description: z.string(), action: z.enum(['supervision', 'step_away', 'peer_network', 'outside_help']) });

export const MyWellbeingSchema = z.object({
  language: LanguageSchema,
  trend: TrendSchema,
  /** A plain-language reading of the trend, in the PSP's language. */
  reading: z.string(),
  nudges: z.array(NudgeSchema),
  resources: z.array(ResourceSchema),
  shares: z.array(ShareSchema),
});
export type MyWellbeing = z.infer<typeof MyWellbeingSchema>;

// ── Shares with a peer supervisor ────────────────────────────────────────────────────────────────

export const CreateShareBodySchema = z.object({ supervisorId: IdSchema });


/** The peer supervisors a PSP may share with: those of their own teams. */
export const ShareCandidateSchema = z.object({ id: IdSchema, name: z.string() });

export const SharesViewSchema = z.object({ shares: z.array(ShareSchema), candidates: z.array(ShareCandidateSchema) });
export type SharesView = z.infer<typeof SharesViewSchema>;

/** What a supervisor sees of a PSP who shares with them: the trend only. */
export const SharedTrendSchema = z.object({
  shareId: IdSchema,
  psp: z.object({ id: IdSchema, name: z.string() }),
  sharedSince: z.string(),
  trend: TrendSchema,
});
export type SharedTrend = z.infer<typeof SharedTrendSchema>;

// ── Team aggregate (employers) ───────────────────────────────────────────────────────────────────

export const TeamWellbeingQuerySchema = z.object({ month: MonthSchema.optional() });

const SuppressedSchema = z.object({ suppressed: z.literal(true), reason: SuppressionReasonSchema });

/** A band count; null when it is about fewer than k people (or would let such a count be worked out). */
export const BandCountSchema = z.object({ id: z.string(), label: z.string(), count: z.number().int().nullable() });

export const CheckInAggregateSchema = z.union([
  SuppressedSchema,
  z.object({
    suppressed: z.literal(false),
    contributors: z.number().int(),
    instrumentName: z.string(),
    scales: z.array(z.object({ id: z.string(), label: z.string(), mean: z.number().nullable() })),
    primaryScaleId: z.string(),
    distribution: z.array(BandCountSchema),
  }),
]);

export const PulseAggregateSchema = z.union([
  SuppressedSchema,
  z.object({
    suppressed: z.literal(false),
    contributors: z.number().int(),
    energyMean: z.number(),
    loadMean: z.number(),
    energyDistribution: z.array(BandCountSchema),
    loadDistribution: z.array(BandCountSchema),
  }),
]);

export const TeamWellbeingSchema = z.union([
  z.object({ teamId: IdSchema, month: MonthSchema, k: z.number().int(), suppressed: z.literal(true), reason: SuppressionReasonSchema }),
  z.object({
    teamId: IdSchema,
    month: MonthSchema,
    k: z.number().int(),
    suppressed: z.literal(false),
    checkIns: CheckInAggregateSchema,
    pulses: PulseAggregateSchema,
  }),
]);
export type TeamWellbeing = z.infer<typeof TeamWellbeingSchema>;
