/**
 * Lab exercises of the chapter `large-models` (see ./types.ts). They read the ScaleExplorer, which publishes `params`,
 * `weightBytes`, `inferenceBytes` and `trainingBytes`. The precision and the optimizer are not published, but they show
 * in the ratios: weightBytes / params is the bytes per weight (0.5 for int4), trainingBytes / params the training
 * bytes per parameter (10 for 8-bit Adam). The memory limits are the explorer's own (lib/scale/accelerators.ts).
 */
import { acceleratorById } from '../scale/accelerators';
import { OPTIMIZER_BYTES, PRECISIONS } from '../scale/memory';
import type { LabResults, LabSet } from './types';

/** A published result, or undefined when it is missing or not a finite number. */
const val = (r: LabResults, key: string): number | undefined => {
  const v = r[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
};

/** True when a/b equals `target` up to rounding. */
const ratioIs = (a: number, b: number, target: number) => b > 0 && Math.abs(a / b - target) <= 1e-9 * target;

/** Serving an int4 model on one RTX 4090: the explorer's memory for it, 24,564 MiB. */
export const RTX4090_BYTES = acceleratorById('rtx4090').memoryBytes;
/** Training on one node of eight H100s, 81,559 MiB each. */
export const H100_NODE_BYTES = 8 * acceleratorById('h100').memoryBytes;
/** How close to the limit the answer must come: within 5 % of the largest model that fits. */
export const LM_LAB_TOLERANCE = 0.05;

export const largeModelsLabs: LabSet = {
  'lm-int4-rtx4090': {
    widget: 'scaleExplorer',
    goal: {
      zh: '找出 int4 格式下一块 RTX 4090 还能提供推理的最大模型（误差 5% 以内）。',
      en: 'The largest model one RTX 4090 can serve in int4, to within 5 %.',
    },
    check: (r) => {
      const params = val(r, 'params');
      const weights = val(r, 'weightBytes');
      const serve = val(r, 'inferenceBytes');
      if (params === undefined || weights === undefined || serve === undefined) return false;
      return ratioIs(weights, params, PRECISIONS.int4) && serve <= RTX4090_BYTES && serve >= (1 - LM_LAB_TOLERANCE) * RTX4090_BYTES;
    },
  },
  'lm-node-8bit-adam': {
    widget: 'scaleExplorer',
    goal: {
      zh: '用 8 比特 Adam 训练时，一台 8 卡 H100 服务器最多能装下多大的模型（误差 5% 以内）？',
      en: 'The largest model whose training state with 8-bit Adam fits one server of eight H100s, to within 5 %.',
    },
    check: (r) => {
      const params = val(r, 'params');
      const train = val(r, 'trainingBytes');
      if (params === undefined || train === undefined) return false;
      return ratioIs(train, params, OPTIMIZER_BYTES.adam8bit) && train <= H100_NODE_BYTES && train >= (1 - LM_LAB_TOLERANCE) * H100_NODE_BYTES;
    },
  },
};
