import { describe, expect, it } from 'vitest';
import { parseMnistSubset } from '../lib/ml/mnist';
import { loadDigit, packMnist } from './pack-mnist.mjs';

type Pack = (o: { train: number; test: number; seed: number; digits?: (d: number) => number[] }) => Uint8Array;
const pack = packMnist as Pack;

/** Fake source: digit d has 5 images whose every pixel is (d·10 + image index)/255. */
const fakeDigits = (d: number) => Array.from({ length: 5 * 784 }, (_, k) => (d * 10 + Math.floor(k / 784)) / 255);

describe('pack-mnist.mjs', () => {
  it('writes a file that parseMnistSubset reads, balanced over digits, with pixels matching labels', () => {
    const bytes = pack({ train: 20, test: 10, seed: 3, digits: fakeDigits });
    const s = parseMnistSubset(bytes.slice().buffer);
    expect([s.train.count, s.test.count, s.rows, s.cols]).toEqual([20, 10, 28, 28]);
    const seen = new Set<number>();
    for (const split of [s.train, s.test]) {
      const counts = new Array(10).fill(0);
      for (let i = 0; i < split.count; i++) {
        const px = split.images[i * 784]!;
        const label = split.labels[i]!;
        counts[label]++;
        expect(Math.floor(px / 10)).toBe(label); // the pixel value encodes the digit it came from
        expect(seen.has(px)).toBe(false); // train and test never share an image
        seen.add(px);
      }
      expect(counts).toEqual(new Array(10).fill(split.count / 10));
    }
  });

  it('is deterministic for a seed', () => {
    const a = pack({ train: 20, test: 10, seed: 3, digits: fakeDigits });
    const b = pack({ train: 20, test: 10, seed: 3, digits: fakeDigits });
    const c = pack({ train: 20, test: 10, seed: 4, digits: fakeDigits });
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('refuses to take more images of a digit than the source has', () => {
    expect(() => pack({ train: 50, test: 10, seed: 1, digits: fakeDigits })).toThrow('digit 0 has 5 images, fewer than the 6 asked for');
  });

  it('reads the mnist package: 784 values in [0, 1] per image', () => {
    const zero = (loadDigit as (d: number) => number[])(0);
    expect(zero.length % 784).toBe(0);
    expect(Math.max(...zero.slice(0, 784 * 10))).toBeLessThanOrEqual(1);
  });
});
