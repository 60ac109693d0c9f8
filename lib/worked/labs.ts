/**
 * Worked numbers of the lab exercises (lib/labs) of the chapters loss-and-optimizers, training-pipeline and
 * transformers: the values a lab's answer works out, computed by the same code the widgets run. Every entry has a test
 * in labs.test.ts.
 */
import { adamStep, TFJS_EPSILON, trajectory } from '../math/optimizers';
import { SURFACE_DEFS, surfaceGradient } from '../widgets/optimizer-race';

/** BCE's logit gradient over MSE's at a prediction p ∈ (0, 1): (p − y) / (2(p − y)p(1 − p)) = 1 / (2p(1 − p)). */
function gradRatio(p: number): number {
  if (!(p > 0 && p < 1)) throw new Error(`labGradRatio: p = ${p} is not in (0, 1)`);
  return 1 / (2 * p * (1 - p));
}

export const labsWorked = {
  /** 1 / (2p(1 − p)): how many times harder binary cross-entropy pushes the logit than MSE at prediction p (p ≠ y). */
  labGradRatio: (p: number) => gradRatio(p),
  /** The smaller p at which that ratio equals r (r ≥ 2): the root of p(1 − p) = 1/(2r), p = (1 − √(1 − 2/r)) / 2. */
  labGradRatioP: (r: number) => {
    if (!(r >= 2)) throw new Error(`labGradRatioP: the ratio is at least 2 (at p = 0.5); got ${r}`);
    return (1 - Math.sqrt(1 - 2 / r)) / 2;
  },
  /**
   * Binary cross-entropy minus its floor H(y), which is the Kullback–Leibler divergence
   * KL(y ‖ p) = y ln(y/p) + (1 − y) ln((1 − y)/(1 − p)), in nats.
   */
  labBinaryKl: (y: number, p: number) => {
    if (!(y >= 0 && y <= 1 && p > 0 && p < 1)) throw new Error(`labBinaryKl: need y ∈ [0, 1], p ∈ (0, 1) (got ${y}, ${p})`);
    const term = (a: number, b: number) => (a === 0 ? 0 : a * Math.log(a / b));
    return term(y, p) + term(1 - y, 1 - p);
  },
  /**
   * The first step at which tfjs's Adam (lr, β₁, β₂, ε = 1e-7), started where the OptimizerRace starts it, is within
   * `radius` of Rosenbrock's minimum (1, 1); −1 if not within `maxSteps`.
   */
  labAdamRosenbrockStep: (lr: number, beta1: number, beta2: number, radius: number, maxSteps: number) => {
    const path = trajectory(adamStep, { lr, beta1, beta2, eps: TFJS_EPSILON }, SURFACE_DEFS.rosenbrock.start, (t) => surfaceGradient('rosenbrock', t[0]!, t[1]!), maxSteps);
    return path.findIndex(([x, y]) => Math.hypot(x! - 1, y! - 1) <= radius);
  },
};
