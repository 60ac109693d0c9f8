/**
 * Learning-rate schedules: the learning rate η(t) at optimizer step t (t = 0 is the first step). Plain functions of
 * the step, as Keras's and tfjs's schedules and PyTorch's schedulers compute them.
 */

/** Step decay: η₀ · factor^⌊t / every⌋ (the rate drops by `factor` every `every` steps). */
export function stepDecay(t: number, lr0: number, factor: number, every: number): number {
  return lr0 * factor ** Math.floor(t / every);
}

/** Exponential decay: η₀ · rate^(t / every), Keras's `ExponentialDecay` without staircase. */
export function exponentialDecay(t: number, lr0: number, rate: number, every: number): number {
  return lr0 * rate ** (t / every);
}

/**
 * Cosine decay (the annealing of Loshchilov & Hutter's SGDR, without restarts): from η₀ at t = 0 to `minLr` at
 * t = total along half a cosine, η_min + ½(η₀ − η_min)(1 + cos(π t / total)); `minLr` after `total`.
 */
export function cosineDecay(t: number, lr0: number, total: number, minLr = 0): number {
  const f = Math.min(Math.max(t, 0), total) / total;
  return minLr + 0.5 * (lr0 - minLr) * (1 + Math.cos(Math.PI * f));
}

/**
 * Linear warm-up then cosine decay, the schedule of most large-model training runs (GPT-3, Llama 2): η rises
 * linearly from 0 at t = 0 to `peak` at t = `warmup`, then follows a cosine from `peak` down to `minLr` at t = `total`,
 * and stays at `minLr` after that.
 */
export function warmupCosine(t: number, peak: number, warmup: number, total: number, minLr = 0): number {
  if (warmup > 0 && t < warmup) return (peak * Math.max(t, 0)) / warmup;
  if (total <= warmup) return minLr;
  return cosineDecay(t - warmup, peak, total - warmup, minLr);
}
