/**
 * Inputs of the eight startup calculators: keys, bounds and defaults (../shared/design/CALCULATORS.md). One schema each
 * drives the calculator's controls, the defaults a chapter sets, and the URL (`?<id>.<key>=<value>`). A URL value
 * outside these bounds is not applied; semantic problems (zero churn, a negative cash balance typed in a control) are
 * reported by the calculator functions themselves. Prices and hardware numbers are dated defaults, not constants.
 */
import type { Schema, Values } from '../state/schema';

/** When the default prices and hardware numbers below were checked. */
export const DEFAULTS_AS_OF = '2026-11';

const BIG = 1e30;

export const trainingCostSchema = {
  params: { type: 'number', default: 7e9, min: 1, max: 1e15 },
  tokens: { type: 'number', default: 2e12, min: 1, max: 1e17 },
  /** H100 SXM dense BF16 peak, FLOP/s. */
  peakFlops: { type: 'number', default: 989.4e12, min: 1e9, max: 1e18 },
  mfu: { type: 'number', default: 0.4, min: 0, max: 1 },
  gpus: { type: 'number', default: 1024, min: 1, max: 1e7, integer: true },
  pricePerGpuHour: { type: 'number', default: 2.5, min: 0, max: 1e4 },
  overhead: { type: 'number', default: 1, min: 1, max: 100 },
} satisfies Schema;

export const COMPUTE_OPTIMAL_FITS = ['besiroglu2024', 'hoffmann2022'] as const;
export type ComputeOptimalFit = (typeof COMPUTE_OPTIMAL_FITS)[number];

export const computeOptimalSchema = {
  flops: { type: 'number', default: 1e23, min: 1e15, max: 1e30 },
  fit: { type: 'enum', default: 'besiroglu2024', options: COMPUTE_OPTIMAL_FITS },
  inferenceTokens: { type: 'number', default: 0, min: 0, max: 1e20 },
} satisfies Schema;

export const MEMORY_MODES = ['train', 'infer'] as const;
export const MEMORY_PRECISIONS = ['fp32', 'bf16', 'int8', 'int4'] as const;
export const MEMORY_OPTIMIZERS = ['adamMixed', 'adam8bit', 'sgdMomentum'] as const;

export const memoryFitSchema = {
  params: { type: 'number', default: 7e9, min: 1, max: 1e15 },
  mode: { type: 'enum', default: 'train', options: MEMORY_MODES },
  precision: { type: 'enum', default: 'bf16', options: MEMORY_PRECISIONS },
  optimizer: { type: 'enum', default: 'adamMixed', options: MEMORY_OPTIMIZERS },
  zeroStage: { type: 'number', default: 0, min: 0, max: 3, integer: true },
  gpus: { type: 'number', default: 1, min: 1, max: 1e6, integer: true },
  gpuMemoryGB: { type: 'number', default: 80, min: 1, max: 1e4 },
} satisfies Schema;

/** Defaults: Llama-3-8B-like (32 layers, 8 KV heads of 128 dims, grouped-query attention) served in bf16 on an H100. */
export const inferenceCostSchema = {
  params: { type: 'number', default: 8e9, min: 1, max: 1e15 },
  bytesPerParam: { type: 'number', default: 2, min: 0.125, max: 8 },
  layers: { type: 'number', default: 32, min: 1, max: 1000, integer: true },
  kvHeads: { type: 'number', default: 8, min: 1, max: 1000, integer: true },
  headDim: { type: 'number', default: 128, min: 1, max: 4096, integer: true },
  bytesPerValue: { type: 'number', default: 2, min: 0.125, max: 8 },
  context: { type: 'number', default: 4096, min: 1, max: 1e8, integer: true },
  batch: { type: 'number', default: 32, min: 1, max: 1e5, integer: true },
  /** H100 SXM HBM3 bandwidth, B/s. */
  bandwidth: { type: 'number', default: 3.35e12, min: 1e9, max: 1e15 },
  peakFlops: { type: 'number', default: 989.4e12, min: 1e9, max: 1e18 },
  mfu: { type: 'number', default: 0.4, min: 0, max: 1 },
  pricePerGpuHour: { type: 'number', default: 2.5, min: 0, max: 1e4 },
} satisfies Schema;

export const unitEconomicsSchema = {
  arpu: { type: 'number', default: 20, min: 0, max: 1e7 },
  tokensPerUser: { type: 'number', default: 2e7, min: 0, max: 1e13 },
  costPerMillion: { type: 'number', default: 0.5, min: 0, max: 1e4 },
  otherCogs: { type: 'number', default: 1, min: 0, max: 1e7 },
  churn: { type: 'number', default: 0.05, min: 0, max: 1 },
  cac: { type: 'number', default: 60, min: 0, max: 1e8 },
  discount: { type: 'number', default: 0, min: 0, max: 1 },
} satisfies Schema;

export const RUNWAY_HORIZON_MONTHS = 120;

export const runwaySchema = {
  cash: { type: 'number', default: 3e6, min: 0, max: 1e13 },
  burn: { type: 'number', default: 2.5e5, min: 0, max: 1e12 },
  revenue: { type: 'number', default: 3e4, min: 0, max: 1e12 },
  growth: { type: 'number', default: 0.08, min: -1, max: 10 },
  expenseGrowth: { type: 'number', default: 0.01, min: -1, max: 10 },
  growthSd: { type: 'number', default: 0.05, min: 0, max: 5 },
  runs: { type: 'number', default: 500, min: 1, max: 5000, integer: true },
  seed: { type: 'number', default: 1, min: 0, max: 2 ** 31 - 1, integer: true },
} satisfies Schema;

export const MAX_SAFES = 5;

/**
 * Defaults reproduce the YC post-money SAFE user guide, appendix II, example 1 (company capitalisation 11,764,705;
 * SAFE shares 588,235 and 1,176,470; Series A price 1.1144). The guide's table: 9,250,000 founder shares, 300,000
 * options outstanding, 350,000 promised options and 100,000 options unissued in the pool; Investor A, $200,000 at a
 * $4M post-money cap; Investor B, $800,000 at an $8M cap; a $5M Series A at $15M pre-money with the unissued pool
 * topped up to 10 % post-money. There is no key for granted or promised options, so founderShares holds the founders'
 * 9,250,000 plus those 650,000 options (they count in the capitalisation like common stock and are not part of the
 * unissued pool the target applies to); pool is the 100,000 unissued. The guide rounds its pool increase to 1,695,000
 * and prices at $1.1144; the exact 10 % needs 1,694,570 shares and gives $1.11447 (see cap-table.test.ts).
 */
export const capTableSchema = {
  founderShares: { type: 'number', default: 9_900_000, min: 0, max: 1e12, integer: true },
  pool: { type: 'number', default: 100_000, min: 0, max: 1e12, integer: true },
  safe1Amount: { type: 'number', default: 200_000, min: 0, max: 1e11 },
  safe1Cap: { type: 'number', default: 4_000_000, min: 0, max: 1e13 },
  safe2Amount: { type: 'number', default: 800_000, min: 0, max: 1e11 },
  safe2Cap: { type: 'number', default: 8_000_000, min: 0, max: 1e13 },
  safe3Amount: { type: 'number', default: 0, min: 0, max: 1e11 },
  safe3Cap: { type: 'number', default: 0, min: 0, max: 1e13 },
  safe4Amount: { type: 'number', default: 0, min: 0, max: 1e11 },
  safe4Cap: { type: 'number', default: 0, min: 0, max: 1e13 },
  safe5Amount: { type: 'number', default: 0, min: 0, max: 1e11 },
  safe5Cap: { type: 'number', default: 0, min: 0, max: 1e13 },
  preMoney: { type: 'number', default: 15_000_000, min: 0, max: 1e13 },
  raise: { type: 'number', default: 5_000_000, min: 0, max: 1e12 },
  poolTargetPercent: { type: 'number', default: 10, min: 0, max: 100 },
} satisfies Schema;

export const BUDGET_LINES = ['data', 'model', 'marketing', 'team', 'users', 'optimization'] as const;
export type BudgetLine = (typeof BUDGET_LINES)[number];
export const BUDGET_CURVES = ['log', 'hill'] as const;

/** Per-line defaults: a (scale of the outcome), b (the spend at which the curve bends), min and max spend. */
const LINE_DEFAULTS: Record<BudgetLine, { a: number; b: number; min: number; max: number }> = {
  data: { a: 30, b: 100_000, min: 0, max: 1e9 },
  model: { a: 25, b: 200_000, min: 50_000, max: 1e9 },
  marketing: { a: 20, b: 50_000, min: 0, max: 1e9 },
  team: { a: 40, b: 300_000, min: 100_000, max: 1e9 },
  users: { a: 15, b: 50_000, min: 0, max: 1e9 },
  optimization: { a: 10, b: 50_000, min: 0, max: 1e9 },
};

export const budgetAllocatorSchema = {
  budget: { type: 'number', default: 1_000_000, min: 0, max: 1e13 },
  curve: { type: 'enum', default: 'log', options: BUDGET_CURVES },
  ...Object.fromEntries(
    BUDGET_LINES.flatMap((line) => {
      const d = LINE_DEFAULTS[line];
      return [
        [`${line}A`, { type: 'number', default: d.a, min: 0, max: BIG }],
        [`${line}B`, { type: 'number', default: d.b, min: 1e-9, max: BIG }],
        [`${line}Min`, { type: 'number', default: d.min, min: 0, max: 1e13 }],
        [`${line}Max`, { type: 'number', default: d.max, min: 0, max: 1e13 }],
      ];
    }),
  ),
} as {
  budget: { type: 'number'; default: number; min: number; max: number };
  curve: { type: 'enum'; default: 'log'; options: typeof BUDGET_CURVES };
} & Record<`${BudgetLine}${'A' | 'B' | 'Min' | 'Max'}`, { type: 'number'; default: number; min: number; max: number }>;

export type TrainingCostInputs = Values<typeof trainingCostSchema>;
export type ComputeOptimalInputs = Values<typeof computeOptimalSchema>;
export type MemoryFitInputs = Values<typeof memoryFitSchema>;
export type InferenceCostInputs = Values<typeof inferenceCostSchema>;
export type UnitEconomicsInputs = Values<typeof unitEconomicsSchema>;
export type RunwayInputs = Values<typeof runwaySchema>;
export type CapTableInputs = Values<typeof capTableSchema>;
export type BudgetAllocatorInputs = Values<typeof budgetAllocatorSchema>;
