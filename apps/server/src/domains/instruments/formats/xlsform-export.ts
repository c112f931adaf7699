import ExcelJS from 'exceljs';
import { LANGUAGES, type ImportNotice, type Language, type LocalizedText } from '@alongside/contracts';
import { formatTags } from './alongside-tags.ts';
import { NameRegistry, type ExportedFile, type InstrumentDocument } from './common.ts';
import { formatLogic } from './logic.ts';
import { sectionTree, type TreeNode } from './section-tree.ts';
import { xlsformLanguageName } from './xlsform-shared.ts';

// Alongside → XLSForm (.xlsx). Every language gets its label:: and hint:: columns; sections become nested groups;
// Likert items select_one on the scale's list with the likert appearance. Reverse keys, subscale membership and
// scores go in an `alongside` column of @ALONGSIDE-… tags, which ODK and KoboToolbox leave alone.

/** Writes an instrument as an XLSForm workbook. */
export async function exportXlsform(instrument: InstrumentDocument): Promise<ExportedFile> {
  const { definition } = instrument;
  const source = definition.sourceLanguage;
  const notices: ImportNotice[] = [];
  const languages: Language[] = [
    source,
    ...LANGUAGES.filter((l) => l !== source && definition.languages.some((d) => d.code === l)),
  ];
  const items = new Map(definition.items.map((item) => [item.name, item]));
  const scales = new Map(definition.scales.map((scale) => [scale.id, scale]));

  const names = new NameRegistry();
  for (const item of definition.items) names.claim(item.name);
  const lists = new NameRegistry();
  const listOfScale = new Map<string, string>();
  for (const scale of definition.scales) listOfScale.set(scale.id, lists.claim(scale.id).name);

  const surveyHeader = [
    'type',
    'name',
    ...languages.map((l) => `label::${xlsformLanguageName(l)}`),
    ...languages.map((l) => `hint::${xlsformLanguageName(l)}`),
    'required',
    'relevant',
    'constraint',
    'appearance',
    'alongside',
  ];
  const survey: string[][] = [];
  const choices: string[][] = [];
  const dropped = { controlCharacters: false };
  // XML 1.0, inside every .xlsx, cannot hold control characters other than tab and line breaks.
  const clean = (value: string) => {
    let cleaned = '';
    for (let i = 0; i < value.length; i++) {
      const code = value.charCodeAt(i);
      if (code >= 32 || code === 9 || code === 10 || code === 13) cleaned += value.charAt(i);
    }
    if (cleaned !== value) dropped.controlCharacters = true;
    return cleaned;
  };
  const texts = (text: LocalizedText | undefined) => languages.map((l) => clean(text?.[l] ?? ''));
  const row = (
    type: string,
    name: string,
    label: LocalizedText | undefined,
    rest: {
      hint?: LocalizedText | undefined;
      required?: string;
      relevant?: string;
      constraint?: string;
      appearance?: string;
      alongside?: string;
    } = {},
  ) =>
    survey.push([
      type,
      name,
      ...texts(label),
      ...texts(rest.hint),
      rest.required ?? '',
      rest.relevant ?? '',
      rest.constraint ?? '',
      rest.appearance ?? '',
      rest.alongside ?? '',
    ]);
  const choiceRows = (list: string, options: { code: string; label: LocalizedText }[]) => {
    for (const option of options) choices.push([list, option.code, ...texts(option.label)]);
  };
  for (const scale of definition.scales)
    choiceRows(
      listOfScale.get(scale.id)!,
      scale.points.map((p) => ({ code: String(p.value), label: p.label })),
    );

  if (definition.description) row('note', names.claim('intro').name, definition.description);
  const write = (node: TreeNode) => {
    if (node.kind === 'section') {
      const { section } = node;
      // XLSForm names are shared by groups and questions; section ids and item names are not.
      const claimed = names.claim(section.id);
      const renamed = claimed.name !== section.id;
      row('begin_group', claimed.name, section.title, {
        appearance: 'field-list',
        ...(renamed ? { alongside: `@ALONGSIDE-SECTION="${section.id}"` } : {}),
      });
      if (section.description) row('note', names.claim(`${section.id}_intro`).name, section.description);
      node.children.forEach(write);
      survey.push(['end_group', claimed.name]);
      return;
    }
    const { item } = node;
    const scores = new Map<string, number>();
    let type: string;
    let appearance: string | undefined;
    let constraint: string | undefined;
    switch (item.type) {
      case 'likert': {
        type = `select_one ${listOfScale.get(item.scale!)!}`;
        appearance = 'likert';
        for (const point of scales.get(item.scale!)!.points)
          if (point.score !== undefined) scores.set(String(point.value), point.score);
        break;
      }
      case 'single':
      case 'multiple': {
        const list = lists.claim(item.name).name;
        type = `${item.type === 'single' ? 'select_one' : 'select_multiple'} ${list}`;
        choiceRows(list, item.options ?? []);
        for (const option of item.options ?? []) if (option.score !== undefined) scores.set(option.code, option.score);
        break;
      }
      case 'number': {
        type = item.integer ? 'integer' : 'decimal';
        const parts = [
          ...(item.min !== undefined ? [`. >= ${item.min}`] : []),
          ...(item.max !== undefined ? [`. <= ${item.max}`] : []),
        ];
        if (parts.length) constraint = parts.join(' and ');
        break;
      }
      case 'text':
        type = 'text';
        break;
    }
    let relevant: string | undefined;
    if (item.enableWhen?.length) {
      relevant = formatLogic(item.enableWhen, item.enableBehavior, 'xlsform', (name) => items.get(name)?.type);
      if (relevant === undefined)
        notices.push({
          field: `items.${item.name}.enableWhen`,
          message: 'this condition cannot be written as XLSForm relevance without a function; it was not written',
        });
    }
    const tags = formatTags({
      reverse: item.reverse,
      identifier: item.identifier,
      scale: item.type === 'likert' && listOfScale.get(item.scale!) !== item.scale ? item.scale : undefined,
      subscales: definition.subscales.filter((s) => s.items.includes(item.name)).map((s) => s.id),
      scores,
    });
    row(type, item.name, item.text, {
      hint: item.help,
      ...(item.required ? { required: 'yes' } : {}),
      ...(relevant ? { relevant } : {}),
      ...(constraint ? { constraint } : {}),
      ...(appearance ? { appearance } : {}),
      ...(tags ? { alongside: tags } : {}),
    });
  };
  sectionTree(definition, notices).forEach(write);

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Alongside';
  const sheet = (name: string, header: string[], rows: string[][]) => {
    const worksheet = workbook.addWorksheet(name);
    worksheet.addRow(header).font = { bold: true };
    for (const values of rows) worksheet.addRow(values.map((v) => (v === '' ? null : v)));
    worksheet.views = [{ state: 'frozen', ySplit: 1 }];
  };
  sheet('survey', surveyHeader, survey);
  sheet('choices', ['list_name', 'name', ...languages.map((l) => `label::${xlsformLanguageName(l)}`)], choices);
  sheet(
    'settings',
    ['form_title', 'form_id', 'version', 'default_language'],
    [
      [
        definition.title[source] ?? instrument.name,
        instrument.key,
        instrument.versionNumber === undefined ? '' : String(instrument.versionNumber),
        xlsformLanguageName(source),
      ],
    ],
  );

  if (languages.some((l) => l !== source && definition.title[l]))
    notices.push({
      field: 'title',
      message: 'XLSForm has one form_title: the title is written in the source language only',
    });
  if (definition.subscales.length > 0)
    notices.push({
      field: 'subscales',
      message:
        'subscale membership travels in @ALONGSIDE-SUBSCALE tags (alongside column); subscale names, scoring rules, transforms and the outcome flag are not in the file',
    });
  if (definition.items.some((i) => i.reverse || i.identifier))
    notices.push({
      field: 'items',
      message: 'reverse keys and identifying items travel in the alongside column, which other tools ignore',
    });
  if (definition.substitutions.length > 0)
    notices.push({
      field: 'substitutions',
      message: 'wording substitutions have no place in XLSForm and are not in the file',
    });
  if (instrument.name !== definition.title[source])
    notices.push({ field: 'name', message: 'the library name has no place in XLSForm; form_title holds the title' });
  notices.push({
    field: 'licence',
    message: 'the licence and translation provenance have no place in XLSForm and are not in the file',
  });
  if (dropped.controlCharacters)
    notices.push({
      field: 'items',
      message: 'some wording held control characters, which a workbook cannot hold; they were left out',
    });
  const unused = definition.scales.filter((s) => !definition.items.some((i) => i.scale === s.id));
  for (const scale of unused)
    notices.push({
      field: `scales.${scale.id}`,
      message: 'a response scale no item uses is written as a choice list only, and not read back as a scale',
    });

  const buffer = await workbook.xlsx.writeBuffer();
  const version = instrument.versionNumber === undefined ? '' : `-v${instrument.versionNumber}`;
  return {
    filename: `${instrument.key}${version}.xlsform.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: new Uint8Array(buffer),
    notices,
  };
}
