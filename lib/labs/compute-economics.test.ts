import { describe, expect, it } from 'vitest';
import { calculatorResults } from './calculator-results';
import { CHINCHILLA_RUN_FLOPS, computeEconomicsLabs as labs } from './compute-economics';

// The chapter's calculators open on their defaults (content/en/compute-economics.mdx and its zh twin).
describe('labs of the chapter compute-economics', () => {
  it('read calculators that publish the results they check', () => {
    expect(labs['ce-chinchilla-run']!.widget).toBe('trainingCost');
    expect(labs['ce-cheap-tokens']!.widget).toBe('inferenceCost');
    expect(labs['ce-optimal-70b']!.widget).toBe('computeOptimal');
  });
  it('are not done on the calculators’ defaults', () => {
    for (const lab of Object.values(labs)) expect(lab.check(calculatorResults(lab.widget as never, {}))).toBe(false);
  });

  it('Chinchilla’s run: needs more GPUs and a better MFU (or a lower price) than the defaults', () => {
    const lab = labs['ce-chinchilla-run']!;
    // 6 × 70e9 × 1.4e12 = 5.88e23 FLOPs (hand computation)
    expect(CHINCHILLA_RUN_FLOPS).toBeCloseTo(5.88e23, -10);
    const run = { params: 70e9, tokens: 1.4e12 };
    // at the defaults (1,024 H100s, MFU 0.4, 2.50 USD): 412,708 GPU-hours, 1.03 million USD, 16.8 days: fails twice
    expect(lab.check(calculatorResults('trainingCost', run))).toBe(false);
    // 1,400 GPUs at MFU 0.45: 5.88e23 / (989.4e12 × 0.45) / 3600 = 366,852 GPU-hours → 917,129 USD, 10.9 days
    expect(lab.check(calculatorResults('trainingCost', { ...run, gpus: 1400, mfu: 0.45 }))).toBe(true);
    // 2,048 GPUs at 2.40 USD: 8.4 days, 990,500 USD
    expect(lab.check(calculatorResults('trainingCost', { ...run, gpus: 2048, pricePerGpuHour: 2.4 }))).toBe(true);
    // fast and cheap enough, but a smaller run (7e9 × 1.4e12) does not count
    expect(lab.check(calculatorResults('trainingCost', { params: 7e9, tokens: 1.4e12 }))).toBe(false);
    // enough GPUs for the days, but the cost is still above 1 million at MFU 0.4
    expect(lab.check(calculatorResults('trainingCost', { ...run, gpus: 2048 }))).toBe(false);
  });

  it('cheap tokens: reached by quantizing weights and cache, or by shorter contexts with larger batches', () => {
    const lab = labs['ce-cheap-tokens']!;
    // defaults: batch 32, 4,096 tokens, BF16: 0.215 USD per million, 9.9 ms a step
    // 4-bit weights, 8-bit cache, batch 64: (4e9 + 64·4096·65,536)/3.35e12 = 6.3 ms; 10,123 tokens/s; 0.069 USD/M
    expect(lab.check(calculatorResults('inferenceCost', { bytesPerParam: 0.5, bytesPerValue: 1, batch: 64 }))).toBe(true);
    // 1,024-token contexts, batch 128: 9.9 ms, 12,923 tokens/s, 0.054 USD/M
    expect(lab.check(calculatorResults('inferenceCost', { context: 1024, batch: 128 }))).toBe(true);
    // batch 256 alone: 0.124 USD/M and 45.8 ms a step: too slow and not cheap enough
    expect(lab.check(calculatorResults('inferenceCost', { batch: 256 }))).toBe(false);
    // cheap enough at batch 512 with 8-bit everything, but each step takes longer than 0.02 s
    const slow = calculatorResults('inferenceCost', { bytesPerParam: 1, bytesPerValue: 1, batch: 512 });
    expect(slow.costPerMillion).toBeLessThan(0.1);
    expect(slow.stepSeconds).toBeGreaterThan(0.02);
    expect(lab.check(slow)).toBe(false);
  });

  it('a 70B optimum: Chinchilla’s own budget, under the replication fit', () => {
    const lab = labs['ce-optimal-70b']!;
    // 5.76e23 FLOPs: 7.22e10 parameters, 18.4 tokens each (compute-optimal.test.ts)
    expect(lab.check(calculatorResults('computeOptimal', { flops: 5.76e23 }))).toBe(true);
    expect(lab.check(calculatorResults('computeOptimal', { flops: 5.4e23 }))).toBe(true);
    // 1e24 FLOPs: 9.6e10 parameters, too large
    expect(lab.check(calculatorResults('computeOptimal', { flops: 1e24 }))).toBe(false);
    // Hoffmann's own fit needs a far larger budget for 70B, and then gives ~60 tokens per parameter
    const hoffmann = calculatorResults('computeOptimal', { flops: 1.8e24, fit: 'hoffmann2022' });
    expect(Math.abs(hoffmann.params! / 70e9 - 1)).toBeLessThan(0.05);
    expect(lab.check(hoffmann)).toBe(false);
  });

  it('are false, never throwing, when results are missing', () => {
    for (const lab of Object.values(labs)) {
      expect(lab.check({})).toBe(false);
      expect(lab.check({ flops: Number.NaN, days: Number.NaN, cost: Number.NaN, costPerMillion: Number.NaN, stepSeconds: Number.NaN, params: Number.NaN, tokensPerParam: Number.NaN })).toBe(false);
    }
    expect(labs['ce-chinchilla-run']!.check({ flops: 6e23, days: 10 })).toBe(false);
    expect(labs['ce-cheap-tokens']!.check({ costPerMillion: 0.05 })).toBe(false);
    expect(labs['ce-optimal-70b']!.check({ params: 70e9 })).toBe(false);
  });
});
