import { z } from 'zod';
import { IdSchema, IsoDateSchema, IsoDateTimeSchema, VersionSchema } from './common.ts';
import { LanguageSchema, TeamRoleSchema } from './vocabulary.ts';

// Practice: persons supported, consent, peer support contacts, voice items, connections, huddles.

export const CONTACT_MODES = ['in_person', 'phone', 'video', 'text_message', 'group', 'accompaniment'] as const;
export const CONTACT_LOCATIONS = ['ward', 'community', 'emergency_department', 'home', 'online'] as const;
export const CONTACT_ACTIVITIES = [
  'emotional_support',
  'social_support',
  'navigating_services',
  'advocacy',
  'hope_and_recovery',
  'sharing_own_experience',
  'community_resources',
  'crisis_support',
] as const;
export const ContactModeSchema = z.enum(CONTACT_MODES);
export const ContactLocationSchema = z.enum(CONTACT_LOCATIONS);
export const ContactActivitySchema = z.enum(CONTACT_ACTIVITIES);
export type ContactActivity = z.infer<typeof ContactActivitySchema>;

export const CONSENT_METHODS = ['in_person', 'written', 'verbal'] as const;
/** share_with_care_team is a ceiling: 'per_item' (default) lets each agreed item through, 'none' blocks all. */
export const SHARE_DECISIONS = ['per_item', 'none'] as const;
export const CONSENT_PURPOSES = ['share_with_care_team', 'research_use', 'lockbox'] as const;
/** Every decision a consent record can hold, whatever its purpose. */
export const CONSENT_DECISIONS = [...SHARE_DECISIONS, 'yes', 'no', 'on', 'off'] as const;
export const ConsentBodySchema = z
  .discriminatedUnion('purpose', [
    z.object({ purpose: z.literal('share_with_care_team'), decision: z.enum(SHARE_DECISIONS) }),
    z.object({ purpose: z.literal('research_use'), decision: z.enum(['yes', 'no']) }),
    z.object({ purpose: z.literal('lockbox'), decision: z.enum(['on', 'off']) }),
  ])
  .and(
    z.object({
      method: z.enum(CONSENT_METHODS),
      note: z.string().trim().max(500).optional(),
    }),
  );
export type ConsentBody = z.infer<typeof ConsentBodySchema>;

export const ConsentRecordSchema = z.object({
  id: IdSchema,
  purpose: z.enum(CONSENT_PURPOSES),
  decision: z.string(),
  method: z.enum(CONSENT_METHODS),
  note: z.string().nullable(),
  recordedBy: z.object({ id: IdSchema, name: z.string() }),
  recordedAt: z.string(),
});
export type ConsentRecord = z.infer<typeof ConsentRecordSchema>;

export const ConsentStateSchema = z.object({
  shareWithCareTeam: z.enum(SHARE_DECISIONS),
  researchUse: z.boolean(),
  lockbox: z.boolean(),
});
export type ConsentState = z.infer<typeof ConsentStateSchema>;

const ShortTextSchema = z.string().trim().min(1, 'must not be empty').max(200);
const LongTextSchema = z.string().trim().max(4000);

// ── Persons ────────────────────────────────────────────────────────────────────────────────────

export const CreatePersonBodySchema = z.object({
  teamId: IdSchema,
  preferredName: ShortTextSchema,
  pronouns: z.string().trim().max(50).optional(),
  externalId: z.string().trim().max(100).optional(),
  language: LanguageSchema.default('en'),
  /** The primary PSP; defaults to the peer staff member creating the person. */
  primaryPspId: IdSchema.optional(),
  secondaryPspIds: z.array(IdSchema).max(5).default([]),
});

export const UpdatePersonBodySchema = z.object({
  preferredName: ShortTextSchema.optional(),
  pronouns: z.string().trim().max(50).nullable().optional(),
  externalId: z.string().trim().max(100).nullable().optional(),
  language: LanguageSchema.optional(),
  primaryPspId: IdSchema.optional(),
  secondaryPspIds: z.array(IdSchema).max(5).optional(),
  version: VersionSchema,
});

export const PersonPspSchema = z.object({ id: IdSchema, name: z.string(), isPrimary: z.boolean() });

export const PersonSchema = z.object({
  id: IdSchema,
  teamId: IdSchema,
  programId: IdSchema,
  preferredName: z.string(),
  pronouns: z.string().nullable(),
  externalId: z.string().nullable(),
  language: LanguageSchema,
  psps: z.array(PersonPspSchema),
  /** Colleagues covering for the person's PSP during a step-away (names only; no reason is ever recorded). */
  coveredBy: z.array(z.object({ id: IdSchema, name: z.string() })).optional(),
  consent: ConsentStateSchema,
  lastContactAt: z.string().nullable(),
  openVoiceItems: z.number().int(),
  pendingConnections: z.number().int(),
  createdAt: z.string(),
  version: VersionSchema,
});
export type Person = z.infer<typeof PersonSchema>;

export const ListPersonsQuerySchema = z.object({
  teamId: IdSchema.optional(),
  /** Only the people on my caseload (as primary or secondary PSP, or covering for a colleague who stepped away). */
  mine: z.stringbool().optional(),
  q: z.string().trim().max(100).optional(),
});

// ── Contacts ───────────────────────────────────────────────────────────────────────────────────

export const CreateContactBodySchema = z.object({
  personId: IdSchema,
  occurredAt: IsoDateTimeSchema,
  durationMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  mode: ContactModeSchema,
  location: ContactLocationSchema,
  activities: z.array(ContactActivitySchema).min(1, 'choose at least one activity').max(CONTACT_ACTIVITIES.length),
  note: LongTextSchema.default(''),
  teamSummary: LongTextSchema.optional(),
  /** The person agreed that this summary goes to the care team. */
  summaryAgreed: z.boolean().default(false),
});

export const UpdateContactBodySchema = z.object({
  occurredAt: IsoDateTimeSchema.optional(),
  durationMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .optional(),
  mode: ContactModeSchema.optional(),
  location: ContactLocationSchema.optional(),
  activities: z.array(ContactActivitySchema).min(1).max(CONTACT_ACTIVITIES.length).optional(),
  note: LongTextSchema.optional(),
  teamSummary: LongTextSchema.nullable().optional(),
  summaryAgreed: z.boolean().optional(),
  version: VersionSchema,
});

export const CreateCorrectionBodySchema = z.object({ note: z.string().trim().min(1, 'must not be empty').max(4000) });

export const ContactCorrectionSchema = z.object({
  id: IdSchema,
  author: z.object({ id: IdSchema, name: z.string() }),
  note: z.string(),
  createdAt: z.string(),
});

/**
 * A contact as the reader may see it: `note` and `corrections` are present only for peer staff;
 * `teamSummary` only when the person's consent lets it reach the reader.
 */
export const ContactSchema = z.object({
  id: IdSchema,
  personId: IdSchema,
  personName: z.string(),
  teamId: IdSchema,
  author: z.object({ id: IdSchema, name: z.string() }),
  occurredAt: z.string(),
  durationMinutes: z.number().int(),
  mode: ContactModeSchema,
  location: ContactLocationSchema,
  activities: z.array(ContactActivitySchema),
  note: z.string().optional(),
  corrections: z.array(ContactCorrectionSchema).optional(),
  teamSummary: z.string().nullable().optional(),
  summaryAgreed: z.boolean().optional(),
  /** Until when the author may still edit (24 hours after logging). */
  editableUntil: z.string(),
  createdAt: z.string(),
  version: VersionSchema,
});
export type Contact = z.infer<typeof ContactSchema>;

export const ListContactsQuerySchema = z.object({
  teamId: IdSchema.optional(),
  personId: IdSchema.optional(),
  from: IsoDateTimeSchema.optional(),
  to: IsoDateTimeSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

// ── Voice items ────────────────────────────────────────────────────────────────────────────────

export const VOICE_KINDS = ['goal', 'preference', 'concern', 'question', 'feedback'] as const;
export const VOICE_STATUSES = ['open', 'acknowledged', 'answered', 'returned', 'withdrawn'] as const;
export const VoiceKindSchema = z.enum(VOICE_KINDS);
export const VoiceStatusSchema = z.enum(VOICE_STATUSES);

export const CreateVoiceItemBodySchema = z.object({
  personId: IdSchema,
  kind: VoiceKindSchema,
  words: z.string().trim().min(1, 'must not be empty').max(4000),
  context: LongTextSchema.optional(),
  writtenTogether: z.boolean().default(false),
  /** The person agreed to share this item with the care team. */
  shareAgreed: z.boolean().default(false),
});

export const VersionBodySchema = z.object({ version: VersionSchema });
export const AnswerVoiceItemBodySchema = z.object({
  answer: z.string().trim().min(1, 'must not be empty').max(4000),
  version: VersionSchema,
});
export const ReturnVoiceItemBodySchema = z.object({ reaction: LongTextSchema.optional(), version: VersionSchema });

const StepSchema = z.object({ at: z.string(), by: z.object({ id: IdSchema, name: z.string() }) }).nullable();

export const VoiceItemSchema = z.object({
  id: IdSchema,
  personId: IdSchema,
  personName: z.string(),
  teamId: IdSchema,
  kind: VoiceKindSchema,
  words: z.string(),
  context: z.string().nullable(),
  writtenTogether: z.boolean(),
  shareAgreed: z.boolean(),
  status: VoiceStatusSchema,
  /** When the team's answer is due (null while the item is not shared). */
  dueAt: z.string().nullable(),
  isOverdue: z.boolean(),
  created: z.object({ at: z.string(), by: z.object({ id: IdSchema, name: z.string() }) }),
  sharedAt: z.string().nullable(),
  acknowledged: StepSchema,
  answered: StepSchema,
  answer: z.string().nullable(),
  returned: StepSchema,
  reaction: z.string().nullable(),
  withdrawn: StepSchema,
  version: VersionSchema,
});
export type VoiceItem = z.infer<typeof VoiceItemSchema>;

export const ListVoiceItemsQuerySchema = z.object({
  teamId: IdSchema.optional(),
  personId: IdSchema.optional(),
  status: VoiceStatusSchema.optional(),
});

// ── Connections ────────────────────────────────────────────────────────────────────────────────

export const CONNECTION_SERVICES = [
  'psychiatry',
  'therapy',
  'primary_care',
  'housing',
  'income_support',
  'addiction_services',
  'peer_group',
  'other',
] as const;
export const CONNECTION_STATUSES = ['proposed', 'accepted', 'met', 'completed', 'declined', 'did_not_attend'] as const;
export const ConnectionStatusSchema = z.enum(CONNECTION_STATUSES);
export type ConnectionStatus = z.infer<typeof ConnectionStatusSchema>;
export const CONNECTION_DIRECTIONS = ['from_peer_support', 'to_peer_support'] as const;

/**
 * From peer support: to a clinician of the team (targetUserId) or to a service. Discriminated by `direction`
 * so that a bad field inside either kind is named in the 400 (a plain union only says "invalid input").
 */
export const CreateConnectionBodySchema = z.discriminatedUnion('direction', [
  z.object({
    direction: z.literal('from_peer_support'),
    personId: IdSchema,
    targetUserId: IdSchema.optional(),
    service: z.enum(CONNECTION_SERVICES).optional(),
    warmHandoff: z.boolean().default(false),
    reason: LongTextSchema.optional(),
  }),
  /** A clinician refers a person (already known, or new) to the team's peer support. */
  z.object({
    direction: z.literal('to_peer_support'),
    personId: IdSchema.optional(),
    newPerson: z
      .object({
        teamId: IdSchema,
        preferredName: ShortTextSchema,
        pronouns: z.string().trim().max(50).optional(),
        language: LanguageSchema.default('en'),
      })
      .optional(),
    reason: LongTextSchema.optional(),
  }),
]);

export const UpdateConnectionBodySchema = z.object({
  status: ConnectionStatusSchema,
  note: LongTextSchema.optional(),
  personFeedback: LongTextSchema.optional(),
  version: VersionSchema,
});

export const ConnectionEventSchema = z.object({
  status: ConnectionStatusSchema,
  at: z.string(),
  by: z.object({ id: IdSchema, name: z.string() }),
  note: z.string().nullable(),
});

export const ConnectionSchema = z.object({
  id: IdSchema,
  personId: IdSchema,
  personName: z.string(),
  teamId: IdSchema,
  direction: z.enum(CONNECTION_DIRECTIONS),
  target: z.object({ id: IdSchema, name: z.string() }).nullable(),
  service: z.enum(CONNECTION_SERVICES).nullable(),
  warmHandoff: z.boolean(),
  reason: z.string().nullable(),
  referrerRole: TeamRoleSchema.nullable(),
  status: ConnectionStatusSchema,
  personFeedback: z.string().nullable(),
  events: z.array(ConnectionEventSchema),
  createdAt: z.string(),
  version: VersionSchema,
});
export type Connection = z.infer<typeof ConnectionSchema>;

export const ListConnectionsQuerySchema = z.object({
  teamId: IdSchema.optional(),
  personId: IdSchema.optional(),
  status: ConnectionStatusSchema.optional(),
});

// ── Huddles and the team board ─────────────────────────────────────────────────────────────────

export const AddHuddleItemBodySchema = z
  .object({
    teamId: IdSchema,
    voiceItemId: IdSchema.optional(),
    connectionId: IdSchema.optional(),
    topic: z.string().trim().min(1).max(500).optional(),
  })
  .refine((b) => [b.voiceItemId, b.connectionId, b.topic].filter(Boolean).length === 1, {
    message: 'give exactly one of voiceItemId, connectionId or topic',
    path: ['topic'],
  });

export const HuddleItemSchema = z.object({
  id: IdSchema,
  voiceItemId: IdSchema.nullable(),
  connectionId: IdSchema.nullable(),
  /** A short label: the topic, or the person's name and the kind of item (never peer-tier text). */
  label: z.string(),
  addedBy: z.object({ id: IdSchema, name: z.string() }),
  addedAt: z.string(),
});

export const CreateHuddleBodySchema = z.object({
  teamId: IdSchema,
  heldAt: IsoDateTimeSchema,
  attendeeIds: z.array(IdSchema).min(1, 'add at least one attendee').max(100),
  /** Agenda items discussed in this huddle. */
  itemIds: z.array(IdSchema).max(100).default([]),
  decisions: LongTextSchema.default(''),
});

export const HuddleSchema = z.object({
  id: IdSchema,
  teamId: IdSchema,
  heldAt: z.string(),
  attendees: z.array(z.object({ id: IdSchema, name: z.string(), role: TeamRoleSchema })),
  items: z.array(HuddleItemSchema),
  decisions: z.string(),
  createdBy: z.object({ id: IdSchema, name: z.string() }),
});
export type Huddle = z.infer<typeof HuddleSchema>;

export const BoardActivitySchema = z.object({
  kind: z.enum(['contact', 'voice_shared', 'voice_answered', 'voice_returned', 'connection']),
  at: z.string(),
  personId: IdSchema,
  personName: z.string(),
  by: z.string(),
  /** Connection status or voice item kind. */
  detail: z.string().nullable(),
});

export const TeamBoardSchema = z.object({
  team: z.object({ id: IdSchema, name: z.string(), programId: IdSchema, voiceAnswerTargetDays: z.number().int() }),
  voiceItems: z.array(VoiceItemSchema),
  connectionsToAccept: z.array(ConnectionSchema),
  referralsToPeerSupport: z.array(ConnectionSchema),
  agenda: z.array(HuddleItemSchema),
  recentActivity: z.array(BoardActivitySchema),
  /** Who is away (filled by step-aways); no health information. */
  away: z.array(z.object({ id: IdSchema, name: z.string(), coveredBy: z.string().nullable() })),
});
export type TeamBoard = z.infer<typeof TeamBoardSchema>;

// ── Indicators ─────────────────────────────────────────────────────────────────────────────────

// The period checks run only once both dates are valid: a missing `from` must not also blame `to`.
const bothDatesValid = { when: (payload: { issues: unknown[] }) => payload.issues.length === 0 };
export const IndicatorsQuerySchema = z
  .object({ from: IsoDateSchema, to: IsoDateSchema })
  .refine((q) => q.from <= q.to, { message: 'must not be before from', path: ['to'], ...bothDatesValid })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 <= 731, {
    message: 'the period can be at most two years',
    path: ['to'],
    ...bothDatesValid,
  });

/** A figure for one period: null and suppressed when it is about fewer than k people. */
export const CellSchema = z.object({ value: z.number().nullable(), suppressed: z.boolean() });
export type Cell = z.infer<typeof CellSchema>;

export const INDICATOR_KEYS = [
  'people_supported',
  'contacts',
  'contact_hours',
  'contacts_per_person',
  'voice_items_shared',
  'voice_answered_on_time_pct',
  'voice_median_days_to_answer',
  'voice_returned_pct',
  'voice_overdue',
  'connections_made',
  'connections_completed_pct',
  'referrals_to_peer_support',
  'psp_huddle_attendance_pct',
] as const;
export const IndicatorKeySchema = z.enum(INDICATOR_KEYS);

export const IndicatorSchema = z.object({
  key: IndicatorKeySchema,
  unit: z.enum(['count', 'hours', 'ratio', 'percent', 'days']),
  current: CellSchema,
  previous: CellSchema,
});

export const IndicatorsSchema = z.object({
  programId: IdSchema,
  programName: z.string(),
  period: z.object({ from: z.string(), to: z.string() }),
  previousPeriod: z.object({ from: z.string(), to: z.string() }),
  k: z.number().int(),
  voiceAnswerTargetDays: z.number().int(),
  indicators: z.array(IndicatorSchema),
  activities: z.array(z.object({ activity: ContactActivitySchema, current: CellSchema, previous: CellSchema })),
  referralsByProfession: z.array(z.object({ profession: TeamRoleSchema, current: CellSchema, previous: CellSchema })),
  /** Month by month over the twelve months that end with the period (longer periods: the whole period). */
  trend: z.array(
    z.object({
      month: z.string(),
      peopleSupported: CellSchema,
      contacts: CellSchema,
      voiceAnsweredOnTimePct: CellSchema,
    }),
  ),
});
export type Indicators = z.infer<typeof IndicatorsSchema>;
