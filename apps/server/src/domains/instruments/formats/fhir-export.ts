import type {
  Coding,
  Element,
  Extension,
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireItemEnableWhen,
} from '@medplum/fhirtypes';
import {
  LANGUAGES,
  type Condition,
  type ImportNotice,
  type InstrumentDefinition,
  type Item,
  type Language,
  type LocalizedText,
} from '@alongside/contracts';
import { LANGUAGE_TAGS, MAX_IMPORT_BYTES, type ExportedFile, type InstrumentDocument } from './common.ts';
import { FHIR, OURS, fhirName } from './fhir-shared.ts';
import { sectionTree, type TreeNode } from './section-tree.ts';

// Alongside → FHIR R4 Questionnaire. Sections become nested groups, Likert items `choice` items whose codings carry
// ordinalValue, translations the translation extension on each primitive. What core FHIR has no element for
// (reverse keys, subscales, transforms, substitutions, licence status, translation provenance) goes in our own
// extensions, which other tools ignore.

/** FHIR JSON puts a primitive's extensions in a sibling `_name` element. */
type WithPrimitiveExtensions<T> = T & { [key: `_${string}`]: Element | undefined };
type FhirItem = WithPrimitiveExtensions<Omit<QuestionnaireItem, 'item' | 'answerOption'>> & {
  item?: FhirItem[];
  answerOption?: { valueCoding: WithPrimitiveExtensions<Coding> }[];
};

/** The source-language text, and the other languages as translation extensions. */
function primitive(text: LocalizedText | undefined, source: Language): { value?: string; element?: Element } {
  if (!text) return {};
  const value = text[source];
  const translations: Extension[] = LANGUAGES.filter(
    (language) => language !== source && text[language] !== undefined,
  ).map((language) => ({
    url: FHIR.translation,
    extension: [
      { url: 'lang', valueCode: LANGUAGE_TAGS[language] },
      { url: 'content', valueString: text[language]! },
    ],
  }));
  return {
    ...(value !== undefined ? { value } : {}),
    ...(translations.length > 0 ? { element: { extension: translations } } : {}),
  };
}

/** Sets `name` and `_name` on a FHIR object from localized text. */
function setText(target: object, name: string, text: LocalizedText | undefined, source: Language) {
  const { value, element } = primitive(text, source);
  const fields = target as Record<string, unknown>;
  if (value !== undefined) fields[name] = value;
  if (element) fields[`_${name}`] = element;
}

/** A string sub-extension carrying its translations. */
function localizedPart(url: string, text: LocalizedText, source: Language): Extension {
  const { value, element } = primitive(text, source);
  return { url, valueString: value ?? '', ...(element ? { _valueString: element } : {}) };
}

function enableWhen(
  condition: Condition,
  target: Item | undefined,
  notices: ImportNotice[],
  at: string,
): QuestionnaireItemEnableWhen {
  const question = condition.item;
  switch (condition.operator) {
    case 'answered':
      return { question, operator: 'exists', answerBoolean: true };
    case 'not_answered':
      return { question, operator: 'exists', answerBoolean: false };
    case 'equals':
    case 'not_equals':
    case 'greater':
    case 'less': {
      const operator = ({ equals: '=', not_equals: '!=', greater: '>', less: '<' } as const)[condition.operator];
      const value = condition.value;
      const choice = target?.type === 'likert' || target?.type === 'single' || target?.type === 'multiple';
      if (choice && (operator === '=' || operator === '!='))
        return { question, operator, answerCoding: { code: String(value) } };
      if (typeof value === 'number') {
        if (choice)
          notices.push({
            field: at,
            message: `the condition ${question} ${operator} ${value} compares a coded answer with a number (answerInteger); tools that compare codings only may not evaluate it`,
          });
        const integer = Number.isInteger(value) && (target?.type !== 'number' || target.integer === true);
        return integer ? { question, operator, answerInteger: value } : { question, operator, answerDecimal: value };
      }
      return { question, operator, answerString: value ?? '' };
    }
  }
}

function questionItem(item: Item, definition: InstrumentDefinition, notices: ImportNotice[]): FhirItem {
  const source = definition.sourceLanguage;
  const at = `items.${item.name}`;
  const out: FhirItem = { linkId: item.name, type: 'string' };
  setText(out, 'text', item.text, source);
  const extension: Extension[] = [];
  const coding = (
    code: string,
    label: LocalizedText,
    score: number | undefined,
  ): { valueCoding: WithPrimitiveExtensions<Coding> } => {
    const valueCoding = { code } as WithPrimitiveExtensions<Coding>;
    setText(valueCoding, 'display', label, source);
    if (score !== undefined) valueCoding.extension = [{ url: FHIR.ordinalValue, valueDecimal: score }];
    return { valueCoding };
  };
  switch (item.type) {
    case 'likert': {
      const scale = definition.scales.find((s) => s.id === item.scale);
      out.type = 'choice';
      out.answerOption = (scale?.points ?? []).map((point) =>
        coding(String(point.value), point.label, point.score ?? point.value),
      );
      extension.push({ url: OURS.scale, valueString: item.scale! });
      break;
    }
    case 'single':
    case 'multiple':
      out.type = 'choice';
      if (item.type === 'multiple') out.repeats = true;
      out.answerOption = (item.options ?? []).map((option) => coding(option.code, option.label, option.score));
      break;
    case 'number': {
      out.type = item.integer ? 'integer' : 'decimal';
      const bound = (url: string, value: number | undefined) => {
        if (value === undefined) return;
        extension.push(
          item.integer && Number.isInteger(value) ? { url, valueInteger: value } : { url, valueDecimal: value },
        );
      };
      bound(FHIR.minValue, item.min);
      bound(FHIR.maxValue, item.max);
      break;
    }
    case 'text':
      out.type = 'text';
      break;
  }
  if (item.required) out.required = true;
  if (item.reverse) extension.push({ url: OURS.reverse, valueBoolean: true });
  if (item.identifier) extension.push({ url: OURS.identifier, valueBoolean: true });
  if (extension.length > 0) out.extension = extension;
  if (item.enableWhen?.length) {
    const items = new Map(definition.items.map((i) => [i.name, i]));
    out.enableWhen = item.enableWhen.map((condition) => enableWhen(condition, items.get(condition.item), notices, at));
    if (item.enableBehavior || item.enableWhen.length > 1) out.enableBehavior = item.enableBehavior ?? 'all';
  }
  if (item.help) {
    const help = {
      linkId: `${item.name}.help`,
      type: 'display',
      extension: [
        { url: FHIR.itemControl, valueCodeableConcept: { coding: [{ system: FHIR.itemControlSystem, code: 'help' }] } },
      ],
    } as FhirItem;
    setText(help, 'text', item.help, source);
    out.item = [help];
  }
  return out;
}

/** The nested groups: each section holds its description, its items (in item order) and its sub-sections. */
function itemTree(definition: InstrumentDefinition, notices: ImportNotice[]): FhirItem[] {
  const source = definition.sourceLanguage;
  const itemNames = new Set(definition.items.map((item) => item.name));
  const write = (node: TreeNode): FhirItem => {
    if (node.kind === 'item') return questionItem(node.item, definition, notices);
    const { section } = node;
    // linkIds are shared by groups and questions; section ids and item names are not.
    const clash = itemNames.has(section.id);
    const group = {
      linkId: clash ? `${section.id}.group` : section.id,
      type: 'group',
      item: [] as FhirItem[],
    } as FhirItem;
    if (clash) group.extension = [{ url: OURS.section, valueString: section.id }];
    setText(group, 'text', section.title, source);
    if (section.description) {
      const description = { linkId: `${section.id}.description`, type: 'display' } as FhirItem;
      setText(description, 'text', section.description, source);
      group.item!.push(description);
    }
    group.item!.push(...node.children.map(write));
    if (group.item!.length === 0)
      notices.push({ field: `sections.${section.id}`, message: 'FHIR validators flag a group without items' });
    return group;
  };
  return sectionTree(definition, notices).map(write);
}

/** Our instrument-level extensions. */
function instrumentExtensions(instrument: InstrumentDocument): Extension[] {
  const { definition, licence } = instrument;
  const source = definition.sourceLanguage;
  const part = (url: string, value: Omit<Extension, 'url'>): Extension => ({ url, ...value });
  const extensions: Extension[] = [];
  if (instrument.name !== definition.title[source]) extensions.push({ url: OURS.name, valueString: instrument.name });
  extensions.push({
    url: OURS.licence,
    extension: [
      part('status', { valueCode: licence.status }),
      ...(licence.attribution ? [part('attribution', { valueString: licence.attribution })] : []),
      part('wordingEditable', { valueBoolean: licence.wordingEditable }),
      ...(licence.permission
        ? [
            part('permissionGrantedBy', { valueString: licence.permission.grantedBy }),
            part('permissionGrantedOn', { valueDate: licence.permission.grantedOn }),
            part('permissionFile', { valueString: licence.permission.file }),
          ]
        : []),
    ],
  });
  for (const language of definition.languages) {
    extensions.push({
      url: OURS.language,
      extension: [
        part('code', { valueCode: language.code }),
        part('validated', { valueBoolean: language.validated }),
        part('method', { valueCode: language.method }),
        ...(language.source ? [part('source', { valueString: language.source })] : []),
        ...language.staleItems.map((name) => part('staleItem', { valueString: name })),
      ],
    });
  }
  for (const group of definition.audience) extensions.push({ url: OURS.audience, valueCode: group });
  for (const subscale of definition.subscales) {
    extensions.push({
      url: OURS.subscale,
      extension: [
        part('id', { valueString: subscale.id }),
        localizedPart('name', subscale.name, source),
        ...subscale.items.map((name) => part('item', { valueString: name })),
        part('aggregate', { valueCode: subscale.aggregate }),
        'fraction' in subscale.minAnswered
          ? part('minAnsweredFraction', { valueDecimal: subscale.minAnswered.fraction })
          : part('minAnsweredCount', { valueInteger: subscale.minAnswered.count }),
        part('transform', { valueCode: subscale.transform }),
        part('outcome', { valueBoolean: subscale.outcome }),
      ],
    });
  }
  for (const substitution of definition.substitutions) {
    extensions.push({
      url: OURS.substitution,
      extension: [
        localizedPart('find', substitution.find, source),
        localizedPart('replace', substitution.replace, source),
      ],
    });
  }
  return extensions;
}

/** Indented JSON, or compact when indenting would make the file too large to import again. */
function serialise(questionnaire: object, notices: ImportNotice[]): Uint8Array {
  const indented = new TextEncoder().encode(`${JSON.stringify(questionnaire, null, 2)}\n`);
  if (indented.length <= MAX_IMPORT_BYTES) return indented;
  notices.push({
    field: 'file',
    message: 'the Questionnaire is written without indentation so that it stays within the import limit',
  });
  return new TextEncoder().encode(`${JSON.stringify(questionnaire)}\n`);
}

/** Writes an instrument as a FHIR R4 Questionnaire (JSON). */
export function exportFhir(instrument: InstrumentDocument): ExportedFile {
  const { definition } = instrument;
  const source = definition.sourceLanguage;
  const notices: ImportNotice[] = [];
  const questionnaire = {
    resourceType: 'Questionnaire',
    language: LANGUAGE_TAGS[source],
    extension: instrumentExtensions(instrument),
    ...(instrument.url !== undefined ? { url: instrument.url } : {}),
    identifier: [{ system: OURS.keySystem, value: instrument.key }],
    ...(instrument.versionNumber !== undefined ? { version: String(instrument.versionNumber) } : {}),
    name: fhirName(instrument.key),
    status: 'active',
  } as WithPrimitiveExtensions<Questionnaire>;
  setText(questionnaire, 'title', definition.title, source);
  setText(questionnaire, 'description', definition.description, source);
  if (instrument.licence.copyright) questionnaire.copyright = instrument.licence.copyright;
  questionnaire.item = itemTree(definition, notices);

  const kept: string[] = [];
  if (definition.items.some((i) => i.reverse)) kept.push('reverse-keyed items');
  if (definition.items.some((i) => i.identifier)) kept.push('identifying items');
  if (definition.subscales.length > 0) kept.push('subscales (items, aggregate, minimum answered, transform, outcome)');
  if (definition.substitutions.length > 0) kept.push('wording substitutions');
  if (definition.scales.length > 0) kept.push('response scale ids');
  kept.push(
    'licence status and permission',
    'translation provenance',
    ...(definition.audience.length ? ['audience'] : []),
  );
  notices.push({
    field: 'extension',
    message: `kept in an Alongside extension (${OURS.licence.replace(/licence$/, '…')}), which other FHIR tools ignore: ${kept.join(', ')}`,
  });
  const unused = definition.scales.filter((s) => !definition.items.some((i) => i.scale === s.id));
  for (const scale of unused)
    notices.push({
      field: `scales.${scale.id}`,
      message: 'a response scale no item uses has no place in a Questionnaire and is not written',
    });
  const version = instrument.versionNumber === undefined ? '' : `-v${instrument.versionNumber}`;
  return {
    filename: `${instrument.key}${version}.questionnaire.json`,
    contentType: 'application/fhir+json; charset=utf-8',
    body: serialise(questionnaire, notices),
    notices,
  };
}
