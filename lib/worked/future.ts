/**
 * Worked numbers of the chapter `future` (see registry.ts): scaling-law ratios, the reliability of a chain of agent
 * steps, image tokens of a vision encoder, the privacy budget of differentially private training (the Gaussian
 * mechanism and DP-SGD through Rényi differential privacy), integrated gradients on functions small enough to check by
 * hand, group fairness metrics read from confusion tables, the energy and emissions of a training run, and the upper
 * bound on a failure rate after a clean test. Every entry has a test in future.test.ts. Every name starts with `fu`;
 * arguments are numbers or short strings.
 */
import { dpSgdEpsilon } from '../ml/dp-accountant';
import { privacyLabSchema, runEpsilon, samplingRate, stepsPerEpoch } from '../widgets/privacy-lab';

function check(cond: boolean, message: string): void {
  if (!cond) throw new Error(message);
}

function positive(x: number, what: string): number {
  check(Number.isFinite(x) && x > 0, `${what}: ${x} is not a positive number`);
  return x;
}

function probability(x: number, what: string): number {
  check(Number.isFinite(x) && x >= 0 && x <= 1, `${what}: ${x} is not a probability in [0, 1]`);
  return x;
}

// ─── Fairness: rates of one group's confusion table ───────────────────────────────────────────────────────────────────

const GROUP_RATES = ['tpr', 'fpr', 'ppv', 'selectionRate', 'prevalence', 'accuracy'] as const;
type GroupRate = (typeof GROUP_RATES)[number];

/** A rate of one group's confusion table (counts TP, FP, FN, TN). */
export function groupRate(rate: string, tp: number, fp: number, fn: number, tn: number): number {
  check(GROUP_RATES.includes(rate as GroupRate), `fuGroupRate: no rate "${rate}"; expected one of ${GROUP_RATES.join(', ')}`);
  for (const [v, name] of [[tp, 'TP'], [fp, 'FP'], [fn, 'FN'], [tn, 'TN']] as const)
    check(Number.isInteger(v) && v >= 0, `fuGroupRate: ${name} = ${v} is not a count`);
  const n = tp + fp + fn + tn;
  const ratio = (a: number, b: number, what: string) => {
    check(b > 0, `fuGroupRate: ${what} is undefined (its denominator is 0)`);
    return a / b;
  };
  switch (rate as GroupRate) {
    case 'tpr':
      return ratio(tp, tp + fn, 'the true-positive rate');
    case 'fpr':
      return ratio(fp, fp + tn, 'the false-positive rate');
    case 'ppv':
      return ratio(tp, tp + fp, 'the positive predictive value');
    case 'selectionRate':
      return ratio(tp + fp, n, 'the selection rate');
    case 'prevalence':
      return ratio(tp + fn, n, 'the prevalence');
    case 'accuracy':
      return ratio(tp + tn, n, 'the accuracy');
  }
}

// ─── Differential privacy ────────────────────────────────────────────────────────────────────────────────────────────

/** log(e^a + e^b) without overflow. */
function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  const m = Math.max(a, b);
  return m + Math.log(Math.exp(a - m) + Math.exp(b - m));
}

/** log C(n, k). */
function logBinomial(n: number, k: number): number {
  let s = 0;
  for (let i = 1; i <= k; i++) s += Math.log(n - k + i) - Math.log(i);
  return s;
}

/**
 * Rényi DP of order α (an integer ≥ 2) of one step of the Poisson-subsampled Gaussian mechanism with sampling rate q
 * and noise multiplier σ (Mironov, Talwar & Zhang 2019, eq. for integer α):
 * (1/(α−1)) · log Σ_{k=0}^{α} C(α,k) (1−q)^{α−k} q^k exp((k² − k)/(2σ²)). Summed in log space.
 */
export function rdpSampledGaussianHere(q: number, sigma: number, alpha: number): number {
  probability(q, 'sampling rate q');
  positive(sigma, 'noise multiplier σ');
  check(Number.isInteger(alpha) && alpha >= 2, `order α = ${alpha} is not an integer ≥ 2`);
  if (q === 0) return 0;
  if (q === 1) return alpha / (2 * sigma * sigma);
  let log = -Infinity;
  for (let k = 0; k <= alpha; k++) {
    const term = logBinomial(alpha, k) + (alpha - k) * Math.log1p(-q) + k * Math.log(q) + (k * k - k) / (2 * sigma * sigma);
    log = logAddExp(log, term);
  }
  return log / (alpha - 1);
}

/** ε of a (ε, δ) guarantee after `steps` compositions, minimised over the integer orders 2…256: RDP·T + log(1/δ)/(α−1) (Mironov 2017, Prop. 3). */
export function dpSgdEpsilonHere(q: number, sigma: number, steps: number, delta: number): number {
  check(Number.isInteger(steps) && steps >= 1, `steps = ${steps} is not a positive integer`);
  check(Number.isFinite(delta) && delta > 0 && delta < 1, `δ = ${delta} is not in (0, 1)`);
  let best = Infinity;
  for (let alpha = 2; alpha <= 256; alpha++) {
    const eps = steps * rdpSampledGaussianHere(q, sigma, alpha) + Math.log(1 / delta) / (alpha - 1);
    if (eps < best) best = eps;
  }
  return best;
}

// ─── Integrated gradients ────────────────────────────────────────────────────────────────────────────────────────────

const RIEMANN = ['left', 'right', 'midpoint'] as const;

/** The k-th of m Riemann points on [0, 1] for a rule: k/m (right), (k−1)/m (left) or (k−½)/m (midpoint), k = 1…m. */
function riemannPoint(rule: string, k: number, m: number): number {
  check(RIEMANN.includes(rule as (typeof RIEMANN)[number]), `no Riemann rule "${rule}"; expected left, right or midpoint`);
  return rule === 'right' ? k / m : rule === 'left' ? (k - 1) / m : (k - 0.5) / m;
}

/** The ramp f(x) = 1 − ReLU(1 − x) of Sundararajan et al. (2017, §2): its derivative is 1 below x = 1 and 0 above. */
const rampGrad = (x: number) => (x < 1 ? 1 : 0);

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export const futureWorked = {
  // ── Scale ──
  /** Loss ratio L(kN)/L(N) under a power law L ∝ N^(−exponent) when the scaled quantity grows by `factor`. */
  fuPowerLawRatio: (factor: number, exponent: number) => positive(factor, 'factor') ** -exponent,
  /** Factor by which the scaled quantity must grow to multiply the loss by `lossRatio` under L ∝ N^(−exponent). */
  fuPowerLawFactor: (lossRatio: number, exponent: number) => positive(lossRatio, 'loss ratio') ** (-1 / positive(exponent, 'exponent')),
  /** Image tokens of a vision Transformer: (side / patch)² patches of a square image. */
  fuPatchTokens: (side: number, patch: number) => {
    check(Number.isInteger(side / patch), `fuPatchTokens: ${patch} does not divide ${side}`);
    return (side / patch) ** 2;
  },

  // ── Agents ──
  /**
   * Probability that a task of n steps succeeds when each step succeeds with probability p, independently, and a failed
   * step that is detected is retried up to `tries` times in all: (1 − (1 − p)^tries)^n.
   */
  fuChainSuccess: (p: number, n: number, tries = 1) => {
    probability(p, 'per-step success');
    check(Number.isInteger(n) && n >= 0 && Number.isInteger(tries) && tries >= 1, 'fuChainSuccess: steps and tries are whole numbers');
    return (1 - (1 - p) ** tries) ** n;
  },

  // ── Privacy ──
  /** e^ε: the most by which one person's data may multiply the probability of any outcome under ε-DP. */
  fuPrivacyOdds: (epsilon: number) => Math.exp(epsilon),
  /** Noise scale Δ/ε of the Laplace mechanism for a query of sensitivity Δ (Dwork et al. 2006). */
  fuLaplaceScale: (sensitivity: number, epsilon: number) => positive(sensitivity, 'sensitivity') / positive(epsilon, 'ε'),
  /** σ = Δ·√(2 ln(1.25/δ))/ε of the classic Gaussian mechanism (Dwork & Roth 2014, Thm A.1; valid for ε < 1). */
  fuGaussianSigma: (sensitivity: number, epsilon: number, delta: number) => {
    check(epsilon > 0 && epsilon < 1, `fuGaussianSigma: the classic bound needs 0 < ε < 1, not ${epsilon}`);
    probability(delta, 'δ');
    return (positive(sensitivity, 'sensitivity') * Math.sqrt(2 * Math.log(1.25 / delta))) / epsilon;
  },
  /** Optimizer steps of a DP-SGD run: epochs × trainSize / batch, rounded up (the expected lot size is `batch`). */
  fuDpSteps: (trainSize: number, batch: number, epochs: number) => Math.ceil((epochs * trainSize) / batch),
  /** RDP of order α of one step of the subsampled Gaussian mechanism (rate q, noise multiplier σ). */
  fuRdpStep: (q: number, sigma: number, alpha: number) => rdpSampledGaussianHere(q, sigma, alpha),
  /**
   * ε of a DP-SGD run (sampling rate q, noise multiplier σ, `steps` steps, δ), as the book's privacy accountant
   * (lib/ml/dp-accountant.ts, the one the PrivacyLab shows) computes it.
   */
  fuDpSgdEpsilon: (q: number, sigma: number, steps: number, delta: number) => dpSgdEpsilon({ q, sigma, steps, delta }).epsilon,
  /** The Rényi order α at which that ε is reached. */
  fuDpSgdAlpha: (q: number, sigma: number, steps: number, delta: number) => dpSgdEpsilon({ q, sigma, steps, delta }).alpha,
  /**
   * ε at the end of a PrivacyLab run: `epochs` epochs of round(trainSize/batch) steps at q = batch/trainSize, by the
   * widget's own bookkeeping (lib/widgets/privacy-lab.ts), so the prose prints what the widget shows.
   */
  fuPrivacyLabEpsilon: (noise: number, batch: number, trainSize: number, epochs: number, delta: number) =>
    runEpsilon({ noise, batch, trainSize, delta }, epochs * stepsPerEpoch(trainSize, batch)),
  /** A number of the PrivacyLab's default run: `epsilon`, `steps`, `q`, or a setting (`noise`, `clip`, `batch`, `trainSize`, `epochs`, `delta`). */
  fuPrivacyLabDefault: (what: string) => {
    const d = {
      noise: privacyLabSchema.noise.default,
      clip: privacyLabSchema.clip.default,
      batch: privacyLabSchema.batch.default,
      trainSize: privacyLabSchema.trainSize.default,
      epochs: privacyLabSchema.epochs.default,
      delta: privacyLabSchema.delta.default,
    };
    const steps = d.epochs * stepsPerEpoch(d.trainSize, d.batch);
    const out: Record<string, number> = { ...d, steps, q: samplingRate(d.batch, d.trainSize), epsilon: runEpsilon(d, steps) };
    check(what in out, `fuPrivacyLabDefault: no output "${what}"; expected one of ${Object.keys(out).join(', ')}`);
    return out[what]!;
  },
  /**
   * The same run's ε by the classic conversion RDP·T + log(1/δ)/(α − 1) (Mironov 2017), computed by this file's own
   * implementation of the RDP of the subsampled Gaussian (integer orders 2…256): larger than the accountant's.
   */
  fuDpSgdEpsilonClassic: (q: number, sigma: number, steps: number, delta: number) => dpSgdEpsilonHere(q, sigma, steps, delta),

  // ── Explainability ──
  /**
   * Integrated gradients of the ramp f(x) = 1 − ReLU(1 − x) at x from the baseline 0, by an m-point Riemann sum:
   * x · (1/m) Σ f′(t_k x). The exact integral is f(x) − f(0) = min(x, 1).
   */
  fuIgRamp: (x: number, steps: number, rule = 'right') => {
    check(Number.isInteger(steps) && steps >= 1, `fuIgRamp: steps = ${steps} is not a positive integer`);
    let s = 0;
    for (let k = 1; k <= steps; k++) s += rampGrad(riemannPoint(rule, k, steps) * x);
    return (x * s) / steps;
  },
  /** The plain gradient of that ramp at x: 1 below 1, 0 above. */
  fuRampGradient: (x: number) => rampGrad(x),
  /**
   * Integrated gradient of input i (0 or 1) for the logistic unit F(x) = σ(w₁x₁ + w₂x₂ + b) from the baseline 0, by an
   * m-point midpoint sum: x_i · w_i · (1/m) Σ σ′(b + t_k (w·x)).
   */
  fuIgLogistic: (w1: number, w2: number, b: number, x1: number, x2: number, i: number, steps: number) => {
    check(i === 0 || i === 1, `fuIgLogistic: input ${i} is not 0 or 1`);
    check(Number.isInteger(steps) && steps >= 1, `fuIgLogistic: steps = ${steps} is not a positive integer`);
    const z = w1 * x1 + w2 * x2;
    let s = 0;
    for (let k = 1; k <= steps; k++) {
      const p = sigmoid(b + ((k - 0.5) / steps) * z);
      s += p * (1 - p);
    }
    return (i === 0 ? x1 * w1 : x2 * w2) * (s / steps);
  },
  /** Gradient × input of input i for the same unit: x_i · w_i · σ′(w·x + b). */
  fuGradTimesInputLogistic: (w1: number, w2: number, b: number, x1: number, x2: number, i: number) => {
    const p = sigmoid(w1 * x1 + w2 * x2 + b);
    return (i === 0 ? x1 * w1 : x2 * w2) * p * (1 - p);
  },
  /** F(x) − F(0) for the same unit: what the attributions of a complete method add up to. */
  fuLogisticGap: (w1: number, w2: number, b: number, x1: number, x2: number) => sigmoid(w1 * x1 + w2 * x2 + b) - sigmoid(b),

  // ── Fairness ──
  /** A rate of one group's confusion table: `tpr`, `fpr`, `ppv`, `selectionRate`, `prevalence` or `accuracy`. */
  fuGroupRate: (rate: string, tp: number, fp: number, fn: number, tn: number) => groupRate(rate, tp, fp, fn, tn),
  /**
   * The false-positive rate forced by a group's prevalence p, PPV and TPR (Chouldechova 2017):
   * FPR = p/(1 − p) · (1 − PPV)/PPV · TPR.
   */
  fuChouldechovaFpr: (prevalence: number, ppv: number, tpr: number) => {
    check(prevalence > 0 && prevalence < 1, `fuChouldechovaFpr: prevalence ${prevalence} is not in (0, 1)`);
    check(ppv > 0 && ppv <= 1, `fuChouldechovaFpr: PPV ${ppv} is not in (0, 1]`);
    probability(tpr, 'TPR');
    return (prevalence / (1 - prevalence)) * ((1 - ppv) / ppv) * tpr;
  },

  // ── Energy ──
  /** Energy of a run in MWh: accelerator-hours × average watts per accelerator × PUE / 10⁶. */
  fuEnergyMWh: (gpuHours: number, watts: number, pue: number) => {
    check(pue >= 1, `fuEnergyMWh: a PUE of ${pue} is below 1`);
    return (positive(gpuHours, 'GPU-hours') * positive(watts, 'watts') * pue) / 1e6;
  },
  /**
   * Energy in MWh of training N parameters on D tokens (6·N·D FLOPs) at `peakFlops` per accelerator and utilisation
   * `mfu`, each accelerator drawing `watts` on average, in a data centre of the given PUE.
   */
  fuTrainingEnergyMWh: (params: number, tokens: number, peakFlops: number, mfu: number, watts: number, pue: number) => {
    check(pue >= 1, `fuTrainingEnergyMWh: a PUE of ${pue} is below 1`);
    probability(mfu, 'MFU');
    const gpuHours = (6 * positive(params, 'parameters') * positive(tokens, 'tokens')) / (positive(peakFlops, 'peak FLOP/s') * mfu) / 3600;
    return (gpuHours * positive(watts, 'watts') * pue) / 1e6;
  },
  /** Emissions of a run in tonnes CO₂e: energy (MWh) × grid intensity (g CO₂e per kWh) / 1000. */
  fuEmissionsTonnes: (gpuHours: number, watts: number, pue: number, gramsPerKWh: number) => {
    check(pue >= 1, `fuEmissionsTonnes: a PUE of ${pue} is below 1`);
    check(gramsPerKWh >= 0, `fuEmissionsTonnes: grid intensity ${gramsPerKWh} is negative`);
    return (positive(gpuHours, 'GPU-hours') * positive(watts, 'watts') * pue * gramsPerKWh) / 1e9;
  },

  // ── Safety ──
  /** Exact one-sided 95 % upper bound on a failure rate after n trials with no failure: 1 − 0.05^(1/n) (≈ 3/n). */
  fuZeroFailureBound: (n: number, confidence = 0.95) => {
    check(Number.isInteger(n) && n >= 1, `fuZeroFailureBound: n = ${n} is not a positive integer`);
    return 1 - (1 - probability(confidence, 'confidence')) ** (1 / n);
  },
} satisfies Record<string, (...args: never[]) => number>;
