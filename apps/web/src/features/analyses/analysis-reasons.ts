import type { UnavailablePart } from './analysis-shape.ts';

/** Why a part of an analysis (or the whole analysis) could not be computed: the server's codes (packages/stats ModelError). */
export const UNAVAILABLE_CODES = [
  'no_rows',
  'no_variance',
  'too_few_rows',
  'too_few_programs',
  'collinear',
  'did_not_converge',
  'incompatible_summaries',
  'program_level_outcome',
  'not_requested',
  'too_many_factors',
] as const;
export type UnavailableCode = (typeof UNAVAILABLE_CODES)[number];

/**
 * A reason the interface can say in its own language: a code, with two finer cases a sentence of their own reads
 * better for — a sample of one country (no variance in `country`), and a composite's part that cannot be standardized.
 */
export type ReasonKind = UnavailableCode | 'one_country' | 'composite_part';

export interface Reason {
  kind: ReasonKind;
  /** The variables or model terms the reason is about (none for most). */
  terms: string[];
}

const isCode = (code: string): code is UnavailableCode => (UNAVAILABLE_CODES as readonly string[]).includes(code);

/** The reason of a part the server could not compute; undefined for a code this interface does not know. */
export function reasonOfPart(part: UnavailablePart): Reason | undefined {
  const { code, terms } = part.unavailable;
  if (!isCode(code)) return undefined;
  if (code === 'no_variance' && terms.length === 1 && terms[0] === 'country') return { kind: 'one_country', terms: [] };
  return { kind: code, terms };
}

// The 422 analysis_not_possible carries the English message only. Its code is read back from how each of the
// statistics package's messages starts (packages/stats/src: grep "new ModelError"), where that is unambiguous.
const MESSAGES: readonly [RegExp, ReasonKind][] = [
  [/^No respondent has every chosen variable/, 'no_rows'],
  [/^No respondent of \S+ is in the analysis sample/, 'no_rows'],
  [/^No summaries to combine/, 'no_rows'],
  [/^The analysis sample has respondents of one country only/, 'one_country'],
  [/^(\S+) has the same value for every respondent with all of /, 'composite_part'],
  [/^(\S+) has the same value for every respondent in the sample/, 'no_variance'],
  [/^(\S+) has the same mean in every program/, 'no_variance'],
  [/^\d+ respondents are too few for \d+ terms/, 'too_few_rows'],
  [/^A program-level variance needs at least 2 programs/, 'too_few_programs'],
  [/^\d+ programs are too few for \d+ factors/, 'too_few_programs'],
  [/^(\S+) is \(nearly\) a linear combination of /, 'collinear'],
  [/^Some factors are perfect linear combinations of others/, 'collinear'],
  [/^The program variance grows without bound/, 'did_not_converge'],
  [/^Program \S+ has respondents in more than one country/, 'incompatible_summaries'],
  [/^Summaries with columns .* cannot be combined with /, 'incompatible_summaries'],
  [/^Program \S+ is in two sets of summaries/, 'incompatible_summaries'],
  [/^The outcome has one value per program/, 'program_level_outcome'],
  [/^The dominance on the mixed model fits a model for every subset/, 'too_many_factors'],
];

/** The reason of a 422 analysis_not_possible, read from its English message; undefined when the message is not known. */
export function reasonFromMessage(message: string): Reason | undefined {
  for (const [pattern, kind] of MESSAGES) {
    const match = pattern.exec(message);
    if (match) return { kind, terms: match[1] ? [match[1]] : [] };
  }
  return undefined;
}
