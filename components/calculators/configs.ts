import type { CalculatorId } from '@/lib/finance';
import { BUDGET_LINES } from '@/lib/finance/schemas';
import type { Bilingual } from '@/lib/i18n';
import {
  BudgetChart,
  CapTableChart,
  ComputeOptimalChart,
  InferenceCostChart,
  MemoryFitChart,
  RunwayChart,
  TrainingCostChart,
  UnitEconomicsChart,
} from './charts';
import { LINE_NAMES } from './line-names';
import type { CalculatorUi, InputSpec } from './types';

const USD: Bilingual = { zh: '美元', en: 'USD' };
const USD_H: Bilingual = { zh: '美元/GPU·小时', en: 'USD per GPU-hour' };
const FRACTION: Bilingual = { zh: '0–1', en: '0–1' };
const PER_MONTH: Bilingual = { zh: '每月，0–1', en: 'per month, 0–1' };

const params: InputSpec = { key: 'params', label: { zh: '参数量 N', en: 'Parameters N' }, hint: { zh: '例如 7e9 表示 70 亿', en: 'e.g. 7e9 for 7 billion' } };
const peakFlops: InputSpec = {
  key: 'peakFlops',
  label: { zh: '单卡峰值 FLOP/s', en: 'Peak FLOP/s per GPU' },
  hint: { zh: 'H100 SXM 稠密 BF16：989.4e12；A100：312e12', en: 'H100 SXM dense BF16: 989.4e12; A100: 312e12' },
};
const mfu: InputSpec = {
  key: 'mfu',
  label: { zh: '模型算力利用率（MFU）', en: 'Model FLOPs utilisation (MFU)' },
  unit: FRACTION,
  hint: { zh: '大规模训练通常为 0.38–0.46', en: 'Large runs reach 0.38–0.46' },
};
const price: InputSpec = { key: 'pricePerGpuHour', label: { zh: '价格', en: 'Price' }, unit: USD_H };

export const CALCULATOR_UI: Record<CalculatorId, CalculatorUi> = {
  trainingCost: {
    title: { zh: '训练成本：6·N·D 次浮点运算 → GPU 小时 → 美元', en: 'Training cost: 6·N·D FLOPs → GPU-hours → dollars' },
    inputs: [params, { key: 'tokens', label: { zh: '训练 token 数 D', en: 'Training tokens D' } }, peakFlops, mfu, { key: 'gpus', label: { zh: 'GPU 数量', en: 'GPUs' } }, price],
    advanced: [{ key: 'overhead', label: { zh: '额外开销倍数', en: 'Overhead multiplier' }, hint: { zh: '失败的训练、评估、存储；1 表示没有', en: 'Failed runs, evaluation, storage: 1 = none' } }],
    outputs: [
      { key: 'flops', label: { zh: '训练算力', en: 'Training compute' }, format: 'sci', digits: 2, unit: { zh: '次浮点运算', en: 'FLOPs' } },
      { key: 'gpuHours', label: { zh: 'GPU 小时', en: 'GPU-hours' }, format: 'count' },
      { key: 'days', label: { zh: '墙钟天数', en: 'Wall-clock days' }, format: 'number', digits: 1 },
      { key: 'cost', label: { zh: '成本', en: 'Cost' }, format: 'usd' },
    ],
    Chart: TrainingCostChart,
  },
  computeOptimal: {
    title: { zh: '给定算力的最优模型（Chinchilla）', en: 'Compute-optimal model for a budget (Chinchilla)' },
    inputs: [
      { key: 'flops', label: { zh: '算力预算 C', en: 'Compute budget C' }, unit: { zh: '次浮点运算', en: 'FLOPs' }, hint: { zh: '例如 1e23', en: 'e.g. 1e23' } },
      {
        key: 'fit',
        label: { zh: '缩放定律拟合', en: 'Scaling-law fit' },
        options: {
          besiroglu2024: { zh: 'Besiroglu 等 2024（复现）', en: 'Besiroglu et al. 2024 (replication)' },
          hoffmann2022: { zh: 'Hoffmann 等 2022（Chinchilla）', en: 'Hoffmann et al. 2022 (Chinchilla)' },
        },
      },
      {
        key: 'inferenceTokens',
        label: { zh: '模型生命周期内要服务的 token 数', en: 'Tokens to serve over the model’s life' },
        hint: { zh: '0 表示只考虑训练算力', en: '0 = training compute only' },
      },
    ],
    outputs: [
      { key: 'params', label: { zh: '参数量 N*', en: 'Parameters N*' }, format: 'params' },
      { key: 'tokens', label: { zh: '训练 token 数 D*', en: 'Training tokens D*' }, format: 'sci', digits: 2 },
      { key: 'tokensPerParam', label: { zh: '每参数 token 数', en: 'Tokens per parameter' }, format: 'number', digits: 1 },
      { key: 'loss', label: { zh: '预测损失', en: 'Predicted loss' }, format: 'number', digits: 3, unit: { zh: 'nats/token', en: 'nats/token' } },
    ],
    Chart: ComputeOptimalChart,
  },
  memoryFit: {
    title: { zh: '放得下吗？每张 GPU 的显存', en: 'Does it fit? Memory per GPU' },
    inputs: [
      params,
      { key: 'mode', label: { zh: '模式', en: 'Mode' }, options: { train: { zh: '训练', en: 'Training' }, infer: { zh: '推理', en: 'Inference' } } },
      {
        key: 'precision',
        label: { zh: '权重精度（推理）', en: 'Weight precision (inference)' },
        options: { fp32: { zh: 'FP32 · 4 B', en: 'FP32 · 4 B' }, bf16: { zh: 'BF16 · 2 B', en: 'BF16 · 2 B' }, int8: { zh: 'INT8 · 1 B', en: 'INT8 · 1 B' }, int4: { zh: 'INT4 · 0.5 B', en: 'INT4 · 0.5 B' } },
      },
      {
        key: 'optimizer',
        label: { zh: '优化器（训练）', en: 'Optimizer (training)' },
        options: {
          adamMixed: { zh: 'Adam 混合精度（16 B/参数）', en: 'Adam, mixed precision (16 B/param)' },
          adam8bit: { zh: '8 位 Adam（10 B/参数）', en: '8-bit Adam (10 B/param)' },
          sgdMomentum: { zh: '带动量的 SGD（12 B/参数）', en: 'SGD with momentum (12 B/param)' },
        },
      },
      { key: 'zeroStage', label: { zh: 'ZeRO 阶段（0–3）', en: 'ZeRO stage (0–3)' }, hint: { zh: '1 切分优化器状态，2 再切分梯度，3 再切分权重', en: '1 shards optimizer state, 2 also gradients, 3 also weights' } },
      { key: 'gpus', label: { zh: 'GPU 数量', en: 'GPUs' } },
      { key: 'gpuMemoryGB', label: { zh: '单卡显存', en: 'Memory per GPU' }, unit: { zh: 'GB', en: 'GB' } },
    ],
    outputs: [
      { key: 'bytesPerGpu', label: { zh: '每卡所需显存', en: 'Memory per GPU' }, format: 'bytes' },
      { key: 'fits', label: { zh: '放得下？', en: 'Fits?' }, format: 'yesno' },
    ],
    Chart: MemoryFitChart,
  },
  inferenceCost: {
    title: { zh: '每百万 token 的推理成本', en: 'Inference cost per million tokens' },
    inputs: [
      params,
      { key: 'bytesPerParam', label: { zh: '每个权重的字节数', en: 'Bytes per weight' }, hint: { zh: 'bf16 为 2，int8 为 1，int4 为 0.5', en: '2 for bf16, 1 for int8, 0.5 for int4' } },
      { key: 'batch', label: { zh: '批大小（并发序列数）', en: 'Batch (concurrent sequences)' } },
      { key: 'context', label: { zh: '上下文长度', en: 'Context length' }, unit: { zh: 'token', en: 'tokens' } },
      { key: 'bandwidth', label: { zh: '显存带宽', en: 'Memory bandwidth' }, unit: { zh: 'B/s', en: 'B/s' }, hint: { zh: 'H100 SXM：3.35e12', en: 'H100 SXM: 3.35e12' } },
      price,
    ],
    advanced: [
      { key: 'layers', label: { zh: '层数', en: 'Layers' } },
      { key: 'kvHeads', label: { zh: 'KV 头数', en: 'KV heads' } },
      { key: 'headDim', label: { zh: '每头维度', en: 'Head dimension' } },
      { key: 'bytesPerValue', label: { zh: 'KV 缓存每个值的字节数', en: 'Bytes per KV-cache value' } },
      peakFlops,
      mfu,
    ],
    outputs: [
      { key: 'kvBytesPerToken', label: { zh: '每 token 的 KV 缓存', en: 'KV cache per token' }, format: 'bytes', digits: 1 },
      { key: 'stepSeconds', label: { zh: '每步解码时间', en: 'Decode step' }, format: 'number', digits: 4, unit: { zh: '秒', en: 's' } },
      { key: 'tokensPerSecond', label: { zh: '吞吐量', en: 'Throughput' }, format: 'count', unit: { zh: 'token/秒', en: 'tokens/s' } },
      { key: 'costPerMillion', label: { zh: '每百万 token 成本', en: 'Cost per million tokens' }, format: 'usd' },
    ],
    Chart: InferenceCostChart,
  },
  unitEconomics: {
    title: { zh: '单位经济：一个用户赚钱吗？', en: 'Unit economics: does a user make money?' },
    inputs: [
      { key: 'arpu', label: { zh: '每用户月收入（ARPU）', en: 'Revenue per user (ARPU)' }, unit: { zh: '美元/月', en: 'USD per month' } },
      { key: 'tokensPerUser', label: { zh: '每用户 token 用量', en: 'Tokens per user' }, unit: { zh: '每月', en: 'per month' } },
      { key: 'costPerMillion', label: { zh: '每百万 token 成本', en: 'Cost per million tokens' }, unit: USD },
      { key: 'otherCogs', label: { zh: '其他单用户服务成本', en: 'Other cost of serving a user' }, unit: { zh: '美元/月', en: 'USD per month' } },
      { key: 'churn', label: { zh: '流失率', en: 'Churn' }, unit: PER_MONTH },
      { key: 'cac', label: { zh: '获客成本（CAC）', en: 'Customer acquisition cost (CAC)' }, unit: USD },
    ],
    advanced: [{ key: 'discount', label: { zh: '折现率', en: 'Discount rate' }, unit: PER_MONTH, hint: { zh: '0 表示不折现', en: '0 = undiscounted LTV' } }],
    outputs: [
      { key: 'grossMargin', label: { zh: '毛利率', en: 'Gross margin' }, format: 'percent' },
      { key: 'ltv', label: { zh: '生命周期价值（LTV）', en: 'Lifetime value (LTV)' }, format: 'usd' },
      { key: 'ltvToCac', label: { zh: 'LTV / CAC', en: 'LTV / CAC' }, format: 'multiple' },
      { key: 'paybackMonths', label: { zh: 'CAC 回收期', en: 'CAC payback' }, format: 'months', digits: 1 },
    ],
    Chart: UnitEconomicsChart,
  },
  runway: {
    title: { zh: '跑道：默认存活还是默认死亡？', en: 'Runway: default alive or default dead?' },
    inputs: [
      { key: 'cash', label: { zh: '账上现金', en: 'Cash in the bank' }, unit: USD },
      { key: 'burn', label: { zh: '月支出', en: 'Monthly expenses' }, unit: USD },
      { key: 'revenue', label: { zh: '当前月收入', en: 'Monthly revenue now' }, unit: USD },
      { key: 'growth', label: { zh: '收入增长率', en: 'Revenue growth' }, unit: PER_MONTH },
      { key: 'expenseGrowth', label: { zh: '支出增长率', en: 'Expense growth' }, unit: PER_MONTH },
    ],
    advanced: [
      { key: 'growthSd', label: { zh: '月增长率的波动（标准差）', en: 'Spread of monthly growth (s.d.)' } },
      { key: 'runs', label: { zh: '蒙特卡洛模拟次数', en: 'Monte Carlo runs' } },
      { key: 'seed', label: { zh: '随机种子', en: 'Random seed' } },
    ],
    outputs: [
      { key: 'months', label: { zh: '跑道', en: 'Runway' }, format: 'months' },
      { key: 'breakEvenMonth', label: { zh: '盈亏平衡', en: 'Break-even' }, format: 'month' },
      { key: 'cumulativeBurn', label: { zh: '盈亏平衡前净消耗', en: 'Cash spent before break-even' }, format: 'usd' },
      { key: 'defaultAlive', label: { zh: '默认存活？', en: 'Default alive?' }, format: 'yesno' },
      { key: 'pAlive', label: { zh: '默认存活的概率（蒙特卡洛）', en: 'Chance of default alive (Monte Carlo)' }, format: 'percent', digits: 0 },
    ],
    Chart: RunwayChart,
  },
  capTable: {
    title: { zh: '股权结构表：投后 SAFE 与定价轮', en: 'Cap table: post-money SAFEs and a priced round' },
    inputs: [
      { key: 'founderShares', label: { zh: '创始人股数', en: 'Founders’ shares' } },
      { key: 'pool', label: { zh: '未发放期权池', en: 'Unissued option pool' }, unit: { zh: '股', en: 'shares' } },
      ...[1, 2, 3, 4, 5].flatMap((i): InputSpec[] => [
        { key: `safe${i}Amount`, label: { zh: `SAFE ${i}：金额`, en: `SAFE ${i}: amount` }, unit: USD },
        { key: `safe${i}Cap`, label: { zh: `SAFE ${i}：投后估值上限`, en: `SAFE ${i}: post-money cap` }, unit: USD },
      ]),
      { key: 'preMoney', label: { zh: 'A 轮投前估值', en: 'Series A pre-money valuation' }, unit: USD },
      { key: 'raise', label: { zh: 'A 轮融资额', en: 'Series A raise' }, unit: USD },
      { key: 'poolTargetPercent', label: { zh: '本轮后期权池占比', en: 'Option pool after the round' }, unit: { zh: '占投后股本 %', en: '% of post-money' } },
    ],
    outputs: [
      { key: 'companyCapitalization', label: { zh: '公司股本（SAFE 口径）', en: 'Company capitalisation' }, format: 'count' },
      ...[1, 2, 3, 4, 5].map((i) => ({ key: `safe${i}Shares`, label: { zh: `SAFE ${i} 股数`, en: `SAFE ${i} shares` }, format: 'count' as const })),
      { key: 'seriesPrice', label: { zh: 'A 轮每股价格', en: 'Series A price per share' }, format: 'usd', digits: 4 },
      { key: 'founderPercentAfter', label: { zh: '本轮后创始人持股', en: 'Founders after the round' }, format: 'number', digits: 2, unit: { zh: '%', en: '%' } },
    ],
    Chart: CapTableChart,
  },
  budgetAllocator: {
    title: { zh: '预算分配：下一块钱该花在哪', en: 'Budget allocator: where the next dollar goes' },
    inputs: [
      { key: 'budget', label: { zh: '预算', en: 'Budget' }, unit: USD },
      {
        key: 'curve',
        label: { zh: '回报曲线', en: 'Response curves' },
        options: { log: { zh: '递减：a·ln(1 + x/b)', en: 'Diminishing: a·ln(1 + x/b)' }, hill: { zh: 'S 形：a·x²/(b² + x²)', en: 'S-shaped: a·x²/(b² + x²)' } },
      },
    ],
    advanced: BUDGET_LINES.flatMap((line): InputSpec[] => {
      const name = LINE_NAMES[line];
      return [
        { key: `${line}A`, label: { zh: `${name.zh}：a（规模）`, en: `${name.en}: a (scale)` } },
        { key: `${line}B`, label: { zh: `${name.zh}：b（拐点）`, en: `${name.en}: b (bend)` }, unit: USD },
        { key: `${line}Min`, label: { zh: `${name.zh}：下限`, en: `${name.en}: minimum` }, unit: USD },
        { key: `${line}Max`, label: { zh: `${name.zh}：上限`, en: `${name.en}: maximum` }, unit: USD },
      ];
    }),
    outputs: [
      ...BUDGET_LINES.map((line) => ({ key: line, label: LINE_NAMES[line], format: 'usd' as const })),
      { key: 'outcome', label: { zh: '最优分配的产出', en: 'Outcome at the optimum' }, format: 'number', digits: 2 },
      { key: 'equalSplitOutcome', label: { zh: '平均分配的产出', en: 'Outcome of an equal split' }, format: 'number', digits: 2 },
      { key: 'marginal', label: { zh: '共同的边际回报 λ', en: 'Common marginal return λ' }, format: 'sci', digits: 3, unit: { zh: '每美元', en: 'per USD' } },
    ],
    Chart: BudgetChart,
  },
};
