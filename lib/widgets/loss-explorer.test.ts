import { describe, expect, it } from 'vitest';
import { encodeQuery, mergeQuery, parseQuery, resolveDefaults, schemaDefaults } from '../state/schema';
import lossExplorerDefault, { LOSS_KEYS, LOSS_PRESETS, checkProbability, curveGrid, logit, lossCurves, lossExplorer, lossExplorerSchema, lossReport } from './loss-explorer';

describe('lossReport', () => {
  it('gives source 001’s cross-entropy example its positive value: −ln 0.9 = 0.10536', () => {
    const r = lossReport(0.9, 1, 1);
    // −ln 0.9 = 0.105360516 (hand computation); source 001 §4.2.2 printed −0.105
    expect(r.losses.bce.value).toBeCloseTo(0.1053605, 6);
    expect(r.losses.ce.value).toBeCloseTo(0.1053605, 6);
    expect(r.ceTerms[0]).toBeCloseTo(0.1053605, 6);
    expect(r.ceTerms[1]).toBe(0);
    expect(r.entropy).toBe(0);
  });

  it('matches hand-computed values and gradients at p = 0.9, y = 1, δ = 1', () => {
    const r = lossReport(0.9, 1, 1);
    // MSE (0.9 − 1)² = 0.01, ∂/∂p = 2(−0.1) = −0.2, ∂/∂z = −0.2 · 0.9 · 0.1 = −0.018
    expect(r.losses.mse.value).toBeCloseTo(0.01, 12);
    expect(r.losses.mse.grad).toBeCloseTo(-0.2, 12);
    expect(r.losses.mse.logitGrad).toBeCloseTo(-0.018, 12);
    // MAE 0.1, sign −1, through the sigmoid −0.09
    expect(r.losses.mae.value).toBeCloseTo(0.1, 12);
    expect(r.losses.mae.grad).toBe(-1);
    expect(r.losses.mae.logitGrad).toBeCloseTo(-0.09, 12);
    // Huber with |r| = 0.1 ≤ δ: ½ · 0.01 = 0.005, gradient r = −0.1
    expect(r.losses.huber.value).toBeCloseTo(0.005, 12);
    expect(r.losses.huber.grad).toBeCloseTo(-0.1, 12);
    // BCE: ∂/∂p = (p − y)/(p(1 − p)) = −0.1/0.09 = −1.1111; ∂/∂z = p − y = −0.1
    expect(r.losses.bce.grad).toBeCloseTo(-1.111111, 6);
    expect(r.losses.bce.logitGrad).toBeCloseTo(-0.1, 12);
    // BCE's logit gradient is 1/(2p(1 − p)) = 1/0.18 = 5.5556 times MSE's
    expect(r.logitGradRatio).toBeCloseTo(5.555556, 5);
    expect(r.logit).toBeCloseTo(Math.log(9), 12);
  });

  it.each([
    [0.9, 1],
    [0.3, 0],
    [0.2, 0.7],
    [0.001, 1],
    [0.999, 0.25],
  ])('two-class categorical cross-entropy equals binary cross-entropy at p = %s, y = %s, gradients too', (p, y) => {
    const r = lossReport(p, y, 1);
    expect(r.losses.ce.value).toBeCloseTo(r.losses.bce.value, 10);
    expect(r.losses.ce.grad / r.losses.bce.grad).toBeCloseTo(1, 10);
    expect(r.losses.ce.logitGrad).toBeCloseTo(p - y, 10);
    expect(r.ceTerms[0] + r.ceTerms[1]).toBeCloseTo(r.losses.bce.value, 10);
  });

  it('is never negative for a cross-entropy, and never below the entropy of the target', () => {
    for (const y of [0, 0.1, 0.5, 0.7, 1]) {
      const h = lossReport(0.5, y, 1).entropy;
      for (let p = 0.001; p < 1; p += 0.0137) {
        const r = lossReport(p, y, 1);
        expect(r.ceTerms[0]).toBeGreaterThanOrEqual(0);
        expect(r.ceTerms[1]).toBeGreaterThanOrEqual(0);
        expect(r.losses.ce.value).toBeGreaterThanOrEqual(h - 1e-12);
      }
      // H(y) is reached at p = y (for y strictly inside (0, 1))
      if (y > 0 && y < 1) expect(lossReport(y, y, 1).losses.ce.value).toBeCloseTo(h, 12);
    }
    // H(0.7) = −0.7 ln 0.7 − 0.3 ln 0.3 = 0.61086 (hand computation)
    expect(lossReport(0.5, 0.7, 1).entropy).toBeCloseTo(0.6108643, 6);
  });

  it('shows MSE’s logit gradient vanishing when confidently wrong: z = −5, y = 1', () => {
    const p = 1 / (1 + Math.exp(5)); // σ(−5) = 0.0066929
    const r = lossReport(p, 1, 1);
    // 2(p − 1)p(1 − p) = −0.013205 and p − 1 = −0.99331: 75.2 times larger
    expect(r.losses.mse.logitGrad).toBeCloseTo(-0.0132, 4);
    expect(r.losses.bce.logitGrad).toBeCloseTo(-0.99331, 5);
    expect(r.logitGradRatio).toBeCloseTo(1 / (2 * p * (1 - p)), 8);
    expect(r.logitGradRatio!).toBeGreaterThan(75);
  });

  it('has no ratio where p = y, since both gradients are 0', () => {
    expect(lossReport(0.7, 0.7, 1).logitGradRatio).toBeNull();
  });

  it('clips Huber’s gradient at δ', () => {
    // residual −0.8 beyond δ = 0.5: value δ(|r| − δ/2) = 0.5 · 0.55 = 0.275, gradient −δ = −0.5
    const r = lossReport(0.2, 1, 0.5);
    expect(r.losses.huber.value).toBeCloseTo(0.275, 12);
    expect(r.losses.huber.grad).toBe(-0.5);
  });
});

describe('logit', () => {
  it('inverts the sigmoid', () => {
    for (const p of [0.001, 0.3, 0.5, 0.9, 0.999]) expect(1 / (1 + Math.exp(-logit(p)))).toBeCloseTo(p, 12);
  });
});

describe('curves', () => {
  it('samples inside the slider’s range, in order, with the kinks at y and y ± δ', () => {
    const xs = curveGrid(0.4, 0.3);
    expect(xs[0]).toBe(0.001);
    expect(xs.at(-1)).toBe(0.999);
    expect(xs.every((x, i) => i === 0 || x > xs[i - 1]!)).toBe(true);
    expect(xs).toContain(0.4);
    expect(xs).toContain(0.7);
  });

  it('draws every loss and gradient as finite numbers', () => {
    for (const gradOf of ['p', 'logit'] as const) {
      const c = lossCurves(1, 1, gradOf, 50);
      for (const k of LOSS_KEYS) {
        expect(c.values[k].length).toBeGreaterThan(50);
        expect(c.values[k].every(([x, v]) => Number.isFinite(x) && Number.isFinite(v))).toBe(true);
        expect(c.grads[k].every(([, v]) => Number.isFinite(v))).toBe(true);
      }
    }
    // with respect to the logit, BCE's gradient is p − y, between −1 and 1
    expect(lossCurves(1, 1, 'logit', 50).grads.bce.every(([p, g]) => Math.abs(g - (p - 1)) < 1e-12)).toBe(true);
  });
});

describe('checkProbability', () => {
  it.each([
    [0.5, { ok: true, value: 0.5 }],
    [0.001, { ok: true, value: 0.001 }],
    [0, { ok: false, reason: 'edge', value: 0.001 }],
    [1, { ok: false, reason: 'edge', value: 0.999 }],
    [0.0001, { ok: false, reason: 'range', value: 0.001 }],
    [0.9995, { ok: false, reason: 'range', value: 0.999 }],
    [1.5, { ok: false, reason: 'outside', value: 0.999 }],
    [-2, { ok: false, reason: 'outside', value: 0.001 }],
    [Number.NaN, { ok: false, reason: 'notANumber' }],
  ])('reads %s as %j', (n, expected) => {
    expect(checkProbability(n)).toEqual(expected);
  });
});

describe('the lossExplorer definition', () => {
  it('is the module’s default export, with tag LossExplorer', () => {
    expect(lossExplorerDefault).toBe(lossExplorer);
    expect(lossExplorer.tag).toBe('LossExplorer');
  });

  it('has defaults within its schema: p = 0.9, y = 1, δ = 1', () => {
    const d = schemaDefaults(lossExplorerSchema);
    expect(resolveDefaults(lossExplorer.id, lossExplorerSchema, {})).toEqual(d);
    expect(d).toEqual({ p: 0.9, y: 1, delta: 1, grad: 'p' });
  });

  it('accepts the props a chapter may write, and refuses p outside (0, 1)', () => {
    expect(resolveDefaults(lossExplorer.id, lossExplorerSchema, { p: 0.01, y: 0.7, delta: 0.5 })).toMatchObject({ p: 0.01, y: 0.7, delta: 0.5 });
    expect(() => resolveDefaults(lossExplorer.id, lossExplorerSchema, { p: 1 })).toThrow(/p=1/);
  });

  it('round-trips a permalink', () => {
    const defaults = schemaDefaults(lossExplorerSchema);
    const values = { p: 0.013, y: 0.7, delta: 2.5, grad: 'logit' as const };
    const query = mergeQuery('?other.x=1', lossExplorer.id, encodeQuery(lossExplorer.id, lossExplorerSchema, values, defaults));
    expect(query).toContain('lossExplorer.p=0.013');
    const back = parseQuery(lossExplorer.id, lossExplorerSchema, query);
    expect(back.issues).toEqual([]);
    expect(back.values).toEqual(values);
  });

  it('reports bad link values and keeps the defaults', () => {
    const { values, issues } = parseQuery(lossExplorer.id, lossExplorerSchema, '?lossExplorer.p=1.5&lossExplorer.y=banana&lossExplorer.grad=z');
    expect(values).toEqual(schemaDefaults(lossExplorerSchema));
    expect(issues.map((i) => [i.key, i.reason.code])).toEqual([
      ['p', 'outOfRange'],
      ['y', 'notANumber'],
      ['grad', 'notAnOption'],
    ]);
  });

  it('offers presets that lie within the schema', () => {
    for (const pr of LOSS_PRESETS) expect(() => resolveDefaults(lossExplorer.id, lossExplorerSchema, { p: pr.p, y: pr.y })).not.toThrow();
    expect(LOSS_PRESETS.find((pr) => pr.id === 'source001')).toMatchObject({ p: 0.9, y: 1 });
  });
});
