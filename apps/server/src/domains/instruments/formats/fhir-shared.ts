import { ALONGSIDE_BASE } from './common.ts';
import { isJsonObject, type JsonValue } from './json-positions.ts';

// Extension URLs both directions of the FHIR converter use.

export const FHIR = {
  translation: 'http://hl7.org/fhir/StructureDefinition/translation',
  ordinalValue: 'http://hl7.org/fhir/StructureDefinition/ordinalValue',
  itemWeight: 'http://hl7.org/fhir/StructureDefinition/itemWeight',
  /** The R3-era name of ordinalValue, still found in older files. */
  coValue: 'http://hl7.org/fhir/StructureDefinition/iso21090-CO-value',
  minValue: 'http://hl7.org/fhir/StructureDefinition/minValue',
  maxValue: 'http://hl7.org/fhir/StructureDefinition/maxValue',
  itemControl: 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl',
  itemControlSystem: 'http://hl7.org/fhir/questionnaire-item-control',
} as const;

/** Our own extensions: what FHIR core has no element for, so that our round trip is lossless. */
export const OURS = {
  keySystem: `${ALONGSIDE_BASE}/instrument-key`,
  name: `${ALONGSIDE_BASE}/StructureDefinition/instrument-name`,
  licence: `${ALONGSIDE_BASE}/StructureDefinition/licence`,
  language: `${ALONGSIDE_BASE}/StructureDefinition/instrument-language`,
  audience: `${ALONGSIDE_BASE}/StructureDefinition/audience`,
  subscale: `${ALONGSIDE_BASE}/StructureDefinition/subscale`,
  substitution: `${ALONGSIDE_BASE}/StructureDefinition/substitution`,
  reverse: `${ALONGSIDE_BASE}/StructureDefinition/reverse-keyed`,
  identifier: `${ALONGSIDE_BASE}/StructureDefinition/identifying-item`,
  scale: `${ALONGSIDE_BASE}/StructureDefinition/response-scale`,
  /** On a group whose linkId had to differ from its section id (linkIds are shared with questions). */
  section: `${ALONGSIDE_BASE}/StructureDefinition/section-id`,
} as const;

/** The FHIR `name` (a computable name: a capital letter, then letters, digits, _) for an instrument key. */
export function fhirName(key: string): string {
  const name = key
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
  return /^[A-Z]/.test(name) ? name : `Q${name}`;
}

export type JsonObject = Record<string, JsonValue>;

/** A JSON value when it is a string. */
export const str = (value: JsonValue | undefined): string | undefined =>
  typeof value === 'string' ? value : undefined;
/** A JSON value when it is a number. */
export const num = (value: JsonValue | undefined): number | undefined =>
  typeof value === 'number' ? value : undefined;
/** The objects of a JSON array (nothing when it is not one). */
export const objects = (value: JsonValue | undefined): JsonObject[] =>
  Array.isArray(value) ? value.filter(isJsonObject) : [];
/** A JSON value as it may appear in a message. */
export const show = (value: JsonValue | undefined): string =>
  typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);
