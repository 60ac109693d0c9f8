import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel, checkModelConfig, countParams, MODEL_CAPS, type CnnConfig, type MlpConfig, type ModelConfig } from './models';
import { createTrainer } from './train';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const mlp = (over: Partial<MlpConfig> = {}): MlpConfig => ({
  kind: 'mlp',
  inputDim: 2,
  hidden: [4, 2],
  activation: 'relu',
  outputUnits: 1,
  outputActivation: 'sigmoid',
  seed: 1,
  ...over,
});
const cnn = (over: Partial<CnnConfig> = {}): CnnConfig => ({ kind: 'cnn', seed: 1, ...over });

async function weightsOf(config: ModelConfig): Promise<number[]> {
  const m = buildModel(config);
  const out = (await Promise.all(m.getWeights().map((w) => w.data()))).flatMap((d) => Array.from(d));
  m.dispose();
  return out;
}

describe('buildModel', () => {
  it.each([
    // 2·4 + 4 + 4·2 + 2 + 2·1 + 1 = 25
    ['a playground MLP', mlp(), 25],
    // 784·128 + 128 + 128·10 + 10 = 101,770
    ['an MNIST MLP', mlp({ inputDim: 784, hidden: [128], outputUnits: 10, outputActivation: 'softmax' }), 101_770],
    // a logistic regression: 2·1 + 1
    ['a model with no hidden layer', mlp({ hidden: [] }), 3],
    // conv 8·5·5·1 + 8 = 208; conv 16·5·5·8 + 16 = 3,216; 28 → 24 → 12 → 8 → 4, 4·4·16 = 256; dense 256·10 + 10 = 2,570
    ['the default CNN', cnn(), 5_994],
    // 28 → 26 → 13 → 11 → 5, 5·5·8 = 200 → dense 32 → 10: 40 + 296 + 6,432 + 330
    ['a configured CNN', cnn({ conv: [{ filters: 4, kernelSize: 3 }, { filters: 8, kernelSize: 3 }], dense: [32] }), 40 + 296 + 6_432 + 330],
  ])('builds %s with the parameter count computed by hand', (_name, config, params) => {
    expect(countParams(config)).toBe(params);
    const m = buildModel(config);
    expect(m.countParams()).toBe(params);
    m.dispose();
  });

  it('reproduces the initial weights from the seed, and changes them with it', async () => {
    const a = await weightsOf(mlp({ seed: 5 }));
    expect(await weightsOf(mlp({ seed: 5 }))).toEqual(a);
    expect(await weightsOf(mlp({ seed: 6 }))).not.toEqual(a);
    const c = await weightsOf(cnn({ seed: 5 }));
    expect(await weightsOf(cnn({ seed: 5 }))).toEqual(c);
  });

  it('maps a batch of 28×28×1 digits to 10 probabilities and trains a step on the CPU', { timeout: 20_000 }, async () => {
    const m = buildModel(cnn());
    // tfjs's CPU Conv2DBackpropFilter is slow (~0.1 s per image here): a batch of 2 and one step.
    const xs = tf.randomUniform([2, 28, 28, 1], 0, 1, 'float32', 1);
    const ys = tf.tensor1d([3, 7]);
    const out = m.predict(xs) as tf.Tensor;
    expect(out.shape).toEqual([2, 10]);
    const sums = await tf.sum(out, -1).data();
    for (const s of sums) expect(s).toBeCloseTo(1, 5);
    const trainer = createTrainer({ tf, model: m, data: { xs, ys }, loss: 'sparseCategoricalCrossentropy', optimizer: 'adam', learningRate: 0.01, batchSize: 2, seed: 1 });
    const p = await trainer.step(1);
    expect(Number.isFinite(p.loss)).toBe(true);
    trainer.dispose();
    tf.dispose([xs, ys, out]);
    m.dispose();
  });

  it('refuses to build a model over the caps', () => {
    expect(() => buildModel(mlp({ hidden: [65] }))).toThrow('64 units');
  });
});

describe('checkModelConfig', () => {
  it('accepts models within the caps', () => {
    expect(checkModelConfig(mlp({ hidden: [64, 64, 64, 64, 64, 64] }), 512)).toEqual([]);
    expect(checkModelConfig(mlp({ inputDim: 784, hidden: [256], outputUnits: 10, outputActivation: 'softmax' }))).toEqual([]);
    expect(checkModelConfig(cnn({ conv: [{ filters: 32, kernelSize: 5 }, { filters: 32, kernelSize: 5 }] }))).toEqual([]);
  });

  it.each<[string, ModelConfig, number | undefined, string]>([
    ['seven hidden layers in the playground', mlp({ hidden: [4, 4, 4, 4, 4, 4, 4] }), undefined, 'tooManyLayers'],
    ['65 units in the playground', mlp({ hidden: [65] }), undefined, 'tooManyUnits'],
    ['a zero-width layer', mlp({ hidden: [0] }), undefined, 'tooManyUnits'],
    ['257 units in an MNIST MLP', mlp({ inputDim: 784, hidden: [257] }), undefined, 'tooManyUnits'],
    ['a batch of 513', mlp(), 513, 'batchTooLarge'],
    ['a dropout of 0.95', mlp({ dropout: 0.95 }), undefined, 'badDropout'],
    ['a negative L2', mlp({ l2: -1 }), undefined, 'badL2'],
    ['33 filters', cnn({ conv: [{ filters: 33, kernelSize: 5 }] }), undefined, 'tooManyFilters'],
    ['four convolutions', cnn({ conv: [1, 2, 3, 4].map(() => ({ filters: 4, kernelSize: 3 })) }), undefined, 'tooManyLayers'],
    ['a 9×9 kernel', cnn({ conv: [{ filters: 4, kernelSize: 9 }] }), undefined, 'badKernelSize'],
    ['convolutions that shrink the image to nothing', cnn({ conv: [1, 2, 3].map(() => ({ filters: 4, kernelSize: 7 })) }), undefined, 'imageTooSmall'],
    ['too many parameters', mlp({ inputDim: 784, hidden: [256, 256, 256, 256], outputUnits: 10, outputActivation: 'softmax' }), undefined, 'tooManyParams'],
  ])('refuses %s, in both languages', (_name, config, batch, code) => {
    const problems = checkModelConfig(config, batch);
    expect(problems.map((p) => p.code)).toContain(code);
    for (const p of problems) {
      expect(p.message.en.length).toBeGreaterThan(10);
      expect(p.message.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('names the playground caps in its messages', () => {
    const [p] = checkModelConfig(mlp({ hidden: [100] }));
    expect(p!.message.en).toContain(String(MODEL_CAPS.playground.maxUnits));
    expect(p!.message.zh).toContain('100');
  });
});
