// Small text helpers shared by the syntax writers: lengths in UTF-8 bytes, shortening to a limit without cutting a
// character, and cutting a long label into pieces for languages whose lines should stay short.

const encoder = new TextEncoder();

/** The UTF-8 length of a string. */
export const byteLength = (text: string): number => encoder.encode(text).length;

/** The text shortened to at most `max` characters (code points), ending with "…" when shortened. */
export function truncateChars(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** The text shortened to at most `max` UTF-8 bytes, ending with "…" when shortened. */
export function truncateBytes(text: string, max: number): string {
  if (byteLength(text) <= max) return text;
  let out = '';
  for (const char of text) {
    if (byteLength(out + char) + byteLength('…') > max) break;
    out += char;
  }
  return `${out}…`;
}

/** Pieces of at most `size` characters, never splitting a character. */
export function chunks(text: string, size: number): string[] {
  const chars = Array.from(text);
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += size) out.push(chars.slice(i, i + size).join(''));
  return out.length ? out : [''];
}

/** Whether the text has a line break. */
export const hasLineBreak = (text: string): boolean => /[\r\n]/.test(text);

/** Line breaks as single spaces. */
export const oneLine = (text: string): string => text.replace(/\r\n|\r|\n/g, ' ');

/** A line of text safe inside a comment of SPSS or Stata: one line, no block-comment marks, no `///` continuation. */
export const commentLine = (text: string): string =>
  oneLine(text)
    .replace(/\/\*/g, '/ *')
    .replace(/\*\//g, '* /')
    .replace(/\/\/\//g, '/ //');
