'use client';

import { BarChart } from '@/components/charts/BarChart';
import { ChartFrame } from '@/components/charts/ChartFrame';
import { LineChart } from '@/components/charts/LineChart';
import { CALCULATORS } from '@/lib/finance';
import { chinchillaLoss } from '@/lib/finance/compute-optimal';
import { BUDGET_LINES, type ComputeOptimalFit } from '@/lib/finance/schemas';
import { formatBytes, formatNumber, formatParams, formatPercent, formatUsd } from '@/lib/format';
import type { Lang } from '@/lib/i18n';
import { LINE_NAMES } from './line-names';
import type { ChartProps } from './types';

const tableLabel = (lang: Lang) => (lang === 'zh' ? '以表格查看图中数据' : 'See the chart’s data as a table');
const sci = (v: number, lang: Lang) => formatNumber(v, lang, { sci: true, digits: 1 });
const logSpace = (lo: number, hi: number, n: number) => Array.from({ length: n }, (_, i) => 10 ** (Math.log10(lo) + ((Math.log10(hi) - Math.log10(lo)) * i) / (n - 1)));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyValues = any;

/** Cost of training against model size, at the reader's tokens-per-parameter ratio. */
export function TrainingCostChart({ values, result, lang }: ChartProps) {
  const v = values as AnyValues;
  const ratio = v.tokens / v.params;
  const pts = logSpace(1e8, 1e12, 25).flatMap((n) => {
    const r = CALCULATORS.trainingCost.compute({ ...v, params: n, tokens: n * ratio });
    return r.ok ? [[n, r.value.cost] as [number, number]] : [];
  });
  const caption =
    lang === 'zh'
      ? `训练成本随模型规模变化（保持每参数 ${formatNumber(ratio, lang, { digits: 1 })} 个 token）。成本与 N² 成正比：参数翻倍，数据也翻倍。`
      : `Training cost against model size, keeping ${formatNumber(ratio, lang, { digits: 1 })} tokens per parameter. Cost grows as N²: twice the parameters, twice the data.`;
  return (
    <ChartFrame
      caption={caption}
      tableLabel={tableLabel(lang)}
      table={{ columns: [lang === 'zh' ? '参数量' : 'Parameters', lang === 'zh' ? '成本' : 'Cost'], rows: pts.filter((_, i) => i % 3 === 0).map(([n, c]) => [formatParams(n, lang), formatUsd(c, lang)]) }}
    >
      <LineChart
        series={[{ name: lang === 'zh' ? '成本' : 'Cost', points: pts }]}
        xLog
        yLog
        xLabel={lang === 'zh' ? '参数量 N' : 'Parameters N'}
        yLabel={lang === 'zh' ? '成本（美元）' : 'Cost (USD)'}
        formatX={(x) => formatParams(x, lang)}
        formatY={(y) => sci(y, lang)}
        markers={[{ x: v.params, y: result.value.cost, label: formatUsd(result.value.cost, lang) }]}
      />
    </ChartFrame>
  );
}

/** The iso-FLOP curve: loss against model size when the budget is fixed, with the optimum marked. */
export function ComputeOptimalChart({ values, result, lang }: ChartProps) {
  const v = values as AnyValues;
  const c = v.flops as number;
  const nStar = result.value.params as number;
  const pts = logSpace(nStar / 30, nStar * 30, 40).map((n) => [n, chinchillaLoss(v.fit as ComputeOptimalFit, n, c / (6 * n))] as [number, number]);
  const caption =
    lang === 'zh'
      ? `固定算力 ${sci(c, lang)} FLOPs 时，损失随模型规模的变化（等算力曲线）。模型太小则欠拟合，太大则数据不够；最低点就是计算最优。`
      : `Loss against model size at a fixed budget of ${sci(c, lang)} FLOPs (an iso-FLOP curve). Too small a model underfits, too large a one sees too little data; the bottom is compute-optimal.`;
  return (
    <ChartFrame
      caption={caption}
      tableLabel={tableLabel(lang)}
      table={{ columns: [lang === 'zh' ? '参数量' : 'Parameters', lang === 'zh' ? '损失' : 'Loss'], rows: pts.filter((_, i) => i % 4 === 0).map(([n, l]) => [formatParams(n, lang), formatNumber(l, lang, { digits: 3 })]) }}
    >
      <LineChart
        series={[{ name: lang === 'zh' ? '损失' : 'Loss', points: pts }]}
        xLog
        xLabel={lang === 'zh' ? '参数量 N' : 'Parameters N'}
        yLabel={lang === 'zh' ? '损失' : 'Loss'}
        formatX={(x) => formatParams(x, lang)}
        formatY={(y) => formatNumber(y, lang, { digits: 2 })}
        markers={[{ x: nStar, y: chinchillaLoss(v.fit as ComputeOptimalFit, nStar, c / (6 * nStar)), label: `N* = ${formatParams(nStar, lang)}` }]}
      />
    </ChartFrame>
  );
}

/** Memory per GPU, by what it holds, against the GPU's memory. */
export function MemoryFitChart({ values, result, lang }: ChartProps) {
  const v = values as AnyValues;
  const d = result.value.detail as { weights: number; gradients: number; optimizer: number; overhead: number };
  const parts = [
    { name: lang === 'zh' ? '权重' : 'Weights', value: d.weights },
    { name: lang === 'zh' ? '梯度' : 'Gradients', value: d.gradients },
    { name: lang === 'zh' ? '优化器状态' : 'Optimizer state', value: d.optimizer },
    { name: lang === 'zh' ? '推理额外开销' : 'Serving overhead', value: d.overhead },
  ].filter((p) => p.value > 0);
  const cap = v.gpuMemoryGB * 1e9;
  const caption =
    lang === 'zh'
      ? `每张 GPU 上的显存构成，竖线是单卡显存 ${formatBytes(cap, lang, 0)}。`
      : `What each GPU must hold, against its ${formatBytes(cap, lang, 0)} of memory (the vertical line).`;
  return (
    <ChartFrame caption={caption} tableLabel={tableLabel(lang)} table={{ columns: [lang === 'zh' ? '部分' : 'Part', lang === 'zh' ? '每卡字节' : 'Bytes per GPU'], rows: parts.map((p) => [p.name, formatBytes(p.value, lang)]) }}>
      <BarChart
        categories={[lang === 'zh' ? '每卡' : 'Per GPU']}
        series={parts.map((p) => ({ name: p.name, values: [p.value] }))}
        mode="stacked"
        formatValue={(x) => formatBytes(x, lang, 0)}
        rule={{ value: cap, label: lang === 'zh' ? '单卡显存' : 'GPU memory' }}
      />
    </ChartFrame>
  );
}

/** Cost per million tokens against batch size: batching pays until memory or compute binds. */
export function InferenceCostChart({ values, result, lang }: ChartProps) {
  const v = values as AnyValues;
  const batches = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024];
  const pts = batches.flatMap((b) => {
    const r = CALCULATORS.inferenceCost.compute({ ...v, batch: b });
    return r.ok ? [[b, r.value.costPerMillion] as [number, number]] : [];
  });
  const caption =
    lang === 'zh'
      ? '每百万 token 的成本随批大小的变化：小批量时每一步都要把全部权重读一遍，受带宽限制；批越大，权重读取被越多 token 分摊，直到 KV 缓存或算力成为瓶颈。'
      : 'Cost per million tokens against batch size. At small batches every step reads all the weights and is bandwidth-bound; a bigger batch shares that read among more tokens, until the KV cache or compute binds.';
  return (
    <ChartFrame caption={caption} tableLabel={tableLabel(lang)} table={{ columns: [lang === 'zh' ? '批大小' : 'Batch', lang === 'zh' ? '每百万 token 成本' : 'Cost per million tokens'], rows: pts.map(([b, c]) => [b, formatUsd(c, lang)]) }}>
      <LineChart
        series={[{ name: lang === 'zh' ? '成本' : 'Cost', points: pts }]}
        xLog
        yLog
        xLabel={lang === 'zh' ? '批大小' : 'Batch size'}
        yLabel={lang === 'zh' ? '美元/百万 token' : 'USD per million tokens'}
        formatX={(x) => formatNumber(x, lang)}
        formatY={(y) => formatUsd(y, lang)}
        markers={[{ x: v.batch, y: result.value.costPerMillion, label: formatUsd(result.value.costPerMillion, lang) }]}
      />
    </ChartFrame>
  );
}

/** Where each month's revenue per user goes: compute, other costs, and what is left. */
export function UnitEconomicsChart({ values, lang }: ChartProps) {
  const v = values as AnyValues;
  const compute = (v.tokensPerUser / 1e6) * v.costPerMillion;
  const margin = v.arpu - compute - v.otherCogs;
  const rows = [
    { name: lang === 'zh' ? '算力成本' : 'Compute', value: compute },
    { name: lang === 'zh' ? '其他成本' : 'Other costs', value: v.otherCogs },
    { name: lang === 'zh' ? '毛利' : 'Gross profit', value: Math.max(0, margin) },
  ];
  const caption =
    lang === 'zh'
      ? `每个用户每月 ${formatUsd(v.arpu, lang)} 的收入去了哪里。${margin < 0 ? '成本已经超过收入：每多一个用户就多亏一笔。' : ''}`
      : `Where each user’s ${formatUsd(v.arpu, lang)} a month goes.${margin < 0 ? ' Costs exceed revenue: every extra user loses money.' : ''}`;
  return (
    <ChartFrame caption={caption} tableLabel={tableLabel(lang)} table={{ columns: [lang === 'zh' ? '去向' : 'Where', lang === 'zh' ? '每用户每月' : 'Per user per month'], rows: rows.map((r) => [r.name, formatUsd(r.value, lang)]) }}>
      <BarChart
        categories={[lang === 'zh' ? '每用户月收入' : 'ARPU']}
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
  const d = result.value.detail as { path: { month: number; cash: number }[]; fan: { month: number; p10: number; p50: number; p90: number }[] };
  const horizon = Math.min(d.path.length - 1, Math.max(24, Math.min(120, (result.value.months as number) + 24)));
  const path = d.path.filter((p) => p.month <= horizon);
  const fan = d.fan.filter((p) => p.month <= horizon);
  const caption =
    lang === 'zh'
      ? '账上现金随时间的变化：实线是按平均增长率的路径，阴影是蒙特卡洛模拟的 10%–90% 区间，虚线是中位数。现金跌破 0 即为耗尽。'
      : 'Cash over time: the solid line follows the average growth rate, the band is the Monte Carlo’s 10th–90th percentile, the dashed line its median. Below zero, the money has run out.';
  return (
    <ChartFrame
      caption={caption}
      tableLabel={tableLabel(lang)}
      table={{
        columns: [lang === 'zh' ? '月份' : 'Month', lang === 'zh' ? '现金' : 'Cash', 'p10', 'p50', 'p90'],
        rows: fan.filter((_, i) => i % 6 === 0).map((f) => [f.month, formatUsd(path[f.month]?.cash ?? Number.NaN, lang), formatUsd(f.p10, lang), formatUsd(f.p50, lang), formatUsd(f.p90, lang)]),
      }}
    >
      <LineChart
        bands={[{ name: lang === 'zh' ? '10%–90% 区间' : 'p10–p90', points: fan.map((f) => ({ x: f.month, lo: f.p10, hi: f.p90 })) }]}
        series={[
          { name: lang === 'zh' ? '平均增长路径' : 'Average-growth path', points: path.map((p) => [p.month, p.cash]), color: 'var(--okabe-orange)' },
          { name: lang === 'zh' ? '中位数' : 'Median', points: fan.map((f) => [f.month, f.p50]), dashed: true, color: 'var(--okabe-blue)' },
        ]}
        xLabel={lang === 'zh' ? '月份' : 'Month'}
        yLabel={lang === 'zh' ? '现金（美元）' : 'Cash (USD)'}
        formatX={(x) => formatNumber(x, lang)}
        formatY={(y) => sci(y, lang)}
        rules={[{ y: 0, label: lang === 'zh' ? '现金耗尽' : 'Out of cash' }]}
      />
    </ChartFrame>
  );
}

const HOLDER_NAMES: Record<string, { en: string; zh: string }> = {
  founders: { en: 'Founders', zh: '创始人' },
  pool: { en: 'Option pool', zh: '期权池' },
  poolIncrease: { en: 'Pool top-up', zh: '期权池扩充' },
  seriesA: { en: 'Series A', zh: 'A 轮投资人' },
};
const holderName = (key: string, lang: Lang) => HOLDER_NAMES[key]?.[lang] ?? key.replace(/^safe(\d)$/, lang === 'zh' ? 'SAFE $1' : 'SAFE $1');

/** Ownership before and after: who owns what once the SAFEs convert and the round closes. */
export function CapTableChart({ result, lang }: ChartProps) {
  const holders = (result.value.detail?.holders ?? []) as { key: string; sharesBefore: number; percentBefore: number; sharesAfter: number; percentAfter: number }[];
  const shown = holders.filter((h) => h.sharesBefore > 0 || h.sharesAfter > 0);
  const caption = lang === 'zh' ? '融资前后每位持有人的持股比例。' : 'Each holder’s share of the company before and after.';
  return (
    <ChartFrame
      caption={caption}
      tableLabel={lang === 'zh' ? '查看完整股权表' : 'See the full cap table'}
      table={{
        columns: lang === 'zh' ? ['持有人', '融资前股数', '融资前占比', '融资后股数', '融资后占比'] : ['Holder', 'Shares before', '% before', 'Shares after', '% after'],
        rows: shown.map((h) => [holderName(h.key, lang), formatNumber(h.sharesBefore, lang), formatPercent(h.percentBefore / 100, lang, 2), formatNumber(h.sharesAfter, lang), formatPercent(h.percentAfter / 100, lang, 2)]),
      }}
    >
      <BarChart
        categories={[lang === 'zh' ? '融资前' : 'Before', lang === 'zh' ? '融资后' : 'After']}
        series={shown.map((h) => ({ name: holderName(h.key, lang), values: [h.percentBefore, h.percentAfter] }))}
        mode="stacked"
        formatValue={(x) => `${formatNumber(x, lang)}%`}
      />
    </ChartFrame>
  );
}

/** The optimal allocation against an equal split, line by line. */
export function BudgetChart({ result, lang }: ChartProps) {
  const lines = (result.value.detail?.lines ?? []) as { line: (typeof BUDGET_LINES)[number]; spend: number; equalSpend: number; marginal: number }[];
  const caption =
    lang === 'zh'
      ? `最优分配（各条线边际回报相等）与平均分配的对比。${result.value.detail?.method === 'grid' ? '回报曲线是 S 形的，边际相等的规则可能错过最优解，这里改用网格搜索。' : ''}`
      : `The optimal allocation (equal marginal returns on every funded line) against an equal split.${result.value.detail?.method === 'grid' ? ' The curves are S-shaped, where the equal-marginal rule can miss the optimum, so a grid search was used.' : ''}`;
  return (
    <ChartFrame
      caption={caption}
      tableLabel={tableLabel(lang)}
      table={{
        columns: lang === 'zh' ? ['预算线', '最优分配', '平均分配'] : ['Line', 'Optimal', 'Equal split'],
        rows: lines.map((l) => [LINE_NAMES[l.line]?.[lang] ?? l.line, formatUsd(l.spend, lang), formatUsd(l.equalSpend, lang)]),
      }}
    >
      <BarChart
        categories={lines.map((l) => LINE_NAMES[l.line]?.[lang] ?? l.line)}
        series={[
          { name: lang === 'zh' ? '最优分配' : 'Optimal', values: lines.map((l) => l.spend) },
          { name: lang === 'zh' ? '平均分配' : 'Equal split', values: lines.map((l) => l.equalSpend) },
        ]}
        mode="grouped"
        formatValue={(x) => formatUsd(x, lang, 0)}
      />
    </ChartFrame>
  );
}
