import { describe, expect, it } from 'vitest';
import { SOURCE_001_ADAM, adamStep, adamWorkedExample, misprintedAdamMoment, trajectory } from '../math/optimizers';
import { encodeQuery, mergeQuery, parseQuery, resolveDefaults, schemaDefaults } from '../state/schema';
import adamStepperDefault, {
  GRADIENT_PRESETS,
  HYPER_PRESETS,
  adamRun,
  adamStepper,
  adamStepperSchema,
  formatQuantity,
  gradientAt,
  isSourceExample,
  misprintedAverages,
} from './adam-stepper';

const defaults = schemaDefaults(adamStepperSchema);

describe('adamRun on source 001’s example', () => {
  const run = adamRun(defaults);
  const first = run[0]!;

  it('runs the default T = 20 steps', () => {
    expect(run).toHaveLength(20);
    expect(run.map((s) => s.t)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('matches adamWorkedExample at t = 1, with and without bias correction', () => {
    for (const [variant, bc] of [
      ['corrected', true],
      ['uncorrected', false],
    ] as const) {
      const w = adamWorkedExample(bc);
      expect(first[variant].theta).toEqual(w.theta1);
      w.denom.forEach((d, i) => expect(first[variant].denom[i]).toBeCloseTo(d, 15));
      w.delta.forEach((d, i) => expect(first[variant].update[i]).toBeCloseTo(d, 15));
    }
  });

  it('gives the book’s first step: v₁ = [0.0001, 0.0004], θ rises to ≈ [1.000909, 1.000952] uncorrected and ≈ [1.000990, 1.000995] corrected', () => {
    // m₁ = 0.1 g = [−0.01, −0.02]; v₁ = 0.01 g² = [0.0001, 0.0004] (hand computation; source 001 printed [0.001, 0.004])
    expect(first.m[0]).toBeCloseTo(-0.01, 15);
    expect(first.m[1]).toBeCloseTo(-0.02, 15);
    expect(first.v[0]).toBeCloseTo(0.0001, 15);
    expect(first.v[1]).toBeCloseTo(0.0004, 15);
    expect(first.c1).toBeCloseTo(0.1, 15);
    expect(first.c2).toBeCloseTo(0.01, 15);
    // m̂₁ = g, v̂₁ = g²
    expect(first.mHat[0]).toBeCloseTo(-0.1, 14);
    expect(first.vHat[1]).toBeCloseTo(0.04, 14);
    // uncorrected: 1 + 0.001 · 0.01/(0.01 + 0.001) = 1.000909091, 1 + 0.001 · 0.02/(0.02 + 0.001) = 1.000952381
    expect(first.uncorrected.theta[0]).toBeCloseTo(1.000909091, 8);
    expect(first.uncorrected.theta[1]).toBeCloseTo(1.000952381, 8);
    // corrected: 1 + 0.001 · 0.1/(0.1 + 0.001) = 1.000990099, 1 + 0.001 · 0.2/0.201 = 1.000995025
    expect(first.corrected.theta[0]).toBeCloseTo(1.000990099, 8);
    expect(first.corrected.theta[1]).toBeCloseTo(1.000995025, 8);
    expect(first.corrected.theta[0]).toBeGreaterThan(SOURCE_001_ADAM.theta0[0]);
  });

  it('keeps the corrected step constant under a constant gradient (m̂ = g, v̂ = g²)', () => {
    for (const s of run) {
      expect(s.mHat[0]).toBeCloseTo(-0.1, 12);
      expect(s.vHat[1]).toBeCloseTo(0.04, 12);
      expect(s.corrected.update[0]).toBeCloseTo(first.corrected.update[0], 12);
    }
  });

  it('agrees with adamStep run step by step (trajectory of lib/math/optimizers)', () => {
    const hyper = { lr: 0.001, beta1: 0.9, beta2: 0.99, eps: 0.001 };
    for (const biasCorrection of [true, false]) {
      const path = trajectory(adamStep, { ...hyper, biasCorrection }, [1, 1], () => [-0.1, -0.2], 20);
      const key = biasCorrection ? 'corrected' : 'uncorrected';
      run.forEach((s, i) => expect(s[key].theta).toEqual(path[i + 1]));
    }
  });

  it('lets the uncorrected steps overtake the corrected ones by the tenth step', () => {
    // ignoring ε, the ratio is (1 − 0.9ᵗ)/√(1 − 0.99ᵗ): 0.69/0.31 ≈ 2.1 at t = 10
    const tenth = run[9]!;
    expect(tenth.uncorrected.update[0] / tenth.corrected.update[0]).toBeGreaterThan(1.5);
  });
});

describe('the misprinted moment', () => {
  it('equals misprintedAdamMoment for a constant gradient, and halves the average', () => {
    const avg = misprintedAverages(0.9, new Array<number>(1000).fill(-0.1));
    for (const t of [1, 2, 10, 1000]) expect(avg[t - 1]).toBeCloseTo(misprintedAdamMoment(0.9, -0.1, t), 14);
    expect(avg[999]).toBeCloseTo(-0.05, 10);
  });

  it('agrees with the correct m at t = 1 (m₀ = 0) and differs from t = 2', () => {
    const [s1, s2] = adamRun(defaults);
    expect(s1!.misprinted.m[0]).toBeCloseTo(s1!.m[0], 15);
    // correct m₂ = 0.9 · (−0.01) + 0.1 · (−0.1) = −0.019; misprinted 0.9 · (−0.01) + 0.1 · (−0.1 + 0.01) = −0.018
    expect(s2!.m[0]).toBeCloseTo(-0.019, 14);
    expect(s2!.misprinted.m[0]).toBeCloseTo(-0.018, 14);
    // and v: misprinted v₂ = 0.99 · 0.0001 + 0.01 · (0.01 − 0.0001) = 0.000198, correct 0.000199
    expect(s2!.misprinted.v[0]).toBeCloseTo(0.000198, 14);
    expect(s2!.v[0]).toBeCloseTo(0.000199, 14);
  });
});

describe('gradient lists', () => {
  it('repeat when they run out', () => {
    expect([1, 2, 3, 4, 5].map((t) => gradientAt([1, -1], t))).toEqual([1, -1, 1, -1, 1]);
    expect(gradientAt([7], 50)).toBe(7);
    expect(() => gradientAt([], 1)).toThrow();
  });

  it('drive each parameter independently', () => {
    const run = adamRun({ ...defaults, grads1: [1, -1], grads2: [0.5], steps: 4 });
    expect(run.map((s) => s.g)).toEqual([
      [1, 0.5],
      [-1, 0.5],
      [1, 0.5],
      [-1, 0.5],
    ]);
  });

  it('shrink Adam’s steps when the gradient alternates', () => {
    const run = adamRun({ ...defaults, grads1: [1, -1], steps: 20 });
    expect(Math.abs(run[19]!.corrected.update[0])).toBeLessThan(Math.abs(run[0]!.corrected.update[0]) / 2);
  });

  it('show the large ε breaking scale invariance: α|g|/(|g| + ε) at the first step', () => {
    const [s] = adamRun({ ...defaults, grads1: [1e-4], grads2: [1] });
    // 0.001 · 1e-4/(1e-4 + 1e-3) = 9.09e-5 and 0.001 · 1/1.001 = 9.99e-4 (hand computation)
    expect(s!.corrected.update[0]).toBeCloseTo(-9.0909e-5, 8);
    expect(s!.corrected.update[1]).toBeCloseTo(-9.99001e-4, 8);
  });
});

describe('isSourceExample', () => {
  it('recognises the defaults, and nothing else', () => {
    expect(isSourceExample(defaults)).toBe(true);
    expect(isSourceExample({ ...defaults, beta2: 0.999 })).toBe(false);
    expect(isSourceExample({ ...defaults, grads1: [1] })).toBe(false);
    expect(isSourceExample({ ...defaults, theta0: [1, 2] })).toBe(false);
  });
});

describe('formatQuantity', () => {
  it.each([
    [0, 'en', 'other', '0'],
    [-0.01, 'en', 'other', '-0.01'],
    [0.0001, 'en', 'other', '0.0001'],
    [0.0001 - 1e-18, 'en', 'other', '0.0001'],
    [0.000990099, 'en', 'other', '0.000990099'],
    [9.0909e-5, 'en', 'other', '9.0909 × 10⁻⁵'],
    [1.000990099, 'en', 'theta', '1.000990'],
    [1234.5, 'zh', 'other', '1,234.5'],
    [Number.NaN, 'en', 'other', '—'],
  ] as const)('writes %s (%s, %s) as %s', (v, lang, kind, text) => {
    expect(formatQuantity(v, lang, kind)).toBe(text);
  });
});

describe('the adamStepper definition', () => {
  it('is the module’s default export, with tag AdamStepper', () => {
    expect(adamStepperDefault).toBe(adamStepper);
    expect(adamStepper.tag).toBe('AdamStepper');
  });

  it('has defaults within its schema, equal to source 001’s example', () => {
    expect(resolveDefaults(adamStepper.id, adamStepperSchema, {})).toEqual(defaults);
    expect(defaults).toMatchObject({ t: 1, beta1: 0.9, beta2: 0.99, lr: 0.001, eps: 0.001, theta0: [1, 1], grads1: [-0.1], grads2: [-0.2] });
  });

  it('round-trips a permalink', () => {
    const values = { ...defaults, t: 7, steps: 30, grads1: [1, -1, 0.25], grads2: [1e-4], theta0: [0.5, -2], beta1: 0.8, beta2: 0.999, lr: 0.01, eps: 1e-8 };
    const query = mergeQuery('', adamStepper.id, encodeQuery(adamStepper.id, adamStepperSchema, values, defaults));
    expect(query).toContain('adamStepper.grads1=1%2C-1%2C0.25');
    const back = parseQuery(adamStepper.id, adamStepperSchema, query);
    expect(back.issues).toEqual([]);
    expect(back.values).toEqual(values);
  });

  it('reports a gradient list that is not numbers and keeps the default', () => {
    const { values, issues } = parseQuery(adamStepper.id, adamStepperSchema, '?adamStepper.grads1=1,banana&adamStepper.theta0=1&adamStepper.t=0');
    expect(values.grads1).toEqual([-0.1]);
    expect(values.theta0).toEqual([1, 1]);
    expect(values.t).toBe(1);
    expect(issues.map((i) => [i.key, i.reason.code])).toEqual([
      ['grads1', 'badList'],
      ['theta0', 'badList'],
      ['t', 'outOfRange'],
    ]);
  });

  it('offers presets that lie within the schema', () => {
    for (const p of HYPER_PRESETS) expect(() => resolveDefaults(adamStepper.id, adamStepperSchema, { beta1: p.beta1, beta2: p.beta2, lr: p.lr, eps: p.eps })).not.toThrow();
    for (const p of GRADIENT_PRESETS) expect(() => resolveDefaults(adamStepper.id, adamStepperSchema, { grads1: [...p.grads1], grads2: [...p.grads2], steps: p.steps })).not.toThrow();
  });
});
