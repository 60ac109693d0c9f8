import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { dpSgdEpsilon } from '../ml/dp-accountant';
import { parseMnistSubset } from '../ml/mnist';
import { schemaDefaults, type Field } from '../state/schema';
import type { Snapshot, TaskContext } from '../training/task';
import { liveKeys } from './define';
import {
  EMPTY_RUN_BOOK,
  MAX_RUNS,
  MNIST_SUBSET_PATH,
  chunkAtEpochs,
  privacyLab,
  privacyLabSchema,
  privacyParams,
  recordRun,
  runEpsilon,
  samplingRate,
  settingsProblems,
  stepsPerEpoch,
  type EpochRecord,
  type PrivacyLabValues,
} from './privacy-lab';
import { MNIST_SUBSET_PATH as OVERFIT_LAB_MNIST_PATH } from './overfit-lab';

describe('sizes and bookkeeping', () => {
  it('counts parameters as 784·h + h + h·10 + 10 (hand count)', () => {
    // 784·64 + 64 + 640 + 10 = 50,890
    expect(privacyParams(64, 1)).toBe(50_890);
    // 784·128 + 128 + 128·128 + 128 + 1,280 + 10 = 100,352 + 128 + 16,384 + 128 + 1,290 = 118,282
    expect(privacyParams(128, 2)).toBe(118_282);
  });

  it('makes an epoch round(trainSize / batch) steps: on average one pass under Poisson sampling', () => {
    expect(stepsPerEpoch(6000, 200)).toBe(30);
    expect(stepsPerEpoch(1000, 400)).toBe(3); // 2.5 rounds to 3 (half away from zero)
    expect(stepsPerEpoch(100, 400)).toBe(1);
    expect(samplingRate(200, 6000)).toBeCloseTo(1 / 30, 15);
    expect(chunkAtEpochs(5, 10, 7)).toEqual([2, 7, 1]);
    expect(chunkAtEpochs(0, 0, 3)).toEqual([]);
  });

  it('computes a run’s ε with the accountant, at q = batch / trainSize', () => {
    const s = { noise: 1, batch: 200, trainSize: 6000, delta: 1e-5 };
    expect(runEpsilon(s, 150)).toBe(dpSgdEpsilon({ q: 200 / 6000, sigma: 1, steps: 150, delta: 1e-5 }).epsilon);
    expect(runEpsilon(s, 0)).toBe(0);
    expect(runEpsilon({ ...s, noise: 0 }, 10)).toBe(Infinity);
  });

  it('refuses a batch larger than the training set, and a model over the caps, in both editions', () => {
    expect(settingsProblems({ batch: 200, trainSize: 6000, hidden: 64, layers: 1 })).toEqual([]);
    const p = settingsProblems({ batch: 400, trainSize: 100, hidden: 64, layers: 1 });
    expect(p).toHaveLength(1);
    expect(p[0]!.en).toContain('larger than the training set');
    expect(p[0]!.zh).toContain('比训练集');
  });
});

describe('the run book', () => {
  const settings = { noise: 1, clip: 1, batch: 50, trainSize: 1000, delta: 1e-5 };
  const rec = (epoch: number, accuracy: number): EpochRecord => ({ epoch, step: epoch * 20, accuracy, testLoss: 1 });

  it('starts a run at each new info object and keeps its row up to date from the latest epoch', () => {
    const infoA = {};
    let book = recordRun(EMPTY_RUN_BOOK, infoA, settings, null);
    expect(book.currentId).toBe(1);
    expect(book.rows).toEqual([]);
    book = recordRun(book, infoA, settings, rec(1, 0.5));
    expect(book.rows).toEqual([{ id: 1, ...settings, epoch: 1, steps: 20, epsilon: runEpsilon(settings, 20), accuracy: 0.5 }]);
    // The same frame again changes nothing: the same object comes back (a view may call it on every render).
    expect(recordRun(book, infoA, settings, rec(1, 0.5))).toBe(book);
    book = recordRun(book, infoA, settings, rec(2, 0.7));
    expect(book.rows).toHaveLength(1);
    expect(book.rows[0]).toMatchObject({ epoch: 2, accuracy: 0.7 });
    // A rebuild (new info) with more noise: a second row, with a smaller ε at the same step count.
    const noisy = { ...settings, noise: 4 };
    book = recordRun(book, {}, noisy, rec(2, 0.3));
    expect(book.rows.map((r) => r.id)).toEqual([1, 2]);
    expect(book.rows[1]!.epsilon).toBeLessThan(book.rows[0]!.epsilon);
  });

  it('keeps the latest MAX_RUNS runs', () => {
    let book = EMPTY_RUN_BOOK;
    for (let i = 0; i < MAX_RUNS + 3; i++) book = recordRun(book, {}, settings, rec(1, i / 20));
    expect(book.rows).toHaveLength(MAX_RUNS);
    expect(book.rows[0]!.id).toBe(4);
    expect(book.rows.at(-1)!.id).toBe(MAX_RUNS + 3);
  });
});

describe('the schema', () => {
  it('applies learning rate, momentum, the epoch target and δ live; the rest rebuild', () => {
    expect(liveKeys(privacyLabSchema).sort()).toEqual(['delta', 'epochs', 'lr', 'momentum']);
  });

  it('offers only rungs within each field’s bounds, with the contract’s fields and defaults', () => {
    for (const f of Object.values(privacyLabSchema) as Field[]) {
      if (f.type === 'number' && f.ladder) for (const r of f.ladder) expect([r, r >= f.min && r <= f.max]).toEqual([r, true]);
    }
    const d = schemaDefaults(privacyLabSchema);
    expect(d).toMatchObject({ noise: 1, clip: 1, batch: 200, epochs: 5, lr: 2, trainSize: 6000, delta: 1e-5, seed: 1, backend: 'auto' });
    // The default δ is far below 1 / 6,000.
    expect(d.delta).toBeLessThan(1 / d.trainSize);
    expect(privacyLab.id).toBe('privacyLab');
    expect(privacyLab.tag).toBe('PrivacyLab');
    expect(MNIST_SUBSET_PATH).toBe(OVERFIT_LAB_MNIST_PATH);
  });
});

const MNIST_FILE = fileURLToPath(new URL('../../public/data/mnist-subset.bin', import.meta.url));

describe.skipIf(!existsSync(MNIST_FILE))('the training task (tfjs CPU, the packed MNIST subset)', () => {
  const ORIGIN = 'http://book.test';
  let cache: Map<string, unknown>;
  beforeAll(async () => {
    await tf.setBackend('cpu');
    const bytes = readFileSync(MNIST_FILE);
    cache = new Map([[`${ORIGIN}${MNIST_SUBSET_PATH}`, parseMnistSubset(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength))]]);
  });
  const ctx = (): TaskContext => ({ tf: tf as unknown as TaskContext['tf'], backend: 'cpu', basePath: '', origin: ORIGIN, cache });
  // Small and quick: 500 digits in expected batches of 50 (10 steps an epoch), 32 hidden units, 2 epochs.
  const settings = (over: Partial<PrivacyLabValues> = {}): PrivacyLabValues => ({ ...schemaDefaults(privacyLabSchema), trainSize: 500, batch: 50, hidden: 32, epochs: 2, ...over });

  async function train(over: Partial<PrivacyLabValues>) {
    const run = await privacyLab.task!.build(ctx(), settings(over));
    await run.step(run.targetSteps!);
    const f = await run.frame();
    run.dispose();
    return f;
  }

  it('loses accuracy to noise: σ = 0 beats σ = 4 on the test digits (same seed), both above chance', async () => {
    const clean = await train({ noise: 0 });
    const noisy = await train({ noise: 4 });
    const a0 = clean.metrics.accuracy!;
    const a4 = noisy.metrics.accuracy!;
    expect(a0).toBeGreaterThan(a4);
    expect(a4).toBeGreaterThan(0.1);
    expect(a0).toBeGreaterThan(0.5);
    // No noise, no privacy; σ = 4 over 20 steps at q = 0.1 spends a small, finite ε.
    expect(clean.metrics.epsilon).toBe(Infinity);
    expect(noisy.metrics.epsilon).toBe(dpSgdEpsilon({ q: 0.1, sigma: 4, steps: 20, delta: 1e-5 }).epsilon);
    expect(noisy.metrics.epsilon!).toBeGreaterThan(0);
    expect(noisy.metrics.epsilon!).toBeLessThan(1);
  }, 60_000);

  it('measures at epoch boundaries, applies live settings without losing its place, and frees every tensor', async () => {
    const before = tf.memory().numTensors;
    const run = await privacyLab.task!.build(ctx(), settings({ noise: 1 }));
    expect(run.info).toMatchObject({ params: privacyParams(32, 1), stepsPerEpoch: 10, trainSize: 500, testSize: 1000, q: 0.1, noise: 1, clip: 1, batch: 50 });
    expect(run.targetSteps).toBe(20);
    await run.warmUp!();
    await run.step(4);
    let f = await run.frame();
    expect(f.extra!.history).toEqual([]);
    expect(f.metrics.accuracy).toBeNull();
    expect(f.metrics.epsilon).toBe(dpSgdEpsilon({ q: 0.1, sigma: 1, steps: 4, delta: 1e-5 }).epsilon);
    const during = tf.memory().numTensors;
    await run.step(8); // to step 12: epoch 1 ends at 10
    expect(tf.memory().numTensors).toBe(during);
    f = await run.frame();
    expect(f.metrics).toMatchObject({ epoch: 1, steps: 12 });
    expect(f.extra!.history).toHaveLength(1);
    expect(f.extra!.history[0]).toMatchObject({ epoch: 1, step: 10 });
    expect(f.metrics.accuracy).toBe(f.extra!.history[0]!.accuracy);
    // δ, learning rate and the epoch target apply live.
    run.tune!(settings({ noise: 1, delta: 1e-3, lr: 1, epochs: 3 }));
    expect(run.targetSteps).toBe(30);
    f = await run.frame();
    expect(f.metrics.delta).toBe(1e-3);
    expect(f.metrics.epsilon).toBe(dpSgdEpsilon({ q: 0.1, sigma: 1, steps: 12, delta: 1e-3 }).epsilon);
    expect(run.progress().step).toBe(12);
    // Poisson batches: the last one's size is near 50 (Binomial(500, 0.1): sd 6.7).
    expect(Math.abs(f.metrics.batchSize! - 50)).toBeLessThan(30);
    run.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);

  it('carries its epochs over in a snapshot, cut back to the snapshot’s step', async () => {
    const a = await privacyLab.task!.build(ctx(), settings());
    await a.step(12);
    const snap = await a.save!();
    a.dispose();
    expect(snap.step).toBe(12);
    const b = await privacyLab.task!.build(ctx(), settings());
    b.restore!(snap as Snapshot);
    expect(b.progress().step).toBe(12);
    expect((await b.frame()).extra!.history).toHaveLength(1);
    await b.step(8);
    expect((await b.frame()).extra!.history).toHaveLength(2);
    b.dispose();
  }, 60_000);

  it('refuses a batch larger than the training set with the reason', async () => {
    await expect(privacyLab.task!.build(ctx(), settings({ trainSize: 100, batch: 200 }))).rejects.toThrow(/larger than the training set/);
  });
});
