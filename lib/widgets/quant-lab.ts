/**
 * QuantizationLab: trains a small MNIST model in the worker, then quantizes, prunes or factorises its weights on
 * request and measures accuracy against the exact bytes stored. Only hidden units, seed and backend rebuild the model;
 * the compression settings never retrain it (they are requests to the trained run), and more steps carry on training.
 */
import { bilingual } from '../i18n';
import { QUANT_BITS } from '../ml/quantize';
import type { Schema, Values } from '../state/schema';
import { TaskRefused, type TrainingTask } from '../training/task';
import { backendField, defineWidget, seedField } from './define';

export const QUANT_LAB_ID = 'quantLab';

export const QUANT_LAB_METHODS = ['quantize', 'prune', 'lowRank'] as const;
/** The path of the packed MNIST subset under the site's base path (scripts/pack-mnist.mjs writes it). */
export const MNIST_SUBSET_PATH = '/data/mnist-subset.bin';

export const quantLabSchema = {
  /** Which compression the lab applies: quantization, magnitude pruning or truncated-SVD low rank. */
  method: {
    type: 'enum',
    default: 'quantize',
    options: QUANT_LAB_METHODS,
    live: true,
    group: 'compress',
    control: 'chips',
    label: { zh: '压缩方法', en: 'Method' },
    optionLabels: { quantize: { zh: '量化', en: 'Quantize' }, prune: { zh: '剪枝', en: 'Prune' }, lowRank: { zh: '低秩分解', en: 'Low rank' } },
  },
  bits: {
    type: 'enum',
    default: '8',
    options: ['8', '4', '2', '1'] as const,
    live: true,
    group: 'compress',
    control: 'chips',
    label: { zh: '比特数', en: 'Bits' },
    when: { method: ['quantize'] },
  },
  scheme: {
    type: 'enum',
    default: 'symmetric',
    options: ['symmetric', 'affine'] as const,
    live: true,
    group: 'compress',
    control: 'select',
    label: { zh: '量化方式', en: 'Scheme' },
    optionLabels: { symmetric: { zh: '对称（无零点）', en: 'Symmetric (no zero point)' }, affine: { zh: '仿射（带零点）', en: 'Affine (with zero point)' } },
    when: { method: ['quantize'] },
  },
  granularity: {
    type: 'enum',
    default: 'channel',
    options: ['channel', 'tensor'] as const,
    live: true,
    group: 'compress',
    control: 'select',
    label: { zh: '粒度', en: 'Granularity' },
    optionLabels: { channel: { zh: '逐通道（每个输出一组尺度）', en: 'Per channel (a scale per output)' }, tensor: { zh: '逐张量（整个矩阵一组尺度）', en: 'Per tensor (one scale per matrix)' } },
    when: { method: ['quantize'] },
  },
  /** Percentage of each kernel's weights set to zero. */
  sparsity: {
    type: 'number',
    default: 50,
    min: 0,
    max: 99,
    integer: true,
    step: 1,
    live: true,
    group: 'compress',
    unit: { zh: '%', en: '%' },
    label: { zh: '剪掉的权重比例', en: 'Share of weights pruned' },
    when: { method: ['prune'] },
  },
  /** Rank kept in each dense kernel. */
  rank: { type: 'number', default: 16, min: 1, max: 64, integer: true, step: 1, live: true, group: 'compress', label: { zh: '保留的秩', en: 'Rank kept' }, when: { method: ['lowRank'] } },
  /**
   * Which model to compress: one the lab trains itself, or the MLP the reader trained in Chapter 4's DigitsTrainer
   * (kept in this browser's IndexedDB). Without a stored one the lab trains its own and says so.
   */
  source: {
    type: 'enum',
    default: 'train',
    options: ['train', 'digits'] as const,
    control: 'chips',
    group: 'model',
    label: { zh: '要压缩的模型', en: 'Model to compress' },
    optionLabels: { train: { zh: '在这里训练一个', en: 'Train one here' }, digits: { zh: '第 4 章里你训练的那个', en: 'The one you trained in Chapter 4' } },
  },
  /** Hidden units of the MNIST model the lab trains. */
  hidden: { type: 'number', default: 64, min: 8, max: 128, integer: true, step: 8, group: 'model', label: { zh: '隐藏层神经元数', en: 'Hidden units' }, when: { source: ['train'] } },
  /** Training steps before compressing; more steps carry on training the same model. */
  steps: { type: 'number', default: 300, min: 50, max: 2000, integer: true, step: 50, live: true, group: 'model', label: { zh: '训练步数', en: 'Training steps' }, when: { source: ['train'] } },
  seed: seedField('model'),
  backend: backendField('model'),
} satisfies Schema;

export type QuantLabValues = Values<typeof quantLabSchema>;

/** What the page asks the trained run to compress. */
export type CompressSpec =
  | { method: 'float32' }
  | { method: 'quantize'; bits: (typeof QUANT_BITS)[number]; scheme: 'affine' | 'symmetric'; granularity: 'tensor' | 'channel' }
  | { method: 'prune'; sparsity: number }
  | { method: 'lowRank'; rank: number };

export interface Histogram {
  /** Bin edges, length bins + 1. */
  edges: number[];
  counts: number[];
}

export interface CompressionReport {
  spec: CompressSpec;
  accuracy: number | null;
  loss: number;
  bytes: number;
  floatBytes: number;
  /** Histogram of the first kernel's weights before and after compression, on the same bins. */
  before: Histogram;
  after: Histogram;
}

export interface SweepReport {
  points: { bits: number; accuracy: number | null; bytes: number }[];
  floatAccuracy: number | null;
  floatBytes: number;
}

/** The digit model stored by DigitsTrainer, as the lab describes it. */
export interface StoredDigitsModel {
  hidden: number[];
  step: number;
  testAccuracy: number;
  savedAt: number;
}

export interface QuantLabInfo {
  params: number;
  /** The model compressed: trained here, or the reader's from Chapter 4. */
  source: 'train' | 'digits';
  /** The model DigitsTrainer stored in this browser, if any (offered when the lab trains its own). */
  stored: StoredDigitsModel | null;
  /** Asked for the Chapter 4 model, but this browser holds none: the lab trains its own. */
  missing: boolean;
  /** Architecture in words, e.g. "784 → 64 → 10". */
  architecture: string;
}

/** Steps after which the lab counts a model as trained: the settings' steps, or the step a loaded model was trained to. */
export function trainedAt(info: Pick<QuantLabInfo, 'source' | 'stored'> | null, steps: number): number {
  return info?.source === 'digits' && info.stored ? info.stored.step : steps;
}

export type QuantLabRequests = {
  compress: { payload: CompressSpec; reply: CompressionReport };
  sweep: { payload: { scheme: 'affine' | 'symmetric'; granularity: 'tensor' | 'channel' }; reply: SweepReport };
};

/** The compression the settings describe. */
export function compressSpec(v: QuantLabValues): CompressSpec {
  if (v.method === 'prune') return { method: 'prune', sparsity: v.sparsity / 100 };
  if (v.method === 'lowRank') return { method: 'lowRank', rank: v.rank };
  return { method: 'quantize', bits: Number(v.bits) as (typeof QUANT_BITS)[number], scheme: v.scheme, granularity: v.granularity };
}

/** Counts of `values` in `bins` equal-width bins over [lo, hi] (values outside are clamped into the end bins). */
export function histogram(values: ArrayLike<number>, bins: number, lo: number, hi: number): Histogram {
  const counts = new Array<number>(bins).fill(0);
  const width = (hi - lo) / bins || 1;
  for (let i = 0; i < values.length; i++) {
    const k = Math.min(bins - 1, Math.max(0, Math.floor((values[i]! - lo) / width)));
    counts[k]! += 1;
  }
  const edges = Array.from({ length: bins + 1 }, (_, i) => lo + i * width);
  return { edges, counts };
}

/** The range [min, max] of values, widened a little so the extremes fall inside; [−1, 1] for an empty array. */
export function range(values: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [-1, 1];
  const pad = (hi - lo) * 1e-6 || 1e-6;
  return [lo - pad, hi + pad];
}

const task: TrainingTask<QuantLabValues, QuantLabInfo, undefined, QuantLabRequests> = {
  async build({ tf, basePath, origin, cache }, s) {
    const [{ buildModel, checkModelConfig, countParams }, { createTrainer }, { evaluateCompressed }, { loadMnistSubset, mnistPixelsToFloat, oneHot }, { saveWeights, restoreWeights }, { loadModel, DIGITS_MODEL_KEY }] =
      await Promise.all([import('../ml/models'), import('../ml/train'), import('../ml/compress'), import('../ml/mnist'), import('../training/snapshot'), import('../ml/model-store')]);
    const stored = await loadModel(DIGITS_MODEL_KEY);
    const useStored = s.source === 'digits' && stored !== null;
    const hidden = useStored ? stored.hidden : [s.hidden];
    const config = { kind: 'mlp' as const, inputDim: 784, hidden, activation: 'relu' as const, outputUnits: 10, outputActivation: 'softmax' as const, seed: s.seed };
    const problems = checkModelConfig(config, 64);
    if (problems.length) throw new TaskRefused(problems.map((p) => p.message));
    const url = `${origin}${basePath}${MNIST_SUBSET_PATH}`;
    let mnist = cache.get(url) as Awaited<ReturnType<typeof loadMnistSubset>> | undefined;
    if (!mnist) {
      mnist = await loadMnistSubset(url);
      cache.set(url, mnist);
    }
    const model = buildModel(config);
    const train = { xs: tf.tensor2d(mnistPixelsToFloat(mnist.train), [mnist.train.count, 784]), ys: tf.tensor2d(oneHot(mnist.train.labels), [mnist.train.count, 10]) };
    const test = { xs: tf.tensor2d(mnistPixelsToFloat(mnist.test), [mnist.test.count, 784]), ys: tf.tensor2d(oneHot(mnist.test.labels), [mnist.test.count, 10]) };
    const trainer = createTrainer({ tf, model, data: train, loss: 'categoricalCrossentropy', optimizer: 'adam', learningRate: 0.003, batchSize: 64, seed: s.seed, readLossEvery: 5 });
    const compressed = (spec: CompressSpec) => evaluateCompressed({ tf, model, spec, data: test, loss: 'categoricalCrossentropy' });
    if (useStored) {
      restoreWeights(tf, model, { step: stored.step, weights: stored.weights });
      trainer.resumeAt(stored.step);
    }
    const info: QuantLabInfo = {
      params: countParams(config),
      source: useStored ? 'digits' : 'train',
      stored: stored && { hidden: stored.hidden, step: stored.step, testAccuracy: stored.testAccuracy, savedAt: stored.savedAt },
      missing: s.source === 'digits' && !useStored,
      architecture: [784, ...hidden, 10].join(' → '),
    };
    const run = {
      info,
      targetSteps: trainedAt(info, s.steps),
      step: (n: number) => trainer.step(n),
      warmUp: () => trainer.warmUp(),
      progress: () => trainer.progress(),
      async frame() {
        const t = await trainer.evaluate(test);
        return { metrics: { testLoss: t.loss, testAccuracy: t.accuracy } };
      },
      tune(next: QuantLabValues) {
        run.targetSteps = trainedAt(info, next.steps);
      },
      requests: {
        async compress(spec: CompressSpec): Promise<CompressionReport> {
          const r = await compressed(spec);
          const first = r.compressed.tensors.find((t) => t.shape.length >= 2)!;
          const original = (await model.weights.find((w) => (w.originalName ?? w.name) === first.name)!.read().data()) as Float32Array;
          const [lo, hi] = range(original);
          return {
            spec,
            accuracy: r.accuracy,
            loss: r.loss,
            bytes: r.compressed.bytes,
            floatBytes: r.compressed.floatBytes,
            before: histogram(original, 41, lo, hi),
            after: histogram(first.values, 41, lo, hi),
          };
        },
        async sweep({ scheme, granularity }: QuantLabRequests['sweep']['payload']): Promise<SweepReport> {
          const float = await compressed({ method: 'float32' });
          const points: SweepReport['points'] = [];
          for (const bits of QUANT_BITS) {
            const r = await compressed({ method: 'quantize', bits, scheme, granularity });
            points.push({ bits, accuracy: r.accuracy, bytes: r.compressed.bytes });
          }
          return { points, floatAccuracy: float.accuracy, floatBytes: float.compressed.floatBytes };
        },
      },
      save: () => saveWeights(model, trainer.progress().step),
      restore(snapshot: Parameters<typeof restoreWeights>[2]) {
        restoreWeights(tf, model, snapshot);
        trainer.resumeAt(snapshot.step);
      },
      dispose() {
        trainer.dispose();
        model.dispose();
        tf.dispose([train.xs, train.ys, test.xs, test.ys]);
      },
    };
    return run;
  },
};

export const quantLab = defineWidget({
  id: QUANT_LAB_ID,
  tag: 'QuantizationLab',
  title: { zh: '量化实验室：压缩你刚训练的模型', en: 'Quantization lab: compress the model you just trained' },
  schema: quantLabSchema,
  groups: [
    { id: 'compress', label: { zh: '压缩', en: 'Compression' }, open: true },
    { id: 'model', label: { zh: '模型与训练设置', en: 'Model and training settings' } },
  ],
  strings: bilingual({
    zh: {
      intro: (h: number) => `在 6,000 张 MNIST 手写数字上训练一个 784→${h}→10 的小网络（几秒钟），再压缩它的权重，在同样的 1,000 张测试图片上量出准确率和精确的存储字节数。`,
      train: '训练模型',
      trainFirst: '先训练模型，再看压缩的效果。',
      storedOffer: (arch: string, acc: string) => `这个浏览器里存着你在第 4 章训练的数字识别模型（${arch}，测试准确率 ${acc}）。`,
      useStored: '改为压缩它',
      usingStored: (arch: string, acc: string, steps: string) => `正在压缩你在第 4 章训练的模型：${arch}，训练了 ${steps} 步，当时的测试准确率 ${acc}。不需要重新训练。`,
      missingStored: '这个浏览器里还没有第 4 章训练好的模型（需要用多层感知机训练到设定的轮数结束），所以这里先训练一个自己的。',
      chapter4: '去第 4 章训练一个',
      measuring: '正在测量…',
      model: '模型',
      accuracy: '测试准确率',
      size: '权重大小',
      ratio: '压缩比',
      float32: 'float32 原模型',
      current: '当前设置',
      short: { symmetric: '对称', affine: '仿射', channel: '逐通道', tensor: '逐张量' },
      sweepTitle: (scheme: string, gran: string) => `准确率与比特数（${scheme}，${gran}），在同一个模型上实测`,
      bitsAxis: '每个权重的比特数',
      bits: '比特数',
      histTitle: '第一层权重的分布：压缩前（实线）与压缩后（虚线）',
      before: '压缩前',
      after: '压缩后',
      weight: '权重值',
      count: '个数',
      step: '步数',
      loss: '训练损失',
      seeTable: '以表格查看',
      bitRow: (bits: number, scheme: string, gran: string) => `${bits} 位（${scheme}，${gran}）`,
      tableCaption: '同一个模型在各种比特数下的实测准确率与存储大小',
    },
    en: {
      intro: (h: number) => `Trains a small 784→${h}→10 network on 6,000 MNIST digits (seconds), then compresses its weights and measures accuracy and the exact bytes stored, on the same 1,000 held-out digits.`,
      train: 'Train the model',
      trainFirst: 'Train the model first, then see what compression does to it.',
      storedOffer: (arch: string, acc: string) => `This browser holds the digit model you trained in Chapter 4 (${arch}, ${acc} on the test digits).`,
      useStored: 'Compress that one instead',
      usingStored: (arch: string, acc: string, steps: string) => `Compressing the model you trained in Chapter 4: ${arch}, ${steps} steps, ${acc} on the test digits when it finished. No retraining needed.`,
      missingStored: 'This browser holds no model from Chapter 4 yet (train the multilayer perceptron there until its epochs are done), so the lab trains its own.',
      chapter4: 'Train one in Chapter 4',
      measuring: 'Measuring…',
      model: 'Model',
      accuracy: 'Test accuracy',
      size: 'Weights',
      ratio: 'Compression',
      float32: 'float32 original',
      current: 'This setting',
      short: { symmetric: 'symmetric', affine: 'affine', channel: 'per channel', tensor: 'per tensor' },
      sweepTitle: (scheme: string, gran: string) => `Accuracy against bits (${scheme}, ${gran}), measured on the same model`,
      bitsAxis: 'Bits per weight',
      bits: 'Bits',
      histTitle: 'First-layer weights before (solid) and after (dashed) compression',
      before: 'Before',
      after: 'After',
      weight: 'Weight value',
      count: 'Count',
      step: 'Step',
      loss: 'Training loss',
      seeTable: 'See as a table',
      bitRow: (bits: number, scheme: string, gran: string) => `${bits}-bit (${scheme}, ${gran})`,
      tableCaption: 'Accuracy and size of the same model at every bit width, measured',
    },
  }),
  task,
  placeholderHeight: 640,
});

export default quantLab;
