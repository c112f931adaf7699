// A strict JSON parser that remembers where each object and array started, so that an import can say at which
// line a problem is, and that reports the exact place of a syntax error (JSON.parse's message has no line).

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Where each object or array starts, and where each of its properties (key) or elements (index) starts. */
export interface JsonOffsets {
  nodes: WeakMap<object, number>;
  members: WeakMap<object, Map<string | number, number>>;
}

export type JsonParseResult =
  { ok: true; value: JsonValue; offsets: JsonOffsets } | { ok: false; offset: number; message: string };

const MAX_DEPTH = 256;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/** Parses JSON text; on a syntax error says where (as an offset) and what was expected. */
export function parseJsonWithOffsets(text: string): JsonParseResult {
  const offsets: JsonOffsets = { nodes: new WeakMap(), members: new WeakMap() };
  let i = 0;

  const fail = (message: string, at = i): never => {
    throw new JsonSyntaxError(at, message);
  };
  const describe = (at: number) => (at >= text.length ? 'the end of the file' : `'${text.charAt(at)}'`);
  const skipSpace = () => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };

  const parseString = (): string => {
    const start = i;
    i++; // opening quote
    let out = '';
    let run = i;
    for (;;) {
      if (i >= text.length) fail('this string is never closed', start);
      const c = text.charCodeAt(i);
      if (c === 34) {
        out += text.slice(run, i);
        i++;
        return out;
      }
      if (c < 0x20) fail('a line break or control character inside a string must be escaped');
      if (c === 92) {
        out += text.slice(run, i);
        const escape = text.charAt(i + 1);
        const simple: Record<string, string> = {
          '"': '"',
          '\\': '\\',
          '/': '/',
          b: '\b',
          f: '\f',
          n: '\n',
          r: '\r',
          t: '\t',
        };
        const replacement = simple[escape];
        if (replacement !== undefined) {
          out += replacement;
          i += 2;
        } else if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else fail(`\\${escape} is not a valid escape in a string`);
        run = i;
        continue;
      }
      i++;
    }
  };

  const parseValue = (depth: number): JsonValue => {
    if (depth > MAX_DEPTH) fail(`nested more than ${MAX_DEPTH} levels deep`);
    skipSpace();
    const c = text.charAt(i);
    if (c === '{') {
      const start = i;
      const object: Record<string, JsonValue> = {};
      const members = new Map<string | number, number>();
      offsets.nodes.set(object, start);
      offsets.members.set(object, members);
      i++;
      skipSpace();
      if (text.charAt(i) === '}') {
        i++;
        return object;
      }
      for (;;) {
        skipSpace();
        if (text.charAt(i) !== '"') fail(`expected a property name in double quotes, found ${describe(i)}`);
        const keyAt = i;
        const key = parseString();
        if (Object.prototype.hasOwnProperty.call(object, key)) fail(`"${key}" appears twice in this object`, keyAt);
        members.set(key, keyAt);
        skipSpace();
        if (text.charAt(i) !== ':') fail(`expected ':' after "${key}", found ${describe(i)}`);
        i++;
        const value = parseValue(depth + 1);
        Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
        skipSpace();
        if (text.charAt(i) === ',') {
          i++;
          continue;
        }
        if (text.charAt(i) === '}') {
          i++;
          return object;
        }
        fail(`expected ',' or '}', found ${describe(i)}`);
      }
    }
    if (c === '[') {
      const array: JsonValue[] = [];
      const members = new Map<string | number, number>();
      offsets.nodes.set(array, i);
      offsets.members.set(array, members);
      i++;
      skipSpace();
      if (text.charAt(i) === ']') {
        i++;
        return array;
      }
      for (;;) {
        skipSpace();
        members.set(array.length, i);
        array.push(parseValue(depth + 1));
        skipSpace();
        if (text.charAt(i) === ',') {
          i++;
          continue;
        }
        if (text.charAt(i) === ']') {
          i++;
          return array;
        }
        fail(`expected ',' or ']', found ${describe(i)}`);
      }
    }
    if (c === '"') return parseString();
    if (text.startsWith('true', i)) {
      i += 4;
      return true;
    }
    if (text.startsWith('false', i)) {
      i += 5;
      return false;
    }
    if (text.startsWith('null', i)) {
      i += 4;
      return null;
    }
    NUMBER.lastIndex = i;
    const number = NUMBER.exec(text);
    if (number) {
      i += number[0].length;
      return Number(number[0]);
    }
    return fail(`expected a value, found ${describe(i)}`);
  };

  try {
    if (text.charCodeAt(0) === 0xfeff) i = 1;
    const value = parseValue(0);
    skipSpace();
    if (i < text.length) fail(`unexpected ${describe(i)} after the end of the JSON value`);
    return { ok: true, value, offsets };
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { ok: false, offset: error.offset, message: error.message };
    throw error;
  }
}

/** Whether a JSON value is an object (not an array, not null). */
export function isJsonObject(value: unknown): value is Record<string, JsonValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The offset of the deepest property or element on a path through a parsed value that exists. */
export function offsetOnPath(root: JsonValue, path: readonly PropertyKey[], offsets: JsonOffsets): number | undefined {
  let node: JsonValue | undefined = root;
  let found = typeof root === 'object' && root !== null ? offsets.nodes.get(root) : undefined;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || (typeof key !== 'string' && typeof key !== 'number')) break;
    const member = offsets.members.get(node)?.get(Array.isArray(node) ? Number(key) : String(key));
    if (member === undefined) break;
    found = member;
    node = Array.isArray(node) ? node[Number(key)] : node[String(key)];
  }
  return found;
}
