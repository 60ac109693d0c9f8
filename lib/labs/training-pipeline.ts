/** Lab exercises of the chapter `training-pipeline` (see ./types.ts). */
import type { LabResults, LabSet } from './types';

/**
 * Thresholds, measured with the widgets' own training tasks on tfjs's CPU backend (the packed MNIST subset, default
 * seed): the default MLP (784 → 128 → 10, 101,770 parameters) first reaches 95 % on the 1,000 test digits after about
 * 5–7 epochs (the book's bench: 28 s on WebGL, 52 s on the CPU backend), where 3 epochs, the default, stop near 93 %;
 * the narrowest MLP (32 hidden units, 25,450 parameters) passes 92 % after 2–4 epochs and levels off near 93–94 %;
 * the over-fitting lab, on the chapter's 250 training digits, levels off near 82 % on its validation digits whatever
 * the dropout or L2, while 2,500 digits pass 90 % by epoch 5 (5,000 sooner).
 */
export const TP_DIGITS_TARGET = 0.95;
export const TP_SMALL_TARGET = 0.92;
export const TP_SMALL_PARAMS = 30_000;
export const TP_VALIDATION_TARGET = 0.9;

const num = (r: LabResults, name: string): number | undefined => {
  const v = r[name];
  return typeof v === 'number' && !Number.isNaN(v) ? v : undefined;
};

export const trainingPipelineLabs: LabSet = {
  'tp-digits-95': {
    widget: 'digitsTrainer',
    goal: {
      zh: '让数字识别器在 1,000 张测试图片上的准确率达到 95%。',
      en: 'Get the digit recogniser to 95 % accuracy on the 1,000 test digits.',
    },
    check: (r) => {
      const acc = num(r, 'testAccuracy');
      return acc !== undefined && acc >= TP_DIGITS_TARGET;
    },
  },
  'tp-digits-small': {
    widget: 'digitsTrainer',
    goal: {
      zh: '用不超过 30,000 个参数的模型，在测试集上达到 92% 的准确率。',
      en: 'Reach 92 % test accuracy with a model of at most 30,000 parameters.',
    },
    check: (r) => {
      const acc = num(r, 'testAccuracy');
      const params = num(r, 'params');
      return acc !== undefined && params !== undefined && params <= TP_SMALL_PARAMS && acc >= TP_SMALL_TARGET;
    },
  },
  'tp-validation-90': {
    widget: 'overfitLab',
    goal: {
      zh: '在过拟合实验室里，让验证集准确率达到 90%。',
      en: 'In the over-fitting lab, get the validation accuracy to 90 %.',
    },
    check: (r) => {
      const acc = num(r, 'valAccuracy');
      return acc !== undefined && acc >= TP_VALIDATION_TARGET;
    },
  },
};
