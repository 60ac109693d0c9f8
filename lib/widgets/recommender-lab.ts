/**
 * RecommenderLab: matrix factorisation trained live on synthetic ratings whose tastes are known (lib/ml/recommender.ts
 * draws them), against the popularity baseline (global mean + a shrunk item bias, fitted on the training ratings).
 *
 * One epoch is ⌊training ratings ÷ batch⌋ Adam steps. At every epoch boundary (and once before training) the run
 * reads the whole predicted matrix back in one read-back and measures, in plain JavaScript, the RMSE on the training
 * ratings, on the held-out ratings and on the newcomers' held-out ratings (the cold start). Frames send the epochs
 * measured and a copy of the last predicted matrix; the view ranks the chosen user's unrated items from it, so choosing
 * another user or another N answers at once, without a request and without retraining. Learning rate, L2, the epoch
 * target, the user shown and N apply live; the rest rebuild the data and the model.
 */
import { bilingual } from '../i18n';
import type { Baseline, RatingSet } from '../ml/recommender';
import type { Schema, Values } from '../state/schema';
import { TaskRefused, type Snapshot, type TrainingTask } from '../training/task';
import { backendField, defineWidget, seedField } from './define';

export const RECOMMENDER_LAB_ID = 'recommenderLab';

export const USER_LADDER = [50, 100, 200, 500, 1000] as const;
export const ITEM_LADDER = [20, 50, 100, 200, 500] as const;
export const TRUE_RANK_LADDER = [1, 2, 3, 5, 8, 10] as const;
export const RANK_LADDER = [1, 2, 3, 5, 8, 10, 20, 32] as const;
export const DENSITY_LADDER = [0.05, 0.1, 0.15, 0.2, 0.3, 0.5] as const;
export const L2_LADDER = [0, 0.5, 1, 2, 5, 10, 20] as const;
export const LEARNING_RATES = [0.001, 0.003, 0.01, 0.03, 0.1] as const;
export const BATCH_LADDER = [32, 64, 128, 256, 512] as const;
export const EPOCH_LADDER = [5, 10, 20, 30, 50, 100, 200] as const;
export const TOP_N_LADDER = [3, 5, 10, 20] as const;

export const recommenderLabSchema = {
  users: {
    type: 'number',
    default: 200,
    min: 20,
    max: 1000,
    integer: true,
    ladder: USER_LADDER,
    group: 'data',
    label: { zh: '用户数', en: 'Users' },
    hint: { zh: '编号最后的十分之一是新用户：只有 0、1 或 2 条评分可学，其余评分留作测试。', en: 'The last tenth of the users are newcomers: 0, 1 or 2 ratings to learn from, their later ratings held out.' },
  },
  items: { type: 'number', default: 100, min: 20, max: 500, integer: true, ladder: ITEM_LADDER, group: 'data', label: { zh: '物品数', en: 'Items' } },
  trueRank: {
    type: 'number',
    default: 3,
    min: 1,
    max: 10,
    integer: true,
    ladder: TRUE_RANK_LADDER,
    control: 'select',
    group: 'data',
    label: { zh: '真实口味的维数', en: 'Dimensions of the true tastes' },
    hint: { zh: '生成数据时每个用户、每个物品的隐藏口味向量有几维。真实业务里没人知道这个数。', en: 'How many dimensions the hidden taste vectors of users and items have. In real data nobody knows this number.' },
  },
  density: {
    type: 'number',
    default: 0.2,
    min: 0.01,
    max: 0.5,
    ladder: DENSITY_LADDER,
    digits: 2,
    group: 'data',
    label: { zh: '密度（已观测的格子占比）', en: 'Density (share of cells rated)' },
    hint: { zh: '用户 × 物品表格里有评分的比例，包括留作测试的那部分；真实的电商和影视数据往往不到 1%。', en: 'The share of the users × items table that holds a rating, held-out ratings included; real shops and streaming catalogues are often below 1 %.' },
  },
  noise: {
    type: 'number',
    default: 0.5,
    min: 0,
    max: 1.5,
    step: 0.1,
    digits: 1,
    group: 'data',
    label: { zh: '评分噪声（标准差，星）', en: 'Rating noise (sd, stars)' },
    unit: { zh: '星', en: 'stars' },
    hint: { zh: '同一个人对同一件东西，今天和明天打分也会不同。任何模型的 RMSE 都降不到这个数以下。', en: 'The same person rates the same thing differently on different days. No model’s RMSE can go below this.' },
  },
  rank: {
    type: 'number',
    default: 5,
    min: 1,
    max: 32,
    integer: true,
    ladder: RANK_LADDER,
    control: 'select',
    group: 'model',
    label: { zh: '模型的秩（隐因子数）', en: 'Model rank (latent factors)' },
  },
  l2: {
    type: 'number',
    default: 2,
    min: 0,
    max: 100,
    ladder: L2_LADDER,
    control: 'select',
    live: true,
    group: 'model',
    label: { zh: 'L2 正则化 λ', en: 'L2 penalty λ' },
    hint: {
      zh: '目标是 Σ(r − r̂)² + λ(‖P‖² + ‖Q‖² + ‖b‖²)：λ 越大，因子越往 0 收缩。训练中改动立即生效。',
      en: 'The objective is Σ(r − r̂)² + λ(‖P‖² + ‖Q‖² + ‖b‖²): a larger λ shrinks the factors towards 0. Applies at once, mid-run.',
    },
  },
  lr: { type: 'number', default: 0.01, min: 0.0001, max: 0.3, ladder: LEARNING_RATES, control: 'select', live: true, group: 'training', label: { zh: '学习率（Adam）', en: 'Learning rate (Adam)' } },
  batch: { type: 'number', default: 128, min: 16, max: 1024, integer: true, ladder: BATCH_LADDER, control: 'select', group: 'training', label: { zh: '每步的评分数（批大小）', en: 'Ratings per step (batch)' } },
  epochs: { type: 'number', default: 30, min: 1, max: 500, integer: true, ladder: EPOCH_LADDER, live: true, group: 'training', label: { zh: '训练轮数', en: 'Epochs to train' } },
  user: {
    type: 'number',
    default: 0,
    min: 0,
    max: 999,
    integer: true,
    control: 'number',
    live: true,
    group: 'show',
    label: { zh: '查看哪位用户（编号）', en: 'User shown (number)' },
    hint: { zh: '从 0 到用户数 − 1；编号最后的十分之一是新用户。', en: 'From 0 to the number of users − 1; the last tenth are newcomers.' },
  },
  topN: { type: 'number', default: 5, min: 1, max: 20, integer: true, ladder: TOP_N_LADDER, control: 'select', live: true, group: 'show', label: { zh: '推荐几个（N）', en: 'Recommendations shown (N)' } },
  seed: seedField('training'),
  backend: backendField('training'),
} satisfies Schema;

export type RecommenderLabValues = Values<typeof recommenderLabSchema>;

// ─── Epoch bookkeeping and the measured history ──────────────────────────────────────────────────────────────────────

/** Splits `n` steps taken from `step` into chunks that end at epoch boundaries (or at the n-th step), in order. */
export function chunkAtEpochs(step: number, n: number, perEpoch: number): number[] {
  const chunks: number[] = [];
  let at = step;
  let left = Math.max(0, Math.floor(n));
  while (left > 0) {
    const k = Math.min(left, perEpoch - (at % perEpoch));
    chunks.push(k);
    at += k;
    left -= k;
  }
  return chunks;
}

/** RMSEs measured before training (index 0) and after each epoch (index e). */
export interface RmseHistory {
  train: number[];
  heldOut: number[];
  coldStart: number[];
}

export const emptyHistory = (): RmseHistory => ({ train: [], heldOut: [], coldStart: [] });

/** The first `epochs` + 1 measurements (epoch 0 to `epochs`). */
export function truncateHistory(h: RmseHistory, epochs: number): RmseHistory {
  const k = Math.max(0, Math.floor(epochs)) + 1;
  return { train: h.train.slice(0, k), heldOut: h.heldOut.slice(0, k), coldStart: h.coldStart.slice(0, k) };
}

/** The user shown: the setting, or the last user when the setting names one past the end. */
export function shownUser(user: number, users: number): number {
  return Math.max(0, Math.min(users - 1, Math.floor(user)));
}

// ─── The training task ───────────────────────────────────────────────────────────────────────────────────────────────

export interface RecommenderLabInfo {
  users: number;
  items: number;
  train: RatingSet;
  test: RatingSet;
  /** The noise-free expected ratings, users × items. */
  truth: Float32Array;
  trainCount: Int32Array;
  coldUsers: number[];
  baseline: Baseline;
  /** The baseline's RMSE on the held-out ratings, on the training ratings, and on the newcomers' held-out ratings. */
  baselineRmse: number;
  baselineTrainRmse: number;
  baselineColdRmse: number;
  density: number;
  stepsPerEpoch: number;
  /** Parameters of the model: (users + items) × (rank + 1). */
  params: number;
}

export interface RecommenderLabExtra {
  history: RmseHistory;
  /** The predicted ratings (users × items) at the last measured epoch, a copy per frame. */
  scores: Float32Array;
  /** The epoch those predictions are from. */
  measuredEpoch: number;
}

type HistorySnapshot = Snapshot & { history?: RmseHistory };

const task: TrainingTask<RecommenderLabValues, RecommenderLabInfo, RecommenderLabExtra> = {
  async build({ tf }, s) {
    const [, rec] = await Promise.all([import('@tensorflow/tfjs-core/dist/register_all_gradients'), import('../ml/recommender')]);
    const problems = rec.ratingsProblems(s);
    if (problems.length) throw new TaskRefused(problems);
    const data = rec.generateRatings(s);
    const baseline = rec.fitBaseline(data.train, data.items);
    const cold = new Set(data.coldUsers);
    const isCold = (u: number) => cold.has(u);
    const model = rec.createFactorModel({ tf, users: data.users, items: data.items, train: data.train, rank: s.rank, learningRate: s.lr, l2: s.l2, batchSize: s.batch, seed: s.seed });
    const perEpoch = model.stepsPerEpoch;
    let history = emptyHistory();
    let scores: Float32Array = new Float32Array(data.users * data.items);
    let measuredEpoch = -1;
    /** A read-back of the predictions under way after a restore. */
    let refreshing: Promise<void> | null = null;

    /** Reads the predicted matrix back once and measures the three RMSEs on it. */
    const measure = async (epoch: number) => {
      scores = await model.predictAll();
      measuredEpoch = epoch;
      const h = truncateHistory(history, epoch - 1);
      history = {
        train: [...h.train, rec.rmseOn(scores, data.items, data.train)],
        heldOut: [...h.heldOut, rec.rmseOn(scores, data.items, data.test)],
        coldStart: [...h.coldStart, rec.rmseOn(scores, data.items, data.test, isCold)],
      };
    };
    await measure(0);

    const run = {
      info: {
        users: data.users,
        items: data.items,
        train: data.train,
        test: data.test,
        truth: data.truth,
        trainCount: data.trainCount,
        coldUsers: data.coldUsers,
        baseline,
        baselineRmse: rec.baselineRmse(baseline, data.test),
        baselineTrainRmse: rec.baselineRmse(baseline, data.train),
        baselineColdRmse: rec.baselineRmse(baseline, data.test, isCold),
        density: data.density,
        stepsPerEpoch: perEpoch,
        params: (data.users + data.items) * (Math.floor(s.rank) + 1),
      } satisfies RecommenderLabInfo,
      targetSteps: s.epochs * perEpoch,
      async step(n: number) {
        if (refreshing) await refreshing;
        for (const k of chunkAtEpochs(model.progress().step, n, perEpoch)) {
          const p = await model.step(k);
          if (p.diverged) break;
          if (p.step % perEpoch === 0) await measure(p.step / perEpoch);
        }
        return model.progress();
      },
      warmUp: () => model.warmUp(),
      progress: () => model.progress(),
      async frame() {
        if (refreshing) await refreshing;
        const last = history.heldOut.length - 1;
        return {
          metrics: {
            epoch: Math.floor(model.progress().step / perEpoch),
            rmse: history.heldOut[last] ?? null,
            trainRmse: history.train[last] ?? null,
            coldStartRmse: history.coldStart[last] ?? null,
            baselineRmse: run.info.baselineRmse,
          },
          extra: { history, scores: scores.slice(), measuredEpoch },
        };
      },
      tune(next: RecommenderLabValues) {
        model.tune({ learningRate: next.lr, l2: next.l2 });
        run.targetSteps = next.epochs * perEpoch;
      },
      async save(): Promise<Snapshot> {
        const step = model.progress().step;
        const kept = history;
        const snap: HistorySnapshot = { step, weights: await model.save() };
        snap.history = truncateHistory(kept, Math.floor(step / perEpoch));
        return snap;
      },
      restore(snapshot: Snapshot) {
        model.restore(snapshot.weights, snapshot.step);
        history = truncateHistory((snapshot as HistorySnapshot).history ?? emptyHistory(), Math.floor(snapshot.step / perEpoch));
        // The lists follow the restored weights: read back before the next step or frame.
        refreshing = model.predictAll().then((x) => {
          scores = x;
          measuredEpoch = Math.floor(snapshot.step / perEpoch);
          refreshing = null;
        });
      },
      dispose() {
        model.dispose();
      },
    };
    return run;
  },
};

// ─── Strings ─────────────────────────────────────────────────────────────────────────────────────────────────────────

export const recommenderLab = defineWidget({
  id: RECOMMENDER_LAB_ID,
  tag: 'RecommenderLab',
  title: { zh: '推荐系统实验室：矩阵分解对比热门榜', en: 'Recommender lab: matrix factorisation against the popularity list' },
  schema: recommenderLabSchema,
  groups: [
    { id: 'show', label: { zh: '查看', en: 'Show' }, open: true },
    { id: 'data', label: { zh: '数据', en: 'Data' }, open: true },
    { id: 'model', label: { zh: '模型', en: 'Model' } },
    { id: 'training', label: { zh: '训练设置', en: 'Training settings' } },
  ],
  strings: bilingual({
    zh: {
      intro: (users: string, items: string, ratings: string, density: string) =>
        `${users} 个用户、${items} 个物品，其中 ${density} 的格子有评分（共 ${ratings} 条）。每个用户和物品都有一组隐藏的“口味”，所以真正的最爱是已知的。矩阵分解从训练评分里学出用户和物品的因子，在留出的评分上和“热门榜”基线比误差，再看它给某个用户推荐的前 N 个里有几个真是他的前 N。`,
      train: '开始训练',
      stepEpoch: '再训练一轮',
      epoch: '轮次',
      model: '矩阵分解',
      baseline: '热门榜基线',
      heldOut: '留出评分',
      trainSet: '训练评分',
      coldStart: '新用户（冷启动）',
      rmseHead: 'RMSE（星）',
      better: (x: string) => `比基线低 ${x}`,
      worse: (x: string) => `比基线高 ${x}`,
      baselineNote: '热门榜基线 = 全体均值 + 每个物品的偏置（按评分数收缩），只用训练评分拟合；它给每个人的预测都一样。',
      chartCaption: '每轮结束时的 RMSE：训练评分、留出评分；横线是热门榜基线在留出评分上的 RMSE',
      chartCaptionShort: '每轮的训练 RMSE、留出 RMSE 与基线',
      seeTable: '以表格查看',
      trainRmse: '训练 RMSE',
      heldOutRmse: '留出 RMSE',
      coldRmse: '新用户 RMSE',
      baselineRmse: '基线 RMSE',
      baselineLine: (x: string) => `基线 ${x}`,
      noCurve: '按“开始训练”，每跑完一轮，这里就多一个点（第 0 轮是训练前）。',
      userTitle: (u: number) => `用户 ${u}`,
      userRatings: (n: number) => (n === 0 ? '没有任何训练评分（新用户）' : `有 ${n} 条训练评分`),
      newcomer: '新用户',
      rated: '已打分：',
      ratedItem: (item: number, r: string) => `#${item}（${r} 星）`,
      sep: '、',
      listHead: (n: number) => `前 ${n} 名推荐（只在他没打过分的物品里选）`,
      rankCol: '名次',
      modelCol: '模型推荐',
      popularCol: '热门榜',
      truthCol: '真实最爱',
      hit: '命中真实前 N',
      item: (i: number) => `#${i}`,
      scoresNote: '小字是评分（星）：模型的预测、基线的预测、按真实口味的期望评分。✓ = 在真实前 N 里。',
      precision: (n: number) => `精确率@${n}`,
      precisionLine: (n: number, hits: number, chance: string) => `模型的前 ${n} 个里有 ${hits} 个是真实前 ${n}；随机挑 ${n} 个，平均只能命中 ${chance}。`,
      meanPrecision: (n: number) => `全部老用户的平均精确率@${n}`,
      pickHead: '换一位用户',
      pickWarm: '一位老用户',
      pickCold: (k: number) => `新用户：${k} 条评分`,
      coldTitle: '冷启动：几乎没有评分的新用户',
      coldHead: '训练评分数',
      coldUsers: '人数',
      coldText:
        '没有评分的新用户，对模型来说是一张白纸：L2 把他的因子和偏置都压到 0，预测只剩“全体均值 + 物品偏置”，推荐列表基本就是热门榜。有 1～2 条评分后，模型能挪一挪他的偏置、开始猜他的口味，但证据少得可怜；上表就是这一两条评分换来的改进。真实系统靠注册时问偏好、利用物品本身的内容特征，或者先推热门，来度过这段时间。',
      clampNote: (asked: number, users: number) => `没有用户 ${asked}：一共只有 ${users} 个用户（0～${users - 1}），这里显示最后一位。`,
      params: '模型参数',
      steps: (k: number) => `一轮 = ${k} 步（每步一批评分）`,
      ratingsLine: (train: string, test: string) => `训练评分 ${train} 条，留出评分 ${test} 条`,
      lossNote: '损失 = 这一批评分的均方误差 + L2 惩罚项。',
    },
    en: {
      intro: (users: string, items: string, ratings: string, density: string) =>
        `${users} users and ${items} items, with ratings in ${density} of the cells (${ratings} in all). Every user and item has hidden “tastes”, so each user’s true favourites are known. Matrix factorisation learns user and item factors from the training ratings; its error on held-out ratings is set against the popularity baseline, and its top N for one user against that user’s true top N.`,
      train: 'Train',
      stepEpoch: 'One more epoch',
      epoch: 'Epoch',
      model: 'Matrix factorisation',
      baseline: 'Popularity baseline',
      heldOut: 'Held-out ratings',
      trainSet: 'Training ratings',
      coldStart: 'Newcomers (cold start)',
      rmseHead: 'RMSE (stars)',
      better: (x: string) => `${x} below the baseline`,
      worse: (x: string) => `${x} above the baseline`,
      baselineNote: 'Popularity baseline = the global mean + each item’s bias (shrunk by its number of ratings), fitted on the training ratings only; it predicts the same for everyone.',
      chartCaption: 'RMSE at the end of each epoch on the training and the held-out ratings; the horizontal line is the popularity baseline on the held-out ratings',
      chartCaptionShort: 'Training and held-out RMSE per epoch, and the baseline',
      seeTable: 'See as a table',
      trainRmse: 'Training RMSE',
      heldOutRmse: 'Held-out RMSE',
      coldRmse: 'Newcomers’ RMSE',
      baselineRmse: 'Baseline RMSE',
      baselineLine: (x: string) => `baseline ${x}`,
      noCurve: 'Press Train: each finished epoch adds a point here (epoch 0 is before training).',
      userTitle: (u: number) => `User ${u}`,
      userRatings: (n: number) => (n === 0 ? 'no training ratings at all (a newcomer)' : `${n} training rating${n === 1 ? '' : 's'}`),
      newcomer: 'newcomer',
      rated: 'Rated:',
      ratedItem: (item: number, r: string) => `#${item} (${r} stars)`,
      sep: ', ',
      listHead: (n: number) => `Top ${n}, among the items this user has not rated`,
      rankCol: 'Rank',
      modelCol: 'Model',
      popularCol: 'Popular',
      truthCol: 'True favourites',
      hit: 'in the true top N',
      item: (i: number) => `#${i}`,
      scoresNote: 'The small numbers are ratings in stars: the model’s prediction, the baseline’s, and the expected rating by the true tastes. ✓ = in the true top N.',
      precision: (n: number) => `Precision@${n}`,
      precisionLine: (n: number, hits: number, chance: string) => `${hits} of the model’s top ${n} are in the true top ${n}; ${n} items picked at random would hit ${chance} on average.`,
      meanPrecision: (n: number) => `Mean precision@${n} over the established users`,
      pickHead: 'Show another user',
      pickWarm: 'An established user',
      pickCold: (k: number) => `Newcomer: ${k} rating${k === 1 ? '' : 's'}`,
      coldTitle: 'Cold start: newcomers with hardly any ratings',
      coldHead: 'Training ratings',
      coldUsers: 'Users',
      coldText:
        'A newcomer with no ratings is a blank to the model: L2 shrinks their factors and bias to 0, the prediction falls back to the global mean + the item bias, and their list is, near enough, the popularity list. One or two ratings let the model move the user’s bias and start to guess a taste, on very little evidence; the table shows what those ratings buy. Real systems bridge the gap by asking for preferences at sign-up, by using what is known about the items themselves (content features), or by showing what is popular first.',
      clampNote: (asked: number, users: number) => `There is no user ${asked}: there are ${users} users (0 to ${users - 1}); the last one is shown.`,
      params: 'Model parameters',
      steps: (k: number) => `One epoch = ${k} steps (one batch of ratings each)`,
      ratingsLine: (train: string, test: string) => `${train} training ratings, ${test} held out`,
      lossNote: 'The loss is the batch’s mean squared error plus the L2 term.',
    },
  }),
  task,
  placeholderHeight: 980,
});

export default recommenderLab;
