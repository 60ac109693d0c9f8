import { describe, expect, it } from 'vitest';
import { deploymentWorked as w } from '../worked/deployment';
import { deploymentLabs as labs } from './deployment';
import type { LabResults } from './types';

/**
 * Results as the lab publishes them for the default 784 → 64 → 10 model. Sizes are exact (the chapter's tested byte
 * counts); accuracies are of the kind we measured by running the lab's own task on the CPU backend for seeds 1–5 after
 * 300 steps: float32 92.1–93.4 %; 4 bits 91.5–93.9 % in every scheme; 2 bits affine per channel 90.1–91.4 %,
 * symmetric per channel 60.0–83.3 %, symmetric per tensor 31.5–68.2 %; 1 bit 80.2–85.7 %; rank 4 40–43 %.
 */
const W = [784, 64, 10];
const FLOAT = w.mlpFloatBytes(W);
function lab(floatAccuracy: number, accuracy: number, bytes: number): LabResults {
  return { step: 300, floatAccuracy, accuracy, bytes, ratio: FLOAT / bytes };
}
const q = (bits: 1 | 2 | 4 | 8, scheme: 'affine' | 'symmetric', granularity: 'channel' | 'tensor') => w.mlpQuantBytes(W, bits, scheme, granularity);

describe('labs of the chapter deployment', () => {
  it('read the quantization lab, and are false before it has trained (nothing published) or for non-finite values', () => {
    for (const l of Object.values(labs)) {
      expect(l.widget).toBe('quantLab');
      expect(l.check({ step: 120 })).toBe(false);
      expect(l.check({ floatAccuracy: 0.93, accuracy: NaN, bytes: 26_000, ratio: 7.83 })).toBe(false);
      expect(l.check({ floatAccuracy: 0.93, accuracy: 0.93, bytes: 26_000 })).toBe(false); // no ratio
    }
  });
  it('are not met by the lab’s defaults: int8 per channel is only 3.96 times smaller', () => {
    // 203,560 / 51,408 = 3.96 (hand: deployment.test.ts checks both byte counts)
    const int8 = lab(0.93, 0.93, q(8, 'symmetric', 'channel'));
    expect(int8.ratio).toBeCloseTo(3.96, 2);
    for (const l of Object.values(labs)) expect(l.check(int8)).toBe(false);
  });

  it('7× within 1 point: any 4-bit scheme does it (7.81–7.92×)', () => {
    const l = labs['dep-7x-within-1pt']!;
    expect(l.check(lab(0.932, 0.925, q(4, 'symmetric', 'channel')))).toBe(true); // −0.7 points, 7.83×
    expect(l.check(lab(0.921, 0.921, q(4, 'affine', 'tensor')))).toBe(true);
    expect(l.check(lab(0.93, 0.915, q(4, 'symmetric', 'channel')))).toBe(false); // −1.5 points
    // 90 % pruning is 7.55× smaller but loses 39 points
    expect(l.check(lab(0.93, 0.537, w.mlpPrunedBytes(W, 0.9)))).toBe(false);
    expect(l.check(lab(0.93, 0.93, w.mlpLowRankBytes(W, 8)))).toBe(false); // rank 8 is only 6.83×
  });

  it('15× within 4 points: 2-bit affine per channel does it; symmetric 2-bit, 1 bit and rank 4 do not', () => {
    const l = labs['dep-15x-within-4pt']!;
    expect(FLOAT / q(2, 'affine', 'channel')).toBeCloseTo(15.23, 2); // 203,560 / 13,370
    expect(l.check(lab(0.93, 0.902, q(2, 'affine', 'channel')))).toBe(true); // −2.8 points
    expect(l.check(lab(0.934, 0.904, q(2, 'affine', 'channel')))).toBe(true); // −3.0 points
    expect(l.check(lab(0.93, 0.833, q(2, 'symmetric', 'channel')))).toBe(false);
    expect(l.check(lab(0.93, 0.682, q(2, 'symmetric', 'tensor')))).toBe(false);
    expect(l.check(lab(0.93, 0.857, q(1, 'symmetric', 'channel')))).toBe(false); // 29× but −7 points
    expect(l.check(lab(0.93, 0.404, w.mlpLowRankBytes(W, 4)))).toBe(false); // 13.5×: too big anyway
    expect(l.check(lab(0.93, 0.93, q(4, 'affine', 'channel')))).toBe(false); // accurate but only 7.8×
  });
});
