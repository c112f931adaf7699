import { CLINICIAN_ROLES, PEER_SUPERVISOR_ROLE } from '@alongside/contracts';

/** Supervision notes belong to the PSP and that supervisor: nobody else reads them, not managers, not other supervisors. */
export const canSeeSupervisionSession = (actorId: string, session: { pspId: string; supervisorId: string }): boolean =>
  actorId === session.pspId || actorId === session.supervisorId;

/** A session is recorded by one of the two people in it. */
export const canRecordSupervisionSession = canSeeSupervisionSession;

/** Roles that may supervise a PSP of their team: peer supervisors (peer supervision) and clinicians (clinical). */
export const SUPERVISOR_ROLES = [PEER_SUPERVISOR_ROLE, ...CLINICIAN_ROLES] as const;
