import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import type { Tensor, Tensor1D, Tensor2D } from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../random';
import {
  chunkCapacity,
  clippedGradientSum,
  createDpSgd,
  gaussianArray,
  initMlpWeights,
  mlpParamCount,
  mlpShapes,
  mlpSizes,
  mlpVariables,
  padChunks,
  perExampleGradNorms,
  perExampleGradients,
  poissonSample,
  stepSeed,
} from './dp-sgd';
import type { Tf } from './train';

const T = tf as unknown as Tf;

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A seeded batch: inputs in [0, 1) and one-hot labels. */
function batch(n: number, dim: number, classes: number, seed: number) {
  const rng = createRng(seed);
  const xs = new Float32Array(n * dim);
  for (let i = 0; i < xs.length; i++) xs[i] = rng.uniform();
  const ys = new Float32Array(n * classes);
  for (let i = 0; i < n; i++) ys[i * classes + rng.int(classes)] = 1;
  return { xs: tf.tensor2d(xs, [n, dim]), ys: tf.tensor2d(ys, [n, classes]) };
}

/** The loss of one example as a function of the weights, written with ordinary ops (no hand-written backward pass). */
function exampleLoss(weights: Tensor[], x: Tensor2D, y: Tensor2D): tf.Scalar {
  let h: Tensor = x;
  const layers = weights.length / 2;
  for (let l = 0; l < layers; l++) {
    const z = tf.add(tf.matMul(h as Tensor2D, weights[2 * l] as Tensor2D), weights[2 * l + 1]!);
    h = l < layers - 1 ? tf.relu(z) : z;
  }
  return tf.neg(tf.sum(tf.mul(y, tf.logSoftmax(h)))) as tf.Scalar;
}

/** tfjs's autodiff on each example separately: grads[i][j] = ∂loss_i/∂weight_j, as flat arrays. */
function autodiffPerExample(vars: Tensor[], xs: Tensor2D, ys: Tensor2D): Float32Array[][] {
  const n = xs.shape[0];
  const out: Float32Array[][] = [];
  for (let i = 0; i < n; i++) {
    const g = tf.tidy(() => {
      const x = tf.slice(xs, [i, 0], [1, -1]);
      const y = tf.slice(ys, [i, 0], [1, -1]);
      return tf.grads((...w: Tensor[]) => exampleLoss(w, x, y))(vars);
    });
    out.push(g.map((t) => t.dataSync() as Float32Array));
    tf.dispose(g);
  }
  return out;
}

const norm = (arrays: Float32Array[]) => Math.sqrt(arrays.reduce((s, a) => s + a.reduce((t, v) => t + v * v, 0), 0));

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

describe('sizes and initialisation', () => {
  it('counts parameters as 784·h + h + h·10 + 10 (hand count) and lays the weights out as [W₁, b₁, …]', () => {
    expect(mlpSizes([64])).toEqual([784, 64, 10]);
    // 784·64 + 64 + 64·10 + 10 = 50,176 + 64 + 640 + 10 = 50,890
    expect(mlpParamCount(mlpSizes([64]))).toBe(50_890);
    // + a second layer of 32: 784·64 + 64 + 64·32 + 32 + 32·10 + 10 = 50,176 + 64 + 2,048 + 32 + 320 + 10 = 52,650
    expect(mlpParamCount(mlpSizes([64, 32]))).toBe(52_650);
    expect(mlpShapes([5, 3, 2])).toEqual([[5, 3], [3], [3, 2], [2]]);
  });

  it('draws Glorot-uniform weights within ±√(6/(fan_in+fan_out)), zero biases, the same for the same seed', () => {
    const w = initMlpWeights([784, 64, 10], 7);
    expect(w.map((a) => a.length)).toEqual([784 * 64, 64, 640, 10]);
    const limit = Math.sqrt(6 / (784 + 64));
    expect(Math.max(...w[0]!.map(Math.abs))).toBeLessThanOrEqual(limit);
    // Uniform on ±limit has variance limit²/3.
    const v = w[0]!.reduce((s, x) => s + x * x, 0) / w[0]!.length;
    expect(v).toBeCloseTo((limit * limit) / 3, 4);
    expect(w[1]!.every((b) => b === 0)).toBe(true);
    expect(initMlpWeights([784, 64, 10], 7)[0]).toEqual(w[0]);
    expect(initMlpWeights([784, 64, 10], 8)[0]).not.toEqual(w[0]);
  });

  it('gives every step of a run its own seed', () => {
    const seeds = new Set(Array.from({ length: 1000 }, (_, s) => stepSeed(1, s)));
    expect(seeds.size).toBe(1000);
    expect(stepSeed(1, 5)).toBe(stepSeed(1, 5));
    expect(stepSeed(2, 5)).not.toBe(stepSeed(1, 5));
  });
});

describe.each([
  ['one hidden layer', [12]],
  ['two hidden layers', [9, 7]],
])('per-example gradients (%s), against tf.grads on each example separately', (_, hidden) => {
  const sizes = [784, ...hidden, 10];

  it('forms each example’s gradient (outer products h_i δ_iᵀ) to 1e-5', () => {
    const before = tf.memory().numTensors;
    const data = batch(6, 784, 10, 3);
    const vars = mlpVariables(T, sizes, initMlpWeights(sizes, 11));
    const mine = perExampleGradients(T, vars, data.xs, data.ys);
    const ref = autodiffPerExample(vars, data.xs, data.ys);
    const mineData = mine.map((t) => t.dataSync());
    expect(mine.map((t) => t.shape)).toEqual(mlpShapes(sizes).map((s) => [6, ...s]));
    let worst = 0;
    ref.forEach((grads, i) =>
      grads.forEach((g, j) => {
        worst = Math.max(worst, maxAbsDiff(mineData[j]!.subarray(i * g.length, (i + 1) * g.length), g));
      }),
    );
    expect(worst).toBeLessThan(1e-5);
    // Not a test that passes on zeros: the gradients are of order 0.1–1.
    expect(norm(ref[0]!)).toBeGreaterThan(0.1);
    tf.dispose([...mine, ...vars, data.xs, data.ys]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('computes each example’s norm Σ_l (‖h‖² + 1)·‖δ‖² without forming the gradients', () => {
    const data = batch(6, 784, 10, 4);
    const vars = mlpVariables(T, sizes, initMlpWeights(sizes, 12));
    const norms = perExampleGradNorms(T, vars, data.xs, data.ys).dataSync();
    const ref = autodiffPerExample(vars, data.xs, data.ys).map(norm);
    for (let i = 0; i < 6; i++) expect(norms[i]!).toBeCloseTo(ref[i]!, 4);
    tf.dispose([...vars, data.xs, data.ys]);
  });

  it('sums the clipped gradients as Xᵀ diag(c) Δ: Σ c_i g_i with c_i = min(1, C/‖g_i‖), each clipped norm ≤ C', () => {
    const data = batch(8, 784, 10, 5);
    const vars = mlpVariables(T, sizes, initMlpWeights(sizes, 13));
    const ref = autodiffPerExample(vars, data.xs, data.ys);
    const refNorms = ref.map(norm);
    // A clipping norm between the smallest and largest per-example norm, so that some are clipped and some are not.
    const sorted = [...refNorms].sort((a, b) => a - b);
    const clip = (sorted[2]! + sorted[5]!) / 2;
    // The last two rows are padding: masked out.
    const mask = tf.tensor1d([1, 1, 1, 1, 1, 1, 0, 0]) as Tensor1D;
    const r = clippedGradientSum(T, vars, data.xs, data.ys, clip, mask);
    const factors = r.factors.dataSync();
    let clipped = 0;
    for (let i = 0; i < 8; i++) {
      const expected = i < 6 ? Math.min(1, clip / (refNorms[i]! + 1e-6)) : 0;
      expect(factors[i]!).toBeCloseTo(expected, 5);
      expect(factors[i]! * refNorms[i]!).toBeLessThanOrEqual(clip * (1 + 1e-5));
      if (i < 6 && factors[i]! < 1) clipped++;
    }
    expect(clipped).toBeGreaterThan(0);
    expect(clipped).toBeLessThan(6);
    r.sums.forEach((s, j) => {
      const expected = new Float32Array(ref[0]![j]!.length);
      for (let i = 0; i < 8; i++) ref[i]![j]!.forEach((g, k) => (expected[k] = expected[k]! + factors[i]! * g));
      expect(maxAbsDiff(s.dataSync(), expected)).toBeLessThan(1e-5);
    });
    // The loss sum counts the six real examples only.
    // exampleLoss sums over the rows it is given: the first six.
    const losses = tf.tidy(() => exampleLoss(vars, tf.slice(data.xs, [0, 0], [6, -1]), tf.slice(data.ys, [0, 0], [6, -1])));
    expect(r.lossSum.dataSync()[0]!).toBeCloseTo(losses.dataSync()[0]!, 4);
    tf.dispose([...r.sums, r.norms, r.factors, r.lossSum, losses, mask, ...vars, data.xs, data.ys]);
  });
});

describe('Poisson sampling and chunks', () => {
  it('includes each example with probability q: batch sizes average q·N with the binomial spread', () => {
    const rng = createRng(1);
    const sizes = Array.from({ length: 400 }, () => poissonSample(rng, 1000, 0.05).length);
    const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
    const variance = sizes.reduce((a, b) => a + (b - mean) ** 2, 0) / sizes.length;
    // Binomial(1000, 0.05): mean 50, variance 47.5; the mean of 400 draws is within ±3·√(47.5/400) ≈ ±1.03.
    expect(Math.abs(mean - 50)).toBeLessThan(1.05);
    expect(variance).toBeGreaterThan(35);
    expect(variance).toBeLessThan(62);
    expect(poissonSample(createRng(2), 10, 1)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(poissonSample(createRng(2), 10, 0)).toEqual([]);
  });

  it('sizes a chunk at the mean plus three standard deviations, and pads every chunk to it', () => {
    // 1000 · 0.05 = 50; 3·√(50 · 0.95) = 20.7; ⌈50 + 20.7 + 1⌉ = 72
    expect(chunkCapacity(1000, 0.05)).toBe(72);
    expect(chunkCapacity(100, 1)).toBe(100);
    const chunks = padChunks([3, 5, 7, 9, 11], 3);
    expect(chunks.map((c) => [...c.idx])).toEqual([
      [3, 5, 7],
      [9, 11, 0],
    ]);
    expect(chunks.map((c) => [...c.mask])).toEqual([
      [1, 1, 1],
      [1, 1, 0],
    ]);
    // An empty sample still makes one (masked-out) chunk: the step adds its noise all the same.
    expect(padChunks([], 4).map((c) => [...c.mask])).toEqual([[0, 0, 0, 0]]);
  });

  it('draws standard normal noise', () => {
    const z = gaussianArray(createRng(3), 20_000);
    const mean = z.reduce((a, b) => a + b, 0) / z.length;
    const sd = Math.sqrt(z.reduce((a, b) => a + (b - mean) ** 2, 0) / z.length);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(sd - 1)).toBeLessThan(0.02);
  });
});

describe('the DP-SGD step', () => {
  const hidden = [10];
  const sizes = mlpSizes(hidden);

  it('with σ = 0, C huge and every example sampled (q = 1), takes exactly plain SGD’s step', async () => {
    const data = batch(20, 784, 10, 21);
    const weights = initMlpWeights(sizes, 5);
    const dp = createDpSgd({ tf: T, data, hidden, batch: 20, seed: 1, learningRate: 0.1, momentum: 0, noise: 0, clip: 1e6, weights });
    await dp.step(1);
    expect(dp.lastBatchSize()).toBe(20);
    const after = await dp.readWeights();
    // Plain SGD on the mean loss of the 20 examples, by tfjs's autodiff.
    const vars = mlpVariables(T, sizes, weights);
    const expected = tf.tidy(() => {
      const g = tf.grads((...w: Tensor[]) => tf.div(exampleLoss(w, data.xs, data.ys), 20) as tf.Scalar)(vars);
      return vars.map((v, i) => tf.sub(v, tf.mul(g[i]!, 0.1)));
    });
    expected.forEach((e, i) => expect(maxAbsDiff(after[i]!, e.dataSync())).toBeLessThan(1e-6));
    // And it moved: the step is not zero.
    expect(maxAbsDiff(after[0]!, weights[0]!)).toBeGreaterThan(1e-4);
    tf.dispose([...expected, ...vars, data.xs, data.ys]);
    dp.dispose();
  });

  it('adds noise of standard deviation σ·C to the sum, then divides by the expected batch', async () => {
    const data = batch(50, 784, 10, 22);
    const weights = initMlpWeights(sizes, 6);
    const common = { tf: T, data, hidden, batch: 10, seed: 4, learningRate: 0.5, momentum: 0, clip: 0.7, weights };
    const quiet = createDpSgd({ ...common, noise: 0 });
    const noisy = createDpSgd({ ...common, noise: 2 });
    await quiet.step(1);
    await noisy.step(1);
    // The same seed draws the same sample: the weights differ by the noise alone, −η·σC·z / B per coordinate.
    expect(noisy.lastBatchSize()).toBe(quiet.lastBatchSize());
    const a = await quiet.readWeights();
    const b = await noisy.readWeights();
    const scale = (0.5 * 2 * 0.7) / 10;
    const z: number[] = [];
    a.forEach((w, i) => w.forEach((v, k) => z.push((v - b[i]![k]!) / scale)));
    const mean = z.reduce((s, x) => s + x, 0) / z.length;
    const sd = Math.sqrt(z.reduce((s, x) => s + (x - mean) ** 2, 0) / z.length);
    expect(z.length).toBe(mlpParamCount(sizes));
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.abs(sd - 1)).toBeLessThan(0.02);
    quiet.dispose();
    noisy.dispose();
    tf.dispose([data.xs, data.ys]);
  });

  it('reproduces a run from its seed, and carries on after a restore as if never stopped (no momentum)', async () => {
    const data = batch(60, 784, 10, 23);
    const opts = { tf: T, data, hidden, batch: 12, seed: 9, learningRate: 0.2, momentum: 0, noise: 1, clip: 1 };
    const a = createDpSgd(opts);
    await a.step(6);
    const b = createDpSgd(opts);
    await b.step(3);
    const mid = await b.readWeights();
    b.dispose();
    const c = createDpSgd(opts);
    c.restore(mid, 3);
    expect(c.progress().step).toBe(3);
    await c.step(3);
    const wa = await a.readWeights();
    const wc = await c.readWeights();
    wa.forEach((w, i) => expect(maxAbsDiff(w, wc[i]!)).toBe(0));
    a.dispose();
    c.dispose();
    tf.dispose([data.xs, data.ys]);
  });

  it('keeps the tensor count flat over steps (noise, momentum, two hidden layers), and frees everything', async () => {
    const data = batch(80, 784, 10, 24);
    const before = tf.memory().numTensors;
    const dp = createDpSgd({ tf: T, data, hidden: [8, 6], batch: 16, seed: 2, learningRate: 0.1, momentum: 0.9, noise: 1.5, clip: 1 });
    await dp.warmUp();
    await dp.step(2);
    const during = tf.memory().numTensors;
    await dp.step(5);
    await dp.evaluate(data);
    expect(tf.memory().numTensors).toBe(during);
    const p = dp.progress();
    expect(p.step).toBe(7);
    expect(p.loss!).toBeGreaterThan(0);
    expect(p.lossStep).toBe(7);
    dp.dispose();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([data.xs, data.ys]);
  });

  it('warms up without changing the weights or the step count', async () => {
    const data = batch(30, 784, 10, 25);
    const dp = createDpSgd({ tf: T, data, hidden, batch: 10, seed: 2, learningRate: 0.1, momentum: 0, noise: 1, clip: 1 });
    const w0 = await dp.readWeights();
    await dp.warmUp();
    const w1 = await dp.readWeights();
    w0.forEach((w, i) => expect(maxAbsDiff(w, w1[i]!)).toBe(0));
    expect(dp.progress().step).toBe(0);
    dp.dispose();
    tf.dispose([data.xs, data.ys]);
  });

  it('refuses bad settings with the reason', () => {
    const data = batch(10, 784, 10, 26);
    const base = { tf: T, data, hidden, batch: 5, seed: 1, learningRate: 0.1, momentum: 0, noise: 1, clip: 1 };
    expect(() => createDpSgd({ ...base, clip: 0 })).toThrow(/clipping norm/);
    expect(() => createDpSgd({ ...base, noise: -1 })).toThrow(/noise multiplier/);
    expect(() => createDpSgd({ ...base, batch: 11 })).toThrow(/expected batch/);
    expect(() => createDpSgd({ ...base, learningRate: 0 })).toThrow(/learning rate/);
    tf.dispose([data.xs, data.ys]);
  });
});
