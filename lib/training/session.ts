/**
 * A training session: the model, its data and its trainer, driven by protocol messages. The same class runs inside
 * the Web Worker (the normal case) and on the main thread (the fallback), where it takes one step at a time and yields
 * to the page between steps. Framework-free; tfjs is loaded only when a session is configured.
 */
import type { Tensor } from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { BackendUnavailableError, initBackend, type BackendChoice, type Refusal } from '../ml/backends';
import { generateDataset, gridPoints } from '../ml/datasets';
import { loadMnistSubset, mnistPixelsToFloat, oneHot, type MnistSubset } from '../ml/mnist';
import { buildModel, checkModelConfig, countParams, type MlpConfig } from '../ml/models';
import { createTrainer, type Tf, type Trainer } from '../ml/train';
import { evaluateCompressed, type CompressionSpec } from '../ml/compress';
import { PLAYGROUND_POINTS } from '../widgets/playground';
import type { CompressSpec, Event, Frame, Request, SessionConfig, Status, Text } from './protocol';
import { histogram, range } from './stats';

/** Loss is read back every this many steps, never per step. */
export const READ_LOSS_EVERY = 5;
/** A full frame (held-out loss, decision boundary) is sent at most this often, in ms. */
export const FRAME_INTERVAL_MS = 200;
/** Resolution of the playground's decision-boundary grid. */
export const BOUNDARY_RESOLUTION = 40;

const yieldToEventLoop = () => new Promise<void>((r) => setTimeout(r, 0));
const text = (en: string, zh: string): Text => ({ en, zh });
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

interface Built {
  tf: Tf;
  model: LayersModel;
  trainer: Trainer;
  train: { xs: Tensor; ys: Tensor };
  test: { xs: Tensor; ys: Tensor };
  grid?: Float32Array;
}

export class TrainingSession {
  private config: SessionConfig | null = null;
  private built: Built | null = null;
  private backend: BackendChoice | null = null;
  private running = false;
  private status: Status = 'idle';
  private lastFrameAt = 0;
  private targetSteps = Infinity;
  private mnist: MnistSubset | null = null;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly send: (event: Event, transfer?: Transferable[]) => void,
    private readonly mainThread: boolean,
    /** Refusals the page already knows (e.g. no navigator.gpu in the page). */
    private readonly known: Refusal[] = [],
  ) {}

  /** Handles one request; requests are processed in order. 'pause' takes effect between training chunks. */
  handle(req: Request): Promise<void> {
    if (req.type === 'pause') {
      this.running = false;
      return Promise.resolve();
    }
    this.queue = this.queue.then(() => this.dispatch(req)).catch((err) => this.fail(err));
    return this.queue;
  }

  private setStatus(status: Status) {
    this.status = status;
    this.send({ type: 'status', status });
  }

  private fail(err: unknown) {
    this.running = false;
    this.setStatus('error');
    this.send({ type: 'error', message: text(`Training stopped: ${errorText(err)}`, `训练中止：${errorText(err)}`), detail: errorText(err) });
  }

  private async dispatch(req: Request): Promise<void> {
    switch (req.type) {
      case 'configure':
        this.config = req.config;
        await this.build();
        return;
      case 'reset':
        this.running = false;
        await this.build();
        return;
      case 'start':
        if (!this.built || this.status === 'diverged' || this.status === 'error') return;
        if (this.running) return;
        this.running = true;
        this.setStatus('training');
        void this.loop();
        return;
      case 'step':
        if (!this.built || this.running || this.status === 'diverged') return;
        await this.advance(Math.max(1, Math.floor(req.n)), true);
        if ((this.status as Status) !== 'diverged') this.setStatus('paused');
        return;
      case 'evaluate':
        await this.evaluate();
        return;
      case 'snapshot':
        await this.snapshot();
        return;
      case 'compress':
        await this.compress(req.spec, req.id);
        return;
      case 'sweep':
        await this.sweep(req.scheme, req.granularity, req.id);
        return;
      case 'dispose':
        this.running = false;
        this.teardown();
        return;
      case 'pause':
        return;
    }
  }

  private teardown() {
    if (!this.built) return;
    const { tf, model, trainer, train, test } = this.built;
    trainer.dispose();
    model.dispose();
    tf.dispose([train.xs, train.ys, test.xs, test.ys]);
    this.built = null;
  }

  /** (Re)builds backend, data, model and trainer from the current config. */
  private async build() {
    const config = this.config;
    if (!config) return;
    this.teardown();
    this.setStatus('loading');
    const tf = (await import('@tensorflow/tfjs-core')) as unknown as Tf;
    if (!this.backend || (config.prefer ?? null) !== (this.backend.preferred ?? null)) {
      try {
        this.backend = await initBackend({ tf, basePath: config.basePath, prefer: config.prefer, known: this.known });
      } catch (err) {
        const refused = err instanceof BackendUnavailableError ? err.refused.map((r) => `${r.name}: ${r.reason}${r.detail ? ` (${r.detail})` : ''}`).join('; ') : errorText(err);
        this.setStatus('error');
        this.send({ type: 'error', message: text(`No backend could run here: ${refused}`, `这里没有可用的计算后端：${refused}`), detail: 'noBackend' });
        return;
      }
    } else {
      await tf.setBackend(this.backend.name);
    }
    if (config.task === 'playground') await this.buildPlayground(tf, config);
    else await this.buildQuantLab(tf, config);
  }

  private async buildPlayground(tf: Tf, config: Extract<SessionConfig, { task: 'playground' }>) {
    const s = config.settings;
    const modelConfig: MlpConfig = {
      kind: 'mlp',
      inputDim: 2,
      hidden: [...s.layers],
      activation: s.activation,
      l2: s.l2,
      outputUnits: 1,
      outputActivation: 'sigmoid',
      seed: s.seed,
    };
    const problems = checkModelConfig(modelConfig, s.batch);
    if (problems.length) {
      this.setStatus('error');
      this.send({ type: 'refused', problems: problems.map((p) => p.message) });
      return;
    }
    const data = generateDataset({ kind: s.dataset, seed: s.seed, noise: s.noise, count: PLAYGROUND_POINTS, trainFraction: s.ratio / 100 });
    const model = buildModel(modelConfig);
    const train = { xs: tf.tensor2d(data.train.xs, [data.train.count, 2]), ys: tf.tensor2d(data.train.labels, [data.train.count, 1]) };
    const test = { xs: tf.tensor2d(data.test.xs, [data.test.count, 2]), ys: tf.tensor2d(data.test.labels, [data.test.count, 1]) };
    const trainer = createTrainer({
      tf,
      model,
      data: train,
      loss: 'binaryCrossentropy',
      optimizer: s.optimizer,
      learningRate: s.lr,
      batchSize: s.batch,
      seed: s.seed,
      readLossEvery: READ_LOSS_EVERY,
    });
    this.built = { tf, model, trainer, train, test, grid: gridPoints(BOUNDARY_RESOLUTION) };
    this.targetSteps = Infinity;
    await this.warmUp(tf, modelConfig, train, s);
    this.send({
      type: 'ready',
      backend: this.backend!,
      params: countParams(modelConfig),
      mainThread: this.mainThread,
      points: { train: data.train.xs, trainLabels: data.train.labels, test: data.test.xs, testLabels: data.test.labels },
    });
    await this.sendFrame(true);
    this.setStatus('idle');
  }

  private async buildQuantLab(tf: Tf, config: Extract<SessionConfig, { task: 'quantLab' }>) {
    const s = config.settings;
    if (!this.mnist) this.mnist = await loadMnistSubset(config.dataUrl);
    const m = this.mnist;
    const modelConfig: MlpConfig = { kind: 'mlp', inputDim: 784, hidden: [s.hidden], activation: 'relu', outputUnits: 10, outputActivation: 'softmax', seed: s.seed };
    const problems = checkModelConfig(modelConfig, 64);
    if (problems.length) {
      this.setStatus('error');
      this.send({ type: 'refused', problems: problems.map((p) => p.message) });
      return;
    }
    const model = buildModel(modelConfig);
    const train = { xs: tf.tensor2d(mnistPixelsToFloat(m.train), [m.train.count, 784]), ys: tf.tensor2d(oneHot(m.train.labels), [m.train.count, 10]) };
    const test = { xs: tf.tensor2d(mnistPixelsToFloat(m.test), [m.test.count, 784]), ys: tf.tensor2d(oneHot(m.test.labels), [m.test.count, 10]) };
    const trainer = createTrainer({ tf, model, data: train, loss: 'categoricalCrossentropy', optimizer: 'adam', learningRate: 0.003, batchSize: 64, seed: s.seed, readLossEvery: READ_LOSS_EVERY });
    this.built = { tf, model, trainer, train, test };
    this.targetSteps = s.steps;
    this.send({ type: 'ready', backend: this.backend!, params: countParams(modelConfig), mainThread: this.mainThread });
    this.setStatus('idle');
  }

  /**
   * On a GPU backend the first training step compiles its shaders (seconds on a software GPU). A few throwaway steps
   * on a twin model with the same shapes compile them while the reader reads, so pressing Train answers at once.
   */
  private async warmUp(tf: Tf, config: MlpConfig, train: { xs: Tensor; ys: Tensor }, s: { optimizer: Parameters<typeof createTrainer>[0]['optimizer']; lr: number; batch: number }) {
    if (this.backend?.name !== 'webgl' && this.backend?.name !== 'webgpu') return;
    const twin = buildModel({ ...config, seed: config.seed + 1 });
    const t = createTrainer({ tf, model: twin, data: train, loss: 'binaryCrossentropy', optimizer: s.optimizer, learningRate: Math.min(s.lr, 0.01), batchSize: s.batch, seed: 0, readLossEvery: READ_LOSS_EVERY });
    try {
      await t.step(READ_LOSS_EVERY);
    } finally {
      t.dispose();
      twin.dispose();
    }
  }

  /** Trains until paused, diverged or (quant lab) the target step count; yields between chunks so messages get through. */
  private async loop() {
    while (this.running && this.built) {
      const left = this.targetSteps - this.built.trainer.progress().step;
      if (left <= 0) break;
      const chunk = Math.min(left, this.mainThread ? 1 : READ_LOSS_EVERY);
      await this.advance(chunk, false);
      if ((this.status as Status) === 'diverged') return;
      await yieldToEventLoop();
    }
    if ((this.status as Status) === 'training') {
      this.running = false;
      await this.sendFrame(true);
      this.setStatus('paused');
    }
  }

  private async advance(n: number, forceFrame: boolean) {
    const b = this.built!;
    const p = await b.trainer.step(n);
    if (p.diverged) {
      this.running = false;
      this.send({ type: 'frame', frame: { step: p.step, loss: null } });
      this.send({ type: 'diverged', step: p.diverged.step, message: p.diverged.message });
      this.setStatus('diverged');
      return;
    }
    const now = Date.now();
    if (forceFrame || now - this.lastFrameAt >= FRAME_INTERVAL_MS) await this.sendFrame(false);
    else this.send({ type: 'frame', frame: { step: p.step, loss: p.loss } });
  }

  /** A full frame: held-out loss and accuracy, and for the playground the decision boundary. */
  private async sendFrame(initial: boolean) {
    const b = this.built;
    if (!b) return;
    this.lastFrameAt = Date.now();
    const p = b.trainer.progress();
    const test = await b.trainer.evaluate(b.test);
    const frame: Frame = { step: p.step, loss: p.loss, testLoss: test.loss, testAccuracy: test.accuracy };
    if (b.grid) {
      const train = await b.trainer.evaluate(b.train);
      frame.trainAccuracy = train.accuracy;
      frame.trainLoss = train.loss;
      if (initial && p.loss === null) frame.loss = train.loss;
      frame.boundary = await b.trainer.predictGrid(b.grid, 2);
      frame.resolution = BOUNDARY_RESOLUTION;
    }
    this.send({ type: 'frame', frame }, frame.boundary ? [frame.boundary.buffer as ArrayBuffer] : []);
  }

  private async evaluate() {
    const b = this.built;
    if (!b) return;
    const [train, test] = await Promise.all([b.trainer.evaluate(b.train), b.trainer.evaluate(b.test)]);
    this.send({ type: 'evaluation', train, test });
  }

  private async snapshot() {
    const b = this.built;
    if (!b) return;
    const weights = await Promise.all(
      b.model.weights.map(async (w) => ({ name: w.originalName ?? w.name, shape: [...w.shape] as number[], values: (await w.read().data()) as Float32Array })),
    );
    this.send({ type: 'snapshot', weights }, weights.map((w) => w.values.buffer as ArrayBuffer));
  }

  private toSpec(spec: CompressSpec): CompressionSpec {
    if (spec.method === 'prune') return { method: 'prune', sparsity: spec.sparsity };
    return spec as CompressionSpec;
  }

  private async compress(spec: CompressSpec, id: number) {
    const b = this.built;
    if (!b) return;
    const r = await evaluateCompressed({ tf: b.tf, model: b.model, spec: this.toSpec(spec), data: b.test, loss: 'categoricalCrossentropy' });
    const first = r.compressed.tensors.find((t) => t.shape.length >= 2)!;
    const original = (await b.model.weights.find((w) => (w.originalName ?? w.name) === first.name)!.read().data()) as Float32Array;
    const [lo, hi] = range(original);
    this.send({
      type: 'compressed',
      report: {
        id,
        spec,
        accuracy: r.accuracy,
        loss: r.loss,
        bytes: r.compressed.bytes,
        floatBytes: r.compressed.floatBytes,
        before: histogram(original, 41, lo, hi),
        after: histogram(first.values, 41, lo, hi),
      },
    });
  }

  private async sweep(scheme: 'affine' | 'symmetric', granularity: 'tensor' | 'channel', id: number) {
    const b = this.built;
    if (!b) return;
    const float = await evaluateCompressed({ tf: b.tf, model: b.model, spec: { method: 'float32' }, data: b.test, loss: 'categoricalCrossentropy' });
    const points: { bits: number; accuracy: number | null; bytes: number }[] = [];
    for (const bits of [8, 4, 2, 1] as const) {
      const r = await evaluateCompressed({ tf: b.tf, model: b.model, spec: { method: 'quantize', bits, scheme, granularity }, data: b.test, loss: 'categoricalCrossentropy' });
      points.push({ bits, accuracy: r.accuracy, bytes: r.compressed.bytes });
      await yieldToEventLoop();
    }
    this.send({ type: 'sweep', id, points, floatAccuracy: float.accuracy, floatBytes: float.compressed.floatBytes });
  }

  /** For tests: the status and the number of live tensors. */
  async inspect(): Promise<{ status: Status; numTensors: number | null }> {
    const tf = this.built?.tf ?? null;
    return { status: this.status, numTensors: tf ? tf.memory().numTensors : null };
  }
}
