import { codePointLength, sliceByCodePoints } from './transcript-file.ts';

// The redaction pass of an uploaded transcript (issue 11): words that may be a person's or a place's name are flagged
// for the uploader, who confirms which to redact before anyone else sees the text; the redacted text replaces the
// original (which is not kept), and every offset after a redaction moves with it.
//
// A candidate is a capitalised word (or a run of them, "Ola Nordmann", "Nord-Trøndelag") that does not open a
// sentence or a line and is not a speaker label: names, places, and some proper nouns that are neither — the uploader
// decides. Offsets are code points, as everywhere in transcripts.

export interface Span {
  start: number;
  end: number;
}

export const REDACTED = '[…]';

/** Capitalised words that are rarely anyone's name (pronouns, days, months) in en, fr and nb. */
const COMMON = new Set(
  'I Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December English French Norwegian Canada Norway Lundi Mardi Mercredi Jeudi Vendredi Samedi Dimanche Janvier Février Mars Avril Mai Juin Juillet Août Septembre Octobre Novembre Décembre Mandag Tirsdag Onsdag Torsdag Fredag Lørdag Søndag Norge PSP OK'.split(' '),
);

const WORD = /\p{Lu}[\p{Ll}\p{Lu}'’-]*(?:[ -]\p{Lu}[\p{Ll}'’-]+)*/gu;

/** Spans that may be personal or place names, for the uploader to confirm. */
export function redactionCandidates(text: string, turns: readonly Span[] = []): Span[] {
  const spans: Span[] = [];
  const labelEnds = new Set(turns.map((t) => t.start));
  let lineStart = 0;
  for (const line of text.split('\n')) {
    // The speaker label ("Interviewer:") is not a candidate: it was given as a role, and it is in every turn.
    const label = /^[^:\n]{1,40}:[ \t]/.exec(line);
    for (const match of line.matchAll(WORD)) {
      const index = match.index;
      if (label && labelEnds.has(lineStart) && index < label[0].length) continue;
      const before = line.slice(0, index).replace(/\s+$/u, '');
      // The first word of a line or of a sentence is capitalised anyway.
      if (before === '' || /[.!?…:«»"“”]$/.test(before)) continue;
      if (COMMON.has(match[0])) continue;
      const start = lineStart + codePointLength(line.slice(0, index));
      spans.push({ start, end: start + codePointLength(match[0]) });
    }
    lineStart += codePointLength(line) + 1;
  }
  return spans;
}

/**
 * The text with each span replaced by the redaction mark, and a function moving an offset of the original to the
 * redacted text (inside a redacted span: to its start). Spans must lie in the text and not overlap.
 */
export function applyRedactions(text: string, spans: readonly Span[]): { text: string; move: (offset: number) => number } {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const mark = codePointLength(REDACTED);
  let out = '';
  let at = 0;
  for (const span of sorted) {
    out += sliceByCodePoints(text, at, span.start) + REDACTED;
    at = span.end;
  }
  out += sliceByCodePoints(text, at, codePointLength(text));
  const move = (offset: number) => {
    let shift = 0;
    for (const span of sorted) {
      if (offset >= span.end) shift += mark - (span.end - span.start);
      else if (offset > span.start) return span.start + shift;
      else break;
    }
    return offset + shift;
  };
  return { text: out, move };
}

/** Spans that lie in a text of this length, each non-empty, none overlapping another. */
export function spansProblem(spans: readonly Span[], length: number): string | undefined {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  for (const [i, s] of sorted.entries()) {
    if (s.start < 0 || s.end > length || s.end <= s.start) return `${s.start}–${s.end} is not a span of the text (0–${length})`;
    if (i > 0 && s.start < sorted[i - 1]!.end) return `${s.start}–${s.end} overlaps another span`;
  }
  return undefined;
}
