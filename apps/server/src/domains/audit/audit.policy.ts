import type { Actor } from '../../lib/actor.ts';
import { isOrgAdmin } from '../../lib/actor.ts';

/** The audit log of an organization is read by its administrators (custodian duty under PHIPA). */
export const canReadAuditLog = (actor: Actor, organizationId: string): boolean => isOrgAdmin(actor, organizationId);
