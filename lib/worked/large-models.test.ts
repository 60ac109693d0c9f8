import { describe, expect, it } from 'vitest';
import { largeModelsWorked as w, maxServeParams, maxTrainParams } from './large-models';
import { computeWorked } from './registry';

describe('accelerator memory in the units of the chapter', () => {
  it('reads an H100 as 81,559 MiB = 79.6 GiB = 85.5 decimal GB', () => {
    expect(w.lmAcceleratorMiB('h100')).toBe(81_559);
    expect(w.lmAcceleratorGiB('h100')).toBeCloseTo(79.647, 3); // 81,559 / 1024
    expect(w.lmAcceleratorGB('h100')).toBeCloseTo(85.521, 3); // 81,559 × 2²⁰ / 10⁹
    expect(w.lmAcceleratorGB('h200')).toBeCloseTo(150.755, 3); // 143,771 × 2²⁰ / 10⁹
  });
  it('converts 80 GiB to 85.9 GB', () => {
    expect(w.lmGiBToGB(80)).toBeCloseTo(85.899345920, 9); // 80 × 1,073,741,824 / 10⁹
    expect(w.lmGiBToGB(1)).toBeCloseTo(1.073741824, 12);
  });
});

describe('how many accelerators a model needs', () => {
  it('counts H100s for training with mixed-precision Adam (16 B/param), fully sharded', () => {
    // hand: 7e9 × 16 = 112e9 B / 85.52e9 = 1.31 → 2; 175e9 × 16 = 2.8e12 / 85.52e9 = 32.74 → 33; 70e9: 13.10 → 14
    expect(w.lmTrainingDevicesOn(7e9, 'adamMixed', 'h100')).toBe(2);
    expect(w.lmTrainingDevicesOn(175e9, 'adamMixed', 'h100')).toBe(33);
    expect(w.lmTrainingDevicesOn(70e9, 'adamMixed', 'h100')).toBe(14);
    // 8-bit Adam (10 B/param): 70e9 × 10 = 7e11 / 85.52e9 = 8.19 → 9
    expect(w.lmTrainingDevicesOn(70e9, 'adam8bit', 'h100')).toBe(9);
  });
  it('counts accelerators for serving (weights × 1.2)', () => {
    // hand: GPT-3 fp16 175e9 × 2 × 1.2 = 420e9 / 85.52e9 = 4.91 → 5 (not the 6 that 80e9-byte cards would need)
    expect(w.lmInferenceDevicesOn(175e9, 'fp16', 'h100')).toBe(5);
    // 405e9 × 2 × 1.2 = 972e9 / 85.52e9 = 11.37 → 12
    expect(w.lmInferenceDevicesOn(405e9, 'bf16', 'h100')).toBe(12);
    // 70e9 bf16 = 168e9: one H200 (150.75e9) is not enough, one B200 (192.27e9) is
    expect(w.lmInferenceDevicesOn(70e9, 'bf16', 'h200')).toBe(2);
    expect(w.lmInferenceDevicesOn(70e9, 'bf16', 'b200')).toBe(1);
    // 70e9 int4 = 42e9: fits a 48 GB L40S (48.30e9 with ECC), not a 5090 (34.19e9)
    expect(w.lmInferenceDevicesOn(70e9, 'int4', 'l40s')).toBe(1);
    expect(w.lmInferenceDevicesOn(70e9, 'int4', 'rtx5090')).toBe(2);
  });
  it('finds the largest model that fits', () => {
    // hand: RTX 4090 24,564 MiB = 25,757,220,864 B / (0.5 × 1.2) = 42.93e9 parameters in int4
    expect(maxServeParams('int4', 'rtx4090')).toBeCloseTo(42_928_701_440, 0);
    // 8 H100s with 8-bit Adam: 8 × 85,520,809,984 / 10 = 68.42e9 parameters: a 70B model does not fit
    expect(maxTrainParams('adam8bit', 'h100', 8)).toBeCloseTo(68_416_647_987.2, 0);
    expect(w.lmMaxTrainParams('adam8bit', 'h100', 8)).toBeLessThan(70e9);
    expect(w.lmMaxServeParams('bf16', 'h100', 1)).toBeCloseTo(85_520_809_984 / 2.4, 0);
  });
  it('refuses unknown precisions, optimizers and accelerators', () => {
    expect(() => w.lmInferenceDevicesOn(7e9, 'fp12', 'h100')).toThrow(/unknown precision/);
    expect(() => w.lmTrainingDevicesOn(7e9, 'lion', 'h100')).toThrow(/unknown optimizer/);
    expect(() => w.lmTrainingDevicesOn(7e9, 'adamMixed', 'v100')).toThrow(/unknown accelerator/);
  });
});

describe('scaling arithmetic', () => {
  it('recovers Chinchilla from its budget: C = 6 · 70e9 · 1.4e12 = 5.88e23 at 20 tokens per parameter', () => {
    expect(w.lmChinchillaParams(5.88e23, 20)).toBeCloseTo(70e9, -3); // √(5.88e23 / 120) = √4.9e21 = 7e10
    expect(w.lmChinchillaTokens(5.88e23, 20)).toBeCloseTo(1.4e12, -5);
  });
  it('gives the utilisation a reported run implies: Llama 3.1 405B, 30.84 M H100-hours → 34.5 %', () => {
    // hand: 6 × 405e9 × 15.6e12 = 3.7908e25; 989.4e12 × 30.84e6 × 3600 = 1.09847e26; ratio 0.3451
    expect(w.lmImpliedMfu(405e9, 15.6e12, 989.4e12, 30.84e6)).toBeCloseTo(0.3451, 4);
  });
  it('turns per-token accuracy into exact-match accuracy: 0.9⁵ = 0.59049', () => {
    expect(w.lmExactMatch(0.9, 5)).toBeCloseTo(0.59049, 10);
    expect(w.lmExactMatch(0.99, 5)).toBeCloseTo(0.9509900499, 10);
  });
  it('is reachable through the registry', () => {
    expect(computeWorked('lmTrainingDevicesOn', [7e9, 'adamMixed', 'h100'])).toBe(2);
  });
});
