import { describe, expect, it } from 'vitest';
import { countParams, DEFAULT_CNN } from '../ml/models';
import { computeWorked } from './registry';
import {
  TP_CALIBRATION,
  TP_CNN,
  TP_CONFUSION,
  TP_FEATURES,
  TP_IMBALANCED_LABELS,
  TP_TRAIN_LOSSES,
  TP_VAL_LOSSES,
  trainingPipelineWorked as w,
} from './training-pipeline';

describe('standardisation and leakage (chapter training-pipeline)', () => {
  it('fits the scaler on the four training rows only', () => {
    // ages 22, 34, 38, 50: mean 144/4 = 36; deviations −14, −2, 2, 14; var (196+4+4+196)/4 = 100; std 10
    // spends 160, 320, 280, 440: mean 1200/4 = 300; deviations −140, 20, −20, 140; var (19600+400+400+19600)/4 = 10,000; std 100
    expect(w.tpFeatureMean(0)).toBe(36);
    expect(w.tpFeatureStd(0)).toBe(10);
    expect(w.tpFeatureMean(1)).toBe(300);
    expect(w.tpFeatureStd(1)).toBe(100);
    // row 0: (22 − 36)/10 = −1.4, (160 − 300)/100 = −1.4; held-out row 4: (61 − 36)/10 = 2.5, (500 − 300)/100 = 2
    expect(w.tpStandardized(0, 0)).toBeCloseTo(-1.4, 12);
    expect(w.tpStandardized(0, 1)).toBeCloseTo(-1.4, 12);
    expect(w.tpStandardized(1, 1)).toBeCloseTo(0.2, 12);
    expect(w.tpStandardized(4, 0)).toBeCloseTo(2.5, 12);
    expect(w.tpStandardized(4, 1)).toBeCloseTo(2, 12);
  });
  it('shows the held-out row leaking into a scaler fitted on all rows', () => {
    // ages with 61: mean 205/5 = 41; deviations −19, −7, −3, 9, 20; var (361+49+9+81+400)/5 = 180; std √180 = 13.416408
    // spends with 500: mean 1700/5 = 340; deviations −180, −20, −60, 100, 160; var (32400+400+3600+10000+25600)/5 = 14,400; std 120
    expect(w.tpLeakyMean(0)).toBe(41);
    expect(w.tpLeakyStd(0)).toBeCloseTo(13.416408, 6);
    expect(w.tpLeakyMean(1)).toBe(340);
    expect(w.tpLeakyStd(1)).toBeCloseTo(120, 10);
    // held-out row now looks less extreme: 20/13.416408 = 1.490712 (was 2.5), 160/120 = 1.333333 (was 2)
    expect(w.tpLeakyStandardized(4, 0)).toBeCloseTo(1.490712, 6);
    expect(w.tpLeakyStandardized(4, 1)).toBeCloseTo(1.333333, 6);
    expect(w.tpLeakyStandardized(0, 1)).toBeCloseTo(-1.5, 12);
    expect(TP_FEATURES[4]).toEqual([61, 500]);
  });
  it('refuses a row or feature outside the table', () => {
    expect(() => w.tpFeatureMean(2)).toThrow(/feature: index 2/);
    expect(() => w.tpStandardized(5, 0)).toThrow(/row: index 5/);
    expect(() => w.tpLeakyStandardized(0, -1)).toThrow(/feature/);
    expect(() => w.tpFeatureStd(0.5)).toThrow(/feature/);
  });
});

describe('splits', () => {
  it('sizes: round(n·val) validation, round(n·test) test, the rest training', () => {
    // 6000 · 1/6 = 1000 validation, no test, 5000 train; with 1/6 test too: 4000 / 1000 / 1000
    expect(w.tpSplitSizes(6000, 1 / 6, 0, 0)).toBe(5000);
    expect(w.tpSplitSizes(6000, 1 / 6, 0, 1)).toBe(1000);
    expect(w.tpSplitSizes(6000, 1 / 6, 0, 2)).toBe(0);
    expect(w.tpSplitSizes(6000, 1 / 6, 1 / 6, 0)).toBe(4000);
    expect(w.tpSplitSizes(6000, 1 / 6, 1 / 6, 2)).toBe(1000);
    // 6000 · 0.1 = 600 each, 4800 train
    expect(w.tpSplitSizes(6000, 0.1, 0.1, 0)).toBe(4800);
    expect(w.tpSplitSizes(6000, 0.1, 0.1, 1)).toBe(600);
    expect(() => w.tpSplitSizes(6000, 0.1, 0.1, 3)).toThrow(/which/);
    expect(() => w.tpSplitSizes(6000, 0.6, 0.5, 0)).toThrow(/val \+ test < 1/);
  });
  it('stratification keeps the 10% positive share in every part', () => {
    // 100 items, 10 positives; 70 / 10 / 20: stratified positives 70·0.1 = 7, 10·0.1 = 1, 20·0.1 = 2
    expect(TP_IMBALANCED_LABELS.reduce((s, y) => s + y, 0)).toBe(10);
    expect(w.tpStratifiedCount(0, 1)).toBe(7);
    expect(w.tpStratifiedCount(0, 0)).toBe(63);
    expect(w.tpStratifiedCount(1, 1)).toBe(1);
    expect(w.tpStratifiedCount(1, 0)).toBe(9);
    expect(w.tpStratifiedCount(2, 1)).toBe(2);
    expect(w.tpStratifiedCount(2, 0)).toBe(18);
    // the plain split with seed 1 (same sizes) puts 7 / 0 / 3 positives: none in validation
    expect(w.tpUnstratifiedCount(0, 1)).toBe(7);
    expect(w.tpUnstratifiedCount(1, 1)).toBe(0);
    expect(w.tpUnstratifiedCount(1, 0)).toBe(10);
    expect(w.tpUnstratifiedCount(2, 1)).toBe(3);
    expect(w.tpUnstratifiedCount(2, 0)).toBe(17);
    expect(() => w.tpStratifiedCount(0, 2)).toThrow(/class 2/);
    expect(() => w.tpUnstratifiedCount(-1, 0)).toThrow(/which/);
  });
});

describe('the 3 / 5 / 8 confusion matrix', () => {
  it('reads cells, supports and column sums', () => {
    expect(w.tpConfusionCell(0, 0)).toBe(90);
    expect(w.tpConfusionCell(1, 0)).toBe(8);
    expect(w.tpConfusionCell(2, 1)).toBe(5);
    // rows 100, 90, 110 (total 300); columns 90+8+7 = 105, 4+76+5 = 85, 6+6+98 = 110
    expect(w.tpConfusionTotal()).toBe(300);
    expect([0, 1, 2].map(w.tpSupport)).toEqual([100, 90, 110]);
    expect([0, 1, 2].map(w.tpPredictedCount)).toEqual([105, 85, 110]);
    expect(TP_CONFUSION).toHaveLength(3);
  });
  it('computes accuracy, per-class precision, recall and F1', () => {
    // accuracy (90 + 76 + 98)/300 = 264/300 = 0.88
    expect(w.tpAccuracy()).toBeCloseTo(0.88, 12);
    // class 3: P = 90/105 = 0.857143, R = 90/100 = 0.9, F1 = 180/(180 + 15 + 10) = 180/205 = 0.878049
    expect(w.tpPrecision(0)).toBeCloseTo(0.857143, 6);
    expect(w.tpRecall(0)).toBeCloseTo(0.9, 12);
    expect(w.tpF1(0)).toBeCloseTo(0.878049, 6);
    // class 5: P = 76/85 = 0.894118, R = 76/90 = 0.844444, F1 = 152/(152 + 9 + 14) = 152/175 = 0.868571
    expect(w.tpPrecision(1)).toBeCloseTo(0.894118, 6);
    expect(w.tpRecall(1)).toBeCloseTo(0.844444, 6);
    expect(w.tpF1(1)).toBeCloseTo(0.868571, 6);
    // class 8: P = R = F1 = 98/110 = 0.890909
    expect(w.tpPrecision(2)).toBeCloseTo(0.890909, 6);
    expect(w.tpRecall(2)).toBeCloseTo(0.890909, 6);
    expect(w.tpF1(2)).toBeCloseTo(0.890909, 6);
  });
  it('averages them macro, weighted and micro', () => {
    // macro P = (0.857143 + 0.894118 + 0.890909)/3 = 2.642170/3 = 0.880723
    expect(w.tpMacroPrecision()).toBeCloseTo(0.880723, 6);
    // macro R = (0.9 + 0.844444 + 0.890909)/3 = 2.635354/3 = 0.878451
    expect(w.tpMacroRecall()).toBeCloseTo(0.878451, 6);
    // macro F1 = (0.878049 + 0.868571 + 0.890909)/3 = 2.637529/3 = 0.879176
    expect(w.tpMacroF1()).toBeCloseTo(0.879176, 6);
    // weighted F1 = (100·0.878049 + 90·0.868571 + 110·0.890909)/300 = (87.8049 + 78.1714 + 98.0000)/300 = 0.879921
    expect(w.tpWeightedF1()).toBeCloseTo(0.879921, 6);
    // micro: Σtp = 264, Σfp = Σfn = 36 → 528/(528 + 72) = 0.88 = accuracy
    expect(w.tpMicroF1()).toBeCloseTo(0.88, 12);
  });
  it('refuses a class outside 0..2', () => {
    expect(() => w.tpConfusionCell(3, 0)).toThrow(/row: index 3/);
    expect(() => w.tpConfusionCell(0, 3)).toThrow(/column: index 3/);
    expect(() => w.tpPrecision(3)).toThrow(/class: index 3/);
    expect(() => w.tpF1(-1)).toThrow(/class/);
  });
});

describe('the imbalance trap: 1,000 screened, 10 positive', () => {
  it('an always-negative model scores 99% accuracy and finds nobody', () => {
    // (tp, fp, fn, tn) = (0, 0, 10, 990): accuracy 990/1000 = 0.99; recall 0/10 = 0; precision 0/0 → 0 (zero_division);
    // F1 0/(0 + 0 + 10) = 0; specificity 990/990 = 1; FPR 0/990 = 0
    expect(w.tpBinary('accuracy', 0, 0, 10, 990)).toBeCloseTo(0.99, 12);
    expect(w.tpBinary('recall', 0, 0, 10, 990)).toBe(0);
    expect(w.tpBinary('precision', 0, 0, 10, 990)).toBe(0);
    expect(w.tpBinary('f1', 0, 0, 10, 990)).toBe(0);
    expect(w.tpBinary('specificity', 0, 0, 10, 990)).toBe(1);
    expect(w.tpBinary('fpr', 0, 0, 10, 990)).toBe(0);
  });
  it('a useful screen has lower accuracy and far higher recall', () => {
    // (8, 40, 2, 950): accuracy 958/1000 = 0.958; precision 8/48 = 0.166667; recall 8/10 = 0.8;
    // F1 16/(16 + 40 + 2) = 16/58 = 0.275862; specificity 950/990 = 0.959596; FPR 40/990 = 0.040404
    expect(w.tpBinary('accuracy', 8, 40, 2, 950)).toBeCloseTo(0.958, 12);
    expect(w.tpBinary('precision', 8, 40, 2, 950)).toBeCloseTo(0.166667, 6);
    expect(w.tpBinary('recall', 8, 40, 2, 950)).toBeCloseTo(0.8, 12);
    expect(w.tpBinary('f1', 8, 40, 2, 950)).toBeCloseTo(0.275862, 6);
    expect(w.tpBinary('specificity', 8, 40, 2, 950)).toBeCloseTo(0.959596, 6);
    expect(w.tpBinary('fpr', 8, 40, 2, 950)).toBeCloseTo(0.040404, 6);
  });
  it('refuses unknown metrics and bad counts', () => {
    expect(() => w.tpBinary('auc', 1, 1, 1, 1)).toThrow(/unknown metric "auc"/);
    expect(() => w.tpBinary('accuracy', -1, 0, 0, 1)).toThrow(/tp: -1/);
    expect(() => w.tpBinary('accuracy', 0, 1.5, 0, 1)).toThrow(/fp: 1.5/);
    expect(() => w.tpBinary('accuracy', 0, 0, 0, 0)).toThrow(/no cases/);
  });
});

describe('calibration', () => {
  it('bins the ten predictions and computes ECE', () => {
    expect(TP_CALIBRATION).toHaveLength(10);
    // mean confidence 8.25/10 = 0.825; 6 of 10 right = 0.6: overconfident
    expect(w.tpMeanConfidence()).toBeCloseTo(0.825, 12);
    expect(w.tpCalibrationAccuracy()).toBeCloseTo(0.6, 12);
    // 5 bins: (0.8, 1]: 0.95, 0.92, 0.91, 0.97, 0.85, 0.82, 0.88 → n 7, conf 6.30/7 = 0.9, acc 5/7 = 0.714286
    expect(w.tpBinCount(5, 4)).toBe(7);
    expect(w.tpBinConfidence(5, 4)).toBeCloseTo(0.9, 12);
    expect(w.tpBinAccuracy(5, 4)).toBeCloseTo(0.714286, 6);
    // (0.6, 0.8]: 0.75 wrong, 0.65 right → n 2, conf 0.7, acc 0.5; (0.4, 0.6]: 0.55 wrong → n 1, conf 0.55, acc 0
    expect(w.tpBinCount(5, 3)).toBe(2);
    expect(w.tpBinConfidence(5, 3)).toBeCloseTo(0.7, 12);
    expect(w.tpBinAccuracy(5, 3)).toBe(0.5);
    expect(w.tpBinCount(5, 2)).toBe(1);
    expect(w.tpBinAccuracy(5, 2)).toBe(0);
    expect(w.tpBinCount(5, 0)).toBe(0);
    // ECE(5) = 0.7·(0.9 − 5/7) + 0.2·(0.7 − 0.5) + 0.1·0.55 = (0.63 − 0.5) + 0.04 + 0.055 = 0.225
    expect(w.tpEce(5)).toBeCloseTo(0.225, 12);
    // 10 bins: (0.9,1]: conf 3.75/4 = 0.9375, acc 3/4 → 0.4·0.1875 = 0.075; (0.8,0.9]: conf 0.85, acc 2/3 → 0.3·0.183333 = 0.055;
    // 0.75 wrong → 0.075; 0.65 right → 0.035; 0.55 wrong → 0.055; sum 0.295
    expect(w.tpBinConfidence(10, 9)).toBeCloseTo(0.9375, 12);
    expect(w.tpBinAccuracy(10, 9)).toBe(0.75);
    expect(w.tpEce(10)).toBeCloseTo(0.295, 12);
  });
  it('refuses bad bin counts, bins outside the range and empty bins', () => {
    expect(() => w.tpEce(0)).toThrow(/bins = 0/);
    expect(() => w.tpBinCount(5, 5)).toThrow(/bin: index 5/);
    expect(() => w.tpBinConfidence(5, 0)).toThrow(/empty/);
    expect(() => w.tpBinAccuracy(2.5, 0)).toThrow(/bins = 2.5/);
  });
});

describe('early stopping (Keras semantics: improvement iff loss < best − min_delta)', () => {
  it('patience 2 and 5 stop at different epochs', () => {
    // curve 0.92 0.71 0.60 0.54 0.51 0.505 | 0.52 0.53 0.502 0.51 0.52 0.535 0.55 0.57 0.59
    // patience 2: improvements through epoch 5 (0.505); epochs 6, 7 are not → stop after 7, best 5
    expect(w.tpStopEpoch(2, 0)).toBe(7);
    expect(w.tpBestEpoch(2, 0)).toBe(5);
    expect(w.tpBestValLoss(2, 0)).toBe(0.505);
    // patience 5: epoch 8 (0.502 < 0.505) improves; 9..13 do not → stop after 13, best 8
    expect(w.tpStopEpoch(5, 0)).toBe(13);
    expect(w.tpBestEpoch(5, 0)).toBe(8);
    expect(w.tpBestValLoss(5, 0)).toBe(0.502);
    // patience 3: best 8, stop 8 + 3 = 11
    expect(w.tpStopEpoch(3, 0)).toBe(11);
  });
  it('min_delta 0.01 ignores the small improvements at epochs 5 and 8', () => {
    // 0.51 at epoch 4 beats 0.54 − 0.01; 0.505 is not < 0.51 − 0.01 = 0.50, nor is 0.502
    // patience 2: stop 4 + 2 = 6; patience 5: stop 4 + 5 = 9; best epoch 4, loss 0.51
    expect(w.tpStopEpoch(2, 0.01)).toBe(6);
    expect(w.tpStopEpoch(5, 0.01)).toBe(9);
    expect(w.tpBestEpoch(5, 0.01)).toBe(4);
    expect(w.tpBestValLoss(2, 0.01)).toBe(0.51);
  });
  it('reads the losses and the gap val − train', () => {
    expect(TP_VAL_LOSSES).toHaveLength(15);
    expect(TP_TRAIN_LOSSES).toHaveLength(15);
    // training loss falls every epoch
    for (let e = 1; e < 15; e++) expect(TP_TRAIN_LOSSES[e]!).toBeLessThan(TP_TRAIN_LOSSES[e - 1]!);
    expect(w.tpTrainLoss(8)).toBe(0.31);
    expect(w.tpValLoss(8)).toBe(0.502);
    // gaps: epoch 0: 0.92 − 0.98 = −0.06; epoch 5: 0.505 − 0.41 = 0.095; epoch 8: 0.502 − 0.31 = 0.192; epoch 14: 0.59 − 0.17 = 0.42
    expect(w.tpGap(0)).toBeCloseTo(-0.06, 12);
    expect(w.tpGap(5)).toBeCloseTo(0.095, 12);
    expect(w.tpGap(8)).toBeCloseTo(0.192, 12);
    expect(w.tpGap(14)).toBeCloseTo(0.42, 12);
  });
  it('throws when it never stops, and on bad arguments', () => {
    // patience 10: best 8, 8 + 10 = 18 > 14, the last epoch
    expect(() => w.tpStopEpoch(10, 0)).toThrow(/never stops/);
    expect(w.tpBestEpoch(10, 0)).toBe(8);
    expect(() => w.tpStopEpoch(-1, 0)).toThrow(/patience = -1/);
    expect(() => w.tpStopEpoch(2, -0.1)).toThrow(/minDelta = -0.1/);
    expect(() => w.tpTrainLoss(15)).toThrow(/epoch: index 15/);
    expect(() => w.tpGap(-1)).toThrow(/epoch/);
  });
});

describe('model size, cross-entropy and steps per epoch', () => {
  it('counts the default digit CNN', () => {
    // conv 1: 5·5·1·8 + 8 = 208; conv 2: 5·5·8·16 + 16 = 3,216; sides 28 → 24 → 12 → 8 → 4, 4·4·16 = 256 → dense 10:
    // 256·10 + 10 = 2,570; total 208 + 3,216 + 2,570 = 5,994
    expect([0, 1, 2].map(w.tpCnnLayerParams)).toEqual([208, 3216, 2570]);
    expect(w.tpCnnParams()).toBe(5994);
    expect(() => w.tpCnnLayerParams(3)).toThrow(/layer: index 3/);
  });
  it('matches lib/ml/models.ts DEFAULT_CNN and countParams', () => {
    expect(TP_CNN.inputShape).toEqual(DEFAULT_CNN.inputShape);
    expect(TP_CNN.conv).toEqual(DEFAULT_CNN.conv);
    expect(TP_CNN.poolSize).toBe(DEFAULT_CNN.poolSize);
    expect(TP_CNN.classes).toBe(DEFAULT_CNN.classes);
    expect(DEFAULT_CNN.dense).toEqual([]);
    expect(w.tpCnnParams()).toBe(countParams({ ...DEFAULT_CNN, seed: 1 }));
  });
  it('costs −ln p for the true class', () => {
    // −ln 0.9 = 0.105361; −ln 0.01 = 4.605170; −ln 0.5 = 0.693147; −ln 0.1 = 2.302585 (uniform over 10 digits); −ln 1 = 0
    expect(w.tpCrossEntropy(0.9)).toBeCloseTo(0.105361, 6);
    expect(w.tpCrossEntropy(0.01)).toBeCloseTo(4.60517, 5);
    expect(w.tpCrossEntropy(0.5)).toBeCloseTo(0.693147, 6);
    expect(w.tpCrossEntropy(0.1)).toBeCloseTo(2.302585, 6);
    expect(w.tpCrossEntropy(1)).toBe(0);
    expect(() => w.tpCrossEntropy(0)).toThrow(/not in \(0, 1\]/);
    expect(() => w.tpCrossEntropy(1.2)).toThrow(/not in \(0, 1\]/);
  });
  it('takes ⌈n / batch⌉ steps per epoch', () => {
    // 5000/64 = 78.125 → 79; 6000/64 = 93.75 → 94; 60000/32 = 1875 exactly; 4800/64 = 75
    expect(w.tpStepsPerEpoch(5000, 64)).toBe(79);
    expect(w.tpStepsPerEpoch(6000, 64)).toBe(94);
    expect(w.tpStepsPerEpoch(60000, 32)).toBe(1875);
    expect(w.tpStepsPerEpoch(4800, 64)).toBe(75);
    expect(() => w.tpStepsPerEpoch(5000, 0)).toThrow(/batch = 0/);
    expect(() => w.tpStepsPerEpoch(-1, 64)).toThrow(/n: -1/);
  });
  it('is reachable through the registry', () => {
    expect(computeWorked('tpPrecision', [0])).toBeCloseTo(0.857143, 6);
    expect(computeWorked('tpBinary', ['accuracy', 0, 0, 10, 990])).toBeCloseTo(0.99, 12);
    expect(computeWorked('tpStopEpoch', [2, 0])).toBe(7);
  });
});
