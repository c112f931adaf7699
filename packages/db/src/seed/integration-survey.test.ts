import { describe, expect, it } from 'vitest';
import { definitionProblems, InstrumentDefinitionSchema, LANGUAGES, LicenceSchema, STAKEHOLDER_GROUPS, type InstrumentDefinition, type LocalizedText } from '@alongside/contracts';
import { INTEGRATION_SURVEY, PSIS_OUTCOME, PSIS_SCALE_IDS } from './integration-survey.ts';

const parsed = INTEGRATION_SURVEY.map((i) => ({ ...i, definition: InstrumentDefinitionSchema.parse(i.definition) }));
const inAllLanguages = (text: LocalizedText | undefined, where: string) => {
  for (const lang of LANGUAGES) expect(text?.[lang]?.trim(), `${where} (${lang})`).toBeTruthy();
  // Written in each language, not left in English.
  expect(text?.fr, where).not.toBe(text?.en);
  expect(text?.nb, where).not.toBe(text?.en);
};

describe('the Peer Support Integration Survey', () => {
  it('has one instrument per stakeholder group, under its own key', () => {
    expect(parsed.map((i) => i.group)).toEqual([...STAKEHOLDER_GROUPS]);
    expect(parsed.map((i) => i.key)).toEqual(['psis-psp', 'psis-clinician', 'psis-manager', 'psis-person-supported', 'psis-policy-maker']);
    for (const i of parsed) expect(i.definition.audience).toEqual([i.group]);
  });

  it('is labelled as Alongside’s own, non-validated wording that may be edited', () => {
    for (const i of parsed) {
      const licence = LicenceSchema.parse(i.licence);
      expect(licence).toMatchObject({ status: 'own_non_validated', wordingEditable: true });
      expect(licence.attribution).toMatch(/Written for Alongside/);
      expect(licence.attribution).toMatch(/not a validated/);
      expect(i.name).toMatch(/non-validated/);
      expect(i.definition.languages.map((l) => [l.code, l.validated])).toEqual([['en', false], ['fr', false], ['nb', false]]);
    }
  });

  it('passes the definition schema and its cross-checks', () => {
    for (const i of parsed) expect(definitionProblems(i.definition), i.key).toEqual([]);
  });

  it('gives every item, scale point, section and subscale all three languages', () => {
    for (const { key, definition } of parsed) {
      inAllLanguages(definition.title, `${key} title`);
      inAllLanguages(definition.description, `${key} description`);
      for (const item of definition.items) inAllLanguages(item.text, `${key} ${item.name}`);
      for (const point of definition.scales.flatMap((s) => s.points)) inAllLanguages(point.label, `${key} point ${point.value}`);
      for (const section of definition.sections) inAllLanguages(section.title, `${key} section ${section.id}`);
      for (const subscale of definition.subscales) inAllLanguages(subscale.name, `${key} subscale ${subscale.id}`);
    }
  });

  it('uses a labelled five-point agreement scale for every item', () => {
    for (const { definition } of parsed) {
      expect(definition.scales.map((s) => s.points.map((p) => p.value))).toEqual([[1, 2, 3, 4, 5]]);
      expect(definition.items.every((i) => i.type === 'likert' && i.scale === definition.scales[0]!.id)).toBe(true);
    }
  });

  it('has 3–5 items in every scale, reverse-keyed items, and one outcome: perceived integration success', () => {
    for (const { key, definition } of parsed) {
      for (const subscale of definition.subscales) {
        expect(subscale.items.length, `${key} ${subscale.id}`).toBeGreaterThanOrEqual(3);
        expect(subscale.items.length, `${key} ${subscale.id}`).toBeLessThanOrEqual(5);
      }
      expect(definition.subscales.filter((s) => s.outcome).map((s) => s.id)).toEqual([PSIS_OUTCOME]);
      // Every item belongs to exactly one scale.
      expect(definition.subscales.flatMap((s) => s.items).sort()).toEqual(definition.items.map((i) => i.name).sort());
    }
    const reversedScales = new Set(parsed.flatMap(({ definition }) => definition.subscales.filter((s) => s.items.some((n) => definition.items.find((i) => i.name === n)?.reverse))).map((s) => s.id));
    expect(reversedScales.size).toBeGreaterThanOrEqual(1);
  });

  it('shares variable names and subscale ids across groups, with the same scale and keying everywhere', () => {
    const meaning = new Map<string, { scale: string; reverse: boolean; groups: string[] }>();
    for (const { group, definition } of parsed) {
      for (const subscale of definition.subscales) {
        expect(PSIS_SCALE_IDS).toContain(subscale.id);
        for (const name of subscale.items) {
          const reverse = definition.items.find((i) => i.name === name)!.reverse;
          const seen = meaning.get(name) ?? { scale: subscale.id, reverse, groups: [] };
          expect({ scale: seen.scale, reverse: seen.reverse }, `${group} ${name}`).toEqual({ scale: subscale.id, reverse });
          seen.groups.push(group);
          meaning.set(name, seen);
        }
      }
    }
    // Every item is asked of at least the three staff groups or of several groups: results pool.
    for (const [name, { groups }] of meaning) expect(groups.length, name).toBeGreaterThanOrEqual(3);
    // The outcome and the scales every group can judge are in all five versions.
    const scalesOf = (d: InstrumentDefinition) => d.subscales.map((s) => s.id);
    for (const id of [PSIS_OUTCOME, 'collab_culture', 'role_clarity', 'complementary', 'recovery']) {
      for (const { key, definition } of parsed) expect(scalesOf(definition), key).toContain(id);
    }
    // Staff versions ask every scale; people supported and policy makers leave out what they cannot judge.
    for (const { group, definition } of parsed.filter((i) => ['psp', 'clinician', 'manager'].includes(i.group))) expect(scalesOf(definition), group).toEqual([...PSIS_SCALE_IDS]);
    expect(scalesOf(parsed.find((i) => i.group === 'person_supported')!.definition)).not.toContain('supervision_support');
    expect(scalesOf(parsed.find((i) => i.group === 'policy_maker')!.definition)).not.toContain('inclusion');
  });

  it('substitutes “this change” in every language where the wording uses it', () => {
    for (const { key, definition } of parsed) {
      const uses = definition.items.filter((i) => i.text.en?.includes('this change'));
      if (uses.length === 0) {
        expect(definition.substitutions, key).toEqual([]);
        continue;
      }
      const [substitution] = definition.substitutions;
      for (const lang of LANGUAGES) {
        const find = substitution?.find[lang];
        expect(substitution?.replace[lang], `${key} ${lang}`).toBeTruthy();
        for (const item of uses) expect(item.text[lang], `${key} ${item.name} ${lang}`).toContain(find);
      }
    }
  });
});
