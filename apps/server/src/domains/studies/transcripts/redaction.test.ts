import { describe, expect, it } from 'vitest';
import { applyRedactions, REDACTED, redactionCandidates, spansProblem } from './redaction.ts';
import { sliceByCodePoints, speakerTurns } from './transcript-file.ts';

const text = 'Intervjuer: Hvem hjalp deg? 😊\nP3: Det var Ola Nordmann på Blåtind, og Anne i Tromsø. Siden gikk det bra.\nInterviewer: And on Monday?';

describe('the redaction pass', () => {
  it('flags capitalised words that may be names or places — not sentence starts, speaker labels, days or pronouns', () => {
    const found = redactionCandidates(text, speakerTurns(text)).map((s) => sliceByCodePoints(text, s.start, s.end));
    expect(found).toEqual(['Ola Nordmann', 'Blåtind', 'Anne', 'Tromsø']);
  });

  it('replaces the confirmed spans and moves later offsets with them', () => {
    const spans = redactionCandidates(text, speakerTurns(text));
    const { text: redacted, move } = applyRedactions(text, spans);
    expect(redacted).toBe(`Intervjuer: Hvem hjalp deg? 😊\nP3: Det var ${REDACTED} på ${REDACTED}, og ${REDACTED} i ${REDACTED}. Siden gikk det bra.\nInterviewer: And on Monday?`);
    // "Siden" after the redactions, and an offset inside a redacted name (to the mark's start).
    const siden = Array.from(text).join('').indexOf('Siden');
    const sidenAt = Array.from(text.slice(0, siden)).length;
    expect(sliceByCodePoints(redacted, move(sidenAt), move(sidenAt) + 5)).toBe('Siden');
    expect(move(spans[0]!.start + 2)).toBe(spans[0]!.start);
    expect(move(0)).toBe(0);
  });

  it('refuses spans outside the text or overlapping', () => {
    expect(spansProblem([{ start: 0, end: 5 }], 3)).toBe('0–5 is not a span of the text (0–3)');
    expect(spansProblem([{ start: 0, end: 3 }, { start: 2, end: 4 }], 10)).toBe('2–4 overlaps another span');
    expect(spansProblem([{ start: 4, end: 4 }], 10)).toBe('4–4 is not a span of the text (0–10)');
    expect(spansProblem([], 10)).toBeUndefined();
  });
});
