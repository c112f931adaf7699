import type { Answers } from '@alongside/contracts/campaigns';
import type { Condition, InstrumentDefinition, Item, LocalizedText, ResponseScale, Section, Substitution } from '@alongside/contracts/instruments';
import type { Language } from '@alongside/contracts/vocabulary';

// An instrument definition as SurveyJS Form Library JSON, in one language with its wording substitutions applied.
// Pure: no SurveyJS import here, so the editor and tests can convert without loading the renderer. The renderer
// registers SurveyJS's own French and Norwegian strings (survey-locales.ts).

/** SurveyJS's locale code for each of our languages (SurveyJS names Norwegian Bokmål "no"). */
export const SURVEYJS_LOCALES: Record<Language, string> = { en: 'en', fr: 'fr', nb: 'no' };

/** The answers SurveyJS keeps for free text; the same limit as the API's answer contract. */
export const TEXT_ANSWER_MAX = 10000;

export interface SurveyChoiceJson {
  value: number | string;
  text: string;
}

export interface SurveyQuestionJson {
  type: 'radiogroup' | 'checkbox' | 'text' | 'comment';
  name: string;
  title: string;
  description?: string;
  isRequired?: boolean;
  visibleIf?: string;
  choices?: SurveyChoiceJson[];
  inputType?: 'number';
  min?: number;
  max?: number;
  step?: number;
  maxLength?: number;
  autoGrow?: boolean;
}

export interface SurveyPanelJson {
  type: 'panel';
  name: string;
  title: string;
  description?: string;
  elements: SurveyElementJson[];
}

export type SurveyElementJson = SurveyQuestionJson | SurveyPanelJson;

export interface SurveyPageJson {
  name: string;
  title?: string;
  description?: string;
  elements: SurveyElementJson[];
}

export interface SurveyJson {
  locale: string;
  title: string;
  description?: string;
  pages: SurveyPageJson[];
  showProgressBar: boolean;
  progressBarType: 'questions';
  showQuestionNumbers: 'off';
  textUpdateMode: 'onTyping';
  widthMode: 'responsive';
  /** The page around the form shows its own thank-you (and the editor's preview never completes). */
  showCompletePage: false;
  completeText?: string;
  pageNextText?: string;
  pagePrevText?: string;
}

export interface ToSurveyOptions {
  language: Language;
  /** Navigation button texts in the product's own wording (SurveyJS's are used when left out). */
  navigation?: { completeText?: string; pageNextText?: string; pagePrevText?: string };
}

/** Wording in `language`, else in the source language, else in whichever language has it; with the language found. */
export function pickText(text: LocalizedText | undefined, language: Language, source: Language): { text: string; language: Language } {
  for (const lang of [language, source, ...(Object.keys(text ?? {}) as Language[])]) {
    const found = text?.[lang];
    if (found) return { text: found, language: lang };
  }
  return { text: '', language };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const startsUpper = (s: string) => s.length > 0 && s[0] !== s[0]!.toLowerCase();
const capitalize = (s: string) => (s.length > 0 ? s[0]!.toUpperCase() + s.slice(1) : s);

/**
 * Applies wording substitutions in one language, in order. The phrase is matched whatever its case, and where the
 * wording has it capitalized (at the start of a sentence) the replacement is capitalized too.
 */
export function applySubstitutions(text: string, substitutions: readonly Substitution[], language: Language): string {
  let out = text;
  for (const substitution of substitutions) {
    const find = substitution.find[language];
    const replace = substitution.replace[language];
    if (!find || replace === undefined) continue;
    out = out.replace(new RegExp(escapeRegExp(find), 'giu'), (match) => (startsUpper(match) && !startsUpper(find) ? capitalize(replace) : replace));
  }
  return out;
}

/**
 * A string literal for a SurveyJS expression. Its parser reads \' and \" as quotes and any other backslash as itself
 * (checked against survey-core 3.0.0 in the tests); only a value ending in a backslash cannot be written.
 */
const literal = (value: string) => `'${value.replace(/['"]/g, (q) => `\\${q}`)}'`;

/** Likert and number answers are numbers (an imported "3" compares as 3); choice codes and text are strings. */
function comparable(value: number | string, target: Item | undefined): string {
  if (target?.type === 'likert' || target?.type === 'number') {
    const n = typeof value === 'number' ? value : Number(value);
    if (value !== '' && Number.isFinite(n)) return String(n);
  }
  return literal(String(value));
}

/**
 * One condition as a SurveyJS expression, or undefined when it cannot be written (a comparison without a value).
 * Multiple choice answers are lists, so "equals" means "contains" there.
 */
export function conditionExpression(condition: Condition, target: Item | undefined): string | undefined {
  const ref = `{${condition.item}}`;
  switch (condition.operator) {
    case 'answered':
      return `${ref} notempty`;
    case 'not_answered':
      return `${ref} empty`;
    case 'equals':
    case 'not_equals':
    case 'greater':
    case 'less': {
      if (condition.value === undefined) return undefined;
      const value = comparable(condition.value, target);
      if (target?.type === 'multiple' && (condition.operator === 'equals' || condition.operator === 'not_equals')) {
        return `${ref} ${condition.operator === 'equals' ? 'contains' : 'notcontains'} ${literal(String(condition.value))}`;
      }
      const op = { equals: '=', not_equals: '<>', greater: '>', less: '<' }[condition.operator];
      return `${ref} ${op} ${value}`;
    }
  }
}

/** An item's `enableWhen` as one `visibleIf` expression (all conditions, or any with `enableBehavior: any`). */
export function visibleIfFor(item: Item, items: ReadonlyMap<string, Item>): string | undefined {
  const parts = (item.enableWhen ?? []).flatMap((c) => {
    const e = conditionExpression(c, items.get(c.item));
    return e ? [e] : [];
  });
  if (parts.length === 0) return undefined;
  if (parts.length === 1) return parts[0];
  return parts.map((p) => `(${p})`).join(item.enableBehavior === 'any' ? ' or ' : ' and ');
}

type Say = (text: LocalizedText | undefined) => string;

function likertQuestion(base: SurveyQuestionJson, scale: ResponseScale | undefined, say: Say): SurveyQuestionJson {
  const points = scale?.points ?? [];
  const labels = points.map((p) => say(p.label));
  const allLabelled = labels.every((l) => l !== '');
  // Always a vertical list of radio buttons: it reads best on a phone. SurveyJS's rating bar folds into a dropdown
  // at 390 px even for 7 points with words at the ends, which hides the scale. Where only some points have words
  // (0–10 with words at the ends), each point shows its number and the words beside it.
  return {
    ...base,
    type: 'radiogroup',
    choices: points.map((p, i) => ({ value: p.value, text: allLabelled ? labels[i]! : labels[i] ? `${p.value} – ${labels[i]}` : String(p.value) })),
  };
}

function question(item: Item, scales: ReadonlyMap<string, ResponseScale>, items: ReadonlyMap<string, Item>, say: Say): SurveyQuestionJson {
  const description = say(item.help);
  const visibleIf = visibleIfFor(item, items);
  const base: SurveyQuestionJson = {
    type: 'text',
    name: item.name,
    title: say(item.text) || item.name,
    ...(description ? { description } : {}),
    ...(item.required ? { isRequired: true } : {}),
    ...(visibleIf ? { visibleIf } : {}),
  };
  const choices = () => (item.options ?? []).map((o) => ({ value: o.code, text: say(o.label) || o.code }));
  switch (item.type) {
    case 'likert':
      return likertQuestion(base, item.scale ? scales.get(item.scale) : undefined, say);
    case 'single':
      return { ...base, type: 'radiogroup', choices: choices() };
    case 'multiple':
      return { ...base, type: 'checkbox', choices: choices() };
    case 'number':
      return {
        ...base,
        type: 'text',
        inputType: 'number',
        ...(item.min !== undefined ? { min: item.min } : {}),
        ...(item.max !== undefined ? { max: item.max } : {}),
        ...(item.integer ? { step: 1 } : {}),
      };
    case 'text':
      return { ...base, type: 'comment', maxLength: TEXT_ANSWER_MAX, autoGrow: true };
  }
}

/** The chain of sections from the top down to `id` (a cycle or an unknown parent ends the chain). */
function ancestry(id: string, sections: ReadonlyMap<string, Section>): Section[] {
  const chain: Section[] = [];
  const seen = new Set<string>();
  let current = sections.get(id);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    chain.unshift(current);
    current = current.parent ? sections.get(current.parent) : undefined;
  }
  return chain;
}

/**
 * The instrument as SurveyJS JSON: top-level sections become pages and nested sections panels, in the order their
 * first item appears; items outside any section share one untitled page. Likert → labelled radio buttons,
 * single → radiogroup, multiple → checkbox, number → numeric text,
 * text → comment; `enableWhen` → `visibleIf`, `help` → description, wording substitutions applied.
 */
export function toSurveyModel(definition: InstrumentDefinition, options: ToSurveyOptions): SurveyJson {
  const { language } = options;
  const source = definition.sourceLanguage;
  // Substitutions in the language the wording was found in (a missing translation falls back to the source).
  const say: Say = (text) => {
    const picked = pickText(text, language, source);
    return applySubstitutions(picked.text, definition.substitutions, picked.language);
  };
  const scales = new Map(definition.scales.map((s) => [s.id, s]));
  const sections = new Map(definition.sections.map((s) => [s.id, s]));
  const items = new Map(definition.items.map((i) => [i.name, i]));

  const pages: SurveyPageJson[] = [];
  const pageFor = new Map<string, SurveyPageJson>();
  const panelFor = new Map<string, SurveyPanelJson>();

  for (const item of definition.items) {
    const chain = item.section ? ancestry(item.section, sections) : [];
    const top = chain[0];
    const pageKey = top?.id ?? '';
    let page = pageFor.get(pageKey);
    if (!page) {
      const title = top ? say(top.title) : '';
      const description = top ? say(top.description) : '';
      page = { name: top ? `section:${top.id}` : 'page:main', ...(title ? { title } : {}), ...(description ? { description } : {}), elements: [] };
      pageFor.set(pageKey, page);
      pages.push(page);
    }
    let container: { elements: SurveyElementJson[] } = page;
    for (const section of chain.slice(1)) {
      let panel = panelFor.get(section.id);
      if (!panel) {
        const description = say(section.description);
        panel = { type: 'panel', name: `section:${section.id}`, title: say(section.title), ...(description ? { description } : {}), elements: [] };
        panelFor.set(section.id, panel);
        container.elements.push(panel);
      }
      container = panel;
    }
    container.elements.push(question(item, scales, items, say));
  }

  const description = say(definition.description);
  return {
    locale: SURVEYJS_LOCALES[language],
    title: say(definition.title),
    ...(description ? { description } : {}),
    pages,
    showProgressBar: true,
    progressBarType: 'questions',
    showQuestionNumbers: 'off',
    textUpdateMode: 'onTyping',
    widthMode: 'responsive',
    showCompletePage: false,
    ...options.navigation,
  };
}

/**
 * SurveyJS's data as answers by variable name: only the instrument's items (and of those only `keep`, when given),
 * Likert and number answers as numbers, choice codes and text as strings, empty answers left out.
 */
export function answersFromSurvey(data: Record<string, unknown>, definition: InstrumentDefinition, keep?: ReadonlySet<string>): Answers {
  const out: Answers = {};
  for (const item of definition.items) {
    const value = data[item.name];
    if (value === undefined || value === null || value === '' || (keep && !keep.has(item.name))) continue;
    switch (item.type) {
      case 'likert':
      case 'number': {
        const n = typeof value === 'number' ? value : Number(value);
        if (Number.isFinite(n)) out[item.name] = n;
        break;
      }
      case 'single':
      case 'text':
        if (typeof value === 'string' || typeof value === 'number') out[item.name] = String(value);
        break;
      case 'multiple': {
        const codes = Array.isArray(value) ? value.filter((c) => typeof c === 'string' || typeof c === 'number').map(String) : [];
        if (codes.length > 0) out[item.name] = codes;
        break;
      }
    }
  }
  return out;
}
