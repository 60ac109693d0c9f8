/**
 * Benchmarks of the training loop, run on one backend: our loop (createTrainer, loss read every 10 steps) against
 * tfjs's own model.fit on the same model, data and batch size, and the tensor count before and after 1,000 steps.
 * Framework-free; runs in the bench worker.
 */
import type { Tensor } from '@tensorflow/tfjs-core';
import { initBackend, type BackendName } from '../ml/backends';
import { generateDataset } from '../ml/datasets';
import { buildModel, type MlpConfig } from '../ml/models';
import { createTrainer, trainWithFit, type Tf } from '../ml/train';
import { flush } from './session';
import { timeSteps } from './timing';

export interface LoopBenchmark {
  backend: BackendName;
  batchSize: number;
  ourStepsPerSecond: number;
  /** Our loop with the forward pass through `model.apply` instead of directForward (how much the direct path buys). */
  applyStepsPerSecond: number;
  fitStepsPerSecond: number;
  /** ourStepsPerSecond / fitStepsPerSecond. */
  ratio: number;
  tensorsBefore: number;
  tensorsAfter: number;
  steps: number;
}

const MODEL: Omit<MlpConfig, 'seed'> = { kind: 'mlp', inputDim: 2, hidden: [8, 8], activation: 'tanh', outputUnits: 1, outputActivation: 'sigmoid' };

/** Measures our loop against model.fit on `backend` (forced, no fallback); `steps` per measurement after a warm-up. */
export async function benchmarkLoop(tf: Tf, backend: BackendName, basePath: string, steps = 300, batchSize = 10): Promise<LoopBenchmark> {
  await initBackend({ tf, basePath, prefer: backend, fallback: false, allowFallbackAdapter: true });
  const data = generateDataset({ kind: 'circle', seed: 1, count: 500, trainFraction: 0.5 });
  const xs = tf.tensor2d(data.train.xs, [data.train.count, 2]);
  const ys = tf.tensor2d(data.train.labels, [data.train.count, 1]);
  const n = data.train.count;

  // Our loop: warm up (shader compilation), then time `steps` steps; once with the direct forward pass (what the
  // widgets run), once through model.apply.
  const timeOurs = async (direct: boolean) => {
    const model = buildModel({ ...MODEL, seed: 1 });
    const t = createTrainer({ tf, model, data: { xs, ys }, loss: 'binaryCrossentropy', optimizer: 'sgd', learningRate: 0.03, batchSize, seed: 1, readLossEvery: 10, direct });
    await t.step(20);
    const start = performance.now();
    await t.step(steps);
    const ms = performance.now() - start;
    t.dispose();
    model.dispose();
    return ms;
  };
  const applyMs = await timeOurs(false);
  const ourMs = await timeOurs(true);

  // tfjs's model.fit on a fresh copy of the same model: one warm-up epoch, then enough epochs for ≥ `steps` steps.
  const fitModel = buildModel({ ...MODEL, seed: 1 });
  await trainWithFit({ tf, model: fitModel, data: { xs, ys }, loss: 'binaryCrossentropy', optimizer: 'sgd', learningRate: 0.03, batchSize, epochs: 1 });
  const epochs = Math.max(1, Math.ceil(steps / Math.ceil(n / batchSize)));
  const t0 = performance.now();
  const fit = await trainWithFit({ tf, model: fitModel, data: { xs, ys }, loss: 'binaryCrossentropy', optimizer: 'sgd', learningRate: 0.03, batchSize, epochs });
  const fitMs = performance.now() - t0;
  fitModel.dispose();

  // Tensors: after 1,000 more steps and disposing the trainer and model, the count is back where it started.
  const tensorsBefore = tf.memory().numTensors;
  const model = buildModel({ ...MODEL, seed: 2 });
  const t2 = createTrainer({ tf, model, data: { xs, ys }, loss: 'binaryCrossentropy', optimizer: 'adam', learningRate: 0.01, batchSize, seed: 2, readLossEvery: 10 });
  await t2.step(1000);
  t2.dispose();
  model.dispose();
  const tensorsAfter = tf.memory().numTensors;
  tf.dispose([xs, ys]);

  const ourStepsPerSecond = (steps / ourMs) * 1000;
  const fitStepsPerSecond = (fit.steps / fitMs) * 1000;
  const applyStepsPerSecond = (steps / applyMs) * 1000;
  return { backend, batchSize, ourStepsPerSecond, applyStepsPerSecond, fitStepsPerSecond, ratio: ourStepsPerSecond / fitStepsPerSecond, tensorsBefore, tensorsAfter, steps };
}

/** A model of the targets, timed on one backend: our step against model.fit's, and on WebGPU what a step costs. */
export interface ModelBenchmark {
  model: 'playground' | 'mnistMlp' | 'cnn';
  backend: BackendName;
  optimizer: 'sgd' | 'adam';
  batchSize: number;
  /** Steps timed for each (the same number, after a warm-up). */
  steps: number;
  ourMsPerStep: number;
  fitMsPerStep: number;
  /** fitMsPerStep / ourMsPerStep: how many times faster our step is. */
  speedup: number;
  /** The automatic choice's short timing (timing.ts) of our step on this backend, ms per step. */
  quickMsPerStep: number;
  /** On WebGPU: per step, kernels dispatched, uploads of JS values, compute passes and queue submits (ours and fit's). */
  gpu?: { ours: GpuWork; fit: GpuWork };
  /** Tensors alive before our trainer was made and after it was disposed (equal when nothing leaks). */
  tensorsBefore: number;
  tensorsAfter: number;
}

export interface GpuWork {
  dispatches: number;
  uploads: number;
  passes: number;
  submits: number;
}

interface Case {
  model: ModelBenchmark['model'];
  optimizer: 'sgd' | 'adam';
  learningRate: number;
  batchSize: number;
  loss: 'binaryCrossentropy' | 'categoricalCrossentropy';
  config: (seed: number) => Parameters<typeof buildModel>[0];
  inputShape: number[];
  classes: number;
}

/** The three models: the Playground's MLP (SGD, batch 10), the MNIST MLP and the book's CNN (Adam). */
export const BENCH_CASES: Case[] = [
  { model: 'playground', optimizer: 'sgd', learningRate: 0.03, batchSize: 10, loss: 'binaryCrossentropy', config: (seed) => ({ ...MODEL, seed }), inputShape: [2], classes: 1 },
  {
    model: 'mnistMlp',
    optimizer: 'adam',
    learningRate: 0.001,
    batchSize: 64,
    loss: 'categoricalCrossentropy',
    config: (seed) => ({ kind: 'mlp', inputDim: 784, hidden: [128, 64], activation: 'relu', outputUnits: 10, outputActivation: 'softmax', seed }),
    inputShape: [784],
    classes: 10,
  },
  { model: 'cnn', optimizer: 'adam', learningRate: 0.001, batchSize: 32, loss: 'categoricalCrossentropy', config: (seed) => ({ kind: 'cnn', seed }), inputShape: [28, 28, 1], classes: 10 },
];

/** Counts, on tfjs-backend-webgpu 4.22's backend object, what `work` makes the GPU do. */
async function countGpuWork(tf: Tf, steps: number, work: () => Promise<void>): Promise<GpuWork | undefined> {
  type Fn = (...a: unknown[]) => unknown;
  const be = tf.backend() as unknown as Record<string, Fn> & { tensorMap: { get(id: unknown): { resource?: unknown; values?: unknown } | undefined } };
  if (tf.getBackend() !== 'webgpu' || typeof be.recordAndSubmit !== 'function') return undefined;
  const n = { dispatches: 0, uploads: 0, passes: 0, submits: 0 };
  const wrap = (name: string, count: (self: typeof be, args: unknown[]) => void) => {
    const original = be[name]!;
    be[name] = function (this: typeof be, ...args: unknown[]) {
      count(this, args);
      return original.apply(this, args);
    };
    return () => (be[name] = original);
  };
  const undo = [
    wrap('recordAndSubmit', () => n.dispatches++),
    wrap('uploadToGPU', (self, [id]) => {
      const d = self.tensorMap.get(id);
      if (d && d.resource == null && d.values) n.uploads++;
    }),
    wrap('submitQueue', () => n.submits++),
    wrap('endComputePassEncoder', (self) => {
      if ((self as unknown as { computePassEncoder?: unknown }).computePassEncoder) n.passes++;
    }),
  ];
  try {
    await work();
  } finally {
    undo.forEach((u) => u());
  }
  const per = (x: number) => +(x / steps).toFixed(1);
  return { dispatches: per(n.dispatches), uploads: per(n.uploads), passes: per(n.passes), submits: per(n.submits) };
}

/**
 * Times our step and model.fit's on each of BENCH_CASES on `backend` (forced), on seeded random data of the model's
 * shape (speed does not depend on the values): warm-up, then the same number of steps for both, as many as fit in
 * about `budgetMs` of our loop (10 to 300). On WebGPU also counts the GPU work of a step.
 */
export async function benchmarkModels(tf: Tf, backend: BackendName, basePath: string, budgetMs = 1500): Promise<(ModelBenchmark | { model: string; backend: BackendName; error: string })[]> {
  await initBackend({ tf, basePath, prefer: backend, fallback: false, allowFallbackAdapter: true });
  const out: (ModelBenchmark | { model: string; backend: BackendName; error: string })[] = [];
  for (const c of BENCH_CASES) {
    if (c.model === 'cnn' && backend === 'wasm') {
      out.push({ model: c.model, backend, error: 'tfjs-backend-wasm 4.22 has no Conv2DBackpropFilter: the CNN does not train on WASM' });
      continue;
    }
    try {
      // Enough examples for 300 steps without a new epoch in the timed part.
      const n = c.batchSize * 320;
      const [xs, ys] = tf.tidy(() => [
        tf.randomUniform([n, ...c.inputShape], 0, 1, 'float32', 7),
        c.classes === 1 ? tf.cast(tf.greater(tf.randomUniform([n, 1], 0, 1, 'float32', 8), 0.5), 'float32') : tf.cast(tf.oneHot(tf.randomUniform([n], 0, c.classes, 'int32', 9), c.classes), 'float32'),
      ]) as [Tensor, Tensor];
      const data = { xs, ys };
      const make = (seed: number) => {
        const model = buildModel(c.config(seed));
        const trainer = createTrainer({ tf, model, data, loss: c.loss, optimizer: c.optimizer, learningRate: c.learningRate, batchSize: c.batchSize, seed, readLossEvery: 10 });
        return { model, trainer };
      };
      // The automatic choice's short timing.
      const quick = make(3);
      const quickMsPerStep = await timeSteps(quick.trainer, () => performance.now(), () => flush(tf));
      quick.trainer.dispose();
      quick.model.dispose();

      const tensorsBefore = tf.memory().numTensors;
      const ours = make(1);
      await ours.trainer.warmUp();
      await ours.trainer.step(10);
      let steps = 0;
      const t0 = performance.now();
      while (steps < 300 && (steps < 10 || performance.now() - t0 < budgetMs)) {
        await ours.trainer.step(10);
        steps += 10;
      }
      await flush(tf);
      const ourMs = performance.now() - t0;
      const oursWork = await countGpuWork(tf, 20, async () => {
        await ours.trainer.step(20);
        await flush(tf);
      });
      ours.trainer.dispose();
      ours.model.dispose();
      const tensorsAfter = tf.memory().numTensors;

      // model.fit: one warm-up epoch of 10 steps, then one epoch of `steps` steps on the first steps × batch examples.
      const fitModel = buildModel(c.config(1));
      const slice = (k: number) => ({ xs: tf.slice(xs, 0, k * c.batchSize), ys: tf.slice(ys, 0, k * c.batchSize) });
      const warm = slice(10);
      await trainWithFit({ tf, model: fitModel, data: warm, loss: c.loss, optimizer: c.optimizer, learningRate: c.learningRate, batchSize: c.batchSize, epochs: 1 });
      const timed = slice(steps);
      const f0 = performance.now();
      await trainWithFit({ tf, model: fitModel, data: timed, loss: c.loss, optimizer: c.optimizer, learningRate: c.learningRate, batchSize: c.batchSize, epochs: 1 });
      await flush(tf);
      const fitMs = performance.now() - f0;
      const count = slice(20);
      const fitWork = await countGpuWork(tf, 20, async () => {
        await trainWithFit({ tf, model: fitModel, data: count, loss: c.loss, optimizer: c.optimizer, learningRate: c.learningRate, batchSize: c.batchSize, epochs: 1 });
        await flush(tf);
      });
      fitModel.dispose();
      tf.dispose([xs, ys, warm.xs, warm.ys, timed.xs, timed.ys, count.xs, count.ys]);
      const ourMsPerStep = ourMs / steps;
      const fitMsPerStep = fitMs / steps;
      out.push({
        model: c.model,
        backend,
        optimizer: c.optimizer,
        batchSize: c.batchSize,
        steps,
        ourMsPerStep,
        fitMsPerStep,
        speedup: fitMsPerStep / ourMsPerStep,
        quickMsPerStep,
        ...(oursWork && fitWork ? { gpu: { ours: oursWork, fit: fitWork } } : {}),
        tensorsBefore,
        tensorsAfter,
      });
    } catch (err) {
      out.push({ model: c.model, backend, error: err instanceof Error ? err.message : String(err) });
    }
  }
  return out;
}

/** How far the fused WebGPU kernels are from the tensor ops they replace, after `steps` updates from the same start. */
export interface FusedCheck {
  backend: string;
  /** Largest |fused − ops| over every weight, per optimizer, after `steps` steps. */
  optimizers: Record<string, number>;
  /** Largest |fused − ops| of dL/dz for sigmoid and softmax cross-entropy, clipped entries included. */
  logits: Record<string, number>;
  steps: number;
}

/**
 * Runs each optimizer `steps` steps twice on WebGPU from the same weights and gradients, once through the fused
 * kernels and once through tensor ops, and the fused loss gradients against the ops; e2e checks the gaps.
 */
export async function checkFusedKernels(tf: Tf, basePath: string, steps = 30): Promise<FusedCheck> {
  await initBackend({ tf, basePath, prefer: 'webgpu', fallback: false, allowFallbackAdapter: true });
  const { createOptimizer, TRAIN_OPTIMIZERS } = await import('../ml/optimizers');
  const { fusedKernels } = await import('../ml/webgpu-fused');
  const { createStepLoss } = await import('../ml/train');
  if (!fusedKernels(tf)) throw new Error('the fused kernels are not available on this backend');
  const shapes = [[7, 5], [5], [5, 3], [3]];
  const start = shapes.map((s, i) => tf.randomUniform(s, -1, 1, 'float32', 11 + i));
  // (Seeds from 1: tfjs draws an unseeded sequence for seed 0.)
  const gradsAt = (t: number) => shapes.map((s, i) => tf.randomNormal(s, 0, 1 + i, 'float32', 100 * t + i + 1));
  const optimizers: Record<string, number> = {};
  for (const name of TRAIN_OPTIMIZERS) {
    const run = async (fused: boolean) => {
      const vars = start.map((t) => tf.variable(t.clone(), false));
      const opt = createOptimizer(tf, name, vars, { learningRate: 0.01, fused });
      for (let t = 0; t < steps; t++) {
        const g = gradsAt(t);
        opt.apply(g);
        tf.dispose(g);
      }
      const flat = tf.concat(vars.map((v) => tf.reshape(v, [-1])));
      const out = (await flat.data()) as Float32Array;
      tf.dispose([flat, ...vars]);
      opt.dispose();
      return out;
    };
    const a = await run(true);
    const b = await run(false);
    optimizers[name] = Math.max(...Array.from(a, (x, i) => Math.abs(x - b[i]!)));
  }
  tf.dispose(start);
  // The loss gradients: logits wide enough that some probabilities are clipped (their gradient must be 0).
  const logits: Record<string, number> = {};
  for (const [kind, loss, classes] of [
    ['sigmoid', 'binaryCrossentropy', 1],
    ['softmax', 'categoricalCrossentropy', 6],
  ] as const) {
    // Logits of growing spread, from 0.1 to 40 across the classes (20 for the sigmoid's one), so some are clipped.
    const [z, y] = tf.tidy(() => {
      const spread = classes === 1 ? tf.tensor2d([[20]]) : tf.reshape(tf.linspace(0.1, 40, classes), [1, classes]);
      return [
        tf.mul(tf.randomNormal([16, classes], 0, 1, 'float32', 5), spread),
        classes === 1 ? tf.cast(tf.greater(tf.randomUniform([16, 1], 0, 1, 'float32', 6), 0.5), 'float32') : tf.oneHot(tf.randomUniform([16], 0, classes, 'int32', 7), classes),
      ];
    }) as [Tensor, Tensor];
    const grad = async (webgpu: boolean) => {
      await tf.setBackend(webgpu ? 'webgpu' : 'cpu');
      const zz = tf.tensor(await z.data(), z.shape);
      const yy = tf.tensor(await y.data(), y.shape, 'float32');
      const l = createStepLoss(tf, loss, classes, 16);
      const g = tf.grad((x: import('@tensorflow/tfjs-core').Tensor) => l.fromLogits(yy, x, kind)!)(zz);
      const out = (await g.data()) as Float32Array;
      tf.dispose([zz, yy, g]);
      l.dispose();
      return out;
    };
    const a = await grad(true);
    const b = await grad(false);
    await tf.setBackend('webgpu');
    logits[kind] = Math.max(...Array.from(a, (x, i) => Math.abs(x - b[i]!)));
    tf.dispose([z, y]);
  }
  return { backend: tf.getBackend(), optimizers, logits, steps };
}
