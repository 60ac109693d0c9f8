import { describe, expect, it } from 'vitest';
import { computeWorked, worked } from './registry';

describe('worked numbers', () => {
  it('stores 7e9 bf16 weights in 14 GB', () => {
    // 7e9 params × 2 bytes = 1.4e10 bytes = 14 GB (hand computation)
    expect(worked.weightGB(7e9, 'bf16')).toBeCloseTo(14, 10);
  });
  it('serves 7e9 params in bf16 in 16.8 GB and in int4 in 4.2 GB', () => {
    // CALCULATORS.md §3 checks: 14 GB × 1.2 = 16.8 GB; 3.5 GB × 1.2 = 4.2 GB
    expect(worked.inferenceGB(7e9, 'bf16')).toBeCloseTo(16.8, 10);
    expect(worked.inferenceGB(7e9, 'int4')).toBeCloseTo(4.2, 10);
  });
  it('trains 7e9 params with mixed-precision Adam in 112 GB', () => {
    // CALCULATORS.md §3: 7e9 × 16 B = 112 GB
    expect(worked.trainingGB(7e9, 'adamMixed')).toBeCloseTo(112, 10);
  });
  it('counts 6·N·D training FLOPs', () => {
    // CALCULATORS.md §1: N=1e9, D=2e10 → 1.2e20
    expect(worked.trainingFlops(1e9, 2e10)).toBeCloseTo(1.2e20, -8);
  });
  it('counts the weights and biases of a dense layer', () => {
    // 784·256 + 256 = 200,704 + 256 = 200,960; 4096·4096 + 4096 = 16,777,216 + 4096 = 16,781,312 (hand computation)
    expect(worked.denseParams(784, 256)).toBe(200_960);
    expect(worked.denseParams(4096, 4096)).toBe(16_781_312);
  });
  it('counts the parameters of a 784-256-10 perceptron', () => {
    // (784·256 + 256) + (256·10 + 10) = 200,960 + 2,570 = 203,530 (hand computation)
    expect(worked.mlpParams(784, 256, 10)).toBe(203_530);
    // a single width has no layers
    expect(worked.mlpParams(784)).toBe(0);
  });
  it('estimates GPT-3 and GPT-2 XL from 12·L·d² + V·d', () => {
    // GPT-3 (Brown et al. 2020, table 2.1: 96 layers, d = 12288; vocabulary 50257):
    // 12·96·12288² = 1152 · 150,994,944 = 173,946,175,488; 50257·12288 = 617,558,016; sum 174,563,733,504
    expect(worked.transformerParams(96, 12288, 50257)).toBe(174_563_733_504);
    // GPT-2 XL (48 layers, d = 1600): 12·48·1600² = 1,474,560,000; 50257·1600 = 80,411,200; sum 1,554,971,200
    expect(worked.transformerParams(48, 1600, 50257)).toBe(1_554_971_200);
  });
  it('turns 6·N·D into GPU-hours, days and dollars', () => {
    // CALCULATORS.md §1: 1.2e20 FLOPs on an A100 (312e12) at MFU 0.5 → 1.2e20 / 1.56e14 / 3600 = 213.675 GPU-hours
    expect(worked.trainingGpuHours(1e9, 2e10, 312e12, 0.5)).toBeCloseTo(213.675, 2);
    // at 1.50 USD per GPU-hour → 320.51 USD
    expect(worked.trainingCostUSD(1e9, 2e10, 312e12, 0.5, 1.5)).toBeCloseTo(320.51, 2);
    // on 8 GPUs: 213.675 / 8 / 24 = 1.11289 days
    expect(worked.trainingDays(1e9, 2e10, 312e12, 0.5, 8)).toBeCloseTo(1.11289, 4);
  });
  it('counts the accelerators that hold a training state or a served model', () => {
    // 7e9 × 16 B = 112 GB → 2 × 80 GB; 175e9 × 16 B = 2,800 GB → 35 × 80 GB; 1e9 × 16 B = 16 GB → 1 × 24 GB
    expect(worked.trainingDevices(7e9, 'adamMixed', 80)).toBe(2);
    expect(worked.trainingDevices(175e9, 'adamMixed', 80)).toBe(35);
    expect(worked.trainingDevices(1e9, 'adamMixed', 24)).toBe(1);
    // 405e9 × 2 B × 1.2 = 972 GB → 972 / 80 = 12.15 → 13 accelerators (hand computation)
    expect(worked.inferenceDevices(405e9, 'bf16', 80)).toBe(13);
  });
  it('refuses an unknown function', () => {
    expect(() => computeWorked('nope', [])).toThrow(/no such function/);
  });
});
