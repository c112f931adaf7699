import { PROGRAM_VARIABLES, type Analysis, type CampaignScale, type Language } from '@alongside/contracts';

// The report of a saved analysis: one self-contained HTML file (styles and SVG charts inline, no script, no outside
// request) a researcher can keep, send or print — the model and its equation, the units at each level, the ICC and
// design effect, the missing data, the results with their uncertainty, and the items of the LEVEL reporting
// guideline for multilevel analyses (Monsalves et al. 2020, BMC Med Res Methodol 20:3) each answered. Pure.

type Words = Record<
  | 'title' | 'generated' | 'data' | 'software' | 'model' | 'equation' | 'units' | 'respondents' | 'programs' | 'countries'
  | 'design' | 'icc' | 'designEffect' | 'missing' | 'noneMissing' | 'effects' | 'effectsNote' | 'term' | 'estimate' | 'se'
  | 'df' | 'p' | 'ci' | 'variance' | 'programVariance' | 'residualVariance' | 'r2' | 'ml' | 'importance' | 'importanceNote'
  | 'general' | 'interval' | 'stability' | 'countriesTitle' | 'lrt' | 'slope' | 'unavailable' | 'smallCells' | 'level'
  | 'levelItem' | 'where' | 'singular' | 'diagnostics' | 'diagnosticsNote' | 'byFitted' | 'qqResiduals' | 'qqBlups' | 'fitted'
  | 'residual' | 'theoretical' | 'sampleQuantile' | 'joined' | 'joinedPeriod' | 'joinedProfile' | 'levelDominance' | 'levelDominanceNote' | 'withinPrograms' | 'betweenPrograms',
  string
>;

const WORDS: Record<Language, Words> = {
  en: {
    title: 'Analysis report', generated: 'Report made', data: 'Data read', software: 'Computed by', model: 'The model',
    equation: 'Linear mixed model with a random intercept per program, fitted by REML; factors z-scored over the analysis sample; treatment contrasts (references CA and psp).',
    units: 'Units at each level', respondents: 'respondents', programs: 'programs', countries: 'countries', design: 'Clustering',
    icc: 'ICC (share of the outcome’s variance between programs)', designEffect: 'Design effect (1 + (mean program size − 1) · ICC)',
    missing: 'Missing data: respondents left out (listwise) for a missing value of', noneMissing: 'No respondent was left out for missing values.',
    effects: 'Fixed effects', effectsNote: 'Per standard deviation of each factor, with Satterthwaite degrees of freedom and t-based 95 % intervals.',
    term: 'Term', estimate: 'Estimate', se: 'SE', df: 'df', p: 'p', ci: '95 % interval', variance: 'Variance components',
    programVariance: 'Between programs (σ²ᵤ)', residualVariance: 'Within programs (σ²)', r2: 'R² (Nakagawa): marginal, conditional',
    ml: 'ML refit: log-likelihood, AIC, BIC', importance: 'Relative importance at the program level',
    importanceNote: 'General dominance on the R² of the program means, with 95 % bootstrap intervals over resampled programs; overlapping intervals mean the data cannot tell those factors apart.',
    general: 'General dominance', interval: 'Bootstrap 95 %', stability: 'Rank held', countriesTitle: 'Canada and Norway',
    lrt: 'Likelihood-ratio test of all factor × country terms (ML fits)', slope: 'Slope in', unavailable: 'Not computed',
    smallCells: 'Programs with fewer than k respondents: their per-program figures are withheld', level: 'LEVEL reporting checklist',
    levelItem: 'Item', where: 'In this report', singular: 'The program variance is estimated at 0 (a singular fit).',
    diagnostics: 'Diagnostics', diagnosticsNote: 'Aggregates only, no respondent’s point: mean residual in bins of fitted values (they should stay near 0), and quantiles of the standardized residuals and of the programs’ BLUPs against a normal distribution (they should follow the line).',
    byFitted: 'Residuals against fitted values (bin means)', qqResiduals: 'Normal Q–Q of the standardized residuals', qqBlups: 'Normal Q–Q of the programs’ standardized BLUPs',
    fitted: 'fitted', residual: 'residual', theoretical: 'normal quantile', sampleQuantile: 'sample quantile',
    joined: 'Program variables', joinedPeriod: 'Indicators cover the whole months', joinedProfile: 'One value per program: the profile as recorded now; indicators as the program’s managers see them, withheld (missing) below the program’s k.',
    levelDominance: 'Relative importance in the mixed model', levelDominanceNote: 'General dominance on the level-specific R² (Snijders & Bosker; Luo & Azen 2013): each factor’s share of the variance explained within programs (the respondents’ outcome) and between programs (the programs’ mean outcome), every subset of the factors fitted with country and group; a share can be below 0.', withinPrograms: 'Within programs', betweenPrograms: 'Between programs',
  },
  fr: {
    title: 'Rapport d’analyse', generated: 'Rapport produit le', data: 'Données lues le', software: 'Calculé par', model: 'Le modèle',
    equation: 'Modèle linéaire mixte avec une ordonnée à l’origine aléatoire par programme, ajusté par REML; facteurs centrés réduits sur l’échantillon analysé; contrastes de traitement (références CA et psp).',
    units: 'Unités à chaque niveau', respondents: 'répondants', programs: 'programmes', countries: 'pays', design: 'Regroupement',
    icc: 'CCI (part de la variance du résultat entre programmes)', designEffect: 'Effet de plan (1 + (taille moyenne des programmes − 1) · CCI)',
    missing: 'Données manquantes : répondants écartés (analyse des cas complets) pour une valeur manquante de', noneMissing: 'Aucun répondant n’a été écarté pour des valeurs manquantes.',
    effects: 'Effets fixes', effectsNote: 'Par écart-type de chaque facteur, avec les degrés de liberté de Satterthwaite et des intervalles à 95 % fondés sur t.',
    term: 'Terme', estimate: 'Estimation', se: 'E.T.', df: 'dl', p: 'p', ci: 'Intervalle à 95 %', variance: 'Composantes de la variance',
    programVariance: 'Entre programmes (σ²ᵤ)', residualVariance: 'Au sein des programmes (σ²)', r2: 'R² (Nakagawa) : marginal, conditionnel',
    ml: 'Réajustement par MV : log-vraisemblance, AIC, BIC', importance: 'Importance relative au niveau des programmes',
    importanceNote: 'Dominance générale sur le R² des moyennes des programmes, avec des intervalles bootstrap à 95 % sur des programmes rééchantillonnés; des intervalles qui se chevauchent signifient que les données ne départagent pas ces facteurs.',
    general: 'Dominance générale', interval: 'Bootstrap 95 %', stability: 'Rang conservé', countriesTitle: 'Canada et Norvège',
    lrt: 'Test du rapport de vraisemblance de tous les termes facteur × pays (ajustements par MV)', slope: 'Pente en', unavailable: 'Non calculé',
    smallCells: 'Programmes de moins de k répondants : leurs chiffres par programme ne sont pas montrés', level: 'Liste de contrôle LEVEL',
    levelItem: 'Élément', where: 'Dans ce rapport', singular: 'La variance entre programmes est estimée à 0 (ajustement singulier).',
    diagnostics: 'Diagnostics', diagnosticsNote: 'Agrégats seulement, aucun point de répondant : résidu moyen par tranche de valeurs ajustées (il devrait rester près de 0), et quantiles des résidus standardisés et des BLUP des programmes face à une loi normale (ils devraient suivre la droite).',
    byFitted: 'Résidus selon les valeurs ajustées (moyennes par tranche)', qqResiduals: 'Q–Q normal des résidus standardisés', qqBlups: 'Q–Q normal des BLUP standardisés des programmes',
    fitted: 'ajusté', residual: 'résidu', theoretical: 'quantile normal', sampleQuantile: 'quantile observé',
    joined: 'Variables de programme', joinedPeriod: 'Les indicateurs portent sur les mois complets', joinedProfile: 'Une valeur par programme : le profil tel qu’enregistré aujourd’hui; les indicateurs tels que les gestionnaires du programme les voient, retenus (manquants) sous le k du programme.',
    levelDominance: 'Importance relative dans le modèle mixte', levelDominanceNote: 'Dominance générale sur le R² propre à chaque niveau (Snijders et Bosker; Luo et Azen 2013) : la part de chaque facteur dans la variance expliquée au sein des programmes (le résultat des répondants) et entre les programmes (le résultat moyen des programmes), chaque sous-ensemble de facteurs étant ajusté avec le pays et le groupe; une part peut être inférieure à 0.', withinPrograms: 'Au sein des programmes', betweenPrograms: 'Entre les programmes',
  },
  nb: {
    title: 'Analyserapport', generated: 'Rapport laget', data: 'Data lest', software: 'Beregnet av', model: 'Modellen',
    equation: 'Lineær blandet modell med tilfeldig konstantledd per program, estimert med REML; faktorene standardisert over analyseutvalget; behandlingskontraster (referanser CA og psp).',
    units: 'Enheter på hvert nivå', respondents: 'respondenter', programs: 'programmer', countries: 'land', design: 'Gruppering',
    icc: 'ICC (andelen av utfallets varians mellom programmer)', designEffect: 'Designeffekt (1 + (gjennomsnittlig programstørrelse − 1) · ICC)',
    missing: 'Manglende data: respondenter utelatt (listevis) for manglende verdi på', noneMissing: 'Ingen respondent ble utelatt for manglende verdier.',
    effects: 'Faste effekter', effectsNote: 'Per standardavvik for hver faktor, med Satterthwaites frihetsgrader og t-baserte 95 %-intervaller.',
    term: 'Ledd', estimate: 'Estimat', se: 'SF', df: 'fg', p: 'p', ci: '95 %-intervall', variance: 'Varianskomponenter',
    programVariance: 'Mellom programmer (σ²ᵤ)', residualVariance: 'Innen programmer (σ²)', r2: 'R² (Nakagawa): marginal, betinget',
    ml: 'ML-tilpasning: log-likelihood, AIC, BIC', importance: 'Relativ betydning på programnivå',
    importanceNote: 'Generell dominans på R² for programgjennomsnittene, med 95 % bootstrap-intervaller over trukne programmer; intervaller som overlapper betyr at dataene ikke kan skille disse faktorene.',
    general: 'Generell dominans', interval: 'Bootstrap 95 %', stability: 'Rangering holdt', countriesTitle: 'Canada og Norge',
    lrt: 'Likelihood-ratio-test av alle faktor × land-ledd (ML-tilpasninger)', slope: 'Stigning i', unavailable: 'Ikke beregnet',
    smallCells: 'Programmer med færre enn k respondenter: tallene per program vises ikke', level: 'LEVEL-sjekkliste',
    levelItem: 'Punkt', where: 'I denne rapporten', singular: 'Variansen mellom programmer er estimert til 0 (singulær tilpasning).',
    diagnostics: 'Diagnostikk', diagnosticsNote: 'Bare aggregater, ingen respondents punkt: gjennomsnittlig residual i grupper av predikerte verdier (bør ligge nær 0), og kvantiler av standardiserte residualer og av programmenes BLUP mot en normalfordeling (bør følge linjen).',
    byFitted: 'Residualer mot predikerte verdier (gruppegjennomsnitt)', qqResiduals: 'Normal Q–Q av standardiserte residualer', qqBlups: 'Normal Q–Q av programmenes standardiserte BLUP',
    fitted: 'predikert', residual: 'residual', theoretical: 'normalkvantil', sampleQuantile: 'observert kvantil',
    joined: 'Tjenestevariabler', joinedPeriod: 'Indikatorene gjelder hele månedene', joinedProfile: 'Én verdi per tjeneste: profilen slik den er registrert nå; indikatorene slik tjenestens ledere ser dem, holdt tilbake (mangler) under tjenestens k.',
    levelDominance: 'Relativ betydning i blandingsmodellen', levelDominanceNote: 'Generell dominans på nivåspesifikk R² (Snijders og Bosker; Luo og Azen 2013): hver faktors andel av variansen som forklares innen tjenester (respondentenes utfall) og mellom tjenester (tjenestenes gjennomsnittlige utfall), med hver delmengde av faktorene tilpasset sammen med land og gruppe; en andel kan være under 0.', withinPrograms: 'Innen tjenester', betweenPrograms: 'Mellom tjenester',
  },
};

/** The LEVEL items this report answers, in our words, with the section that answers each. */
const LEVEL_ITEMS: Record<Language, [string, string][]> = {
  en: [
    ['The levels of the data and the units at each', 'units'], ['The number of units at each level', 'units'], ['How much of the outcome varies between clusters (ICC)', 'design'],
    ['The model, its equation and estimation method', 'model'], ['Software and version', 'header'], ['How missing data were handled', 'missing'],
    ['How predictors were centred or scaled', 'model'], ['Fixed effects with their uncertainty', 'effects'], ['Variance components', 'variance'],
    ['Model fit and comparison', 'variance'], ['How the model’s assumptions were checked', 'diagnostics'],
  ],
  fr: [
    ['Les niveaux des données et les unités de chacun', 'units'], ['Le nombre d’unités à chaque niveau', 'units'], ['La part du résultat qui varie entre groupes (CCI)', 'design'],
    ['Le modèle, son équation et la méthode d’estimation', 'model'], ['Logiciel et version', 'header'], ['Le traitement des données manquantes', 'missing'],
    ['Le centrage ou la mise à l’échelle des prédicteurs', 'model'], ['Les effets fixes et leur incertitude', 'effects'], ['Les composantes de la variance', 'variance'],
    ['L’ajustement et la comparaison des modèles', 'variance'], ['La vérification des hypothèses du modèle', 'diagnostics'],
  ],
  nb: [
    ['Nivåene i dataene og enhetene på hvert', 'units'], ['Antall enheter på hvert nivå', 'units'], ['Hvor mye av utfallet som varierer mellom grupper (ICC)', 'design'],
    ['Modellen, ligningen og estimeringsmetoden', 'model'], ['Programvare og versjon', 'header'], ['Hvordan manglende data ble håndtert', 'missing'],
    ['Hvordan prediktorer ble sentrert eller skalert', 'model'], ['Faste effekter med usikkerhet', 'effects'], ['Varianskomponenter', 'variance'],
    ['Modelltilpasning og sammenligning', 'variance'], ['Hvordan modellens forutsetninger ble sjekket', 'diagnostics'],
  ],
};

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function analysisReport(analysis: Analysis, context: { campaignTitle: string; scales: CampaignScale[]; language: Language; now: Date }): string {
  const { language } = context;
  const w = WORDS[language];
  const { result } = analysis;
  const format = (value: number | null | undefined, digits = 3) => (value === null || value === undefined ? '—' : value.toLocaleString(language === 'nb' ? 'nb-NO' : language === 'fr' ? 'fr-CA' : 'en-CA', { minimumFractionDigits: digits, maximumFractionDigits: digits }));
  const pValue = (p: number | null | undefined) => (p === null || p === undefined ? '—' : p < 0.001 ? '< 0.001' : format(p));
  const scaleName = (key: string) => {
    const names = context.scales.find((s) => s.key === key)?.name ?? PROGRAM_VARIABLES.find((v) => v.key === key)?.name;
    return names?.[language] ?? names?.en ?? analysis.spec.composites?.find((c) => c.key === key)?.label ?? key;
  };
  const termName = (term: string) => (term.startsWith('(') || term.startsWith('country') || term.startsWith('group') ? term : scaleName(term));
  const date = (iso: string) => new Date(iso).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  const { sample } = result;
  // An outcome with one value per program has no mixed model: its sections say why, the program level answers.
  const mixed = 'unavailable' in result.mixed ? undefined : result.mixed;
  const ml = 'unavailable' in result.ml ? undefined : result.ml;
  const noModel = 'unavailable' in result.mixed ? `<p>${escape(w.unavailable)}: ${escape(result.mixed.unavailable.message)}</p>` : '';
  const countries = new Set(analysis.programs.map((p) => p.countryCode)).size;
  const meanSize = sample.n / sample.programs;
  const designEffect = mixed?.icc === null || mixed?.icc === undefined ? null : 1 + (meanSize - 1) * mixed.icc;
  const lost = Object.entries(sample.lost).filter(([, n]) => n > 0);
  const section = (id: string, title: string, body: string) => `<section id="${id}"><h2>${escape(title)}</h2>${body}</section>`;
  const table = (head: string[], rows: string[][]) =>
    `<table><thead><tr>${head.map((h) => `<th scope="col">${escape(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${escape(c)}</th>` : `<td>${escape(c)}</td>`)).join('')}</tr>`).join('')}</tbody></table>`;

  const factors = (mixed?.fixed ?? []).filter((f) => analysis.factors.includes(f.term));
  const forest = intervalChart(
    factors.map((f) => ({ label: scaleName(f.term), value: f.estimate ?? 0, low: f.tLow ?? 0, high: f.tHigh ?? 0 })),
    `${w.effects}: ${w.estimate}, ${w.ci}`,
  );
  const importance =
    'unavailable' in result.programLevel
      ? `<p>${escape(w.unavailable)}: ${escape(result.programLevel.unavailable.message)}</p>`
      : (() => {
          const { dominance, bootstrap } = result.programLevel;
          const rows = dominance.factors.map((factor, i) => ({ label: scaleName(factor), value: dominance.general[i] ?? 0, low: bootstrap?.intervals[i]?.low ?? dominance.general[i] ?? 0, high: bootstrap?.intervals[i]?.high ?? dominance.general[i] ?? 0 }));
          return `<p>${escape(w.importanceNote)}</p>${intervalChart(rows, w.importance)}${table(
            ['', w.general, w.interval, w.stability],
            dominance.factors.map((factor, i) => [scaleName(factor), format(dominance.general[i]), bootstrap ? `${format(bootstrap.intervals[i]?.low)} – ${format(bootstrap.intervals[i]?.high)}` : '—', bootstrap ? `${Math.round(100 * (bootstrap.rankStability[i] ?? 0))} %` : '—']),
          )}`;
        })();
  const levels = result.levelDominance;
  const levelPart = !levels
    ? ''
    : 'unavailable' in levels
      ? section('level-dominance', w.levelDominance, `<p>${escape(w.unavailable)}: ${escape(levels.unavailable.message)}</p>`)
      : section(
          'level-dominance',
          w.levelDominance,
          `<p>${escape(w.levelDominanceNote)}</p>${table(
            ['', w.withinPrograms, w.betweenPrograms],
            [...levels.within.factors.map((factor, i) => [scaleName(factor), format(levels.within.general[i]), format(levels.between.general[i])]), ['R²', format(levels.within.r2), format(levels.between.r2)]],
          )}`,
        );
  const countryPart =
    'unavailable' in result.countries
      ? `<p>${escape(w.unavailable)}: ${escape(result.countries.unavailable.message)}</p>`
      : (() => {
          const { likelihoodRatio, slopes, interaction } = result.countries;
          const reference = (factor: string) => interaction.fixed.find((f) => f.term === factor);
          return `<p>${escape(w.lrt)}: χ²(${likelihoodRatio.df}) = ${format(likelihoodRatio.statistic, 2)}, p ${pValue(likelihoodRatio.p)}</p>${table(
            ['', `${w.slope} CA`, `${w.slope} ${slopes[0]?.country ?? 'NO'}`, `p (${w.slope} ${slopes[0]?.country ?? 'NO'})`],
            slopes.map((s) => [scaleName(s.factor), `${format(reference(s.factor)?.estimate)} (${format(reference(s.factor)?.se)})`, `${format(s.estimate)} (${format(s.se)})`, pValue(s.p)]),
          )}`;
        })();
  const level = table(
    [w.levelItem, w.where],
    LEVEL_ITEMS[language]
      .filter(([, where]) => where !== 'diagnostics' || result.diagnostics)
      .map(([item, where]) => [item, where === 'header' ? w.software : ({ units: w.units, design: w.design, model: w.model, missing: w.missing.split(':')[0]!, effects: w.effects, variance: w.variance, diagnostics: w.diagnostics } as Record<string, string>)[where]!]),
  );

  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(`${w.title} — ${context.campaignTitle}`)}</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;color:#1b1f24;max-width:60rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #c9ced6}
table{border-collapse:collapse;margin:.5rem 0;width:100%}th,td{border-bottom:1px solid #dde1e6;padding:.3rem .5rem;text-align:right}
th[scope=row],thead th:first-child{text-align:left}.meta{color:#444b55}svg{max-width:100%;height:auto}
@media print{body{margin:0}}
</style>
</head>
<body>
<header><h1>${escape(`${w.title}: ${context.campaignTitle}`)}</h1>
<p class="meta">${escape(`${scaleName(analysis.outcome)} ~ ${analysis.factors.map(scaleName).join(' + ')}`)}<br>
${escape(w.generated)} ${date(context.now.toISOString())} · ${escape(w.data)} ${date(analysis.dataAt)} · ${escape(w.software)} ${escape(analysis.softwareVersion)}</p></header>
${section('model', w.model, `<p>${escape(w.equation)}</p><p><code>${escape(`${analysis.outcome}ᵢⱼ = β₀ + ${analysis.factors.map((f, i) => `β${i + 1}·${f}ᵢⱼ`).join(' + ')}${sample.dropped.includes('country') ? '' : ' + γ·country'}${sample.dropped.includes('group') ? '' : ' + δ·group'} + uⱼ + εᵢⱼ`)}</code></p>${mixed?.singular ? `<p>${escape(w.singular)}</p>` : ''}${noModel}`)}
${sample.joined ? section('program-variables', w.joined, `<p>${escape(w.joinedProfile)}</p><p>${escape(sample.joined.variables.map(scaleName).join(', '))}</p>${sample.joined.period ? `<p>${escape(w.joinedPeriod)} ${escape(sample.joined.period.from)} – ${escape(sample.joined.period.to)}</p>` : ''}`) : ''}
${section('units', w.units, `<p>${sample.n} ${escape(w.respondents)} · ${sample.programs} ${escape(w.programs)} · ${countries} ${escape(w.countries)}</p>`)}
${section('design', w.design, mixed ? table(['', ''], [[w.icc, format(mixed.icc)], [w.designEffect, format(designEffect, 2)]]) : noModel)}
${section('missing', w.missing.split(':')[0]!, lost.length === 0 ? `<p>${escape(w.noneMissing)}</p>` : `<p>${escape(w.missing)}:</p>${table(['', w.respondents], lost.map(([v, n]) => [termName(v), String(n)]))}`)}
${section('effects', w.effects, mixed ? `<p>${escape(w.effectsNote)}</p>${forest}${table([w.term, w.estimate, w.se, w.df, w.p, w.ci], mixed.fixed.map((f) => [termName(f.term), format(f.estimate), format(f.se), format(f.df, 1), pValue(f.p), `${format(f.tLow)} – ${format(f.tHigh)}`]))}` : noModel)}
${section('variance', w.variance, mixed ? table(['', ''], [[w.programVariance, format(mixed.programVariance, 4)], [w.residualVariance, format(mixed.residualVariance, 4)], [w.r2, `${format(mixed.r2.marginal)}, ${format(mixed.r2.conditional)}`], [w.ml, `${format(ml?.logLik, 2)}, ${format(ml?.aic, 2)}, ${format(ml?.bic, 2)}`]]) : noModel)}
${result.diagnostics ? section('diagnostics', w.diagnostics, `<p>${escape(w.diagnosticsNote)}</p>${scatterChart(result.diagnostics.residualsByFitted.map((b) => ({ x: b.fitted ?? 0, y: b.residual ?? 0 })), w.byFitted, w.fitted, w.residual, 'zero')}${scatterChart(result.diagnostics.residualQuantiles.map((q) => ({ x: q.theoretical ?? 0, y: q.sample ?? 0 })), w.qqResiduals, w.theoretical, w.sampleQuantile, 'identity')}${result.diagnostics.blupQuantiles.length > 0 ? scatterChart(result.diagnostics.blupQuantiles.map((q) => ({ x: q.theoretical ?? 0, y: q.sample ?? 0 })), w.qqBlups, w.theoretical, w.sampleQuantile, 'identity') : ''}`) : ''}
${section('importance', w.importance, importance)}
${levelPart}
${section('countries', w.countriesTitle, countryPart)}
${result.smallCells.withheld.length > 0 ? section('small-cells', w.smallCells.split(':')[0]!, `<p>${escape(w.smallCells)} (k = ${result.smallCells.k}): ${result.smallCells.withheld.length}</p>`) : ''}
${section('level', w.level, level)}
</body>
</html>
`;
}

/** Horizontal estimates with intervals and a line at 0, as an accessible SVG (its table follows it in the report). */
function intervalChart(rows: { label: string; value: number; low: number; high: number }[], title: string): string {
  const width = 720;
  const labelWidth = 300;
  const rowHeight = 28;
  const height = rows.length * rowHeight + 30;
  const lo = Math.min(0, ...rows.map((r) => r.low));
  const hi = Math.max(0, ...rows.map((r) => r.high));
  const span = hi - lo || 1;
  const x = (v: number) => labelWidth + ((v - lo) / span) * (width - labelWidth - 20);
  const marks = rows
    .map((r, i) => {
      const y = 20 + i * rowHeight;
      return `<text x="${labelWidth - 8}" y="${y + 4}" text-anchor="end" font-size="13">${escape(r.label.length > 44 ? `${r.label.slice(0, 43)}…` : r.label)}</text><line x1="${x(r.low)}" x2="${x(r.high)}" y1="${y}" y2="${y}" stroke="#1f5f99" stroke-width="2"/><circle cx="${x(r.value)}" cy="${y}" r="5" fill="#1f5f99"/>`;
    })
    .join('');
  return `<svg role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg"><title>${escape(title)}</title><line x1="${x(0)}" x2="${x(0)}" y1="6" y2="${height - 18}" stroke="#6b7280" stroke-dasharray="4 3"/><text x="${x(0)}" y="${height - 4}" text-anchor="middle" font-size="12">0</text>${marks}</svg>`;
}

/** Points with a reference line (y = 0 or y = x), as an accessible SVG; the note above says what to look for. */
function scatterChart(points: { x: number; y: number }[], title: string, xLabel: string, yLabel: string, reference: 'zero' | 'identity'): string {
  const size = { width: 340, height: 260, pad: 36 };
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const [x0, x1] = [Math.min(...xs, reference === 'identity' ? Math.min(...ys) : Infinity), Math.max(...xs, reference === 'identity' ? Math.max(...ys) : -Infinity)];
  const [y0, y1] = [Math.min(...ys, 0, reference === 'identity' ? x0 : 0), Math.max(...ys, 0, reference === 'identity' ? x1 : 0)];
  const sx = (v: number) => size.pad + ((v - x0) / (x1 - x0 || 1)) * (size.width - size.pad - 8);
  const sy = (v: number) => size.height - size.pad - ((v - y0) / (y1 - y0 || 1)) * (size.height - size.pad - 8);
  const line = reference === 'zero' ? `<line x1="${sx(x0)}" x2="${sx(x1)}" y1="${sy(0)}" y2="${sy(0)}" stroke="#6b7280" stroke-dasharray="4 3"/>` : `<line x1="${sx(x0)}" x2="${sx(x1)}" y1="${sy(x0)}" y2="${sy(x1)}" stroke="#6b7280" stroke-dasharray="4 3"/>`;
  const dots = points.map((p) => `<circle cx="${sx(p.x).toFixed(1)}" cy="${sy(p.y).toFixed(1)}" r="3" fill="#1f5f99"/>`).join('');
  // The ends of each axis, so a spread can be read against its scale.
  const tick = (v: number) => (Math.abs(v) >= 10 ? v.toFixed(0) : v.toFixed(2));
  const ticks =
    `<text x="${sx(x0)}" y="${size.height - 20}" font-size="10" text-anchor="start">${tick(x0)}</text><text x="${sx(x1)}" y="${size.height - 20}" font-size="10" text-anchor="end">${tick(x1)}</text>` +
    `<text x="${size.pad - 4}" y="${sy(y0)}" font-size="10" text-anchor="end">${tick(y0)}</text><text x="${size.pad - 4}" y="${sy(y1) + 8}" font-size="10" text-anchor="end">${tick(y1)}</text>`;
  return `<figure style="display:inline-block;margin:0 1rem 1rem 0"><svg role="img" viewBox="0 0 ${size.width} ${size.height}" width="${size.width}" height="${size.height}" xmlns="http://www.w3.org/2000/svg"><title>${escape(title)}</title>${line}${dots}${ticks}<text x="${size.width / 2}" y="${size.height - 6}" text-anchor="middle" font-size="12">${escape(xLabel)}</text><text x="12" y="${size.height / 2}" text-anchor="middle" font-size="12" transform="rotate(-90 12 ${size.height / 2})">${escape(yLabel)}</text></svg><figcaption>${escape(title)}</figcaption></figure>`;
}
