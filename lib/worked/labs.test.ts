import { describe, expect, it } from 'vitest';
import { labsWorked as w } from './labs';
import { worked } from './registry';

describe('lab worked numbers', () => {
  it('are registered', () => {
    for (const name of Object.keys(w)) expect(worked).toHaveProperty(name);
  });

  it('computes BCE’s logit push over MSE’s, 1 / (2p(1 − p))', () => {
    // p = 0.5: 1 / (2 · 0.25) = 2; p = 0.01: 1 / (2 · 0.0099) = 50.505 (hand computation)
    expect(w.labGradRatio(0.5)).toBeCloseTo(2, 12);
    expect(w.labGradRatio(0.01)).toBeCloseTo(50.505, 3);
    expect(() => w.labGradRatio(0)).toThrow();
  });

  it('solves p(1 − p) = 1/(2r) for the smaller root', () => {
    // r = 10: (1 − √0.8) / 2 = (1 − 0.894427) / 2 = 0.052786 (hand computation)
    expect(w.labGradRatioP(10)).toBeCloseTo(0.052786, 6);
    expect(w.labGradRatio(w.labGradRatioP(10))).toBeCloseTo(10, 10);
    expect(w.labGradRatioP(2)).toBeCloseTo(0.5, 12);
    expect(() => w.labGradRatioP(1)).toThrow();
  });

  it('measures the cross-entropy above its floor as KL(y ‖ p)', () => {
    // 0.9 ln(0.9/0.91) + 0.1 ln(0.1/0.09) = −0.009945 + 0.010536 = 0.000591 (hand computation)
    expect(w.labBinaryKl(0.9, 0.91)).toBeCloseTo(0.000591, 6);
    expect(w.labBinaryKl(0.9, 0.9)).toBe(0);
    // y = 1: only −ln p remains; p = 0.9 → 0.105361
    expect(w.labBinaryKl(1, 0.9)).toBeCloseTo(0.105361, 6);
    expect(() => w.labBinaryKl(0.5, 1)).toThrow();
  });

  it('finds when Adam reaches Rosenbrock’s minimum, as the race runs it', () => {
    const defaults = w.labAdamRosenbrockStep(0.05, 0.9, 0.999, 0.05, 2000);
    const shortMemory = w.labAdamRosenbrockStep(0.05, 0.9, 0.9, 0.05, 2000);
    // Measured with lib/math/optimizers (tfjs 4.22's Adam): 979 and 169 steps.
    expect(defaults).toBe(979);
    expect(shortMemory).toBe(169);
    expect(w.labAdamRosenbrockStep(0.05, 0.9, 0.999, 0.05, 300)).toBe(-1);
  });
});
