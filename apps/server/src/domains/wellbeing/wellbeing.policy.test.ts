import { describe, expect, it } from 'vitest';
import { validateDefinition } from '@alongside/stats';
import { ALONGSIDE_CHECK_IN } from '@alongside/db';
import { CheckInDefinitionSchema, LANGUAGES, ROLES, type Role } from '@alongside/contracts';
import type { Actor } from '../../lib/actor.ts';
import { canKeepWellbeing, peerTeamsByOrganization, teamAggregateAccess } from './wellbeing.policy.ts';
import { bandOf, nudgeReason, readTrend } from './wellbeing.rules.ts';
import { lastCompletedMonth, monthBounds, monthsEnding } from '@alongside/stats';

const TEAM = { id: 'team-1', organizationId: 'org', programId: 'p' };

function actorWith(role: Role | 'platform_admin', teamId = TEAM.id, organizationId = 'org'): Actor {
  const base = { userId: 'u', name: 'n', email: 'e', sessionId: 's', ip: '::1', requestId: 'r' };
  if (role === 'platform_admin') return { ...base, isPlatformAdmin: true, memberships: [] };
  const isOrg = role === 'org_admin';
  return { ...base, isPlatformAdmin: false, memberships: [{ id: 'm', role, organizationId, programId: isOrg ? null : 'p', teamId: isOrg ? null : teamId }] };
}

/** Every role in team 1 (or its organization): [keeps check-ins, access to team 1's aggregate, to team 2's (another program)]. */
const TABLE: Record<Role | 'platform_admin', [boolean, string, string]> = {
  peer_support_worker: [true, 'forbidden', 'hidden'],
  peer_supervisor: [true, 'aggregate', 'hidden'],
  nurse: [false, 'forbidden', 'hidden'],
  psychiatrist: [false, 'forbidden', 'hidden'],
  psychologist: [false, 'forbidden', 'hidden'],
  occupational_therapist: [false, 'forbidden', 'hidden'],
  social_worker: [false, 'forbidden', 'hidden'],
  manager: [false, 'aggregate', 'hidden'],
  researcher: [false, 'forbidden', 'hidden'],
  org_admin: [false, 'aggregate', 'aggregate'],
  platform_admin: [false, 'aggregate', 'aggregate'],
};

describe('wellbeing policy: role × action', () => {
  for (const role of [...ROLES, 'platform_admin'] as const) {
    it(role, () => {
      const [keeps, own, other] = TABLE[role];
      const actor = actorWith(role);
      expect(canKeepWellbeing(actor)).toBe(keeps);
      expect(teamAggregateAccess(actor, TEAM)).toBe(own);
      expect(teamAggregateAccess(actor, { id: 'team-2', organizationId: 'org', programId: 'p2' })).toBe(other);
      // Another organization's team is never known to anyone but platform administrators.
      expect(teamAggregateAccess(actor, { id: 'team-x', organizationId: 'other-org', programId: 'px' })).toBe(role === 'platform_admin' ? 'aggregate' : 'hidden');
    });
  }

  it('a manager sees every team of their program; a peer supervisor only their own team', () => {
    const sameProgram = { id: 'team-3', organizationId: 'org', programId: 'p' };
    expect(teamAggregateAccess(actorWith('manager'), sameProgram)).toBe('aggregate');
    expect(teamAggregateAccess(actorWith('peer_supervisor'), sameProgram)).toBe('hidden');
    expect(teamAggregateAccess(actorWith('researcher'), sameProgram)).toBe('hidden');
  });

  it('peer teams are grouped by organization, without duplicates', () => {
    const actor = actorWith('peer_support_worker');
    actor.memberships.push({ id: 'm2', role: 'peer_supervisor', organizationId: 'org', programId: 'p', teamId: TEAM.id });
    actor.memberships.push({ id: 'm3', role: 'peer_support_worker', organizationId: 'org2', programId: 'q', teamId: 'team-9' });
    actor.memberships.push({ id: 'm4', role: 'nurse', organizationId: 'org', programId: 'p', teamId: 'team-3' });
    expect([...peerTeamsByOrganization(actor)]).toEqual([
      ['org', [TEAM.id]],
      ['org2', ['team-9']],
    ]);
  });
});

const RULE = { threshold: 62.5, higherIsWorse: true };

describe('the private nudge', () => {
  it('comes when the score crosses the threshold, not while it stays past it', () => {
    expect(nudgeReason([70], RULE)).toBe('threshold');
    expect(nudgeReason([40, 62.5], RULE)).toBe('threshold');
    expect(nudgeReason([70, 80], RULE)).toBeNull();
    expect(nudgeReason([70, 40, 65], RULE)).toBe('threshold');
    expect(nudgeReason([40, 50], RULE)).toBeNull();
  });

  it('comes after three rises in a row (and every third after), in the instrument’s direction', () => {
    expect(nudgeReason([10, 20, 30], RULE)).toBeNull();
    expect(nudgeReason([10, 20, 30, 40], RULE)).toBe('rising');
    expect(nudgeReason([10, 20, 30, 40, 50], RULE)).toBeNull();
    expect(nudgeReason([10, 20, 30, 40, 50, 55, 60], RULE)).toBe('rising');
    expect(nudgeReason([20, 20, 30, 40], RULE)).toBeNull();
    // A scale where higher is better: falling is worse.
    expect(nudgeReason([90, 80, 70, 60], { threshold: 20, higherIsWorse: false })).toBe('rising');
    expect(nudgeReason([30, 15], { threshold: 20, higherIsWorse: false })).toBe('threshold');
  });
});

describe('months and readings', () => {
  it('are fixed calendar months', () => {
    expect(monthBounds('2026-12')).toEqual({ start: new Date('2026-12-01T00:00:00Z'), end: new Date('2027-01-01T00:00:00Z') });
    expect(monthsEnding('2026-02', 3)).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(lastCompletedMonth(new Date('2026-01-15T10:00:00Z'))).toBe('2025-12');
  });

  it('reads a trend in plain words in each language', () => {
    const d = ALONGSIDE_CHECK_IN.definition as unknown as Parameters<typeof readTrend>[1];
    expect(readTrend([], d, 'en')).toMatch(/not done a check-in/);
    expect(readTrend([30], d, 'fr')).toMatch(/légère/);
    expect(readTrend([30, 50], d, 'en')).toMatch(/gone up .*\(30 → 50\).*moderate\.$/);
    expect(readTrend([50, 30], d, 'nb')).toMatch(/gått ned/);
    expect(readTrend([50, 52], d, 'en')).toMatch(/about the same/);
    expect(readTrend([50, 80], d, 'en')).toMatch(/step-away may help/);
  });
});

describe('Alongside’s own check-in', () => {
  const definition = CheckInDefinitionSchema.parse(ALONGSIDE_CHECK_IN.definition);

  it('is a valid definition for the scoring engine, marked as not validated', () => {
    expect(() => validateDefinition(definition)).not.toThrow();
    expect(ALONGSIDE_CHECK_IN.licenceStatus).toBe('own_non_validated');
    expect(definition.items.length).toBe(8);
    expect(definition.scales.map((s) => s.id)).toContain(definition.primaryScaleId);
  });

  it('has every text in English, French and Norwegian Bokmål, all different', () => {
    const texts = [definition.title, definition.intro, definition.notice, ...definition.options.map((o) => o.label), ...definition.items.map((i) => i.text), ...definition.scales.map((s) => s.label), ...definition.bands.map((b) => b.label)];
    for (const text of texts) {
      for (const language of LANGUAGES) expect(text[language], JSON.stringify(text)).toBeTruthy();
      expect(new Set(LANGUAGES.map((l) => text[l])).size).toBeGreaterThan(1);
    }
  });

  it('bands cover the range in order and the threshold starts the last band', () => {
    const ups = definition.bands.map((b) => b.upTo);
    expect([...ups].sort((a, b) => a - b)).toEqual(ups);
    expect(ups.at(-1)).toBe(definition.range.max);
    expect(bandOf(definition, definition.threshold)).toBe('heavy');
    expect(bandOf(definition, definition.range.min)).toBe('light');
  });
});
