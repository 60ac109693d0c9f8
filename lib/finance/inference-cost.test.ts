import { describe, expect, it } from 'vitest';
import { schemaDefaults } from '../state/schema';
import { costPerMillionTokens, inferenceCost, kvBytesPerToken } from './inference-cost';
import { inferenceCostSchema } from './schemas';

const defaults = schemaDefaults(inferenceCostSchema);

describe('inferenceCost', () => {
  it('gives OPT-13B 819,200 bytes of KV cache per token', () => {
    // CALCULATORS.md: 2 · 40 layers · 40 heads · 128 dims · 2 B (fp16) = 819,200 B.
    expect(kvBytesPerToken(40, 40, 128, 2)).toBe(819_200);
    const r = inferenceCost({ ...defaults, params: 13e9, layers: 40, kvHeads: 40, headDim: 128, bytesPerValue: 2 });
    if (r.ok) expect(r.value.kvBytesPerToken).toBe(819_200);
    else throw new Error('expected ok');
  });

  it('prices 2,500 tokens/s at 2.50 USD an hour at 0.2778 USD per million', () => {
    // CALCULATORS.md: 2.50 / (2,500 · 3,600) · 1e6 = 0.27778.
    expect(costPerMillionTokens(2.5, 2500)).toBeCloseTo(0.27778, 5);
  });

  it('computes the defaults (Llama-3-8B-like on an H100) by hand', () => {
    const r = inferenceCost(defaults);
    if (!r.ok) throw new Error('expected ok');
    // KV: 2 · 32 · 8 · 128 · 2 = 131,072 B. Memory: (16e9 + 32 · 4096 · 131,072) / 3.35e12 = 9.9044e-3 s.
    // Compute: 2 · 8e9 · 32 / (989.4e12 · 0.4) = 1.2937e-3 s, so memory-bound (hand computation).
    expect(r.value.kvBytesPerToken).toBe(131_072);
    expect(r.value.stepSeconds).toBeCloseTo(9.9044e-3, 7);
    expect(r.value.detail?.computeSeconds).toBeCloseTo(1.2937e-3, 7);
    expect(r.value.detail?.bound).toBe('memory');
    // 32 / 9.9044e-3 = 3,230.9 tokens/s; 2.5 / (3,230.9 · 3,600) · 1e6 = 0.21494 USD per million.
    expect(r.value.tokensPerSecond).toBeCloseTo(3230.87, 1);
    expect(r.value.costPerMillion).toBeCloseTo(0.21494, 5);
  });

  it('is compute-bound at a large batch with a short context, at peak · MFU / (2 · params) tokens/s', () => {
    const r = inferenceCost({ ...defaults, batch: 1024, context: 1 });
    if (!r.ok) throw new Error('expected ok');
    expect(r.value.detail?.bound).toBe('compute');
    // 989.4e12 · 0.4 / (2 · 8e9) = 24,735 tokens/s (hand computation).
    expect(r.value.tokensPerSecond).toBeCloseTo(24735, 0);
  });

  it('takes the larger of the two bounds as the step time', () => {
    for (const batch of [1, 8, 64, 512, 4096]) {
      const r = inferenceCost({ ...defaults, batch });
      if (!r.ok || !r.value.detail) throw new Error('expected ok');
      expect(r.value.stepSeconds).toBe(Math.max(r.value.detail.memorySeconds, r.value.detail.computeSeconds));
      expect(r.value.tokensPerSecond * r.value.stepSeconds).toBeCloseTo(batch, 9);
    }
  });

  it.each([
    [0, 'mfuZero'],
    [2, 'mfuAboveOne'],
  ])('fails with a reason when MFU is %s', (mfu, code) => {
    const r = inferenceCost({ ...defaults, mfu });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]?.code).toBe(code);
  });

  it('fails rather than divide by zero when there is no work', () => {
    const r = inferenceCost({ ...defaults, params: 0, context: 0 });
    expect(r.ok).toBe(false);
  });
});
