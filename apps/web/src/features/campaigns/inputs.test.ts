import { describe, expect, it } from 'vitest';
import { bytesToBase64, parseEmailList, parseReminderDays } from './inputs.ts';

describe('pasted e-mail addresses', () => {
  it('reads lines, commas, semicolons and spaces; lower-cases; keeps each address once, in order', () => {
    expect(parseEmailList('Ada@Example.org, bo@example.no;\ncy@example.ca  ada@example.org\n\n')).toEqual({
      valid: ['ada@example.org', 'bo@example.no', 'cy@example.ca'],
      invalid: [],
    });
  });

  it('takes the address out of "Name <address>", Outlook’s "Last, First <address>; …" included', () => {
    expect(parseEmailList('Lovelace, Ada <ada@example.org>; Bo Berg <BO@example.no>, cy@example.ca')).toEqual({
      valid: ['ada@example.org', 'bo@example.no', 'cy@example.ca'],
      invalid: [],
    });
  });

  it('lists what is not an address, as typed', () => {
    expect(parseEmailList('ada@example.org\nnot-an-address\nbo@example\n<nobody>\nmailto:cy@example.ca')).toEqual({
      valid: ['ada@example.org', 'cy@example.ca'],
      invalid: ['not-an-address', 'bo@example', 'nobody'],
    });
  });
});

describe('reminder days', () => {
  it('reads whole days, sorted, each once; an empty field means no reminders', () => {
    expect(parseReminderDays('14, 7 7')).toEqual({ ok: true, days: [7, 14] });
    expect(parseReminderDays('  ')).toEqual({ ok: true, days: [] });
  });

  it('refuses what is not 1–365 days, and more than five reminders', () => {
    expect(parseReminderDays('7, 1.5')).toEqual({ ok: false, problem: 'notDays' });
    expect(parseReminderDays('0')).toEqual({ ok: false, problem: 'notDays' });
    expect(parseReminderDays('400')).toEqual({ ok: false, problem: 'notDays' });
    expect(parseReminderDays('1 2 3 4 5 6')).toEqual({ ok: false, problem: 'tooMany' });
  });
});

describe('files as base64', () => {
  it('encodes as the server decodes, also past one slice of 32 KiB', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7) % 256);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    expect(bytesToBase64(new TextEncoder().encode('program,group\nÅsane,psp\n'))).toBe(
      Buffer.from('program,group\nÅsane,psp\n').toString('base64'),
    );
    expect(bytesToBase64(new Uint8Array())).toBe('');
  });
});
