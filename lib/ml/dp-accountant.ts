/**
 * The privacy accountant of DP-SGD: Rényi differential privacy (RDP) of the Poisson-subsampled Gaussian mechanism,
 * composed over the steps of a run and converted to an (ε, δ) guarantee.
 *
 * One step of DP-SGD samples every training example independently with probability q (Poisson sampling), clips each
 * sampled example's gradient to norm C, sums them and adds Gaussian noise of standard deviation σ·C. For an integer
 * order α ≥ 2 its RDP is (Mironov, Talwar and Zhang 2019, "Rényi Differential Privacy of the Sampled Gaussian
 * Mechanism", arXiv:1908.10530, Section 3.3):
 *
 *   RDP(α) = log A_α / (α − 1),   A_α = Σ_{k=0}^{α} C(α, k) (1 − q)^{α−k} q^k exp((k² − k) / (2σ²)),
 *
 * summed in log space (log-sum-exp), exactly as TensorFlow Privacy's `compute_rdp` and Opacus's `rdp` accountant
 * compute it for integer orders (`_compute_log_a_int`). With q = 1 it is the Gaussian mechanism's α / (2σ²); with
 * q = 0 it is 0; with σ = 0 there is no privacy (Infinity). RDP composes by addition: T steps give T·RDP(α).
 *
 * Conversion to (ε, δ): the improved bound the libraries use today (Balle, Barthe, Gaboardi, Hsu and Sato 2020,
 * "Hypothesis Testing Interpretations and Rényi Differential Privacy", arXiv:1905.09982, Theorem 21; also Canonne,
 * Kamath and Steinke 2020, arXiv:2004.00010, Proposition 12), minimised over the orders:
 *
 *   ε = min_α  RDP(α) + log((α − 1)/α) − (log δ + log α)/(α − 1),
 *
 * which is never worse than the classic RDP(α) + log(1/δ)/(α − 1) (Mironov 2017, Proposition 3), also exported. The
 * orders here are integers only (2…64 and a few larger), as the contract of this module asks; the libraries add
 * fractional orders 1.1…10.9, which can lower ε slightly when the best order is small (a large ε, little noise).
 * Pure TypeScript: no tfjs.
 */

/** The orders α the accountant minimises over: 2, 3, …, 64, then 80, 96, 128, 256, 512. */
export const RDP_ORDERS: readonly number[] = [...Array.from({ length: 63 }, (_, i) => i + 2), 80, 96, 128, 256, 512];

/** log(e^a + e^b) without overflow; −Infinity is the log of 0. */
function logAdd(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  const m = Math.max(a, b);
  return m + Math.log1p(Math.exp(-Math.abs(a - b)));
}

function checkQSigma(name: string, q: number, sigma: number): void {
  if (!(q >= 0 && q <= 1)) throw new Error(`${name}: the sampling rate q = ${q} is not in [0, 1]`);
  if (!(sigma >= 0) || !Number.isFinite(sigma)) throw new Error(`${name}: the noise multiplier σ = ${sigma} is not a finite number ≥ 0`);
}

/**
 * RDP at integer order α ≥ 2 of one step of the Poisson-subsampled Gaussian mechanism with sampling rate q and noise
 * multiplier σ (noise standard deviation σ × the clipping norm). See the module comment for the formula.
 */
export function rdpSampledGaussian(q: number, sigma: number, alpha: number): number {
  checkQSigma('rdpSampledGaussian', q, sigma);
  if (!Number.isInteger(alpha) || alpha < 2) throw new Error(`rdpSampledGaussian: the order α = ${alpha} is not an integer ≥ 2`);
  if (q === 0) return 0;
  if (sigma === 0) return Infinity;
  if (q === 1) return alpha / (2 * sigma * sigma);
  const logQ = Math.log(q);
  const log1mQ = Math.log1p(-q);
  let logA = -Infinity;
  let logBinom = 0; // log C(α, 0)
  for (let k = 0; k <= alpha; k++) {
    if (k > 0) logBinom += Math.log(alpha - k + 1) - Math.log(k);
    logA = logAdd(logA, logBinom + k * logQ + (alpha - k) * log1mQ + (k * k - k) / (2 * sigma * sigma));
  }
  return logA / (alpha - 1);
}

function checkConversion(name: string, rdp: readonly number[], alphas: readonly number[], delta: number): void {
  if (rdp.length !== alphas.length || rdp.length === 0) throw new Error(`${name}: ${rdp.length} RDP values for ${alphas.length} orders`);
  if (!(delta > 0 && delta < 1)) throw new Error(`${name}: δ = ${delta} is not in (0, 1)`);
  alphas.forEach((a, i) => {
    if (!(a > 1)) throw new Error(`${name}: the order α = ${a} is not > 1`);
    if (!(rdp[i]! >= 0)) throw new Error(`${name}: the RDP value ${rdp[i]} at α = ${a} is not ≥ 0`);
  });
}

/**
 * The smallest ε over the orders by the improved conversion (Balle et al. 2020; the bound of dp_accounting's and
 * Opacus's `compute_epsilon` / `get_privacy_spent`), with the order that gives it. As those libraries do, an order
 * whose RDP is so small that δ² ≥ 1 − e^{−RDP} gives ε = 0 (the KL-divergence bound), and ε is never negative.
 */
export function epsilonFromRdp(rdp: number[], alphas: number[], delta: number): { epsilon: number; alpha: number } {
  checkConversion('epsilonFromRdp', rdp, alphas, delta);
  let best = { epsilon: Infinity, alpha: alphas[0]! };
  alphas.forEach((a, i) => {
    const r = rdp[i]!;
    const eps = delta * delta + Math.expm1(-r) >= 0 ? 0 : r + Math.log1p(-1 / a) - (Math.log(delta) + Math.log(a)) / (a - 1);
    if (eps < best.epsilon) best = { epsilon: eps, alpha: a };
  });
  return { epsilon: Math.max(0, best.epsilon), alpha: best.alpha };
}

/** The classic conversion, ε = min_α RDP(α) + log(1/δ)/(α − 1) (Mironov 2017, Proposition 3): for comparison. */
export function epsilonFromRdpClassic(rdp: number[], alphas: number[], delta: number): { epsilon: number; alpha: number } {
  checkConversion('epsilonFromRdpClassic', rdp, alphas, delta);
  let best = { epsilon: Infinity, alpha: alphas[0]! };
  alphas.forEach((a, i) => {
    const eps = rdp[i]! - Math.log(delta) / (a - 1);
    if (eps < best.epsilon) best = { epsilon: eps, alpha: a };
  });
  return best;
}

/** RDP of `steps` steps at each order (composition adds RDP). */
export function composedRdp(q: number, sigma: number, steps: number, alphas: readonly number[] = RDP_ORDERS): number[] {
  if (!Number.isInteger(steps) || steps < 0) throw new Error(`composedRdp: steps = ${steps} is not a whole number ≥ 0`);
  return alphas.map((a) => (steps === 0 ? 0 : steps * rdpSampledGaussian(q, sigma, a)));
}

/**
 * ε of a DP-SGD run: `steps` steps, each sampling examples with probability q (batch / training set size) and adding
 * noise σ·C, at failure probability δ; minimised over RDP_ORDERS by the improved conversion. Zero steps spend nothing
 * (ε = 0); σ = 0 (no noise) gives Infinity.
 */
export function dpSgdEpsilon(o: { q: number; sigma: number; steps: number; delta: number }): { epsilon: number; alpha: number } {
  checkQSigma('dpSgdEpsilon', o.q, o.sigma);
  const alphas = [...RDP_ORDERS];
  return epsilonFromRdp(composedRdp(o.q, o.sigma, o.steps, alphas), alphas, o.delta);
}
