import { describe, expect, it } from 'vitest';
import { lossAndOptimizersWorked as w, ravine, RAVINE_OPTIMIZERS } from './loss-and-optimizers';
import { computeWorked } from './registry';

describe('losses (chapter loss-and-optimizers)', () => {
  it('computes one-example losses and gradients', () => {
    // (2.5 − 3)² = 0.25; |2.5 − 3| = 0.5; Huber δ = 1 of r = 3: 2.5 (hand computation)
    expect(w.loLoss('mse', 2.5, 3)).toBeCloseTo(0.25, 15);
    expect(w.loLoss('mae', 2.5, 3)).toBeCloseTo(0.5, 15);
    expect(w.loLoss('huber', 3, 0)).toBe(2.5);
    expect(w.loLoss('huber', 3, 0, 2)).toBe(4);
    // −ln 0.9 = 0.105361, −ln 0.1 = 2.302585, −ln 1e-7 = 16.118096 (hand computation)
    expect(w.loLoss('bce', 0.9, 1)).toBeCloseTo(0.105361, 6);
    expect(w.loLoss('bce', 0.1, 1)).toBeCloseTo(2.302585, 6);
    expect(w.loLoss('bce', 0, 1)).toBeCloseTo(16.118096, 6);
    // gradients: 2·22 = 44 for MSE, 1 for MAE and Huber at r = 22 (hand computation)
    expect(w.loLossGrad('mse', 30, 8)).toBe(44);
    expect(w.loLossGrad('mae', 30, 8)).toBe(1);
    expect(w.loLossGrad('huber', 30, 8)).toBe(1);
    expect(w.loLossGrad('bce', 0.1, 1)).toBeCloseTo(-10, 12);
    expect(() => w.loLoss('hinge', 1, 1)).toThrow(/unknown loss/);
  });
  it('averages over a data set and finds the best constant', () => {
    // see lib/math/losses.test.ts for the hand computations
    expect(w.loMeanLoss('mse', [2.5, 5, 4, 8], [3, 5, 2.5, 7])).toBeCloseTo(0.875, 15);
    expect(w.loMeanLoss('mse', [2.5, 5, 4, 8], [3, 5, 2.5, 30])).toBeCloseTo(121.625, 12);
    expect(w.loMeanLoss('mae', [2.5, 5, 4, 8], [3, 5, 2.5, 30])).toBeCloseTo(6, 15);
    expect(w.loMeanLoss('huber', [2.5, 5, 4, 8], [3, 5, 2.5, 30])).toBeCloseTo(5.65625, 15);
    expect(w.loBestConstant('mse', [2, 3, 4, 5, 36])).toBeCloseTo(10, 9);
    expect(w.loBestConstant('mae', [2, 3, 4, 5, 36])).toBeCloseTo(4, 9);
    expect(w.loBestConstant('huber', [2, 3, 4, 5, 36], 1)).toBeCloseTo(4, 9);
  });
  it('computes the logit gradients of BCE and of MSE behind a sigmoid', () => {
    // z = −5: σ = 0.006693; BCE: σ − 1 = −0.993307; MSE: 2(σ − 1)σ(1 − σ) = −0.013207 (Python)
    expect(w.loBceLogitGrad(-5, 1)).toBeCloseTo(-0.993307149, 9);
    expect(w.loMseLogitGrad(-5, 1)).toBeCloseTo(-0.013207124, 9);
    // ratio 1/(2p(1 − p)) = 1/(2·0.006693·0.993307) = 75.21 (Python)
    expect(w.loLogitGradRatio(-5, 1)).toBeCloseTo(75.2099, 3);
    // z = 0: σ = 0.5; BCE −0.5, MSE 2·(−0.5)·0.25 = −0.25
    expect(w.loBceLogitGrad(0, 1)).toBe(-0.5);
    expect(w.loMseLogitGrad(0, 1)).toBe(-0.25);
  });
  it('corrects source 001 §4.2.1–4.2.2 and source 003 §4.3', () => {
    // σ(2) = 0.880797 (not 0.869)
    expect(w.loSigmoid(2)).toBeCloseTo(0.880797, 6);
    // CE(y = [1, 0], ŷ = [0.9, 0.1]) = −ln 0.9 = 0.105361 (not −0.105)
    expect(w.loCrossEntropy([0.9, 0.1], [1, 0])).toBeCloseTo(0.105361, 6);
    // the source's expansion, evaluated as written: −ln 0.9 − ln 0.9 = 0.210721 (hand computation)
    expect(w.loSource001CeAsExpanded()).toBeCloseTo(0.210721, 6);
    // source 003: −ln 0.8 = 0.223144, −ln 0.2 = 1.609438 (hand computation)
    expect(w.loLoss('bce', 0.8, 1)).toBeCloseTo(0.223144, 6);
    expect(w.loLoss('bce', 0.8, 0)).toBeCloseTo(1.609438, 6);
    expect(w.loLn(0.9)).toBeCloseTo(-0.105361, 6);
  });
  it('computes softmax, its cross-entropy and gradient for z = [2, 1, 0.1]', () => {
    // softmax = [0.659001, 0.242433, 0.098566]; CE for class 0 = 0.417030; gradient [−0.340999, 0.242433, 0.098566] (numpy)
    expect(w.loSoftmax([2, 1, 0.1], 0)).toBeCloseTo(0.659001, 6);
    expect(w.loSoftmax([2, 1, 0.1], 2)).toBeCloseTo(0.098566, 6);
    expect(w.loSoftmaxCE([2, 1, 0.1], [1, 0, 0])).toBeCloseTo(0.41703, 5);
    expect(w.loSoftmaxCEGrad([2, 1, 0.1], [1, 0, 0], 0)).toBeCloseTo(-0.340999, 6);
    expect(w.loSoftmaxCEGrad([2, 1, 0.1], [1, 0, 0], 1)).toBeCloseTo(0.242433, 6);
    expect(() => w.loSoftmax([1, 2], 5)).toThrow(/no component 5/);
  });
});

describe('gradient descent and the ravine (chapter loss-and-optimizers)', () => {
  it('gives the contraction factors and step counts on quadratics', () => {
    // 1 − 0.019·100 = −0.9; (100 − 1)/(100 + 1) = 0.980198; (10 − 1)/(10 + 1) = 0.818182 (hand computation)
    expect(w.loGdFactor(0.019, 100)).toBeCloseTo(-0.9, 14);
    expect(w.loGdRate(100)).toBeCloseTo(0.980198, 6);
    expect(w.loHeavyBallRate(100)).toBeCloseTo(0.818182, 6);
    // ln 1000 / −ln 0.980198 = 6.907755 / 0.020001 = 345.38; ln 1000 / −ln 0.818182 = 6.907755 / 0.200671 = 34.42 (Python)
    expect(w.loStepsToShrink(w.loGdRate(100), 1000)).toBeCloseTo(345.376, 3);
    expect(w.loStepsToShrink(w.loHeavyBallRate(100), 1000)).toBeCloseTo(34.423, 3);
    expect(w.loGdSteps(100, 1000)).toBeCloseTo(345.376, 3);
    expect(w.loHeavyBallSteps(100, 1000)).toBeCloseTo(34.423, 3);
  });
  it('runs the ravine: SGD just below and just above η = 2/κ', () => {
    // start ½(1 + 100) = 50.5
    expect(w.loRavineStart()).toBe(50.5);
    // η = 0.01: the steep coordinate is killed in one step (1 − 0.01·100 = 0), the other shrinks by 0.99 a step:
    // ½·0.99²⁰⁰ = 0.066990 (hand computation)
    expect(w.loRavine('sgd', 0.01, 100)).toBeCloseTo(0.5 * 0.99 ** 200, 12);
    // η = 0.019: ½(0.981²⁰⁰ + 100·0.9²⁰⁰) = 0.010784; η = 0.021: factor −1.1 on the steep side, 9.50e9 (Python loop)
    expect(w.loRavine('sgd', 0.019, 100)).toBeCloseTo(0.010783827, 8);
    expect(w.loRavine('sgd', 0.021, 100) / 9495263823.030447).toBeCloseTo(1, 9);
    // heavy ball, μ = 0.9, η = 0.01: 9.4599e-5 (independent Python loop of a ← 0.9a + g; θ ← θ − 0.01a)
    expect(w.loRavine('momentum', 0.01, 100) / 9.459936830245094e-5).toBeCloseTo(1, 9);
  });
  it('gives the stability limits and checks them on the ravine (curvature 100)', () => {
    // 2/100 = 0.02; 2·1.9/100 = 0.038; the widget's ravine 0.1x² + 2y² has curvature 4: 2/4 = 0.5, 3.8/4 = 0.95 (hand)
    expect(w.loGdLimit(100)).toBeCloseTo(0.02, 15);
    expect(w.loHeavyBallLimit(100, 0.9)).toBeCloseTo(0.038, 15);
    expect(w.loGdLimit(4)).toBe(0.5);
    expect(w.loHeavyBallLimit(4, 0.9)).toBeCloseTo(0.95, 15);
    // just inside each limit the loss falls below its start after 300 steps; just outside it explodes
    expect(w.loRavine('momentum', 0.037, 300)).toBeLessThan(1);
    expect(w.loRavine('momentum', 0.039, 300)).toBeGreaterThan(1e3);
    expect(w.loRavine('sgd', 0.0199, 300)).toBeLessThan(1);
    expect(w.loRavine('sgd', 0.0201, 300)).toBeGreaterThan(50.5);
  });
  it('shows that per-coordinate scaling helps on an aligned ravine and much less on a turned one', () => {
    // SGD and momentum do not care about the angle (they are rotation-invariant)
    for (const name of ['sgd', 'momentum'] as const) expect(w.loRavine(name, 0.01, 100, 100, 45)).toBeCloseTo(w.loRavine(name, 0.01, 100), 10);
    // RMSProp at 0.03 and Adam at 0.1: tiny losses aligned, ordinary ones turned by 45°
    expect(w.loRavine('rmsprop', 0.03, 100)).toBeLessThan(1e-30);
    expect(w.loRavine('rmsprop', 0.03, 100, 100, 45)).toBeGreaterThan(0.01);
    expect(w.loRavine('adam', 0.1, 100)).toBeLessThan(1e-3);
    expect(w.loRavine('adam', 0.1, 100, 100, 45)).toBeGreaterThan(0.1);
    // the turned ravine starts at the same loss
    const r = ravine(100, 45);
    expect(r.loss(r.theta0)).toBeCloseTo(50.5, 12);
    for (const name of RAVINE_OPTIMIZERS) expect(Number.isFinite(w.loRavine(name, 0.001, 10))).toBe(true);
    expect(() => w.loRavine('lion', 0.1, 10)).toThrow(/unknown optimizer/);
  });
  it('counts steps per epoch and the noise of a minibatch', () => {
    // ⌈50,000 / 32⌉ = 1563; √(128/32) = 2; GPT-3: 300e9 tokens / 3.2e6 tokens per batch = 93,750 steps (hand)
    expect(w.loStepsPerEpoch(50_000, 32)).toBe(1563);
    expect(w.loNoiseRatio(32, 128)).toBe(2);
    expect(w.loRatio(300e9, 3.2e6)).toBeCloseTo(93_750, 6);
  });
});

describe('momentum, AdaGrad and Adam (chapter loss-and-optimizers)', () => {
  it('computes momentum’s gain and AdaGrad’s shrinking rate', () => {
    // 1/(1 − 0.9) = 10; 1/(1 − 0.99) = 100; AdaGrad: 0.1/√(0.1 + 100) = 0.0099950 (hand computation)
    expect(w.loMomentumGain(0.9)).toBeCloseTo(10, 12);
    expect(w.loMomentumGain(0.99)).toBeCloseTo(100, 10);
    expect(w.loAdagradLr(0.1, 100, 1)).toBeCloseTo(0.0099950, 7);
  });
  it('computes the bias-correction factors', () => {
    // 1 − 0.9 = 0.1; 1 − 0.999 = 0.001; 1 − 0.9¹⁰ = 0.651322; 1 − 0.999¹⁰⁰⁰ = 0.632305 (hand / Python)
    expect(w.loOneMinusPow(0.9, 1)).toBeCloseTo(0.1, 15);
    expect(w.loOneMinusPow(0.999, 1)).toBeCloseTo(0.001, 15);
    expect(w.loOneMinusPow(0.9, 10)).toBeCloseTo(0.651322, 6);
    expect(w.loOneMinusPow(0.999, 1000)).toBeCloseTo(0.632305, 6);
    // uncorrected first step relative to corrected: 0.1/√0.001 = 3.162278 (defaults); 0.1/√0.01 = 1 (source 001's β₂)
    expect(w.loAdamFirstStepRatio(0.9, 0.999)).toBeCloseTo(3.162278, 6);
    expect(w.loAdamFirstStepRatio(0.9, 0.99)).toBeCloseTo(1, 12);
  });
  it('compares uncorrected and corrected Adam steps', () => {
    // (1 − 0.9ᵗ)/√(1 − 0.999ᵗ): t = 1: 0.1/0.031623 = 3.162278; t = 10: 0.651322/√0.009955 = 0.651322/0.099776 = 6.5279;
    // t = 1000: 1/√0.632305 = 1.257584 (hand computation; Python gives 6.527881 and 1.257584)
    expect(w.loUncorrectedRatio(0.9, 0.999, 1)).toBeCloseTo(3.162278, 6);
    expect(w.loUncorrectedRatio(0.9, 0.999, 10)).toBeCloseTo(6.527881, 5);
    expect(w.loUncorrectedRatio(0.9, 0.999, 1000)).toBeCloseTo(1.257584, 5);
    // source 001's β₂ = 0.99: t = 10: 0.651322/√(1 − 0.99¹⁰) = 0.651322/√0.0956179 = 2.106327 (Python)
    expect(w.loUncorrectedRatio(0.9, 0.99, 10)).toBeCloseTo(2.106327, 5);
    // first step α|g|/(|g| + ε): g = 1e-4, ε = 1e-3: 0.001·0.0909091 = 9.09091e-5; g = 1: 0.001/1.001 = 9.99001e-4 (hand)
    expect(w.loAdamFirstStepSize(1e-4, 0.001, 1e-3)).toBeCloseTo(9.09091e-5, 10);
    expect(w.loAdamFirstStepSize(-1, 0.001, 1e-3)).toBeCloseTo(9.99001e-4, 9);
  });
  it('reproduces source 001’s Adam example, done right', () => {
    // hand computations in lib/math/optimizers.test.ts
    expect(w.loAdam('v1', 0, true)).toBeCloseTo(0.0001, 15);
    expect(w.loAdam('v1', 1, true)).toBeCloseTo(0.0004, 15);
    expect(w.loAdam('theta1', 0, false)).toBeCloseTo(1.000909091, 9);
    expect(w.loAdam('theta1', 1, false)).toBeCloseTo(1.000952381, 9);
    expect(w.loAdam('theta1', 0, true)).toBeCloseTo(1.000990099, 9);
    expect(w.loAdam('theta1', 1, true)).toBeCloseTo(1.000995025, 9);
    expect(w.loAdam('mHat1', 0, true)).toBeCloseTo(-0.1, 14);
    expect(w.loAdamPrinted('v1', 0)).toBe(0.001);
    expect(w.loAdamPrinted('theta1', 1)).toBe(0.996);
    expect(() => w.loAdam('w', 0, true)).toThrow(/unknown quantity/);
    expect(() => w.loAdamPrinted('w', 0)).toThrow(/unknown printed/);
  });
  it('shows θ rises even with the source’s own wrong v₁', () => {
    // 1 + 0.001·0.01/(√0.001 + 0.001) = 1 + 0.00001/0.0326228 = 1.000306534 ;
    // 1 + 0.001·0.02/(√0.004 + 0.001) = 1 + 0.00002/0.0642456 = 1.000311306 (hand computation)
    expect(w.loAdamWithPrintedV(0)).toBeCloseTo(1.000306534, 9);
    expect(w.loAdamWithPrintedV(1)).toBeCloseTo(1.000311306, 9);
  });
  it('takes the example a second step', () => {
    // m₂ = 0.9·(−0.01) + 0.1·(−0.1) = −0.019; v₂ = 0.99·0.0001 + 0.01·0.01 = 0.000199;
    // corrected: m̂₂ = −0.019/0.19 = −0.1; v̂₂ = 0.000199/0.0199 = 0.01; θ₂ = 1.000990099 + 0.001·0.1/0.101 = 1.001980198
    expect(w.loAdamStep2('m2', 0, true)).toBeCloseTo(-0.019, 15);
    expect(w.loAdamStep2('v2', 0, true)).toBeCloseTo(0.000199, 15);
    expect(w.loAdamStep2('theta2', 0, true)).toBeCloseTo(1.001980198, 9);
    // uncorrected: θ₂ = 1.000909091 + 0.001·0.019/(√0.000199 + 0.001) = 1.000909091 + 0.001·0.019/0.015106736 = 1.002166808
    expect(w.loAdamStep2('theta2', 0, false)).toBeCloseTo(1.002166808, 9);
    expect(() => w.loAdamStep2('m3', 0, true)).toThrow(/unknown quantity/);
  });
  it('computes a moving average over a gradient sequence', () => {
    // five +1s: 1 − 0.9⁵ = 0.40951; then −1s: 0.268559, 0.1417031, 0.02753279, −0.075220489 (hand computation, m ← 0.9m − 0.1)
    const seq = [1, 1, 1, 1, 1, -1, -1, -1, -1];
    expect(w.loEma(0.9, seq.slice(0, 5))).toBeCloseTo(0.40951, 12);
    expect(w.loEma(0.9, seq.slice(0, 8))).toBeCloseTo(0.02753279, 8);
    expect(w.loEma(0.9, seq)).toBeCloseTo(-0.075220489, 8);
    expect(w.loEma(0.9, [])).toBe(0);
  });
  it('shows the misprinted recurrence halves the average', () => {
    expect(w.loMisprintedMoment(0.9, -0.1, 1000)).toBeCloseTo(-0.05, 12);
  });
  it('runs the weight-decay experiment', () => {
    // values from lib/math/optimizers.test.ts’s experiment: AdamW keeps both weights together (0.98831),
    // Adam with L2 leaves the first at 0.99724 and drives the second to 0.26186
    expect(w.loDecayExperiment('adamw', 0)).toBeCloseTo(0.988309, 6);
    expect(w.loDecayExperiment('adamw', 1)).toBeCloseTo(0.988309, 6);
    expect(w.loDecayExperiment('adam', 0)).toBeCloseTo(0.998241, 6);
    expect(w.loDecayExperiment('adamL2', 0)).toBeCloseTo(0.997245, 6);
    expect(w.loDecayExperiment('adamL2', 1)).toBeCloseTo(0.261859, 6);
    expect(() => w.loDecayExperiment('sgd', 0)).toThrow(/unknown mode/);
  });
});

describe('schedules, regularisation and the bill (chapter loss-and-optimizers)', () => {
  it('computes the schedules', () => {
    // see lib/math/schedules.test.ts
    expect(w.loStepDecay(25, 0.1, 0.5, 10)).toBeCloseTo(0.025, 15);
    expect(w.loExpDecay(1000, 0.1, 0.96, 1000)).toBeCloseTo(0.096, 15);
    expect(w.loCosine(50, 1, 100)).toBeCloseTo(0.5, 15);
    expect(w.loWarmupCosine(1000, 3e-4, 2000, 100_000, 3e-5)).toBeCloseTo(1.5e-4, 18);
    expect(w.loWarmupCosine(51_000, 3e-4, 2000, 100_000, 3e-5)).toBeCloseTo(1.65e-4, 15);
  });
  it('computes decay, soft thresholding and dropout scales', () => {
    // 1 − 2·0.1·1e-4 = 0.99998; soft threshold of 0.3 by 0.1 = 0.2; 1/(1 − 0.5) = 2 (hand computation)
    expect(w.loSgdDecay(0.1, 1e-4)).toBeCloseTo(0.99998, 15);
    expect(w.loSoftThreshold(0.3, 0.1)).toBeCloseTo(0.2, 15);
    expect(w.loSoftThreshold(0.05, 0.1)).toBe(0);
    expect(w.loDropoutScale(0.5)).toBe(2);
    expect(w.loDropoutScale(0.1)).toBeCloseTo(1.111111, 6);
  });
  it('steps chapter 2’s network with another target and learning rate', () => {
    // target 1, η = 0.5: the chapter's own step, 0.097480 → 0.083340 (lib/worked/neural-networks.test.ts)
    expect(w.loNet221('loss', 1, 0.5, false)).toBeCloseTo(0.09748, 5);
    expect(w.loNet221('loss', 1, 0.5, true)).toBeCloseTo(0.08334, 5);
    // target 1, η = 50: the sigmoid cannot pass 1, so even a huge step lowers the loss (1.38e-6)
    expect(w.loNet221('loss', 1, 50, true)).toBeLessThan(1e-5);
    // target 0.6: ½(0.558458 − 0.6)² = 0.000863; η = 50 overshoots to ŷ = 0.8042, loss 0.02085 (tsx run of pass221)
    expect(w.loNet221('loss', 0.6, 50, false)).toBeCloseTo(0.5 * (0.558458 - 0.6) ** 2, 6);
    expect(w.loNet221('yHat', 0.6, 50, true)).toBeCloseTo(0.8042, 4);
    expect(w.loNet221('loss', 0.6, 50, true)).toBeCloseTo(0.02085, 5);
    expect(() => w.loNet221('z1', 1, 1, true)).toThrow(/unknown quantity/);
  });
  it('prices lost cluster time', () => {
    // 1024 GPUs · 12 h · 2.50 USD = 30,720 USD (hand computation)
    expect(w.loClusterCost(1024, 12, 2.5)).toBe(30_720);
  });
  it('is reachable through the registry', () => {
    expect(computeWorked('loAdam', ['theta1', 0, true])).toBeCloseTo(1.000990099, 9);
    expect(computeWorked('loSigmoid', [2])).toBeCloseTo(0.880797, 6);
  });
});
