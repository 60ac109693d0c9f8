import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../random';
import { compressModelWeights, evaluateCompressed } from './compress';
import { lowRank, prune, quantize, quantizedBytes, svd, type QuantBits, type QuantScheme } from './quantize';
import { generateDataset } from './datasets';
import { buildModel } from './models';
import { createTrainer, evaluateModel } from './train';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('quantize', () => {
  const weightsArb = fc
    .record({ channels: fc.integer({ min: 1, max: 6 }), rows: fc.integer({ min: 1, max: 12 }) })
    .chain(({ channels, rows }) =>
      fc.record({
        channels: fc.constant(channels),
        rows: fc.constant(rows),
        values: fc.array(fc.float({ min: -100, max: 100, noNaN: true, noDefaultInfinity: true }), { minLength: rows * channels, maxLength: rows * channels }),
        bits: fc.constantFrom<QuantBits>(8, 4, 2),
        scheme: fc.constantFrom<QuantScheme>('affine', 'symmetric'),
        perChannel: fc.boolean(),
      }),
    );

  it('rounds every element to within half a step (scale/2) at 8, 4 and 2 bits, affine and symmetric, per tensor and per channel', () => {
    fc.assert(
      fc.property(weightsArb, ({ channels, rows, values, bits, scheme, perChannel }) => {
        const w = Float32Array.from(values);
        const q = quantize(w, [rows, channels], { bits, scheme, granularity: perChannel ? 'channel' : 'tensor' });
        expect(q.channels).toBe(perChannel ? channels : 1);
        for (let i = 0; i < w.length; i++) {
          const s = q.scales[perChannel ? i % channels : 0]!;
          // s/2 from rounding, plus float32 rounding of the stored scale and of the result (|w| ≤ 100).
          expect(Math.abs(q.values[i]! - w[i]!)).toBeLessThanOrEqual(s / 2 + 1e-4);
        }
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  it('keeps codes in range and zero exact under affine quantization', () => {
    const w = Float32Array.from([-3, -1, 0, 0.5, 2, 7]);
    for (const bits of [8, 4, 2] as const) {
      const q = quantize(w, [6], { bits, scheme: 'affine', granularity: 'tensor' });
      for (const c of q.codes) expect(c >= 0 && c <= 2 ** bits - 1).toBe(true);
      expect(q.values[2]).toBe(0);
      const s = quantize(w, [6], { bits, scheme: 'symmetric', granularity: 'tensor' });
      for (const c of s.codes) expect(Math.abs(c)).toBeLessThanOrEqual(2 ** (bits - 1) - 1);
      expect(s.values[2]).toBe(0);
    }
  });

  it.each([
    // 784·128 int8 codes = 100,352 B + 128 float32 scales (512 B) + 128 one-byte zero points
    [[784, 128], 8, 'affine', 'channel', 100_352 + 512 + 128],
    // same without zero points
    [[784, 128], 8, 'symmetric', 'channel', 100_352 + 512],
    // 4 bits: 50,176 B + one scale
    [[784, 128], 4, 'symmetric', 'tensor', 50_176 + 4],
    // 10 weights at 2 bits = 20 bits → 3 B, + scale 4 + zero point 1
    [[10], 2, 'affine', 'tensor', 3 + 4 + 1],
    // 15 signs → 2 B, + 5 scales (1-bit never has a zero point)
    [[3, 5], 1, 'affine', 'channel', 2 + 20],
    // 2·3 at 4 bits = 24 bits → 3 B, + 3 scales + 3 zero points
    [[2, 3], 4, 'affine', 'channel', 3 + 12 + 3],
  ] as const)('stores shape %j at %i bits (%s, per %s) in exactly %i bytes', (shape, bits, scheme, granularity, bytes) => {
    const count = shape.reduce((a, b) => a * b, 1);
    const rng = createRng(3);
    const w = Float32Array.from({ length: count }, () => rng.normal());
    expect(quantize(w, shape, { bits, scheme, granularity }).bytes).toBe(bytes);
    expect(quantizedBytes(count, bits, scheme, granularity === 'channel' ? shape[shape.length - 1]! : 1)).toBe(bytes);
  });

  it('1-bit keeps every sign, with scale = mean |w| per channel', () => {
    const w = Float32Array.from([0.5, -2, -1, 4, 0.25, -0.5]); // shape [3, 2]: channel 0 = 0.5, −1, 0.25; channel 1 = −2, 4, −0.5
    const q = quantize(w, [3, 2], { bits: 1, scheme: 'symmetric', granularity: 'channel' });
    expect(q.scales[0]).toBeCloseTo((0.5 + 1 + 0.25) / 3, 6);
    expect(q.scales[1]).toBeCloseTo((2 + 4 + 0.5) / 3, 6);
    for (let i = 0; i < w.length; i++) expect(Math.sign(q.values[i]!)).toBe(Math.sign(w[i]!));
    fc.assert(
      fc.property(fc.array(fc.float({ min: -10, max: 10, noNaN: true }).filter((x) => x !== 0), { minLength: 1, maxLength: 50 }), (xs) => {
        const r = quantize(Float32Array.from(xs), [xs.length], { bits: 1, scheme: 'affine', granularity: 'tensor' });
        return xs.every((x, i) => Math.sign(r.values[i]!) === Math.sign(x));
      }),
      { numRuns: 100, seed: 7 },
    );
  });
});

describe('prune', () => {
  it.each([0, 0.1, 0.5, 0.73, 0.9, 1])('zeroes exactly round(%s·n) of the smallest weights', (sparsity) => {
    const rng = createRng(11);
    const w = Float32Array.from({ length: 1000 }, () => rng.normal());
    const p = prune(w, sparsity);
    const zeros = p.values.filter((v) => v === 0).length;
    expect(zeros).toBe(Math.round(sparsity * 1000));
    expect(p.pruned).toBe(zeros);
    let maxPruned = 0;
    let minKept = Infinity;
    for (let i = 0; i < w.length; i++) {
      if (p.values[i] === 0) maxPruned = Math.max(maxPruned, Math.abs(w[i]!));
      else {
        expect(p.values[i]).toBe(w[i]);
        minKept = Math.min(minKept, Math.abs(w[i]!));
      }
    }
    expect(maxPruned).toBeLessThanOrEqual(minKept);
    // bitmap of 1000 bits = 125 B, + 4 B per kept weight
    expect(p.bytes).toBe(125 + 4 * (1000 - zeros));
  });

  it('breaks ties by position so the count stays exact', () => {
    const p = prune(Float32Array.from([1, 1, 1, 1]), 0.5);
    expect(Array.from(p.values)).toEqual([0, 0, 1, 1]);
  });
});

/** A random m×n matrix with the given singular values: Q1·diag(σ)·Q2ᵀ with orthonormal columns from Gram–Schmidt. */
function withSingularValues(m: number, n: number, sigma: number[], seed: number): Float64Array {
  const rng = createRng(seed);
  const orthonormal = (rows: number, k: number) => {
    const cols: Float64Array[] = [];
    while (cols.length < k) {
      const v = Float64Array.from({ length: rows }, () => rng.normal());
      for (const c of cols) {
        const d = v.reduce((s, x, i) => s + x * c[i]!, 0);
        for (let i = 0; i < rows; i++) v[i]! -= d * c[i]!;
      }
      const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
      cols.push(v.map((x) => x / norm));
    }
    return cols;
  };
  const k = sigma.length;
  const u = orthonormal(m, k);
  const v = orthonormal(n, k);
  const a = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) for (let t = 0; t < k; t++) a[i * n + j]! += u[t]![i]! * sigma[t]! * v[t]![j]!;
  return a;
}

describe('svd and lowRank', () => {
  it.each([
    [6, 4],
    [4, 6],
    [30, 30],
  ])('recovers known singular values of a %i×%i matrix', (m, n) => {
    const sigma = Array.from({ length: Math.min(m, n) }, (_, i) => 10 / (i + 1));
    const d = svd(withSingularValues(m, n, sigma, m * 100 + n), m, n);
    sigma.forEach((s, i) => expect(d.s[i]).toBeCloseTo(s, 9));
  });

  it('reconstructs a full-rank kernel to ~1e-5 at full rank', () => {
    const rng = createRng(5);
    const m = 64;
    const n = 16;
    const w = Float32Array.from({ length: m * n }, () => rng.normal() * 0.2);
    const r = lowRank(w, m, n, n);
    for (let i = 0; i < w.length; i++) expect(Math.abs(r.values[i]! - w[i]!)).toBeLessThan(1e-5);
    expect(r.params).toBe(16 * (64 + 16));
    expect(r.bytes).toBe(4 * 16 * 80);
    expect(r.frobeniusError).toBeLessThan(1e-9);
  });

  it.each([0, 1, 2, 3, 4])('leaves an error equal to the tail singular values at rank %i (Eckart–Young)', (k) => {
    const sigma = [5, 3, 2, 1, 0.5];
    const m = 8;
    const n = 5;
    const a = withSingularValues(m, n, sigma, 9);
    const r = lowRank(a, m, n, k);
    let err = 0;
    for (let i = 0; i < a.length; i++) err += (r.values[i]! - a[i]!) ** 2;
    const tail = Math.sqrt(sigma.slice(k).reduce((s, x) => s + x * x, 0));
    // float32 storage of the reconstruction: allow 1e-5 relative
    expect(Math.sqrt(err)).toBeCloseTo(tail, 5);
    expect(r.frobeniusError).toBeCloseTo(tail, 9);
    expect(r.params).toBe(k * (m + n));
  });
});

describe('compressing a trained model', () => {
  it('keeps int8 per-channel accuracy within 1 point of float32 on circle, sizes add up, memory returns to baseline', async () => {
    const d = generateDataset({ kind: 'circle', seed: 3, noise: 10, count: 600 });
    const train = { xs: tf.tensor2d(d.train.xs, [d.train.count, 2]), ys: tf.tensor2d(d.train.labels, [d.train.count, 1]) };
    const test = { xs: tf.tensor2d(d.test.xs, [d.test.count, 2]), ys: tf.tensor2d(d.test.labels, [d.test.count, 1]) };
    const model = buildModel({ kind: 'mlp', inputDim: 2, hidden: [16, 16], activation: 'tanh', dropout: 0.05, outputUnits: 1, outputActivation: 'sigmoid', seed: 3 });
    const trainer = createTrainer({ tf, model, data: train, loss: 'binaryCrossentropy', optimizer: 'adam', learningRate: 0.03, batchSize: 32, seed: 3 });
    await trainer.step(300);
    trainer.dispose();
    const baseline = tf.memory().numTensors;
    const float = await evaluateModel({ tf, model, data: test, loss: 'binaryCrossentropy' });
    expect(float.accuracy).toBeGreaterThan(0.9);

    const int8 = await evaluateCompressed({ tf, model, data: test, loss: 'binaryCrossentropy', spec: { method: 'quantize', bits: 8, scheme: 'affine', granularity: 'channel' } });
    expect(Math.abs(int8.accuracy! - float.accuracy!)).toBeLessThanOrEqual(0.01);
    // kernels 2·16, 16·16, 16·1 as int8 with per-channel scale + zero point; biases 16 + 16 + 1 as float32
    const kernels = 32 + 16 * 5 + 256 + 16 * 5 + 16 + 1 * 5;
    expect(int8.compressed.bytes).toBe(kernels + 4 * 33);
    expect(int8.compressed.floatBytes).toBe(4 * (32 + 16 + 256 + 16 + 16 + 1));

    // the clone is gone, and the original model kept its weights
    expect(tf.memory().numTensors).toBe(baseline);
    expect((await evaluateModel({ tf, model, data: test, loss: 'binaryCrossentropy' })).accuracy).toBe(float.accuracy);

    const specs = [
      { method: 'quantize', bits: 1, scheme: 'symmetric', granularity: 'channel' },
      { method: 'prune', sparsity: 0.5 },
      { method: 'lowRank', rank: 2 },
    ] as const;
    for (const spec of specs) {
      const r = await evaluateCompressed({ tf, model, data: test, loss: 'binaryCrossentropy', spec });
      expect(r.compressed.bytes).toBeLessThan(r.compressed.floatBytes);
      expect(r.accuracy).toBeGreaterThanOrEqual(0);
    }
    expect(tf.memory().numTensors).toBe(baseline);

    const plain = await compressModelWeights(model, { method: 'float32' });
    expect(plain.bytes).toBe(plain.floatBytes);
    expect(plain.tensors.every((t) => t.maxAbsError === 0)).toBe(true);

    model.dispose();
    tf.dispose([train.xs, train.ys, test.xs, test.ys]);
  });
});
