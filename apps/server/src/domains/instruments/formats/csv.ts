// A small RFC 4180 reader that keeps the line each record starts on, so that every notice can name its line
// (a REDCap label may span lines inside quotes), and that says where an unclosed quote opened.

export interface CsvRecord {
  /** 1-based line the record starts on. */
  line: number;
  fields: string[];
}

export type CsvResult =
  { ok: true; records: CsvRecord[] } | { ok: false; line: number; column: number; message: string };

/** Splits CSV text into records; blank lines are skipped. */
export function parseCsv(text: string, delimiter: string): CsvResult {
  const records: CsvRecord[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let lineStart = i;
  while (i < text.length) {
    const recordLine = line;
    const fields: string[] = [];
    for (;;) {
      let field = '';
      if (text[i] === '"') {
        const openLine = line;
        const openColumn = i - lineStart + 1;
        i++;
        for (;;) {
          if (i >= text.length)
            return { ok: false, line: openLine, column: openColumn, message: 'this quoted field is never closed' };
          const c = text[i]!;
          if (c === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === '\n') {
            line++;
            lineStart = i + 1;
          }
          field += c;
          i++;
        }
        if (i < text.length && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r')
          return {
            ok: false,
            line,
            column: i - lineStart + 1,
            message: `expected ${delimiter === ',' ? 'a comma' : `"${delimiter}"`} or the end of the line after a closing quote`,
          };
      } else {
        const start = i;
        while (i < text.length && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') i++;
        field = text.slice(start, i);
      }
      fields.push(field);
      if (i < text.length && text[i] === delimiter) {
        i++;
        continue;
      }
      break;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    line++;
    lineStart = i;
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
  }
  return { ok: true, records };
}
