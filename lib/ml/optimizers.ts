/**
 * The training loop's own optimizers: SGD, momentum, RMSProp, Adam and AdamW as tensor updates, each the formula of
 * lib/math/optimizers.ts (the textbook's, checked there against tfjs 4.22) written with tfjs-core ops on the device.
 *
 * Why not `tf.train.*`: tfjs's optimizers turn their JavaScript numbers into a new scalar tensor at every step and
 * for every variable (Adam's β₁, 1 − β₁, β₂, 1 − β₂, ε, −η and the 1 of 1 − β₁ᵗ; momentum's μ; RMSProp's ρ, 1 − ρ, η,
 * ε), and on WebGPU each such scalar is a staging buffer, a copy and a broken compute pass: 46 uploads per Adam step on
 * the MNIST MLP (../shared/tools/gpu-bench, 2026-12-04). Here every constant is a tensor made once; a change of the
 * learning rate (or decay) writes one number into it, and a step uploads nothing. The operations and their order are
 * tfjs's, so the weights agree with tfjs's optimizers to float rounding (optimizers.test.ts: 100 steps, 1e-6).
 */
import type { Scalar, Tensor, Variable } from '@tensorflow/tfjs-core';
import type { Tf } from './train';
import { ADAMW_DEFAULTS, TFJS_EPSILON } from '../math/optimizers';
import { OPTIMIZERS, type OptimizerName } from './caps';
import { fusedKernels, type FusedHyper } from './webgpu-fused';

/** Optimizers the training loop runs, by name as stored in a permalink. */
export const TRAIN_OPTIMIZERS = OPTIMIZERS;
export type TrainOptimizerName = OptimizerName;

/** The book's fixed settings: momentum μ = 0.9; tfjs's defaults otherwise; AdamW's decay λ as PyTorch's (0.01). */
export const OPTIMIZER_SETTINGS = {
  momentum: 0.9,
  rmsprop: { decay: 0.9 },
  adam: { beta1: 0.9, beta2: 0.999 },
  adamw: { weightDecay: ADAMW_DEFAULTS.weightDecay },
} as const;

export interface OptimizerOptions {
  /** Step size η. */
  learningRate: number;
  /** AdamW's decoupled weight decay λ (default 0.01). */
  weightDecay?: number;
  /** ε of RMSProp, Adam and AdamW (default: the backend's epsilon, 1e-7 for float32, as tfjs's optimizers). */
  epsilon?: number;
  /**
   * On WebGPU, update through the fused kernels of webgpu-fused.ts (default true): one dispatch for the state of all
   * parameters and one per parameter tensor, instead of up to 14 tensor ops per parameter tensor.
   */
  fused?: boolean;
}

export interface TensorOptimizer {
  readonly name: TrainOptimizerName;
  /**
   * Updates each variable in place from its gradient (grads[i] belongs to vars[i]). Every tensor it makes on the way
   * is freed before it returns, so it may be called inside or outside a tidy.
   */
  apply(grads: readonly Tensor[]): void;
  /** Writes a new learning rate into its device scalar (one upload, now, not one per step). */
  setLearningRate(learningRate: number): void;
  /** Steps applied so far. */
  iterations(): number;
  /** Frees the optimizer's state and constants (not the variables it updates). */
  dispose(): void;
}

/**
 * An optimizer over `vars` whose constants and state live on the device from the start. The state (momentum, running
 * means, moments) is created here, zero, so the tensor count does not change after the first step.
 */
export function createOptimizer(tf: Tf, name: TrainOptimizerName, vars: readonly Variable[], options: OptimizerOptions): TensorOptimizer {
  if (!(options.learningRate > 0) || !Number.isFinite(options.learningRate)) throw new Error('createOptimizer: the learning rate must be a positive number');
  const eps = options.epsilon ?? (tf.backend()?.epsilon() ?? TFJS_EPSILON);
  const owned: Tensor[] = [];
  const keep = <T extends Tensor>(t: T): T => {
    owned.push(t);
    return t;
  };
  // On WebGPU the fused kernels take every constant as a uniform: none of the tensors below is needed there.
  const fused = options.fused === false ? null : fusedKernels(tf);
  if (fused) return fusedOptimizer(tf, name, vars, options.learningRate, eps, options.weightDecay ?? OPTIMIZER_SETTINGS.adamw.weightDecay, fused);
  const constant = (x: number): Scalar => keep(tf.scalar(x));
  const zeros = (): Variable[] => vars.map((v) => keep(tf.tidy(() => tf.variable(tf.zerosLike(v), false))));
  let lr = options.learningRate;
  // −η (SGD, momentum, Adam, AdamW) and η (RMSProp, which subtracts its step as tfjs does): variables, so a change is
  // one assign of a new value, and a step reads them where they are.
  const variable = (x: number): Variable => keep(tf.tidy(() => tf.variable(tf.scalar(x), false)));
  const negLr = variable(-lr);
  const posLr = name === 'rmsprop' ? variable(lr) : null;
  let steps = 0;

  let update: (g: Tensor, i: number) => void;
  let afterStep = () => {};
  /** Forgets per-step tensors a failed step may have left (they were freed with its tidy). */
  let resetStep = () => {};
  switch (name) {
    case 'sgd':
      // θ ← θ − η g
      update = (g, i) => vars[i]!.assign(tf.add(tf.mul(negLr, g), vars[i]!));
      break;
    case 'momentum': {
      // a ← μa + g; θ ← θ − η a
      const mu = constant(OPTIMIZER_SETTINGS.momentum);
      const acc = zeros();
      update = (g, i) => {
        const a = tf.add(tf.mul(acc[i]!, mu), g);
        acc[i]!.assign(a);
        vars[i]!.assign(tf.add(tf.mul(negLr, a), vars[i]!));
      };
      break;
    }
    case 'rmsprop': {
      // s ← ρs + (1 − ρ)g²; θ ← θ − η g / √(s + ε)   (tfjs's plain RMSProp with momentum 0)
      const rho = constant(OPTIMIZER_SETTINGS.rmsprop.decay);
      const oneMinusRho = constant(1 - OPTIMIZER_SETTINGS.rmsprop.decay);
      const epsT = constant(eps);
      const ms = zeros();
      update = (g, i) => {
        const s = tf.add(tf.mul(ms[i]!, rho), tf.mul(tf.square(g), oneMinusRho));
        ms[i]!.assign(s);
        vars[i]!.assign(tf.sub(vars[i]!, tf.div(tf.mul(g, posLr!), tf.sqrt(tf.add(s, epsT)))));
      };
      break;
    }
    case 'adam':
    case 'adamw': {
      // m ← β₁m + (1 − β₁)g; v ← β₂v + (1 − β₂)g²; θ ← θ − η (m̂ / (√v̂ + ε) [+ λθ for AdamW])
      const { beta1, beta2 } = OPTIMIZER_SETTINGS.adam;
      const b1 = constant(beta1);
      const b2 = constant(beta2);
      const oneMinusB1 = constant(1 - beta1);
      const oneMinusB2 = constant(1 - beta2);
      const one = constant(1);
      const epsT = constant(eps);
      const decay = name === 'adamw' ? constant(options.weightDecay ?? OPTIMIZER_SETTINGS.adamw.weightDecay) : null;
      // β₁ᵗ and β₂ᵗ, multiplied on the device after each step (tfjs's accBeta1/accBeta2).
      const accB1 = variable(beta1);
      const accB2 = variable(beta2);
      const m = zeros();
      const v = zeros();
      let c1: Tensor | null = null;
      let c2: Tensor | null = null;
      update = (g, i) => {
        // 1 − βᵗ once per step for all variables (tfjs recomputes them per variable).
        c1 ??= tf.sub(one, accB1);
        c2 ??= tf.sub(one, accB2);
        const mNew = tf.add(tf.mul(m[i]!, b1), tf.mul(g, oneMinusB1));
        const vNew = tf.add(tf.mul(v[i]!, b2), tf.mul(tf.square(g), oneMinusB2));
        m[i]!.assign(mNew);
        v[i]!.assign(vNew);
        const direction = tf.div(tf.div(mNew, c1), tf.add(tf.sqrt(tf.div(vNew, c2)), epsT));
        const theta = vars[i]!;
        theta.assign(tf.add(tf.mul(decay ? tf.add(direction, tf.mul(theta, decay)) : direction, negLr), theta));
      };
      afterStep = () => {
        accB1.assign(tf.mul(accB1, b1));
        accB2.assign(tf.mul(accB2, b2));
        c1 = c2 = null;
      };
      resetStep = () => {
        c1 = c2 = null;
      };
      break;
    }
  }

  return {
    name,
    apply(grads) {
      if (grads.length !== vars.length) throw new Error(`optimizer: ${vars.length} variables but ${grads.length} gradients`);
      tf.tidy(() => {
        resetStep();
        grads.forEach((g, i) => update(g, i));
        afterStep();
      });
      steps++;
    },
    setLearningRate(next) {
      if (!(next > 0) || !Number.isFinite(next)) throw new Error('optimizer: the learning rate must be a positive number');
      if (next === lr) return;
      lr = next;
      tf.tidy(() => {
        negLr.assign(tf.scalar(-lr));
        posLr?.assign(tf.scalar(lr));
      });
    },
    iterations: () => steps,
    dispose() {
      tf.dispose(owned);
      owned.length = 0;
    },
  };
}

/**
 * The same optimizers through the fused WebGPU kernels: all parameters' state in one flat variable ([P], or [2P] for
 * Adam's m and v), updated by one dispatch from the flat gradient, then one dispatch per parameter tensor. η, 1 − βᵗ
 * and the other constants are uniforms of those dispatches, so a change of η costs nothing on the device.
 */
function fusedOptimizer(
  tf: Tf,
  name: TrainOptimizerName,
  vars: readonly Variable[],
  learningRate: number,
  eps: number,
  weightDecay: number,
  kernels: NonNullable<ReturnType<typeof fusedKernels>>,
): TensorOptimizer {
  const mode = name === 'adamw' ? 'adam' : name;
  const sizes = vars.map((v) => v.size);
  const total = sizes.reduce((a, b) => a + b, 0);
  const offsets = sizes.map((_, i) => sizes.slice(0, i).reduce((a, b) => a + b, 0));
  const state = mode === 'sgd' ? null : tf.tidy(() => tf.variable(tf.zeros([mode === 'adam' ? 2 * total : total]), false));
  let lr = learningRate;
  let steps = 0;
  const { beta1, beta2 } = OPTIMIZER_SETTINGS.adam;
  return {
    name,
    apply(grads) {
      if (grads.length !== vars.length) throw new Error(`optimizer: ${vars.length} variables but ${grads.length} gradients`);
      const t = steps + 1;
      const h: FusedHyper = {
        negLr: -lr,
        lr,
        momentum: OPTIMIZER_SETTINGS.momentum,
        rho: OPTIMIZER_SETTINGS.rmsprop.decay,
        beta1,
        beta2,
        c1: 1 - beta1 ** t,
        c2: 1 - beta2 ** t,
        eps,
        weightDecay: name === 'adamw' ? weightDecay : 0,
      };
      tf.tidy(() => {
        if (mode === 'sgd' || !state) {
          vars.forEach((v, i) => v.assign(tf.reshape(kernels.update('sgd', v, grads[i]!, null, 0, total, h), v.shape)));
          return;
        }
        const flat = grads.length === 1 ? tf.reshape(grads[0]!, [-1]) : tf.concat(grads.map((g) => tf.reshape(g, [-1])));
        const next = kernels.state(mode, state, flat, h);
        state.assign(next);
        vars.forEach((v, i) => v.assign(tf.reshape(kernels.update(mode, v, next, flat, offsets[i]!, total, h), v.shape)));
      });
      steps++;
    },
    setLearningRate(next) {
      if (!(next > 0) || !Number.isFinite(next)) throw new Error('optimizer: the learning rate must be a positive number');
      lr = next;
    },
    iterations: () => steps,
    dispose() {
      state?.dispose();
    },
  };
}
