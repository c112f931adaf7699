import type { Db } from '@alongside/db';
import type { AuditEvent, AuditQuery } from '@alongside/contracts';
import { adminOrganizationIds, memberOrganizationIds, type Actor } from '../../lib/actor.ts';
import { writeListAudit } from '../../lib/audit.ts';
import { forbidden, notFound } from '../../lib/errors.ts';
import * as policy from './audit.policy.ts';
import * as repo from './audit.repo.ts';

const CSV_COLUMNS = ['id', 'at', 'actorUserId', 'actorName', 'actorRole', 'action', 'entityType', 'entityId', 'organizationId', 'ip', 'requestId', 'purpose', 'ids'] as const;

/** Quotes a CSV cell and defuses spreadsheet formulas (a cell starting with = + - @ runs in Excel). */
function csvCell(value: string | string[] | null): string {
  if (value === null) return '';
  if (Array.isArray(value)) return csvCell(value.join(' '));
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Reading the append-only audit log. */
export function createAuditService({ db }: { db: Db }) {
  function scopeFor(actor: Actor, organizationId: string | undefined): string[] | 'all' {
    if (organizationId) {
      if (policy.canReadAuditLog(actor, organizationId)) return [organizationId];
      if (memberOrganizationIds(actor).includes(organizationId)) throw forbidden('Only organization administrators can read the audit log.');
      throw notFound('Organization');
    }
    if (actor.isPlatformAdmin) return 'all';
    const ids = adminOrganizationIds(actor);
    if (ids.length === 0) throw forbidden('Only organization administrators can read the audit log.');
    return ids;
  }

  async function list(actor: Actor, query: AuditQuery, format: 'json' | 'csv'): Promise<AuditEvent[]> {
    const scope = scopeFor(actor, query.organizationId);
    const rows = await repo.findAuditEvents(db, scope, query);
    // Looking at the log is itself an access worth recording: in each organization's log whose entries were read.
    await writeListAudit(
      db,
      actor,
      {
        action: format === 'csv' ? 'audit.export' : 'audit.read',
        entityType: 'audit_log',
        purpose: 'oversight',
        details: { filters: { ...query, limit: undefined } },
        emptyOrganizationId: scope === 'all' ? null : scope[0],
      },
      rows.flatMap((r) => (r.organizationId ? [{ id: r.id.toString(), organizationId: r.organizationId }] : [])),
    );
    return rows.map((r) => ({ ...r, id: r.id.toString(), at: r.at.toISOString() }));
  }

  return {
    list: (actor: Actor, query: AuditQuery) => list(actor, query, 'json'),

    async exportCsv(actor: Actor, query: AuditQuery): Promise<string> {
      const events = await list(actor, query, 'csv');
      const lines = [CSV_COLUMNS.join(',')];
      for (const e of events) lines.push(CSV_COLUMNS.map((c) => csvCell(e[c])).join(','));
      return `${lines.join('\r\n')}\r\n`;
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
