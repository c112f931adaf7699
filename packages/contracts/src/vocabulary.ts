import { z } from 'zod';

/** Languages the whole product is written in. */
export const LANGUAGES = ['en', 'fr', 'nb'] as const;
export const LanguageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof LanguageSchema>;

export const COUNTRY_CODES = ['CA', 'NO'] as const;
export const CountryCodeSchema = z.enum(COUNTRY_CODES);
export type CountryCode = z.infer<typeof CountryCodeSchema>;

/** Where a program works (PRODUCT.md vocabulary). */
export const PROGRAM_SETTINGS = [
  'inpatient',
  'outpatient',
  'emergency',
  'community_team',
  'assertive_community_treatment',
  'addictions',
  'youth',
  'primary_care',
] as const;
export const ProgramSettingSchema = z.enum(PROGRAM_SETTINGS);
export type ProgramSetting = z.infer<typeof ProgramSettingSchema>;

/** Roles a user can hold. `org_admin` is held for a whole organization; all others in one team. */
export const TEAM_ROLES = [
  'peer_support_worker',
  'peer_supervisor',
  'nurse',
  'psychiatrist',
  'psychologist',
  'occupational_therapist',
  'social_worker',
  'manager',
  'researcher',
] as const;
export const ROLES = [...TEAM_ROLES, 'org_admin'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;
export const TeamRoleSchema = z.enum(TEAM_ROLES);
export type TeamRole = z.infer<typeof TeamRoleSchema>;

export const CLINICIAN_ROLES = [
  'nurse',
  'psychiatrist',
  'psychologist',
  'occupational_therapist',
  'social_worker',
] as const satisfies readonly TeamRole[];
export const PEER_ROLES = ['peer_support_worker', 'peer_supervisor'] as const satisfies readonly TeamRole[];
/** Peer support workers: the PSPs whom per-PSP figures (headcount, attendance, workload) count. */
export const PSP_ROLE = 'peer_support_worker' satisfies TeamRole;
/** Organization administrators: the one role held for a whole organization rather than in a team. */
export const ORG_ADMIN_ROLE = 'org_admin' satisfies Role;
/** Managers: a program's aggregates (indicators, sustainability, team workload and wellbeing) are for them. */
export const MANAGER_ROLE = 'manager' satisfies TeamRole;
/** Peer supervisors: a PSP's wellbeing trend may be shared with them; they supervise the team's PSPs. */
export const PEER_SUPERVISOR_ROLE = 'peer_supervisor' satisfies TeamRole;

/** Researchers: the instrument library and the campaigns they run (aggregates of at least the campaign's k only). */
export const RESEARCHER_ROLE = 'researcher' satisfies TeamRole;

export const EMPLOYER_TYPES = ['host', 'partner_ngo'] as const;
export const SUPERVISION_MODELS = ['peer', 'clinical', 'both', 'none'] as const;
export const ROLLOUT_PHASES = ['planning', 'pilot', 'partial', 'full'] as const;
