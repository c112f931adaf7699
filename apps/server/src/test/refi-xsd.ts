import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validateXML } from 'xmllint-wasm';

// Validation against the published REFI-QDA schemas, for tests: they are read from ../shared/standards/refi-qda/
// (beside the repository, never copied into it). Where that folder is absent — a clone outside this workspace — the
// validation is skipped and says so.

const STANDARDS = fileURLToPath(new URL('../../../../../shared/standards/refi-qda/', import.meta.url));

/** The schema's text, or undefined (with a note printed) when the standards folder is not beside the repository. */
export function refiSchema(file: 'Codebook.xsd' | 'Project.xsd'): string | undefined {
  const path = `${STANDARDS}${file}`;
  if (existsSync(path)) return readFileSync(path, 'utf8');
  console.log(`note: ${path} is absent: REFI-QDA schema validation skipped`);
  return undefined;
}

/** The schema errors of a document (empty: valid). */
export async function schemaErrors(xml: string, schema: string, schemaName: string): Promise<string[]> {
  const result = await validateXML({ xml: [{ fileName: 'document.xml', contents: xml }], schema: [{ fileName: schemaName, contents: schema }] });
  return result.errors.map((e) => e.rawMessage);
}
