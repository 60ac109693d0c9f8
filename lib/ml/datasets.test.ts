import { describe, expect, it } from 'vitest';
import { DATASET_KINDS, generateDataset, gridPoints } from './datasets';

const sum = (a: Float32Array) => a.reduce((s, v) => s + v, 0);

describe('Playground datasets', () => {
  it.each(DATASET_KINDS)('%s is deterministic for a seed and changes with the seed', (kind) => {
    const a = generateDataset({ kind, seed: 7, noise: 20 });
    const b = generateDataset({ kind, seed: 7, noise: 20 });
    const c = generateDataset({ kind, seed: 8, noise: 20 });
    expect(b.train.xs).toEqual(a.train.xs);
    expect(b.test.labels).toEqual(a.test.labels);
    expect(c.train.xs).not.toEqual(a.train.xs);
  });

  it.each(DATASET_KINDS)('%s splits train and test by the ratio', (kind) => {
    const d = generateDataset({ kind, seed: 1, count: 400, trainFraction: 0.7 });
    expect(d.train.count).toBe(280);
    expect(d.test.count).toBe(120);
    expect(d.train.xs.length).toBe(560);
    expect(d.train.labels.length).toBe(280);
    expect(d.test.xs.length).toBe(240);
  });

  it.each(DATASET_KINDS)('%s keeps features in roughly [-6, 6] and labels in {0, 1}', (kind) => {
    const d = generateDataset({ kind, seed: 3, noise: 0 });
    for (const split of [d.train, d.test]) {
      for (const v of split.xs) expect(Math.abs(v)).toBeLessThan(kind === 'gaussians' ? 8 : 6);
      for (const l of split.labels) expect(l === 0 || l === 1).toBe(true);
    }
  });

  it.each(['circle', 'gaussians', 'spiral'] as const)('%s has exactly balanced classes without noise', (kind) => {
    const d = generateDataset({ kind, seed: 5, count: 500, noise: 0 });
    expect(sum(d.train.labels) + sum(d.test.labels)).toBe(250);
  });

  it('xor is balanced within a few percent (labels follow the quadrant)', () => {
    const d = generateDataset({ kind: 'xor', seed: 5, count: 2000, noise: 0 });
    const ones = sum(d.train.labels) + sum(d.test.labels);
    // Binomial(2000, 0.5): sd ≈ 22; allow ~4.5 sd.
    expect(Math.abs(ones - 1000)).toBeLessThan(100);
  });

  it('without noise, circle labels follow the radius and xor labels the quadrant', () => {
    const c = generateDataset({ kind: 'circle', seed: 2, noise: 0 });
    for (let i = 0; i < c.train.count; i++) {
      const r = Math.hypot(c.train.xs[2 * i]!, c.train.xs[2 * i + 1]!);
      expect(c.train.labels[i]).toBe(r < 2.5 ? 1 : 0);
    }
    const x = generateDataset({ kind: 'xor', seed: 2, noise: 0 });
    for (let i = 0; i < x.train.count; i++) {
      expect(x.train.labels[i]).toBe(x.train.xs[2 * i]! * x.train.xs[2 * i + 1]! >= 0 ? 1 : 0);
    }
  });

  it.each(DATASET_KINDS)('noise changes %s', (kind) => {
    const clean = generateDataset({ kind, seed: 11, noise: 0 });
    const noisy = generateDataset({ kind, seed: 11, noise: 40 });
    // circle and xor move labels (Playground perturbs the point used for the label), the others move points.
    const changed = kind === 'circle' || kind === 'xor' ? noisy.train.labels : noisy.train.xs;
    const base = kind === 'circle' || kind === 'xor' ? clean.train.labels : clean.train.xs;
    expect(changed).not.toEqual(base);
  });

  it('spreads the gaussians wider with more noise', () => {
    const spread = (noise: number) => {
      const d = generateDataset({ kind: 'gaussians', seed: 4, noise, count: 2000, trainFraction: 1 });
      let s = 0;
      for (let i = 0; i < d.train.count; i++) {
        const c = d.train.labels[i] === 1 ? 2 : -2;
        s += (d.train.xs[2 * i]! - c) ** 2;
      }
      return s / d.train.count;
    };
    // Playground's variance is 0.5 at noise 0 and 0.5 + 0.4/0.5·3.5 = 3.3 at noise 40; 2000 draws, ±15 %.
    expect(spread(0)).toBeCloseTo(0.5, 0);
    expect(spread(40)).toBeGreaterThan(3.3 * 0.85);
    expect(spread(40)).toBeLessThan(3.3 * 1.15);
  });

  it('lays a grid of cell centres row by row from the top left', () => {
    const g = gridPoints(4, 6);
    expect(g.length).toBe(32);
    expect([g[0], g[1]]).toEqual([-4.5, 4.5]);
    expect([g[30], g[31]]).toEqual([4.5, -4.5]);
  });
});
