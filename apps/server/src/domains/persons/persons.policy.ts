import type { CareTier } from '../../lib/care-access.ts';

/** Peer staff add people to a caseload; clinicians bring a person in by referring them to peer support. */
export const canCreatePerson = (tier: CareTier): boolean => tier === 'peer';

/** A person's details and PSPs are kept by the team's peer staff. */
export const canEditPerson = (tier: CareTier): boolean => tier === 'peer';

/** Consent is recorded with the person by peer staff; its history is theirs to read. */
export const canRecordConsent = (tier: CareTier): boolean => tier === 'peer';
