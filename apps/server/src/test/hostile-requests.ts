import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { ErrorBodySchema, INT_MAX, INT_MIN } from '@alongside/contracts';
import type { Database } from '@alongside/db';

// Requests generated from the app's own OpenAPI document, valid-ish and malformed, for the route sweep
// (test/route-sweep.int.test.ts) and `npm run fuzz` (scripts/fuzz.ts). Generation only: each caller sends them.

/** The part of JSON Schema the contracts produce (zod 4 through fastify-type-provider-zod). */
export interface JsonSchema {
  type?: string;
  format?: string;
  pattern?: string;
  enum?: unknown[];
  nullable?: boolean;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
}

export interface Parameter {
  in: string;
  name: string;
  required?: boolean;
  schema: JsonSchema;
}

export interface Operation {
  method: string;
  /** The OpenAPI path, with `{param}` placeholders. */
  path: string;
  parameters: Parameter[];
  body: JsonSchema | undefined;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>;
}

/** Every operation of the document, in its order. */
export function operationsOf(doc: unknown): Operation[] {
  return Object.entries((doc as OpenApiDocument).paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      parameters: op.parameters ?? [],
      body: op.requestBody?.content?.['application/json']?.schema,
    })),
  );
}

/** The kinds of records whose ids the generators reuse, named by their table. */
export const ID_KINDS = [
  'organizations',
  'programs',
  'teams',
  'users',
  'memberships',
  'invitations',
  'persons',
  'contacts',
  'voice_items',
  'connections',
  'huddles',
  'huddle_items',
  'step_aways',
  'supervision_sessions',
  'wellbeing_instruments',
  'wellbeing_nudges',
  'wellbeing_shares',
] as const;
export type IdKind = (typeof ID_KINDS)[number];

/** Real values from the database under test: ids by kind, invitation tokens, and known keys (check-in item ids). */
export interface Pool {
  ids: Record<IdKind, string[]>;
  tokens: string[];
  keys: string[];
}

/** The organization a row belongs to, as SQL over the row `t` (for tables without their own column). */
const ORGANIZATION_OF: Partial<Record<IdKind, string>> = {
  organizations: 't.id',
  users: '(select m.organization_id from memberships m where m.user_id = t.id limit 1)',
  huddle_items: '(select x.organization_id from teams x where x.id = t.team_id)',
  wellbeing_nudges: '(select m.organization_id from memberships m where m.user_id = t.user_id limit 1)',
  wellbeing_shares: '(select m.organization_id from memberships m where m.user_id = t.user_id limit 1)',
  // The built-in instrument belongs to no organization.
  wellbeing_instruments: "coalesce(t.organization_id, '00000000-0000-0000-0000-000000000000')",
};
const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/** Up to `perKind` real ids of each kind (only the given organizations' when named), and the tokens in the outbox. */
export async function collectPool(database: Database, options: { perKind: number; organizationIds?: string[] }): Promise<Pool> {
  const ids = {} as Record<IdKind, string[]>;
  const orgs = options.organizationIds ? [...options.organizationIds, NIL_UUID] : undefined;
  for (const kind of ID_KINDS) {
    const organization = sql.raw(ORGANIZATION_OF[kind] ?? 't.organization_id');
    const where = orgs ? sql`where ${organization} in ${orgs}` : sql``;
    const rows = await database.query<{ id: string }>(
      sql`select t.id::text as id from ${sql.identifier(kind)} t ${where} order by t.id limit ${options.perKind}`,
    );
    ids[kind] = rows.map((r) => r.id);
  }
  const mails = await database.query<{ body: string }>(sql`select body from mail_outbox order by created_at desc limit 50`);
  const tokens = mails.flatMap((m) => [...m.body.matchAll(/\/invitations\/([\w-]{20,200})/g)].map((match) => match[1]!));
  return { ids, tokens, keys: [] };
}

/** The kind of record a path segment names (`/api/persons/{id}`, and the list at `/api/persons`). */
const KIND_OF_SEGMENT: Record<string, IdKind> = {
  organizations: 'organizations',
  programs: 'programs',
  teams: 'teams',
  users: 'users',
  members: 'memberships',
  invitations: 'invitations',
  persons: 'persons',
  contacts: 'contacts',
  'voice-items': 'voice_items',
  connections: 'connections',
  huddles: 'huddles',
  items: 'huddle_items',
  'step-aways': 'step_aways',
  'supervision-sessions': 'supervision_sessions',
  nudges: 'wellbeing_nudges',
  shares: 'wellbeing_shares',
};

/** The kind of id a path parameter or field holds, from the path segment before it or the field's name. */
function kindOf(name: string, segmentBefore?: string): IdKind | undefined {
  if (segmentBefore && name === 'id') return KIND_OF_SEGMENT[segmentBefore];
  const byName: Record<string, IdKind> = {
    organizationId: 'organizations',
    programId: 'programs',
    teamId: 'teams',
    membershipId: 'memberships',
    personId: 'persons',
    voiceItemId: 'voice_items',
    connectionId: 'connections',
    instrumentId: 'wellbeing_instruments',
    itemIds: 'huddle_items',
  };
  if (byName[name]) return byName[name];
  // userId, pspId, supervisorId, targetUserId, primaryPspId, secondaryPspIds, attendeeIds, actor …
  if (/(user|psp|supervisor|attendee|actor)/i.test(name)) return 'users';
  return undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The ids a caller was shown by a list route (`GET /api/persons` → persons), and those its items name in
 * `…Id` fields: ids the caller may use, so generated requests reach past the 404 of records out of its scope.
 */
export function idsShown(path: string, body: unknown): Partial<Record<IdKind, string[]>> {
  const found: Partial<Record<IdKind, string[]>> = {};
  const add = (kind: IdKind | undefined, id: unknown) => {
    if (kind && typeof id === 'string' && UUID.test(id)) (found[kind] ??= []).push(id);
  };
  const listKind = KIND_OF_SEGMENT[path.split('/').at(-1) ?? ''];
  const walk = (value: unknown, kind: IdKind | undefined) => {
    if (Array.isArray(value)) return value.forEach((item) => walk(item, kind));
    if (!value || typeof value !== 'object') return;
    for (const [key, item] of Object.entries(value)) {
      if (key === 'id') add(kind, item);
      else if (key.endsWith('Id')) add(kindOf(key), item);
      else if (typeof item === 'object') walk(item, undefined);
    }
  };
  walk(body, listKind);
  return found;
}

/** A pool whose ids of each kind are the given ones first, then the pool's (deduplicated). */
export function withIds(pool: Pool, extra: Partial<Record<IdKind, string[]>>): Pool {
  const ids = Object.fromEntries(ID_KINDS.map((kind) => [kind, [...new Set([...(extra[kind] ?? []), ...pool.ids[kind]])]])) as Record<IdKind, string[]>;
  return { ...pool, ids };
}

type Arb = fc.Arbitrary<unknown>;
const weighted = (...pairs: [number, Arb][]) => fc.oneof(...pairs.map(([weight, arbitrary]) => ({ weight, arbitrary })));

/** A real id of the kind most of the time, sometimes any real id (another kind, another organization) or an unknown one. */
function idArb(pool: Pool, kind: IdKind | undefined): fc.Arbitrary<string> {
  const own = kind ? pool.ids[kind] : [];
  const all = ID_KINDS.flatMap((k) => pool.ids[k]);
  const choices: { weight: number; arbitrary: fc.Arbitrary<string> }[] = [{ weight: 1, arbitrary: fc.uuid({ version: 4 }) }];
  if (own.length > 0) choices.push({ weight: 6, arbitrary: fc.constantFrom(...own) });
  if (all.length > 0) choices.push({ weight: 2, arbitrary: fc.constantFrom(...all) });
  return fc.oneof(...choices);
}

const iso = (from: string, to: string) => fc.date({ min: new Date(from), max: new Date(to), noInvalidDate: true });
const noNul = (s: string) => !s.includes('\u0000');

/** Text a person might type: ASCII, any language, or emoji, within the schema's lengths. */
function textArb(minLength: number, maxLength: number): fc.Arbitrary<string> {
  const max = Math.min(maxLength, Math.max(minLength, 40));
  const atLimit = maxLength <= 5000 ? [fc.constant('é'.repeat(maxLength)), fc.constant('x'.repeat(maxLength))] : [];
  return fc.oneof(
    fc.string({ minLength, maxLength: max }),
    fc.string({ unit: 'grapheme', minLength, maxLength: max }).filter(noNul),
    ...atLimit,
  );
}

/** A value the schema accepts (ids from the pool where a field names a kind of record). */
export function validArb(schema: JsonSchema, name: string, pool: Pool): Arb {
  if (schema.allOf) return fc.tuple(...schema.allOf.map((part) => validArb(part, name, pool))).map(merge);
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives) return fc.oneof(...alternatives.map((alt) => validArb(alt, name, pool)));
  const base = validBase(schema, name, pool);
  return schema.nullable ? weighted([4, base], [1, fc.constant(null)]) : base;
}

function validBase(schema: JsonSchema, name: string, pool: Pool): Arb {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'string':
      return validString(schema, name, pool);
    case 'integer': {
      const min = schema.minimum ?? INT_MIN;
      const max = schema.maximum ?? INT_MAX;
      return fc.oneof(fc.integer({ min, max: Math.min(max, min + 10) }), fc.constantFrom(min, max), fc.integer({ min, max }));
    }
    case 'number': {
      const min = schema.minimum ?? -1e6;
      const max = schema.maximum ?? 1e6;
      return fc.oneof(fc.double({ min, max, noNaN: true, noDefaultInfinity: true }), fc.constantFrom(min, max));
    }
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const minLength = schema.minItems ?? 0;
      return fc.array(validArb(schema.items ?? {}, name, pool), { minLength, maxLength: Math.min(schema.maxItems ?? 3, Math.max(minLength, 3)) });
    }
    case 'object':
      return validObject(schema, pool);
    case undefined:
    default:
      return fc.constant('x');
  }
}

function validString(schema: JsonSchema, name: string, pool: Pool): fc.Arbitrary<string> {
  if (schema.format === 'uuid') return idArb(pool, kindOf(name));
  if (schema.format === 'date') {
    return fc.oneof(
      iso('2025-01-01', '2027-12-31').map((d) => d.toISOString().slice(0, 10)),
      fc.constantFrom('1900-01-01', '2199-12-31', '2024-02-29'),
    );
  }
  if (schema.format === 'date-time') {
    return fc.oneof(
      iso('2025-01-01', '2027-12-31').map((d) => d.toISOString()),
      // The edges of the accepted years, and offsets that move an instant across them.
      fc.constantFrom('1900-01-01T00:00:00Z', '2199-12-31T23:59:59.999Z', '2199-12-31T23:59:59-12:00', '1900-01-01T00:00:00+14:00', '2026-03-02T09:00:00.123456789+05:30'),
    );
  }
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
  if (/email/i.test(name)) return fc.nat({ max: 99_999 }).map((n) => `fuzz.${n}@fuzz.example`);
  if (/token/i.test(name) && pool.tokens.length > 0) return fc.constantFrom(...pool.tokens);
  return textArb(schema.minLength ?? 0, schema.maxLength ?? 200);
}

function validObject(schema: JsonSchema, pool: Pool): Arb {
  const properties = schema.properties ?? {};
  const record = fc.record(
    Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, validArb(value, key, pool)])),
    { requiredKeys: (schema.required ?? []).filter((key) => key in properties) },
  );
  const extra = schema.additionalProperties;
  if (!extra || extra === true) return record;
  const keys = pool.keys.length > 0 ? fc.oneof(fc.constantFrom(...pool.keys), fc.string({ maxLength: 20 })) : fc.string({ maxLength: 20 });
  return fc.tuple(record, fc.dictionary(keys, validArb(extra, '', pool), { maxKeys: 10 })).map(merge);
}

const merge = (parts: unknown[]) => Object.assign({}, ...parts) as unknown;

/** Values of every other type: what a careless or hostile client sends in place of anything. */
const WRONG_TYPES: unknown[] = [null, true, false, 0, -1, '', 'x', [], {}, [null], { a: 1 }];

/** Numbers at and past the edges: PostgreSQL integer, JavaScript's safe integers, doubles, fractions. */
const HOSTILE_NUMBERS: unknown[] = [
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 32,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 53),
  1e308,
  -1e308,
  5e-324,
  1.5,
  -0.5,
  -0,
  'NaN',
  'Infinity',
  '1e3',
  '0x10',
  '1',
  '',
];

const HOSTILE_DATES = ['0000-01-01', '9999-12-31', '1899-12-31', '2200-01-01', '2026-02-30', '2023-02-29', '2026-13-01', '2026-00-10', '2026-1-1', '+002026-01-01', '-000001-01-01', '20260101', '2026-03-02T09:00:00Z'];
const HOSTILE_DATE_TIMES = [
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '1899-12-31T23:59:59Z',
  '2200-01-01T00:00:00Z',
  '2026-03-02T24:00:00Z',
  '2026-03-02T09:60:00Z',
  '2026-03-02T09:00:00',
  '2026-03-02T09:00:00+24:00',
  '2199-12-31T23:59:59-23:59',
  '1900-01-01T00:00:00+23:59',
  '2026-03-02T09:00:00+15:00',
  '2026-03-02 09:00:00Z',
  '2026-03-02',
  '275760-09-13T00:00:00Z',
  '1970-01-01T00:00:00.0000000000000000001Z',
];
const HOSTILE_TEXT = ['', ' ', '\t\n', '\u0000', 'a\u0000b', '\uD800', '\uFFFF', '\u202Eevil', "'; drop table persons; --", '<script>alert(1)</script>', '%00', '${x}', '../../etc/passwd'];

/** A value the schema refuses (or accepts only at its very edge): wrong types, NUL, huge numbers, impossible dates, over-long text. */
export function hostileArb(schema: JsonSchema, name: string, pool: Pool): Arb {
  const specific: Arb[] = [];
  const alternatives = schema.oneOf ?? schema.anyOf ?? schema.allOf;
  if (alternatives) specific.push(...alternatives.map((alt) => hostileArb(alt, name, pool)));
  if (schema.enum) {
    const first = String(schema.enum[0]);
    specific.push(fc.constantFrom('not_a_value', first.toUpperCase(), `${first} `, `${first}\u0000`));
  }
  switch (schema.type) {
    case 'string': {
      const max = schema.maxLength ?? 1000;
      specific.push(
        fc.constantFrom(...HOSTILE_TEXT, 'x'.repeat(max + 1), 'é'.repeat(max + 1), 'x'.repeat(100_000)),
        // A NUL somewhere in an otherwise acceptable value.
        fc.tuple(validString(schema, name, pool), fc.nat()).map(([s, at]) => `${s.slice(0, at % (s.length + 1))}\u0000${s.slice(at % (s.length + 1))}`),
      );
      if (schema.format === 'uuid') {
        const ids = ID_KINDS.flatMap((k) => pool.ids[k]);
        specific.push(fc.constantFrom(NIL_UUID, 'ffffffff-ffff-ffff-ffff-ffffffffffff', 'x', '0', '-1', 'null', '00000000-0000-0000-0000-00000000000g'), fc.uuid({ version: 1 }));
        if (ids.length > 0) {
          specific.push(fc.constantFrom(...ids).chain((id) => fc.constantFrom(id.toUpperCase(), `${id} `, `{${id}}`, id.replaceAll('-', ''), `${id}x`, id.slice(0, 35))));
        }
      }
      if (schema.format === 'date') specific.push(fc.constantFrom(...HOSTILE_DATES));
      if (schema.format === 'date-time') specific.push(fc.constantFrom(...HOSTILE_DATE_TIMES));
      if (schema.pattern) specific.push(fc.constantFrom('0000-01', '9999-12', '2026-13', '2026-00', '2026-1', '2026-01-01'));
      specific.push(fc.constantFrom(...HOSTILE_NUMBERS.filter((n) => typeof n === 'number')));
      break;
    }
    case 'integer':
    case 'number': {
      const edges = [schema.minimum, schema.maximum].filter((n) => n !== undefined);
      specific.push(fc.constantFrom(...HOSTILE_NUMBERS, ...edges, ...edges.map((n) => n - 1), ...edges.map((n) => n + 1)));
      break;
    }
    case 'boolean':
      specific.push(fc.constantFrom('true', 'false', 1, 0, 'yes'));
      break;
    case 'array': {
      const item = schema.items ?? {};
      const tooMany = (schema.maxItems ?? 1000) + 1;
      specific.push(
        fc.array(hostileArb(item, name, pool), { minLength: 1, maxLength: 3 }),
        fc.constant(Array.from({ length: tooMany }, () => null)),
        fc.constant([[[[[]]]]]),
        fc.constant('x'),
      );
      break;
    }
    case 'object':
      specific.push(fc.constantFrom('x', [], null, 42));
      break;
    case undefined:
    default:
      break;
  }
  return weighted([1, fc.constantFrom(...WRONG_TYPES)], [4, fc.oneof(...specific, fc.constantFrom(...WRONG_TYPES))]);
}

/** Field names a client should not be able to set, and keys that poison careless code. */
const EXTRA_KEYS = ['isPlatformAdmin', 'id', 'organizationId', 'version', 'createdAt', 'userId', 'role', '__proto__', 'constructor', 'extra\u0000', 'x'.repeat(500)];

/**
 * A value that is acceptable except in one place: one field hostile (at any depth), a required field missing,
 * an extra field, or the whole value of the wrong kind.
 */
export function mixedArb(schema: JsonSchema, name: string, pool: Pool): Arb {
  if (schema.allOf) {
    const parts = schema.allOf;
    return fc
      .nat({ max: parts.length - 1 })
      .chain((broken) => fc.tuple(...parts.map((part, i) => (i === broken ? mixedArb(part, name, pool) : validArb(part, name, pool)))))
      .map(merge);
  }
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives) return fc.oneof(...alternatives.map((alt) => mixedArb(alt, name, pool)), hostileArb(schema, name, pool));
  if (schema.type === 'object' && schema.properties) {
    const properties = schema.properties;
    const keys = Object.keys(properties);
    const required = (schema.required ?? []).filter((key) => key in properties);
    const valid = validObject(schema, pool) as fc.Arbitrary<Record<string, unknown>>;
    const choices: Arb[] = [
      fc.tuple(valid, fc.constantFrom(...EXTRA_KEYS), hostileArb({}, '', pool)).map(([obj, key, value]) => ({ ...obj, [key]: value })),
      hostileArb(schema, name, pool),
    ];
    if (keys.length > 0) {
      choices.push(
        fc
          .tuple(valid, fc.constantFrom(...keys))
          .chain(([obj, key]) => mixedArb(properties[key]!, key, pool).map((value) => ({ ...obj, [key]: value }))),
      );
    }
    if (required.length > 0) {
      choices.push(fc.tuple(valid, fc.constantFrom(...required)).map(([obj, key]) => Object.fromEntries(Object.entries(obj).filter(([k]) => k !== key))));
    }
    return fc.oneof(...choices);
  }
  if (schema.type === 'array' && schema.items) {
    const items = schema.items;
    return fc.oneof(
      fc.tuple(validArb(schema, name, pool) as fc.Arbitrary<unknown[]>, mixedArb(items, name, pool)).map(([list, bad]) => [...list, bad]),
      hostileArb(schema, name, pool),
    );
  }
  return hostileArb(schema, name, pool);
}

/** How the caller's credentials go with a request. */
export type Credentials = 'session' | 'no-csrf' | 'bad-csrf' | 'bad-cookie';

export interface GeneratedRequest {
  method: string;
  /** Path and query string, percent-encoded (or deliberately mis-encoded). */
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
  credentials: Credentials;
  /** Which part was made hostile (none for a valid-ish request): for reports. */
  focus: 'none' | 'path' | 'query' | 'body' | 'content' | 'headers';
}

/** Path parameter values that are wrong: not ids, mis-encoded, NUL, too long for the router or for the URL. */
const HOSTILE_PATH = ['x', '0', '-1', 'null', 'undefined', NIL_UUID, '%00', 'a%00b', '..', '%2e%2e', '%2F', '%E0%A4%A', '%', '%zz', '%C3%B8', '%F0%9F%98%80', 'a'.repeat(101), 'a'.repeat(5000), '%20', '+'];

/** Query values as a browser would send them. */
const asQueryValue = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** Percent-encodes as a browser does: a lone surrogate half becomes U+FFFD. */
const encode = (s: string) => encodeURIComponent(s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));

function encodePairs(pairs: [string, string][]): string {
  return pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
}

function queryArb(op: Operation, pool: Pool, hostile: boolean): fc.Arbitrary<string> {
  const query = op.parameters.filter((p) => p.in === 'query');
  const value = (p: Parameter) => {
    const plain = p.schema.type === 'string' && !p.schema.enum && !p.schema.format && !p.schema.pattern;
    // A plain string in a query is often a flag the document does not spell out (`?mine=true`).
    const arb = plain ? fc.oneof(fc.constantFrom('true', 'false'), validArb(p.schema, p.name, pool)) : validArb(p.schema, p.name, pool);
    return arb.map((v) => [[p.name, asQueryValue(v)]] as [string, string][]);
  };
  const valid = fc
    .tuple(...query.map((p) => (p.required ? value(p) : fc.option(value(p), { nil: [] as [string, string][] }))))
    .map((lists) => lists.flat());
  if (!hostile) return valid.map(encodePairs);
  const raw = fc.constantFrom('%', '%zz', '%E0%A4%A', '&&&', '=', '=x', 'a[b]=c', 'a[]=1&a[]=2', '__proto__=x', 'constructor[prototype]=x');
  const choices: fc.Arbitrary<string>[] = [
    fc.tuple(valid, raw).map(([pairs, bad]) => [encodePairs(pairs), bad].filter(Boolean).join('&')),
    fc.tuple(valid, fc.constantFrom('unknown', 'q\u0000', 'x'.repeat(300)), hostileArb({ type: 'string' }, '', pool)).map(([pairs, key, value]) => encodePairs([...pairs, [key, asQueryValue(value)]])),
  ];
  if (query.length > 0) {
    choices.push(
      // One parameter hostile, or sent twice, or bare (`?name`).
      fc
        .tuple(valid, fc.constantFrom(...query))
        .chain(([pairs, p]) =>
          fc.oneof(
            hostileArb(p.schema, p.name, pool).map((v) => encodePairs([...pairs.filter(([k]) => k !== p.name), [p.name, asQueryValue(v)]])),
            validArb(p.schema, p.name, pool).map((v) => encodePairs([...pairs, [p.name, asQueryValue(v)], [p.name, asQueryValue(v)]])),
            fc.constant([encodePairs(pairs.filter(([k]) => k !== p.name)), encode(p.name)].filter(Boolean).join('&')),
          ),
        ),
    );
  }
  return fc.oneof(...choices);
}

/** Bodies that are not JSON, or JSON of no use: read as text by the server whatever the content type says. */
const RAW_BODIES = ['', '{', '{"a":', '{"a":1}garbage', '[', 'null', 'true', '"text"', '123', '1e999', '\u0000', '{"__proto__":{"isPlatformAdmin":true}}', '{"constructor":{"prototype":{"x":1}}}', '{"a":1,"a":2}', '['.repeat(10_000) + ']'.repeat(10_000), '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000), 'x'.repeat(1024 * 1024 + 1)];
const CONTENT_TYPES = ['text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=utf-16', 'application/JSON', 'application/vnd.api+json', 'application/json, text/plain', ''];

/** Headers that are wrong: origins that are not ours or not URLs, odd request ids, forged addresses, odd languages. */
const HOSTILE_HEADERS: Record<string, string>[] = [
  { origin: 'null' },
  { origin: 'http://[' },
  { origin: '::::' },
  { origin: 'http://evil.example' },
  { origin: 'javascript:alert(1)' },
  { origin: '' },
  { origin: 'http://localhost:8080' },
  { 'x-request-id': 'x'.repeat(200) },
  { 'x-request-id': '../../etc' },
  { 'x-forwarded-for': 'not-an-address, 999.1.1.1' },
  { 'x-forwarded-host': 'evil.example' },
  { 'accept-language': 'xx-' + 'y'.repeat(300) },
  { accept: 'application/xml' },
];
const HOSTILE_COOKIES = ['alongside_session=', 'alongside_session=x', `alongside_session=${'a'.repeat(5000)}`, 'alongside_session=%00', 'alongside_session=%E0%A4%A', 'alongside_session="unterminated', 'alongside_session=a; alongside_session=b', '=; ;;'];

/**
 * One generated request for the operation: valid-ish (real ids, acceptable values, reaching the service) or
 * hostile in exactly one part. `POST /api/auth/logout` never carries a valid session, so callers keep theirs.
 */
export function requestArb(op: Operation, pool: Pool): fc.Arbitrary<GeneratedRequest> {
  const segments = op.path.split('/');
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const pathWith = (hostileIndex: number) =>
    fc
      .tuple(
        ...pathParams.map((p, i) => {
          const before = segments[segments.indexOf(`{${p.name}}`) - 1];
          return i === hostileIndex ? hostilePathValueArb(pool) : validPathValueArb(p, before, pool);
        }),
      )
      .map((values) => pathParams.reduce((path, p, i) => path.replace(`{${p.name}}`, values[i]!), op.path));
  const hasBody = op.body !== undefined;
  const jsonBody = (arb: Arb) => arb.map((value) => (value === undefined ? undefined : JSON.stringify(value)));
  const validBody = hasBody ? jsonBody(validArb(op.body!, '', pool)) : fc.constant(undefined);
  const logout = op.method === 'POST' && op.path === '/api/auth/logout';
  const credentials = fc.constantFrom<Credentials>(...(logout ? (['no-csrf', 'bad-csrf', 'bad-cookie'] as const) : (['session'] as const)));
  const json: Record<string, string> = hasBody ? { 'content-type': 'application/json' } : {};

  const build = (parts: {
    path?: fc.Arbitrary<string>;
    query?: fc.Arbitrary<string>;
    body?: fc.Arbitrary<string | undefined>;
    headers?: fc.Arbitrary<Record<string, string>>;
    credentials?: fc.Arbitrary<Credentials>;
    focus: GeneratedRequest['focus'];
  }) =>
    fc
      .record({
        path: parts.path ?? pathWith(-1),
        query: parts.query ?? queryArb(op, pool, false),
        body: parts.body ?? validBody,
        headers: parts.headers ?? fc.constant(undefined),
        credentials: parts.credentials ?? credentials,
      })
      .map(({ path, query, body, headers, credentials }) => ({
        method: op.method,
        url: query ? `${path}?${query}` : path,
        headers: headers ?? json,
        body,
        credentials,
        focus: parts.focus,
      }));

  const choices: { weight: number; arbitrary: fc.Arbitrary<GeneratedRequest> }[] = [
    { weight: 4, arbitrary: build({ focus: 'none' }) },
    { weight: 1, arbitrary: build({ query: queryArb(op, pool, true), focus: 'query' }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...HOSTILE_HEADERS).chain((extra) => build({ focus: 'headers', headers: fc.constant({ ...json, ...extra }) })),
    },
    {
      weight: 1,
      arbitrary: build({
        focus: 'headers',
        credentials: fc.constantFrom<Credentials>('no-csrf', 'bad-csrf', 'bad-cookie'),
        headers: fc.constantFrom(...HOSTILE_COOKIES).map((cookie) => ({ ...json, cookie })),
      }),
    },
  ];
  pathParams.forEach((_p, i) => choices.push({ weight: 2, arbitrary: build({ path: pathWith(i), focus: 'path' }) }));
  if (hasBody) {
    choices.push({ weight: 6, arbitrary: build({ body: jsonBody(mixedArb(op.body!, '', pool)), focus: 'body' }) });
    choices.push({
      weight: 1,
      arbitrary: fc
        .tuple(fc.oneof(validBody, fc.constantFrom(...RAW_BODIES)), fc.constantFrom('application/json', ...CONTENT_TYPES))
        .chain(([body, type]) => build({ focus: 'content', body: fc.constant(body), headers: fc.constant<Record<string, string>>(type ? { 'content-type': type } : {}) })),
    });
  } else {
    // A body where none belongs (GET with JSON, a POST that takes none).
    choices.push({
      weight: 1,
      arbitrary: fc.constantFrom(...RAW_BODIES.slice(0, -1), JSON.stringify({ a: 1 })).chain((body) => build({ focus: 'content', body: fc.constant(body), headers: fc.constant({ 'content-type': 'application/json' }) })),
    });
  }
  return fc.oneof(...choices);
}

function validPathValueArb(parameter: Parameter, segmentBefore: string | undefined, pool: Pool): fc.Arbitrary<string> {
  if (parameter.schema.format === 'uuid') return idArb(pool, kindOf(parameter.name, segmentBefore));
  if (parameter.name === 'token' && pool.tokens.length > 0) {
    return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...pool.tokens) }, { weight: 1, arbitrary: fc.base64String({ minLength: 44, maxLength: 44 }).map(encode) });
  }
  return validString(parameter.schema, parameter.name, pool).map(encode);
}

function hostilePathValueArb(pool: Pool): fc.Arbitrary<string> {
  const ids = ID_KINDS.flatMap((k) => pool.ids[k]);
  return fc.oneof(
    fc.constantFrom(...HOSTILE_PATH),
    ...(ids.length > 0 ? [fc.constantFrom(...ids).map((id) => id.toUpperCase()), fc.constantFrom(...ids).map((id) => `${id}%00`)] : []),
  );
}

/**
 * What is wrong with a response, if anything: a 5xx, or an error body that is not
 * `{ error: { code, message, details: [] } }` with a known code; a 400 for a bad field must name it.
 */
export function problemWith(status: number, body: string): string | undefined {
  const shape = status >= 400 ? shapeProblem(status, body) : undefined;
  if (status >= 500) return `server error ${status}${shape ? ` (${shape})` : ''}`;
  return shape;
}

function shapeProblem(status: number, body: string): string | undefined {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return 'error body is not JSON';
  }
  const parsed = ErrorBodySchema.safeParse(json);
  if (!parsed.success) return `error body not in the documented shape: ${parsed.error.issues.map((i) => i.path.join('.') || '(root)').join(', ')}`;
  if (Object.keys(json as object).length !== 1) return 'error body has more than `error`';
  if (status === 400 && parsed.data.error.code === 'validation_failed' && parsed.data.error.details.length === 0) return '400 validation_failed names no field';
  return undefined;
}

/** The code of an error body, when it has one (for reports). */
export function errorCodeOf(body: string): string | undefined {
  try {
    const code = (JSON.parse(body) as { error?: { code?: unknown } }).error?.code;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}
