import {
  LANGUAGES,
  type Condition,
  type ImportNotice,
  type InstrumentDefinitionInput,
  type Language,
  type LocalizedText,
} from '@alongside/contracts';
import {
  NameRegistry,
  UNKNOWN_LICENCE_NOTICE,
  failure,
  finishImport,
  languageFromTag,
  locateFrom,
  toInstrumentKey,
  unknownLicence,
  type ImportOptions,
  type ImportResult,
} from './common.ts';
import { likertScales, resolveCondition, type DraftItem, type RawCondition } from './fhir-answers.ts';
import { FHIR, OURS, num, objects, show, str, type JsonObject } from './fhir-shared.ts';
import { readInstrumentLevel } from './fhir-instrument.ts';
import { isJsonObject } from './json-positions.ts';
import { positionOf, type JsonSource } from './own-json.ts';

// FHIR R4 Questionnaire → Alongside. Every element and extension it does not map is reported with its line.

type Where = Omit<ImportNotice, 'message'>;

interface DraftSection {
  id: string;
  where: Where;
  title: LocalizedText;
  description?: LocalizedText;
  parent?: string;
}

const ROOT_KEYS = new Set([
  'resourceType',
  'status',
  'language',
  'url',
  'identifier',
  'version',
  'name',
  'title',
  '_title',
]);
const ROOT_KEYS_MORE = new Set(['description', '_description', 'copyright', 'extension', 'item', 'contained']);
const ITEM_KEYS = new Set([
  'linkId',
  'type',
  'text',
  '_text',
  'required',
  'repeats',
  'answerOption',
  'answerValueSet',
  'enableWhen',
]);
const ITEM_KEYS_MORE = new Set(['enableBehavior', 'item', 'extension']);
const SCORE_URLS = new Set<string>([FHIR.ordinalValue, FHIR.itemWeight, FHIR.coValue]);
const YES: LocalizedText = { en: 'Yes', fr: 'Oui', nb: 'Ja' };
const NO: LocalizedText = { en: 'No', fr: 'Non', nb: 'Nei' };

function appendText(base: LocalizedText | undefined, more: LocalizedText): LocalizedText {
  const out: LocalizedText = { ...base };
  for (const language of LANGUAGES) {
    const extra = more[language];
    if (extra !== undefined) out[language] = out[language] ? `${out[language]}\n\n${extra}` : extra;
  }
  return out;
}

/** Reads a FHIR R4 Questionnaire. */
export function importFhir(
  source: JsonSource,
  filename: string | undefined,
  options: ImportOptions = {},
): ImportResult {
  const root = source.value as JsonObject;
  const notices: ImportNotice[] = [];
  const errors: ImportNotice[] = [];
  const where = (node: JsonObject, field: string): Where => ({ ...positionOf(source, []), ...locationOf(node), field });
  const offsets = source.offsets;
  function locationOf(node: JsonObject) {
    const offset = offsets.nodes.get(node);
    return offset === undefined ? {} : source.position(offset);
  }
  const note = (node: JsonObject, field: string, message: string) => notices.push({ ...where(node, field), message });

  const languageTag = str(root.language);
  let language: Language;
  if (languageTag === undefined) {
    language = options.language ?? 'en';
    note(root, 'language', `the Questionnaire does not say which language it is in; its text is taken as ${language}`);
  } else {
    const mapped = languageFromTag(languageTag);
    if (!mapped)
      return failure({
        ...where(root, 'language'),
        message: `the Questionnaire is in ${languageTag}; Alongside has en, fr and nb`,
      });
    language = mapped;
  }
  const seen = new Set<Language>([language]);

  /** The text of `owner[key]` in the source language and its translations (`_key`). */
  const localized = (owner: JsonObject, key: string, field: string): LocalizedText | undefined => {
    const out: LocalizedText = {};
    const base = str(owner[key]);
    if (base !== undefined && base.trim()) out[language] = base;
    const element = owner[`_${key}`];
    if (isJsonObject(element)) {
      for (const extension of objects(element.extension)) {
        if (extension.url !== FHIR.translation) {
          note(
            extension,
            `${field}._${key}`,
            `the extension ${show(extension.url)} on this text is not carried into Alongside`,
          );
          continue;
        }
        const parts = objects(extension.extension);
        const tag = str(parts.find((p) => p.url === 'lang')?.valueCode);
        const content = str(parts.find((p) => p.url === 'content')?.valueString);
        const target = tag === undefined ? undefined : languageFromTag(tag);
        if (!target || content === undefined) {
          note(
            extension,
            `${field}._${key}`,
            tag && !target
              ? `a translation into ${tag}, a language Alongside does not have, was not imported`
              : 'a translation without lang or content was not imported',
          );
        } else if (target === language) {
          note(
            extension,
            `${field}._${key}`,
            `a translation into ${tag}, the Questionnaire's own language, was not imported (the text itself is used)`,
          );
        } else if (content.trim()) {
          out[target] = content;
          seen.add(target);
        }
      }
    }
    return Object.keys(out).length > 0 ? out : undefined;
  };

  const reportUnknown = (node: JsonObject, known: (key: string) => boolean, field: string, what: string) => {
    for (const key of Object.keys(node))
      if (!known(key)) note(node, `${field}.${key}`, `${what}: ${key} has no place in Alongside and was not imported`);
  };

  // Contained value sets that answerValueSet may point at (`#id`).
  const valueSets = new Map<string, JsonObject>();
  for (const resource of objects(root.contained)) {
    if (resource.resourceType === 'ValueSet' && typeof resource.id === 'string') valueSets.set(resource.id, resource);
    else
      note(
        resource,
        'contained',
        `a contained ${show(resource.resourceType)} is not used by Alongside and was not imported`,
      );
  }

  const itemNames = new NameRegistry();
  const sectionNames = new NameRegistry();
  const linkIds = new Map<string, Where>();
  const items: DraftItem[] = [];
  const sections: DraftSection[] = [];
  let description = localized(root, 'description', 'description');

  const claimLinkId = (node: JsonObject, path: string): string | undefined => {
    const linkId = str(node.linkId);
    if (!linkId) {
      errors.push({ ...where(node, `${path}.linkId`), message: 'every item needs a linkId' });
      return undefined;
    }
    const earlier = linkIds.get(linkId);
    if (earlier) {
      errors.push({
        ...where(node, `${path}.linkId`),
        message: `linkId ${linkId} is used twice (also at line ${earlier.line ?? '?'})`,
      });
      return undefined;
    }
    linkIds.set(linkId, where(node, path));
    return linkId;
  };

  const isHelp = (node: JsonObject) =>
    objects(node.extension).some(
      (e) =>
        e.url === FHIR.itemControl &&
        isJsonObject(e.valueCodeableConcept) &&
        objects(e.valueCodeableConcept.coding).some((c) => c.code === 'help'),
    );

  const readOptions = (node: JsonObject, path: string, draft: DraftItem) => {
    const codes = new Set<string>();
    const add = (
      original: string,
      label: LocalizedText | undefined,
      ordinal: number | undefined,
      at: JsonObject,
      integer?: number,
    ) => {
      let code = original.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 32) || 'option';
      for (let n = 2; codes.has(code); n++) code = `${code.slice(0, 29)}_${n}`;
      codes.add(code);
      if (code !== original)
        note(
          at,
          `${path}.answerOption`,
          `the answer code "${original}" is not a valid Alongside code; imported as ${code}`,
        );
      const asInteger = integer ?? (/^-?\d+$/.test(original) ? Number(original) : undefined);
      draft.options.push({
        code,
        original,
        label: label ?? { [language]: original },
        ...(ordinal !== undefined ? { ordinal } : {}),
        ...(asInteger !== undefined ? { integer: asInteger } : {}),
      });
    };
    const scoreFrom = (extensions: JsonObject[], at: string): number | undefined => {
      let score: number | undefined;
      for (const extension of extensions) {
        if (typeof extension.url === 'string' && SCORE_URLS.has(extension.url))
          score = num(extension.valueDecimal) ?? num(extension.valueInteger);
        else note(extension, at, `the extension ${show(extension.url)} on an answer is not carried into Alongside`);
      }
      return score;
    };
    const systems = new Set<string>();
    for (const [index, option] of objects(node.answerOption).entries()) {
      const at = `${path}.answerOption[${index}]`;
      reportUnknown(
        option,
        (k) => ['valueCoding', 'valueInteger', 'valueString', '_valueString', 'extension'].includes(k),
        at,
        'answer option',
      );
      const coding = option.valueCoding;
      const outer = scoreFrom(objects(option.extension), at);
      if (isJsonObject(coding)) {
        reportUnknown(
          coding,
          (k) => ['code', 'display', '_display', 'system', 'extension'].includes(k),
          `${at}.valueCoding`,
          'answer coding',
        );
        if (typeof coding.system === 'string') systems.add(coding.system);
        const code = str(coding.code) ?? str(coding.display);
        if (code === undefined) {
          note(option, at, 'an answer option without a code or display was not imported');
          continue;
        }
        add(
          code,
          localized(coding, 'display', `${at}.valueCoding`),
          scoreFrom(objects(coding.extension), at) ?? outer,
          option,
        );
      } else if (typeof option.valueInteger === 'number')
        add(String(option.valueInteger), undefined, outer, option, option.valueInteger);
      else if (typeof option.valueString === 'string')
        add(option.valueString, localized(option, 'valueString', at), outer, option);
      else note(option, at, 'only coded, integer and string answer options are imported; this one was not');
    }
    const reference = str(node.answerValueSet);
    if (reference !== undefined) {
      const valueSet = reference.startsWith('#') ? valueSets.get(reference.slice(1)) : undefined;
      if (!valueSet) {
        note(
          node,
          `${path}.answerValueSet`,
          `the answers come from ${reference}, which is not in the file; the question was imported as free text`,
        );
        draft.kind = 'text';
        return;
      }
      draft.valueSet = reference.slice(1);
      const concepts = [
        ...objects(valueSet.compose && isJsonObject(valueSet.compose) ? valueSet.compose.include : undefined).flatMap(
          (include) => {
            if (typeof include.system === 'string') systems.add(include.system);
            return objects(include.concept);
          },
        ),
        ...objects(isJsonObject(valueSet.expansion) ? valueSet.expansion.contains : undefined),
      ];
      for (const concept of concepts) {
        const code = str(concept.code);
        if (code === undefined) continue;
        const label: LocalizedText = {};
        if (typeof concept.display === 'string') label[language] = concept.display;
        for (const designation of objects(concept.designation)) {
          const target = typeof designation.language === 'string' ? languageFromTag(designation.language) : undefined;
          if (target && typeof designation.value === 'string') {
            label[target] = designation.value;
            seen.add(target);
          }
        }
        add(
          code,
          Object.keys(label).length ? label : undefined,
          scoreFrom(objects(concept.extension), `${path}.answerValueSet`),
          concept,
        );
      }
    }
    if (systems.size > 0)
      note(
        node,
        `${path}.answerOption`,
        `answer codes keep their code but not their code system (${[...systems].join(', ')})`,
      );
  };

  interface Context {
    section?: string | undefined;
    inherited: RawCondition[];
    inheritedBehavior?: 'all' | 'any' | undefined;
  }

  const conditionsOf = (node: JsonObject, path: string): RawCondition[] =>
    objects(node.enableWhen).map((condition, index) => ({ node: condition, path: `${path}.enableWhen[${index}]` }));
  const behaviorOf = (node: JsonObject): 'all' | 'any' | undefined =>
    node.enableBehavior === 'any' ? 'any' : node.enableBehavior === 'all' ? 'all' : undefined;

  const readQuestion = (node: JsonObject, path: string, linkId: string, context: Context) => {
    const type = str(node.type) ?? '';
    const claimed = itemNames.claim(linkId);
    if (claimed.changed)
      note(node, `${path}.linkId`, `linkId ${linkId} is not a valid variable name; imported as ${claimed.name}`);
    const draft: DraftItem = {
      linkId,
      name: claimed.name,
      where: where(node, path),
      path,
      kind: 'text',
      text: localized(node, 'text', path) ?? { [language]: linkId },
      options: [],
      required: node.required === true,
      reverse: false,
      identifier: false,
      conditions: conditionsOf(node, path),
      ...(context.section ? { section: context.section } : {}),
    };
    if (node.text === undefined)
      note(node, `${path}.text`, `the question ${linkId} has no text; its linkId is used as its text`);
    const behavior = behaviorOf(node);
    if (behavior) draft.behavior = behavior;
    if (context.inherited.length > 0) {
      const compatible = (list: RawCondition[], b: 'all' | 'any' | undefined) => list.length <= 1 || b !== 'any';
      if (draft.conditions.length === 0) {
        draft.conditions = context.inherited;
        if (context.inheritedBehavior) draft.behavior = context.inheritedBehavior;
      } else if (compatible(draft.conditions, behavior) && compatible(context.inherited, context.inheritedBehavior)) {
        draft.conditions = [...context.inherited, ...draft.conditions];
        draft.behavior = 'all';
      } else
        note(
          node,
          `${path}.enableWhen`,
          "the conditions of the enclosing group could not be combined with this question's own; only its own were kept",
        );
    }
    switch (type) {
      case 'choice':
      case 'open-choice':
        draft.kind = node.repeats === true ? 'multiple' : 'single';
        if (type === 'open-choice')
          note(
            node,
            `${path}.type`,
            'open-choice: the free-text "other" answer is not supported; imported as a choice',
          );
        readOptions(node, path, draft);
        break;
      case 'integer':
      case 'decimal':
      case 'quantity':
        draft.kind = 'number';
        if (type === 'integer') draft.integer = true;
        if (type === 'quantity') note(node, `${path}.type`, 'quantity: the unit is not kept; imported as a number');
        break;
      case 'string':
      case 'text':
        break;
      case 'boolean':
        draft.kind = 'boolean';
        note(node, `${path}.type`, 'boolean: imported as a yes/no choice with codes true and false');
        break;
      case 'date':
      case 'dateTime':
      case 'time':
      case 'url':
        note(node, `${path}.type`, `${type}: Alongside has no such answer type; imported as free text`);
        break;
      default:
        note(
          node,
          `${path}.type`,
          `${type || 'a missing type'}: Alongside has no such answer type; the question ${linkId} was not imported`,
        );
        return;
    }
    if (node.repeats === true && draft.kind !== 'multiple')
      note(node, `${path}.repeats`, 'repeating answers are only supported for choice questions; one answer is kept');
    for (const extension of objects(node.extension)) {
      const url = str(extension.url);
      const value = num(extension.valueInteger) ?? num(extension.valueDecimal);
      if (url === FHIR.minValue && draft.kind === 'number' && value !== undefined) draft.min = value;
      else if (url === FHIR.maxValue && draft.kind === 'number' && value !== undefined) draft.max = value;
      else if (url === OURS.reverse) draft.reverse = extension.valueBoolean === true;
      else if (url === OURS.identifier) draft.identifier = extension.valueBoolean === true;
      else if (url === OURS.scale && typeof extension.valueString === 'string') draft.scaleId = extension.valueString;
      else if (url === FHIR.itemControl) {
        const control = isJsonObject(extension.valueCodeableConcept)
          ? objects(extension.valueCodeableConcept.coding)
              .map((c) => show(c.code))
              .join(', ')
          : '';
        note(
          extension,
          `${path}.extension`,
          `the display control ${control || '(none)'} is not kept; Alongside chooses how to show each question`,
        );
      } else note(extension, `${path}.extension`, `the extension ${url ?? '(no url)'} is not carried into Alongside`);
    }
    reportUnknown(node, (k) => ITEM_KEYS.has(k) || ITEM_KEYS_MORE.has(k), path, `question ${linkId}`);
    items.push(draft);
    for (const [index, child] of objects(node.item).entries()) {
      const childPath = `${path}.item[${index}]`;
      const childLinkId = claimLinkId(child, childPath);
      if (childLinkId === undefined) continue;
      if (child.type === 'display') {
        const text = localized(child, 'text', childPath);
        if (!text) continue;
        if (!isHelp(child)) note(child, childPath, `the text shown under ${linkId} was imported as its help text`);
        draft.help = appendText(draft.help, text);
      } else {
        note(child, childPath, `questions nested under the question ${linkId} were imported as the questions after it`);
        readItem(child, childPath, childLinkId, context);
      }
    }
  };

  const readItem = (node: JsonObject, path: string, linkId: string, context: Context): void => {
    if (node.type === 'group') {
      const ownId = objects(node.extension).find((e) => e.url === OURS.section);
      const claimed = sectionNames.claim(str(ownId?.valueString) ?? linkId);
      if (claimed.changed && !ownId)
        note(node, `${path}.linkId`, `the group linkId ${linkId} is not a valid id; imported as ${claimed.name}`);
      const section: DraftSection = {
        id: claimed.name,
        where: where(node, path),
        title: localized(node, 'text', path) ?? {},
      };
      if (context.section) section.parent = context.section;
      sections.push(section);
      if (node.repeats === true)
        note(node, `${path}.repeats`, `the group ${linkId} repeats in FHIR; Alongside shows it once`);
      if (node.required === true)
        note(
          node,
          `${path}.required`,
          `"required" on the group ${linkId} is not kept; mark its questions required instead`,
        );
      for (const extension of objects(node.extension).filter((e) => e !== ownId))
        note(
          extension,
          `${path}.extension`,
          `the extension ${show(extension.url)} on a group is not carried into Alongside`,
        );
      reportUnknown(
        node,
        (k) =>
          [
            'linkId',
            'type',
            'text',
            '_text',
            'item',
            'repeats',
            'required',
            'extension',
            'enableWhen',
            'enableBehavior',
          ].includes(k),
        path,
        `group ${linkId}`,
      );
      const own = conditionsOf(node, path);
      const inner: Context = {
        section: section.id,
        inherited: context.inherited,
        inheritedBehavior: context.inheritedBehavior,
      };
      if (own.length > 0) {
        note(node, `${path}.enableWhen`, `the conditions on the group ${linkId} were given to each of its questions`);
        inner.inherited = [...context.inherited, ...own];
        inner.inheritedBehavior = context.inherited.length === 0 ? behaviorOf(node) : 'all';
      }
      objects(node.item).forEach((child, index) => {
        const childPath = `${path}.item[${index}]`;
        const childLinkId = claimLinkId(child, childPath);
        if (childLinkId === undefined) return;
        if (child.type === 'display') {
          const text = localized(child, 'text', childPath);
          if (!text) return;
          if (index > 0 || section.description)
            note(
              child,
              childPath,
              `the text ${childLinkId} was added to the description of the section ${section.id}; its place among the questions is lost`,
            );
          section.description = appendText(section.description, text);
          return;
        }
        readItem(child, childPath, childLinkId, inner);
      });
      return;
    }
    if (node.type === 'display') {
      const text = localized(node, 'text', path);
      if (!text) return;
      note(node, path, `the text ${linkId} outside any group was added to the instrument's description`);
      description = appendText(description, text);
      return;
    }
    readQuestion(node, path, linkId, context);
  };

  objects(root.item).forEach((node, index) => {
    const path = `item[${index}]`;
    const linkId = claimLinkId(node, path);
    if (linkId !== undefined) readItem(node, path, linkId, { inherited: [] });
  });
  if (errors.length > 0) return failure(...errors);

  // Instrument-level: our extensions, licence, key and name.
  const toName = (linkId: string) => items.find((d) => d.linkId === linkId)?.name ?? linkId;
  const level = readInstrumentLevel(root, { localized, where, note, toName });
  errors.push(...level.errors);
  const { ours, key, instrumentName, languages, audience, subscales, substitutions, subscaleWhere } = level;
  let licence = level.licence;
  if (errors.length > 0) return failure(...errors);
  if (!licence) {
    licence = unknownLicence(str(root.copyright));
    notices.push({ ...where(root, 'licence'), message: UNKNOWN_LICENCE_NOTICE.message });
  }
  reportUnknown(root, (k) => ROOT_KEYS.has(k) || ROOT_KEYS_MORE.has(k), 'Questionnaire', 'Questionnaire');
  if (root.status !== undefined && root.status !== 'active' && root.status !== 'draft')
    note(root, 'status', `the status ${show(root.status)} is not kept; Alongside versions its instruments itself`);
  if (isJsonObject(root._copyright))
    note(root, 'copyright', 'translations of the copyright text are not kept; the licence holds one copyright text');

  const scales = likertScales(items, ours, notices);

  const finalLanguages =
    languages.length > 0
      ? languages
      : [...seen].map((code) => ({
          code,
          validated: false,
          method: code === language ? ('original' as const) : ('unknown' as const),
          staleItems: [],
        }));
  if (languages.length === 0 && seen.size > 1)
    notices.push({
      ...where(root, 'language'),
      message: `translations into ${[...seen].filter((l) => l !== language).join(', ')} were imported as not validated, of unknown provenance; record how they were made`,
    });
  const keep = (text: LocalizedText): LocalizedText =>
    Object.fromEntries(finalLanguages.filter((l) => text[l.code] !== undefined).map((l) => [l.code, text[l.code]]));

  const definition: InstrumentDefinitionInput = {
    title: localized(root, 'title', 'title') ?? { [language]: str(root.name) ?? filename ?? 'Imported questionnaire' },
    ...(description ? { description } : {}),
    sourceLanguage: language,
    languages: finalLanguages,
    audience: audience as InstrumentDefinitionInput['audience'],
    scales,
    sections: sections.map(({ id, title, description: about, parent }) => ({
      id,
      title,
      ...(about ? { description: about } : {}),
      ...(parent ? { parent } : {}),
    })),
    items: items.map((draft, index) => {
      const conditions = draft.conditions
        .map((raw) => resolveCondition(items, index, raw, where, notices))
        .filter((c): c is Condition => c !== undefined);
      const kind = draft.kind === 'boolean' ? 'single' : draft.kind;
      return {
        name: draft.name,
        type: kind,
        text: draft.text,
        ...(draft.help ? { help: draft.help } : {}),
        ...(kind === 'likert' ? { scale: draft.scaleId! } : {}),
        ...(draft.kind === 'boolean'
          ? {
              options: [
                { code: 'true', label: keep(YES) },
                { code: 'false', label: keep(NO) },
              ],
            }
          : kind === 'single' || kind === 'multiple'
            ? {
                options: draft.options.map((o) => ({
                  code: o.code,
                  label: o.label,
                  ...(o.ordinal !== undefined ? { score: o.ordinal } : {}),
                })),
              }
            : {}),
        ...(draft.min !== undefined ? { min: draft.min } : {}),
        ...(draft.max !== undefined ? { max: draft.max } : {}),
        ...(draft.integer ? { integer: true } : {}),
        required: draft.required,
        reverse: draft.reverse,
        identifier: draft.identifier,
        ...(draft.section ? { section: draft.section } : {}),
        ...(conditions.length > 0 ? { enableWhen: conditions } : {}),
        ...(conditions.length > 0 && draft.behavior ? { enableBehavior: draft.behavior } : {}),
      };
    }),
    subscales,
    substitutions,
  };
  const displayName = instrumentName ?? definition.title[language] ?? str(root.name) ?? 'Imported questionnaire';
  return finishImport(
    'fhir',
    {
      key:
        key ??
        toInstrumentKey(
          str(root.name) ?? str(root.id) ?? definition.title[language] ?? filename?.replace(/\.[^.]*$/, ''),
        ),
      name: displayName.slice(0, 200),
      url: str(root.url),
      licence,
      definition,
      sourceVersion: str(root.version),
    },
    notices,
    locateFrom({
      items: items.map((d) => d.where),
      itemsByName: new Map(items.map((d) => [d.name, d.where])),
      sections: sections.map((s) => s.where),
      sectionsById: new Map(sections.map((s) => [s.id, s.where])),
      subscalesById: subscaleWhere,
      fallback: where(root, 'Questionnaire'),
    }),
  );
}
