import { eq } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { hashPassword } from '../passwords.ts';
import * as s from '../schema.ts';
import { ACTIVITY_TABLES, seedDemoActivity, type ActivityTeam } from './demo-activity.ts';
import { ensureShippedInstruments, RESEARCH_TABLES, seedDemoResearch } from './demo-research.ts';
import { seedDemoSupport, setMembershipSince, SUPPORT_TABLES } from './demo-support.ts';
import { ALONGSIDE_CHECK_IN } from './wellbeing-instrument.ts';
import { CANADIAN_FIRST, CANADIAN_LAST, NORWEGIAN_FIRST, NORWEGIAN_LAST } from './names.ts';

export const DEMO_PASSWORD = 'alongside-demo';
const DEMO_SETTING = 'demo_logins';

export interface DemoLogin {
  email: string;
  password: string;
  roles: string[];
  name: string;
}

type Setting =
  | 'inpatient'
  | 'outpatient'
  | 'emergency'
  | 'community_team'
  | 'assertive_community_treatment'
  | 'addictions'
  | 'youth'
  | 'primary_care';

interface ProgramPlan {
  name: string;
  setting: Setting;
  teams: string[];
  profile: Partial<typeof s.programs.$inferInsert>;
}

interface OrgPlan {
  name: string;
  country: 'CA' | 'NO';
  domain: string;
  programs: ProgramPlan[];
}

const PLAN: OrgPlan[] = [
  {
    name: 'Lakeshore Regional Health',
    country: 'CA',
    domain: 'lakeshore.example',
    programs: [
      {
        name: 'Acute Inpatient Psychiatry',
        setting: 'inpatient',
        teams: ['Unit 4B', 'Unit 5A'],
        profile: { pspFte: 3, employerType: 'host', supervisionModel: 'both', championPresent: true, rolloutPhase: 'full', strategicPlanPriority: true, jobDescriptionAgreed: true, clinicianOrientationDone: true, peerNetworkAccess: true, improvementCycle: true },
      },
      {
        name: 'Emergency Mental Health',
        setting: 'emergency',
        teams: ['Crisis Assessment'],
        profile: { pspFte: 1.5, employerType: 'partner_ngo', supervisionModel: 'peer', championPresent: true, rolloutPhase: 'pilot', strategicPlanPriority: false, jobDescriptionAgreed: true, clinicianOrientationDone: false, peerNetworkAccess: true, improvementCycle: false },
      },
      {
        name: 'Assertive Community Treatment East',
        setting: 'assertive_community_treatment',
        teams: ['ACT East'],
        profile: { pspFte: 2, employerType: 'host', supervisionModel: 'clinical', championPresent: false, rolloutPhase: 'full', strategicPlanPriority: true, jobDescriptionAgreed: true, clinicianOrientationDone: true, peerNetworkAccess: false, improvementCycle: true },
      },
      {
        name: 'Youth Wellness Hub',
        setting: 'youth',
        teams: ['Youth Hub'],
        profile: { pspFte: 2, employerType: 'partner_ngo', supervisionModel: 'both', championPresent: true, rolloutPhase: 'partial', strategicPlanPriority: true, jobDescriptionAgreed: false, clinicianOrientationDone: true, peerNetworkAccess: true, improvementCycle: false },
      },
    ],
  },
  {
    name: 'Prairie Valley Mental Health Services',
    country: 'CA',
    domain: 'prairievalley.example',
    programs: [
      {
        name: 'Addictions Recovery Program',
        setting: 'addictions',
        teams: ['Recovery Outpatient'],
        profile: { pspFte: 2.5, employerType: 'host', supervisionModel: 'peer', championPresent: true, rolloutPhase: 'full', strategicPlanPriority: true, jobDescriptionAgreed: true, clinicianOrientationDone: true, peerNetworkAccess: true, improvementCycle: true },
      },
      {
        name: 'Community Mental Health Team',
        setting: 'community_team',
        teams: ['North Community Team'],
        profile: { pspFte: 1, employerType: 'partner_ngo', supervisionModel: 'clinical', championPresent: false, rolloutPhase: 'pilot', strategicPlanPriority: false, jobDescriptionAgreed: false, clinicianOrientationDone: false, peerNetworkAccess: false, improvementCycle: false },
      },
      {
        name: 'Family Health Team Mental Health',
        setting: 'primary_care',
        teams: ['Family Health Team'],
        profile: { pspFte: 0.8, employerType: 'host', supervisionModel: 'clinical', championPresent: true, rolloutPhase: 'planning', strategicPlanPriority: false, jobDescriptionAgreed: true, clinicianOrientationDone: false, peerNetworkAccess: true, improvementCycle: false },
      },
    ],
  },
  {
    name: 'Helse Nordfjell HF',
    country: 'NO',
    domain: 'nordfjell.example',
    programs: [
      {
        name: 'Akuttpsykiatrisk døgnenhet',
        setting: 'inpatient',
        teams: ['Akuttpost 1'],
        profile: { pspFte: 2, employerType: 'host', supervisionModel: 'both', championPresent: true, rolloutPhase: 'full', strategicPlanPriority: true, jobDescriptionAgreed: true, clinicianOrientationDone: true, peerNetworkAccess: true, improvementCycle: true },
      },
      {
        name: 'DPS Poliklinikk',
        setting: 'outpatient',
        teams: ['Poliklinikk voksne'],
        profile: { pspFte: 1, employerType: 'host', supervisionModel: 'peer', championPresent: false, rolloutPhase: 'partial', strategicPlanPriority: true, jobDescriptionAgreed: true, clinicianOrientationDone: false, peerNetworkAccess: true, improvementCycle: false },
      },
      {
        name: 'FACT-team Nordfjell',
        setting: 'assertive_community_treatment',
        teams: ['FACT Nord', 'FACT Sør'],
        profile: { pspFte: 3, employerType: 'partner_ngo', supervisionModel: 'both', championPresent: true, rolloutPhase: 'full', strategicPlanPriority: true, jobDescriptionAgreed: true, clinicianOrientationDone: true, peerNetworkAccess: true, improvementCycle: true },
      },
      {
        name: 'Rus og avhengighet',
        setting: 'addictions',
        teams: ['Rusteam'],
        profile: { pspFte: 1.5, employerType: 'host', supervisionModel: 'clinical', championPresent: true, rolloutPhase: 'pilot', strategicPlanPriority: false, jobDescriptionAgreed: false, clinicianOrientationDone: true, peerNetworkAccess: false, improvementCycle: true },
      },
    ],
  },
];

const CLINICAL_ROLES = ['nurse', 'nurse', 'nurse', 'psychiatrist', 'psychologist', 'occupational_therapist', 'social_worker', 'nurse', 'social_worker', 'psychologist'] as const;

/** Fixed demo accounts, one per role, in the first team (and one Norwegian PSP). */
const DEMO_ACCOUNTS = [
  { email: 'admin@alongside.example', name: 'Alex Moreau', role: 'platform_admin' },
  { email: 'orgadmin@alongside.example', name: 'Dana Whitfield', role: 'org_admin' },
  { email: 'peer@alongside.example', name: 'Jordan Blackbird', role: 'peer_support_worker' },
  { email: 'supervisor@alongside.example', name: 'Renée Lafleur', role: 'peer_supervisor' },
  { email: 'nurse@alongside.example', name: 'Sam Okonkwo', role: 'nurse' },
  { email: 'psychiatrist@alongside.example', name: 'Dr. Harpreet Dhillon', role: 'psychiatrist' },
  { email: 'psychologist@alongside.example', name: 'Dr. Claire Bélanger', role: 'psychologist' },
  { email: 'ot@alongside.example', name: 'Kenji Watanabe', role: 'occupational_therapist' },
  { email: 'socialworker@alongside.example', name: 'Maria Santos', role: 'social_worker' },
  { email: 'manager@alongside.example', name: 'Patrick Doyle', role: 'manager' },
  { email: 'researcher@alongside.example', name: 'Dr. Ayesha Rahman', role: 'researcher' },
  { email: 'erfaring@alongside.example', name: 'Tone Bakke', role: 'peer_support_worker' },
] as const;

/** A small deterministic generator so every demo install looks the same. */
function rng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** The demo logins, when this database holds demo data. */
export async function findDemoLogins(database: Database): Promise<DemoLogin[] | undefined> {
  const [row] = await database.db.select().from(s.appSettings).where(eq(s.appSettings.key, DEMO_SETTING));
  return row ? (row.value as DemoLogin[]) : undefined;
}

/**
 * Fills an empty database with demo organizations, programs, teams and people, six months of
 * their practice (persons, contacts, voice items, connections, huddles) ending at `now`, and of the
 * PSPs' own support (check-ins, pulses, supervision, step-aways with coverage), and a survey campaign across all
 * programs (a finished baseline, a follow-up in progress).
 * Idempotent: when demo data is already there it only returns the logins.
 */
export async function seedDemo(
  database: Database,
  onProgress?: (done: number, total: number) => void,
  options: { now?: Date } = {},
): Promise<DemoLogin[]> {
  const existing = await findDemoLogins(database);
  if (existing) return existing;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const random = rng(2019);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const usedEmails = new Set<string>();
  const totalTeams = PLAN.flatMap((o) => o.programs.flatMap((p) => p.teams)).length;
  // Progress: each team's structure, then each team's activity, then each bulk-inserted table.
  const totalSteps = totalTeams * 2 + ACTIVITY_TABLES + SUPPORT_TABLES + RESEARCH_TABLES;
  const now = options.now ?? new Date();
  let stepsDone = 0;
  const step = () => onProgress?.(++stepsDone, totalSteps);
  const activityTeams: ActivityTeam[] = [];

  return database.db.transaction(async (tx) => {
    await tx.insert(s.countries).values([
      { code: 'CA', name: 'Canada' },
      { code: 'NO', name: 'Norway' },
    ]).onConflictDoNothing();

    const logins = new Map<string, DemoLogin>();
    const demoUserIds = new Map<string, string>();
    for (const account of DEMO_ACCOUNTS) {
      const [user] = await tx
        .insert(s.users)
        .values({
          email: account.email,
          name: account.name,
          passwordHash,
          isPlatformAdmin: account.role === 'platform_admin',
          language: account.email.startsWith('erfaring') ? 'nb' : 'en',
        })
        .returning({ id: s.users.id });
      demoUserIds.set(account.email, user!.id);
      usedEmails.add(account.email);
      logins.set(account.email, { email: account.email, password: DEMO_PASSWORD, roles: [], name: account.name });
    }

    const makeUser = async (org: OrgPlan) => {
      const norwegian = org.country === 'NO';
      const first = pick(norwegian ? NORWEGIAN_FIRST : CANADIAN_FIRST);
      const last = pick(norwegian ? NORWEGIAN_LAST : CANADIAN_LAST);
      const base = `${first}.${last}`
        .toLowerCase()
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/ø/g, 'o')
        .replace(/æ/g, 'ae')
        .replace(/å/g, 'a')
        .replace(/[^a-z.-]/g, '');
      let email = `${base}@${org.domain}`;
      for (let n = 2; usedEmails.has(email); n++) email = `${base}${n}@${org.domain}`;
      usedEmails.add(email);
      const [user] = await tx
        .insert(s.users)
        .values({ email, name: `${first} ${last}`, passwordHash, language: norwegian ? 'nb' : first.includes('é') || first.includes('ç') ? 'fr' : 'en' })
        .returning({ id: s.users.id });
      return user!.id;
    };

    const memberships: (typeof s.memberships.$inferInsert)[] = [];
    for (const [orgIndex, org] of PLAN.entries()) {
      const [organization] = await tx
        .insert(s.organizations)
        .values({ name: org.name, countryCode: org.country })
        .returning({ id: s.organizations.id });
      const organizationId = organization!.id;
      const orgAdminId = orgIndex === 0 ? demoUserIds.get('orgadmin@alongside.example')! : await makeUser(org);
      memberships.push({ userId: orgAdminId, organizationId, role: 'org_admin' });

      for (const [programIndex, plan] of org.programs.entries()) {
        const [program] = await tx
          .insert(s.programs)
          .values({ ...plan.profile, organizationId, name: plan.name, setting: plan.setting })
          .returning({ id: s.programs.id });
        const isDemoProgram = orgIndex === 0 && programIndex === 0;
        const isNorwegianDemo = org.country === 'NO' && programIndex === 0;
        const managerId = isDemoProgram ? demoUserIds.get('manager@alongside.example')! : await makeUser(org);
        const researcherId = isDemoProgram ? demoUserIds.get('researcher@alongside.example')! : await makeUser(org);

        for (const [teamIndex, teamName] of plan.teams.entries()) {
          const [team] = await tx
            .insert(s.teams)
            .values({ programId: program!.id, organizationId, name: teamName })
            .returning({ id: s.teams.id });
          const teamId = team!.id;
          const add = (userId: string, role: string) => memberships.push({ userId, organizationId, teamId, role });
          const isDemoTeam = isDemoProgram && teamIndex === 0;
          add(managerId, 'manager');
          if (teamIndex === 0) add(researcherId, 'researcher');

          // The demo program shows both sides of the k rule (k = 5): the demo team's peer staff are enough for team
          // wellbeing aggregates, its sister team's are too few.
          const drawn = 2 + Math.floor(random() * 3);
          const pspCount = isDemoTeam ? 5 : isDemoProgram ? 2 : drawn;
          for (let i = 0; i < pspCount; i++) {
            let userId: string;
            if (isDemoTeam && i === 0) userId = demoUserIds.get('peer@alongside.example')!;
            else if (isNorwegianDemo && teamIndex === 0 && i === 0) userId = demoUserIds.get('erfaring@alongside.example')!;
            else userId = await makeUser(org);
            add(userId, 'peer_support_worker');
          }
          add(isDemoTeam ? demoUserIds.get('supervisor@alongside.example')! : await makeUser(org), 'peer_supervisor');

          const clinicianCount = 5 + Math.floor(random() * 6);
          const demoClinicians: Record<string, string> = {
            nurse: 'nurse@alongside.example',
            psychiatrist: 'psychiatrist@alongside.example',
            psychologist: 'psychologist@alongside.example',
            occupational_therapist: 'ot@alongside.example',
            social_worker: 'socialworker@alongside.example',
          };
          const roles: string[] = isDemoTeam
            ? ['nurse', 'psychiatrist', 'psychologist', 'occupational_therapist', 'social_worker', ...CLINICAL_ROLES.slice(0, clinicianCount - 5)]
            : CLINICAL_ROLES.slice(0, clinicianCount);
          const demoUsed = new Set<string>();
          for (const role of roles) {
            const demoEmail = isDemoTeam && !demoUsed.has(role) ? demoClinicians[role] : undefined;
            if (demoEmail) demoUsed.add(role);
            add(demoEmail ? demoUserIds.get(demoEmail)! : await makeUser(org), role);
          }
          activityTeams.push({
            teamId,
            programId: program!.id,
            organizationId,
            country: org.country,
            setting: plan.setting,
            isDemoTeam,
            members: [],
            ...(isDemoTeam ? { demoPeerId: demoUserIds.get('peer@alongside.example')!, demoNurseId: demoUserIds.get('nurse@alongside.example')! } : {}),
          });
          step();
        }
      }
    }
    setMembershipSince(memberships, now, new Map([
      [demoUserIds.get('peer@alongside.example')!, 850],
      [demoUserIds.get('supervisor@alongside.example')!, 1500],
      [demoUserIds.get('erfaring@alongside.example')!, 600],
    ]));
    await tx.insert(s.memberships).values(memberships);
    for (const team of activityTeams) {
      team.members = memberships.filter((m) => m.teamId === team.teamId).map((m) => ({ userId: m.userId, role: m.role }));
    }
    await seedDemoActivity(tx, activityTeams, { now, onTeam: step, onTable: step });
    await seedDemoSupport(tx, activityTeams, {
      now,
      demoPeerId: demoUserIds.get('peer@alongside.example')!,
      demoSupervisorId: demoUserIds.get('supervisor@alongside.example')!,
      demoClinicianId: demoUserIds.get('psychologist@alongside.example')!,
      onTable: step,
    });
    await seedDemoResearch(tx, { now, researcherId: demoUserIds.get('researcher@alongside.example')!, onTable: step });

    for (const account of DEMO_ACCOUNTS) {
      const id = demoUserIds.get(account.email)!;
      const roles = [...new Set(memberships.filter((m) => m.userId === id).map((m) => m.role))];
      const login = logins.get(account.email)!;
      login.roles = account.role === 'platform_admin' ? ['platform_admin'] : roles;
    }
    const result = [...logins.values()];
    await tx.insert(s.appSettings).values({ key: DEMO_SETTING, value: result });
    await tx.insert(s.auditEvents).values({ action: 'seed.demo', entityType: 'installation', purpose: 'demo data' });
    return result;
  });
}

/** Countries and Alongside's own check-in instrument are reference data every installation needs, demo or not. */
export async function seedReferenceData(database: Database): Promise<void> {
  await database.db
    .insert(s.countries)
    .values([
      { code: 'CA', name: 'Canada' },
      { code: 'NO', name: 'Norway' },
    ])
    .onConflictDoNothing();
  // The unique index on (organization, key, version) makes this a no-op once the version is there.
  const { key, version, name, licenceStatus, attribution, definition } = ALONGSIDE_CHECK_IN;
  await database.db.insert(s.wellbeingInstruments).values({ key, version, name, licenceStatus, attribution, definition }).onConflictDoNothing();
  await database.db.transaction((tx) => ensureShippedInstruments(tx));
}
