import { describe, expect, it } from 'vitest';
import { cosineDecay, exponentialDecay, stepDecay, warmupCosine } from './schedules';

describe('learning-rate schedules', () => {
  it('step decay halves the rate every 10 steps', () => {
    // 0.1·0.5^⌊t/10⌋: t = 9 → 0.1, t = 10 → 0.05, t = 25 → 0.025 (hand computation)
    expect(stepDecay(0, 0.1, 0.5, 10)).toBe(0.1);
    expect(stepDecay(9, 0.1, 0.5, 10)).toBe(0.1);
    expect(stepDecay(10, 0.1, 0.5, 10)).toBeCloseTo(0.05, 15);
    expect(stepDecay(25, 0.1, 0.5, 10)).toBeCloseTo(0.025, 15);
  });
  it('exponential decay follows η₀·rate^(t/every)', () => {
    // 0.1·0.96 = 0.096; 0.1·0.96^0.5 = 0.1·0.9797959 = 0.09797959 (hand computation)
    expect(exponentialDecay(1000, 0.1, 0.96, 1000)).toBeCloseTo(0.096, 15);
    expect(exponentialDecay(500, 0.1, 0.96, 1000)).toBeCloseTo(0.09797959, 8);
  });
  it('cosine decay runs along half a cosine to its floor', () => {
    // ½(1 + cos(πt/100)): t = 0 → 1, 25 → ½(1 + 0.7071068) = 0.8535534, 50 → 0.5, 100 → 0 (hand computation)
    expect(cosineDecay(0, 1, 100)).toBe(1);
    expect(cosineDecay(25, 1, 100)).toBeCloseTo(0.8535534, 7);
    expect(cosineDecay(50, 1, 100)).toBeCloseTo(0.5, 15);
    expect(cosineDecay(100, 1, 100)).toBeCloseTo(0, 15);
    // with a floor of 0.1: 0.1 + 0.45·(1 + 0) = 0.55 at the middle; 0.1 after the end
    expect(cosineDecay(50, 1, 100, 0.1)).toBeCloseTo(0.55, 15);
    expect(cosineDecay(200, 1, 100, 0.1)).toBeCloseTo(0.1, 15);
  });
  it('warms up linearly, then decays along a cosine (peak 3e-4, 2000 warm-up steps, 100,000 in all, floor 3e-5)', () => {
    const lr = (t: number) => warmupCosine(t, 3e-4, 2000, 100_000, 3e-5);
    // t = 1000: half the peak, 1.5e-4; t = 2000: the peak (hand computation)
    expect(lr(0)).toBe(0);
    expect(lr(1000)).toBeCloseTo(1.5e-4, 18);
    expect(lr(2000)).toBeCloseTo(3e-4, 18);
    // t = 51,000 is halfway through the 98,000 decay steps: 3e-5 + ½·2.7e-4·(1 + cos(π/2)) = 1.65e-4
    expect(lr(51_000)).toBeCloseTo(1.65e-4, 15);
    expect(lr(100_000)).toBeCloseTo(3e-5, 15);
    expect(lr(150_000)).toBeCloseTo(3e-5, 15);
    // it never exceeds the peak and never falls below the floor after warm-up
    for (let t = 2000; t <= 100_000; t += 997) {
      expect(lr(t)).toBeLessThanOrEqual(3e-4 + 1e-18);
      expect(lr(t)).toBeGreaterThanOrEqual(3e-5 - 1e-18);
    }
    // without warm-up it is plain cosine decay
    expect(warmupCosine(500, 1, 0, 1000)).toBeCloseTo(0.5, 15);
    expect(warmupCosine(10, 1, 100, 50, 0.2)).toBeCloseTo(0.1, 15);
    expect(warmupCosine(100, 1, 100, 50, 0.2)).toBe(0.2);
  });
});
