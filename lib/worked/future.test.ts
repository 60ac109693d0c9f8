import { describe, expect, it } from 'vitest';
import { rdpSampledGaussian } from '../ml/dp-accountant';
import { computeWorked } from './registry';
import { futureWorked as w, groupRate, rdpSampledGaussianHere } from './future';

describe('scale and agents (chapter future)', () => {
  it('turns a power law into loss ratios and growth factors', () => {
    // Kaplan et al. (2020): α_N = 0.076. 10^(−0.076) = 0.83946; halving the loss takes 2^(1/0.076) = 2^13.158 = 9,139×
    expect(w.fuPowerLawRatio(10, 0.076)).toBeCloseTo(0.83946, 5);
    expect(w.fuPowerLawFactor(0.5, 0.076)).toBeCloseTo(9139.47, 1);
    // the two are inverse: ratio(factor(r)) = r
    expect(w.fuPowerLawRatio(w.fuPowerLawFactor(0.9, 0.095), 0.095)).toBeCloseTo(0.9, 12);
    expect(() => w.fuPowerLawRatio(-1, 0.076)).toThrow(/positive/);
  });
  it('counts image tokens of a vision Transformer', () => {
    // a 336-pixel image in 14-pixel patches: 24² = 576 tokens (CLIP ViT-L/14 at 336 px, as in LLaVA-1.5)
    expect(w.fuPatchTokens(336, 14)).toBe(576);
    expect(w.fuPatchTokens(224, 16)).toBe(196);
    expect(() => w.fuPatchTokens(300, 14)).toThrow(/divide/);
  });
  it('compounds the reliability of an agent’s steps', () => {
    // 0.95^10 = 0.598737; one retry per step: (1 − 0.05²)^10 = 0.9975^10 = 0.975279
    expect(w.fuChainSuccess(0.95, 10)).toBeCloseTo(0.598737, 6);
    expect(w.fuChainSuccess(0.95, 10, 2)).toBeCloseTo(0.975279, 6);
    expect(w.fuChainSuccess(0.99, 20)).toBeCloseTo(0.817907, 6);
    expect(w.fuChainSuccess(0.5, 0)).toBe(1);
    expect(() => w.fuChainSuccess(1.5, 3)).toThrow(/probability/);
  });
});

describe('differential privacy (chapter future)', () => {
  it('gives the odds bound and the noise of the Laplace and Gaussian mechanisms', () => {
    expect(w.fuPrivacyOdds(1)).toBeCloseTo(Math.E, 12);
    expect(w.fuPrivacyOdds(8)).toBeCloseTo(2980.958, 3);
    // Laplace: Δ/ε = 1/0.5 = 2
    expect(w.fuLaplaceScale(1, 0.5)).toBe(2);
    // Gaussian: √(2 ln(1.25/10⁻⁵))/0.5 = √(2 · 11.736)/0.5 = 4.8448/0.5 = 9.6896
    expect(w.fuGaussianSigma(1, 0.5, 1e-5)).toBeCloseTo(9.6896, 4);
    expect(() => w.fuGaussianSigma(1, 2, 1e-5)).toThrow(/ε < 1/);
  });
  it('counts the steps of a run', () => {
    // 60 epochs of 60,000 examples in lots of 256: 3,600,000/256 = 14,062.5 → 14,063
    expect(w.fuDpSteps(60000, 256, 60)).toBe(14063);
    expect(w.fuDpSteps(60000, 256, 15)).toBe(3516);
  });
  it('computes the RDP of one step, matching the accountant and the closed forms', () => {
    // α = 2: A = (1 − q)² + 2q(1 − q) + q² e^{1/σ²} = 1 + q²(e^{1/σ²} − 1); q = 0.01, σ = 1: ln(1 + 10⁻⁴ · 1.71828) = 1.71813e-4
    expect(w.fuRdpStep(0.01, 1, 2)).toBeCloseTo(Math.log1p(1e-4 * (Math.E - 1)), 14);
    // q = 1 is the plain Gaussian mechanism, α/(2σ²)
    expect(w.fuRdpStep(1, 2, 10)).toBeCloseTo(10 / 8, 14);
    // this file's implementation and lib/ml/dp-accountant.ts agree at many orders
    for (const [q, s, a] of [[0.004, 0.8, 37], [0.0043, 1.1, 8], [0.05, 3, 200], [0.3, 0.6, 5]] as const)
      expect(rdpSampledGaussianHere(q, s, a)).toBeCloseTo(rdpSampledGaussian(q, s, a), 10);
  });
  it('computes ε of a DP-SGD run by the accountant, and the larger classic ε', () => {
    const q = 256 / 60000;
    // classic conversion at σ = 1.12, 60 epochs, δ = 10⁻⁵: 2.92, the value TensorFlow Privacy's compute_noise_from_budget
    // documents for these settings (N = 60,000, batch 256, 60 epochs → σ = 1.12 for ε = 2.92)
    expect(w.fuDpSgdEpsilonClassic(q, 1.12, 14063, 1e-5)).toBeCloseTo(2.92, 2);
    // the accountant's improved conversion (Balle et al. 2020) is never larger: 2.597 at σ = 1.1, reached at α = 8
    const eps = w.fuDpSgdEpsilon(q, 1.1, 14063, 1e-5);
    expect(eps).toBeCloseTo(2.597, 3);
    expect(w.fuDpSgdAlpha(q, 1.1, 14063, 1e-5)).toBe(8);
    expect(eps).toBeLessThan(w.fuDpSgdEpsilonClassic(q, 1.1, 14063, 1e-5));
    // more noise, less ε; fewer steps, less ε
    expect(w.fuDpSgdEpsilon(q, 2, 3516, 1e-5)).toBeLessThan(w.fuDpSgdEpsilon(q, 1.1, 3516, 1e-5));
    expect(w.fuDpSgdEpsilon(q, 1.1, 3516, 1e-5)).toBeLessThan(eps);
    // q = 1, one step, σ = 10: min_α α/200 + ln(10⁵)/(α − 1) by the classic bound; α = 49: 0.245 + 11.5129/48 = 0.48485
    expect(w.fuDpSgdEpsilonClassic(1, 10, 1, 1e-5)).toBeCloseTo(0.48485, 4);
  });
  it('prints the PrivacyLab’s default run as the widget counts it', () => {
    // the defaults the chapter describes: σ = 1, C = 1, lots of 200 from 6,000 digits, 5 epochs, δ = 10⁻⁵
    expect(['noise', 'clip', 'batch', 'trainSize', 'epochs', 'delta'].map((k) => w.fuPrivacyLabDefault(k))).toEqual([1, 1, 200, 6000, 5, 1e-5]);
    // 5 epochs of round(6000/200) = 30 steps; q = 200/6000 = 1/30
    expect(w.fuPrivacyLabDefault('steps')).toBe(150);
    expect(w.fuPrivacyLabDefault('q')).toBeCloseTo(1 / 30, 14);
    const eps = w.fuPrivacyLabDefault('epsilon');
    expect(eps).toBeCloseTo(w.fuDpSgdEpsilon(1 / 30, 1, 150, 1e-5), 12);
    expect(eps).toBeCloseTo(3.2576, 3);
    // the improved conversion is below the classic one computed independently here
    expect(eps).toBeLessThan(w.fuDpSgdEpsilonClassic(1 / 30, 1, 150, 1e-5));
    expect(w.fuPrivacyLabEpsilon(2, 200, 6000, 20, 1e-5)).toBeLessThan(w.fuPrivacyLabEpsilon(1, 200, 6000, 20, 1e-5));
    expect(() => w.fuPrivacyLabDefault('accuracy')).toThrow(/no output/);
  });
});

describe('integrated gradients (chapter future)', () => {
  it('credits the saturated ramp where the gradient sees nothing', () => {
    // f(x) = 1 − ReLU(1 − x) at x = 2: gradient 0, f(2) − f(0) = 1
    expect(w.fuRampGradient(2)).toBe(0);
    expect(w.fuRampGradient(0.5)).toBe(1);
    // right Riemann sum, 10 steps: points 0.2k < 1 for k = 1…4 → 2 · 4/10 = 0.8; 300 steps: k < 150 → 2 · 149/300
    expect(w.fuIgRamp(2, 10)).toBeCloseTo(0.8, 14);
    expect(w.fuIgRamp(2, 300)).toBeCloseTo(0.993333, 6);
    // midpoint sum, 10 steps: (k − ½)·0.2 < 1 for k = 1…5 → 2 · 5/10 = 1
    expect(w.fuIgRamp(2, 10, 'midpoint')).toBeCloseTo(1, 14);
    expect(() => w.fuIgRamp(2, 10, 'trapezoid')).toThrow(/Riemann/);
  });
  it('adds up to F(x) − F(0) for a logistic unit, where gradient × input does not', () => {
    // w = (2, −1), b = 0, x = (1.5, 1): w·x = 2, F(x) − F(0) = σ(2) − 0.5 = 0.880797 − 0.5 = 0.380797
    const gap = w.fuLogisticGap(2, -1, 0, 1.5, 1);
    expect(gap).toBeCloseTo(0.380797, 6);
    const ig0 = w.fuIgLogistic(2, -1, 0, 1.5, 1, 0, 200);
    const ig1 = w.fuIgLogistic(2, -1, 0, 1.5, 1, 1, 200);
    // along the path both inputs move together, so IG splits the gap in proportion to x_i w_i: 3/2 and −1/2 of it
    expect(ig0).toBeCloseTo(1.5 * gap, 5);
    expect(ig1).toBeCloseTo(-0.5 * gap, 5);
    expect(ig0 + ig1).toBeCloseTo(gap, 5);
    // gradient × input: x_i w_i σ′(2) = 3 · 0.104994 = 0.314981 and −0.104994; they sum to 0.21, not 0.38
    expect(w.fuGradTimesInputLogistic(2, -1, 0, 1.5, 1, 0)).toBeCloseTo(0.314981, 6);
    expect(w.fuGradTimesInputLogistic(2, -1, 0, 1.5, 1, 1)).toBeCloseTo(-0.104994, 6);
  });
});

describe('fairness (chapter future)', () => {
  it('reads rates from a group’s confusion table', () => {
    // group A: TP 400, FP 100, FN 100, TN 400
    expect(groupRate('tpr', 400, 100, 100, 400)).toBe(0.8);
    expect(groupRate('ppv', 400, 100, 100, 400)).toBe(0.8);
    expect(groupRate('fpr', 400, 100, 100, 400)).toBe(0.2);
    expect(groupRate('selectionRate', 400, 100, 100, 400)).toBe(0.5);
    // group B: TP 160, FP 40, FN 40, TN 760 → FPR 40/800 = 0.05, selection 200/1000 = 0.2, prevalence 0.2, accuracy 0.92
    expect(w.fuGroupRate('fpr', 160, 40, 40, 760)).toBe(0.05);
    expect(w.fuGroupRate('selectionRate', 160, 40, 40, 760)).toBe(0.2);
    expect(w.fuGroupRate('prevalence', 160, 40, 40, 760)).toBe(0.2);
    expect(w.fuGroupRate('accuracy', 160, 40, 40, 760)).toBeCloseTo(0.92, 14);
    expect(() => w.fuGroupRate('tpr', 0, 1, 0, 1)).toThrow(/denominator/);
    expect(() => w.fuGroupRate('lift', 1, 1, 1, 1)).toThrow(/no rate/);
  });
  it('forces the false-positive rate from prevalence, PPV and TPR (Chouldechova 2017)', () => {
    // p = 0.5: 1 · 0.25 · 0.8 = 0.2; p = 0.2: 0.25 · 0.25 · 0.8 = 0.05 — the two tables above
    expect(w.fuChouldechovaFpr(0.5, 0.8, 0.8)).toBeCloseTo(0.2, 14);
    expect(w.fuChouldechovaFpr(0.2, 0.8, 0.8)).toBeCloseTo(0.05, 14);
    expect(w.fuChouldechovaFpr(0.2, 0.8, 0.8)).toBeCloseTo(groupRate('fpr', 160, 40, 40, 760), 14);
  });
});

describe('energy and safety (chapter future)', () => {
  it('reproduces BLOOM’s published training energy and emissions', () => {
    // Luccioni et al. (2023): 1,082,990 A100-hours × 0.4 kW = 433,196 kWh; × 57 g/kWh (French grid) = 24.7 t CO₂e
    expect(w.fuEnergyMWh(1082990, 400, 1)).toBeCloseTo(433.196, 3);
    expect(w.fuEmissionsTonnes(1082990, 400, 1, 57)).toBeCloseTo(24.69, 2);
    // the same run at PUE 1.2 on a 600 g/kWh grid: 519.84 MWh, 311.9 t
    expect(w.fuEnergyMWh(1082990, 400, 1.2)).toBeCloseTo(519.835, 3);
    expect(w.fuEmissionsTonnes(1082990, 400, 1.2, 600)).toBeCloseTo(311.9, 1);
    expect(() => w.fuEnergyMWh(10, 400, 0.9)).toThrow(/PUE/);
    // 8B parameters on 15T tokens: 7.2e23 FLOPs / (989.4e12 · 0.4) = 1.819284e9 s = 505,356.8 H100-hours;
    // × 0.7 kW × PUE 1.1 = 389,124.7 kWh
    expect(w.fuTrainingEnergyMWh(8e9, 15e12, 989.4e12, 0.4, 700, 1.1)).toBeCloseTo(389.125, 2);
  });
  it('bounds a failure rate after a clean test', () => {
    // 1 − 0.05^(1/200) = 0.014867 (the rule of three gives 3/200 = 0.015)
    expect(w.fuZeroFailureBound(200)).toBeCloseTo(0.014867, 6);
    expect(w.fuZeroFailureBound(1000)).toBeCloseTo(0.0029912, 7);
    expect(() => w.fuZeroFailureBound(0)).toThrow(/positive integer/);
  });
  it('is reachable through the registry', () => {
    expect(computeWorked('fuPatchTokens', [336, 14])).toBe(576);
  });
});
