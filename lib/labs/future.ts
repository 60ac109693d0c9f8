/**
 * Lab exercises of the chapter `future` (see ./types.ts). They read the PrivacyLab's and the SaliencyLab's published
 * results (the contract of issue 11: `privacyLab.accuracy`, `privacyLab.epsilon`; `saliencyLab.completeness`,
 * `saliencyLab.predicted`, `saliencyLab.label`, `saliencyLab.target`, the class explained).
 */
import type { LabResults, LabSet } from './types';

/**
 * The private model must reach this test accuracy while spending at most FU_PRIVATE_EPSILON. Measured with the
 * PrivacyLab's own task on tfjs's CPU backend in Node (6,000 training digits, 1,000 test digits, seed 1; the pattern of
 * lib/widgets/privacy-lab.test.ts), 2026-12-06:
 * - the defaults (σ 1, C 1, batch 200, 5 epochs, lr 2, δ 1e-5) reach 0.878 at ε = 3.26: accurate enough, too much
 *   budget, so the goal is not met without the reader acting;
 * - σ 2, the rest at the defaults: 0.832 at ε = 0.961 (150 steps, about 12 s): the goal is met by one change;
 * - fewer budget-cheap routes fall short: σ 1.5 with batch 100 (0.735 at ε 0.967), σ 2 with batch 100 for 10 epochs
 *   (0.692 at ε 0.915), σ 3 for 10 epochs (0.734 at ε 0.819), σ 4 (0.714 at ε 0.407). So 0.85 at ε ≤ 1 or 0.8 at
 *   ε ≤ 0.5 were not reached in these runs; 0.8 at ε ≤ 1 needs the reader to find the balance.
 */
export const FU_PRIVATE_ACCURACY = 0.8;
/** …while spending at most this privacy budget. */
export const FU_PRIVATE_EPSILON = 1;
/**
 * Integrated gradients are complete when Σ attributions / (F(x) − F(baseline)) is within this of 1. Measured with the
 * SaliencyLab's task (model trained here with the defaults: 64 hidden units, 3 epochs, seed 1; tfjs CPU in Node),
 * 2026-12-06: the defaults explain the predicted class, so the lab is not met on opening. For another class the
 * completeness at the default 50 steps was within 0.05 of 1 in 13 of 14 (digit, class, output) cases tried on test
 * digits 0–2 (logit: 0.990–1.001; probability: 0.987–1.008); with the probability at 1–2 steps it was off by up to
 * 0.87, so there the reader raises the steps.
 * The one miss was a class whose logit barely changes from the blank image (ratio −0.11 at 50 steps, 0.51 at 200):
 * the answer tells the reader to pick a class whose score moves clearly.
 */
export const FU_COMPLETENESS_TOLERANCE = 0.05;

/** A published result, or undefined when it is missing or not a finite number. */
const val = (r: LabResults, key: string): number | undefined => {
  const v = r[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
};

export const futureLabs: LabSet = {
  'fu-private-80': {
    widget: 'privacyLab',
    goal: {
      zh: '在隐私实验室里，让测试准确率至少达到 80%，同时隐私预算 ε ≤ 1。',
      en: 'In the PrivacyLab, reach at least 80 % test accuracy with a privacy budget of ε ≤ 1.',
    },
    check: (r) => {
      const accuracy = val(r, 'accuracy');
      const epsilon = val(r, 'epsilon');
      // ε = 0 means nothing was spent: no private training has happened yet.
      return accuracy !== undefined && epsilon !== undefined && epsilon > 0 && epsilon <= FU_PRIVATE_EPSILON && accuracy >= FU_PRIVATE_ACCURACY;
    },
  },
  'fu-complete': {
    widget: 'saliencyLab',
    goal: {
      zh: '在显著性实验室里，为模型没有预测的某个类别计算积分梯度，使完备性与 1 相差不超过 0.05。',
      en: 'In the SaliencyLab, compute integrated gradients for a class the model did not predict, with a completeness within 0.05 of 1.',
    },
    check: (r) => {
      const completeness = val(r, 'completeness');
      const target = val(r, 'target');
      const predicted = val(r, 'predicted');
      // The page opens on the predicted class; explaining another one is the task.
      return (
        completeness !== undefined &&
        target !== undefined &&
        predicted !== undefined &&
        target !== predicted &&
        Math.abs(completeness - 1) <= FU_COMPLETENESS_TOLERANCE
      );
    },
  },
  'fu-wrong-digit': {
    widget: 'saliencyLab',
    goal: {
      zh: '在显著性实验室里，找到一张模型分类错误的测试图片。',
      en: 'In the SaliencyLab, find a test digit that the model classifies wrongly.',
    },
    check: (r) => {
      const predicted = val(r, 'predicted');
      const label = val(r, 'label');
      return predicted !== undefined && label !== undefined && Number.isInteger(predicted) && Number.isInteger(label) && predicted !== label;
    },
  },
};
