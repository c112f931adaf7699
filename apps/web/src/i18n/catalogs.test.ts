import { describe, expect, it } from 'vitest';
import enCatalog from './en.json';
import frCatalog from './fr.json';
import nbCatalog from './nb.json';

interface Catalog {
  [key: string]: string | Catalog;
}
const catalogs: Record<string, Catalog> = { en: enCatalog, fr: frCatalog, nb: nbCatalog };
const load = (lang: string): Catalog => catalogs[lang] ?? {};

function flatten(catalog: Catalog, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

// Plural forms differ by language (French has "many"); compare the keys without the suffix.
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');
const vars = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

const en = flatten(load('en'));

describe.each(['fr', 'nb'])('%s catalog', (lang) => {
  const other = flatten(load(lang));

  it('has every English key and no others', () => {
    expect([...new Set([...other.keys()].map(base))].sort()).toEqual([...new Set([...en.keys()].map(base))].sort());
  });

  it('uses the same placeholders as English', () => {
    for (const [key, text] of other) {
      const english = en.get(key) ?? en.get(`${base(key)}_other`) ?? en.get(base(key));
      expect.soft(vars(text), `${lang}:${key}`).toEqual(vars(english ?? ''));
    }
  });

  it('is really translated (most strings differ from English)', () => {
    const same = [...other].filter(([key, text]) => en.get(key) === text).length;
    expect(same / other.size).toBeLessThan(0.15);
  });
});
