import type { Condition, ImportNotice, InstrumentDefinitionInput, ItemType, Language } from '@alongside/contracts';
import type { AlongsideTags } from './alongside-tags.ts';
import { humanise, toVariableName } from './common.ts';
import { parseLogic, toCondition, type Syntax } from './logic.ts';

// The last steps REDCap and XLSForm imports share: show-if logic into conditions once every question has its final
// type, and subscales rebuilt from @ALONGSIDE-SUBSCALE tags.

type Where = Omit<ImportNotice, 'message'>;

export interface TabularDraft {
  /** The name as the file writes it. */
  raw: string;
  item: {
    name: string;
    type: ItemType;
    integer?: boolean | undefined;
    enableWhen?: Condition[];
    enableBehavior?: 'all' | 'any';
  };
  /** Option codes as the file writes them → the codes imported. */
  codes: ReadonlyMap<string, string>;
  tags: AlongsideTags;
  logic?: { text: string; where: Where } | undefined;
}

const WORDS = {
  redcap: { logic: 'branching logic', thing: 'field' },
  xlsform: { logic: 'relevance', thing: 'question' },
} as const;

/** Sets each draft's conditions from its logic; logic that does not map is reported and left out as a whole. */
export function applyLogic(drafts: readonly TabularDraft[], syntax: Syntax, notices: ImportNotice[]): void {
  const words = WORDS[syntax];
  // REDCap variable names are case-insensitive; XLSForm names are not.
  const key = (name: string) => (syntax === 'redcap' ? name.toLowerCase() : name);
  const position = new Map(drafts.map((draft, index) => [key(draft.raw), index]));
  drafts.forEach((draft, index) => {
    const logic = draft.logic;
    if (!logic) return;
    const drop = (reason: string) => {
      notices.push({
        ...logic.where,
        message: `the ${words.logic} of ${draft.raw} was not imported: ${reason}; the ${words.thing} is always shown`,
      });
    };
    const parsed = parseLogic(logic.text, syntax);
    if (!parsed.ok) return drop(parsed.reason);
    const conditions: Condition[] = [];
    for (const comparison of parsed.comparisons) {
      const targetIndex = position.get(key(comparison.variable));
      if (targetIndex === undefined || targetIndex >= index)
        return drop(`${comparison.variable} is not an earlier imported ${words.thing}`);
      const target = drafts[targetIndex]!;
      const condition = toCondition(comparison, {
        name: target.item.name,
        type: target.item.type,
        integer: target.item.integer,
        codes: target.codes,
      });
      if (typeof condition === 'string') return drop(condition);
      conditions.push(condition);
    }
    draft.item.enableWhen = conditions;
    if (conditions.length > 1) draft.item.enableBehavior = parsed.behavior;
  });
}

/** Subscales from the items' @ALONGSIDE-SUBSCALE tags: which items they hold; the rest takes its defaults. */
export function subscalesFromTags<D extends TabularDraft>(
  drafts: readonly D[],
  whereOf: (draft: D) => Where,
  language: Language,
  notices: ImportNotice[],
): { subscales: NonNullable<InstrumentDefinitionInput['subscales']>; where: Map<string, Where> } {
  const items = new Map<string, string[]>();
  const where = new Map<string, Where>();
  for (const draft of drafts) {
    for (const raw of draft.tags.subscales) {
      const id = toVariableName(raw);
      if (!items.has(id)) {
        where.set(id, whereOf(draft));
        notices.push({
          ...whereOf(draft),
          message: `the subscale ${id} was rebuilt from @ALONGSIDE-SUBSCALE tags; its name, scoring rule and transform take their defaults`,
        });
      }
      items.set(id, [...(items.get(id) ?? []), draft.item.name]);
    }
  }
  const subscales = [...items].map(([id, names]) => ({ id, name: { [language]: humanise(id) }, items: names }));
  return { subscales, where };
}
