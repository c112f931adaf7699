import type { Condition, ImportNotice, InstrumentDefinitionInput, LocalizedText } from '@alongside/contracts';
import { NameRegistry } from './common.ts';
import { num, str, type JsonObject } from './fhir-shared.ts';
import { isJsonObject } from './json-positions.ts';

// FHIR import, second half: choice questions into response scales and Likert items, and enableWhen into
// conditions, once every question has its final name and type.

type Where = Omit<ImportNotice, 'message'>;

export interface RawCondition {
  node: JsonObject;
  path: string;
}

export interface DraftOption {
  code: string;
  original: string;
  integer?: number;
  label: LocalizedText;
  ordinal?: number;
}

export interface DraftItem {
  linkId: string;
  name: string;
  where: Where;
  path: string;
  kind: 'likert' | 'single' | 'multiple' | 'number' | 'text' | 'boolean';
  text: LocalizedText;
  help?: LocalizedText;
  section?: string;
  options: DraftOption[];
  valueSet?: string;
  scaleId?: string;
  integer?: boolean;
  min?: number;
  max?: number;
  required: boolean;
  reverse: boolean;
  identifier: boolean;
  conditions: RawCondition[];
  behavior?: 'all' | 'any';
  /** Likert: option code → scale value. */
  values?: Map<string, number>;
}

/**
 * Likert: items that name our response scale, or (in files from other tools) choice items with integer codes or
 * ordinal values sharing one set of options, become one response scale and Likert items.
 */
export function likertScales(
  items: DraftItem[],
  ours: boolean,
  notices: ImportNotice[],
): NonNullable<InstrumentDefinitionInput['scales']> {
  const scales: NonNullable<InstrumentDefinitionInput['scales']> = [];
  const pointsOf = (draft: DraftItem) => {
    const byCode = draft.options.every((o) => o.integer !== undefined);
    const byOrdinal = draft.options.every((o) => o.ordinal !== undefined && Number.isInteger(o.ordinal));
    if (draft.options.length < 2 || (!byCode && !byOrdinal)) return undefined;
    const points = draft.options.map((o) => {
      const value = byCode ? o.integer! : o.ordinal!;
      return { value, label: o.label, ...(o.ordinal !== undefined && o.ordinal !== value ? { score: o.ordinal } : {}) };
    });
    if (new Set(points.map((p) => p.value)).size !== points.length) return undefined;
    return { points, byCode };
  };
  const toLikert = (draft: DraftItem, scaleId: string, byCode: boolean) => {
    draft.kind = 'likert';
    draft.scaleId = scaleId;
    draft.values = new Map(draft.options.map((o) => [o.original, byCode ? o.integer! : o.ordinal!]));
    if (!byCode)
      notices.push({
        ...draft.where,
        field: `${draft.path}.answerOption`,
        message: `the answer codes of ${draft.linkId} are not numbers; their ordinal values are stored instead`,
      });
  };
  if (ours) {
    for (const draft of items.filter((d) => d.scaleId !== undefined)) {
      const found = pointsOf(draft);
      if (!found || draft.kind !== 'single') {
        notices.push({
          ...draft.where,
          field: `${draft.path}.answerOption`,
          message: `${draft.linkId} names the response scale ${draft.scaleId!} but its answers are not a numbered single choice; imported as a choice`,
        });
        delete draft.scaleId;
        continue;
      }
      if (!scales.some((s) => s.id === draft.scaleId)) scales.push({ id: draft.scaleId!, points: found.points });
      toLikert(draft, draft.scaleId!, found.byCode);
    }
  } else {
    const groups = new Map<string, DraftItem[]>();
    for (const draft of items) {
      delete draft.scaleId;
      if (draft.kind !== 'single') continue;
      const found = pointsOf(draft);
      if (!found) continue;
      const signature = JSON.stringify(found.points);
      groups.set(signature, [...(groups.get(signature) ?? []), draft]);
    }
    const scaleNames = new NameRegistry();
    for (const [signature, members] of groups) {
      if (members.length < 2) continue;
      const valueSet = members.every((m) => m.valueSet === members[0]!.valueSet) ? members[0]!.valueSet : undefined;
      const id = scaleNames.claim(valueSet ?? `scale_${scales.length + 1}`).name;
      scales.push({ id, points: JSON.parse(signature) as (typeof scales)[number]['points'] });
      for (const member of members) toLikert(member, id, pointsOf(member)!.byCode);
      notices.push({
        ...members[0]!.where,
        field: 'scales',
        message: `${members.length} choice questions share numbered answers (${members.map((m) => m.name).join(', ')}); imported as Likert items on the response scale ${id}`,
      });
    }
  }
  return scales;
}

/** One enableWhen as a condition on an earlier question, or undefined (and a notice) when it does not map. */
export function resolveCondition(
  items: readonly DraftItem[],
  index: number,
  raw: RawCondition,
  where: (node: JsonObject, field: string) => Where,
  notices: ImportNotice[],
): Condition | undefined {
  const draft = items[index]!;
  const node = raw.node;
  const drop = (why: string) => {
    notices.push({ ...where(node, raw.path), message: `${why}; ${draft.name} is shown without this condition` });
    return undefined;
  };
  const question = str(node.question) ?? '';
  const targetIndex = items.findIndex((d) => d.linkId === question);
  if (targetIndex < 0 || targetIndex >= index)
    return drop(`the condition refers to ${question || 'no question'}, which is not an earlier question`);
  const target = items[targetIndex]!;
  const operator = str(node.operator);
  const coding = isJsonObject(node.answerCoding) ? str(node.answerCoding.code) : undefined;
  const number = num(node.answerInteger) ?? num(node.answerDecimal);
  const text = str(node.answerString);
  const bool = typeof node.answerBoolean === 'boolean' ? node.answerBoolean : undefined;
  if (operator === 'exists') return { item: target.name, operator: bool === false ? 'not_answered' : 'answered' };
  let value: number | string | undefined;
  if (target.kind === 'likert') value = coding !== undefined ? target.values!.get(coding) : number;
  else if (target.kind === 'number') value = number;
  else if (target.kind === 'boolean') value = bool === undefined ? undefined : String(bool);
  else if (target.kind === 'single' || target.kind === 'multiple') {
    const raw = coding ?? (number !== undefined ? String(number) : text);
    value = target.options.find((o) => o.original === raw)?.code;
  } else value = text ?? coding ?? (number !== undefined ? String(number) : undefined);
  if (value === undefined)
    return drop(`the answer this condition compares with does not fit the question ${target.linkId}`);
  const ordered = target.kind === 'likert' || target.kind === 'number';
  const integral = target.kind === 'likert' || target.integer === true;
  switch (operator) {
    case '=':
      return { item: target.name, operator: 'equals', value };
    case '!=':
      return { item: target.name, operator: 'not_equals', value };
    case '>':
    case '<':
      if (!ordered || typeof value !== 'number') return drop(`${operator} is only kept for numbered answers`);
      return { item: target.name, operator: operator === '>' ? 'greater' : 'less', value };
    case '>=':
    case '<=':
      if (!ordered || typeof value !== 'number' || !integral || !Number.isInteger(value))
        return drop(`${operator} is only kept for whole-number answers`);
      return operator === '>='
        ? { item: target.name, operator: 'greater', value: value - 1 }
        : { item: target.name, operator: 'less', value: value + 1 };
    case undefined:
    default:
      return drop(`the operator ${operator ?? '(none)'} is not one Alongside has`);
  }
}
