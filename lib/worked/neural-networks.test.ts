import { describe, expect, it } from 'vitest';
import { NET_221, PARAMS_221, mlpParamCount, neuralNetworksWorked as w, pass221, step221, stepTimeMs } from './neural-networks';
import { PLAYGROUND_POINTS } from '../widgets/playground';
import { computeWorked, worked } from './registry';

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

describe('why a GPU loses on a tiny model: the step-time model (chapter neural-networks, #gpu-overhead)', () => {
  const BIG = [1024, 1024, 1024, 10];
  it('counts parameters as registry.ts’s mlpParams does', () => {
    // 2-4-2-1: (2·4 + 4) + (4·2 + 2) + (2·1 + 1) = 12 + 10 + 3 = 25 (hand computation)
    expect(mlpParamCount([2, 4, 2, 1])).toBe(25);
    for (const widths of [[2, 4, 2, 1], [784, 128, 64, 10], BIG, [2, 64, 64, 64, 1]]) {
      expect(mlpParamCount(widths)).toBe(worked.mlpParams(...widths));
    }
  });
  it('counts 6 × parameters × batch FLOPs a training step', () => {
    // 6 · 25 · 10 = 1,500 (hand computation)
    expect(w.nnStepFlops(10, 2, 4, 2, 1)).toBe(1_500);
    // 784·128 + 128 = 100,480; 128·64 + 64 = 8,256; 64·10 + 10 = 650; sum 109,386; · 64 = 7,000,704; · 6 = 42,004,224
    expect(w.nnStepFlops(64, 784, 128, 64, 10)).toBe(42_004_224);
    // 2 · (1024² + 1024) + 1024·10 + 10 = 2,099,200 + 10,250 = 2,109,450; · 256 · 6 = 2,109,450 · 1,536 = 3,240,115,200
    expect(w.nnStepFlops(256, ...BIG)).toBe(3_240_115_200);
    expect(() => w.nnStepFlops(0, 2, 1)).toThrow(/batch/);
    expect(() => w.nnStepFlops(10, 2)).toThrow(/two layer widths/);
  });
  it('gives the speed ratios of the measured table', () => {
    // 6.8 / 0.36 = 18.89, the "19× faster" of the badge; 4,512 / 19.3 = 233.78; 19.3 / 0.37 = 52.16 (hand computation)
    expect(w.nnSpeedRatio(6.8, 0.36)).toBeCloseTo(18.8889, 4);
    expect(w.nnSpeedRatio(4512, 19.3)).toBeCloseTo(233.7824, 4);
    expect(w.nnSpeedRatio(19.3, 0.37)).toBeCloseTo(52.1622, 4);
    expect(() => w.nnSpeedRatio(1, 0)).toThrow(/positive/);
  });
  it('splits a step into fixed dispatch cost and arithmetic', () => {
    // 60 dispatches · 100 µs = 6,000 µs = 6 ms (hand computation)
    expect(w.nnDispatchBoundMs(60, 100)).toBeCloseTo(6, 12);
    // 1,500 FLOPs at 10¹² FLOP/s = 1.5·10⁻⁹ s = 1.5·10⁻⁶ ms; 3,240,115,200 FLOPs at 10¹² FLOP/s = 3.2401152 ms
    expect(w.nnArithmeticMs(1e12, 10, 2, 4, 2, 1)).toBeCloseTo(1.5e-6, 15);
    expect(w.nnArithmeticMs(1e12, 256, ...BIG)).toBeCloseTo(3.2401152, 9);
    // model: 6 ms + 3.2401152 ms = 9.2401152 ms; 6 ms + 0.0000015 ms = 6.0000015 ms
    expect(w.nnStepTimeMs(60, 100, 1e12, 256, ...BIG)).toBeCloseTo(9.2401152, 9);
    expect(w.nnStepTimeMs(60, 100, 1e12, 10, 2, 4, 2, 1)).toBeCloseTo(6.0000015, 9);
    expect(stepTimeMs(60, 100, 0, 1)).toBe(w.nnDispatchBoundMs(60, 100));
  });
  it('derives the throughput a measured step achieved', () => {
    // 3,240,115,200 FLOPs in 4,512 ms = 3,240,115,200 / 4.512 s = 718,110,638 FLOP/s ≈ 0.72 GFLOP/s (tfjs CPU)
    expect(w.nnAchievedFlopsPerSecond(4512, 256, ...BIG)).toBeCloseTo(718_110_638.3, 0);
    // in 19.3 ms: 1.6788·10¹¹ FLOP/s (WebGPU); in 0.37 ms: 8.7571·10¹² FLOP/s (PyTorch, CUDA graph)
    expect(w.nnAchievedFlopsPerSecond(19.3, 256, ...BIG) / 1e11).toBeCloseTo(1.67882, 5);
    expect(w.nnAchievedFlopsPerSecond(0.37, 256, ...BIG) / 1e12).toBeCloseTo(8.75707, 5);
    // 42,004,224 FLOPs in 77.5 ms = 541,989,987 FLOP/s (tfjs CPU, MNIST MLP)
    expect(w.nnAchievedFlopsPerSecond(77.5, 64, 784, 128, 64, 10)).toBeCloseTo(541_989_987.1, 0);
  });
  it('times the tiny step’s arithmetic at the rate the CPU reached on the big one', () => {
    // 4,512 ms · 1,500 / 3,240,115,200 = 6,768,000 / 3,240,115,200 = 0.0020888 ms, against 0.36 ms measured
    expect(w.nnArithmeticMsAtRateOf(10, [2, 4, 2, 1], 256, BIG, 4512)).toBeCloseTo(0.0020888, 7);
    // a model measured against itself takes its own time
    expect(w.nnArithmeticMsAtRateOf(256, BIG, 256, BIG, 4512)).toBeCloseTo(4512, 9);
  });
  it('gives the mean cost of a dispatch and the break-even batch', () => {
    // 6.8 ms / 63 dispatches = 6,800 µs / 63 = 107.94 µs (hand computation)
    expect(w.nnUsPerDispatch(6.8, 63)).toBeCloseTo(107.937, 3);
    // 6 ms at 10¹² FLOP/s = 6·10⁹ FLOPs; per example 6 · 25 = 150 → 4·10⁷; 6 · 2,109,450 = 12,656,700 → 474.06
    expect(w.nnBreakEvenBatch(6, 1e12, 2, 4, 2, 1)).toBeCloseTo(4e7, 3);
    expect(w.nnBreakEvenBatch(6, 1e12, ...BIG)).toBeCloseTo(474.0572, 4);
    // at that batch the arithmetic takes exactly the 6 ms of overhead
    expect(w.nnArithmeticMs(1e12, w.nnBreakEvenBatch(6, 1e12, ...BIG), ...BIG)).toBeCloseTo(6, 9);
  });
  it('is reachable through the registry', () => {
    expect(computeWorked('nnStepFlops', [10, 2, 4, 2, 1])).toBe(1_500);
    expect(computeWorked('nnSpeedRatio', [6.8, 0.36])).toBeCloseTo(18.8889, 4);
  });
});
