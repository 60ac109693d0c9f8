import type { CalculatorId } from '@/lib/finance';
import { BUDGET_LINES } from '@/lib/finance/schemas';
import type { Text } from '@/lib/finance/result';
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

const T = (en: string, zh: string): Text => ({ en, zh });
const USD = T('USD', '美元');
const USD_H = T('USD per GPU-hour', '美元/GPU·小时');
const FRACTION = T('0–1', '0–1');
const PER_MONTH = T('per month, 0–1', '每月，0–1');

const params: InputSpec = { key: 'params', label: T('Parameters N', '参数量 N'), hint: T('e.g. 7e9 for 7 billion', '例如 7e9 表示 70 亿') };
const peakFlops: InputSpec = {
  key: 'peakFlops',
  label: T('Peak FLOP/s per GPU', '单卡峰值 FLOP/s'),
  hint: T('H100 SXM dense BF16: 989.4e12; A100: 312e12', 'H100 SXM 稠密 BF16：989.4e12；A100：312e12'),
};
const mfu: InputSpec = {
  key: 'mfu',
  label: T('Model FLOPs utilisation (MFU)', '模型算力利用率（MFU）'),
  unit: FRACTION,
  hint: T('Large runs reach 0.38–0.46', '大规模训练通常为 0.38–0.46'),
};
const price: InputSpec = { key: 'pricePerGpuHour', label: T('Price', '价格'), unit: USD_H };

export const CALCULATOR_UI: Record<CalculatorId, CalculatorUi> = {
  trainingCost: {
    title: T('Training cost: 6·N·D FLOPs → GPU-hours → dollars', '训练成本：6·N·D 次浮点运算 → GPU 小时 → 美元'),
    inputs: [params, { key: 'tokens', label: T('Training tokens D', '训练 token 数 D') }, peakFlops, mfu, { key: 'gpus', label: T('GPUs', 'GPU 数量') }, price],
    advanced: [{ key: 'overhead', label: T('Overhead multiplier', '额外开销倍数'), hint: T('Failed runs, evaluation, storage: 1 = none', '失败的训练、评估、存储；1 表示没有') }],
    outputs: [
      { key: 'flops', label: T('Training compute', '训练算力'), format: 'sci', digits: 2, unit: T('FLOPs', '次浮点运算') },
      { key: 'gpuHours', label: T('GPU-hours', 'GPU 小时'), format: 'count' },
      { key: 'days', label: T('Wall-clock days', '墙钟天数'), format: 'number', digits: 1 },
      { key: 'cost', label: T('Cost', '成本'), format: 'usd' },
    ],
    Chart: TrainingCostChart,
  },
  computeOptimal: {
    title: T('Compute-optimal model for a budget (Chinchilla)', '给定算力的最优模型（Chinchilla）'),
    inputs: [
      { key: 'flops', label: T('Compute budget C', '算力预算 C'), unit: T('FLOPs', '次浮点运算'), hint: T('e.g. 1e23', '例如 1e23') },
      {
        key: 'fit',
        label: T('Scaling-law fit', '缩放定律拟合'),
        options: {
          besiroglu2024: T('Besiroglu et al. 2024 (replication)', 'Besiroglu 等 2024（复现）'),
          hoffmann2022: T('Hoffmann et al. 2022 (Chinchilla)', 'Hoffmann 等 2022（Chinchilla）'),
        },
      },
      {
        key: 'inferenceTokens',
        label: T('Tokens to serve over the model’s life', '模型生命周期内要服务的 token 数'),
        hint: T('0 = training compute only', '0 表示只考虑训练算力'),
      },
    ],
    outputs: [
      { key: 'params', label: T('Parameters N*', '参数量 N*'), format: 'params' },
      { key: 'tokens', label: T('Training tokens D*', '训练 token 数 D*'), format: 'sci', digits: 2 },
      { key: 'tokensPerParam', label: T('Tokens per parameter', '每参数 token 数'), format: 'number', digits: 1 },
      { key: 'loss', label: T('Predicted loss', '预测损失'), format: 'number', digits: 3, unit: T('nats/token', 'nats/token') },
    ],
    Chart: ComputeOptimalChart,
  },
  memoryFit: {
    title: T('Does it fit? Memory per GPU', '放得下吗？每张 GPU 的显存'),
    inputs: [
      params,
      { key: 'mode', label: T('Mode', '模式'), options: { train: T('Training', '训练'), infer: T('Inference', '推理') } },
      {
        key: 'precision',
        label: T('Weight precision (inference)', '权重精度（推理）'),
        options: { fp32: T('FP32 · 4 B', 'FP32 · 4 B'), bf16: T('BF16 · 2 B', 'BF16 · 2 B'), int8: T('INT8 · 1 B', 'INT8 · 1 B'), int4: T('INT4 · 0.5 B', 'INT4 · 0.5 B') },
      },
      {
        key: 'optimizer',
        label: T('Optimizer (training)', '优化器（训练）'),
        options: {
          adamMixed: T('Adam, mixed precision (16 B/param)', 'Adam 混合精度（16 B/参数）'),
          adam8bit: T('8-bit Adam (10 B/param)', '8 位 Adam（10 B/参数）'),
          sgdMomentum: T('SGD with momentum (12 B/param)', '带动量的 SGD（12 B/参数）'),
        },
      },
      { key: 'zeroStage', label: T('ZeRO stage (0–3)', 'ZeRO 阶段（0–3）'), hint: T('1 shards optimizer state, 2 also gradients, 3 also weights', '1 切分优化器状态，2 再切分梯度，3 再切分权重') },
      { key: 'gpus', label: T('GPUs', 'GPU 数量') },
      { key: 'gpuMemoryGB', label: T('Memory per GPU', '单卡显存'), unit: T('GB', 'GB') },
    ],
    outputs: [
      { key: 'bytesPerGpu', label: T('Memory per GPU', '每卡所需显存'), format: 'bytes' },
      { key: 'fits', label: T('Fits?', '放得下？'), format: 'yesno' },
    ],
    Chart: MemoryFitChart,
  },
  inferenceCost: {
    title: T('Inference cost per million tokens', '每百万 token 的推理成本'),
    inputs: [
      params,
      { key: 'bytesPerParam', label: T('Bytes per weight', '每个权重的字节数'), hint: T('2 for bf16, 1 for int8, 0.5 for int4', 'bf16 为 2，int8 为 1，int4 为 0.5') },
      { key: 'batch', label: T('Batch (concurrent sequences)', '批大小（并发序列数）') },
      { key: 'context', label: T('Context length', '上下文长度'), unit: T('tokens', 'token') },
      { key: 'bandwidth', label: T('Memory bandwidth', '显存带宽'), unit: T('B/s', 'B/s'), hint: T('H100 SXM: 3.35e12', 'H100 SXM：3.35e12') },
      price,
    ],
    advanced: [
      { key: 'layers', label: T('Layers', '层数') },
      { key: 'kvHeads', label: T('KV heads', 'KV 头数') },
      { key: 'headDim', label: T('Head dimension', '每头维度') },
      { key: 'bytesPerValue', label: T('Bytes per KV-cache value', 'KV 缓存每个值的字节数') },
      peakFlops,
      mfu,
    ],
    outputs: [
      { key: 'kvBytesPerToken', label: T('KV cache per token', '每 token 的 KV 缓存'), format: 'bytes', digits: 1 },
      { key: 'stepSeconds', label: T('Decode step', '每步解码时间'), format: 'number', digits: 4, unit: T('s', '秒') },
      { key: 'tokensPerSecond', label: T('Throughput', '吞吐量'), format: 'count', unit: T('tokens/s', 'token/秒') },
      { key: 'costPerMillion', label: T('Cost per million tokens', '每百万 token 成本'), format: 'usd' },
    ],
    Chart: InferenceCostChart,
  },
  unitEconomics: {
    title: T('Unit economics: does a user make money?', '单位经济：一个用户赚钱吗？'),
    inputs: [
      { key: 'arpu', label: T('Revenue per user (ARPU)', '每用户月收入（ARPU）'), unit: T('USD per month', '美元/月') },
      { key: 'tokensPerUser', label: T('Tokens per user', '每用户 token 用量'), unit: T('per month', '每月') },
      { key: 'costPerMillion', label: T('Cost per million tokens', '每百万 token 成本'), unit: USD },
      { key: 'otherCogs', label: T('Other cost of serving a user', '其他单用户服务成本'), unit: T('USD per month', '美元/月') },
      { key: 'churn', label: T('Churn', '流失率'), unit: PER_MONTH },
      { key: 'cac', label: T('Customer acquisition cost (CAC)', '获客成本（CAC）'), unit: USD },
    ],
    advanced: [{ key: 'discount', label: T('Discount rate', '折现率'), unit: PER_MONTH, hint: T('0 = undiscounted LTV', '0 表示不折现') }],
    outputs: [
      { key: 'grossMargin', label: T('Gross margin', '毛利率'), format: 'percent' },
      { key: 'ltv', label: T('Lifetime value (LTV)', '生命周期价值（LTV）'), format: 'usd' },
      { key: 'ltvToCac', label: T('LTV / CAC', 'LTV / CAC'), format: 'multiple' },
      { key: 'paybackMonths', label: T('CAC payback', 'CAC 回收期'), format: 'months', digits: 1 },
    ],
    Chart: UnitEconomicsChart,
  },
  runway: {
    title: T('Runway: default alive or default dead?', '跑道：默认存活还是默认死亡？'),
    inputs: [
      { key: 'cash', label: T('Cash in the bank', '账上现金'), unit: USD },
      { key: 'burn', label: T('Monthly expenses', '月支出'), unit: USD },
      { key: 'revenue', label: T('Monthly revenue now', '当前月收入'), unit: USD },
      { key: 'growth', label: T('Revenue growth', '收入增长率'), unit: PER_MONTH },
      { key: 'expenseGrowth', label: T('Expense growth', '支出增长率'), unit: PER_MONTH },
    ],
    advanced: [
      { key: 'growthSd', label: T('Spread of monthly growth (s.d.)', '月增长率的波动（标准差）') },
      { key: 'runs', label: T('Monte Carlo runs', '蒙特卡洛模拟次数') },
      { key: 'seed', label: T('Random seed', '随机种子') },
    ],
    outputs: [
      { key: 'months', label: T('Runway', '跑道'), format: 'months' },
      { key: 'breakEvenMonth', label: T('Break-even', '盈亏平衡'), format: 'month' },
      { key: 'cumulativeBurn', label: T('Cash spent before break-even', '盈亏平衡前净消耗'), format: 'usd' },
      { key: 'defaultAlive', label: T('Default alive?', '默认存活？'), format: 'yesno' },
      { key: 'pAlive', label: T('Chance of default alive (Monte Carlo)', '默认存活的概率（蒙特卡洛）'), format: 'percent', digits: 0 },
    ],
    Chart: RunwayChart,
  },
  capTable: {
    title: T('Cap table: post-money SAFEs and a priced round', '股权结构表：投后 SAFE 与定价轮'),
    inputs: [
      { key: 'founderShares', label: T('Founders’ shares', '创始人股数') },
      { key: 'pool', label: T('Unissued option pool', '未发放期权池'), unit: T('shares', '股') },
      ...[1, 2, 3, 4, 5].flatMap((i): InputSpec[] => [
        { key: `safe${i}Amount`, label: T(`SAFE ${i}: amount`, `SAFE ${i}：金额`), unit: USD },
        { key: `safe${i}Cap`, label: T(`SAFE ${i}: post-money cap`, `SAFE ${i}：投后估值上限`), unit: USD },
      ]),
      { key: 'preMoney', label: T('Series A pre-money valuation', 'A 轮投前估值'), unit: USD },
      { key: 'raise', label: T('Series A raise', 'A 轮融资额'), unit: USD },
      { key: 'poolTargetPercent', label: T('Option pool after the round', '本轮后期权池占比'), unit: T('% of post-money', '占投后股本 %') },
    ],
    outputs: [
      { key: 'companyCapitalization', label: T('Company capitalisation', '公司股本（SAFE 口径）'), format: 'count' },
      ...[1, 2, 3, 4, 5].map((i) => ({ key: `safe${i}Shares`, label: T(`SAFE ${i} shares`, `SAFE ${i} 股数`), format: 'count' as const })),
      { key: 'seriesPrice', label: T('Series A price per share', 'A 轮每股价格'), format: 'usd', digits: 4 },
      { key: 'founderPercentAfter', label: T('Founders after the round', '本轮后创始人持股'), format: 'number', digits: 2, unit: T('%', '%') },
    ],
    Chart: CapTableChart,
  },
  budgetAllocator: {
    title: T('Budget allocator: where the next dollar goes', '预算分配：下一块钱该花在哪'),
    inputs: [
      { key: 'budget', label: T('Budget', '预算'), unit: USD },
      {
        key: 'curve',
        label: T('Response curves', '回报曲线'),
        options: { log: T('Diminishing: a·ln(1 + x/b)', '递减：a·ln(1 + x/b)'), hill: T('S-shaped: a·x²/(b² + x²)', 'S 形：a·x²/(b² + x²)') },
      },
    ],
    advanced: BUDGET_LINES.flatMap((line): InputSpec[] => {
      const name = LINE_NAMES[line];
      return [
        { key: `${line}A`, label: T(`${name.en}: a (scale)`, `${name.zh}：a（规模）`) },
        { key: `${line}B`, label: T(`${name.en}: b (bend)`, `${name.zh}：b（拐点）`), unit: USD },
        { key: `${line}Min`, label: T(`${name.en}: minimum`, `${name.zh}：下限`), unit: USD },
        { key: `${line}Max`, label: T(`${name.en}: maximum`, `${name.zh}：上限`), unit: USD },
      ];
    }),
    outputs: [
      ...BUDGET_LINES.map((line) => ({ key: line, label: LINE_NAMES[line], format: 'usd' as const })),
      { key: 'outcome', label: T('Outcome at the optimum', '最优分配的产出'), format: 'number', digits: 2 },
      { key: 'equalSplitOutcome', label: T('Outcome of an equal split', '平均分配的产出'), format: 'number', digits: 2 },
      { key: 'marginal', label: T('Common marginal return λ', '共同的边际回报 λ'), format: 'sci', digits: 3, unit: T('per USD', '每美元') },
    ],
    Chart: BudgetChart,
  },
};
