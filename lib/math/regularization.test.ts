import { describe, expect, it } from 'vitest';
import { createRng } from '../random';
import { dropout, invertedDropoutScale, l1Grad, l1Penalty, l2Grad, l2Penalty, sgdDecayFactor, softThreshold } from './regularization';

describe('L1 and L2 penalties', () => {
  it('computes λΣw² and λΣ|w| with their gradients (Keras / tfjs convention, no ½)', () => {
    // 0.01·(1 + 4 + 9) = 0.14; 2·0.01·w = [0.02, −0.04, 0.06]; 0.01·(1 + 2 + 3) = 0.06 (hand computation)
    expect(l2Penalty([1, -2, 3], 0.01)).toBeCloseTo(0.14, 15);
    expect(l2Grad([1, -2, 3], 0.01)).toEqual([0.02, -0.04, 0.06]);
    expect(l1Penalty([1, -2, 3], 0.01)).toBeCloseTo(0.06, 15);
    expect(l1Grad([1, -2, 0], 0.01)).toEqual([0.01, -0.01, 0]);
  });
  it('soft-thresholds: weights within τ of zero become exactly zero', () => {
    // sign(w)·max(|w| − τ, 0): 0.3 → 0.2, −0.5 → −0.4, 0.05 → 0, −0.1 → 0 (hand computation)
    expect(softThreshold(0.3, 0.1)).toBeCloseTo(0.2, 15);
    expect(softThreshold(-0.5, 0.1)).toBeCloseTo(-0.4, 15);
    expect(softThreshold(0.05, 0.1)).toBe(0);
    expect(softThreshold(-0.1, 0.1)).toBe(0);
  });
  it('turns L2 under SGD into a decay factor 1 − 2ηλ per step', () => {
    // 1 − 2·0.1·1e-4 = 0.99998; over 10,000 steps 0.99998¹⁰⁰⁰⁰ = e^(10000·ln 0.99998) = e^−0.2000 = 0.8187 (hand)
    expect(sgdDecayFactor(0.1, 1e-4)).toBeCloseTo(0.99998, 15);
    expect(sgdDecayFactor(0.1, 1e-4) ** 10_000).toBeCloseTo(0.81873, 5);
  });
});

describe('dropout', () => {
  it('scales kept units by 1/(1 − rate)', () => {
    // 1/(1 − 0.5) = 2; 1/(1 − 0.2) = 1.25; 1/(1 − 0.1) = 1.1111 (hand computation)
    expect(invertedDropoutScale(0.5)).toBe(2);
    expect(invertedDropoutScale(0.2)).toBe(1.25);
    expect(invertedDropoutScale(0.1)).toBeCloseTo(1.111111, 6);
    expect(invertedDropoutScale(0)).toBe(1);
    expect(() => invertedDropoutScale(1)).toThrow(/must be in/);
  });
  it('keeps the expected activation unchanged in training and does nothing at inference', () => {
    const h = new Array<number>(100_000).fill(1.5);
    const out = dropout(h, 0.3, createRng(7));
    const zeros = out.filter((x) => x === 0).length / h.length;
    const mean = out.reduce((a, b) => a + b) / h.length;
    // share dropped ≈ 0.3, mean ≈ 1.5: binomial standard error √(0.3·0.7/1e5) = 0.00145, so 0.01 is about 7 standard errors
    expect(Math.abs(zeros - 0.3)).toBeLessThan(0.01);
    expect(Math.abs(mean - 1.5)).toBeLessThan(0.03);
    expect(out.filter((x) => x !== 0).every((x) => Math.abs(x - 1.5 / 0.7) < 1e-12)).toBe(true);
    expect(dropout([1, 2, 3], 0.5, createRng(1), false)).toEqual([1, 2, 3]);
  });
});
