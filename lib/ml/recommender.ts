/**
 * Recommendation on synthetic ratings whose truth is known: the data generator, the popularity baseline and the
 * measures the Recommender Lab reports (RMSE, top-N lists, precision@N). Pure and framework-free; the matrix
 * factorisation itself trains on tfjs in lib/widgets/recommender-lab.ts.
 *
 * The generator draws every user and item a latent taste vector of `trueRank` dimensions and a bias; the expected
 * (noise-free) rating of user u for item i is
 *
 *   truth(u, i) = μ + b_u + b_i + p_u · q_i,
 *
 * and an observed rating is truth + noise·ε (ε ~ N(0, 1)), clipped to the 1–5 scale. Which cells are observed is not
 * random uniform: more active users rate more, and more popular items (popularity correlates with the item's bias, as
 * it does in real catalogues) are rated more often. A tenth of the users are newcomers with 0, 1 or 2 ratings to learn
 * from (the cold start); their later ratings are held out, so the lab can measure what it predicts for them.
 */
import type { Scalar, Tensor, Variable } from '@tensorflow/tfjs-core';
import type { Bilingual } from '../i18n';
import { createRng, type Rng } from '../random';
import type { Divergence, Tf, TrainProgress } from './train';

/** The mean rating of the synthetic catalogue, on a 1–5 scale. */
export const RATING_MEAN = 3.5;
export const RATING_MIN = 1;
export const RATING_MAX = 5;
/** Standard deviations of the user and item biases, and of the taste term p_u · q_i. */
export const USER_BIAS_SD = 0.3;
export const ITEM_BIAS_SD = 0.5;
export const TASTE_SD = 0.8;
/** How strongly an item's popularity (its chance of being rated) grows with its latent popularity score. */
export const POPULARITY_SKEW = 0.8;
/** How strongly user activity (the number of ratings) varies between users (the sd of its logarithm). */
export const ACTIVITY_SKEW = 0.5;
/** Share of the users who are newcomers (cold start), at least one. */
export const COLD_SHARE = 0.1;
/** Training ratings of the newcomers, by turns: 0, 1, 2, 0, 1, 2, … */
export const COLD_COUNTS = [0, 1, 2] as const;
/** Held-out ratings of each newcomer (what they rate later, to measure the cold start against). */
export const COLD_HELD_OUT = 8;
/** Share of each established user's ratings held out (rounded down). */
export const TEST_SHARE = 0.2;
/** Ratings of an established user, at least. */
export const MIN_WARM_RATINGS = 5;

export interface RatingsOptions {
  users: number;
  items: number;
  /** Dimensions of the latent tastes. */
  trueRank: number;
  /** Share of the users × items cells that are observed (training + held out). */
  density: number;
  /** Standard deviation of the rating noise, in stars. */
  noise: number;
  seed: number;
}

/** Observed cells as parallel arrays. */
export interface RatingSet {
  user: Int32Array;
  item: Int32Array;
  rating: Float32Array;
}

export interface Ratings {
  users: number;
  items: number;
  trueRank: number;
  train: RatingSet;
  test: RatingSet;
  /** The noise-free expected rating of every user for every item, users × items, row-major (not clipped). */
  truth: Float32Array;
  /** Training ratings per user. */
  trainCount: Int32Array;
  /** The newcomers (users with at most 2 training ratings), in index order: the last users. */
  coldUsers: number[];
  /** Observed cells ÷ (users × items). */
  density: number;
}

const count = (n: number, lang: 'zh' | 'en') => n.toLocaleString({ zh: 'zh-CN', en: 'en-US' }[lang]);

/** Newcomers among `users` users: a tenth, at least one, and always fewer than all of them. */
export function coldUserCount(users: number): number {
  return Math.min(users - 1, Math.max(1, Math.round(COLD_SHARE * users)));
}

/** Held-out ratings per newcomer: COLD_HELD_OUT, or fewer in a catalogue too small for it. */
export function coldHeldOut(items: number): number {
  return Math.max(1, Math.min(COLD_HELD_OUT, items - COLD_COUNTS[COLD_COUNTS.length - 1]!));
}

/** Training ratings of newcomer number k (0-based among the newcomers). */
export function coldTrainCount(k: number): number {
  return COLD_COUNTS[k % COLD_COUNTS.length]!;
}

/** The number of observed cells the generator draws: round(density × users × items). */
export function observedCells(users: number, items: number, density: number): number {
  return Math.round(density * users * items);
}

/** Why these options cannot be generated (the observed cells do not fit the newcomers and established users), if so. */
export function ratingsProblems(o: Pick<RatingsOptions, 'users' | 'items' | 'density'>): Bilingual[] {
  const problems: Bilingual[] = [];
  if (!Number.isInteger(o.users) || o.users < 2) problems.push({ en: 'There must be at least 2 users.', zh: '至少要有 2 个用户。' });
  if (!Number.isInteger(o.items) || o.items < 10) problems.push({ en: 'There must be at least 10 items.', zh: '至少要有 10 个物品。' });
  if (!(o.density > 0 && o.density <= 1)) problems.push({ en: 'The density must be a share between 0 and 1.', zh: '密度必须是 0 到 1 之间的比例。' });
  if (problems.length) return problems;
  const cold = coldUserCount(o.users);
  const warm = o.users - cold;
  const held = coldHeldOut(o.items);
  let coldCells = 0;
  for (let k = 0; k < cold; k++) coldCells += coldTrainCount(k) + held;
  const total = observedCells(o.users, o.items, o.density);
  const least = coldCells + warm * MIN_WARM_RATINGS;
  const most = coldCells + warm * o.items;
  if (total < least) {
    const d = Math.ceil((least / (o.users * o.items)) * 1000) / 1000;
    problems.push({
      en: `A density of ${o.density} gives ${count(total, 'en')} ratings, too few: the ${count(cold, 'en')} newcomers take ${count(coldCells, 'en')} and each of the other ${count(warm, 'en')} users needs at least ${MIN_WARM_RATINGS}. Raise the density to at least ${d}, or use more items.`,
      zh: `密度 ${o.density} 只有 ${count(total, 'zh')} 条评分，不够：${count(cold, 'zh')} 个新用户要占 ${count(coldCells, 'zh')} 条，其余 ${count(warm, 'zh')} 个用户每人至少要 ${MIN_WARM_RATINGS} 条。请把密度提高到 ${d} 以上，或增加物品数。`,
    });
  } else if (total > most) {
    problems.push({
      en: `A density of ${o.density} asks for more ratings (${count(total, 'en')}) than the established users can give (${count(most - coldCells, 'en')}): lower it.`,
      zh: `密度 ${o.density} 要求的评分数（${count(total, 'zh')}）超过了老用户能给出的上限（${count(most - coldCells, 'zh')}）：请调低。`,
    });
  }
  return problems;
}

/**
 * Splits `total` into whole counts proportional to `weights`, none above its cap (water-filling: a count that would
 * pass its cap is fixed there and the rest is shared again; the remainder goes to the largest fractional parts, ties
 * to the lower index). The counts sum to `total` when the caps allow it.
 */
export function allocate(total: number, weights: readonly number[], caps: readonly number[]): number[] {
  const n = weights.length;
  const out = new Array<number>(n).fill(0);
  const fixed = new Array<boolean>(n).fill(false);
  let left = total;
  for (;;) {
    const free = [...Array(n).keys()].filter((i) => !fixed[i]);
    if (!free.length || left <= 0) break;
    const sum = free.reduce((s, i) => s + weights[i]!, 0);
    const over = free.filter((i) => (left * weights[i]!) / sum >= caps[i]!);
    if (over.length) {
      for (const i of over) {
        out[i] = caps[i]!;
        fixed[i] = true;
        left -= caps[i]!;
      }
      continue;
    }
    const ideal = free.map((i) => (left * weights[i]!) / sum);
    let given = 0;
    free.forEach((i, k) => {
      out[i] = Math.floor(ideal[k]!);
      given += out[i]!;
    });
    const order = free.map((i, k) => ({ i, r: ideal[k]! - out[i]! })).sort((a, b) => b.r - a.r || a.i - b.i);
    for (let k = 0; k < left - given; k++) out[order[k % order.length]!.i]!++;
    break;
  }
  return out;
}

/** k distinct indices drawn without replacement with probability ∝ weights (Efraimidis–Spirakis keys), ascending. */
export function weightedSample(rng: Rng, weights: readonly number[], k: number): number[] {
  const keys = weights.map((w, i) => {
    let u = rng.uniform();
    while (u === 0) u = rng.uniform();
    return { i, key: Math.log(u) / w };
  });
  keys.sort((a, b) => b.key - a.key || a.i - b.i);
  return keys
    .slice(0, k)
    .map((x) => x.i)
    .sort((a, b) => a - b);
}

const clip = (x: number) => Math.min(RATING_MAX, Math.max(RATING_MIN, x));

/** Draws the synthetic ratings; throws (with the reason) for options ratingsProblems refuses. */
export function generateRatings(o: RatingsOptions): Ratings {
  const problems = ratingsProblems(o);
  if (problems.length) throw new RangeError(problems.map((p) => p.en).join(' '));
  const { users, items, trueRank: k } = o;
  const rng = createRng(o.seed);
  // Latent tastes: factors N(0, σ²) with σ⁴·k = TASTE_SD², so that p·q has standard deviation TASTE_SD at any rank.
  const sd = Math.sqrt(TASTE_SD) / Math.pow(k, 0.25);
  const p = Float64Array.from({ length: users * k }, () => sd * rng.normal());
  const q = Float64Array.from({ length: items * k }, () => sd * rng.normal());
  const bu = Float64Array.from({ length: users }, () => USER_BIAS_SD * rng.normal());
  const bi = Float64Array.from({ length: items }, () => ITEM_BIAS_SD * rng.normal());
  const truth = new Float32Array(users * items);
  for (let u = 0; u < users; u++) {
    for (let i = 0; i < items; i++) {
      let dot = 0;
      for (let f = 0; f < k; f++) dot += p[u * k + f]! * q[i * k + f]!;
      truth[u * items + i] = RATING_MEAN + bu[u]! + bi[i]! + dot;
    }
  }
  // Popularity: half from the item's quality (its bias), half its own; activity: log-normal.
  const popularity = Array.from({ length: items }, (_, i) => Math.exp(POPULARITY_SKEW * (0.5 * (bi[i]! / ITEM_BIAS_SD) + Math.sqrt(0.75) * rng.normal())));
  const activity = Array.from({ length: users }, () => Math.exp(ACTIVITY_SKEW * rng.normal()));

  const cold = coldUserCount(users);
  const warm = users - cold;
  const held = coldHeldOut(items);
  let coldCells = 0;
  for (let c = 0; c < cold; c++) coldCells += coldTrainCount(c) + held;
  const total = observedCells(users, items, o.density);
  const extra = allocate(
    total - coldCells - warm * MIN_WARM_RATINGS,
    activity.slice(0, warm),
    Array.from({ length: warm }, () => items - MIN_WARM_RATINGS),
  );

  const train: { u: number; i: number; r: number }[] = [];
  const test: { u: number; i: number; r: number }[] = [];
  const trainCount = new Int32Array(users);
  for (let u = 0; u < users; u++) {
    const isCold = u >= warm;
    const nTrain = isCold ? coldTrainCount(u - warm) : 0;
    const n = isCold ? nTrain + held : MIN_WARM_RATINGS + extra[u]!;
    const rated = weightedSample(rng, popularity, n);
    // Which of them are held out, uniformly at random: all but a newcomer's first 0–2; a fifth of an established user's.
    const nTest = isCold ? held : Math.floor(TEST_SHARE * n);
    const heldOut = new Set(weightedSample(rng, rated.map(() => 1), nTest).map((j) => rated[j]!));
    for (const i of rated) {
      const r = clip(truth[u * items + i]! + o.noise * rng.normal());
      if (heldOut.has(i)) test.push({ u, i, r });
      else {
        train.push({ u, i, r });
        trainCount[u]!++;
      }
    }
  }
  const pack = (cells: { u: number; i: number; r: number }[]): RatingSet => ({
    user: Int32Array.from(cells, (c) => c.u),
    item: Int32Array.from(cells, (c) => c.i),
    rating: Float32Array.from(cells, (c) => c.r),
  });
  return {
    users,
    items,
    trueRank: k,
    train: pack(train),
    test: pack(test),
    truth,
    trainCount,
    coldUsers: Array.from({ length: cold }, (_, c) => warm + c),
    density: (train.length + test.length) / (users * items),
  };
}

// ─── Measures ────────────────────────────────────────────────────────────────────────────────────────────────────────

/** Root mean squared error between predictions and ratings; NaN for no ratings. */
export function rmse(predicted: ArrayLike<number>, actual: ArrayLike<number>): number {
  if (predicted.length !== actual.length) throw new Error(`rmse: ${predicted.length} predictions for ${actual.length} ratings`);
  if (actual.length === 0) return NaN;
  let s = 0;
  for (let j = 0; j < actual.length; j++) s += (predicted[j]! - actual[j]!) ** 2;
  return Math.sqrt(s / actual.length);
}

/** RMSE of a users × items score matrix on a set of rated cells, optionally only those of some users. */
export function rmseOn(scores: ArrayLike<number>, items: number, set: RatingSet, only?: (user: number) => boolean): number {
  let s = 0;
  let n = 0;
  for (let j = 0; j < set.rating.length; j++) {
    const u = set.user[j]!;
    if (only && !only(u)) continue;
    s += (scores[u * items + set.item[j]!]! - set.rating[j]!) ** 2;
    n++;
  }
  return n ? Math.sqrt(s / n) : NaN;
}

/** The popularity baseline: the global mean and a shrunk bias per item. */
export interface Baseline {
  mean: number;
  /** b_i = Σ (r − mean) ÷ (λ + n_i) over the item's training ratings: 0 for an item nobody rated. */
  itemBias: Float64Array;
}

/** Damping of the item biases: an item with n ratings keeps n ÷ (n + λ) of its mean deviation. */
export const BASELINE_REG = 5;

/** Fits the popularity baseline (global mean + regularised item bias) on training ratings. */
export function fitBaseline(train: RatingSet, items: number, reg = BASELINE_REG): Baseline {
  const n = train.rating.length;
  let sum = 0;
  for (let j = 0; j < n; j++) sum += train.rating[j]!;
  const mean = n ? sum / n : (RATING_MIN + RATING_MAX) / 2;
  const dev = new Float64Array(items);
  const cnt = new Float64Array(items);
  for (let j = 0; j < n; j++) {
    dev[train.item[j]!]! += train.rating[j]! - mean;
    cnt[train.item[j]!]!++;
  }
  const itemBias = dev.map((d, i) => d / (reg + cnt[i]!));
  return { mean, itemBias };
}

/** The baseline's prediction for every cell of a set (the user plays no part). */
export function baselinePredict(b: Baseline, set: RatingSet): Float64Array {
  return Float64Array.from(set.item, (i) => b.mean + b.itemBias[i]!);
}

/** The baseline's RMSE on a set of ratings, optionally only those of some users. */
export function baselineRmse(b: Baseline, set: RatingSet, only?: (user: number) => boolean): number {
  const keep = Array.from(set.user, (u) => !only || only(u));
  const pred = baselinePredict(b, set).filter((_, j) => keep[j]);
  const actual = set.rating.filter((_, j) => keep[j]);
  return rmse(pred, actual);
}

/**
 * The n highest-scoring indices of `scores`, best first (ties to the lower index, NaN last), skipping those in
 * `exclude`; fewer than n when fewer are left. A running insertion into the list kept: O(length × n), no full sort.
 */
export function topN(scores: ArrayLike<number>, n: number, exclude?: ReadonlySet<number>): number[] {
  const k = Math.max(0, Math.floor(n));
  const best: number[] = [];
  const v: number[] = [];
  if (k === 0) return best;
  for (let i = 0; i < scores.length; i++) {
    if (exclude?.has(i)) continue;
    const x = Number.isNaN(scores[i]!) ? -Infinity : scores[i]!;
    if (best.length === k && !(x > v[k - 1]!)) continue;
    let j = best.length;
    while (j > 0 && x > v[j - 1]!) j--;
    best.splice(j, 0, i);
    v.splice(j, 0, x);
    if (best.length > k) {
      best.pop();
      v.pop();
    }
  }
  return best;
}

/** Share of `recommended` that is in `relevant` (precision@N with N = the list's length); NaN for an empty list. */
export function precisionAt(recommended: readonly number[], relevant: readonly number[]): number {
  if (!recommended.length) return NaN;
  const r = new Set(relevant);
  return recommended.filter((i) => r.has(i)).length / recommended.length;
}

/** One user's row of a users × items matrix. */
export function userRow<T extends Float32Array | Float64Array>(matrix: T, items: number, user: number): T {
  return matrix.subarray(user * items, (user + 1) * items) as T;
}

/** The items each user rated in training (what a recommender does not recommend again). */
export function trainItemsByUser(r: Pick<Ratings, 'users' | 'train'>): Set<number>[] {
  const out = Array.from({ length: r.users }, () => new Set<number>());
  for (let j = 0; j < r.train.user.length; j++) out[r.train.user[j]!]!.add(r.train.item[j]!);
  return out;
}

/** A user's lists: the model's top-N, the true top-N by the known tastes, and the popularity list, among unrated items. */
export interface UserLists {
  model: number[];
  truth: number[];
  popular: number[];
  /** precision@N of the model's and the popularity list against the true top-N. */
  precision: number;
  popularPrecision: number;
  /** What a random list of N of the candidates would score, in expectation: N ÷ candidates. */
  chance: number;
  candidates: number;
}

/** Scores a user's recommendations against the truth, among the items they have not rated in training. */
export function userLists(o: { scores: ArrayLike<number>; truth: ArrayLike<number>; popularity: ArrayLike<number>; rated: ReadonlySet<number>; n: number }): UserLists {
  const candidates = o.truth.length - o.rated.size;
  const n = Math.min(o.n, candidates);
  const truth = topN(o.truth, n, o.rated);
  const model = topN(o.scores, n, o.rated);
  const popular = topN(o.popularity, n, o.rated);
  return { model, truth, popular, precision: precisionAt(model, truth), popularPrecision: precisionAt(popular, truth), chance: candidates ? n / candidates : NaN, candidates };
}

/** Mean precision@N over some users, of a score matrix and of the popularity list. */
export function meanPrecision(o: {
  scores: Float32Array;
  truth: Float32Array;
  popularity: ArrayLike<number>;
  rated: readonly ReadonlySet<number>[];
  items: number;
  users: readonly number[];
  n: number;
}): { model: number; popular: number } {
  if (!o.users.length) return { model: NaN, popular: NaN };
  let m = 0;
  let p = 0;
  for (const u of o.users) {
    const l = userLists({ scores: userRow(o.scores, o.items, u), truth: userRow(o.truth, o.items, u), popularity: o.popularity, rated: o.rated[u]!, n: o.n });
    m += l.precision;
    p += l.popularPrecision;
  }
  return { model: m / o.users.length, popular: p / o.users.length };
}

// ─── Matrix factorisation on tfjs ────────────────────────────────────────────────────────────────────────────────────

export interface FactorModelOptions {
  /** The tfjs-core module, injected (this file never imports tfjs). */
  tf: Tf;
  users: number;
  items: number;
  train: RatingSet;
  /** Latent dimensions of the model. */
  rank: number;
  /** Adam's step size. */
  learningRate: number;
  /** λ of the objective Σ (r − r̂)² + λ (‖P‖² + ‖Q‖² + ‖b_user‖² + ‖b_item‖²), over the training ratings. */
  l2: number;
  /** Ratings per step (clamped to the training ratings). */
  batchSize: number;
  /** Seeds the initial factors and the order of the ratings. */
  seed: number;
  /** Read the loss back every this many steps (and at step 1); default 5. */
  readLossEvery?: number;
}

/** The standard deviation of the initial factors: small, so that an untrained user or item starts near the biases. */
export const INIT_SD = 0.1;

export interface FactorModel {
  /** Takes n Adam steps (default 1): each gathers a batch of rated cells and updates the factors and biases. */
  step(n?: number): Promise<TrainProgress>;
  progress(): TrainProgress;
  /** Steps in one pass over the training ratings: ⌊ratings ÷ batch⌋ (a last partial batch is dropped). */
  stepsPerEpoch: number;
  /** The predicted rating of every user for every item (users × items, row-major), in one read-back. */
  predictAll(): Promise<Float32Array>;
  /** The mean of the training ratings: the model's μ, fixed. */
  mean: number;
  tune(t: { learningRate?: number; l2?: number }): void;
  /** Runs a step's kernels once on throwaway copies (compiles a GPU backend's shaders); changes nothing. */
  warmUp(): Promise<void>;
  /** P, Q, b_user, b_item, read back. */
  save(): Promise<Float32Array[]>;
  /** Loads what save() returned and carries on counting from `step`. */
  restore(weights: Float32Array[], step: number): void;
  dispose(): void;
}

/**
 * Matrix factorisation r̂(u, i) = μ + b_u + b_i + p_u · q_i trained with Adam on minibatches of the observed cells:
 * each step gathers the batch's rows of P and Q and its biases, and minimises the batch's mean squared error plus
 * (λ ÷ ratings) × the squared norm of every parameter (the objective above, divided by the number of ratings). The
 * penalty applies to every row at every step, so the factors of a user with no ratings shrink to zero and their
 * prediction becomes μ + b_i: the popularity baseline. The loss is read back every few steps, never per step.
 */
export function createFactorModel(o: FactorModelOptions): FactorModel {
  const { tf, users, items } = o;
  const n = o.train.rating.length;
  if (n === 0) throw new Error('createFactorModel: no training ratings');
  if (!(o.learningRate > 0)) throw new Error('createFactorModel: the learning rate must be positive');
  const k = Math.max(1, Math.floor(o.rank));
  const batch = Math.max(1, Math.min(n, Math.floor(o.batchSize)));
  const perEpoch = Math.max(1, Math.floor(n / batch));
  const readEvery = Math.max(1, Math.floor(o.readLossEvery ?? 5));
  let sum = 0;
  for (let j = 0; j < n; j++) sum += o.train.rating[j]!;
  const mean = sum / n;

  const rng = createRng(o.seed);
  const init = (rows: number) => Float32Array.from({ length: rows * k }, () => INIT_SD * rng.normal());
  // Made inside tidy, so the initial tensors go and only the variables (which keep their data) stay.
  const [P, Q, bu, bi] = tf.tidy(() => [
    tf.variable(tf.tensor2d(init(users), [users, k]), true),
    tf.variable(tf.tensor2d(init(items), [items, k]), true),
    tf.variable(tf.zeros([users]), true),
    tf.variable(tf.zeros([items]), true),
  ]) as [Variable, Variable, Variable, Variable];
  const vars = [P, Q, bu, bi];
  const uAll = tf.tensor1d(o.train.user, 'int32');
  const iAll = tf.tensor1d(o.train.item, 'int32');
  const rAll = tf.tensor1d(o.train.rating, 'float32');
  const muT = tf.scalar(mean);
  let l2 = Math.max(0, o.l2);
  const l2Var = tf.tidy(() => tf.variable(tf.scalar(l2 / n), false));
  let learningRate = o.learningRate;
  let optimizer = tf.train.adam(learningRate);

  const order = Int32Array.from({ length: n }, (_, j) => j);
  let epochU: Tensor | null = null;
  let epochI: Tensor | null = null;
  let epochR: Tensor | null = null;
  let batchInEpoch = perEpoch;
  let steps = 0;
  let lastLoss: number | null = null;
  let lossStep = 0;
  let firstLoss: number | null = null;
  let diverged: Divergence | null = null;
  let disposed = false;
  let queue: Promise<unknown> = Promise.resolve();

  const nextBatch = (): [Tensor, Tensor, Tensor] => {
    if (batchInEpoch >= perEpoch) {
      for (let j = n - 1; j > 0; j--) {
        const r = rng.int(j + 1);
        const t = order[j]!;
        order[j] = order[r]!;
        order[r] = t;
      }
      if (epochU) tf.dispose([epochU, epochI!, epochR!]);
      const [a, b, c] = tf.tidy(() => {
        const ix = tf.tensor1d(order, 'int32');
        return [tf.keep(tf.gather(uAll, ix)), tf.keep(tf.gather(iAll, ix)), tf.keep(tf.gather(rAll, ix))];
      });
      epochU = a!;
      epochI = b!;
      epochR = c!;
      batchInEpoch = 0;
    }
    const start = batchInEpoch++ * batch;
    return [tf.slice(epochU!, start, batch), tf.slice(epochI!, start, batch), tf.slice(epochR!, start, batch)];
  };

  /** The objective of a batch: its mean squared error plus the scaled L2 penalty on every parameter. */
  const objective = (pv: Tensor, qv: Tensor, buv: Tensor, biv: Tensor, ub: Tensor, ib: Tensor, rb: Tensor) => () => {
    // The batch's rows are picked by one-hot products rather than gathers: the gradient of a gather is a segment sum,
    // which tfjs's CPU backend computes with a loop of kernels per row (about 30 times slower here).
    const uh = tf.oneHot(ub, users, 1, 0, 'float32');
    const ih = tf.oneHot(ib, items, 1, 0, 'float32');
    const dot = tf.sum(tf.mul(tf.matMul(uh, pv), tf.matMul(ih, qv)), 1);
    const biases = tf.add(tf.matMul(uh, tf.reshape(buv, [users, 1])), tf.matMul(ih, tf.reshape(biv, [items, 1])));
    const pred = tf.add(tf.add(muT, dot), tf.reshape(biases, [-1]));
    const mse = tf.mean(tf.squaredDifference(pred, rb));
    const norms = tf.addN([tf.sum(tf.square(pv)), tf.sum(tf.square(qv)), tf.sum(tf.square(buv)), tf.sum(tf.square(biv))]);
    return tf.add(mse, tf.mul(l2Var, norms)) as Scalar;
  };

  const progress = (): TrainProgress => ({ step: steps, loss: lastLoss, lossStep, diverged });

  const run = async (count: number): Promise<TrainProgress> => {
    for (let s = 0; s < count && !diverged && !disposed; s++) {
      const cost = tf.tidy(() => {
        const [ub, ib, rb] = nextBatch();
        return optimizer.minimize(objective(P, Q, bu, bi, ub, ib, rb), true, vars) as Scalar;
      });
      steps++;
      if (steps === 1 || steps % readEvery === 0) {
        const value = (await cost.data())[0]!;
        cost.dispose();
        if (disposed) break;
        if (!Number.isFinite(value) || (firstLoss !== null && value > 20 * firstLoss)) {
          diverged = { reason: Number.isFinite(value) ? 'exploded' : 'nonFinite', step: steps, loss: value, message: divergedMessage(steps, value) };
          break;
        }
        lastLoss = value;
        lossStep = steps;
        if (firstLoss === null) firstLoss = value;
      } else {
        cost.dispose();
      }
    }
    return progress();
  };

  const warm = async () => {
    if (disposed) return;
    const shadow = tf.train.adam(learningRate);
    const copies = tf.tidy(() => vars.map((v) => tf.variable(v.clone(), true)));
    try {
      const cost = tf.tidy(() => {
        const ix = tf.range(0, batch, 1, 'int32');
        const f = objective(copies[0]!, copies[1]!, copies[2]!, copies[3]!, tf.gather(uAll, ix), tf.gather(iAll, ix), tf.gather(rAll, ix));
        const { value, grads } = tf.variableGrads(f, copies);
        shadow.applyGradients(Object.entries(grads).map(([name, tensor]) => ({ name, tensor })));
        const all = tf.add(tf.add(muT, tf.matMul(copies[0]!, copies[1]!, false, true)), tf.add(tf.reshape(copies[2]!, [users, 1]), tf.reshape(copies[3]!, [1, items])));
        return tf.add(value, tf.mul(0, tf.sum(all)));
      });
      await cost.data();
      cost.dispose();
    } finally {
      shadow.dispose();
      tf.dispose(copies);
    }
  };

  const enqueue = <T>(job: () => Promise<T>): Promise<T> => {
    const next = queue.then(job);
    queue = next.catch(() => undefined);
    return next;
  };

  return {
    step: (count = 1) => enqueue(() => run(Math.max(0, Math.floor(count)))),
    progress,
    stepsPerEpoch: perEpoch,
    mean,
    predictAll: () =>
      enqueue(async () => {
        const all = tf.tidy(() => tf.add(tf.add(muT, tf.matMul(P, Q, false, true)), tf.add(tf.reshape(bu, [users, 1]), tf.reshape(bi, [1, items]))));
        const values = (await all.data()) as Float32Array;
        all.dispose();
        return values;
      }),
    tune(t) {
      if (t.learningRate !== undefined && t.learningRate !== learningRate) {
        if (!(t.learningRate > 0) || !Number.isFinite(t.learningRate)) throw new Error('tune: the learning rate must be a positive number');
        learningRate = t.learningRate;
        (optimizer as unknown as { learningRate: number }).learningRate = learningRate;
      }
      if (t.l2 !== undefined && t.l2 !== l2) {
        l2 = Math.max(0, t.l2);
        tf.tidy(() => l2Var.assign(tf.scalar(l2 / n)));
      }
    },
    warmUp: () => enqueue(warm),
    save: () => enqueue(() => Promise.all(vars.map((v) => v.data() as Promise<Float32Array>))),
    restore(weights, step) {
      if (weights.length !== vars.length) throw new Error(`restore: ${weights.length} arrays for ${vars.length} weights`);
      tf.tidy(() => vars.forEach((v, j) => v.assign(tf.tensor(weights[j]!, v.shape))));
      // A fresh optimizer: its moments were on the lost device.
      optimizer.dispose();
      optimizer = tf.train.adam(learningRate);
      steps = Math.max(0, Math.floor(step));
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      optimizer.dispose();
      if (epochU) tf.dispose([epochU, epochI!, epochR!]);
      tf.dispose([...vars, uAll, iAll, rAll, muT, l2Var]);
    },
  };
}

const divergedMessage = (step: number, loss: number): Bilingual => ({
  en: `Training diverged at step ${step}: the loss became ${Number.isFinite(loss) ? loss.toPrecision(3) : loss}. Lower the learning rate and reset.`,
  zh: `训练在第 ${step} 步发散：损失变成了 ${Number.isFinite(loss) ? loss.toPrecision(3) : loss}。请降低学习率后重置。`,
});
