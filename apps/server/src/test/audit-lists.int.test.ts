import { beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { schema } from '@alongside/db';
import type { AuditEvent, Person } from '@alongside/contracts';
import {
  addPerson,
  addVoiceItem,
  createPracticeContext,
  createPracticeWorld,
  logContact,
  read,
  type PracticeContext,
  type PracticeWorld,
} from './practice-world.ts';

// Defect 7 of issue 8: a list read spanning two organizations was filed under the first row's organization only,
// with no ids. Each organization must find its part of the read in its own audit viewer, with the ids it returned.
let ctx: PracticeContext;
let pw: PracticeWorld;
let here: Person;
let there: Person;

beforeAll(async () => {
  ctx = await createPracticeContext();
  pw = await createPracticeWorld(ctx);
  // The PSP also works for the other organization, in its team A.
  await ctx.db.insert(schema.memberships).values({
    userId: pw.ids.psp,
    organizationId: pw.other.organizationId,
    teamId: pw.other.teamA,
    role: 'peer_support_worker',
  });
  await pw.signInAgain();
  here = await addPerson(pw);
  there = await addPerson(pw, { teamId: pw.other.teamA });
  for (const person of [here, there]) {
    await logContact(pw, person.id);
    await addVoiceItem(pw, person.id, { shareAgreed: true });
  }
});

/** The entries of the PSP's latest list read of `action`, by organization. */
async function lastListRead(action: AuditEvent['action']) {
  const [latest] = await ctx.db
    .select()
    .from(schema.auditEvents)
    .where(and(eq(schema.auditEvents.actorUserId, pw.ids.psp), eq(schema.auditEvents.action, action)))
    .orderBy(desc(schema.auditEvents.id))
    .limit(1);
  const entries = await ctx.db
    .select()
    .from(schema.auditEvents)
    .where(and(eq(schema.auditEvents.requestId, latest!.requestId!), eq(schema.auditEvents.action, action)));
  return new Map(entries.map((e) => [e.organizationId, (e.details as { ids: string[] }).ids]));
}

describe('list reads in the audit log', () => {
  it('write one entry per organization, each with the ids it returned there', async () => {
    const persons = await read<Person[]>(pw, 'psp', '/api/persons');
    expect(persons.map((p) => p.id)).toEqual(expect.arrayContaining([here.id, there.id]));
    const byOrganization = await lastListRead('person.list');
    expect(byOrganization.size).toBe(2);
    expect(byOrganization.get(pw.organizationId)).toContain(here.id);
    expect(byOrganization.get(pw.organizationId)).not.toContain(there.id);
    expect(byOrganization.get(pw.other.organizationId)).toEqual([there.id]);

    const contacts = await read<{ id: string; personId: string }[]>(pw, 'psp', '/api/contacts');
    const contactsThere = contacts.filter((c) => c.personId === there.id).map((c) => c.id);
    expect((await lastListRead('contact.list')).get(pw.other.organizationId)).toEqual(contactsThere);

    const items = await read<{ id: string; personId: string }[]>(pw, 'psp', '/api/voice-items');
    const itemsThere = items.filter((c) => c.personId === there.id).map((c) => c.id);
    expect((await lastListRead('voice_item.list')).get(pw.other.organizationId)).toEqual(itemsThere);
  });

  it('each organization’s audit viewer shows its part with the ids, as JSON and CSV; never the other’s ids', async () => {
    await read<Person[]>(pw, 'psp', '/api/persons');
    const query = `/api/audit-events?action=person.list&actor=${pw.ids.psp}&limit=1`;
    const [otherView] = await read<AuditEvent[]>(pw, 'otherOrgAdmin', query);
    expect(otherView).toMatchObject({ organizationId: pw.other.organizationId, ids: [there.id] });
    const [ownView] = await read<AuditEvent[]>(pw, 'orgAdmin', query);
    expect(ownView!.organizationId).toBe(pw.organizationId);
    expect(ownView!.ids).toContain(here.id);
    expect(ownView!.ids).not.toContain(there.id);

    const csv = await pw.as.otherOrgAdmin.request({
      method: 'GET',
      url: query.replace('/api/audit-events', '/api/audit-events.csv'),
    });
    expect(csv.statusCode).toBe(200);
    const [header, row] = csv.body.trimEnd().split('\r\n');
    expect(header!.split(',').at(-1)).toBe('ids');
    expect(row!.split(',').at(-1)).toBe(there.id);
  });
});
