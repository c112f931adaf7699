// Agreement between coders (issue 11): percentage agreement, Cohen's kappa for two coders and Krippendorff's alpha
// for two or more, on nominal categories, as R's irr package computes them (agree, kappa2 unweighted, kripp.alpha
// with method "nominal"). The units are the caller's (characters, segments): a rating is a category, or null where
// a coder did not rate the unit.
//
// - Percentage agreement (irr::agree, tolerance 0): the share of units rated by every coder on which all agree.
// - Cohen's kappa (Cohen 1960; irr::kappa2): over the units both coders rated, κ = (p_o − p_e) / (1 − p_e) with p_o
//   the observed agreement and p_e = Σ_c p₁(c)·p₂(c) from each coder's marginal shares.
// - Krippendorff's alpha (Krippendorff 2011, "Computing Krippendorff's alpha-reliability"; irr::kripp.alpha): from the
//   coincidence matrix o_ck = Σ_u Σ_{i≠j} [v_ui = c][v_uj = k] / (m_u − 1) over the units with m_u ≥ 2 ratings,
//   n_c = Σ_k o_ck and n = Σ_c n_c; α = 1 − (n − 1)·Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k.

export type Rating = string | null;

export interface KappaResult {
  kappa: number;
  /** Units both coders rated. */
  units: number;
  observed: number;
  expected: number;
}

/** Share of units rated by every coder on which they all agree (irr::agree); `units` rows, one rating per coder. */
export function percentAgreement(units: readonly (readonly Rating[])[]): { agreement: number; units: number } {
  const complete = units.filter((u) => u.every((r) => r !== null));
  const agreed = complete.filter((u) => u.every((r) => r === u[0])).length;
  return { agreement: complete.length === 0 ? Number.NaN : agreed / complete.length, units: complete.length };
}

/** Cohen's unweighted kappa of two coders over the units both rated (irr::kappa2). */
export function cohenKappa(first: readonly Rating[], second: readonly Rating[]): KappaResult {
  if (first.length !== second.length) throw new Error('The two coders rate different numbers of units.');
  const pairs: [string, string][] = [];
  first.forEach((a, i) => {
    const b = second[i] ?? null;
    if (a !== null && b !== null) pairs.push([a, b]);
  });
  const n = pairs.length;
  const shares = (side: 0 | 1) => {
    const counts = new Map<string, number>();
    for (const pair of pairs) counts.set(pair[side], (counts.get(pair[side]) ?? 0) + 1);
    return counts;
  };
  const [a, b] = [shares(0), shares(1)];
  const observed = pairs.filter(([x, y]) => x === y).length / n;
  let expected = 0;
  for (const [category, count] of a) expected += (count / n) * ((b.get(category) ?? 0) / n);
  return { kappa: (observed - expected) / (1 - expected), units: n, observed, expected };
}

export interface AlphaResult {
  alpha: number;
  /** Units with at least two ratings (the pairable ones). */
  units: number;
  /** Pairable ratings: n. */
  values: number;
  observedDisagreement: number;
  expectedDisagreement: number;
}

/** Krippendorff's alpha for nominal ratings; `units` rows, one rating (or null) per coder (irr::kripp.alpha). */
export function krippendorffAlpha(units: readonly (readonly Rating[])[]): AlphaResult {
  const coincidence = new Map<string, Map<string, number>>();
  const add = (c: string, k: string, w: number) => {
    const row = coincidence.get(c) ?? new Map<string, number>();
    row.set(k, (row.get(k) ?? 0) + w);
    coincidence.set(c, row);
  };
  let pairable = 0;
  for (const unit of units) {
    const values = unit.filter((r): r is string => r !== null);
    const m = values.length;
    if (m < 2) continue;
    pairable++;
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) if (i !== j) add(values[i]!, values[j]!, 1 / (m - 1));
  }
  const totals = new Map<string, number>();
  for (const [c, row] of coincidence) totals.set(c, [...row.values()].reduce((s, v) => s + v, 0));
  const n = [...totals.values()].reduce((s, v) => s + v, 0);
  let observed = 0;
  for (const [c, row] of coincidence) for (const [k, v] of row) if (c !== k) observed += v;
  let expected = 0;
  for (const [c, nc] of totals) for (const [k, nk] of totals) if (c !== k) expected += (nc * nk) / (n - 1);
  // α = 1 − D_o / D_e with D_o = Σ_{c≠k} o_ck / n and D_e = Σ_{c≠k} n_c·n_k / (n·(n − 1)).
  return { alpha: 1 - observed / expected, units: pairable, values: n, observedDisagreement: observed / n, expectedDisagreement: expected / n };
}
