// `npm run bench:analysis`: issue 10's analysis figure. Generated data of BENCH_PROGRAMS programs (1,000) ×
// BENCH_PER_PROGRAM respondents (50) × BENCH_FACTORS factors (12) in two countries and three stakeholder groups, then
// each step timed: the analysis sample and design (listwise, z-scores) with the per-program summaries; the mixed model
// by REML with Satterthwaite df for every term; the program level (means, OLS with HC3); dominance over all 2^12 =
// 4,096 subsets; BENCH_RESAMPLES (200) bootstrap resamples of the dominance. The median of BENCH_RUNS (5) runs of the
// whole, and each step's. Target: the whole ≤ 1 s. Where Rscript with lme4, lmerTest and sandwich is installed, R does
// the same on the same data in the same run (scripts/bench-analysis.R; BENCH_R=0 skips it) and the ratio is printed.
// Asserts nothing.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDesign, type AnalysisRow } from '@alongside/stats/analysis-design';
import { fitRandomIntercept, programSummaries } from '@alongside/stats/mixed-model';
import { bootstrapDominance, dominance, olsHC3, programMeans, programResamples, seededUniform } from '@alongside/stats/program-level';

const PROGRAMS = Number(process.env.BENCH_PROGRAMS ?? 1000);
const PER_PROGRAM = Number(process.env.BENCH_PER_PROGRAM ?? 50);
const FACTORS = Number(process.env.BENCH_FACTORS ?? 12);
const RESAMPLES = Number(process.env.BENCH_RESAMPLES ?? 200);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TARGET_MS = 1000;

const factors = Array.from({ length: FACTORS }, (_, k) => `f${String(k + 1).padStart(2, '0')}`);

/** Factors with a program-level part; the outcome driven by a few of them, one differently in Norway. */
function generate(): AnalysisRow[] {
  const uniform = seededUniform(20261204);
  const normal = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  const effects = factors.map((_, k) => (k < 4 ? 0.5 - 0.1 * k : 0.02 * (k % 3)));
  const rows: AnalysisRow[] = [];
  for (let j = 0; j < PROGRAMS; j++) {
    const country = j % 2 === 0 ? 'CA' : 'NO';
    const shift = factors.map(() => 0.5 * normal());
    const programEffect = 0.3 * normal();
    for (let i = 0; i < PER_PROGRAM; i++) {
      const f = shift.map((s) => s + normal());
      const y = 3 + f.reduce((sum, v, k) => sum + (effects[k]! + (k === 1 && country === 'NO' ? 0.2 : 0)) * v, 0) + programEffect + 0.7 * normal();
      const group = ['psp', 'clinician', 'manager'][Math.floor(uniform() * 3)]!;
      rows.push({ program: `p${String(j).padStart(4, '0')}`, country, group, values: { ...Object.fromEntries(factors.map((name, k) => [name, f[k]!])), outcome: y } });
    }
  }
  return rows;
}

const median = (values: number[]) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)]!;

function runOnce(rows: AnalysisRow[]) {
  const steps: Record<string, number> = {};
  const step = <T>(name: string, f: () => T): T => {
    const started = performance.now();
    const value = f();
    steps[name] = performance.now() - started;
    return value;
  };
  const spec = { outcome: 'outcome', factors };
  const { design, summaries } = step('sample, design and summaries', () => {
    const d = buildDesign(rows, spec);
    return { design: d, summaries: programSummaries(d.rows) };
  });
  const fit = step('mixed model, REML + Satterthwaite', () => fitRandomIntercept(summaries, design.terms));
  const means = step('program level: means + OLS (HC3)', () => {
    const m = programMeans(design.rows, factors);
    olsHC3(m.x, m.y, factors);
    return m;
  });
  step(`dominance (${2 ** FACTORS} subsets)`, () => dominance(means.x, means.y, factors));
  step(`bootstrap (${RESAMPLES} resamples)`, () => bootstrapDominance(means, programResamples(means.programs.length, RESAMPLES, 1)));
  return { steps, total: Object.values(steps).reduce((s, v) => s + v, 0), fit };
}

function rAvailable(): boolean {
  const probe = spawnSync('Rscript', ['-e', 'suppressPackageStartupMessages({library(lme4); library(lmerTest); library(sandwich)})'], { encoding: 'utf8' });
  return probe.status === 0;
}

function main() {
  console.log(`bench:analysis — ${PROGRAMS} programs × ${PER_PROGRAM} respondents × ${FACTORS} factors; Node ${process.version}; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const rows = generate();
  const runs = Array.from({ length: RUNS }, (_, run) => {
    const result = runOnce(rows);
    console.log(`  run ${run + 1}: ${result.total.toFixed(0)} ms — ${Object.entries(result.steps).map(([name, ms]) => `${name} ${ms.toFixed(0)}`).join(' · ')}`);
    return result;
  });
  const total = median(runs.map((r) => r.total));
  console.log(`  median of ${RUNS}: ${total.toFixed(0)} ms; per step: ${Object.keys(runs[0]!.steps).map((name) => `${name} ${median(runs.map((r) => r.steps[name]!)).toFixed(0)} ms`).join(' · ')}`);
  const fit = runs[0]!.fit;

  let verdictR = '';
  if (process.env.BENCH_R === '0') console.log('  R skipped (BENCH_R=0).');
  else if (rAvailable()) {
    const dir = mkdtempSync(join(tmpdir(), 'bench-analysis-'));
    try {
      const csv = join(dir, 'data.csv');
      writeFileSync(csv, ['program,country,group,' + factors.join(',') + ',outcome', ...rows.map((r) => [r.program, r.country, r.group, ...factors.map((f) => r.values[f]), r.values.outcome].join(','))].join('\n'));
      const out = execFileSync('Rscript', [join(import.meta.dirname, 'bench-analysis.R'), csv, String(RESAMPLES)], { encoding: 'utf8', maxBuffer: 1 << 24 });
      const { timing, check } = JSON.parse(out.trim().split('\n').at(-1)!) as { timing: Record<string, number>; check: { theta: number; f02: number; df: number } };
      const rTotal = Object.values(timing).reduce((s, v) => s + v, 0);
      console.log(`  R (lme4 + lmerTest, lm + sandwich, the same dominance and bootstrap): ${rTotal.toFixed(0)} ms — ${Object.entries(timing).map(([name, ms]) => `${name} ${ms.toFixed(0)}`).join(' · ')}`);
      const ours = fit.fixed.find((f) => f.term === 'f02')!;
      console.log(`  the same fit? θ ${fit.theta.toPrecision(9)} vs R ${check.theta.toPrecision(9)}; f02 ${ours.estimate.toPrecision(9)} vs ${check.f02.toPrecision(9)}, df ${ours.df.toFixed(2)} vs ${check.df.toFixed(2)}`);
      verdictR = `; R took ${rTotal.toFixed(0)} ms, ${(rTotal / total).toFixed(1)}× as long`;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } else console.log('  R with lme4, lmerTest and sandwich is not installed here: no R timing.');
  console.log(`Verdict: the whole analysis in ${total.toFixed(0)} ms (median of ${RUNS}) against a target of ≤ ${TARGET_MS} ms — ${total <= TARGET_MS ? 'meets it' : 'MISSES it'}${verdictR}.`);
}

main();
