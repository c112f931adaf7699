// `npx tsx scripts/bench-surveys-stats.ts`: the statistics half of issue 9's survey benchmark, in process — scoring
// BENCH_RESPONSES responses (default 100,000) × 45 Likert items into 11 subscales, then Cronbach's alpha for every
// subscale overall, per country and per language, rwg(j) per program and ICC(1)/ICC(2) over BENCH_PROGRAMS programs
// (default 200). The responses are made first (not timed) as the database driver would hand them over: objects
// parsed from JSON, unanswered items absent. Prints the timings of a few runs (the first includes JIT warm-up);
// asserts nothing. Target (issue 9): scoring + reliability + results for 100,000 responses in ≤ 2 s.
import { cronbachAlpha, icc, matrixColumn, rwgJ, scoreSurveyResponses, type SurveyInstrument } from '@alongside/stats';

const RESPONSES = Number(process.env.BENCH_RESPONSES ?? 100_000);
const PROGRAMS = Number(process.env.BENCH_PROGRAMS ?? 200);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SUBSCALE_SIZES = [4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 5];
const LANGUAGES = ['en', 'fr', 'nb'] as const;

// A small deterministic generator, so every run scores the same data.
let seed = 0x9e3779b9;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

const items: SurveyInstrument['items'][number][] = [];
const subscales: SurveyInstrument['subscales'][number][] = SUBSCALE_SIZES.map((size, s) => {
  const names = Array.from({ length: size }, (_, i) => `s${s + 1}_${i + 1}`);
  names.forEach((name, i) => items.push({ name, type: 'likert', scale: 'agree5', reverse: i === size - 1 }));
  return { id: `s${s + 1}`, items: names };
});
const instrument: SurveyInstrument = { scales: [{ id: 'agree5', points: [1, 2, 3, 4, 5].map((value) => ({ value })) }], items, subscales };

function makeResponses() {
  const programEffect = Array.from({ length: PROGRAMS }, () => normal() * 0.4);
  const program = new Int32Array(RESPONSES);
  const country: string[] = [];
  const language: string[] = [];
  const answers: Record<string, number>[] = [];
  for (let r = 0; r < RESPONSES; r++) {
    const p = Math.floor(random() * PROGRAMS);
    program[r] = p;
    country.push(p < PROGRAMS / 2 ? 'CA' : 'NO');
    language.push(p < PROGRAMS / 2 ? (random() < 0.7 ? 'en' : 'fr') : random() < 0.9 ? 'nb' : 'en');
    const answer: Record<string, number> = {};
    let i = 0;
    for (const size of SUBSCALE_SIZES) {
      const trait = programEffect[p]! + normal();
      for (let k = 0; k < size; k++, i++) {
        if (random() < 0.03) continue;
        const sign = k === size - 1 ? -1 : 1;
        answer[items[i]!.name] = Math.min(5, Math.max(1, Math.round(3 + sign * 0.8 * trait + normal() * 0.8)));
      }
    }
    answers.push(answer);
  }
  return { program, country, language, answers: JSON.parse(JSON.stringify(answers)) as Record<string, number>[] };
}

const time = <T>(f: () => T): [T, number] => {
  const start = performance.now();
  const value = f();
  return [value, performance.now() - start];
};

const data = makeResponses();
const rowsOf = (labels: readonly string[]) => {
  const rows = new Map<string, number[]>();
  labels.forEach((label, r) => {
    const list = rows.get(label) ?? [];
    list.push(r);
    rows.set(label, list);
  });
  return [...rows.values()].map((list) => Int32Array.from(list));
};

console.log(`${RESPONSES.toLocaleString('en')} responses × ${items.length} items, ${subscales.length} subscales, ${PROGRAMS} programs, ${LANGUAGES.length} languages (Node ${process.version})`);
for (let run = 1; run <= RUNS; run++) {
  const [scores, scoring] = time(() => scoreSurveyResponses(instrument, data.answers));
  const [, reliability] = time(() => {
    // The row lists per country and language are part of the work: the server builds them per request.
    const subsets = [undefined, ...rowsOf(data.country), ...rowsOf(data.language)];
    for (const subscale of scores.layout.subscales) for (const rows of subsets) cronbachAlpha(scores.items, { columns: subscale.columns, rows });
  });
  const [, agreement] = time(() => {
    scores.layout.subscales.forEach((subscale, s) => {
      rwgJ(scores.items, data.program, { columns: subscale.columns, nullVariance: subscale.nullVariance! });
      icc(matrixColumn(scores.subscales, s), data.program);
    });
  });
  const total = scoring + reliability + agreement;
  console.log(
    `run ${run}: scoring ${scoring.toFixed(0)} ms · alpha ×${subscales.length * 6} (overall, 2 countries, 3 languages) ${reliability.toFixed(0)} ms · rwg(j) and ICC ×${subscales.length} ${agreement.toFixed(0)} ms · total ${total.toFixed(0)} ms`,
  );
}
console.log(`peak resident memory ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
