import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { parseMnistSubset } from '../ml/mnist';
import type { StoredModel } from '../ml/model-store';
import { absRankCorrelation, mapHash, mapStats } from '../ml/saliency';
import { createRng } from '../random';
import { parseQuery, resolveDefaults, schemaDefaults, type Field } from '../state/schema';
import type { TaskContext } from '../training/task';
import { MNIST_SUBSET_PATH } from './quant-lab';
import {
  describeMap,
  explainRequest,
  primaryMap,
  saliencyLab,
  saliencyLabSchema,
  stepsPerEpoch,
  summarizeMap,
  trainedAt,
  type SaliencyLabValues,
} from './saliency-lab';

/** What the mocked model store holds (null: a fresh browser). */
const store = vi.hoisted(() => ({ record: null as StoredModel | null }));
vi.mock('../ml/model-store', async (original) => ({ ...(await original<typeof import('../ml/model-store')>()), loadModel: async () => store.record }));

describe('the schema and the bookkeeping', () => {
  it('has defaults within bounds and the contract’s fields', () => {
    const d = schemaDefaults(saliencyLabSchema);
    expect(d).toMatchObject({ digit: 0, output: 'logit', method: 'both', steps: 50, target: 'predicted', randomize: false, model: 'chapter4', epochs: 3, hidden: 64 });
    for (const f of Object.values(saliencyLabSchema) as Field[]) {
      if (f.type === 'number' && f.ladder) for (const r of f.ladder) expect([r, r >= f.min && r <= f.max]).toEqual([r, true]);
    }
    expect(resolveDefaults(saliencyLab.id, saliencyLabSchema, {})).toEqual(d);
    expect(Object.keys(saliencyLab.strings.zh).sort()).toEqual(Object.keys(saliencyLab.strings.en).sort());
    expect(saliencyLab.strings.zh.shows).toHaveLength(saliencyLab.strings.en.shows.length);
    expect(parseQuery(saliencyLab.id, saliencyLabSchema, 'saliencyLab.digit=999&saliencyLab.target=7&saliencyLab.steps=256').values).toMatchObject({ digit: 999, target: '7', steps: 256 });
    expect(parseQuery(saliencyLab.id, saliencyLabSchema, 'saliencyLab.digit=1000').values.digit).toBe(0);
    expect(saliencyLab.id).toBe('saliencyLab');
    expect(saliencyLab.tag).toBe('SaliencyLab');
    // The explanation's settings never rebuild the model; the model's do.
    const live = Object.entries(saliencyLabSchema).filter(([, f]) => (f as Field).live).map(([k]) => k);
    expect(live.sort()).toEqual(['digit', 'epochs', 'method', 'output', 'randomize', 'steps', 'target']);
  });

  it('counts ⌊6,000 / 64⌋ = 93 steps an epoch and knows when the model is trained', () => {
    expect(stepsPerEpoch()).toBe(93);
    expect(trainedAt(null, 3)).toBe(279);
    const stored = { hidden: [128], step: 282, testAccuracy: 0.95, savedAt: 0 };
    expect(trainedAt({ source: 'trained-here', stored, stepsPerEpoch: 93 }, 2)).toBe(186);
    expect(trainedAt({ source: 'chapter4', stored, stepsPerEpoch: 93 }, 2)).toBe(282);
  });

  it('turns settings into a request: a class as a number, “predicted” as itself', () => {
    const d = schemaDefaults(saliencyLabSchema);
    expect(explainRequest(d)).toEqual({ digit: 0, target: 'predicted', output: 'logit', method: 'both', steps: 50, randomized: false });
    expect(explainRequest({ ...d, digit: 17, target: '3', output: 'probability', method: 'gradient', randomize: true })).toEqual({ digit: 17, target: 3, output: 'probability', method: 'gradient', steps: 50, randomized: true });
  });

  it('publishes integrated gradients when there are any, else the gradient', () => {
    const g = new Float32Array([1]);
    const ig = new Float32Array([2]);
    expect(primaryMap({ gradient: g, integrated: ig })).toBe(ig);
    expect(primaryMap({ gradient: g, integrated: null })).toBe(g);
  });
});

describe('the text alternative', () => {
  // Ink on the centre pixel and one below it; attributions: centre +0.6, top-left −0.3, bottom-right +0.1.
  const pixels = new Float32Array(784);
  pixels[28 * 14 + 14] = 1;
  pixels[28 * 15 + 14] = 0.8;
  const map = new Float32Array(784);
  map[28 * 14 + 14] = 0.6;
  map[0] = -0.3;
  map[783] = 0.1;

  it('finds where the mass lies, how much is on the ink, and the strongest pixels', () => {
    const s = summarizeMap('integrated', 7, map, pixels, 2);
    // Σ|a| = 1.0: centre 0.6, top left 0.3
    expect(s.regions).toEqual([
      { index: 4, share: expect.closeTo(0.6, 6) },
      { index: 0, share: expect.closeTo(0.3, 6) },
    ]);
    expect(s.ink).toBeCloseTo(0.6, 6);
    expect(s.top).toEqual([
      { row: 14, col: 14, value: expect.closeTo(0.6, 6) },
      { row: 0, col: 0, value: expect.closeTo(-0.3, 6) },
    ]);
    expect(s.positive).toBeCloseTo(0.7, 6);
    expect(s.negative).toBeCloseTo(-0.3, 6);
  });

  it('says it in each edition, rows and columns counted from 1', () => {
    const s = summarizeMap('integrated', 7, map, pixels, 2);
    const en = describeMap('en', s);
    expect(en).toContain('Integrated-gradients map for the score of 7');
    expect(en).toContain('in the centre (60%) and in the top left (30%)');
    expect(en).toContain('60% falls on the digit’s strokes');
    expect(en).toContain('row 15, column 15 (+0.600); row 1, column 1 (−0.300)');
    const zh = describeMap('zh', s);
    expect(zh).toContain('积分梯度图（数字 7 的得分）');
    expect(zh).toContain('中央 60%、左上 30%');
    expect(zh).toContain('第 15 行第 15 列（+0.600）；第 1 行第 1 列（−0.300）');
    expect(describeMap('en', summarizeMap('gradient', 2, new Float32Array(784), pixels))).toBe('Gradient map for the score of 2: zero everywhere.');
  });
});

const MNIST_FILE = fileURLToPath(new URL('../../public/data/mnist-subset.bin', import.meta.url));

describe.skipIf(!existsSync(MNIST_FILE))('the task (tfjs CPU, the packed MNIST subset)', () => {
  const ORIGIN = 'http://book.test';
  let cache: Map<string, unknown>;
  beforeAll(async () => {
    await tf.setBackend('cpu');
    const bytes = readFileSync(MNIST_FILE);
    cache = new Map([[`${ORIGIN}${MNIST_SUBSET_PATH}`, parseMnistSubset(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength))]]);
  });
  const ctx = (): TaskContext => ({ tf: tf as unknown as TaskContext['tf'], backend: 'cpu', basePath: '', origin: ORIGIN, cache });
  const settings = (over: Partial<SaliencyLabValues> = {}): SaliencyLabValues => ({ ...schemaDefaults(saliencyLabSchema), hidden: 32, epochs: 1, ...over });

  it('trains its own model without a stored one, explains digits, satisfies completeness and leaks nothing', async () => {
    store.record = null;
    const before = tf.memory().numTensors;
    const run = await saliencyLab.task!.build(ctx(), settings());
    expect(run.info).toMatchObject({ source: 'trained-here', missing: true, stored: null, architecture: '784 → 32 → 10', stepsPerEpoch: 93, testCount: 1000 });
    // 784·32 + 32 + 32·10 + 10 = 25,450 (hand count)
    expect(run.info.params).toBe(25_450);
    expect(run.targetSteps).toBe(93);
    run.tune!(settings({ epochs: 2 }));
    expect(run.targetSteps).toBe(186);
    await run.step(186);
    const f = await run.frame();
    expect(f.metrics.testAccuracy).toBeGreaterThan(0.85);
    expect(f.metrics.epoch).toBe(2);

    const explain = run.requests!.explain;
    const a = await explain({ digit: 0, target: 'predicted', method: 'both', steps: 64, randomized: false });
    const labels = (cache.values().next().value as ReturnType<typeof parseMnistSubset>).test.labels;
    expect(a.label).toBe(labels[0]);
    expect(a.image).toHaveLength(784);
    expect(a.step).toBe(186);
    expect(a.target).toBe(a.predicted);
    expect(a.maps.gradient).toHaveLength(784);
    expect(a.maps.integrated).toHaveLength(784);
    expect(mapStats(a.maps.integrated!).maxAbs).toBeGreaterThan(0);
    // Completeness: the attributions add up to z(x) − z(black), to within 1 % at 64 midpoint steps on this model.
    expect(Math.abs(a.maps.completeness! - 1)).toBeLessThan(0.01);
    expect(a.rankCorrelation).toBeNull();
    // IG from a black baseline is zero wherever the digit is black.
    a.image.forEach((px, i) => {
      if (px === 0) expect(Math.abs(a.maps.integrated![i]!)).toBe(0);
    });

    // The probability instead of the logit: it bends along the path, so few steps miss its integral (measured |c − 1|
    // at 2 steps on digits 0–3: 0.04, 0.06, 0.11, 0.10), and for a confident digit its gradient has nearly vanished.
    const far: number[] = [];
    for (const d of [0, 1, 2, 3]) {
      const few = await explain({ digit: d, target: 'predicted', output: 'probability', method: 'integrated', steps: 2, randomized: false });
      const many = await explain({ digit: d, target: 'predicted', output: 'probability', method: 'integrated', steps: 200, randomized: false });
      expect(few.maps.output).toBe('probability');
      expect(few.maps.score).toBeCloseTo(few.confidence, 6);
      far.push(Math.abs(few.maps.completeness! - 1));
      expect(Math.abs(many.maps.completeness! - 1)).toBeLessThan(0.01);
    }
    expect(Math.max(...far)).toBeGreaterThan(0.05);
    const sure = await explain({ digit: 3, target: 'predicted', output: 'probability', method: 'gradient', steps: 1, randomized: false });
    const sureLogit = await explain({ digit: 3, target: 'predicted', output: 'logit', method: 'gradient', steps: 1, randomized: false });
    expect(sure.confidence).toBeGreaterThan(0.95);
    // Measured: max |∂p/∂x| = 0.011 against max |∂z/∂x| = 0.77 for this digit.
    expect(mapStats(sure.maps.gradient!).maxAbs).toBeLessThan(0.1 * mapStats(sureLogit.maps.gradient!).maxAbs);

    // Another digit, another map.
    const b = await explain({ digit: 1, target: 'predicted', method: 'both', steps: 64, randomized: false });
    expect(mapHash(b.maps.integrated!)).not.toBe(mapHash(a.maps.integrated!));
    expect(mapStats(b.maps.integrated!).sum).not.toBeCloseTo(mapStats(a.maps.integrated!).sum, 2);
    // Of the first 20 test digits, the trained model gets most right.
    let right = 0;
    for (let d = 0; d < 20; d++) {
      const r = await explain({ digit: d, target: 'predicted', method: 'gradient', steps: 1, randomized: false });
      if (r.predicted === r.label) right++;
    }
    expect(right).toBeGreaterThanOrEqual(16);

    // The sanity check: the randomised model explains the same class, with a different map.
    const r = await explain({ digit: 0, target: 'predicted', method: 'both', steps: 64, randomized: true });
    expect(r.target).toBe(a.target);
    expect(r.predicted).toBe(a.predicted);
    expect(mapHash(r.maps.gradient!)).not.toBe(mapHash(a.maps.gradient!));
    expect(r.rankCorrelation).not.toBeNull();
    // Measured (seed 1, 32 hidden units, 2 epochs): 0.44 for IG on the digit's pixels, 0.03 for the gradient.
    expect(r.rankCorrelation!).toBeLessThan(0.8);
    // Over all 784 pixels the shared zeros of the black background alone make the two IG maps look alike.
    expect(absRankCorrelation(a.maps.integrated!, r.maps.integrated!)).toBeGreaterThan(0.9);
    const rg = await explain({ digit: 0, target: 'predicted', method: 'gradient', steps: 64, randomized: true });
    expect(rg.rankCorrelation!).toBeLessThan(0.3);
    // Completeness holds for the random model too: it checks the integral, not the model.
    expect(Math.abs(r.maps.completeness! - 1)).toBeLessThan(0.02);

    // A fixed class and a bad digit.
    const three = await explain({ digit: 0, target: 3, method: 'integrated', steps: 16, randomized: false });
    expect(three.target).toBe(3);
    expect(three.maps.gradient).toBeNull();
    await expect(explain({ digit: 1000, target: 'predicted', method: 'gradient', steps: 1, randomized: false })).rejects.toThrow(/not one of the 1000 test digits/);

    // Requests leave no tensors behind; dispose frees everything the run made, the random model included.
    const during = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) await explain({ digit: i, target: 'predicted', method: 'both', steps: 128, randomized: true });
    expect(tf.memory().numTensors).toBe(during);
    run.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);

  it('explains the Chapter 4 model when this browser holds one, at the step it was trained to', async () => {
    // A 784 → 16 → 10 record with seeded weights: the lab must load these, not train its own.
    const rng = createRng(3);
    const shapes = [[784, 16], [16], [16, 10], [10]];
    const weights = shapes.map((s) => Float32Array.from({ length: s.reduce((x, y) => x * y, 1) }, () => 0.1 * rng.normal()));
    store.record = { kind: 'mlp', inputDim: 784, hidden: [16], outputUnits: 10, weights, shapes, step: 280, testAccuracy: 0.91, seed: 5, savedAt: 1 };
    try {
      const run = await saliencyLab.task!.build(ctx(), settings());
      expect(run.info).toMatchObject({ source: 'chapter4', missing: false, architecture: '784 → 16 → 10', stored: { hidden: [16], step: 280, testAccuracy: 0.91, savedAt: 1 } });
      expect(run.progress().step).toBe(280);
      expect(run.targetSteps).toBe(280);
      const e = await run.requests!.explain({ digit: 5, target: 'predicted', method: 'gradient', steps: 1, randomized: false });
      // The prediction is the stored weights' own: z = relu(x·W1 + b1)·W2 + b2 by hand.
      const data = cache.values().next().value as ReturnType<typeof parseMnistSubset>;
      const x = Array.from(data.test.images.subarray(5 * 784, 6 * 784), (v) => v / 255);
      const h = Array.from({ length: 16 }, (_, j) => Math.max(0, weights[1]![j]! + x.reduce((s, v, i) => s + v * weights[0]![i * 16 + j]!, 0)));
      const z = Array.from({ length: 10 }, (_, c) => weights[3]![c]! + h.reduce((s, v, j) => s + v * weights[2]![j * 10 + c]!, 0));
      expect(e.predicted).toBe(z.indexOf(Math.max(...z)));
      expect(e.maps.score).toBeCloseTo(Math.max(...z), 4);
      run.dispose();
      // Asked to train its own, the lab does so and still offers the stored one.
      const own = await saliencyLab.task!.build(ctx(), settings({ model: 'train' }));
      expect(own.info).toMatchObject({ source: 'trained-here', missing: false, stored: { step: 280 } });
      expect(own.progress().step).toBe(0);
      own.dispose();
    } finally {
      store.record = null;
    }
  }, 30_000);
});
