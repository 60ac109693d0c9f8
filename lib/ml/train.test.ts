import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { generateDataset, gridPoints, type DatasetKind } from './datasets';
import { buildModel, type Activation, type MlpConfig } from './models';
import { createStepLoss, createTrainer, directForward, logitsHead, evaluateModel, lossTensor, OPTIMIZERS, trainWithFit, type LossName, type OptimizerName } from './train';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function setup(kind: DatasetKind, over: Partial<MlpConfig> = {}, seed = 1) {
  const d = generateDataset({ kind, seed, noise: 0, count: 400 });
  const model = buildModel({ kind: 'mlp', inputDim: 2, hidden: [8, 8], activation: 'tanh', outputUnits: 1, outputActivation: 'sigmoid', seed, ...over });
  const train = { xs: tf.tensor2d(d.train.xs, [d.train.count, 2]), ys: tf.tensor2d(d.train.labels, [d.train.count, 1]) };
  const test = { xs: tf.tensor2d(d.test.xs, [d.test.count, 2]), ys: tf.tensor2d(d.test.labels, [d.test.count, 1]) };
  const dispose = () => {
    model.dispose();
    tf.dispose([train.xs, train.ys, test.xs, test.ys]);
  };
  return { model, train, test, dispose };
}

/** Trains `steps` steps in chunks of `every`, returning every loss read (step 1, then each `every`). */
async function curve(options: { kind: DatasetKind; optimizer: OptimizerName; learningRate: number; steps: number; seed?: number; every?: number; dropout?: number; activation?: Activation }) {
  const { kind, optimizer, learningRate, steps, seed = 1, every = 20 } = options;
  const s = setup(kind, { dropout: options.dropout, activation: options.activation ?? 'tanh' }, seed);
  const trainer = createTrainer({ tf, model: s.model, data: s.train, loss: 'binaryCrossentropy', optimizer, learningRate, batchSize: 32, seed, readLossEvery: every });
  const losses: number[] = [(await trainer.step(1)).loss!];
  for (let done = 1; done < steps; ) {
    const chunk = Math.min(every - (done % every), steps - done);
    const p = await trainer.step(chunk);
    done += chunk;
    if (p.lossStep === done) losses.push(p.loss!);
  }
  const evaluation = await trainer.evaluate(s.test);
  trainer.dispose();
  s.dispose();
  return { losses, evaluation };
}

describe('createTrainer', () => {
  it.each([
    ['xor', 'adam', 0.03],
    ['circle', 'adam', 0.03],
    ['xor', 'sgd', 0.3],
  ] as const)('brings the loss down on %s with %s (lr %s) within 300 steps', async (kind, optimizer, learningRate) => {
    const { losses, evaluation } = await curve({ kind, optimizer, learningRate, steps: 300 });
    // At initialisation the loss of a sigmoid unit is near ln 2 ≈ 0.69; a solved set is far below.
    expect(losses[0]).toBeGreaterThan(0.4);
    expect(losses.at(-1)!).toBeLessThan(0.3 * losses[0]!);
    expect(evaluation.accuracy).toBeGreaterThan(0.9);
  });

  it('gives the same losses for the same seed, dropout included, and others for another seed', async () => {
    const a = await curve({ kind: 'circle', optimizer: 'adam', learningRate: 0.03, steps: 60, dropout: 0.2 });
    const b = await curve({ kind: 'circle', optimizer: 'adam', learningRate: 0.03, steps: 60, dropout: 0.2 });
    const c = await curve({ kind: 'circle', optimizer: 'adam', learningRate: 0.03, steps: 60, dropout: 0.2, seed: 2 });
    expect(b.losses).toEqual(a.losses);
    expect(c.losses).not.toEqual(a.losses);
  });

  it('stops with nonFinite when sgd at lr 10 blows a linear regression up, keeping the last finite loss', async () => {
    const s = setup('circle', { hidden: [8], activation: 'linear', outputActivation: 'linear' });
    const trainer = createTrainer({ tf, model: s.model, data: s.train, loss: 'meanSquaredError', optimizer: 'sgd', learningRate: 10, batchSize: 32, seed: 1, readLossEvery: 5 });
    const p = await trainer.step(200);
    expect(p.diverged?.reason).toBe('nonFinite');
    expect(Number.isFinite(p.loss)).toBe(true);
    expect(p.step).toBeLessThan(200); // it stopped early
    expect(p.diverged?.message.en).toContain('diverged');
    expect(p.diverged?.message.zh).toContain('发散');
    const again = await trainer.step(10);
    expect(again.step).toBe(p.step); // no more steps once diverged
    trainer.dispose();
    s.dispose();
  });

  it('stops with exploded when sgd at lr 10 throws a relu classifier far above its initial loss', async () => {
    const s = setup('circle', { hidden: [16, 16, 16], activation: 'relu' });
    const trainer = createTrainer({ tf, model: s.model, data: s.train, loss: 'binaryCrossentropy', optimizer: 'sgd', learningRate: 10, batchSize: 32, seed: 1, readLossEvery: 5 });
    const p = await trainer.step(200);
    expect(p.diverged?.reason).toBe('exploded');
    // The smoothed loss crossed 5 × the initial loss (≈ 0.69); the read that tipped it is far above that start.
    expect(p.diverged!.loss).toBeGreaterThan(3);
    expect(p.diverged!.step).toBeLessThanOrEqual(200);
    trainer.dispose();
    s.dispose();
  });

  it('warms up without changing anything: the same losses after it, every optimizer, dropout and L2, no tensor left', async () => {
    for (const optimizer of OPTIMIZERS) {
      const losses = async (warm: boolean) => {
        const s = setup('circle', { l2: 0.001, dropout: 0.2 });
        const before = tf.memory().numTensors;
        const trainer = createTrainer({ tf, model: s.model, data: s.train, loss: 'binaryCrossentropy', optimizer, learningRate: 0.03, batchSize: 16, seed: 3, readLossEvery: 5, l2: 0.01 });
        const made = tf.memory().numTensors;
        if (warm) {
          const weights = s.model.getWeights().map((w) => Array.from(w.dataSync()));
          await trainer.warmUp();
          expect(tf.memory().numTensors, optimizer).toBe(made);
          expect(s.model.getWeights().map((w) => Array.from(w.dataSync()))).toEqual(weights);
          expect(trainer.progress().step).toBe(0);
        }
        const out: number[] = [];
        for (let i = 0; i < 6; i++) out.push((await trainer.step(5)).loss!);
        trainer.dispose();
        expect(tf.memory().numTensors).toBe(before);
        s.dispose();
        return out;
      };
      expect(await losses(true), optimizer).toEqual(await losses(false));
    }
  });

  it('runs steps asked for during a warm-up after it', async () => {
    const s = setup('xor');
    const trainer = createTrainer({ tf, model: s.model, data: s.train, loss: 'binaryCrossentropy', optimizer: 'adam', learningRate: 0.03, batchSize: 16, seed: 1 });
    const order: string[] = [];
    const warm = trainer.warmUp().then(() => order.push('warm'));
    const step = trainer.step(3).then((p) => order.push(`step ${p.step}`));
    await Promise.all([warm, step]);
    expect(order).toEqual(['warm', 'step 3']);
    trainer.dispose();
    s.dispose();
  });

  it('keeps tf.memory().numTensors flat over many steps and back to the baseline after dispose', async () => {
    for (const optimizer of OPTIMIZERS) {
      const s = setup('xor', { l2: 0.001, dropout: 0.1 });
      const baseline = tf.memory().numTensors;
      const trainer = createTrainer({ tf, model: s.model, data: s.train, loss: 'binaryCrossentropy', optimizer, learningRate: 0.01, batchSize: 16, seed: 1, readLossEvery: 7 });
      await trainer.step(20);
      const during = tf.memory().numTensors;
      await trainer.step(optimizer === 'adam' ? 200 : 50);
      expect(tf.memory().numTensors).toBe(during); // nothing accumulates step after step
      await trainer.evaluate(s.test);
      await trainer.predictGrid(gridPoints(10));
      expect(tf.memory().numTensors).toBe(during);
      trainer.dispose();
      expect(tf.memory().numTensors).toBe(baseline);
      s.dispose();
    }
  });

  it('makes no tensor from a JS number during a step, but one permutation per epoch (every optimizer, L2)', async () => {
    // Engine.makeTensor is where tf.scalar, tf.tensor and an op given a plain number create a tensor (an upload on a GPU
    // backend); an op's output is made elsewhere. tfjs's own optimizers and tf.mean's gradient would add several here.
    const engine = tf.engine() as unknown as { makeTensor: (...a: unknown[]) => unknown };
    const make = engine.makeTensor;
    // (Through model.apply, tfjs-layers' tanh and sigmoid gradients still make their scalar 1 at each step: the book's
    // MLPs train through directForward, so that path is the one held to zero.)
    for (const optimizer of OPTIMIZERS) {
      for (const direct of [true]) {
        const s = setup('circle');
        const n = s.train.xs.shape[0]!;
        const trainer = createTrainer({ tf, model: s.model, data: s.train, loss: 'binaryCrossentropy', optimizer, learningRate: 0.01, batchSize: 16, seed: 1, readLossEvery: 1000, l2: 0.01, direct });
        await trainer.step(2);
        let made = 0;
        engine.makeTensor = function (this: unknown, ...a: unknown[]) {
          made++;
          return make.apply(this, a);
        };
        const steps = 60;
        try {
          await trainer.step(steps);
        } finally {
          engine.makeTensor = make;
        }
        const epochs = Math.ceil(steps / Math.floor(n / 16));
        expect(made, `${optimizer}, direct ${direct}`).toBeLessThanOrEqual(epochs);
        expect(made, `${optimizer}, direct ${direct}`).toBeGreaterThan(0); // the counter counts
        trainer.dispose();
        s.dispose();
      }
    }
  });

  it('reads the loss back only at step 1 and every readLossEvery steps, never with dataSync', async () => {
    const s = setup('xor', { dropout: 0.1, l2: 0.001 });
    const trainer = createTrainer({ tf, model: s.model, data: s.train, loss: 'binaryCrossentropy', optimizer: 'adam', learningRate: 0.01, batchSize: 16, seed: 1, readLossEvery: 10 });
    const data = vi.spyOn(tf.Tensor.prototype, 'data');
    const dataSync = vi.spyOn(tf.Tensor.prototype, 'dataSync');
    const arraySync = vi.spyOn(tf.Tensor.prototype, 'arraySync');
    const p = await trainer.step(50);
    expect(data).toHaveBeenCalledTimes(6); // steps 1, 10, 20, 30, 40, 50
    expect(dataSync).not.toHaveBeenCalled();
    expect(arraySync).not.toHaveBeenCalled();
    expect(p.lossStep).toBe(50);
    vi.restoreAllMocks();
    trainer.dispose();
    s.dispose();
  });

  it('serialises overlapping step calls', async () => {
    const s = setup('xor');
    const trainer = createTrainer({ tf, model: s.model, data: s.train, loss: 'binaryCrossentropy', optimizer: 'sgd', learningRate: 0.1, batchSize: 8, seed: 1, readLossEvery: 5 });
    const [a, b] = await Promise.all([trainer.step(5), trainer.step(5)]);
    expect(a.step).toBe(5);
    expect(b.step).toBe(10);
    expect(b.lossStep).toBe(10);
    trainer.dispose();
    s.dispose();
  });

  it('predicts a probability per grid point with one output unit', async () => {
    const s = setup('circle');
    const trainer = createTrainer({ tf, model: s.model, data: s.train, loss: 'binaryCrossentropy', optimizer: 'adam', learningRate: 0.03, batchSize: 32, seed: 1 });
    await trainer.step(200);
    const grid = gridPoints(5);
    const p = await trainer.predictGrid(grid);
    expect(p.length).toBe(25);
    for (const v of p) expect(v >= 0 && v <= 1).toBe(true);
    // The centre cell (0, 0) is inside the circle: label 1; a corner (−4.8, 4.8) is outside.
    expect(p[12]).toBeGreaterThan(0.5);
    expect(p[0]).toBeLessThan(0.5);
    trainer.dispose();
    s.dispose();
  });

  it('refuses empty data and a bad learning rate', () => {
    const s = setup('xor');
    expect(() => createTrainer({ tf, model: s.model, data: s.train, loss: 'binaryCrossentropy', optimizer: 'sgd', learningRate: 0, batchSize: 8, seed: 1 })).toThrow('learning rate');
    const ys = tf.zeros([3, 1]);
    expect(() => createTrainer({ tf, model: s.model, data: { xs: s.train.xs, ys }, loss: 'binaryCrossentropy', optimizer: 'sgd', learningRate: 0.1, batchSize: 8, seed: 1 })).toThrow('targets');
    ys.dispose();
    s.dispose();
  });
});

describe('losses and evaluation', () => {
  it.each([
    // −ln 0.8 = 0.22314 and −ln(1 − 0.3) = 0.35667, mean 0.28991
    ['binaryCrossentropy', [[0.8], [0.3]], [[1], [0]], 0.28991],
    // −ln 0.7 = 0.35667 and −ln 0.5 = 0.69315, mean 0.52491
    ['categoricalCrossentropy', [[0.7, 0.2, 0.1], [0.25, 0.25, 0.5]], [[1, 0, 0], [0, 0, 1]], 0.52491],
    ['sparseCategoricalCrossentropy', [[0.7, 0.2, 0.1], [0.25, 0.25, 0.5]], [[0], [2]], 0.52491],
    // ((0.8 − 1)² + (0.3 − 0)²)/2 = 0.065
    ['meanSquaredError', [[0.8], [0.3]], [[1], [0]], 0.065],
  ] as const)('%s matches the hand computation', async (name, pred, ys, want) => {
    const l = lossTensor(tf, name as LossName, tf.tensor(ys as unknown as number[][]), tf.tensor(pred as unknown as number[][]));
    expect((await l.data())[0]).toBeCloseTo(want, 4);
    tf.dispose(l);
  });

  it('counts accuracy for softmax outputs with one-hot and integer targets', async () => {
    const model = buildModel({ kind: 'mlp', inputDim: 2, hidden: [], activation: 'linear', outputUnits: 3, outputActivation: 'softmax', seed: 1 });
    // Kernel picks class 0 for x = (1, 0), class 1 for (0, 1); bias favours class 2 slightly.
    model.setWeights([tf.tensor2d([5, 0, 0, 0, 5, 0], [2, 3]), tf.tensor1d([0, 0, 1])]);
    const xs = tf.tensor2d([1, 0, 0, 1, 0, 0, 1, 0], [4, 2]);
    const oneHot = tf.tensor2d([1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 0], [4, 3]); // the last is wrong on purpose
    const ints = tf.tensor1d([0, 1, 2, 1]);
    const a = await evaluateModel({ tf, model, data: { xs, ys: oneHot }, loss: 'categoricalCrossentropy', batchSize: 3 });
    const b = await evaluateModel({ tf, model, data: { xs, ys: ints }, loss: 'sparseCategoricalCrossentropy' });
    expect(a.accuracy).toBeCloseTo(0.75, 6);
    expect(b.accuracy).toBeCloseTo(0.75, 6);
    expect(a.loss).toBeCloseTo(b.loss, 5);
    tf.dispose([xs, oneHot, ints]);
    model.dispose();
  });
});

describe('trainWithFit', () => {
  it('trains the same model with model.fit and reports steps and speed', async () => {
    const s = setup('xor');
    const baseline = tf.memory().numTensors;
    const r = await trainWithFit({ tf, model: s.model, data: s.train, loss: 'binaryCrossentropy', optimizer: 'adam', learningRate: 0.03, batchSize: 32, epochs: 5 });
    expect(r.losses.length).toBe(5);
    expect(r.steps).toBe(5 * Math.ceil(200 / 32));
    expect(r.losses.at(-1)!).toBeLessThan(r.losses[0]!);
    expect(r.stepsPerSecond).toBeGreaterThan(0);
    expect(tf.memory().numTensors).toBe(baseline);
    s.dispose();
  });
});

describe('divergence smoothing', () => {
  it('does not stop a healthy run for one noisy minibatch', async () => {
    // Circle with 50 % noise and a wide network: single batches of 10 can spike far above the start; the smoothed
    // loss does not, so a healthy run is not stopped (seen with the unsmoothed rule at step 1880 of this setup).
    const tfm = await import('@tensorflow/tfjs-core');
    const { buildModel } = await import('./models');
    const { generateDataset } = await import('./datasets');
    const d = generateDataset({ kind: 'circle', seed: 1, noise: 50, trainFraction: 0.1 });
    const model = buildModel({ kind: 'mlp', inputDim: 2, hidden: [16, 16, 16], activation: 'relu', outputUnits: 1, outputActivation: 'sigmoid', seed: 1 });
    const xs = tfm.tensor2d(d.train.xs, [d.train.count, 2]);
    const ys = tfm.tensor2d(d.train.labels, [d.train.count, 1]);
    const trainer = createTrainer({ tf: tfm, model, data: { xs, ys }, loss: 'binaryCrossentropy', optimizer: 'adam', learningRate: 0.01, batchSize: 10, seed: 1, readLossEvery: 5 });
    const p = await trainer.step(2000);
    expect(p.diverged, JSON.stringify(p)).toBeNull();
    trainer.dispose();
    model.dispose();
    tfm.dispose([xs, ys]);
  }, 30_000);
});

describe('directForward', () => {
  it('computes what model.apply computes, for every activation, with dropout off at inference', () => {
    for (const activation of ['relu', 'tanh', 'sigmoid', 'linear'] as const) {
      const s = setup('spiral', { activation, hidden: [6, 5], dropout: 0.2, l2: 0.01 });
      const direct = directForward(tf, s.model);
      expect(direct, activation).not.toBeNull();
      const [a, b] = tf.tidy(() => [s.model.apply(s.test.xs, { training: false }) as tf.Tensor, direct!.forward(s.test.xs, false)]);
      const diff = tf.tidy(() => tf.max(tf.abs(tf.sub(a!, b!))).dataSync()[0]!);
      expect(diff, activation).toBeLessThan(1e-6);
      tf.dispose([a!, b!]);
      s.dispose();
    }
  });

  it('adds the same L2 penalty as the layers', () => {
    const s = setup('xor', { l2: 0.03 });
    const direct = directForward(tf, s.model)!;
    const ours = tf.tidy(() => direct.regularization()!.dataSync()[0]!);
    // The layers register their regularisers on their first call.
    tf.tidy(() => s.model.apply(s.test.xs, { training: true }) as tf.Tensor);
    const theirs = tf.tidy(() => (tf.addN(s.model.calculateLosses()) as tf.Scalar).dataSync()[0]!);
    // Σ over the three kernels of 0.03·ΣW², a positive number for Glorot-initialised weights.
    expect(ours).toBeGreaterThan(0);
    expect(ours).toBeCloseTo(theirs, 6);
    expect(directForward(tf, setup('xor').model)!.regularization()).toBeNull();
    s.dispose();
  });

  it('trains along the same path as model.apply: same seed, same losses (dropout and L2 included)', async () => {
    const run = async (direct: boolean) => {
      const s = setup('circle', { dropout: 0.1, l2: 0.001 }, 3);
      const trainer = createTrainer({ tf, model: s.model, data: s.train, loss: 'binaryCrossentropy', optimizer: 'adam', learningRate: 0.01, batchSize: 16, seed: 3, readLossEvery: 25, direct });
      const losses: number[] = [];
      for (let i = 0; i < 4; i++) losses.push((await trainer.step(25)).loss!);
      trainer.dispose();
      s.dispose();
      return losses;
    };
    const [a, b] = [await run(true), await run(false)];
    a.forEach((l, i) => expect(l).toBeCloseTo(b[i]!, 4));
  });

  it('declines a convolutional network, which then trains through model.apply', async () => {
    const { buildModel: build } = await import('./models');
    const cnn = build({ kind: 'cnn', seed: 1 });
    expect(directForward(tf, cnn)).toBeNull();
    cnn.dispose();
  });
});

describe('tuning a trainer while it trains', () => {
  it('applies a new learning rate, optimizer, batch size and L2 at the next step, leaking nothing', async () => {
    const s = setup('circle');
    const baseline = tf.memory().numTensors;
    const t = createTrainer({ tf, model: s.model, data: s.train, loss: 'binaryCrossentropy', optimizer: 'sgd', learningRate: 0.03, batchSize: 10, seed: 1, readLossEvery: 5 });
    await t.step(20);
    for (const tuning of [{ learningRate: 0.1 }, { optimizer: 'adam' as const }, { optimizer: 'momentum' as const, learningRate: 0.01 }, { batchSize: 40 }, { l2: 0.01 }, { l2: 0 }]) {
      t.tune(tuning);
      await t.step(10);
    }
    expect(t.progress().step).toBe(80);
    expect(t.hyper()).toEqual({ learningRate: 0.01, optimizer: 'momentum', l2: 0, batchSize: 40 });
    t.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
    s.dispose();
  });

  it('adds λ·ΣW² over the kernels to the loss it reads once L2 is tuned in', async () => {
    const s = setup('circle');
    // A learning rate so small that the weights do not move between the two reads.
    const t = createTrainer({ tf, model: s.model, data: s.train, loss: 'binaryCrossentropy', optimizer: 'sgd', learningRate: 1e-12, batchSize: s.train.xs.shape[0]!, seed: 1, readLossEvery: 1 });
    const plain = (await t.step(1)).loss!;
    t.tune({ l2: 0.5 });
    const penalised = (await t.step(1)).loss!;
    const kernels = s.model.trainableWeights.filter((w) => w.shape.length === 2).map((w) => w.read());
    const sumSquares = kernels.reduce((acc, k) => acc + tf.tidy(() => tf.sum(tf.square(k)).dataSync()[0]!), 0);
    // Full-batch steps see the same data, so the difference is the penalty alone: 0.5·ΣW² (to float32 precision).
    expect(penalised - plain).toBeCloseTo(0.5 * sumSquares, 4);
    t.dispose();
    s.dispose();
  });

  it('refuses a learning rate that is not a positive number', () => {
    const s = setup('circle');
    const t = createTrainer({ tf, model: s.model, data: s.train, loss: 'binaryCrossentropy', optimizer: 'adam', learningRate: 0.01, batchSize: 10, seed: 1 });
    expect(() => t.tune({ learningRate: 0 })).toThrow(/positive/);
    expect(() => t.tune({ learningRate: Number.NaN })).toThrow(/positive/);
    t.dispose();
    s.dispose();
  });
});

describe('createStepLoss', () => {
  // Predictions with some outside [ε, 1 − ε], where clipByValue stops the gradient: the closed forms must stop it too.
  const cases: { name: LossName; pred: number[][]; ys: number[] | number[][] }[] = [
    { name: 'binaryCrossentropy', pred: [[0.2], [0.9], [1e-9], [1]], ys: [[0], [1], [1], [0]] },
    // two sigmoid outputs: the mean runs over both, as tf.mean's
    { name: 'binaryCrossentropy', pred: [[0.2, 0.7], [0.9, 1e-9], [0.4, 0.6]], ys: [[0, 1], [1, 1], [1, 0]] },
    { name: 'categoricalCrossentropy', pred: [[0.7, 0.2, 0.1], [1e-9, 0.5, 0.5], [0.1, 0.1, 0.8]], ys: [[1, 0, 0], [1, 0, 0], [0, 0, 1]] },
    { name: 'sparseCategoricalCrossentropy', pred: [[0.7, 0.2, 0.1], [0.3, 0.3, 0.4]], ys: [2, 0] },
    { name: 'meanSquaredError', pred: [[0.5, -1], [2, 0.25], [0, 1]], ys: [[1, -1], [1.5, 0], [0.5, 0.5]] },
  ];
  it.each(cases)('$name: value and gradient equal lossTensor’s (autodiff through clipByValue and mean) to 1e-6', ({ name, pred, ys }) => {
    const p = tf.tensor2d(pred);
    const y = Array.isArray(ys[0]) ? tf.tensor2d(ys as number[][]) : tf.tensor1d(ys as number[]);
    const loss = createStepLoss(tf, name, pred[0]!.length, pred.length);
    const ours = tf.valueAndGrad((x: tf.Tensor) => loss(y, x))(p);
    const ref = tf.valueAndGrad((x: tf.Tensor) => lossTensor(tf, name, y, x))(p);
    expect(ours.value.dataSync()[0]).toBeCloseTo(ref.value.dataSync()[0]!, 5);
    const a = Array.from(ours.grad.dataSync());
    const b = Array.from(ref.grad.dataSync());
    a.forEach((x, i) => expect(Math.abs(x - b[i]!), `${name} [${i}]`).toBeLessThan(1e-6));
    if (name !== 'meanSquaredError') expect(b.some((x) => x === 0)).toBe(true); // a clipped entry is in the case
    tf.dispose([p, y, ours.value, ours.grad, ref.value, ref.grad]);
    loss.dispose();
  });

  it.each([
    ['binaryCrossentropy', 'sigmoid', [[0.3], [-2], [20], [-20]], [[1], [0], [0], [0]]],
    ['categoricalCrossentropy', 'softmax', [[1, 2, 0.5], [30, -5, 0], [0.1, 0.2, 0.3]], [[0, 1, 0], [0, 0, 1], [1, 0, 0]]],
  ] as const)('%s from logits through %s: the fused gradient equals the chain through the activation', (name, activation, z, ys) => {
    const zt = tf.tensor2d(z as unknown as number[][]);
    const y = tf.tensor2d(ys as unknown as number[][]);
    const loss = createStepLoss(tf, name, z[0]!.length, z.length);
    const ours = tf.valueAndGrad((x: tf.Tensor) => loss.fromLogits(y, x, activation)!)(zt);
    const ref = tf.valueAndGrad((x: tf.Tensor) => lossTensor(tf, name, y, activation === 'sigmoid' ? tf.sigmoid(x) : tf.softmax(x)))(zt);
    expect(ours.value.dataSync()[0]).toBeCloseTo(ref.value.dataSync()[0]!, 5);
    const a = Array.from(ours.grad.dataSync());
    const b = Array.from(ref.grad.dataSync());
    a.forEach((x, i) => expect(Math.abs(x - b[i]!), `${name} [${i}]`).toBeLessThan(1e-6));
    expect(loss.fromLogits(y, zt, 'relu')).toBeNull();
    tf.dispose([zt, y, ours.value, ours.grad, ref.value, ref.grad]);
    loss.dispose();
  });
});

describe('logitsHead', () => {
  it('trains a small CNN to the same losses as through model.apply, with the softmax fused into the loss', async () => {
    const run = async (direct: boolean) => {
      const model = buildModel({ kind: 'cnn', inputShape: [8, 8, 1], conv: [{ filters: 2, kernelSize: 3 }], classes: 3, seed: 4 });
      const xs = tf.randomUniform([12, 8, 8, 1], 0, 1, 'float32', 1);
      const ys = tf.tensor1d([0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2]);
      const trainer = createTrainer({ tf, model, data: { xs, ys }, loss: 'sparseCategoricalCrossentropy', optimizer: 'adam', learningRate: 0.05, batchSize: 4, seed: 2, readLossEvery: 1, direct });
      const losses: number[] = [];
      for (let i = 0; i < 6; i++) losses.push((await trainer.step(1)).loss!);
      trainer.dispose();
      model.dispose();
      tf.dispose([xs, ys]);
      return losses;
    };
    const fused = await run(true);
    const plain = await run(false);
    fused.forEach((l, i) => expect(l).toBeCloseTo(plain[i]!, 5));
    expect(new Set(fused).size).toBe(6); // it trained: every step's loss differs
    const model = buildModel({ kind: 'cnn', inputShape: [8, 8, 1], conv: [{ filters: 2, kernelSize: 3 }], classes: 3, seed: 4 });
    expect(logitsHead(tf, model)).not.toBeNull(); // the fused path was the one taken
    const linear = buildModel({ kind: 'mlp', inputDim: 2, hidden: [3], activation: 'tanh', outputUnits: 1, outputActivation: 'linear', seed: 1 });
    expect(logitsHead(tf, linear)).toBeNull();
    tf.dispose([model, linear].flatMap((m) => m.getWeights()));
  });
});
