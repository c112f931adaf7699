import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

// Small secrets the server must be able to read again (a survey link for a reminder), sealed with AES-256-GCM
// under a key derived from the server's secret: a copy of the database alone does not give the links away.

const keyFor = (secret: string, purpose: string) => createHmac('sha256', secret).update(`alongside-seal:${purpose}`).digest();

/** Seals a short text: base64url of iv, tag and ciphertext. */
export function seal(secret: string, purpose: string, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(secret, purpose), iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** Opens a sealed text; throws when it was sealed under another secret or changed. */
export function unseal(secret: string, purpose: string, sealed: string): string {
  const raw = Buffer.from(sealed, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', keyFor(secret, purpose), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}
