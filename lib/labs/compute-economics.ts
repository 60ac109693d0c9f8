/** Lab exercises of the chapter `compute-economics` (see ./types.ts). They read the TrainingCost, InferenceCost and ComputeOptimal calculators. */
import type { LabResults, LabSet } from './types';

/** A published result, or undefined when it is missing or not a finite number. */
const val = (r: LabResults, key: string): number | undefined => {
  const v = r[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
};

/** Chinchilla's training compute by 6·N·D: 6 × 70e9 parameters × 1.4e12 tokens = 5.88e23 FLOPs. */
export const CHINCHILLA_RUN_FLOPS = 6 * 70e9 * 1.4e12;

export const computeEconomicsLabs: LabSet = {
  'ce-chinchilla-run': {
    widget: 'trainingCost',
    goal: {
      zh: '一次至少 5.88 × 10²³ 次浮点运算的训练，14 天内跑完，费用不超过 100 万美元。',
      en: 'A run of at least 5.88 × 10²³ FLOPs that finishes within 14 days for at most 1,000,000 USD.',
    },
    check: (r) => {
      const flops = val(r, 'flops');
      const days = val(r, 'days');
      const cost = val(r, 'cost');
      if (flops === undefined || days === undefined || cost === undefined) return false;
      // a relative tolerance so that typing 70e9 and 1.4e12 counts, whatever the last bit of the product
      return flops >= CHINCHILLA_RUN_FLOPS * (1 - 1e-9) && days <= 14 && cost <= 1e6;
    },
  },
  'ce-cheap-tokens': {
    widget: 'inferenceCost',
    goal: {
      zh: '每百万 token 成本不超过 0.10 美元，同时每步解码不超过 0.02 秒（每个用户每秒至少 50 个 token）。',
      en: 'At most 0.10 USD per million tokens while each decode step takes at most 0.02 s (50 tokens a second for every user).',
    },
    check: (r) => {
      const cost = val(r, 'costPerMillion');
      const step = val(r, 'stepSeconds');
      return cost !== undefined && step !== undefined && cost <= 0.1 && step <= 0.02;
    },
  },
  'ce-optimal-70b': {
    widget: 'computeOptimal',
    goal: {
      zh: '找到一个算力预算，使复现论文拟合下的算力最优模型有 700 亿参数（误差 5% 以内），每参数 15 到 25 个 token。',
      en: 'A compute budget whose compute-optimal model under the replication fit has 70 billion parameters (within 5 %), at 15 to 25 tokens per parameter.',
    },
    check: (r) => {
      const params = val(r, 'params');
      const ratio = val(r, 'tokensPerParam');
      if (params === undefined || ratio === undefined) return false;
      return Math.abs(params / 70e9 - 1) <= 0.05 && ratio >= 15 && ratio <= 25;
    },
  },
};
