import { describe, expect, it } from 'vitest';
import { softmax } from '../math/activations';
import { checkValue, encodeQuery, mergeQuery, parseQuery, resolveDefaults, schemaDefaults } from '../state/schema';
import {
  BEST_DERIVATIVE,
  EXPLORER_FNS,
  SCALAR_FNS,
  activationExplorer,
  activationExplorerSchema as schema,
  isScalarFn,
  parseLogits,
  productSeries,
  sampleCurve,
  scalarReport,
  softmaxJacobianT,
  softmaxT,
  sub,
  sup,
  type ActivationExplorerValues,
} from './activation-explorer';

const ID = activationExplorer.id;
const defaults = schemaDefaults(schema);

describe('the activationExplorer definition', () => {
  it('has the brief’s defaults, each within its field', () => {
    expect(defaults).toMatchObject({ fn: 'sigmoid', z: 2, layers: 10, alpha: 0.01, logits: [2, 1, 0.1], temperature: 1 });
    for (const [k, f] of Object.entries(schema)) expect([k, checkValue(f, f.default).ok]).toEqual([k, true]);
    expect(resolveDefaults(ID, schema, { fn: 'gelu', z: 1, layers: 20 })).toMatchObject({ fn: 'gelu', z: 1, layers: 20 });
  });

  it('rejects MDX props outside the schema, naming the widget', () => {
    expect(() => resolveDefaults(ID, schema, { z: 7 })).toThrow(/activationExplorer.*z=7/);
    expect(() => resolveDefaults(ID, schema, { fn: 'swish' })).toThrow(/fn/);
  });

  it('offers the five scalar functions and softmax', () => {
    expect(EXPLORER_FNS).toEqual(['sigmoid', 'tanh', 'relu', 'leakyRelu', 'gelu', 'softmax']);
    expect(SCALAR_FNS.every(isScalarFn)).toBe(true);
    expect(isScalarFn('softmax')).toBe(false);
  });

  it('restores the permalink ?activationExplorer.fn=gelu&activationExplorer.z=1', () => {
    const { values, issues } = parseQuery(ID, schema, '?activationExplorer.fn=gelu&activationExplorer.z=1');
    expect(issues).toEqual([]);
    expect(values).toEqual({ ...defaults, fn: 'gelu', z: 1 });
  });

  it('writes a link that reads back to the same settings (round trip)', () => {
    const v: ActivationExplorerValues = { fn: 'leakyRelu', z: -1.37, layers: 23, alpha: 0.2, logits: [3, -0.5, 0.25, 7], temperature: 0.5 };
    const query = mergeQuery('?other=1', ID, encodeQuery(ID, schema, v, defaults));
    expect(query).toContain('other=1');
    const back = parseQuery(ID, schema, query);
    expect(back.issues).toEqual([]);
    expect(back.values).toEqual(v);
  });

  it('keeps the defaults and reports bad link values', () => {
    const { values, issues } = parseQuery(ID, schema, '?activationExplorer.fn=swish&activationExplorer.z=9&activationExplorer.layers=2.5&activationExplorer.logits=1,banana');
    expect(values).toEqual(defaults);
    expect(issues.map((i) => [i.key, i.reason.code])).toEqual([
      ['fn', 'notAnOption'],
      ['z', 'outOfRange'],
      ['layers', 'notAnInteger'],
      ['logits', 'badList'],
    ]);
  });

  it('writes the worked lines with their numbers, bracketing a negative z as a factor', () => {
    const n = { z: '-1', negZ: '1', zFactor: '(-1)', value: '-0.1587', derivative: '-0.0833', alpha: '0.01', sigmoid: '0.2689', oneMinusSigmoid: '0.7311', tanh: '-0.7616', cdf: '0.1587', pdf: '0.2420', positive: false };
    const gelu = activationExplorer.strings.en.worked.gelu(n);
    expect(gelu.f).toBe('GELU(-1) = (-1) × Φ(-1) = (-1) × 0.1587 = -0.1587');
    expect(gelu.d).toBe('GELU′(-1) = 0.1587 + (-1) × 0.2420 = -0.0833');
    expect(activationExplorer.strings.zh.worked.sigmoid(n).f).toBe('σ(-1) = 1 / (1 + e^(1)) = -0.1587');
    expect(activationExplorer.strings.en.worked.leakyRelu(n).f).toBe('LeakyReLU(-1) = 0.01 × (-1) = -0.1587');
  });

  it('has the same string keys in both editions', () => {
    expect(Object.keys(activationExplorer.strings.zh).sort()).toEqual(Object.keys(activationExplorer.strings.en).sort());
  });
});

describe('scalarReport', () => {
  it('gives σ(2) = 0.8808 and σ′(2) = 0.1050', () => {
    // 1 / (1 + e^−2) = 0.880797; σ(1 − σ) = 0.880797 × 0.119203 = 0.104994 (hand computation)
    const r = scalarReport('sigmoid', 2, 10, 0.01);
    expect(r.value).toBeCloseTo(0.880797, 6);
    expect(r.derivative).toBeCloseTo(0.104994, 6);
    // 0.1049936^10 = 1.6279e-10 (hand computation: ln 0.1049936 = −2.25385, × 10 = −22.5385, e^that = 1.6279e-10)
    expect(r.product / 1.6279e-10).toBeCloseTo(1, 3);
  });

  it('gives GELU(1) = Φ(1) = 0.8413 and GELU′(1) = Φ(1) + φ(1) = 1.0833', () => {
    // Φ(1) = 0.841345, φ(1) = 0.241971 (standard normal tables)
    const r = scalarReport('gelu', 1, 1, 0.01);
    expect(r.value).toBeCloseTo(0.841345, 6);
    expect(r.derivative).toBeCloseTo(1.083315, 6);
    expect(r.parts.cdf).toBeCloseTo(0.841345, 6);
    expect(r.parts.pdf).toBeCloseTo(0.241971, 6);
  });

  it.each([
    // [fn, z, alpha, f, f′]: by hand from each definition
    ['tanh', 2, 0.01, 0.964028, 0.070651],
    ['relu', -1.5, 0.01, 0, 0],
    ['relu', 3, 0.01, 3, 1],
    ['leakyRelu', -2, 0.2, -0.4, 0.2],
    ['leakyRelu', 2, 0.2, 2, 1],
  ] as const)('%s at z = %s (α = %s): f = %s, f′ = %s', (fn, z, alpha, f, d) => {
    const r = scalarReport(fn, z, 5, alpha);
    expect(r.value).toBeCloseTo(f, 6);
    expect(r.derivative).toBeCloseTo(d, 6);
    expect(r.product).toBe(r.derivative ** 5);
  });
});

describe('the curves and the vanishing product', () => {
  it('samples z from −6 to 6, hitting 0 and the integers exactly', () => {
    const c = sampleCurve('relu', 0.01);
    expect(c).toHaveLength(241);
    expect(c[0]!.z).toBe(-6);
    expect(c.at(-1)!.z).toBe(6);
    expect(c.filter((p) => Number.isInteger(p.z)).map((p) => p.z)).toEqual([-6, -5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 6]);
  });

  it('has f′ as the slope of f on every sampled curve', () => {
    for (const fn of ['sigmoid', 'tanh', 'gelu'] as const) {
      const c = sampleCurve(fn, 0.01);
      for (let i = 1; i < c.length - 1; i += 20) {
        const slope = (c[i + 1]!.f - c[i - 1]!.f) / (c[i + 1]!.z - c[i - 1]!.z);
        expect(Math.abs(slope - c[i]!.d)).toBeLessThan(2e-3);
      }
    }
  });

  it('multiplies f′ once per layer: sigmoid at 0 leaves 0.25ⁿ', () => {
    const s = productSeries('sigmoid', 0, 0.01);
    expect(s).toHaveLength(30);
    expect(s[0]).toEqual({ n: 1, product: 0.25 });
    // 0.25^10 = 9.5367e-7 (the chapter's best case)
    expect(s[9]!.product).toBeCloseTo(9.5367431640625e-7, 18);
  });

  it('knows each function’s steepest point', () => {
    expect(BEST_DERIVATIVE.sigmoid.d).toBe(0.25);
    // GELU′ peaks at z = √2: Φ(√2) + √2 φ(√2) = 0.921350 + 1.414214 × 0.146763 = 1.128904
    expect(BEST_DERIVATIVE.gelu.d).toBeCloseTo(1.128904, 5);
    for (const z of [1, 1.3, 1.5, 2]) expect(scalarReport('gelu', z, 1, 0.01).derivative).toBeLessThanOrEqual(BEST_DERIVATIVE.gelu.d);
  });
});

describe('softmax with a temperature', () => {
  it('gives [0.6590, 0.2424, 0.0986] for the default logits 2, 1, 0.1', () => {
    // e² : e¹ : e^0.1 = 7.389 : 2.718 : 1.105, over 11.212 (hand computation)
    const s = softmaxT([2, 1, 0.1], 1);
    expect(s[0]).toBeCloseTo(0.659001, 6);
    expect(s[1]).toBeCloseTo(0.242433, 6);
    expect(s[2]).toBeCloseTo(0.098566, 6);
    expect(s.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
  });

  it('is softmax(z / T): sharper below 1, flatter above, uniform in the limit', () => {
    expect(softmaxT([2, 1, 0.1], 2)).toEqual(softmax([1, 0.5, 0.05]));
    expect(softmaxT([2, 1, 0.1], 0.1)[0]).toBeGreaterThan(0.9999);
    const flat = softmaxT([2, 1, 0.1], 10);
    expect(Math.max(...flat) - Math.min(...flat)).toBeLessThan(0.07);
  });

  it.each([1, 0.5, 3])('has the Jacobian sᵢ(δᵢⱼ − sⱼ)/T at T = %s, matching central differences', (T) => {
    const z = [2, 1, 0.1, -1.5];
    const J = softmaxJacobianT(z, T);
    const h = 1e-6;
    for (let j = 0; j < z.length; j++) {
      const up = softmaxT(z.map((v, k) => (k === j ? v + h : v)), T);
      const down = softmaxT(z.map((v, k) => (k === j ? v - h : v)), T);
      for (let i = 0; i < z.length; i++) expect(Math.abs(J[i]![j]! - (up[i]! - down[i]!) / (2 * h))).toBeLessThan(1e-8);
    }
    for (const row of J) expect(Math.abs(row.reduce((a, b) => a + b, 0))).toBeLessThan(1e-15);
  });

  it.each([
    ['2, 1, 0.1', [2, 1, 0.1]],
    ['2 1 0.1', [2, 1, 0.1]],
    ['2，1，0.1', [2, 1, 0.1]],
    [' −1; 3 ', [-1, 3]],
    ['1e1, -2.5', [10, -2.5]],
  ])('reads the logits "%s"', (text, expected) => {
    expect(parseLogits(text)).toEqual({ ok: true, value: expected });
  });

  it.each(['', '1', '1, banana', '1, 2, 3, 4, 5, 6, 7, 8, 9', '1, 99'])('refuses the logits "%s"', (text) => {
    expect(parseLogits(text).ok).toBe(false);
  });

  it('writes subscripts and superscripts', () => {
    expect(sub(1)).toBe('₁');
    expect(sub(12)).toBe('₁₂');
    expect(sup(10)).toBe('¹⁰');
    expect(sup(3)).toBe('³');
  });
});
