import type { Column, ExportTable } from './export-table.ts';

// An R script over the data CSV: read.csv (UTF-8, blank = NA, text kept as character), then factor(…, levels =,
// labels =) for the campaign's categories and single-choice items, a haven-style "labels" attribute on Likert and
// checkbox columns (they stay numeric, so that they can be scored), and attr(x, "label") on every column. Strings
// are R string literals: backslash, double quote and line breaks escaped; other characters kept as UTF-8.

/** A label as an R string literal. */
export function rString(text: string): string {
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    // eslint-disable-next-line no-control-regex -- other control characters are not kept in labels
    .replace(/[\u0000-\u001f\u007f]/g, ' ');
  return `"${escaped}"`;
}

const column = (name: string) => `survey[[${rString(name)}]]`;
const vector = (values: string[]) => `c(${values.join(', ')})`;
const factored = (c: Column) => c.kind === 'category' || c.kind === 'single';

/** The .R file that reads `dataFile` into `survey` and labels it. */
export function rSyntax(table: ExportTable, dataFile: string, heading: string[]): string {
  const { columns } = table;
  const classes = columns.map((c) => `${c.name} = ${rString(c.numeric ? 'numeric' : 'character')}`);
  const lines = heading.map((h) => `# ${h.replace(/\r\n|\r|\n/g, ' ')}`);
  lines.push(
    '',
    `survey <- read.csv(${rString(dataFile)}, fileEncoding = "UTF-8", encoding = "UTF-8", na.strings = "",`,
    '  stringsAsFactors = FALSE, check.names = FALSE,',
    `  colClasses = c(${classes.join(',\n    ')}))`,
    '',
  );
  for (const c of columns) {
    if (c.kind === 'date') lines.push(`${column(c.name)} <- as.Date(${column(c.name)})`);
    if (factored(c))
      lines.push(
        `${column(c.name)} <- factor(${column(c.name)},`,
        `  levels = ${vector(c.valueLabels.map((v) => String(v.code)))},`,
        `  labels = ${vector(c.valueLabels.map((v) => rString(v.label)))})`,
      );
    else if (c.valueLabels.length)
      lines.push(
        `attr(${column(c.name)}, "labels") <- stats::setNames(${vector(c.valueLabels.map((v) => String(v.code)))},`,
        `  ${vector(c.valueLabels.map((v) => rString(v.label)))})`,
      );
    lines.push(`attr(${column(c.name)}, "label") <- ${rString(c.label)}`);
  }
  lines.push('');
  return lines.join('\n');
}
