/**
 * Benchmarks of the training loop, run on one backend: our loop (createTrainer, loss read every 10 steps) against
 * tfjs's own model.fit on the same model, data and batch size, and the tensor count before and after 1,000 steps.
 * Framework-free; runs in the bench worker.
 */
import { initBackend, type BackendName } from '../ml/backends';
import { generateDataset } from '../ml/datasets';
import { buildModel, type MlpConfig } from '../ml/models';
import { createTrainer, trainWithFit, type Tf } from '../ml/train';

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
