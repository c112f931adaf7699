import {
  definitionProblems,
  InstrumentDefinitionSchema,
  LicenceSchema,
  type InstrumentDefinition,
  type Item,
  type ItemType,
  type Licence,
  type LocalizedText,
} from '@alongside/contracts/instruments';
import type { Language } from '@alongside/contracts/vocabulary';

// The instrument editor's pure rules: what is wrong and where, and the edits that keep references whole
// (renaming an item renames it in conditions, subscales and stale lists). Every edit returns a new definition
// and keeps the objects it did not touch, so unchanged parts of the form need not render again.

/** One thing to fix, at a dotted path into the definition (`items.3.name`) or the licence (`licence.permission`). */
export interface Problem {
  path: string;
  message: string;
}

/** Everything the contract and `definitionProblems` find wrong with a definition being edited. */
export function findProblems(definition: InstrumentDefinition): Problem[] {
  const parsed = InstrumentDefinitionSchema.safeParse(definition);
  const shape = parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  return [...shape, ...definitionProblems(definition)];
}

/** What is wrong with the licence: the contract's rules, and a recorded permission that says who, when and where. */
export function licenceProblems(licence: Licence): Problem[] {
  const parsed = LicenceSchema.safeParse(licence);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => ({ path: ['licence', ...i.path.map(String)].join('.'), message: i.message }));
  if (licence.status === 'permission_recorded' && !licence.permission) problems.push({ path: 'licence.permission', message: 'permission_missing' });
  return problems;
}

/**
 * Problems under `prefix`, by the field right after it: `items.3.text.fr` is field `text` of `items.3`; a problem on
 * `items.3` itself is field ''. Several prefixes can name the same thing (`subscales.2` and `subscales.engagement`).
 */
export function problemsUnder(problems: readonly Problem[], ...prefixes: string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const p of problems) {
    for (const prefix of prefixes) {
      if (p.path !== prefix && !p.path.startsWith(`${prefix}.`)) continue;
      const field = p.path.slice(prefix.length + 1).split('.')[0] ?? '';
      out.set(field, [...(out.get(field) ?? []), p.message]);
      break;
    }
  }
  return out;
}

/** Sets one language of a text; an emptied field is removed (a missing translation, not an empty one). */
export function withText(text: LocalizedText | undefined, language: Language, value: string): LocalizedText {
  const others = Object.entries(text ?? {}).filter(([code]) => code !== language);
  return Object.fromEntries(value.trim() === '' ? others : [...others, [language, value]]);
}

/** Whether `language` lacks wording that the source language has. */
export function isMissing(text: LocalizedText | undefined, language: Language, source: Language): boolean {
  return language !== source && Boolean(text?.[source]) && !text?.[language];
}

/** Whether any of the item's wording (text, help, option labels) exists in `language`. */
function hasWordingIn(item: Item, language: Language): boolean {
  return Boolean(item.text[language] ?? item.help?.[language] ?? item.options?.some((o) => o.label[language]));
}

/** Flags the item's translations for review after its source wording changed (in languages that have wording). */
export function markStale(definition: InstrumentDefinition, name: string): InstrumentDefinition {
  const item = definition.items.find((i) => i.name === name);
  if (!item) return definition;
  const languages = definition.languages.map((l) =>
    l.code === definition.sourceLanguage || l.staleItems.includes(name) || !hasWordingIn(item, l.code) ? l : { ...l, staleItems: [...l.staleItems, name] },
  );
  return languages.some((l, i) => l !== definition.languages[i]) ? { ...definition, languages } : definition;
}

/** The translator has checked the item's wording in `language` against the changed source. */
export function markReviewed(definition: InstrumentDefinition, language: Language, name: string): InstrumentDefinition {
  return {
    ...definition,
    languages: definition.languages.map((l) => (l.code === language ? { ...l, staleItems: l.staleItems.filter((n) => n !== name) } : l)),
  };
}

/** Whether the item's translation in `language` waits for review. */
export const isStale = (definition: InstrumentDefinition, language: Language, name: string): boolean =>
  definition.languages.some((l) => l.code === language && l.staleItems.includes(name));

/** Replaces the item at `index`; a change to its source-language wording flags its translations stale. */
export function updateItem(definition: InstrumentDefinition, index: number, update: (item: Item) => Item): InstrumentDefinition {
  const before = definition.items[index];
  if (!before) return definition;
  const after = update(before);
  const items = definition.items.map((item, i) => (i === index ? after : item));
  const next = { ...definition, items };
  const source = definition.sourceLanguage;
  const sourceWording = (item: Item) => JSON.stringify([item.text[source], item.help?.[source], item.options?.map((o) => o.label[source])]);
  return sourceWording(before) !== sourceWording(after) ? markStale(next, after.name) : next;
}

/**
 * Renames the item at `index`, and with it every reference: conditions, subscales, stale lists. References are left
 * alone when the old name was not the item's alone, or the new name is another item's (they would merge).
 */
export function renameItem(definition: InstrumentDefinition, index: number, name: string): InstrumentDefinition {
  const old = definition.items[index]?.name;
  if (old === undefined || old === name) return definition;
  const renamed = updateItem(definition, index, (item) => ({ ...item, name }));
  const others = definition.items.filter((_, i) => i !== index).map((i) => i.name);
  if (others.includes(old) || others.includes(name)) return renamed;
  const swap = (n: string) => (n === old ? name : n);
  return {
    ...renamed,
    items: renamed.items.map((item) =>
      item.enableWhen?.some((c) => c.item === old) ? { ...item, enableWhen: item.enableWhen.map((c) => ({ ...c, item: swap(c.item) })) } : item,
    ),
    subscales: renamed.subscales.map((s) => (s.items.includes(old) ? { ...s, items: s.items.map(swap) } : s)),
    languages: renamed.languages.map((l) => (l.staleItems.includes(old) ? { ...l, staleItems: l.staleItems.map(swap) } : l)),
  };
}

/** Renames a response scale and the Likert items that use it. */
export function renameScale(definition: InstrumentDefinition, index: number, id: string): InstrumentDefinition {
  const old = definition.scales[index]?.id;
  if (old === undefined || old === id) return definition;
  const shared = definition.scales.some((s, i) => i !== index && (s.id === old || s.id === id));
  return {
    ...definition,
    scales: definition.scales.map((s, i) => (i === index ? { ...s, id } : s)),
    items: shared ? definition.items : definition.items.map((item) => (item.scale === old ? { ...item, scale: id } : item)),
  };
}

/** Renames a section, the items in it and the sections inside it. */
export function renameSection(definition: InstrumentDefinition, index: number, id: string): InstrumentDefinition {
  const old = definition.sections[index]?.id;
  if (old === undefined || old === id) return definition;
  const shared = definition.sections.some((s, i) => i !== index && (s.id === old || s.id === id));
  return {
    ...definition,
    sections: definition.sections.map((s, i) => (i === index ? { ...s, id } : shared ? s : s.parent === old ? { ...s, parent: id } : s)),
    items: shared ? definition.items : definition.items.map((item) => (item.section === old ? { ...item, section: id } : item)),
  };
}

/** Moves an element of a list from one place to another (a new list; the same list when either index is out of range). */
export function move<T>(list: readonly T[], from: number, to: number): T[] {
  if (from < 0 || from >= list.length || to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved as T);
  return next;
}

/** A name not yet taken: `prefix_1`, `prefix_2`, … */
export function freshName(taken: Iterable<string>, prefix: string): string {
  const used = new Set(taken);
  for (let n = 1; ; n += 1) if (!used.has(`${prefix}_${n}`)) return `${prefix}_${n}`;
}

/** A new item of `type`: a Likert item takes the first response scale, choice items start with two options. */
export function newItem(definition: InstrumentDefinition, type: ItemType = definition.scales.length > 0 ? 'likert' : 'text'): Item {
  return withType({ name: freshName(definition.items.map((i) => i.name), 'item'), type: 'text', text: {}, required: false, reverse: false, identifier: false }, type, definition);
}

/** The item as another type: drops what the new type cannot use and adds what it needs. */
export function withType(item: Item, type: ItemType, definition: InstrumentDefinition): Item {
  const { scale: _scale, options: _options, min: _min, max: _max, integer: _integer, ...rest } = item;
  switch (type) {
    case 'likert':
      return { ...rest, type, scale: item.scale ?? definition.scales[0]?.id };
    case 'single':
    case 'multiple':
      return {
        ...rest,
        type,
        options: item.options ?? [
          { code: '1', label: {} },
          { code: '2', label: {} },
        ],
      };
    case 'number':
      return { ...rest, type, ...(item.min !== undefined ? { min: item.min } : {}), ...(item.max !== undefined ? { max: item.max } : {}), ...(item.integer ? { integer: true } : {}) };
    case 'text':
      return { ...rest, type };
  }
}

/** Removes the item at `index` (conditions and subscales naming it then show as problems to fix). */
export function removeItem(definition: InstrumentDefinition, index: number): InstrumentDefinition {
  const name = definition.items[index]?.name;
  return {
    ...definition,
    items: definition.items.filter((_, i) => i !== index),
    languages: definition.languages.map((l) => (name && l.staleItems.includes(name) ? { ...l, staleItems: l.staleItems.filter((n) => n !== name) } : l)),
  };
}

/** A licence with its empty optional fields left out, as the contract wants it (no empty permission, no empty copyright). */
export function tidyLicence(licence: Licence): Licence {
  const { copyright, permission, ...rest } = licence;
  const hasPermission = permission && (permission.grantedBy.trim() || permission.grantedOn || permission.file.trim());
  return { ...rest, ...(copyright?.trim() ? { copyright } : {}), ...(hasPermission ? { permission } : {}) };
}
