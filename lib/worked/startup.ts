/**
 * Worked numbers of Part III (the chapters `startup-strategy`, `compute-economics` and `capital-allocation`) that the
 * calculators of lib/finance do not print directly: the cost of one request, the usage cap that keeps a margin, when a
 * bought GPU pays for itself, memory counted in binary units as accelerators report it, ZeRO's memory per GPU, how the
 * Chinchilla optimum grows with the budget, ownership after several rounds, and a response curve fitted to two bets.
 *
 * Every name starts with `su`; every argument is a number or a short string. Each entry is tested in startup.test.ts
 * against a hand computation. A function throws (failing the build) rather than return a number that means nothing.
 */
import { CHINCHILLA_FITS, closedFormOptimum } from '../finance/compute-optimal';
import { trainingBytesPerGpu } from '../finance/memory-fit';
import { COMPUTE_OPTIMAL_FITS, type ComputeOptimalFit } from '../finance/schemas';
import { devicesNeeded, inferenceBytes, trainingBytes, PRECISIONS, OPTIMIZER_BYTES, type Optimizer, type Precision } from '../scale/memory';

/** Bytes in one binary gigabyte (GiB). Accelerator memory is built from binary-sized chips: an "80 GB" H100 has 80 GiB. */
export const GIB = 2 ** 30;
/** Bytes in one binary megabyte (MiB), the unit nvidia-smi reports. */
export const MIB = 2 ** 20;
/** Hours in an average month (8,760 / 12). */
export const HOURS_PER_MONTH = 730;

function positive(x: number, what: string): number {
  if (!(Number.isFinite(x) && x > 0)) throw new RangeError(`${what} must be a positive number, not ${x}`);
  return x;
}

function fraction(x: number, what: string): number {
  if (!(Number.isFinite(x) && x >= 0 && x <= 1)) throw new RangeError(`${what} must lie in [0, 1], not ${x}`);
  return x;
}

function precisionOf(p: string): Precision {
  if (!(p in PRECISIONS)) throw new RangeError(`unknown precision "${p}" (${Object.keys(PRECISIONS).join(', ')})`);
  return p as Precision;
}

function optimizerOf(o: string): Optimizer {
  if (!(o in OPTIMIZER_BYTES)) throw new RangeError(`unknown optimizer "${o}" (${Object.keys(OPTIMIZER_BYTES).join(', ')})`);
  return o as Optimizer;
}

function fitOf(f: string): ComputeOptimalFit {
  if (!(COMPUTE_OPTIMAL_FITS as readonly string[]).includes(f)) throw new RangeError(`unknown fit "${f}" (${COMPUTE_OPTIMAL_FITS.join(', ')})`);
  return f as ComputeOptimalFit;
}

/**
 * The scale b of the curve f(x) = a·ln(1 + x/b) through two measured points (x₁, y₁) and (x₂, y₂) with 0 < x₁ < x₂.
 * The ratio h(b) = ln(1 + x₂/b) / ln(1 + x₁/b) rises from 1 (b → 0) to x₂/x₁ (b → ∞), so y₂/y₁ must lie strictly
 * between them (the returns diminish, but not completely); b is found by bisection on ln b.
 */
export function logCurveBend(x1: number, y1: number, x2: number, y2: number): number {
  positive(x1, 'the first spend');
  positive(y1, 'the first outcome');
  if (!(x2 > x1)) throw new RangeError('the second spend must be larger than the first');
  const target = y2 / y1;
  if (!(target > 1 && target < x2 / x1))
    throw new RangeError(`y₂/y₁ = ${target} must lie between 1 and x₂/x₁ = ${x2 / x1} for a diminishing log curve`);
  const h = (b: number) => Math.log1p(x2 / b) / Math.log1p(x1 / b);
  let lo = Math.log(x1) - 60;
  let hi = Math.log(x2) + 60;
  for (let k = 0; k < 200; k++) {
    const mid = (lo + hi) / 2;
    if (h(Math.exp(mid)) < target) lo = mid;
    else hi = mid;
  }
  return Math.exp((lo + hi) / 2);
}

export const startupWorked = {
  // ─── Chapter 8, startup strategy ─────────────────────────────────────────────────────────────────────────────────

  /** Compute cost of one request in USD: (tokensIn·pricePerMillionIn + tokensOut·pricePerMillionOut) / 10⁶. */
  suRequestCost: (tokensIn: number, pricePerMillionIn: number, tokensOut: number, pricePerMillionOut: number) =>
    (tokensIn * pricePerMillionIn + tokensOut * pricePerMillionOut) / 1e6,
  /**
   * The most tokens a user may consume a month for the gross margin to stay at `margin` or above, counted in units of
   * `unit` tokens (1e6 for millions, 1e4 for 万): (a·(1 − g) − o) / k · 10⁶ / unit, from g = (a − T·k/10⁶ − o)/a.
   */
  suTokenCap: (arpu: number, margin: number, costPerMillion: number, otherCogs: number, unit: number) => {
    const millions = (positive(arpu, 'ARPU') * (1 - fraction(margin, 'the margin')) - otherCogs) / positive(costPerMillion, 'the cost per million');
    if (!(millions >= 0)) throw new RangeError('the other costs alone already exceed what the margin allows');
    return (millions * 1e6) / positive(unit, 'the unit');
  },
  /**
   * Months after which buying a GPU for `purchase` USD beats renting it at `rentPerHour` for the hours it is busy, when
   * owning costs `ownPerHour` for every hour of the month (power, hosting, a share of an operator) and the GPU is busy
   * a fraction `utilisation` of the time: purchase / (730·(rentPerHour·utilisation − ownPerHour)). Throws when owning
   * never pays back (renting the busy hours costs no more than running the owned card).
   */
  suBuyBreakEvenMonths: (purchase: number, rentPerHour: number, ownPerHour: number, utilisation: number) => {
    const saving = HOURS_PER_MONTH * (rentPerHour * fraction(utilisation, 'utilisation') - ownPerHour);
    if (!(saving > 0)) throw new RangeError('at this utilisation renting is never dearer than owning: no break-even');
    return positive(purchase, 'the purchase price') / saving;
  },

  // ─── Chapter 9, compute economics ────────────────────────────────────────────────────────────────────────────────

  /** Bytes in `gib` binary gigabytes (1 GiB = 2³⁰ bytes). */
  suGibToBytes: (gib: number) => gib * GIB,
  /** Binary gigabytes in `mib` binary megabytes, as nvidia-smi reports them (81,920 MiB = 80 GiB). */
  suMibToGib: (mib: number) => mib / 1024,
  /** Decimal gigabytes (10⁹ bytes) in `mib` MiB: what a card that reports `mib` holds in the units model sizes use. */
  suMibToGB: (mib: number) => (mib * MIB) / 1e9,
  /** Accelerators of `memoryMiB` MiB each (as nvidia-smi reports them) to serve a model (weights × 1.2), split evenly. */
  suInferenceDevicesMiB: (params: number, precision: string, memoryMiB: number) =>
    devicesNeeded(inferenceBytes(params, precisionOf(precision)), positive(memoryMiB, 'the memory') * MIB),
  /** Accelerators of `memoryMiB` MiB each to hold a training state (weights, gradients, optimizer), split evenly. */
  suTrainingDevicesMiB: (params: number, optimizer: string, memoryMiB: number) =>
    devicesNeeded(trainingBytes(params, optimizerOf(optimizer)), positive(memoryMiB, 'the memory') * MIB),
  /**
   * Whole sequences whose KV cache fits next to the weights on `gpus` cards of `memoryMiB` MiB each, of which a serving
   * engine uses the fraction `usable` (vLLM's default is 0.9): ⌊(gpus·memory·usable − weightBytes) / bytesPerSequence⌋.
   * Activations and the runtime are taken to live in the part not used. Throws if the weights alone do not fit.
   */
  suKvSequencesFit: (gpus: number, memoryMiB: number, usable: number, weightBytes: number, bytesPerSequence: number) => {
    const room = positive(gpus, 'the number of GPUs') * positive(memoryMiB, 'the memory') * MIB * fraction(usable, 'the usable share') - weightBytes;
    if (!(room >= 0)) throw new RangeError('the weights alone do not fit in the usable memory');
    return Math.floor(room / positive(bytesPerSequence, 'the bytes per sequence'));
  },
  /**
   * Training memory per GPU in decimal GB (10⁹ bytes) for mixed-precision Adam (16 bytes per parameter) under ZeRO
   * stage `stage` (0–3) across `gpus` data-parallel GPUs (Rajbhandari et al. 2020), activations not counted.
   */
  suZeroGB: (params: number, stage: number, gpus: number) => {
    if (![0, 1, 2, 3].includes(stage)) throw new RangeError(`the ZeRO stage is 0, 1, 2 or 3, not ${stage}`);
    const b = trainingBytesPerGpu(params, 'adamMixed', stage, positive(gpus, 'the number of GPUs'));
    return (b.weights + b.gradients + b.optimizer + b.overhead) / 1e9;
  },
  /**
   * How many times larger the compute-optimal model (`which` = "params") or its training data ("tokens") becomes when
   * the budget grows by `factor`, under a Chinchilla fit: factor^(β/(α+β)) for N*, factor^(α/(α+β)) for D*.
   */
  suChinchillaGrowth: (fit: string, factor: number, which: string) => {
    const f = CHINCHILLA_FITS[fitOf(fit)];
    const base = 1e23;
    const a = closedFormOptimum(f, base);
    const b = closedFormOptimum(f, base * positive(factor, 'the factor'));
    if (which === 'params') return b.params / a.params;
    if (which === 'tokens') return b.tokens / a.tokens;
    throw new RangeError(`which must be "params" or "tokens", not "${which}"`);
  },

  // ─── Chapter 10, capital allocation ──────────────────────────────────────────────────────────────────────────────

  /** A holder's fraction after rounds that each sell a fraction d_k of the company: f₀·Π(1 − d_k). */
  suOwnershipAfter: (f0: number, ...sold: number[]) => sold.reduce((f, d) => f * (1 - fraction(d, 'the fraction sold')), fraction(f0, 'the starting fraction')),
  /** The bend b of a log response curve a·ln(1 + x/b) through two bets (x₁, y₁), (x₂, y₂): see logCurveBend. */
  suLogFitBend: (x1: number, y1: number, x2: number, y2: number) => logCurveBend(x1, y1, x2, y2),
  /** The scale a of the same curve: y₁ / ln(1 + x₁/b). */
  suLogFitScale: (x1: number, y1: number, x2: number, y2: number) => y1 / Math.log1p(x1 / logCurveBend(x1, y1, x2, y2)),
  /**
   * The marginal cost of one more unit of outcome at spend x on the fitted curve, 1/f′(x) = (b + x)/a: for a marketing
   * line measured in customers, the marginal customer acquisition cost.
   */
  suLogFitMarginalCost: (x1: number, y1: number, x2: number, y2: number, x: number) => {
    const b = logCurveBend(x1, y1, x2, y2);
    const a = y1 / Math.log1p(x1 / b);
    return (b + x) / a;
  },
} satisfies Record<string, (...args: never[]) => number>;
