/**
 * PrivacyLab: DP-SGD trained live on the packed MNIST digits, with the privacy it spends counted as it goes.
 *
 * The model is the book's MLP (784 → hidden → 10) trained by lib/ml/dp-sgd.ts: every step samples each of the
 * `trainSize` training digits with probability q = batch / trainSize (Poisson sampling, exactly what the accountant
 * assumes; the batch size therefore varies around `batch`), clips each digit's whole gradient to norm C, adds Gaussian
 * noise of standard deviation σ·C to the sum, divides by the expected batch and takes an SGD step. The accountant
 * (lib/ml/dp-accountant.ts: RDP of the subsampled Gaussian mechanism, integer orders, the improved conversion of
 * Balle et al. 2020) turns q, σ and the steps taken into ε at the chosen δ. Test accuracy is measured on the 1,000
 * test digits at every epoch boundary (one epoch = round(trainSize / batch) steps: on average one pass), which is also
 * where the frames' history grows; the reader's runs this visit are tabulated by the view (σ, C, ε, accuracy).
 *
 * Learning rate, momentum, the epoch target and δ apply to the running model (δ changes only the accounting); the
 * rest rebuild it, since a run's ε is a property of its whole history.
 */
import { bilingual, type Bilingual } from '../i18n';
import { dpSgdEpsilon } from '../ml/dp-accountant';
import { MODEL_CAPS } from '../ml/caps';
import type { Schema, Values } from '../state/schema';
import { TaskRefused, type Snapshot, type TrainingTask } from '../training/task';
import { backendField, defineWidget, seedField } from './define';

export const PRIVACY_LAB_ID = 'privacyLab';

/** The packed MNIST subset (the file and cache key the other MNIST widgets use). */
export const MNIST_SUBSET_PATH = '/data/mnist-subset.bin';
/** Training digits in the packed subset; every one may be trained on (accuracy is measured on the test digits). */
export const MNIST_TRAIN_POOL = 6000;
/** Test digits in the packed subset. */
export const MNIST_TEST_SIZE = 1000;

export const TRAIN_SIZES = [500, 1000, 2000, 4000, MNIST_TRAIN_POOL] as const;
export const BATCHES = [25, 50, 100, 200, 400] as const;
export const NOISES = [0, 0.3, 0.5, 0.7, 1, 1.5, 2, 3, 4, 8] as const;
export const CLIPS = [0.1, 0.25, 0.5, 1, 2, 4, 10] as const;
export const LEARNING_RATES = [0.1, 0.25, 0.5, 1, 2, 4] as const;
export const MOMENTA = [0, 0.5, 0.9] as const;
export const EPOCHS = [1, 2, 3, 5, 10, 20, 30] as const;
export const DELTAS = [1e-7, 1e-6, 1e-5, 1e-4, 1e-3] as const;
export const HIDDEN_LADDER = [16, 32, 64, 128].filter((u) => u <= MODEL_CAPS.mlp.maxUnits);

export const privacyLabSchema = {
  noise: {
    type: 'number',
    default: 1,
    min: 0,
    max: 20,
    ladder: NOISES,
    control: 'select',
    group: 'privacy',
    label: { zh: '噪声乘数 σ', en: 'Noise multiplier σ' },
    hint: {
      zh: '每一步往裁剪后的梯度和里加标准差为 σ·C 的高斯噪声。σ = 0 就是不加噪声：照样裁剪，但没有任何隐私保证（ε = ∞）。',
      en: 'Each step adds Gaussian noise of standard deviation σ·C to the sum of clipped gradients. σ = 0 adds none: the gradients are still clipped, but there is no privacy guarantee at all (ε = ∞).',
    },
  },
  clip: {
    type: 'number',
    default: 1,
    min: 0.01,
    max: 100,
    ladder: CLIPS,
    control: 'select',
    group: 'privacy',
    label: { zh: '裁剪范数 C', en: 'Clipping norm C' },
    hint: {
      zh: '每张图片的整条梯度（所有层合在一起）先缩到范数不超过 C，任何一个人对一步的影响就被限住了。',
      en: 'Each digit’s whole gradient (all layers together) is scaled down to norm at most C, which bounds what any one person can do to a step.',
    },
  },
  delta: {
    type: 'number',
    default: 1e-5,
    min: 1e-12,
    max: 0.1,
    ladder: DELTAS,
    control: 'select',
    live: true,
    group: 'privacy',
    label: { zh: '失败概率 δ', en: 'Failure probability δ' },
    hint: {
      zh: '(ε, δ) 里的 δ：保证允许以这个概率失效。它应当远小于 1/训练集大小；改动只影响记账，不影响训练。',
      en: 'The δ of (ε, δ): the chance the guarantee may fail. It should be far below 1 / the training set size; changing it changes only the accounting, not the training.',
    },
  },
  trainSize: {
    type: 'number',
    default: MNIST_TRAIN_POOL,
    min: 100,
    max: MNIST_TRAIN_POOL,
    integer: true,
    ladder: TRAIN_SIZES,
    control: 'select',
    group: 'data',
    label: { zh: '训练集大小', en: 'Training digits' },
    unit: { zh: '张', en: 'digits' },
  },
  batch: {
    type: 'number',
    default: 200,
    min: 1,
    max: 1000,
    integer: true,
    ladder: BATCHES,
    control: 'select',
    group: 'data',
    label: { zh: '期望批大小', en: 'Expected batch size' },
    hint: {
      zh: '每一步每张图片以 q = 批大小 / 训练集大小 的概率独立入选（泊松采样），所以实际的批大小在这个数附近浮动。',
      en: 'Every step picks each digit independently with probability q = batch / training digits (Poisson sampling), so the real batch size varies around this number.',
    },
  },
  hidden: {
    type: 'number',
    default: 64,
    min: 4,
    max: 128,
    integer: true,
    ladder: HIDDEN_LADDER,
    control: 'select',
    group: 'model',
    label: { zh: '每个隐藏层的神经元数', en: 'Units per hidden layer' },
  },
  layers: {
    type: 'number',
    default: 1,
    min: 1,
    max: 2,
    integer: true,
    ladder: [1, 2],
    control: 'select',
    group: 'model',
    label: { zh: '隐藏层数', en: 'Hidden layers' },
  },
  lr: {
    type: 'number',
    default: 2,
    min: 0.001,
    max: 10,
    ladder: LEARNING_RATES,
    control: 'select',
    live: true,
    group: 'training',
    label: { zh: '学习率（SGD）', en: 'Learning rate (SGD)' },
    hint: {
      zh: '裁剪后每张图片的梯度范数最多是 C，平均之后一步也走不远，所以 DP-SGD 的学习率通常比普通 SGD 大。',
      en: 'After clipping, no digit’s gradient is longer than C, so an averaged step is short: DP-SGD usually takes a larger learning rate than plain SGD.',
    },
  },
  momentum: {
    type: 'number',
    default: 0,
    min: 0,
    max: 0.99,
    ladder: MOMENTA,
    control: 'select',
    live: true,
    group: 'training',
    label: { zh: '动量', en: 'Momentum' },
    hint: { zh: '动量只是对已经加过噪声的梯度做后处理，不额外花隐私预算。', en: 'Momentum only post-processes gradients that are already noisy: it spends no extra privacy.' },
  },
  epochs: {
    type: 'number',
    default: 5,
    min: 1,
    max: 100,
    integer: true,
    ladder: EPOCHS,
    control: 'select',
    live: true,
    group: 'training',
    label: { zh: '训练轮数', en: 'Epochs to train' },
    hint: { zh: '每多走一步，ε 就再涨一点：训练得越久，花掉的隐私越多。', en: 'Every step adds to ε: the longer it trains, the more privacy it spends.' },
  },
  seed: seedField('training'),
  backend: backendField('training'),
} satisfies Schema;

export type PrivacyLabValues = Values<typeof privacyLabSchema>;

// ─── Pure bookkeeping ────────────────────────────────────────────────────────────────────────────────────────────────

/** Hidden layer widths of the model. */
export function hiddenLayers(hidden: number, layers: number): number[] {
  return Array.from({ length: layers }, () => hidden);
}

/** Trainable parameters of 784 → hidden (× layers) → 10. */
export function privacyParams(hidden: number, layers: number): number {
  let n = 0;
  let fanIn = 784;
  for (const units of [...hiddenLayers(hidden, layers), 10]) {
    n += fanIn * units + units;
    fanIn = units;
  }
  return n;
}

/** The sampling rate of a step: q = batch / trainSize. */
export function samplingRate(batch: number, trainSize: number): number {
  return batch / trainSize;
}

/** Steps in one epoch: on average one pass over the data, round(trainSize / batch), at least 1. */
export function stepsPerEpoch(trainSize: number, batch: number): number {
  return Math.max(1, Math.round(trainSize / batch));
}

/** Splits n steps from `step` into chunks that end at epoch boundaries. */
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

/** ε spent after `steps` steps (0 before the first, Infinity without noise). */
export function runEpsilon(s: { noise: number; batch: number; trainSize: number; delta: number }, steps: number): number {
  return dpSgdEpsilon({ q: samplingRate(s.batch, s.trainSize), sigma: s.noise, steps, delta: s.delta }).epsilon;
}

/** What the settings ask for that the lab cannot do, in both editions (empty when it can). */
export function settingsProblems(s: Pick<PrivacyLabValues, 'batch' | 'trainSize' | 'hidden' | 'layers'>): Bilingual[] {
  const problems: Bilingual[] = [];
  if (s.batch > s.trainSize) {
    problems.push({
      en: `The expected batch (${s.batch}) is larger than the training set (${s.trainSize}): a sampling rate q = batch / training digits above 1 means nothing.`,
      zh: `期望批大小（${s.batch}）比训练集（${s.trainSize}）还大：采样率 q = 批大小 / 训练集大小 超过 1 没有意义。`,
    });
  }
  const params = privacyParams(s.hidden, s.layers);
  if (params > MODEL_CAPS.maxParams) {
    problems.push({
      en: `${params.toLocaleString('en-US')} parameters is over the cap of ${MODEL_CAPS.maxParams.toLocaleString('en-US')}.`,
      zh: `${params.toLocaleString('zh-CN')} 个参数超过了上限 ${MODEL_CAPS.maxParams.toLocaleString('zh-CN')}。`,
    });
  }
  return problems;
}

/** One measured epoch: the step it ended at, test accuracy and loss there. */
export interface EpochRecord {
  epoch: number;
  step: number;
  accuracy: number;
  testLoss: number;
}

/** A run of the reader's, as the table of runs shows it. */
export interface RunRow {
  /** 1, 2, … in the order the runs were built this visit. */
  id: number;
  noise: number;
  clip: number;
  batch: number;
  trainSize: number;
  delta: number;
  epoch: number;
  steps: number;
  epsilon: number;
  accuracy: number;
}

/** The reader's runs this visit, and which run (by its info object) is the current one. */
export interface RunBook {
  rows: RunRow[];
  /** The info object of the current run (a new object arrives with every build). */
  current: unknown;
  /** The id of the current run. */
  currentId: number;
}

export const EMPTY_RUN_BOOK: RunBook = { rows: [], current: null, currentId: 0 };

/** Rows kept at most (the oldest go first). */
export const MAX_RUNS = 12;

/**
 * The run book after a frame: a new run starts when `info` is a new object; the current run's row is written (or
 * replaced) from its latest measured epoch. Returns the same object when nothing changed, so a view may call it on
 * every render.
 */
export function recordRun(book: RunBook, info: unknown, settings: Pick<RunRow, 'noise' | 'clip' | 'batch' | 'trainSize' | 'delta'> | null, latest: EpochRecord | null): RunBook {
  let next = book;
  if (info !== null && info !== book.current) next = { rows: book.rows, current: info, currentId: book.currentId + 1 };
  if (!settings || !latest || next.current === null) return next;
  const epsilon = runEpsilon(settings, latest.step);
  const row: RunRow = { id: next.currentId, ...settings, epoch: latest.epoch, steps: latest.step, epsilon, accuracy: latest.accuracy };
  const old = next.rows.find((r) => r.id === row.id);
  if (old && (Object.keys(row) as (keyof RunRow)[]).every((k) => Object.is(old[k], row[k]))) return next;
  const rows = old ? next.rows.map((r) => (r.id === row.id ? row : r)) : [...next.rows, row].slice(-MAX_RUNS);
  return { ...next, rows };
}

// ─── The training task ───────────────────────────────────────────────────────────────────────────────────────────────

export interface PrivacyLabInfo {
  params: number;
  stepsPerEpoch: number;
  trainSize: number;
  testSize: number;
  /** The sampling rate q = batch / trainSize. */
  q: number;
  /** Rows of a padded chunk (the sampled batch fits in one at all but about one step in a thousand). */
  capacity: number;
  noise: number;
  clip: number;
  batch: number;
}

export interface PrivacyLabExtra {
  history: EpochRecord[];
}

type HistorySnapshot = Snapshot & { history?: EpochRecord[] };

const task: TrainingTask<PrivacyLabValues, PrivacyLabInfo, PrivacyLabExtra> = {
  async build({ tf, basePath, origin, cache }, s) {
    const problems = settingsProblems(s);
    if (problems.length) throw new TaskRefused(problems);
    const [{ createDpSgd }, { loadMnistSubset, mnistPixelsToFloat, oneHot }] = await Promise.all([import('../ml/dp-sgd'), import('../ml/mnist')]);
    const url = `${origin}${basePath}${MNIST_SUBSET_PATH}`;
    let mnist = cache.get(url) as Awaited<ReturnType<typeof loadMnistSubset>> | undefined;
    if (!mnist) {
      mnist = await loadMnistSubset(url);
      cache.set(url, mnist);
    }
    if (mnist.train.count < s.trainSize) throw new Error(`the MNIST subset has ${mnist.train.count} training digits, fewer than ${s.trainSize}`);
    const train = {
      xs: tf.tensor2d(mnistPixelsToFloat(mnist.train, 0, s.trainSize), [s.trainSize, 784]),
      ys: tf.tensor2d(oneHot(mnist.train.labels.subarray(0, s.trainSize)), [s.trainSize, 10]),
    };
    const test = {
      xs: tf.tensor2d(mnistPixelsToFloat(mnist.test), [mnist.test.count, 784]),
      ys: tf.tensor2d(oneHot(mnist.test.labels), [mnist.test.count, 10]),
    };
    let dp: ReturnType<typeof createDpSgd>;
    try {
      dp = createDpSgd({ tf, data: train, hidden: hiddenLayers(s.hidden, s.layers), batch: s.batch, seed: s.seed, learningRate: s.lr, momentum: s.momentum, noise: s.noise, clip: s.clip });
    } catch (err) {
      tf.dispose([train.xs, train.ys, test.xs, test.ys]);
      throw err;
    }
    const perEpoch = stepsPerEpoch(s.trainSize, s.batch);
    let delta = s.delta;
    let history: EpochRecord[] = [];

    const measure = async () => {
      const e = await dp.evaluate(test);
      const step = dp.progress().step;
      history = [...history, { epoch: Math.floor(step / perEpoch), step, accuracy: e.accuracy, testLoss: e.loss }];
    };
    const keepHistory = (h: EpochRecord[] | undefined, step: number) => (h ?? []).filter((r) => r.step <= step);

    const run = {
      info: {
        params: privacyParams(s.hidden, s.layers),
        stepsPerEpoch: perEpoch,
        trainSize: s.trainSize,
        testSize: mnist.test.count,
        q: dp.q,
        capacity: dp.capacity,
        noise: s.noise,
        clip: s.clip,
        batch: s.batch,
      },
      targetSteps: s.epochs * perEpoch,
      async step(n: number) {
        for (const k of chunkAtEpochs(dp.progress().step, n, perEpoch)) {
          const p = await dp.step(k);
          if (p.diverged) break;
          if (p.step % perEpoch === 0 && !history.some((r) => r.step === p.step)) await measure();
        }
        return dp.progress();
      },
      warmUp: () => dp.warmUp(),
      progress: () => dp.progress(),
      async frame() {
        const p = dp.progress();
        const last = history[history.length - 1] ?? null;
        const eps = dpSgdEpsilon({ q: dp.q, sigma: s.noise, steps: p.step, delta });
        return {
          metrics: {
            epoch: Math.floor(p.step / perEpoch),
            steps: p.step,
            accuracy: last?.accuracy ?? null,
            testLoss: last?.testLoss ?? null,
            epsilon: eps.epsilon,
            alpha: eps.alpha,
            delta,
            batchSize: dp.lastBatchSize(),
          },
          extra: { history },
        };
      },
      tune(next: PrivacyLabValues) {
        dp.tune({ learningRate: next.lr, momentum: next.momentum });
        delta = next.delta;
        run.targetSteps = next.epochs * perEpoch;
      },
      async save(): Promise<Snapshot> {
        const kept = history;
        const step = dp.progress().step;
        const snap: HistorySnapshot = { step, weights: await dp.readWeights(), history: keepHistory(kept, step) };
        return snap;
      },
      restore(snapshot: Snapshot) {
        dp.restore(snapshot.weights, snapshot.step);
        history = keepHistory((snapshot as HistorySnapshot).history, snapshot.step);
      },
      dispose() {
        dp.dispose();
        tf.dispose([train.xs, train.ys, test.xs, test.ys]);
      },
    };
    return run;
  },
};

// ─── Strings ─────────────────────────────────────────────────────────────────────────────────────────────────────────

export const privacyLab = defineWidget({
  id: PRIVACY_LAB_ID,
  tag: 'PrivacyLab',
  title: { zh: '隐私实验室：DP-SGD 与隐私预算 ε', en: 'Privacy lab: DP-SGD and the privacy budget ε' },
  schema: privacyLabSchema,
  groups: [
    { id: 'privacy', label: { zh: '隐私', en: 'Privacy' }, open: true },
    { id: 'data', label: { zh: '数据与采样', en: 'Data and sampling' } },
    { id: 'model', label: { zh: '模型', en: 'Model' } },
    { id: 'training', label: { zh: '训练设置', en: 'Training settings' } },
  ],
  strings: bilingual({
    zh: {
      intro: (n: string, arch: string) =>
        `用差分隐私 SGD 在 ${n} 张 MNIST 手写数字上训练一个 ${arch} 的网络：每张图片的梯度先裁剪到范数 C，求和后加上高斯噪声再更新。右边随时给出测试准确率和到目前为止花掉的隐私预算 ε。`,
      train: '开始训练',
      stepEpoch: '再训练一轮',
      accuracy: '测试准确率',
      epsilon: '隐私预算 ε',
      delta: 'δ',
      steps: '步数',
      epoch: '轮次',
      loss: '训练损失',
      noise: '噪声 σ',
      clip: '裁剪 C',
      batch: '期望批大小',
      runs: '这次访问里你跑过的实验',
      run: '#',
      noRuns: '按“开始训练”：每跑完一轮，这里就记下这次实验的 σ、C、ε 和准确率。换一个 σ 再跑，就能看出噪声越大，准确率越低、ε 越小。',
      infinity: '∞（无隐私）',
      projected: (eps: string, steps: string) => `照现在的设置跑完 ${steps} 步，ε 会到 ${eps}。`,
      sampling: (q: string, cap: string) => `每步采样率 q = ${q}（泊松采样）；一块最多装 ${cap} 张，偶尔的大批分两块算。`,
      lastBatch: '上一步实际批大小',
      order: '最优阶数 α',
      deltaWarning: (inv: string) => `δ 不小于 1/训练集大小（${inv}）：这样的保证允许“随机泄露一条记录”这种机制通过，太弱了。`,
      chartCaption: '每次实验的测试准确率与噪声乘数 σ（图中数字是 ε）',
      chartCaptionShort: '准确率与噪声 σ',
      seeTable: '以表格查看',
      current: '当前',
      accountantNote:
        '记账用 Rényi 差分隐私（RDP）：泊松子采样高斯机制，整数阶 α = 2…64 及更大几阶，按 Balle 等（2020）的改进公式换算成 (ε, δ)，与 Opacus、TF Privacy 现在的做法相同。',
    },
    en: {
      intro: (n: string, arch: string) =>
        `Trains a ${arch} network on ${n} MNIST digits with differentially private SGD: each digit’s gradient is clipped to norm C, the sum gets Gaussian noise, and only then does the model step. Test accuracy and the privacy budget ε spent so far are shown as it trains.`,
      train: 'Train',
      stepEpoch: 'One more epoch',
      accuracy: 'Test accuracy',
      epsilon: 'Privacy budget ε',
      delta: 'δ',
      steps: 'Steps',
      epoch: 'Epoch',
      loss: 'Training loss',
      noise: 'Noise σ',
      clip: 'Clip C',
      batch: 'Expected batch',
      runs: 'Your runs this visit',
      run: '#',
      noRuns: 'Press Train: every epoch updates this run’s σ, C, ε and accuracy here. Run again with another σ to see that more noise means lower accuracy and a smaller ε.',
      infinity: '∞ (no privacy)',
      projected: (eps: string, steps: string) => `With these settings, ${steps} steps will spend ε = ${eps}.`,
      sampling: (q: string, cap: string) => `Sampling rate q = ${q} a step (Poisson sampling); a chunk holds up to ${cap} digits, and the rare larger batch takes two.`,
      lastBatch: 'Last step’s batch',
      order: 'Best order α',
      deltaWarning: (inv: string) => `δ is not below 1 / the training set size (${inv}): a guarantee that weak lets through a mechanism that publishes a random person’s record.`,
      chartCaption: 'Test accuracy of each run against its noise multiplier σ (the numbers are ε)',
      chartCaptionShort: 'Accuracy against noise σ',
      seeTable: 'See as a table',
      current: 'current',
      accountantNote:
        'Accounting by Rényi differential privacy (RDP) of the Poisson-subsampled Gaussian mechanism at integer orders α = 2…64 and a few larger, converted to (ε, δ) by the improved bound of Balle et al. (2020), as Opacus and TF Privacy do today.',
    },
  }),
  task,
  placeholderHeight: 860,
});

export default privacyLab;
