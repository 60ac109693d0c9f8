/**
 * Loss functions and their gradients for one prediction p and target y (or one probability vector and its target),
 * on plain numbers. Averaging over examples is left to the caller (see meanLoss).
 */
import { logSumExp, sigmoid, softmax } from './activations';

/**
 * The clip applied to probabilities before taking a logarithm: p is clipped to [EPSILON, 1 − EPSILON]. Keras
 * (`keras.backend.epsilon()`) and TensorFlow.js (`tf.layers` losses, `tf.losses.logLoss`) use 1e-7, so a
 * prediction of exactly 0 for the true class costs −ln 1e-7 ≈ 16.12 instead of infinity.
 */
export const EPSILON = 1e-7;

/** p clipped to [EPSILON, 1 − EPSILON]. */
export function clipProbability(p: number): number {
  return Math.min(Math.max(p, EPSILON), 1 - EPSILON);
}

/** Squared error (p − y)². */
export function mse(p: number, y: number): number {
  return (p - y) ** 2;
}

/** ∂/∂p of (p − y)²: 2(p − y). */
export function mseGrad(p: number, y: number): number {
  return 2 * (p - y);
}

/** Absolute error |p − y|. */
export function mae(p: number, y: number): number {
  return Math.abs(p - y);
}

/** ∂/∂p of |p − y|: sign(p − y), taken as 0 at p = y (a subgradient, as frameworks use). */
export function maeGrad(p: number, y: number): number {
  const r = p - y;
  return r > 0 ? 1 : r < 0 ? -1 : 0;
}

/** Huber loss (Huber 1964) of the residual r = p − y: ½r² if |r| ≤ δ, else δ(|r| − ½δ). Quadratic near 0, linear beyond δ. */
export function huber(p: number, y: number, delta = 1): number {
  const a = Math.abs(p - y);
  return a <= delta ? 0.5 * a * a : delta * (a - 0.5 * delta);
}

/** ∂/∂p of the Huber loss: r if |r| ≤ δ, else δ·sign(r); its size never exceeds δ. */
export function huberGrad(p: number, y: number, delta = 1): number {
  const r = p - y;
  return Math.abs(r) <= delta ? r : delta * Math.sign(r);
}

/**
 * Binary cross-entropy −[y ln p + (1 − y) ln(1 − p)] of a predicted probability p for a target y ∈ [0, 1]
 * (natural logarithm, in nats). p is clipped to [EPSILON, 1 − EPSILON] first.
 */
export function bce(p: number, y: number): number {
  const q = clipProbability(p);
  return -(y * Math.log(q) + (1 - y) * Math.log(1 - q));
}

/** ∂/∂p of the binary cross-entropy: (p − y) / (p(1 − p)), at the clipped p. Blows up as p → 0 or 1 when wrong. */
export function bceGrad(p: number, y: number): number {
  const q = clipProbability(p);
  return (q - y) / (q * (1 - q));
}

/**
 * ∂/∂z of the binary cross-entropy when p = σ(z): the σ′ = p(1 − p) of the chain rule cancels the denominator of
 * bceGrad, leaving p − y. Takes p (not z).
 */
export function bceLogitGrad(p: number, y: number): number {
  return p - y;
}

/**
 * Binary cross-entropy computed from the logit z, stably: max(z, 0) − z·y + ln(1 + e^−|z|). Equals bce(σ(z), y)
 * without clipping; this is what PyTorch's BCEWithLogitsLoss and tf.nn.sigmoid_cross_entropy_with_logits compute.
 */
export function bceFromLogit(z: number, y: number): number {
  return Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z)));
}

/** ∂/∂z of the squared error (σ(z) − y)²: 2(p − y)·p(1 − p). The factor p(1 − p) is why MSE behind a sigmoid learns slowly when very wrong. */
export function mseSigmoidLogitGrad(z: number, y: number): number {
  const p = sigmoid(z);
  return 2 * (p - y) * p * (1 - p);
}

function sameLength(a: readonly number[], b: readonly number[], what: string): void {
  if (a.length !== b.length) throw new Error(`${what}: vectors of lengths ${a.length} and ${b.length}`);
}

/** Categorical cross-entropy −Σᵢ yᵢ ln pᵢ of a probability vector p against a target distribution y (one-hot or soft). pᵢ clipped. */
export function crossEntropy(p: readonly number[], y: readonly number[]): number {
  sameLength(p, y, 'crossEntropy');
  return -p.reduce((s, pi, i) => s + (y[i] === 0 ? 0 : y[i]! * Math.log(clipProbability(pi))), 0);
}

/** ∂/∂pᵢ of the categorical cross-entropy: −yᵢ / pᵢ (clipped pᵢ). */
export function crossEntropyGrad(p: readonly number[], y: readonly number[]): number[] {
  sameLength(p, y, 'crossEntropyGrad');
  return p.map((pi, i) => -y[i]! / clipProbability(pi));
}

/** Cross-entropy of softmax(z) against y, from the logits, stably: Σᵢ yᵢ (logsumexp(z) − zᵢ). */
export function softmaxCrossEntropy(z: readonly number[], y: readonly number[]): number {
  sameLength(z, y, 'softmaxCrossEntropy');
  const lse = logSumExp(z);
  return z.reduce((s, zi, i) => s + y[i]! * (lse - zi), 0);
}

/** ∂/∂z of the cross-entropy of softmax(z) against a target y that sums to 1: softmax(z) − y. */
export function softmaxCrossEntropyLogitGrad(z: readonly number[], y: readonly number[]): number[] {
  sameLength(z, y, 'softmaxCrossEntropyLogitGrad');
  const s = softmax(z);
  return s.map((si, i) => si - y[i]!);
}

/** Loss names for meanLoss. */
export const LOSS_NAMES = ['mse', 'mae', 'huber', 'bce'] as const;
export type LossName = (typeof LOSS_NAMES)[number];

/** The average of one per-example loss over a data set: (1/n) Σᵢ ℓ(pᵢ, yᵢ), the empirical risk. `delta` is Huber's δ. */
export function meanLoss(name: LossName, p: readonly number[], y: readonly number[], delta = 1): number {
  sameLength(p, y, 'meanLoss');
  if (p.length === 0) throw new Error('meanLoss: no examples');
  const f = { mse, mae, bce, huber: (a: number, b: number) => huber(a, b, delta) }[name];
  if (!f) throw new Error(`unknown loss "${name}"; expected one of ${LOSS_NAMES.join(', ')}`);
  return p.reduce((s, pi, i) => s + f(pi, y[i]!), 0) / p.length;
}

/**
 * The constant prediction c that minimises meanLoss(name, [c, c, …], y): the mean of y for MSE, a median for MAE,
 * something in between for Huber. Found by bisection on the (non-decreasing) derivative Σᵢ ∂ℓ(c, yᵢ)/∂c over
 * [min y, max y]; for BCE the targets must lie in [0, 1].
 */
export function bestConstant(name: LossName, y: readonly number[], delta = 1): number {
  if (y.length === 0) throw new Error('bestConstant: no targets');
  const grad = {
    mse: mseGrad,
    mae: maeGrad,
    huber: (c: number, t: number) => huberGrad(c, t, delta),
    bce: (c: number, t: number) => (c - t) / (c * (1 - c)),
  }[name];
  if (!grad) throw new Error(`unknown loss "${name}"; expected one of ${LOSS_NAMES.join(', ')}`);
  let lo = Math.min(...y);
  let hi = Math.max(...y);
  if (name === 'bce') {
    lo = Math.max(lo, EPSILON);
    hi = Math.min(hi, 1 - EPSILON);
  }
  const g = (c: number) => y.reduce((s, t) => s + grad(c, t), 0);
  for (let i = 0; i < 200 && hi - lo > 1e-13 * Math.max(1, Math.abs(hi)); i++) {
    const mid = 0.5 * (lo + hi);
    if (g(mid) < 0) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}
