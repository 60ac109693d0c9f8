/**
 * ThresholdCost: a classifier's scores for two classes, and what each decision threshold costs.
 *
 * The model (the binormal model of ROC analysis, equal variances): a negative case's score is Normal(0, 1), a positive
 * case's Normal(d, 1), d ≥ 0 being the separation (d′ in signal-detection theory); a share π of the cases is positive
 * (the prevalence). A case is flagged (predicted positive) when its score s ≥ t, the convention of
 * lib/math/classification.ts's binaryCounts and of scikit-learn's roc_curve. A false positive costs c_FP and a false
 * negative c_FN; a correct decision costs nothing, so the cost per case is the extra cost over a perfect classifier.
 *
 * Two views of the same question:
 * - the sample: `cases` scores drawn with lib/random (round(cases·π) positives, at least one of each class); its
 *   ROC curve, AUC (exact, ties counted half) and the threshold that minimises the cost per case over the sample,
 *   found exactly by checking every distinct score in the slider's range and the range's two ends (the cost is a step
 *   function that changes only at a score);
 * - the population: the known distributions give the Bayes threshold
 *     t* = d/2 + ln[c_FP(1 − π) / (c_FN π)] / d,
 *   where the posterior P(positive | s) equals c_FP / (c_FP + c_FN), and the expected cost
 *     C(t) = c_FP (1 − π)(1 − Φ(t)) + c_FN π Φ(t − d).
 *   The sample's best threshold scatters around t*, and its in-sample cost is optimistic: it was chosen on the data.
 *
 * The view's test contract (`data-result="thresholdCost.<name>"`, raw number in `data-value`):
 * - settings: `threshold`, `separation`, `prevalence`, `costFp`, `costFn`, `minRecall`, `cases`, `positives`;
 * - at the reader's threshold, over the sample: `tp`, `fp`, `fn`, `tn`, `precision` (PPV), `recall` (sensitivity),
 *   `specificity`, `fpr`, `accuracy`, `f1`, `npv`, `flagRate` (share of cases flagged: the hand-off rate of a
 *   customer-service bot), `costPerCase`;
 * - `auc` (the sample's) and `aucTheory` = Φ(d/√2);
 * - the sample's cheapest threshold: `bestThreshold`, `bestCost`, `bestRecall`, `bestPrecision`, `bestFlagRate`,
 *   and `bestPopulationCost` (what that threshold costs on the population: the honest estimate);
 * - with a recall floor (minRecall > 0), the cheapest threshold whose recall reaches it: `floorThreshold`, `floorCost`,
 *   `floorRecall`;
 * - the population: `bayesThreshold` (absent when it is ±∞ or undefined), `bayesCost`, `populationCost` (C at the
 *   reader's threshold), `populationRecall`, `populationPrecision`.
 */
import { bilingual } from '../i18n';
import { binaryCounts, type BinaryCounts } from '../math/classification';
import { createRng } from '../random';
import { schemaDefaults, type Schema, type Values } from '../state/schema';
import { defineWidget, seedField } from './define';

export const THRESHOLD_COST_ID = 'thresholdCost';

/** The range of thresholds the reader can set (and the optimiser searches). Scores beyond it are still drawn. */
export const THRESHOLD_MIN = -6;
export const THRESHOLD_MAX = 11;

export const CONTEXTS = ['generic', 'diagnosis', 'service'] as const;
export type ThresholdContext = (typeof CONTEXTS)[number];

export const PREVALENCE_LADDER = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.3, 0.4, 0.5] as const;
export const CASES_LADDER = [200, 500, 1000, 2000, 5000, 10000, 20000] as const;

export const thresholdCostSchema = {
  context: {
    type: 'enum',
    default: 'generic',
    options: CONTEXTS,
    control: 'chips',
    label: { zh: '场景', en: 'Reading' },
    hint: { zh: '只改变术语：诊断里“阳性”是患病、“标记”是转诊；客服里“阳性”是需要人工、“标记”是转人工。', en: 'Changes the words only: in diagnosis a positive is a patient with the disease and a flag is a referral; in customer service a positive is a conversation that needs a person and a flag is a hand-off.' },
    optionLabels: {
      generic: { zh: '通用', en: 'Generic' },
      diagnosis: { zh: '诊断', en: 'Diagnosis' },
      service: { zh: '客服', en: 'Customer service' },
    },
  },
  threshold: {
    type: 'number',
    default: 1,
    min: THRESHOLD_MIN,
    max: THRESHOLD_MAX,
    step: 0.01,
    digits: 2,
    label: { zh: '阈值 t（分数 ≥ t 即标记）', en: 'Threshold t (flag when score ≥ t)' },
    hint: { zh: '也可以在分数分布图上点击或拖动。', en: 'You can also click or drag on the score chart.' },
  },
  separation: {
    type: 'number',
    default: 2,
    min: 0,
    max: 5,
    step: 0.1,
    digits: 1,
    group: 'model',
    label: { zh: '两类的分离度 d′', en: 'Separation d′' },
    hint: { zh: '阴性分数 ~ N(0, 1)，阳性分数 ~ N(d′, 1)。d′ = 0 的模型毫无用处。', en: 'Negatives score Normal(0, 1), positives Normal(d′, 1). At d′ = 0 the model is useless.' },
  },
  prevalence: {
    type: 'number',
    default: 0.1,
    min: 0.001,
    max: 0.5,
    ladder: PREVALENCE_LADDER,
    digits: 3,
    group: 'model',
    label: { zh: '患病率（阳性比例）π', en: 'Prevalence (share positive) π' },
  },
  costFp: {
    type: 'number',
    default: 1,
    min: 0,
    max: 1e6,
    control: 'number',
    group: 'costs',
    label: { zh: '一次假阳性的代价', en: 'Cost of a false positive' },
    hint: { zh: '多余的复查、一次不必要的转人工。', en: 'An unneeded follow-up test, a needless hand-off.' },
  },
  costFn: {
    type: 'number',
    default: 5,
    min: 0,
    max: 1e6,
    control: 'number',
    group: 'costs',
    label: { zh: '一次假阴性的代价', en: 'Cost of a false negative' },
    hint: { zh: '漏诊、机器人没解决却没转人工。', en: 'A missed disease; a conversation the bot failed and kept.' },
  },
  minRecall: {
    type: 'number',
    default: 0,
    min: 0,
    max: 1,
    step: 0.01,
    digits: 2,
    group: 'costs',
    label: { zh: '召回率下限', en: 'Recall floor' },
    hint: { zh: '大于 0 时，另求召回率不低于它的最省阈值（例如临床要求灵敏度 ≥ 0.95）。', en: 'Above 0, also find the cheapest threshold whose recall reaches it (a clinical requirement of sensitivity ≥ 0.95, say).' },
  },
  cases: {
    type: 'number',
    default: 5000,
    min: 200,
    max: 20000,
    integer: true,
    ladder: CASES_LADDER,
    group: 'sample',
    label: { zh: '样本量（病例数）', en: 'Cases in the sample' },
  },
  seed: seedField('sample'),
} satisfies Schema;

export type ThresholdCostValues = Values<typeof thresholdCostSchema>;

// ─── The normal distribution ────────────────────────────────────────────────────────────────────────────────────────

const SQRT2 = Math.SQRT2;
const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

/** erf(x) for 0 ≤ x < 3 by its everywhere-positive series e^{−x²}·(2/√π)·Σ 2ⁿx^{2n+1}/(1·3·…·(2n+1)). */
function erfSeries(x: number): number {
  let term = x;
  let sum = x;
  for (let n = 1; n < 200; n++) {
    term *= (2 * x * x) / (2 * n + 1);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return TWO_OVER_SQRT_PI * Math.exp(-x * x) * sum;
}

/** erfc(x) for x ≥ 3 by its continued fraction (modified Lentz): e^{−x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))). */
function erfcFraction(x: number): number {
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 300; k++) {
    const a = k / 2;
    d = x + a * d;
    d = Math.abs(d) < tiny ? tiny : d;
    c = x + a / c;
    c = Math.abs(c) < tiny ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / (Math.sqrt(Math.PI) * f);
}

/** erfc(x) = 1 − erf(x), with an absolute error below 1e-15 and a relative error below 1e-10 for every x. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < 0) return 2 - erfc(-x);
  return x < 3 ? 1 - erfSeries(x) : erfcFraction(x);
}

/** Φ(z), the standard normal cumulative distribution function: P(Z ≤ z) for Z ~ Normal(0, 1). */
export function normalCdf(z: number): number {
  if (z === Infinity) return 1;
  if (z === -Infinity) return 0;
  return 0.5 * erfc(-z / SQRT2);
}

/** φ(z) = e^{−z²/2}/√(2π), the standard normal density. */
export function normalPdf(z: number): number {
  return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
}

// ─── The population (the known distributions) ──────────────────────────────────────────────────────────────────────

/** Sensitivity (true-positive rate) at threshold t when positives score Normal(d, 1): P(s ≥ t) = 1 − Φ(t − d). */
export function binormalTpr(d: number, t: number): number {
  return normalCdf(d - t);
}

/** False-positive rate at threshold t when negatives score Normal(0, 1): 1 − Φ(t) (specificity is Φ(t)). */
export function binormalFpr(t: number): number {
  return normalCdf(-t);
}

/** The population's AUC, P(a positive's score > a negative's): the difference of the two is Normal(d, 2), so Φ(d/√2). */
export function binormalAuc(d: number): number {
  return normalCdf(d / SQRT2);
}

/** Positive predictive value from sensitivity, specificity and prevalence (Bayes' rule): se·π / (se·π + (1 − sp)(1 − π)). */
export function ppv(sensitivity: number, specificity: number, prevalence: number): number {
  const tp = sensitivity * prevalence;
  const fp = (1 - specificity) * (1 - prevalence);
  return tp + fp === 0 ? 0 : tp / (tp + fp);
}

/** Negative predictive value: sp·(1 − π) / (sp·(1 − π) + (1 − se)·π). */
export function npv(sensitivity: number, specificity: number, prevalence: number): number {
  const tn = specificity * (1 - prevalence);
  const fn = (1 - sensitivity) * prevalence;
  return tn + fn === 0 ? 0 : tn / (tn + fn);
}

/** The posterior P(positive | score s) under the binormal model: 1 / (1 + (1 − π)/π · e^{−(d·s − d²/2)}). */
export function binormalPosterior(d: number, prevalence: number, s: number): number {
  return 1 / (1 + ((1 - prevalence) / prevalence) * Math.exp(-(d * s - (d * d) / 2)));
}

/** Expected cost per case at threshold t: c_FP (1 − π)(1 − Φ(t)) + c_FN π Φ(t − d). Infinite t are allowed. */
export function binormalCost(d: number, prevalence: number, costFp: number, costFn: number, t: number): number {
  const fpPart = costFp === 0 ? 0 : costFp * (1 - prevalence) * binormalFpr(t);
  const fnPart = costFn === 0 ? 0 : costFn * prevalence * (1 - binormalTpr(d, t));
  return fpPart + fnPart;
}

/**
 * The Bayes threshold: flag a case when its posterior P(positive | s) ≥ c_FP / (c_FP + c_FN). Under the binormal
 * model the posterior grows with s, so the rule is s ≥ t* = d/2 + ln[c_FP(1 − π) / (c_FN π)] / d. Returns −∞ when
 * flagging everyone is optimal (c_FP = 0, or d = 0 with c_FN π > c_FP(1 − π)), +∞ when flagging no one is, and null
 * when every threshold costs the same (both costs 0, or d = 0 with c_FN π = c_FP(1 − π)).
 */
export function bayesThreshold(d: number, prevalence: number, costFp: number, costFn: number): number | null {
  if (costFp === 0 && costFn === 0) return null;
  if (costFp === 0) return -Infinity;
  if (costFn === 0) return Infinity;
  const logOdds = Math.log((costFp * (1 - prevalence)) / (costFn * prevalence));
  if (d === 0) return logOdds < 0 ? -Infinity : logOdds > 0 ? Infinity : null;
  return d / 2 + logOdds / d;
}

/** c_FP / (c_FP + c_FN): the posterior probability above which a calibrated model should flag a case. */
export function posteriorThreshold(costFp: number, costFn: number): number {
  return costFp / (costFp + costFn);
}

// ─── The sample ─────────────────────────────────────────────────────────────────────────────────────────────────────

export interface ScoreSample {
  /** 1 for a positive case, 0 for a negative; positives first. */
  labels: number[];
  scores: number[];
  positives: number;
  negatives: number;
}

/** The number of positives in a sample of `cases` at prevalence π: round(cases·π), kept within 1 … cases − 1. */
export function positivesIn(cases: number, prevalence: number): number {
  return Math.min(cases - 1, Math.max(1, Math.round(cases * prevalence)));
}

/**
 * Draws a sample: positivesIn(cases, π) positive cases scoring d + z and the rest negative, scoring z, with z standard
 * normal from createRng(seed) in case order. The draws do not depend on d, so moving d slides the positives' scores
 * and leaves the negatives' where they were.
 */
export function sampleScores(separation: number, prevalence: number, cases: number, seed: number): ScoreSample {
  if (!Number.isInteger(cases) || cases < 2) throw new Error(`sampleScores: cases = ${cases} is not an integer ≥ 2`);
  if (!(prevalence > 0 && prevalence < 1)) throw new Error(`sampleScores: prevalence ${prevalence} is not in (0, 1)`);
  if (!(separation >= 0) || !Number.isFinite(separation)) throw new Error(`sampleScores: separation ${separation} is not a finite number ≥ 0`);
  const rng = createRng(seed);
  const positives = positivesIn(cases, prevalence);
  const labels = new Array<number>(cases);
  const scores = new Array<number>(cases);
  for (let i = 0; i < cases; i++) {
    const y = i < positives ? 1 : 0;
    labels[i] = y;
    scores[i] = y * separation + rng.normal();
  }
  return { labels, scores, positives, negatives: cases - positives };
}

/**
 * Counts at every distinct threshold of a sample, from the highest to the lowest: entry k flags the cases with
 * score ≥ thresholds[k] and holds tp[k] and fp[k]. Entry 0 is +∞ (nothing flagged), then each distinct score in
 * descending order; the last entry flags everything. This is the ROC curve, point by point.
 */
export interface Sweep {
  thresholds: number[];
  tp: number[];
  fp: number[];
  positives: number;
  negatives: number;
}

export function sweep(labels: readonly number[], scores: readonly number[]): Sweep {
  if (labels.length !== scores.length) throw new Error(`sweep: arrays of lengths ${labels.length} and ${scores.length}`);
  const order = scores.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
  const thresholds = [Infinity];
  const tp = [0];
  const fp = [0];
  let t = 0;
  let f = 0;
  let i = 0;
  while (i < order.length) {
    const s = scores[order[i]!]!;
    while (i < order.length && scores[order[i]!] === s) {
      if (labels[order[i]!] === 1) t++;
      else f++;
      i++;
    }
    thresholds.push(s);
    tp.push(t);
    fp.push(f);
  }
  return { thresholds, tp, fp, positives: t, negatives: f };
}

/** The entry of a sweep that a threshold t selects: the lowest distinct score ≥ t (binary search), or entry 0. */
export function sweepIndex(s: Sweep, t: number): number {
  // thresholds descend; find the last k with thresholds[k] ≥ t.
  let lo = 0;
  let hi = s.thresholds.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (s.thresholds[mid]! >= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The area under the sample's ROC curve by the trapezoid rule over the sweep, which equals the Mann–Whitney statistic
 * P(s₊ > s₋) + ½P(s₊ = s₋) over all positive–negative pairs (Hanley and McNeil 1982; Fawcett 2006, §7).
 */
export function sampleAuc(s: Sweep): number {
  if (s.positives === 0 || s.negatives === 0) throw new Error('sampleAuc: needs cases of both classes');
  let area = 0;
  for (let k = 1; k < s.thresholds.length; k++) {
    area += (s.fp[k]! - s.fp[k - 1]!) * (s.tp[k]! + s.tp[k - 1]!);
  }
  return area / (2 * s.positives * s.negatives);
}

/** The cost per case of flagging with tp true and fp false positives: (c_FP·FP + c_FN·FN) / n. */
export function costPerCase(s: Sweep, k: number, costFp: number, costFn: number): number {
  const fn = s.positives - s.tp[k]!;
  return (costFp * s.fp[k]! + costFn * fn) / (s.positives + s.negatives);
}

export interface ThresholdChoice {
  threshold: number;
  cost: number;
  tp: number;
  fp: number;
  recall: number;
  precision: number;
  /** Share of all cases flagged. */
  flagRate: number;
}

/**
 * The threshold in [lo, hi] with the least cost per case over the sample, among those whose recall ≥ minRecall.
 * The cost changes only at a score, so the candidates are hi, every distinct score strictly between lo and hi, and
 * lo: every classification a threshold in [lo, hi] can make. Ties go to the lower threshold (the higher recall); a
 * threshold that flags the same cases as one already found (lo, when it flags what the lowest score does) is skipped.
 * Returns null when no candidate reaches the recall floor (only possible when scores lie below lo).
 */
export function bestThreshold(s: Sweep, costFp: number, costFn: number, minRecall = 0, lo = THRESHOLD_MIN, hi = THRESHOLD_MAX): ThresholdChoice | null {
  const n = s.positives + s.negatives;
  let best: ThresholdChoice | null = null;
  const consider = (t: number) => {
    const k = sweepIndex(s, t);
    const recall = s.positives === 0 ? 0 : s.tp[k]! / s.positives;
    if (recall < minRecall) return;
    const cost = costPerCase(s, k, costFp, costFn);
    // A tie with a different classification goes to the lower threshold; the same classification keeps the first.
    if (best === null || cost < best.cost || (cost === best.cost && (s.tp[k] !== best.tp || s.fp[k] !== best.fp))) {
      const flagged = s.tp[k]! + s.fp[k]!;
      best = { threshold: t, cost, tp: s.tp[k]!, fp: s.fp[k]!, recall, precision: flagged === 0 ? 0 : s.tp[k]! / flagged, flagRate: flagged / n };
    }
  };
  consider(hi);
  for (let k = 1; k < s.thresholds.length; k++) {
    const t = s.thresholds[k]!;
    if (t < hi && t > lo) consider(t);
  }
  consider(lo);
  return best;
}

// ─── Presets ────────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * The two case studies of the chapter, as settings. Costs are in US dollars and are assumptions for illustration:
 * - diagnosis: a screening model for a disease 1 % of those screened have; a false positive costs a specialist's
 *   follow-up examination (200), a false negative a disease found late (10,000);
 * - service: a bot's classifier of "this conversation needs a person", true of 25 % of conversations; an unneeded
 *   hand-off costs an agent's time (2.50), a failed conversation the bot kept costs a repeat contact and an unhappy
 *   customer (6).
 */
export const THRESHOLD_PRESETS = [
  { id: 'generic', values: { context: 'generic', separation: 2, prevalence: 0.1, costFp: 1, costFn: 5, threshold: 1, minRecall: 0, cases: 5000 } },
  { id: 'diagnosis', values: { context: 'diagnosis', separation: 2.5, prevalence: 0.01, costFp: 200, costFn: 10000, threshold: 1.5, minRecall: 0, cases: 20000 } },
  { id: 'service', values: { context: 'service', separation: 1.8, prevalence: 0.25, costFp: 2.5, costFn: 6, threshold: 1, minRecall: 0, cases: 5000 } },
] as const satisfies readonly { id: string; values: Partial<ThresholdCostValues> }[];
export type ThresholdPresetId = (typeof THRESHOLD_PRESETS)[number]['id'];

/** The settings of a preset, with the schema's defaults for the rest (the seed among them). */
export function presetValues(id: ThresholdPresetId): ThresholdCostValues {
  const p = THRESHOLD_PRESETS.find((x) => x.id === id);
  if (!p) throw new Error(`presetValues: no preset "${id}"`);
  return { ...schemaDefaults(thresholdCostSchema), ...p.values };
}

// ─── The report ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** A sample with its sweep and AUC: everything that depends only on d, π, the number of cases and the seed. */
export interface PreparedSample extends ScoreSample {
  sweep: Sweep;
  auc: number;
}

export function prepareSample(separation: number, prevalence: number, cases: number, seed: number): PreparedSample {
  const sample = sampleScores(separation, prevalence, cases, seed);
  const s = sweep(sample.labels, sample.scores);
  return { ...sample, sweep: s, auc: sampleAuc(s) };
}

export interface ThresholdReport {
  counts: BinaryCounts;
  /** tn / (tn + fn), 0 when nothing is left unflagged. */
  npv: number;
  flagRate: number;
  costPerCase: number;
  auc: number;
  aucTheory: number;
  best: ThresholdChoice;
  /** The cheapest threshold meeting the recall floor; null when the floor is 0 (then it is `best`). */
  floor: ThresholdChoice | null;
  /** What the sample's best threshold costs on the population. */
  bestPopulationCost: number;
  bayesThreshold: number | null;
  /** C(t*), the least expected cost any threshold reaches on the population. */
  bayesCost: number;
  populationCost: number;
  populationRecall: number;
  populationPrecision: number;
  /** c_FP / (c_FP + c_FN), the posterior at the Bayes threshold; null when both costs are 0. */
  posteriorCut: number | null;
}

/** Everything the view shows, from a prepared sample and the settings. */
export function thresholdReport(sample: PreparedSample, v: ThresholdCostValues): ThresholdReport {
  const counts = binaryCounts(sample.labels, sample.scores, v.threshold);
  const n = sample.labels.length;
  const best = bestThreshold(sample.sweep, v.costFp, v.costFn, 0);
  if (!best) throw new Error('thresholdReport: no threshold found (a bug)');
  const floor = v.minRecall > 0 ? bestThreshold(sample.sweep, v.costFp, v.costFn, v.minRecall) : null;
  const bayes = bayesThreshold(v.separation, v.prevalence, v.costFp, v.costFn);
  const bayesCost = bayes === null ? binormalCost(v.separation, v.prevalence, v.costFp, v.costFn, 0) : binormalCost(v.separation, v.prevalence, v.costFp, v.costFn, bayes);
  const popRecall = binormalTpr(v.separation, v.threshold);
  const popFpr = binormalFpr(v.threshold);
  return {
    counts,
    npv: counts.tn + counts.fn === 0 ? 0 : counts.tn / (counts.tn + counts.fn),
    flagRate: (counts.tp + counts.fp) / n,
    costPerCase: (v.costFp * counts.fp + v.costFn * counts.fn) / n,
    auc: sample.auc,
    aucTheory: binormalAuc(v.separation),
    best,
    floor,
    bestPopulationCost: binormalCost(v.separation, v.prevalence, v.costFp, v.costFn, best.threshold),
    bayesThreshold: bayes,
    bayesCost,
    populationCost: binormalCost(v.separation, v.prevalence, v.costFp, v.costFn, v.threshold),
    populationRecall: popRecall,
    populationPrecision: ppv(popRecall, 1 - popFpr, v.prevalence),
    posteriorCut: v.costFp + v.costFn === 0 ? null : posteriorThreshold(v.costFp, v.costFn),
  };
}

// ─── Curves for the charts ──────────────────────────────────────────────────────────────────────────────────────────

/** At most `max` evenly spaced items of a list, always keeping the first and the last. */
export function thin<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  const out: T[] = [];
  const step = (items.length - 1) / (max - 1);
  for (let i = 0; i < max; i++) out.push(items[Math.round(i * step)]!);
  return out;
}

/** The sample's ROC curve as [fpr, tpr] points from (0, 0) to (1, 1), thinned to `max` points. */
export function rocPoints(s: Sweep, max = 300): [number, number][] {
  const pts = s.thresholds.map((_, k) => [s.fp[k]! / s.negatives, s.tp[k]! / s.positives] as [number, number]);
  return thin(pts, max);
}

/** The sample's precision–recall curve as [recall, precision], from the first flagged case on, thinned. */
export function prPoints(s: Sweep, max = 300): [number, number][] {
  const pts: [number, number][] = [];
  for (let k = 1; k < s.thresholds.length; k++) {
    const flagged = s.tp[k]! + s.fp[k]!;
    pts.push([s.tp[k]! / s.positives, s.tp[k]! / flagged]);
  }
  return thin(pts, max);
}

/** The x range the charts of scores draw: from −4 to d + 4, inside the threshold range. */
export function scoreRange(d: number): [number, number] {
  return [Math.max(THRESHOLD_MIN, -4), Math.min(THRESHOLD_MAX, d + 4)];
}

/** The sample's cost per case at `points` thresholds evenly spread over [lo, hi], as [t, cost]. */
export function costCurve(s: Sweep, costFp: number, costFn: number, lo: number, hi: number, points = 241): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < points; i++) {
    const t = lo + ((hi - lo) * i) / (points - 1);
    out.push([t, costPerCase(s, sweepIndex(s, t), costFp, costFn)]);
  }
  return out;
}

/** Per-class histograms of the sample's scores over `bins` equal bins of [lo, hi] (scores outside go to the end bins). */
export function scoreHistogram(sample: ScoreSample, lo: number, hi: number, bins = 40): { edges: number[]; neg: number[]; pos: number[] } {
  const width = (hi - lo) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, i) => lo + i * width);
  const neg = new Array<number>(bins).fill(0);
  const pos = new Array<number>(bins).fill(0);
  sample.scores.forEach((x, i) => {
    const b = Math.min(bins - 1, Math.max(0, Math.floor((x - lo) / width)));
    if (sample.labels[i] === 1) pos[b]! += 1;
    else neg[b]! += 1;
  });
  return { edges, neg, pos };
}

// ─── The definition ─────────────────────────────────────────────────────────────────────────────────────────────────

interface Terms {
  case: string;
  cases: string;
  positive: string;
  negative: string;
  /** The positive class as a count's label: "with the disease: 200". */
  positives: string;
  flag: string;
  notFlag: string;
  flagRate: string;
  recall: string;
  precision: string;
  unit: string;
}

export const thresholdCost = defineWidget({
  id: THRESHOLD_COST_ID,
  tag: 'ThresholdCost',
  title: { zh: '阈值与代价：每种错误各值多少钱', en: 'Threshold and cost: what each kind of error is worth' },
  schema: thresholdCostSchema,
  groups: [
    { id: 'model', label: { zh: '分数的分布', en: 'The scores' }, open: true },
    { id: 'costs', label: { zh: '错误的代价', en: 'What errors cost' }, open: true },
    { id: 'sample', label: { zh: '样本', en: 'The sample' }, collapsed: true },
  ],
  placeholderHeight: 1400,
  strings: bilingual({
    zh: {
      presets: '案例预设',
      colon: '：',
      presetLabels: {
        generic: '通用示例',
        diagnosis: '诊断：罕见病筛查，漏诊代价高',
        service: '客服：何时转人工',
      } as Record<ThresholdPresetId, string>,
      terms: {
        generic: { case: '样本', cases: '个样本', positive: '阳性', negative: '阴性', positives: '其中阳性', flag: '标记为阳性', notFlag: '未标记', flagRate: '标记比例', recall: '召回率（灵敏度）', precision: '精确率（PPV）', unit: '' },
        diagnosis: { case: '受检者', cases: '名受检者', positive: '患病', negative: '未患病', positives: '其中患病', flag: '转诊复查', notFlag: '不转诊', flagRate: '转诊比例', recall: '灵敏度（召回率）', precision: '阳性预测值 PPV（精确率）', unit: '美元' },
        service: { case: '会话', cases: '个会话', positive: '需要人工', negative: '机器人能解决', positives: '其中需要人工', flag: '转人工', notFlag: '留给机器人', flagRate: '转人工比例', recall: '需人工的会话被转出的比例（召回率）', precision: '转出的会话中确需人工的比例（精确率）', unit: '美元' },
      } as Record<ThresholdContext, Terms>,
      atThreshold: '在你的阈值下（样本）：t =',
      floorSetting: '召回率下限',
      confusion: '混淆矩阵',
      truth: '真实情况',
      decision: '决定',
      specificity: '特异度',
      fpr: '假阳性率',
      accuracy: '准确率',
      f1: 'F1',
      npv: '阴性预测值 NPV',
      costPerCase: (c: string) => `每个${c}的平均代价`,
      auc: 'AUC（样本）',
      aucTheory: 'AUC（总体）Φ(d′/√2)',
      bestTitle: '样本上最省的阈值',
      bestPopulation: '这个阈值在总体上的期望代价（更诚实的估计）',
      floorTitle: (r: string) => `召回率 ≥ ${r} 时最省的阈值`,
      bayesTitle: '贝叶斯阈值（已知分布）',
      bayesAll: '把所有人都标记出来最省（t* = −∞）。',
      bayesNone: '谁也不标记最省（t* = +∞）。',
      bayesAny: '所有阈值的代价都一样。',
      bayesCost: '总体上可达到的最低期望代价',
      posteriorCut: (p: string) => `等价地：当后验概率 P(阳性 | 分数) ≥ c_FP/(c_FP + c_FN) = ${p} 时标记。`,
      populationCost: '你的阈值在总体上的期望代价',
      populationRates: '总体上：',
      optimism: '在同一个样本上挑出来的阈值，它在该样本上的代价偏乐观；请在另一份数据上核实。',
      fewPositives: (k: number) => `样本里只有 ${k} 个阳性，召回率等比率的随机波动很大；请增加样本量。`,
      useBayes: '用贝叶斯阈值',
      distChart: '两类分数的分布（各自归一化）',
      distNote: (ratio: string) => `两条曲线各自按本类总数归一化；阴性的实际数量是阳性的 ${ratio} 倍。实线：阈值；虚线：贝叶斯阈值；点线：样本上最省的阈值。`,
      costChart: '每例代价随阈值的变化',
      rocChart: 'ROC 曲线',
      prChart: '精确率—召回率曲线',
      axisScore: '分数',
      axisDensity: '密度',
      axisCost: '每例代价',
      axisThreshold: '阈值 t',
      axisFpr: '假阳性率',
      axisTpr: '真阳性率（召回率）',
      axisRecall: '召回率',
      axisPrecision: '精确率',
      seriesSample: '样本',
      seriesPopulation: '总体（已知分布）',
      seriesChance: '随机猜测',
      markerYou: '你的阈值',
      markerBest: '最省',
      tableLabel: '以表格查看数值',
      binCol: '分数区间',
      countCol: (x: string) => `${x}（例数）`,
      thresholdCol: '阈值',
      costCol: '每例代价（样本）',
      popCostCol: '每例代价（总体）',
      fprCol: '假阳性率',
      tprCol: '召回率',
      precisionCol: '精确率',
      dragHint: '在分数分布图上点击或拖动即可移动阈值；键盘用户请用上面的阈值滑块。',
      chartsSummary: (auc: string, best: string, cost: string) => `图表摘要：样本 AUC 为 ${auc}；样本上最省的阈值为 ${best}，每例代价 ${cost}。`,
    },
    en: {
      presets: 'Case-study presets',
      colon: ': ',
      presetLabels: {
        generic: 'Generic example',
        diagnosis: 'Diagnosis: a rare disease, costly misses',
        service: 'Customer service: when to hand off',
      } as Record<ThresholdPresetId, string>,
      terms: {
        generic: { case: 'case', cases: 'cases', positive: 'positive', negative: 'negative', positives: 'positive', flag: 'flag as positive', notFlag: 'not flagged', flagRate: 'Share flagged', recall: 'Recall (sensitivity)', precision: 'Precision (PPV)', unit: '' },
        diagnosis: { case: 'patient', cases: 'patients', positive: 'has the disease', negative: 'does not', positives: 'with the disease', flag: 'refer for follow-up', notFlag: 'not referred', flagRate: 'Share referred', recall: 'Sensitivity (recall)', precision: 'Positive predictive value (precision)', unit: 'USD' },
        service: { case: 'conversation', cases: 'conversations', positive: 'needs a person', negative: 'the bot can resolve', positives: 'needing a person', flag: 'hand off', notFlag: 'kept by the bot', flagRate: 'Hand-off rate', recall: 'Share of hard conversations handed off (recall)', precision: 'Share of hand-offs that needed a person (precision)', unit: 'USD' },
      } as Record<ThresholdContext, Terms>,
      atThreshold: 'At your threshold, on the sample: t =',
      floorSetting: 'recall floor',
      confusion: 'Confusion matrix',
      truth: 'Truth',
      decision: 'Decision',
      specificity: 'Specificity',
      fpr: 'False-positive rate',
      accuracy: 'Accuracy',
      f1: 'F1',
      npv: 'Negative predictive value',
      costPerCase: (c: string) => `Cost per ${c}`,
      auc: 'AUC (sample)',
      aucTheory: 'AUC (population) Φ(d′/√2)',
      bestTitle: 'The sample’s cheapest threshold',
      bestPopulation: 'What that threshold costs on the population (the honest estimate)',
      floorTitle: (r: string) => `The cheapest threshold with recall ≥ ${r}`,
      bayesTitle: 'The Bayes threshold (known distributions)',
      bayesAll: 'Flagging everyone is cheapest (t* = −∞).',
      bayesNone: 'Flagging no one is cheapest (t* = +∞).',
      bayesAny: 'Every threshold costs the same.',
      bayesCost: 'The least expected cost on the population',
      posteriorCut: (p: string) => `Equivalently: flag when the posterior P(positive | score) ≥ c_FP/(c_FP + c_FN) = ${p}.`,
      populationCost: 'Your threshold’s expected cost on the population',
      populationRates: 'On the population:',
      optimism: 'A threshold picked on a sample looks better on that sample than it is; check it on other data.',
      fewPositives: (k: number) => `The sample holds only ${k} positives, so recall and the other rates are noisy; use more cases.`,
      useBayes: 'Use the Bayes threshold',
      distChart: 'Scores of the two classes (each scaled to its own total)',
      distNote: (ratio: string) => `Each curve is scaled to its own class; there are ${ratio} times as many negatives as positives. Solid line: your threshold; dashed: the Bayes threshold; dotted: the sample’s cheapest.`,
      costChart: 'Cost per case against the threshold',
      rocChart: 'ROC curve',
      prChart: 'Precision–recall curve',
      axisScore: 'score',
      axisDensity: 'density',
      axisCost: 'cost per case',
      axisThreshold: 'threshold t',
      axisFpr: 'false-positive rate',
      axisTpr: 'true-positive rate (recall)',
      axisRecall: 'recall',
      axisPrecision: 'precision',
      seriesSample: 'Sample',
      seriesPopulation: 'Population (known distributions)',
      seriesChance: 'Chance',
      markerYou: 'your threshold',
      markerBest: 'cheapest',
      tableLabel: 'Show the numbers as a table',
      binCol: 'Scores',
      countCol: (x: string) => `${x} (count)`,
      thresholdCol: 'Threshold',
      costCol: 'Cost per case (sample)',
      popCostCol: 'Cost per case (population)',
      fprCol: 'False-positive rate',
      tprCol: 'Recall',
      precisionCol: 'Precision',
      dragHint: 'Click or drag on the score chart to move the threshold; from the keyboard, use the threshold slider above.',
      chartsSummary: (auc: string, best: string, cost: string) => `Summary of the charts: the sample’s AUC is ${auc}; its cheapest threshold is ${best}, at ${cost} per case.`,
    },
  }),
});

export default thresholdCost;
