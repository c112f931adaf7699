import {
  LicenceSchema,
  type ImportNotice,
  type InstrumentDefinitionInput,
  type InstrumentLanguage,
  type Language,
  type Licence,
  type LocalizedText,
} from '@alongside/contracts';
import { OURS, num, objects, show, str, type JsonObject } from './fhir-shared.ts';

// FHIR import: what a Questionnaire says about the instrument as a whole in our own identifier and extensions
// (key, library name, licence, translation provenance, audience, subscales, substitutions).

type Where = Omit<ImportNotice, 'message'>;

export interface InstrumentLevel {
  /** Whether Alongside wrote the file (it carries our key identifier). */
  ours: boolean;
  key?: string | undefined;
  instrumentName?: string | undefined;
  licence?: Licence | undefined;
  languages: InstrumentLanguage[];
  audience: string[];
  subscales: NonNullable<InstrumentDefinitionInput['subscales']>;
  substitutions: NonNullable<InstrumentDefinitionInput['substitutions']>;
  subscaleWhere: Map<string, Where>;
  errors: ImportNotice[];
}

/** Reads the Questionnaire's identifiers and instrument-level extensions. */
export function readInstrumentLevel(
  root: JsonObject,
  context: {
    localized: (owner: JsonObject, key: string, field: string) => LocalizedText | undefined;
    where: (node: JsonObject, field: string) => Where;
    note: (node: JsonObject, field: string, message: string) => void;
    toName: (linkId: string) => string;
  },
): InstrumentLevel {
  const { localized, where, note, toName } = context;
  const errors: ImportNotice[] = [];
  const ours = objects(root.identifier).some((identifier) => identifier.system === OURS.keySystem);
  let key: string | undefined;
  for (const identifier of objects(root.identifier)) {
    if (identifier.system === OURS.keySystem && typeof identifier.value === 'string') key = identifier.value;
    else
      note(
        identifier,
        'identifier',
        `the identifier ${show(identifier.system ?? '')}|${show(identifier.value ?? '')} is not kept`,
      );
  }
  let licence: Licence | undefined;
  let instrumentName: string | undefined;
  const languages: InstrumentLanguage[] = [];
  const audience: string[] = [];
  const subscales: NonNullable<InstrumentDefinitionInput['subscales']> = [];
  const substitutions: NonNullable<InstrumentDefinitionInput['substitutions']> = [];
  const subscaleWhere = new Map<string, Where>();
  for (const extension of objects(root.extension)) {
    const parts = objects(extension.extension);
    const part = (url: string) => parts.find((p) => p.url === url);
    const all = (url: string) => parts.filter((p) => p.url === url);
    const partText = (url: string): LocalizedText => {
      const found = part(url);
      return (found && localized(found, 'valueString', `extension.${url}`)) ?? {};
    };
    switch (str(extension.url)) {
      case OURS.name:
        instrumentName = str(extension.valueString);
        break;
      case OURS.licence: {
        const grantedBy = str(part('permissionGrantedBy')?.valueString);
        const parsed = LicenceSchema.safeParse({
          status: part('status')?.valueCode,
          attribution: str(part('attribution')?.valueString) ?? '',
          copyright: str(root.copyright),
          wordingEditable: part('wordingEditable')?.valueBoolean === true,
          ...(grantedBy
            ? {
                permission: {
                  grantedBy,
                  grantedOn: part('permissionGrantedOn')?.valueDate,
                  file: part('permissionFile')?.valueString,
                },
              }
            : {}),
        });
        if (parsed.success) licence = parsed.data;
        else
          errors.push(
            ...parsed.error.issues.map((issue) => ({
              ...where(extension, `licence.${issue.path.join('.')}`),
              message: issue.message,
            })),
          );
        break;
      }
      case OURS.language:
        languages.push({
          code: part('code')?.valueCode as Language,
          validated: part('validated')?.valueBoolean === true,
          method: part('method')?.valueCode as InstrumentLanguage['method'],
          ...(typeof part('source')?.valueString === 'string' ? { source: part('source')!.valueString as string } : {}),
          staleItems: all('staleItem').map((p) => toName(show(p.valueString))),
        });
        break;
      case OURS.audience:
        audience.push(show(extension.valueCode));
        break;
      case OURS.subscale: {
        const id = show(part('id')?.valueString ?? '');
        const fraction = num(part('minAnsweredFraction')?.valueDecimal);
        const count = num(part('minAnsweredCount')?.valueInteger);
        subscaleWhere.set(id, where(extension, 'extension'));
        subscales.push({
          id,
          name: partText('name'),
          items: all('item').map((p) => toName(show(p.valueString))),
          aggregate: part('aggregate')?.valueCode as 'mean' | 'sum',
          minAnswered: count !== undefined ? { count } : { fraction: fraction ?? 0.5 },
          transform: part('transform')?.valueCode as 'none' | 'percent',
          outcome: part('outcome')?.valueBoolean === true,
        });
        break;
      }
      case OURS.substitution:
        substitutions.push({ find: partText('find'), replace: partText('replace') });
        break;
      case undefined:
      default:
        note(extension, 'extension', `the extension ${show(extension.url)} is not carried into Alongside`);
    }
  }
  return { ours, key, instrumentName, licence, languages, audience, subscales, substitutions, subscaleWhere, errors };
}
