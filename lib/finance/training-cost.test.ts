import { describe, expect, it } from 'vitest';
import { schemaDefaults } from '../state/schema';
import { trainingCostSchema } from './schemas';
import { acceleratorHours, trainingCost, trainingFlops } from './training-cost';

const defaults = schemaDefaults(trainingCostSchema);

describe('trainingCost', () => {
  it('reproduces the hand-checked case of CALCULATORS.md', () => {
    const r = trainingCost({ ...defaults, params: 1e9, tokens: 2e10, peakFlops: 312e12, mfu: 0.5, pricePerGpuHour: 1.5, overhead: 1 });
    if (!r.ok) throw new Error('expected ok');
    // 6 · 1e9 · 2e10 = 1.2e20 FLOPs (hand computation).
    expect(r.value.flops).toBeCloseTo(1.2e20, -8);
    // 1.2e20 / (312e12 · 0.5) / 3600 = 213.675 GPU-hours (hand computation).
    expect(r.value.gpuHours).toBeCloseTo(213.675, 2);
    // 213.675 · 1.50 USD = 320.51 USD (hand computation).
    expect(r.value.cost).toBeCloseTo(320.51, 2);
    // 213.675 GPU-hours on the default 1024 GPUs: 213.675 / 1024 / 24 = 0.008694 days.
    expect(r.value.days).toBeCloseTo(0.008694, 6);
  });

  it('prices the defaults (a 7B model on 2T tokens on H100s at 40 % MFU)', () => {
    const r = trainingCost(defaults);
    if (!r.ok) throw new Error('expected ok');
    // 6 · 7e9 · 2e12 = 8.4e22; / (989.4e12 · 0.4) / 3600 = 58,958.3 GPU-hours; · 2.5 USD = 147,395.7 USD (hand computation).
    expect(r.value.flops).toBeCloseTo(8.4e22, -10);
    expect(r.value.gpuHours).toBeCloseTo(58958.29, 1);
    expect(r.value.cost).toBeCloseTo(147395.73, 1);
    // 58,958.3 / 1024 / 24 = 2.399 days.
    expect(r.value.days).toBeCloseTo(2.399, 3);
  });

  it('applies the overhead multiplier to the cost only', () => {
    const a = trainingCost(defaults);
    const b = trainingCost({ ...defaults, overhead: 1.5 });
    if (!a.ok || !b.ok) throw new Error('expected ok');
    expect(b.value.gpuHours).toBe(a.value.gpuHours);
    expect(b.value.cost / a.value.cost).toBeCloseTo(1.5, 12);
  });

  it.each([
    [0, 'mfuZero'],
    [1.2, 'mfuAboveOne'],
  ])('fails with a reason when MFU is %s', (mfu, code) => {
    const r = trainingCost({ ...defaults, mfu });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems[0]?.code).toBe(code);
      expect(r.problems[0]?.field).toBe('mfu');
      expect(r.problems[0]?.message.en).toMatch(/MFU/);
      expect(r.problems[0]?.message.zh).toMatch(/MFU/);
    }
  });

  it('fails on a NaN from a control instead of returning NaN', () => {
    const r = trainingCost({ ...defaults, params: Number.NaN });
    expect(r.ok).toBe(false);
  });

  it('exposes its formulas as functions', () => {
    expect(trainingFlops(1e9, 2e10)).toBe(1.2e20);
    // 1e18 FLOPs on a 1e15 FLOP/s chip at 100 %: 1000 s = 0.2778 h.
    expect(acceleratorHours(1e18, 1e15, 1)).toBeCloseTo(1000 / 3600, 12);
  });
});
