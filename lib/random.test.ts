import { describe, expect, it } from 'vitest';
import { createRng, mulberry32 } from './random';

describe('seeded randomness', () => {
  it('repeats for the same seed and differs for another', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(xs);
  });

  it('draws normals with mean ≈ 0 and variance ≈ 1', () => {
    const rng = createRng(7);
    const n = 20000;
    const xs = Array.from({ length: n }, () => rng.normal());
    const mean = xs.reduce((s, x) => s + x, 0) / n;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / n;
    // Standard error of the mean is 1/√20000 ≈ 0.007; allow 4 of them.
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(variance).toBeGreaterThan(0.95);
    expect(variance).toBeLessThan(1.05);
  });

  it('keeps uniforms in [0, 1) and integers in [0, n)', () => {
    const rng = createRng(1);
    for (let i = 0; i < 1000; i++) {
      const u = rng.uniform();
      expect(u >= 0 && u < 1).toBe(true);
      const k = rng.int(6);
      expect(Number.isInteger(k) && k >= 0 && k < 6).toBe(true);
    }
  });
});
