import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema } from './common.ts';
import { LocalizedTextSchema, StakeholderGroupSchema } from './instruments.ts';
import { CountryCodeSchema } from './vocabulary.ts';

// Which factors go with successful integration (issue 10): an analysis of a campaign wave's scale scores — the mixed
// model, the program level with relative importance, the country comparison — saved with its exact inputs.

/** The parts of an analysis; when a spec names none, all but `level_dominance` (2^p mixed-model fits) are computed. */
export const ANALYSIS_MODELS = ['mixed', 'ols', 'dominance', 'country', 'level_dominance'] as const;

/** A scale an analysis can use: a subscale id shared by the campaign's instruments. */
export const ScaleKeySchema = z.string().max(64).regex(/^[a-z][a-z0-9_]{0,63}$/, 'is not a scale key');

export const CampaignScaleSchema = z.object({
  key: ScaleKeySchema,
  name: LocalizedTextSchema,
  /** Marked as an outcome in the instrument (perceived integration success). */
  outcome: z.boolean(),
  groups: z.array(StakeholderGroupSchema),
});
export type CampaignScale = z.infer<typeof CampaignScaleSchema>;

export const AnalysisOptionsSchema = z.object({
  /** Programs with fewer respondents have their per-program outputs withheld. */
  k: z.number().int().min(2).max(100).default(5),
  /** Bootstrap resamples of programs for the importance intervals. */
  resamples: z.number().int().min(0).max(1000).default(200),
  seed: z.number().int().min(1).max(2_147_483_647).default(1),
  /** Also split each factor into its within- and between-program parts. */
  centering: z.boolean().default(false),
});

/** A sum over a program's respondents (scores of a few points each: far inside these bounds). */
const Sum = z.number().min(-1e15).max(1e15);

/** One program's sums over the raw columns of a design: what leaves an installation for a pooled fit. */
const ProgramSumsSchema = z.object({
  program: z.string().min(1).max(200),
  n: z.number().int().min(1).max(10_000_000),
  sumX: z.array(Sum).max(40),
  sumY: Sum,
  xtx: z.array(z.array(Sum).max(40)).max(40),
  xty: z.array(Sum).max(40),
  yty: Sum,
});

/** `alongside analyze --export-summaries` writes this: another installation's programs, no respondent rows. */
export const SummariesFileSchema = z
  .object({
    format: z.literal('alongside-program-summaries'),
    /** The file format's version: 1. */
    version: z.number().int().min(1).max(1),
    outcome: z.string().max(64),
    factors: z.array(z.string().max(64)).max(12),
    columns: z.array(z.string().max(80)).min(2).max(40),
    programs: z.array(ProgramSumsSchema).min(1).max(5000),
  })
  .superRefine((file, context) => {
    const p = file.columns.length;
    file.programs.forEach((s, i) => {
      if (s.sumX.length !== p || s.xty.length !== p || s.xtx.length !== p || s.xtx.some((row) => row.length !== p))
        context.addIssue({ code: 'custom', path: ['programs', i], message: `does not have the file's ${p} columns` });
    });
  });
export type SummariesFile = z.infer<typeof SummariesFileSchema>;

/**
 * An outcome the researcher defines: a weighted sum of variables (scales, program variables), each first z-scored
 * over the respondents who have every part when `standardize` is set. Missing when any part is missing.
 */
export const CompositeSchema = z.object({
  key: ScaleKeySchema,
  /** What the researcher calls it (the key when absent). */
  label: z.string().trim().min(1).max(120).optional(),
  parts: z
    .array(z.object({ variable: ScaleKeySchema, weight: z.number().min(-100).max(100).refine((w) => w !== 0, 'is 0') }))
    .min(2)
    .max(12)
    .refine((parts) => new Set(parts.map((p) => p.variable)).size === parts.length, 'name a variable twice'),
  standardize: z.boolean().default(true),
});
export type Composite = z.infer<typeof CompositeSchema>;

export const AnalysisSpecSchema = z
  .object({
    campaignId: IdSchema,
    waveId: IdSchema,
    /** A scale key of the campaign, a program variable (PROGRAM_VARIABLES) or a composite's key. */
    outcome: ScaleKeySchema,
    factors: z.array(ScaleKeySchema).min(1).max(12),
    /** The parts to compute (when absent: mixed, ols, dominance and country); level_dominance is the dominance on the mixed model. */
    models: z
      .array(z.enum(ANALYSIS_MODELS))
      .min(1)
      .max(5)
      .refine((models) => new Set(models).size === models.length, 'names a model twice')
      .optional(),
    composites: z.array(CompositeSchema).max(4).optional(),
    options: AnalysisOptionsSchema.default({ k: 5, resamples: 200, seed: 1, centering: false }),
    /** Other installations' summaries of the same analysis, fitted with this wave's programs as one pooled sample. */
    summaries: z.array(SummariesFileSchema).min(1).max(20).optional(),
  })
  .superRefine((spec, context) => {
    if (new Set(spec.factors).size !== spec.factors.length) context.addIssue({ code: 'custom', path: ['factors'], message: 'names a scale twice' });
    if (spec.factors.includes(spec.outcome)) context.addIssue({ code: 'custom', path: ['factors'], message: 'includes the outcome' });
    const composites = spec.composites ?? [];
    const keys = new Set(composites.map((c) => c.key));
    if (keys.size !== composites.length) context.addIssue({ code: 'custom', path: ['composites'], message: 'name a composite twice' });
    composites.forEach((c, i) =>
      c.parts.forEach((part, j) => {
        if (keys.has(part.variable)) context.addIssue({ code: 'custom', path: ['composites', i, 'parts', j, 'variable'], message: 'is a composite: a composite is made of scales and program variables' });
      }),
    );
  });
export type AnalysisSpec = z.infer<typeof AnalysisSpecSchema>;

/** A program in a result: its id (a campaign's programs), or as a data file names it. */
const ProgramKey = z.string().min(1).max(200);

/** A statistic; null where it does not exist (an ML fit has no Satterthwaite df). */
const Figure = z.number().nullable();

const FixedEffectSchema = z.object({
  term: z.string(),
  estimate: Figure,
  se: Figure,
  df: Figure,
  t: Figure,
  p: Figure,
  waldLow: Figure,
  waldHigh: Figure,
  tLow: Figure,
  tHigh: Figure,
});

export const MixedFitSchema = z.object({
  reml: z.boolean(),
  terms: z.array(z.string()),
  fixed: z.array(FixedEffectSchema),
  programVariance: Figure,
  residualVariance: Figure,
  theta: Figure,
  icc: Figure,
  logLik: Figure,
  deviance: Figure,
  aic: Figure,
  bic: Figure,
  n: z.number().int(),
  programs: z.number().int(),
  singular: z.boolean(),
  r2: z.object({ marginal: Figure, conditional: Figure }),
});
export type MixedFitResult = z.infer<typeof MixedFitSchema>;

const ContrastSchema = z.object({ estimate: Figure, se: Figure, df: Figure, t: Figure, p: Figure });

/** A part that could not be computed, and why (e.g. too few programs for the program level). */
const UnavailableSchema = z.object({ unavailable: z.object({ code: z.string(), message: z.string(), terms: z.array(z.string()) }) });

const DominanceSchema = z.object({ factors: z.array(z.string()), r2: Figure, general: z.array(Figure), conditional: z.array(z.array(Figure)) });

const ProgramLevelSchema = z.object({
  programs: z.array(z.object({ program: ProgramKey, n: z.number().int(), outcomeMean: Figure, withheld: z.boolean() })),
  ols: z.object({
    terms: z.array(z.object({ term: z.string(), estimate: Figure, se: Figure, t: Figure, p: Figure, seHC3: Figure, tHC3: Figure, pHC3: Figure })),
    df: z.number().int(),
    r2: Figure,
    sigma: Figure,
  }),
  dominance: DominanceSchema,
  bootstrap: z.object({ intervals: z.array(z.object({ low: Figure, high: Figure })), rankStability: z.array(Figure), resamples: z.number().int() }).nullable(),
});

/** Dominance on the mixed model (Luo & Azen 2013): each factor's share of the level-specific R² within and between programs. */
const LevelDominanceSchema = z.object({ clusterSize: Figure, within: DominanceSchema, between: DominanceSchema });

export const AnalysisResultSchema = z.object({
  sample: z.object({
    n: z.number().int(),
    programs: z.number().int(),
    terms: z.array(z.string()),
    lost: z.record(z.string(), z.number().int()),
    standardization: z.array(z.object({ factor: z.string(), mean: Figure, sd: Figure })),
    dropped: z.array(z.enum(['country', 'group'])),
    /** Program variables joined to the rows: the months their indicators cover (null when none was chosen). */
    joined: z.object({ variables: z.array(z.string()), period: z.object({ from: z.string(), to: z.string() }).nullable() }).optional(),
  }),
  /** Unavailable only for an outcome with one value per program (code program_level_outcome): the program level answers. */
  mixed: z.union([MixedFitSchema, UnavailableSchema]),
  ml: z.union([MixedFitSchema, UnavailableSchema]),
  blups: z.array(z.object({ program: ProgramKey, n: z.number().int(), blup: Figure, withheld: z.boolean() })),
  /** Aggregate diagnostics (bins and quantiles, no respondent's point); absent for a fit from summaries alone. */
  diagnostics: z
    .object({
      residualsByFitted: z.array(z.object({ fitted: Figure, residual: Figure, n: z.number().int() })),
      residualQuantiles: z.array(z.object({ theoretical: Figure, sample: Figure })),
      blupQuantiles: z.array(z.object({ theoretical: Figure, sample: Figure })),
    })
    .optional(),
  programLevel: z.union([ProgramLevelSchema, UnavailableSchema]),
  levelDominance: z.union([LevelDominanceSchema, UnavailableSchema]).optional(),
  countries: z.union([
    z.object({
      interaction: MixedFitSchema,
      slopes: z.array(ContrastSchema.extend({ factor: z.string(), country: z.string() })),
      likelihoodRatio: z.object({ statistic: Figure, df: z.number().int(), p: Figure }),
      perCountry: z.array(z.object({ country: z.string(), fit: MixedFitSchema })),
    }),
    UnavailableSchema,
  ]),
  /** Present when centering was asked for. */
  centered: z
    .union([
      z.object({
        fit: MixedFitSchema,
        effects: z.array(z.object({ factor: z.string(), within: ContrastSchema, between: ContrastSchema, contextual: ContrastSchema })),
      }),
      UnavailableSchema,
    ])
    .optional(),
  smallCells: z.object({
    k: z.number().int(),
    withheld: z.array(ProgramKey),
    /** Present when programs were withheld: everything refitted without them. */
    without: z.union([z.object({ mixed: z.union([MixedFitSchema, UnavailableSchema]), programLevel: z.union([ProgramLevelSchema, UnavailableSchema]) }), UnavailableSchema]).optional(),
  }),
});
export type AnalysisResult = z.infer<typeof AnalysisResultSchema>;

export const AnalysisSummarySchema = z.object({
  id: IdSchema,
  campaignId: IdSchema,
  waveId: IdSchema,
  outcome: ScaleKeySchema,
  /** A composite outcome's label, for lists that do not carry the spec. */
  outcomeLabel: z.string().optional(),
  factors: z.array(ScaleKeySchema),
  createdAt: IsoDateTimeSchema,
});

/** A saved analysis: its exact inputs, when its data were read, the software that computed it, and the result. */
export const AnalysisSchema = AnalysisSummarySchema.extend({
  spec: AnalysisSpecSchema,
  dataAt: IsoDateTimeSchema,
  softwareVersion: z.string(),
  /** This installation's programs, then those of imported summaries (named by their id there). */
  programs: z.array(z.object({ id: ProgramKey, name: z.string(), countryCode: CountryCodeSchema, imported: z.boolean() })),
  result: AnalysisResultSchema,
});
export type Analysis = z.infer<typeof AnalysisSchema>;

/** Planning a campaign: the programs needed to find an effect of a given size, given the ICC (design effect). */
export const PlanningQuerySchema = z.object({
  icc: z.coerce.number().min(0).max(0.99),
  /** A correlation: 0.1 is small, 0.3 medium, 0.5 large (Cohen). */
  effect: z.coerce.number().min(0.01).max(0.99),
  perProgram: z.coerce.number().int().min(1).max(10_000),
  power: z.coerce.number().min(0.5).max(0.999).default(0.8),
  alpha: z.coerce.number().min(0.0001).max(0.5).default(0.05),
});

export const PlanSchema = z.object({
  designEffect: z.number(),
  independent: z.number().int(),
  respondents: z.number().int(),
  programs: z.number().int(),
});
