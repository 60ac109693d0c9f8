/**
 * Worked numbers of the chapter `loss-and-optimizers` (see registry.ts). Each is a thin wrapper over lib/math, so the
 * prose prints what the tested reference code computes; every entry has a test in loss-and-optimizers.test.ts.
 */
import { sigmoid, softmax } from '../math/activations';
import {
  LOSS_NAMES,
  bce,
  bceGrad,
  bestConstant,
  crossEntropy,
  huber,
  huberGrad,
  mae,
  maeGrad,
  meanLoss,
  mse,
  mseGrad,
  mseSigmoidLogitGrad,
  softmaxCrossEntropy,
  softmaxCrossEntropyLogitGrad,
  type LossName,
} from '../math/losses';
import {
  SOURCE_001_ADAM,
  adagradStep,
  adamStep,
  adamWorkedExample,
  adamwStep,
  misprintedAdamMoment,
  momentumStep,
  rmspropStep,
  sgdStep,
  trajectory,
  type AdamWorked,
  type StepFn,
  type Vector,
} from '../math/optimizers';
import { cosineDecay, exponentialDecay, stepDecay, warmupCosine } from '../math/schedules';
import { invertedDropoutScale, sgdDecayFactor, softThreshold } from '../math/regularization';
import { NET_221, PARAMS_221, pass221 } from './neural-networks';

function lossName(name: string): LossName {
  if (!(LOSS_NAMES as readonly string[]).includes(name)) throw new Error(`unknown loss "${name}"; expected one of ${LOSS_NAMES.join(', ')}`);
  return name as LossName;
}

function index(v: readonly number[], i: number, what: string): number {
  const x = v[i];
  if (x === undefined) throw new Error(`${what}: no component ${i} (length ${v.length})`);
  return x;
}

// ---------------------------------------------------------------------------------------------------------------
// The ravine: f = ½(u² + κv²) in coordinates (u, v) turned by `angle` degrees from (θ₁, θ₂): a bowl κ times steeper
// across than along. The start is (u, v) = (1, 1), so the loss starts at ½(1 + κ) whatever the angle.

export const RAVINE = { kappa: 100, start: [1, 1] as const };

export const RAVINE_OPTIMIZERS = ['sgd', 'momentum', 'nesterov', 'rmsprop', 'adagrad', 'adam', 'adamw'] as const;
export type RavineOptimizer = (typeof RAVINE_OPTIMIZERS)[number];

/** The ravine as θ ↦ loss, θ ↦ gradient, and its starting point, for condition number κ and angle in degrees. */
export function ravine(kappa: number = RAVINE.kappa, angle = 0) {
  const c = Math.cos((angle * Math.PI) / 180);
  const s = Math.sin((angle * Math.PI) / 180);
  const toUv = (th: Vector) => [c * th[0]! + s * th[1]!, -s * th[0]! + c * th[1]!];
  const fromUv = (u: number, v: number) => [c * u - s * v, s * u + c * v];
  const [u0, v0] = RAVINE.start;
  return {
    loss: (th: Vector) => {
      const [u, v] = toUv(th);
      return 0.5 * (u! ** 2 + kappa * v! ** 2);
    },
    grad: (th: Vector) => {
      const [u, v] = toUv(th);
      return fromUv(u!, kappa * v!);
    },
    theta0: fromUv(u0, v0),
  };
}

/**
 * The ravine's loss after `steps` steps of the named optimizer at learning rate `lr`, with the book's other settings:
 * momentum 0.9 (momentum, Nesterov), tfjs's defaults otherwise (RMSProp ρ = 0.9, AdaGrad from 0.1, Adam 0.9/0.999 with
 * ε = 1e-7), AdamW with λ = 0.01 and ε = 1e-7.
 */
export function ravineRun(name: RavineOptimizer, lr: number, steps: number, kappa: number = RAVINE.kappa, angle = 0): number {
  const r = ravine(kappa, angle);
  const run = <S, H>(step: StepFn<S, H>, hyper: H) => trajectory(step, hyper, r.theta0, r.grad, steps)[steps]!;
  const table: Record<RavineOptimizer, () => number[]> = {
    sgd: () => run(sgdStep, { lr }),
    momentum: () => run(momentumStep, { lr, momentum: 0.9 }),
    nesterov: () => run(momentumStep, { lr, momentum: 0.9, nesterov: true }),
    rmsprop: () => run(rmspropStep, { lr }),
    adagrad: () => run(adagradStep, { lr }),
    adam: () => run(adamStep, { lr }),
    adamw: () => run(adamwStep, { lr, eps: 1e-7 }),
  };
  const f = table[name];
  if (!f) throw new Error(`unknown optimizer "${name}"; expected one of ${RAVINE_OPTIMIZERS.join(', ')}`);
  return r.loss(f());
}

/**
 * The 1000-step weight-decay experiment: two weights start at 1; their loss gradients alternate in sign, ±10 for the
 * first and ±0.001 for the second; α = 0.001, λ = 0.01. `mode`: "adam" (no decay), "adamL2" (λθ added to the gradient,
 * i.e. the L2 penalty ½λθ²), "adamw" (decoupled decay λ). Returns weight `i` after 1000 steps.
 */
export function decayExperiment(mode: string, i: number): number {
  const grads = Array.from({ length: 1000 }, (_, k) => (k % 2 === 0 ? [10, 0.001] : [-10, -0.001]));
  let params: number[] = [1, 1];
  let state: Parameters<typeof adamStep>[2];
  for (const g of grads) {
    const r =
      mode === 'adam'
        ? adamStep(params, g, state, { lr: 0.001, eps: 1e-8 })
        : mode === 'adamL2'
          ? adamStep(params, g.map((x, j) => x + 0.01 * params[j]!), state, { lr: 0.001, eps: 1e-8 })
          : mode === 'adamw'
            ? adamwStep(params, g, state, { lr: 0.001, weightDecay: 0.01, eps: 1e-8 })
            : null;
    if (!r) throw new Error(`unknown mode "${mode}"; expected adam, adamL2 or adamw`);
    params = r.params;
    state = r.state;
  }
  return index(params, i, 'decayExperiment');
}

function adamQuantity(w: AdamWorked, q: string, i: number): number {
  const v = (w as unknown as Record<string, number[]>)[q];
  if (!v) throw new Error(`unknown quantity "${q}"; expected one of ${Object.keys(w).join(', ')}`);
  return index(v, i, q);
}

/** Source 001's Adam example taken one step further with the same gradient: θ₂, with or without bias correction. */
export function adamSecondStep(biasCorrection: boolean): { m2: number[]; v2: number[]; theta2: number[] } {
  const s = SOURCE_001_ADAM;
  const hyper = { lr: s.lr, beta1: s.beta1, beta2: s.beta2, eps: s.eps, biasCorrection };
  const one = adamStep(s.theta0, s.grad, undefined, hyper);
  const two = adamStep(one.params, s.grad, one.state, hyper);
  return { m2: two.state.m, v2: two.state.v, theta2: two.params };
}

export const lossAndOptimizersWorked = {
  /** σ(z) = 1/(1 + e^−z). */
  loSigmoid: (z: number) => sigmoid(z),
  /** base^exponent. */
  loPower: (base: number, exponent: number) => base ** exponent,
  /** Natural logarithm ln x. */
  loLn: (x: number) => Math.log(x),

  // Losses for one example
  /** The named loss ("mse" (p − y)², "mae", "huber" with δ, "bce") of one prediction p and target y. */
  loLoss: (name: string, p: number, y: number, delta: number = 1) =>
    ({ mse, mae, bce, huber: (a: number, b: number) => huber(a, b, delta) })[lossName(name)](p, y),
  /** ∂/∂p of the named loss at prediction p, target y. */
  loLossGrad: (name: string, p: number, y: number, delta: number = 1) =>
    ({ mse: mseGrad, mae: maeGrad, bce: bceGrad, huber: (a: number, b: number) => huberGrad(a, b, delta) })[lossName(name)](p, y),
  /** The mean of the named loss over predictions p and targets y (the empirical risk). */
  loMeanLoss: (name: string, p: number[], y: number[], delta: number = 1) => meanLoss(lossName(name), p, y, delta),
  /** The constant prediction that minimises the mean of the named loss over targets y (mean, median, …). */
  loBestConstant: (name: string, y: number[], delta: number = 1) => bestConstant(lossName(name), y, delta),
  /** Gradient of BCE with respect to the logit z, σ(z) − y. */
  loBceLogitGrad: (z: number, y: number) => sigmoid(z) - y,
  /** Gradient of the squared error (σ(z) − y)² with respect to the logit z: 2(p − y)p(1 − p). */
  loMseLogitGrad: (z: number, y: number) => mseSigmoidLogitGrad(z, y),
  /** How many times larger BCE's logit gradient is than squared error's at logit z and target y: (p − y)/(2(p − y)p(1 − p)). */
  loLogitGradRatio: (z: number, y: number) => (sigmoid(z) - y) / mseSigmoidLogitGrad(z, y),
  /** Categorical cross-entropy −Σ yᵢ ln pᵢ. */
  loCrossEntropy: (p: number[], y: number[]) => crossEntropy(p, y),
  /**
   * What source 001 §4.2.2's expansion adds up to if evaluated as written: the binary formula applied to each of the
   * two outputs, −ln 0.9 − ln(1 − 0.1) = 2·0.1054.
   */
  loSource001CeAsExpanded: () => bce(0.9, 1) + bce(0.1, 0),
  /** Component i of softmax(z). */
  loSoftmax: (z: number[], i: number) => index(softmax(z), i, 'loSoftmax'),
  /** Cross-entropy of softmax(z) against y, from the logits. */
  loSoftmaxCE: (z: number[], y: number[]) => softmaxCrossEntropy(z, y),
  /** Component i of the gradient softmax(z) − y. */
  loSoftmaxCEGrad: (z: number[], y: number[], i: number) => index(softmaxCrossEntropyLogitGrad(z, y), i, 'loSoftmaxCEGrad'),

  // Gradient descent on quadratics
  /** The factor 1 − ηa by which one gradient step multiplies θ on ½aθ². */
  loGdFactor: (eta: number, a: number) => 1 - eta * a,
  /** Gradient descent's best contraction per step on a quadratic of condition number κ: (κ − 1)/(κ + 1). */
  loGdRate: (kappa: number) => (kappa - 1) / (kappa + 1),
  /** Heavy-ball momentum's best contraction per step, tuned (Polyak 1964): (√κ − 1)/(√κ + 1). */
  loHeavyBallRate: (kappa: number) => (Math.sqrt(kappa) - 1) / (Math.sqrt(kappa) + 1),
  /** Steps for a contraction `rate` per step to shrink an error `factor`-fold: ln(factor)/(−ln rate). */
  loStepsToShrink: (rate: number, factor: number) => Math.log(factor) / -Math.log(rate),
  /** Gradient descent's largest stable learning rate on a quadratic whose steepest curvature is L: 2/L. */
  loGdLimit: (L: number) => 2 / L,
  /** Heavy-ball momentum's (a ← μa + g; θ ← θ − ηa) largest stable learning rate at steepest curvature L: 2(1 + μ)/L. */
  loHeavyBallLimit: (L: number, mu: number) => (2 * (1 + mu)) / L,
  /** Steps for the best fixed-rate gradient descent to shrink the error `factor`-fold at condition number κ. */
  loGdSteps: (kappa: number, factor: number) => Math.log(factor) / -Math.log((kappa - 1) / (kappa + 1)),
  /** Steps for tuned heavy-ball momentum to shrink the error `factor`-fold at condition number κ. */
  loHeavyBallSteps: (kappa: number, factor: number) =>
    Math.log(factor) / -Math.log((Math.sqrt(kappa) - 1) / (Math.sqrt(kappa) + 1)),
  /**
   * Loss of the ravine ½(u² + κv²) after `steps` steps of an optimizer from (u, v) = (1, 1); κ = 100 and the ravine
   * aligned with the axes unless `angle` (degrees) turns it.
   */
  loRavine: (name: string, lr: number, steps: number, kappa: number = RAVINE.kappa, angle: number = 0) =>
    ravineRun(name as RavineOptimizer, lr, steps, kappa, angle),
  /** The ravine's starting loss ½(1 + κ). */
  loRavineStart: (kappa: number = RAVINE.kappa) => ravine(kappa).loss(ravine(kappa).theta0),

  // Minibatches
  /** Optimizer steps in one epoch of n examples in batches of b: ⌈n/b⌉. */
  loStepsPerEpoch: (n: number, b: number) => Math.ceil(n / b),
  /** By how much the standard deviation of the gradient noise falls from batch b₁ to batch b₂: √(b₂/b₁). */
  loNoiseRatio: (b1: number, b2: number) => Math.sqrt(b2 / b1),
  /** a / b. */
  loRatio: (a: number, b: number) => a / b,

  // Momentum, AdaGrad, Adam
  /** The long-run step multiplier of momentum μ under a constant gradient: 1/(1 − μ). */
  loMomentumGain: (mu: number) => 1 / (1 - mu),
  /** AdaGrad's effective learning rate after t steps of a constant gradient g (accumulator from 0.1): η/√(0.1 + t g²). */
  loAdagradLr: (lr: number, t: number, g: number) => lr / Math.sqrt(0.1 + t * g * g),
  /** 1 − βᵗ, the bias-correction denominator. */
  loOneMinusPow: (beta: number, t: number) => 1 - beta ** t,
  /** The uncorrected Adam's first step relative to the corrected one, ignoring ε: (1 − β₁)/√(1 − β₂). */
  loAdamFirstStepRatio: (beta1: number, beta2: number) => (1 - beta1) / Math.sqrt(1 - beta2),
  /**
   * How much larger uncorrected Adam's step is than the corrected one after t steps of a constant gradient, ignoring ε:
   * (1 − β₁ᵗ)/√(1 − β₂ᵗ).
   */
  loUncorrectedRatio: (beta1: number, beta2: number, t: number) => (1 - beta1 ** t) / Math.sqrt(1 - beta2 ** t),
  /** The size of Adam's first (bias-corrected) step for a gradient g: α|g|/(|g| + ε). */
  loAdamFirstStepSize: (g: number, lr: number, eps: number) => (lr * Math.abs(g)) / (Math.abs(g) + eps),
  /** A quantity (g, m1, v1, mHat1, vHat1, denom, delta, theta1) of source 001's Adam example, component i. */
  loAdam: (q: string, i: number, biasCorrection: boolean) => adamQuantity(adamWorkedExample(biasCorrection), q, i),
  /** What source 001 printed for its Adam example: m1, gradSquared, v1 or theta1, component i. */
  loAdamPrinted: (q: string, i: number) => {
    const v = (SOURCE_001_ADAM.printed as unknown as Record<string, number[]>)[q];
    if (!v) throw new Error(`unknown printed quantity "${q}"`);
    return index(v, i, q);
  },
  /** θ₁ as the source's own (uncorrected) formula gives it with the source's wrong v₁ = [0.001, 0.004], component i. */
  loAdamWithPrintedV: (i: number) => {
    const s = SOURCE_001_ADAM;
    return index(s.theta0, i, 'theta0') - (s.lr * index(s.printed.m1, i, 'm1')) / (Math.sqrt(index(s.printed.v1, i, 'v1')) + s.eps);
  },
  /** Source 001's example, second step with the same gradient: m2, v2 or theta2, component i. */
  loAdamStep2: (q: string, i: number, biasCorrection: boolean) => {
    const r = adamSecondStep(biasCorrection) as unknown as Record<string, number[]>;
    if (!r[q]) throw new Error(`unknown quantity "${q}"; expected m2, v2 or theta2`);
    return index(r[q], i, q);
  },
  /** The exponential moving average m ← βm + (1 − β)g over the gradients `grads`, from m = 0 (Adam's m before correction). */
  loEma: (beta: number, grads: number[]) => grads.reduce((m, g) => beta * m + (1 - beta) * g, 0),
  /** The first moment after t steps of constant gradient g under source 001's misprinted recurrence. */
  loMisprintedMoment: (beta: number, g: number, t: number) => misprintedAdamMoment(beta, g, t),
  /** Weight i after the 1000-step decay experiment in mode "adam", "adamL2" or "adamw". */
  loDecayExperiment: (mode: string, i: number) => decayExperiment(mode, i),

  // Schedules
  /** Step decay η₀·factor^⌊t/every⌋. */
  loStepDecay: (t: number, lr0: number, factor: number, every: number) => stepDecay(t, lr0, factor, every),
  /** Exponential decay η₀·rate^(t/every). */
  loExpDecay: (t: number, lr0: number, rate: number, every: number) => exponentialDecay(t, lr0, rate, every),
  /** Cosine decay from η₀ to minLr over `total` steps. */
  loCosine: (t: number, lr0: number, total: number, minLr: number = 0) => cosineDecay(t, lr0, total, minLr),
  /** Linear warm-up to `peak` over `warmup` steps, then cosine to `minLr` at `total`. */
  loWarmupCosine: (t: number, peak: number, warmup: number, total: number, minLr: number = 0) => warmupCosine(t, peak, warmup, total, minLr),

  // Regularisation
  /** One SGD step's decay factor 1 − 2ηλ under the L2 penalty λΣw². */
  loSgdDecay: (lr: number, lambda: number) => sgdDecayFactor(lr, lambda),
  /** Soft thresholding sign(w)·max(|w| − τ, 0). */
  loSoftThreshold: (w: number, tau: number) => softThreshold(w, tau),
  /** Inverted dropout's scale 1/(1 − rate). */
  loDropoutScale: (rate: number) => invertedDropoutScale(rate),

  // Chapter 2's 2-2-1 network with another target or learning rate (for the BackpropStepper's prose)
  /** ŷ ("yHat") or the loss ("loss") of chapter 2's 2-2-1 network for target y, before or after one step at learning rate lr. */
  loNet221: (q: string, y: number, lr: number, after: boolean) => {
    if (q !== 'yHat' && q !== 'loss') throw new Error(`unknown quantity "${q}"; expected yHat or loss`);
    const f = pass221(NET_221.params, NET_221.x, y);
    const p = after
      ? (Object.fromEntries(PARAMS_221.map((k) => [k, NET_221.params[k] - lr * f.grad[k]])) as typeof NET_221.params)
      : NET_221.params;
    return pass221(p, NET_221.x, y)[q];
  },

  // The bill
  /** Cost of `hours` on `gpus` accelerators at `price` per accelerator-hour. */
  loClusterCost: (gpus: number, hours: number, price: number) => gpus * hours * price,
} satisfies Record<string, (...args: never[]) => number>;
