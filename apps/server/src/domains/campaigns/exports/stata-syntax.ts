import { commentLine, oneLine, truncateChars } from './syntax-text.ts';
import type { Column, ExportTable } from './export-table.ts';
import { ExportError } from './export.types.ts';

// A Stata do-file over the data CSV: `import delimited` (UTF-8, doubles, text columns kept as strings), then
// `label variable`, `label define` / `label values`. Every label is a compound double-quoted string `"…"', so
// plain double quotes inside need no escaping; `$` and the backtick are escaped so Stata does not expand them as
// macros; a line break becomes a space; variable labels are shortened to Stata's 80 characters (codebook.csv keeps
// them whole). The one sequence a compound string cannot hold, a double quote followed by an apostrophe, gets a
// typographic apostrophe instead.

/** A label as a Stata compound string literal. */
export function stataString(text: string, maxChars = 32000): string {
  const escaped = truncateChars(oneLine(text), maxChars)
    .replace(/"'/g, '"’')
    .replace(/[`$]/g, (c) => `\\${c}`);
  return `\`"${escaped}"'`;
}

const labelName = (column: Column) => (column.kind === 'checkbox' ? 'yesno01' : `${column.name}_lbl`);

/** Stata's reserved names that the contract's variable names (lower-case, starting with a letter) could take. */
const RESERVED = new Set(['byte', 'double', 'float', 'if', 'in', 'int', 'long', 'using', 'with']);
const isReserved = (name: string) => RESERVED.has(name) || /^str[1-9][0-9]{0,3}$/.test(name);

/** The .do file that reads `dataFile` and labels it. */
export function stataSyntax(table: ExportTable, dataFile: string, heading: string[]): string {
  const { columns } = table;
  const reserved = columns.find((c) => isReserved(c.name));
  if (reserved)
    throw new ExportError(
      `${reserved.name} cannot name a variable in Stata (a reserved word): rename the item in a new instrument version`,
    );
  const position = (test: (c: Column) => boolean) => columns.flatMap((c, i) => (test(c) ? [i + 1] : [])).join(' ');
  const strings = position((c) => !c.numeric);
  const numbers = position((c) => c.numeric);
  const lines = heading.map((h) => `* ${commentLine(h)}`);
  lines.push(
    '',
    'version 14',
    `import delimited using "${dataFile}", clear varnames(1) case(preserve) encoding("utf-8") bindquotes(strict) asdouble${strings ? ` stringcols(${strings})` : ''}${numbers ? ` numericcols(${numbers})` : ''}`,
    '',
  );
  const date = columns.find((c) => c.kind === 'date');
  if (date) {
    lines.push(
      `generate double ${date.name}_d = date(${date.name}, "YMD")`,
      `format ${date.name}_d %td`,
      `order ${date.name}_d, after(${date.name})`,
      `drop ${date.name}`,
      `rename ${date.name}_d ${date.name}`,
      '',
    );
  }
  for (const column of columns) lines.push(`label variable ${column.name} ${stataString(column.label, 80)}`);
  lines.push('');
  const defined = new Set<string>();
  for (const column of columns.filter((c) => c.valueLabels.length > 0)) {
    const name = labelName(column);
    if (!defined.has(name)) {
      lines.push(
        `label define ${name} ${column.valueLabels.map((v) => `${v.code} ${stataString(v.label)}`).join(' ')}, replace`,
      );
      defined.add(name);
    }
    lines.push(`label values ${column.name} ${name}`);
  }
  lines.push('');
  return lines.join('\n');
}
