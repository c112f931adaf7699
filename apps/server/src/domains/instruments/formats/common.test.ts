import { describe, expect, it } from 'vitest';
import {
  NameRegistry,
  decodeUtf8,
  humanise,
  languageFromTag,
  plainText,
  toInstrumentKey,
  toVariableName,
} from './common.ts';

describe('names and languages', () => {
  it.each([
    ['en', 'en'],
    ['en-CA', 'en'],
    ['English', 'en'],
    ['fr', 'fr'],
    ['fr-CA', 'fr'],
    ['Français', 'fr'],
    ['nb', 'nb'],
    ['no', 'nb'],
    ['nb-NO', 'nb'],
    ['Norsk bokmål', 'nb'],
    ['nn', undefined],
    ['nn-NO', undefined],
    ['de', undefined],
  ])('reads the language tag %s as %s', (tag, language) => {
    expect(languageFromTag(tag)).toBe(language);
  });

  it.each([
    ['q1', 'q1'],
    ['Q1', 'q1'],
    ['1.2', 'v_1_2'],
    ['role-other', 'role_other'],
    ['Ålesund år', 'alesund_ar'],
    ['_x_', 'x'],
    ['a_very_long_question_name_indeed_and_longer', 'a_very_long_question_name'],
  ])('makes %s the variable name %s', (raw, name) => {
    expect(toVariableName(raw)).toBe(name);
  });

  it('hands out unique names within 26 characters', () => {
    const names = new NameRegistry();
    expect(names.claim('Q1')).toEqual({ name: 'q1', changed: true });
    expect(names.claim('q1')).toEqual({ name: 'q1_2', changed: true });
    expect(names.claim('a_very_long_question_name_x').name).toBe('a_very_long_question_name');
    expect(names.claim('a_very_long_question_name_y').name).toBe('a_very_long_question_nam_2');
  });

  it('makes keys and titles from file and project names', () => {
    expect(toInstrumentKey('PeerSupportIntegration')).toBe('peer-support-integration');
    expect(toInstrumentKey('Team check (v2)')).toBe('team-check-v2');
    expect(toInstrumentKey('!')).toBe('imported-instrument');
    expect(humanise('PeerSupportIntegration')).toBe('Peer support integration');
    expect(humanise('integration_survey')).toBe('Integration survey');
  });
});

describe('text', () => {
  it('drops a byte-order mark', () => {
    expect(decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ ok: true, text: 'a' });
  });

  it('strips tags and decodes entities, and says when it removed formatting', () => {
    expect(plainText('<p>One</p><p>Two &amp; <b>three</b></p>')).toEqual({ text: 'One\nTwo & three', changed: true });
    expect(plainText('a &lt;b&gt; c')).toEqual({ text: 'a <b> c', changed: false });
    expect(plainText('score < 3 or > 5')).toEqual({ text: 'score < 3 or > 5', changed: false });
  });
});
