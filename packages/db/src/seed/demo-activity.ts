import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../client.ts';
import { insertRows, type BulkColumn } from './bulk.ts';
import * as T from './demo-texts.ts';

// Six months of plausible peer support work for every demo team: persons and consent, contacts,
// voice items through every step of the loop, connections both ways, weekly huddles.
// Everything comes from a seeded generator, relative to the seed time, so every install looks alike.

type Lang = T.Lang;

/** What the activity generator needs to know about one demo team. */
export interface ActivityTeam {
  teamId: string;
  programId: string;
  organizationId: string;
  country: 'CA' | 'NO';
  setting: string;
  /** The main demo team: the fixed demo logins work here. */
  isDemoTeam: boolean;
  members: { userId: string; role: string }[];
  /** Demo logins that must find things to do (peer@ gets a caseload, nurse@ answers). */
  demoPeerId?: string;
  demoNurseId?: string;
}

export interface ActivityOptions {
  now: Date;
  onTeam?: () => void;
  onTable?: (table: string) => void;
}

const ACTIVITY_DAYS = 182;
/** People a month with contacts, shared voice items and connections in the demo team: above k = 5. */
const DEMO_MONTHLY_PEOPLE = 6;
const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;
const CLINICIANS = ['nurse', 'psychiatrist', 'psychologist', 'occupational_therapist', 'social_worker'];
const VOICE_KINDS = ['goal', 'preference', 'concern', 'question', 'feedback'] as const;
const SERVICES = ['psychiatry', 'therapy', 'primary_care', 'housing', 'income_support', 'addiction_services', 'peer_group', 'other'];
const CONNECTION_STATUSES = ['proposed', 'accepted', 'met', 'completed', 'declined', 'did_not_attend'] as const;
type ConnStatus = (typeof CONNECTION_STATUSES)[number];

/** mulberry32: small, fast and good enough for demo data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface PersonRow {
  id: string;
  organizationId: string;
  programId: string;
  teamId: string;
  preferredName: string;
  pronouns: string | null;
  externalId: string | null;
  language: Lang;
  shareWithCareTeam: 'per_item' | 'none';
  researchUse: boolean;
  lockbox: boolean;
  createdBy: string;
  createdAt: Date;
}
interface PersonPspRow { personId: string; userId: string; isPrimary: boolean; since: Date }
interface ConsentRow { id: string; personId: string; purpose: string; decision: string; method: string; note: string | null; recordedBy: string; recordedAt: Date }
interface ContactRow {
  id: string; organizationId: string; programId: string; teamId: string; personId: string; authorId: string;
  occurredAt: Date; durationMinutes: number; mode: string; location: string; activities: string[]; note: string;
  teamSummary: string | null; summaryAgreed: boolean; createdAt: Date;
}
interface CorrectionRow { id: string; contactId: string; authorId: string; note: string; createdAt: Date }
interface VoiceRow {
  id: string; organizationId: string; programId: string; teamId: string; personId: string; kind: string; words: string;
  context: string | null; writtenTogether: boolean; shareAgreed: boolean; status: string; dueAt: Date | null;
  createdBy: string; createdAt: Date; sharedAt: Date | null;
  acknowledgedAt: Date | null; acknowledgedBy: string | null; answeredAt: Date | null; answeredBy: string | null; answer: string | null;
  returnedAt: Date | null; returnedBy: string | null; reaction: string | null; withdrawnAt: Date | null; withdrawnBy: string | null;
}
interface ConnectionRow {
  id: string; organizationId: string; programId: string; teamId: string; personId: string; direction: string;
  targetUserId: string | null; service: string | null; warmHandoff: boolean; reason: string | null; referrerRole: string | null;
  status: ConnStatus; personFeedback: string | null; createdBy: string; createdAt: Date;
  acceptedAt: Date | null; acceptedBy: string | null; firstMeetingAt: Date | null; closedAt: Date | null;
}
interface EventRow { id: string; connectionId: string; status: string; byUserId: string; at: Date; note: string | null }
interface HuddleRow { id: string; organizationId: string; programId: string; teamId: string; heldAt: Date; decisions: string; createdBy: string; createdAt: Date }
interface AttendeeRow { huddleId: string; userId: string; role: string }
interface HuddleItemRow { id: string; teamId: string; huddleId: string | null; voiceItemId: string | null; connectionId: string | null; topic: string | null; addedBy: string; addedAt: Date }

interface Activity {
  persons: PersonRow[];
  personPsps: PersonPspRow[];
  consents: ConsentRow[];
  contacts: ContactRow[];
  corrections: CorrectionRow[];
  voiceItems: VoiceRow[];
  connections: ConnectionRow[];
  events: EventRow[];
  huddles: HuddleRow[];
  attendees: AttendeeRow[];
  huddleItems: HuddleItemRow[];
}

/** A person while generating: the row plus who walks alongside and since when there is activity. */
interface Walker {
  row: PersonRow;
  primary: string | null;
  secondary: string | null;
  activeFrom: Date | null;
  canShare: boolean;
}

export const col = <R>(name: string, type: string, value: (row: R) => unknown): BulkColumn<R> => ({ name, type, value });

/** Generates and bulk-inserts the activity of every team, inside the caller's transaction. */
export async function seedDemoActivity(tx: Pick<Db, 'execute'>, teams: ActivityTeam[], options: ActivityOptions): Promise<Record<string, number>> {
  const targets = await queryRows<{ id: string; days: number }>(tx, sql`select id, voice_answer_target_days as days from programs`);
  const targetDays = new Map(targets.map((t) => [t.id, t.days]));
  const out: Activity = { persons: [], personPsps: [], consents: [], contacts: [], corrections: [], voiceItems: [], connections: [], events: [], huddles: [], attendees: [], huddleItems: [] };
  for (const [index, team] of teams.entries()) {
    generateTeam(team, index, targetDays.get(team.programId) ?? 7, options.now, out);
    options.onTeam?.();
  }
  await insertActivity(tx, out, options.onTable);
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, (v as unknown[]).length]));
}

/** How many bulk-insert steps insertActivity reports (for progress totals). */
export const ACTIVITY_TABLES = 11;

async function insertActivity(tx: Pick<Db, 'execute'>, a: Activity, onTable?: (table: string) => void): Promise<void> {
  const step = async <R>(table: string, columns: BulkColumn<R>[], rows: R[]) => {
    await insertRows(tx, table, columns, rows);
    onTable?.(table);
  };
  const scope = <R extends { organizationId: string; programId: string; teamId: string }>() => [
    col<R>('organization_id', 'uuid', (r) => r.organizationId),
    col<R>('program_id', 'uuid', (r) => r.programId),
    col<R>('team_id', 'uuid', (r) => r.teamId),
  ];
  await step('persons', [
    col<PersonRow>('id', 'uuid', (r) => r.id), ...scope<PersonRow>(),
    col<PersonRow>('preferred_name', 'text', (r) => r.preferredName), col<PersonRow>('pronouns', 'text', (r) => r.pronouns),
    col<PersonRow>('external_id', 'text', (r) => r.externalId), col<PersonRow>('language', 'text', (r) => r.language),
    col<PersonRow>('share_with_care_team', 'text', (r) => r.shareWithCareTeam), col<PersonRow>('research_use', 'boolean', (r) => r.researchUse),
    col<PersonRow>('lockbox', 'boolean', (r) => r.lockbox), col<PersonRow>('created_by', 'uuid', (r) => r.createdBy),
    col<PersonRow>('created_at', 'timestamptz', (r) => r.createdAt),
  ], a.persons);
  await step('person_psps', [
    col<PersonPspRow>('person_id', 'uuid', (r) => r.personId), col<PersonPspRow>('user_id', 'uuid', (r) => r.userId),
    col<PersonPspRow>('is_primary', 'boolean', (r) => r.isPrimary), col<PersonPspRow>('created_at', 'timestamptz', (r) => r.since),
  ], a.personPsps);
  await step('consent_records', [
    col<ConsentRow>('id', 'uuid', (r) => r.id), col<ConsentRow>('person_id', 'uuid', (r) => r.personId),
    col<ConsentRow>('purpose', 'text', (r) => r.purpose), col<ConsentRow>('decision', 'text', (r) => r.decision),
    col<ConsentRow>('method', 'text', (r) => r.method), col<ConsentRow>('note', 'text', (r) => r.note),
    col<ConsentRow>('recorded_by', 'uuid', (r) => r.recordedBy), col<ConsentRow>('created_at', 'timestamptz', (r) => r.recordedAt),
  ], a.consents);
  await step('contacts', [
    col<ContactRow>('id', 'uuid', (r) => r.id), ...scope<ContactRow>(), col<ContactRow>('person_id', 'uuid', (r) => r.personId),
    col<ContactRow>('author_id', 'uuid', (r) => r.authorId), col<ContactRow>('occurred_at', 'timestamptz', (r) => r.occurredAt),
    col<ContactRow>('duration_minutes', 'int', (r) => r.durationMinutes), col<ContactRow>('mode', 'text', (r) => r.mode),
    col<ContactRow>('location', 'text', (r) => r.location), col<ContactRow>('activities', 'text[]', (r) => r.activities),
    col<ContactRow>('note', 'text', (r) => r.note), col<ContactRow>('team_summary', 'text', (r) => r.teamSummary),
    col<ContactRow>('summary_agreed', 'boolean', (r) => r.summaryAgreed), col<ContactRow>('created_at', 'timestamptz', (r) => r.createdAt),
  ], a.contacts);
  await step('contact_corrections', [
    col<CorrectionRow>('id', 'uuid', (r) => r.id), col<CorrectionRow>('contact_id', 'uuid', (r) => r.contactId),
    col<CorrectionRow>('author_id', 'uuid', (r) => r.authorId), col<CorrectionRow>('note', 'text', (r) => r.note),
    col<CorrectionRow>('created_at', 'timestamptz', (r) => r.createdAt),
  ], a.corrections);
  await step('voice_items', [
    col<VoiceRow>('id', 'uuid', (r) => r.id), ...scope<VoiceRow>(), col<VoiceRow>('person_id', 'uuid', (r) => r.personId),
    col<VoiceRow>('kind', 'text', (r) => r.kind), col<VoiceRow>('words', 'text', (r) => r.words), col<VoiceRow>('context', 'text', (r) => r.context),
    col<VoiceRow>('written_together', 'boolean', (r) => r.writtenTogether), col<VoiceRow>('share_agreed', 'boolean', (r) => r.shareAgreed),
    col<VoiceRow>('status', 'text', (r) => r.status), col<VoiceRow>('due_at', 'timestamptz', (r) => r.dueAt),
    col<VoiceRow>('created_by', 'uuid', (r) => r.createdBy), col<VoiceRow>('created_at', 'timestamptz', (r) => r.createdAt),
    col<VoiceRow>('shared_at', 'timestamptz', (r) => r.sharedAt),
    col<VoiceRow>('acknowledged_at', 'timestamptz', (r) => r.acknowledgedAt), col<VoiceRow>('acknowledged_by', 'uuid', (r) => r.acknowledgedBy),
    col<VoiceRow>('answered_at', 'timestamptz', (r) => r.answeredAt), col<VoiceRow>('answered_by', 'uuid', (r) => r.answeredBy),
    col<VoiceRow>('answer', 'text', (r) => r.answer),
    col<VoiceRow>('returned_at', 'timestamptz', (r) => r.returnedAt), col<VoiceRow>('returned_by', 'uuid', (r) => r.returnedBy),
    col<VoiceRow>('reaction', 'text', (r) => r.reaction),
    col<VoiceRow>('withdrawn_at', 'timestamptz', (r) => r.withdrawnAt), col<VoiceRow>('withdrawn_by', 'uuid', (r) => r.withdrawnBy),
  ], a.voiceItems);
  await step('connections', [
    col<ConnectionRow>('id', 'uuid', (r) => r.id), ...scope<ConnectionRow>(), col<ConnectionRow>('person_id', 'uuid', (r) => r.personId),
    col<ConnectionRow>('direction', 'text', (r) => r.direction), col<ConnectionRow>('target_user_id', 'uuid', (r) => r.targetUserId),
    col<ConnectionRow>('service', 'text', (r) => r.service), col<ConnectionRow>('warm_handoff', 'boolean', (r) => r.warmHandoff),
    col<ConnectionRow>('reason', 'text', (r) => r.reason), col<ConnectionRow>('referrer_role', 'text', (r) => r.referrerRole),
    col<ConnectionRow>('status', 'text', (r) => r.status), col<ConnectionRow>('person_feedback', 'text', (r) => r.personFeedback),
    col<ConnectionRow>('created_by', 'uuid', (r) => r.createdBy), col<ConnectionRow>('created_at', 'timestamptz', (r) => r.createdAt),
    col<ConnectionRow>('accepted_at', 'timestamptz', (r) => r.acceptedAt), col<ConnectionRow>('accepted_by', 'uuid', (r) => r.acceptedBy),
    col<ConnectionRow>('first_meeting_at', 'timestamptz', (r) => r.firstMeetingAt), col<ConnectionRow>('closed_at', 'timestamptz', (r) => r.closedAt),
  ], a.connections);
  await step('connection_events', [
    col<EventRow>('id', 'uuid', (r) => r.id), col<EventRow>('connection_id', 'uuid', (r) => r.connectionId),
    col<EventRow>('status', 'text', (r) => r.status), col<EventRow>('by_user_id', 'uuid', (r) => r.byUserId),
    col<EventRow>('created_at', 'timestamptz', (r) => r.at), col<EventRow>('note', 'text', (r) => r.note),
  ], a.events);
  await step('huddles', [
    col<HuddleRow>('id', 'uuid', (r) => r.id), ...scope<HuddleRow>(), col<HuddleRow>('held_at', 'timestamptz', (r) => r.heldAt),
    col<HuddleRow>('decisions', 'text', (r) => r.decisions), col<HuddleRow>('created_by', 'uuid', (r) => r.createdBy),
    col<HuddleRow>('created_at', 'timestamptz', (r) => r.createdAt),
  ], a.huddles);
  await step('huddle_attendees', [
    col<AttendeeRow>('huddle_id', 'uuid', (r) => r.huddleId), col<AttendeeRow>('user_id', 'uuid', (r) => r.userId),
    col<AttendeeRow>('role', 'text', (r) => r.role),
  ], a.attendees);
  await step('huddle_items', [
    col<HuddleItemRow>('id', 'uuid', (r) => r.id), col<HuddleItemRow>('team_id', 'uuid', (r) => r.teamId),
    col<HuddleItemRow>('huddle_id', 'uuid', (r) => r.huddleId), col<HuddleItemRow>('voice_item_id', 'uuid', (r) => r.voiceItemId),
    col<HuddleItemRow>('connection_id', 'uuid', (r) => r.connectionId), col<HuddleItemRow>('topic', 'text', (r) => r.topic),
    col<HuddleItemRow>('added_by', 'uuid', (r) => r.addedBy), col<HuddleItemRow>('created_at', 'timestamptz', (r) => r.addedAt),
  ], a.huddleItems);
}

/** The generator's tools, bound to one random stream. */
export function tools(random: () => number) {
  const between = (lo: number, hi: number) => lo + random() * (hi - lo);
  const chance = (p: number) => random() < p;
  const pick = <V>(list: readonly V[]): V => list[Math.floor(random() * list.length)]!;
  const weighted = <V>(entries: readonly (readonly [V, number])[]): V => {
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let x = random() * total;
    for (const [v, w] of entries) {
      x -= w;
      if (x < 0) return v;
    }
    return entries[entries.length - 1]![0];
  };
  const poisson = (mean: number) => {
    const limit = Math.exp(-mean);
    let k = 0;
    for (let p = random(); p > limit; p *= random()) k++;
    return k;
  };
  const uuid = () => {
    const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
    hex[12] = '4';
    hex[16] = ((Math.floor(random() * 4) & 0x3) | 0x8).toString(16);
    const h = hex.join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  };
  const shuffled = <V>(list: readonly V[]): V[] => {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  };
  return { between, chance, pick, weighted, poisson, uuid, shuffled };
}

const MODES_BY_SETTING: Record<string, readonly (readonly [string, number])[]> = {
  inpatient: [['in_person', 8], ['group', 2], ['phone', 1]],
  emergency: [['in_person', 6], ['phone', 3], ['text_message', 1]],
  youth: [['text_message', 4], ['in_person', 4], ['video', 2], ['group', 1]],
  addictions: [['in_person', 5], ['group', 3], ['phone', 2], ['accompaniment', 1]],
};
const DEFAULT_MODES: readonly (readonly [string, number])[] = [['in_person', 5], ['phone', 3], ['accompaniment', 2], ['text_message', 2], ['video', 1]];
const ACTIVITY_WEIGHTS: readonly (readonly [string, number])[] = [
  ['emotional_support', 10], ['social_support', 6], ['hope_and_recovery', 5], ['navigating_services', 5],
  ['sharing_own_experience', 5], ['community_resources', 4], ['advocacy', 3], ['crisis_support', 1],
];

function locationFor(setting: string, mode: string, chance: (p: number) => boolean): string {
  if (mode === 'phone' || mode === 'video' || mode === 'text_message') return 'online';
  if (setting === 'inpatient') return chance(0.9) ? 'ward' : 'community';
  if (setting === 'emergency') return chance(0.8) ? 'emergency_department' : 'community';
  if (mode === 'accompaniment') return 'community';
  return chance(0.55) ? 'community' : 'home';
}

function durationFor(mode: string, between: (lo: number, hi: number) => number): number {
  const [lo, hi] = ({ text_message: [5, 15], phone: [10, 35], video: [20, 45], group: [60, 90], accompaniment: [60, 180] } as Record<string, [number, number]>)[mode] ?? [20, 75];
  return Math.max(5, Math.round(between(lo, hi) / 5) * 5);
}

function generateTeam(team: ActivityTeam, teamIndex: number, targetDays: number, now: Date, out: Activity): void {
  const random = seededRandom(0x5eed + teamIndex * 7919);
  const { between, chance, pick, weighted, poisson, uuid, shuffled } = tools(random);
  const nowMs = now.getTime();
  const windowStart = nowMs - ACTIVITY_DAYS * DAY;
  const at = (ms: number) => new Date(Math.min(ms, nowMs));
  const scope = { organizationId: team.organizationId, programId: team.programId, teamId: team.teamId };
  const roleOf = new Map(team.members.map((m) => [m.userId, m.role]));
  const psps = team.members.filter((m) => m.role === 'peer_support_worker').map((m) => m.userId);
  const supervisors = team.members.filter((m) => m.role === 'peer_supervisor').map((m) => m.userId);
  const clinicians = team.members.filter((m) => CLINICIANS.includes(m.role)).map((m) => m.userId);
  if (psps.length === 0 || clinicians.length === 0) return;
  const pickClinician = () => (team.demoNurseId && chance(0.4) ? team.demoNurseId : pick(clinicians));
  // Local working hours: Canada about UTC−5, Norway UTC+1.
  const utcOffset = team.country === 'NO' ? 1 : -5;
  const workingTime = (dayMs: number, fromHour = 9, toHour = 18) =>
    Math.floor(dayMs / DAY) * DAY + (between(fromHour, toHour) - utcOffset) * HOUR;

  // ── Persons, caseloads and consent ──
  const count = team.isDemoTeam ? 18 : 8 + Math.floor(random() * 13);
  const referralCount = team.isDemoTeam ? 6 : Math.round(count * between(0.2, 0.4));
  const names = shuffled(T.PERSON_NAMES[team.country]);
  const langFor = (): Lang => (team.country === 'NO' ? (chance(0.9) ? 'nb' : 'en') : team.isDemoTeam ? (chance(0.85) ? 'en' : 'fr') : chance(0.7) ? 'en' : 'fr');
  const otherPsps = team.demoPeerId ? psps.filter((p) => p !== team.demoPeerId) : psps;
  const walkers: Walker[] = [];
  const referralStatuses: ConnStatus[] = team.isDemoTeam
    ? ['completed', 'met', 'proposed', 'accepted', 'declined', 'did_not_attend']
    : [];
  const referrals: { walker: Walker; status: ConnStatus }[] = [];

  for (let i = 0; i < count; i++) {
    const language = langFor();
    const name = names[i % names.length]!;
    const isReferral = i >= count - referralCount;
    const primary = team.demoPeerId && i < 10 ? team.demoPeerId : otherPsps.length ? otherPsps[i % otherPsps.length]! : pick(psps);
    const row: PersonRow = {
      id: uuid(),
      ...scope,
      preferredName: i >= names.length || chance(0.4) ? `${name} ${String.fromCharCode(65 + Math.floor(random() * 26))}.` : name,
      pronouns: chance(0.45) ? pick(T.PRONOUNS[language]) : null,
      externalId: team.country === 'CA' && chance(0.4) ? `H${String(100000 + Math.floor(random() * 900000))}` : null,
      language,
      shareWithCareTeam: 'per_item',
      researchUse: false,
      lockbox: false,
      createdBy: primary,
      createdAt: new Date(windowStart - between(5, 400) * DAY),
    };
    const walker: Walker = { row, primary, secondary: null, activeFrom: new Date(windowStart), canShare: true };
    walkers.push(walker);
    if (isReferral) {
      const status = referralStatuses.shift() ?? weighted<ConnStatus>([['completed', 4], ['met', 3], ['accepted', 1], ['proposed', 1], ['declined', 1], ['did_not_attend', 1]]);
      referrals.push({ walker, status });
      continue;
    }
    if (!team.demoPeerId || i >= 10) {
      const others = psps.filter((p) => p !== primary && p !== team.demoPeerId);
      if (others.length && chance(0.25)) walker.secondary = pick(others);
    }
    const restriction = team.isDemoTeam ? (i === 7 ? 'lockbox' : i === 8 ? 'none' : null) : chance(0.04) ? 'lockbox' : chance(0.05) ? 'none' : null;
    addConsent(walker, row.createdAt.getTime(), restriction);
  }

  function addConsent(walker: Walker, fromMs: number, restriction: 'lockbox' | 'none' | null) {
    const by = walker.primary!;
    const record = (purpose: string, decision: string, ms: number, note: string | null = null) =>
      out.consents.push({ id: uuid(), personId: walker.row.id, purpose, decision, method: pick(['in_person', 'written', 'verbal']), note, recordedBy: by, recordedAt: at(ms) });
    record('share_with_care_team', 'per_item', fromMs);
    record('research_use', 'no', fromMs);
    if (chance(0.15)) {
      walker.row.researchUse = true;
      record('research_use', 'yes', fromMs + between(1, 20) * DAY);
    }
    if (restriction === 'lockbox') {
      walker.row.lockbox = true;
      walker.canShare = false;
      record('lockbox', 'on', fromMs + between(0.5, 4) * HOUR, 'Asked that nothing goes to the clinical team for now.');
    } else if (restriction === 'none') {
      walker.row.shareWithCareTeam = 'none';
      walker.canShare = false;
      record('share_with_care_team', 'none', fromMs + between(0.5, 4) * HOUR);
    }
  }

  // ── Connections (both directions), status first, then a timeline that fits before now ──
  const feedbackFor = (w: Walker) => (chance(0.5) ? pick(T.CONNECTION_FEEDBACK[w.row.language]) : null);
  /** The steps of a connection created at `c` that ends in `status`, or undefined when they would not fit before now. */
  function timelineAt(status: ConnStatus, c: number) {
    let accepted: number | null = null;
    let met: number | null = null;
    let closed: number | null = null;
    if (status !== 'proposed' && status !== 'declined') accepted = c + between(0.2, 2) * DAY;
    if (status === 'met' || status === 'completed') met = accepted! + between(1, 6) * DAY;
    if (status === 'completed') closed = met! + between(7, 40) * DAY;
    if (status === 'did_not_attend') closed = accepted! + between(2, 7) * DAY;
    if (status === 'declined') closed = c + between(0.3, 3) * DAY;
    if ((closed ?? met ?? accepted ?? c) >= nowMs - HOUR) return undefined;
    return { created: c, accepted, met, closed };
  }

  /** A status-first timeline: when the story must end in `status`, place it where it fits. */
  function timeline(status: ConnStatus, earliest: number) {
    const window: Record<ConnStatus, [number, number]> = {
      proposed: [0.05, 3], accepted: [2, 9], met: [8, 45], declined: [4, ACTIVITY_DAYS], did_not_attend: [12, ACTIVITY_DAYS], completed: [50, ACTIVITY_DAYS],
    };
    const [lo, hi] = window[status];
    const c = nowMs - between(lo, Math.min(hi, (nowMs - earliest) / DAY)) * DAY;
    return c < earliest ? undefined : timelineAt(status, c);
  }

  /** How a connection created `ageDays` ago has most likely ended up by now. */
  function statusForAge(ageDays: number): ConnStatus {
    if (ageDays < 2) return 'proposed';
    if (ageDays < 10) return weighted<ConnStatus>([['proposed', 3], ['accepted', 5], ['declined', 2]]);
    if (ageDays < 50) return weighted<ConnStatus>([['accepted', 1], ['met', 9], ['did_not_attend', 4], ['declined', 3], ['completed', 3]]);
    return weighted<ConnStatus>([['completed', 60], ['declined', 17], ['did_not_attend', 20], ['met', 3]]);
  }
  const DOWNGRADE: Record<ConnStatus, ConnStatus | undefined> = { completed: 'met', met: 'accepted', did_not_attend: 'accepted', accepted: 'proposed', declined: 'proposed', proposed: undefined };

  function addConnection(
    walker: Walker,
    wanted: ConnStatus | { at: number },
    earliest: number,
    direction: 'from_peer_support' | 'to_peer_support',
  ): ConnectionRow | undefined {
    let status: ConnStatus | undefined;
    let times: ReturnType<typeof timelineAt>;
    if (typeof wanted === 'string') {
      status = wanted;
      times = timeline(status, earliest);
    } else {
      for (status = statusForAge((nowMs - wanted.at) / DAY); status && !times; ) {
        times = timelineAt(status, wanted.at);
        if (!times) status = DOWNGRADE[status];
      }
    }
    if (!status || !times) return undefined;
    const lang = walker.row.language;
    let createdBy: string;
    let targetUserId: string | null = null;
    let service: string | null = null;
    let acceptor: string;
    let referrerRole: string | null = null;
    if (direction === 'to_peer_support') {
      createdBy = pickClinician();
      referrerRole = roleOf.get(createdBy)!;
      acceptor = walker.primary ?? pick(psps);
    } else {
      createdBy = walker.primary!;
      if (walker.canShare && chance(0.5)) targetUserId = pick(clinicians);
      else service = pick(SERVICES);
      acceptor = targetUserId ?? createdBy;
    }
    const peer = direction === 'to_peer_support' ? acceptor : createdBy;
    const row: ConnectionRow = {
      id: uuid(),
      ...scope,
      personId: walker.row.id,
      direction,
      targetUserId,
      service,
      warmHandoff: direction === 'from_peer_support' && chance(0.6),
      reason: chance(0.75) ? pick(T.CONNECTION_REASONS[lang]) : null,
      referrerRole,
      status,
      personFeedback: status === 'completed' || status === 'declined' ? feedbackFor(walker) : null,
      createdBy,
      createdAt: new Date(times.created),
      acceptedAt: times.accepted === null ? null : new Date(times.accepted),
      acceptedBy: times.accepted === null ? null : acceptor,
      firstMeetingAt: times.met === null ? null : new Date(times.met),
      closedAt: times.closed === null ? null : new Date(times.closed),
    };
    out.connections.push(row);
    const event = (s: string, by: string, ms: number) => out.events.push({ id: uuid(), connectionId: row.id, status: s, byUserId: by, at: new Date(ms), note: null });
    event('proposed', createdBy, times.created);
    if (times.accepted !== null) event('accepted', acceptor, times.accepted);
    if (times.met !== null) event('met', peer, times.met);
    if (times.closed !== null) event(status, status === 'declined' ? acceptor : peer, times.closed);
    return row;
  }

  for (const { walker, status } of referrals) {
    let row = addConnection(walker, status, windowStart, 'to_peer_support');
    row ??= addConnection(walker, 'proposed', windowStart, 'to_peer_support')!;
    walker.row.createdAt = row.createdAt;
    walker.row.createdBy = row.createdBy;
    if (row.acceptedAt === null || row.status === 'declined') {
      walker.primary = null;
      walker.activeFrom = null;
      continue;
    }
    walker.primary = row.acceptedBy;
    walker.row.createdBy = row.createdBy;
    walker.activeFrom = row.firstMeetingAt;
    if (walker.activeFrom) addConsent(walker, walker.activeFrom.getTime(), null);
  }

  for (const w of walkers) {
    if (w.primary) out.personPsps.push({ personId: w.row.id, userId: w.primary, isPrimary: true, since: w.activeFrom ?? w.row.createdAt });
    if (w.primary && w.secondary) out.personPsps.push({ personId: w.row.id, userId: w.secondary, isPrimary: false, since: new Date(w.row.createdAt.getTime() + between(10, 60) * DAY) });
    out.persons.push(w.row);
  }
  const active = walkers.filter((w): w is Walker & { activeFrom: Date; primary: string } => w.activeFrom !== null && w.primary !== null);
  const sharers = active.filter((w) => w.canShare);

  const fromStatuses = new Set<ConnStatus>();
  for (const w of active) {
    // Spread over the whole period (exponential gaps, about one every two months), not bunched.
    for (let t = w.activeFrom.getTime() + between(1, 40) * DAY; t < nowMs; t += -Math.log(1 - random()) * 60 * DAY) {
      const row = addConnection(w, { at: workingTime(t) }, w.activeFrom.getTime(), 'from_peer_support');
      if (row) fromStatuses.add(row.status);
    }
  }
  // The demo program's monthly indicators must clear k whatever day the seed runs: top up thin months.
  const monthStarts = Array.from({ length: 6 }, (_, back) => Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 6 + back, 1));
  function fillMonths(rows: () => { personId: string; at: Date | null }[], add: (w: (typeof sharers)[number], ms: number) => void): void {
    if (!team.isDemoTeam) return;
    for (const start of monthStarts) {
      const end = Date.UTC(new Date(start).getUTCFullYear(), new Date(start).getUTCMonth() + 1, 1);
      const inMonth = () => new Set(rows().filter((r) => r.at && r.at.getTime() >= start && r.at.getTime() < end).map((r) => r.personId));
      for (const w of shuffled(sharers.filter((s) => s.activeFrom.getTime() < start))) {
        if (inMonth().size >= DEMO_MONTHLY_PEOPLE) break;
        if (!inMonth().has(w.row.id)) add(w, workingTime(between(start, end - 4 * DAY)));
      }
    }
  }
  fillMonths(() => out.connections.filter((c) => c.teamId === team.teamId).map((c) => ({ personId: c.personId, at: c.createdAt })),
    (w, ms) => void addConnection(w, { at: ms }, w.activeFrom.getTime(), 'from_peer_support'));
  if (team.isDemoTeam) {
    for (const status of CONNECTION_STATUSES.filter((s) => !fromStatuses.has(s))) {
      for (let tries = 0; tries < 20; tries++) {
        const w = pick(sharers);
        if (addConnection(w, status, w.activeFrom.getTime(), 'from_peer_support')) break;
      }
    }
  }

  // ── Contacts ──
  const modes = MODES_BY_SETTING[team.setting] ?? DEFAULT_MODES;
  const perWeek = (team.setting === 'inpatient' ? 1.4 : team.setting === 'assertive_community_treatment' ? 1.2 : 0.9) * (team.isDemoTeam ? 1.1 : 1);
  for (const w of active) {
    const lang = w.row.language;
    const rate = perWeek * between(0.6, 1.4);
    for (let t = w.activeFrom.getTime() + between(0, 3) * DAY; ; t += (-Math.log(1 - random()) * 7 * DAY) / rate) {
      const weekday = new Date(t).getUTCDay();
      if ((weekday === 0 || weekday === 6) && chance(0.7)) continue;
      const occurred = workingTime(t);
      if (occurred < w.activeFrom.getTime()) continue;
      if (occurred > nowMs - 20 * MINUTE) break;
      const mode = weighted(modes);
      const author = w.secondary && chance(0.2) ? w.secondary : supervisors.length && chance(0.04) ? pick(supervisors) : w.primary;
      const activityCount = 1 + Math.floor(random() * random() * 3.2);
      const activities = new Set<string>();
      while (activities.size < activityCount) activities.add(weighted(ACTIVITY_WEIGHTS));
      const hasSummary = chance(0.3);
      out.contacts.push({
        id: uuid(),
        ...scope,
        personId: w.row.id,
        authorId: author,
        occurredAt: new Date(occurred),
        durationMinutes: durationFor(mode, between),
        mode,
        location: locationFor(team.setting, mode, chance),
        activities: [...activities],
        note: pick(T.CONTACT_NOTES[lang]),
        teamSummary: hasSummary ? pick(T.TEAM_SUMMARIES[lang]) : null,
        summaryAgreed: hasSummary && w.canShare && chance(0.85),
        createdAt: at(occurred + between(5, 300) * MINUTE),
      });
    }
  }
  const oldContacts = out.contacts.filter((c) => c.teamId === team.teamId && c.createdAt.getTime() < nowMs - 10 * DAY);
  for (let n = 0; n < 2 && oldContacts.length; n++) {
    const contact = pick(oldContacts);
    const person = walkers.find((w) => w.row.id === contact.personId)!;
    out.corrections.push({ id: uuid(), contactId: contact.id, authorId: contact.authorId, note: pick(T.CORRECTIONS[person.row.language]), createdAt: at(contact.createdAt.getTime() + between(1.2, 6) * DAY) });
  }

  // ── Voice items through the loop ──
  function addVoiceItem(w: Walker & { activeFrom: Date; primary: string }, createdMs: number, plan: { share?: boolean; stall?: boolean } = {}): VoiceRow {
    const lang = w.row.language;
    const kind = pick(VOICE_KINDS);
    const row: VoiceRow = {
      id: uuid(), ...scope, personId: w.row.id, kind, words: pick(T.VOICE_WORDS[kind][lang]),
      context: chance(0.3) ? pick(T.VOICE_CONTEXT[lang]) : null, writtenTogether: chance(0.65),
      shareAgreed: false, status: 'open', dueAt: null, createdBy: w.primary, createdAt: new Date(createdMs), sharedAt: null,
      acknowledgedAt: null, acknowledgedBy: null, answeredAt: null, answeredBy: null, answer: null,
      returnedAt: null, returnedBy: null, reaction: null, withdrawnAt: null, withdrawnBy: null,
    };
    out.voiceItems.push(row);
    const share = w.canShare && (plan.share ?? chance(0.78));
    const sharedMs = chance(0.8) ? createdMs : createdMs + between(0.5, 3) * DAY;
    const withdrawMs = plan.stall === undefined && chance(0.06) ? createdMs + between(0.5, 20) * DAY : Infinity;
    const happened = (ms: number) => ms <= nowMs && ms < withdrawMs;
    if (share && happened(sharedMs)) {
      row.shareAgreed = true;
      row.sharedAt = new Date(sharedMs);
      row.dueAt = new Date(sharedMs + targetDays * DAY);
      // A few items get stuck (more of them recent ones): the overdue items a board has to show.
      const stall = plan.stall ?? chance(nowMs - sharedMs < 30 * DAY ? 0.15 : 0.015);
      const answerer = pickClinician();
      const answerMs = sharedMs + (0.8 + 10 * random() ** 1.4) * DAY;
      const direct = chance(0.2);
      const ackMs = direct ? answerMs : sharedMs + between(0.05, Math.min(3, (answerMs - sharedMs) / DAY)) * DAY;
      const returnMs = answerMs + between(0.3, 6) * DAY;
      if (happened(ackMs) && !(stall && direct)) {
        row.status = 'acknowledged';
        row.acknowledgedAt = new Date(ackMs);
        row.acknowledgedBy = direct ? answerer : pickClinician();
      }
      if (!stall && happened(answerMs)) {
        row.status = 'answered';
        row.answeredAt = new Date(answerMs);
        row.answeredBy = answerer;
        row.answer = pick(T.VOICE_ANSWERS[lang]);
        if (happened(returnMs) && chance(0.9)) {
          row.status = 'returned';
          row.returnedAt = new Date(returnMs);
          row.returnedBy = w.secondary && chance(0.2) ? w.secondary : w.primary;
          row.reaction = chance(0.65) ? pick(T.VOICE_REACTIONS[lang]) : null;
        }
      }
    }
    if (withdrawMs <= nowMs) {
      row.status = 'withdrawn';
      row.withdrawnAt = new Date(withdrawMs);
      row.withdrawnBy = w.primary;
    }
    return row;
  }
  for (const w of active) {
    const from = w.activeFrom.getTime() + DAY;
    const months = (nowMs - from) / (30 * DAY);
    for (let n = poisson(Math.max(0, months) * 0.9); n > 0; n--) addVoiceItem(w, between(from, nowMs - HOUR));
  }
  fillMonths(() => out.voiceItems.filter((v) => v.teamId === team.teamId).map((v) => ({ personId: v.personId, at: v.sharedAt })),
    (w, ms) => void addVoiceItem(w, ms, { share: true, stall: false }));
  if (team.isDemoTeam) {
    // The nurse's board must show items past the program's target: shared 9–20 days ago, still unanswered.
    const caseload = sharers.filter((w) => w.primary === team.demoPeerId);
    for (let n = 0; n < 3 && caseload.length; n++) addVoiceItem(caseload[n % caseload.length]!, nowMs - between(targetDays + 2, 20) * DAY, { share: true, stall: true });
    // …and a fresh one that is not yet due.
    if (caseload.length) addVoiceItem(caseload[0]!, nowMs - between(0.2, 2) * DAY, { share: true, stall: true });
  }

  // ── Weekly huddles with attendance and agenda ──
  const huddleDay = 2 + (teamIndex % 3);
  const managers = team.members.filter((m) => m.role === 'manager').map((m) => m.userId);
  const recorder = team.demoNurseId ?? clinicians[0]!;
  const teamVoice = out.voiceItems.filter((v) => v.teamId === team.teamId && v.sharedAt);
  const sharedPersons = new Set(sharers.map((w) => w.row.id));
  const teamConnections = out.connections.filter((c) => c.teamId === team.teamId && sharedPersons.has(c.personId));
  let previous = windowStart;
  for (let day = windowStart; day < nowMs; day += DAY) {
    if (new Date(day).getUTCDay() !== huddleDay) continue;
    const held = Math.floor(day / DAY) * DAY + (team.country === 'NO' ? 8.5 - utcOffset : 13 - utcOffset) * HOUR;
    if (held > nowMs - HOUR) break;
    const huddle: HuddleRow = { id: uuid(), ...scope, heldAt: new Date(held), decisions: chance(0.6) ? pick(T.HUDDLE_DECISIONS[team.country === 'NO' ? 'nb' : 'en']) : '', createdBy: recorder, createdAt: new Date(held + between(0.5, 3) * HOUR) };
    out.huddles.push(huddle);
    const present = new Set<string>([recorder]);
    for (const c of clinicians) if (chance(0.8)) present.add(c);
    for (const p of psps) if (chance(0.75)) present.add(p);
    for (const s of supervisors) if (chance(0.5)) present.add(s);
    for (const m of managers) if (chance(0.25)) present.add(m);
    for (const userId of present) out.attendees.push({ huddleId: huddle.id, userId, role: roleOf.get(userId)! });
    addAgenda(huddle.id, previous, held);
    previous = held;
  }
  addAgenda(null, previous, nowMs);

  function addAgenda(huddleId: string | null, fromMs: number, toMs: number) {
    const inWindow = (d: Date | null) => d !== null && d.getTime() > fromMs && d.getTime() <= toMs;
    const addedAt = (ms: number) => new Date(between(ms, toMs));
    const voice = teamVoice.filter((v) => inWindow(v.sharedAt) && (huddleId !== null || v.status === 'open' || v.status === 'acknowledged'));
    for (const v of shuffled(voice).slice(0, huddleId ? 2 : 3)) {
      out.huddleItems.push({ id: uuid(), teamId: team.teamId, huddleId, voiceItemId: v.id, connectionId: null, topic: null, addedBy: v.createdBy, addedAt: addedAt(v.sharedAt!.getTime()) });
    }
    const connections = teamConnections.filter((c) => inWindow(c.createdAt) && (huddleId !== null || c.status === 'proposed'));
    for (const c of shuffled(connections).slice(0, 1)) {
      out.huddleItems.push({ id: uuid(), teamId: team.teamId, huddleId, voiceItemId: null, connectionId: c.id, topic: null, addedBy: c.createdBy, addedAt: addedAt(c.createdAt.getTime()) });
    }
    if (huddleId === null || chance(0.3)) {
      const lang: Lang = team.country === 'NO' ? 'nb' : 'en';
      out.huddleItems.push({ id: uuid(), teamId: team.teamId, huddleId, voiceItemId: null, connectionId: null, topic: pick(T.HUDDLE_TOPICS[lang]), addedBy: pick(psps), addedAt: addedAt(fromMs) });
    }
  }
}
