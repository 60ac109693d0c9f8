import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { MODEL_CAPS } from '../ml/caps';
import { parseMnistSubset } from '../ml/mnist';
import { countParams } from '../ml/models';
import { schemaDefaults, type Field } from '../state/schema';
import type { Snapshot, TaskContext } from '../training/task';
import { liveKeys } from './define';
import {
  HIDDEN_LADDER,
  MAX_TRAIN_SIZE,
  MNIST_SUBSET_PATH,
  READING,
  VAL_SIZE,
  appendEpoch,
  chunkAtEpochs,
  emptyHistory,
  epochOfStep,
  latestEpoch,
  overfitLab,
  overfitLabSchema,
  overfitParams,
  readStopping,
  splitRanges,
  stepsPerEpoch,
  stepsToEpochEnd,
  stoppingSentence,
  truncateHistory,
  type OverfitLabValues,
} from './overfit-lab';
import { MNIST_SUBSET_PATH as QUANT_LAB_MNIST_PATH } from './quant-lab';

describe('sizes', () => {
  it.each([
    // 784·h + h + h·10 + 10 (hand computation); two layers add h·h + h
    [16, 1, 12_730],
    [64, 1, 50_890],
    [256, 1, 203_530],
    [64, 2, 55_050],
    [256, 2, 269_322],
  ])('counts %i units × %i layers as %i parameters, as countParams does', (hidden, layers, expected) => {
    expect(overfitParams(hidden, layers)).toBe(expected);
    expect(countParams({ kind: 'mlp', inputDim: 784, hidden: Array(layers).fill(hidden), activation: 'relu', outputUnits: 10, outputActivation: 'softmax', seed: 1 })).toBe(expected);
  });

  it('keeps the hidden ladder and the default model within the caps', () => {
    expect(HIDDEN_LADDER.every((u) => u <= MODEL_CAPS.mlp.maxUnits)).toBe(true);
    expect(overfitLabSchema.hidden.max).toBe(MODEL_CAPS.mlp.maxUnits);
    const d = schemaDefaults(overfitLabSchema);
    expect(overfitParams(d.hidden, d.layers)).toBeLessThanOrEqual(MODEL_CAPS.maxParams);
    // The two-layer models over the cap are the ones the layers hint names (today 2 × 256: 269,322 > 250,000).
    const over = HIDDEN_LADDER.filter((u) => overfitParams(u, 2) > MODEL_CAPS.maxParams);
    for (const u of over) expect(overfitLabSchema.layers.hint.en).toContain(String(u));
    if (MODEL_CAPS.mlp.maxUnits === 256 && MODEL_CAPS.maxParams === 250_000) {
      expect(over).toEqual([256]);
      expect(overfitLabSchema.layers.hint.en).toBe('The cap is 250,000 parameters: two layers of 256 units exceed it.');
      expect(overfitLabSchema.layers.hint.zh).toBe('参数上限是 250,000：两层各 256 个神经元会超出。');
    }
  });

  it('takes validation from the end of the 6,000-digit pool, disjoint from every training set', () => {
    expect(splitRanges(250)).toEqual({ train: { start: 0, count: 250 }, val: { start: 5000, count: 1000 } });
    const max = splitRanges(MAX_TRAIN_SIZE);
    expect(max.train.start + max.train.count).toBe(max.val.start);
    expect(max.val.start + max.val.count).toBe(6000);
    expect(() => splitRanges(5001)).toThrow(/trainSize/);
    expect(() => splitRanges(0)).toThrow(/trainSize/);
  });

  it('shares the MNIST file (and so its cache key) with the Quantization Lab', () => {
    expect(MNIST_SUBSET_PATH).toBe(QUANT_LAB_MNIST_PATH);
  });
});

describe('epoch bookkeeping', () => {
  it.each([
    // ⌊n / batch⌋ full batches a pass (the trainer drops the last partial one): 250 / 32 = 7.8 → 7
    [250, 32, 7],
    [100, 32, 3],
    [500, 32, 15],
    [1000, 64, 15],
    [5000, 64, 78],
    // a batch larger than the data is clamped to it: one step a pass
    [50, 64, 1],
  ])('%i digits in batches of %i make %i steps an epoch', (n, batch, steps) => {
    expect(stepsPerEpoch(n, batch)).toBe(steps);
  });

  it('counts completed epochs and the steps left in the one under way', () => {
    expect(epochOfStep(0, 7)).toBe(0);
    expect(epochOfStep(6, 7)).toBe(0);
    expect(epochOfStep(7, 7)).toBe(1);
    expect(epochOfStep(20, 7)).toBe(2);
    expect(stepsToEpochEnd(0, 7)).toBe(7);
    expect(stepsToEpochEnd(5, 7)).toBe(2);
    expect(stepsToEpochEnd(14, 7)).toBe(7);
  });

  it('cuts a run of steps at every epoch boundary', () => {
    // from step 5 with 7 a pass: 2 to finish epoch 1, a whole epoch 2, then 1 into epoch 3
    expect(chunkAtEpochs(5, 10, 7)).toEqual([2, 7, 1]);
    expect(chunkAtEpochs(0, 5, 3)).toEqual([3, 2]);
    expect(chunkAtEpochs(3, 3, 3)).toEqual([3]);
    expect(chunkAtEpochs(0, 0, 3)).toEqual([]);
    expect(chunkAtEpochs(0, 4, 1)).toEqual([1, 1, 1, 1]);
  });

  it('keeps a history per epoch, cut back to the epochs a snapshot holds', () => {
    let h = emptyHistory();
    expect(latestEpoch(h)).toBeNull();
    h = appendEpoch(h, { trainLoss: 1.2, valLoss: 1.5, trainAccuracy: 0.6, valAccuracy: 0.5 });
    h = appendEpoch(h, { trainLoss: 0.5, valLoss: 0.9, trainAccuracy: 0.9, valAccuracy: 0.7 });
    const last = latestEpoch(h)!;
    expect(last.epoch).toBe(2);
    // gap = 0.9 − 0.5 = 0.4
    expect(last.gap).toBeCloseTo(0.4, 12);
    expect(truncateHistory(h, 1)).toEqual({ trainLoss: [1.2], valLoss: [1.5], trainAccuracy: [0.6], valAccuracy: [0.5] });
    expect(truncateHistory(h, 5)).toEqual(h);
  });
});

describe('readStopping', () => {
  // Epochs 1–7. Best 0.70 at epoch 3; epochs 4, 5, 6 are no lower; epoch 7 is (0.69).
  const val = [1.0, 0.8, 0.7, 0.72, 0.71, 0.75, 0.69];

  it('stops patience epochs after the last improvement and restores that epoch (hand replay of Keras)', () => {
    // wait = 1, 2, 3 at epochs 4, 5, 6: with patience 3 training stops after epoch 6 and restores epoch 3
    expect(readStopping(val, 3)).toEqual({ epochs: 7, bestEpoch: 3, bestValLoss: 0.7, stopEpoch: 6, sinceBest: 3, patience: 3, minDelta: 0 });
    // patience 1 stops at the first epoch that is no better: epoch 4
    expect(readStopping(val, 1)).toMatchObject({ bestEpoch: 3, stopEpoch: 4 });
  });

  it('does not stop while the patience lasts, and counts the epochs waited', () => {
    expect(readStopping(val.slice(0, 5), 4)).toMatchObject({ bestEpoch: 3, stopEpoch: null, sinceBest: 2 });
    // patience 5 outlasts the plateau: epoch 7 improves and becomes the best
    expect(readStopping(val, 5)).toMatchObject({ bestEpoch: 7, bestValLoss: 0.69, stopEpoch: null, sinceBest: 0 });
  });

  it('counts only improvements by more than min_delta', () => {
    // 0.8 + 0.05 < 1 improves (epoch 2); 0.79 + 0.05 and 0.785 + 0.05 are not below 0.8: wait 2 → stop after epoch 4
    expect(readStopping([1.0, 0.8, 0.79, 0.785], 2, 0.05)).toMatchObject({ bestEpoch: 2, bestValLoss: 0.8, stopEpoch: 4 });
    expect(readStopping([1.0, 0.8, 0.79, 0.785], 2, 0)).toMatchObject({ bestEpoch: 4, stopEpoch: null });
  });

  it('has nothing to say before the first epoch', () => {
    expect(readStopping([], 3)).toBeNull();
  });
});

describe('the reading in words', () => {
  const val = [1.0, 0.8, 0.7, 0.72, 0.71, 0.75, 0.69];

  it('says where early stopping stops and which weights it restores', () => {
    expect(stoppingSentence('en', readStopping(val, 3), 250)).toBe(
      'Validation loss has not improved for 3 epochs: early stopping would stop after epoch 6 and restore epoch 3’s weights (validation loss 0.700).',
    );
    expect(stoppingSentence('zh', readStopping(val, 3), 250)).toBe('验证损失已经连续 3 轮没有下降：早停会在第 6 轮结束后停下，并恢复第 3 轮的权重（验证损失 0.700）。');
  });

  it('says when it is still waiting, and when the loss is still falling', () => {
    expect(stoppingSentence('en', readStopping(val.slice(0, 4), 3), 250)).toBe(
      'Validation loss last improved at epoch 3 (0.700), 1 epoch ago; with a patience of 3, early stopping is still waiting.',
    );
    expect(stoppingSentence('zh', readStopping(val.slice(0, 4), 3), 250)).toBe('验证损失最近一次下降是在第 3 轮（0.700），之后已经 1 轮没有起色；耐心值是 3，早停还在等。');
    expect(stoppingSentence('en', readStopping(val.slice(0, 3), 3), 250)).toBe('Validation loss is still improving: its lowest so far is 0.700, at epoch 3.');
    expect(stoppingSentence('en', readStopping([1.0, 0.8, 0.79, 0.785], 2, 0.05), 250)).toContain('has not improved by more than 0.05 for 2 epochs');
  });

  it('says what will be measured before training, in both editions', () => {
    expect(stoppingSentence('en', null, 250)).toContain('all 250 training digits');
    expect(stoppingSentence('zh', null, 2500)).toContain('全部 2,500 张训练图片');
    expect(Object.keys(READING.zh).sort()).toEqual(Object.keys(READING.en).sort());
  });
});

describe('the schema', () => {
  it('applies learning rate, L2, the epoch target and the early-stopping settings live; the rest rebuild', () => {
    expect(liveKeys(overfitLabSchema).sort()).toEqual(['epochs', 'l2', 'lr', 'minDelta', 'patience']);
  });

  it('offers only rungs within each field’s bounds, and defaults of 500 digits, 256 units, 40 epochs, patience 3', () => {
    for (const f of Object.values(overfitLabSchema) as Field[]) {
      if (f.type === 'number' && f.ladder) for (const r of f.ladder) expect([r, r >= f.min && r <= f.max]).toEqual([r, true]);
    }
    expect(schemaDefaults(overfitLabSchema)).toMatchObject({ trainSize: 500, hidden: 256, layers: 1, dropout: 0, l2: 0, epochs: 40, patience: 3, minDelta: 0, batch: 32 });
    expect(overfitLab.id).toBe('overfitLab');
    expect(overfitLab.tag).toBe('OverfitLab');
  });
});

const MNIST_FILE = fileURLToPath(new URL('../../public/data/mnist-subset.bin', import.meta.url));

describe.skipIf(!existsSync(MNIST_FILE))('the training task (tfjs CPU, the packed MNIST subset)', () => {
  const ORIGIN = 'http://book.test';
  let cache: Map<string, unknown>;
  beforeAll(async () => {
    await tf.setBackend('cpu');
    const bytes = readFileSync(MNIST_FILE);
    // The task finds the subset in the session's cache under its URL, as a page where the Quantization Lab loaded it.
    cache = new Map([[`${ORIGIN}${MNIST_SUBSET_PATH}`, parseMnistSubset(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength))]]);
  });
  const ctx = (): TaskContext => ({ tf: tf as unknown as TaskContext['tf'], backend: 'cpu', basePath: '', origin: ORIGIN, cache });
  const settings = (over: Partial<OverfitLabValues> = {}): OverfitLabValues => ({ ...schemaDefaults(overfitLabSchema), trainSize: 100, hidden: 16, lr: 0.01, epochs: 4, ...over });

  it('measures both sets once per epoch, at epoch boundaries, and frees every tensor', async () => {
    const before = tf.memory().numTensors;
    const run = await overfitLab.task!.build(ctx(), settings());
    // 100 digits, batches of 32: 3 steps an epoch; 4 epochs = 12 steps
    expect(run.info).toEqual({ params: 12_730, stepsPerEpoch: 3, trainSize: 100, valSize: VAL_SIZE });
    expect(run.targetSteps).toBe(12);
    expect((await run.frame()).extra!.history.valLoss).toEqual([]);
    await run.step(2);
    expect((await run.frame()).extra!.history.valLoss).toHaveLength(0);
    await run.step(5); // steps 3 (epoch 1 ends) … 7 (epoch 2 ends at 6)
    const f = await run.frame();
    expect(run.progress().step).toBe(7);
    expect(f.metrics.epoch).toBe(2);
    const h = f.extra!.history;
    expect(h.valLoss).toHaveLength(2);
    // Ten classes: the loss starts near ln 10 ≈ 2.3 and falls; the 100 training digits are fitted faster than the 1,000 held out.
    expect(h.trainLoss[1]!).toBeLessThan(2.3);
    expect(h.trainLoss[1]!).toBeLessThan(h.valLoss[1]!);
    expect(f.metrics.valLoss).toBe(h.valLoss[1]);
    for (const a of [...h.trainAccuracy, ...h.valAccuracy]) expect(a >= 0 && a <= 1).toBe(true);
    // A frame measures nothing: the history is replaced only when an epoch is measured, so two frames share it.
    expect((await run.frame()).extra!.history).toBe(h);
    run.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }, 30_000);

  it('applies a new learning rate, L2 and epoch target without losing its place (with dropout, two layers, no leaks)', async () => {
    const before = tf.memory().numTensors;
    const run = await overfitLab.task!.build(ctx(), settings({ dropout: 0.2, layers: 2 }));
    // 784·16 + 16 + 16·16 + 16 + 16·10 + 10 = 12,544 + 16 + 256 + 16 + 160 + 10 = 13,002 (hand count)
    expect(run.info.params).toBe(13_002);
    await run.step(6);
    run.tune!(settings({ dropout: 0.2, layers: 2, lr: 0.001, l2: 0.001, epochs: 10 }));
    expect(run.progress().step).toBe(6);
    expect(run.targetSteps).toBe(30);
    await run.step(3);
    expect((await run.frame()).extra!.history.valLoss).toHaveLength(3);
    run.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }, 30_000);

  it('carries its epochs over in a snapshot, cut back to the snapshot’s step', async () => {
    const a = await overfitLab.task!.build(ctx(), settings());
    await a.step(7);
    const snap = await a.save!();
    a.dispose();
    expect(snap.step).toBe(7);
    const b = await overfitLab.task!.build(ctx(), settings());
    b.restore!(snap as Snapshot);
    expect(b.progress().step).toBe(7);
    expect((await b.frame()).extra!.history.valLoss).toHaveLength(2);
    await b.step(2); // to step 9: epoch 3 is measured
    expect((await b.frame()).extra!.history.valLoss).toHaveLength(3);
    b.dispose();
  }, 30_000);

  it('refuses a model over the parameter cap with the reason', async () => {
    await expect(overfitLab.task!.build(ctx(), settings({ hidden: 256, layers: 2 }))).rejects.toThrow(/250,000/);
  });
});
