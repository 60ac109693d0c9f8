import { describe, expect, it } from 'vitest';
import { createRng } from '../random';
import {
  accuracy,
  argmaxRows,
  averages,
  binaryCounts,
  confusionMatrix,
  earlyStopping,
  expectedCalibrationError,
  fitStandardizer,
  perClassMetrics,
  reliabilityBins,
  shuffledIndices,
  standardize,
  topKAccuracy,
  trainValTestSplit,
} from './classification';

// Twelve examples of three classes. Pairs (true, predicted): (0,0)×4 (0,1)×1 (1,0)×2 (1,1)×2 (1,2)×1 (2,1)×1 (2,2)×1.
const LABELS = [0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2];
const PREDICTIONS = [0, 1, 0, 0, 0, 0, 1, 2, 1, 0, 2, 1];

describe('confusion matrix', () => {
  it('counts true classes in rows and predicted classes in columns', () => {
    expect(confusionMatrix(LABELS, PREDICTIONS, 3)).toEqual([
      [4, 1, 0],
      [2, 2, 1],
      [0, 1, 1],
    ]);
    expect(confusionMatrix([], [], 2)).toEqual([
      [0, 0],
      [0, 0],
    ]);
  });
  it('rejects out-of-range classes and length mismatches', () => {
    expect(() => confusionMatrix([0, 3], [0, 1], 3)).toThrow(/label: 3 at index 1 is not a class in 0\.\.2/);
    expect(() => confusionMatrix([0, 1], [0, -1], 3)).toThrow(/prediction: -1 at index 1/);
    expect(() => confusionMatrix([0, 1.5], [0, 1], 3)).toThrow(/not a class/);
    expect(() => confusionMatrix([0, 1], [0], 3)).toThrow(/lengths 2 and 1/);
    expect(() => confusionMatrix([0], [0], 0)).toThrow(/positive integer/);
  });
  it('gives accuracy = trace / total', () => {
    // trace 4 + 2 + 1 = 7 of 12 (hand)
    expect(accuracy(LABELS, PREDICTIONS)).toBeCloseTo(7 / 12, 15);
    expect(() => accuracy([], [])).toThrow(/no examples/);
    expect(() => accuracy([1], [1, 2])).toThrow(/lengths/);
  });
});

describe('per-class metrics and their averages', () => {
  const metrics = perClassMetrics(confusionMatrix(LABELS, PREDICTIONS, 3));

  it.each([
    // class 0: tp 4, column 4+2+0 = 6 → P = 4/6 = 2/3; row 4+1+0 = 5 → R = 4/5; F1 = 2·4/(8 + 2 + 1) = 8/11
    { c: 0, tp: 4, fp: 2, fn: 1, precision: 2 / 3, recall: 4 / 5, f1: 8 / 11, support: 5 },
    // class 1: tp 2, column 1+2+1 = 4 → P = 2/4 = 1/2; row 2+2+1 = 5 → R = 2/5; F1 = 4/(4 + 2 + 3) = 4/9
    { c: 1, tp: 2, fp: 2, fn: 3, precision: 1 / 2, recall: 2 / 5, f1: 4 / 9, support: 5 },
    // class 2: tp 1, column 0+1+1 = 2 → P = 1/2; row 0+1+1 = 2 → R = 1/2; F1 = 2/(2 + 1 + 1) = 1/2
    { c: 2, tp: 1, fp: 1, fn: 1, precision: 1 / 2, recall: 1 / 2, f1: 1 / 2, support: 2 },
  ])('computes class $c by hand: P = $precision, R = $recall, F1 = $f1', ({ c, tp, fp, fn, precision, recall, f1, support }) => {
    const m = metrics[c]!;
    expect([m.tp, m.fp, m.fn, m.support]).toEqual([tp, fp, fn, support]);
    expect(m.precision).toBeCloseTo(precision, 15);
    expect(m.recall).toBeCloseTo(recall, 15);
    expect(m.f1).toBeCloseTo(f1, 15);
    // F1 is the harmonic mean of P and R: class 0: 2·(2/3)(4/5)/(2/3 + 4/5) = (16/15)/(22/15) = 8/11
    expect(m.f1).toBeCloseTo((2 * m.precision * m.recall) / (m.precision + m.recall), 15);
    expect(m.zeroDivision).toEqual([]);
  });

  it('averages macro, weighted and micro differently', () => {
    const a = averages(metrics);
    // macro P = (2/3 + 1/2 + 1/2)/3 = 5/9; R = (4/5 + 2/5 + 1/2)/3 = 17/30;
    // F1 = (8/11 + 4/9 + 1/2)/3 = (144 + 88 + 99)/198/3 = 331/594 ≈ 0.557239 (hand)
    expect(a.macro.precision).toBeCloseTo(5 / 9, 15);
    expect(a.macro.recall).toBeCloseTo(17 / 30, 15);
    expect(a.macro.f1).toBeCloseTo(331 / 594, 15);
    // weighted by support 5, 5, 2 of 12: P = (10/3 + 5/2 + 1)/12 = 41/72; R = (4 + 2 + 1)/12 = 7/12 (= accuracy, always);
    // F1 = (40/11 + 20/9 + 1)/12 = (360 + 220 + 99)/99/12 = 679/1188 ≈ 0.571549 (hand)
    expect(a.weighted.precision).toBeCloseTo(41 / 72, 15);
    expect(a.weighted.recall).toBeCloseTo(7 / 12, 15);
    expect(a.weighted.f1).toBeCloseTo(679 / 1188, 15);
    // micro pools Σtp = 7, Σfp = 5, Σfn = 5: P = R = F1 = 7/12 = accuracy
    expect(a.micro.precision).toBeCloseTo(7 / 12, 15);
    expect(a.micro.recall).toBeCloseTo(7 / 12, 15);
    expect(a.micro.f1).toBeCloseTo(7 / 12, 15);
  });

  it('has micro P = R = F1 = accuracy on any single-label data', () => {
    const rng = createRng(7);
    for (let trial = 0; trial < 20; trial++) {
      const k = 2 + rng.int(6);
      const n = 1 + rng.int(60);
      const y = Array.from({ length: n }, () => rng.int(k));
      const p = Array.from({ length: n }, () => rng.int(k));
      const { micro } = averages(perClassMetrics(confusionMatrix(y, p, k)));
      const acc = accuracy(y, p);
      expect(micro.precision).toBeCloseTo(acc, 14);
      expect(micro.recall).toBeCloseTo(acc, 14);
      expect(micro.f1).toBeCloseTo(acc, 14);
    }
  });

  it('sets an undefined ratio to 0 and flags it (zero_division=0), for a class with no examples', () => {
    // k = 5: class 3 is predicted once but never true (support 0); class 4 is neither true nor predicted
    const m = perClassMetrics(confusionMatrix([0, 0, 1, 1, 2], [0, 3, 1, 1, 2], 5));
    // class 0: tp 1, fp 0, fn 1 → P = 1, R = 1/2, F1 = 2/(2 + 0 + 1) = 2/3
    expect(m[0]!.recall).toBeCloseTo(1 / 2, 15);
    expect(m[0]!.f1).toBeCloseTo(2 / 3, 15);
    // class 3: tp 0, fp 1 → P = 0/1 = 0 (defined); R = 0/0 → 0, flagged; F1 = 0/(0 + 1 + 0) = 0 (defined)
    expect(m[3]).toMatchObject({ tp: 0, fp: 1, fn: 0, support: 0, precision: 0, recall: 0, f1: 0, zeroDivision: ['recall'] });
    // class 4: everything 0/0
    expect(m[4]).toMatchObject({ support: 0, precision: 0, recall: 0, f1: 0, zeroDivision: ['precision', 'recall', 'f1'] });
    const a = averages(m);
    // macro over the classes present in labels or predictions (0..3), as scikit-learn's default labels:
    // P = (1 + 1 + 1 + 0)/4 = 3/4; R = (1/2 + 1 + 1 + 0)/4 = 5/8; F1 = (2/3 + 1 + 1 + 0)/4 = 2/3
    // (with class 4 counted as well they would be 3/5, 1/2, 8/15)
    expect(a.macro.precision).toBeCloseTo(3 / 4, 15);
    expect(a.macro.recall).toBeCloseTo(5 / 8, 15);
    expect(a.macro.f1).toBeCloseTo(2 / 3, 15);
    // weighted by support 2, 2, 1, 0, 0 of 5: P = 5/5 = 1; R = (1 + 2 + 1)/5 = 4/5; F1 = (4/3 + 2 + 1)/5 = 13/15
    expect(a.weighted.precision).toBeCloseTo(1, 15);
    expect(a.weighted.recall).toBeCloseTo(4 / 5, 15);
    expect(a.weighted.f1).toBeCloseTo(13 / 15, 15);
    // micro: Σtp = 4, Σfp = 1, Σfn = 1 → 4/5 = accuracy
    expect(a.micro.f1).toBeCloseTo(4 / 5, 15);
    expect(() => averages(perClassMetrics([[0, 0], [0, 0]]))).toThrow(/no examples/);
    expect(() => perClassMetrics([[1, 2]])).toThrow(/row of length 2/);
  });
});

describe('argmax and top-k accuracy', () => {
  const probs = [
    [0.7, 0.2, 0.1], // label 0: rank 0
    [0.5, 0.3, 0.2], // label 1: rank 1
    [0.1, 0.3, 0.6], // label 0: rank 2
    [0.2, 0.5, 0.3], // label 1: rank 0
    [0.3, 0.25, 0.45], // label 1: rank 2
  ];
  const labels = [0, 1, 0, 1, 1];

  it('takes the first largest entry of each row', () => {
    expect(argmaxRows(probs)).toEqual([0, 0, 2, 1, 2]);
    expect(argmaxRows([[0.5, 0.5, 0], [-3, -1, -2]])).toEqual([0, 1]);
    expect(() => argmaxRows([[]])).toThrow(/empty/);
  });
  it('equals the accuracy of argmax at k = 1, and grows with k to 1 at k = number of classes', () => {
    // ranks 0, 1, 2, 0, 2: top-1 2/5, top-2 3/5, top-3 5/5 (hand)
    expect(topKAccuracy(probs, labels, 1)).toBeCloseTo(2 / 5, 15);
    expect(topKAccuracy(probs, labels, 1)).toBe(accuracy(labels, argmaxRows(probs)));
    expect(topKAccuracy(probs, labels, 2)).toBeCloseTo(3 / 5, 15);
    expect(topKAccuracy(probs, labels, 3)).toBe(1);
    expect(topKAccuracy(probs, labels, 10)).toBe(1);
  });
  it('breaks ties by class index, so top-1 agrees with argmax even on ties', () => {
    const tied = [[0.4, 0.4, 0.2]];
    expect(topKAccuracy(tied, [0], 1)).toBe(1);
    expect(topKAccuracy(tied, [1], 1)).toBe(0);
    expect(topKAccuracy(tied, [1], 2)).toBe(1);
    expect(topKAccuracy(tied, [1], 1)).toBe(accuracy([1], argmaxRows(tied)));
    expect(() => topKAccuracy(tied, [3], 1)).toThrow(/not a class/);
    expect(() => topKAccuracy(tied, [0], 0)).toThrow(/positive integer/);
  });
});

describe('binary counts at a threshold', () => {
  // positives at scores 0.9, 0.6, 0.4; negatives at 0.55, 0.5, 0.2, 0
  const y = [1, 1, 0, 1, 0, 0, 0];
  const s = [0.9, 0.6, 0.55, 0.4, 0.5, 0.2, 0];

  it('at 0.5 counts a score equal to the threshold as positive', () => {
    const b = binaryCounts(y, s, 0.5);
    // predicted positive: 0.9 (1), 0.6 (1), 0.55 (0), 0.5 (0) → TP 2, FP 2; below: 0.4 (1) → FN 1; 0.2, 0 → TN 2
    expect([b.tp, b.fp, b.tn, b.fn]).toEqual([2, 2, 2, 1]);
    // P = 2/4, R = 2/3, F1 = 4/(4 + 2 + 1) = 4/7, specificity = 2/4, FPR = 2/4, accuracy = 4/7 (hand)
    expect(b.precision).toBeCloseTo(1 / 2, 15);
    expect(b.recall).toBeCloseTo(2 / 3, 15);
    expect(b.f1).toBeCloseTo(4 / 7, 15);
    expect(b.specificity).toBeCloseTo(1 / 2, 15);
    expect(b.fpr).toBeCloseTo(1 / 2, 15);
    expect(b.accuracy).toBeCloseTo(4 / 7, 15);
    expect(b.zeroDivision).toEqual([]);
  });
  it('at 0 calls everything positive', () => {
    const b = binaryCounts(y, s, 0);
    // TP 3, FP 4: P = 3/7, R = 1, F1 = 6/(6 + 4 + 0) = 3/5, specificity 0/4 = 0, FPR 4/4 = 1
    expect([b.tp, b.fp, b.tn, b.fn]).toEqual([3, 4, 0, 0]);
    expect(b.precision).toBeCloseTo(3 / 7, 15);
    expect(b.recall).toBe(1);
    expect(b.f1).toBeCloseTo(3 / 5, 15);
    expect(b.specificity).toBe(0);
    expect(b.fpr).toBe(1);
  });
  it('at 1 calls nothing positive here, and flags precision as 0/0', () => {
    const b = binaryCounts(y, s, 1);
    // TN 4, FN 3: P = 0/0 → 0 (flagged), R = 0/3 = 0, F1 = 0/(0 + 0 + 3) = 0, specificity 1, FPR 0, accuracy 4/7
    expect([b.tp, b.fp, b.tn, b.fn]).toEqual([0, 0, 4, 3]);
    expect([b.precision, b.recall, b.f1, b.specificity, b.fpr]).toEqual([0, 0, 0, 1, 0]);
    expect(b.accuracy).toBeCloseTo(4 / 7, 15);
    expect(b.zeroDivision).toEqual(['precision']);
    // a score of exactly 1 still counts as positive at threshold 1 (score ≥ threshold)
    expect(binaryCounts([1], [1], 1).tp).toBe(1);
  });
  it('rejects labels other than 0 and 1', () => {
    expect(() => binaryCounts([2], [0.3], 0.5)).toThrow(/not 0 or 1/);
    expect(() => binaryCounts([1], [0.3, 0.2], 0.5)).toThrow(/lengths/);
  });
});

describe('calibration', () => {
  // two predictions at confidence 0.95, one right; four at 0.65, three right
  const conf = [0.95, 0.95, 0.65, 0.65, 0.65, 0.65];
  const correct = [true, false, true, true, true, false];

  it('bins confidences into equal-width right-closed bins', () => {
    const bins = reliabilityBins(conf, correct);
    expect(bins).toHaveLength(10);
    expect(bins[9]).toMatchObject({ lower: 0.9, upper: 1, count: 2, meanConfidence: 0.95, accuracy: 0.5 });
    expect(bins[6]).toMatchObject({ lower: 0.6, upper: 0.7, count: 4, meanConfidence: 0.65, accuracy: 0.75 });
    expect(bins[0]).toMatchObject({ count: 0, meanConfidence: null, accuracy: null });
    // edges: 0.3 is in (0.2, 0.3], 0 in the first bin, 1 in the last
    const edges = reliabilityBins([0.3, 0, 1, 0.7, 0.1], [1, 0, 1, 1, 0]);
    expect(edges.map((b) => b.count)).toEqual([2, 0, 1, 0, 0, 0, 1, 0, 0, 1]);
    // in floating point 0.28·25 = 7.000000000000001, yet 0.28 is the right edge 7/25 of bin 6, (0.24, 0.28]
    expect(reliabilityBins([0.28], [1], 25).findIndex((b) => b.count === 1)).toBe(6);
    expect(() => reliabilityBins([1.2], [true])).toThrow(/not in \[0, 1\]/);
    expect(() => reliabilityBins([0.5], [2])).toThrow(/boolean or 0 \/ 1/);
  });
  it('computes ECE = Σ (n_b/N)·|acc − conf| (Guo et al. 2017) on a case worked by hand', () => {
    // bin (0.9, 1]: |0.5 − 0.95| = 0.45, weight 2/6; bin (0.6, 0.7]: |0.75 − 0.65| = 0.1, weight 4/6
    // ECE = 0.15 + 0.0667 = 13/60 ≈ 0.216667 (hand)
    expect(expectedCalibrationError(conf, correct)).toBeCloseTo(13 / 60, 14);
    // one bin: |mean accuracy 4/6 − mean confidence (1.9 + 2.6)/6 = 0.75| = 1/12
    expect(expectedCalibrationError(conf, correct, 1)).toBeCloseTo(1 / 12, 14);
    expect(() => expectedCalibrationError([], [])).toThrow(/no examples/);
  });
  it('is 0 when every bin is perfectly calibrated', () => {
    // 0.75 → 3 of 4 right; 0.25 → 1 of 4 right
    const c = [0.75, 0.75, 0.75, 0.75, 0.25, 0.25, 0.25, 0.25];
    const ok = [1, 1, 1, 0, 0, 1, 0, 0];
    expect(expectedCalibrationError(c, ok)).toBe(0);
    expect(expectedCalibrationError(c, ok, 15)).toBe(0);
  });
});

describe('early stopping (Keras semantics)', () => {
  it('stops patience epochs after the best epoch of a curve that improves then plateaus', () => {
    // best 0.55 at epoch 3; epochs 4, 5, 6 do not improve → wait reaches 3 at epoch 6
    const val = [1.0, 0.8, 0.6, 0.55, 0.56, 0.57, 0.58, 0.59, 0.6];
    expect(earlyStopping(val, { patience: 3 })).toEqual({ stopEpoch: 6, bestEpoch: 3, bestValue: 0.55, keptEpoch: 6 });
    expect(earlyStopping(val, { patience: 3, restoreBestWeights: true }).keptEpoch).toBe(3);
    // patience 0: stops at the first epoch without an improvement
    expect(earlyStopping(val, { patience: 0 }).stopEpoch).toBe(4);
  });
  it('lets an improvement reset the count', () => {
    // 0.9 (best, epoch 1), 0.95 (wait 1), 0.85 (best, epoch 3, wait 0), 0.9 (1), 0.9 (2) → stop at epoch 5
    expect(earlyStopping([1, 0.9, 0.95, 0.85, 0.9, 0.9, 0.8], { patience: 2 })).toMatchObject({ stopEpoch: 5, bestEpoch: 3 });
  });
  it('turns an improvement of minDelta or less into none', () => {
    const val = [1.0, 0.8, 0.79, 0.785, 0.7, 0.6];
    // minDelta 0: 0.79 and 0.785 improve, and the curve never stalls
    expect(earlyStopping(val, { patience: 2 })).toMatchObject({ stopEpoch: null, bestEpoch: 5 });
    // minDelta 0.05: 0.79 and 0.785 are not below 0.8 − 0.05 = 0.75, so the best stays 0.8 at epoch 1 → stop at 3
    expect(earlyStopping(val, { patience: 2, minDelta: 0.05 })).toEqual({ stopEpoch: 3, bestEpoch: 1, bestValue: 0.8, keptEpoch: 3 });
    // strictly more than minDelta: 1 − 0.25 = 0.75 exactly is no improvement
    expect(earlyStopping([1, 0.75, 0.75], { patience: 2, minDelta: 0.25 })).toMatchObject({ stopEpoch: 2, bestEpoch: 0 });
  });
  it('never triggers on a curve that always improves', () => {
    expect(earlyStopping([5, 4, 3, 2, 1], { patience: 1 })).toEqual({ stopEpoch: null, bestEpoch: 4, bestValue: 1, keptEpoch: 4 });
    expect(earlyStopping([5, 4, 3, 2, 1], { patience: 1, restoreBestWeights: true }).keptEpoch).toBe(4);
    // a curve that ends before patience runs out does not trigger either; with restoreBestWeights it still rolls back
    expect(earlyStopping([1, 0.5, 0.6, 0.7], { patience: 5, restoreBestWeights: true })).toEqual({
      stopEpoch: null,
      bestEpoch: 1,
      bestValue: 0.5,
      keptEpoch: 1,
    });
  });
  it('never counts a NaN loss as an improvement, and validates its options', () => {
    expect(earlyStopping([1, Number.NaN, Number.NaN], { patience: 2 })).toMatchObject({ stopEpoch: 2, bestEpoch: 0 });
    expect(() => earlyStopping([], { patience: 1 })).toThrow(/no epochs/);
    expect(() => earlyStopping([1], { patience: -1 })).toThrow(/patience/);
    expect(() => earlyStopping([1], { patience: 1.5 })).toThrow(/patience/);
    expect(() => earlyStopping([1], { patience: 1, minDelta: -0.1 })).toThrow(/minDelta/);
  });
});

describe('splits without leakage', () => {
  const sorted = (a: number[]) => [...a].sort((x, y) => x - y);

  it('shuffles 0..n − 1 into a permutation that depends only on the seed', () => {
    const a = shuffledIndices(50, 42);
    expect(sorted(a)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(shuffledIndices(50, 42)).toEqual(a);
    expect(shuffledIndices(50, 43)).not.toEqual(a);
    expect(shuffledIndices(0, 1)).toEqual([]);
    expect(shuffledIndices(1, 1)).toEqual([0]);
  });

  it('returns disjoint train, val and test sets that cover every index once, with rounded sizes', () => {
    const s = trainValTestSplit(101, { val: 0.15, test: 0.2, seed: 3 });
    // round(101·0.15) = round(15.15) = 15; round(101·0.2) = round(20.2) = 20; train 101 − 35 = 66
    expect([s.train.length, s.val.length, s.test.length]).toEqual([66, 15, 20]);
    expect(sorted([...s.train, ...s.val, ...s.test])).toEqual(Array.from({ length: 101 }, (_, i) => i));
    expect(trainValTestSplit(101, { val: 0.15, test: 0.2, seed: 3 })).toEqual(s);
    expect(trainValTestSplit(101, { val: 0.15, test: 0.2, seed: 4 })).not.toEqual(s);
    expect(() => trainValTestSplit(10, { val: 0.5, test: 0.5, seed: 1 })).toThrow(/val \+ test < 1/);
    // round(2·0.3) = 1 and round(2·0.45) = 1 leave no training item
    expect(() => trainValTestSplit(2, { val: 0.3, test: 0.45, seed: 1 })).toThrow(/none for training/);
  });

  /** Every class c (n_c of n items) has floor or ceil of n_c·m/n items in every set of size m. */
  const expectStratified = (labels: number[], split: ReturnType<typeof trainValTestSplit>) => {
    const n = labels.length;
    for (const set of [split.train, split.val, split.test]) {
      for (const c of new Set(labels)) {
        const nc = labels.filter((l) => l === c).length;
        const inSet = set.filter((i) => labels[i] === c).length;
        expect(Math.abs(inSet - (nc * set.length) / n)).toBeLessThan(1);
      }
    }
  };

  it('stratifies: every class within one item of its share of the whole in every set', () => {
    // 10 items: class 0 ×6, class 1 ×3, class 2 ×1; sets of 6, 2, 2.
    // targets n_c·m/n: class 0 → 3.6, 1.2, 1.2; class 1 → 1.8, 0.6, 0.6; class 2 → 0.6, 0.2, 0.2
    const y = [0, 1, 0, 0, 2, 1, 0, 0, 1, 0];
    const s = trainValTestSplit(10, { val: 0.2, test: 0.2, seed: 9, stratifyBy: y });
    expect([s.train.length, s.val.length, s.test.length]).toEqual([6, 2, 2]);
    expectStratified(y, s);
    // without stratification some seed puts none of class 1's three items in training (target 1.8)
    const unlucky = Array.from({ length: 200 }, (_, seed) => trainValTestSplit(10, { val: 0.2, test: 0.2, seed })).some(
      (p) => p.train.filter((i) => y[i] === 1).length === 0,
    );
    expect(unlucky).toBe(true);

    const rng = createRng(11);
    for (let trial = 0; trial < 60; trial++) {
      const n = 5 + rng.int(200);
      const k = 1 + rng.int(7);
      // skewed classes: class c is drawn with probability ((c + 1)² − c²)/k²
      const labels = Array.from({ length: n }, () => Math.floor(Math.sqrt(rng.uniform()) * k));
      const opts = { val: 0.1 + 0.2 * rng.uniform(), test: 0.1 + 0.2 * rng.uniform(), seed: trial, stratifyBy: labels };
      const split = trainValTestSplit(n, opts);
      const plain = trainValTestSplit(n, { ...opts, stratifyBy: undefined });
      expect(sorted([...split.train, ...split.val, ...split.test])).toEqual(Array.from({ length: n }, (_, i) => i));
      expect([split.train.length, split.val.length, split.test.length]).toEqual([plain.train.length, plain.val.length, plain.test.length]);
      expect(trainValTestSplit(n, opts)).toEqual(split);
      expectStratified(labels, split);
    }
    // many small classes, where rounding every class up in one set would overfill it
    const many = Array.from({ length: 30 }, (_, i) => i % 15);
    expectStratified(many, trainValTestSplit(30, { val: 0.3, test: 0.3, seed: 5, stratifyBy: many }));
    expect(() => trainValTestSplit(3, { val: 0.2, test: 0.2, seed: 1, stratifyBy: [0, 1] })).toThrow(/stratifyBy has 2/);
  });
});

describe('standardisation fitted on the training rows', () => {
  // column 0 varies; column 1 is constant 10
  const train = [
    [1, 10],
    [2, 10],
    [3, 10],
  ];

  it('uses the population std (ddof 0) and gives training columns mean 0, std 1', () => {
    const f = fitStandardizer(train);
    // mean 2; var ((1 − 2)² + 0 + (3 − 2)²)/3 = 2/3; std √(2/3) = 0.8164965809 (hand)
    expect(f.mean).toEqual([2, 10]);
    expect(f.std[0]).toBeCloseTo(0.8164965809, 10);
    const z = standardize(train, f).map((r) => r[0]!);
    expect(z.reduce((a, b) => a + b) / 3).toBeCloseTo(0, 15);
    expect(Math.sqrt(z.reduce((a, b) => a + b * b, 0) / 3)).toBeCloseTo(1, 15);
  });
  it('applies the training statistics to test rows, whose standardised mean is then not 0', () => {
    const f = fitStandardizer(train);
    const test = [
      [4, 10],
      [5, 12],
    ];
    const z = standardize(test, f);
    // (4 − 2)/0.8165 = 2.449490; (5 − 2)/0.8165 = 3.674235; mean 3.061862 (hand: 2.5·√(3/2))
    expect(z[0]![0]).toBeCloseTo(2.449489743, 9);
    expect(z[1]![0]).toBeCloseTo(3.674234614, 9);
    expect((z[0]![0]! + z[1]![0]!) / 2).toBeCloseTo(3.061862178, 9);
    // fitting on train and test together (leakage) would have moved the mean to (1 + 2 + 3 + 4 + 5)/5 = 3
    expect(fitStandardizer([...train, ...test]).mean[0]).toBe(3);
  });
  it('maps a constant column to 0, not NaN, even when rounding leaves a tiny spread', () => {
    const f = fitStandardizer(train);
    expect(f.std[1]).toBe(0);
    expect(standardize([[7, 10], [7, 12]], f).map((r) => r[1])).toEqual([0, 0]);
    // the float mean of [0.1, 0.1, 0.1] is 0.1 + 1.4e-17, so a naive std would be 1.4e-17 and z = −1
    const tenths = fitStandardizer([[0.1], [0.1], [0.1]]);
    expect(tenths.std).toEqual([0]);
    expect(standardize([[0.1]], tenths)).toEqual([[0]]);
    expect(() => fitStandardizer([])).toThrow(/no rows/);
    expect(() => fitStandardizer([[1, 2], [3]])).toThrow(/row 1 has 1 columns/);
    expect(() => standardize([[1]], f)).toThrow(/row 0 has 1 columns/);
  });
});
