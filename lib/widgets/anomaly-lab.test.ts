import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { countParams } from '../ml/models';
import { FEATURE_COUNT, FRAUD_KINDS } from '../ml/transactions';
import { schemaDefaults, type Field } from '../state/schema';
import type { TaskContext } from '../training/task';
import {
  STEPS_PER_EPOCH,
  TEST_SIZE,
  anomalyLab,
  anomalyLabSchema,
  autoencoderLayers,
  autoencoderParams,
  epochOfStep,
  readAnomaly,
  type AnomalyLabValues,
} from './anomaly-lab';
import { liveKeys } from './define';

describe('sizes and schema', () => {
  it('counts the autoencoder’s parameters by hand, as countParams does', () => {
    // 13·16 + 16 = 224; 16·2 + 2 = 34; 2·16 + 16 = 48; 16·13 + 13 = 221 → 527
    expect(autoencoderParams(2)).toBe(527);
    // the default, 3 wide: 224 + (16·3 + 3) + (3·16 + 16) + 221 = 224 + 51 + 64 + 221 = 560
    expect(autoencoderParams(3)).toBe(560);
    // 13 wide: 224 + (16·13 + 13) + (13·16 + 16) + 221 = 890
    expect(autoencoderParams(13)).toBe(890);
    for (const b of [1, 2, 3, 4, 8, 13]) {
      expect(autoencoderParams(b)).toBe(countParams({ kind: 'mlp', inputDim: FEATURE_COUNT, hidden: autoencoderLayers(b), activation: 'tanh', outputUnits: FEATURE_COUNT, outputActivation: 'linear', seed: 1 }));
    }
    // 3,000 training normals in batches of 64: ⌊46.875⌋ = 46 steps an epoch
    expect(STEPS_PER_EPOCH).toBe(46);
    expect(epochOfStep(45)).toBe(0);
    expect(epochOfStep(92)).toBe(2);
  });

  it('applies threshold, costs, learning rate and epochs live; data, model and seed rebuild', () => {
    expect(liveKeys(anomalyLabSchema).sort()).toEqual(['costFn', 'costFp', 'epochs', 'lr', 'threshold']);
    expect(schemaDefaults(anomalyLabSchema)).toMatchObject({ threshold: 0.98, costFn: 150, costFp: 5, fraudRate: 0.02, bottleneck: 3, lr: 0.01, epochs: 30, seed: 1, backend: 'auto' });
    for (const f of Object.values(anomalyLabSchema) as Field[]) {
      if (f.type === 'number' && f.ladder) for (const r of f.ladder) expect([r, r >= f.min && r <= f.max]).toEqual([r, true]);
    }
    expect(anomalyLab.id).toBe('anomalyLab');
    expect(anomalyLab.tag).toBe('AnomalyLab');
    expect(Object.keys(anomalyLab.strings.zh).sort()).toEqual(Object.keys(anomalyLab.strings.en).sort());
    expect(Object.keys(anomalyLab.strings.zh.kindNames).sort()).toEqual([...FRAUD_KINDS].sort());
  });
});

describe('readAnomaly (by hand)', () => {
  // Training normals' scores 0…9: the 0.8 quantile is at position 7.2 → 7.2.
  const trainSorted = Float32Array.from({ length: 10 }, (_, i) => i);
  // Held-out: normals 1, 3, 8; frauds 9 (impossibleTravel), 7.5 (amountMismatch), 2 (mimic).
  const scores = [1, 9, 3, 7.5, 8, 2];
  const labels = [0, 1, 0, 1, 0, 1];
  const kinds = [0, 1, 0, 2, 0, 5];

  it('sets the score threshold at the percentile of the training scores and reads the held-out mix there', () => {
    const r = readAnomaly(scores, trainSorted, labels, kinds, { threshold: 0.8, costFn: 100, costFp: 10 });
    expect(r.scoreThreshold).toBeCloseTo(7.2, 6);
    // ≥ 7.2 flags 9 (fraud), 7.5 (fraud), 8 (normal): TP 2, FP 1, FN 1 (the mimic), TN 2
    expect(r.report).toMatchObject({ tp: 2, fp: 1, fn: 1, tn: 2, flagRate: 0.5, chanceRecall: 0.5, costMissed: 100, costAlarms: 10, cost: 110 });
    expect(r.report.precision).toBeCloseTo(2 / 3, 12);
    expect(r.report.recall).toBeCloseTo(2 / 3, 12);
    expect(r.frauds).toBe(3);
    // pairs (fraud above normal): 9 beats 3 normals, 7.5 beats 1 and 3, 2 beats 1 → 6 of 9
    expect(r.auc).toBeCloseTo(6 / 9, 12);
    expect(r.byKind.map((k) => [k.kind, k.count, k.caught])).toEqual([
      ['impossibleTravel', 1, 1],
      ['amountMismatch', 1, 1],
      ['closedShop', 0, 0],
      ['bigTicket', 0, 0],
      ['mimic', 1, 0],
    ]);
    expect(r.byKind[4]!.auc).toBeCloseTo(1 / 3, 12);
    // sweep costs (FN 100, FP 10): none 300; ≥ 9: 200; ≥ 8: 210; ≥ 7.5: 110; ≥ 3: 120; ≥ 2: 20 (all 3 frauds, 2
    // normals); ≥ 1: 30 → ≥ 2 for 20
    expect(r.best.point.threshold).toBe(2);
    expect(r.best.cost).toBe(20);
  });
});

describe('the training task (tfjs CPU)', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });
  const ctx = (): TaskContext => ({ tf: tf as unknown as TaskContext['tf'], backend: 'cpu', basePath: '', origin: 'http://book.test', cache: new Map() });
  const settings = (over: Partial<AnomalyLabValues> = {}): AnomalyLabValues => ({ ...schemaDefaults(anomalyLabSchema), ...over });

  it('at the defaults (30 epochs) learns how normal features go together and clearly beats the distance baseline and the untrained network, with no tensor leaks', async () => {
    const before = tf.memory().numTensors;
    const run = await anomalyLab.task!.build(ctx(), settings());
    expect(run.info.params).toBe(560);
    expect(run.targetSteps).toBe(30 * 46);
    expect(run.info.labels).toHaveLength(TEST_SIZE);
    // 4,000 × 0.02 = 80 frauds: 24, 20, 16, 12, 8
    expect(run.info.fraudsByKind).toEqual([24, 20, 16, 12, 8]);
    const f0 = await run.frame();
    // The first step makes what lasts the run (Adam's moments, the epoch's shuffled copy of the data); after that,
    // steps and frames make no tensors that outlive them.
    await run.step(46 * 2);
    await run.frame();
    const during = tf.memory().numTensors;
    await run.step(46 * 3);
    expect(tf.memory().numTensors).toBe(during);
    const f5 = await run.frame();
    expect(tf.memory().numTensors).toBe(during);
    expect(f5.metrics.epoch).toBe(5);
    await run.step(30 * 46 - run.progress().step);
    const f = await run.frame();
    expect(tf.memory().numTensors).toBe(during);
    expect(f.metrics.epoch).toBe(30);
    // Training lowers the reconstruction error of the normal transactions it learns from.
    expect(f.metrics.loss!).toBeLessThan(f5.metrics.loss!);
    expect(f5.metrics.loss!).toBeLessThan(f0.metrics.loss!);
    const { scores, trainSorted } = f.extra!;
    expect(scores).toHaveLength(TEST_SIZE);
    expect(trainSorted).toHaveLength(3000);
    for (let i = 1; i < trainSorted.length; i++) expect(trainSorted[i]! >= trainSorted[i - 1]!).toBe(true);
    const v = { threshold: 0.98, costFn: 150, costFp: 5 };
    const r = readAnomaly(scores, trainSorted, run.info.labels, run.info.kinds, v);
    const base = readAnomaly(run.info.baselineScores, run.info.baselineTrainSorted, run.info.labels, run.info.kinds, v);
    expect(f.metrics.auc).toBeCloseTo(r.auc, 12);
    expect(base.auc).toBeCloseTo(run.info.baselineAuc, 12);
    // The margins the chapter quotes: AUC ≥ 0.9 against ≤ 0.75 with no model, and ≤ 0.8 for the untrained network
    // (whose outputs sit near the average transaction, so it ranks much as the distance does: f0's AUC is the same).
    expect(r.auc).toBeGreaterThanOrEqual(0.9);
    expect(run.info.baselineAuc).toBeLessThanOrEqual(0.75);
    expect(run.info.untrainedAuc).toBeLessThanOrEqual(0.8);
    expect(f0.metrics.auc).toBeCloseTo(run.info.untrainedAuc, 12);
    // At the default threshold: recall at least 1.5 × the baseline's at its own 98th percentile, and several × chance.
    expect(r.report.recall).toBeGreaterThanOrEqual(1.5 * base.report.recall);
    expect(r.report.recall).toBeGreaterThan(3 * r.report.chanceRecall);
    // Per kind: the three that break the correlations with every feature in range are what the model adds…
    for (const k of [0, 1, 2]) {
      expect(base.byKind[k]!.auc).toBeLessThan(0.85);
      expect(r.byKind[k]!.auc).toBeGreaterThan(0.95);
    }
    // …the extreme amount both catch…
    expect(base.byKind[3]!.auc).toBeGreaterThan(0.95);
    expect(r.byKind[3]!.auc).toBeGreaterThan(0.95);
    // …and the impersonating kind, drawn from the normal population, neither (within noise: 8 frauds).
    expect(r.byKind[4]!.auc).toBeLessThan(0.75);
    run.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }, 90_000);

  it('takes a new learning rate and epoch target live, and carries on from a snapshot', async () => {
    const before = tf.memory().numTensors;
    const a = await anomalyLab.task!.build(ctx(), settings({ epochs: 2 }));
    await a.step(50);
    a.tune!(settings({ epochs: 10, lr: 0.001, threshold: 0.95, costFn: 1000 }));
    expect(a.targetSteps).toBe(460);
    expect(a.progress().step).toBe(50);
    const snap = await a.save!();
    const fa = await a.frame();
    a.dispose();
    const b = await anomalyLab.task!.build(ctx(), settings({ epochs: 2 }));
    b.restore!(snap);
    expect(b.progress().step).toBe(50);
    const fb = await b.frame();
    // The same weights give the same scores.
    expect(Array.from(fb.extra!.scores.slice(0, 20))).toEqual(Array.from(fa.extra!.scores.slice(0, 20)));
    b.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);

  it('rebuilds the same data and model from the same seed, and a different mix from another fraud rate', async () => {
    const a = await anomalyLab.task!.build(ctx(), settings({ fraudRate: 0.05 }));
    // 4,000 × 0.05 = 200 frauds: 60, 50, 40, 30, 20
    expect(a.info.fraudsByKind).toEqual([60, 50, 40, 30, 20]);
    const fa = await a.frame();
    a.dispose();
    const b = await anomalyLab.task!.build(ctx(), settings({ fraudRate: 0.05 }));
    const fb = await b.frame();
    b.dispose();
    expect(fb.extra!.scores).toEqual(fa.extra!.scores);
  }, 30_000);
});
