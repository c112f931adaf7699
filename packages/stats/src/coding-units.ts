import type { Rating } from './agreement.ts';

// The units coders' agreement is computed over (issue 11), from their codings of one source: spans [start, end) in
// code points, each with a code. Two units, as the agreement report states:
// - character: every character of the source is a unit; a coder rates it 1 for a code when one of their spans with
//   that code covers it, else 0 (uncoded text both leave alone counts as agreement, as in most QDA tools);
// - segment: the source cut at every coder's span boundaries; the pieces that some coder coded (with any code) are the
//   units, each rated 1 or 0 per code and coder as above; text nobody coded is not a unit.
// Per code the ratings are binary; pooled over codes, every (unit, code) pair is a unit. The disagreements are the
// segments where the coders' ratings of a code differ, merged where they touch.

export interface Coding {
  start: number;
  end: number;
  code: string;
}

export type Unit = 'character' | 'segment';

/** Elementary segments: the source cut at every span boundary, kept where at least one span covers it. */
export function segments(codings: readonly (readonly Coding[])[]): { start: number; end: number }[] {
  const cuts = [...new Set(codings.flatMap((c) => c.flatMap((s) => [s.start, s.end])))].sort((a, b) => a - b);
  const all = codings.flat();
  const out: { start: number; end: number }[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [start, end] = [cuts[i]!, cuts[i + 1]!];
    if (all.some((s) => s.start <= start && s.end >= end)) out.push({ start, end });
  }
  return out;
}

const covers = (spans: readonly Coding[], code: string, start: number, end: number) => spans.some((s) => s.code === code && s.start <= start && s.end >= end);

/**
 * Ratings of one code: a row per unit, a column per coder ('1' coded, '0' not). For `character`, `length` is the
 * source's length in code points; each character is a unit (rows are compressed into runs with a weight).
 */
export function codeRatings(codings: readonly (readonly Coding[])[], code: string, unit: Unit, length: number): { ratings: Rating[][]; weights: number[] } {
  // Characters between two cuts are rated alike: one row per run, weighted by its length.
  const pieces =
    unit === 'segment'
      ? segments(codings)
      : (() => {
          const cuts = [...new Set([0, length, ...codings.flatMap((c) => c.flatMap((s) => [s.start, s.end]))])].filter((x) => x >= 0 && x <= length).sort((a, b) => a - b);
          return cuts.slice(0, -1).map((start, i) => ({ start, end: cuts[i + 1]! }));
        })();
  const ratings = pieces.map((p) => codings.map((spans) => (covers(spans, code, p.start, p.end) ? '1' : '0')));
  const weights = pieces.map((p) => (unit === 'segment' ? 1 : p.end - p.start));
  return { ratings, weights };
}

/** Expands weighted rows into units (a character run of length w counts w times). */
export function expand(ratings: readonly Rating[][], weights: readonly number[]): Rating[][] {
  return ratings.flatMap((row, i) => Array.from({ length: weights[i]! }, () => row));
}

/** Where the coders' ratings of a code differ: segments (touching ones merged), with each coder's rating. */
export function disagreements(codings: readonly (readonly Coding[])[], code: string): { start: number; end: number; coded: boolean[] }[] {
  const out: { start: number; end: number; coded: boolean[] }[] = [];
  for (const piece of segments(codings)) {
    const coded = codings.map((spans) => covers(spans, code, piece.start, piece.end));
    if (coded.every((c) => c === coded[0])) continue;
    const last = out.at(-1);
    if (last && last.end === piece.start && last.coded.every((c, i) => c === coded[i])) last.end = piece.end;
    else out.push({ ...piece, coded });
  }
  return out;
}
