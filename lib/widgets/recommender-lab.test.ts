import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { baselineRmse, fitBaseline, generateRatings, meanPrecision, ratingsProblems, rmseOn, trainItemsByUser } from '../ml/recommender';
import { schemaDefaults, type Field } from '../state/schema';
import { TaskRefused, type TaskContext } from '../training/task';
import { liveKeys } from './define';
import { chunkAtEpochs, emptyHistory, recommenderLab, recommenderLabSchema, shownUser, truncateHistory, type RecommenderLabValues } from './recommender-lab';

describe('the schema', () => {
  it('applies learning rate, L2, the epoch target, the user shown and N live; the rest rebuild', () => {
    expect(liveKeys(recommenderLabSchema).sort()).toEqual(['epochs', 'l2', 'lr', 'topN', 'user']);
    expect(recommenderLab.id).toBe('recommenderLab');
    expect(recommenderLab.tag).toBe('RecommenderLab');
  });

  it('offers only rungs within bounds, and defaults of 200 users × 100 items at a density of 0.2 that the generator accepts', () => {
    for (const f of Object.values(recommenderLabSchema) as Field[]) {
      if (f.type === 'number' && f.ladder) for (const r of f.ladder) expect([r, r >= f.min && r <= f.max]).toEqual([r, true]);
    }
    const d = schemaDefaults(recommenderLabSchema);
    expect(d).toMatchObject({ users: 200, items: 100, trueRank: 3, density: 0.2, noise: 0.5, rank: 5, l2: 2, lr: 0.01, batch: 128, epochs: 30, user: 0, topN: 5 });
    expect(ratingsProblems(d)).toEqual([]);
    // Every density rung works for the default catalogue except those below 0.054 (see lib/ml/recommender.test.ts).
    for (const density of recommenderLabSchema.density.ladder) expect([density, ratingsProblems({ ...d, density }).length === 0]).toEqual([density, density >= 0.054]);
  });

  it('has the same strings in both editions', () => {
    expect(Object.keys(recommenderLab.strings.zh).sort()).toEqual(Object.keys(recommenderLab.strings.en).sort());
    expect(recommenderLab.strings.en.userRatings(1)).toBe('1 training rating');
    expect(recommenderLab.strings.en.userRatings(0)).toContain('newcomer');
    expect(recommenderLab.strings.zh.clampNote(250, 200)).toBe('没有用户 250：一共只有 200 个用户（0～199），这里显示最后一位。');
  });
});

describe('bookkeeping', () => {
  it('cuts a run of steps at every epoch boundary', () => {
    expect(chunkAtEpochs(5, 10, 7)).toEqual([2, 7, 1]);
    expect(chunkAtEpochs(0, 48, 24)).toEqual([24, 24]);
    expect(chunkAtEpochs(0, 0, 3)).toEqual([]);
  });

  it('keeps epoch 0 to the epochs a snapshot holds', () => {
    const h = { train: [1, 0.8, 0.6], heldOut: [1.1, 0.9, 0.85], coldStart: [1, 1, 0.95] };
    expect(truncateHistory(h, 1)).toEqual({ train: [1, 0.8], heldOut: [1.1, 0.9], coldStart: [1, 1] });
    expect(truncateHistory(h, 9)).toEqual(h);
    expect(truncateHistory(emptyHistory(), 0)).toEqual(emptyHistory());
  });

  it('shows the last user when the setting names one past the end', () => {
    expect(shownUser(17, 200)).toBe(17);
    expect(shownUser(250, 200)).toBe(199);
    expect(shownUser(-1, 200)).toBe(0);
  });
});

describe('the training task (tfjs CPU)', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });
  const ctx = (): TaskContext => ({ tf: tf as unknown as TaskContext['tf'], backend: 'cpu', basePath: '', origin: 'http://book.test', cache: new Map() });
  const settings = (over: Partial<RecommenderLabValues> = {}): RecommenderLabValues => ({ ...schemaDefaults(recommenderLabSchema), ...over });

  it('with the default settings, beats the popularity baseline on held-out RMSE and keeps its tensor count flat', async () => {
    const before = tf.memory().numTensors;
    const run = await recommenderLab.task!.build(ctx(), settings());
    const info = run.info;
    expect(info.users).toBe(200);
    expect(info.items).toBe(100);
    // 4,000 observed cells; ⌊3,145 training ratings ÷ 128⌋ = 24 steps an epoch; 30 epochs = 720 steps.
    expect(info.train.rating.length + info.test.rating.length).toBe(4000);
    expect(info.stepsPerEpoch).toBe(24);
    expect(run.targetSteps).toBe(720);
    // (200 + 100) × (5 factors + 1 bias) = 1,800 parameters
    expect(info.params).toBe(1800);
    // The baseline in the info is the one fitted on the training ratings.
    const data = generateRatings(settings());
    const b = fitBaseline(data.train, data.items);
    expect(info.baselineRmse).toBe(baselineRmse(b, data.test));
    expect(info.baselineColdRmse).toBe(baselineRmse(b, data.test, (u) => u >= 180));

    // Before training: epoch 0 measured, a copy of the predictions in every frame.
    const f0 = await run.frame();
    expect(f0.metrics.epoch).toBe(0);
    expect(f0.extra!.history.heldOut).toHaveLength(1);
    expect(f0.extra!.measuredEpoch).toBe(0);
    expect(f0.extra!.scores).toHaveLength(20000);
    const f0b = await run.frame();
    expect(f0b.extra!.scores).not.toBe(f0.extra!.scores);
    expect(f0b.extra!.scores).toEqual(f0.extra!.scores);

    await run.step(30); // epoch 1 ends at step 24 and is measured
    expect((await run.frame()).extra!.history.heldOut).toHaveLength(2);
    const during = tf.memory().numTensors;
    await run.step(24 * 3);
    await run.frame();
    expect(tf.memory().numTensors).toBe(during);
    await run.step(720 - run.progress().step);
    expect(tf.memory().numTensors).toBe(during);

    const f = await run.frame();
    expect(f.metrics.epoch).toBe(30);
    expect(f.extra!.measuredEpoch).toBe(30);
    const h = f.extra!.history;
    expect(h.heldOut).toHaveLength(31);
    const rmse = f.metrics.rmse!;
    expect(rmse).toBe(h.heldOut[30]);
    expect(f.metrics.baselineRmse).toBe(info.baselineRmse);
    expect(rmse).toBeLessThan(info.baselineRmse - 0.1);
    expect(rmse).toBeLessThan(h.heldOut[0]!);
    expect(f.metrics.trainRmse!).toBeLessThan(rmse);
    // Newcomers: far worse than the established users.
    expect(f.metrics.coldStartRmse!).toBeGreaterThan(rmse);
    expect(f.metrics.coldStartRmse).toBe(rmseOn(f.extra!.scores, 100, info.test, (u) => info.coldUsers.includes(u)));
    // The model's top 5 are better than the popularity list's, on average over the established users.
    const popularity = Array.from(info.baseline.itemBias, (x) => info.baseline.mean + x);
    const p = meanPrecision({ scores: f.extra!.scores, truth: info.truth, popularity, rated: trainItemsByUser(info), items: 100, users: Array.from({ length: 180 }, (_, u) => u), n: 5 });
    expect(p.model).toBeGreaterThan(p.popular + 0.15);

    run.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }, 90_000);

  it('applies learning rate, L2 and the epoch target live, and carries its epochs over in a snapshot', async () => {
    const before = tf.memory().numTensors;
    const small = settings({ users: 50, items: 20, density: 0.5, batch: 64 });
    const a = await recommenderLab.task!.build(ctx(), small);
    const per = a.info.stepsPerEpoch;
    await a.step(per * 2 + 1);
    a.tune!({ ...small, lr: 0.003, l2: 5, epochs: 10, user: 3, topN: 3 });
    expect(a.progress().step).toBe(per * 2 + 1);
    expect(a.targetSteps).toBe(10 * per);
    const snap = await a.save!();
    a.dispose();
    const b = await recommenderLab.task!.build(ctx(), small);
    const fresh = (await b.frame()).extra!.scores;
    b.restore!(snap);
    expect(b.progress().step).toBe(per * 2 + 1);
    const fb = await b.frame();
    expect(fb.extra!.history.heldOut).toHaveLength(3);
    expect(fb.metrics.epoch).toBe(2);
    // The lists follow the restored weights (read back before the frame).
    expect(fb.extra!.scores).not.toEqual(fresh);
    expect(fb.extra!.measuredEpoch).toBe(2);
    await b.step(per - 1);
    expect((await b.frame()).extra!.history.heldOut).toHaveLength(4);
    b.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);

  it('refuses a density too low for the catalogue, with the reason', async () => {
    const err = await recommenderLab.task!.build(ctx(), settings({ density: 0.05 })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TaskRefused);
    expect((err as TaskRefused).problems[0]!.en).toContain('too few');
  });
});
