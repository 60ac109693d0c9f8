/**
 * Evaluation and data handling for a classifier, on plain numbers: the confusion matrix and the metrics read from it,
 * binary counts at a threshold, calibration (reliability bins, ECE), Keras-style early stopping on a validation curve,
 * and train / validation / test splits with a standardiser fitted on the training rows only.
 *
 * Classes are integers 0..k − 1. Any ratio whose denominator is 0 is reported as 0 and named in `zeroDivision`, as
 * scikit-learn does with `zero_division=0` (where it warns `UndefinedMetricWarning`).
 */
import { createRng } from '../random';

function sameLength(a: readonly unknown[], b: readonly unknown[], what: string): void {
  if (a.length !== b.length) throw new Error(`${what}: arrays of lengths ${a.length} and ${b.length}`);
}

function checkClass(c: number, k: number, what: string, i: number): void {
  if (!Number.isInteger(c) || c < 0 || c >= k) throw new Error(`${what}: ${c} at index ${i} is not a class in 0..${k - 1}`);
}

/** The metric names that can meet a zero denominator. */
export type RatioName = 'precision' | 'recall' | 'f1' | 'specificity' | 'fpr';

/** num / den, or 0 when den = 0 (scikit-learn's zero_division=0); the name is pushed on `flags` in that case. */
function ratio(num: number, den: number, name: RatioName, flags: RatioName[]): number {
  if (den === 0) {
    flags.push(name);
    return 0;
  }
  return num / den;
}

// ─── Multiclass ──────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * The k × k confusion matrix: entry [i][j] counts the examples whose true class is i (row) and predicted class is j
 * (column), as scikit-learn's `confusion_matrix`. Throws on arrays of different lengths, on k not a positive integer,
 * and on a label or prediction outside 0..k − 1.
 */
export function confusionMatrix(labels: readonly number[], predictions: readonly number[], k: number): number[][] {
  sameLength(labels, predictions, 'confusionMatrix');
  if (!Number.isInteger(k) || k < 1) throw new Error(`confusionMatrix: k = ${k} is not a positive integer`);
  const m = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i]!;
    const p = predictions[i]!;
    checkClass(y, k, 'confusionMatrix: label', i);
    checkClass(p, k, 'confusionMatrix: prediction', i);
    m[y]![p]! += 1;
  }
  return m;
}

/** The share of examples predicted right, (1/n) Σᵢ [ŷᵢ = yᵢ]; equals trace / sum of the confusion matrix. */
export function accuracy(labels: readonly number[], predictions: readonly number[]): number {
  sameLength(labels, predictions, 'accuracy');
  if (labels.length === 0) throw new Error('accuracy: no examples');
  let hits = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i] === predictions[i]) hits++;
  return hits / labels.length;
}

/** One class's counts and metrics, read from a confusion matrix. */
export interface ClassMetrics {
  /** True positives: the diagonal entry. */
  tp: number;
  /** False positives: the rest of the class's column (predicted as it, truly another). */
  fp: number;
  /** False negatives: the rest of the class's row (truly it, predicted as another). */
  fn: number;
  /** tp / (tp + fp): of the examples predicted as this class, the share that are. */
  precision: number;
  /** tp / (tp + fn): of the examples of this class, the share found. */
  recall: number;
  /** The harmonic mean of precision and recall, 2tp / (2tp + fp + fn). */
  f1: number;
  /** The number of true examples of the class, tp + fn (the row sum). */
  support: number;
  /** The metrics whose denominator was 0 and which were therefore set to 0; empty for a well-defined class. */
  zeroDivision: RatioName[];
}

/**
 * Precision, recall, F1 and support per class of a square confusion matrix (rows true, columns predicted). A zero
 * denominator gives 0 and is named in `zeroDivision`, as scikit-learn's `zero_division=0`: precision when nothing was
 * predicted as the class, recall when the class has no examples (support 0), F1 when both hold (tp + fp + fn = 0).
 * F1 is computed as 2tp / (2tp + fp + fn), which equals 2PR / (P + R) whenever that is defined.
 */
export function perClassMetrics(matrix: readonly (readonly number[])[]): ClassMetrics[] {
  const k = matrix.length;
  if (k === 0) throw new Error('perClassMetrics: empty matrix');
  for (const row of matrix) if (row.length !== k) throw new Error(`perClassMetrics: a row of length ${row.length} in a ${k}-row matrix`);
  return matrix.map((row, c) => {
    const tp = row[c]!;
    const support = row.reduce((s, x) => s + x, 0);
    const predicted = matrix.reduce((s, r) => s + r[c]!, 0);
    const fp = predicted - tp;
    const fn = support - tp;
    const zeroDivision: RatioName[] = [];
    const precision = ratio(tp, tp + fp, 'precision', zeroDivision);
    const recall = ratio(tp, tp + fn, 'recall', zeroDivision);
    const f1 = ratio(2 * tp, 2 * tp + fp + fn, 'f1', zeroDivision);
    return { tp, fp, fn, precision, recall, f1, support, zeroDivision };
  });
}

/** Precision, recall and F1 averaged one way. */
export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

/** The three usual averages of per-class metrics. */
export interface Averages {
  /** The plain mean over classes: every class counts the same, a rare class as much as a common one. */
  macro: PRF;
  /** The mean weighted by support: common classes dominate. Weighted recall always equals accuracy. */
  weighted: PRF;
  /** From the counts pooled over classes (Σtp, Σfp, Σfn). For single-label multiclass data, P = R = F1 = accuracy. */
  micro: PRF;
}

/**
 * Macro, weighted and micro averages of per-class metrics (scikit-learn's `average='macro' | 'weighted' | 'micro'`).
 * A class with no examples and no predictions (tp + fp + fn = 0) is left out of the macro mean, as scikit-learn does
 * by default (it averages over the classes present in the labels or the predictions); a class that was predicted but
 * has no examples stays in, with recall 0. Throws when there are no examples at all.
 */
export function averages(metrics: readonly ClassMetrics[]): Averages {
  const total = metrics.reduce((s, m) => s + m.support, 0);
  if (total === 0) throw new Error('averages: no examples');
  const present = metrics.filter((m) => m.tp + m.fp + m.fn > 0);
  const mean = (key: keyof PRF) => present.reduce((s, m) => s + m[key], 0) / present.length;
  const weightedMean = (key: keyof PRF) => metrics.reduce((s, m) => s + m[key] * m.support, 0) / total;
  const tp = metrics.reduce((s, m) => s + m.tp, 0);
  const fp = metrics.reduce((s, m) => s + m.fp, 0);
  const fn = metrics.reduce((s, m) => s + m.fn, 0);
  const ignored: RatioName[] = [];
  return {
    macro: { precision: mean('precision'), recall: mean('recall'), f1: mean('f1') },
    weighted: { precision: weightedMean('precision'), recall: weightedMean('recall'), f1: weightedMean('f1') },
    micro: {
      precision: ratio(tp, tp + fp, 'precision', ignored),
      recall: ratio(tp, tp + fn, 'recall', ignored),
      f1: ratio(2 * tp, 2 * tp + fp + fn, 'f1', ignored),
    },
  };
}

/** The index of the largest entry of each row (the first one on a tie, as numpy's and tfjs's argmax). */
export function argmaxRows(rows: readonly (readonly number[])[]): number[] {
  return rows.map((row, i) => {
    if (row.length === 0) throw new Error(`argmaxRows: row ${i} is empty`);
    let best = 0;
    for (let j = 1; j < row.length; j++) if (row[j]! > row[best]!) best = j;
    return best;
  });
}

/**
 * Top-k accuracy: the share of examples whose true class is among the k highest scores of its row (scores may be
 * probabilities or logits). Ties are broken by class index, the lower first, so the label's rank is
 * #{j : pⱼ > p_y, or pⱼ = p_y and j < y} and top-1 accuracy equals the accuracy of argmaxRows. (tf.math.in_top_k
 * instead counts every class tied at the boundary as in the top k.)
 */
export function topKAccuracy(probabilities: readonly (readonly number[])[], labels: readonly number[], k: number): number {
  sameLength(probabilities, labels, 'topKAccuracy');
  if (labels.length === 0) throw new Error('topKAccuracy: no examples');
  if (!Number.isInteger(k) || k < 1) throw new Error(`topKAccuracy: k = ${k} is not a positive integer`);
  let hits = 0;
  probabilities.forEach((row, i) => {
    const y = labels[i]!;
    checkClass(y, row.length, 'topKAccuracy: label', i);
    const py = row[y]!;
    let rank = 0;
    for (let j = 0; j < row.length; j++) if (row[j]! > py || (row[j] === py && j < y)) rank++;
    if (rank < k) hits++;
  });
  return hits / labels.length;
}

// ─── Binary ──────────────────────────────────────────────────────────────────────────────────────────────────────────

/** The four counts of a binary classifier at one threshold, and the rates made from them. */
export interface BinaryCounts {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  /** TP / (TP + FP). */
  precision: number;
  /** TP / (TP + FN), also called sensitivity or true-positive rate. */
  recall: number;
  /** 2TP / (2TP + FP + FN). */
  f1: number;
  /** TN / (TN + FP), the true-negative rate. */
  specificity: number;
  /** FP / (FP + TN) = 1 − specificity, the false-positive rate (the x axis of a ROC curve). */
  fpr: number;
  /** (TP + TN) / n. */
  accuracy: number;
  /** The rates whose denominator was 0 and which were therefore set to 0. */
  zeroDivision: RatioName[];
}

/**
 * Counts TP, FP, TN, FN for labels in {0, 1} when an example is predicted positive iff its score ≥ threshold (the
 * convention of scikit-learn's roc_curve and precision_recall_curve; Keras's Precision / Recall metrics use
 * score > threshold instead). So threshold 0 calls every example with a non-negative score positive, and a
 * threshold above every score calls none positive. A rate with a zero denominator is 0 and named in `zeroDivision`.
 */
export function binaryCounts(labels: readonly number[], scores: readonly number[], threshold: number): BinaryCounts {
  sameLength(labels, scores, 'binaryCounts');
  if (labels.length === 0) throw new Error('binaryCounts: no examples');
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  labels.forEach((y, i) => {
    if (y !== 0 && y !== 1) throw new Error(`binaryCounts: label ${y} at index ${i} is not 0 or 1`);
    const positive = scores[i]! >= threshold;
    if (positive) {
      if (y === 1) tp++;
      else fp++;
    } else if (y === 1) fn++;
    else tn++;
  });
  const zeroDivision: RatioName[] = [];
  return {
    tp,
    fp,
    tn,
    fn,
    precision: ratio(tp, tp + fp, 'precision', zeroDivision),
    recall: ratio(tp, tp + fn, 'recall', zeroDivision),
    f1: ratio(2 * tp, 2 * tp + fp + fn, 'f1', zeroDivision),
    specificity: ratio(tn, tn + fp, 'specificity', zeroDivision),
    fpr: ratio(fp, fp + tn, 'fpr', zeroDivision),
    accuracy: (tp + tn) / labels.length,
    zeroDivision,
  };
}

// ─── Calibration ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** One bin of a reliability diagram. */
export interface ReliabilityBin {
  /** The bin is the interval (lower, upper]; the first bin also holds a confidence of exactly 0. */
  lower: number;
  upper: number;
  /** The number of predictions whose confidence falls in the bin. */
  count: number;
  /** Their mean confidence, or null for an empty bin. */
  meanConfidence: number | null;
  /** The share of them that are correct, or null for an empty bin. */
  accuracy: number | null;
}

function isCorrect(c: boolean | number, i: number): boolean {
  if (c === true || c === 1) return true;
  if (c === false || c === 0) return false;
  throw new Error(`reliabilityBins: correct[${i}] = ${c} is not a boolean or 0 / 1`);
}

/**
 * The reliability diagram of Guo et al. 2017 ("On Calibration of Modern Neural Networks", ICML, §2): confidences in
 * [0, 1] (usually the top softmax probability) go into `bins` equal-width bins, bin m (0-based) being
 * (m/bins, (m + 1)/bins], right-closed as in the paper; 0 goes into the first bin. `correct[i]` says whether
 * prediction i was right (a boolean or 0 / 1). A perfectly calibrated model has accuracy = mean confidence in every bin.
 */
export function reliabilityBins(confidences: readonly number[], correct: readonly (boolean | number)[], bins = 10): ReliabilityBin[] {
  sameLength(confidences, correct, 'reliabilityBins');
  if (!Number.isInteger(bins) || bins < 1) throw new Error(`reliabilityBins: bins = ${bins} is not a positive integer`);
  const count = new Array<number>(bins).fill(0);
  const confSum = new Array<number>(bins).fill(0);
  const hitSum = new Array<number>(bins).fill(0);
  confidences.forEach((c, i) => {
    if (!(c >= 0 && c <= 1)) throw new Error(`reliabilityBins: confidence ${c} at index ${i} is not in [0, 1]`);
    // Compare with the edges m/bins themselves, so that a confidence written as 0.3 lands in (0.2, 0.3].
    let b = Math.min(bins - 1, Math.max(0, Math.ceil(c * bins) - 1));
    while (b > 0 && c <= b / bins) b--;
    while (b < bins - 1 && c > (b + 1) / bins) b++;
    count[b]! += 1;
    confSum[b]! += c;
    if (isCorrect(correct[i]!, i)) hitSum[b]! += 1;
  });
  return count.map((n, b) => ({
    lower: b / bins,
    upper: (b + 1) / bins,
    count: n,
    meanConfidence: n === 0 ? null : confSum[b]! / n,
    accuracy: n === 0 ? null : hitSum[b]! / n,
  }));
}

/**
 * The expected calibration error of Guo et al. 2017 (eq. 3): ECE = Σₘ (nₘ / N)·|acc(Bₘ) − conf(Bₘ)| over the
 * equal-width bins of reliabilityBins; empty bins contribute nothing. 0 for a perfectly calibrated model, at most 1.
 */
export function expectedCalibrationError(confidences: readonly number[], correct: readonly (boolean | number)[], bins = 10): number {
  if (confidences.length === 0) throw new Error('expectedCalibrationError: no examples');
  const n = confidences.length;
  return reliabilityBins(confidences, correct, bins).reduce(
    (s, b) => (b.count === 0 ? s : s + (b.count / n) * Math.abs(b.accuracy! - b.meanConfidence!)),
    0,
  );
}

// ─── Early stopping ──────────────────────────────────────────────────────────────────────────────────────────────────

/** Options of earlyStopping, named as in Keras. */
export interface EarlyStoppingOptions {
  /** Epochs without an improvement after which training stops (Keras `patience`, a non-negative integer). */
  patience: number;
  /** An improvement must beat the best loss by more than this (Keras `min_delta`, ≥ 0; default 0). */
  minDelta?: number;
  /** Whether the model ends with the weights of the best epoch (Keras `restore_best_weights`; default false). */
  restoreBestWeights?: boolean;
}

/** What early stopping does with a validation-loss curve. */
export interface EarlyStoppingResult {
  /** The 0-based epoch after which training stops, or null when it never triggers within the curve. */
  stopEpoch: number | null;
  /** The epoch of the last improvement: the one whose weights restoreBestWeights keeps. */
  bestEpoch: number;
  /** The validation loss at bestEpoch. */
  bestValue: number;
  /** The epoch whose weights the model ends with: bestEpoch with restoreBestWeights, else the last epoch run. */
  keptEpoch: number;
}

/**
 * Replays `tf.keras.callbacks.EarlyStopping(monitor='val_loss', patience, min_delta, restore_best_weights)` (Keras 3,
 * `keras/src/callbacks/early_stopping.py`) on the validation losses of epochs 0, 1, 2, …:
 * - epoch e is an improvement iff loss[e] < best − minDelta (strictly; best starts at +∞, so epoch 0 is one unless its
 *   loss is NaN, and a NaN loss never is). An improvement sets best = loss[e] and bestEpoch = e. A loss below best by
 *   minDelta or less is no improvement and does not move best either.
 * - a counter `wait` goes up by 1 every epoch and back to 0 on an improvement; training stops after the first epoch
 *   e > 0 with wait ≥ patience, i.e. after `patience` epochs in a row without an improvement. With the last
 *   improvement at epoch b, stopEpoch = b + patience (or b + 1 when patience is 0), if the curve is that long.
 * - with restoreBestWeights the model ends with the weights of bestEpoch, whether training stopped early or ran to
 *   the end (Keras 3 restores in on_train_end; tf.keras 2 restored only when it stopped early).
 */
export function earlyStopping(valLosses: readonly number[], options: EarlyStoppingOptions): EarlyStoppingResult {
  const { patience, minDelta = 0, restoreBestWeights = false } = options;
  if (valLosses.length === 0) throw new Error('earlyStopping: no epochs');
  if (!Number.isInteger(patience) || patience < 0) throw new Error(`earlyStopping: patience = ${patience} is not a non-negative integer`);
  if (!(minDelta >= 0) || !Number.isFinite(minDelta)) throw new Error(`earlyStopping: minDelta = ${minDelta} is not a finite number ≥ 0`);
  let best = Infinity;
  let bestEpoch = 0;
  let wait = 0;
  let stopEpoch: number | null = null;
  for (let e = 0; e < valLosses.length; e++) {
    const loss = valLosses[e]!;
    wait++;
    if (loss + minDelta < best) {
      best = loss;
      bestEpoch = e;
      wait = 0;
      continue;
    }
    if (wait >= patience && e > 0) {
      stopEpoch = e;
      break;
    }
  }
  const lastRun = stopEpoch ?? valLosses.length - 1;
  return { stopEpoch, bestEpoch, bestValue: valLosses[bestEpoch]!, keptEpoch: restoreBestWeights ? bestEpoch : lastRun };
}

// ─── Splits and standardisation ──────────────────────────────────────────────────────────────────────────────────────

/** A seeded uniform permutation of 0..n − 1 (Fisher–Yates with lib/random's mulberry32): the same seed, the same order. */
export function shuffledIndices(n: number, seed: number): number[] {
  if (!Number.isInteger(n) || n < 0) throw new Error(`shuffledIndices: n = ${n} is not a non-negative integer`);
  const rng = createRng(seed);
  const idx = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [idx[i], idx[j]] = [idx[j]!, idx[i]!];
  }
  return idx;
}

/** Options of trainValTestSplit. */
export interface SplitOptions {
  /** The share of the n items for validation, in [0, 1). */
  val: number;
  /** The share for test, in [0, 1); val + test < 1. */
  test: number;
  seed: number;
  /** One class per item (length n): each split then holds every class in the whole's proportion. */
  stratifyBy?: readonly number[];
}

/** Three disjoint index arrays that together hold 0..n − 1 once each. */
export interface Split {
  train: number[];
  val: number[];
  test: number[];
}

/**
 * Counts[c][s] of class c in split s with Σₛ = classCounts[c], Σ_c = sizes[s], each the floor or the ceiling of
 * classCounts[c]·sizes[s]/n. Such a rounding exists because the real table has integer row and column sums; the
 * rounded-up cells are found as a maximum flow (augmenting paths, as in Kuhn's matching algorithm).
 */
function stratifiedCounts(classCounts: readonly number[], sizes: readonly number[]): number[][] {
  const n = classCounts.reduce((s, x) => s + x, 0);
  const counts = classCounts.map((nc) => sizes.map((m) => (nc * m - ((nc * m) % n)) / n));
  const fractional = classCounts.map((nc) => sizes.map((m) => (nc * m) % n !== 0));
  const colLeft = sizes.map((m, s) => m - counts.reduce((t, row) => t + row[s]!, 0));
  const up = classCounts.map(() => sizes.map(() => false));
  const augment = (c: number, seen: boolean[]): boolean => {
    for (let s = 0; s < sizes.length; s++) {
      if (!fractional[c]![s] || up[c]![s] || seen[s]) continue;
      seen[s] = true;
      if (colLeft[s]! > 0) {
        colLeft[s]!--;
        up[c]![s] = true;
        return true;
      }
      for (let c2 = 0; c2 < classCounts.length; c2++) {
        if (up[c2]![s] && augment(c2, seen)) {
          up[c2]![s] = false;
          up[c]![s] = true;
          return true;
        }
      }
    }
    return false;
  };
  classCounts.forEach((nc, c) => {
    const need = nc - counts[c]!.reduce((t, x) => t + x, 0);
    for (let u = 0; u < need; u++) {
      if (!augment(c, sizes.map(() => false))) throw new Error('trainValTestSplit: no stratified rounding found (a bug)');
    }
  });
  return counts.map((row, c) => row.map((x, s) => x + (up[c]![s] ? 1 : 0)));
}

/**
 * Splits the indices 0..n − 1 into train, validation and test sets, disjoint and covering every index once. Sizes:
 * round(n·val) for validation, round(n·test) for test, the rest for training (throws if that leaves no training
 * item). Each set lists its indices in the order of shuffledIndices(n, seed), so the result depends on the seed only.
 * With `stratifyBy`, each class c (of n_c items) gets floor or ceil of n_c·m/n items in a set of size m: its share of
 * every set is the whole's share to within one item, and the set sizes are the same as without stratification.
 */
export function trainValTestSplit(n: number, options: SplitOptions): Split {
  const { val, test, seed, stratifyBy } = options;
  if (!Number.isInteger(n) || n < 1) throw new Error(`trainValTestSplit: n = ${n} is not a positive integer`);
  if (!(val >= 0 && test >= 0 && val + test < 1)) {
    throw new Error(`trainValTestSplit: val = ${val}, test = ${test}; need both ≥ 0 and val + test < 1`);
  }
  const nVal = Math.round(n * val);
  const nTest = Math.round(n * test);
  const nTrain = n - nVal - nTest;
  if (nTrain < 1) throw new Error(`trainValTestSplit: ${n} items leave none for training`);
  const order = shuffledIndices(n, seed);
  if (!stratifyBy) return { train: order.slice(0, nTrain), val: order.slice(nTrain, nTrain + nVal), test: order.slice(nTrain + nVal) };

  if (stratifyBy.length !== n) throw new Error(`trainValTestSplit: stratifyBy has ${stratifyBy.length} entries for n = ${n}`);
  const classOf = new Map<number, number>();
  stratifyBy.forEach((y, i) => {
    if (!Number.isFinite(y)) throw new Error(`trainValTestSplit: stratifyBy[${i}] = ${y} is not a finite number`);
  });
  [...new Set(stratifyBy)].sort((a, b) => a - b).forEach((y, c) => classOf.set(y, c));
  const classCounts = new Array<number>(classOf.size).fill(0);
  for (const y of stratifyBy) classCounts[classOf.get(y)!]! += 1;
  const quota = stratifiedCounts(classCounts, [nTrain, nVal, nTest]);
  const sets: number[][] = [[], [], []];
  for (const i of order) {
    const q = quota[classOf.get(stratifyBy[i]!)!]!;
    const s = q.findIndex((left) => left > 0);
    q[s]!--;
    sets[s]!.push(i);
  }
  return { train: sets[0]!, val: sets[1]!, test: sets[2]! };
}

/** Per-column mean and standard deviation, fitted on training rows. */
export interface Standardizer {
  mean: number[];
  /** Population standard deviation (ddof = 0); exactly 0 for a constant column. */
  std: number[];
}

/**
 * Fits z-scoring on rows × columns data: per column, mean = (1/n) Σ x and std = √((1/n) Σ (x − mean)²), i.e. ddof = 0,
 * as scikit-learn's StandardScaler. Fit it on the training rows only and apply it to validation and test rows with
 * standardize: statistics taken from the test rows would leak them into training. A column whose variance is within
 * the rounding error of the two-pass computation (var ≤ n·ε·var + (n·ε·mean)², ε = 2⁻⁵², scikit-learn's
 * `_is_constant_feature`) is constant and gets std exactly 0: in floating point the mean of [0.1, 0.1, 0.1] is
 * 0.1 + 1.4e-17, and dividing the leftover 1.4e-17 by a std of 1.4e-17 would give −1, not 0.
 */
export function fitStandardizer(rows: readonly (readonly number[])[]): Standardizer {
  const n = rows.length;
  if (n === 0) throw new Error('fitStandardizer: no rows');
  const d = rows[0]!.length;
  rows.forEach((r, i) => {
    if (r.length !== d) throw new Error(`fitStandardizer: row ${i} has ${r.length} columns, row 0 has ${d}`);
  });
  const mean = Array.from({ length: d }, (_, j) => rows.reduce((s, r) => s + r[j]!, 0) / n);
  const std = mean.map((mu, j) => {
    const variance = rows.reduce((s, r) => s + (r[j]! - mu) ** 2, 0) / n;
    const roundingBound = n * Number.EPSILON * variance + (n * mu * Number.EPSILON) ** 2;
    return variance <= roundingBound ? 0 : Math.sqrt(variance);
  });
  return { mean, std };
}

/**
 * Applies a fitted standardiser: (x − mean) / std per column. A constant column (std 0) maps to 0 in every row, not
 * NaN; scikit-learn instead divides by 1 there, which gives 0 on the training rows but x − mean elsewhere.
 */
export function standardize(rows: readonly (readonly number[])[], fitted: Standardizer): number[][] {
  const d = fitted.mean.length;
  return rows.map((r, i) => {
    if (r.length !== d) throw new Error(`standardize: row ${i} has ${r.length} columns, the standardiser ${d}`);
    return r.map((x, j) => (fitted.std[j] === 0 ? 0 : (x - fitted.mean[j]!) / fitted.std[j]!));
  });
}
