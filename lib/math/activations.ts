/**
 * Activation functions, their derivatives, softmax and the vanishing-gradient product, on plain numbers.
 * Framework-free: the reference the widgets and the worked numbers of chapters 2 and 3 are checked against.
 */

export const ACTIVATION_NAMES = ['sigmoid', 'tanh', 'relu', 'leakyRelu', 'gelu', 'linear'] as const;
export type ActivationName = (typeof ACTIVATION_NAMES)[number];

/** True when `name` is one of ACTIVATION_NAMES. */
export function isActivationName(name: string): name is ActivationName {
  return (ACTIVATION_NAMES as readonly string[]).includes(name);
}

/** The logistic sigmoid σ(z) = 1 / (1 + e^−z), in (0, 1). */
export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

/**
 * The error function erf(x) = (2/√π) ∫₀ˣ e^−t² dt. For |x| < 6 it sums the series with positive terms
 * erf(x) = (2/√π) e^−x² Σₙ 2ⁿ x^(2n+1) / (1·3·…·(2n+1)) (Abramowitz & Stegun 7.1.6), which has no cancellation and is
 * accurate to about 1e-15; beyond that erf(x) = ±1 to double precision (erfc(6) ≈ 2e-17).
 */
export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const ax = Math.abs(x);
  if (ax >= 6) return Math.sign(x);
  const x2 = ax * ax;
  let term = ax;
  let sum = ax;
  for (let n = 0; n < 500; n++) {
    term *= (2 * x2) / (2 * n + 3);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return Math.sign(x) * TWO_OVER_SQRT_PI * Math.exp(-x2) * sum;
}

/** The standard normal distribution function Φ(z) = ½(1 + erf(z/√2)). */
export function normalCdf(z: number): number {
  return 0.5 * (1 + erf(z / Math.SQRT2));
}

/** The standard normal density φ(z) = e^(−z²/2) / √(2π). */
export function normalPdf(z: number): number {
  return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
}

const GELU_TANH_C = Math.sqrt(2 / Math.PI);

/** The tanh approximation of GELU (Hendrycks & Gimpel 2016): ½z(1 + tanh(√(2/π)(z + 0.044715 z³))). */
export function geluTanh(z: number): number {
  return 0.5 * z * (1 + Math.tanh(GELU_TANH_C * (z + 0.044715 * z ** 3)));
}

/** f(z) for the named activation; `alpha` is leaky ReLU's slope for z < 0. GELU is the exact z·Φ(z). */
export function activation(name: ActivationName, z: number, alpha = 0.01): number {
  switch (name) {
    case 'sigmoid':
      return sigmoid(z);
    case 'tanh':
      return Math.tanh(z);
    case 'relu':
      return Math.max(0, z);
    case 'leakyRelu':
      return z > 0 ? z : alpha * z;
    case 'gelu':
      return z * normalCdf(z);
    case 'linear':
      return z;
    default:
      throw new Error(`unknown activation "${String(name)}"; expected one of ${ACTIVATION_NAMES.join(', ')}`);
  }
}

/**
 * f′(z) for the named activation. At the kink z = 0, ReLU′ is taken as 0 and leaky ReLU′ as alpha, as frameworks do.
 * σ′ = σ(1 − σ), tanh′ = 1 − tanh², GELU′ = Φ(z) + z·φ(z).
 */
export function activationDerivative(name: ActivationName, z: number, alpha = 0.01): number {
  switch (name) {
    case 'sigmoid': {
      const s = sigmoid(z);
      return s * (1 - s);
    }
    case 'tanh':
      return 1 - Math.tanh(z) ** 2;
    case 'relu':
      return z > 0 ? 1 : 0;
    case 'leakyRelu':
      return z > 0 ? 1 : alpha;
    case 'gelu':
      return normalCdf(z) + z * normalPdf(z);
    case 'linear':
      return 1;
    default:
      throw new Error(`unknown activation "${String(name)}"; expected one of ${ACTIVATION_NAMES.join(', ')}`);
  }
}

/**
 * softmax(z)ᵢ = e^(zᵢ − max z) / Σⱼ e^(zⱼ − max z): a probability vector. Subtracting the maximum changes nothing
 * mathematically and keeps e^· from overflowing (softmax([1000, 0]) is [1, e^−1000], not NaN).
 */
export function softmax(z: readonly number[]): number[] {
  if (z.length === 0) return [];
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/** ln Σ e^(zᵢ), computed stably as max z + ln Σ e^(zᵢ − max z). */
export function logSumExp(z: readonly number[]): number {
  const max = Math.max(...z);
  if (!Number.isFinite(max)) return max;
  return max + Math.log(z.reduce((s, v) => s + Math.exp(v - max), 0));
}

/** The Jacobian of softmax: J[i][j] = ∂sᵢ/∂zⱼ = sᵢ(δᵢⱼ − sⱼ), an n × n symmetric matrix whose rows sum to 0. */
export function softmaxJacobian(z: readonly number[]): number[][] {
  const s = softmax(z);
  return s.map((si, i) => s.map((sj, j) => si * ((i === j ? 1 : 0) - sj)));
}

/**
 * (f′(z))^layers: the factor by which a gradient is multiplied on its way back through `layers` layers whose units all
 * sit at pre-activation z, with weights 1. For the sigmoid at z = 0 that is 0.25^layers.
 */
export function vanishingProduct(name: ActivationName, z: number, layers: number, alpha = 0.01): number {
  return activationDerivative(name, z, alpha) ** layers;
}
