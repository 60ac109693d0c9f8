import { describe, expect, it } from 'vitest';
import { binaryCounts } from '../math/classification';
import {
  THRESHOLD_MAX,
  THRESHOLD_MIN,
  bayesThreshold,
  bestThreshold,
  binormalAuc,
  binormalCost,
  binormalFpr,
  binormalPosterior,
  binormalTpr,
  costCurve,
  erfc,
  normalCdf,
  normalPdf,
  npv,
  positivesIn,
  posteriorThreshold,
  ppv,
  prPoints,
  prepareSample,
  presetValues,
  rocPoints,
  sampleAuc,
  sampleScores,
  scoreHistogram,
  sweep,
  sweepIndex,
  thin,
  thresholdCost,
  thresholdReport,
} from './threshold-cost';

describe('the normal distribution', () => {
  it.each([
    // Reference values of Φ (Abramowitz and Stegun, table 26.1, and scipy.stats.norm.cdf)
    [0, 0.5],
    [1, 0.8413447460685429],
    [-1, 0.15865525393145707],
    [1.959963984540054, 0.975],
    [-3, 0.0013498980316300946],
    [-5, 2.866515718791939e-7],
    [-10, 7.61985302416047e-24],
  ])('Φ(%f) = %f', (z, p) => {
    expect(Math.abs(normalCdf(z) - p) / p).toBeLessThan(1e-12);
  });
  it('is symmetric, monotone and continuous where erfc changes method (x = 3, z = 3√2)', () => {
    for (const z of [0.1, 0.7, 1.3, 2.2, 4.1, 6]) expect(normalCdf(z) + normalCdf(-z)).toBeCloseTo(1, 14);
    // across x = 3 erfc falls by about 2h·(2/√π)e^{−9}, its derivative times the step
    const h = 1e-9;
    expect(Math.abs(erfc(3 - h) - erfc(3 + h) - 2 * h * (2 / Math.sqrt(Math.PI)) * Math.exp(-9))).toBeLessThan(1e-15);
    // erfc(3) = 2.209049699858544e-5 (scipy.special.erfc)
    expect(erfc(3)).toBeCloseTo(2.209049699858544e-5, 17);
    expect(erfc(0)).toBe(1);
    expect(erfc(-1)).toBeCloseTo(1.8427007929497148, 14);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalPdf(0)).toBeCloseTo(0.3989422804014327, 15);
  });
});

describe('the population under the binormal model', () => {
  it('gives the Bayes threshold d/2 + ln[c_FP(1 − π)/(c_FN π)]/d', () => {
    // d = 2, π = 0.1, c_FP = 1, c_FN = 5: 1 + ln(0.9/0.5)/2 = 1 + 0.5877867/2 = 1.2938933 (hand computation)
    expect(bayesThreshold(2, 0.1, 1, 5)).toBeCloseTo(1.2938933, 6);
    // equal costs and classes: the midpoint d/2
    expect(bayesThreshold(3, 0.5, 1, 1)).toBe(1.5);
  });
  it('puts the posterior at c_FP/(c_FP + c_FN) on the Bayes threshold, and the expected cost at its minimum there', () => {
    for (const [d, pi, cfp, cfn] of [
      [2, 0.1, 1, 5],
      [2.5, 0.01, 200, 10000],
      [1.8, 0.25, 2.5, 6],
    ] as const) {
      const t = bayesThreshold(d, pi, cfp, cfn)!;
      expect(binormalPosterior(d, pi, t)).toBeCloseTo(posteriorThreshold(cfp, cfn), 12);
      const c = binormalCost(d, pi, cfp, cfn, t);
      expect(binormalCost(d, pi, cfp, cfn, t - 0.01)).toBeGreaterThan(c);
      expect(binormalCost(d, pi, cfp, cfn, t + 0.01)).toBeGreaterThan(c);
    }
  });
  it('handles the corner cases: a free error, a useless model, nothing to lose', () => {
    expect(bayesThreshold(2, 0.1, 0, 5)).toBe(-Infinity);
    expect(bayesThreshold(2, 0.1, 1, 0)).toBe(Infinity);
    expect(bayesThreshold(2, 0.1, 0, 0)).toBeNull();
    // d = 0: flag everyone iff c_FN·π > c_FP·(1 − π): 20·0.1 = 2 > 0.9
    expect(bayesThreshold(0, 0.1, 1, 20)).toBe(-Infinity);
    expect(bayesThreshold(0, 0.1, 1, 5)).toBe(Infinity);
    expect(bayesThreshold(0, 0.1, 1, 9)).toBeNull();
    // flag nobody: every positive is missed; flag everybody: every negative is a false alarm
    expect(binormalCost(2, 0.1, 1, 5, Infinity)).toBeCloseTo(0.5, 12);
    expect(binormalCost(2, 0.1, 1, 5, -Infinity)).toBeCloseTo(0.9, 12);
  });
  it('computes rates, AUC and predictive values', () => {
    // at t = d the sensitivity is 1/2; at t = 0 the false-positive rate is 1/2
    expect(binormalTpr(2, 2)).toBeCloseTo(0.5, 15);
    expect(binormalFpr(0)).toBeCloseTo(0.5, 15);
    // AUC = Φ(d/√2): Φ(0) = 0.5; Φ(√2) = 0.9213503964748575
    expect(binormalAuc(0)).toBe(0.5);
    expect(binormalAuc(2)).toBeCloseTo(0.9213503964748575, 14);
    // sensitivity 0.9, specificity 0.9, prevalence 1 %: PPV = 0.009/(0.009 + 0.099) = 1/12; NPV = 0.891/0.892
    expect(ppv(0.9, 0.9, 0.01)).toBeCloseTo(1 / 12, 14);
    expect(npv(0.9, 0.9, 0.01)).toBeCloseTo(0.891 / 0.892, 14);
    expect(ppv(0, 1, 0.5)).toBe(0);
  });
});

describe('the sample', () => {
  it('draws round(n·π) positives, at least one of each class, reproducibly', () => {
    expect(positivesIn(5000, 0.1)).toBe(500);
    expect(positivesIn(200, 0.001)).toBe(1);
    expect(positivesIn(200, 0.999)).toBe(199);
    const a = sampleScores(2, 0.1, 1000, 7);
    const b = sampleScores(2, 0.1, 1000, 7);
    expect(a).toEqual(b);
    expect(a.labels.filter((y) => y === 1)).toHaveLength(100);
    expect(a.positives).toBe(100);
    expect(a.negatives).toBe(900);
    // the draws do not depend on d: the positives slide by Δd, the negatives stay put
    const c = sampleScores(3, 0.1, 1000, 7);
    expect(c.scores[0]! - a.scores[0]!).toBeCloseTo(1, 12);
    expect(c.scores[500]).toBe(a.scores[500]);
    expect(() => sampleScores(2, 0, 100, 1)).toThrow(/prevalence/);
    expect(() => sampleScores(2, 0.1, 1.5, 1)).toThrow(/cases/);
  });

  it('sweeps every distinct threshold with the counts binaryCounts gives', () => {
    const { labels, scores } = sampleScores(1.5, 0.3, 400, 3);
    const s = sweep(labels, scores);
    expect(s.thresholds[0]).toBe(Infinity);
    expect(s.tp.at(-1)).toBe(s.positives);
    expect(s.fp.at(-1)).toBe(s.negatives);
    for (const t of [-2, -0.5, 0, 0.37, 1, 2.2, 3.9]) {
      const k = sweepIndex(s, t);
      const c = binaryCounts(labels, scores, t);
      expect([s.tp[k], s.fp[k]]).toEqual([c.tp, c.fp]);
    }
    // a threshold equal to a score flags that score (s ≥ t)
    const k = 17;
    expect(sweepIndex(s, s.thresholds[k]!)).toBe(k);
    expect(sweepIndex(s, 1e9)).toBe(0);
  });

  it('computes the AUC as the share of positive–negative pairs in order, ties counting half', () => {
    // positives score 0.9, 0.5, 0.3; negatives 0.5, 0.1, 0.3. Pairs won: 0.9 → 3; 0.5 → ½ + 1 + 1; 0.3 → 0 + 1 + ½.
    // 7 of 9 (hand computation)
    const s = sweep([1, 1, 0, 0, 1, 0], [0.9, 0.5, 0.5, 0.1, 0.3, 0.3]);
    expect(sampleAuc(s)).toBeCloseTo(7 / 9, 14);
    // the same by brute force on a random sample
    const { labels, scores } = sampleScores(1, 0.2, 300, 11);
    let won = 0;
    for (let i = 0; i < labels.length; i++)
      for (let j = 0; j < labels.length; j++)
        if (labels[i] === 1 && labels[j] === 0) won += scores[i]! > scores[j]! ? 1 : scores[i] === scores[j] ? 0.5 : 0;
    expect(sampleAuc(sweep(labels, scores))).toBeCloseTo(won / (60 * 240), 12);
    expect(() => sampleAuc(sweep([1, 1], [0.2, 0.4]))).toThrow(/both classes/);
  });

  it('finds the cheapest threshold exactly: no threshold in range does better', () => {
    const { labels, scores } = sampleScores(1.2, 0.2, 500, 5);
    const s = sweep(labels, scores);
    const best = bestThreshold(s, 1, 4)!;
    const costAt = (t: number) => {
      const c = binaryCounts(labels, scores, t);
      return (c.fp + 4 * c.fn) / labels.length;
    };
    expect(best.cost).toBeCloseTo(costAt(best.threshold), 14);
    // every score in range, and a fine grid, cost at least as much
    for (const t of scores.filter((x) => x > THRESHOLD_MIN && x < THRESHOLD_MAX)) expect(costAt(t)).toBeGreaterThanOrEqual(best.cost - 1e-12);
    for (let t = THRESHOLD_MIN; t <= THRESHOLD_MAX; t += 0.013) expect(costAt(t)).toBeGreaterThanOrEqual(best.cost - 1e-12);
  });

  it('respects a recall floor, and breaks ties towards the lower threshold', () => {
    const { labels, scores } = sampleScores(1.2, 0.2, 500, 5);
    const s = sweep(labels, scores);
    const free = bestThreshold(s, 1, 4)!;
    const floor = bestThreshold(s, 1, 4, 0.95)!;
    expect(floor.recall).toBeGreaterThanOrEqual(0.95);
    expect(floor.cost).toBeGreaterThanOrEqual(free.cost);
    expect(floor.threshold).toBeLessThan(free.threshold);
    // positives at 3 and 1, a negative at 2; c_FP = c_FN = 1. Flagging nobody (t = 5): 2 FN, cost 2/3; {3}: 1 FN, 1/3;
    // {3, 2}: 1 FP + 1 FN, 2/3; everybody (t = 1, and t = −5 flags the same): 1 FP, 1/3. The tie goes to t = 1.
    const tie = sweep([1, 0, 1], [3, 2, 1]);
    expect(bestThreshold(tie, 1, 1, 0, -5, 5)!.threshold).toBe(1);
    // false positives free: flag everybody, at t = 1 (t = −5 flags the same cases and is skipped)
    expect(bestThreshold(tie, 0, 1, 0, -5, 5)!.threshold).toBe(1);
    // false negatives free: nobody (t = 5) and {3} (t = 3) both cost 0; the lower threshold wins
    expect(bestThreshold(tie, 1, 0, 0, -5, 5)!.threshold).toBe(3);
    // a range that lies below every score: its top already flags everybody (1 FP, against 1000 for a miss)
    expect(bestThreshold(tie, 1, 1000, 0, -5, 0.5)!.threshold).toBe(0.5);
  });
});

describe('the report', () => {
  it('agrees with the population where the sample is large: the cheapest threshold costs within 1 % of Bayes', () => {
    for (const id of ['generic', 'diagnosis', 'service'] as const) {
      const v = presetValues(id);
      const sample = prepareSample(v.separation, v.prevalence, v.cases, v.seed);
      const r = thresholdReport(sample, v);
      expect(r.bestPopulationCost).toBeGreaterThanOrEqual(r.bayesCost);
      expect(r.bestPopulationCost / r.bayesCost).toBeLessThan(1.01);
      expect(Math.abs(r.best.threshold - r.bayesThreshold!)).toBeLessThan(0.2);
      expect(Math.abs(r.auc - r.aucTheory)).toBeLessThan(0.01);
      expect(r.costPerCase).toBeGreaterThanOrEqual(r.best.cost);
      expect(r.populationCost).toBeGreaterThanOrEqual(r.bayesCost);
    }
  });

  it('shows the diagnosis preset’s trade-off: a 0.95 recall floor costs more and flags more', () => {
    // Seeded: these are regression values of the chapter's worked example (seed 1, 20,000 patients, 200 with the disease).
    const v = { ...presetValues('diagnosis'), minRecall: 0.95 };
    const r = thresholdReport(prepareSample(v.separation, v.prevalence, v.cases, v.seed), v);
    expect(r.counts.tp + r.counts.fn).toBe(200);
    expect(r.floor!.recall).toBeGreaterThanOrEqual(0.95);
    expect(r.floor!.cost).toBeGreaterThan(r.best.cost);
    expect(r.floor!.flagRate).toBeGreaterThan(r.best.flagRate);
    // the Bayes threshold: 1.25 + ln(200·0.99/(10000·0.01))/2.5 = 1.25 + ln 1.98/2.5 = 1.5232387 (hand computation)
    expect(r.bayesThreshold).toBeCloseTo(1.5232387, 6);
    // flagging nobody scores 99 % accuracy and costs 10,000 × 200 / 20,000 = 100 per patient
    const none = thresholdReport(prepareSample(v.separation, v.prevalence, v.cases, v.seed), { ...v, threshold: THRESHOLD_MAX });
    expect(none.counts.accuracy).toBe(0.99);
    expect(none.costPerCase).toBe(100);
    expect(none.costPerCase).toBeGreaterThan(2 * r.best.cost);
  });

  it('reports a floor only when one is asked for, and the posterior cut-off c_FP/(c_FP + c_FN)', () => {
    const v = presetValues('generic');
    const r = thresholdReport(prepareSample(v.separation, v.prevalence, v.cases, v.seed), v);
    expect(r.floor).toBeNull();
    expect(r.posteriorCut).toBeCloseTo(1 / 6, 14);
    const z = thresholdReport(prepareSample(v.separation, v.prevalence, v.cases, v.seed), { ...v, costFp: 0, costFn: 0 });
    expect(z.posteriorCut).toBeNull();
    expect(z.bayesThreshold).toBeNull();
    expect(z.costPerCase).toBe(0);
  });
});

describe('curves for the charts', () => {
  it('thins a list to at most max items, keeping both ends', () => {
    const xs = Array.from({ length: 1001 }, (_, i) => i);
    const t = thin(xs, 11);
    expect(t).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
    expect(thin([1, 2, 3], 10)).toEqual([1, 2, 3]);
  });
  it('draws ROC from (0, 0) to (1, 1), precision–recall from the first flag, cost over the range, and histograms of every case', () => {
    const v = presetValues('generic');
    const sample = prepareSample(v.separation, v.prevalence, 2000, 4);
    const roc = rocPoints(sample.sweep, 100);
    expect(roc[0]).toEqual([0, 0]);
    expect(roc.at(-1)).toEqual([1, 1]);
    expect(roc.length).toBeLessThanOrEqual(100);
    const pr = prPoints(sample.sweep, 100);
    expect(pr.at(-1)).toEqual([1, 0.1]);
    const cost = costCurve(sample.sweep, 1, 5, -4, 6, 11);
    expect(cost).toHaveLength(11);
    // at t = −4 nearly everything is flagged: cost ≈ share of negatives flagged × 1
    expect(cost[0]![1]).toBeGreaterThan(0.85);
    const h = scoreHistogram(sample, -4, 6, 20);
    expect(h.neg.reduce((a, b) => a + b, 0)).toBe(1800);
    expect(h.pos.reduce((a, b) => a + b, 0)).toBe(200);
    expect(h.edges).toHaveLength(21);
  });
});

describe('the definition', () => {
  it('has the same strings in both editions and presets within its schema', () => {
    expect(Object.keys(thresholdCost.strings.zh).sort()).toEqual(Object.keys(thresholdCost.strings.en).sort());
    for (const id of ['generic', 'diagnosis', 'service'] as const) {
      const v = presetValues(id);
      for (const [k, f] of Object.entries(thresholdCost.schema)) {
        const x = (v as Record<string, unknown>)[k];
        if (f.type === 'number') expect([k, (x as number) >= f.min && (x as number) <= f.max]).toEqual([k, true]);
      }
    }
    expect(() => presetValues('nope' as never)).toThrow(/no preset/);
  });
});
