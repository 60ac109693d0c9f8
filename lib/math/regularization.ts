/**
 * Penalties that regularise a network, and dropout's scaling, on plain numbers. The conventions follow Keras and
 * tfjs (`tf.regularizers.l2({l2: λ})` adds λ Σ w² to the loss, with no ½).
 */
import type { Rng } from '../random';

/** L2 penalty λ Σ wᵢ². */
export function l2Penalty(w: readonly number[], lambda: number): number {
  return lambda * w.reduce((s, x) => s + x * x, 0);
}

/** ∂/∂w of λ Σ wᵢ²: 2λw. */
export function l2Grad(w: readonly number[], lambda: number): number[] {
  return w.map((x) => 2 * lambda * x);
}

/** L1 penalty λ Σ |wᵢ|. */
export function l1Penalty(w: readonly number[], lambda: number): number {
  return lambda * w.reduce((s, x) => s + Math.abs(x), 0);
}

/** A subgradient of λ Σ |wᵢ|: λ·sign(w), taken as 0 at w = 0. */
export function l1Grad(w: readonly number[], lambda: number): number[] {
  return w.map((x) => lambda * Math.sign(x));
}

/**
 * Soft thresholding sign(w)·max(|w| − τ, 0): the exact minimiser of ½(x − w)² + τ|x|, i.e. the proximal step for an
 * L1 penalty. Every weight within τ of zero lands exactly on zero, which is why L1 makes weights sparse.
 */
export function softThreshold(w: number, tau: number): number {
  return Math.abs(w) <= tau ? 0 : Math.sign(w) * (Math.abs(w) - tau);
}

/**
 * The factor by which one SGD step with an L2 penalty λ Σ w² (gradient 2λw) shrinks a weight before the loss gradient
 * is applied: 1 − 2ηλ. That is weight decay; PyTorch's `weight_decay = λ′` adds λ′w to the gradient, i.e. 1 − ηλ′.
 */
export function sgdDecayFactor(lr: number, lambda: number): number {
  return 1 - 2 * lr * lambda;
}

/**
 * Inverted dropout's scale 1 / (1 − rate): at training time each unit is kept with probability 1 − rate and the kept
 * ones are multiplied by this, so the expected activation is unchanged and inference needs no rescaling.
 */
export function invertedDropoutScale(rate: number): number {
  if (!(rate >= 0 && rate < 1)) throw new Error(`dropout rate ${rate} must be in [0, 1)`);
  return 1 / (1 - rate);
}

/**
 * Inverted dropout of activations h during training: each hᵢ becomes 0 with probability `rate`, otherwise
 * hᵢ / (1 − rate). At inference (`training` false) h passes through unchanged.
 */
export function dropout(h: readonly number[], rate: number, rng: Rng, training = true): number[] {
  if (!training || rate === 0) return [...h];
  const scale = invertedDropoutScale(rate);
  return h.map((x) => (rng.uniform() < rate ? 0 : x * scale));
}
