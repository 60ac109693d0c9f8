import { describe, expect, it } from 'vitest';
import {
  ACTIVATION_NAMES,
  activation,
  activationDerivative,
  erf,
  geluTanh,
  isActivationName,
  logSumExp,
  normalCdf,
  normalPdf,
  sigmoid,
  softmax,
  softmaxJacobian,
  vanishingProduct,
} from './activations';

const central = (f: (x: number) => number, x: number, h = 1e-6) => (f(x + h) - f(x - h)) / (2 * h);

describe('erf and the normal distribution', () => {
  it.each([
    // reference values: Python's math.erf (the C library's erf), printed to 16 digits
    [0, 0],
    [0.1, 0.1124629160182849],
    [0.5, 0.5204998778130465],
    [1, 0.8427007929497149],
    [2, 0.9953222650189527],
    [3, 0.9999779095030014],
  ])('computes erf(%s) = %s to 1e-12', (x, expected) => {
    expect(Math.abs(erf(x) - expected)).toBeLessThan(1e-12);
    expect(Math.abs(erf(-x) + expected)).toBeLessThan(1e-12);
  });
  it('saturates at ±1 and propagates NaN', () => {
    // erfc(6) ≈ 2.15e-17 (Abramowitz & Stegun table 7.1), below double precision next to 1
    expect(erf(6)).toBe(1);
    expect(erf(-40)).toBe(-1);
    expect(Math.abs(erf(5.9) - 1)).toBeLessThan(1e-15);
    expect(erf(NaN)).toBeNaN();
  });
  it('computes Φ and φ', () => {
    // Φ(1) = 0.841344746068543, Φ(1.96) = 0.975002104851780 (Python: 0.5·(1 + math.erf(z/√2))); φ(1) = e^−½/√(2π) = 0.241970724519143
    expect(normalCdf(1)).toBeCloseTo(0.841344746068543, 12);
    expect(normalCdf(-1)).toBeCloseTo(0.158655253931457, 12);
    expect(normalCdf(1.96)).toBeCloseTo(0.97500210485178, 12);
    expect(normalPdf(1)).toBeCloseTo(0.241970724519143, 12);
    expect(normalPdf(0)).toBeCloseTo(1 / Math.sqrt(2 * Math.PI), 15);
  });
  it('has Φ′ = φ', () => {
    for (const z of [-3, -1, 0, 0.5, 2]) expect(central(normalCdf, z)).toBeCloseTo(normalPdf(z), 8);
  });
});

describe('activations and their derivatives', () => {
  it('knows its six names', () => {
    expect(ACTIVATION_NAMES).toEqual(['sigmoid', 'tanh', 'relu', 'leakyRelu', 'gelu', 'linear']);
    expect(isActivationName('gelu')).toBe(true);
    expect(isActivationName('swish')).toBe(false);
  });
  it('computes σ(2) = 0.8808 (source 001 §4.2.1 printed 0.869)', () => {
    // 1 / (1 + e^−2) = 1 / 1.1353352832 = 0.8807970780 (hand computation)
    expect(sigmoid(2)).toBeCloseTo(0.880797078, 9);
    expect(activation('sigmoid', 2)).toBe(sigmoid(2));
    expect(activation('sigmoid', 0)).toBe(0.5);
  });
  it('computes σ′, tanh and tanh′ at 2', () => {
    // σ′(2) = 0.880797·0.119203 = 0.104994 ; tanh 2 = 0.964028; 1 − 0.964028² = 0.070651 (hand computation)
    expect(activationDerivative('sigmoid', 2)).toBeCloseTo(0.104993585, 9);
    expect(activation('tanh', 2)).toBeCloseTo(0.96402758, 8);
    expect(activationDerivative('tanh', 2)).toBeCloseTo(0.070650825, 9);
    expect(activationDerivative('sigmoid', 0)).toBe(0.25);
    expect(activationDerivative('tanh', 0)).toBe(1);
  });
  it('takes ReLU′(0) = 0 and leaky ReLU′(0) = alpha, as frameworks do', () => {
    expect(activation('relu', -2)).toBe(0);
    expect(activation('relu', 3)).toBe(3);
    expect(activationDerivative('relu', 0)).toBe(0);
    expect(activationDerivative('relu', 1e-9)).toBe(1);
    expect(activation('leakyRelu', -2)).toBeCloseTo(-0.02, 15);
    expect(activation('leakyRelu', -2, 0.2)).toBeCloseTo(-0.4, 15);
    expect(activationDerivative('leakyRelu', 0)).toBe(0.01);
    expect(activationDerivative('leakyRelu', 0, 0.3)).toBe(0.3);
    expect(activationDerivative('leakyRelu', 2, 0.3)).toBe(1);
  });
  it('computes exact GELU = z·Φ(z) and its derivative Φ + zφ', () => {
    // GELU(1) = Φ(1) = 0.841344746; GELU(−1) = −Φ(−1) = −0.158655254; GELU′(1) = 0.841344746 + 0.241970725 = 1.083315471
    expect(activation('gelu', 1)).toBeCloseTo(0.841344746068543, 12);
    expect(activation('gelu', -1)).toBeCloseTo(-0.158655253931457, 12);
    expect(activationDerivative('gelu', 1)).toBeCloseTo(1.083315470587686, 12);
    expect(activation('gelu', 0)).toBe(0);
    expect(activationDerivative('gelu', 0)).toBe(0.5);
  });
  it('compares the tanh approximation of GELU with the exact one', () => {
    // ½(1 + tanh(0.7978846·1.044715)) = ½(1 + tanh(0.8335620)) = ½(1 + 0.6823840) = 0.8411920 (hand computation)
    expect(geluTanh(1)).toBeCloseTo(0.841191990608277, 9);
    // the largest gap on [−6, 6] is 4.7e-4 (Python, grid of step 0.01)
    let worst = 0;
    for (let i = -600; i <= 600; i++) worst = Math.max(worst, Math.abs(geluTanh(i / 100) - activation('gelu', i / 100)));
    expect(worst).toBeGreaterThan(4e-4);
    expect(worst).toBeLessThan(5e-4);
  });
  it('matches a central difference for every activation away from the kink', () => {
    for (const name of ACTIVATION_NAMES) {
      for (const z of [-3, -0.7, 0.4, 2]) {
        expect(activationDerivative(name, z, 0.05)).toBeCloseTo(central((x) => activation(name, x, 0.05), z), 7);
      }
    }
  });
  it('refuses an unknown name', () => {
    expect(() => activation('swish' as never, 1)).toThrow(/unknown activation/);
    expect(() => activationDerivative('swish' as never, 1)).toThrow(/unknown activation/);
  });
});

describe('softmax', () => {
  it('computes softmax([1, 2, 3])', () => {
    // e⁰, e¹, e² over their sum after subtracting 3: 0.135335, 0.367879, 1 / 1.503215 = 0.090031, 0.244728, 0.665241
    const s = softmax([1, 2, 3]);
    expect(s[0]).toBeCloseTo(0.0900305732, 9);
    expect(s[1]).toBeCloseTo(0.2447284711, 9);
    expect(s[2]).toBeCloseTo(0.6652409558, 9);
    expect(s.reduce((a, b) => a + b)).toBeCloseTo(1, 15);
  });
  it('does not overflow on large logits and is shift-invariant', () => {
    expect(softmax([1000, 0])).toEqual([1, Math.exp(-1000)]);
    const a = softmax([0.3, -1.2, 2]);
    const b = softmax([100.3, 98.8, 102]);
    a.forEach((x, i) => expect(b[i]).toBeCloseTo(x, 12));
    expect(softmax([])).toEqual([]);
  });
  it('computes log-sum-exp stably', () => {
    // ln(e¹ + e² + e³) = 3 + ln(1.503215) = 3.407606 (hand computation)
    expect(logSumExp([1, 2, 3])).toBeCloseTo(3.40760596, 8);
    expect(logSumExp([1000, 1000])).toBeCloseTo(1000 + Math.LN2, 10);
  });
  it('has the Jacobian sᵢ(δᵢⱼ − sⱼ), checked by central differences', () => {
    const z = [1, 2, 3];
    const J = softmaxJacobian(z);
    // J₀₀ = 0.090031·(1 − 0.090031) = 0.081925; J₀₁ = −0.090031·0.244728 = −0.022033 (hand computation)
    expect(J[0]![0]).toBeCloseTo(0.0819251, 7);
    expect(J[0]![1]).toBeCloseTo(-0.0220330, 7);
    for (let i = 0; i < 3; i++) {
      expect(J[i]!.reduce((a, b) => a + b)).toBeCloseTo(0, 15);
      for (let j = 0; j < 3; j++) {
        expect(J[i]![j]).toBeCloseTo(J[j]![i]!, 15);
        const numeric = central((x) => softmax(z.map((v, k) => (k === j ? x : v)))[i]!, z[j]!);
        expect(J[i]![j]).toBeCloseTo(numeric, 8);
      }
    }
  });
});

describe('vanishingProduct', () => {
  it('shrinks a sigmoid gradient by 0.25ⁿ at best', () => {
    // 0.25¹⁰ = 1 / 4¹⁰ = 9.5367431640625e-7 (hand computation)
    expect(vanishingProduct('sigmoid', 0, 10)).toBe(9.5367431640625e-7);
    // σ′(2)²⁰ = 0.10499359²⁰ = 2.650058e-20 (20·log₁₀ 0.10499359 = −19.57675; Python: (σ(2)(1 − σ(2)))**20)
    expect(vanishingProduct('sigmoid', 2, 20) / 2.650057712762777e-20).toBeCloseTo(1, 9);
  });
  it('passes ReLU gradients unchanged where active and kills them where not', () => {
    expect(vanishingProduct('relu', 1, 30)).toBe(1);
    expect(vanishingProduct('relu', -1, 3)).toBe(0);
    // leaky: 0.01³ = 1e-6
    expect(vanishingProduct('leakyRelu', -1, 3)).toBeCloseTo(1e-6, 18);
    expect(vanishingProduct('linear', 5, 30)).toBe(1);
    expect(vanishingProduct('tanh', 0, 30)).toBe(1);
  });
});
