/**
 * Saliency maps for a ReLU multilayer perceptron: which input pixels a class score is sensitive to.
 *
 * - The plain gradient (Simonyan, Vedaldi, Zisserman 2013, arXiv:1312.6034): ∂z_c/∂x at the input, where z_c is the
 *   class's logit, its score before the softmax. The logit is the usual choice: the softmax probability p_c also moves
 *   when other classes' scores move (∂p_c/∂x = p_c·(∇z_c − Σ_k p_k·∇z_k)), and its gradient vanishes as p_c → 1, so a
 *   confidently classified digit would get a blank map. The probability can still be asked for (output
 *   'probability'), to show exactly that.
 * - Integrated gradients (Sundararajan, Taly, Yan 2017, arXiv:1703.01365): (x − x′) ⊙ ∫₀¹ ∇z_c(x′ + α(x − x′)) dα from a
 *   baseline x′ (here blank: all pixels 0, black in MNIST's colours), the integral taken as a Riemann sum over `steps` points on the straight
 *   path, every point in one batch, so one forward and one backward pass give all the gradients. Its attributions add
 *   up to z_c(x) − z_c(x′) (the completeness axiom) up to the error of the sum, which shrinks as the steps grow.
 *
 * The tensor functions take the tfjs-core module as an argument (this file imports tfjs only as types, so the pure
 * helpers below it load in a page without tfjs): the map statistics, the rank correlation of two maps (Adebayo et al.
 * 2018's sanity check, arXiv:1810.03292), a hash that tells two maps apart, and the diverging colour scale.
 */
import type { Tensor, Tensor1D, Tensor2D } from '@tensorflow/tfjs-core';
import type { Tf } from './train';

/** Side of an MNIST digit, in pixels. */
export const IMAGE_SIDE = 28;
/** Pixels of an MNIST digit. */
export const IMAGE_PIXELS = IMAGE_SIDE * IMAGE_SIDE;

/** One dense layer: x·kernel + bias, kernel [in, out]. Hidden layers are followed by ReLU, the last by nothing. */
export interface DenseParams {
  kernel: Tensor2D;
  bias: Tensor1D;
}

export const SALIENCY_METHODS = ['gradient', 'integrated', 'both'] as const;
export type SaliencyMethod = (typeof SALIENCY_METHODS)[number];

/**
 * The output explained: the class's logit z_c (the usual choice), or its softmax probability p_c (offered to show why
 * not: it saturates, and it moves with every other class's score).
 */
export const SALIENCY_OUTPUTS = ['logit', 'probability'] as const;
export type SaliencyOutput = (typeof SALIENCY_OUTPUTS)[number];

/**
 * Where on each of the `steps` sub-intervals of [0, 1] the gradient is taken: its left end, its right end (the sum
 * of Sundararajan et al.'s equation 3) or its middle (whose error falls faster for a smooth integrand).
 */
export type RiemannRule = 'left' | 'right' | 'midpoint';

/** The interpolation points α₁…α_m of a Riemann sum with m = steps equal parts of [0, 1]. */
export function riemannAlphas(steps: number, rule: RiemannRule = 'midpoint'): Float32Array {
  if (!Number.isInteger(steps) || steps < 1) throw new RangeError(`riemannAlphas: steps must be a whole number ≥ 1, got ${steps}`);
  const shift = rule === 'left' ? 0 : rule === 'right' ? 1 : 0.5;
  return Float32Array.from({ length: steps }, (_, k) => (k + shift) / steps);
}

/** Logits of the MLP for a batch [n, in]; no tidy, so that it can run inside tf.grad. */
function forward(tf: Tf, layers: readonly DenseParams[], x: Tensor2D): Tensor2D {
  let h = x;
  layers.forEach((l, i) => {
    const z = tf.add(tf.matMul(h, l.kernel), l.bias) as Tensor2D;
    h = i < layers.length - 1 ? tf.relu(z) : z;
  });
  return h;
}

/** The logits (pre-softmax class scores) of a ReLU MLP for a batch of inputs [n, in]: [n, classes]. */
export function mlpLogits(tf: Tf, layers: readonly DenseParams[], x: Tensor2D): Tensor2D {
  if (!layers.length) throw new Error('mlpLogits: the model has no layers');
  return tf.tidy(() => forward(tf, layers, x));
}

/**
 * The gradient of one class's logit (or, with output 'probability', its softmax probability) with respect to every row
 * of a batch [n, in]: [n, in] (rows are independent).
 */
export function logitGradients(tf: Tf, layers: readonly DenseParams[], x: Tensor2D, target: number, output: SaliencyOutput = 'logit'): Tensor2D {
  const classes = layers[layers.length - 1]!.bias.shape[0];
  if (!Number.isInteger(target) || target < 0 || target >= classes) throw new RangeError(`logitGradients: target ${target} is not a class 0…${classes - 1}`);
  // Σ_rows F_target(row): row i of its gradient is ∂F_target(row i)/∂(row i), since rows do not interact.
  const f = (xs: Tensor) => {
    const z = forward(tf, layers, xs as Tensor2D);
    return tf.sum(tf.slice(output === 'probability' ? tf.softmax(z) : z, [0, target], [-1, 1]));
  };
  return tf.tidy(() => tf.grad(f)(x) as Tensor2D);
}

/** The points x′ + α_k·(x − x′) of the path, one per row: [steps, in]. x and baseline are [1, in]. */
export function interpolationPath(tf: Tf, x: Tensor2D, baseline: Tensor2D, alphas: Float32Array): Tensor2D {
  return tf.tidy(() => tf.add(baseline, tf.mul(tf.tensor2d(alphas, [alphas.length, 1]), tf.sub(x, baseline))) as Tensor2D);
}

/**
 * Integrated gradients of class `target` for one input x [1, in] from `baseline` [1, in]: (x − x′) ⊙ (1/m)·Σ_k ∇z(x′ +
 * α_k(x − x′)), every point of the path in one batch. Returns [1, in]; the caller disposes it.
 */
export function integratedGradients(tf: Tf, layers: readonly DenseParams[], x: Tensor2D, baseline: Tensor2D, target: number, steps: number, rule: RiemannRule = 'midpoint', output: SaliencyOutput = 'logit'): Tensor2D {
  const alphas = riemannAlphas(steps, rule);
  return tf.tidy(() => {
    const path = interpolationPath(tf, x, baseline, alphas);
    const grads = logitGradients(tf, layers, path, target, output);
    return tf.mul(tf.sub(x, baseline), tf.mean(grads, 0, true)) as Tensor2D;
  });
}

export interface ExplainOptions {
  /** The class whose logit is explained, or the model's prediction for the input. */
  target: number | 'predicted';
  method: SaliencyMethod;
  /** Riemann steps of integrated gradients. */
  steps: number;
  rule?: RiemannRule;
  /** The output explained: the logit (default) or the softmax probability of the target class. */
  output?: SaliencyOutput;
  /** The baseline of integrated gradients, as many values as the input; default all zeros (a black image). */
  baseline?: Float32Array;
}

/** What one explanation found, read back from the device once. */
export interface Explanation {
  /** The model's logits and softmax probabilities for the input. */
  logits: number[];
  probabilities: number[];
  predicted: number;
  /** The probability of the predicted class. */
  confidence: number;
  /** The class explained. */
  target: number;
  /** The output explained. */
  output: SaliencyOutput;
  /** F(x) and F(baseline): the target's logit, or its probability. */
  score: number;
  baselineScore: number;
  /** ∂F/∂x at the input, one value per pixel, or null when not asked for. */
  gradient: Float32Array | null;
  /** Integrated-gradient attributions, one per pixel, or null when not asked for. */
  integrated: Float32Array | null;
  /** Σ of the integrated-gradient attributions (summed in double precision), or null. */
  integratedSum: number | null;
  /** Σ attributions ÷ (F(x) − F(baseline)); 1 for an exact integral; null without IG or when the difference is 0. */
  completeness: number | null;
  steps: number;
}

/** Index of the largest value (the first of equals). */
export function argMax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}

/** Softmax of a vector of logits, computed stably in double precision. */
export function softmax(logits: ArrayLike<number>): number[] {
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) max = Math.max(max, logits[i]!);
  const e = Array.from(logits, (z) => Math.exp(z - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/** Sum in double precision. */
export function sum(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i]!;
  return s;
}

/**
 * Explains one input (a Float32Array of the model's input width): its logits, then the gradient and/or integrated
 * gradients of the target class's logit, all gradients in one batch (the path's points, then the input itself). Two
 * read-backs: the logits (to find the predicted class), then the maps. Every tensor made is freed.
 */
export async function explain(tf: Tf, layers: readonly DenseParams[], input: Float32Array, options: ExplainOptions): Promise<Explanation> {
  const width = layers[0]?.kernel.shape[0];
  if (width === undefined) throw new Error('explain: the model has no layers');
  if (input.length !== width) throw new RangeError(`explain: the input has ${input.length} values, the model takes ${width}`);
  const base = options.baseline ?? new Float32Array(width);
  if (base.length !== width) throw new RangeError(`explain: the baseline has ${base.length} values, the model takes ${width}`);
  const wantGradient = options.method !== 'integrated';
  const wantIntegrated = options.method !== 'gradient';
  const steps = options.steps;
  const output = options.output ?? 'logit';
  const alphas = wantIntegrated ? riemannAlphas(steps, options.rule) : new Float32Array(0);

  const x = tf.tensor2d(input, [1, width]);
  const b = tf.tensor2d(base, [1, width]);
  try {
    const scores = tf.tidy(() => mlpLogits(tf, layers, tf.concat([x, b], 0)));
    let both: Float32Array;
    try {
      both = (await scores.data()) as Float32Array;
    } finally {
      scores.dispose();
    }
    const classes = both.length / 2;
    const logits = Array.from(both.subarray(0, classes));
    const predicted = argMax(logits);
    const target = options.target === 'predicted' ? predicted : options.target;
    if (!Number.isInteger(target) || target < 0 || target >= classes) throw new RangeError(`explain: target ${target} is not a class 0…${classes - 1}`);
    const probabilities = softmax(logits);
    const baseLogits = both.subarray(classes, 2 * classes);
    const score = output === 'probability' ? probabilities[target]! : logits[target]!;
    const baselineScore = output === 'probability' ? softmax(baseLogits)[target]! : baseLogits[target]!;

    // One batch: the m points of the path (for IG), then x itself (for the plain gradient).
    const maps = tf.tidy(() => {
      const rows: Tensor2D[] = [];
      if (wantIntegrated) rows.push(interpolationPath(tf, x, b, alphas));
      if (wantGradient) rows.push(x);
      const grads = logitGradients(tf, layers, rows.length === 1 ? rows[0]! : (tf.concat(rows, 0) as Tensor2D), target, output);
      const out: Tensor[] = [];
      if (wantGradient) out.push(tf.slice(grads, [alphas.length, 0], [1, width]));
      if (wantIntegrated) out.push(tf.mul(tf.sub(x, b), tf.mean(tf.slice(grads, [0, 0], [alphas.length, width]), 0, true)));
      return out.length === 1 ? out[0]! : tf.concat(out, 0);
    });
    let flat: Float32Array;
    try {
      flat = (await maps.data()) as Float32Array;
    } finally {
      maps.dispose();
    }
    const gradient = wantGradient ? flat.slice(0, width) : null;
    const integrated = wantIntegrated ? flat.slice(wantGradient ? width : 0, (wantGradient ? 2 : 1) * width) : null;
    const integratedSum = integrated ? sum(integrated) : null;
    const delta = score - baselineScore;
    return {
      logits,
      probabilities,
      predicted,
      confidence: probabilities[predicted]!,
      target,
      output,
      score,
      baselineScore,
      gradient,
      integrated,
      integratedSum,
      completeness: integratedSum !== null && delta !== 0 ? integratedSum / delta : null,
      steps,
    };
  } finally {
    x.dispose();
    b.dispose();
  }
}

// ─── Pure helpers: statistics, description, comparison, colour ──────────────────────────────────────────────────────

export interface MapStats {
  /** max |a|. */
  maxAbs: number;
  /** Σ a. */
  sum: number;
  /** Σ |a|. */
  sumAbs: number;
  /** Σ of the positive and of the negative attributions (the latter ≤ 0). */
  positive: number;
  negative: number;
}

/** Summary numbers of a map. */
export function mapStats(map: ArrayLike<number>): MapStats {
  let maxAbs = 0;
  let s = 0;
  let sumAbs = 0;
  let positive = 0;
  let negative = 0;
  for (let i = 0; i < map.length; i++) {
    const v = map[i]!;
    const a = Math.abs(v);
    if (a > maxAbs) maxAbs = a;
    s += v;
    sumAbs += a;
    if (v > 0) positive += v;
    else negative += v;
  }
  return { maxAbs, sum: s, sumAbs, positive, negative };
}

export interface Pixel {
  index: number;
  row: number;
  col: number;
  value: number;
}

/** The k pixels of largest |attribution|, largest first (ties by index), row and column from 0. */
export function topPixels(map: ArrayLike<number>, k: number, side = IMAGE_SIDE): Pixel[] {
  const idx = Array.from({ length: map.length }, (_, i) => i);
  idx.sort((a, b) => Math.abs(map[b]!) - Math.abs(map[a]!) || a - b);
  return idx.slice(0, Math.max(0, k)).map((i) => ({ index: i, row: Math.floor(i / side), col: i % side, value: map[i]! }));
}

/**
 * Share of Σ|a| in each cell of a grid × grid partition of the image (row-major: top-left first); the cells split the
 * side as evenly as whole pixels allow. All zeros for an all-zero map.
 */
export function regionShares(map: ArrayLike<number>, side = IMAGE_SIDE, grid = 3): number[] {
  const shares = new Array<number>(grid * grid).fill(0);
  let total = 0;
  for (let i = 0; i < map.length; i++) {
    const a = Math.abs(map[i]!);
    const r = Math.min(grid - 1, Math.floor((Math.floor(i / side) * grid) / side));
    const c = Math.min(grid - 1, Math.floor(((i % side) * grid) / side));
    shares[r * grid + c]! += a;
    total += a;
  }
  return total > 0 ? shares.map((s) => s / total) : shares;
}

/** Share of Σ|a| on pixels with ink (input ≥ threshold), 0 for an all-zero map. */
export function inkShare(map: ArrayLike<number>, pixels: ArrayLike<number>, threshold = 0.5): number {
  let on = 0;
  let total = 0;
  for (let i = 0; i < map.length; i++) {
    const a = Math.abs(map[i]!);
    total += a;
    if ((pixels[i] ?? 0) >= threshold) on += a;
  }
  return total > 0 ? on / total : 0;
}

/** Ranks 1…n of the values, ties given their average rank. */
export function ranks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const out = new Float64Array(n);
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && values[idx[j + 1]!] === values[idx[i]!]) j++;
    const r = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) out[idx[k]!] = r;
    i = j + 1;
  }
  return out;
}

/** Pearson correlation of two equal-length vectors; NaN when either is constant. */
export function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new RangeError(`pearson: lengths ${a.length} and ${b.length} differ`);
  const n = a.length;
  const ma = sum(a) / n;
  const mb = sum(b) / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i]! - ma;
    const db = b[i]! - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : NaN;
}

/**
 * Spearman rank correlation of |a| and |b|: how alike two maps rank the pixels by importance, sign ignored (the
 * comparison Adebayo et al. 2018 use between a trained model's map and a randomised model's), over the pixels where
 * `mask` is true (all without one). A map that is zero by construction on most pixels (integrated gradients on a black
 * background) shares that block of tied ranks with any other such map, which alone pushes the correlation near 1: mask
 * those pixels out to compare what the maps say where they can differ.
 */
export function absRankCorrelation(a: ArrayLike<number>, b: ArrayLike<number>, mask?: ArrayLike<boolean>): number {
  if (a.length !== b.length) throw new RangeError(`absRankCorrelation: lengths ${a.length} and ${b.length} differ`);
  const keep = (v: ArrayLike<number>) => Array.from(v, Math.abs).filter((_, i) => !mask || mask[i]);
  return pearson(ranks(keep(a)), ranks(keep(b)));
}

/**
 * A short hash of a map (FNV-1a over every value rounded to a thousandth of the map's max |a|), as 8 hex digits: two
 * maps of different digits differ; float noise in the last bits does not change it.
 */
export function mapHash(map: ArrayLike<number>): string {
  const { maxAbs } = mapStats(map);
  let h = 0x811c9dc5;
  for (let i = 0; i < map.length; i++) {
    const q = maxAbs > 0 ? Math.round((map[i]! / maxAbs) * 1000) : 0;
    h ^= q & 0xffff;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * The scale of the colour map: the q-quantile of |a| (the top 1 % of pixels saturate at q = 0.99, so one extreme
 * pixel cannot wash the rest out), or max |a| if that quantile is 0; 0 only for an all-zero map.
 */
export function colorScale(map: ArrayLike<number>, q = 0.99): number {
  const abs = Float64Array.from(map, Math.abs).sort();
  if (!abs.length) return 0;
  const v = abs[Math.min(abs.length - 1, Math.max(0, Math.floor(q * (abs.length - 1))))]!;
  return v > 0 ? v : abs[abs.length - 1]!;
}

export type Rgb = readonly [number, number, number];

/** #rrggbb (or #rgb) to RGB; null for anything else. */
export function parseHexColor(hex: string): Rgb | null {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  const h = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
  return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
}

/**
 * A diverging colour for t in [−1, 1] (clamped): `zero` at 0, blending linearly to `positive` at +1 and `negative` at
 * −1, so the sign reads from the hue and the size from how far it is from the background.
 */
export function divergingColor(t: number, positive: Rgb, negative: Rgb, zero: Rgb): Rgb {
  const u = Math.max(-1, Math.min(1, Number.isFinite(t) ? t : 0));
  const end = u >= 0 ? positive : negative;
  const w = Math.abs(u);
  return [0, 1, 2].map((i) => Math.round(zero[i]! + (end[i]! - zero[i]!) * w)) as unknown as Rgb;
}
