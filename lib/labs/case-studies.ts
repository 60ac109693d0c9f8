/** Lab exercises of the chapter `case-studies` (see ./types.ts). They read the ThresholdCost and TeamPlan widgets. */
import { presetValues } from '../widgets/threshold-cost';
import { DEFAULT_ROLES, fullTeamBurn, teamPlanSchema } from '../widgets/team-plan';
import type { LabResults, LabSet } from './types';

/** A published result, or undefined when it is missing or not a finite number. */
const val = (r: LabResults, key: string): number | undefined => {
  const v = r[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
};

const DIAGNOSIS = presetValues('diagnosis');

/** The widget shows the diagnosis case: its distributions and costs (the sample's size and seed may differ). */
function isDiagnosis(r: LabResults): boolean {
  return (
    val(r, 'separation') === DIAGNOSIS.separation &&
    val(r, 'prevalence') === DIAGNOSIS.prevalence &&
    val(r, 'costFp') === DIAGNOSIS.costFp &&
    val(r, 'costFn') === DIAGNOSIS.costFn
  );
}

/** The TeamPlan page's money and the default plan's eight roles at their costs (only the start months may move). */
const PLAN = {
  roles: DEFAULT_ROLES.length,
  cash: teamPlanSchema.cash.default,
  revenue: teamPlanSchema.revenue.default,
  growth: teamPlanSchema.growth.default,
  fullTeamBurn: fullTeamBurn({
    roles: DEFAULT_ROLES,
    cash: teamPlanSchema.cash.default,
    revenue: teamPlanSchema.revenue.default,
    growth: teamPlanSchema.growth.default,
    compute: teamPlanSchema.compute.default,
    other: teamPlanSchema.other.default,
  }),
};

export const caseStudiesLabs: LabSet = {
  'case-recall-floor': {
    widget: 'thresholdCost',
    goal: {
      zh: '在“诊断”预设下把召回率下限设为 0.95，再亲手移动阈值：召回率 ≥ 0.95，且每例代价不超过满足该下限的最低代价的 1.01 倍。',
      en: 'With the diagnosis preset, set the recall floor to 0.95, then move the threshold yourself: recall ≥ 0.95 at a cost per patient within 1 % of the cheapest that meets the floor.',
    },
    check: (r) => {
      const floor = val(r, 'minRecall');
      const recall = val(r, 'recall');
      const cost = val(r, 'costPerCase');
      const best = val(r, 'floorCost');
      return (
        isDiagnosis(r) &&
        floor !== undefined &&
        Math.abs(floor - 0.95) < 1e-9 &&
        recall !== undefined &&
        recall >= 0.95 &&
        cost !== undefined &&
        best !== undefined &&
        cost <= 1.01 * best
      );
    },
  },
  'case-accuracy-trap': {
    widget: 'thresholdCost',
    goal: {
      zh: '在“诊断”预设下找一个准确率至少 99% 的阈值，而它的每例代价至少是最省阈值的两倍。',
      en: 'With the diagnosis preset, find a threshold whose accuracy is at least 99 % and whose cost per patient is at least twice the cheapest threshold’s.',
    },
    check: (r) => {
      const accuracy = val(r, 'accuracy');
      const cost = val(r, 'costPerCase');
      const best = val(r, 'bestCost');
      return isDiagnosis(r) && accuracy !== undefined && accuracy >= 0.99 && cost !== undefined && best !== undefined && cost >= 2 * best;
    },
  },
  'case-hire-later': {
    widget: 'teamPlan',
    goal: {
      zh: '不动现金、收入、增长率，也不删岗位、不改薪酬，只调整起始月：让跑道至少 36 个月，同时第 12 个月在岗的人不少于 6 个。',
      en: 'Without touching cash, revenue or growth, and keeping all eight roles at their pay, change only start months: a runway of at least 36 months with at least 6 people on the payroll in month 12.',
    },
    check: (r) => {
      const months = val(r, 'runwayMonths');
      const people = val(r, 'headcountAt12');
      return (
        val(r, 'roles') === PLAN.roles &&
        val(r, 'cash') === PLAN.cash &&
        val(r, 'revenue') === PLAN.revenue &&
        val(r, 'growth') === PLAN.growth &&
        val(r, 'fullTeamBurn') === PLAN.fullTeamBurn &&
        months !== undefined &&
        months >= 36 &&
        people !== undefined &&
        people >= 6
      );
    },
  },
};
