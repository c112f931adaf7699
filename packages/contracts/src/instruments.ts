import { z } from 'zod';
import { IdSchema, IsoDateSchema, IsoDateTimeSchema, VersionSchema } from './common.ts';
import { LANGUAGES, LanguageSchema, type Language } from './vocabulary.ts';

// Survey instruments as data (issue 9): the definition a researcher edits or imports, the licence it comes with,
// and the versions that lock once someone answers. The same definition renders the respondent page, scores the
// answers (packages/stats) and is exported to FHIR, REDCap and XLSForm.

/** The stakeholder groups of the source study; `psp` is the reference level in analyses. */
export const STAKEHOLDER_GROUPS = ['psp', 'clinician', 'manager', 'person_supported', 'policy_maker'] as const;
export const StakeholderGroupSchema = z.enum(STAKEHOLDER_GROUPS);
export type StakeholderGroup = z.infer<typeof StakeholderGroupSchema>;

/**
 * A variable name as every export target accepts it: REDCap's rule (lower-case letters, digits, underscores,
 * starting with a letter), at most 26 characters so that derived names (`name___code`) still fit Stata's 32.
 */
export const VariableNameSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'must start with a lower-case letter and use only a–z, 0–9 and _')
  .max(26, 'must be at most 26 characters');

/** Wording in one or more of the product's languages. */
export const LocalizedTextSchema = z.partialRecord(LanguageSchema, z.string().trim().min(1).max(4000));
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

export const ITEM_TYPES = ['likert', 'single', 'multiple', 'number', 'text'] as const;
export const ItemTypeSchema = z.enum(ITEM_TYPES);
export type ItemType = z.infer<typeof ItemTypeSchema>;

/** A labelled point of a response scale: the value stored, and optionally the score it is coded as (e.g. 100/75/…). */
export const ScalePointSchema = z.object({
  value: z.number().int().min(-1000).max(1000),
  label: LocalizedTextSchema,
  score: z.number().min(-100000).max(100000).optional(),
});
export type ScalePoint = z.infer<typeof ScalePointSchema>;

/** A response scale shared by Likert items (e.g. 1 = strongly disagree … 5 = strongly agree). */
export const ResponseScaleSchema = z.object({
  id: VariableNameSchema,
  points: z.array(ScalePointSchema).min(2).max(21),
});
export type ResponseScale = z.infer<typeof ResponseScaleSchema>;

/** An option of a single or multiple choice item; `code` is what the data holds. */
export const ChoiceOptionSchema = z.object({
  code: z.string().max(32).regex(/^[A-Za-z0-9_.-]{1,32}$/, 'must be 1–32 letters, digits, _ . or -'),
  label: LocalizedTextSchema,
  score: z.number().min(-100000).max(100000).optional(),
});
export type ChoiceOption = z.infer<typeof ChoiceOptionSchema>;

export const CONDITION_OPERATORS = ['equals', 'not_equals', 'greater', 'less', 'answered', 'not_answered'] as const;
/** Show an item only when an earlier one was answered in a given way (FHIR `enableWhen`, REDCap branching). */
export const ConditionSchema = z.object({
  item: VariableNameSchema,
  operator: z.enum(CONDITION_OPERATORS),
  value: z.union([z.number().min(-1e9).max(1e9), z.string().max(200)]).optional(),
});
export type Condition = z.infer<typeof ConditionSchema>;

export const ItemSchema = z.object({
  name: VariableNameSchema,
  type: ItemTypeSchema,
  text: LocalizedTextSchema,
  help: LocalizedTextSchema.optional(),
  /** Likert items: the id of a response scale. */
  scale: VariableNameSchema.optional(),
  /** Single and multiple choice items. */
  options: z.array(ChoiceOptionSchema).max(200).optional(),
  /** Number items. */
  min: z.number().min(-1e9).max(1e9).optional(),
  max: z.number().min(-1e9).max(1e9).optional(),
  integer: z.boolean().optional(),
  required: z.boolean().default(false),
  /** Reverse-keyed: scored as (min + max) − x on its scale. */
  reverse: z.boolean().default(false),
  /** Identifies the respondent (a name, an e-mail): never exported, never shown in results. */
  identifier: z.boolean().default(false),
  section: VariableNameSchema.optional(),
  enableWhen: z.array(ConditionSchema).max(20).optional(),
  enableBehavior: z.enum(['all', 'any']).optional(),
});
export type Item = z.infer<typeof ItemSchema>;

/** A page or group of items; sections nest through `parent` (FHIR nested groups). */
export const SectionSchema = z.object({
  id: VariableNameSchema,
  title: LocalizedTextSchema,
  description: LocalizedTextSchema.optional(),
  parent: VariableNameSchema.optional(),
});
export type Section = z.infer<typeof SectionSchema>;

/** How a subscale's raw score is rescaled: `percent` maps the scale's range onto 0–100. */
export const TransformSchema = z.enum(['none', 'percent']);

/** A subscale: the mean (or sum) of its answered items, missing below a minimum answered. */
export const SubscaleSchema = z.object({
  id: VariableNameSchema,
  name: LocalizedTextSchema,
  items: z.array(VariableNameSchema).min(1).max(200),
  aggregate: z.enum(['mean', 'sum']).default('mean'),
  /** The fewest answered items for a score: a fraction of the items (0.5: at least half) or a count. */
  minAnswered: z.union([z.object({ fraction: z.number().gt(0).max(1) }), z.object({ count: z.number().int().min(1).max(200) })]).default({ fraction: 0.5 }),
  transform: TransformSchema.default('none'),
  /** The outcome scale of the instrument (perceived integration success in the shipped survey). */
  outcome: z.boolean().default(false),
});
export type Subscale = z.infer<typeof SubscaleSchema>;

/** Replace a phrase in the wording when shown, e.g. "this change" → "integrating peer support providers". */
export const SubstitutionSchema = z.object({ find: LocalizedTextSchema, replace: LocalizedTextSchema });
export type Substitution = z.infer<typeof SubstitutionSchema>;

export const TRANSLATION_METHODS = ['original', 'forward_back', 'forward_only', 'committee', 'unknown'] as const;
/** One language of an instrument: whether its translation is validated, and where it came from. */
export const InstrumentLanguageSchema = z.object({
  code: LanguageSchema,
  validated: z.boolean().default(false),
  method: z.enum(TRANSLATION_METHODS).default('unknown'),
  source: z.string().trim().max(1000).optional(),
  /** Items whose source wording changed since this translation was last reviewed. */
  staleItems: z.array(VariableNameSchema).default([]),
});
export type InstrumentLanguage = z.infer<typeof InstrumentLanguageSchema>;

/** Everything a version of an instrument says: wording, structure and scoring. */
export const InstrumentDefinitionSchema = z.object({
  title: LocalizedTextSchema,
  description: LocalizedTextSchema.optional(),
  sourceLanguage: LanguageSchema,
  languages: z.array(InstrumentLanguageSchema).min(1).max(LANGUAGES.length),
  /** Which stakeholder groups the wording is written for (informational; a campaign picks a version per group). */
  audience: z.array(StakeholderGroupSchema).default([]),
  scales: z.array(ResponseScaleSchema).max(50).default([]),
  sections: z.array(SectionSchema).max(200).default([]),
  items: z.array(ItemSchema).min(1).max(1000),
  subscales: z.array(SubscaleSchema).max(100).default([]),
  substitutions: z.array(SubstitutionSchema).max(20).default([]),
});
export type InstrumentDefinition = z.infer<typeof InstrumentDefinitionSchema>;
export type InstrumentDefinitionInput = z.input<typeof InstrumentDefinitionSchema>;

/** Checks what the schema alone cannot: unique names, references that resolve, sensible scales. */
export function definitionProblems(definition: InstrumentDefinition): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const unique = (names: string[], path: string) => {
    const seen = new Set<string>();
    names.forEach((name, index) => {
      if (seen.has(name)) problems.push({ path: `${path}.${index}`, message: `${name} is used twice` });
      seen.add(name);
    });
  };
  unique(definition.items.map((i) => i.name), 'items');
  unique(definition.scales.map((s) => s.id), 'scales');
  unique(definition.sections.map((s) => s.id), 'sections');
  unique(definition.subscales.map((s) => s.id), 'subscales');
  unique(definition.languages.map((l) => l.code), 'languages');
  const itemNames = new Set(definition.items.map((i) => i.name));
  for (const subscale of definition.subscales) {
    if (itemNames.has(subscale.id)) problems.push({ path: `subscales.${subscale.id}`, message: 'a subscale cannot share its name with an item' });
  }
  const scales = new Set(definition.scales.map((s) => s.id));
  const sections = new Set(definition.sections.map((s) => s.id));
  const languages = new Set<Language>(definition.languages.map((l) => l.code));
  if (!languages.has(definition.sourceLanguage)) problems.push({ path: 'sourceLanguage', message: 'must be one of the languages' });
  if (!definition.title[definition.sourceLanguage]) problems.push({ path: 'title', message: 'needs the source language' });
  for (const scale of definition.scales) {
    const values = scale.points.map((p) => p.value);
    if (new Set(values).size !== values.length) problems.push({ path: `scales.${scale.id}`, message: 'point values must be unique' });
  }
  const order = new Map(definition.items.map((item, index) => [item.name, index]));
  definition.items.forEach((item, index) => {
    const at = `items.${index}`;
    if (!item.text[definition.sourceLanguage]) problems.push({ path: `${at}.text`, message: `needs the source language (${definition.sourceLanguage})` });
    if (item.type === 'likert' && (!item.scale || !scales.has(item.scale))) problems.push({ path: `${at}.scale`, message: 'a Likert item needs a known response scale' });
    if ((item.type === 'single' || item.type === 'multiple') && !item.options?.length) problems.push({ path: `${at}.options`, message: 'a choice item needs options' });
    if (item.options) {
      const codes = item.options.map((o) => o.code);
      if (new Set(codes).size !== codes.length) problems.push({ path: `${at}.options`, message: 'option codes must be unique' });
    }
    if (item.min !== undefined && item.max !== undefined && item.min > item.max) problems.push({ path: `${at}.min`, message: 'must not exceed max' });
    if (item.section && !sections.has(item.section)) problems.push({ path: `${at}.section`, message: `names an unknown section ${item.section}` });
    for (const condition of item.enableWhen ?? []) {
      const earlier = order.get(condition.item);
      if (earlier === undefined || earlier >= index) problems.push({ path: `${at}.enableWhen`, message: `must refer to an earlier item, not ${condition.item}` });
    }
  });
  for (const section of definition.sections) {
    if (section.parent && !sections.has(section.parent)) problems.push({ path: `sections.${section.id}.parent`, message: `names an unknown section ${section.parent}` });
  }
  const items = new Map(definition.items.map((i) => [i.name, i]));
  for (const subscale of definition.subscales) {
    for (const name of subscale.items) {
      const item = items.get(name);
      if (!item) problems.push({ path: `subscales.${subscale.id}`, message: `names an unknown item ${name}` });
      else if (item.type !== 'likert' && item.type !== 'number' && !(item.type === 'single' && item.options?.every((o) => o.score !== undefined)))
        problems.push({ path: `subscales.${subscale.id}`, message: `${name} has no numeric score` });
    }
    if ('count' in subscale.minAnswered && subscale.minAnswered.count > subscale.items.length)
      problems.push({ path: `subscales.${subscale.id}.minAnswered`, message: 'exceeds the number of items' });
  }
  return problems;
}

/** Licence status (DOMAIN.md): conditional and proprietary instruments need a recorded permission before use. */
export const LICENCE_STATUSES = ['free', 'conditional', 'permission_recorded', 'proprietary', 'own_non_validated'] as const;
export const LicenceStatusSchema = z.enum(LICENCE_STATUSES);
export type LicenceStatus = z.infer<typeof LicenceStatusSchema>;

export const PermissionSchema = z.object({
  grantedBy: z.string().trim().min(1).max(200),
  grantedOn: IsoDateSchema,
  /** A reference to the permission letter or e-mail as kept by the research team (file name, archive id). */
  file: z.string().trim().min(1).max(500),
});

export const LicenceSchema = z.object({
  status: LicenceStatusSchema,
  attribution: z.string().trim().max(4000).default(''),
  /** Copyright text as the instrument's owners state it (FHIR `copyright`). */
  copyright: z.string().trim().max(4000).optional(),
  wordingEditable: z.boolean().default(false),
  permission: PermissionSchema.optional(),
});
export type Licence = z.infer<typeof LicenceSchema>;

/** Whether a campaign may use an instrument under this licence. */
export function licenceAllowsUse(licence: Licence): boolean {
  return licence.status === 'free' || licence.status === 'own_non_validated' || (licence.status === 'permission_recorded' && licence.permission !== undefined);
}

/** The file formats instruments come in and go out as. */
export const INSTRUMENT_FORMATS = ['json', 'fhir', 'redcap', 'xlsform'] as const;
export const InstrumentFormatSchema = z.enum(INSTRUMENT_FORMATS);
export type InstrumentFormat = z.infer<typeof InstrumentFormatSchema>;

/** Something an import could not carry over, reported (never silently dropped). */
export const ImportNoticeSchema = z.object({
  /** 1-based line (CSV, JSON) or row (XLSForm) it concerns, when there is one. */
  line: z.number().int().min(0).optional(),
  column: z.number().int().min(0).optional(),
  sheet: z.string().optional(),
  field: z.string().optional(),
  message: z.string(),
});
export type ImportNotice = z.infer<typeof ImportNoticeSchema>;

export const InstrumentVersionSummarySchema = z.object({
  id: IdSchema,
  number: z.number().int(),
  createdAt: IsoDateTimeSchema,
  lockedAt: IsoDateTimeSchema.nullable(),
  sourceFormat: InstrumentFormatSchema,
  notices: z.array(ImportNoticeSchema),
});

export const InstrumentSchema = z.object({
  id: IdSchema,
  key: z.string(),
  name: z.string(),
  /** Canonical URL (FHIR `url`), when the instrument has one. */
  url: z.string().nullable(),
  licence: LicenceSchema,
  usable: z.boolean(),
  latestVersion: InstrumentVersionSummarySchema,
  createdAt: IsoDateTimeSchema,
  version: VersionSchema,
});
export type Instrument = z.infer<typeof InstrumentSchema>;

export const InstrumentVersionSchema = InstrumentVersionSummarySchema.extend({
  instrumentId: IdSchema,
  definition: InstrumentDefinitionSchema,
});
export type InstrumentVersion = z.infer<typeof InstrumentVersionSchema>;

export const InstrumentKeySchema = z.string().max(63).regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'must be 2–63 lower-case letters, digits or -');

export const CreateInstrumentBodySchema = z.object({
  key: InstrumentKeySchema,
  name: z.string().trim().min(1).max(200),
  url: z.url().max(500).optional(),
  licence: LicenceSchema,
  definition: InstrumentDefinitionSchema,
});

export const UpdateInstrumentBodySchema = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  licence: LicenceSchema.optional(),
  version: VersionSchema,
});

/** A new version (or, while the latest has no response, an edit of it). */
export const SaveVersionBodySchema = z.object({ definition: InstrumentDefinitionSchema, basedOn: z.number().int().min(1).max(100000) });

/** The largest instrument file accepted for import (a real dictionary or form is well under 1 MB). */
export const MAX_INSTRUMENT_FILE_BYTES = 5 * 1024 * 1024;

/** A file to import, base64-encoded so that JSON, CSV and .xlsx travel the same way. */
export const ImportInstrumentBodySchema = z.object({
  filename: z.string().trim().min(1).max(255).optional(),
  content: z
    .string()
    .max(Math.ceil((MAX_INSTRUMENT_FILE_BYTES * 2 * 4) / 3) + 8, 'the file is too large')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
  /** The language of the labels of a single-language file (a REDCap dictionary); default English. */
  language: LanguageSchema.optional(),
});

export const ImportInstrumentResultSchema = z.object({
  instrument: InstrumentSchema,
  format: InstrumentFormatSchema,
  notices: z.array(ImportNoticeSchema),
});

export const InstrumentExportQuerySchema = z.object({
  format: InstrumentFormatSchema,
  version: z.coerce.number().int().min(1).max(100000).optional(),
  language: LanguageSchema.optional(),
});

export const InstrumentVersionParamsSchema = z.object({ id: IdSchema, number: z.coerce.number().int().min(1).max(100000) });
