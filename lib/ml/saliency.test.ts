import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../random';
import {
  absRankCorrelation,
  argMax,
  colorScale,
  divergingColor,
  explain,
  inkShare,
  integratedGradients,
  logitGradients,
  mapHash,
  mapStats,
  mlpLogits,
  parseHexColor,
  pearson,
  ranks,
  regionShares,
  riemannAlphas,
  softmax,
  topPixels,
  type DenseParams,
} from './saliency';
import type { Tf } from './train';

const T = tf as unknown as Tf;

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A seeded MLP as plain arrays (row-major kernels [in, out]) and as tensors. */
function tinyMlp(widths: number[], seed: number) {
  const rng = createRng(seed);
  const plain = widths.slice(0, -1).map((fanIn, l) => {
    const fanOut = widths[l + 1]!;
    const kernel = Float64Array.from({ length: fanIn * fanOut }, () => rng.normal() / Math.sqrt(fanIn));
    const bias = Float64Array.from({ length: fanOut }, () => 0.1 * rng.normal());
    return { kernel, bias, fanIn, fanOut };
  });
  const layers: DenseParams[] = plain.map((p) => ({ kernel: tf.tensor2d(Float32Array.from(p.kernel), [p.fanIn, p.fanOut]), bias: tf.tensor1d(Float32Array.from(p.bias)) }));
  /** The logits in double precision, from the float32-rounded weights the tensors hold. */
  const reference = (x: ArrayLike<number>): number[] => {
    let h = Array.from(x);
    plain.forEach((p, l) => {
      const k = Float32Array.from(p.kernel);
      const b = Float32Array.from(p.bias);
      const z = Array.from({ length: p.fanOut }, (_, j) => {
        let s = b[j]!;
        for (let i = 0; i < p.fanIn; i++) s += h[i]! * k[i * p.fanOut + j]!;
        return s;
      });
      h = l < plain.length - 1 ? z.map((v) => Math.max(0, v)) : z;
    });
    return h;
  };
  const dispose = () => layers.forEach((l) => (l.kernel.dispose(), l.bias.dispose()));
  return { layers, reference, dispose };
}

function randomInput(n: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: n }, () => rng.uniform());
}

describe('the logits and their gradient', () => {
  it('computes the same logits as a double-precision reference', async () => {
    const m = tinyMlp([6, 5, 4, 3], 11);
    const x = randomInput(6, 1);
    const t = mlpLogits(T, m.layers, tf.tensor2d(x, [1, 6]));
    const got = Array.from(await t.data());
    t.dispose();
    m.reference(x).forEach((z, j) => expect(got[j]).toBeCloseTo(z, 5));
    m.dispose();
  });

  it('equals a central finite difference of the logit, pixel by pixel and class by class', async () => {
    const m = tinyMlp([6, 5, 4, 3], 7);
    const x = randomInput(6, 2);
    const eps = 1e-4;
    for (let c = 0; c < 3; c++) {
      const g = logitGradients(T, m.layers, tf.tensor2d(x, [1, 6]), c);
      const got = Array.from(await g.data());
      g.dispose();
      for (let i = 0; i < 6; i++) {
        const up = Array.from(x, (v, k) => (k === i ? v + eps : v));
        const down = Array.from(x, (v, k) => (k === i ? v - eps : v));
        const fd = (m.reference(up)[c]! - m.reference(down)[c]!) / (2 * eps);
        expect([c, i, got[i]]).toEqual([c, i, expect.closeTo(fd, 5)]);
      }
      // The gradient of a non-trivial model is not zero everywhere (a test that compares zeros cannot fail).
      expect(got.some((v) => Math.abs(v) > 1e-3)).toBe(true);
    }
    m.dispose();
  });

  it('differentiates the softmax probability too, and explains it when asked', async () => {
    const m = tinyMlp([6, 5, 3], 17);
    const x = randomInput(6, 3);
    const prob = (v: ArrayLike<number>) => softmax(m.reference(v));
    const eps = 1e-4;
    const g = logitGradients(T, m.layers, tf.tensor2d(x, [1, 6]), 2, 'probability');
    const got = Array.from(await g.data());
    g.dispose();
    for (let i = 0; i < 6; i++) {
      const up = Array.from(x, (v, k) => (k === i ? v + eps : v));
      const down = Array.from(x, (v, k) => (k === i ? v - eps : v));
      expect([i, got[i]]).toEqual([i, expect.closeTo((prob(up)[2]! - prob(down)[2]!) / (2 * eps), 5)]);
    }
    const e = await explain(T, m.layers, x, { target: 2, method: 'integrated', steps: 256, output: 'probability' });
    expect(e.output).toBe('probability');
    expect(e.score).toBeCloseTo(prob(x)[2]!, 6);
    expect(e.baselineScore).toBeCloseTo(prob(new Float32Array(6))[2]!, 6);
    expect(Math.abs(e.completeness! - 1)).toBeLessThan(0.01);
    m.dispose();
  });

  it('gives each row of a batch its own gradient', async () => {
    const m = tinyMlp([6, 5, 3], 3);
    const a = randomInput(6, 4);
    const b = randomInput(6, 5);
    const batch = logitGradients(T, m.layers, tf.tensor2d([...a, ...b], [2, 6]), 1);
    const single = logitGradients(T, m.layers, tf.tensor2d(b, [1, 6]), 1);
    const [gb, gs] = [Array.from(await batch.data()), Array.from(await single.data())];
    tf.dispose([batch, single]);
    gs.forEach((v, i) => expect(gb[6 + i]).toBeCloseTo(v, 6));
    m.dispose();
  });

  it('refuses a class the model does not have', () => {
    const m = tinyMlp([4, 3], 1);
    expect(() => logitGradients(T, m.layers, tf.tensor2d(new Float32Array(4), [1, 4]), 3)).toThrow(/not a class 0…2/);
    m.dispose();
  });
});

describe('integrated gradients', () => {
  it('places the Riemann points at the left ends, right ends or middles of m equal parts', () => {
    expect(Array.from(riemannAlphas(4, 'left'))).toEqual([0, 0.25, 0.5, 0.75]);
    expect(Array.from(riemannAlphas(4, 'right'))).toEqual([0.25, 0.5, 0.75, 1]);
    expect(Array.from(riemannAlphas(4))).toEqual([0.125, 0.375, 0.625, 0.875]);
    expect(() => riemannAlphas(0)).toThrow(RangeError);
  });

  it('is exact for a linear model: (x − x′)·w, whatever the steps', async () => {
    // z = x·W + b with W [3, 2] = [[1, −2], [0.5, 3], [−1, 0.25]]; class 1: w = (−2, 3, 0.25)
    const layers = [{ kernel: tf.tensor2d([1, -2, 0.5, 3, -1, 0.25], [3, 2]), bias: tf.tensor1d([0.3, -0.7]) }];
    const x = tf.tensor2d([0.5, 1, 0.2], [1, 3]);
    const base = tf.tensor2d([0, 0, 0], [1, 3]);
    for (const steps of [1, 5]) {
      const ig = integratedGradients(T, layers, x, base, 1, steps);
      // (0.5·−2, 1·3, 0.2·0.25) = (−1, 3, 0.05); they add up to z(x) − z(0) = 2.05
      const got = Array.from(await ig.data());
      ig.dispose();
      [-1, 3, 0.05].forEach((v, i) => expect(got[i]).toBeCloseTo(v, 6));
    }
    tf.dispose([x, base, layers[0]!.kernel, layers[0]!.bias]);
  });

  it('satisfies completeness within 1 % at 64 steps and more on a ReLU network, closer as the steps grow', async () => {
    const m = tinyMlp([20, 16, 12, 4], 5);
    const x = randomInput(20, 9);
    const z = m.reference(x);
    const z0 = m.reference(new Float32Array(20));
    const c = argMax(z);
    const delta = z[c]! - z0[c]!;
    expect(Math.abs(delta)).toBeGreaterThan(0.1);
    const gap = async (steps: number, rule: 'left' | 'right' | 'midpoint') => {
      const e = await explain(T, m.layers, x, { target: c, method: 'integrated', steps, rule });
      expect(e.score).toBeCloseTo(z[c]!, 5);
      expect(e.baselineScore).toBeCloseTo(z0[c]!, 5);
      return Math.abs(e.completeness! - 1);
    };
    for (const steps of [64, 128, 256]) expect(await gap(steps, 'midpoint')).toBeLessThan(0.01);
    for (const steps of [64, 128, 256]) expect(await gap(steps, 'right')).toBeLessThan(0.01);
    // A single right-end step is just the gradient at x times (x − x′): far from the integral on this path.
    expect(await gap(256, 'right')).toBeLessThan(await gap(1, 'right'));
    expect(await gap(256, 'left')).toBeLessThan(await gap(2, 'left'));
    m.dispose();
  });

  it('batches the path in one pass and gets what a loop over the points gets', async () => {
    const m = tinyMlp([8, 6, 3], 2);
    const xArr = randomInput(8, 3);
    const x = tf.tensor2d(xArr, [1, 8]);
    const base = tf.zeros([1, 8]) as tf.Tensor2D;
    const steps = 16;
    const batched = integratedGradients(T, m.layers, x, base, 2, steps);
    const got = Array.from(await batched.data());
    const total = new Float64Array(8);
    for (const a of riemannAlphas(steps)) {
      const g = logitGradients(T, m.layers, tf.tensor2d(Array.from(xArr, (v) => a * v), [1, 8]), 2);
      (await g.data()).forEach((v, i) => (total[i]! += v / steps));
      g.dispose();
    }
    total.forEach((v, i) => expect(got[i]).toBeCloseTo(v * xArr[i]!, 5));
    tf.dispose([x, base, batched]);
    m.dispose();
  });
});

describe('explain', () => {
  it('reports the prediction, explains it by default, and gives both maps from one batch', async () => {
    const m = tinyMlp([10, 8, 4], 13);
    const x = randomInput(10, 6);
    const z = m.reference(x);
    const e = await explain(T, m.layers, x, { target: 'predicted', method: 'both', steps: 64 });
    expect(e.predicted).toBe(argMax(z));
    expect(e.target).toBe(e.predicted);
    expect(e.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(e.confidence).toBeCloseTo(softmax(z)[e.predicted]!, 5);
    expect(e.gradient).toHaveLength(10);
    expect(e.integrated).toHaveLength(10);
    const g = logitGradients(T, m.layers, tf.tensor2d(x, [1, 10]), e.target);
    Array.from(await g.data()).forEach((v, i) => expect(e.gradient![i]).toBeCloseTo(v, 6));
    g.dispose();
    expect(e.integratedSum).toBeCloseTo(mapStats(e.integrated!).sum, 10);
    expect(e.completeness).toBeCloseTo(e.integratedSum! / (e.score - e.baselineScore), 10);
    // Another class, one method: only its map.
    const other = (e.target + 1) % 4;
    const f = await explain(T, m.layers, x, { target: other, method: 'gradient', steps: 8 });
    expect(f.target).toBe(other);
    expect(f.integrated).toBeNull();
    expect(f.completeness).toBeNull();
    expect(mapHash(f.gradient!)).not.toBe(mapHash(e.gradient!));
    m.dispose();
  });

  it('gives a different map for a different input', async () => {
    const m = tinyMlp([16, 12, 3], 21);
    const a = await explain(T, m.layers, randomInput(16, 1), { target: 0, method: 'both', steps: 32 });
    const b = await explain(T, m.layers, randomInput(16, 2), { target: 0, method: 'both', steps: 32 });
    expect(mapHash(a.integrated!)).not.toBe(mapHash(b.integrated!));
    expect(mapStats(a.integrated!).sum).not.toBeCloseTo(mapStats(b.integrated!).sum, 3);
    m.dispose();
  });

  it('refuses an input or a baseline of the wrong width, and a missing class', async () => {
    const m = tinyMlp([5, 3], 1);
    await expect(explain(T, m.layers, new Float32Array(4), { target: 0, method: 'gradient', steps: 1 })).rejects.toThrow(/4 values, the model takes 5/);
    await expect(explain(T, m.layers, new Float32Array(5), { target: 0, method: 'integrated', steps: 4, baseline: new Float32Array(3) })).rejects.toThrow(/baseline/);
    await expect(explain(T, m.layers, new Float32Array(5), { target: 7, method: 'gradient', steps: 1 })).rejects.toThrow(/not a class/);
    m.dispose();
  });

  it('keeps tf.memory().numTensors flat over many explanations, errors included', async () => {
    const m = tinyMlp([784, 16, 10], 4);
    const x = randomInput(784, 8);
    await explain(T, m.layers, x, { target: 'predicted', method: 'both', steps: 8 });
    const before = tf.memory().numTensors;
    for (const method of ['gradient', 'integrated', 'both'] as const) {
      for (const steps of [1, 16, 64]) await explain(T, m.layers, x, { target: 'predicted', method, steps });
    }
    await expect(explain(T, m.layers, x, { target: 11, method: 'both', steps: 4 })).rejects.toThrow();
    expect(tf.memory().numTensors).toBe(before);
    m.dispose();
  });
});

describe('map helpers', () => {
  it('sums, finds the extremes and splits positive from negative', () => {
    expect(mapStats([1, -3, 0.5, 0])).toEqual({ maxAbs: 3, sum: -1.5, sumAbs: 4.5, positive: 1.5, negative: -3 });
    expect(mapStats([])).toEqual({ maxAbs: 0, sum: 0, sumAbs: 0, positive: 0, negative: 0 });
  });

  it('lists the top pixels by |value| with their row and column', () => {
    const map = new Float32Array(784);
    map[28 * 3 + 5] = -0.9;
    map[28 * 20 + 14] = 0.5;
    map[0] = 0.5;
    expect(topPixels(map, 3)).toEqual([
      { index: 89, row: 3, col: 5, value: expect.closeTo(-0.9, 6) },
      { index: 0, row: 0, col: 0, value: 0.5 },
      { index: 574, row: 20, col: 14, value: 0.5 },
    ]);
  });

  it('splits the mass over a 3 × 3 grid and onto the ink', () => {
    const map = new Float32Array(784);
    map[0] = 1; // top-left
    map[28 * 14 + 14] = -2; // centre
    map[783] = 1; // bottom-right
    const shares = regionShares(map);
    expect(shares).toEqual([0.25, 0, 0, 0, 0.5, 0, 0, 0, 0.25]);
    expect(regionShares(new Float32Array(784))).toEqual(new Array(9).fill(0));
    const pixels = new Float32Array(784);
    pixels[28 * 14 + 14] = 1;
    expect(inkShare(map, pixels)).toBeCloseTo(0.5, 10);
  });

  it('ranks with ties at their average rank and correlates maps by |value|', () => {
    expect(Array.from(ranks([3, 1, 3, 2]))).toEqual([3.5, 1, 3.5, 2]);
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNaN();
    // Sign is ignored: a map and its negation rank the pixels alike.
    expect(absRankCorrelation([0.1, -0.5, 0.3, 0], [-0.1, 0.5, -0.3, 0])).toBeCloseTo(1, 12);
    expect(absRankCorrelation([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 12);
    // A mask keeps only some pixels: here the two that disagree.
    expect(absRankCorrelation([0, 0, 1, 2], [0, 0, 2, 1], [false, false, true, true])).toBeCloseTo(-1, 12);
    expect(absRankCorrelation([0, 0, 1, 2], [0, 0, 2, 1])).toBeGreaterThan(0.5);
  });

  it('hashes a map so that another map differs and float noise does not', () => {
    const a = Float32Array.from({ length: 784 }, (_, i) => Math.sin(i));
    const b = Float32Array.from({ length: 784 }, (_, i) => Math.sin(i + 1));
    const noisy = a.map((v) => v * (1 + 1e-7));
    expect(mapHash(a)).toMatch(/^[0-9a-f]{8}$/);
    expect(mapHash(a)).not.toBe(mapHash(b));
    expect(mapHash(noisy)).toBe(mapHash(a));
  });

  it('scales colours by a high quantile of |a| and blends from the background to each sign’s colour', () => {
    const map = Float32Array.from({ length: 101 }, (_, i) => (i === 100 ? 1000 : i / 100));
    // The 0.99-quantile of |a| over 101 values is the 99th of them (index ⌊0.99·100⌋ = 99): 0.99, not the outlier.
    expect(colorScale(map)).toBeCloseTo(0.99, 6);
    expect(colorScale([0, 0, 5])).toBe(5);
    expect(colorScale([0, 0])).toBe(0);
    const white: [number, number, number] = [255, 255, 255];
    const blue = parseHexColor('#0072b2')!;
    const red = parseHexColor('#d55e00')!;
    expect(blue).toEqual([0, 114, 178]);
    expect(parseHexColor('#fff')).toEqual([255, 255, 255]);
    expect(parseHexColor('rgb(1,2,3)')).toBeNull();
    expect(divergingColor(0, blue, red, white)).toEqual(white);
    expect(divergingColor(1, blue, red, white)).toEqual(blue);
    expect(divergingColor(-7, blue, red, white)).toEqual(red);
    expect(divergingColor(0.5, blue, red, white)).toEqual([128, 185, 217]);
    expect(divergingColor(NaN, blue, red, white)).toEqual(white);
  });
});
