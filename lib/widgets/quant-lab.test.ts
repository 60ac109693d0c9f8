import { describe, expect, it } from 'vitest';
import { compressSpec, histogram, quantLabSchema, range, trainedAt } from './quant-lab';
import { schemaDefaults } from '../state/schema';

describe('histogram', () => {
  it('counts every value once, clamping the ends', () => {
    const h = histogram([-2, -1, -0.5, 0, 0.5, 1, 5], 4, -1, 1);
    expect(h.counts).toEqual([2, 1, 1, 3]);
    expect(h.counts.reduce((a, b) => a + b, 0)).toBe(7);
    expect(h.edges).toEqual([-1, -0.5, 0, 0.5, 1]);
  });
  it('finds a range that holds its extremes', () => {
    const [lo, hi] = range([3, -2, 7]);
    expect(lo).toBeLessThan(-2);
    expect(hi).toBeGreaterThan(7);
    expect(range([])).toEqual([-1, 1]);
  });
});

describe('compressSpec', () => {
  const defaults = schemaDefaults(quantLabSchema);
  it('reads int8 symmetric per channel from the defaults', () => {
    expect(compressSpec(defaults)).toEqual({ method: 'quantize', bits: 8, scheme: 'symmetric', granularity: 'channel' });
  });
  it('turns the pruning percentage into a fraction and passes the rank on', () => {
    expect(compressSpec({ ...defaults, method: 'prune', sparsity: 75 })).toEqual({ method: 'prune', sparsity: 0.75 });
    expect(compressSpec({ ...defaults, method: 'lowRank', rank: 8 })).toEqual({ method: 'lowRank', rank: 8 });
  });
});

describe('trainedAt', () => {
  const stored = { hidden: [128], step: 282, testAccuracy: 0.94, savedAt: 0 };
  it('counts a model trained here as trained after the settings’ steps', () => {
    expect(trainedAt(null, 300)).toBe(300);
    expect(trainedAt({ source: 'train', stored }, 300)).toBe(300);
  });
  it('counts the Chapter 4 model as trained at the step it was trained to, whatever the steps setting says', () => {
    expect(trainedAt({ source: 'digits', stored }, 50)).toBe(282);
    expect(trainedAt({ source: 'digits', stored }, 400)).toBe(282);
  });
});
