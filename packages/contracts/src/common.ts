import { z } from 'zod';

export const IdSchema = z.uuid();
export const IdParamsSchema = z.object({ id: IdSchema });

/** PostgreSQL `integer` bounds: no integer in a contract may leave them. */
export const INT_MIN = -2147483648;
export const INT_MAX = 2147483647;
/** A whole number that fits a PostgreSQL `integer`. */
export const IntSchema = z.number().int().min(INT_MIN).max(INT_MAX);
/** A row version sent back with an edit (stale → 409). */
export const VersionSchema = z.number().int().min(0).max(INT_MAX);

/** The years a date in Alongside may fall in: wide enough for any record, narrow enough to refuse year 0 or 9999. */
export const YEAR_MIN = 1900;
export const YEAR_MAX = 2199;
const inYearRange = (value: string) => {
  // A value that is not a date at all already has its own issue: one message per field.
  if (!/^\d{4}-/.test(value)) return true;
  const year = Number(value.slice(0, 4));
  return year >= YEAR_MIN && year <= YEAR_MAX;
};
const yearMessage = `must be between the years ${YEAR_MIN} and ${YEAR_MAX}`;
/** Real UTC offsets run from -12:00 to +14:00; PostgreSQL refuses any beyond ±15:59 (and the format allows ±23:59). */
const inOffsetRange = (value: string) => {
  const offset = /^\d{4}-.*([+-])(\d{2}):(\d{2})$/.exec(value);
  // A year out of range already has its own issue: one message per field.
  if (!offset || !inYearRange(value)) return true;
  const minutes = Number(offset[2]) * 60 + Number(offset[3]);
  return minutes <= (offset[1] === '+' ? 14 : 12) * 60;
};
/** A calendar date (YYYY-MM-DD) within the sane range. */
export const IsoDateSchema = z.iso.date().refine(inYearRange, yearMessage);
/** An instant with its offset, within the sane range of years and of offsets. */
export const IsoDateTimeSchema = z.iso
  .datetime({ offset: true })
  .refine(inYearRange, yearMessage)
  .refine(inOffsetRange, 'must have a UTC offset between -12:00 and +14:00');

/** The NUL character: PostgreSQL refuses it in text, so every string in a request is checked for it. */
export const NUL_MESSAGE = 'must not contain the NUL character';

/**
 * The path of the first string (or object key) in a parsed request part that contains NUL, if any. A loop over an
 * explicit stack, not recursion: a body of 10,000 nested arrays overflowed the call stack (a 500).
 */
export function findNul(value: unknown): (string | number)[] | undefined {
  interface Step {
    value: unknown;
    key?: string | number;
    parent?: Step;
    keyHasNul?: boolean;
  }
  const pathOf = (step: Step) => {
    const path: (string | number)[] = [];
    for (let at = step; at.parent; at = at.parent) path.push(at.key!);
    return path.reverse();
  };
  // Children go on the stack last-first, so they are searched in order, depth first.
  const stack: Step[] = [{ value }];
  for (let step = stack.pop(); step; step = stack.pop()) {
    if (step.keyHasNul) return pathOf({ ...step, key: String(step.key).replaceAll('\u0000', '') });
    const current = step.value;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) return pathOf(step);
    } else if (current && typeof current === 'object') {
      const entries: [string | number, unknown][] = Array.isArray(current) ? current.map((item, index) => [index, item]) : Object.entries(current);
      for (const [key, item] of entries.reverse()) stack.push({ value: item, key, parent: step, keyHasNul: typeof key === 'string' && key.includes('\u0000') });
    }
  }
  return undefined;
}

export const EmailSchema = z
  .string()
  .max(320)
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'must be a valid email address' }).max(254));

export const NameSchema = z.string().trim().min(1, 'must not be empty').max(200);

/** Passwords: long enough to resist guessing, no composition rules (NIST 800-63B). */
export const NewPasswordSchema = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(256, 'must be at most 256 characters');

export const OkSchema = z.object({ ok: z.literal(true) });
