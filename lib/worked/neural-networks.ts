/** Worked numbers of the chapter `neural-networks` (see registry.ts). Every entry has a test in neural-networks.test.ts. */

import { activation as activate, activationDerivative, isActivationName, sigmoid, ACTIVATION_NAMES } from '../math/activations';
import { bce } from '../math/losses';

/** The activations the chapter tabulates (the playground's hidden-layer choices). */
export type ActivationName = 'sigmoid' | 'tanh' | 'relu' | 'linear';

/** f(x) for each activation, from lib/math/activations. */
export const ACTIVATION_FNS: Record<ActivationName, (x: number) => number> = {
  sigmoid: (x) => activate('sigmoid', x),
  tanh: (x) => activate('tanh', x),
  relu: (x) => activate('relu', x),
  linear: (x) => activate('linear', x),
};

/** f′(x) for each activation, from lib/math/activations: σ′ = σ(1 − σ), tanh′ = 1 − tanh², ReLU′(0) taken as 0 as frameworks do. */
export const ACTIVATION_DERIVS: Record<ActivationName, (x: number) => number> = {
  sigmoid: (x) => activationDerivative('sigmoid', x),
  tanh: (x) => activationDerivative('tanh', x),
  relu: (x) => activationDerivative('relu', x),
  linear: (x) => activationDerivative('linear', x),
};

/** Any activation of lib/math (sigmoid, tanh, relu, leakyRelu, gelu, linear), or an error naming them. */
function activation(name: string) {
  if (!isActivationName(name)) throw new Error(`unknown activation "${name}"; expected one of ${ACTIVATION_NAMES.join(', ')}`);
  return name;
}

/**
 * The chapter's 2-2-1 network: inputs x₁, x₂; two tanh hidden units h_j = tanh(w_j1·x₁ + w_j2·x₂ + b_j); one sigmoid
 * output ŷ = σ(v₁h₁ + v₂h₂ + c); loss L = ½(ŷ − y)²; one step of plain gradient descent with learning rate η.
 */
export const NET_221 = {
  x: [1.0, 0.5] as const,
  y: 1,
  params: { w11: 0.5, w12: -0.4, b1: 0.1, w21: 0.3, w22: 0.8, b2: -0.2, v1: 0.7, v2: -0.5, c: 0.2 },
  lr: 0.5,
};

export type Param221 = keyof typeof NET_221.params;
export const PARAMS_221 = Object.keys(NET_221.params) as Param221[];
type Params221 = Record<Param221, number>;

/** Every intermediate of the forward and backward pass of the 2-2-1 network at parameters p. */
export function pass221(p: Params221 = NET_221.params, x: readonly number[] = NET_221.x, y: number = NET_221.y) {
  const [x1, x2] = x as [number, number];
  const z1 = p.w11 * x1 + p.w12 * x2 + p.b1;
  const z2 = p.w21 * x1 + p.w22 * x2 + p.b2;
  const h1 = Math.tanh(z1);
  const h2 = Math.tanh(z2);
  const zOut = p.v1 * h1 + p.v2 * h2 + p.c;
  const yHat = sigmoid(zOut);
  const loss = 0.5 * (yHat - y) ** 2;
  // Backward: dL/dŷ = ŷ − y; dŷ/dz = ŷ(1 − ŷ); dh/dz = 1 − h².
  const dLoss = yHat - y;
  const dSigmoid = yHat * (1 - yHat);
  const deltaOut = dLoss * dSigmoid;
  const dTanh1 = 1 - h1 * h1;
  const dTanh2 = 1 - h2 * h2;
  const delta1 = deltaOut * p.v1 * dTanh1;
  const delta2 = deltaOut * p.v2 * dTanh2;
  const grad: Params221 = {
    w11: delta1 * x1,
    w12: delta1 * x2,
    b1: delta1,
    w21: delta2 * x1,
    w22: delta2 * x2,
    b2: delta2,
    v1: deltaOut * h1,
    v2: deltaOut * h2,
    c: deltaOut,
  };
  return { z1, z2, h1, h2, zOut, yHat, loss, dLoss, dSigmoid, deltaOut, dTanh1, dTanh2, delta1, delta2, grad };
}

/** The parameters after one gradient-descent step θ ← θ − η·∂L/∂θ. */
export function step221(p: Params221 = NET_221.params, lr: number = NET_221.lr): Params221 {
  const { grad } = pass221(p);
  return Object.fromEntries(PARAMS_221.map((k) => [k, p[k] - lr * grad[k]])) as Params221;
}

/** The loss of the 2-2-1 network with one parameter moved by `delta`. */
function lossWith(param: Param221, delta: number): number {
  return pass221({ ...NET_221.params, [param]: NET_221.params[param] + delta }).loss;
}

type Quantity = Exclude<keyof ReturnType<typeof pass221>, 'grad'>;

function quantity(q: string): Quantity {
  const known = Object.keys(pass221()).filter((k) => k !== 'grad');
  if (!known.includes(q)) throw new Error(`unknown quantity "${q}"; expected one of ${known.join(', ')}`);
  return q as Quantity;
}

function param(name: string): Param221 {
  if (!(PARAMS_221 as string[]).includes(name)) throw new Error(`unknown parameter "${name}"; expected one of ${PARAMS_221.join(', ')}`);
  return name as Param221;
}

/** Three-layer ReLU network that computes XOR exactly (Goodfellow, Bengio & Courville 2016, §6.1): h = relu(Wx + c), y = wᵀh. */
export function xorRelu(x1: number, x2: number): number {
  const h1 = Math.max(0, x1 + x2);
  const h2 = Math.max(0, x1 + x2 - 1);
  return h1 - 2 * h2;
}

/**
 * One step of the BackpropStepper from the chapter's starting weights with another input, target and learning rate:
 * quantity `q` (yHat or loss) before the step (after = false) or after it. The widget's lr is capped at 10.
 */
export function stepWith221(q: 'yHat' | 'loss', x1: number, x2: number, y: number, lr: number, after: boolean): number {
  const x = [x1, x2];
  const p = NET_221.params;
  if (!after) return pass221(p, x, y)[q];
  const { grad } = pass221(p, x, y);
  const next = Object.fromEntries(PARAMS_221.map((k) => [k, p[k] - lr * grad[k]])) as Params221;
  return pass221(next, x, y)[q];
}

/** The z < 0 where GELU′(z) = Φ(z) + zφ(z) = 0, GELU's minimum, by bisection on [−2, −0.1] (GELU′ < 0 at −2, > 0 at −0.1). */
export function geluMinimum(): number {
  let lo = -2;
  let hi = -0.1;
  for (let i = 0; i < 80; i++) {
    const mid = (lo + hi) / 2;
    if (activationDerivative('gelu', mid) < 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Points in the playground's data sets, train and test together (lib/widgets/playground.ts PLAYGROUND_POINTS). */
export const PLAYGROUND_TOTAL_POINTS = 500;

/** Weights and biases of a dense MLP with layer widths w₀, w₁, …, w_k: Σ (w_{i−1}·w_i + w_i), as registry.ts's mlpParams. */
export function mlpParamCount(widths: readonly number[]): number {
  let n = 0;
  for (let i = 1; i < widths.length; i++) n += widths[i - 1]! * widths[i]! + widths[i]!;
  return n;
}

/**
 * Floating-point operations of one training step of that MLP on `batch` examples: 6 per parameter per example, 2 for
 * the forward pass (a multiply and an add per weight) and 4 for the backward pass (the δs and the weight gradients);
 * activations, the loss and the update are left out, being small beside the matrix products.
 */
export function stepFlops(batch: number, widths: readonly number[]): number {
  if (!(batch > 0)) throw new Error(`batch must be positive, got ${batch}`);
  if (widths.length < 2) throw new Error('give at least two layer widths, the input and the output');
  return 6 * mlpParamCount(widths) * batch;
}

/**
 * The step-time model of the section "Why a GPU loses on a tiny model", in milliseconds: a fixed cost per dispatch
 * (kernel launch), `dispatches` × `usPerDispatch` µs, plus the arithmetic, `flops` at `flopsPerSecond` FLOP/s.
 */
export function stepTimeMs(dispatches: number, usPerDispatch: number, flops: number, flopsPerSecond: number): number {
  return (dispatches * usPerDispatch) / 1000 + (flops / flopsPerSecond) * 1000;
}

export const neuralNetworksWorked = {
  /** Activation f(x): name is "sigmoid", "tanh", "relu", "leakyRelu" (slope 0.01), "gelu" (exact) or "linear". */
  nnActivation: (name: string, x: number) => activate(activation(name), x),
  /** Derivative f′(x) of the named activation (ReLU′(0) taken as 0). */
  nnActivationDeriv: (name: string, x: number) => activationDerivative(activation(name), x),
  /** Weighted sum of one neuron, z = Σ wᵢxᵢ + b. */
  nnWeightedSum: (weights: number[], inputs: number[], bias: number) =>
    weights.reduce((s, w, i) => s + w * inputs[i]!, bias),
  /** base^exponent, e.g. the largest factor σ′ can contribute over n layers, 0.25ⁿ. */
  nnPower: (base: number, exponent: number) => base ** exponent,
  /** Binary cross-entropy −[y ln p + (1 − y) ln(1 − p)] of one prediction p for a label y ∈ {0, 1} (p clipped to [1e-7, 1 − 1e-7]). */
  nnBinaryCrossEntropy: (p: number, y: number) => bce(p, y),
  /** A named intermediate (z1, h1, yHat, loss, deltaOut, delta1, …) of the chapter's 2-2-1 network, before the step. */
  nnExample: (q: string) => pass221()[quantity(q)],
  /** Backpropagated gradient ∂L/∂θ of the 2-2-1 network for the named parameter (w11, …, c). */
  nnExampleGrad: (p: string) => pass221().grad[param(p)],
  /** Central-difference gradient (L(θ + ε) − L(θ − ε)) / 2ε for the named parameter, ε = 1e-5 unless given. */
  nnExampleNumGrad: (p: string, eps: number = 1e-5) => (lossWith(param(p), eps) - lossWith(param(p), -eps)) / (2 * eps),
  /** The named parameter's initial value (before = true) or its value after one gradient-descent step. */
  nnExampleParam: (p: string, after: boolean) => (after ? step221() : NET_221.params)[param(p)],
  /** A named intermediate of the 2-2-1 network after one gradient-descent step (e.g. yHat, loss). */
  nnExampleAfter: (q: string) => pass221(step221())[quantity(q)],
  /** Output of the hand-built ReLU network that computes XOR. */
  nnXorRelu: (x1: number, x2: number) => xorRelu(x1, x2),
  /** ŷ or the loss of the 2-2-1 network with input (x₁, x₂), target y, before or after one step at learning rate lr. */
  nnStepWith: (q: string, x1: number, x2: number, y: number, lr: number, after: boolean) => {
    if (q !== 'yHat' && q !== 'loss') throw new Error(`unknown quantity "${q}"; expected yHat or loss`);
    return stepWith221(q, x1, x2, y, lr, after);
  },
  /** The z of GELU's minimum, where its derivative is 0 (about −0.7518). */
  nnGeluMinimum: () => geluMinimum(),
  /** Training points in the playground for a train ratio given in percent. */
  nnPlaygroundTrainPoints: (ratioPercent: number) => Math.round((PLAYGROUND_TOTAL_POINTS * ratioPercent) / 100),
  /** FLOPs of one training step of the MLP with these layer widths on `batch` examples: 6 × parameters × batch. */
  nnStepFlops: (batch: number, ...widths: number[]) => stepFlops(batch, widths),
  /** How many times faster the fast one is: slowMs ÷ fastMs (two times per step, in the same unit). */
  nnSpeedRatio: (slowMs: number, fastMs: number) => {
    if (!(slowMs > 0 && fastMs > 0)) throw new Error(`times must be positive, got ${slowMs} and ${fastMs}`);
    return slowMs / fastMs;
  },
  /** Milliseconds a step spends on fixed dispatch costs alone: `dispatches` × `usPerDispatch` µs. */
  nnDispatchBoundMs: (dispatches: number, usPerDispatch: number) => (dispatches * usPerDispatch) / 1000,
  /** Milliseconds the arithmetic alone of one step of the MLP with these widths on `batch` examples takes at `flopsPerSecond`. */
  nnArithmeticMs: (flopsPerSecond: number, batch: number, ...widths: number[]) =>
    stepTimeMs(0, 0, stepFlops(batch, widths), flopsPerSecond),
  /**
   * Milliseconds of one step of that MLP by the cost model: `dispatches` × `usPerDispatch` µs of fixed cost, plus its
   * 6 × parameters × batch FLOPs at `flopsPerSecond`.
   */
  nnStepTimeMs: (dispatches: number, usPerDispatch: number, flopsPerSecond: number, batch: number, ...widths: number[]) =>
    stepTimeMs(dispatches, usPerDispatch, stepFlops(batch, widths), flopsPerSecond),
  /**
   * Milliseconds the arithmetic of one step (batch, layer widths) would take at the throughput a measured reference
   * step (refBatch, refWidths, refMs) achieved: refMs × its FLOPs ÷ the reference's FLOPs.
   */
  nnArithmeticMsAtRateOf: (batch: number, widths: number[], refBatch: number, refWidths: number[], refMs: number) =>
    (refMs * stepFlops(batch, widths)) / stepFlops(refBatch, refWidths),
  /** Throughput, in FLOP/s, of a measured step of `ms` milliseconds of the MLP with these widths on `batch` examples. */
  nnAchievedFlopsPerSecond: (ms: number, batch: number, ...widths: number[]) => stepFlops(batch, widths) / (ms / 1000),
  /** Mean cost of one dispatch in µs, if a step of `ms` milliseconds were all dispatch overhead over `dispatches` dispatches. */
  nnUsPerDispatch: (ms: number, dispatches: number) => (ms * 1000) / dispatches,
  /**
   * The batch at which the arithmetic of one step of the MLP with these widths takes as long as `overheadMs` of fixed
   * cost, at `flopsPerSecond` FLOP/s: overhead × throughput ÷ (6 × parameters). Below it the step is overhead-bound.
   */
  nnBreakEvenBatch: (overheadMs: number, flopsPerSecond: number, ...widths: number[]) =>
    ((overheadMs / 1000) * flopsPerSecond) / stepFlops(1, widths),
} satisfies Record<string, (...args: never[]) => number>;
