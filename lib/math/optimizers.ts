/**
 * Reference optimizers on plain numbers: one step at a time, over a parameter vector θ (number[]), each a pure
 * function (params, grad, state, hyper) → { params, state }. The state is a plain object; pass `undefined` before the
 * first step. `state.t` counts the steps taken, from 1.
 *
 * Each follows TensorFlow.js 4.22 (`@tensorflow/tfjs-core/dist/optimizers/*.js`) where tfjs has the optimizer, so the
 * book's widgets can be checked against tfjs and tfjs against the textbook; optimizers.test.ts runs both side by side.
 * AdamW, which tfjs lacks, follows Loshchilov & Hutter (2019) and PyTorch's `torch.optim.AdamW`.
 */

export type Vector = readonly number[];

/** What every step function returns: the new parameters and the new state. */
export interface Step<S> {
  params: number[];
  state: S;
}

export type StepFn<S, H> = (params: Vector, grad: Vector, state: S | undefined, hyper: H) => Step<S>;

/** TensorFlow.js's backend epsilon for float32 (`EPSILON_FLOAT32` in tfjs-core/dist/backends/backend.js): 1e-7. */
export const TFJS_EPSILON = 1e-7;

function check(params: Vector, grad: Vector, what: string): void {
  if (params.length !== grad.length) throw new Error(`${what}: ${params.length} parameters but ${grad.length} gradients`);
}

function zeros(n: number): number[] {
  return new Array<number>(n).fill(0);
}

// ---------------------------------------------------------------------------------------------------------------
// SGD

export interface SgdHyper {
  /** Learning rate η (tfjs has no default: `tf.train.sgd(learningRate)`). */
  lr: number;
}
export interface SgdState {
  t: number;
}

/** Plain gradient descent: θ ← θ − η g. */
export function sgdStep(params: Vector, grad: Vector, state: SgdState | undefined, hyper: SgdHyper): Step<SgdState> {
  check(params, grad, 'sgdStep');
  return { params: params.map((p, i) => p - hyper.lr * grad[i]!), state: { t: (state?.t ?? 0) + 1 } };
}

// ---------------------------------------------------------------------------------------------------------------
// Momentum and Nesterov

export interface MomentumHyper {
  /** Learning rate η (required by tfjs). */
  lr: number;
  /** Momentum μ (required by tfjs: `tf.train.momentum(learningRate, momentum, useNesterov = false)`). */
  momentum: number;
  /** tfjs's `useNesterov`. */
  nesterov?: boolean;
}
export interface MomentumState {
  t: number;
  /** The accumulation a (tfjs's `${name}/momentum` variable), starting at 0. */
  accumulation: number[];
}
export const MOMENTUM_DEFAULTS = { nesterov: false } as const;

/**
 * Heavy-ball momentum in tfjs's form: a ← μa + g; θ ← θ − η a. With `nesterov`, θ ← θ − η(g + μ a_new), the
 * look-ahead form of Sutskever et al. (2013). The other common form, v ← μv + (1 − μ)g, differs by the factor 1 − μ,
 * which a learning rate η/(1 − μ) absorbs.
 */
export function momentumStep(params: Vector, grad: Vector, state: MomentumState | undefined, hyper: MomentumHyper): Step<MomentumState> {
  check(params, grad, 'momentumStep');
  const { lr, momentum: mu, nesterov = MOMENTUM_DEFAULTS.nesterov } = hyper;
  const a0 = state?.accumulation ?? zeros(params.length);
  const a = grad.map((g, i) => mu * a0[i]! + g);
  const next = params.map((p, i) => p - lr * (nesterov ? grad[i]! + mu * a[i]! : a[i]!));
  return { params: next, state: { t: (state?.t ?? 0) + 1, accumulation: a } };
}

// ---------------------------------------------------------------------------------------------------------------
// RMSProp

export interface RmspropHyper {
  /** Learning rate η (required by tfjs). */
  lr: number;
  /** Decay ρ of the running mean of g² (tfjs default 0.9). */
  decay?: number;
  /** Momentum of tfjs's RMSProp (default 0: plain RMSProp). */
  momentum?: number;
  /** ε, added inside the square root as tfjs does (default: tfjs's backend epsilon, 1e-7). */
  eps?: number;
}
export interface RmspropState {
  t: number;
  /** Running mean of g² (tfjs's `${name}/rms`), starting at 0. */
  meanSquare: number[];
  /** tfjs's `${name}/momentum` accumulator, starting at 0 (stays the step itself when momentum is 0). */
  moment: number[];
}
export const RMSPROP_DEFAULTS = { decay: 0.9, momentum: 0, eps: TFJS_EPSILON } as const;

/**
 * RMSProp (Tieleman & Hinton 2012) in tfjs's form (not centred): s ← ρs + (1 − ρ)g²;
 * mom ← μ·mom + η g / √(s + ε); θ ← θ − mom. With μ = 0 this is θ ← θ − η g / √(s + ε).
 * tfjs and TensorFlow put ε inside the square root; the textbook form (Goodfellow et al. 2016, algorithm 8.5;
 * PyTorch) writes η g / (√s + ε). The two differ only while s is comparable to ε.
 */
export function rmspropStep(params: Vector, grad: Vector, state: RmspropState | undefined, hyper: RmspropHyper): Step<RmspropState> {
  check(params, grad, 'rmspropStep');
  const { lr, decay = RMSPROP_DEFAULTS.decay, momentum = RMSPROP_DEFAULTS.momentum, eps = RMSPROP_DEFAULTS.eps } = hyper;
  const s0 = state?.meanSquare ?? zeros(params.length);
  const m0 = state?.moment ?? zeros(params.length);
  const s = grad.map((g, i) => decay * s0[i]! + (1 - decay) * g * g);
  const mom = grad.map((g, i) => momentum * m0[i]! + (lr * g) / Math.sqrt(s[i]! + eps));
  return { params: params.map((p, i) => p - mom[i]!), state: { t: (state?.t ?? 0) + 1, meanSquare: s, moment: mom } };
}

// ---------------------------------------------------------------------------------------------------------------
// AdaGrad

export interface AdagradHyper {
  /** Learning rate η (required by tfjs). */
  lr: number;
  /** Starting value of the accumulator (tfjs default 0.1). */
  initialAccumulatorValue?: number;
  /** ε inside the square root (tfjs uses its backend epsilon, 1e-7, and does not expose it). */
  eps?: number;
}
export interface AdagradState {
  t: number;
  /** Σ g² so far, plus the initial value (tfjs's `${name}/accumulator`). */
  accumulator: number[];
}
export const ADAGRAD_DEFAULTS = { initialAccumulatorValue: 0.1, eps: TFJS_EPSILON } as const;

/**
 * AdaGrad (Duchi, Hazan & Singer 2011) in tfjs's form: G ← G + g² (G starting at 0.1); θ ← θ − η g / √(G + ε).
 * Each coordinate's step shrinks as its squared gradients add up, roughly as 1/√t for a steady gradient.
 */
export function adagradStep(params: Vector, grad: Vector, state: AdagradState | undefined, hyper: AdagradHyper): Step<AdagradState> {
  check(params, grad, 'adagradStep');
  const { lr, initialAccumulatorValue = ADAGRAD_DEFAULTS.initialAccumulatorValue, eps = ADAGRAD_DEFAULTS.eps } = hyper;
  const acc0 = state?.accumulator ?? new Array<number>(params.length).fill(initialAccumulatorValue);
  const acc = grad.map((g, i) => acc0[i]! + g * g);
  return {
    params: params.map((p, i) => p - (lr * grad[i]!) / Math.sqrt(acc[i]! + eps)),
    state: { t: (state?.t ?? 0) + 1, accumulator: acc },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Adam and AdamW

export interface AdamHyper {
  /** Step size α (tfjs default 0.001). */
  lr?: number;
  /** Decay β₁ of the first moment (default 0.9). */
  beta1?: number;
  /** Decay β₂ of the second moment (default 0.999). */
  beta2?: number;
  /** ε added to √v̂ (tfjs default: its backend epsilon, 1e-7; Kingma & Ba and PyTorch use 1e-8). */
  eps?: number;
  /** Divide m and v by 1 − βᵗ (default true, as in Kingma & Ba and tfjs); false uses m and v as they are. */
  biasCorrection?: boolean;
}
export interface AdamState {
  t: number;
  /** First moment m, an exponential moving average of g, starting at 0. */
  m: number[];
  /** Second moment v, an exponential moving average of g², starting at 0. */
  v: number[];
}
/** `tf.train.adam(learningRate = 0.001, beta1 = 0.9, beta2 = 0.999, epsilon = backend epsilon)`. */
export const ADAM_DEFAULTS = { lr: 0.001, beta1: 0.9, beta2: 0.999, eps: TFJS_EPSILON, biasCorrection: true } as const;

/** Everything one Adam step computes, per coordinate; adamStep and adamwStep are built on it. */
export interface AdamDetail {
  m: number[];
  v: number[];
  mHat: number[];
  vHat: number[];
  /** m̂ / (√v̂ + ε), the direction before the step size. */
  direction: number[];
}

function adamMoments(grad: Vector, state: AdamState | undefined, n: number, h: Required<AdamHyper>): { t: number; d: AdamDetail } {
  const t = (state?.t ?? 0) + 1;
  const m0 = state?.m ?? zeros(n);
  const v0 = state?.v ?? zeros(n);
  const m = grad.map((g, i) => h.beta1 * m0[i]! + (1 - h.beta1) * g);
  const v = grad.map((g, i) => h.beta2 * v0[i]! + (1 - h.beta2) * g * g);
  const c1 = h.biasCorrection ? 1 - h.beta1 ** t : 1;
  const c2 = h.biasCorrection ? 1 - h.beta2 ** t : 1;
  const mHat = m.map((x) => x / c1);
  const vHat = v.map((x) => x / c2);
  const direction = mHat.map((x, i) => x / (Math.sqrt(vHat[i]!) + h.eps));
  return { t, d: { m, v, mHat, vHat, direction } };
}

/**
 * Adam (Kingma & Ba 2015): m ← β₁m + (1 − β₁)g; v ← β₂v + (1 − β₂)g²; m̂ = m/(1 − β₁ᵗ); v̂ = v/(1 − β₂ᵗ);
 * θ ← θ − α m̂ / (√v̂ + ε). With `biasCorrection: false`, m̂ = m and v̂ = v.
 */
export function adamStep(params: Vector, grad: Vector, state: AdamState | undefined, hyper: AdamHyper = {}): Step<AdamState> {
  return adamStepDetailed(params, grad, state, hyper).step;
}

/** adamStep, also returning m̂, v̂ and the direction of the step. */
export function adamStepDetailed(params: Vector, grad: Vector, state: AdamState | undefined, hyper: AdamHyper = {}): { step: Step<AdamState>; detail: AdamDetail } {
  check(params, grad, 'adamStep');
  const h = { ...ADAM_DEFAULTS, ...hyper };
  const { t, d } = adamMoments(grad, state, params.length, h);
  return { step: { params: params.map((p, i) => p - h.lr * d.direction[i]!), state: { t, m: d.m, v: d.v } }, detail: d };
}

export interface AdamWHyper extends AdamHyper {
  /** Decoupled weight decay λ (PyTorch's default 0.01). */
  weightDecay?: number;
}
/** torch.optim.AdamW's defaults (lr 1e-3, betas (0.9, 0.999), eps 1e-8, weight_decay 1e-2); tfjs 4.22 has no AdamW. */
export const ADAMW_DEFAULTS = { lr: 0.001, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0.01, biasCorrection: true } as const;

/**
 * AdamW, Adam with decoupled weight decay (Loshchilov & Hutter 2019): θ ← θ − α(m̂/(√v̂ + ε) + λθ), with m and v
 * built from the loss gradient alone. The decay shrinks every weight by the same fraction αλ per step, whatever its
 * gradient history; adding λθ to the gradient instead (L2 inside Adam) would be divided by √v̂ like the rest.
 */
export function adamwStep(params: Vector, grad: Vector, state: AdamState | undefined, hyper: AdamWHyper = {}): Step<AdamState> {
  check(params, grad, 'adamwStep');
  const h = { ...ADAMW_DEFAULTS, ...hyper };
  const { t, d } = adamMoments(grad, state, params.length, h);
  return {
    params: params.map((p, i) => p - h.lr * (d.direction[i]! + h.weightDecay * p)),
    state: { t, m: d.m, v: d.v },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Running an optimizer

/**
 * The path θ₀, θ₁, …, θ_steps of an optimizer whose gradient at step t (from 1) is gradAt(θ_{t−1}, t).
 * Returns steps + 1 points.
 */
export function trajectory<S, H>(step: StepFn<S, H>, hyper: H, theta0: Vector, gradAt: (theta: number[], t: number) => number[], steps: number): number[][] {
  const path: number[][] = [[...theta0]];
  let params = [...theta0];
  let state: S | undefined;
  for (let t = 1; t <= steps; t++) {
    const r = step(params, gradAt(params, t), state, hyper);
    params = r.params;
    state = r.state;
    path.push(params);
  }
  return path;
}

// ---------------------------------------------------------------------------------------------------------------
// Source 001's worked example (§4.2.3)

/**
 * Source 001, §4.2.3: its Adam example, and what it printed (copied from the source: "m_1 = [-0.01, -0.02]",
 * "v_1 = 0.99 · 0 + 0.01 · [0.01, 0.04] = [0.001, 0.004]", "θ_1 ≈ [0.998, 0.996]"). The correct values are those of
 * adamWorkedExample: v₁ = [0.0001, 0.0004], and θ rises because the gradient is negative.
 */
export const SOURCE_001_ADAM = {
  beta1: 0.9,
  beta2: 0.99,
  lr: 0.001,
  eps: 0.001,
  grad: [-0.1, -0.2],
  theta0: [1, 1],
  printed: {
    m1: [-0.01, -0.02],
    gradSquared: [0.01, 0.04],
    v1: [0.001, 0.004],
    theta1: [0.998, 0.996],
  },
} as const;

/** Every intermediate of the first Adam step of source 001's example (one step from m₀ = v₀ = 0). */
export interface AdamWorked {
  g: number[];
  m1: number[];
  v1: number[];
  mHat1: number[];
  vHat1: number[];
  /** √v̂₁ + ε */
  denom: number[];
  /** θ₁ − θ₀ = −α m̂₁ / (√v̂₁ + ε) */
  delta: number[];
  theta1: number[];
}

/** Source 001's Adam example done right, with or without bias correction. */
export function adamWorkedExample(biasCorrection: boolean): AdamWorked {
  const s = SOURCE_001_ADAM;
  const hyper = { lr: s.lr, beta1: s.beta1, beta2: s.beta2, eps: s.eps, biasCorrection };
  const { step, detail } = adamStepDetailed(s.theta0, s.grad, undefined, hyper);
  return {
    g: [...s.grad],
    m1: detail.m,
    v1: detail.v,
    mHat1: detail.mHat,
    vHat1: detail.vHat,
    denom: detail.vHat.map((v) => Math.sqrt(v) + s.eps),
    delta: step.params.map((p, i) => p - s.theta0[i]!),
    theta1: step.params,
  };
}

/**
 * The first moment after t steps of constant gradient g under source 001 §4.1.3's misprinted recurrence
 * m ← βm + (1 − β)(g − m), from m = 0. It equals g(1 − (2β − 1)ᵗ)/2 and tends to g/2, not g: the misprint halves the
 * moving average (and, in the same way, v tends to g²/2).
 */
export function misprintedAdamMoment(beta: number, g: number, t: number): number {
  let m = 0;
  for (let k = 0; k < t; k++) m = beta * m + (1 - beta) * (g - m);
  return m;
}
