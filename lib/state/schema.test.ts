import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeQuery, mergeQuery, parseField, parseQuery, resolveDefaults, schemaDefaults, type Schema } from './schema';
import { issueMessage } from './messages';

const schema = {
  params: { type: 'number', default: 7e9, min: 1e6, max: 2e12 },
  layers: { type: 'intList', default: [8, 8], min: 1, max: 32, minLength: 0, maxLength: 6 },
  precision: { type: 'enum', default: 'bf16', options: ['fp32', 'bf16', 'int8', 'int4'] },
  seed: { type: 'number', default: 1, min: 0, max: 2 ** 31 - 1, integer: true },
  show: { type: 'boolean', default: false },
} satisfies Schema;

describe('parseQuery', () => {
  it('reads exponent notation', () => {
    const { values, issues } = parseQuery('w', schema, '?w.params=7e10');
    expect(values.params).toBe(7e10);
    expect(issues).toEqual([]);
  });

  it('keeps the default and explains a junk value', () => {
    const { values, issues } = parseQuery('w', schema, 'w.params=banana&w.precision=fp8');
    expect(values.params).toBe(7e9);
    expect(values.precision).toBe('bf16');
    expect(issues.map((i) => i.reason.code)).toEqual(['notANumber', 'notAnOption']);
    expect(issueMessage(issues[0]!, 'en')).toMatch(/not a number/);
    expect(issueMessage(issues[1]!, 'zh')).toMatch(/可选值/);
  });

  it('rejects out-of-range, non-integer, hex and infinite values', () => {
    for (const raw of ['3e12', '1', 'Infinity', '0x10', '', ' 7e9', 'NaN', '1e400']) {
      const { values, issues } = parseQuery('w', schema, `w.params=${encodeURIComponent(raw)}`);
      expect(values.params, raw).toBe(7e9);
      expect(issues, raw).toHaveLength(1);
    }
    expect(parseQuery('w', schema, 'w.seed=1.5').issues[0]?.reason.code).toBe('notAnInteger');
  });

  it('reads lists and rejects bad ones', () => {
    expect(parseQuery('w', schema, 'w.layers=4,2,1').values.layers).toEqual([4, 2, 1]);
    expect(parseQuery('w', schema, 'w.layers=').values.layers).toEqual([]);
    expect(parseQuery('w', schema, 'w.layers=4,,2').issues[0]?.reason.code).toBe('badList');
    expect(parseQuery('w', schema, 'w.layers=1,2,3,4,5,6,7').issues[0]?.reason.code).toBe('badList');
    expect(parseQuery('w', schema, 'w.layers=64').issues[0]?.reason.code).toBe('badList');
  });

  it('ignores other widgets and reports unknown keys of its own', () => {
    const { issues } = parseQuery('w', schema, 'other.params=1&w.nope=3&w.__proto__=1&w.constructor=2');
    expect(issues.map((i) => i.key)).toEqual(['nope', '__proto__', 'constructor']);
  });

  it('never throws and always returns values within the schema (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('w.params', 'w.layers', 'w.precision', 'w.seed', 'w.show', 'w.x', 'x'), fc.string())), (pairs) => {
        const q = pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
        const { values } = parseQuery('w', schema, q);
        expect(values.params).toBeGreaterThanOrEqual(1e6);
        expect(values.params).toBeLessThanOrEqual(2e12);
        expect(schema.precision.options).toContain(values.precision);
        expect(Number.isInteger(values.seed)).toBe(true);
        expect(values.layers.every((n) => Number.isInteger(n) && n >= 1 && n <= 32)).toBe(true);
        expect(typeof values.show).toBe('boolean');
      }),
    );
  });

  it('survives arbitrary raw query strings (property)', () => {
    fc.assert(fc.property(fc.string(), (q) => {
      expect(() => parseQuery('w', schema, q)).not.toThrow();
    }));
  });
});

describe('encodeQuery', () => {
  it('writes only what differs from the defaults', () => {
    const d = schemaDefaults(schema);
    expect(encodeQuery('w', schema, d, d)).toEqual([]);
    expect(encodeQuery('w', schema, { ...d, params: 7e10, layers: [4] }, d)).toEqual([
      ['w.params', '70000000000'],
      ['w.layers', '4'],
    ]);
  });

  it('round-trips every valid state (property)', () => {
    const arb = fc.record({
      params: fc.double({ min: 1e6, max: 2e12, noNaN: true }),
      layers: fc.array(fc.integer({ min: 1, max: 32 }), { maxLength: 6 }),
      precision: fc.constantFrom('fp32', 'bf16', 'int8', 'int4'),
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      show: fc.boolean(),
    });
    fc.assert(
      fc.property(arb, (values) => {
        const d = schemaDefaults(schema);
        const query = mergeQuery('', 'w', encodeQuery('w', schema, values, d));
        const back = parseQuery('w', schema, query);
        expect(back.issues).toEqual([]);
        expect(back.values).toEqual(values);
      }),
    );
  });
});

describe('mergeQuery', () => {
  it('replaces only this widget’s entries', () => {
    expect(mergeQuery('?a.x=1&w.params=5&b=2', 'w', [['w.seed', '3']])).toBe('?a.x=1&b=2&w.seed=3');
    expect(mergeQuery('?w.params=5', 'w', [])).toBe('');
  });
});

describe('resolveDefaults', () => {
  it('applies MDX props and refuses unknown or bad ones', () => {
    expect(resolveDefaults('w', schema, { params: 7e10 }).params).toBe(7e10);
    expect(() => resolveDefaults('w', schema, { nope: 1 })).toThrow(/unknown setting "nope"/);
    expect(() => resolveDefaults('w', schema, { precision: 'fp8' })).toThrow(/precision/);
  });
  it('reads booleans', () => {
    expect(parseField(schema.show, 'true')).toEqual({ ok: true, value: true });
    expect(parseField(schema.show, 'yes').ok).toBe(false);
  });
});
