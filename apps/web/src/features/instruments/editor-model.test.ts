import { InstrumentDefinitionSchema, type Licence } from '@alongside/contracts/instruments';
import { describe, expect, it } from 'vitest';
import {
  findProblems,
  freshName,
  isMissing,
  isStale,
  licenceProblems,
  markReviewed,
  move,
  newItem,
  problemsUnder,
  removeItem,
  renameItem,
  renameScale,
  renameSection,
  tidyLicence,
  updateItem,
  withText,
  withType,
} from './editor-model.ts';

const definition = InstrumentDefinitionSchema.parse({
  title: { en: 'Team check', fr: 'Bilan d’équipe' },
  sourceLanguage: 'en',
  languages: [{ code: 'en' }, { code: 'fr' }, { code: 'nb' }],
  scales: [{ id: 'agree', points: [1, 2, 3].map((v) => ({ value: v, label: { en: `p${v}` } })) }],
  sections: [
    { id: 'main', title: { en: 'Main' } },
    { id: 'inner', title: { en: 'Inner' }, parent: 'main' },
  ],
  items: [
    { name: 'trust', type: 'likert', scale: 'agree', section: 'inner', text: { en: 'I trust the team.', fr: 'J’ai confiance en l’équipe.' } },
    { name: 'why', type: 'text', text: { en: 'Why?' }, enableWhen: [{ item: 'trust', operator: 'less', value: 2 }] },
  ],
  subscales: [{ id: 'climate', name: { en: 'Climate' }, items: ['trust'] }],
});

describe('problems', () => {
  it('finds contract problems (a bad variable name) and definition problems (an unknown scale) with their paths', () => {
    const broken = { ...definition, items: [{ ...definition.items[0]!, name: 'Trust me', scale: 'nope' }, definition.items[1]!] };
    const problems = findProblems(broken);
    expect(problems).toContainEqual({ path: 'items.0.name', message: 'must start with a lower-case letter and use only a–z, 0–9 and _' });
    expect(problems).toContainEqual({ path: 'items.0.scale', message: 'a Likert item needs a known response scale' });
    expect(findProblems(definition)).toEqual([]);
  });

  it('groups problems by the field under a prefix, accepting several names for the same thing', () => {
    const problems = [
      { path: 'items.0.text.fr', message: 'a' },
      { path: 'items.0', message: 'b' },
      { path: 'items.10.name', message: 'not item 1' },
      { path: 'subscales.climate', message: 'c' },
      { path: 'subscales.0.items', message: 'd' },
    ];
    expect(problemsUnder(problems, 'items.0')).toEqual(new Map([['text', ['a']], ['', ['b']]]));
    expect(problemsUnder(problems, 'items.1')).toEqual(new Map());
    expect(problemsUnder(problems, 'subscales.0', 'subscales.climate')).toEqual(new Map([['', ['c']], ['items', ['d']]]));
  });

  it('asks for the permission a permission-recorded licence says it has, and checks its fields', () => {
    const licence: Licence = { status: 'permission_recorded', attribution: '', wordingEditable: false };
    expect(licenceProblems(licence)).toEqual([{ path: 'licence.permission', message: 'permission_missing' }]);
    const half = { ...licence, permission: { grantedBy: 'The authors', grantedOn: '2026-13-01', file: 'letter.pdf' } };
    expect(licenceProblems(half).map((p) => p.path)).toEqual(['licence.permission.grantedOn']);
  });
});

describe('edits', () => {
  it('renames an item everywhere it is named', () => {
    const next = renameItem({ ...definition, languages: definition.languages.map((l) => (l.code === 'fr' ? { ...l, staleItems: ['trust'] } : l)) }, 0, 'team_trust');
    expect(next.items.map((i) => i.name)).toEqual(['team_trust', 'why']);
    expect(next.items[1]!.enableWhen).toEqual([{ item: 'team_trust', operator: 'less', value: 2 }]);
    expect(next.subscales[0]!.items).toEqual(['team_trust']);
    expect(next.languages.find((l) => l.code === 'fr')!.staleItems).toEqual(['team_trust']);
  });

  it('leaves references alone when the new name is another item’s', () => {
    const next = renameItem(definition, 0, 'why');
    expect(next.items[1]!.enableWhen?.[0]!.item).toBe('trust');
    expect(next.subscales[0]!.items).toEqual(['trust']);
  });

  it('renames a scale in its items and a section in its items and child sections', () => {
    expect(renameScale(definition, 0, 'agree3').items[0]!.scale).toBe('agree3');
    const sections = renameSection(definition, 1, 'deep');
    expect(sections.items[0]!.section).toBe('deep');
    const parents = renameSection(definition, 0, 'top');
    expect(parents.sections.map((s) => [s.id, s.parent])).toEqual([
      ['top', undefined],
      ['inner', 'top'],
    ]);
  });

  it('flags translations stale when the source wording changes, only where a translation exists, until reviewed', () => {
    const edited = updateItem(definition, 0, (item) => ({ ...item, text: withText(item.text, 'en', 'I trust my team.') }));
    expect(isStale(edited, 'fr', 'trust')).toBe(true);
    expect(isStale(edited, 'nb', 'trust')).toBe(false);
    expect(isStale(edited, 'en', 'trust')).toBe(false);
    // Editing a translation is not a source change.
    const translated = updateItem(definition, 0, (item) => ({ ...item, text: withText(item.text, 'fr', 'Je fais confiance à l’équipe.') }));
    expect(isStale(translated, 'fr', 'trust')).toBe(false);
    // The item keeps its place in the other unchanged objects.
    expect(edited.items[1]).toBe(definition.items[1]);
    expect(isStale(markReviewed(edited, 'fr', 'trust'), 'fr', 'trust')).toBe(false);
  });

  it('removes an emptied translation instead of keeping an empty string, and says which are missing', () => {
    expect(withText({ en: 'a', fr: 'b' }, 'fr', '  ')).toEqual({ en: 'a' });
    expect(isMissing({ en: 'a' }, 'fr', 'en')).toBe(true);
    expect(isMissing({ en: 'a' }, 'en', 'en')).toBe(false);
    expect(isMissing({}, 'fr', 'en')).toBe(false);
  });

  it('makes new items with free names and keeps only what a changed type can use', () => {
    expect(freshName(['item_1', 'item_3'], 'item')).toBe('item_2');
    const item = newItem(definition);
    expect(item).toMatchObject({ name: 'item_1', type: 'likert', scale: 'agree' });
    const choice = withType(item, 'single', definition);
    expect(choice.scale).toBeUndefined();
    expect(choice.options?.map((o) => o.code)).toEqual(['1', '2']);
    expect(withType(choice, 'number', definition).options).toBeUndefined();
  });

  it('moves and removes items', () => {
    expect(move(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(move(['a', 'b'], 1, 5)).toEqual(['a', 'b']);
    const stale = { ...definition, languages: definition.languages.map((l) => ({ ...l, staleItems: ['trust'] })) };
    const removed = removeItem(stale, 0);
    expect(removed.items.map((i) => i.name)).toEqual(['why']);
    expect(removed.languages.every((l) => l.staleItems.length === 0)).toBe(true);
    // The condition on the removed item is now a problem to fix, not silently dropped.
    expect(findProblems(removed).map((p) => p.path)).toContain('items.0.enableWhen');
  });

  it('leaves empty optional licence fields out', () => {
    const licence: Licence = { status: 'free', attribution: '', wordingEditable: true, copyright: ' ', permission: { grantedBy: '', grantedOn: '', file: '' } };
    expect(tidyLicence(licence)).toEqual({ status: 'free', attribution: '', wordingEditable: true });
  });
});
