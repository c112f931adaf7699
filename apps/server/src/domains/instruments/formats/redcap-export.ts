import { stringify } from 'csv-stringify/sync';
import type { ImportNotice, Item, Language, LocalizedText } from '@alongside/contracts';
import { formatTags } from './alongside-tags.ts';
import {
  NameRegistry,
  escapeHtml,
  textIn,
  toVariableName,
  type ExportOptions,
  type ExportedFile,
  type InstrumentDocument,
} from './common.ts';
import { formatLogic } from './logic.ts';
import { REDCAP_COLUMNS, type RedcapColumn } from './redcap-shared.ts';

// Alongside → REDCap data dictionary (CSV), one language per file. Likert items become radio fields in a matrix
// group per run of items on one scale; reverse keys, subscale membership, scale ids and scores travel as our
// @ALONGSIDE-… action tags in Field Annotation, which REDCap keeps and ignores.

/** Writes one language of an instrument as a REDCap data dictionary. */
export function exportRedcap(instrument: InstrumentDocument, options: ExportOptions = {}): ExportedFile {
  const { definition } = instrument;
  const source = definition.sourceLanguage;
  const language: Language = options.language ?? source;
  const notices: ImportNotice[] = [];
  const form = toVariableName(instrument.key);
  const names = new NameRegistry();
  for (const item of definition.items) names.claim(item.name);
  const items = new Map(definition.items.map((item) => [item.name, item]));
  const scales = new Map(definition.scales.map((scale) => [scale.id, scale]));
  const sections = new Map(definition.sections.map((section) => [section.id, section]));
  const rows: Record<RedcapColumn, string>[] = [];
  const blank = (): Record<RedcapColumn, string> =>
    Object.fromEntries(REDCAP_COLUMNS.map((c) => [c, ''])) as Record<RedcapColumn, string>;
  const missing = new Set<string>();
  const text = (value: LocalizedText | undefined, where: string): string => {
    if (value && value[language] === undefined && value[source] !== undefined) missing.add(where);
    return escapeHtml(textIn(value, language, source) ?? '');
  };
  const choiceLabel = (value: LocalizedText, where: string) => {
    let label = text(value, where);
    if (label.includes('|')) {
      notices.push({ field: where, message: 'REDCap separates choices with |; the | in this label was written as /' });
      label = label.replace(/\|/g, '/');
    }
    if (/[\r\n]/.test(label)) {
      notices.push({
        field: where,
        message: 'REDCap choices are one line each; the line break in this label was written as a space',
      });
      label = label.replace(/\s*[\r\n]+\s*/g, ' ');
    }
    return label;
  };

  // REDCap takes the first field as the record identifier.
  rows.push({
    ...blank(),
    'Variable / Field Name': names.claim('record_id').name,
    'Form Name': form,
    'Field Type': 'text',
    'Field Label': 'Record ID',
  });
  if (definition.description) {
    rows.push({
      ...blank(),
      'Variable / Field Name': names.claim(`${form}_intro`).name,
      'Form Name': form,
      'Field Type': 'descriptive',
      'Field Label': text(definition.description, 'description'),
    });
  }
  const subscalesOf = (item: Item) => definition.subscales.filter((s) => s.items.includes(item.name)).map((s) => s.id);
  const matrixNames = new NameRegistry();
  let previous: Item | undefined;
  let matrix: string | undefined;
  let sectionHeaderPending: string | undefined;
  for (const item of definition.items) {
    const at = `items.${item.name}`;
    if (item.section !== previous?.section) {
      matrix = undefined;
      const section = item.section ? sections.get(item.section) : undefined;
      if (section) {
        sectionHeaderPending = text(section.title, `sections.${section.id}`) || section.id;
        if (section.description) {
          rows.push({
            ...blank(),
            'Variable / Field Name': names.claim(`${section.id}_intro`).name,
            'Form Name': form,
            'Section Header': sectionHeaderPending,
            'Field Type': 'descriptive',
            'Field Label': text(section.description, `sections.${section.id}.description`),
          });
          sectionHeaderPending = undefined;
        }
      } else if (previous?.section)
        notices.push({
          field: at,
          message: 'REDCap has no way to end a section; this item, outside any section, joins the one before it',
        });
    }
    const row = {
      ...blank(),
      'Variable / Field Name': item.name,
      'Form Name': form,
      'Field Label': text(item.text, `${at}.text`),
      'Field Note': text(item.help, `${at}.help`),
    };
    if (sectionHeaderPending !== undefined) {
      row['Section Header'] = sectionHeaderPending;
      sectionHeaderPending = undefined;
      matrix = undefined;
    }
    const scores = new Map<string, number>();
    switch (item.type) {
      case 'likert': {
        const scale = scales.get(item.scale!)!;
        row['Field Type'] = 'radio';
        row['Choices, Calculations, OR Slider Labels'] = scale.points
          .map((p) => `${p.value}, ${choiceLabel(p.label, `scales.${scale.id}`)}`)
          .join(' | ');
        for (const point of scale.points) if (point.score !== undefined) scores.set(String(point.value), point.score);
        if (!(previous?.type === 'likert' && previous.scale === item.scale && matrix && !row['Section Header']))
          matrix = matrixNames.claim(scale.id).name;
        row['Matrix Group Name'] = matrix;
        break;
      }
      case 'single':
      case 'multiple':
        matrix = undefined;
        row['Field Type'] = item.type === 'single' ? 'radio' : 'checkbox';
        row['Choices, Calculations, OR Slider Labels'] = (item.options ?? [])
          .map((o) => `${o.code}, ${choiceLabel(o.label, `${at}.options`)}`)
          .join(' | ');
        for (const option of item.options ?? []) if (option.score !== undefined) scores.set(option.code, option.score);
        break;
      case 'number':
        matrix = undefined;
        row['Field Type'] = 'text';
        row['Text Validation Type OR Show Slider Number'] = item.integer ? 'integer' : 'number';
        if (item.min !== undefined) row['Text Validation Min'] = String(item.min);
        if (item.max !== undefined) row['Text Validation Max'] = String(item.max);
        break;
      case 'text':
        matrix = undefined;
        row['Field Type'] = item.identifier ? 'text' : 'notes';
        break;
    }
    if (item.identifier) row['Identifier?'] = 'y';
    if (item.required) row['Required Field?'] = 'y';
    if (item.enableWhen?.length) {
      const logic = formatLogic(item.enableWhen, item.enableBehavior, 'redcap', (name) => items.get(name)?.type);
      if (logic === undefined)
        notices.push({
          field: `${at}.enableWhen`,
          message:
            'REDCap cannot say "any option chosen" of a checkbox field without a function; this condition was not written',
        });
      else row['Branching Logic (Show field only if...)'] = logic;
    }
    row['Field Annotation'] = formatTags({
      reverse: item.reverse,
      identifier: false,
      scale: item.type === 'likert' ? item.scale : undefined,
      subscales: subscalesOf(item),
      scores,
    });
    rows.push(row);
    previous = item;
  }

  if (missing.size > 0)
    notices.push({
      field: [...missing].slice(0, 10).join(', '),
      message: `${missing.size} text(s) have no ${language} wording; the ${source} wording was written instead`,
    });
  const other = definition.languages.map((l) => l.code).filter((code) => code !== language);
  if (other.length > 0)
    notices.push({
      field: 'languages',
      message: `REDCap holds one language per dictionary: this one is ${language}; export ${other.join(' and ')} separately`,
    });
  if (definition.sections.some((s) => s.parent))
    notices.push({
      field: 'sections',
      message:
        'REDCap sections do not nest: sub-sections are written as sections of their own, and a section with only sub-sections loses its title',
    });
  notices.push({
    field: 'title',
    message: 'REDCap dictionaries have no title: the form is named after the key, and the file name carries the key',
  });
  if (definition.subscales.length > 0)
    notices.push({
      field: 'subscales',
      message:
        'subscale membership travels in @ALONGSIDE-SUBSCALE tags; subscale names, scoring rules, transforms and the outcome flag are not in the file',
    });
  if (definition.substitutions.length > 0)
    notices.push({
      field: 'substitutions',
      message: 'wording substitutions have no place in REDCap and are not in the file',
    });
  notices.push({
    field: 'licence',
    message: 'the licence and translation provenance have no place in REDCap and are not in the file',
  });
  const unused = definition.scales.filter((s) => !definition.items.some((i) => i.scale === s.id));
  for (const scale of unused)
    notices.push({
      field: `scales.${scale.id}`,
      message: 'a response scale no item uses has no place in a dictionary and is not written',
    });

  const csv = stringify(
    rows.map((row) => REDCAP_COLUMNS.map((column) => row[column])),
    // Records end in CRLF, so csv-stringify would leave a label with a bare LF unquoted: quote any line break.
    { header: true, columns: [...REDCAP_COLUMNS], record_delimiter: 'windows', quoted_match: /[\r\n]/ },
  );
  const version = instrument.versionNumber === undefined ? '' : `-v${instrument.versionNumber}`;
  const body = new TextEncoder().encode(`\uFEFF${csv}`);
  return {
    filename: `${instrument.key}${version}-redcap-${language}.csv`,
    contentType: 'text/csv; charset=utf-8',
    body,
    notices,
  };
}
