/**
 * OverfitLab: an MLP trained live on the first `trainSize` of the 6,000 packed MNIST training digits, measured after
 * every epoch on all of them and on 1,000 validation digits held out from the end of the same pool (never trained on;
 * the 1,000 test digits are not touched at all). The view draws the two curves per epoch, the gap between them, and
 * where Keras-style early stopping would stop. Learning rate, L2, the epoch target, patience and min delta apply to the
 * running model (patience and min delta only move the marker); data size, width, depth, dropout, batch and seed
 * rebuild it.
 *
 * One epoch is ⌊trainSize / batch⌋ steps: one pass over a fresh seeded permutation of the training digits, the
 * trainer's own epoch (lib/ml/train.ts drops the last partial batch, so every step sees a full batch). The run stops
 * its step chunks at epoch boundaries and evaluates there, two read-backs per epoch and none per step; frames only
 * send what the epochs recorded.
 */
import { bilingual, type Bilingual, type Lang } from '../i18n';
import { earlyStopping } from '../math/classification';
import { MODEL_CAPS } from '../ml/caps';
import type { Schema, Values } from '../state/schema';
import { TaskRefused, type Snapshot, type TrainingTask } from '../training/task';
import { backendField, defineWidget, seedField } from './define';

export const OVERFIT_LAB_ID = 'overfitLab';

/** The packed MNIST subset (the same file and cache key as the Quantization Lab, so a page with both fetches it once). */
export const MNIST_SUBSET_PATH = '/data/mnist-subset.bin';
/** Training digits in the packed subset (scripts/pack-mnist.mjs, shuffled, balanced over the ten classes). */
export const MNIST_TRAIN_POOL = 6000;
/** Validation digits, taken from the end of the training pool: never in any training set the lab offers. */
export const VAL_SIZE = 1000;
/** The largest training set: everything in the pool before the validation digits. */
export const MAX_TRAIN_SIZE = MNIST_TRAIN_POOL - VAL_SIZE;
export const TRAIN_SIZES = [100, 250, 500, 1000, 2500, MAX_TRAIN_SIZE] as const;
/** Widths offered for the hidden layers, up to the MLP cap of lib/ml/caps.ts (256 today). */
export const HIDDEN_LADDER = [16, 32, 64, 128, 256, 512].filter((u) => u <= MODEL_CAPS.mlp.maxUnits);
export const LEARNING_RATES = [0.0001, 0.0003, 0.001, 0.003, 0.01] as const;
export const L2_LADDER = [0, 0.0001, 0.001, 0.01] as const;
export const DROPOUT_LADDER = [0, 0.2, 0.5] as const;
export const MIN_DELTA_LADDER = [0, 0.001, 0.005, 0.01, 0.02, 0.05] as const;
export const EPOCH_LADDER = [5, 10, 20, 30, 40, 60, 80, 100, 150, 200] as const;

export const overfitLabSchema = {
  trainSize: {
    type: 'number',
    default: 500,
    min: 50,
    max: MAX_TRAIN_SIZE,
    integer: true,
    ladder: TRAIN_SIZES,
    group: 'data',
    label: { zh: '训练集大小', en: 'Training digits' },
    unit: { zh: '张', en: 'digits' },
    hint: {
      zh: `验证集固定为另外 ${VAL_SIZE.toLocaleString('zh-CN')} 张，从不参与训练；测试集这里完全不用，留到最后只看一次。`,
      en: `Validation is a fixed set of ${VAL_SIZE.toLocaleString('en-US')} other digits, never trained on. The test set is not used here at all: it waits, untouched, for one look at the end.`,
    },
  },
  hidden: {
    type: 'number',
    default: 256,
    min: 4,
    max: MODEL_CAPS.mlp.maxUnits,
    integer: true,
    ladder: HIDDEN_LADDER,
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
    hint: layersHint(),
  },
  dropout: {
    type: 'number',
    default: 0,
    min: 0,
    max: 0.8,
    ladder: DROPOUT_LADDER,
    control: 'select',
    group: 'regularization',
    label: { zh: 'Dropout 比例', en: 'Dropout rate' },
    hint: { zh: '每个隐藏层之后随机丢弃这一比例的神经元（只在训练时）；改动会重建模型。', en: 'Drops this share of each hidden layer’s units, in training only; a change rebuilds the model.' },
  },
  l2: {
    type: 'number',
    default: 0,
    min: 0,
    max: 0.1,
    ladder: L2_LADDER,
    control: 'select',
    live: true,
    group: 'regularization',
    label: { zh: 'L2 正则化 λ', en: 'L2 penalty λ' },
    hint: { zh: '损失加上 λ·Σw²（所有权重矩阵，不含偏置）；训练中改动立即生效。', en: 'Adds λ·Σw² over every weight matrix (not the biases) to the loss; applies at once, mid-run.' },
  },
  lr: {
    type: 'number',
    default: 0.001,
    min: 0.00001,
    max: 0.1,
    ladder: LEARNING_RATES,
    control: 'select',
    live: true,
    group: 'training',
    label: { zh: '学习率（Adam）', en: 'Learning rate (Adam)' },
  },
  batch: {
    type: 'number',
    default: 32,
    min: 8,
    max: 256,
    integer: true,
    ladder: [32, 64],
    control: 'select',
    group: 'training',
    label: { zh: '批大小', en: 'Batch size' },
  },
  epochs: {
    type: 'number',
    default: 40,
    min: 1,
    max: 200,
    integer: true,
    ladder: EPOCH_LADDER,
    live: true,
    group: 'training',
    label: { zh: '训练轮数', en: 'Epochs to train' },
  },
  patience: {
    type: 'number',
    default: 3,
    min: 1,
    max: 10,
    integer: true,
    step: 1,
    live: true,
    group: 'stopping',
    label: { zh: '耐心值（轮）', en: 'Patience (epochs)' },
    hint: { zh: '验证损失连续这么多轮没有下降，早停就停下。只移动标记，不影响训练。', en: 'Early stopping stops after this many epochs without a lower validation loss. It only moves the marker; training goes on.' },
  },
  minDelta: {
    type: 'number',
    default: 0,
    min: 0,
    max: 0.1,
    ladder: MIN_DELTA_LADDER,
    control: 'select',
    live: true,
    group: 'stopping',
    label: { zh: '最小改进量 min_delta', en: 'Minimum improvement (min_delta)' },
    hint: { zh: '验证损失要比最好值低出超过这个量，才算一次改进。', en: 'The validation loss must beat its best by more than this to count as an improvement.' },
  },
  seed: seedField('training'),
  backend: backendField('training'),
} satisfies Schema;

export type OverfitLabValues = Values<typeof overfitLabSchema>;

/** The parameter cap, and the widths whose two-layer model it refuses (two layers of 256 units: 269,322 today). */
function layersHint(): Bilingual {
  const cap = MODEL_CAPS.maxParams;
  const over = HIDDEN_LADDER.filter((u) => overfitParams(u, 2) > cap);
  const zh = `参数上限是 ${cap.toLocaleString('zh-CN')}`;
  const en = `The cap is ${cap.toLocaleString('en-US')} parameters`;
  if (!over.length) return { zh: `${zh}。`, en: `${en}.` };
  return { zh: `${zh}：两层各 ${over.join('、')} 个神经元会超出。`, en: `${en}: two layers of ${over.join(' or ')} units exceed it.` };
}

// ─── Sizes and epoch bookkeeping ─────────────────────────────────────────────────────────────────────────────────────

/** Hidden layer widths of the model: `layers` layers of `hidden` units. */
export function hiddenLayers(hidden: number, layers: number): number[] {
  return Array.from({ length: layers }, () => hidden);
}

/** Trainable parameters (weights + biases) of the 784 → hidden (× layers) → 10 MLP. */
export function overfitParams(hidden: number, layers: number): number {
  let n = 0;
  let fanIn = 784;
  for (const units of [...hiddenLayers(hidden, layers), 10]) {
    n += fanIn * units + units;
    fanIn = units;
  }
  return n;
}

/**
 * Optimisation steps in one epoch: ⌊trainSize / batch⌋, at least 1 (the trainer clamps a batch to the data and drops
 * the last partial batch of each pass).
 */
export function stepsPerEpoch(trainSize: number, batch: number): number {
  const b = Math.max(1, Math.min(trainSize, Math.floor(batch)));
  return Math.max(1, Math.floor(trainSize / b));
}

/** Completed epochs after `step` steps. */
export function epochOfStep(step: number, perEpoch: number): number {
  return Math.floor(step / perEpoch);
}

/** Steps from `step` to the end of the epoch under way (a whole epoch at a boundary). */
export function stepsToEpochEnd(step: number, perEpoch: number): number {
  return perEpoch - (step % perEpoch);
}

/** Splits `n` steps taken from `step` into chunks that end at epoch boundaries (or at the n-th step), in order. */
export function chunkAtEpochs(step: number, n: number, perEpoch: number): number[] {
  const chunks: number[] = [];
  let at = step;
  let left = Math.max(0, Math.floor(n));
  while (left > 0) {
    const k = Math.min(left, stepsToEpochEnd(at, perEpoch));
    chunks.push(k);
    at += k;
    left -= k;
  }
  return chunks;
}

/** Which digits of the training pool each set uses: [start, start + count). */
export function splitRanges(trainSize: number): { train: { start: number; count: number }; val: { start: number; count: number } } {
  if (!Number.isInteger(trainSize) || trainSize < 1 || trainSize > MAX_TRAIN_SIZE) throw new Error(`splitRanges: trainSize = ${trainSize} is not a whole number from 1 to ${MAX_TRAIN_SIZE}`);
  return { train: { start: 0, count: trainSize }, val: { start: MNIST_TRAIN_POOL - VAL_SIZE, count: VAL_SIZE } };
}

// ─── History and early stopping ──────────────────────────────────────────────────────────────────────────────────────

/** Per-epoch measurements; index i holds epoch i + 1 (as Keras's History). Losses without the L2 term. */
export interface EpochHistory {
  trainLoss: number[];
  valLoss: number[];
  trainAccuracy: number[];
  valAccuracy: number[];
}

export interface EpochRecord {
  trainLoss: number;
  valLoss: number;
  trainAccuracy: number;
  valAccuracy: number;
}

/** A history of no epochs (before training). */
export function emptyHistory(): EpochHistory {
  return { trainLoss: [], valLoss: [], trainAccuracy: [], valAccuracy: [] };
}

/** A new history with one more epoch. */
export function appendEpoch(h: EpochHistory, r: EpochRecord): EpochHistory {
  return { trainLoss: [...h.trainLoss, r.trainLoss], valLoss: [...h.valLoss, r.valLoss], trainAccuracy: [...h.trainAccuracy, r.trainAccuracy], valAccuracy: [...h.valAccuracy, r.valAccuracy] };
}

/** The first `epochs` epochs of a history. */
export function truncateHistory(h: EpochHistory, epochs: number): EpochHistory {
  const k = Math.max(0, Math.floor(epochs));
  return { trainLoss: h.trainLoss.slice(0, k), valLoss: h.valLoss.slice(0, k), trainAccuracy: h.trainAccuracy.slice(0, k), valAccuracy: h.valAccuracy.slice(0, k) };
}

/** The latest epoch's numbers and the generalisation gap (validation loss − training loss), or null before epoch 1. */
export function latestEpoch(h: EpochHistory): (EpochRecord & { epoch: number; gap: number }) | null {
  const i = h.valLoss.length - 1;
  if (i < 0) return null;
  const r = { trainLoss: h.trainLoss[i]!, valLoss: h.valLoss[i]!, trainAccuracy: h.trainAccuracy[i]!, valAccuracy: h.valAccuracy[i]! };
  return { ...r, epoch: i + 1, gap: r.valLoss - r.trainLoss };
}

/** What Keras's EarlyStopping(monitor='val_loss', patience, min_delta, restore_best_weights=True) does with the curve. */
export interface StoppingReading {
  /** Epochs measured (1-based count). */
  epochs: number;
  /** The epoch (1-based) of the last improvement: the weights restored. */
  bestEpoch: number;
  bestValLoss: number;
  /** The epoch (1-based) after which training would stop, or null while it would go on. */
  stopEpoch: number | null;
  /** Epochs without an improvement since bestEpoch: at the stop, or at the latest epoch. */
  sinceBest: number;
  patience: number;
  minDelta: number;
}

/**
 * Replays early stopping (lib/math/classification.ts, Keras semantics) on the validation losses of epochs 1, 2, …
 * and reports in the book's 1-based epochs; null before the first epoch. With the last improvement at epoch b it
 * stops after epoch b + patience, if the curve is that long.
 */
export function readStopping(valLosses: readonly number[], patience: number, minDelta = 0): StoppingReading | null {
  if (valLosses.length === 0) return null;
  const r = earlyStopping(valLosses, { patience, minDelta, restoreBestWeights: true });
  const bestEpoch = r.bestEpoch + 1;
  const stopEpoch = r.stopEpoch === null ? null : r.stopEpoch + 1;
  return { epochs: valLosses.length, bestEpoch, bestValLoss: r.bestValue, stopEpoch, sinceBest: (stopEpoch ?? valLosses.length) - bestEpoch, patience, minDelta };
}

// ─── The training task ───────────────────────────────────────────────────────────────────────────────────────────────

export interface OverfitLabInfo {
  params: number;
  stepsPerEpoch: number;
  trainSize: number;
  valSize: number;
}

export interface OverfitLabExtra {
  history: EpochHistory;
}

/** A snapshot that also carries the epochs measured up to its step (read back only on WebGPU, for a lost device). */
type HistorySnapshot = Snapshot & { history?: EpochHistory };

/** Builds the MLP, the two sets and the trainer; the run measures at every epoch boundary it crosses. */
const task: TrainingTask<OverfitLabValues, OverfitLabInfo, OverfitLabExtra> = {
  async build({ tf, basePath, origin, cache }, s) {
    const [{ buildModel, checkModelConfig }, { createTrainer }, { loadMnistSubset, mnistPixelsToFloat, oneHot }, { saveWeights, restoreWeights }] = await Promise.all([
      import('../ml/models'),
      import('../ml/train'),
      import('../ml/mnist'),
      import('../training/snapshot'),
    ]);
    const config = {
      kind: 'mlp' as const,
      inputDim: 784,
      hidden: hiddenLayers(s.hidden, s.layers),
      activation: 'relu' as const,
      ...(s.dropout > 0 ? { dropout: s.dropout } : {}),
      outputUnits: 10,
      outputActivation: 'softmax' as const,
      seed: s.seed,
    };
    const problems = checkModelConfig(config, s.batch);
    if (problems.length) throw new TaskRefused(problems.map((p) => p.message));
    const url = `${origin}${basePath}${MNIST_SUBSET_PATH}`;
    let mnist = cache.get(url) as Awaited<ReturnType<typeof loadMnistSubset>> | undefined;
    if (!mnist) {
      mnist = await loadMnistSubset(url);
      cache.set(url, mnist);
    }
    if (mnist.train.count < MNIST_TRAIN_POOL) throw new Error(`the MNIST subset has ${mnist.train.count} training digits, fewer than ${MNIST_TRAIN_POOL}`);
    const ranges = splitRanges(s.trainSize);
    const tensors = (r: { start: number; count: number }) => ({
      xs: tf.tensor2d(mnistPixelsToFloat(mnist.train, r.start, r.count), [r.count, 784]),
      ys: tf.tensor2d(oneHot(mnist.train.labels.subarray(r.start, r.start + r.count)), [r.count, 10]),
    });
    const train = tensors(ranges.train);
    const val = tensors(ranges.val);
    const model = buildModel(config);
    const trainer = createTrainer({ tf, model, data: train, loss: 'categoricalCrossentropy', optimizer: 'adam', learningRate: s.lr, batchSize: s.batch, seed: s.seed, l2: s.l2, readLossEvery: 5 });
    const perEpoch = stepsPerEpoch(s.trainSize, s.batch);
    let history = emptyHistory();

    /** Measures the epoch just completed on the whole training set and the validation set (inference mode). */
    const measure = async () => {
      const t = await trainer.evaluate(train);
      const v = await trainer.evaluate(val);
      history = appendEpoch(history, { trainLoss: t.loss, valLoss: v.loss, trainAccuracy: t.accuracy ?? NaN, valAccuracy: v.accuracy ?? NaN });
    };

    const run = {
      info: { params: overfitParams(s.hidden, s.layers), stepsPerEpoch: perEpoch, trainSize: s.trainSize, valSize: VAL_SIZE },
      targetSteps: s.epochs * perEpoch,
      async step(n: number) {
        for (const k of chunkAtEpochs(trainer.progress().step, n, perEpoch)) {
          const p = await trainer.step(k);
          if (p.diverged) break;
          if (p.step % perEpoch === 0 && epochOfStep(p.step, perEpoch) > history.valLoss.length) await measure();
        }
        return trainer.progress();
      },
      warmUp: () => trainer.warmUp(),
      progress: () => trainer.progress(),
      async frame() {
        const last = latestEpoch(history);
        return {
          metrics: {
            epoch: epochOfStep(trainer.progress().step, perEpoch),
            trainLoss: last?.trainLoss ?? null,
            valLoss: last?.valLoss ?? null,
            trainAccuracy: last?.trainAccuracy ?? null,
            valAccuracy: last?.valAccuracy ?? null,
          },
          extra: { history },
        };
      },
      tune(next: OverfitLabValues) {
        trainer.tune({ learningRate: next.lr, l2: next.l2 });
        run.targetSteps = next.epochs * perEpoch;
      },
      async save(): Promise<Snapshot> {
        const kept = history;
        const snap: HistorySnapshot = await saveWeights(model, trainer.progress().step);
        snap.history = truncateHistory(kept, epochOfStep(snap.step, perEpoch));
        return snap;
      },
      restore(snapshot: Snapshot) {
        restoreWeights(tf, model, snapshot);
        trainer.resumeAt(snapshot.step);
        history = truncateHistory((snapshot as HistorySnapshot).history ?? emptyHistory(), epochOfStep(snapshot.step, perEpoch));
      },
      dispose() {
        trainer.dispose();
        model.dispose();
        tf.dispose([train.xs, train.ys, val.xs, val.ys]);
      },
    };
    return run;
  },
};

// ─── Strings ─────────────────────────────────────────────────────────────────────────────────────────────────────────

const fmtEn = (x: number, digits = 3) => x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const fmtZh = (x: number, digits = 3) => x.toLocaleString('zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const epochsEn = (n: number) => `${n} epoch${n === 1 ? '' : 's'}`;

/** The early-stopping reading in one sentence, per edition. */
export const READING = bilingual<{ none: (trainSize: number) => string; improving: (r: StoppingReading) => string; waiting: (r: StoppingReading) => string; stopped: (r: StoppingReading) => string }>({
  zh: {
    none: (n) => `开始训练后，每跑完一轮，都会在全部 ${n.toLocaleString('zh-CN')} 张训练图片和 ${VAL_SIZE.toLocaleString('zh-CN')} 张验证图片上各算一次损失和准确率。`,
    improving: (r) => `验证损失还在下降：目前最低的是第 ${r.bestEpoch} 轮的 ${fmtZh(r.bestValLoss)}。`,
    waiting: (r) =>
      `验证损失最近一次${r.minDelta > 0 ? `下降超过 ${r.minDelta}` : '下降'}是在第 ${r.bestEpoch} 轮（${fmtZh(r.bestValLoss)}），之后已经 ${r.sinceBest} 轮没有起色；耐心值是 ${r.patience}，早停还在等。`,
    stopped: (r) =>
      `验证损失已经连续 ${r.patience} 轮没有${r.minDelta > 0 ? `下降超过 ${r.minDelta}` : '下降'}：早停会在第 ${r.stopEpoch} 轮结束后停下，并恢复第 ${r.bestEpoch} 轮的权重（验证损失 ${fmtZh(r.bestValLoss)}）。`,
  },
  en: {
    none: (n) => `Once training starts, every epoch ends with the loss and accuracy measured on all ${n.toLocaleString('en-US')} training digits and on the ${VAL_SIZE.toLocaleString('en-US')} validation digits.`,
    improving: (r) => `Validation loss is still improving: its lowest so far is ${fmtEn(r.bestValLoss)}, at epoch ${r.bestEpoch}.`,
    waiting: (r) =>
      `Validation loss last improved${r.minDelta > 0 ? ` by more than ${r.minDelta}` : ''} at epoch ${r.bestEpoch} (${fmtEn(r.bestValLoss)}), ${epochsEn(r.sinceBest)} ago; with a patience of ${r.patience}, early stopping is still waiting.`,
    stopped: (r) =>
      `Validation loss has not improved${r.minDelta > 0 ? ` by more than ${r.minDelta}` : ''} for ${epochsEn(r.patience)}: early stopping would stop after epoch ${r.stopEpoch} and restore epoch ${r.bestEpoch}’s weights (validation loss ${fmtEn(r.bestValLoss)}).`,
  },
});

/** The reading of a history for the reader, in their edition. */
export function stoppingSentence(lang: Lang, r: StoppingReading | null, trainSize: number): string {
  const t = READING[lang];
  if (!r) return t.none(trainSize);
  if (r.stopEpoch !== null) return t.stopped(r);
  return r.sinceBest === 0 ? t.improving(r) : t.waiting(r);
}

export const overfitLab = defineWidget({
  id: OVERFIT_LAB_ID,
  tag: 'OverfitLab',
  title: { zh: '过拟合实验室：训练曲线与早停', en: 'Over-fitting lab: learning curves and early stopping' },
  schema: overfitLabSchema,
  groups: [
    { id: 'data', label: { zh: '数据', en: 'Data' }, open: true },
    { id: 'model', label: { zh: '模型', en: 'Model' }, open: true },
    { id: 'regularization', label: { zh: '正则化', en: 'Regularisation' } },
    { id: 'stopping', label: { zh: '早停', en: 'Early stopping' } },
    { id: 'training', label: { zh: '训练设置', en: 'Training settings' } },
  ],
  strings: bilingual({
    zh: {
      intro: (n: string, arch: string) =>
        `在 ${n} 张 MNIST 手写数字上训练一个 ${arch} 的网络。每跑完一轮（把训练集完整过一遍），都在训练集和验证集上各量一次损失：训练集越小、模型越大，两条曲线分得越开。`,
      train: '开始训练',
      stepEpoch: '再训练一轮',
      epoch: '轮次',
      trainSet: '训练集',
      valSet: '验证集',
      points: (x: string) => `${x} 个百分点`,
      trainLoss: '训练损失',
      valLoss: '验证损失',
      trainAccuracy: '训练准确率',
      valAccuracy: '验证准确率',
      gap: '泛化差距',
      gapHint: '验证损失 − 训练损失',
      bestEpoch: '最佳轮次',
      stopEpoch: '早停轮次',
      notYet: '未触发',
      params: '参数量',
      loss: '损失',
      accuracy: '准确率',
      show: '曲线',
      gapBand: '泛化差距',
      stopMark: (e: number) => `早停：第 ${e} 轮后`,
      bestMark: (e: number) => `最佳：第 ${e} 轮`,
      lossCaption: (n: string) => `每轮结束时的训练损失（全部 ${n} 张训练图片）与验证损失（1,000 张验证图片），阴影是两者之差`,
      accuracyCaption: (n: string) => `每轮结束时的训练准确率（全部 ${n} 张训练图片）与验证准确率（1,000 张验证图片）`,
      lossCaptionShort: '每轮的训练损失与验证损失，阴影是两者之差',
      accuracyCaptionShort: '每轮的训练准确率与验证准确率',
      note: '备注',
      seeTable: '以表格查看',
      noCurve: '按“开始训练”，每跑完一轮这里就多一个点。',
      steps: (k: number) => `一轮 = ${k} 步（每步一个小批量）`,
      lossNote: '损失是交叉熵，不含 L2 惩罚项；量的时候关掉 dropout。',
    },
    en: {
      intro: (n: string, arch: string) =>
        `Trains a ${arch} network on ${n} MNIST digits. After every epoch (one full pass over the training set) it measures the loss on the training set and on the validation set: the smaller the training set and the larger the model, the further the two curves part.`,
      train: 'Train',
      stepEpoch: 'One more epoch',
      epoch: 'Epoch',
      trainSet: 'Training',
      valSet: 'Validation',
      points: (x: string) => `${x} pts`,
      trainLoss: 'Training loss',
      valLoss: 'Validation loss',
      trainAccuracy: 'Training accuracy',
      valAccuracy: 'Validation accuracy',
      gap: 'Generalisation gap',
      gapHint: 'validation loss − training loss',
      bestEpoch: 'Best epoch',
      stopEpoch: 'Early stop',
      notYet: 'not yet',
      params: 'Parameters',
      loss: 'Loss',
      accuracy: 'Accuracy',
      show: 'Curves',
      gapBand: 'Generalisation gap',
      stopMark: (e: number) => `early stop after ${e}`,
      bestMark: (e: number) => `best: epoch ${e}`,
      lossCaption: (n: string) => `Training loss (all ${n} training digits) and validation loss (1,000 validation digits) at the end of each epoch; the shading is the gap between them`,
      accuracyCaption: (n: string) => `Training accuracy (all ${n} training digits) and validation accuracy (1,000 validation digits) at the end of each epoch`,
      lossCaptionShort: 'Training and validation loss per epoch; the shading is the gap',
      accuracyCaptionShort: 'Training and validation accuracy per epoch',
      note: 'Note',
      seeTable: 'See as a table',
      noCurve: 'Press Train: each finished epoch adds a point here.',
      steps: (k: number) => `One epoch = ${k} steps (one minibatch each)`,
      lossNote: 'The loss is cross-entropy without the L2 term, measured with dropout off.',
    },
  }),
  task,
  placeholderHeight: 820,
});

export default overfitLab;
