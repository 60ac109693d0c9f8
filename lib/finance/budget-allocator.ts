/**
 * `budgetAllocator`: where the next dollar goes. Each of six budget lines turns spend x into outcome f(x); maximise
 * Σ fᵢ(xᵢ) subject to Σ xᵢ = budget and minᵢ ≤ xᵢ ≤ maxᵢ.
 *
 * For concave curves (the default a·ln(1 + x/b)) the optimum gives every funded line the same marginal return λ
 * (Lagrange / KKT): xᵢ(λ) = clip((fᵢ′)⁻¹(λ), minᵢ, maxᵢ). Σ xᵢ(λ) falls as λ rises, so a bisection on λ finds the λ
 * that spends the budget exactly. This is the sound form of source 004's "binary search" (its "minimise total cost" is
 * solved by spending nothing: the real problem is maximising outcome under a budget).
 *
 * The S-shaped Hill curve a·x²/(b² + x²) is convex below its inflection b/√3: there a line pays off only once it is
 * funded past the bend, and equal marginals can pick a poor point (spreading a small budget thinly over every line).
 * When any line's range reaches into its convex part, the calculator searches a grid instead (dynamic programming
 * over budget steps), improves the result by moving money between pairs of lines, re-solves the lines it funds past
 * the bend with the equal-marginal rule, and keeps the better of that and the plain equal-marginal answer.
 */
import type { Bilingual } from '../i18n';
import { malformedInputs, negativeInputs, okFinite } from './checks';
import { fail, problem, type CalcProblem, type CalcResult } from './result';
import { BUDGET_LINES, budgetAllocatorSchema, type BudgetAllocatorInputs, type BudgetLine } from './schemas';

/** A response curve with bounds. fPrimeInverse(λ) is the unconstrained spend at which f′ = λ (λ > 0). */
export interface ResponseLine {
  f: (x: number) => number;
  fPrime: (x: number) => number;
  fPrimeInverse: (lambda: number) => number;
  min: number;
  max: number;
}

export interface Allocation {
  /** Spend per line, in the order given. */
  spend: number[];
  /** The common marginal return λ of the funded lines (0 when every line is at its maximum). */
  marginal: number;
  /** Σ fᵢ(spendᵢ). */
  outcome: number;
  /** Budget left over because every line is at its maximum. */
  unspent: number;
}

const clip = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const total = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
const outcomeOf = (lines: ResponseLine[], xs: number[]) => lines.reduce((s, l, i) => s + l.f(xs[i] as number), 0);

/**
 * Gives what is left of the budget to lines with headroom, highest marginal return first (a flat line or a jump in
 * x(λ) can leave a remainder that no λ spends). Mutates and returns `xs`.
 */
function spendRemainder(lines: ResponseLine[], xs: number[], budget: number): number[] {
  let rest = budget - total(xs);
  if (!(rest > 0)) return xs;
  const order = lines.map((_, i) => i).sort((i, j) => (lines[j] as ResponseLine).fPrime(xs[j] as number) - (lines[i] as ResponseLine).fPrime(xs[i] as number));
  for (const i of order) {
    const room = (lines[i] as ResponseLine).max - (xs[i] as number);
    const add = Math.min(room, rest);
    if (add > 0) {
      xs[i] = (xs[i] as number) + add;
      rest -= add;
    }
    if (!(rest > 0)) break;
  }
  return xs;
}

/**
 * Maximises Σ fᵢ(xᵢ) subject to Σ xᵢ = budget, minᵢ ≤ xᵢ ≤ maxᵢ, for concave fᵢ, by bisection on the common marginal
 * return λ (in log λ, from 1e-300 to 1e300). If the maxima add up to less than the budget, every line gets its maximum
 * and the rest is `unspent`. Throws a RangeError if the minima add up to more than the budget.
 */
export function allocate(lines: ResponseLine[], budget: number): Allocation {
  const sumMin = total(lines.map((l) => l.min));
  const sumMax = total(lines.map((l) => l.max));
  if (sumMin > budget) throw new RangeError(`the minimums (${sumMin}) exceed the budget (${budget})`);
  if (sumMax <= budget) {
    const spend = lines.map((l) => l.max);
    return { spend, marginal: 0, outcome: outcomeOf(lines, spend), unspent: budget - sumMax };
  }
  const xAt = (lambda: number) => lines.map((l) => clip(l.fPrimeInverse(lambda), l.min, l.max));
  const sumAt = (lambda: number) => total(xAt(lambda));

  // Bracket: S(lo) ≥ budget ≥ S(hi), S non-increasing in λ.
  let lo = 1;
  let hi = 1;
  if (sumAt(1) > budget) while (sumAt(hi) > budget && hi < 1e300) hi *= 16;
  else while (sumAt(lo) < budget && lo > 1e-300) lo /= 16;
  if (hi > 1) lo = hi / 16;
  else if (lo < 1) hi = lo * 16;

  // Geometric midpoints, written so that lo·hi cannot underflow near 1e-300.
  const geometricMean = (x: number, y: number) => x * Math.sqrt(y / x);
  for (let k = 0; k < 400 && hi / lo > 1 + 1e-15; k++) {
    const mid = geometricMean(lo, hi);
    if (sumAt(mid) > budget) lo = mid;
    else hi = mid;
  }
  // Interpolate between the two sides of the bracket so the spend is exactly the budget, even across a jump in x(λ).
  const xLo = xAt(lo);
  const xHi = xAt(hi);
  const sLo = total(xLo);
  const sHi = total(xHi);
  const w = sLo > sHi ? clip((budget - sHi) / (sLo - sHi), 0, 1) : 0;
  const spend = spendRemainder(
    lines,
    xHi.map((x, i) => clip(x + w * ((xLo[i] as number) - x), (lines[i] as ResponseLine).min, (lines[i] as ResponseLine).max)),
    budget,
  );
  return { spend, marginal: geometricMean(lo, hi), outcome: outcomeOf(lines, spend), unspent: 0 };
}

/**
 * Maximises Σ fᵢ(xᵢ) for any increasing fᵢ (not necessarily concave) on a grid: what is above the minima is cut into
 * `steps` equal parts and dynamic programming finds the best way to hand them out (O(lines · steps²)); each line can
 * also take exactly its maximum, and a remainder the grid cannot place goes to lines with headroom. Exact on the grid,
 * so within about one step of the true optimum.
 */
export function allocateGrid(lines: ResponseLine[], budget: number, steps = 400): Allocation {
  const sumMin = total(lines.map((l) => l.min));
  const sumMax = total(lines.map((l) => l.max));
  if (sumMin > budget) throw new RangeError(`the minimums (${sumMin}) exceed the budget (${budget})`);
  if (sumMax <= budget) {
    const spend = lines.map((l) => l.max);
    return { spend, marginal: 0, outcome: outcomeOf(lines, spend), unspent: budget - sumMax };
  }
  const h = (budget - sumMin) / steps;
  const n = lines.length;
  // Line i may take k = 0 … caps[i] steps; its spend is min + k·h, cut to its max. When the range is not a whole
  // number of steps, the last option is the exact max, charged one step more (what it leaves is handed out below).
  const caps = lines.map((l) => {
    if (!(h > 0)) return 0;
    const q = (l.max - l.min) / h;
    return Math.min(steps, Math.ceil(q - 1e-9));
  });
  const spendAt = (i: number, k: number) => Math.min((lines[i] as ResponseLine).min + k * h, (lines[i] as ResponseLine).max);
  const values = lines.map((l, i) => Array.from({ length: (caps[i] as number) + 1 }, (_, k) => l.f(spendAt(i, k))));
  // best[k]: the best outcome of the lines so far using exactly k steps; pick[i][k]: steps given to line i.
  let best = new Float64Array(steps + 1).fill(-Infinity);
  best[0] = 0;
  const pick: Int32Array[] = [];
  for (let i = 0; i < n; i++) {
    const next = new Float64Array(steps + 1).fill(-Infinity);
    const choice = new Int32Array(steps + 1);
    const v = values[i] as number[];
    const cap = caps[i] as number;
    for (let k = 0; k <= steps; k++) {
      for (let j = 0; j <= Math.min(k, cap); j++) {
        const candidate = (best[k - j] as number) + (v[j] as number);
        if (candidate > (next[k] as number)) {
          next[k] = candidate;
          choice[k] = j;
        }
      }
    }
    pick.push(choice);
    best = next;
  }
  // Outcomes are non-decreasing in spend, but the grid may not reach every k exactly: take the best k.
  let kBest = 0;
  for (let k = 0; k <= steps; k++) if ((best[k] as number) >= (best[kBest] as number)) kBest = k;
  const spend = new Array<number>(n);
  for (let i = n - 1, k = kBest; i >= 0; i--) {
    const j = (pick[i] as Int32Array)[k] as number;
    spend[i] = spendAt(i, j);
    k -= j;
  }
  spendRemainder(lines, spend, budget);
  return { spend, marginal: 0, outcome: outcomeOf(lines, spend), unspent: 0 };
}

/** a·ln(1 + x/b): concave, with f′ = a/(b + x) and (f′)⁻¹(λ) = a/λ − b. */
export function logLine(a: number, b: number, min: number, max: number): ResponseLine {
  return {
    f: (x) => a * Math.log1p(x / b),
    fPrime: (x) => a / (b + x),
    fPrimeInverse: (lambda) => a / lambda - b,
    min,
    max,
  };
}

/** Where the Hill curve a·x²/(b² + x²) turns from convex to concave: x = b/√3. */
export const hillInflection = (b: number) => b / Math.sqrt(3);

/**
 * The Hill curve a·x²/(b² + x²), S-shaped: f′ = 2ab²x/(b² + x²)². (f′)⁻¹ takes the concave branch (x ≥ b/√3), the
 * only place a maximum can have f′ = λ; for λ above the largest marginal return it is 0 (not worth funding).
 */
export function hillLine(a: number, b: number, min: number, max: number): ResponseLine {
  // In u = x/b: f′ = (2a/b)·g(u), g(u) = u/(1 + u²)², which falls from g(1/√3) = 3√3/16 to 0 on the concave branch.
  const g = (u: number) => u / (1 + u * u) ** 2;
  const u0 = 1 / Math.sqrt(3);
  const gMax = g(u0);
  return {
    f: (x) => {
      const u = x / b;
      return (a * u * u) / (1 + u * u);
    },
    fPrime: (x) => ((2 * a) / b) * g(x / b),
    fPrimeInverse: (lambda) => {
      const y = (lambda * b) / (2 * a);
      if (!(y < gMax)) return 0;
      if (!(y > 0)) return Infinity;
      // g(u) < 1/u³, so g(u) ≤ y at u = y^(-1/3): that bounds the root.
      let lo = u0;
      let hi = Math.max(u0, y ** (-1 / 3));
      for (let k = 0; k < 100 && hi - lo > 1e-15 * hi; k++) {
        const mid = (lo + hi) / 2;
        if (g(mid) > y) lo = mid;
        else hi = mid;
      }
      return b * ((lo + hi) / 2);
    },
    min,
    max,
  };
}

/**
 * The budget split as equally as the bounds allow: every line gets the same amount s, raised to its minimum or cut to
 * its maximum, with s chosen (by bisection) so that the whole budget is spent; all maxima if they add up to less.
 */
export function equalSplit(lines: { min: number; max: number }[], budget: number): number[] {
  const sumMax = total(lines.map((l) => l.max));
  if (sumMax <= budget) return lines.map((l) => l.max);
  const at = (s: number) => lines.map((l) => clip(s, l.min, l.max));
  let lo = 0;
  let hi = Math.max(budget, ...lines.map((l) => l.min));
  for (let k = 0; k < 200 && hi - lo > 1e-15 * hi; k++) {
    const mid = (lo + hi) / 2;
    if (total(at(mid)) > budget) hi = mid;
    else lo = mid;
  }
  const xs = at(lo);
  // Hand the last rounding crumbs to the lines not yet at their maximum.
  let rest = budget - total(xs);
  for (let i = 0; i < xs.length && rest > 0; i++) {
    const add = Math.min(rest, (lines[i] as { max: number }).max - (xs[i] as number));
    if (add > 0) {
      xs[i] = (xs[i] as number) + add;
      rest -= add;
    }
  }
  return xs;
}

export interface BudgetAllocatorOutputs {
  /** Spend per line, USD. */
  data: number;
  model: number;
  marketing: number;
  team: number;
  users: number;
  optimization: number;
  /** Σ fᵢ at the optimum. */
  outcome: number;
  /** Σ fᵢ of the equal split. */
  equalSplitOutcome: number;
  /** The common marginal return λ of the funded lines, outcome per USD. */
  marginal: number;
  detail?: {
    method: 'bisection' | 'grid';
    lines: { line: BudgetLine; spend: number; equalSpend: number; outcome: number; marginal: number }[];
  };
}

const LINE_LABELS: Record<BudgetLine, Bilingual> = {
  data: { en: 'Data', zh: '数据' },
  model: { en: 'Model', zh: '模型' },
  marketing: { en: 'Marketing', zh: '市场' },
  team: { en: 'Team', zh: '团队' },
  users: { en: 'Users', zh: '用户' },
  optimization: { en: 'Optimisation', zh: '优化' },
};

const LABELS: Record<string, Bilingual> = {
  budget: { en: 'The budget', zh: '预算' },
  curve: { en: 'The curve', zh: '曲线类型' },
  ...Object.fromEntries(
    BUDGET_LINES.flatMap((line) => {
      const l = LINE_LABELS[line];
      return [
        [`${line}A`, { en: `${l.en}: the scale a`, zh: `${l.zh}：规模参数 a` }],
        [`${line}B`, { en: `${l.en}: the bend b`, zh: `${l.zh}：拐点参数 b` }],
        [`${line}Min`, { en: `${l.en}: the minimum`, zh: `${l.zh}：最低投入` }],
        [`${line}Max`, { en: `${l.en}: the maximum`, zh: `${l.zh}：最高投入` }],
      ];
    }),
  ),
};

const usd = (x: number) => `${Math.round(x).toLocaleString('en-US')}`;

/** The outcome-maximising split of a budget over the six lines, against an equal split. */
export function budgetAllocator(inputs: BudgetAllocatorInputs): CalcResult<BudgetAllocatorOutputs> {
  const problems: CalcProblem[] = [
    ...malformedInputs(budgetAllocatorSchema, inputs, LABELS),
    ...negativeInputs(inputs, ['budget', ...BUDGET_LINES.flatMap((l) => [`${l}A`, `${l}Min`, `${l}Max`])], LABELS),
  ];
  if (problems.length === 0)
    for (const line of BUDGET_LINES) {
      const l = LINE_LABELS[line];
      if (!(inputs[`${line}B`] > 0))
        problems.push(problem('notPositive', { zh: `${l.zh}：拐点参数 b 必须大于 0。`, en: `${l.en}: the bend b must be above 0.` }, `${line}B`));
      if (inputs[`${line}Min`] > inputs[`${line}Max`])
        problems.push(
          problem('minAboveMax', { zh: `${l.zh}：最低投入高于最高投入。`, en: `${l.en}: the minimum is above the maximum.` }, `${line}Min`),
        );
    }
  if (problems.length > 0) return fail(...problems);

  const { budget, curve } = inputs;
  const params = BUDGET_LINES.map((line) => ({
    line,
    a: inputs[`${line}A`],
    b: inputs[`${line}B`],
    min: inputs[`${line}Min`],
    max: inputs[`${line}Max`],
  }));
  const sumMin = total(params.map((p) => p.min));
  if (sumMin > budget)
    return fail(
      problem(
        'minimumsAboveBudget',
        {
          zh: `各条线的最低投入合计 ${usd(sumMin)} 美元，超过了 ${usd(budget)} 美元的预算。请提高预算或降低部分最低投入。`,
          en: `The minimum spends add up to ${usd(sumMin)} USD, more than the budget of ${usd(budget)} USD. Raise the budget or lower some minimums.`,
        },
        'budget',
      ),
    );

  const make = curve === 'hill' ? hillLine : logLine;
  const lines = params.map((p) => make(p.a, p.b, p.min, p.max));
  const notes: CalcProblem[] = [];
  // The problem is concave unless some Hill line can be funded inside its convex part (below the inflection).
  const concave = curve === 'log' || params.every((p) => p.a === 0 || p.min >= hillInflection(p.b));

  let best: Allocation;
  let method: 'bisection' | 'grid';
  if (concave) {
    best = allocate(lines, budget);
    method = 'bisection';
  } else {
    method = 'grid';
    best = polishedGrid(lines, params, budget);
    const equalMarginal = allocate(lines, budget);
    if (equalMarginal.outcome > best.outcome) best = equalMarginal;
    notes.push(
      problem(
        'sShaped',
        {
          zh: 'S 形曲线要等投入越过拐点才开始见效，「边际回报相等」的规则可能给出很差的分配。因此这里改用在预算上做网格搜索的方法求解。',
          en: 'These S-shaped curves pay off only once a line is funded past its bend, so equal marginal returns can point to a poor split. The allocation comes from a grid search over the budget instead.',
        },
        'curve',
      ),
    );
  }
  if (best.unspent > 0)
    notes.push(
      problem(
        'unspent',
        {
          zh: `每条线都已达到最高投入，预算中还有 ${usd(best.unspent)} 美元未花出。`,
          en: `Every line is at its maximum; ${usd(best.unspent)} USD of the budget is left unspent.`,
        },
        'budget',
      ),
    );

  const equal = equalSplit(params, budget);
  const equalSplitOutcome = outcomeOf(lines, equal);
  const detailLines = BUDGET_LINES.map((line, i) => {
    const l = lines[i] as ResponseLine;
    const spend = best.spend[i] as number;
    return { line, spend, equalSpend: equal[i] as number, outcome: l.f(spend), marginal: l.fPrime(spend) };
  });
  const spendOf = (line: BudgetLine) => best.spend[BUDGET_LINES.indexOf(line)] as number;
  return okFinite(
    {
      data: spendOf('data'),
      model: spendOf('model'),
      marketing: spendOf('marketing'),
      team: spendOf('team'),
      users: spendOf('users'),
      optimization: spendOf('optimization'),
      outcome: best.outcome,
      equalSplitOutcome,
      marginal: best.marginal,
      detail: { method, lines: detailLines },
    },
    notes,
  );
}

/**
 * Improves an allocation by moving money between pairs of lines while that raises the outcome: all of one line's
 * spend above its minimum, enough to fill another to its maximum, or a share of a grid step. This snaps lines the grid
 * left just short of a bound and recovers what falls between grid points. Mutates and returns `spend`.
 */
function improveByTransfers(lines: ResponseLine[], spend: number[], step: number): number[] {
  const value = (i: number, x: number) => (lines[i] as ResponseLine).f(x);
  for (let round = 0; round < 100; round++) {
    let improved = false;
    for (let i = 0; i < lines.length; i++) {
      for (let j = 0; j < lines.length; j++) {
        if (i === j) continue;
        const li = lines[i] as ResponseLine;
        const lj = lines[j] as ResponseLine;
        const xi = spend[i] as number;
        const xj = spend[j] as number;
        const canGive = xj - lj.min;
        const canTake = li.max - xi;
        const limit = Math.min(canGive, canTake);
        if (!(limit > 0)) continue;
        const before = value(i, xi) + value(j, xj);
        let bestGain = 1e-15 * Math.max(1e-300, Math.abs(before));
        let bestMove = 0;
        for (const d of [canGive, canTake, step, step / 4, step / 16, step / 64]) {
          const move = Math.min(d, limit);
          if (!(move > 0)) continue;
          const gain = value(i, xi + move) + value(j, xj - move) - before;
          if (gain > bestGain) {
            bestGain = gain;
            bestMove = move;
          }
        }
        if (bestMove > 0) {
          spend[i] = xi + bestMove;
          spend[j] = xj - bestMove;
          improved = true;
        }
      }
    }
    if (!improved) break;
  }
  return spend;
}

/**
 * The grid optimum, improved by transfers between lines, then the equal-marginal rule applied to the lines funded
 * past their inflection (the concave part, where it is exact), keeping whichever is better. Its `marginal` is the
 * common λ of those lines, or the mean marginal return of the lines strictly inside their bounds.
 */
export function polishedGrid(lines: ResponseLine[], params: { b: number; min: number; max: number }[], budget: number, steps = 400): Allocation {
  const grid = allocateGrid(lines, budget, steps);
  if (grid.unspent > 0) return grid;
  const step = (budget - total(lines.map((l) => l.min))) / steps;
  const improved = improveByTransfers(lines, [...grid.spend], step);
  let result: Allocation = { ...grid, spend: improved, outcome: outcomeOf(lines, improved) };
  const active = lines
    .map((_, i) => i)
    .filter((i) => {
      const x = result.spend[i] as number;
      const p = params[i] as { b: number; min: number; max: number };
      return x > Math.max(p.min, hillInflection(p.b)) && x < p.max;
    });
  if (active.length > 0) {
    const sub = active.map((i) => {
      const l = lines[i] as ResponseLine;
      const p = params[i] as { b: number; min: number; max: number };
      return { ...l, min: Math.max(p.min, hillInflection(p.b)) };
    });
    const subBudget = total(active.map((i) => result.spend[i] as number));
    if (total(sub.map((l) => l.min)) <= subBudget) {
      const polished = allocate(sub, subBudget);
      const spend = [...result.spend];
      active.forEach((i, k) => (spend[i] = polished.spend[k] as number));
      const outcome = outcomeOf(lines, spend);
      if (outcome >= result.outcome) return { spend, marginal: polished.marginal, outcome, unspent: 0 };
    }
  }
  const interior = lines.map((l, i) => ({ l, x: result.spend[i] as number })).filter(({ l, x }) => x > l.min && x < l.max);
  result = { ...result, marginal: interior.length > 0 ? total(interior.map(({ l, x }) => l.fPrime(x))) / interior.length : 0 };
  return result;
}
