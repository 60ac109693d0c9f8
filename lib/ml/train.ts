/**
 * The book's training loop: seeded minibatches, one gradient and one update of the book's own optimizer
 * (optimizers.ts) per step inside `tf.tidy`, and the loss read back from the device only every `readLossEvery` steps
 * (an awaited `data()`, never `dataSync`), so a GPU backend is never stalled step by step. Every constant of a step
 * (the optimizer's, the loss's 1/n and clipping bounds, the L2 penalty's λ) is a tensor made once, so a step uploads
 * nothing from JavaScript. Divergence (a NaN/Inf loss, or a loss exploding far above where it started)
 * stops training with a reason instead of drawing NaN. Runs unchanged in Node (cpu backend), a page or a Worker.
 */
import type { Optimizer, Scalar, Tensor, Variable } from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { Bilingual } from '../i18n';
import { createRng } from '../random';
import { OPTIMIZERS, type OptimizerName } from './caps';
import { createOptimizer, type TensorOptimizer } from './optimizers';
import { fusedKernels } from './webgpu-fused';

/** The tfjs-core module (`import * as tf from '@tensorflow/tfjs-core'`), injected so callers choose when it loads. */
export type Tf = typeof import('@tensorflow/tfjs-core');

/** Losses the trainer computes. */
export const LOSSES = ['binaryCrossentropy', 'categoricalCrossentropy', 'sparseCategoricalCrossentropy', 'meanSquaredError'] as const;
/**
 * binaryCrossentropy: one sigmoid output per target in {0, 1}, ys [n, 1]. categoricalCrossentropy: softmax outputs,
 * one-hot ys [n, C]. sparseCategoricalCrossentropy: softmax outputs, integer class ys [n] or [n, 1].
 * meanSquaredError: any outputs, ys the same shape.
 */
export type LossName = (typeof LOSSES)[number];
export { OPTIMIZERS, type OptimizerName };

/** Probabilities are clipped to [ε, 1 − ε] before the log, as Keras does, so a saturated output cannot give Inf. */
export const PROB_EPSILON = 1e-7;

export interface TensorData {
  /** Inputs, [n, …features]. */
  xs: Tensor;
  /** Targets, shaped as the loss expects (see LossName). */
  ys: Tensor;
}

export interface DivergenceOptions {
  /**
   * A smoothed loss (an exponential moving average of the read losses, weight 0.2 on the newest) above factor × the
   * first read loss (the loss at initialisation) counts as exploding (default 5). Smoothing keeps one unlucky
   * minibatch of noisy labels from stopping a healthy run.
   */
  factor?: number;
  /** An absolute ceiling: a read loss above it counts as exploding (default none). */
  maxLoss?: number;
}

export interface Divergence {
  reason: 'nonFinite' | 'exploded';
  /** The step whose loss showed it. */
  step: number;
  /** The loss read at that step (NaN, ±Infinity or the exploded value). */
  loss: number;
  message: Bilingual;
}

export interface TrainerOptions {
  tf: Tf;
  model: LayersModel;
  data: TensorData;
  loss: LossName;
  optimizer: OptimizerName;
  /** Step size η of the optimizer. */
  learningRate: number;
  /** Examples per step; clamped to the number of examples. */
  batchSize: number;
  /** Seed of the minibatch order. */
  seed: number;
  /** Read the loss back every this many steps (and at step 1); default 10. */
  readLossEvery?: number;
  divergence?: DivergenceOptions;
  /** Use directForward when the model allows it (default true); false forces `model.apply` (for comparisons). */
  direct?: boolean;
  /**
   * L2 penalty λ·ΣW² over every kernel (weight matrices and filters, not biases), computed by the trainer so that λ
   * can change while training (tune). Use it instead of layer regularisers when λ should apply live; default 0.
   */
  l2?: number;
}

/** Hyper-parameters a trainer applies at its next step, without rebuilding anything (the step count goes on). */
export interface TrainerTuning {
  learningRate?: number;
  /** A new optimizer starts with fresh state (no momentum, no moment estimates) on the current weights. */
  optimizer?: OptimizerName;
  l2?: number;
  /** A new batch size reshuffles the data at the next step. */
  batchSize?: number;
}

export interface TrainProgress {
  /** Steps taken so far. */
  step: number;
  /** The latest loss read back (training loss on that step's minibatch, regularisation included); null before any. */
  loss: number | null;
  /** The step at which `loss` was read. */
  lossStep: number;
  /** Set once training diverged; later steps do nothing. */
  diverged: Divergence | null;
}

export interface Evaluation {
  /** Mean loss over the examples, without regularisation. */
  loss: number;
  /** Fraction of examples classified correctly, in [0, 1]; null for meanSquaredError. */
  accuracy: number | null;
}

export interface Trainer {
  /** Takes n optimisation steps (default 1) and resolves to the progress, with the latest read loss. */
  step(n?: number): Promise<TrainProgress>;
  /** The progress so far, without training. */
  progress(): TrainProgress;
  /** Mean loss and accuracy of the current model on a data set (one read-back). */
  evaluate(data: TensorData): Promise<Evaluation>;
  /**
   * The model's output on a grid of points (row-major, inputDim values per point): for one or two output units the
   * probability of the positive class (the last unit) per point, otherwise every output, point after point.
   */
  predictGrid(points: Float32Array, inputDim?: number): Promise<Float32Array>;
  /** Applies new hyper-parameters from the next step on. Throws for a learning rate that is not a positive number. */
  tune(tuning: TrainerTuning): void;
  /** The hyper-parameters in force. */
  hyper(): Required<TrainerTuning>;
  /** Continues counting from `step` (after weights saved at that step were loaded into the model). */
  resumeAt(step: number): void;
  /**
   * Runs every kernel of a training step once on throwaway copies (the gradients of a batch of the current size, an
   * optimizer of the same kind applying them to copies of the weights), so that a GPU backend compiles its shaders
   * before the reader presses Train. Changes nothing: the weights, the optimizer's state, the step count and the
   * order of the batches are as they were. Steps asked for meanwhile wait for it.
   */
  warmUp(): Promise<void>;
  /** Frees the optimizer and everything the trainer made (not the model or the data it was given). */
  dispose(): void;
}

/**
 * tfjs's own optimizer by name with learning rate η (momentum 0.9 for 'momentum'; tfjs defaults otherwise), for
 * `model.fit` in the benchmark and for comparisons. tfjs has no AdamW.
 */
export function makeOptimizer(tf: Tf, name: OptimizerName, learningRate: number): Optimizer {
  switch (name) {
    case 'adamw':
      throw new Error('makeOptimizer: tfjs 4.22 has no AdamW; the training loop runs its own (createOptimizer)');
    case 'sgd':
      return tf.train.sgd(learningRate);
    case 'momentum':
      return tf.train.momentum(learningRate, 0.9);
    case 'adam':
      return tf.train.adam(learningRate);
    case 'rmsprop':
      return tf.train.rmsprop(learningRate);
  }
}

/** Frees an optimizer's state; also the learning-rate scalar that MomentumOptimizer.dispose forgets (tfjs 4.22). */
export function disposeOptimizer(opt: Optimizer): void {
  opt.dispose();
  const c = (opt as unknown as { c?: Tensor }).c;
  if (c && !c.isDisposed) c.dispose();
}

/** Mean loss of a batch, a scalar: the loss `name` between targets ys and model outputs pred. */
export function lossTensor(tf: Tf, name: LossName, ys: Tensor, pred: Tensor): Scalar {
  return tf.tidy(() => {
    switch (name) {
      case 'binaryCrossentropy': {
        const p = tf.clipByValue(pred, PROB_EPSILON, 1 - PROB_EPSILON);
        const y = tf.reshape(ys, p.shape);
        return tf.neg(tf.mean(tf.add(tf.mul(y, tf.log(p)), tf.mul(tf.sub(1, y), tf.log(tf.sub(1, p))))));
      }
      case 'categoricalCrossentropy': {
        const p = tf.clipByValue(pred, PROB_EPSILON, 1 - PROB_EPSILON);
        return tf.neg(tf.mean(tf.sum(tf.mul(ys, tf.log(p)), -1)));
      }
      case 'sparseCategoricalCrossentropy': {
        const classes = pred.shape[pred.shape.length - 1]!;
        const y = tf.oneHot(tf.cast(tf.reshape(ys, [-1]), 'int32'), classes);
        const p = tf.clipByValue(pred, PROB_EPSILON, 1 - PROB_EPSILON);
        return tf.neg(tf.mean(tf.sum(tf.mul(y, tf.log(p)), -1)));
      }
      case 'meanSquaredError':
        return tf.mean(tf.squaredDifference(pred, tf.reshape(ys, pred.shape)));
    }
  }) as Scalar;
}

/**
 * f(x) with its gradient in closed form: `value(x)` gives the output and a tensor to keep, `grad(kept, x, dy, y)` the
 * gradient with respect to x. `y` (targets) is used but not differentiated: it is saved for the backward pass (tfjs
 * frees the forward pass's other tensors before it) and tfjs asks for no gradient of it. Persistent constants may be
 * captured as they are.
 */
function closedForm<T extends Tensor>(
  tf: Tf,
  x: Tensor,
  y: Tensor | null,
  value: (x: Tensor) => { value: T; keep: Tensor },
  grad: (kept: Tensor, x: Tensor, dy: Tensor, y: Tensor) => Tensor,
): T {
  const f = tf.customGrad(((input: Tensor, save: (t: Tensor[]) => void) => {
    const r = value(input);
    save(y ? [r.keep, input, y] : [r.keep, input]);
    return { value: r.value, gradFunc: (dy: Tensor, saved: Tensor[]) => grad(saved[0]!, saved[1]!, dy, saved[2] ?? saved[0]!) };
  }) as unknown as Parameters<Tf['customGrad']>[0]) as unknown as (x: Tensor) => T;
  return f(x);
}

/**
 * The training step's loss, with its gradient written out. lossTensor's formulas, but every constant is a tensor made
 * once (the mean as a sum times a kept −1/n or 1/n, the clipping bounds, the 1 of 1 − y) and the gradient is the
 * closed form, because a JS number in an op or in tfjs's gradient of one (clipByValue's bounds, sum's `ones`, sigmoid's
 * and tanh's 1, square's 2) becomes a new tensor and an upload at every step. `setBatch` rewrites 1/n when the batch
 * size changes. Values and gradients equal lossTensor's to float rounding (train.test.ts), clipping included: where a
 * probability is clipped its gradient is 0, as through clipByValue.
 *
 * The gradient functions assume the loss is the objective's top (tfjs calls them with dy = 1, or a sum's dy = 1), so
 * they do not multiply by dy: one dispatch less per step on a GPU.
 */
export interface StepLoss {
  /**
   * The loss of model outputs `pred` (probabilities for the cross-entropies) against targets `ys`. With `value`
   * false the returned scalar is a placeholder (0, computed by no kernel): the gradient is the same, and a step whose
   * loss is not read back skips the loss's own arithmetic.
   */
  (ys: Tensor, pred: Tensor, value?: boolean): Scalar;
  /**
   * The loss from the last layer's pre-activation `z` when the output activation is the loss's own (sigmoid with
   * binary cross-entropy, softmax with categorical), whose gradient is then inv·(y − p) masked: fewer dispatches than
   * through the activation. Returns null for any other pairing.
   */
  fromLogits(ys: Tensor, z: Tensor, activation: string, value?: boolean): Scalar | null;
  setBatch(examples: number): void;
  dispose(): void;
}

export function createStepLoss(tf: Tf, name: LossName, outputUnits: number, examples: number): StepLoss {
  // The mean runs over every output for MSE and binary cross-entropy (one probability per unit), over the examples
  // only for the categorical losses (whose classes are summed first), as lossTensor's tf.mean does.
  const units = name === 'meanSquaredError' || name === 'binaryCrossentropy' ? Math.max(1, outputUnits) : 1;
  const scale = (n: number) => (name === 'meanSquaredError' ? 1 / (n * units) : -1 / (n * units));
  let n = examples;
  const [inv, twoInv, one, lo, hi] = tf.tidy(() => [
    tf.variable(tf.scalar(scale(n)), false),
    tf.variable(tf.scalar(2 * scale(n)), false),
    tf.scalar(1),
    tf.scalar(PROB_EPSILON),
    tf.scalar(1 - PROB_EPSILON),
  ]) as [Variable, Variable, Scalar, Scalar, Scalar];
  const zero = tf.scalar(0);
  /** The placeholder value of a step whose loss is not read: a view of a kept 0, no kernel. */
  const placeholder = () => tf.reshape(zero, []) as Scalar;
  // On WebGPU the fused-loss gradient is one dispatch (webgpu-fused.ts); elsewhere the tensor ops below.
  const kernels = fusedKernels(tf);
  const clip = (p: Tensor) => tf.minimum(tf.maximum(p, lo), hi);
  /** 1 where lo ≤ p ≤ hi (where clipByValue passes the gradient), else 0. */
  const inside = (p: Tensor) => tf.cast(tf.logicalAnd(tf.greaterEqual(p, lo), tf.lessEqual(p, hi)), 'float32');
  /** Targets as probabilities shaped like pred: one-hot for sparse labels. */
  const targets = (ys: Tensor, pred: Tensor) =>
    name === 'sparseCategoricalCrossentropy' ? tf.oneHot(tf.cast(tf.reshape(ys, [-1]), 'int32'), pred.shape[pred.shape.length - 1]!) : tf.reshape(ys, pred.shape);
  const cePlain = (y: Tensor, p: Tensor): Scalar =>
    (name === 'binaryCrossentropy'
      ? tf.mul(tf.sum(tf.add(tf.mul(y, tf.log(p)), tf.mul(tf.sub(one, y), tf.log(tf.sub(one, p))))), inv)
      : tf.mul(tf.sum(tf.mul(y, tf.log(p))), inv)) as Scalar;

  // Loss of probabilities (or, for MSE, of any outputs): d/dpred written out.
  const onPred = (targets: Tensor, pred: Tensor, want: boolean): Scalar =>
    name === 'meanSquaredError'
      ? closedForm(
          tf,
          pred,
          targets,
          (x) => ({ value: want ? (tf.mul(tf.sum(tf.squaredDifference(x, targets)), inv) as Scalar) : placeholder(), keep: x }),
          (x, _x, _dy, y) => tf.mul(tf.sub(x, y), twoInv),
        )
      : closedForm(
          tf,
          pred,
          targets,
          (x) => ({ value: want ? cePlain(targets, clip(x)) : placeholder(), keep: x }),
          (x, _x, _dy, y) => {
            const p = clip(x);
            // d/dp of inv·Σ[y log p + (1 − y) log(1 − p)] is inv·(y/p − (1 − y)/(1 − p)); of inv·Σ y log p, inv·y/p.
            const dp = name === 'binaryCrossentropy' ? tf.sub(tf.div(y, p), tf.div(tf.sub(one, y), tf.sub(one, p))) : tf.div(y, p);
            return tf.mul(tf.mul(dp, inside(x)), inv);
          },
        );

  // Sigmoid + binary cross-entropy, or softmax + categorical, from the pre-activation z. With m the clip mask:
  // sigmoid: dL/dz = inv·(y − p)·m (as d/dp·p(1 − p)); softmax: dL/dz_k = inv·(y_k m_k − p_k Σ_j y_j m_j).
  const onLogits = (targets: Tensor, z: Tensor, want: boolean): Scalar =>
    closedForm(
      tf,
      z,
      targets,
      (x) => {
        const p = name === 'binaryCrossentropy' ? tf.sigmoid(x) : tf.softmax(x);
        return { value: want ? cePlain(targets, clip(p)) : placeholder(), keep: p };
      },
      (p, _z, _dy, y) => {
        if (kernels) return kernels.logitsGrad(name === 'binaryCrossentropy' ? 'sigmoid' : 'softmax', p, y, scale(n), PROB_EPSILON, 1 - PROB_EPSILON);
        const m = inside(p);
        if (name === 'binaryCrossentropy') return tf.mul(tf.mul(tf.sub(y, p), m), inv);
        const ym = tf.mul(y, m);
        return tf.mul(tf.sub(ym, tf.mul(p, tf.sum(ym, -1, true))), inv);
      },
    );

  const f = ((ys: Tensor, pred: Tensor, want = true): Scalar => onPred(targets(ys, pred), pred, want)) as StepLoss;
  f.fromLogits = (ys, z, activation, want = true) => {
    const fused = (name === 'binaryCrossentropy' && activation === 'sigmoid') || ((name === 'categoricalCrossentropy' || name === 'sparseCategoricalCrossentropy') && activation === 'softmax');
    return fused ? onLogits(targets(ys, z), z, want) : null;
  };
  f.setBatch = (next: number) => {
    if (next === n) return;
    n = next;
    tf.tidy(() => {
      inv.assign(tf.scalar(scale(n)));
      twoInv.assign(tf.scalar(2 * scale(n)));
    });
  };
  f.dispose = () => tf.dispose([inv, twoInv, one, lo, hi, zero]);
  return f;
}

/** Number of correct predictions in a batch (a scalar), or null for meanSquaredError. */
function correctCount(tf: Tf, name: LossName, ys: Tensor, pred: Tensor): Scalar | null {
  if (name === 'meanSquaredError') return null;
  return tf.tidy(() => {
    if (name === 'binaryCrossentropy') {
      return tf.sum(tf.cast(tf.equal(tf.greater(pred, 0.5), tf.greater(tf.reshape(ys, pred.shape), 0.5)), 'float32'));
    }
    const guess = tf.argMax(pred, -1);
    const truth = name === 'categoricalCrossentropy' ? tf.argMax(ys, -1) : tf.cast(tf.reshape(ys, [-1]), 'int32');
    return tf.sum(tf.cast(tf.equal(guess, truth), 'float32'));
  }) as Scalar;
}

export interface EvaluateOptions {
  tf: Tf;
  model: LayersModel;
  data: TensorData;
  loss: LossName;
  /** Examples per forward pass, to bound memory; default 1024. */
  batchSize?: number;
  /** The forward pass in inference mode; default `model.apply(x, { training: false })`. */
  forward?: (x: Tensor) => Tensor;
}

/** Mean loss (no regularisation) and accuracy of a model on a data set, in inference mode, with one read-back. */
export async function evaluateModel({ tf, model, data, loss, batchSize = 1024, forward }: EvaluateOptions): Promise<Evaluation> {
  const n = data.xs.shape[0]!;
  if (n === 0) return { loss: NaN, accuracy: null };
  let lossSum = tf.scalar(0);
  let correct = tf.scalar(0);
  for (let start = 0; start < n; start += batchSize) {
    const size = Math.min(batchSize, n - start);
    const [nextLoss, nextCorrect] = tf.tidy(() => {
      const xb = tf.slice(data.xs, start, size);
      const yb = tf.slice(data.ys, start, size);
      const pred = forward ? forward(xb) : (model.apply(xb, { training: false }) as Tensor);
      const l = tf.add(lossSum, tf.mul(lossTensor(tf, loss, yb, pred), size));
      const c = correctCount(tf, loss, yb, pred);
      return [l, c ? tf.add(correct, c) : correct.clone()];
    });
    lossSum.dispose();
    correct.dispose();
    lossSum = nextLoss as Scalar;
    correct = nextCorrect as Scalar;
  }
  const both = tf.stack([lossSum, correct]);
  lossSum.dispose();
  correct.dispose();
  const [l, c] = await both.data();
  both.dispose();
  return { loss: l! / n, accuracy: loss === 'meanSquaredError' ? null : c! / n };
}

const divergenceMessage = (reason: Divergence['reason'], step: number, loss: number): Bilingual =>
  reason === 'nonFinite'
    ? {
        en: `Training diverged at step ${step}: the loss became ${loss}. Lower the learning rate and reset.`,
        zh: `训练在第 ${step} 步发散：损失变成了 ${loss}。请降低学习率后重置。`,
      }
    : {
        en: `Training diverged at step ${step}: the loss exploded to ${loss.toPrecision(3)}. Lower the learning rate and reset.`,
        zh: `训练在第 ${step} 步发散：损失暴涨到 ${loss.toPrecision(3)}。请降低学习率后重置。`,
      };

/** A model's forward pass and regularisation written as plain tensor ops, for the training loop's hot path. */
export interface DirectForward {
  /** The model's output for a batch; `training` turns dropout on. */
  forward(x: Tensor, training: boolean): Tensor;
  /**
   * The last layer's pre-activation z and its activation, so a loss can fuse the two (StepLoss.fromLogits); when the
   * model ends in a dropout or a relu/linear layer, z is the output and the activation 'linear'.
   */
  logits(x: Tensor, training: boolean): { z: Tensor; activation: string };
  /** The sum of the kernel regularisers (λ₁·Σ|W| + λ₂·ΣW²), or null when there are none. */
  regularization(): Scalar | null;
  /** Frees its constants (not the model). */
  dispose(): void;
}

const DIRECT_ACTIVATIONS = new Set(['linear', 'relu', 'tanh', 'sigmoid', 'softmax']);

interface LayerLike {
  getClassName(): string;
  getConfig(): Record<string, unknown>;
  call(x: Tensor, kwargs: { training?: boolean }): Tensor | Tensor[];
  kernel?: { read(): Tensor };
  bias?: { read(): Tensor } | null;
}

/**
 * For a Sequential model of Dense layers (linear, relu, tanh, sigmoid or softmax; L1/L2 kernel regularisers) and the
 * book's SeededDropout, the same computation as `model.apply` without the Layers API's bookkeeping around each call:
 * one fused matMul + bias (+ relu) kernel per layer. On a small model that bookkeeping costs more than the arithmetic
 * (measured: about 1.6× more steps per second on tfjs's CPU backend). Returns null for any other model (a CNN), which
 * then trains through `model.apply`.
 */
export function directForward(tf: Tf, model: LayersModel): DirectForward | null {
  const layers = model.layers as unknown as LayerLike[];
  if (!layers.length) return null;
  type Step = { kind: 'dense'; kernel: Tensor; bias: Tensor | null; activation: string; l1: number; l2: number } | { kind: 'dropout'; layer: LayerLike };
  const steps: Step[] = [];
  for (const layer of layers) {
    const name = layer.getClassName();
    if (name === 'SeededDropout') {
      steps.push({ kind: 'dropout', layer });
      continue;
    }
    if (name !== 'Dense' || !layer.kernel) return null;
    const c = layer.getConfig();
    const activation = String(c.activation ?? 'linear');
    if (!DIRECT_ACTIVATIONS.has(activation) || c.biasRegularizer || c.activityRegularizer || c.kernelConstraint || c.biasConstraint) return null;
    const reg = c.kernelRegularizer as { className?: string; config?: { l1?: number; l2?: number } } | null | undefined;
    if (reg && reg.className !== 'L1L2') return null;
    steps.push({ kind: 'dense', kernel: layer.kernel.read(), bias: layer.bias?.read() ?? null, activation, l1: reg?.config?.l1 ?? 0, l2: reg?.config?.l2 ?? 0 });
  }
  const dense = steps.filter((s): s is Extract<Step, { kind: 'dense' }> => s.kind === 'dense');
  const regularized = dense.some((d) => d.l1 > 0 || d.l2 > 0);
  // tanh and sigmoid with their gradients from the kept 1 (tfjs's gradients make a new scalar 1 at every step).
  const one = tf.scalar(1);
  const activate = (name: string, z: Tensor): Tensor => {
    const once = (f: (x: Tensor) => Tensor) => (x: Tensor) => {
      const y = f(x);
      return { value: y, keep: y };
    };
    if (name === 'tanh') return closedForm(tf, z, null, once(tf.tanh), (y, _x, dy) => tf.mul(dy, tf.sub(one, tf.square(y))));
    if (name === 'sigmoid') return closedForm(tf, z, null, once(tf.sigmoid), (y, _x, dy) => tf.mul(dy, tf.mul(y, tf.sub(one, y))));
    return name === 'softmax' ? tf.softmax(z) : z;
  };
  /** Runs every layer; with `raw`, the last one's activation (tanh, sigmoid, softmax) is left to the caller. */
  const kernels = fusedKernels(tf);
  /**
   * One dense layer, relu or linear fused in, with its gradient written out: d(relu) in one kernel on WebGPU, dW = hᵀ·dz,
   * db = Σ dz, and dh = dz·Wᵀ only when h is not the batch itself (tfjs's fused matMul gradient always computes the
   * input's, a full matMul the first layer does not need).
   */
  const denseLayer = (h: Tensor, s: Extract<Step, { kind: 'dense' }>, first: boolean): Tensor => {
    const act = s.activation === 'relu' ? 'relu' : 'linear';
    const params = s.bias ? [s.kernel, s.bias] : [s.kernel];
    const f = tf.customGrad(((...args: unknown[]) => {
      const save = args.pop() as (t: Tensor[]) => void;
      const inputs = args as Tensor[];
      const x = first ? h : inputs[0]!;
      const [w, b] = first ? inputs : inputs.slice(1);
      // The fused kernel itself: tf.fused.matMul declines to fuse an activation while a gradient is being recorded
      // (it would need its own gradient), which costs a separate bias add and relu on a GPU; ours is written below.
      const [m, k] = x.shape as [number, number];
      const n = w!.shape[1]!;
      const fusedOut = tf.engine().runKernel('_FusedMatMul', { a: tf.reshape(x, [1, m, k]), b: tf.reshape(w!, [1, k, n]), ...(b ? { bias: b } : {}) }, { transposeA: false, transposeB: false, activation: act }) as Tensor;
      const y = tf.reshape(fusedOut, [m, n]);
      save([x, w!, y]);
      return {
        value: y,
        gradFunc: (dy: Tensor, saved: Tensor[]) => {
          const [xs, ws, ys] = saved as [Tensor, Tensor, Tensor];
          const dz = act === 'relu' ? (kernels ? kernels.reluGrad(dy, ys) : tf.mul(dy, tf.step(ys))) : dy;
          const grads = [tf.matMul(xs, dz, true, false), ...(b ? [kernels ? kernels.columnSum(dz) : tf.sum(dz, 0)] : [])];
          return first ? grads : [tf.matMul(dz, ws, false, true), ...grads];
        },
      };
    }) as unknown as Parameters<Tf['customGrad']>[0]) as unknown as (...t: Tensor[]) => Tensor;
    return first ? f(...params) : f(h, ...params);
  };
  const firstDense = steps.findIndex((s) => s.kind === 'dense');
  const run = (x: Tensor, training: boolean, raw: boolean): { z: Tensor; activation: string } => {
    let h = x;
    let activation = 'linear';
    steps.forEach((s, i) => {
      if (s.kind === 'dropout') {
        if (training) h = s.layer.call(h, { training: true }) as Tensor;
        return;
      }
      const fusable = s.activation === 'relu' || s.activation === 'linear';
      const z = denseLayer(h, s, i === firstDense);
      if (raw && i === steps.length - 1 && !fusable) {
        h = z;
        activation = s.activation;
      } else {
        h = activate(s.activation, z);
      }
    });
    return { z: h, activation };
  };
  return {
    forward: (x, training) => run(x, training, false).z,
    logits: (x, training) => run(x, training, true),
    dispose: () => one.dispose(),
    regularization() {
      if (!regularized) return null;
      const terms: Scalar[] = [];
      for (const d of dense) {
        if (d.l1 > 0) terms.push(tf.mul(d.l1, tf.sum(tf.abs(d.kernel))));
        if (d.l2 > 0) terms.push(tf.mul(d.l2, tf.sum(tf.square(d.kernel))));
      }
      return tf.addN(terms);
    },
  };
}

/**
 * For a Sequential model that directForward cannot take (a CNN) but that ends in a Dense layer with a sigmoid or
 * softmax: the forward pass up to that layer's pre-activation z, each earlier layer through its own `apply`, the last
 * as one fused matMul + bias, so the loss can fuse the activation with the cross-entropy (StepLoss.fromLogits). Null
 * for any other model.
 */
export function logitsHead(tf: Tf, model: LayersModel): ((x: Tensor, training: boolean) => { z: Tensor; activation: string }) | null {
  const layers = model.layers as unknown as (LayerLike & { apply(x: Tensor, kwargs: { training?: boolean }): Tensor | Tensor[] })[];
  const last = layers[layers.length - 1];
  if (!last || last.getClassName() !== 'Dense' || !last.kernel || model.getClassName() !== 'Sequential') return null;
  const c = last.getConfig();
  const activation = String(c.activation ?? 'linear');
  if ((activation !== 'softmax' && activation !== 'sigmoid') || c.activityRegularizer || c.kernelConstraint || c.biasConstraint) return null;
  const kernel = last.kernel.read();
  const bias = last.bias?.read() ?? null;
  return (x, training) => {
    let h = x;
    for (const layer of layers.slice(0, -1)) h = layer.apply(h, { training }) as Tensor;
    return { z: tf.fused.matMul({ a: h, b: kernel, ...(bias ? { bias } : {}) }), activation };
  };
}

/** Creates a trainer for a model on in-memory tensors; see Trainer. The caller still owns (and disposes) model and data. */
export function createTrainer(options: TrainerOptions): Trainer {
  const { tf, model, data, loss } = options;
  const n = data.xs.shape[0]!;
  if (!(n > 0)) throw new Error('createTrainer: the data set is empty');
  if (data.ys.shape[0] !== n) throw new Error(`createTrainer: ${n} inputs but ${data.ys.shape[0]} targets`);
  if (!(options.learningRate > 0) || !Number.isFinite(options.learningRate)) throw new Error('createTrainer: the learning rate must be a positive number');
  const clampBatch = (b: number) => Math.max(1, Math.min(n, Math.floor(b)));
  let batchSize = clampBatch(options.batchSize);
  const readEvery = Math.max(1, Math.floor(options.readLossEvery ?? 10));
  const factor = options.divergence?.factor ?? 5;
  const maxLoss = options.divergence?.maxLoss ?? Infinity;

  let optimizerName = options.optimizer;
  let learningRate = options.learningRate;
  const vars = model.trainableWeights.map((w) => w.read() as Variable);
  let optimizer: TensorOptimizer = createOptimizer(tf, optimizerName, vars, { learningRate });
  const outputShape = model.outputs[0]?.shape ?? [];
  const stepLoss = createStepLoss(tf, loss, Number(outputShape[outputShape.length - 1] ?? 1), batchSize);
  // The L2 penalty λ·ΣW² over the kernels: λ and 2λ live on the device as variables, so changing λ uploads two numbers
  // once, not one per step. Its gradient 2λW is added to each kernel's gradient directly (tfjs's gradient of sum and
  // square would upload a tensor of ones the size of the kernel, and a 2, at every step); its value is computed only on
  // the steps whose loss is read.
  let l2 = Math.max(0, options.l2 ?? 0);
  const [l2Var, twoL2Var, dyOne] = tf.tidy(() => [tf.variable(tf.scalar(l2), false), tf.variable(tf.scalar(2 * l2), false), tf.scalar(1)]) as [Variable, Variable, Scalar];
  const isKernel = model.trainableWeights.map((w) => w.shape.length >= 2);
  const kernels = vars.filter((_, i) => isKernel[i]);
  const penalty = (): Scalar | null => (l2 > 0 && kernels.length ? (tf.mul(l2Var, tf.addN(kernels.map((k) => tf.sum(tf.square(k))))) as Scalar) : null);
  const direct = options.direct === false ? null : directForward(tf, model);
  const head = direct || options.direct === false ? null : logitsHead(tf, model);
  const apply = (x: Tensor, training: boolean): Tensor => (direct ? direct.forward(x, training) : (model.apply(x, { training }) as Tensor));
  const rng = createRng(options.seed);
  const order = Int32Array.from({ length: n }, (_, i) => i);

  let steps = 0;
  let lastLoss: number | null = null;
  let lossStep = 0;
  let firstLoss: number | null = null;
  let smoothed: number | null = null;
  let diverged: Divergence | null = null;
  let disposed = false;
  let queue: Promise<unknown> = Promise.resolve();

  // Each epoch the data are gathered once into a seeded permutation; a step then slices a contiguous minibatch, so
  // no index tensor is uploaded per step (a texture upload on WebGL). A last partial batch is dropped, as fit's
  // fixed-size batches would be padded otherwise. On WASM, whose Slice copies slowly (4 ms for 64 rows of 784 against
  // 1.2 ms for a gather, measured 2026-12-06), the epoch's permutation is kept as indices and a step gathers its rows.
  const byGather = tf.getBackend() === 'wasm';
  let epochXs: Tensor | null = null;
  let epochYs: Tensor | null = null;
  let batchesPerEpoch = Math.max(1, Math.floor(n / batchSize));
  let batchInEpoch = batchesPerEpoch;

  /** The next minibatch as [xs, ys] slices of the current epoch's permutation, reshuffling at each epoch's end. */
  const nextBatch = (): [Tensor, Tensor] => {
    if (batchInEpoch >= batchesPerEpoch) {
      for (let i = n - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        const t = order[i]!;
        order[i] = order[j]!;
        order[j] = t;
      }
      if (epochXs) tf.dispose([epochXs, epochYs!]);
      const [ex, ey] = tf.tidy(() => {
        const ix = tf.tensor1d(order, 'int32');
        // keep(): they outlive the step's tidy scope and are disposed at the next epoch or on dispose().
        return byGather ? [tf.keep(ix), tf.keep(tf.zeros([0]))] : [tf.keep(tf.gather(data.xs, ix)), tf.keep(tf.gather(data.ys, ix))];
      });
      epochXs = ex!;
      epochYs = ey!;
      batchInEpoch = 0;
    }
    const start = batchInEpoch++ * batchSize;
    if (byGather) {
      const ix = tf.slice(epochXs!, start, batchSize);
      return [tf.gather(data.xs, ix), tf.gather(data.ys, ix)];
    }
    const slice = (t: Tensor) => tf.slice(t, [start, ...t.shape.slice(1).map(() => 0)], [batchSize, ...t.shape.slice(1).map(() => -1)]);
    return [slice(epochXs!), slice(epochYs!)];
  };

  const progress = (): TrainProgress => ({ step: steps, loss: lastLoss, lossStep, diverged });

  const check = (value: number, step: number) => {
    if (!Number.isFinite(value)) {
      diverged = { reason: 'nonFinite', step, loss: value, message: divergenceMessage('nonFinite', step, value) };
      return;
    }
    smoothed = smoothed === null ? value : 0.8 * smoothed + 0.2 * value;
    if (value > maxLoss || (firstLoss !== null && firstLoss > 0 && smoothed > factor * firstLoss)) {
      diverged = { reason: 'exploded', step, loss: value, message: divergenceMessage('exploded', step, value) };
    }
  };

  /** The step's objective on a batch, differentiated: the loss and the model's own regularisers (not the L2 penalty). */
  const objective = (xb: Tensor, yb: Tensor, training: boolean, value: boolean): Scalar => {
    let l: Scalar | null = null;
    if (direct || head) {
      const { z, activation } = direct ? direct.logits(xb, training) : head!(xb, training);
      l = stepLoss.fromLogits(yb, z, activation, value) ?? stepLoss(yb, activation === 'softmax' ? tf.softmax(z) : activation === 'sigmoid' ? tf.sigmoid(z) : activation === 'tanh' ? tf.tanh(z) : z, value);
    }
    l ??= stepLoss(yb, apply(xb, training), value);
    const terms: Scalar[] = [l];
    if (direct) {
      const reg = direct.regularization();
      if (reg) terms.push(reg);
    } else {
      terms.push(...(model.calculateLosses() as Scalar[]));
    }
    return terms.length > 1 ? (tf.addN(terms) as Scalar) : l;
  };

  const run = async (count: number): Promise<TrainProgress> => {
    for (let k = 0; k < count && !diverged && !disposed; k++) {
      const read = steps + 1 === 1 || (steps + 1) % readEvery === 0;
      const cost = tf.tidy(() => {
        const [xb, yb] = nextBatch();
        // The loss itself only on the steps whose loss is read back; the gradient every step.
        const { value, grads } = tf.valueAndGrads(() => objective(xb, yb, true, read))(vars, dyOne);
        optimizer.apply(l2 > 0 ? grads.map((g, i) => (isKernel[i] ? tf.add(g, tf.mul(vars[i]!, twoL2Var)) : g)) : grads);
        const own = read ? penalty() : null;
        return own ? tf.add(value, own) : value;
      });
      steps++;
      if (steps === 1 || steps % readEvery === 0) {
        const step = steps;
        const value = (await cost.data())[0]!;
        cost.dispose();
        if (disposed) break;
        check(value, step);
        if (diverged) break; // keep the last good loss for the chart; the bad one is in `diverged`
        lastLoss = value;
        lossStep = step;
        if (firstLoss === null) firstLoss = value;
      } else {
        cost.dispose();
      }
    }
    return progress();
  };

  const warm = async () => {
    if (disposed) return;
    // Inside tidy, so the clones go and only the variables (which keep their data) stay.
    const copies = tf.tidy(() => vars.map((v) => tf.variable(v.clone() as Tensor, true, undefined, v.dtype)));
    const shadow = createOptimizer(tf, optimizerName, copies, { learningRate });
    try {
      const cost = tf.tidy(() => {
        // The same kernels as a step: a gather over a permutation, a contiguous slice, forward and backward.
        const ix = tf.range(0, Math.min(n, batchSize), 1, 'int32');
        const xb = tf.gather(data.xs, ix);
        const yb = tf.gather(data.ys, ix);
        // Dropout off: its seeded masks are drawn in order, and a draw here would shift every later step's mask.
        // (Its few small kernels compile at the first real step.)
        const { value, grads } = tf.valueAndGrads(() => objective(xb, yb, false, true))(vars, dyOne);
        // The optimizer's update kernels, on copies: the same shapes, so the same shaders.
        shadow.apply(l2 > 0 ? grads.map((g, i) => (isKernel[i] ? tf.add(g, tf.mul(vars[i]!, twoL2Var)) : g)) : grads);
        const own = penalty();
        return own ? tf.add(value, own) : value;
      });
      await cost.data();
      cost.dispose();
    } finally {
      shadow.dispose();
      tf.dispose(copies);
    }
  };

  return {
    warmUp() {
      const next = queue.then(warm);
      queue = next.catch(() => undefined);
      return next;
    },
    step(count = 1) {
      const next = queue.then(() => run(Math.max(0, Math.floor(count))));
      queue = next.catch(() => undefined);
      return next;
    },
    progress,
    evaluate(set) {
      return evaluateModel({ tf, model, data: set, loss, ...(direct ? { forward: (x: Tensor) => direct.forward(x, false) } : {}) });
    },
    async predictGrid(points, inputDim = 2) {
      const out = tf.tidy(() => {
        const x = tf.tensor2d(points, [points.length / inputDim, inputDim]);
        const pred = apply(x, false);
        const units = pred.shape[pred.shape.length - 1]!;
        return tf.reshape(units <= 2 ? tf.slice(pred, [0, units - 1], [-1, 1]) : pred, [-1]);
      });
      const values = (await out.data()) as Float32Array;
      out.dispose();
      return values;
    },
    tune(tuning) {
      if (tuning.learningRate !== undefined && tuning.learningRate !== learningRate) {
        if (!(tuning.learningRate > 0) || !Number.isFinite(tuning.learningRate)) throw new Error('tune: the learning rate must be a positive number');
        learningRate = tuning.learningRate;
        if (tuning.optimizer === undefined || tuning.optimizer === optimizerName) optimizer.setLearningRate(learningRate);
      }
      if (tuning.optimizer !== undefined && tuning.optimizer !== optimizerName) {
        optimizer.dispose();
        optimizerName = tuning.optimizer;
        optimizer = createOptimizer(tf, optimizerName, vars, { learningRate });
      }
      if (tuning.batchSize !== undefined && clampBatch(tuning.batchSize) !== batchSize) {
        batchSize = clampBatch(tuning.batchSize);
        stepLoss.setBatch(batchSize);
        batchesPerEpoch = Math.max(1, Math.floor(n / batchSize));
        batchInEpoch = batchesPerEpoch; // a new epoch (and permutation) starts at the next step
      }
      if (tuning.l2 !== undefined && tuning.l2 !== l2) {
        l2 = Math.max(0, tuning.l2);
        tf.tidy(() => {
          l2Var.assign(tf.scalar(l2));
          twoL2Var.assign(tf.scalar(2 * l2));
        });
      }
    },
    hyper: () => ({ learningRate, optimizer: optimizerName, l2, batchSize }),
    resumeAt(step) {
      steps = Math.max(0, Math.floor(step));
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      optimizer.dispose();
      stepLoss.dispose();
      direct?.dispose();
      tf.dispose([l2Var, twoL2Var, dyOne]);
      if (epochXs) tf.dispose([epochXs, epochYs!]);
      epochXs = epochYs = null;
    },
  };
}

export interface FitOptions {
  tf: Tf;
  model: LayersModel;
  data: TensorData;
  loss: LossName;
  optimizer: OptimizerName;
  learningRate: number;
  batchSize: number;
  epochs: number;
}

export interface FitResult {
  /** Training loss at the end of each epoch, as model.fit reports it. */
  losses: number[];
  /** Optimisation steps taken: epochs × ⌈n / batchSize⌉. */
  steps: number;
  /** Wall-clock time of model.fit, in milliseconds. */
  wallMs: number;
  stepsPerSecond: number;
}

/**
 * Trains with tfjs's own `model.fit` (compile + fit, shuffled each epoch, no yielding) on the same model, data and
 * batch size, for the benchmark against createTrainer. fit's shuffling is tfjs's own, so it is not seeded.
 */
export async function trainWithFit({ tf, model, data, loss, optimizer, learningRate, batchSize, epochs }: FitOptions): Promise<FitResult> {
  const opt = makeOptimizer(tf, optimizer, learningRate);
  model.compile({ optimizer: opt, loss });
  const n = data.xs.shape[0]!;
  const t0 = performance.now();
  const history = await model.fit(data.xs, data.ys, { batchSize, epochs, shuffle: true, verbose: 0, yieldEvery: 'never' });
  const wallMs = performance.now() - t0;
  disposeOptimizer(opt);
  const steps = epochs * Math.ceil(n / batchSize);
  return { losses: (history.history.loss ?? []).map(Number), steps, wallMs, stepsPerSecond: (steps / wallMs) * 1000 };
}
