/**
 * Lab exercises of the chapter `neural-networks` (see ./types.ts). They read what the widgets publish:
 * - PlaygroundTrainer (`playground`): step, loss (the training minibatches), testLoss, testAccuracy. It does not publish
 *   the data set or the network, so the prose names them and the checks test what the numbers can show.
 * - BackpropStepper (`backpropStepper`): loss now and lossAfter, the loss after the step it would take next.
 * - ActivationExplorer (`activationExplorer`): z, value f(z), derivative f′(z) and product (f′(z))ⁿ.
 */
import type { LabResults, LabSet } from './types';

/** A published result, or undefined when it is missing or not a finite number. */
const val = (r: LabResults, key: string): number | undefined => {
  const v = r[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
};

/** The spiral lab: test accuracy to reach, and the step by which to reach it. */
export const SPIRAL_ACCURACY = 0.95;
export const SPIRAL_MAX_STEPS = 2000;
/** The memorisation lab: training loss below this while the held-out loss is above MEMORISE_TEST_LOSS. */
export const MEMORISE_TRAIN_LOSS = 0.1;
export const MEMORISE_TEST_LOSS = 1;

export const neuralNetworksLabs: LabSet = {
  'nn-spiral': {
    widget: 'playground',
    goal: {
      zh: '在螺旋数据上，2000 步以内让测试准确率达到 95%。',
      en: 'On the spiral, 95 % test accuracy within 2,000 steps.',
    },
    check: (r) => {
      const step = val(r, 'step');
      const acc = val(r, 'testAccuracy');
      return step !== undefined && acc !== undefined && step > 0 && step <= SPIRAL_MAX_STEPS && acc >= SPIRAL_ACCURACY;
    },
  },
  'nn-memorise': {
    widget: 'playground',
    goal: {
      zh: '让网络死记硬背：训练损失低于 0.1，同时测试损失高于 1。',
      en: 'Make the network memorise: training loss below 0.1 while the test loss is above 1.',
    },
    check: (r) => {
      const loss = val(r, 'loss');
      const testLoss = val(r, 'testLoss');
      return loss !== undefined && testLoss !== undefined && loss < MEMORISE_TRAIN_LOSS && testLoss > MEMORISE_TEST_LOSS;
    },
  },
  'nn-overshoot': {
    widget: 'backpropStepper',
    goal: {
      zh: '找到一组设置，使下一步梯度下降反而让损失变大。',
      en: 'Settings at which the next step of gradient descent raises the loss.',
    },
    check: (r) => {
      const loss = val(r, 'loss');
      const after = val(r, 'lossAfter');
      return loss !== undefined && after !== undefined && after > loss;
    },
  },
  'nn-gelu-minimum': {
    widget: 'activationExplorer',
    goal: {
      zh: '找到 GELU 的最低点：导数的绝对值小于 0.005、函数值为负的那个 z。',
      en: 'GELU’s lowest point: a z where its value is negative and its derivative is within 0.005 of zero.',
    },
    check: (r) => {
      const f = val(r, 'value');
      const d = val(r, 'derivative');
      // Only GELU has a negative value between −0.5 and −0.1 with a flat slope: tanh is flat only near ±1, leaky ReLU's
      // slope is α ≥ 0.001 with |f| = α|z| ≤ 0.03 where α < 0.005, and sigmoid and ReLU are never negative.
      return f !== undefined && d !== undefined && f < -0.1 && f > -0.5 && Math.abs(d) < 0.005;
    },
  },
};
