'use client';

import { BarChart } from '@/components/charts/BarChart';
import { ChartFrame } from '@/components/charts/ChartFrame';
import { LineChart } from '@/components/charts/LineChart';
import { CALCULATORS } from '@/lib/finance';
import { chinchillaLoss } from '@/lib/finance/compute-optimal';
import { BUDGET_LINES, type ComputeOptimalFit } from '@/lib/finance/schemas';
import { formatBytes, formatNumber, formatParams, formatPercent, formatUsd } from '@/lib/format';
import { bilingual, type Bilingual, type Lang } from '@/lib/i18n';
import { LINE_NAMES } from './line-names';
import type { ChartProps } from './types';

const TEXT = bilingual({
  zh: {
    tableLabel: '以表格查看图中数据',
    trainingCost: {
      caption: (ratio: string) => `训练成本随模型规模变化（保持每参数 ${ratio} 个 token）。成本与 N² 成正比：参数翻倍，数据也翻倍。`,
      params: '参数量',
      cost: '成本',
      xLabel: '参数量 N',
      yLabel: '成本（美元）',
    },
    computeOptimal: {
      caption: (flops: string) => `固定算力 ${flops} FLOPs 时，损失随模型规模的变化（等算力曲线）。模型太小则欠拟合，太大则数据不够；最低点就是计算最优。`,
      params: '参数量',
      loss: '损失',
      xLabel: '参数量 N',
    },
    memoryFit: {
      caption: (cap: string) => `每张 GPU 上的显存构成，竖线是单卡显存 ${cap}。`,
      weights: '权重',
      gradients: '梯度',
      optimizer: '优化器状态',
      overhead: '推理额外开销',
      part: '部分',
      bytes: '每卡字节',
      perGpu: '每卡',
      gpuMemory: '单卡显存',
    },
    inferenceCost: {
      caption:
        '每百万 token 的成本随批大小的变化：小批量时每一步都要把全部权重读一遍，受带宽限制；批越大，权重读取被越多 token 分摊，直到 KV 缓存或算力成为瓶颈。',
      batch: '批大小',
      costPerMillion: '每百万 token 成本',
      cost: '成本',
      xLabel: '批大小',
      yLabel: '美元/百万 token',
    },
    unitEconomics: {
      caption: (arpu: string, losing: boolean) => `每个用户每月 ${arpu} 的收入去了哪里。${losing ? '成本已经超过收入：每多一个用户就多亏一笔。' : ''}`,
      compute: '算力成本',
      other: '其他成本',
      profit: '毛利',
      where: '去向',
      perUser: '每用户每月',
      arpu: '每用户月收入',
    },
    runway: {
      caption: '账上现金随时间的变化：实线是按平均增长率的路径，阴影是蒙特卡洛模拟的 10%–90% 区间，虚线是中位数。现金跌破 0 即为耗尽。',
      month: '月份',
      cash: '现金',
      band: '10%–90% 区间',
      path: '平均增长路径',
      median: '中位数',
      yLabel: '现金（美元）',
      outOfCash: '现金耗尽',
    },
    capTable: {
      caption: '融资前后每位持有人的持股比例。',
      tableLabel: '查看完整股权表',
      columns: ['持有人', '融资前股数', '融资前占比', '融资后股数', '融资后占比'],
      before: '融资前',
      after: '融资后',
    },
    budget: {
      caption: (grid: boolean) => `最优分配（各条线边际回报相等）与平均分配的对比。${grid ? '回报曲线是 S 形的，边际相等的规则可能错过最优解，这里改用网格搜索。' : ''}`,
      columns: ['预算线', '最优分配', '平均分配'],
      optimal: '最优分配',
      equal: '平均分配',
    },
  },
  en: {
    tableLabel: 'See the chart’s data as a table',
    trainingCost: {
      caption: (ratio: string) => `Training cost against model size, keeping ${ratio} tokens per parameter. Cost grows as N²: twice the parameters, twice the data.`,
      params: 'Parameters',
      cost: 'Cost',
      xLabel: 'Parameters N',
      yLabel: 'Cost (USD)',
    },
    computeOptimal: {
      caption: (flops: string) =>
        `Loss against model size at a fixed budget of ${flops} FLOPs (an iso-FLOP curve). Too small a model underfits, too large a one sees too little data; the bottom is compute-optimal.`,
      params: 'Parameters',
      loss: 'Loss',
      xLabel: 'Parameters N',
    },
    memoryFit: {
      caption: (cap: string) => `What each GPU must hold, against its ${cap} of memory (the vertical line).`,
      weights: 'Weights',
      gradients: 'Gradients',
      optimizer: 'Optimizer state',
      overhead: 'Serving overhead',
      part: 'Part',
      bytes: 'Bytes per GPU',
      perGpu: 'Per GPU',
      gpuMemory: 'GPU memory',
    },
    inferenceCost: {
      caption:
        'Cost per million tokens against batch size. At small batches every step reads all the weights and is bandwidth-bound; a bigger batch shares that read among more tokens, until the KV cache or compute binds.',
      batch: 'Batch',
      costPerMillion: 'Cost per million tokens',
      cost: 'Cost',
      xLabel: 'Batch size',
      yLabel: 'USD per million tokens',
    },
    unitEconomics: {
      caption: (arpu: string, losing: boolean) => `Where each user’s ${arpu} a month goes.${losing ? ' Costs exceed revenue: every extra user loses money.' : ''}`,
      compute: 'Compute',
      other: 'Other costs',
      profit: 'Gross profit',
      where: 'Where',
      perUser: 'Per user per month',
      arpu: 'ARPU',
    },
    runway: {
      caption:
        'Cash over time: the solid line follows the average growth rate, the band is the Monte Carlo’s 10th–90th percentile, the dashed line its median. Below zero, the money has run out.',
      month: 'Month',
      cash: 'Cash',
      band: 'p10–p90',
      path: 'Average-growth path',
      median: 'Median',
      yLabel: 'Cash (USD)',
      outOfCash: 'Out of cash',
    },
    capTable: {
      caption: 'Each holder’s share of the company before and after.',
      tableLabel: 'See the full cap table',
      columns: ['Holder', 'Shares before', '% before', 'Shares after', '% after'],
      before: 'Before',
      after: 'After',
    },
    budget: {
      caption: (grid: boolean) =>
        `The optimal allocation (equal marginal returns on every funded line) against an equal split.${grid ? ' The curves are S-shaped, where the equal-marginal rule can miss the optimum, so a grid search was used.' : ''}`,
      columns: ['Line', 'Optimal', 'Equal split'],
      optimal: 'Optimal',
      equal: 'Equal split',
    },
  },
});

const sci = (v: number, lang: Lang) => formatNumber(v, lang, { sci: true, digits: 1 });
const logSpace = (lo: number, hi: number, n: number) => Array.from({ length: n }, (_, i) => 10 ** (Math.log10(lo) + ((Math.log10(hi) - Math.log10(lo)) * i) / (n - 1)));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyValues = any;

/** Cost of training against model size, at the reader's tokens-per-parameter ratio. */
export function TrainingCostChart({ values, result, lang }: ChartProps) {
  const t = TEXT[lang].trainingCost;
  const v = values as AnyValues;
  const ratio = v.tokens / v.params;
  const pts = logSpace(1e8, 1e12, 25).flatMap((n) => {
    const r = CALCULATORS.trainingCost.compute({ ...v, params: n, tokens: n * ratio });
    return r.ok ? [[n, r.value.cost] as [number, number]] : [];
  });
  const caption = t.caption(formatNumber(ratio, lang, { digits: 1 }));
  return (
    <ChartFrame
      caption={caption}
      tableLabel={TEXT[lang].tableLabel}
      table={{ columns: [t.params, t.cost], rows: pts.filter((_, i) => i % 3 === 0).map(([n, c]) => [formatParams(n, lang), formatUsd(c, lang)]) }}
    >
      <LineChart
        series={[{ name: t.cost, points: pts }]}
        xLog
        yLog
        xLabel={t.xLabel}
        yLabel={t.yLabel}
        formatX={(x) => formatParams(x, lang)}
        formatY={(y) => sci(y, lang)}
        markers={[{ x: v.params, y: result.value.cost, label: formatUsd(result.value.cost, lang) }]}
      />
    </ChartFrame>
  );
}

/** The iso-FLOP curve: loss against model size when the budget is fixed, with the optimum marked. */
export function ComputeOptimalChart({ values, result, lang }: ChartProps) {
  const t = TEXT[lang].computeOptimal;
  const v = values as AnyValues;
  const c = v.flops as number;
  const nStar = result.value.params as number;
  const pts = logSpace(nStar / 30, nStar * 30, 40).map((n) => [n, chinchillaLoss(v.fit as ComputeOptimalFit, n, c / (6 * n))] as [number, number]);
  const caption = t.caption(sci(c, lang));
  return (
    <ChartFrame
      caption={caption}
      tableLabel={TEXT[lang].tableLabel}
      table={{ columns: [t.params, t.loss], rows: pts.filter((_, i) => i % 4 === 0).map(([n, l]) => [formatParams(n, lang), formatNumber(l, lang, { digits: 3 })]) }}
    >
      <LineChart
        series={[{ name: t.loss, points: pts }]}
        xLog
        xLabel={t.xLabel}
        yLabel={t.loss}
        formatX={(x) => formatParams(x, lang)}
        formatY={(y) => formatNumber(y, lang, { digits: 2 })}
        markers={[{ x: nStar, y: chinchillaLoss(v.fit as ComputeOptimalFit, nStar, c / (6 * nStar)), label: `N* = ${formatParams(nStar, lang)}` }]}
      />
    </ChartFrame>
  );
}

/** Memory per GPU, by what it holds, against the GPU's memory. */
export function MemoryFitChart({ values, result, lang }: ChartProps) {
  const t = TEXT[lang].memoryFit;
  const v = values as AnyValues;
  const d = result.value.detail as { weights: number; gradients: number; optimizer: number; overhead: number };
  const parts = [
    { name: t.weights, value: d.weights },
    { name: t.gradients, value: d.gradients },
    { name: t.optimizer, value: d.optimizer },
    { name: t.overhead, value: d.overhead },
  ].filter((p) => p.value > 0);
  const cap = v.gpuMemoryGB * 1e9;
  const caption = t.caption(formatBytes(cap, lang, 0));
  return (
    <ChartFrame caption={caption} tableLabel={TEXT[lang].tableLabel} table={{ columns: [t.part, t.bytes], rows: parts.map((p) => [p.name, formatBytes(p.value, lang)]) }}>
      <BarChart
        categories={[t.perGpu]}
        series={parts.map((p) => ({ name: p.name, values: [p.value] }))}
        mode="stacked"
        formatValue={(x) => formatBytes(x, lang, 0)}
        rule={{ value: cap, label: t.gpuMemory }}
      />
    </ChartFrame>
  );
}

/** Cost per million tokens against batch size: batching pays until memory or compute binds. */
export function InferenceCostChart({ values, result, lang }: ChartProps) {
  const t = TEXT[lang].inferenceCost;
  const v = values as AnyValues;
  const batches = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024];
  const pts = batches.flatMap((b) => {
    const r = CALCULATORS.inferenceCost.compute({ ...v, batch: b });
    return r.ok ? [[b, r.value.costPerMillion] as [number, number]] : [];
  });
  return (
    <ChartFrame caption={t.caption} tableLabel={TEXT[lang].tableLabel} table={{ columns: [t.batch, t.costPerMillion], rows: pts.map(([b, c]) => [b, formatUsd(c, lang)]) }}>
      <LineChart
        series={[{ name: t.cost, points: pts }]}
        xLog
        yLog
        xLabel={t.xLabel}
        yLabel={t.yLabel}
        formatX={(x) => formatNumber(x, lang)}
        formatY={(y) => formatUsd(y, lang)}
        markers={[{ x: v.batch, y: result.value.costPerMillion, label: formatUsd(result.value.costPerMillion, lang) }]}
      />
    </ChartFrame>
  );
}

/** Where each month's revenue per user goes: compute, other costs, and what is left. */
export function UnitEconomicsChart({ values, lang }: ChartProps) {
  const t = TEXT[lang].unitEconomics;
  const v = values as AnyValues;
  const compute = (v.tokensPerUser / 1e6) * v.costPerMillion;
  const margin = v.arpu - compute - v.otherCogs;
  const rows = [
    { name: t.compute, value: compute },
    { name: t.other, value: v.otherCogs },
    { name: t.profit, value: Math.max(0, margin) },
  ];
  const caption = t.caption(formatUsd(v.arpu, lang), margin < 0);
  return (
    <ChartFrame caption={caption} tableLabel={TEXT[lang].tableLabel} table={{ columns: [t.where, t.perUser], rows: rows.map((r) => [r.name, formatUsd(r.value, lang)]) }}>
      <BarChart
        categories={[t.arpu]}
        series={rows.map((r) => ({ name: r.name, values: [r.value] }))}
        mode="stacked"
        formatValue={(x) => formatUsd(x, lang, 0)}
        rule={{ value: v.arpu, label: 'ARPU' }}
      />
    </ChartFrame>
  );
}

/** Cash over time: the deterministic path and the Monte Carlo's p10–p90 fan. */
export function RunwayChart({ result, lang }: ChartProps) {
  const t = TEXT[lang].runway;
  const d = result.value.detail as { path: { month: number; cash: number }[]; fan: { month: number; p10: number; p50: number; p90: number }[] };
  const horizon = Math.min(d.path.length - 1, Math.max(24, Math.min(120, (result.value.months as number) + 24)));
  const path = d.path.filter((p) => p.month <= horizon);
  const fan = d.fan.filter((p) => p.month <= horizon);
  return (
    <ChartFrame
      caption={t.caption}
      tableLabel={TEXT[lang].tableLabel}
      table={{
        columns: [t.month, t.cash, 'p10', 'p50', 'p90'],
        rows: fan.filter((_, i) => i % 6 === 0).map((f) => [f.month, formatUsd(path[f.month]?.cash ?? Number.NaN, lang), formatUsd(f.p10, lang), formatUsd(f.p50, lang), formatUsd(f.p90, lang)]),
      }}
    >
      <LineChart
        bands={[{ name: t.band, points: fan.map((f) => ({ x: f.month, lo: f.p10, hi: f.p90 })) }]}
        series={[
          { name: t.path, points: path.map((p) => [p.month, p.cash]), color: 'var(--okabe-orange)' },
          { name: t.median, points: fan.map((f) => [f.month, f.p50]), dashed: true, color: 'var(--okabe-blue)' },
        ]}
        xLabel={t.month}
        yLabel={t.yLabel}
        formatX={(x) => formatNumber(x, lang)}
        formatY={(y) => sci(y, lang)}
        rules={[{ y: 0, label: t.outOfCash }]}
      />
    </ChartFrame>
  );
}

const HOLDER_NAMES: Record<string, Bilingual> = {
  founders: { en: 'Founders', zh: '创始人' },
  pool: { en: 'Option pool', zh: '期权池' },
  poolIncrease: { en: 'Pool top-up', zh: '期权池扩充' },
  seriesA: { en: 'Series A', zh: 'A 轮投资人' },
};
const holderName = (key: string, lang: Lang) => HOLDER_NAMES[key]?.[lang] ?? key.replace(/^safe(\d)$/, 'SAFE $1');

/** Ownership before and after: who owns what once the SAFEs convert and the round closes. */
export function CapTableChart({ result, lang }: ChartProps) {
  const t = TEXT[lang].capTable;
  const holders = (result.value.detail?.holders ?? []) as { key: string; sharesBefore: number; percentBefore: number; sharesAfter: number; percentAfter: number }[];
  const shown = holders.filter((h) => h.sharesBefore > 0 || h.sharesAfter > 0);
  return (
    <ChartFrame
      caption={t.caption}
      tableLabel={t.tableLabel}
      table={{
        columns: t.columns,
        rows: shown.map((h) => [holderName(h.key, lang), formatNumber(h.sharesBefore, lang), formatPercent(h.percentBefore / 100, lang, 2), formatNumber(h.sharesAfter, lang), formatPercent(h.percentAfter / 100, lang, 2)]),
      }}
    >
      <BarChart
        categories={[t.before, t.after]}
        series={shown.map((h) => ({ name: holderName(h.key, lang), values: [h.percentBefore, h.percentAfter] }))}
        mode="stacked"
        formatValue={(x) => `${formatNumber(x, lang)}%`}
      />
    </ChartFrame>
  );
}

/** The optimal allocation against an equal split, line by line. */
export function BudgetChart({ result, lang }: ChartProps) {
  const t = TEXT[lang].budget;
  const lines = (result.value.detail?.lines ?? []) as { line: (typeof BUDGET_LINES)[number]; spend: number; equalSpend: number; marginal: number }[];
  const caption = t.caption(result.value.detail?.method === 'grid');
  return (
    <ChartFrame
      caption={caption}
      tableLabel={TEXT[lang].tableLabel}
      table={{
        columns: t.columns,
        rows: lines.map((l) => [LINE_NAMES[l.line]?.[lang] ?? l.line, formatUsd(l.spend, lang), formatUsd(l.equalSpend, lang)]),
      }}
    >
      <BarChart
        categories={lines.map((l) => LINE_NAMES[l.line]?.[lang] ?? l.line)}
        series={[
          { name: t.optimal, values: lines.map((l) => l.spend) },
          { name: t.equal, values: lines.map((l) => l.equalSpend) },
        ]}
        mode="grouped"
        formatValue={(x) => formatUsd(x, lang, 0)}
      />
    </ChartFrame>
  );
}
