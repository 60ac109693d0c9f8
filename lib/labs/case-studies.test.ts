import { describe, expect, it } from 'vitest';
import { DEFAULT_ROLES, teamPlanReport, teamPlanSchema, type Role } from '../widgets/team-plan';
import { THRESHOLD_MAX, prepareSample, presetValues, thresholdReport, type ThresholdCostValues } from '../widgets/threshold-cost';
import { caseStudiesLabs as labs } from './case-studies';
import type { LabResults } from './types';

/** What the ThresholdCost view publishes for these settings (components/widgets/threshold-cost/index.tsx). */
function thresholdResults(v: ThresholdCostValues): LabResults {
  const sample = prepareSample(v.separation, v.prevalence, v.cases, v.seed);
  const r = thresholdReport(sample, v);
  return {
    separation: v.separation,
    prevalence: v.prevalence,
    costFp: v.costFp,
    costFn: v.costFn,
    minRecall: v.minRecall,
    threshold: v.threshold,
    recall: r.counts.recall,
    accuracy: r.counts.accuracy,
    costPerCase: r.costPerCase,
    bestCost: r.best.cost,
    bestThreshold: r.best.threshold,
    ...(r.floor ? { floorCost: r.floor.cost, floorThreshold: r.floor.threshold } : {}),
  };
}

/** What the TeamPlan view publishes for the default money and these roles. */
function planResults(roles: readonly Role[], money: Partial<{ cash: number; revenue: number; growth: number }> = {}): LabResults {
  const d = teamPlanSchema;
  const p = { roles, cash: d.cash.default, revenue: d.revenue.default, growth: d.growth.default, compute: d.compute.default, other: d.other.default, ...money };
  const r = teamPlanReport(p, 36);
  if (!r.ok) throw new Error('plan failed');
  return {
    roles: roles.length,
    cash: p.cash,
    revenue: p.revenue,
    growth: p.growth,
    fullTeamBurn: r.value.fullTeamBurn,
    runwayMonths: r.value.runway.months,
    headcountAt12: r.value.headcountAt12,
  };
}

const withStarts = (starts: number[]) => DEFAULT_ROLES.map((r, i) => ({ ...r, start: starts[i]! }));

describe('labs of the chapter case-studies', () => {
  it('read the widgets that publish what they check, and are not done on the page’s starting settings', () => {
    expect(labs['case-recall-floor']!.widget).toBe('thresholdCost');
    expect(labs['case-accuracy-trap']!.widget).toBe('thresholdCost');
    expect(labs['case-hire-later']!.widget).toBe('teamPlan');
    const start = thresholdResults(presetValues('generic'));
    expect(labs['case-recall-floor']!.check(start)).toBe(false);
    expect(labs['case-accuracy-trap']!.check(start)).toBe(false);
    expect(labs['case-hire-later']!.check(planResults(DEFAULT_ROLES))).toBe(false);
    for (const lab of Object.values(labs)) expect(lab.check({})).toBe(false);
  });

  it('recall floor: the floor’s own threshold passes, the cheapest threshold (recall 0.875) does not', () => {
    const lab = labs['case-recall-floor']!;
    const v = { ...presetValues('diagnosis'), minRecall: 0.95 };
    const floor = thresholdResults(v).floorThreshold as number;
    expect(lab.check(thresholdResults({ ...v, threshold: floor }))).toBe(true);
    // a slider position just below it flags a few more patients and stays within 1 %
    expect(lab.check(thresholdResults({ ...v, threshold: Math.floor(floor * 100) / 100 }))).toBe(true);
    const best = thresholdResults(v).bestThreshold as number;
    expect(lab.check(thresholdResults({ ...v, threshold: best }))).toBe(false);
    // far below the floor's threshold: recall ≥ 0.95, but far too many referrals
    expect(lab.check(thresholdResults({ ...v, threshold: 0 }))).toBe(false);
    // without the floor set, or in another case, it does not count
    expect(lab.check(thresholdResults({ ...v, minRecall: 0, threshold: floor }))).toBe(false);
    expect(lab.check(thresholdResults({ ...presetValues('service'), minRecall: 0.95, threshold: floor }))).toBe(false);
  });

  it('accuracy trap: flagging nobody is 99 % accurate and costs 100 per patient, far above the cheapest', () => {
    const lab = labs['case-accuracy-trap']!;
    const v = presetValues('diagnosis');
    expect(lab.check(thresholdResults({ ...v, threshold: THRESHOLD_MAX }))).toBe(true);
    expect(lab.check(thresholdResults({ ...v, threshold: 4 }))).toBe(true);
    // the cheapest threshold is cheap, and at 1.5 accuracy is 93 %
    expect(lab.check(thresholdResults({ ...v, threshold: thresholdResults(v).bestThreshold as number }))).toBe(false);
    expect(lab.check(thresholdResults({ ...v, threshold: 1.5 }))).toBe(false);
  });

  it('hire later: delaying the later hires buys runway, shrinking the team or adding cash does not count', () => {
    const lab = labs['case-hire-later']!;
    // founders 0, ML 3, full-stack 4, support lead 6, sales 12, inference 18, data 24: 37 months, 6 people in month 12
    expect(lab.check(planResults(withStarts([0, 0, 3, 4, 6, 12, 18, 24])))).toBe(true);
    // 5 people in month 12 is too few, however long the runway
    expect(lab.check(planResults(withStarts([0, 0, 4, 6, 8, 14, 24, 30])))).toBe(false);
    // the default starts with more cash, or without the last two roles, do not count
    expect(lab.check(planResults(DEFAULT_ROLES, { cash: 4e6 }))).toBe(false);
    expect(lab.check(planResults(DEFAULT_ROLES.slice(0, 6)))).toBe(false);
  });
});
