import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AnalysisRow } from './analysis-design.ts';
import { analyze } from './analysis.ts';
import { analyzeSummaries } from './analysis-summaries.ts';
import { seededUniform } from './program-level.ts';
import { combineSummaries, rawSummaries } from './summaries.ts';

// The whole analysis from per-program summaries equals the analysis of the rows they summarise, to 1e-9 — also when
// Canada's and Norway's summaries come from two installations and are combined.

function fixture(name: string): AnalysisRow[] {
  const [header, ...lines] = readFileSync(new URL(`../../../tools/reference/${name}`, import.meta.url), 'utf8').trim().split('\n');
  const columns = header!.split(',');
  return lines.map((line) => {
    const cells = Object.fromEntries(line.split(',').map((cell, i) => [columns[i]!, cell]));
    const number = (cell: string | undefined) => (cell ? Number(cell) : null);
    return { program: cells.program!, country: cells.country!, group: cells.group!, values: { f1: number(cells.f1), f2: number(cells.f2), f3: number(cells.f3), outcome: number(cells.outcome) } };
  });
}

/** Programs of 2 to 40 respondents in two countries, one factor's slope larger in Norway. */
function simulated(): AnalysisRow[] {
  const uniform = seededUniform(5);
  const normal = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  const rows: AnalysisRow[] = [];
  for (let j = 0; j < 40; j++) {
    const country = j % 2 ? 'NO' : 'CA';
    const shift = [0.5 * normal(), 0.5 * normal(), 0.5 * normal()];
    const size = 2 + ((j * 7) % 39);
    for (let i = 0; i < size; i++) {
      const f = shift.map((s) => s + normal());
      const group = ['psp', 'clinician', 'manager', 'person_supported'][Math.floor(uniform() * 4)]!;
      const y = 3 + 0.5 * f[0]! + (country === 'NO' ? 0.5 : 0.2) * f[1]! + 0.3 * normal() + 0.6 * normal();
      rows.push({ program: `q${String(j).padStart(2, '0')}`, country, group, values: { f1: f[0]!, f2: f[1]!, f3: f[2]!, outcome: y } });
    }
  }
  return rows;
}

const spec = { outcome: 'outcome', factors: ['f1', 'f2', 'f3'] };
const levels = { countries: ['NO'], groups: ['clinician', 'manager', 'person_supported', 'policy_maker'] };
const options = { resamples: 30, centering: true, k: 5, models: ['mixed', 'ols', 'dominance', 'country', 'level_dominance'] as const };

/** Every number in `actual` within 1e-9 (relative above 1) of `wanted`, everything else equal. */
function expectSame(actual: unknown, wanted: unknown, path = 'result'): void {
  if (typeof wanted === 'number') {
    expect(typeof actual, path).toBe('number');
    if (Number.isNaN(wanted)) expect(actual, path).toBeNaN();
    else expect(Math.abs((actual as number) - wanted), `${path}: ${String(actual)} vs ${wanted}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(wanted)));
  } else if (Array.isArray(wanted)) {
    expect(Array.isArray(actual) && actual.length, path).toBe(wanted.length);
    wanted.forEach((w, i) => expectSame((actual as unknown[])[i], w, `${path}[${i}]`));
  } else if (wanted && typeof wanted === 'object') {
    const keys = Object.keys(wanted).filter((key) => typeof (wanted as Record<string, unknown>)[key] !== 'function');
    expect(Object.keys(actual as object).filter((key) => typeof (actual as Record<string, unknown>)[key] !== 'function').sort(), path).toEqual(keys.sort());
    for (const key of keys) expectSame((actual as Record<string, unknown>)[key], (wanted as Record<string, unknown>)[key], `${path}.${key}`);
  } else expect(actual, path).toEqual(wanted);
}

describe('the analysis from per-program summaries', () => {
  it.each([
    ['mixed-unbalanced.csv', fixture('mixed-unbalanced.csv')],
    ['mixed-collinear.csv', fixture('mixed-collinear.csv')],
    ['mixed-boundary.csv', fixture('mixed-boundary.csv')],
    ['simulated programs of 2 to 40', simulated()],
  ])('equals the analysis of the rows on %s, every part to 1e-9', (_name, rows) => {
    // Diagnostics need the respondents' rows: everything else comes from the summaries.
    const { diagnostics: _rowsOnly, ...fromRows } = analyze(rows, spec, options);
    const fromSummaries = analyzeSummaries(rawSummaries(rows, spec, levels), { ...options, lost: fromRows.sample.lost });
    expectSame(fromSummaries, fromRows);
  });

  it('gives the pooled analysis from two installations’ summaries', () => {
    const rows = simulated();
    const installations = ['CA', 'NO'].map((country) => rawSummaries(rows.filter((r) => r.country === country), spec, levels));
    const { diagnostics: _rowsOnly, ...fromRows } = analyze(rows, spec, options);
    expectSame(analyzeSummaries(combineSummaries(installations), { ...options, lost: fromRows.sample.lost }), fromRows);
  });
});
