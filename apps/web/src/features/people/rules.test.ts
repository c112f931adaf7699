import type { Contact, Membership, VoiceItem } from '@alongside/contracts';
import { describe, expect, it } from 'vitest';
import {
  canEditContact,
  canMoveConnection,
  careTeams,
  careTierIn,
  CONTACT_DEFAULTS_KEY,
  FALLBACK_CONTACT_DEFAULTS,
  NEXT_CONNECTION_STATUSES,
  readContactDefaults,
  saveContactDefaults,
  sortForBoard,
  voiceLoopIndex,
} from './rules.ts';

const membership = (role: Membership['role'], teamId: string | null): Membership => ({
  id: `${role}-${teamId}`,
  role,
  organizationId: 'o',
  organizationName: 'Org',
  countryCode: 'CA',
  programId: teamId ? 'p' : null,
  programName: teamId ? 'Program' : null,
  teamId,
  teamName: teamId ? `Team ${teamId}` : null,
});

describe('care tiers', () => {
  const ms = [
    membership('nurse', 'a'),
    membership('peer_supervisor', 'a'),
    membership('psychologist', 'b'),
    membership('manager', 'c'),
    membership('org_admin', null),
  ];
  it('peer staff outranks clinician in the same team; managers have no tier', () => {
    expect(careTierIn(ms, 'a')).toBe('peer');
    expect(careTierIn(ms, 'b')).toBe('clinician');
    expect(careTierIn(ms, 'c')).toBe('none');
    expect(careTierIn(ms, 'zzz')).toBe('none');
  });
  it('lists each care team once, optionally by tier', () => {
    expect(careTeams(ms).map((t) => [t.teamId, t.tier])).toEqual([
      ['a', 'peer'],
      ['b', 'clinician'],
    ]);
    expect(careTeams(ms, 'peer').map((t) => t.teamId)).toEqual(['a']);
  });
});

describe('connection transitions', () => {
  it('end states have no next step', () => {
    expect(NEXT_CONNECTION_STATUSES.completed).toEqual([]);
    expect(NEXT_CONNECTION_STATUSES.proposed).toEqual(['accepted', 'declined']);
    expect(NEXT_CONNECTION_STATUSES.met).toEqual(['completed']);
  });
});

describe('canEditContact', () => {
  const contact = { author: { id: 'me', name: 'Me' }, editableUntil: '2025-03-10T12:00:00Z' } as Contact;
  it('lets the author edit within the window only', () => {
    expect(canEditContact(contact, 'me', new Date('2025-03-10T11:59:00Z'))).toBe(true);
    expect(canEditContact(contact, 'me', new Date('2025-03-10T12:00:00Z'))).toBe(false);
    expect(canEditContact(contact, 'someone-else', new Date('2025-03-10T11:00:00Z'))).toBe(false);
  });
});

describe('sortForBoard', () => {
  const item = (id: string, isOverdue: boolean, dueAt: string | null): VoiceItem =>
    ({ id, isOverdue, dueAt, created: { at: '2025-01-01T00:00:00Z', by: { id: 'x', name: 'X' } } }) as VoiceItem;
  it('puts overdue first, then the soonest due', () => {
    const sorted = sortForBoard([
      item('later', false, '2025-03-20T00:00:00Z'),
      item('overdue-recent', true, '2025-03-05T00:00:00Z'),
      item('soon', false, '2025-03-12T00:00:00Z'),
      item('overdue-long', true, '2025-02-01T00:00:00Z'),
      item('no-due', false, null),
    ]);
    expect(sorted.map((v) => v.id)).toEqual(['overdue-long', 'overdue-recent', 'soon', 'later', 'no-due']);
  });
  it('places withdrawn items outside the loop', () => {
    expect(voiceLoopIndex('withdrawn')).toBe(-1);
    expect(voiceLoopIndex('answered')).toBe(2);
  });
});

describe('contact defaults', () => {
  const memory = () => {
    const data = new Map<string, string>();
    return {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
      data,
    };
  };
  it('round-trips the last mode, place and duration', () => {
    const s = memory();
    expect(readContactDefaults(s)).toEqual(FALLBACK_CONTACT_DEFAULTS);
    saveContactDefaults(s, { mode: 'phone', location: 'home', durationMinutes: 45 });
    expect(readContactDefaults(s)).toEqual({ mode: 'phone', location: 'home', durationMinutes: 45 });
  });
  it('ignores junk and missing storage', () => {
    const s = memory();
    s.data.set(CONTACT_DEFAULTS_KEY, JSON.stringify({ mode: 'carrier pigeon', location: 'home', durationMinutes: -4 }));
    expect(readContactDefaults(s)).toEqual({ ...FALLBACK_CONTACT_DEFAULTS, location: 'home' });
    s.data.set(CONTACT_DEFAULTS_KEY, '{not json');
    expect(readContactDefaults(s)).toEqual(FALLBACK_CONTACT_DEFAULTS);
    expect(readContactDefaults(undefined)).toEqual(FALLBACK_CONTACT_DEFAULTS);
  });
});

describe('canMoveConnection', () => {
  const c = (direction: string, target: string | null, status: 'proposed' | 'accepted') => ({
    direction,
    target: target ? { id: target } : null,
    status,
  });
  it.each([
    ['peer', 'me', c('to_peer_support', null, 'proposed'), true],
    ['clinician', 'me', c('to_peer_support', null, 'proposed'), false],
    ['peer', 'me', c('from_peer_support', null, 'accepted'), true],
    ['clinician', 'me', c('from_peer_support', 'doc', 'proposed'), true],
    ['peer', 'me', c('from_peer_support', 'doc', 'proposed'), false],
    ['clinician', 'me', c('from_peer_support', 'doc', 'accepted'), false],
    ['clinician', 'doc', c('from_peer_support', 'doc', 'accepted'), true],
    ['peer', 'me', c('from_peer_support', 'doc', 'accepted'), true],
    ['none', 'me', c('to_peer_support', null, 'proposed'), false],
  ] as const)('%s (%s) on %j → %s', (tier, userId, connection, expected) => {
    expect(canMoveConnection(tier, userId, connection)).toBe(expected);
  });
});
