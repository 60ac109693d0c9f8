import { describe, expect, it } from 'vitest';
import { deferralAt, deferralCurve, majorityBaseline, perClassDeferral, thresholdGrid } from './deferral';

// Six cases of three classes (hand-made): the model is wrong on cases 2 and 5.
const labels = [0, 0, 1, 1, 2, 2];
const predictions = [0, 0, 2, 1, 2, 0];
const confidence = [0.95, 0.6, 0.9, 0.4, 0.7, 0.3];

describe('deferralAt', () => {
  it('automates every case at threshold 0', () => {
    expect(deferralAt(labels, predictions, confidence, 0)).toEqual({
      threshold: 0,
      total: 6,
      automatedCount: 6,
      automated: 1,
      automatedAccuracy: 4 / 6,
      errors: 2,
      handedOff: 0,
      errorRate: 2 / 6,
    });
  });

  it('counts cases at or above the threshold (hand count at 0.6 and 0.9)', () => {
    // ≥ 0.6: cases 0 (0.95), 1 (0.6), 2 (0.9, wrong), 4 (0.7) → 4 automated, 1 error, 2 handed off
    expect(deferralAt(labels, predictions, confidence, 0.6)).toMatchObject({ automatedCount: 4, automated: 4 / 6, errors: 1, handedOff: 2, automatedAccuracy: 3 / 4 });
    // ≥ 0.9: cases 0 and 2 → the confident mistake is still made
    expect(deferralAt(labels, predictions, confidence, 0.9)).toMatchObject({ automatedCount: 2, errors: 1, automatedAccuracy: 0.5 });
  });

  it('has no accuracy when nothing is automated, and refuses arrays of different lengths', () => {
    expect(deferralAt(labels, predictions, confidence, 0.99)).toMatchObject({ automatedCount: 0, automated: 0, automatedAccuracy: null, errors: 0, handedOff: 6 });
    expect(deferralAt([], [], [], 0.5)).toMatchObject({ total: 0, automated: 0, automatedAccuracy: null });
    expect(() => deferralAt([0], [0, 1], [0.5], 0.5)).toThrow(RangeError);
  });
});

describe('thresholdGrid', () => {
  it('runs from 0 to 0.99 in hundredths by default, without floating-point drift', () => {
    const g = thresholdGrid();
    expect(g).toHaveLength(100);
    expect(g[0]).toBe(0);
    expect(g[7]).toBe(0.07);
    expect(g[99]).toBe(0.99);
    expect(thresholdGrid(0.25, 1)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });
});

describe('deferralCurve', () => {
  it('agrees with deferralAt at every threshold, whatever the order of the thresholds', () => {
    const ts = [0.9, 0, 0.5, 0.6, 0.95, 0.96, 0.3];
    const curve = deferralCurve(labels, predictions, confidence, ts);
    ts.forEach((t, i) => expect(curve[i]).toEqual(deferralAt(labels, predictions, confidence, t)));
  });

  it('never automates more as the threshold rises', () => {
    const curve = deferralCurve(labels, predictions, confidence);
    for (let i = 1; i < curve.length; i++) expect(curve[i]!.automatedCount).toBeLessThanOrEqual(curve[i - 1]!.automatedCount);
    expect(curve[0]!.automated).toBe(1);
  });
});

describe('majorityBaseline', () => {
  it('answers the most frequent training class and scores it on the held-out labels', () => {
    // training: class 2 three times; held out: 2 appears twice in five → 0.4
    expect(majorityBaseline([0, 2, 2, 1, 2], [2, 0, 1, 2, 1], 3)).toEqual({ classIndex: 2, accuracy: 0.4 });
  });

  it('breaks ties towards the lowest class and refuses labels outside the classes', () => {
    expect(majorityBaseline([1, 0, 1, 0], [0, 1], 2)).toEqual({ classIndex: 0, accuracy: 0.5 });
    expect(() => majorityBaseline([3], [0], 3)).toThrow(RangeError);
  });
});

describe('perClassDeferral', () => {
  it('gives recall, precision, coverage, errors and the worst confusion of each class (hand count at 0.6)', () => {
    const rows = perClassDeferral(labels, predictions, confidence, 0.6, 3);
    // class 0: both right, both automated; predicted 0 also for case 5 (a 2) → precision 2/3
    expect(rows[0]).toEqual({ support: 2, recall: 1, precision: 2 / 3, automated: 1, errors: 0, confusedWith: null, confusedCount: 0 });
    // class 1: case 2 taken for a 2 at 0.9 (automated, an error), case 3 right at 0.4 (handed off)
    expect(rows[1]).toEqual({ support: 2, recall: 0.5, precision: 1, automated: 0.5, errors: 1, confusedWith: 2, confusedCount: 1 });
    // class 2: case 4 right at 0.7, case 5 taken for a 0 at 0.3 (handed off)
    expect(rows[2]).toEqual({ support: 2, recall: 0.5, precision: 0.5, automated: 0.5, errors: 0, confusedWith: 0, confusedCount: 1 });
  });

  it('has nulls for a class never seen nor predicted', () => {
    const rows = perClassDeferral([0], [0], [0.9], 0.5, 2);
    expect(rows[1]).toMatchObject({ support: 0, recall: null, precision: null, automated: null });
  });
});
