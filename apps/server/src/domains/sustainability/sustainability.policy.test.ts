import { describe, expect, it } from 'vitest';
import { daysAwayIn } from './sustainability.policy.ts';

describe('days away in a period', () => {
  const from = '2026-01-01';
  const to = '2026-02-01'; // exclusive
  const today = '2026-03-02';

  it('counts from the first day away to the day before the return', () => {
    expect(daysAwayIn({ startsOn: '2026-01-10', returnedOn: '2026-01-15' }, from, to, today)).toBe(5);
  });
  it('clips to the period', () => {
    expect(daysAwayIn({ startsOn: '2025-12-20', returnedOn: '2026-01-03' }, from, to, today)).toBe(2);
    expect(daysAwayIn({ startsOn: '2026-01-30', returnedOn: '2026-02-10' }, from, to, today)).toBe(2);
  });
  it('counts up to today (included) while still away, and nothing for a step-away that has not started', () => {
    expect(daysAwayIn({ startsOn: '2026-02-27', returnedOn: null }, '2026-02-01', '2026-04-01', today)).toBe(4);
    expect(daysAwayIn({ startsOn: '2026-03-10', returnedOn: null }, '2026-02-01', '2026-04-01', today)).toBe(0);
  });
  it('counts nothing outside the period', () => {
    expect(daysAwayIn({ startsOn: '2025-11-01', returnedOn: '2025-11-20' }, from, to, today)).toBe(0);
  });
});
