/**
 * DigitsTrainer: trains an MLP or a small CNN on the packed MNIST subset (6,000 training and 1,000 test digits) in the
 * reader's browser. The page sees the loss and test accuracy as it trains, a confusion matrix whose cells open the
 * digits behind them, per-class precision, recall and F1, and the model's probabilities for a digit the reader draws.
 * Learning rate, batch size and the number of epochs apply to the running model; the model, its width and the seed
 * rebuild it. The CNN needs convolution gradients, which tfjs's WASM backend lacks, so it never runs there.
 */
import { bilingual } from '../i18n';
import { CONV_TRAINING_KERNELS } from '../ml/backends';
import type { Schema, Values } from '../state/schema';
import { TaskRefused, type TrainingTask } from '../training/task';
import { backendField, defineWidget, seedField } from './define';
import { MNIST_SUBSET_PATH } from './quant-lab';

export const DIGITS_TRAINER_ID = 'digitsTrainer';
export const DIGIT_CLASSES = 10;
/** Training digits in the packed subset (scripts/pack-mnist.mjs). */
export const DIGITS_TRAIN_COUNT = 6000;
/** Test digits in the packed subset: never trained on, measured a few times an epoch. */
export const DIGITS_TEST_COUNT = 1000;
/** The MLP's hidden layer widths a reader can choose. */
export const DIGITS_HIDDEN = [32, 64, 128, 256] as const;
/** Learning rates offered (Adam). */
export const DIGITS_LEARNING_RATES = [0.0003, 0.001, 0.003, 0.01, 0.03, 0.1] as const;
/** Test-set evaluations per epoch (each is one forward pass over the 1,000 test digits and one read-back). */
export const EVALS_PER_EPOCH = 4;
/** At most this many misclassified digits are sent for a cell of the confusion matrix. */
export const MAX_EXAMPLES = 24;

export const digitsTrainerSchema = {
  /** A multilayer perceptron on the 784 pixels, or a convolutional network on the 28×28 image. */
  model: {
    type: 'enum',
    default: 'mlp',
    options: ['mlp', 'cnn'] as const,
    control: 'chips',
    group: 'model',
    label: { zh: '模型', en: 'Model' },
    optionLabels: { mlp: { zh: '多层感知机（MLP）', en: 'Multilayer perceptron' }, cnn: { zh: '小型卷积网络（CNN）', en: 'Small CNN' } },
    hint: {
      zh: 'CNN 需要卷积的梯度，而 TensorFlow.js 的 WASM 后端没有这些运算，所以 CNN 从不在 WASM 上运行。',
      en: 'The CNN needs convolution gradients, which the TensorFlow.js WASM backend lacks, so the CNN never runs on WASM.',
    },
  },
  /** Width of the MLP's one hidden layer (784 → hidden → 10). */
  hidden: {
    type: 'number',
    default: 128,
    min: 32,
    max: 256,
    integer: true,
    ladder: DIGITS_HIDDEN,
    control: 'select',
    group: 'model',
    label: { zh: '隐藏层神经元数', en: 'Hidden units' },
    when: { model: ['mlp'] },
  },
  lr: {
    type: 'number',
    default: 0.003,
    min: 0.0001,
    max: 0.1,
    ladder: DIGITS_LEARNING_RATES,
    control: 'select',
    live: true,
    group: 'training',
    label: { zh: '学习率（Adam）', en: 'Learning rate (Adam)' },
  },
  batch: {
    type: 'number',
    default: 64,
    min: 8,
    max: 256,
    integer: true,
    ladder: [8, 16, 32, 64, 128, 256],
    control: 'select',
    live: true,
    group: 'training',
    label: { zh: '批大小', en: 'Batch size' },
  },
  /** Passes over the 6,000 training digits before training stops by itself; more carry on the same model. */
  epochs: {
    type: 'number',
    default: 3,
    min: 1,
    max: 30,
    integer: true,
    step: 1,
    live: true,
    group: 'training',
    label: { zh: '训练轮数（epoch）', en: 'Epochs' },
    hint: { zh: '一轮 = 把 6,000 张训练图片全部看一遍。', en: 'One epoch is one pass over the 6,000 training digits.' },
  },
  seed: seedField('model'),
  backend: backendField('training'),
} satisfies Schema;

export type DigitsTrainerValues = Values<typeof digitsTrainerSchema>;

/** Optimisation steps in one epoch of n examples with minibatches of `batch`: ⌈n / batch⌉. */
export function stepsPerEpoch(n: number, batch: number): number {
  if (!(Number.isInteger(n) && n > 0 && Number.isInteger(batch) && batch > 0)) throw new RangeError(`stepsPerEpoch: n and batch must be positive integers (got ${n}, ${batch})`);
  return Math.ceil(n / batch);
}

/** Steps after which training stops by itself: `epochs` epochs of the training set at this batch size. */
export function targetSteps(v: Pick<DigitsTrainerValues, 'epochs' | 'batch'>, n = DIGITS_TRAIN_COUNT): number {
  return v.epochs * stepsPerEpoch(n, v.batch);
}

/** Steps between two measurements of the test set. */
export function evalInterval(batch: number, n = DIGITS_TRAIN_COUNT): number {
  return Math.max(1, Math.round(stepsPerEpoch(n, batch) / EVALS_PER_EPOCH));
}

/** The epochs completed after `step` steps, as a decimal (2.5 = half-way through the third). */
export function epochsDone(step: number, batch: number, n = DIGITS_TRAIN_COUNT): number {
  return step / stepsPerEpoch(n, batch);
}

/** What one pass over the test digits found: the numbers the page prints and the matrix it draws. */
export interface DigitsEvaluation {
  /** Mean cross-entropy −ln p(true class) over the test digits. */
  loss: number;
  accuracy: number;
  /** confusion[actual][predicted], counts. */
  confusion: number[][];
  /** The step it was measured at. */
  step: number;
}

/**
 * Loss, accuracy, predictions and confusion matrix from the model's probabilities on n examples (n × classes values,
 * row-major) and their labels. Probabilities are clipped at 1e-7 before the log, as tfjs's cross-entropy does.
 */
export function evaluateProbabilities(probs: ArrayLike<number>, labels: ArrayLike<number>, classes = DIGIT_CLASSES): { loss: number; accuracy: number; predictions: Uint8Array; confidence: Float32Array; confusion: number[][] } {
  const n = labels.length;
  if (probs.length !== n * classes) throw new RangeError(`evaluateProbabilities: ${probs.length} probabilities for ${n} labels of ${classes} classes`);
  const predictions = new Uint8Array(n);
  const confidence = new Float32Array(n);
  const confusion = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  let loss = 0;
  let correct = 0;
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < classes; c++) if (probs[i * classes + c]! > probs[i * classes + best]!) best = c;
    const label = labels[i]!;
    if (!(Number.isInteger(label) && label >= 0 && label < classes)) throw new RangeError(`evaluateProbabilities: label ${label} at ${i} is not a class 0…${classes - 1}`);
    predictions[i] = best;
    confidence[i] = probs[i * classes + best]!;
    loss -= Math.log(Math.min(1, Math.max(1e-7, probs[i * classes + label]!)));
    if (best === label) correct++;
    confusion[label]![best]! += 1;
  }
  return { loss: n ? loss / n : NaN, accuracy: n ? correct / n : NaN, predictions, confidence, confusion };
}

/**
 * Indices of the examples whose true class is `actual` and predicted class `predicted`, most confident first, at most
 * `limit`. On the diagonal (actual = predicted) these are the correct ones, least confident first: the near misses.
 */
export function examplesOf(labels: ArrayLike<number>, predictions: ArrayLike<number>, confidence: ArrayLike<number>, actual: number, predicted: number, limit = MAX_EXAMPLES): number[] {
  const out: number[] = [];
  for (let i = 0; i < labels.length; i++) if (labels[i] === actual && predictions[i] === predicted) out.push(i);
  const sign = actual === predicted ? 1 : -1;
  out.sort((a, b) => sign * (confidence[a]! - confidence[b]!) || a - b);
  return out.slice(0, limit);
}

export interface DigitsInfo {
  params: number;
  trainCount: number;
  testCount: number;
  /** The model the run trains ('mlp' or 'cnn'), and its layers in words. */
  model: 'mlp' | 'cnn';
  architecture: string;
}

export interface DigitsExtra {
  /** The latest evaluation on the test digits, or null before the first. */
  evaluation: DigitsEvaluation | null;
  /** The step at which the trained MLP was last kept in this browser for Chapter 6's Quantization Lab, or null. */
  storedStep: number | null;
}

export interface DigitsExamples {
  actual: number;
  predicted: number;
  /** How many test digits fall in the cell in all. */
  total: number;
  indices: number[];
  /** 784 bytes (0–255) per example, in `indices` order. */
  images: Uint8Array;
  confidence: number[];
  step: number;
}

export type DigitsRequests = {
  /** The model's probabilities for a 28×28 image (784 values in [0, 1], ink = 1). */
  predict: { payload: Float32Array; reply: number[] };
  /** The test digits of one cell of the confusion matrix, from the latest evaluation. */
  examples: { payload: { actual: number; predicted: number }; reply: DigitsExamples | null };
};

const task: TrainingTask<DigitsTrainerValues, DigitsInfo, DigitsExtra, DigitsRequests> = {
  requiredKernels: (s) => (s.model === 'cnn' ? CONV_TRAINING_KERNELS : []),
  async build({ tf, basePath, origin, cache }, s) {
    const [{ buildModel, checkModelConfig, countParams, DEFAULT_CNN }, { createTrainer }, { loadMnistSubset, mnistPixelsToFloat, oneHot }, { saveWeights, restoreWeights }, { storeModel, DIGITS_MODEL_KEY }] =
      await Promise.all([import('../ml/models'), import('../ml/train'), import('../ml/mnist'), import('../training/snapshot'), import('../ml/model-store')]);
    const config =
      s.model === 'cnn'
        ? { kind: 'cnn' as const, seed: s.seed }
        : { kind: 'mlp' as const, inputDim: 784, hidden: [s.hidden], activation: 'relu' as const, outputUnits: 10, outputActivation: 'softmax' as const, seed: s.seed };
    const problems = checkModelConfig(config, s.batch);
    if (problems.length) throw new TaskRefused(problems.map((p) => p.message));
    const url = `${origin}${basePath}${MNIST_SUBSET_PATH}`;
    let mnist = cache.get(url) as Awaited<ReturnType<typeof loadMnistSubset>> | undefined;
    if (!mnist) {
      mnist = await loadMnistSubset(url);
      cache.set(url, mnist);
    }
    const shape = (count: number): number[] => (s.model === 'cnn' ? [count, 28, 28, 1] : [count, 784]);
    const model = buildModel(config);
    const train = { xs: tf.tensor(mnistPixelsToFloat(mnist.train), shape(mnist.train.count)), ys: tf.tensor2d(oneHot(mnist.train.labels), [mnist.train.count, 10]) };
    const testXs = tf.tensor(mnistPixelsToFloat(mnist.test), shape(mnist.test.count));
    const testLabels = mnist.test.labels;
    const trainer = createTrainer({ tf, model, data: train, loss: 'categoricalCrossentropy', optimizer: 'adam', learningRate: s.lr, batchSize: s.batch, seed: s.seed, readLossEvery: 5 });

    let batch = s.batch;
    let storedAt = -1;
    let storedStep: number | null = null;
    let last: (ReturnType<typeof evaluateProbabilities> & { step: number }) | null = null;
    /** The model's probabilities on some inputs, in chunks, read back once. */
    const probabilities = async (xs: import('@tensorflow/tfjs-core').Tensor): Promise<Float32Array> => {
      const out = tf.tidy(() => model.predict(xs, { batchSize: 500 }) as import('@tensorflow/tfjs-core').Tensor);
      try {
        return (await out.data()) as Float32Array;
      } finally {
        out.dispose();
      }
    };
    const measure = async () => {
      const step = trainer.progress().step;
      if (last && last.step === step) return last;
      const probs = await probabilities(testXs);
      last = { ...evaluateProbabilities(probs, testLabels), step };
      return last;
    };
    const architecture =
      s.model === 'cnn'
        ? `conv ${DEFAULT_CNN.conv.map((c) => `${c.filters}@${c.kernelSize}×${c.kernelSize}`).join(' → pool → conv ')} → pool → 10`
        : `784 → ${s.hidden} → 10`;

    const run = {
      info: { params: countParams(config), trainCount: mnist.train.count, testCount: mnist.test.count, model: s.model, architecture },
      targetSteps: targetSteps(s, mnist.train.count),
      step: (n: number) => trainer.step(n),
      warmUp: () => trainer.warmUp(),
      progress: () => trainer.progress(),
      async frame() {
        const step = trainer.progress().step;
        const done = step > 0 && step >= run.targetSteps;
        const due = !last || step === 0 || step - last.step >= evalInterval(batch, mnist!.train.count) || done;
        const e = due ? await measure() : last!;
        if (done && s.model === 'mlp' && storedAt !== step) {
          // Kept for Chapter 6's Quantization Lab: the trained MLP, in IndexedDB, once per finished run.
          storedAt = step;
          const snap = await saveWeights(model, step);
          const ok = await storeModel(DIGITS_MODEL_KEY, {
            kind: 'mlp',
            inputDim: 784,
            hidden: [s.hidden],
            outputUnits: 10,
            weights: snap.weights,
            shapes: model.weights.map((w) => [...w.shape] as number[]),
            step,
            testAccuracy: e.accuracy,
            seed: s.seed,
            savedAt: Date.now(),
          });
          if (ok) storedStep = step;
        }
        return {
          metrics: { testLoss: e.loss, testAccuracy: e.accuracy, epoch: epochsDone(step, batch, mnist!.train.count) },
          extra: { evaluation: { loss: e.loss, accuracy: e.accuracy, confusion: e.confusion, step: e.step }, storedStep },
        };
      },
      tune(next: DigitsTrainerValues) {
        batch = next.batch;
        trainer.tune({ learningRate: next.lr, batchSize: next.batch });
        run.targetSteps = targetSteps(next, mnist!.train.count);
      },
      requests: {
        async predict(pixels: Float32Array): Promise<number[]> {
          if (!(pixels instanceof Float32Array) || pixels.length !== 784) throw new Error(`predict: expected 784 pixels, got ${(pixels as { length?: number })?.length}`);
          const x = tf.tensor(pixels, shape(1));
          try {
            return Array.from(await probabilities(x));
          } finally {
            x.dispose();
          }
        },
        async examples({ actual, predicted }: { actual: number; predicted: number }): Promise<DigitsExamples | null> {
          const e = await measure();
          const indices = examplesOf(testLabels, e.predictions, e.confidence, actual, predicted);
          const total = e.confusion[actual]?.[predicted] ?? 0;
          const images = new Uint8Array(indices.length * 784);
          indices.forEach((i, k) => images.set(mnist!.test.images.subarray(i * 784, (i + 1) * 784), k * 784));
          return { actual, predicted, total, indices, images, confidence: indices.map((i) => e.confidence[i]!), step: e.step };
        },
      },
      save: () => saveWeights(model, trainer.progress().step),
      restore(snapshot: Parameters<typeof restoreWeights>[2]) {
        restoreWeights(tf, model, snapshot);
        trainer.resumeAt(snapshot.step);
        last = null;
      },
      dispose() {
        trainer.dispose();
        model.dispose();
        tf.dispose([train.xs, train.ys, testXs]);
      },
    };
    return run;
  },
};

export const digitsTrainer = defineWidget({
  id: DIGITS_TRAINER_ID,
  tag: 'DigitsTrainer',
  title: { zh: '手写数字识别：在浏览器里训练、评估、试写', en: 'Digit recogniser: train, evaluate and test it with your own handwriting' },
  schema: digitsTrainerSchema,
  groups: [
    { id: 'model', label: { zh: '模型', en: 'Model' }, open: true },
    { id: 'training', label: { zh: '训练设置', en: 'Training' } },
  ],
  strings: bilingual({
    zh: {
      intro: (train: number, test: number) =>
        `在 ${train.toLocaleString('zh-CN')} 张 MNIST 手写数字上训练，在另外 ${test.toLocaleString('zh-CN')} 张从未见过的测试图片上检验。点混淆矩阵的格子，看看模型把哪些数字认错了；再在画板上亲手写一个数字，看它怎么判断。`,
      train: '开始训练',
      epoch: '轮数',
      step: '步数',
      loss: '训练损失',
      testLoss: '测试损失',
      accuracy: '测试准确率',
      params: '参数量',
      architecture: '结构',
      notYet: '尚未测量',
      curvesTitle: '训练损失（每 5 步读回一次）与测试准确率',
      lossAxis: '损失',
      accuracyAxis: '准确率',
      stepAxis: '训练步数',
      seeTable: '以表格查看',
      confusionTitle: '混淆矩阵：行是真实数字，列是模型的预测',
      confusionHint: '格子里的数是测试图片的张数。对角线以外的格子是认错的；点一个格子（或用方向键选中后按回车）查看那些图片。',
      actual: '真实',
      predicted: '预测',
      cellLabel: (a: number, p: number, n: number) => (a === p ? `真实 ${a}，预测 ${p}：${n} 张，认对了` : `真实 ${a}，预测 ${p}：${n} 张，认错了`),
      examplesTitle: (a: number, p: number, total: number, shown: number) =>
        a === p ? `真实为 ${a} 且认对的 ${total} 张里，最没把握的 ${shown} 张` : `真实为 ${a}、却被认成 ${p} 的 ${total} 张里，最有把握的 ${shown} 张`,
      noExamples: '这个格子是空的：没有这样的测试图片。',
      confidence: '把握',
      closeExamples: '收起',
      perClassTitle: '每个数字的精确率、召回率与 F1',
      digit: '数字',
      precision: '精确率',
      recall: '召回率',
      f1: 'F1',
      support: '测试张数',
      macro: '宏平均',
      padTitle: '写一个数字',
      padHelp: '用鼠标、手指或触控笔在框里写一个 0–9 的数字，尽量写大、写在中间。',
      padLabel: '手写数字画板',
      clear: '清除',
      preprocessed: '模型看到的 28×28 输入',
      preprocessedAlt: '按 MNIST 的方式处理后的输入：缩放进 20×20 的框，按重心居中在 28×28 的画布里',
      probabilities: '模型给出的概率',
      guess: (d: number, p: string) => `模型认为是 ${d}（${p}）`,
      drawFirst: '写一个数字，这里会显示模型给每个数字的概率。',
      trainToGuess: '模型还没训练；先开始训练，概率才有意义。',
      tooSmall: '写得太小了，再写大一点。',
      probTable: '每个数字的概率',
      kept: '训练好的模型已保存在这个浏览器里，第 6 章的量化实验室可以直接压缩它：',
      keptLink: '去量化实验室',
    },
    en: {
      intro: (train: number, test: number) =>
        `Trains on ${train.toLocaleString('en-US')} MNIST digits and checks itself on ${test.toLocaleString('en-US')} test digits it never sees in training. Click a cell of the confusion matrix to see which digits it gets wrong; write a digit on the pad to see what the model makes of it.`,
      train: 'Train',
      epoch: 'Epoch',
      step: 'Step',
      loss: 'Training loss',
      testLoss: 'Test loss',
      accuracy: 'Test accuracy',
      params: 'Parameters',
      architecture: 'Layers',
      notYet: 'not measured yet',
      curvesTitle: 'Training loss (read back every 5 steps) and test accuracy',
      lossAxis: 'Loss',
      accuracyAxis: 'Accuracy',
      stepAxis: 'Training step',
      seeTable: 'See as a table',
      confusionTitle: 'Confusion matrix: rows are the true digits, columns what the model predicted',
      confusionHint: 'Each number counts test digits. Cells off the diagonal are mistakes; click a cell (or select it with the arrow keys and press Enter) to see its digits.',
      actual: 'True',
      predicted: 'Predicted',
      cellLabel: (a: number, p: number, n: number) => (a === p ? `true ${a}, predicted ${p}: ${n} digits, correct` : `true ${a}, predicted ${p}: ${n} digits, wrong`),
      examplesTitle: (a: number, p: number, total: number, shown: number) =>
        a === p ? `The ${shown} least confident of the ${total} ${a}s classified correctly` : `The ${shown} most confident of the ${total} ${a}s taken for a ${p}`,
      noExamples: 'This cell is empty: no test digit falls in it.',
      confidence: 'confidence',
      closeExamples: 'Close',
      perClassTitle: 'Precision, recall and F1 for each digit',
      digit: 'Digit',
      precision: 'Precision',
      recall: 'Recall',
      f1: 'F1',
      support: 'Test digits',
      macro: 'Macro average',
      padTitle: 'Write a digit',
      padHelp: 'Write a digit from 0 to 9 in the box with a mouse, a finger or a pen; large and in the middle works best.',
      padLabel: 'Drawing pad for a digit',
      clear: 'Clear',
      preprocessed: 'The 28×28 input the model sees',
      preprocessedAlt: 'The drawing prepared as MNIST was: scaled into a 20×20 box and centred by its centre of mass in a 28×28 field',
      probabilities: 'The model’s probabilities',
      guess: (d: number, p: string) => `The model reads a ${d} (${p})`,
      drawFirst: 'Write a digit and the model’s probability for each class shows here.',
      trainToGuess: 'The model is untrained; train it first for the probabilities to mean anything.',
      tooSmall: 'Too small: write it larger.',
      probTable: 'Probability of each digit',
      kept: 'The trained model is kept in this browser; the Quantization Lab of Chapter 6 can compress it:',
      keptLink: 'open the lab',
    },
  }),
  task,
  placeholderHeight: 900,
});

export default digitsTrainer;
