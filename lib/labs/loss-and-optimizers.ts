/** Lab exercises of the chapter `loss-and-optimizers` (see ./types.ts). */
import type { LabResults, LabSet } from './types';

/** BCE's logit gradient over MSE's that the gradient-ratio lab asks for, and how close counts (1/(2p(1 − p)) = 10 at p ≈ 0.0528). */
export const LO_RATIO_TARGET = 10;
export const LO_RATIO_TOLERANCE = 0.2;
/** The label-smoothed target of the entropy-floor lab, and how close to the floor H(y) the cross-entropy must come. */
export const LO_SOFT_LABEL = 0.9;
export const LO_FLOOR_TOLERANCE = 0.001;
/** Rosenbrock's minimum in the race, how near Adam must come and by which step. */
export const LO_ROSENBROCK_MIN = [1, 1] as const;
export const LO_ROSENBROCK_RADIUS = 0.05;
export const LO_ROSENBROCK_STEPS = 300;
/**
 * Near (1, 1) only Rosenbrock's f is this small (the ravine's is 2.1, the saddle's 0.25, Beale's 1.4, the noisy bowl's
 * 2.5): the results carry no surface name, so the loss tells which surface the race ran on.
 */
export const LO_ROSENBROCK_LOSS = 0.01;

const num = (r: LabResults, name: string): number | undefined => {
  const v = r[name];
  return typeof v === 'number' && !Number.isNaN(v) ? v : undefined;
};

export const lossAndOptimizersLabs: LabSet = {
  'lo-gradient-ratio': {
    widget: 'lossExplorer',
    goal: {
      zh: '找到一个预测 p，使二元交叉熵对 logit 的梯度恰好是 MSE 的 10 倍（误差不超过 ±0.2）。',
      en: 'Find a prediction p at which binary cross-entropy’s gradient with respect to the logit is 10 times MSE’s (within ±0.2).',
    },
    check: (r) => {
      const ratio = num(r, 'logitGradRatio');
      return ratio !== undefined && Math.abs(ratio - LO_RATIO_TARGET) <= LO_RATIO_TOLERANCE;
    },
  },
  'lo-entropy-floor': {
    widget: 'lossExplorer',
    goal: {
      zh: '把目标设为软标签 y = 0.9，再把交叉熵压到离它的下限 H(y) 不到 0.001。',
      en: 'With the soft label y = 0.9, bring the cross-entropy to within 0.001 of its floor H(y).',
    },
    check: (r) => {
      const y = num(r, 'y');
      const ce = num(r, 'bce');
      const h = num(r, 'entropy');
      return y !== undefined && ce !== undefined && h !== undefined && Math.abs(y - LO_SOFT_LABEL) < 0.005 && ce - h <= LO_FLOOR_TOLERANCE;
    },
  },
  'lo-rosenbrock-adam': {
    widget: 'optimizerRace',
    goal: {
      zh: '在 Rosenbrock 曲面上，让 Adam 在第 300 步之前走到离最小值 (1, 1) 不到 0.05 的地方。',
      en: 'On the Rosenbrock surface, get Adam within 0.05 of the minimum (1, 1) by step 300.',
    },
    check: (r) => {
      const step = num(r, 'step');
      const loss = num(r, 'loss.adam');
      const x = num(r, 'position.adam.0');
      const y = num(r, 'position.adam.1');
      if (step === undefined || loss === undefined || x === undefined || y === undefined) return false;
      return step <= LO_ROSENBROCK_STEPS && loss < LO_ROSENBROCK_LOSS && Math.hypot(x - LO_ROSENBROCK_MIN[0], y - LO_ROSENBROCK_MIN[1]) <= LO_ROSENBROCK_RADIUS;
    },
  },
};
