import { describe, expect, it } from 'vitest';
import { sigmoid, softmax, softmaxJacobian } from './activations';
import {
  EPSILON,
  bce,
  bceFromLogit,
  bceGrad,
  bceLogitGrad,
  bestConstant,
  clipProbability,
  crossEntropy,
  crossEntropyGrad,
  huber,
  huberGrad,
  mae,
  maeGrad,
  meanLoss,
  mse,
  mseGrad,
  mseSigmoidLogitGrad,
  softmaxCrossEntropy,
  softmaxCrossEntropyLogitGrad,
} from './losses';

const central = (f: (x: number) => number, x: number, h = 1e-6) => (f(x + h) - f(x - h)) / (2 * h);

describe('regression losses', () => {
  it('computes squared and absolute error with their gradients', () => {
    // (3 − 5)² = 4, 2(3 − 5) = −4, |3 − 5| = 2, sign(−2) = −1 (hand computation)
    expect(mse(3, 5)).toBe(4);
    expect(mseGrad(3, 5)).toBe(-4);
    expect(mae(3, 5)).toBe(2);
    expect(maeGrad(3, 5)).toBe(-1);
    expect(maeGrad(7, 5)).toBe(1);
    expect(maeGrad(5, 5)).toBe(0);
  });
  it('computes Huber: quadratic inside δ, linear outside, gradient bounded by δ', () => {
    // r = 0.5: ½·0.25 = 0.125; r = 3, δ = 1: 1·(3 − 0.5) = 2.5; δ = 2: 2·(3 − 1) = 4 (hand computation)
    expect(huber(0.5, 0)).toBe(0.125);
    expect(huber(3, 0)).toBe(2.5);
    expect(huber(0, 3)).toBe(2.5);
    expect(huber(3, 0, 2)).toBe(4);
    expect(huberGrad(0.5, 0)).toBe(0.5);
    expect(huberGrad(3, 0)).toBe(1);
    expect(huberGrad(-3, 0)).toBe(-1);
    expect(huberGrad(3, 0, 2)).toBe(2);
    // continuous at |r| = δ: ½δ² both ways
    expect(huber(1 + 1e-12, 0)).toBeCloseTo(0.5, 10);
    for (const p of [-4, -0.3, 0.2, 2.5]) expect(huberGrad(p, 0.1, 1.5)).toBeCloseTo(central((x) => huber(x, 0.1, 1.5), p), 7);
  });
  it('averages over a data set (the empirical risk)', () => {
    const p = [2.5, 5, 4, 8];
    const y = [3, 5, 2.5, 7];
    // (0.25 + 0 + 2.25 + 1)/4 = 0.875; (0.5 + 0 + 1.5 + 1)/4 = 0.75; Huber δ=1: (0.125 + 0 + 1 + 0.5)/4 = 0.40625 (hand)
    expect(meanLoss('mse', p, y)).toBeCloseTo(0.875, 15);
    expect(meanLoss('mae', p, y)).toBeCloseTo(0.75, 15);
    expect(meanLoss('huber', p, y)).toBeCloseTo(0.40625, 15);
    // one target mistyped as 30: (0.25 + 0 + 2.25 + 484)/4 = 121.625; (0.5 + 0 + 1.5 + 22)/4 = 6;
    // Huber: (0.125 + 0 + 1 + 21.5)/4 = 5.65625 (hand computation)
    const yOut = [3, 5, 2.5, 30];
    expect(meanLoss('mse', p, yOut)).toBeCloseTo(121.625, 12);
    expect(meanLoss('mae', p, yOut)).toBeCloseTo(6, 15);
    expect(meanLoss('huber', p, yOut)).toBeCloseTo(5.65625, 15);
    expect(() => meanLoss('mse', [], [])).toThrow(/no examples/);
    expect(() => meanLoss('mse', [1], [1, 2])).toThrow(/lengths/);
    expect(() => meanLoss('hinge' as never, [1], [1])).toThrow(/unknown loss/);
  });
  it('finds the mean for MSE and the median for MAE as the best constant', () => {
    const y = [2, 3, 4, 5, 36];
    // mean (2 + 3 + 4 + 5 + 36)/5 = 10; median 4; Huber δ = 1 clips the outlier and the two nearest points: 4;
    // Huber δ = 10: 6 (scipy.optimize.minimize_scalar on the mean Huber loss: 5.99999991)
    expect(bestConstant('mse', y)).toBeCloseTo(10, 9);
    expect(bestConstant('mae', y)).toBeCloseTo(4, 9);
    expect(bestConstant('huber', y, 1)).toBeCloseTo(4, 9);
    expect(bestConstant('huber', y, 10)).toBeCloseTo(6, 9);
    // BCE's best constant probability is the share of ones: 3/4
    expect(bestConstant('bce', [1, 1, 1, 0])).toBeCloseTo(0.75, 9);
  });
});

describe('binary cross-entropy', () => {
  it('computes −[y ln p + (1 − y) ln(1 − p)]', () => {
    // −ln 0.9 = 0.1053605157; −ln 0.1 = 2.302585093; −ln 0.2 = 1.609437912; ln 2 = 0.6931471806 (hand / Python math.log)
    expect(bce(0.9, 1)).toBeCloseTo(0.1053605157, 10);
    expect(bce(0.1, 1)).toBeCloseTo(2.302585093, 9);
    expect(bce(0.8, 0)).toBeCloseTo(1.609437912, 9);
    expect(bce(0.5, 0)).toBeCloseTo(Math.LN2, 15);
    expect(bce(0.5, 1)).toBeCloseTo(Math.LN2, 15);
  });
  it('clips p to [1e-7, 1 − 1e-7] as Keras and tfjs do', () => {
    expect(EPSILON).toBe(1e-7);
    expect(clipProbability(0)).toBe(1e-7);
    expect(clipProbability(1)).toBe(1 - 1e-7);
    // −ln 1e-7 = 7 ln 10 = 16.11809565 (hand computation)
    expect(bce(0, 1)).toBeCloseTo(16.11809565, 7);
    expect(bce(1, 0)).toBeCloseTo(16.11809565, 6);
    expect(Number.isFinite(bceGrad(0, 1))).toBe(true);
  });
  it('is never negative, and zero only for a confident correct answer', () => {
    for (const p of [1e-9, 0.01, 0.3, 0.5, 0.77, 0.999]) for (const y of [0, 0.25, 1]) expect(bce(p, y)).toBeGreaterThanOrEqual(0);
    expect(bce(1, 1)).toBeLessThan(1e-6);
  });
  it('has gradient (p − y)/(p(1 − p)) in p and p − y in the logit', () => {
    // (0.1 − 1)/(0.1·0.9) = −10; (0.9 − 1)/(0.9·0.1) = −1.1111 (hand computation)
    expect(bceGrad(0.1, 1)).toBeCloseTo(-10, 12);
    expect(bceGrad(0.9, 1)).toBeCloseTo(-1.111111111, 9);
    expect(bceLogitGrad(0.1, 1)).toBeCloseTo(-0.9, 15);
    for (const p of [0.05, 0.3, 0.8]) {
      for (const y of [0, 1]) {
        expect(bceGrad(p, y)).toBeCloseTo(central((x) => bce(x, y), p), 5);
        // chain rule: ∂L/∂z = ∂L/∂p · σ′(z) = ∂L/∂p · p(1 − p)
        expect(bceGrad(p, y) * p * (1 - p)).toBeCloseTo(bceLogitGrad(p, y), 12);
      }
    }
    for (const z of [-3, 0.2, 4]) expect(bceLogitGrad(sigmoid(z), 1)).toBeCloseTo(central((x) => bceFromLogit(x, 1), z), 8);
  });
  it('computes BCE from a logit stably', () => {
    for (const z of [-4, -0.5, 0, 1.3, 6]) for (const y of [0, 1, 0.3]) expect(bceFromLogit(z, y)).toBeCloseTo(bce(sigmoid(z), y), 9);
    // z = −50, y = 1: −ln σ(−50) = 50 + ln(1 + e^−50) ≈ 50, where the clipped probability form stops at 16.12
    expect(bceFromLogit(-50, 1)).toBeCloseTo(50, 12);
    expect(bce(sigmoid(-50), 1)).toBeCloseTo(16.11809565, 7);
  });
  it('shows why MSE behind a sigmoid learns slowly when wrong', () => {
    // z = −5: p = σ(−5) = 0.006692851; MSE: 2(p − 1)p(1 − p) = −0.013207124; BCE: p − 1 = −0.993307149 (Python)
    expect(mseSigmoidLogitGrad(-5, 1)).toBeCloseTo(-0.013207124, 9);
    expect(bceLogitGrad(sigmoid(-5), 1)).toBeCloseTo(-0.993307149, 9);
    // ratio 1/(2p(1 − p)) = 75.21
    expect(bceLogitGrad(sigmoid(-5), 1) / mseSigmoidLogitGrad(-5, 1)).toBeCloseTo(75.2099, 3);
    for (const z of [-2, 0.5, 3]) expect(mseSigmoidLogitGrad(z, 1)).toBeCloseTo(central((x) => mse(sigmoid(x), 1), z), 8);
  });
});

describe('categorical cross-entropy', () => {
  it('computes −Σ yᵢ ln pᵢ: 0.1054 for y = [1, 0], ŷ = [0.9, 0.1] (source 001 §4.2.2 printed −0.105)', () => {
    // −(1·ln 0.9 + 0·ln 0.1) = 0.1053605157 (hand computation)
    expect(crossEntropy([0.9, 0.1], [1, 0])).toBeCloseTo(0.1053605157, 10);
    expect(crossEntropy([0.9, 0.1], [1, 0])).toBeGreaterThan(0);
    // −ln 0.2 = 1.609437912
    expect(crossEntropy([0.7, 0.2, 0.1], [0, 1, 0])).toBeCloseTo(1.609437912, 9);
    // soft targets: −(0.5 ln 0.5 + 0.5 ln 0.5) = ln 2
    expect(crossEntropy([0.5, 0.5], [0.5, 0.5])).toBeCloseTo(Math.LN2, 15);
    // a zero probability on the true class is clipped, not infinite
    expect(crossEntropy([0, 1], [1, 0])).toBeCloseTo(16.11809565, 7);
    expect(() => crossEntropy([1], [1, 0])).toThrow(/lengths/);
  });
  it('has gradient −yᵢ/pᵢ', () => {
    const g = crossEntropyGrad([0.9, 0.1], [1, 0]);
    expect(g[0]).toBeCloseTo(-1 / 0.9, 12);
    expect(g[1]).toBeCloseTo(0, 15);
  });
  it('computes softmax cross-entropy from logits, and its gradient softmax(z) − y', () => {
    const z = [2, 1, 0.1];
    const y = [1, 0, 0];
    // softmax = [0.659001, 0.242433, 0.098566]; −ln 0.659001 = 0.417030 (numpy)
    expect(softmaxCrossEntropy(z, y)).toBeCloseTo(0.4170300163, 9);
    expect(softmaxCrossEntropy(z, y)).toBeCloseTo(crossEntropy(softmax(z), y), 12);
    const g = softmaxCrossEntropyLogitGrad(z, y);
    expect(g[0]).toBeCloseTo(0.65900114 - 1, 8);
    expect(g[1]).toBeCloseTo(0.24243297, 8);
    expect(g[2]).toBeCloseTo(0.09856589, 8);
    expect(g.reduce((a, b) => a + b)).toBeCloseTo(0, 15);
    // by central differences, and by the chain rule Jᵀ·(−y/p)
    const J = softmaxJacobian(z);
    const dp = crossEntropyGrad(softmax(z), y);
    for (let j = 0; j < 3; j++) {
      expect(g[j]).toBeCloseTo(central((x) => softmaxCrossEntropy(z.map((v, k) => (k === j ? x : v)), y), z[j]!), 8);
      expect(g[j]).toBeCloseTo(J.reduce((s, row, i) => s + row[j]! * dp[i]!, 0), 12);
    }
  });
  it('stays finite for huge logits', () => {
    // logits [1000, 0]: loss of class 1 is 1000 (log-sum-exp), of class 0 is e^−1000 ≈ 0
    expect(softmaxCrossEntropy([1000, 0], [0, 1])).toBeCloseTo(1000, 9);
    expect(softmaxCrossEntropy([1000, 0], [1, 0])).toBeCloseTo(0, 12);
  });
});
