import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ADAGRAD_DEFAULTS,
  ADAMW_DEFAULTS,
  ADAM_DEFAULTS,
  RMSPROP_DEFAULTS,
  SOURCE_001_ADAM,
  TFJS_EPSILON,
  adagradStep,
  adamStep,
  adamStepDetailed,
  adamWorkedExample,
  adamwStep,
  misprintedAdamMoment,
  momentumStep,
  rmspropStep,
  sgdStep,
  trajectory,
  type Step,
  type StepFn,
  type Vector,
} from './optimizers';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Runs `step` over a list of gradients from θ₀ and returns every θ (after each step). */
function run<S, H>(step: StepFn<S, H>, hyper: H, theta0: Vector, grads: Vector[]): { thetas: number[][]; last: Step<S> } {
  let params = [...theta0];
  let state: S | undefined;
  const thetas: number[][] = [];
  let last: Step<S> | undefined;
  for (const g of grads) {
    last = step(params, g, state, hyper);
    params = last.params;
    state = last.state;
    thetas.push(params);
  }
  return { thetas, last: last! };
}

describe('defaults (tfjs-core 4.22 optimizer_constructors.js and optimizers/*.js)', () => {
  it('matches tfjs: backend epsilon 1e-7, Adam 0.001/0.9/0.999, RMSProp decay 0.9, Adagrad accumulator 0.1', () => {
    expect(TFJS_EPSILON).toBe(1e-7);
    expect(ADAM_DEFAULTS).toEqual({ lr: 0.001, beta1: 0.9, beta2: 0.999, eps: 1e-7, biasCorrection: true });
    expect(RMSPROP_DEFAULTS).toEqual({ decay: 0.9, momentum: 0, eps: 1e-7 });
    expect(ADAGRAD_DEFAULTS).toEqual({ initialAccumulatorValue: 0.1, eps: 1e-7 });
    // torch.optim.AdamW: lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2
    expect(ADAMW_DEFAULTS).toMatchObject({ lr: 0.001, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0.01 });
  });
});

describe('each optimizer against its formula, by hand', () => {
  it('SGD: θ ← θ − ηg', () => {
    // [1, −2] − 0.1·[0.5, −1] = [0.95, −1.9]; then − 0.1·[0.2, 0.4] = [0.93, −1.94] (hand computation)
    const { thetas, last } = run(sgdStep, { lr: 0.1 }, [1, -2], [[0.5, -1], [0.2, 0.4]]);
    expect(thetas[0]![0]).toBeCloseTo(0.95, 15);
    expect(thetas[0]![1]).toBeCloseTo(-1.9, 15);
    expect(thetas[1]![0]).toBeCloseTo(0.93, 15);
    expect(thetas[1]![1]).toBeCloseTo(-1.94, 15);
    expect(last.state.t).toBe(2);
    expect(() => sgdStep([1, 2], [1], undefined, { lr: 1 })).toThrow(/2 parameters but 1 gradients/);
  });
  it('momentum: a ← μa + g; θ ← θ − ηa', () => {
    // μ = 0.9, η = 0.1, gradients 1, 1, −0.5: a = 1, 1.9, 1.21; θ = 0.9, 0.71, 0.589 (hand computation)
    const { thetas, last } = run(momentumStep, { lr: 0.1, momentum: 0.9 }, [1], [[1], [1], [-0.5]]);
    expect(thetas.map((t) => t[0])).toEqual([expect.closeTo(0.9, 14), expect.closeTo(0.71, 14), expect.closeTo(0.589, 14)]);
    expect(last.state.accumulation[0]).toBeCloseTo(1.21, 14);
    expect(last.state.t).toBe(3);
  });
  it('Nesterov: θ ← θ − η(g + μ a_new)', () => {
    // a = 1, 1.9, 1.21; θ₁ = 1 − 0.1(1 + 0.9) = 0.81; θ₂ = 0.81 − 0.1(1 + 1.71) = 0.539;
    // θ₃ = 0.539 − 0.1(−0.5 + 1.089) = 0.4801 (hand computation)
    const { thetas } = run(momentumStep, { lr: 0.1, momentum: 0.9, nesterov: true }, [1], [[1], [1], [-0.5]]);
    expect(thetas.map((t) => t[0])).toEqual([expect.closeTo(0.81, 14), expect.closeTo(0.539, 14), expect.closeTo(0.4801, 14)]);
  });
  it('RMSProp: s ← ρs + (1 − ρ)g²; θ ← θ − ηg/√(s + ε)', () => {
    // ρ = 0.9, η = 0.01, g = 2, 2: s = 0.4, 0.76; θ = 1 − 0.02/√0.4000001 = 0.968377227;
    // 0.968377227 − 0.02/√0.7600001 = 0.945435655 (Python, same formula)
    const { thetas, last } = run(rmspropStep, { lr: 0.01 }, [1], [[2], [2]]);
    expect(thetas[0]![0]).toBeCloseTo(0.9683772273511625, 13);
    expect(thetas[1]![0]).toBeCloseTo(0.9454356554734202, 13);
    expect(last.state.meanSquare[0]).toBeCloseTo(0.76, 14);
  });
  it('RMSProp with tfjs’s momentum: mom ← μ·mom + ηg/√(s + ε); θ ← θ − mom', () => {
    // μ = 0.5: mom₁ = 0.0316227727, mom₂ = 0.5·0.0316227727 + 0.0229415719 = 0.0387529583;
    // θ₂ = 0.968377227 − 0.038752958 = 0.929624269 (hand computation from the two steps above)
    const { thetas } = run(rmspropStep, { lr: 0.01, momentum: 0.5 }, [1], [[2], [2]]);
    const step1 = 1 - 0.9683772273511625;
    const step2 = 0.9683772273511625 - 0.9454356554734202;
    expect(thetas[1]![0]).toBeCloseTo(1 - step1 - (0.5 * step1 + step2), 13);
  });
  it('AdaGrad: G ← G + g² from 0.1; θ ← θ − ηg/√(G + ε)', () => {
    // η = 0.1, g = 1, 1: G = 1.1, 2.1; θ = 1 − 0.1/√1.1000001 = 0.904653745; 0.904653745 − 0.1/√2.1000001 = 0.835647191 (Python)
    const { thetas, last } = run(adagradStep, { lr: 0.1 }, [1], [[1], [1]]);
    expect(thetas[0]![0]).toBeCloseTo(0.9046537454093613, 13);
    expect(thetas[1]![0]).toBeCloseTo(0.835647191118139, 13);
    expect(last.state.accumulator[0]).toBeCloseTo(2.1, 14);
  });
  it('Adam: the first step has size α whatever the gradient’s scale', () => {
    // g = 0.5: m = 0.05, v = 0.00025, m̂ = 0.5, v̂ = 0.25; Δθ = −0.001·0.5/(0.5 + 1e-7) = −0.0009999998 (hand)
    const { step, detail } = adamStepDetailed([1], [0.5], undefined);
    expect(detail.m[0]).toBeCloseTo(0.05, 15);
    expect(detail.v[0]).toBeCloseTo(0.00025, 15);
    expect(detail.mHat[0]).toBeCloseTo(0.5, 14);
    expect(detail.vHat[0]).toBeCloseTo(0.25, 14);
    expect(step.params[0]).toBeCloseTo(0.9990000002, 13);
    // |Δθ| = α|g|/(|g| + ε): 0.001 to within 1e-8 for any |g| ≥ 0.01; ε only matters for tiny gradients
    for (const g of [0.01, 3, -250]) expect(Math.abs(adamStep([0], [g], undefined).params[0]!)).toBeCloseTo(0.001, 7);
    // g = 1e-4: 0.001·1e-4/(1e-4 + 1e-7) = 0.000999001 (hand computation)
    expect(adamStep([0], [1e-4], undefined).params[0]).toBeCloseTo(-0.000999001, 9);
  });
  it('Adam: two steps with bias correction', () => {
    // g = 0.5 then −0.25: m₂ = 0.045 − 0.025 = 0.02; v₂ = 0.00024975 + 0.0000625 = 0.00031225;
    // m̂₂ = 0.02/0.19 = 0.1052632; v̂₂ = 0.00031225/0.001999 = 0.1562031; θ₂ = 0.9990000002 − 0.001·0.1052632/(0.3952253 + 1e-7)
    // = 0.9987336632 (hand computation, confirmed in Python)
    const { thetas, last } = run(adamStep, {}, [1], [[0.5], [-0.25]]);
    expect(last.state.m[0]).toBeCloseTo(0.02, 15);
    expect(last.state.v[0]).toBeCloseTo(0.00031225, 15);
    expect(thetas[1]![0]).toBeCloseTo(0.9987336632277282, 13);
    expect(last.state.t).toBe(2);
  });
  it('Adam without bias correction uses m and v as they are', () => {
    // g = 0.5: m = 0.05, v = 0.00025, √v = 0.0158114; Δθ = −0.001·0.05/(0.0158114 + 1e-7) = −0.00316226 (hand)
    const r = adamStep([1], [0.5], undefined, { biasCorrection: false });
    expect(r.params[0]).toBeCloseTo(1 - (0.001 * 0.05) / (Math.sqrt(0.00025) + 1e-7), 15);
    expect(1 - r.params[0]!).toBeCloseTo(0.00316226, 8);
  });
  it('AdamW: θ ← θ − α(m̂/(√v̂ + ε) + λθ)', () => {
    // a flat loss (g = 0): only the decay acts, 2 − 0.001·0.01·2 = 1.99998 (hand computation)
    expect(adamwStep([2], [0], undefined).params[0]).toBeCloseTo(1.99998, 15);
    // g = 0.5, α = 0.01, λ = 0.1, ε = 1e-8: 1 − 0.01·(0.5/(0.5 + 1e-8) + 0.1·1) = 1 − 0.01·1.09999998 = 0.9890000002
    expect(adamwStep([1], [0.5], undefined, { lr: 0.01, weightDecay: 0.1 }).params[0]).toBeCloseTo(0.9890000002, 13);
    // with λ = 0 it is Adam
    const grads = [[0.3, -1], [0.1, 2], [-0.7, 0.4]];
    const a = run(adamwStep, { weightDecay: 0, eps: 1e-7 }, [1, 2], grads).thetas[2]!;
    const b = run(adamStep, {}, [1, 2], grads).thetas[2]!;
    a.forEach((x, i) => expect(x).toBeCloseTo(b[i]!, 15));
  });
  it('AdamW decays every weight by the same fraction; L2 inside Adam does not', () => {
    // Two weights of 1 whose loss gradients alternate in sign, ±10 and ±0.001, for 1000 steps; α = 0.001, λ = 0.01.
    const grads = Array.from({ length: 1000 }, (_, k) => (k % 2 === 0 ? [10, 0.001] : [-10, -0.001]));
    const adamw = run(adamwStep, { lr: 0.001, weightDecay: 0.01, eps: 1e-8 }, [1, 1], grads).thetas[999]!;
    const plain = run(adamwStep, { lr: 0.001, weightDecay: 0, eps: 1e-8 }, [1, 1], grads).thetas[999]!;
    // AdamW: each step takes αλθ = 1e-5·θ off both weights, so relative to the same run without decay both end
    // near (1 − 1e-5)¹⁰⁰⁰ = e^−0.01 = 0.99005 (hand computation)
    expect(adamw[0]! / plain[0]!).toBeCloseTo(0.99005, 4);
    expect(adamw[1]! / plain[1]!).toBeCloseTo(0.99005, 4);
    // L2 inside Adam: the gradient becomes g + 2·(λ/2)θ = g + λθ and is divided by √v̂ with the rest. For the first
    // weight √v̂ ≈ 10, so the penalty moves it by about α·0.01/10 = 1e-6 per step (0.999 after 1000 steps); for the
    // second √v̂ ≈ 0.01 (λθ dominates g), so it moves by nearly α per step: 0.26 after 1000 steps.
    const l2 = (theta: Vector, g: Vector, s: Parameters<typeof adamStep>[2]) => adamStep(theta, g.map((x, i) => x + 0.01 * theta[i]!), s, { lr: 0.001, eps: 1e-8 });
    const withL2 = run(l2, undefined, [1, 1], grads).thetas[999]!;
    const adam = run(adamStep, { lr: 0.001, eps: 1e-8 }, [1, 1], grads).thetas[999]!;
    expect(withL2[0]! / adam[0]!).toBeGreaterThan(0.998);
    expect(Math.abs(withL2[1]!)).toBeLessThan(0.3);
    expect(Math.abs(adam[1]! - 1)).toBeLessThan(0.01);
  });
  it('runs a trajectory', () => {
    // f(θ) = ½θ², gradient θ; SGD with η = 0.5 halves θ each step: 8, 4, 2, 1 (hand computation)
    expect(trajectory(sgdStep, { lr: 0.5 }, [8], (th) => th, 3)).toEqual([[8], [4], [2], [1]]);
  });
});

describe('source 001, §4.2.3: the Adam example done right', () => {
  it('keeps what the source printed, for comparison', () => {
    // copied from /work/shared/seeds/001_*.txt §4.2.3
    expect(SOURCE_001_ADAM.printed).toEqual({ m1: [-0.01, -0.02], gradSquared: [0.01, 0.04], v1: [0.001, 0.004], theta1: [0.998, 0.996] });
    expect(SOURCE_001_ADAM).toMatchObject({ beta1: 0.9, beta2: 0.99, lr: 0.001, eps: 0.001, grad: [-0.1, -0.2], theta0: [1, 1] });
  });
  it('computes v₁ = [0.0001, 0.0004], not [0.001, 0.004]', () => {
    // m₁ = 0.1·[−0.1, −0.2] = [−0.01, −0.02]; v₁ = 0.01·[0.01, 0.04] = [0.0001, 0.0004] (hand computation)
    const w = adamWorkedExample(true);
    expect(w.m1[0]).toBeCloseTo(-0.01, 15);
    expect(w.m1[1]).toBeCloseTo(-0.02, 15);
    expect(w.v1[0]).toBeCloseTo(0.0001, 15);
    expect(w.v1[1]).toBeCloseTo(0.0004, 15);
  });
  it('without bias correction, θ₁ ≈ [1.000909, 1.000952]', () => {
    // √v₁ + ε = [0.01 + 0.001, 0.02 + 0.001] = [0.011, 0.021]; m₁/(…) = [−0.909091, −0.952381];
    // θ₁ = 1 − 0.001·(…) = [1.000909091, 1.000952381] (hand computation)
    const w = adamWorkedExample(false);
    expect(w.mHat1).toEqual(w.m1);
    expect(w.vHat1).toEqual(w.v1);
    expect(w.denom[0]).toBeCloseTo(0.011, 15);
    expect(w.denom[1]).toBeCloseTo(0.021, 15);
    expect(w.theta1[0]).toBeCloseTo(1.000909091, 9);
    expect(w.theta1[1]).toBeCloseTo(1.000952381, 9);
    expect(w.delta[0]).toBeCloseTo(0.000909091, 9);
  });
  it('with bias correction, θ₁ ≈ [1.000990, 1.000995]', () => {
    // m̂₁ = m₁/0.1 = [−0.1, −0.2]; v̂₁ = v₁/0.01 = [0.01, 0.04]; √v̂₁ + ε = [0.101, 0.201];
    // θ₁ = 1 + 0.001·[0.1/0.101, 0.2/0.201] = [1.000990099, 1.000995025] (hand computation)
    const w = adamWorkedExample(true);
    expect(w.mHat1[0]).toBeCloseTo(-0.1, 14);
    expect(w.mHat1[1]).toBeCloseTo(-0.2, 14);
    expect(w.vHat1[0]).toBeCloseTo(0.01, 14);
    expect(w.vHat1[1]).toBeCloseTo(0.04, 14);
    expect(w.theta1[0]).toBeCloseTo(1.000990099, 9);
    expect(w.theta1[1]).toBeCloseTo(1.000995025, 9);
    // θ rises: the gradient is negative, so descent moves against it
    expect(Math.min(...w.theta1)).toBeGreaterThan(1);
  });
  it('shows the misprinted recurrence m ← βm + (1 − β)(g − m) tends to g/2', () => {
    // closed form g(1 − (2β − 1)ᵗ)/2: β = 0.9, g = 1, t = 1 → 0.1; t = 2 → (1 − 0.64)/2 = 0.18; t → ∞ → 0.5 (hand)
    expect(misprintedAdamMoment(0.9, 1, 1)).toBeCloseTo(0.1, 15);
    expect(misprintedAdamMoment(0.9, 1, 2)).toBeCloseTo(0.18, 15);
    expect(misprintedAdamMoment(0.9, 1, 200)).toBeCloseTo(0.5, 12);
    expect(misprintedAdamMoment(0.99, 0.04, 5000)).toBeCloseTo(0.02, 12);
  });
});

describe('equivalence with TensorFlow.js’s own optimizers (100 steps, float32 vs float64)', () => {
  const THETA0 = [3, -4, 5];
  /** A fixed gradient sequence: the gradient of a slowly moving quadratic plus a wiggle, rounded to float32. */
  const GRADS: number[][] = Array.from({ length: 100 }, (_, k) => {
    const t = k + 1;
    return [0, 1, 2].map((i) => Math.fround((i + 1) * 0.3 * Math.cos(0.05 * t) + 0.5 * Math.sin(0.37 * t + i)));
  });

  let counter = 0;
  function tfjsPath(make: () => tf.Optimizer): number[][] {
    const name = `lib-math-theta-${counter++}`;
    const v = tf.variable(tf.tensor1d(THETA0), true, name);
    const opt = make();
    const path: number[][] = [];
    for (const g of GRADS) {
      const gt = tf.tensor1d(g);
      opt.applyGradients({ [name]: gt });
      gt.dispose();
      path.push(Array.from(v.dataSync()));
    }
    opt.dispose();
    v.dispose();
    return path;
  }

  it.each([
    ['sgd', () => tf.train.sgd(0.05), (p: Vector, g: Vector, s: never) => sgdStep(p, g, s, { lr: 0.05 })],
    ['momentum', () => tf.train.momentum(0.02, 0.9), (p: Vector, g: Vector, s: never) => momentumStep(p, g, s, { lr: 0.02, momentum: 0.9 })],
    ['nesterov', () => tf.train.momentum(0.02, 0.9, true), (p: Vector, g: Vector, s: never) => momentumStep(p, g, s, { lr: 0.02, momentum: 0.9, nesterov: true })],
    ['rmsprop', () => tf.train.rmsprop(0.01), (p: Vector, g: Vector, s: never) => rmspropStep(p, g, s, { lr: 0.01 })],
    ['rmsprop with momentum', () => tf.train.rmsprop(0.005, 0.95, 0.5), (p: Vector, g: Vector, s: never) => rmspropStep(p, g, s, { lr: 0.005, decay: 0.95, momentum: 0.5 })],
    ['adagrad', () => tf.train.adagrad(0.1), (p: Vector, g: Vector, s: never) => adagradStep(p, g, s, { lr: 0.1 })],
    ['adam', () => tf.train.adam(0.01, 0.9, 0.999), (p: Vector, g: Vector, s: never) => adamStep(p, g, s, { lr: 0.01 })],
    ['adam (source 001 betas)', () => tf.train.adam(0.01, 0.9, 0.99, 0.001), (p: Vector, g: Vector, s: never) => adamStep(p, g, s, { lr: 0.01, beta2: 0.99, eps: 0.001 })],
  ] as const)('%s agrees with tfjs to 1e-5 relative at every step', (_name, make, step) => {
    const ours = run(step as unknown as StepFn<never, undefined>, undefined, THETA0, GRADS).thetas;
    const theirs = tfjsPath(make);
    let worst = 0;
    for (let t = 0; t < GRADS.length; t++) {
      for (let i = 0; i < THETA0.length; i++) {
        const a = ours[t]![i]!;
        const b = theirs[t]![i]!;
        // every θ stays well away from 0 on this path (|θ| > 0.5), so this is a true relative error
        expect(Math.abs(b)).toBeGreaterThan(0.5);
        worst = Math.max(worst, Math.abs(a - b) / Math.abs(b));
      }
    }
    expect(worst).toBeLessThan(1e-5);
    // and the path really moved
    expect(Math.abs(ours[99]![0]! - THETA0[0]!)).toBeGreaterThan(0.01);
  });
});
