// Pure readers of what researchers paste or type: address lists, reminder days, files to send.

/** What a pasted list of addresses holds: the addresses to invite (each once) and the pieces that are not addresses. */
export interface EmailList {
  valid: string[];
  invalid: string[];
}

// The same shape the server accepts: something@something.tld, without spaces; the server checks again.
const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:".]{2,}$/;

/**
 * Reads addresses pasted from a spreadsheet, an e-mail or a list: separated by new lines, commas, semicolons or
 * spaces, or written as `Name <address>` (Outlook's "Lovelace, Ada <ada@example.org>; …" included: in a line
 * with angle brackets, words outside them are names). Lower-cased and each kept once, in the order pasted.
 */
export function parseEmailList(text: string): EmailList {
  const valid: string[] = [];
  const invalid: string[] = [];
  const seen = new Set<string>();
  const add = (piece: string, reportInvalid: boolean) => {
    const candidate = piece.trim().replace(/^mailto:/i, '');
    if (!candidate) return;
    const address = candidate.toLowerCase();
    if (!EMAIL.test(address) || address.length > 254) {
      if (reportInvalid && !invalid.includes(candidate)) invalid.push(candidate);
      return;
    }
    if (seen.has(address)) return;
    seen.add(address);
    valid.push(address);
  };
  for (const chunk of text.split(/[\n;]+/)) {
    if (!/<[^<>]*>/.test(chunk)) {
      for (const piece of chunk.split(/[\s,]+/)) add(piece, true);
      continue;
    }
    // Addresses in order of appearance: bracketed ones, and bare addresses between the names.
    for (const piece of chunk.split(/(<[^<>]*>)/)) {
      if (piece.startsWith('<')) add(piece.slice(1, -1), true);
      else for (const word of piece.split(/[\s,]+/)) add(word, false);
    }
  }
  return { valid, invalid };
}

/** Reminder days as typed ("7, 14"): whole days from 1 to 365, at most five, sorted; or why not. */
export function parseReminderDays(
  text: string,
): { ok: true; days: number[] } | { ok: false; problem: 'notDays' | 'tooMany' } {
  const pieces = text.split(/[\s,;]+/).filter(Boolean);
  const days: number[] = [];
  for (const piece of pieces) {
    if (!/^\d+$/.test(piece)) return { ok: false, problem: 'notDays' };
    const day = Number(piece);
    if (day < 1 || day > 365) return { ok: false, problem: 'notDays' };
    if (!days.includes(day)) days.push(day);
  }
  if (days.length > 5) return { ok: false, problem: 'tooMany' };
  return { ok: true, days: days.sort((a, b) => a - b) };
}

/** Bytes as base64, in slices so that a large file does not overflow the call stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const slice = 0x8000;
  for (let i = 0; i < bytes.length; i += slice) binary += String.fromCharCode(...bytes.subarray(i, i + slice));
  return btoa(binary);
}

/** A chosen file's content as base64 (how the API takes instrument and response files). */
export async function fileToBase64(file: Blob): Promise<string> {
  return bytesToBase64(new Uint8Array(await file.arrayBuffer()));
}
