import { z } from 'zod';

export const IdSchema = z.uuid();
export const IdParamsSchema = z.object({ id: IdSchema });
export const IsoDateTimeSchema = z.iso.datetime({ offset: true });

export const EmailSchema = z
  .string()
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
