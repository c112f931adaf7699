import { CLINICIAN_ROLES, PEER_ROLES } from '@alongside/contracts/vocabulary';
import type { RoleView } from '../features/session/session.ts';

/**
 * The navigation, in one place. Each item says who sees it; the shell renders
 * the sections in order and leaves out items (and empty sections) a user cannot use.
 */
export type NavLabelKey =
  | 'nav.home'
  | 'nav.profile'
  | 'nav.organizations'
  | 'nav.programs'
  | 'nav.teams'
  | 'nav.users'
  | 'nav.invitations'
  | 'nav.outbox'
  | 'nav.audit'
  | 'nav.people'
  | 'nav.psps'
  | 'nav.board'
  | 'nav.huddles'
  | 'nav.program'
  | 'nav.campaigns'
  | 'nav.instrumentLibrary'
  | 'nav.wellbeing'
  | 'studies.nav';

export interface NavItem {
  id: string;
  to: string;
  labelKey: NavLabelKey;
  /** Active only on this exact path (for "/"), otherwise also on sub-paths. */
  end?: boolean;
  /** Left out of the phone's bottom bar when it would hold more than it fits (still in the menu). */
  menuOnlyWhenCrowded?: boolean;
  isVisible: (roles: RoleView) => boolean;
}

export interface NavSection {
  id: 'main' | 'work' | 'admin';
  /** Sections without a label are shown first, without a heading. */
  labelKey?: 'nav.yourWork' | 'nav.administration';
  items: NavItem[];
}

const everyone = () => true;
const administrators = (r: RoleView) => r.canAdminister;

const peerStaff = (r: RoleView) => r.hasRole(...PEER_ROLES);
const clinicians = (r: RoleView) => r.hasRole(...CLINICIAN_ROLES);
const careTeam = (r: RoleView) => peerStaff(r) || clinicians(r);
const programReaders = (r: RoleView) => r.hasRole('manager', 'researcher');
const managers = (r: RoleView) => r.hasRole('manager');
const researchers = (r: RoleView) => r.hasRole('researcher');
const peerSupervisors = (r: RoleView) => r.hasRole('peer_supervisor');

/**
 * Role home pages, one per kind of work (UX.md "First screen per role"), each with its own
 * visibility rule. Researchers have three: their campaigns, their case studies, and the shared instrument library.
 */
export const ROLE_HOME_ITEMS: NavItem[] = [
  { id: 'psps', to: '/psps', labelKey: 'nav.psps', isVisible: peerSupervisors },
  { id: 'people', to: '/people', labelKey: 'nav.people', isVisible: peerStaff },
  { id: 'board', to: '/board', labelKey: 'nav.board', isVisible: careTeam },
  { id: 'huddles', to: '/huddles', labelKey: 'nav.huddles', isVisible: careTeam, menuOnlyWhenCrowded: true },
  { id: 'campaigns', to: '/campaigns', labelKey: 'nav.campaigns', isVisible: researchers },
  // Case studies: researchers start and lead them. A member without the researcher role reaches /studies by a link.
  { id: 'studies', to: '/studies', labelKey: 'studies.nav', isVisible: researchers, menuOnlyWhenCrowded: true },
  { id: 'program', to: '/program', labelKey: 'nav.program', isVisible: programReaders },
  {
    id: 'instruments',
    to: '/instruments',
    labelKey: 'nav.instrumentLibrary',
    isVisible: researchers,
    menuOnlyWhenCrowded: true,
  },
  { id: 'wellbeing', to: '/wellbeing', labelKey: 'nav.wellbeing', isVisible: peerStaff },
];

/** A phone's bottom bar fits four labels in the longest language (Norwegian) at 360 px. */
export const BOTTOM_BAR_MAX = 4;

/** The role pages in the phone's bottom bar: all of them, or when they do not fit, the ones that matter most. */
export function bottomBarItems(roles: RoleView): NavItem[] {
  const visible = ROLE_HOME_ITEMS.filter((i) => i.isVisible(roles));
  if (visible.length <= BOTTOM_BAR_MAX) return visible;
  return visible.filter((i) => !i.menuOnlyWhenCrowded).slice(0, BOTTOM_BAR_MAX);
}

/**
 * Where "/" sends a signed-in user: peer supervisors to their PSPs (they are peer staff too, but
 * supporting PSPs is their first job), other peer staff to their caseload, clinicians to the team
 * board, managers to the program page, researchers to their campaigns; anyone else (administrators,
 * people without a team role yet) stays on the home page (undefined). A manager who is also a
 * researcher lands on the program page: running the program is the everyday work, a campaign comes
 * and goes, and Campaigns is one link away.
 */
export function homePathFor(roles: RoleView): string | undefined {
  if (peerSupervisors(roles)) return '/psps';
  if (peerStaff(roles)) return '/people';
  if (clinicians(roles)) return '/board';
  if (managers(roles)) return '/program';
  if (researchers(roles)) return '/campaigns';
  return undefined;
}

export const NAV_SECTIONS: NavSection[] = [
  {
    id: 'main',
    items: [
      {
        id: 'home',
        to: '/',
        labelKey: 'nav.home',
        end: true,
        isVisible: everyone,
      },
      {
        id: 'profile',
        to: '/profile',
        labelKey: 'nav.profile',
        isVisible: everyone,
      },
    ],
  },
  { id: 'work', labelKey: 'nav.yourWork', items: ROLE_HOME_ITEMS },
  {
    id: 'admin',
    labelKey: 'nav.administration',
    items: [
      {
        id: 'organizations',
        to: '/admin/organizations',
        labelKey: 'nav.organizations',
        isVisible: administrators,
      },
      {
        id: 'programs',
        to: '/admin/programs',
        labelKey: 'nav.programs',
        isVisible: administrators,
      },
      {
        id: 'teams',
        to: '/admin/teams',
        labelKey: 'nav.teams',
        isVisible: administrators,
      },
      {
        id: 'users',
        to: '/admin/users',
        labelKey: 'nav.users',
        isVisible: administrators,
      },
      {
        id: 'invitations',
        to: '/admin/invitations',
        labelKey: 'nav.invitations',
        isVisible: administrators,
      },
      {
        id: 'outbox',
        to: '/admin/outbox',
        labelKey: 'nav.outbox',
        isVisible: administrators,
      },
      {
        id: 'audit',
        to: '/admin/audit',
        labelKey: 'nav.audit',
        isVisible: administrators,
      },
    ],
  },
];

/** The sections (with only the visible items) for this user. */
export function visibleNav(roles: RoleView): NavSection[] {
  return NAV_SECTIONS.map((s) => ({
    ...s,
    items: s.items.filter((i) => i.isVisible(roles)),
  })).filter((s) => s.items.length > 0);
}

export function isActive(item: NavItem, pathname: string): boolean {
  if (item.end) return pathname === item.to;
  return pathname === item.to || pathname.startsWith(`${item.to}/`);
}
