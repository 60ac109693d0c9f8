/**
 * PlaygroundTrainer: a TensorFlow-Playground-style multilayer perceptron on 2-D data, trained live in the worker.
 * Its schema drives the controls, the MDX defaults and the URL (`?playground.<key>=…`); the caps come from
 * lib/ml/caps.ts. Learning rate, optimizer, batch size and L2 apply to the running model; the rest rebuild it.
 */
import { bilingual } from '../i18n';
import { ACTIVATIONS, MODEL_CAPS, OPTIMIZERS } from '../ml/caps';
import { DATASET_KINDS, MAX_NOISE, generateDataset, gridPoints } from '../ml/datasets';
import type { Schema, Values } from '../state/schema';
import { TaskRefused, type TrainingTask } from '../training/task';
import { backendField, defineWidget, seedField } from './define';

export const PLAYGROUND_ID = 'playground';

/** TensorFlow Playground's learning-rate ladder; any value in [1e-5, 10] is accepted from a link. */
export const LEARNING_RATES = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10] as const;
/** The L2 strengths the control offers. */
export const L2_LADDER = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1] as const;
/** Points in the playground's data sets (train + test), as in TensorFlow Playground. */
export const PLAYGROUND_POINTS = 500;
/** Resolution of the decision-boundary grid (drawn smoothed, so a modest grid looks continuous). */
export const BOUNDARY_RESOLUTION = 48;

const CAPS = MODEL_CAPS.playground;

export const playgroundSchema = {
  dataset: {
    type: 'enum',
    default: 'circle',
    options: DATASET_KINDS,
    group: 'data',
    control: 'chips',
    label: { zh: '数据集', en: 'Data set' },
    optionLabels: {
      circle: { zh: '圆形', en: 'Circle' },
      xor: { zh: '异或', en: 'XOR' },
      gaussians: { zh: '两团高斯', en: 'Two Gaussians' },
      spiral: { zh: '螺旋', en: 'Spiral' },
    },
  },
  noise: { type: 'number', default: 0, min: 0, max: MAX_NOISE, integer: true, step: 5, group: 'data', label: { zh: '噪声', en: 'Noise' } },
  /** Percentage of the points used for training. */
  ratio: {
    type: 'number',
    default: 50,
    min: 10,
    max: 90,
    integer: true,
    step: 10,
    group: 'data',
    unit: { zh: '%', en: '%' },
    label: { zh: '训练集占比', en: 'Share of data for training' },
  },
  layers: {
    type: 'intList',
    default: [4, 2],
    min: 1,
    max: CAPS.maxUnits,
    minLength: 0,
    maxLength: CAPS.maxHiddenLayers,
    group: 'model',
    label: { zh: '隐藏层（每层神经元数）', en: 'Hidden layers (units in each)' },
    hint: {
      zh: `最多 ${CAPS.maxHiddenLayers} 层、每层 ${CAPS.maxUnits} 个神经元：这个上限让浏览器标签页不会耗尽显存。`,
      en: `At most ${CAPS.maxHiddenLayers} layers of ${CAPS.maxUnits} units: the cap keeps a browser tab from running out of GPU memory.`,
    },
    itemLabel: { zh: (i: number) => `第 ${i} 层`, en: (i: number) => `Layer ${i}` },
  },
  activation: { type: 'enum', default: 'tanh', options: ACTIVATIONS, control: 'select', group: 'model', label: { zh: '激活函数', en: 'Activation' } },
  lr: {
    type: 'number',
    default: 0.03,
    min: 0.00001,
    max: 10,
    ladder: LEARNING_RATES,
    control: 'select',
    live: true,
    group: 'training',
    label: { zh: '学习率', en: 'Learning rate' },
  },
  optimizer: {
    type: 'enum',
    default: 'sgd',
    options: OPTIMIZERS,
    control: 'select',
    live: true,
    group: 'training',
    label: { zh: '优化器', en: 'Optimizer' },
    optionLabels: {
      sgd: { zh: 'SGD', en: 'SGD' },
      momentum: { zh: '动量 SGD', en: 'SGD with momentum' },
      adam: { zh: 'Adam', en: 'Adam' },
      rmsprop: { zh: 'RMSProp', en: 'RMSProp' },
      adamw: { zh: 'AdamW（解耦权重衰减）', en: 'AdamW (decoupled weight decay)' },
    },
  },
  batch: {
    type: 'number',
    default: 10,
    min: 1,
    max: 250,
    integer: true,
    ladder: [1, 2, 5, 10, 20, 30, 50, 100, 150, 200, 250],
    live: true,
    group: 'training',
    label: { zh: '批大小', en: 'Batch size' },
  },
  l2: { type: 'number', default: 0, min: 0, max: MODEL_CAPS.maxL2, ladder: L2_LADDER, control: 'select', live: true, group: 'training', label: { zh: 'L2 正则化', en: 'L2 regularisation' } },
  seed: seedField('model'),
  backend: backendField('training'),
} satisfies Schema;

export type PlaygroundValues = Values<typeof playgroundSchema>;

export interface PlaygroundInfo {
  params: number;
  points: { train: Float32Array; trainLabels: Float32Array; test: Float32Array; testLabels: Float32Array };
}

export interface PlaygroundExtra {
  /** Probability of class 1 on a resolution² grid, row-major from the top-left. */
  boundary: Float32Array;
  resolution: number;
}

/** Builds the MLP, its data and its trainer on the session's backend, and compiles the GPU shaders ahead of time. */
const task: TrainingTask<PlaygroundValues, PlaygroundInfo, PlaygroundExtra> = {
  // What a step costs depends on the network and the batch, not on the data set, its noise or the seed.
  timingKeys: ['layers', 'activation', 'batch'],
  async build({ tf, backend }, s) {
    const [{ buildModel, checkModelConfig, countParams }, { createTrainer }, { saveWeights, restoreWeights }] = await Promise.all([
      import('../ml/models'),
      import('../ml/train'),
      import('../training/snapshot'),
    ]);
    const config = { kind: 'mlp' as const, inputDim: 2, hidden: [...s.layers], activation: s.activation, outputUnits: 1, outputActivation: 'sigmoid' as const, seed: s.seed };
    const problems = checkModelConfig(config, s.batch);
    if (problems.length) throw new TaskRefused(problems.map((p) => p.message));
    const data = generateDataset({ kind: s.dataset, seed: s.seed, noise: s.noise, count: PLAYGROUND_POINTS, trainFraction: s.ratio / 100 });
    const model = buildModel(config);
    const train = { xs: tf.tensor2d(data.train.xs, [data.train.count, 2]), ys: tf.tensor2d(data.train.labels, [data.train.count, 1]) };
    const test = { xs: tf.tensor2d(data.test.xs, [data.test.count, 2]), ys: tf.tensor2d(data.test.labels, [data.test.count, 1]) };
    const hyper = { loss: 'binaryCrossentropy' as const, optimizer: s.optimizer, learningRate: s.lr, batchSize: s.batch, l2: s.l2, readLossEvery: 5 };

    // On a GPU backend the first step compiles its shaders (seconds on a software GPU). A few throwaway steps on a
    // twin model with the same shapes compile them now, so pressing Train answers at once.
    if (backend === 'webgl' || backend === 'webgpu') {
      const twin = buildModel({ ...config, seed: config.seed + 1 });
      const t = createTrainer({ tf, model: twin, data: train, ...hyper, learningRate: Math.min(s.lr, 0.01), seed: 0 });
      try {
        await t.step(5);
        await t.evaluate(test);
      } finally {
        t.dispose();
        twin.dispose();
      }
    }

    const trainer = createTrainer({ tf, model, data: train, ...hyper, seed: s.seed });
    const grid = gridPoints(BOUNDARY_RESOLUTION);
    return {
      info: {
        params: countParams(config),
        points: { train: data.train.xs, trainLabels: data.train.labels, test: data.test.xs, testLabels: data.test.labels },
      },
      step: (n) => trainer.step(n),
      warmUp: () => trainer.warmUp(),
      progress: () => trainer.progress(),
      async frame() {
        const testEval = await trainer.evaluate(test);
        const trainEval = await trainer.evaluate(train);
        const boundary = await trainer.predictGrid(grid, 2);
        return {
          metrics: { testLoss: testEval.loss, testAccuracy: testEval.accuracy, trainLoss: trainEval.loss, trainAccuracy: trainEval.accuracy },
          extra: { boundary, resolution: BOUNDARY_RESOLUTION },
        };
      },
      tune: (next) => trainer.tune({ learningRate: next.lr, optimizer: next.optimizer, batchSize: next.batch, l2: next.l2 }),
      save: () => saveWeights(model, trainer.progress().step),
      restore(snapshot) {
        restoreWeights(tf, model, snapshot);
        trainer.resumeAt(snapshot.step);
      },
      dispose() {
        trainer.dispose();
        model.dispose();
        tf.dispose([train.xs, train.ys, test.xs, test.ys]);
      },
    };
  },
};

export const playground = defineWidget({
  id: PLAYGROUND_ID,
  tag: 'PlaygroundTrainer',
  title: { zh: '神经网络游乐场：在你的 GPU 上训练', en: 'Neural network playground: training on your GPU' },
  schema: playgroundSchema,
  groups: [
    { id: 'data', label: { zh: '数据', en: 'Data' }, open: true },
    { id: 'model', label: { zh: '网络', en: 'Network' } },
    { id: 'training', label: { zh: '训练', en: 'Training' } },
  ],
  strings: bilingual({
    zh: {
      step: '步数',
      loss: '损失',
      trainLoss: '训练损失',
      testLoss: '测试损失',
      testAccuracy: '测试准确率',
      params: (n: string) => `模型共有 ${n} 个参数。`,
      noCurveYet: '按“开始训练”后，这里会画出训练损失和测试损失。',
      legend: '背景颜色是模型的判断（蓝 = 类别 1，橙 = 类别 0，颜色越深越确定）；实心点是训练数据，空心圆是测试数据。',
      heatmapLabel: (d: string) => `数据集“${d}”上的决策边界热力图；旁边的数值给出了训练和测试的损失与准确率。`,
      curveCaption: '训练损失（整个训练集）与测试损失，随步数变化',
      curveTable: '以表格查看',
    },
    en: {
      step: 'Step',
      loss: 'Loss',
      trainLoss: 'Training loss',
      testLoss: 'Test loss',
      testAccuracy: 'Test accuracy',
      params: (n: string) => `The model has ${n} parameters.`,
      noCurveYet: 'Press Train and the training and test loss curves appear here.',
      legend: 'The background is the model’s verdict (blue = class 1, orange = class 0, deeper = more certain); filled dots are training data, rings are test data.',
      heatmapLabel: (d: string) => `Decision-boundary heat map on the ${d} data set; the numbers beside it give the training and test loss and accuracy.`,
      curveCaption: 'Training loss (whole training set) and test loss against steps',
      curveTable: 'See as a table',
    },
  }),
  task,
  placeholderHeight: 720,
});

export default playground;
