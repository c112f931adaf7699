import type { Language } from '@alongside/contracts';
import { LANGUAGE_NAMES, LANGUAGE_TAGS, languageFromTag } from './common.ts';

// XLSForm column headers: `label::English (en)`, `label::en`, `hint::Français (fr)` or a bare `label`.

/** A column header split into its base (`label`) and its language, when it names one. */
export function splitHeader(header: string): { base: string; languageText?: string } {
  const match = /^\s*([A-Za-z_][A-Za-z0-9_:-]*?)\s*::\s*(.+?)\s*$/.exec(header);
  if (!match) return { base: header.trim().toLowerCase() };
  return { base: match[1]!.toLowerCase(), languageText: match[2]! };
}

/** The language an XLSForm language name stands for: `English (en)`, `Norsk bokmål (nb)`, `fr`, `French`. */
export function xlsformLanguage(text: string): Language | undefined {
  const code = /\(([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)\)\s*$/.exec(text);
  if (code) return languageFromTag(code[1]!);
  return languageFromTag(text);
}

/** `English (en)`: how we name a language in column headers and `default_language`. */
export function xlsformLanguageName(language: Language): string {
  return `${LANGUAGE_NAMES[language]} (${LANGUAGE_TAGS[language].split('-')[0]!})`;
}

/** Values XLSForm reads as "yes" in `required`. */
export function isYes(value: string): boolean | undefined {
  const v = value.trim().toLowerCase();
  if (['yes', 'true', 'true()', 'y', '1'].includes(v)) return true;
  if (['', 'no', 'false', 'false()', 'n', '0'].includes(v)) return false;
  return undefined;
}
