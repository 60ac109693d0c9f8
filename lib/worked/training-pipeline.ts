/**
 * Worked numbers of the chapter `training-pipeline` (see registry.ts): standardisation and the leak of a held-out row
 * into the scaler, train / validation / test splits (plain and stratified), a 3-class confusion matrix and the metrics
 * read from it, the imbalance trap of a screening test, calibration (reliability bins, ECE), early stopping on a
 * validation curve, the digit CNN's parameter count, the cross-entropy of one prediction, and steps per epoch.
 *
 * Each function is a thin wrapper over lib/math/classification.ts on the example data exported
 * below, so the prose prints what tested code computes; every entry has a test in training-pipeline.test.ts. Every
 * name starts with `tp`; every argument is a number or a short string; indices are 0-based.
 */
import {
  averages,
  binaryCounts,
  earlyStopping,
  expectedCalibrationError,
  fitStandardizer,
  perClassMetrics,
  reliabilityBins,
  standardize,
  trainValTestSplit,
  type ClassMetrics,
  type EarlyStoppingResult,
  type Split,
  type Standardizer,
} from '../math/classification';

// ─── Argument checks ─────────────────────────────────────────────────────────────────────────────────────────────────

function checkIndex(i: number, length: number, what: string): number {
  if (!Number.isInteger(i) || i < 0 || i >= length) throw new Error(`${what}: index ${i} is not in 0..${length - 1}`);
  return i;
}

function checkCount(x: number, what: string): number {
  if (!Number.isInteger(x) || x < 0) throw new Error(`${what}: ${x} is not a non-negative integer`);
  return x;
}

// ─── 1. Standardisation and leakage ──────────────────────────────────────────────────────────────────────────────────

/** Column names of TP_FEATURES. */
export const TP_FEATURE_NAMES = ['age', 'monthly spend'] as const;

/**
 * Five customers × two features: [age in years, monthly spend]. Rows 0–3 are the training split, row 4 is held out.
 * The training columns are built to give round statistics: ages 22, 34, 38, 50 have mean 36 and deviations
 * −14, −2, 2, 14 (population std √(400/4) = 10); spends 160, 320, 280, 440 have mean 300 and deviations
 * −140, 20, −20, 140 (std √(40,000/4) = 100). The held-out customer (61, 500) standardises to (2.5, 2).
 */
export const TP_FEATURES: readonly (readonly [number, number])[] = [
  [22, 160],
  [34, 320],
  [38, 280],
  [50, 440],
  [61, 500],
];

/** The number of training rows of TP_FEATURES (the first four); the rest are held out. */
export const TP_FEATURE_TRAIN_ROWS = 4;

const trainScaler: Standardizer = fitStandardizer(TP_FEATURES.slice(0, TP_FEATURE_TRAIN_ROWS));
const leakyScaler: Standardizer = fitStandardizer(TP_FEATURES);

function feature(j: number, what: string): number {
  return checkIndex(j, TP_FEATURE_NAMES.length, `${what}: feature`);
}

function standardizedWith(scaler: Standardizer, i: number, j: number, what: string): number {
  checkIndex(i, TP_FEATURES.length, `${what}: row`);
  feature(j, what);
  return standardize([TP_FEATURES[i]!], scaler)[0]![j]!;
}

// ─── 3. Splits ───────────────────────────────────────────────────────────────────────────────────────────────────────

/** The seed of every split in this chapter. */
export const TP_SPLIT_SEED = 1;

/** 100 labels, 10 of them positive (1): item i is positive iff i mod 10 = 0 (items 0, 10, …, 90). A 10% positive rate. */
export const TP_IMBALANCED_LABELS: readonly number[] = Array.from({ length: 100 }, (_, i) => (i % 10 === 0 ? 1 : 0));

/**
 * The split of TP_IMBALANCED_LABELS: 10% validation, 20% test, the remaining 70% training, seed TP_SPLIT_SEED; so 70,
 * 10 and 20 items. Stratified, the 10 positives go 7 / 1 / 2 (10% of every part); unstratified, with the same seed and
 * sizes, they go 7 / 0 / 3: the validation set holds no positive at all, so its recall is undefined.
 */
export const TP_IMBALANCED_SPLIT = { val: 0.1, test: 0.2 } as const;

const SPLIT_NAMES = ['train', 'val', 'test'] as const;

function splitPart(split: Split, which: number, what: string): number[] {
  return split[SPLIT_NAMES[checkIndex(which, 3, `${what}: which (0 train, 1 validation, 2 test)`)]!];
}

function imbalancedCount(stratified: boolean, which: number, cls: number, what: string): number {
  if (cls !== 0 && cls !== 1) throw new Error(`${what}: class ${cls} is not 0 or 1`);
  const split = trainValTestSplit(TP_IMBALANCED_LABELS.length, {
    ...TP_IMBALANCED_SPLIT,
    seed: TP_SPLIT_SEED,
    ...(stratified ? { stratifyBy: TP_IMBALANCED_LABELS } : {}),
  });
  return splitPart(split, which, what).filter((i) => TP_IMBALANCED_LABELS[i] === cls).length;
}

// ─── 4. A 3-class confusion matrix ───────────────────────────────────────────────────────────────────────────────────

/** The classes of TP_CONFUSION, in row / column order. */
export const TP_CONFUSION_CLASSES = [3, 5, 8] as const;

/**
 * A digit classifier on 300 test images of 3, 5 and 8 (100, 90 and 110 of them). Rows are the true class, columns
 * the predicted class, in the order of TP_CONFUSION_CLASSES: of the 100 true 3s, 90 were called 3, 4 were called 5
 * and 6 were called 8. The diagonal holds 90 + 76 + 98 = 264 hits (accuracy 0.88); the column sums are 105, 85, 110.
 */
export const TP_CONFUSION: readonly (readonly number[])[] = [
  [90, 4, 6],
  [8, 76, 6],
  [7, 5, 98],
];

const confusionMetrics: ClassMetrics[] = perClassMetrics(TP_CONFUSION);
const confusionAverages = averages(confusionMetrics);

function classMetrics(k: number, what: string): ClassMetrics {
  return confusionMetrics[checkIndex(k, TP_CONFUSION.length, `${what}: class`)]!;
}

// ─── 5. The imbalance trap ───────────────────────────────────────────────────────────────────────────────────────────

/** Metric names of tpBinary. */
export const TP_BINARY_METRICS = ['accuracy', 'precision', 'recall', 'f1', 'specificity', 'fpr'] as const;
export type TpBinaryMetric = (typeof TP_BINARY_METRICS)[number];

/**
 * The screening example: 1,000 cases, 10 of them positive. A model that always says negative has counts
 * (tp, fp, fn, tn) = (0, 0, 10, 990): accuracy 0.99, recall 0, precision 0 (nothing predicted positive, so 0 by
 * scikit-learn's zero_division=0). A useful screen, say (8, 40, 2, 950), has lower accuracy (0.958) but recall 0.8,
 * precision 8 / 48 = 1/6 and F1 16 / 58 = 0.2759.
 */
export const TP_SCREENING = { cases: 1000, positives: 10 } as const;

/** The largest number of cases tpBinary accepts (it builds one label and one score per case). */
const MAX_BINARY_CASES = 10_000_000;

// ─── 6. Calibration ──────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Ten predictions as [confidence (the top softmax probability), correct (1) or wrong (0)]. An overconfident model:
 * mean confidence 8.25 / 10 = 0.825, accuracy 6 / 10 = 0.6. With 5 bins, seven fall in (0.8, 1] (mean confidence
 * 6.30 / 7 = 0.9, 5 of 7 right), two in (0.6, 0.8] (mean 0.7, 1 of 2 right) and one in (0.4, 0.6] (0.55, wrong):
 * ECE = 0.7·|5/7 − 0.9| + 0.2·|0.5 − 0.7| + 0.1·|0 − 0.55| = 0.13 + 0.04 + 0.055 = 0.225. With 10 bins, ECE = 0.295.
 */
export const TP_CALIBRATION: readonly (readonly [number, 0 | 1])[] = [
  [0.95, 1],
  [0.92, 1],
  [0.91, 0],
  [0.97, 1],
  [0.85, 1],
  [0.82, 0],
  [0.88, 1],
  [0.75, 0],
  [0.65, 1],
  [0.55, 0],
];

const calibrationConfidences = TP_CALIBRATION.map(([c]) => c);
const calibrationCorrect = TP_CALIBRATION.map(([, ok]) => ok);

function calibrationBin(bins: number, k: number, what: string) {
  if (!Number.isInteger(bins) || bins < 1) throw new Error(`${what}: bins = ${bins} is not a positive integer`);
  return reliabilityBins(calibrationConfidences, calibrationCorrect, bins)[checkIndex(k, bins, `${what}: bin`)]!;
}

function nonEmptyBin(bins: number, k: number, what: string) {
  const bin = calibrationBin(bins, k, what);
  if (bin.count === 0) throw new Error(`${what}: bin ${k} of ${bins}, (${bin.lower}, ${bin.upper}], is empty`);
  return bin;
}

// ─── 7. Early stopping ───────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Validation loss of epochs 0–14: it falls to 0.505 at epoch 5, bumps up, dips to its minimum 0.502 at epoch 8 (only
 * 0.003 below 0.505), then rises steadily to 0.59: over-fitting. Built so that patience and min_delta both matter
 * (Keras semantics: an improvement must satisfy loss < best − min_delta):
 * patience 2 → stops after epoch 7 (best 5); patience 5 → after epoch 13 (best 8);
 * min_delta 0.01: patience 2 → after epoch 6 (best 4, 0.51), patience 5 → after epoch 9 (best 4).
 */
export const TP_VAL_LOSSES: readonly number[] = [
  0.92, 0.71, 0.6, 0.54, 0.51, 0.505, 0.52, 0.53, 0.502, 0.51, 0.52, 0.535, 0.55, 0.57, 0.59,
];

/**
 * Training loss of the same epochs: it keeps falling. At epoch 0 it is above the validation loss (0.98 > 0.92):
 * Keras reports the training loss averaged over the epoch, while the weights were still improving.
 */
export const TP_TRAIN_LOSSES: readonly number[] = [
  0.98, 0.7, 0.58, 0.5, 0.45, 0.41, 0.37, 0.34, 0.31, 0.28, 0.25, 0.23, 0.21, 0.19, 0.17,
];

function stopping(patience: number, minDelta: number, what: string): EarlyStoppingResult {
  if (!Number.isInteger(patience) || patience < 0) throw new Error(`${what}: patience = ${patience} is not a non-negative integer`);
  if (!(minDelta >= 0) || !Number.isFinite(minDelta)) throw new Error(`${what}: minDelta = ${minDelta} is not a finite number ≥ 0`);
  return earlyStopping(TP_VAL_LOSSES, { patience, minDelta });
}

function epoch(e: number, what: string): number {
  return checkIndex(e, TP_VAL_LOSSES.length, `${what}: epoch`);
}

// ─── 8. The digit CNN ────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * The default digit CNN of lib/ml/models.ts (DEFAULT_CNN), restated here because that module loads tfjs at its top:
 * 28×28×1 input, conv 8@5×5 ('valid') → max-pool 2 → conv 16@5×5 → max-pool 2 → flatten → dense 10.
 * Sides: 28 → 24 → 12 → 8 → 4, so 4·4·16 = 256 features reach the output layer. The test checks it against
 * countParams(DEFAULT_CNN).
 */
export const TP_CNN = {
  inputShape: [28, 28, 1] as const,
  conv: [
    { filters: 8, kernelSize: 5 },
    { filters: 16, kernelSize: 5 },
  ] as const,
  poolSize: 2,
  classes: 10,
};

/** Trainable parameters of each TP_CNN layer with weights: [conv 1, conv 2, dense output]. */
function cnnLayerParams(): number[] {
  const counts: number[] = [];
  let h: number = TP_CNN.inputShape[0];
  let w: number = TP_CNN.inputShape[1];
  let channels: number = TP_CNN.inputShape[2];
  for (const { filters, kernelSize } of TP_CNN.conv) {
    counts.push(kernelSize * kernelSize * channels * filters + filters);
    channels = filters;
    h = Math.floor((h - kernelSize + 1) / TP_CNN.poolSize);
    w = Math.floor((w - kernelSize + 1) / TP_CNN.poolSize);
  }
  const fanIn = h * w * channels;
  counts.push(fanIn * TP_CNN.classes + TP_CNN.classes);
  return counts;
}

// ─── The functions ───────────────────────────────────────────────────────────────────────────────────────────────────

export const trainingPipelineWorked = {
  // 1. Standardisation
  /** Mean of feature j (0 age, 1 monthly spend) over the four training rows of TP_FEATURES. */
  tpFeatureMean: (j: number) => trainScaler.mean[feature(j, 'tpFeatureMean')]!,
  /** Population standard deviation (ddof = 0, as StandardScaler) of feature j over the training rows. */
  tpFeatureStd: (j: number) => trainScaler.std[feature(j, 'tpFeatureStd')]!,
  /** z-score (x − mean) / std of row i (0–4; row 4 is held out), feature j, with the scaler fitted on training rows. */
  tpStandardized: (i: number, j: number) => standardizedWith(trainScaler, i, j, 'tpStandardized'),
  /** The leak: mean of feature j fitted on all five rows, the held-out one included. */
  tpLeakyMean: (j: number) => leakyScaler.mean[feature(j, 'tpLeakyMean')]!,
  /** The leak: population std of feature j fitted on all five rows. */
  tpLeakyStd: (j: number) => leakyScaler.std[feature(j, 'tpLeakyStd')]!,
  /** The leak: z-score of row i, feature j, with the scaler fitted on all five rows. */
  tpLeakyStandardized: (i: number, j: number) => standardizedWith(leakyScaler, i, j, 'tpLeakyStandardized'),

  // 3. Splits
  /**
   * Size of one part (0 train, 1 validation, 2 test) of n items split by trainValTestSplit (unstratified, seed 1):
   * round(n·valShare) for validation, round(n·testShare) for test, the rest for training.
   */
  tpSplitSizes: (n: number, valShare: number, testShare: number, which: number) =>
    splitPart(trainValTestSplit(n, { val: valShare, test: testShare, seed: TP_SPLIT_SEED }), which, 'tpSplitSizes').length,
  /** Items of class cls (0 or 1) in part `which` (0 train, 1 validation, 2 test) of the stratified 70/10/20 split of TP_IMBALANCED_LABELS. */
  tpStratifiedCount: (which: number, cls: number) => imbalancedCount(true, which, cls, 'tpStratifiedCount'),
  /** The same count for the plain (unstratified) split with the same seed and sizes: the positives land where chance puts them. */
  tpUnstratifiedCount: (which: number, cls: number) => imbalancedCount(false, which, cls, 'tpUnstratifiedCount'),

  // 4. Confusion matrix (classes 0, 1, 2 = digits 3, 5, 8)
  /** Entry [i][j] of TP_CONFUSION: true class i predicted as class j. */
  tpConfusionCell: (i: number, j: number) =>
    TP_CONFUSION[checkIndex(i, TP_CONFUSION.length, 'tpConfusionCell: row')]![checkIndex(j, TP_CONFUSION.length, 'tpConfusionCell: column')]!,
  /** Number of test images in TP_CONFUSION (300). */
  tpConfusionTotal: () => TP_CONFUSION.reduce((s, row) => s + row.reduce((t, x) => t + x, 0), 0),
  /** Support of class k: its true examples (the row sum). */
  tpSupport: (k: number) => classMetrics(k, 'tpSupport').support,
  /** Examples predicted as class k (the column sum, tp + fp). */
  tpPredictedCount: (k: number) => {
    const m = classMetrics(k, 'tpPredictedCount');
    return m.tp + m.fp;
  },
  /** Accuracy: trace / total. */
  tpAccuracy: () => confusionAverages.micro.recall, // micro recall = Σtp / (Σtp + Σfn) = trace / total
  /** Precision of class k: tp / column sum. */
  tpPrecision: (k: number) => classMetrics(k, 'tpPrecision').precision,
  /** Recall of class k: tp / row sum. */
  tpRecall: (k: number) => classMetrics(k, 'tpRecall').recall,
  /** F1 of class k: 2tp / (2tp + fp + fn). */
  tpF1: (k: number) => classMetrics(k, 'tpF1').f1,
  /** Macro precision: the plain mean over the three classes. */
  tpMacroPrecision: () => confusionAverages.macro.precision,
  /** Macro recall: the plain mean over the three classes. */
  tpMacroRecall: () => confusionAverages.macro.recall,
  /** Macro F1: the plain mean of the three F1s. */
  tpMacroF1: () => confusionAverages.macro.f1,
  /** Weighted F1: the F1s weighted by support. */
  tpWeightedF1: () => confusionAverages.weighted.f1,
  /** Micro F1: from the pooled counts; equals accuracy for single-label data. */
  tpMicroF1: () => confusionAverages.micro.f1,

  // 5. The imbalance trap
  /**
   * One metric ('accuracy' | 'precision' | 'recall' | 'f1' | 'specificity' | 'fpr') of a binary classifier with the
   * given counts, via binaryCounts. A zero denominator gives 0, as scikit-learn's zero_division=0: a model that never
   * predicts positive has precision 0 (tp = fp = 0).
   */
  tpBinary: (metric: string, tp: number, fp: number, fn: number, tn: number) => {
    if (!(TP_BINARY_METRICS as readonly string[]).includes(metric)) {
      throw new Error(`tpBinary: unknown metric "${metric}"; expected one of ${TP_BINARY_METRICS.join(', ')}`);
    }
    const counts = [tp, fp, fn, tn].map((x, i) => checkCount(x, `tpBinary: ${['tp', 'fp', 'fn', 'tn'][i]}`));
    const n = counts.reduce((s, x) => s + x, 0);
    if (n === 0) throw new Error('tpBinary: no cases (tp + fp + fn + tn = 0)');
    if (n > MAX_BINARY_CASES) throw new Error(`tpBinary: ${n} cases is more than ${MAX_BINARY_CASES}`);
    // One case per count: label 1 for tp and fn, score 1 (predicted positive at threshold 0.5) for tp and fp.
    const labels: number[] = [];
    const scores: number[] = [];
    const push = (count: number, label: number, score: number) => {
      for (let i = 0; i < count; i++) {
        labels.push(label);
        scores.push(score);
      }
    };
    push(tp, 1, 1);
    push(fp, 0, 1);
    push(fn, 1, 0);
    push(tn, 0, 0);
    return binaryCounts(labels, scores, 0.5)[metric as TpBinaryMetric];
  },

  // 6. Calibration
  /** Expected calibration error of TP_CALIBRATION with `bins` equal-width bins (Guo et al. 2017). */
  tpEce: (bins: number) => {
    if (!Number.isInteger(bins) || bins < 1) throw new Error(`tpEce: bins = ${bins} is not a positive integer`);
    return expectedCalibrationError(calibrationConfidences, calibrationCorrect, bins);
  },
  /** Mean confidence of bin k (0-based, bin k = (k/bins, (k+1)/bins]); throws for an empty bin. */
  tpBinConfidence: (bins: number, k: number) => nonEmptyBin(bins, k, 'tpBinConfidence').meanConfidence!,
  /** Accuracy (share correct) of bin k; throws for an empty bin. */
  tpBinAccuracy: (bins: number, k: number) => nonEmptyBin(bins, k, 'tpBinAccuracy').accuracy!,
  /** Number of predictions in bin k (0 for an empty bin). */
  tpBinCount: (bins: number, k: number) => calibrationBin(bins, k, 'tpBinCount').count,
  /** Mean confidence over all ten predictions of TP_CALIBRATION. */
  tpMeanConfidence: () => calibrationConfidences.reduce((s, c) => s + c, 0) / calibrationConfidences.length,
  /** Share of the ten predictions that are correct. */
  tpCalibrationAccuracy: () => calibrationCorrect.reduce<number>((s, c) => s + c, 0) / calibrationCorrect.length,

  // 7. Early stopping
  /** 0-based epoch after which Keras EarlyStopping(patience, min_delta) stops on TP_VAL_LOSSES; throws if it never triggers. */
  tpStopEpoch: (patience: number, minDelta: number) => {
    const { stopEpoch } = stopping(patience, minDelta, 'tpStopEpoch');
    if (stopEpoch === null) {
      throw new Error(`tpStopEpoch: patience ${patience}, minDelta ${minDelta} never stops within ${TP_VAL_LOSSES.length} epochs`);
    }
    return stopEpoch;
  },
  /** Epoch of the last improvement (the weights restore_best_weights keeps) up to the stop (or the end of the curve). */
  tpBestEpoch: (patience: number, minDelta: number) => stopping(patience, minDelta, 'tpBestEpoch').bestEpoch,
  /** Validation loss at that best epoch. */
  tpBestValLoss: (patience: number, minDelta: number) => stopping(patience, minDelta, 'tpBestValLoss').bestValue,
  /** Training loss at epoch e (0–14). */
  tpTrainLoss: (e: number) => TP_TRAIN_LOSSES[epoch(e, 'tpTrainLoss')]!,
  /** Validation loss at epoch e (0–14). */
  tpValLoss: (e: number) => TP_VAL_LOSSES[epoch(e, 'tpValLoss')]!,
  /** Generalisation gap at epoch e: validation loss − training loss. */
  tpGap: (e: number) => TP_VAL_LOSSES[epoch(e, 'tpGap')]! - TP_TRAIN_LOSSES[e]!,

  // 8. The digit CNN
  /** Trainable parameters of the default digit CNN (DEFAULT_CNN): 5,994. */
  tpCnnParams: () => cnnLayerParams().reduce((s, x) => s + x, 0),
  /** Parameters of one of its layers with weights: 0 conv 8@5×5, 1 conv 16@5×5, 2 dense 256 → 10. */
  tpCnnLayerParams: (layer: number) => {
    const counts = cnnLayerParams();
    return counts[checkIndex(layer, counts.length, 'tpCnnLayerParams: layer')]!;
  },

  // 9. Cross-entropy of one prediction
  /**
   * Cross-entropy of one prediction that gives the true class probability p, 0 < p ≤ 1: with a one-hot target the
   * sum −Σ yᵢ ln pᵢ keeps one term, −ln p (lib/math/losses.ts crossEntropy, without its clipping at 1e-7).
   */
  tpCrossEntropy: (p: number) => {
    if (!(p > 0 && p <= 1)) throw new Error(`tpCrossEntropy: p = ${p} is not in (0, 1]`);
    return p === 1 ? 0 : -Math.log(p); // not −0 for p = 1
  },

  // 10. Steps per epoch
  /** Mini-batch steps in one epoch over n examples with batch size `batch`: ⌈n / batch⌉ (the last batch may be short). */
  tpStepsPerEpoch: (n: number, batch: number) => {
    checkCount(n, 'tpStepsPerEpoch: n');
    if (!Number.isInteger(batch) || batch < 1) throw new Error(`tpStepsPerEpoch: batch = ${batch} is not a positive integer`);
    return Math.ceil(n / batch);
  },
};
