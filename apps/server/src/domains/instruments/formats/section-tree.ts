import type { ImportNotice, InstrumentDefinition, Item, Section } from '@alongside/contracts';

// The definition's flat list of items and sections as the nested groups FHIR and XLSForm write: each section holds
// its items in item order and its sub-sections where their first item comes.

export type TreeNode = { kind: 'item'; item: Item } | { kind: 'section'; section: Section; children: TreeNode[] };

/** Nests items in their sections; notices say when that changes the order of items or sections. */
export function sectionTree(definition: InstrumentDefinition, notices: ImportNotice[]): TreeNode[] {
  const sections = new Map(definition.sections.map((s) => [s.id, s]));
  const nodes = new Map<string, Extract<TreeNode, { kind: 'section' }>>();
  const root: TreeNode[] = [];
  const sectionOrder: string[] = [];
  const nodeFor = (id: string): Extract<TreeNode, { kind: 'section' }> => {
    const existing = nodes.get(id);
    if (existing) return existing;
    const section = sections.get(id)!;
    const parent = section.parent ? nodeFor(section.parent) : undefined;
    const node = { kind: 'section' as const, section, children: [] };
    nodes.set(id, node);
    sectionOrder.push(id);
    (parent ? parent.children : root).push(node);
    return node;
  };
  for (const item of definition.items)
    (item.section ? nodeFor(item.section).children : root).push({ kind: 'item', item });
  for (const section of definition.sections) {
    if (nodes.has(section.id)) continue;
    nodeFor(section.id);
    notices.push({
      field: `sections.${section.id}`,
      message: 'this section has no items; it is written as an empty group',
    });
  }
  const order: string[] = [];
  const walk = (list: TreeNode[]) => {
    for (const node of list) {
      if (node.kind === 'item') order.push(node.item.name);
      else walk(node.children);
    }
  };
  walk(root);
  if (order.join() !== definition.items.map((i) => i.name).join())
    notices.push({
      field: 'items',
      message:
        'the items of a section were not next to each other; groups keep them together, so the item order changed',
    });
  if (sectionOrder.join() !== definition.sections.map((s) => s.id).join())
    notices.push({
      field: 'sections',
      message: 'sections are written in the order their items come in, which differs from the definition',
    });
  return root;
}
