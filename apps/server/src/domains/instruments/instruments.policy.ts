import type { InstrumentDefinition, Language, Licence } from '@alongside/contracts';
import { isResearcher, type Actor } from '../../lib/actor.ts';

/** The instrument library is shared: every researcher may read it, add to it and make new versions. */
export const canUseLibrary = (actor: Actor): boolean => isResearcher(actor);

/**
 * Items whose wording changed between two versions, in any language the licence protects: when the wording may
 * not be edited, only structure (scales, subscales, sections, order) may change.
 */
export function changedWording(before: InstrumentDefinition, after: InstrumentDefinition): string[] {
  const old = new Map(before.items.map((i) => [i.name, i]));
  const changed: string[] = [];
  for (const item of after.items) {
    const was = old.get(item.name);
    if (!was) continue;
    const languages = new Set([...Object.keys(was.text), ...Object.keys(item.text)]) as Set<Language>;
    if ([...languages].some((l) => was.text[l] !== undefined && was.text[l] !== item.text[l])) changed.push(item.name);
  }
  return changed;
}

/** A licence that protects wording forbids any change of an existing item's text. */
export const wordingProtected = (licence: Licence): boolean => !licence.wordingEditable;

/**
 * The translations a new version leaves stale: an item whose source-language text changed while a translation
 * kept its old text is flagged in that language until a reviewer clears it. Flags already there stay.
 */
export function staleTranslations(before: InstrumentDefinition, after: InstrumentDefinition): InstrumentDefinition['languages'] {
  const old = new Map(before.items.map((i) => [i.name, i]));
  const source = after.sourceLanguage;
  return after.languages.map((language) => {
    if (language.code === source) return { ...language, staleItems: [] };
    const stale = new Set(language.staleItems);
    for (const item of after.items) {
      const was = old.get(item.name);
      if (!was || was.text[source] === item.text[source]) continue;
      const translation = item.text[language.code];
      if (translation !== undefined && translation === was.text[language.code]) stale.add(item.name);
    }
    const names = new Set(after.items.map((i) => i.name));
    return { ...language, staleItems: [...stale].filter((n) => names.has(n)) };
  });
}
