/**
 * Worked numbers of the chapter `case-studies` (see registry.ts): predictive values by Bayes' rule, the accuracy of a
 * screen, confidence intervals and the number of patients a validation study needs, the Bayes threshold and expected
 * cost under the binormal model, the ThresholdCost widget's presets (the same seeded samples the reader sees), the cost
 * of a customer-service conversation, and the TeamPlan widget's default hiring plan.
 *
 * Thin wrappers over lib/widgets/threshold-cost.ts and lib/widgets/team-plan.ts, so the prose prints what tested code
 * computes; every entry has a test in case-studies.test.ts. Every name starts with `cs`; arguments are numbers or
 * short strings.
 */
import {
  bayesThreshold,
  binormalAuc,
  binormalCost,
  binormalFpr,
  binormalTpr,
  npv,
  posteriorThreshold,
  ppv,
  prepareSample,
  presetValues,
  thresholdReport,
  THRESHOLD_MAX,
  type ThresholdPresetId,
} from '../widgets/threshold-cost';
import { DEFAULT_ROLES, roleMonthlyCost, teamPlanReport, teamPlanSchema, type Role } from '../widgets/team-plan';

/** The 97.5th percentile of the standard normal, for 95 % intervals. */
const Z95 = 1.959963984540054;

function check(cond: boolean, message: string): void {
  if (!cond) throw new Error(message);
}

function probability(x: number, what: string): number {
  check(Number.isFinite(x) && x >= 0 && x <= 1, `${what}: ${x} is not a probability in [0, 1]`);
  return x;
}

// ─── Diagnosis ───────────────────────────────────────────────────────────────────────────────────────────────────────

const BINORMAL_RATES = ['sensitivity', 'specificity', 'ppv', 'flagRate'] as const;

const PRESET_OUTPUTS = [
  'bestThreshold',
  'bestCost',
  'bestRecall',
  'bestPrecision',
  'bestFlagRate',
  'bestAccuracy',
  'bestPopulationCost',
  'bayesThreshold',
  'bayesCost',
  'auc',
  'aucTheory',
  'floorThreshold',
  'floorCost',
  'floorRecall',
  'floorFlagRate',
  'positives',
  'noneAccuracy',
  'noneCost',
] as const;

const presetSamples = new Map<string, ReturnType<typeof prepareSample>>();

/** The ThresholdCost report of a preset (seed 1, as the widget opens it), with a recall floor. Samples are cached. */
function presetReport(preset: string, minRecall: number) {
  check(['generic', 'diagnosis', 'service'].includes(preset), `csPreset: no preset "${preset}"`);
  const v = { ...presetValues(preset as ThresholdPresetId), minRecall };
  let sample = presetSamples.get(preset);
  if (!sample) {
    sample = prepareSample(v.separation, v.prevalence, v.cases, v.seed);
    presetSamples.set(preset, sample);
  }
  return { v, sample, r: thresholdReport(sample, v) };
}

// ─── Team ───────────────────────────────────────────────────────────────────────────────────────────────────────────

const PLAN_OUTPUTS = ['burnMonth0', 'netBurnMonth0', 'fullTeamBurn', 'runwayMonths', 'todayMonths', 'fullTeamMonths', 'breakEvenMonth', 'headcountAt12', 'expensesAt', 'cashAt', 'revenueAt'] as const;

/** The TeamPlan widget's default plan and money, with revenue growth `growth` and the roles' start months shifted. */
function defaultPlan(growth: number, roles: readonly Role[] = DEFAULT_ROLES) {
  const d = teamPlanSchema;
  return { roles, cash: d.cash.default, revenue: d.revenue.default, growth, compute: d.compute.default, other: d.other.default };
}

export const caseStudiesWorked = {
  /** Positive predictive value P(disease | positive test) by Bayes' rule, from sensitivity, specificity and prevalence. */
  csPpv: (sensitivity: number, specificity: number, prevalence: number) =>
    ppv(probability(sensitivity, 'csPpv'), probability(specificity, 'csPpv'), probability(prevalence, 'csPpv')),
  /** Negative predictive value P(no disease | negative test). */
  csNpv: (sensitivity: number, specificity: number, prevalence: number) =>
    npv(probability(sensitivity, 'csNpv'), probability(specificity, 'csNpv'), probability(prevalence, 'csNpv')),
  /** Accuracy as the prevalence-weighted mean of sensitivity and specificity: se·π + sp·(1 − π). */
  csAccuracy: (sensitivity: number, specificity: number, prevalence: number) =>
    probability(sensitivity, 'csAccuracy') * probability(prevalence, 'csAccuracy') + probability(specificity, 'csAccuracy') * (1 - prevalence),
  /** False alarms per true positive: (1 − sp)(1 − π) / (se·π). */
  csFalseAlarmsPerHit: (sensitivity: number, specificity: number, prevalence: number) =>
    ((1 - probability(specificity, 'csFalseAlarmsPerHit')) * (1 - probability(prevalence, 'csFalseAlarmsPerHit'))) /
    (probability(sensitivity, 'csFalseAlarmsPerHit') * prevalence),
  /** Half the width of a 95 % Wald interval for a proportion p measured on n cases: 1.96·√(p(1 − p)/n). */
  csWaldHalfWidth: (p: number, n: number) => {
    check(Number.isInteger(n) && n > 0, `csWaldHalfWidth: n = ${n} is not a positive integer`);
    return Z95 * Math.sqrt((probability(p, 'csWaldHalfWidth') * (1 - p)) / n);
  },
  /** Cases of the positive class needed for a 95 % Wald interval of ± halfWidth around an expected proportion p. */
  csPositivesNeeded: (p: number, halfWidth: number) => {
    check(halfWidth > 0 && halfWidth < 1, `csPositivesNeeded: half-width ${halfWidth} is not in (0, 1)`);
    return Math.ceil((Z95 * Z95 * probability(p, 'csPositivesNeeded') * (1 - p)) / (halfWidth * halfWidth));
  },
  /** People to enrol so that, at prevalence π, the expected number of positives reaches csPositivesNeeded. */
  csEnrolment: (p: number, halfWidth: number, prevalence: number) => {
    check(prevalence > 0 && prevalence <= 1, `csEnrolment: prevalence ${prevalence} is not in (0, 1]`);
    return Math.ceil(caseStudiesWorked.csPositivesNeeded(p, halfWidth) / prevalence);
  },
  /** The posterior probability above which a calibrated model should flag: c_FP / (c_FP + c_FN). */
  csPosteriorCut: (costFp: number, costFn: number) => posteriorThreshold(costFp, costFn),
  /** The Bayes threshold of the binormal model, d/2 + ln[c_FP(1 − π)/(c_FN π)]/d; throws where it is ±∞ or undefined. */
  csBayesThreshold: (d: number, prevalence: number, costFp: number, costFn: number) => {
    const t = bayesThreshold(d, prevalence, costFp, costFn);
    check(t !== null && Number.isFinite(t), `csBayesThreshold: no finite threshold for d = ${d}, π = ${prevalence}, costs ${costFp}/${costFn}`);
    return t!;
  },
  /** The binormal AUC, Φ(d/√2). */
  csBinormalAuc: (d: number) => binormalAuc(d),
  /** A rate of the binormal model at threshold t: sensitivity 1 − Φ(t − d), specificity Φ(t), PPV, or the share flagged. */
  csBinormalRate: (what: string, d: number, t: number, prevalence: number) => {
    check((BINORMAL_RATES as readonly string[]).includes(what), `csBinormalRate: "${what}" is not one of ${BINORMAL_RATES.join(', ')}`);
    const se = binormalTpr(d, t);
    const sp = 1 - binormalFpr(t);
    if (what === 'sensitivity') return se;
    if (what === 'specificity') return sp;
    if (what === 'ppv') return ppv(se, sp, prevalence);
    return se * prevalence + (1 - sp) * (1 - prevalence);
  },
  /** A rate (as csBinormalRate) or the expected cost per case ("cost") at the Bayes threshold of these costs. */
  csAtBayes: (what: string, d: number, prevalence: number, costFp: number, costFn: number) => {
    const t = caseStudiesWorked.csBayesThreshold(d, prevalence, costFp, costFn);
    return what === 'cost' ? binormalCost(d, prevalence, costFp, costFn, t) : caseStudiesWorked.csBinormalRate(what, d, t, prevalence);
  },
  /** Expected cost per case at threshold t (±Infinity allowed through 1e9): c_FP(1 − π)(1 − Φ(t)) + c_FN π Φ(t − d). */
  csBinormalCost: (d: number, prevalence: number, costFp: number, costFn: number, t: number) => binormalCost(d, prevalence, costFp, costFn, t),
  /**
   * A number of the ThresholdCost widget at a preset ("generic", "diagnosis", "service"), on the seeded sample the
   * widget opens with: its cheapest threshold and that threshold's numbers, the Bayes threshold and cost, the AUCs,
   * the cheapest threshold with recall ≥ minRecall (floor…), the number of positives, and the accuracy and cost of
   * flagging nobody (none…).
   */
  csPreset: (preset: string, output: string, minRecall = 0) => {
    check((PRESET_OUTPUTS as readonly string[]).includes(output), `csPreset: "${output}" is not one of ${PRESET_OUTPUTS.join(', ')}`);
    const { v, sample, r } = presetReport(preset, minRecall);
    const floor = r.floor ?? r.best;
    const none = thresholdReport(sample, { ...v, threshold: THRESHOLD_MAX });
    const out: Record<(typeof PRESET_OUTPUTS)[number], number | null> = {
      bestThreshold: r.best.threshold,
      bestCost: r.best.cost,
      bestRecall: r.best.recall,
      bestPrecision: r.best.precision,
      bestFlagRate: r.best.flagRate,
      bestAccuracy: (r.best.tp + (sample.negatives - r.best.fp)) / v.cases,
      bestPopulationCost: r.bestPopulationCost,
      bayesThreshold: r.bayesThreshold,
      bayesCost: r.bayesCost,
      auc: r.auc,
      aucTheory: r.aucTheory,
      floorThreshold: floor.threshold,
      floorCost: floor.cost,
      floorRecall: floor.recall,
      floorFlagRate: floor.flagRate,
      positives: sample.positives,
      noneAccuracy: none.counts.accuracy,
      noneCost: none.costPerCase,
    };
    const x = out[output as (typeof PRESET_OUTPUTS)[number]];
    check(x !== null && Number.isFinite(x), `csPreset: ${output} of ${preset} is not finite`);
    return x!;
  },

  // ─── Customer service ────────────────────────────────────────────────────────────────────────────────────────────
  /** The model's cost of one conversation in USD: turns × (input tokens × input price + output tokens × output price), prices per million tokens. */
  csBotCost: (turns: number, inputTokens: number, outputTokens: number, inputPrice: number, outputPrice: number) => {
    check([turns, inputTokens, outputTokens, inputPrice, outputPrice].every((x) => Number.isFinite(x) && x >= 0), 'csBotCost: every argument must be a number ≥ 0');
    return (turns * (inputTokens * inputPrice + outputTokens * outputPrice)) / 1e6;
  },
  /** A person's cost per conversation: fully loaded hourly cost / conversations handled per hour. */
  csHumanCost: (hourlyCost: number, perHour: number) => {
    check(perHour > 0, `csHumanCost: ${perHour} conversations per hour`);
    return hourlyCost / perHour;
  },
  /** Cost of a conversation when every one starts with the bot and a share h is handed to a person: bot + h × human. */
  csConversationCost: (bot: number, handoff: number, human: number) => bot + probability(handoff, 'csConversationCost') * human,
  /** The share of the all-human cost saved: 1 − (bot + h × human) / human. */
  csSaving: (bot: number, handoff: number, human: number) => 1 - (bot + probability(handoff, 'csSaving') * human) / human,
  /** Conversations truly resolved by the bot: containment × (1 − the share of contained conversations that come back). */
  csResolved: (containment: number, comeBack: number) => probability(containment, 'csResolved') * (1 - probability(comeBack, 'csResolved')),

  // ─── Team ────────────────────────────────────────────────────────────────────────────────────────────────────────
  /** A role's monthly cost: salary × (1 + onCost/100). */
  csRoleCost: (salary: number, onCost: number) => roleMonthlyCost({ salary, onCost }),
  /**
   * A number of the TeamPlan widget's default plan (3,000,000 USD of cash, 5,000 of revenue, 8,000 of compute and
   * 6,000 of other costs a month) at monthly revenue growth `growth`: burn, runway (the plan's and the two constant-burn
   * brackets), break-even, headcount in month 12, and expenses, cash or revenue in `month`.
   */
  csPlan: (output: string, growth = 0.06, month = 0) => {
    check((PLAN_OUTPUTS as readonly string[]).includes(output), `csPlan: "${output}" is not one of ${PLAN_OUTPUTS.join(', ')}`);
    check(Number.isInteger(month) && month >= 0 && month <= 120, `csPlan: month ${month} is not in 0..120`);
    const r = teamPlanReport(defaultPlan(growth), 36);
    check(r.ok, 'csPlan: the default plan failed (a bug)');
    if (!r.ok) return Number.NaN;
    const v = r.value;
    const at = v.path[month]!;
    const out: Record<(typeof PLAN_OUTPUTS)[number], number> = {
      burnMonth0: v.burnMonth0,
      netBurnMonth0: v.path[0]!.netBurn,
      fullTeamBurn: v.fullTeamBurn,
      runwayMonths: v.runway.months,
      todayMonths: v.todayMonths,
      fullTeamMonths: v.fullTeamMonths,
      breakEvenMonth: v.runway.breakEvenMonth,
      headcountAt12: v.headcountAt12,
      expensesAt: at.expenses,
      cashAt: at.cash,
      revenueAt: at.revenue,
    };
    return out[output as (typeof PLAN_OUTPUTS)[number]];
  },
  /**
   * A number of the default plan with the eight roles' start months given in order (founder, founder, ML engineer,
   * full-stack, support lead, sales, inference, data operations): runwayMonths, breakEvenMonth or headcountAt12.
   */
  csPlanStarts: (output: string, ...starts: number[]) => {
    check(starts.length === DEFAULT_ROLES.length, `csPlanStarts: ${starts.length} start months for ${DEFAULT_ROLES.length} roles`);
    check(['runwayMonths', 'breakEvenMonth', 'headcountAt12'].includes(output), `csPlanStarts: "${output}" is not runwayMonths, breakEvenMonth or headcountAt12`);
    const roles = DEFAULT_ROLES.map((r, i) => ({ ...r, start: starts[i]! }));
    const r = teamPlanReport(defaultPlan(teamPlanSchema.growth.default, roles), 36);
    check(r.ok, 'csPlanStarts: the plan failed (bad start months?)');
    if (!r.ok) return Number.NaN;
    return output === 'runwayMonths' ? r.value.runway.months : output === 'breakEvenMonth' ? r.value.runway.breakEvenMonth : r.value.headcountAt12;
  },
  /** The default plan's runway with every hire from the ML engineer on delayed by `delay` months (capped at month 35). */
  csPlanDelayed: (delay: number) => {
    check(Number.isInteger(delay) && delay >= 0, `csPlanDelayed: ${delay} is not a whole number of months`);
    const roles = DEFAULT_ROLES.map((r) => (r.kind === 'founder' ? r : { ...r, start: Math.min(35, r.start + delay) }));
    const r = teamPlanReport(defaultPlan(teamPlanSchema.growth.default, roles), 36);
    check(r.ok, 'csPlanDelayed: the plan failed (a bug)');
    return r.ok ? r.value.runway.months : Number.NaN;
  },
};
