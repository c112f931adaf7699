import { z } from 'zod';
import { CreateInstrumentBodySchema, type ImportNotice } from '@alongside/contracts';
import { failure, finishImport, type ExportedFile, type ImportResult, type InstrumentDocument } from './common.ts';
import { isJsonObject, offsetOnPath, type JsonOffsets, type JsonValue } from './json-positions.ts';

// Our own format: everything an instrument version holds, lossless.
//   { format: 'alongside-instrument', formatVersion: 1, key, name, url?, licence, versionNumber?, definition }

export const OWN_FORMAT = 'alongside-instrument';
export const OWN_FORMAT_VERSION = 1;

const OwnDocumentSchema = CreateInstrumentBodySchema.extend({
  format: z.literal(OWN_FORMAT),
  formatVersion: z.literal(OWN_FORMAT_VERSION),
  versionNumber: z.number().int().min(1).optional(),
});

/** Parsed JSON with the means to say where a node of it is. */
export interface JsonSource {
  value: JsonValue;
  offsets: JsonOffsets;
  position: (offset: number) => { line: number; column: number };
}

/** The line and column of the deepest node on a path, when there is one. */
export function positionOf(source: JsonSource, path: readonly PropertyKey[]): { line?: number; column?: number } {
  const offset = offsetOnPath(source.value, path, source.offsets);
  return offset === undefined ? {} : source.position(offset);
}

/** Reports every property the schema stripped, so nothing in the file disappears unnoticed. */
function strippedProperties(
  input: JsonValue,
  output: unknown,
  path: PropertyKey[],
  source: JsonSource,
  notices: ImportNotice[],
) {
  if (Array.isArray(input) && Array.isArray(output)) {
    input.forEach((entry, index) => strippedProperties(entry, output[index], [...path, index], source, notices));
  } else if (isJsonObject(input) && output && typeof output === 'object' && !Array.isArray(output)) {
    for (const [key, value] of Object.entries(input)) {
      if (!(key in output)) {
        notices.push({
          ...positionOf(source, [...path, key]),
          field: [...path, key].join('.'),
          message: `"${key}" is not part of the Alongside instrument format and was not imported`,
        });
      } else strippedProperties(value, (output as Record<string, unknown>)[key], [...path, key], source, notices);
    }
  }
}

/** Reads our own instrument JSON. */
export function importOwnJson(source: JsonSource): ImportResult {
  const { value } = source;
  if (!isJsonObject(value))
    return failure({ line: 1, column: 1, message: 'expected a JSON object describing an instrument' });
  if (value.format !== OWN_FORMAT) {
    return failure({
      ...positionOf(source, []),
      field: 'format',
      message: `not an Alongside instrument: "format" must be "${OWN_FORMAT}" (or the file must be a FHIR Questionnaire)`,
    });
  }
  if (typeof value.formatVersion === 'number' && value.formatVersion > OWN_FORMAT_VERSION) {
    return failure({
      ...positionOf(source, []),
      field: 'formatVersion',
      message: `written by a newer Alongside (formatVersion ${value.formatVersion}); this version reads formatVersion ${OWN_FORMAT_VERSION}`,
    });
  }
  const parsed = OwnDocumentSchema.safeParse(value);
  if (!parsed.success) {
    return failure(
      ...parsed.error.issues.map((issue) => {
        // An unknown key is best shown where it is written, not where its object starts.
        const at =
          issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined
            ? [...issue.path, issue.keys[0]]
            : issue.path;
        return { ...positionOf(source, at), field: issue.path.join('.'), message: issue.message };
      }),
    );
  }
  const notices: ImportNotice[] = [];
  strippedProperties(value, parsed.data, [], source, notices);
  const document = parsed.data;
  const result = finishImport(
    'json',
    {
      key: document.key,
      name: document.name,
      url: document.url,
      licence: document.licence,
      definition: document.definition,
      sourceVersion: document.versionNumber === undefined ? undefined : String(document.versionNumber),
    },
    notices,
    (path) => positionOf(source, ['definition', ...path]),
  );
  return result;
}

/** Writes our own instrument JSON. */
export function exportOwnJson(instrument: InstrumentDocument): ExportedFile {
  const document = {
    format: OWN_FORMAT,
    formatVersion: OWN_FORMAT_VERSION,
    key: instrument.key,
    name: instrument.name,
    ...(instrument.url !== undefined ? { url: instrument.url } : {}),
    licence: instrument.licence,
    ...(instrument.versionNumber !== undefined ? { versionNumber: instrument.versionNumber } : {}),
    definition: instrument.definition,
  };
  const version = instrument.versionNumber === undefined ? '' : `-v${instrument.versionNumber}`;
  return {
    filename: `${instrument.key}${version}.alongside.json`,
    contentType: 'application/json; charset=utf-8',
    body: new TextEncoder().encode(`${JSON.stringify(document, null, 2)}\n`),
    notices: [],
  };
}
