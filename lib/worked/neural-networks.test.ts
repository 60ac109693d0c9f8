import { describe, expect, it } from 'vitest';
import { NET_221, PARAMS_221, neuralNetworksWorked as w, pass221, step221 } from './neural-networks';
import { PLAYGROUND_POINTS } from '../widgets/playground';
import { computeWorked } from './registry';

describe('activations (chapter neural-networks)', () => {
  it('computes σ(2) = 0.8808, not 0.869 (the erratum of source 001 §4.2.1)', () => {
    // 1 / (1 + e^−2) = 1 / 1.135335 = 0.880797 (hand computation)
    expect(w.nnActivation('sigmoid', 2)).toBeCloseTo(0.880797, 6);
    expect(w.nnActivation('sigmoid', 0)).toBe(0.5);
  });
  it('computes σ′ = σ(1 − σ): 0.25 at 0, 0.1050 at 2, 0.0066 at 5', () => {
    // 0.5·0.5 = 0.25; 0.880797·0.119203 = 0.104994; σ(5) = 0.993307, 0.993307·0.006693 = 0.006648 (hand computation)
    expect(w.nnActivationDeriv('sigmoid', 0)).toBe(0.25);
    expect(w.nnActivationDeriv('sigmoid', 2)).toBeCloseTo(0.104994, 6);
    expect(w.nnActivationDeriv('sigmoid', 5)).toBeCloseTo(0.006648, 6);
  });
  it('matches a central difference for every activation away from ReLU’s kink', () => {
    const h = 1e-6;
    for (const name of ['sigmoid', 'tanh', 'relu', 'linear']) {
      for (const x of [-3, -0.7, 0.4, 2]) {
        const numeric = (w.nnActivation(name, x + h) - w.nnActivation(name, x - h)) / (2 * h);
        expect(w.nnActivationDeriv(name, x)).toBeCloseTo(numeric, 6);
      }
    }
  });
  it('computes tanh(2) = 0.9640 with derivative 0.0707, tanh′(0) = 1', () => {
    // tanh 2 = (e² − e^−2)/(e² + e^−2) = 7.253720 / 7.524391 = 0.964028; 1 − 0.964028² = 0.070651 (hand computation)
    expect(w.nnActivation('tanh', 2)).toBeCloseTo(0.964028, 6);
    expect(w.nnActivationDeriv('tanh', 2)).toBeCloseTo(0.070651, 6);
    expect(w.nnActivationDeriv('tanh', 0)).toBe(1);
  });
  it('computes ReLU and takes its derivative at 0 as 0', () => {
    expect(w.nnActivation('relu', -2)).toBe(0);
    expect(w.nnActivation('relu', 2)).toBe(2);
    expect(w.nnActivationDeriv('relu', 0)).toBe(0);
    expect(w.nnActivationDeriv('relu', 3)).toBe(1);
  });
  it('refuses an unknown activation', () => {
    expect(() => w.nnActivation('swish', 1)).toThrow(/unknown activation/);
  });
});

describe('small helpers (chapter neural-networks)', () => {
  it('computes a weighted sum with bias', () => {
    // 0.5·1 + (−0.4)·0.5 + 0.1 = 0.5 − 0.2 + 0.1 = 0.4 (hand computation)
    expect(w.nnWeightedSum([0.5, -0.4], [1, 0.5], 0.1)).toBeCloseTo(0.4, 12);
  });
  it('bounds the sigmoid gradient through 10 layers by 0.25¹⁰', () => {
    // 0.25¹⁰ = 1 / 4¹⁰ = 1 / 1,048,576 = 9.5367e-7 (hand computation)
    expect(w.nnPower(0.25, 10)).toBeCloseTo(9.5367431640625e-7, 15);
  });
  it('gives ln 2 as the cross-entropy of a coin-flip prediction', () => {
    // −ln 0.5 = ln 2 = 0.693147 (hand computation)
    expect(w.nnBinaryCrossEntropy(0.5, 1)).toBeCloseTo(Math.LN2, 12);
    expect(w.nnBinaryCrossEntropy(0.9, 1)).toBeCloseTo(0.105361, 6);
  });
  it('computes XOR with the hand-built ReLU network of Goodfellow et al. (2016, §6.1)', () => {
    expect([w.nnXorRelu(0, 0), w.nnXorRelu(0, 1), w.nnXorRelu(1, 0), w.nnXorRelu(1, 1)]).toEqual([0, 1, 1, 0]);
  });
  it('counts the playground’s training points from its ratio', () => {
    expect(PLAYGROUND_POINTS).toBe(500);
    // 500 · 20 % = 100; 500 · 50 % = 250 (hand computation)
    expect(w.nnPlaygroundTrainPoints(20)).toBe(100);
    expect(w.nnPlaygroundTrainPoints(50)).toBe(250);
  });
});

describe('the 2-2-1 network, forward and backward (chapter neural-networks)', () => {
  const f = pass221();
  it('runs the forward pass', () => {
    // z₁ = 0.5·1 − 0.4·0.5 + 0.1 = 0.4; z₂ = 0.3·1 + 0.8·0.5 − 0.2 = 0.5 (hand computation)
    expect(f.z1).toBeCloseTo(0.4, 12);
    expect(f.z2).toBeCloseTo(0.5, 12);
    // tanh 0.4 = 0.379949, tanh 0.5 = 0.462117
    expect(f.h1).toBeCloseTo(0.379949, 6);
    expect(f.h2).toBeCloseTo(0.462117, 6);
    // z_out = 0.7·0.379949 − 0.5·0.462117 + 0.2 = 0.265964 − 0.231059 + 0.2 = 0.234906; σ(0.234906) = 0.558458
    expect(f.zOut).toBeCloseTo(0.234906, 6);
    expect(f.yHat).toBeCloseTo(0.558458, 6);
    // L = ½(0.558458 − 1)² = ½·0.194959 = 0.097480
    expect(f.loss).toBeCloseTo(0.09748, 5);
  });
  it('backpropagates the deltas', () => {
    // δ_out = (ŷ − y)·ŷ(1 − ŷ) = −0.441542·0.246583 = −0.108877
    expect(f.deltaOut).toBeCloseTo(-0.108877, 6);
    // δ₁ = δ_out·v₁·(1 − h₁²) = −0.108877·0.7·0.855639 = −0.065211
    expect(f.delta1).toBeCloseTo(-0.065211, 6);
    // δ₂ = δ_out·v₂·(1 − h₂²) = −0.108877·(−0.5)·0.786448 = 0.042813
    expect(f.delta2).toBeCloseTo(0.042813, 6);
  });
  it('agrees with a central-difference numerical gradient for all nine parameters', () => {
    for (const p of PARAMS_221) {
      const analytic = w.nnExampleGrad(p);
      const numeric = w.nnExampleNumGrad(p);
      expect(Math.abs(analytic - numeric)).toBeLessThan(1e-9);
      // a relative check too, as a gradient checker would report it
      expect(Math.abs(analytic - numeric) / Math.max(Math.abs(analytic), Math.abs(numeric))).toBeLessThan(1e-7);
    }
  });
  it('takes one gradient-descent step that lowers the loss', () => {
    // v₁ ← 0.7 − 0.5·(−0.041368) = 0.720684; c ← 0.2 − 0.5·(−0.108877) = 0.254438 (hand computation)
    expect(w.nnExampleParam('v1', true)).toBeCloseTo(0.720684, 6);
    expect(w.nnExampleParam('c', true)).toBeCloseTo(0.254438, 6);
    expect(w.nnExampleParam('c', false)).toBe(NET_221.params.c);
    const after = pass221(step221());
    expect(w.nnExampleAfter('yHat')).toBeCloseTo(after.yHat, 12);
    expect(after.loss).toBeLessThan(f.loss);
    expect(after.loss).toBeCloseTo(0.08334, 5);
  });
  it('is reachable through the registry and refuses unknown names', () => {
    expect(computeWorked('nnExample', ['yHat'])).toBeCloseTo(0.558458, 6);
    expect(() => w.nnExample('nope')).toThrow(/unknown quantity/);
    expect(() => w.nnExampleGrad('w33')).toThrow(/unknown parameter/);
  });
});

describe('the stepper with other inputs, and GELU’s minimum (chapter neural-networks exercises)', () => {
  it('overshoots with x = (3, 3), target 0.4 and learning rate 10: ŷ 0.4920 → 0.2052, loss 0.00423 → 0.0190', () => {
    // hand: z₁ = 1.5 − 1.2 + 0.1 = 0.4, z₂ = 0.9 + 2.4 − 0.2 = 3.1; h = (tanh 0.4, tanh 3.1) = (0.379949, 0.995949);
    // z_out = 0.7·0.379949 − 0.5·0.995949 + 0.2 = −0.032010 → ŷ = σ(−0.032010) = 0.491998; L = ½(0.091998)² = 0.0042318.
    // After the step, values from an independent Python re-implementation of the 2-2-1 pass: ŷ = 0.205161, L = 0.018981.
    expect(w.nnStepWith('yHat', 3, 3, 0.4, 10, false)).toBeCloseTo(0.491998, 6);
    expect(w.nnStepWith('loss', 3, 3, 0.4, 10, false)).toBeCloseTo(0.0042318, 7);
    expect(w.nnStepWith('yHat', 3, 3, 0.4, 10, true)).toBeCloseTo(0.205161, 6);
    expect(w.nnStepWith('loss', 3, 3, 0.4, 10, true)).toBeCloseTo(0.018981, 6);
    expect(w.nnStepWith('loss', 3, 3, 0.4, 10, true)).toBeGreaterThan(w.nnStepWith('loss', 3, 3, 0.4, 10, false));
  });
  it('cannot overshoot with the chapter’s input and target 0.6 at the widget’s largest rate, 10', () => {
    // ŷ 0.558458 → 0.620110 (Python re-implementation): past the target 0.6, by less than it started below, so L falls
    expect(w.nnStepWith('yHat', 1, 0.5, 0.6, 10, true)).toBeCloseTo(0.62011, 5);
    expect(w.nnStepWith('loss', 1, 0.5, 0.6, 10, true)).toBeLessThan(w.nnStepWith('loss', 1, 0.5, 0.6, 10, false));
    // with the chapter's own x and y = 1 it agrees with nnExampleAfter at η = 0.5
    expect(w.nnStepWith('loss', 1, 0.5, 1, 0.5, true)).toBeCloseTo(w.nnExampleAfter('loss'), 12);
    expect(() => w.nnStepWith('z1', 1, 0.5, 1, 0.5, true)).toThrow(/unknown quantity/);
  });
  it('finds GELU’s minimum at z ≈ −0.7518, where GELU ≈ −0.1700', () => {
    const z = w.nnGeluMinimum();
    // Φ(z) + zφ(z) = 0: bisection in Python with math.erf gives z = −0.7517915, GELU(z) = −0.1699712
    expect(z).toBeCloseTo(-0.75179, 4);
    expect(Math.abs(w.nnActivationDeriv('gelu', z))).toBeLessThan(1e-12);
    expect(w.nnActivation('gelu', z)).toBeCloseTo(-0.16997, 4);
  });
});
