/**
 * `runway`: months of cash, break-even, and default alive or dead (Paul Graham's question: on current growth and
 * expenses, does the company reach profitability on the money it has?), plus a Monte Carlo of uncertain growth.
 *
 * The model, month by month. Month 0 is the current month. Revenue in month t is revenue·(1+growth)ᵗ and expenses
 * burn·(1+expenseGrowth)ᵗ, both built by multiplying month after month (so a Monte Carlo path with zero spread is the
 * deterministic path to the last bit). Cash at the start of month t is cash − Σ_{s<t}(expenses_s − revenue_s), for
 * t = 0 … 120 (RUNWAY_HORIZON_MONTHS).
 * - months: how many months, from month 0, are paid for before cash would go below zero (3,000,000 of cash at
 *   250,000 a month is 12); the horizon, 120, if cash never goes below zero within it.
 * - breakEvenMonth: the first month t < 120 with revenue_t ≥ expenses_t; −1 if none.
 * - cumulativeBurn: Σ (expenses − revenue) over the months before break-even (all 120 if none): the cash it takes to
 *   get there, whether or not the company has it.
 * - defaultAlive: 1 if the company reaches break-even and its cash never goes below zero within the horizon. When
 *   revenue grows at least as fast as expenses this is exactly "break-even comes before the cash runs out"; it also
 *   counts as dead a company whose revenue breaks even and then falls behind again until the cash runs out.
 * - Monte Carlo: `runs` paths; in each, every month's revenue growth is drawn from Normal(growth, growthSd) with
 *   createRng(seed), and a month's revenue factor 1 + g is floored at 0 (revenue cannot go negative). pAlive is the
 *   share of paths that are default alive; the fan gives the 10th, 50th and 90th percentiles of cash each month.
 */
import { createRng } from '../random';
import type { Bilingual } from '../i18n';
import { malformedInputs, okFinite } from './checks';
import { fail, problem, type CalcProblem, type CalcResult } from './result';
import { RUNWAY_HORIZON_MONTHS, runwaySchema, type RunwayInputs } from './schemas';

export interface RunwayPoint {
  month: number;
  /** Cash at the start of the month, USD. */
  cash: number;
  /** Revenue during the month, USD. */
  revenue: number;
  /** Expenses during the month, USD. */
  expenses: number;
}

export interface FanPoint {
  month: number;
  p10: number;
  p50: number;
  p90: number;
}

export interface RunwayOutputs {
  /** Whole months of runway, capped at the horizon (120). */
  months: number;
  /** First month with revenue ≥ expenses, or −1. */
  breakEvenMonth: number;
  /** Net cash spent before break-even (over the whole horizon if none), USD. */
  cumulativeBurn: number;
  /** 1 if default alive, else 0. */
  defaultAlive: number;
  /** Share of Monte Carlo paths that are default alive, 0–1. */
  pAlive: number;
  detail?: {
    /** The deterministic path, months 0 … 120. */
    path: RunwayPoint[];
    /** Percentiles of cash at the start of each month across the Monte Carlo paths, months 0 … 120. */
    fan: FanPoint[];
  };
}

/** The most Monte Carlo paths the calculator runs (the schema's bound), so a bad control cannot hang the page. */
export const RUNWAY_MAX_RUNS = runwaySchema.runs.max;

const LABELS: Record<string, Bilingual> = {
  cash: { en: 'Cash', zh: '现金' },
  burn: { en: 'Monthly expenses', zh: '月支出' },
  revenue: { en: 'Monthly revenue', zh: '月收入' },
  growth: { en: 'Revenue growth', zh: '收入增长率' },
  expenseGrowth: { en: 'Expense growth', zh: '支出增长率' },
  growthSd: { en: 'The spread of growth', zh: '增长率波动' },
  runs: { en: 'The number of runs', zh: '模拟次数' },
  seed: { en: 'The seed', zh: '随机种子' },
};

interface PathSummary {
  months: number;
  breakEvenMonth: number;
  cumulativeBurn: number;
  alive: boolean;
}

/**
 * Simulates one path over the horizon H. `growthAt(t)` is the revenue growth from month t−1 to month t (t = 1 … H),
 * called in that order. Writes cash at the start of months 0 … H into `cashOut` (and revenue and expenses, if given).
 */
export function simulateRunwayPath(
  cash: number,
  burn: number,
  revenue: number,
  expenseGrowth: number,
  growthAt: (t: number) => number,
  H: number,
  cashOut: Float64Array,
  revenueOut?: Float64Array,
  expensesOut?: Float64Array,
): PathSummary {
  const expenseFactor = Math.max(0, 1 + expenseGrowth);
  let rev = revenue;
  let exp = burn;
  let c = cash;
  let months = H;
  let breakEvenMonth = -1;
  let spentBeforeBreakEven = 0;
  for (let t = 0; t <= H; t++) {
    if (t > 0) {
      rev *= Math.max(0, 1 + growthAt(t));
      exp *= expenseFactor;
    }
    cashOut[t] = c;
    if (revenueOut) revenueOut[t] = rev;
    if (expensesOut) expensesOut[t] = exp;
    if (t === H) break;
    if (breakEvenMonth < 0) {
      if (rev >= exp) breakEvenMonth = t;
      else spentBeforeBreakEven += exp - rev;
    }
    c -= exp - rev;
    if (c < 0 && months === H) months = t;
  }
  return { months, breakEvenMonth, cumulativeBurn: spentBeforeBreakEven, alive: breakEvenMonth >= 0 && months === H };
}

/** The p-quantile (0 ≤ p ≤ 1) of ascending-sorted values, interpolating linearly between order statistics. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const x = p * (n - 1);
  const i = Math.floor(x);
  const lo = sorted[i] as number;
  const hi = sorted[Math.min(n - 1, i + 1)] as number;
  return lo + (hi - lo) * (x - i);
}

/** Runway, break-even and default alive, deterministic and by Monte Carlo. */
export function runway(inputs: RunwayInputs): CalcResult<RunwayOutputs> {
  const problems: CalcProblem[] = malformedInputs(runwaySchema, inputs, LABELS);
  if (problems.length === 0) {
    if (inputs.cash < 0)
      problems.push(
        problem(
          'negativeCash',
          {
            zh: '账上现金不能为负数。请填写公司目前持有的现金（0 或以上）；欠款请计入支出。',
            en: 'Cash in the bank cannot be negative. Enter what the company holds today (0 or more); count debts as expenses.',
          },
          'cash',
        ),
      );
    if (inputs.burn < 0)
      problems.push(
        problem(
          'negativeBurn',
          {
            zh: '月支出不能为负数。请填写公司每月的花费；收入请填在「月收入」中。',
            en: 'Monthly expenses cannot be negative. Enter what the company spends each month; income belongs under revenue.',
          },
          'burn',
        ),
      );
    if (inputs.revenue < 0)
      problems.push(problem('negativeRevenue', { zh: '月收入不能为负数。', en: 'Monthly revenue cannot be negative.' }, 'revenue'));
    if (inputs.growth < -1)
      problems.push(
        problem('growthBelowMinus100', { zh: '收入每月的降幅不能超过 100%。', en: 'Revenue cannot shrink by more than 100 % a month.' }, 'growth'),
      );
    if (inputs.expenseGrowth < -1)
      problems.push(
        problem('expenseGrowthBelowMinus100', { zh: '支出每月的降幅不能超过 100%。', en: 'Expenses cannot shrink by more than 100 % a month.' }, 'expenseGrowth'),
      );
    if (inputs.growthSd < 0)
      problems.push(problem('negativeSpread', { zh: '增长率波动不能为负数。', en: 'The spread of growth cannot be negative.' }, 'growthSd'));
    if (!(Number.isInteger(inputs.runs) && inputs.runs >= 1 && inputs.runs <= RUNWAY_MAX_RUNS))
      problems.push(
        problem(
          'badRuns',
          {
            zh: `模拟次数必须是 1 到 ${RUNWAY_MAX_RUNS} 之间的整数。`,
            en: `The number of runs must be a whole number from 1 to ${RUNWAY_MAX_RUNS}.`,
          },
          'runs',
        ),
      );
  }
  if (problems.length > 0) return fail(...problems);

  const H = RUNWAY_HORIZON_MONTHS;
  const { cash, burn, revenue, growth, expenseGrowth, growthSd, runs, seed } = inputs;

  const cashPath = new Float64Array(H + 1);
  const revenuePath = new Float64Array(H + 1);
  const expensePath = new Float64Array(H + 1);
  const det = simulateRunwayPath(cash, burn, revenue, expenseGrowth, () => growth, H, cashPath, revenuePath, expensePath);
  const path: RunwayPoint[] = Array.from({ length: H + 1 }, (_, t) => ({
    month: t,
    cash: cashPath[t] as number,
    revenue: revenuePath[t] as number,
    expenses: expensePath[t] as number,
  }));

  // Monte Carlo: one generator for all paths, drawn path by path, month by month.
  const rng = createRng(seed);
  const growthAt = () => growth + growthSd * rng.normal();
  const cashByRun = new Float64Array(runs * (H + 1));
  let alive = 0;
  for (let r = 0; r < runs; r++) {
    const row = cashByRun.subarray(r * (H + 1), (r + 1) * (H + 1));
    if (simulateRunwayPath(cash, burn, revenue, expenseGrowth, growthAt, H, row).alive) alive++;
  }
  const column = new Float64Array(runs);
  const fan: FanPoint[] = [];
  for (let t = 0; t <= H; t++) {
    for (let r = 0; r < runs; r++) column[r] = cashByRun[r * (H + 1) + t] as number;
    column.sort();
    fan.push({ month: t, p10: quantileSorted(column, 0.1), p50: quantileSorted(column, 0.5), p90: quantileSorted(column, 0.9) });
  }

  const notes: CalcProblem[] = [];
  if (det.breakEvenMonth < 0)
    notes.push(
      problem(
        'noBreakEven',
        {
          zh: `按当前增长率，${H} 个月内收入始终追不上支出；累计烧钱按全部 ${H} 个月计算。`,
          en: `At these growth rates revenue never catches up with expenses within ${H} months; cumulative burn counts all ${H}.`,
        },
      ),
    );
  else if (!det.alive && det.breakEvenMonth < det.months)
    notes.push(
      problem(
        'relapse',
        {
          zh: '收入虽一度追平支出，但支出增长更快、再次反超，随后现金耗尽：默认死亡。',
          en: 'Revenue breaks even but expenses grow faster and overtake it again, and the cash then runs out: default dead.',
        },
      ),
    );
  return okFinite(
    {
      months: det.months,
      breakEvenMonth: det.breakEvenMonth,
      cumulativeBurn: det.cumulativeBurn,
      defaultAlive: det.alive ? 1 : 0,
      pAlive: alive / runs,
      detail: { path, fan },
    },
    notes,
  );
}
