import type { ConnectionStatus } from '@alongside/contracts';
import type { CareTier } from '../../lib/care-access.ts';

/** The next statuses a connection may take. */
export const NEXT_STATUSES: Record<ConnectionStatus, readonly ConnectionStatus[]> = {
  proposed: ['accepted', 'declined'],
  accepted: ['met', 'did_not_attend', 'declined'],
  met: ['completed'],
  completed: [],
  declined: [],
  did_not_attend: [],
};

export const CLOSING_STATUSES: readonly ConnectionStatus[] = ['completed', 'declined', 'did_not_attend'];

/** Peer staff connect a person onward; clinicians refer a person to peer support. */
export const canCreateConnection = (tier: CareTier, direction: 'from_peer_support' | 'to_peer_support'): boolean =>
  direction === 'from_peer_support' ? tier === 'peer' : tier === 'clinician';

/**
 * Who answers a connection: a referral to peer support is accepted by the team's peer staff; a hand-off to
 * a clinician by that clinician (or another clinician of the team); a service connection is tracked by peer staff.
 * Later steps are recorded by peer staff or the clinician the person was connected to.
 */
export function canMoveConnection(
  tier: CareTier,
  actorId: string,
  connection: { direction: string; targetUserId: string | null; status: ConnectionStatus },
): boolean {
  if (connection.direction === 'to_peer_support' || connection.targetUserId === null) return tier === 'peer';
  const isTarget = actorId === connection.targetUserId;
  if (connection.status === 'proposed') return tier === 'clinician' || isTarget;
  return tier === 'peer' || isTarget;
}
