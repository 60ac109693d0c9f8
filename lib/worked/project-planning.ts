/**
 * Worked numbers of the chapter `project-planning` (see registry.ts). Every entry has a test in project-planning.test.ts.
 *
 * The scoring matrix and the feasibility rules call the same code as the chapter's widgets (lib/widgets/idea-scorer.ts,
 * lib/widgets/feasibility.ts), so a number printed in the prose is the number the widget shows for the same inputs.
 * Ideas and criteria are 0-based indices into the chapter's example (EXAMPLE_SCORES, CRITERIA). Where a function takes
 * optional weights, none means the example team's weights (DEFAULT_WEIGHTS).
 */
import { marketSize, minCasesFor, wilsonInterval } from '../widgets/feasibility';
import { DEFAULT_WEIGHTS, EXAMPLE_SCORES, sensitivity, uniformTolerance, weightShares, weightedScores, weightedSums, type Idea } from '../widgets/idea-scorer';

const example = (): Idea[] => EXAMPLE_SCORES.map((scores, i) => ({ name: String(i), scores: [...scores] }));
const weightsOr = (w: number[]) => (w.length ? w : [...DEFAULT_WEIGHTS]);

function scores(w: number[]): number[] {
  const s = weightedScores(example(), weightsOr(w));
  if (!s) throw new Error('every weight is 0');
  return s;
}

function tieOf(criterion: number, w: number[]) {
  const s = sensitivity(example(), weightsOr(w));
  const c = s?.criteria[criterion];
  if (!c) throw new Error(`no criterion ${criterion}`);
  return c;
}

export const projectPlanningWorked = {
  /** Weighted score S_i = Σ_k w_k s_ik / Σ_k w_k of example idea `idea` (1–5 scale), with the given or the example weights. */
  planScore: (idea: number, ...weights: number[]) => scores(weights)[idea] ?? Number.NaN,
  /** Weighted sum Σ_k w_k s_ik of example idea `idea` (before dividing by Σw). */
  planWeightedSum: (idea: number, ...weights: number[]) => weightedSums(example(), weightsOr(weights))[idea] ?? Number.NaN,
  /** Criterion `criterion`'s share of the total weight, w_k / Σw. */
  planWeightShare: (criterion: number, ...weights: number[]) => weightShares(weightsOr(weights))?.[criterion] ?? Number.NaN,
  /** S_A − S_B, the leader's margin over the runner-up in the example. */
  planMargin: (...weights: number[]) => sensitivity(example(), weightsOr(weights))?.margin ?? Number.NaN,
  /** D = Σ_k w_k (s_Ak − s_Bk), the leader's lead in weighted-sum units. */
  planLead: (...weights: number[]) => sensitivity(example(), weightsOr(weights))?.lead ?? Number.NaN,
  /** w*_k = w_k − D/d_k: the weight of `criterion` at which the top two tie (NaN, failing the build, if none). */
  planTieWeight: (criterion: number, ...weights: number[]) => tieOf(criterion, weights).tieWeight ?? Number.NaN,
  /** (w*_k − w_k)/w_k: the relative change of that weight, a fraction (−0.5 = halve it). */
  planTieChange: (criterion: number, ...weights: number[]) => tieOf(criterion, weights).relative ?? Number.NaN,
  /** ε = D / Σ_k w_k |d_k|: the relative move of every weight at once that first lets the runner-up tie the leader. */
  planUniformTolerance: (...weights: number[]) => uniformTolerance(example(), weightsOr(weights)) ?? Number.NaN,
  /** Months of cash left at a milestone: runway − months to the milestone. */
  planSlack: (runwayMonths: number, milestoneMonths: number) => runwayMonths - milestoneMonths,
  /** Lower end of the 95 % Wilson interval of k passes in n cases. */
  planWilsonLower: (k: number, n: number) => wilsonInterval(k, n)[0],
  /** Upper end of the 95 % Wilson interval of k passes in n cases. */
  planWilsonUpper: (k: number, n: number) => wilsonInterval(k, n)[1],
  /** Smallest evaluation set, in multiples of `step`, at which pass rate `rate` has a Wilson lower bound ≥ `target`. */
  planMinCases: (rate: number, target: number, step: number) => minCasesFor(rate, target, step),
  /** The normal-approximation half-width z·√(p(1−p)/n) of a pass rate p on n cases, at 95 %. */
  planHalfWidth: (p: number, n: number) => 1.959963984540054 * Math.sqrt((p * (1 - p)) / n),
  /** Annual reachable market: customers × monthly price × 12, USD. */
  planMarketSize: (customers: number, monthlyPrice: number) => marketSize(customers, monthlyPrice),
  /** Share of the reachable market a revenue goal needs: goal / (customers × monthly price × 12). */
  planShareNeeded: (goal: number, customers: number, monthlyPrice: number) => goal / marketSize(customers, monthlyPrice),
};
