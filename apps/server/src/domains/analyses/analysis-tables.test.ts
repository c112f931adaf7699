import { describe, expect, it } from 'vitest';
import { tableCell } from './analysis-tables.ts';

describe('a table cell', () => {
  it('writes numbers in full, nothing for a statistic that does not exist, booleans as R reads them', () => {
    expect(tableCell(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(tableCell(-1.25e-7)).toBe('-1.25e-7');
    expect(Number(tableCell(-0.000123456789012345))).toBe(-0.000123456789012345);
    expect(tableCell(null)).toBe('');
    expect(tableCell(Number.NaN)).toBe('');
    expect(tableCell(true)).toBe('true');
  });

  it('quotes as RFC 4180 and keeps a text from starting a spreadsheet formula, but not a negative number', () => {
    expect(tableCell('a,b')).toBe('"a,b"');
    expect(tableCell('say "hi"')).toBe('"say ""hi"""');
    expect(tableCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(tableCell('+1 more')).toBe(`'+1 more`);
    expect(tableCell('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(tableCell('-cmd')).toBe(`'-cmd`);
    expect(tableCell('-0.5')).toBe('-0.5');
    expect(tableCell('-2e-3')).toBe('-2e-3');
    expect(tableCell('(Intercept)')).toBe('(Intercept)');
  });
});
