import { describe, expect, it } from 'vitest';
import type { AnalysisRow } from './analysis-design.ts';
import { analyze, type Analysis, type ProgramLevel, type Unavailable } from './analysis.ts';
import type { CountryComparison } from './country-comparison.ts';
import { ModelError } from './mixed-model.ts';
import { bootstrapDominance, seededUniform } from './program-level.ts';

// The analysis as a whole: a known truth is recovered, small cells are withheld and refitted without, and degenerate
// inputs say what is wrong instead of giving NaN tables.

const FACTORS = ['culture', 'role_clarity', 'supervision', 'training'];
/** Effects in Canada; in Norway role clarity's is 0.25 larger. Programs also differ in their factor means. */
const TRUTH = { culture: 0.6, role_clarity: 0.3, supervision: 0.12, training: 0 };
const NORWAY_EXTRA = 0.25;

function simulate(seed: number, programs: number, perProgram: number): AnalysisRow[] {
  const uniform = seededUniform(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  const rows: AnalysisRow[] = [];
  for (let j = 0; j < programs; j++) {
    const country = j % 2 === 0 ? 'CA' : 'NO';
    const programEffect = 0.3 * normal();
    const shift = FACTORS.map(() => 0.6 * normal());
    for (let i = 0; i < perProgram; i++) {
      const f = FACTORS.map((_, k) => shift[k]! + normal());
      const group = ['psp', 'clinician', 'manager'][Math.floor(uniform() * 3)]!;
      const slope = (k: number) => Object.values(TRUTH)[k]! + (k === 1 && country === 'NO' ? NORWAY_EXTRA : 0);
      const y = 3 + f.reduce((sum, v, k) => sum + slope(k) * v, 0) + 0.1 * (country === 'NO' ? 1 : 0) + programEffect + 0.7 * normal();
      rows.push({ program: `prog-${String(j).padStart(3, '0')}`, country, group, values: { ...Object.fromEntries(FACTORS.map((name, k) => [name, f[k]!])), outcome: y } });
    }
  }
  return rows;
}

const available = <T extends object>(part: T | Unavailable): T => {
  if ('unavailable' in part) throw new Error(`unavailable: ${part.unavailable.message}`);
  return part;
};

describe('the analysis', () => {
  it('recovers a known truth: the order of the effects, the program-level importance, and the country difference in one slope', () => {
    const result: Analysis = analyze(simulate(42, 120, 25), { outcome: 'outcome', factors: FACTORS }, { resamples: 100 });
    const estimates = FACTORS.map((factor) => available(result.mixed).fixed.find((f) => f.term === factor)!);
    // Pooled over both countries role clarity's effect is about 0.3 + 0.25/2.
    const order = (values: number[]) => values.map((_, i) => i).sort((a, b) => values[b]! - values[a]!);
    expect(order(estimates.map((e) => e.estimate))).toEqual([0, 1, 2, 3]);
    // The effects are per SD of each factor: back on the factor's own scale they meet the truth.
    for (const [k, e] of estimates.entries()) {
      const sd = result.sample.standardization[k]!.sd;
      const truth = Object.values(TRUTH)[k]! + (k === 1 ? NORWAY_EXTRA / 2 : 0);
      expect(Math.abs(e.estimate / sd - truth), `${e.term}: ${e.estimate / sd} vs ${truth}`).toBeLessThan((3 * e.se) / sd + 0.02);
    }
    const program = available<ProgramLevel>(result.programLevel);
    expect(order(program.dominance.general)[0]).toBe(0);
    expect(program.bootstrap!.intervals[0]!.low).toBeGreaterThan(program.bootstrap!.intervals[3]!.high);
    const countries = available<CountryComparison>(result.countries);
    const sd = result.sample.standardization[1]!.sd;
    expect(countries.likelihoodRatio.df).toBe(FACTORS.length);
    expect(countries.likelihoodRatio.p).toBeLessThan(0.01);
    const interaction = countries.interaction.fixed.find((f) => f.term === 'role_clarity:countryNO')!;
    expect(Math.abs(interaction.estimate / sd - NORWAY_EXTRA)).toBeLessThan((3 * interaction.se) / sd);
    expect(interaction.p).toBeLessThan(0.01);
    const norway = countries.slopes.find((s) => s.factor === 'role_clarity')!;
    expect(Math.abs(norway.estimate / sd - (TRUTH.role_clarity + NORWAY_EXTRA))).toBeLessThan((3 * norway.se) / sd);
    expect(countries.perCountry.map((c) => c.country)).toEqual(['CA', 'NO']);
  });

  it('gives aggregate diagnostics: residuals by fitted value in bins, and Q–Q points of residuals and BLUPs', () => {
    const result = analyze(simulate(11, 60, 20), { outcome: 'outcome', factors: FACTORS }, { resamples: 0 });
    const d = result.diagnostics!;
    expect(d.residualsByFitted).toHaveLength(20);
    expect(d.residualsByFitted.reduce((sum, b) => sum + b.n, 0)).toBe(available(result.mixed).n);
    for (let i = 1; i < d.residualsByFitted.length; i++) expect(d.residualsByFitted[i]!.fitted).toBeGreaterThanOrEqual(d.residualsByFitted[i - 1]!.fitted);
    // The model is right here: no bin's mean residual strays far from 0, and the residuals' quantiles follow the normal's.
    for (const bin of d.residualsByFitted) expect(Math.abs(bin.residual)).toBeLessThan(0.35);
    expect(d.residualQuantiles).toHaveLength(50);
    for (const q of d.residualQuantiles.slice(5, 45)) expect(Math.abs(q.sample - q.theoretical)).toBeLessThan(0.2);
    expect(d.blupQuantiles).toHaveLength(60);
    expect(d.blupQuantiles.map((q) => q.sample)).toEqual([...d.blupQuantiles.map((q) => q.sample)].sort((a, b) => a - b));
  });

  it('withholds the per-program outputs of programs under k and refits without them', () => {
    const rows = simulate(7, 30, 12);
    const tiny = [0, 1, 2].map((j) => `prog-${String(j).padStart(3, '0')}`);
    // Three programs keep only their first 2, 3 and 4 respondents.
    const limits = new Map(tiny.map((program, at) => [program, at + 2]));
    const seen = new Map<string, number>();
    const trimmed = rows.filter((r) => {
      const count = (seen.get(r.program) ?? 0) + 1;
      seen.set(r.program, count);
      return count <= (limits.get(r.program) ?? Infinity);
    });
    const result = analyze(trimmed, { outcome: 'outcome', factors: FACTORS }, { resamples: 0 });
    expect(result.smallCells.withheld).toEqual(tiny);
    for (const b of result.blups) expect(b.blup === null, b.program).toBe(b.withheld);
    expect(result.blups.filter((b) => b.withheld).map((b) => b.program)).toEqual(tiny);
    const program = available<ProgramLevel>(result.programLevel);
    expect(program.programs.filter((p) => p.withheld).every((p) => p.outcomeMean === null)).toBe(true);
    const without = available(result.smallCells.without!);
    expect(available(without.mixed).n).toBe(available(result.mixed).n - (2 + 3 + 4));
    expect(available(without.mixed).programs).toBe(27);
  });

  describe('says what is wrong with degenerate inputs', () => {
    const base = simulate(3, 24, 10);
    const spec = { outcome: 'outcome', factors: FACTORS };
    const failure = (rows: AnalysisRow[], factors = FACTORS) => {
      try {
        analyze(rows, { ...spec, factors }, { resamples: 0 });
      } catch (error) {
        expect(error).toBeInstanceOf(ModelError);
        return error as ModelError;
      }
      throw new Error('expected the analysis to fail');
    };

    it('a factor without variance', () => {
      const error = failure(base.map((r) => ({ ...r, values: { ...r.values, training: 3 } })));
      expect(error.code).toBe('no_variance');
      expect(error.terms).toEqual(['training']);
      expect(error.message).toMatch(/^training has the same value/);
    });

    it('everything missing', () => {
      expect(failure(base.map((r) => ({ ...r, values: { ...r.values, outcome: null } }))).code).toBe('no_rows');
    });

    it('perfectly collinear factors', () => {
      const error = failure(base.map((r) => ({ ...r, values: { ...r.values, training: Number(r.values.culture) + Number(r.values.supervision) } })));
      expect(error.code).toBe('collinear');
      expect(error.terms).toEqual(['training']);
    });

    it('one country only: the comparison says so, the rest is computed', () => {
      const result = analyze(base.filter((r) => r.country === 'NO'), spec, { resamples: 0 });
      expect(result.sample.dropped).toEqual(['country']);
      expect(available(result.mixed).terms).not.toContain('countryNO');
      expect('unavailable' in result.countries && result.countries.unavailable.message).toMatch(/one country only/);
    });

    it('an outcome with one value per program: the mixed model says why it has nothing to fit, the program level is computed', () => {
      const byProgram = new Map<string, number>();
      const rows = base.map((r) => {
        if (!byProgram.has(r.program)) byProgram.set(r.program, 40 + 30 * Number(r.values.culture));
        return { ...r, values: { ...r.values, outcome: byProgram.get(r.program)! } };
      });
      const result = analyze(rows, spec, { resamples: 20 });
      for (const part of [result.mixed, result.ml, result.countries])
        expect('unavailable' in part && part.unavailable.code).toBe('program_level_outcome');
      expect(result.blups).toEqual([]);
      expect(result.diagnostics).toBeUndefined();
      const programLevel = available(result.programLevel);
      const expected = [...byProgram].filter(([program]) => !result.smallCells.withheld.includes(program)).map(([, value]) => value);
      programLevel.programs.filter((p) => !p.withheld).forEach((p, j) => expect(p.outcomeMean).toBeCloseTo(expected[j]!, 9));
      expect(programLevel.ols.r2).toBeGreaterThan(0);
    });

    it('fewer programs than factors: the program level says so, the mixed model is fitted', () => {
      const result = analyze(base.filter((r) => ['prog-000', 'prog-001', 'prog-002', 'prog-003'].includes(r.program)), spec, { resamples: 0 });
      expect(available(result.mixed).fixed.every((f) => Number.isFinite(f.estimate) && Number.isFinite(f.se))).toBe(true);
      expect('unavailable' in result.programLevel && result.programLevel.unavailable.code).toBe('too_few_programs');
    });
  });

  it('computes only the parts asked for; the others say so', () => {
    const rows = simulate(5, 30, 12);
    const spec = { outcome: 'outcome', factors: FACTORS };
    const programOnly = analyze(rows, spec, { models: ['ols'], resamples: 50 });
    for (const part of [programOnly.mixed, programOnly.ml, programOnly.countries]) expect('unavailable' in part && part.unavailable.code).toBe('not_requested');
    expect(programOnly.blups).toEqual([]);
    expect(available(programOnly.programLevel).bootstrap).toBeNull();
    const full = analyze(rows, spec, { resamples: 50 });
    expect(available(programOnly.programLevel).ols).toEqual(available(full.programLevel).ols);
    const mixedOnly = analyze(rows, spec, { models: ['mixed', 'dominance'], resamples: 50 });
    expect(available(mixedOnly.mixed).fixed).toEqual(available(full.mixed).fixed);
    expect(available(mixedOnly.programLevel).bootstrap).toEqual(available(full.programLevel).bootstrap);
    expect('unavailable' in mixedOnly.countries && mixedOnly.countries.unavailable.code).toBe('not_requested');
  });

  it('gives the dominance on the mixed model when asked: weights within and between programs, and says when there are too many factors', () => {
    const rows = simulate(5, 30, 12);
    const result = analyze(rows, { outcome: 'outcome', factors: FACTORS }, { models: ['mixed', 'level_dominance'], resamples: 0 });
    const level = available(result.levelDominance!);
    expect(level.within.factors).toEqual(FACTORS);
    // Culture, the strongest true effect, takes the largest share within programs.
    expect(level.within.general.indexOf(Math.max(...level.within.general))).toBe(0);
    expect(level.within.general.reduce((a, b) => a + b, 0)).toBeCloseTo(level.within.r2, 12);
    expect(analyze(rows, { outcome: 'outcome', factors: FACTORS }, { resamples: 0 }).levelDominance).toBeUndefined();
    const many = Array.from({ length: 11 }, (_, i) => `x${i}`);
    const wide = rows.map((r) => ({ ...r, values: { ...r.values, ...Object.fromEntries(many.map((f, i) => [f, Math.sin(i * 7.1 + Number(r.values.culture) * (i + 1))])) } }));
    const tooMany = analyze(wide, { outcome: 'outcome', factors: many }, { models: ['level_dominance'], resamples: 0 });
    expect(tooMany.levelDominance && 'unavailable' in tooMany.levelDominance && tooMany.levelDominance.unavailable.code).toBe('too_many_factors');
    expect('unavailable' in tooMany.mixed && tooMany.mixed.unavailable.code).toBe('not_requested');
  });

  it('leaves out a bootstrap resample that draws too few distinct programs, and counts those used', () => {
    const means = { programs: ['a', 'b', 'c', 'd', 'e'], n: [9, 9, 9, 9, 9], factors: ['f', 'g'], x: [[-1, 0.5], [0, -1], [1, 0.2], [0.4, 1], [-0.4, -0.7]], y: [1, 2, 4, 3, 1.5] };
    const boot = bootstrapDominance(means, [[0, 0, 0, 0, 0], [0, 1, 0, 1, 0], [0, 1, 2, 3, 4], [4, 3, 2, 1, 1]]);
    expect(boot.resamples).toBe(2);
    expect(boot.intervals.every((i) => Number.isFinite(i.low) && Number.isFinite(i.high))).toBe(true);
  });
});
