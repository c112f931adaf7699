import type { InstrumentFormat } from '@alongside/contracts';
import {
  MAX_IMPORT_BYTES,
  decodeUtf8,
  failure,
  lineLocator,
  type ExportOptions,
  type ExportedFile,
  type ImportOptions,
  type ImportResult,
  type InstrumentDocument,
} from './common.ts';
import { exportFhir } from './fhir-export.ts';
import { importFhir } from './fhir-import.ts';
import { isJsonObject, parseJsonWithOffsets } from './json-positions.ts';
import { exportOwnJson, importOwnJson } from './own-json.ts';
import { exportRedcap } from './redcap-export.ts';
import { importRedcap } from './redcap-import.ts';
import { exportXlsform } from './xlsform-export.ts';
import { importXlsform } from './xlsform-import.ts';

// Instrument import and export: pure converters, no database. The format of an import is read from its content.

export { MAX_IMPORT_BYTES } from './common.ts';
export type {
  ExportOptions,
  ExportedFile,
  ImportOptions,
  ImportResult,
  ImportedInstrument,
  ImportFailure,
  InstrumentDocument,
} from './common.ts';

/** Reads an instrument file of any supported format; bad input gives errors with line and column, never a throw. */
export async function importInstrument(
  bytes: Uint8Array,
  filename?: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  if (bytes.length > MAX_IMPORT_BYTES)
    return failure({
      message: `the file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; instrument files may be at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB`,
    });
  if (bytes.length === 0) return failure({ message: 'the file is empty' });
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return importXlsform(bytes, filename, options);
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    return failure({
      message: 'this is an old Excel (.xls) workbook; save it as .xlsx (Excel Workbook) and import that',
    });
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return failure(decoded.error);
  const text = decoded.text;
  const first = /\S/.exec(text);
  if (!first) return failure({ message: 'the file holds only white space' });
  if (first[0] === '{' || first[0] === '[') {
    const position = lineLocator(text);
    const parsed = parseJsonWithOffsets(text);
    if (!parsed.ok) return failure({ ...position(parsed.offset), message: `not valid JSON: ${parsed.message}` });
    const source = { value: parsed.value, offsets: parsed.offsets, position };
    if (isJsonObject(parsed.value) && typeof parsed.value.resourceType === 'string') {
      if (parsed.value.resourceType === 'Questionnaire') return importFhir(source, filename, options);
      return failure({
        line: 1,
        column: 1,
        field: 'resourceType',
        message: `a FHIR ${parsed.value.resourceType}, not a Questionnaire; export the Questionnaire resource on its own`,
      });
    }
    return importOwnJson(source);
  }
  return importRedcap(text, filename, options);
}

/** Writes an instrument in one of the formats (REDCap: one language per dictionary, chosen in `options`). */
export async function exportInstrument(
  format: InstrumentFormat,
  instrument: InstrumentDocument,
  options: ExportOptions = {},
): Promise<ExportedFile> {
  switch (format) {
    case 'json':
      return exportOwnJson(instrument);
    case 'fhir':
      return exportFhir(instrument);
    case 'redcap':
      return exportRedcap(instrument, options);
    case 'xlsform':
      return exportXlsform(instrument);
  }
}
