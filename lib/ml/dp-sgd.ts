/**
 * DP-SGD (Abadi et al. 2016, "Deep Learning with Differential Privacy", arXiv:1607.00133) for the book's MLP,
 * 784 → hidden … → 10 with ReLU and softmax cross-entropy, with exact per-example gradients and no per-example loop.
 *
 * The backward pass is written by hand in tfjs ops. For a dense layer z = h W + b, the gradient of example i's loss
 * with respect to W is the outer product h_i δ_iᵀ (δ_i = ∂loss_i/∂z_i), so its squared norm is ‖h_i‖²·‖δ_i‖² and the
 * bias gradient is δ_i itself (Goodfellow 2015, "Efficient Per-Example Gradient Computations", arXiv:1510.01799). The
 * norm of example i's whole gradient, over every layer, is therefore
 *
 *   ‖g_i‖² = Σ_l (‖h_{l−1,i}‖² + 1)·‖δ_{l,i}‖²,
 *
 * each example is scaled by c_i = min(1, C / (‖g_i‖ + 10⁻⁶)) (Opacus's clip factor), and the clipped sum of the
 * weight gradients is one matrix product, h_{l−1}ᵀ diag(c) δ_l. Gaussian noise N(0, σ²C²) is added to every
 * coordinate of the sum, which is divided by the expected batch size and applied by SGD, with momentum if asked.
 *
 * Batches are Poisson samples, as the accountant (dp-accountant.ts) assumes: each step includes each training example
 * independently with probability q = batch / N, so a batch's size varies. To keep the tensors' shapes fixed (a GPU
 * backend compiles a kernel per shape), a step gathers its examples into chunks of a fixed capacity, the unused rows
 * masked out (c_i = 0); a rare batch larger than one chunk takes two. Randomness (the sample, the noise, the initial
 * weights) comes from lib/random.ts, seeded by the run's seed and the step number, so a step is reproducible on every
 * backend and a run restored at step s carries on with the batches it would have drawn.
 */
import type { Scalar, Tensor, Tensor1D, Tensor2D, Variable } from '@tensorflow/tfjs-core';
import { createRng, type Rng } from '../random';
import type { Divergence, Tf, TrainProgress } from './train';

/** Pixels of an MNIST digit and its classes. */
export const MLP_INPUT = 784;
export const MLP_CLASSES = 10;
/** The constant Opacus adds to a per-example norm before dividing the clipping norm by it. */
export const CLIP_EPSILON = 1e-6;

/** Layer widths of the MLP: 784, the hidden widths, 10. */
export function mlpSizes(hidden: readonly number[], input = MLP_INPUT, classes = MLP_CLASSES): number[] {
  return [input, ...hidden, classes];
}

/** Trainable parameters of an MLP with these layer widths: Σ (w_{l−1}·w_l + w_l). */
export function mlpParamCount(sizes: readonly number[]): number {
  let n = 0;
  for (let l = 1; l < sizes.length; l++) n += sizes[l - 1]! * sizes[l]! + sizes[l]!;
  return n;
}

/** A 32-bit seed for step `step` of a run seeded `seed` (splitmix-style mixing: nearby inputs give unrelated seeds). */
export function stepSeed(seed: number, step: number, salt = 0): number {
  let h = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(step >>> 0, 0x85ebca77) ^ Math.imul(salt + 1, 0xc2b2ae3d)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Initial weights, seeded: each weight matrix Glorot-uniform (limit √(6 / (fan_in + fan_out)), as Keras's default),
 * biases zero. Returns [W₁, b₁, W₂, b₂, …] as flat arrays, W_l row-major [w_{l−1}, w_l].
 */
export function initMlpWeights(sizes: readonly number[], seed: number): Float32Array[] {
  const rng = createRng(stepSeed(seed, 0, 1));
  const out: Float32Array[] = [];
  for (let l = 1; l < sizes.length; l++) {
    const fanIn = sizes[l - 1]!;
    const fanOut = sizes[l]!;
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    const w = new Float32Array(fanIn * fanOut);
    for (let i = 0; i < w.length; i++) w[i] = (2 * rng.uniform() - 1) * limit;
    out.push(w, new Float32Array(fanOut));
  }
  return out;
}

/** The shapes of [W₁, b₁, W₂, b₂, …]. */
export function mlpShapes(sizes: readonly number[]): number[][] {
  const shapes: number[][] = [];
  for (let l = 1; l < sizes.length; l++) shapes.push([sizes[l - 1]!, sizes[l]!], [sizes[l]!]);
  return shapes;
}

/** Creates the variables [W₁, b₁, …] holding the given weights (the caller disposes them). */
export function mlpVariables(tf: Tf, sizes: readonly number[], weights: readonly Float32Array[]): Variable[] {
  const shapes = mlpShapes(sizes);
  if (weights.length !== shapes.length) throw new Error(`mlpVariables: ${weights.length} arrays for ${shapes.length} weights`);
  return tf.tidy(() => shapes.map((shape, i) => tf.variable(tf.tensor(weights[i]!, shape), true)));
}

/** The logits of the MLP (ReLU hidden layers, linear output) for inputs xs [B, 784]. */
export function mlpLogits(tf: Tf, vars: readonly Tensor[], xs: Tensor2D): Tensor2D {
  return tf.tidy(() => {
    let h: Tensor2D = xs;
    const layers = vars.length / 2;
    for (let l = 0; l < layers; l++) {
      const z = tf.add(tf.matMul(h, vars[2 * l] as Tensor2D), vars[2 * l + 1]!) as Tensor2D;
      h = l < layers - 1 ? tf.relu(z) : z;
    }
    return h;
  });
}

/** What the hand-written backward pass gives for a batch: each layer's input h_{l−1}, its δ_l, and each example's loss. */
interface Backprop {
  /** inputs[l] = h_{l−1} [B, w_{l−1}] (inputs[0] = xs). */
  inputs: Tensor2D[];
  /** deltas[l] = ∂loss_i/∂z_l for each example [B, w_l]. */
  deltas: Tensor2D[];
  /** Cross-entropy of each example [B]. */
  losses: Tensor1D;
}

/** Forward and backward pass of softmax cross-entropy per example (not averaged): call inside tf.tidy. */
function backprop(tf: Tf, vars: readonly Tensor[], xs: Tensor2D, ys: Tensor2D): Backprop {
  const layers = vars.length / 2;
  const inputs: Tensor2D[] = [];
  const pre: Tensor2D[] = [];
  let h: Tensor2D = xs;
  for (let l = 0; l < layers; l++) {
    inputs.push(h);
    const z = tf.add(tf.matMul(h, vars[2 * l] as Tensor2D), vars[2 * l + 1]!) as Tensor2D;
    pre.push(z);
    h = l < layers - 1 ? tf.relu(z) : z;
  }
  const logp = tf.logSoftmax(h);
  const losses = tf.neg(tf.sum(tf.mul(ys, logp), 1)) as Tensor1D;
  const deltas: Tensor2D[] = new Array(layers);
  // ∂(−Σ y log softmax(z))/∂z = softmax(z) − y, for a one-hot (or any summing-to-one) y.
  deltas[layers - 1] = tf.sub(tf.exp(logp), ys) as Tensor2D;
  for (let l = layers - 2; l >= 0; l--) {
    const back = tf.matMul(deltas[l + 1]!, vars[2 * (l + 1)] as Tensor2D, false, true);
    deltas[l] = tf.mul(back, tf.cast(tf.greater(pre[l]!, 0), 'float32')) as Tensor2D;
  }
  return { inputs, deltas, losses };
}

/** Squared norm of each example's gradient over all layers, Σ_l (‖h_{l−1,i}‖² + 1)·‖δ_{l,i}‖²: call inside tf.tidy. */
function normsSquared(tf: Tf, bp: Backprop): Tensor1D {
  const terms = bp.deltas.map((d, l) => tf.mul(tf.add(tf.sum(tf.square(bp.inputs[l]!), 1), 1), tf.sum(tf.square(d), 1)));
  return (terms.length === 1 ? terms[0]! : tf.addN(terms)) as Tensor1D;
}

/** Each example's gradient norm over every weight and bias, ‖g_i‖ [B], without forming the gradients. */
export function perExampleGradNorms(tf: Tf, vars: readonly Tensor[], xs: Tensor2D, ys: Tensor2D): Tensor1D {
  return tf.tidy(() => tf.sqrt(normsSquared(tf, backprop(tf, vars, xs, ys))));
}

/**
 * Each example's gradient, materialised: for every weight a tensor [B, …its shape] (W_l: the outer products h_i δ_iᵀ).
 * B times the model's memory: for tests and small batches; training never forms these.
 */
export function perExampleGradients(tf: Tf, vars: readonly Tensor[], xs: Tensor2D, ys: Tensor2D): Tensor[] {
  return tf.tidy(() => {
    const bp = backprop(tf, vars, xs, ys);
    return bp.deltas.flatMap((d, l) => [tf.mul(tf.expandDims(bp.inputs[l]!, 2), tf.expandDims(d, 1)), d.clone()]);
  });
}

export interface ClippedSum {
  /** Σ_i c_i g_i for every weight, in the order of vars. */
  sums: Tensor[];
  /** ‖g_i‖ before clipping [B]. */
  norms: Tensor1D;
  /** The clip factors c_i = mask_i · min(1, C / (‖g_i‖ + 10⁻⁶)) [B]. */
  factors: Tensor1D;
  /** Σ_i mask_i · loss_i (a scalar). */
  lossSum: Scalar;
}

/**
 * The clipped per-example gradients of a batch, summed: h_{l−1}ᵀ diag(c) δ_l for each weight matrix and Σ_i c_i δ_{l,i}
 * for each bias. `mask` [B] (1 for a real example, 0 for a padding row) defaults to all ones.
 */
export function clippedGradientSum(tf: Tf, vars: readonly Tensor[], xs: Tensor2D, ys: Tensor2D, clip: number, mask?: Tensor1D): ClippedSum {
  if (!(clip > 0) || !Number.isFinite(clip)) throw new Error(`clippedGradientSum: the clipping norm C = ${clip} is not a positive number`);
  return tf.tidy(() => {
    const bp = backprop(tf, vars, xs, ys);
    const norms = tf.sqrt(normsSquared(tf, bp)) as Tensor1D;
    let factors = tf.minimum(tf.div(clip, tf.add(norms, CLIP_EPSILON)), 1) as Tensor1D;
    if (mask) factors = tf.mul(factors, mask) as Tensor1D;
    const c = tf.expandDims(factors, 1);
    const sums = bp.deltas.flatMap((d, l) => {
      const cd = tf.mul(d, c) as Tensor2D;
      return [tf.matMul(bp.inputs[l]!, cd, true, false), tf.sum(cd, 0)];
    });
    const lossSum = tf.sum(mask ? tf.mul(bp.losses, mask) : bp.losses) as Scalar;
    return { sums, norms, factors, lossSum };
  });
}

// ─── Poisson sampling ────────────────────────────────────────────────────────────────────────────────────────────────

/** A Poisson sample of 0 … n−1: each index independently with probability q, in increasing order. */
export function poissonSample(rng: Rng, n: number, q: number): number[] {
  if (!(q >= 0 && q <= 1)) throw new Error(`poissonSample: q = ${q} is not in [0, 1]`);
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (rng.uniform() < q) out.push(i);
  return out;
}

/**
 * Rows a chunk holds: the expected batch plus three standard deviations of its binomial size, so that one chunk holds
 * the whole sample at all but about one step in a thousand (and never more rows than the data has).
 */
export function chunkCapacity(n: number, q: number): number {
  const mean = n * q;
  return Math.max(1, Math.min(n, Math.ceil(mean + 3 * Math.sqrt(mean * (1 - q)) + 1)));
}

/** Splits a sample into chunks of exactly `capacity` rows: indices padded with 0 and a mask of 1s and 0s (≥ 1 chunk). */
export function padChunks(indices: readonly number[], capacity: number): { idx: Int32Array; mask: Float32Array }[] {
  const chunks: { idx: Int32Array; mask: Float32Array }[] = [];
  for (let start = 0; start < Math.max(1, indices.length); start += capacity) {
    const idx = new Int32Array(capacity);
    const mask = new Float32Array(capacity);
    for (let k = 0; k < capacity && start + k < indices.length; k++) {
      idx[k] = indices[start + k]!;
      mask[k] = 1;
    }
    chunks.push({ idx, mask });
  }
  return chunks;
}

/** n draws of N(0, 1) from a seeded generator. */
export function gaussianArray(rng: Rng, n: number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = rng.normal();
  return out;
}

// ─── The trainer ─────────────────────────────────────────────────────────────────────────────────────────────────────

export interface DpSgdHyper {
  /** Step size of SGD. */
  learningRate: number;
  /** Momentum μ (0: plain SGD): v ← μ·v + g, w ← w − η·v. */
  momentum: number;
  /** Noise multiplier σ: the noise's standard deviation is σ·C. 0 trains without noise (and without privacy). */
  noise: number;
  /** Clipping norm C of each example's whole gradient. */
  clip: number;
}

export interface DpSgdOptions extends DpSgdHyper {
  tf: Tf;
  /** Training inputs [N, 784] and one-hot targets [N, 10]; the caller owns and disposes them. */
  data: { xs: Tensor2D; ys: Tensor2D };
  /** Hidden layer widths. */
  hidden: readonly number[];
  /** Expected examples per step; the sampling rate is q = batch / N. */
  batch: number;
  seed: number;
  /** Initial weights [W₁, b₁, …] (default: seeded Glorot-uniform). */
  weights?: readonly Float32Array[];
}

export interface DpSgdEvaluation {
  /** Mean cross-entropy. */
  loss: number;
  /** Share classified correctly. */
  accuracy: number;
}

export interface DpSgdTrainer {
  /** [W₁, b₁, W₂, b₂, …]; owned by the trainer. */
  readonly vars: Variable[];
  /** The sampling rate q = batch / N. */
  readonly q: number;
  /** Rows of a chunk (see chunkCapacity). */
  readonly capacity: number;
  /** Takes n steps; reads back once, at the end: the mean loss of the sampled examples over those steps. */
  step(n?: number): Promise<TrainProgress>;
  progress(): TrainProgress;
  /** Examples seen in the last step (the Poisson batch's size). */
  lastBatchSize(): number;
  /** Mean loss and accuracy on a data set (one read-back). */
  evaluate(data: { xs: Tensor2D; ys: Tensor2D }): Promise<DpSgdEvaluation>;
  /** New hyper-parameters from the next step on (the step count goes on; momentum state is kept). */
  tune(h: Partial<DpSgdHyper>): void;
  hyper(): DpSgdHyper;
  /** Reads the weights back (one read per tensor). */
  readWeights(): Promise<Float32Array[]>;
  /** Loads weights saved at `step` and carries on from there (momentum restarts at zero). */
  restore(weights: readonly Float32Array[], step: number): void;
  /** Compiles a step's kernels on a masked-out chunk, changing nothing. */
  warmUp(): Promise<void>;
  dispose(): void;
}

function checkHyper(h: DpSgdHyper): void {
  if (!(h.learningRate > 0) || !Number.isFinite(h.learningRate)) throw new Error(`DP-SGD: the learning rate ${h.learningRate} is not a positive number`);
  if (!(h.momentum >= 0 && h.momentum < 1)) throw new Error(`DP-SGD: the momentum ${h.momentum} is not in [0, 1)`);
  if (!(h.noise >= 0) || !Number.isFinite(h.noise)) throw new Error(`DP-SGD: the noise multiplier ${h.noise} is not a finite number ≥ 0`);
  if (!(h.clip > 0) || !Number.isFinite(h.clip)) throw new Error(`DP-SGD: the clipping norm ${h.clip} is not a positive number`);
}

const divergence = (step: number, loss: number): Divergence => ({
  reason: 'nonFinite',
  step,
  loss,
  message: {
    en: `Training diverged at step ${step}: the loss became ${loss}. Lower the learning rate and reset.`,
    zh: `训练在第 ${step} 步发散：损失变成了 ${loss}。请降低学习率后重置。`,
  },
});

/** A DP-SGD trainer for the MLP on in-memory tensors; see the module comment. */
export function createDpSgd(o: DpSgdOptions): DpSgdTrainer {
  const { tf, data } = o;
  const n = data.xs.shape[0];
  if (!(n > 0)) throw new Error('DP-SGD: the data set is empty');
  if (data.ys.shape[0] !== n) throw new Error(`DP-SGD: ${n} inputs but ${data.ys.shape[0]} targets`);
  if (!(o.batch >= 1 && o.batch <= n)) throw new Error(`DP-SGD: the expected batch ${o.batch} is not between 1 and ${n}`);
  let hyper: DpSgdHyper = { learningRate: o.learningRate, momentum: o.momentum, noise: o.noise, clip: o.clip };
  checkHyper(hyper);
  const sizes = mlpSizes(o.hidden, data.xs.shape[1], data.ys.shape[1]);
  const shapes = mlpShapes(sizes);
  const total = mlpParamCount(sizes);
  const vars = mlpVariables(tf, sizes, o.weights ?? initMlpWeights(sizes, o.seed));
  let velocity: Variable[] | null = null;
  const q = o.batch / n;
  const capacity = chunkCapacity(n, q);
  let step = 0;
  let loss: number | null = null;
  let lossStep = 0;
  let diverged: Divergence | null = null;
  let batchSize = 0;
  let queue: Promise<unknown> = Promise.resolve();

  /** The noisy, clipped, averaged gradient of one step (the caller disposes the tensors), and the loss sum. */
  const noisyGradient = (chunks: { idx: Int32Array; mask: Float32Array }[], noise: Float32Array | null): { grads: Tensor[]; lossSum: Scalar } =>
    tf.tidy(() => {
      let sums: Tensor[] | null = null;
      let lossSum: Scalar = tf.scalar(0);
      for (const c of chunks) {
        const idx = tf.tensor1d(c.idx, 'int32');
        const r = clippedGradientSum(tf, vars, tf.gather(data.xs, idx), tf.gather(data.ys, idx), hyper.clip, tf.tensor1d(c.mask));
        sums = sums ? sums.map((s, i) => tf.add(s, r.sums[i]!)) : r.sums;
        lossSum = tf.add(lossSum, r.lossSum);
      }
      let offset = 0;
      const grads = sums!.map((s, i) => {
        const size = s.size;
        const noisy = noise ? tf.add(s, tf.mul(tf.tensor(noise.subarray(offset, offset + size), shapes[i]!), hyper.noise * hyper.clip)) : s;
        offset += size;
        return tf.div(noisy, o.batch);
      });
      return { grads, lossSum };
    });

  const oneStep = (): Scalar => {
    const rng = createRng(stepSeed(o.seed, step));
    const sample = poissonSample(rng, n, q);
    batchSize = sample.length;
    const noise = hyper.noise > 0 ? gaussianArray(rng, total) : null;
    const { grads, lossSum } = noisyGradient(padChunks(sample, capacity), noise);
    const lr = hyper.learningRate;
    const mu = hyper.momentum;
    if (mu > 0 && !velocity) velocity = tf.tidy(() => shapes.map((shape) => tf.variable(tf.zeros(shape), false)));
    tf.tidy(() => {
      if (mu > 0 && velocity) {
        velocity.forEach((v, i) => v.assign(tf.add(tf.mul(v, mu), grads[i]!)));
        vars.forEach((w, i) => w.assign(tf.sub(w, tf.mul(velocity![i]!, lr))));
      } else {
        vars.forEach((w, i) => w.assign(tf.sub(w, tf.mul(grads[i]!, lr))));
      }
    });
    tf.dispose(grads);
    step += 1;
    return lossSum;
  };

  const run = <T>(job: () => Promise<T>): Promise<T> => {
    const next = queue.then(job);
    queue = next.catch(() => undefined);
    return next;
  };

  const trainer: DpSgdTrainer = {
    vars,
    q,
    capacity,
    step(k = 1) {
      return run(async () => {
        const steps = Math.max(0, Math.floor(k));
        if (diverged || steps === 0) return trainer.progress();
        let lossTotal: Scalar = tf.scalar(0);
        let examples = 0;
        for (let i = 0; i < steps; i++) {
          const l = oneStep();
          examples += batchSize;
          const next = tf.add(lossTotal, l) as Scalar;
          tf.dispose([lossTotal, l]);
          lossTotal = next;
        }
        const [sum] = await lossTotal.data();
        lossTotal.dispose();
        const mean = sum! / Math.max(1, examples);
        if (!Number.isFinite(mean)) diverged = divergence(step, mean);
        else if (examples > 0) {
          loss = mean;
          lossStep = step;
        }
        return trainer.progress();
      });
    },
    progress: () => ({ step, loss, lossStep, diverged }),
    lastBatchSize: () => batchSize,
    async evaluate(set) {
      const count = set.xs.shape[0];
      if (!(count > 0)) return { loss: NaN, accuracy: NaN };
      const both = tf.tidy(() => {
        const logits = mlpLogits(tf, vars, set.xs);
        const l = tf.neg(tf.sum(tf.mul(set.ys, tf.logSoftmax(logits))));
        const correct = tf.sum(tf.cast(tf.equal(tf.argMax(logits, 1), tf.argMax(set.ys, 1)), 'float32'));
        return tf.stack([l, correct]);
      });
      const [l, c] = await both.data();
      both.dispose();
      return { loss: l! / count, accuracy: c! / count };
    },
    tune(h) {
      const next = { ...hyper, ...h };
      checkHyper(next);
      hyper = next;
    },
    hyper: () => ({ ...hyper }),
    async readWeights() {
      return Promise.all(vars.map((v) => v.data() as Promise<Float32Array>));
    },
    restore(weights, at) {
      if (weights.length !== vars.length) throw new Error(`DP-SGD restore: ${weights.length} arrays for ${vars.length} weights`);
      weights.forEach((w, i) => {
        if (w.length !== vars[i]!.size) throw new Error(`DP-SGD restore: weight ${i} has ${w.length} values, not ${vars[i]!.size}`);
        tf.tidy(() => vars[i]!.assign(tf.tensor(w, shapes[i]!)));
      });
      if (velocity) tf.dispose(velocity);
      velocity = null;
      step = at;
      loss = null;
      lossStep = at;
      diverged = null;
    },
    warmUp() {
      return run(async () => {
        const { grads, lossSum } = noisyGradient(padChunks([], capacity), hyper.noise > 0 ? new Float32Array(total) : null);
        const probe = tf.tidy(() => tf.addN([lossSum, ...grads.map((g) => tf.sum(g))]));
        tf.dispose([...grads, lossSum]);
        await probe.data();
        probe.dispose();
      });
    },
    dispose() {
      tf.dispose(vars);
      if (velocity) tf.dispose(velocity);
      velocity = null;
    },
  };
  return trainer;
}
