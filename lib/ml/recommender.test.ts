import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../random';
import {
  COLD_HELD_OUT,
  MIN_WARM_RATINGS,
  RATING_MAX,
  RATING_MIN,
  allocate,
  baselinePredict,
  baselineRmse,
  coldHeldOut,
  coldTrainCount,
  coldUserCount,
  createFactorModel,
  fitBaseline,
  generateRatings,
  meanPrecision,
  observedCells,
  precisionAt,
  ratingsProblems,
  rmse,
  rmseOn,
  topN,
  trainItemsByUser,
  userLists,
  userRow,
  type RatingSet,
  type RatingsOptions,
} from './recommender';
import type { Tf } from './train';

const DEFAULTS: RatingsOptions = { users: 200, items: 100, trueRank: 3, density: 0.2, noise: 0.5, seed: 1 };
const set = (cells: [number, number, number][]): RatingSet => ({
  user: Int32Array.from(cells, (c) => c[0]),
  item: Int32Array.from(cells, (c) => c[1]),
  rating: Float32Array.from(cells, (c) => c[2]),
});

describe('allocate', () => {
  it('splits a total in proportion to the weights, the remainder to the largest fractions (ties to the lower index)', () => {
    // ideal 2.5, 2.5, 5 → floors 2, 2, 5 (9); the 1 left goes to index 0 (fraction .5, tied with index 1)
    expect(allocate(10, [1, 1, 2], [10, 10, 10])).toEqual([3, 2, 5]);
    expect(allocate(0, [1, 2], [5, 5])).toEqual([0, 0]);
  });

  it('fixes a share that passes its cap at the cap and shares the rest again', () => {
    // ideal for the third: 10 · 8/10 = 8 ≥ cap 4 → 4; the other 6 split 1 : 1 → 3, 3
    expect(allocate(10, [1, 1, 8], [10, 10, 4])).toEqual([3, 3, 4]);
    const out = allocate(997, [5, 1, 1, 1, 0.5, 3], [100, 400, 400, 400, 400, 50]);
    expect(out.reduce((a, b) => a + b, 0)).toBe(997);
    expect(out[0]).toBe(100);
    expect(out[5]).toBe(50);
  });
});

describe('generateRatings', () => {
  it('is deterministic by seed, and another seed gives other data', () => {
    const a = generateRatings(DEFAULTS);
    const b = generateRatings(DEFAULTS);
    expect(b.train).toEqual(a.train);
    expect(b.test).toEqual(a.test);
    expect(b.truth).toEqual(a.truth);
    const c = generateRatings({ ...DEFAULTS, seed: 2 });
    expect(c.train.rating).not.toEqual(a.train.rating);
    expect(c.truth).not.toEqual(a.truth);
  });

  it.each([
    [200, 100, 0.2],
    [200, 100, 0.1],
    [50, 20, 0.5],
    [1000, 500, 0.05],
    [500, 200, 0.03],
  ])('observes exactly round(density × cells) cells (%i users × %i items at %f), each at most once', (users, items, density) => {
    const r = generateRatings({ ...DEFAULTS, users, items, density });
    const total = r.train.rating.length + r.test.rating.length;
    expect(total).toBe(observedCells(users, items, density));
    expect(r.density).toBeCloseTo(density, 3);
    const cells = new Set<number>();
    for (const s of [r.train, r.test]) for (let j = 0; j < s.user.length; j++) cells.add(s.user[j]! * items + s.item[j]!);
    expect(cells.size).toBe(total);
  });

  it('makes the last tenth of the users newcomers with 0, 1, 2 training ratings and their later ratings held out', () => {
    const r = generateRatings(DEFAULTS);
    expect(coldUserCount(200)).toBe(20);
    expect(r.coldUsers).toEqual(Array.from({ length: 20 }, (_, k) => 180 + k));
    const heldOut = new Int32Array(200);
    for (const u of r.test.user) heldOut[u]!++;
    r.coldUsers.forEach((u, k) => {
      expect(r.trainCount[u]).toBe(coldTrainCount(k));
      expect(heldOut[u]).toBe(COLD_HELD_OUT);
    });
    expect(r.coldUsers.map((u) => r.trainCount[u])).toEqual([0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1]);
    // Established users: at least 5 ratings, ⌊20 %⌋ of them held out, so at least 4 to learn from.
    for (let u = 0; u < 180; u++) {
      const n = r.trainCount[u]! + heldOut[u]!;
      expect(n).toBeGreaterThanOrEqual(MIN_WARM_RATINGS);
      expect(heldOut[u]).toBe(Math.floor(0.2 * n));
    }
  });

  it('rates on the 1–5 scale around the noise-free truth, and without noise rates the truth (clipped)', () => {
    const r = generateRatings({ ...DEFAULTS, noise: 0 });
    for (let j = 0; j < r.train.rating.length; j++) {
      const t = r.truth[r.train.user[j]! * 100 + r.train.item[j]!]!;
      expect(r.train.rating[j]).toBeCloseTo(Math.min(RATING_MAX, Math.max(RATING_MIN, t)), 5);
    }
    const noisy = generateRatings({ ...DEFAULTS, noise: 1 });
    for (const x of noisy.train.rating) expect(x >= RATING_MIN && x <= RATING_MAX).toBe(true);
    // The noise-free oracle's held-out RMSE is about the noise (a little less: clipping only ever moves a rating closer).
    const oracle = rmseOn(noisy.truth, 100, noisy.test);
    expect(oracle).toBeGreaterThan(0.8);
    expect(oracle).toBeLessThan(1.05);
  });

  it('refuses a density too low for the newcomers and established users, with the least that works', () => {
    // 20 newcomers: 7 with 0, 7 with 1, 6 with 2 training ratings (19) + 8 held out each (160) = 179;
    // 180 established users × 5 = 900; 1,079 of 20,000 cells → a density of at least 0.054. 0.05 gives 1,000.
    expect(coldHeldOut(100)).toBe(8);
    const p = ratingsProblems({ users: 200, items: 100, density: 0.05 });
    expect(p).toHaveLength(1);
    expect(p[0]!.en).toContain('1,000 ratings, too few');
    expect(p[0]!.en).toContain('at least 0.054');
    expect(p[0]!.zh).toContain('0.054');
    expect(ratingsProblems({ users: 200, items: 100, density: 0.054 })).toEqual([]);
    expect(() => generateRatings({ ...DEFAULTS, density: 0.05 })).toThrow(/too few/);
    expect(ratingsProblems({ users: 200, items: 100, density: 0 })[0]!.en).toMatch(/between 0 and 1/);
  });
});

describe('RMSE and the popularity baseline', () => {
  it('computes the RMSE by hand', () => {
    // errors −1, −2: √((1 + 4) / 2) = √2.5
    expect(rmse([1, 2], [2, 4])).toBeCloseTo(Math.sqrt(2.5), 12);
    expect(rmse([], [])).toBeNaN();
    expect(() => rmse([1], [1, 2])).toThrow();
  });

  it('fits the global mean and the shrunk item biases of a tiny matrix, and scores held-out ratings (hand-checked)', () => {
    // Training: user 0 rates item 0 a 4 and item 1 a 2; user 1 rates item 0 a 5. λ = 1.
    // mean = 11/3; b₀ = ((4 − 11/3) + (5 − 11/3)) / (1 + 2) = (5/3) / 3 = 5/9; b₁ = (2 − 11/3) / (1 + 1) = −5/6; b₂ = 0.
    const train = set([
      [0, 0, 4],
      [0, 1, 2],
      [1, 0, 5],
    ]);
    const b = fitBaseline(train, 3, 1);
    expect(b.mean).toBeCloseTo(11 / 3, 6);
    expect(b.itemBias[0]).toBeCloseTo(5 / 9, 6);
    expect(b.itemBias[1]).toBeCloseTo(-5 / 6, 6);
    expect(b.itemBias[2]).toBe(0);
    // Held out: user 1 rates item 1 a 3 (predicted 11/3 − 5/6 = 17/6, error −1/6); user 2 rates item 2 a 4
    // (predicted 11/3, error −1/3). RMSE = √((1/36 + 1/9) / 2) = √(5/72) ≈ 0.26352.
    const test = set([
      [1, 1, 3],
      [2, 2, 4],
    ]);
    expect(Array.from(baselinePredict(b, test))).toEqual([expect.closeTo(17 / 6, 6), expect.closeTo(11 / 3, 6)]);
    expect(baselineRmse(b, test)).toBeCloseTo(Math.sqrt(5 / 72), 6);
    // Only user 2's rating: |error| = 1/3.
    expect(baselineRmse(b, test, (u) => u === 2)).toBeCloseTo(1 / 3, 6);
    // The same numbers through a score matrix (3 users × 3 items, every row the baseline).
    const scores = Float32Array.from({ length: 9 }, (_, c) => b.mean + b.itemBias[c % 3]!);
    expect(rmseOn(scores, 3, test)).toBeCloseTo(Math.sqrt(5 / 72), 6);
    expect(rmseOn(scores, 3, test, () => false)).toBeNaN();
  });

  it('on the default data, sits between the noise and the spread of the ratings', () => {
    const r = generateRatings(DEFAULTS);
    const b = fitBaseline(r.train, r.items);
    const base = baselineRmse(b, r.test);
    const oracle = rmseOn(r.truth, r.items, r.test);
    // A constant (the training mean) explains less; the known tastes explain much more.
    const mean = Float64Array.from(r.test.rating, () => b.mean);
    expect(base).toBeLessThan(rmse(mean, r.test.rating));
    expect(oracle).toBeLessThan(base - 0.2);
  });
});

describe('top-N lists and precision@N', () => {
  it('ranks by score, best first, skipping excluded items; ties to the lower index, NaN last', () => {
    const s = [3, 1, 4, 1, 5, 9, 2, 6];
    expect(topN(s, 3)).toEqual([5, 7, 4]);
    expect(topN(s, 3, new Set([5]))).toEqual([7, 4, 2]);
    expect(topN([1, 1, 1], 2)).toEqual([0, 1]);
    expect(topN([NaN, 0, -1], 3)).toEqual([1, 2, 0]);
    expect(topN(s, 0)).toEqual([]);
    expect(topN([2, 1], 5)).toEqual([0, 1]);
  });

  it('agrees with a full sort on random scores', () => {
    const rng = createRng(3);
    const s = Array.from({ length: 300 }, () => Math.round(rng.uniform() * 50));
    const ex = new Set([1, 2, 3, 50]);
    const sorted = s
      .map((x, i) => ({ x, i }))
      .filter((e) => !ex.has(e.i))
      .sort((a, b) => b.x - a.x || a.i - b.i)
      .slice(0, 20)
      .map((e) => e.i);
    expect(topN(s, 20, ex)).toEqual(sorted);
  });

  it('counts the share of a list in the true top N', () => {
    expect(precisionAt([1, 2, 3], [3, 4, 5])).toBeCloseTo(1 / 3, 12);
    expect(precisionAt([4, 5], [5, 4])).toBe(1);
    expect(precisionAt([], [1])).toBeNaN();
  });

  it('compares a user’s lists among the items they have not rated, with the chance level N ÷ candidates', () => {
    // 6 items, the user rated items 0 and 5. Truth ranks 1, 2, 3, 4; the model 2, 4, 1, 3; popularity 4, 3, 2, 1.
    const l = userLists({
      truth: [9, 5, 4, 3, 2, 8],
      scores: [9, 3, 6, 1, 5, 9],
      popularity: [9, 1, 2, 3, 4, 9],
      rated: new Set([0, 5]),
      n: 2,
    });
    expect(l.truth).toEqual([1, 2]);
    expect(l.model).toEqual([2, 4]);
    expect(l.popular).toEqual([4, 3]);
    expect(l.precision).toBe(0.5);
    expect(l.popularPrecision).toBe(0);
    expect(l.candidates).toBe(4);
    expect(l.chance).toBe(0.5);
  });

  it('makes the known tastes a perfect recommender and the popularity list a poor one on the default data', () => {
    const r = generateRatings(DEFAULTS);
    const b = fitBaseline(r.train, r.items);
    const popularity = Array.from(b.itemBias, (x) => b.mean + x);
    const rated = trainItemsByUser(r);
    const warm = Array.from({ length: 180 }, (_, u) => u);
    const perfect = meanPrecision({ scores: r.truth, truth: r.truth, popularity, rated, items: r.items, users: warm, n: 5 });
    expect(perfect.model).toBe(1);
    expect(perfect.popular).toBeGreaterThan(0.05);
    expect(perfect.popular).toBeLessThan(0.5);
    expect(userRow(r.truth, r.items, 3)).toHaveLength(100);
    expect(userRow(r.truth, r.items, 3)[7]).toBe(r.truth[307]);
  });
});

describe('the factor model on tfjs’s CPU backend', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });
  const T = tf as unknown as Tf;

  it('beats the popularity baseline on held-out ratings, shrinks a newcomer without ratings to the biases, and leaks nothing', async () => {
    const before = tf.memory().numTensors;
    const r = generateRatings(DEFAULTS);
    const b = fitBaseline(r.train, r.items);
    const m = createFactorModel({ tf: T, users: r.users, items: r.items, train: r.train, rank: 5, learningRate: 0.01, l2: 2, batchSize: 128, seed: 1 });
    // ⌊3,145 training ratings ÷ 128⌋ = 24 steps an epoch
    expect(r.train.rating.length).toBe(3145);
    expect(m.stepsPerEpoch).toBe(24);
    await m.step(24);
    const during = tf.memory().numTensors;
    await m.step(24 * 2);
    await m.predictAll();
    expect(tf.memory().numTensors).toBe(during);
    await m.step(24 * 27);
    expect(tf.memory().numTensors).toBe(during);
    expect(m.progress().step).toBe(720);
    expect(m.progress().loss).toBeGreaterThan(0);
    const scores = await m.predictAll();
    const model = rmseOn(scores, r.items, r.test);
    const base = baselineRmse(b, r.test);
    expect(model).toBeLessThan(base - 0.1);
    // A newcomer with no training ratings: factors and bias shrunk to (nearly) 0, so the row is μ + b_item.
    const [P, , bu, bi] = await m.save();
    const u = r.coldUsers[0]!;
    expect(r.trainCount[u]).toBe(0);
    let norm = 0;
    for (let f = 0; f < 5; f++) norm += P![u * 5 + f]! ** 2;
    expect(Math.sqrt(norm)).toBeLessThan(0.01);
    expect(Math.abs(bu![u]!)).toBeLessThan(0.01);
    expect(scores[u * r.items + 7]).toBeCloseTo(m.mean + bi![7]!, 1);
    m.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);

  it('restores saved weights, applies a new learning rate and L2, and compiles its kernels without changing anything', async () => {
    const before = tf.memory().numTensors;
    const r = generateRatings({ ...DEFAULTS, users: 50, items: 20, density: 0.5 });
    const opts = { tf: T, users: r.users, items: r.items, train: r.train, rank: 3, learningRate: 0.01, l2: 1, batchSize: 64, seed: 4 };
    const a = createFactorModel(opts);
    const p0 = await a.predictAll();
    await a.warmUp();
    expect(a.progress().step).toBe(0);
    expect(await a.predictAll()).toEqual(p0);
    await a.step(5);
    a.tune({ learningRate: 0.003, l2: 5 });
    expect(() => a.tune({ learningRate: 0 })).toThrow(/learning rate/);
    await a.step(5);
    const saved = await a.save();
    const pa = await a.predictAll();
    const b = createFactorModel(opts);
    b.restore(saved, 10);
    expect(b.progress().step).toBe(10);
    expect(await b.predictAll()).toEqual(pa);
    a.dispose();
    b.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }, 30_000);

  it('stops with a reason when training diverges', async () => {
    const r = generateRatings({ ...DEFAULTS, users: 50, items: 20, density: 0.5 });
    const m = createFactorModel({ tf: T, users: r.users, items: r.items, train: r.train, rank: 3, learningRate: 1e6, l2: 0, batchSize: 64, seed: 1, readLossEvery: 1 });
    const p = await m.step(50);
    expect(p.diverged).not.toBeNull();
    expect(p.diverged!.message.en).toMatch(/diverged/);
    expect(p.diverged!.message.zh).toMatch(/发散/);
    m.dispose();
  }, 30_000);
});
