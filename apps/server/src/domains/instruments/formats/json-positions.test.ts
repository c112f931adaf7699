import { describe, expect, it } from 'vitest';
import { lineLocator } from './common.ts';
import { offsetOnPath, parseJsonWithOffsets } from './json-positions.ts';

describe('parseJsonWithOffsets', () => {
  it('parses what JSON.parse parses', () => {
    const text = '{"a": [1, -2.5e3, true, false, null], "b": {"c": "\\u00e9\\n\\"q\\""}, "__proto__": 1}';
    const result = parseJsonWithOffsets(text);
    expect(result.ok && result.value).toEqual(JSON.parse(text));
    expect(result.ok && Object.getPrototypeOf(result.value)).toBe(Object.prototype);
  });

  it('remembers where properties and elements start', () => {
    const text = '{\n  "items": [\n    {"name": "a"},\n    {"name": "b"}\n  ]\n}';
    const result = parseJsonWithOffsets(text);
    if (!result.ok) throw new Error(result.message);
    const at = lineLocator(text);
    expect(at(offsetOnPath(result.value, ['items', 1, 'name'], result.offsets)!)).toEqual({ line: 4, column: 6 });
    expect(at(offsetOnPath(result.value, ['items', 1, 'missing'], result.offsets)!)).toEqual({ line: 4, column: 5 });
    expect(at(offsetOnPath(result.value, ['nowhere'], result.offsets)!)).toEqual({ line: 1, column: 1 });
  });

  it.each([
    ['{"a": 1,}', 8, "expected a property name in double quotes, found '}'"],
    ['[1 2]', 3, "expected ',' or ']', found '2'"],
    ['{"a": tru}', 6, "expected a value, found 't'"],
    ['{"a": "\\x"}', 7, '\\x is not a valid escape in a string'],
    ['{"a": 1} x', 9, "unexpected 'x' after the end of the JSON value"],
    ['{"a": 1, "a": 2}', 9, '"a" appears twice in this object'],
    ['{"a": 01}', 7, "expected ',' or '}', found '1'"],
  ])('says where %s goes wrong', (text, offset, message) => {
    expect(parseJsonWithOffsets(text)).toEqual({ ok: false, offset, message });
  });

  it('refuses nesting too deep to walk instead of overflowing the stack', () => {
    const result = parseJsonWithOffsets('['.repeat(100_000));
    expect(result).toMatchObject({ ok: false, message: 'nested more than 256 levels deep' });
  });
});
