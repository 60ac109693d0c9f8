/**
 * The networks the book trains: a multilayer perceptron (the 2-D playground, an MNIST MLP) and a small CNN for
 * 28×28×1 digits, built with tfjs-layers. Every kernel initialiser is seeded (glorotUniform with a per-layer seed
 * drawn from the model's seed) and dropout masks come from a seeded layer, so a seed reproduces a run.
 *
 * Import this module lazily (inside an effect or a worker): it loads tfjs-layers.
 */
import { dropout as tfDropout, serialization, tidy, type Tensor } from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import type { Bilingual } from '../i18n';
import { createRng } from '../random';
import { ACTIVATIONS, MODEL_CAPS, type Activation, type OutputActivation } from './caps';

export { ACTIVATIONS, MODEL_CAPS, type Activation, type OutputActivation };


export interface MlpConfig {
  kind: 'mlp';
  /** Number of input features (2 for the playground's x, y; 784 for MNIST). */
  inputDim: number;
  /** Width of each hidden layer, input side first; [] is a linear/logistic model. */
  hidden: number[];
  activation: Activation;
  /** L2 penalty λ added to the loss as λ·Σw² over every kernel (not biases); 0 or absent for none. */
  l2?: number;
  /** Dropout rate after each hidden layer, in [0, 1); 0 or absent for none. */
  dropout?: number;
  outputUnits: number;
  outputActivation: OutputActivation;
  seed: number;
}

export interface ConvSpec {
  filters: number;
  /** Square kernel side, in pixels. */
  kernelSize: number;
}

export interface CnnConfig {
  kind: 'cnn';
  /** [height, width, channels]; default [28, 28, 1]. */
  inputShape?: [number, number, number];
  /** Convolutions, each followed by a max-pool; default conv 8 5×5 → pool → conv 16 5×5 → pool. */
  conv?: ConvSpec[];
  /** Max-pool window and stride; default 2. */
  poolSize?: number;
  /** Activation of the convolutions and hidden dense layers; default relu. */
  activation?: Activation;
  /** Hidden dense layers between the flattened features and the output; default none. */
  dense?: number[];
  /** Output classes (softmax); default 10. */
  classes?: number;
  l2?: number;
  /** Dropout rate before the output layer. */
  dropout?: number;
  seed: number;
}

/** Any model the book builds, discriminated by `kind`. */
export type ModelConfig = MlpConfig | CnnConfig;

/** The default digit CNN: conv 8@5×5 → pool 2 → conv 16@5×5 → pool 2 → dense 10 (5,994 parameters). */
export const DEFAULT_CNN: Required<Omit<CnnConfig, 'seed' | 'l2' | 'dropout'>> = {
  kind: 'cnn',
  inputShape: [28, 28, 1],
  conv: [
    { filters: 8, kernelSize: 5 },
    { filters: 16, kernelSize: 5 },
  ],
  poolSize: 2,
  activation: 'relu',
  dense: [],
  classes: 10,
};


export interface ModelProblem {
  /** Stable code for tests: 'tooManyLayers', 'tooManyUnits', 'batchTooLarge', … */
  code: string;
  /** The config field it is about. */
  field: string;
  message: Bilingual;
}

const problem = (code: string, field: string, message: Bilingual): ModelProblem => ({ code, field, message });
const isPosInt = (n: number) => Number.isInteger(n) && n >= 1;

/** Output side length after each conv ('valid', side − k + 1) and max-pool (⌊side / pool⌋); [] if the input is not square-ish. */
function cnnSides(c: Required<Omit<CnnConfig, 'l2' | 'dropout'>>): { h: number; w: number }[] {
  let h = c.inputShape[0];
  let w = c.inputShape[1];
  const out: { h: number; w: number }[] = [];
  for (const { kernelSize } of c.conv) {
    h = Math.floor((h - kernelSize + 1) / c.poolSize);
    w = Math.floor((w - kernelSize + 1) / c.poolSize);
    out.push({ h, w });
  }
  return out;
}

/** A CNN config with every default filled in. */
export function resolveCnn(c: CnnConfig): Required<Omit<CnnConfig, 'l2' | 'dropout'>> & Pick<CnnConfig, 'l2' | 'dropout'> {
  return { ...DEFAULT_CNN, ...c };
}

/** Number of trainable parameters (weights + biases) of a config, computed without building it. */
export function countParams(config: ModelConfig): number {
  if (config.kind === 'mlp') {
    let n = 0;
    let fanIn = config.inputDim;
    for (const units of [...config.hidden, config.outputUnits]) {
      n += fanIn * units + units;
      fanIn = units;
    }
    return n;
  }
  const c = resolveCnn(config);
  let n = 0;
  let channels = c.inputShape[2];
  for (const { filters, kernelSize } of c.conv) {
    n += kernelSize * kernelSize * channels * filters + filters;
    channels = filters;
  }
  const last = cnnSides(c).at(-1) ?? { h: c.inputShape[0], w: c.inputShape[1] };
  let fanIn = Math.max(0, last.h) * Math.max(0, last.w) * channels;
  for (const units of [...c.dense, c.classes]) {
    n += fanIn * units + units;
    fanIn = units;
  }
  return n;
}

/**
 * Checks a model (and optionally its batch size) against MODEL_CAPS and basic sanity; returns the problems in both
 * languages, [] when the model may be built.
 */
export function checkModelConfig(config: ModelConfig, batchSize?: number): ModelProblem[] {
  const p: ModelProblem[] = [];
  const caps = MODEL_CAPS;
  if (batchSize !== undefined && (!isPosInt(batchSize) || batchSize > caps.maxBatchSize)) {
    p.push(
      problem('batchTooLarge', 'batchSize', {
        zh: `批大小必须是 1 到 ${caps.maxBatchSize} 之间的整数。`,
        en: `The batch size must be a whole number from 1 to ${caps.maxBatchSize}.`,
      }),
    );
  }
  if (config.l2 !== undefined && !(config.l2 >= 0 && config.l2 <= caps.maxL2)) {
    p.push(
      problem('badL2', 'l2', {
        zh: `L2 正则系数必须在 0 到 ${caps.maxL2} 之间。`,
        en: `The L2 penalty must lie between 0 and ${caps.maxL2}.`,
      }),
    );
  }
  if (config.dropout !== undefined && !(config.dropout >= 0 && config.dropout <= caps.maxDropout)) {
    p.push(
      problem('badDropout', 'dropout', {
        zh: `Dropout 比例必须在 0 到 ${caps.maxDropout} 之间。`,
        en: `The dropout rate must lie between 0 and ${caps.maxDropout}.`,
      }),
    );
  }
  if (config.kind === 'mlp') {
    const small = config.inputDim <= caps.playground.maxInputDim;
    const c = small ? caps.playground : caps.mlp;
    const where = small ? { en: ' in the playground', zh: '（游乐场）' } : { en: '', zh: '' };
    if (!isPosInt(config.inputDim) || config.inputDim > caps.mlp.maxInputDim) {
      p.push(
        problem('badInputDim', 'inputDim', {
          zh: `输入特征数必须在 1 到 ${caps.mlp.maxInputDim} 之间。`,
          en: `The input must have 1 to ${caps.mlp.maxInputDim} features.`,
        }),
      );
    }
    if (config.hidden.length > c.maxHiddenLayers) {
      p.push(
        problem('tooManyLayers', 'hidden', {
          zh: `隐藏层最多 ${c.maxHiddenLayers} 层${where.zh}，此模型有 ${config.hidden.length} 层。`,
          en: `At most ${c.maxHiddenLayers} hidden layers${where.en}; this model has ${config.hidden.length}.`,
        }),
      );
    }
    const wide = config.hidden.find((u) => !isPosInt(u) || u > c.maxUnits);
    if (wide !== undefined) {
      p.push(
        problem('tooManyUnits', 'hidden', {
          zh: `每个隐藏层的单元数必须在 1 到 ${c.maxUnits} 之间${where.zh}，其中一层为 ${wide}。`,
          en: `Each hidden layer may have 1 to ${c.maxUnits} units${where.en}; one has ${wide}.`,
        }),
      );
    }
    if (!isPosInt(config.outputUnits) || config.outputUnits > caps.maxOutputUnits) {
      p.push(
        problem('badOutputUnits', 'outputUnits', {
          zh: `输出单元数必须在 1 到 ${caps.maxOutputUnits} 之间。`,
          en: `The output must have 1 to ${caps.maxOutputUnits} units.`,
        }),
      );
    }
  } else {
    const c = resolveCnn(config);
    const cc = caps.cnn;
    const [h, w, ch] = c.inputShape;
    if (![h, w, ch].every(isPosInt) || h > cc.maxInputSide || w > cc.maxInputSide || ch > 4) {
      p.push(
        problem('badInputShape', 'inputShape', {
          zh: `输入图像最大 ${cc.maxInputSide}×${cc.maxInputSide} 像素，通道数 1 到 4。`,
          en: `The input must be at most ${cc.maxInputSide}×${cc.maxInputSide} pixels with 1 to 4 channels.`,
        }),
      );
    }
    if (c.conv.length < 1 || c.conv.length > cc.maxConvLayers) {
      p.push(
        problem('tooManyLayers', 'conv', {
          zh: `卷积层必须有 1 到 ${cc.maxConvLayers} 层，此模型有 ${c.conv.length} 层。`,
          en: `A CNN here has 1 to ${cc.maxConvLayers} convolution layers; this one has ${c.conv.length}.`,
        }),
      );
    }
    const many = c.conv.find((l) => !isPosInt(l.filters) || l.filters > cc.maxFilters);
    if (many) {
      p.push(
        problem('tooManyFilters', 'conv', {
          zh: `每个卷积层的滤波器数必须在 1 到 ${cc.maxFilters} 之间，其中一层为 ${many.filters}。`,
          en: `Each convolution may have 1 to ${cc.maxFilters} filters; one has ${many.filters}.`,
        }),
      );
    }
    const big = c.conv.find((l) => !isPosInt(l.kernelSize) || l.kernelSize > cc.maxKernelSize);
    if (big) {
      p.push(
        problem('badKernelSize', 'conv', {
          zh: `卷积核大小必须在 1×1 到 ${cc.maxKernelSize}×${cc.maxKernelSize} 之间，其中一个为 ${big.kernelSize}。`,
          en: `Kernels may be 1×1 to ${cc.maxKernelSize}×${cc.maxKernelSize}; one is ${big.kernelSize}.`,
        }),
      );
    }
    if (!isPosInt(c.poolSize) || c.poolSize > cc.maxPoolSize) {
      p.push(
        problem('badPoolSize', 'poolSize', {
          zh: `池化窗口必须在 1 到 ${cc.maxPoolSize} 之间。`,
          en: `The pooling window must be 1 to ${cc.maxPoolSize}.`,
        }),
      );
    }
    if (c.dense.length > cc.maxDenseLayers || c.dense.some((u) => !isPosInt(u) || u > cc.maxDenseUnits)) {
      p.push(
        problem('tooManyUnits', 'dense', {
          zh: `全连接隐藏层最多 ${cc.maxDenseLayers} 层，每层 1 到 ${cc.maxDenseUnits} 个单元。`,
          en: `At most ${cc.maxDenseLayers} hidden dense layers of 1 to ${cc.maxDenseUnits} units.`,
        }),
      );
    }
    if (!isPosInt(c.classes) || c.classes > cc.maxClasses) {
      p.push(
        problem('badOutputUnits', 'classes', {
          zh: `输出类别数必须在 1 到 ${cc.maxClasses} 之间。`,
          en: `The output must have 1 to ${cc.maxClasses} classes.`,
        }),
      );
    }
    if (p.length === 0 && cnnSides(c).some((s) => s.h < 1 || s.w < 1)) {
      p.push(
        problem('imageTooSmall', 'conv', {
          zh: '卷积和池化把图像缩小到了零：请减少层数或减小卷积核。',
          en: 'The convolutions and pooling shrink the image to nothing: use fewer or smaller layers.',
        }),
      );
    }
  }
  if (p.length === 0) {
    const n = countParams(config);
    if (n > caps.maxParams) {
      p.push(
        problem('tooManyParams', 'model', {
          zh: `此模型有 ${n.toLocaleString('zh-CN')} 个参数，上限为 ${caps.maxParams.toLocaleString('zh-CN')}。`,
          en: `This model has ${n.toLocaleString('en-US')} parameters; the limit is ${caps.maxParams.toLocaleString('en-US')}.`,
        }),
      );
    }
  }
  return p;
}

interface SeededDropoutArgs {
  rate: number;
  seed: number;
  name?: string;
}

/**
 * Dropout whose masks are reproducible: call k of the layer in training uses seed + k. (tfjs's own dropout layer
 * either draws from an unseeded generator or, given a seed, reuses the same mask at every step.)
 */
export class SeededDropout extends tfl.layers.Layer {
  static className = 'SeededDropout';
  readonly rate: number;
  readonly seed: number;
  private calls = 0;

  constructor(args: SeededDropoutArgs) {
    super({ name: args.name });
    this.rate = args.rate;
    this.seed = args.seed;
    this.supportsMasking = true;
  }

  override call(inputs: Tensor | Tensor[], kwargs: { training?: boolean }): Tensor {
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    if (!kwargs.training || this.rate <= 0) return x.clone();
    const seed = this.seed + this.calls++;
    return tidy(() => tfDropout(x, this.rate, undefined, seed));
  }

  override getConfig(): serialization.ConfigDict {
    return { ...super.getConfig(), rate: this.rate, seed: this.seed };
  }
}
serialization.registerClass(SeededDropout);

/** Builds the model a config describes, with seeded initialisers; the caller disposes it (model.dispose()). */
export function buildModel(config: ModelConfig): tfl.Sequential {
  const problems = checkModelConfig(config);
  if (problems.length) throw new Error(`buildModel: ${problems.map((x) => x.message.en).join(' ')}`);
  const rng = createRng(config.seed);
  const nextSeed = () => rng.int(2 ** 31);
  const kernel = () => tfl.initializers.glorotUniform({ seed: nextSeed() });
  const reg = config.l2 ? { kernelRegularizer: tfl.regularizers.l2({ l2: config.l2 }) } : {};
  const dropout = (i: number) => new SeededDropout({ rate: config.dropout ?? 0, seed: nextSeed(), name: `dropout_${i}` });
  const model = tfl.sequential();

  if (config.kind === 'mlp') {
    config.hidden.forEach((units, i) => {
      model.add(
        tfl.layers.dense({
          units,
          activation: config.activation,
          kernelInitializer: kernel(),
          ...reg,
          name: `hidden_${i}`,
          ...(i === 0 ? { inputShape: [config.inputDim] } : {}),
        }),
      );
      if (config.dropout) model.add(dropout(i));
    });
    model.add(
      tfl.layers.dense({
        units: config.outputUnits,
        activation: config.outputActivation,
        kernelInitializer: kernel(),
        ...reg,
        name: 'output',
        ...(config.hidden.length === 0 ? { inputShape: [config.inputDim] } : {}),
      }),
    );
    return model;
  }

  const c = resolveCnn(config);
  c.conv.forEach(({ filters, kernelSize }, i) => {
    model.add(
      tfl.layers.conv2d({
        filters,
        kernelSize,
        activation: c.activation,
        kernelInitializer: kernel(),
        ...reg,
        name: `conv_${i}`,
        ...(i === 0 ? { inputShape: c.inputShape } : {}),
      }),
    );
    model.add(tfl.layers.maxPooling2d({ poolSize: c.poolSize, strides: c.poolSize, name: `pool_${i}` }));
  });
  model.add(tfl.layers.flatten({ name: 'flatten' }));
  c.dense.forEach((units, i) => {
    model.add(tfl.layers.dense({ units, activation: c.activation, kernelInitializer: kernel(), ...reg, name: `dense_${i}` }));
  });
  if (c.dropout) model.add(dropout(0));
  model.add(tfl.layers.dense({ units: c.classes, activation: 'softmax', kernelInitializer: kernel(), ...reg, name: 'output' }));
  return model;
}
