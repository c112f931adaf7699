import { beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq, gt, sql } from 'drizzle-orm';
import { schema } from '@alongside/db';
import type { Connection, Contact, Huddle, Person, TeamBoard, VoiceItem } from '@alongside/contracts';
import { fieldsOf } from './harness.ts';
import {
  addConnection,
  moveConnection,
  addPerson,
  addVoiceItem,
  createPracticeContext,
  createPracticeWorld,
  expectStatus,
  logContact,
  marker,
  read,
  recordConsent,
  refused,
  voiceStep,
  type PracticeContext,
  type PracticeWorld,
  type Who,
} from './practice-world.ts';

// Tests that try to break each privacy rule of the practice API (PRODUCT.md principles 1, 2 and 4).

let ctx: PracticeContext;
let pw: PracticeWorld;

/** Peer-tier text: only the team's peer staff may ever read it. */
const S = {
  note: marker('PEER-NOTE'),
  correction: marker('PEER-CORRECTION'),
  unagreedSummary: marker('UNAGREED-SUMMARY'),
  unsharedWords: marker('UNSHARED-WORDS'),
  unsharedContext: marker('UNSHARED-CONTEXT'),
  withdrawnWords: marker('WITHDRAWN-WORDS'),
  lockboxName: marker('LOCKBOX-NAME'),
  lockboxWords: marker('LOCKBOX-WORDS'),
  lockboxSummary: marker('LOCKBOX-SUMMARY'),
  noneWords: marker('NO-SHARING-WORDS'),
  noneSummary: marker('NO-SHARING-SUMMARY'),
};
/** What clinicians may read (and nobody outside the care team). */
const SHARED = { summary: marker('AGREED-SUMMARY'), words: marker('SHARED-WORDS'), name: marker('OPEN-NAME') };

/** The fixed scene every sweep reads. */
const scene = {} as {
  open: Person;
  locked: Person;
  none: Person;
  noteContact: Contact;
  agreedContact: Contact;
  lockedContact: Contact;
  noneContact: Contact;
  unshared: VoiceItem;
  shared: VoiceItem;
  withdrawn: VoiceItem;
  lockedItem: VoiceItem;
  noneItem: VoiceItem;
  lockedConnection: Connection;
  lockedReferral: Connection;
  openConnection: Connection;
};

beforeAll(async () => {
  ctx = await createPracticeContext();
  pw = await createPracticeWorld(ctx);

  scene.open = await addPerson(pw, { preferredName: SHARED.name });
  scene.noteContact = await logContact(pw, scene.open.id, {
    note: S.note,
    teamSummary: S.unagreedSummary,
    summaryAgreed: false,
  });
  expectStatus(
    await pw.as.psp2.request({
      method: 'POST',
      url: `/api/contacts/${scene.noteContact.id}/corrections`,
      payload: { note: S.correction },
    }),
    201,
  );
  scene.agreedContact = await logContact(pw, scene.open.id, {
    note: S.note,
    teamSummary: SHARED.summary,
    summaryAgreed: true,
  });
  scene.unshared = await addVoiceItem(pw, scene.open.id, {
    words: S.unsharedWords,
    context: S.unsharedContext,
    kind: 'concern',
  });
  scene.shared = await addVoiceItem(pw, scene.open.id, { words: SHARED.words, shareAgreed: true });
  const toWithdraw = await addVoiceItem(pw, scene.open.id, { words: S.withdrawnWords, shareAgreed: true });
  scene.withdrawn = await voiceStep(pw, 'psp', await voiceStep(pw, 'nurse', toWithdraw, 'acknowledge'), 'withdraw');
  scene.openConnection = await addConnection(pw, 'psp', {
    direction: 'from_peer_support',
    personId: scene.open.id,
    targetUserId: pw.ids.nurse,
  });

  // Everything about this person was shared, then the person asked for a lockbox.
  scene.locked = await addPerson(pw, { preferredName: S.lockboxName });
  scene.lockedContact = await logContact(pw, scene.locked.id, {
    note: S.note,
    teamSummary: S.lockboxSummary,
    summaryAgreed: true,
  });
  scene.lockedItem = await addVoiceItem(pw, scene.locked.id, { words: S.lockboxWords, shareAgreed: true });
  scene.lockedConnection = await addConnection(pw, 'psp', {
    direction: 'from_peer_support',
    personId: scene.locked.id,
    targetUserId: pw.ids.psychiatrist,
  });
  scene.lockedReferral = await addConnection(pw, 'nurse', { direction: 'to_peer_support', personId: scene.locked.id });
  await recordConsent(pw, scene.locked.id, 'lockbox', 'on');

  // This person's items were agreed one by one, then they withdrew all sharing.
  scene.none = await addPerson(pw);
  scene.noneContact = await logContact(pw, scene.none.id, {
    note: S.note,
    teamSummary: S.noneSummary,
    summaryAgreed: true,
  });
  scene.noneItem = await addVoiceItem(pw, scene.none.id, { words: S.noneWords, shareAgreed: true });
  await recordConsent(pw, scene.none.id, 'share_with_care_team', 'none');

  // Peer staff put every kind of item on the huddle agenda, and discuss some of them.
  const agenda = async (payload: object) =>
    expectStatus<{ id: string }>(
      await pw.as.psp.request({
        method: 'POST',
        url: '/api/huddles/items',
        payload: { teamId: pw.teamId, ...payload },
      }),
      201,
    );
  const discussed = [
    await agenda({ voiceItemId: scene.unshared.id }),
    await agenda({ voiceItemId: scene.lockedItem.id }),
  ];
  for (const item of [scene.withdrawn, scene.noneItem, scene.shared]) await agenda({ voiceItemId: item.id });
  await agenda({ connectionId: scene.lockedConnection.id });
  expectStatus(
    await pw.as.psp.request({
      method: 'POST',
      url: '/api/huddles',
      payload: {
        teamId: pw.teamId,
        heldAt: ctx.clock.now().toISOString(),
        attendeeIds: [pw.ids.psp, pw.ids.nurse],
        itemIds: discussed.map((d) => d.id),
      },
    }),
    201,
  );
});

/**
 * Every GET route of the API (from the OpenAPI document) with the scene's ids of the matching kind in its path
 * parameter (every id for a route this list does not know), and the practice lists with each of their filters.
 * Returns the response bodies, whatever their status.
 */
async function sweep(who: Who): Promise<{ url: string; status: number; body: string }[]> {
  const spec = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
    paths: Record<string, Record<string, unknown>>;
  }>();
  const persons = [scene.open.id, scene.locked.id, scene.none.id];
  const idsFor: Record<string, string[]> = {
    '/api/persons/': persons,
    '/api/contacts/': [scene.noteContact.id, scene.agreedContact.id, scene.lockedContact.id, scene.noneContact.id],
    '/api/voice-items/': [
      scene.unshared.id,
      scene.shared.id,
      scene.withdrawn.id,
      scene.lockedItem.id,
      scene.noneItem.id,
    ],
    '/api/connections/': [scene.lockedConnection.id, scene.lockedReferral.id, scene.openConnection.id],
    '/api/teams/': [pw.teamId],
    '/api/programs/': [pw.programId],
    '/api/organizations/': [pw.organizationId],
  };
  const allIds = Object.values(idsFor).flat();
  const byPerson = persons.map((id) => `?personId=${id}`);
  const filtersFor: Record<string, string[]> = {
    '/api/persons': [
      '',
      `?teamId=${pw.teamId}`,
      '?mine=true',
      ...[SHARED.name, S.lockboxName, S.note].map((q) => `?q=${encodeURIComponent(q)}`),
    ],
    '/api/contacts': [
      '',
      `?teamId=${pw.teamId}&limit=200`,
      '?from=2026-01-01T00:00:00Z&to=2026-12-31T00:00:00Z',
      ...byPerson,
    ],
    '/api/voice-items': [
      '',
      `?teamId=${pw.teamId}`,
      ...['open', 'acknowledged', 'answered', 'returned', 'withdrawn'].map((x) => `?status=${x}`),
      ...byPerson,
    ],
    '/api/connections': ['', `?teamId=${pw.teamId}`, '?status=proposed', '?status=accepted', ...byPerson],
    '/api/huddles': [`?teamId=${pw.teamId}`],
    '/api/audit-events': ['', `?organizationId=${pw.organizationId}&limit=1000`],
    '/api/audit-events.csv': ['', `?organizationId=${pw.organizationId}&limit=1000`],
  };
  const urls: string[] = [];
  for (const [path, methods] of Object.entries(spec.paths)) {
    if (!('get' in methods) || path.includes('{token}') || path === '/api/openapi.json') continue;
    if (!path.includes('{')) {
      for (const f of filtersFor[path] ?? ['']) urls.push(`${path}${f}`);
      continue;
    }
    const ids = Object.entries(idsFor).find(([prefix]) => path.startsWith(prefix))?.[1] ?? allIds;
    const query = path.includes('/indicators') ? '?from=2026-01-01&to=2026-12-31' : '';
    for (const id of ids) urls.push(`${path.replace(/\{[^}]+\}/g, id)}${query}`);
  }
  const out = [];
  for (const url of urls) {
    const response = await pw.as[who].request({ method: 'GET', url });
    out.push({ url, status: response.statusCode, body: response.body });
  }
  return out;
}

const leaks = (bodies: { url: string; body: string }[], secrets: string[]) =>
  bodies.flatMap(({ url, body }) =>
    secrets.filter((s) => body.includes(s)).map((s) => `${s.split('-').slice(0, -5).join('-')} in GET ${url}`),
  );

describe('the sweep reads everything', () => {
  it('peer staff of the team find every secret of the scene somewhere (the sweep is not blind)', async () => {
    for (const who of ['psp', 'supervisor'] as const) {
      const bodies = await sweep(who);
      const found = Object.values({ ...S, ...SHARED }).filter((s) => bodies.some((b) => b.body.includes(s)));
      expect(found.length, who).toBe(Object.values({ ...S, ...SHARED }).length);
    }
  });
});

describe('peer-tier text never reaches anyone else', () => {
  it('clinicians of the same team: no note, correction, unagreed summary, unshared, withdrawn, lockboxed or unshareable item, via any GET route', async () => {
    for (const who of ['nurse', 'psychiatrist'] as const) {
      const bodies = await sweep(who);
      expect(leaks(bodies, Object.values(S)), who).toEqual([]);
      // …while what was shared with them does reach them.
      for (const s of Object.values(SHARED))
        expect(
          bodies.some((b) => b.body.includes(s)),
          `${who} reads ${s}`,
        ).toBe(true);
    }
  });

  for (const who of [
    'manager',
    'researcher',
    'orgAdmin',
    'platform',
    'pspB',
    'nurseB',
    'otherPsp',
    'otherNurse',
    'otherOrgAdmin',
  ] as const) {
    it(`${who}: no person-level data at all`, async () => {
      const bodies = await sweep(who);
      expect(leaks(bodies, [...Object.values(S), ...Object.values(SHARED)])).toEqual([]);
    });
  }

  it('the audit log keeps no note, words or summary text in its details', async () => {
    const rows = await ctx.db
      .select({ details: schema.auditEvents.details })
      .from(schema.auditEvents)
      .where(eq(schema.auditEvents.organizationId, pw.organizationId));
    expect(rows.length).toBeGreaterThan(20);
    const text = JSON.stringify(rows);
    expect(Object.values({ ...S, ...SHARED }).filter((s) => text.includes(s))).toEqual([]);
  });
});

describe('contact notes', () => {
  it('a clinician reads a contact’s metadata and an agreed summary, never the note, by list or by id', async () => {
    const one = await read<Contact>(pw, 'nurse', `/api/contacts/${scene.noteContact.id}`);
    expect(one).toMatchObject({ id: scene.noteContact.id, teamSummary: null });
    expect(one).not.toHaveProperty('note');
    expect(one).not.toHaveProperty('corrections');
    const list = await read<Contact[]>(pw, 'psychiatrist', `/api/contacts?personId=${scene.open.id}`);
    expect(list.map((c) => [c.id, c.teamSummary, 'note' in c])).toEqual(
      expect.arrayContaining([
        [scene.noteContact.id, null, false],
        [scene.agreedContact.id, SHARED.summary, false],
      ]),
    );
    expect((await read<Contact>(pw, 'psp', `/api/contacts/${scene.noteContact.id}`)).note).toBe(S.note);
  });

  it('a contact summary reaches clinicians only when agreed and consent allows', async () => {
    const person = await addPerson(pw);
    const agreed = await logContact(pw, person.id, { teamSummary: 'agreed', summaryAgreed: true });
    const notAgreed = await logContact(pw, person.id, { teamSummary: 'not agreed', summaryAgreed: false });
    const summaries = async () =>
      Object.fromEntries(
        (await read<Contact[]>(pw, 'nurse', `/api/contacts?personId=${person.id}`)).map((c) => [c.id, c.teamSummary]),
      );
    expect(await summaries()).toEqual({ [agreed.id]: 'agreed', [notAgreed.id]: null });
    // "Share nothing": the contacts themselves no longer reach clinicians, summaries included.
    await recordConsent(pw, person.id, 'share_with_care_team', 'none');
    expect(await summaries()).toEqual({});
    await recordConsent(pw, person.id, 'share_with_care_team', 'per_item');
    await recordConsent(pw, person.id, 'lockbox', 'on');
    expect(await read<Contact[]>(pw, 'nurse', `/api/contacts?personId=${person.id}`)).toEqual([]);
    await refused(ctx, pw.as.nurse, { method: 'GET', url: `/api/contacts/${agreed.id}` }, 404);
    // Peer staff read the summaries whatever the consent.
    expect(
      Object.fromEntries(
        (await read<Contact[]>(pw, 'psp', `/api/contacts?personId=${person.id}`)).map((c) => [c.id, c.teamSummary]),
      ),
    ).toEqual({
      [agreed.id]: 'agreed',
      [notAgreed.id]: 'not agreed',
    });
  });
});

describe('voice items', () => {
  it('an unshared item is never visible to clinicians: list, by id, board, agenda, counts', async () => {
    expect(
      (await read<VoiceItem[]>(pw, 'nurse', `/api/voice-items?personId=${scene.open.id}`)).map((v) => v.id),
    ).toEqual([scene.shared.id]);
    await refused(ctx, pw.as.nurse, { method: 'GET', url: `/api/voice-items/${scene.unshared.id}` }, 404);
    await refused(
      ctx,
      pw.as.nurse,
      {
        method: 'POST',
        url: `/api/voice-items/${scene.unshared.id}/acknowledge`,
        payload: { version: scene.unshared.version },
      },
      404,
    );
    const board = await read<TeamBoard>(pw, 'nurse', `/api/teams/${pw.teamId}/board`);
    expect(board.voiceItems.map((v) => v.id)).not.toContain(scene.unshared.id);
    expect(board.agenda.map((i) => i.voiceItemId)).not.toContain(scene.unshared.id);
    expect(board.agenda.map((i) => i.voiceItemId)).toContain(scene.shared.id);
    const huddles = await read<Huddle[]>(pw, 'nurse', `/api/huddles?teamId=${pw.teamId}`);
    const items = huddles.flatMap((h) => h.items);
    expect(items.map((i) => i.label)).toEqual(['An item from peer support', 'An item from peer support']);
    expect(items.every((i) => i.voiceItemId === null && i.connectionId === null)).toBe(true);
    // Peer staff see what it is.
    const peerItems = (await read<Huddle[]>(pw, 'psp', `/api/huddles?teamId=${pw.teamId}`)).flatMap((h) => h.items);
    expect(peerItems.map((i) => i.voiceItemId).sort()).toEqual([scene.unshared.id, scene.lockedItem.id].sort());
    expect((await read<Person>(pw, 'nurse', `/api/persons/${scene.open.id}`)).openVoiceItems).toBe(1);
    expect((await read<Person>(pw, 'psp', `/api/persons/${scene.open.id}`)).openVoiceItems).toBe(2);
  });

  it('a withdrawn item disappears from clinicians’ views at once, and stays in the audit trail', async () => {
    const person = await addPerson(pw);
    const item = await addVoiceItem(pw, person.id, { shareAgreed: true });
    const agendaItem = expectStatus<{ id: string }>(
      await pw.as.psp.request({
        method: 'POST',
        url: '/api/huddles/items',
        payload: { teamId: pw.teamId, voiceItemId: item.id },
      }),
      201,
    );
    const acknowledged = await voiceStep(pw, 'nurse', item, 'acknowledge');
    const boardItems = async () =>
      (await read<TeamBoard>(pw, 'nurse', `/api/teams/${pw.teamId}/board`)).voiceItems.map((v) => v.id);
    expect(await boardItems()).toContain(item.id);

    await voiceStep(pw, 'psp', acknowledged, 'withdraw');
    expect(await boardItems()).not.toContain(item.id);
    await refused(ctx, pw.as.nurse, { method: 'GET', url: `/api/voice-items/${item.id}` }, 404);
    await refused(
      ctx,
      pw.as.nurse,
      {
        method: 'POST',
        url: `/api/voice-items/${item.id}/answer`,
        payload: { version: acknowledged.version + 1, answer: 'too late' },
      },
      404,
    );
    expect(await read<VoiceItem[]>(pw, 'nurse', `/api/voice-items?personId=${person.id}`)).toEqual([]);
    expect(await read<VoiceItem[]>(pw, 'nurse', `/api/voice-items?status=withdrawn&teamId=${pw.teamId}`)).toEqual([]);
    const agenda = (await read<TeamBoard>(pw, 'nurse', `/api/teams/${pw.teamId}/board`)).agenda.find(
      (i) => i.id === agendaItem.id,
    );
    expect(agenda).toMatchObject({ voiceItemId: null, label: 'An item from peer support' });
    const recent = (await read<TeamBoard>(pw, 'nurse', `/api/teams/${pw.teamId}/board`)).recentActivity.filter(
      (a) => a.personId === person.id,
    );
    expect(recent.filter((a) => a.kind.startsWith('voice'))).toEqual([]);

    const trail = await ctx.db
      .select({ action: schema.auditEvents.action })
      .from(schema.auditEvents)
      .where(eq(schema.auditEvents.entityId, item.id));
    expect(trail.map((t) => t.action)).toEqual(
      expect.arrayContaining(['voice_item.create', 'voice_item.acknowledge', 'voice_item.withdraw']),
    );
    expect((await read<VoiceItem>(pw, 'psp', `/api/voice-items/${item.id}`)).status).toBe('withdrawn');
  });

  it('share_with_care_team none: no item or summary reaches clinicians, though the person is still on the team', async () => {
    expect((await read<Person>(pw, 'nurse', `/api/persons/${scene.none.id}`)).openVoiceItems).toBe(0);
    expect(await read<VoiceItem[]>(pw, 'nurse', `/api/voice-items?personId=${scene.none.id}`)).toEqual([]);
    await refused(ctx, pw.as.nurse, { method: 'GET', url: `/api/voice-items/${scene.noneItem.id}` }, 404);
    // Nor do the contacts (not even their time or activities), nor the words around connections.
    await refused(ctx, pw.as.nurse, { method: 'GET', url: `/api/contacts/${scene.noneContact.id}` }, 404);
    expect(await read<Contact[]>(pw, 'nurse', `/api/contacts?personId=${scene.none.id}`)).toEqual([]);
    expect((await read<Person>(pw, 'nurse', `/api/persons/${scene.none.id}`)).lastContactAt).toBeNull();
    const board = await read<TeamBoard>(pw, 'nurse', `/api/teams/${pw.teamId}/board`);
    expect(board.voiceItems.map((v) => v.personId)).not.toContain(scene.none.id);
    expect(board.recentActivity.filter((a) => a.personId === scene.none.id && a.kind !== 'connection')).toEqual([]);
    const handoff = await addConnection(pw, 'psp', {
      direction: 'from_peer_support',
      personId: scene.none.id,
      service: 'housing',
      reason: 'NONE-REASON',
    });
    await moveConnection(pw, 'psp', handoff, 'accepted', { note: 'NONE-NOTE' });
    const seen = await read<Connection[]>(pw, 'nurse', `/api/connections?personId=${scene.none.id}`);
    expect(seen.map((c) => c.id)).toContain(handoff.id);
    expect(JSON.stringify(seen)).not.toMatch(/NONE-REASON|NONE-NOTE/);
    for (const connection of seen) {
      if (connection.direction === 'from_peer_support') expect(connection.reason).toBeNull();
      expect(connection.personFeedback).toBeNull();
      expect(connection.events.every((e) => e.note === null)).toBe(true);
    }
    expect((await read<VoiceItem>(pw, 'psp', `/api/voice-items/${scene.noneItem.id}`)).words).toBe(S.noneWords);
  });
});

describe('the lockbox', () => {
  it('hides the person and everything about them from clinicians (404), while peer staff see all', async () => {
    const routes = [
      `/api/persons/${scene.locked.id}`,
      `/api/contacts/${scene.lockedContact.id}`,
      `/api/voice-items/${scene.lockedItem.id}`,
      `/api/connections/${scene.lockedConnection.id}`,
      `/api/connections/${scene.lockedReferral.id}`,
    ];
    for (const who of ['nurse', 'psychiatrist'] as const) {
      for (const url of routes) await refused(ctx, pw.as[who], { method: 'GET', url }, 404);
      for (const url of ['/api/contacts', '/api/voice-items', '/api/connections'])
        expect(await read<unknown[]>(pw, who, `${url}?personId=${scene.locked.id}`)).toEqual([]);
      expect((await read<Person[]>(pw, who, '/api/persons')).map((p) => p.id)).not.toContain(scene.locked.id);
      const board = await read<TeamBoard>(pw, who, `/api/teams/${pw.teamId}/board`);
      const personIds = [
        ...board.voiceItems,
        ...board.connectionsToAccept,
        ...board.referralsToPeerSupport,
        ...board.recentActivity,
      ].map((x) => x.personId);
      expect(personIds).not.toContain(scene.locked.id);
      // The psychiatrist was the target of the hand-off: still nothing to act on.
      await refused(
        ctx,
        pw.as[who],
        {
          method: 'PATCH',
          url: `/api/connections/${scene.lockedConnection.id}`,
          payload: { status: 'accepted', version: 1 },
        },
        404,
      );
      await refused(
        ctx,
        pw.as[who],
        { method: 'POST', url: `/api/voice-items/${scene.lockedItem.id}/acknowledge`, payload: { version: 1 } },
        404,
      );
      await refused(
        ctx,
        pw.as[who],
        {
          method: 'POST',
          url: '/api/connections',
          payload: { direction: 'to_peer_support', personId: scene.locked.id },
        },
        404,
      );
    }
    for (const who of ['psp', 'supervisor'] as const) {
      for (const url of routes) expect((await pw.as[who].request({ method: 'GET', url })).statusCode).toBe(200);
      expect((await read<Person>(pw, who, `/api/persons/${scene.locked.id}`)).consent.lockbox).toBe(true);
    }
  });

  it('cannot be worked around by sharing: new shared items and hand-offs to clinicians are refused', async () => {
    const item = await addVoiceItem(pw, scene.locked.id);
    await refused(
      ctx,
      pw.as.psp,
      { method: 'POST', url: `/api/voice-items/${item.id}/share`, payload: { version: item.version } },
      409,
    );
    await refused(
      ctx,
      pw.as.psp,
      {
        method: 'POST',
        url: '/api/voice-items',
        payload: { personId: scene.locked.id, kind: 'goal', words: 'x', shareAgreed: true },
      },
      409,
    );
    await refused(
      ctx,
      pw.as.psp,
      {
        method: 'POST',
        url: '/api/connections',
        payload: { direction: 'from_peer_support', personId: scene.locked.id, targetUserId: pw.ids.nurse },
      },
      409,
    );
  });

  it('is revocable: when lifted, what the person agreed to share reaches the team again', async () => {
    const person = await addPerson(pw);
    const item = await addVoiceItem(pw, person.id, { shareAgreed: true });
    await recordConsent(pw, person.id, 'lockbox', 'on');
    await refused(ctx, pw.as.nurse, { method: 'GET', url: `/api/persons/${person.id}` }, 404);
    await recordConsent(pw, person.id, 'lockbox', 'off');
    expect((await read<VoiceItem>(pw, 'nurse', `/api/voice-items/${item.id}`)).id).toBe(item.id);
  });
});

describe('roles without person-level access', () => {
  it('managers, researchers, org and platform administrators get empty lists and 404s; managers still get indicators', async () => {
    for (const who of ['manager', 'researcher', 'orgAdmin', 'platform'] as const) {
      for (const url of [
        '/api/persons',
        '/api/contacts',
        '/api/voice-items',
        '/api/connections',
        `/api/persons?teamId=${pw.teamId}`,
        `/api/contacts?teamId=${pw.teamId}`,
      ]) {
        expect(await read<unknown[]>(pw, who, url), `${who} ${url}`).toEqual([]);
      }
      for (const url of [
        `/api/persons/${scene.open.id}`,
        `/api/persons/${scene.open.id}/consents`,
        `/api/contacts/${scene.agreedContact.id}`,
        `/api/voice-items/${scene.shared.id}`,
        `/api/connections/${scene.openConnection.id}`,
        `/api/teams/${pw.teamId}/board`,
        `/api/huddles?teamId=${pw.teamId}`,
      ]) {
        await refused(ctx, pw.as[who], { method: 'GET', url }, 404);
      }
    }
    expect(
      (
        await read<{ programId: string }>(
          pw,
          'manager',
          `/api/programs/${pw.programId}/indicators?from=2026-01-01&to=2026-12-31`,
        )
      ).programId,
    ).toBe(pw.programId);
  });
});

describe('another team, another organization', () => {
  const v = 1;
  const requests = () =>
    [
      { method: 'GET', url: `/api/persons/${scene.open.id}` },
      { method: 'GET', url: `/api/persons/${scene.open.id}/consents` },
      { method: 'PATCH', url: `/api/persons/${scene.open.id}`, payload: { version: v, pronouns: 'x' } },
      {
        method: 'POST',
        url: `/api/persons/${scene.open.id}/consents`,
        payload: { purpose: 'lockbox', decision: 'off', method: 'verbal' },
      },
      { method: 'POST', url: '/api/persons', payload: { teamId: pw.teamId, preferredName: 'x' } },
      { method: 'GET', url: `/api/contacts/${scene.noteContact.id}` },
      { method: 'PATCH', url: `/api/contacts/${scene.noteContact.id}`, payload: { version: v, note: 'x' } },
      { method: 'POST', url: `/api/contacts/${scene.noteContact.id}/corrections`, payload: { note: 'x' } },
      {
        method: 'POST',
        url: '/api/contacts',
        payload: {
          personId: scene.open.id,
          occurredAt: '2026-03-01T10:00:00Z',
          durationMinutes: 10,
          mode: 'phone',
          location: 'home',
          activities: ['advocacy'],
        },
      },
      { method: 'GET', url: `/api/voice-items/${scene.shared.id}` },
      { method: 'POST', url: '/api/voice-items', payload: { personId: scene.open.id, kind: 'goal', words: 'x' } },
      ...['share', 'acknowledge', 'return', 'withdraw'].map((step) => ({
        method: 'POST',
        url: `/api/voice-items/${scene.shared.id}/${step}`,
        payload: { version: v },
      })),
      { method: 'POST', url: `/api/voice-items/${scene.shared.id}/answer`, payload: { version: v, answer: 'x' } },
      { method: 'GET', url: `/api/connections/${scene.openConnection.id}` },
      {
        method: 'PATCH',
        url: `/api/connections/${scene.openConnection.id}`,
        payload: { version: v, status: 'accepted' },
      },
      {
        method: 'POST',
        url: '/api/connections',
        payload: { direction: 'from_peer_support', personId: scene.open.id, service: 'housing' },
      },
      { method: 'POST', url: '/api/connections', payload: { direction: 'to_peer_support', personId: scene.open.id } },
      {
        method: 'POST',
        url: '/api/connections',
        payload: { direction: 'to_peer_support', newPerson: { teamId: pw.teamId, preferredName: 'x' } },
      },
      { method: 'GET', url: `/api/teams/${pw.teamId}/board` },
      { method: 'GET', url: `/api/huddles?teamId=${pw.teamId}` },
      {
        method: 'POST',
        url: '/api/huddles',
        payload: { teamId: pw.teamId, heldAt: '2026-03-01T10:00:00Z', attendeeIds: [pw.ids.psp] },
      },
      { method: 'POST', url: '/api/huddles/items', payload: { teamId: pw.teamId, topic: 'x' } },
    ] as const;
  for (const who of ['pspB', 'nurseB', 'otherPsp', 'otherNurse', 'otherOrgAdmin'] as const) {
    it(`${who} gets 404 on every person-level route, reading or writing, and the database is unchanged`, async () => {
      for (const request of requests()) await refused(ctx, pw.as[who], request, 404);
      for (const url of ['/api/persons', '/api/contacts', '/api/voice-items', '/api/connections']) {
        expect(await read<unknown[]>(pw, who, `${url}?teamId=${pw.teamId}`)).toEqual([]);
        expect(await read<unknown[]>(pw, who, `${url}?personId=${scene.open.id}`)).toEqual([]);
      }
    });
  }
});

describe('every read of person-level data leaves a trace', () => {
  /** Reads as `who` and returns the audit event it wrote. */
  async function audited(who: Who, url: string, action: string) {
    const [last] = await ctx.db
      .select({ id: schema.auditEvents.id })
      .from(schema.auditEvents)
      .orderBy(desc(schema.auditEvents.id))
      .limit(1);
    expect((await pw.as[who].request({ method: 'GET', url })).statusCode, url).toBe(200);
    const events = await ctx.db
      .select()
      .from(schema.auditEvents)
      .where(
        and(
          gt(schema.auditEvents.id, last?.id ?? 0n),
          eq(schema.auditEvents.actorUserId, pw.ids[who]),
          eq(schema.auditEvents.action, action),
        ),
      );
    expect(events, `${action} after GET ${url}`).toHaveLength(1);
    return events[0]!;
  }

  it('names the actor and the entity for each read by id', async () => {
    const cases = [
      ['nurse', `/api/persons/${scene.open.id}`, 'person.read', scene.open.id],
      ['psp', `/api/persons/${scene.open.id}/consents`, 'consent.list', scene.open.id],
      ['nurse', `/api/contacts/${scene.agreedContact.id}`, 'contact.read', scene.agreedContact.id],
      ['psychiatrist', `/api/voice-items/${scene.shared.id}`, 'voice_item.read', scene.shared.id],
      ['nurse', `/api/connections/${scene.openConnection.id}`, 'connection.read', scene.openConnection.id],
      ['nurse', `/api/teams/${pw.teamId}/board`, 'team_board.read', pw.teamId],
      ['supervisor', `/api/huddles?teamId=${pw.teamId}`, 'huddle.list', pw.teamId],
    ] as const;
    for (const [who, url, action, entityId] of cases) {
      const event = await audited(who, url, action);
      expect(event, url).toMatchObject({ entityId, organizationId: pw.organizationId, purpose: 'care' });
      expect(event.actorRole).toBeTruthy();
      expect(event.requestId).toBeTruthy();
    }
  });

  it('names the persons read in each list', async () => {
    const cases = [
      ['nurse', `/api/persons?teamId=${pw.teamId}`, 'person.list'],
      ['psp', `/api/contacts?personId=${scene.open.id}`, 'contact.list'],
      ['nurse', `/api/voice-items?personId=${scene.open.id}`, 'voice_item.list'],
      ['psp', `/api/connections?personId=${scene.open.id}`, 'connection.list'],
      ['nurse', `/api/teams/${pw.teamId}/board`, 'team_board.read'],
    ] as const;
    for (const [who, url, action] of cases) {
      const event = await audited(who, url, action);
      expect((event.details as { personIds: string[] }).personIds, url).toContain(scene.open.id);
    }
  });

  it('records even a read that finds nothing, and each write once', async () => {
    const event = await audited('manager', '/api/persons', 'person.list');
    expect(event.details).toMatchObject({ count: 0, ids: [] });
    const [row] = await ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(schema.auditEvents)
      .where(
        and(eq(schema.auditEvents.entityId, scene.noteContact.id), eq(schema.auditEvents.action, 'contact.correct')),
      );
    expect(row!.n).toBe(1);
  });
});

describe('bad input on the practice routes', () => {
  it('gets 400 naming the field, and changes nothing', async () => {
    const bad = async (who: Who, method: 'POST' | 'PATCH', url: string, payload: object) =>
      fieldsOf(await refused(ctx, pw.as[who], { method, url, payload }, 400));
    const contact = {
      personId: scene.open.id,
      occurredAt: '2026-03-01T10:00:00Z',
      durationMinutes: 10,
      mode: 'phone',
      location: 'home',
      activities: ['advocacy'],
    };
    expect(await bad('psp', 'POST', '/api/contacts', { ...contact, activities: ['gossip'] })).toEqual(['activities.0']);
    expect(await bad('psp', 'POST', '/api/voice-items', { personId: scene.open.id, kind: 'goal', words: '' })).toEqual([
      'words',
    ]);
    expect(
      await bad('psp', 'POST', '/api/connections', {
        direction: 'from_peer_support',
        personId: scene.open.id,
        targetUserId: pw.ids.nurse,
        service: 'housing',
      }),
    ).toEqual(['targetUserId']);
    expect(await bad('psp', 'POST', '/api/persons', { teamId: pw.teamId, preferredName: '' })).toEqual([
      'preferredName',
    ]);
    expect(
      await bad('psp', 'POST', `/api/persons/${scene.open.id}/consents`, { purpose: 'lockbox', decision: 'on' }),
    ).toEqual(['method']);
    expect(
      await bad('nurse', 'POST', `/api/voice-items/${scene.shared.id}/answer`, { version: 1, answer: '' }),
    ).toEqual(['answer']);
    expect(
      await bad('psp', 'PATCH', `/api/connections/${scene.openConnection.id}`, { version: 1, status: 'done' }),
    ).toEqual(['status']);
    expect(
      await bad('psp', 'POST', '/api/huddles', { teamId: pw.teamId, heldAt: '2026-03-01T10:00:00Z', attendeeIds: [] }),
    ).toEqual(['attendeeIds']);
  });
});
