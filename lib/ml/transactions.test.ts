import { describe, expect, it } from 'vitest';
import { createRng } from '../random';
import {
  CATEGORIES,
  CATEGORY_COLUMNS,
  FEATURES,
  FEATURE_COUNT,
  FRAUD_CATEGORIES,
  FRAUD_KINDS,
  FRAUD_SHARES,
  NORMAL_KIND,
  ONE_HOT_STD_FLOOR,
  PROFILES,
  allocate,
  aucByKind,
  cheapest,
  distanceScores,
  featuresOf,
  floorOneHotStd,
  fraudCount,
  fraudTransaction,
  logScoreRange,
  makeAnomalyData,
  normalTransaction,
  quantileSorted,
  recallByKind,
  reconstructionErrors,
  rocAuc,
  scoreHistogram,
  sortedCopy,
  sweep,
  thin,
  thresholdReport,
} from './transactions';

describe('the generator', () => {
  const opts = { seed: 7, trainSize: 500, testSize: 1000, fraudRate: 0.02 };

  it('is deterministic: the same seed gives the same data, another seed other data', () => {
    const a = makeAnomalyData(opts);
    const b = makeAnomalyData(opts);
    expect(a.train).toEqual(b.train);
    expect(a.test).toEqual(b.test);
    expect(a.kinds).toEqual(b.kinds);
    expect(a.testTransactions).toEqual(b.testTransactions);
    const c = makeAnomalyData({ ...opts, seed: 8 });
    expect(c.train).not.toEqual(a.train);
  });

  it('injects round(size × rate) frauds split over the kinds, and keeps the training set when only the rate changes', () => {
    const a = makeAnomalyData(opts);
    // 1000 × 0.02 = 20 frauds; 20 × (0.3, 0.25, 0.2, 0.15, 0.1) = 6, 5, 4, 3, 2 exactly
    expect(a.fraudsByKind).toEqual([6, 5, 4, 3, 2]);
    expect(a.labels.reduce((s, x) => s + x, 0)).toBe(20);
    FRAUD_KINDS.forEach((_, i) => expect(a.kinds.filter((k) => k === i + 1).length).toBe(a.fraudsByKind[i]));
    a.labels.forEach((l, i) => expect(l).toBe(a.kinds[i] === NORMAL_KIND ? 0 : 1));
    expect(a.train).toHaveLength(500 * FEATURE_COUNT);
    expect(a.test).toHaveLength(1000 * FEATURE_COUNT);
    const b = makeAnomalyData({ ...opts, fraudRate: 0.1 });
    expect(b.train).toEqual(a.train);
    expect(b.labels.reduce((s, x) => s + x, 0)).toBe(100);
    expect(() => makeAnomalyData({ ...opts, fraudRate: 0 })).toThrow(/fraudRate/);
  });

  it('standardises with the training normals: each training column has mean 0 and standard deviation 1, a rare category less', () => {
    const a = makeAnomalyData(opts);
    for (let j = 0; j < FEATURE_COUNT; j++) {
      let s = 0;
      let s2 = 0;
      for (let i = 0; i < a.trainSize; i++) {
        const x = a.train[i * FEATURE_COUNT + j]!;
        s += x;
        s2 += x * x;
      }
      const mean = s / a.trainSize;
      expect(Math.abs(mean)).toBeLessThan(1e-5);
      // A category column whose own sd is below the floor is divided by the floor: its sd becomes sd / 0.2 < 1.
      const fitted = a.standardizer.std[j]!;
      const expected = j >= CATEGORY_COLUMNS[0] && j < CATEGORY_COLUMNS[1] && fitted === ONE_HOT_STD_FLOOR ? null : 1;
      const sd = Math.sqrt(s2 / a.trainSize - mean * mean);
      if (expected === null) expect(sd).toBeLessThan(1);
      else expect(sd).toBeCloseTo(1, 4);
    }
    // jewellery, 6 % of purchases: sd √(p(1 − p)) ≈ 0.24 < 0.25, so divided by 0.25 (500 draws: the sample share is close)
    expect(a.standardizer.std[CATEGORY_COLUMNS[0] + CATEGORIES.indexOf('jewellery')]).toBe(ONE_HOT_STD_FLOOR);
    // fuel, 14 %: sd ≈ 0.35, its own
    expect(a.standardizer.std[CATEGORY_COLUMNS[0] + CATEGORIES.indexOf('fuel')]!).toBeGreaterThan(0.3);
    expect(floorOneHotStd({ mean: Array(13).fill(0), std: Array(13).fill(0.1) }).std).toEqual([0.1, 0.1, 0.1, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.1, 0.1, 0.1]);
  });

  it('draws normal transactions with the population’s category shares and its correlations', () => {
    const rng = createRng(3);
    const tx = Array.from({ length: 20_000 }, () => normalTransaction(rng));
    for (const c of CATEGORIES) {
      const share = tx.filter((t) => t.category === c).length / tx.length;
      // binomial sd at p = 0.26, n = 20,000 is 0.0031: a tolerance of 0.015 is over 4 sd
      expect(Math.abs(share - PROFILES[c].share)).toBeLessThan(0.015);
    }
    const median = (xs: number[]) => sortedCopy(xs)[Math.floor(xs.length / 2)]!;
    const amounts = (c: string) => tx.filter((t) => t.category === c).map((t) => t.amount);
    // The merchant sets the amount: exp(6.4) ≈ $600 at a jeweller, exp(5.6) ≈ $270 for electronics, exp(3.2) ≈ $25 dining
    expect(median(amounts('jewellery'))).toBeGreaterThan(450);
    expect(median(amounts('electronics'))).toBeGreaterThan(200);
    expect(median(amounts('dining'))).toBeLessThan(30);
    // …and nobody spends $250 at a grocery till or a fuel pump (ln 250 is over 5 sd above either's mean)
    expect(tx.filter((t) => (t.category === 'grocery' || t.category === 'fuel') && t.amount >= 250)).toHaveLength(0);
    // Trips: 20 % of the in-store purchases outside travel (72 % of all) and 60 % of travel (6 %) → 18 % far away
    // (a trip shorter than 100 km is rare: ln 100 is 2.5 sd below ln 450)
    const far = tx.filter((t) => t.distanceKm > 100);
    expect(far.length / tx.length).toBeGreaterThan(0.16);
    expect(far.length / tx.length).toBeLessThan(0.2);
    // A far purchase comes after the journey (≥ ~2/3 h even for the shortest, quickest one)…
    expect(Math.min(...far.map((t) => t.gapHours))).toBeGreaterThan(0.5);
    expect(far.some((t) => t.category === 'online')).toBe(false);
    // …while minutes-apart purchases are common in town (the errands: 30 % of the in-town ones)
    const minutes = tx.filter((t) => t.gapHours <= 0.5).length / tx.length;
    expect(minutes).toBeGreaterThan(0.2);
    // Shops are shut at night: in store between 2 and 5 a.m. at a grocery, a restaurant or an electronics shop is rare…
    const shops = tx.filter((t) => FRAUD_CATEGORIES.closedShop.includes(t.category));
    expect(shops.filter((t) => t.hour >= 2 && t.hour < 5).length / shops.length).toBeLessThan(0.005);
    // …while online shopping runs late (centred on 22:30): those hours are no rarity in the population
    const online = tx.filter((t) => t.category === 'online');
    expect(online.filter((t) => t.hour >= 2 && t.hour < 5).length / online.length).toBeGreaterThan(0.02);
    for (const t of tx) {
      expect(t.hour >= 0 && t.hour < 24).toBe(true);
      expect(t.gapHours).toBeGreaterThan(0);
    }
  });

  it('draws each kind of fraud as described: the first three inside the range of 20,000 normals on every feature, bigTicket beyond it', () => {
    const rng = createRng(5);
    const normals = Array.from({ length: 20_000 }, () => featuresOf(normalTransaction(rng)));
    const continuous = [0, 1, 2, 10, 11, 12];
    const range = continuous.map((j) => {
      const col = sortedCopy(normals.map((f) => f[j]!));
      return [col[0]!, col[col.length - 1]!] as const;
    });
    const inRange = (f: number[]) => continuous.every((j, k) => f[j]! >= range[k]![0] && f[j]! <= range[k]![1]);
    for (let i = 0; i < 200; i++) {
      const t = fraudTransaction(rng, 'impossibleTravel');
      expect(FRAUD_CATEGORIES.impossibleTravel).toContain(t.category);
      expect(t.distanceKm >= 150 && t.distanceKm <= 1500).toBe(true);
      expect(t.gapHours * 60 >= 2 && t.gapHours * 60 <= 30).toBe(true);
      expect(t.count24h).toBeGreaterThanOrEqual(1);
      const a = fraudTransaction(rng, 'amountMismatch');
      expect(['grocery', 'fuel']).toContain(a.category);
      expect(a.amount >= 250 && a.amount <= 900).toBe(true);
      const c = fraudTransaction(rng, 'closedShop');
      expect(FRAUD_CATEGORIES.closedShop).toContain(c.category);
      expect(c.hour >= 2 && c.hour <= 5).toBe(true);
      for (const f of [t, a, c].map(featuresOf)) expect([f, inRange(f)]).toEqual([f, true]);
      const b = fraudTransaction(rng, 'bigTicket');
      expect(b.amount >= 3000 && b.amount <= 12000).toBe(true);
      // ln 3000 = 8.0, above every normal ln(amount) (the dearest, a jeweller's, ≈ ln 600 + 4 × 0.35 ≈ 7.8 at most)
      expect(Math.log(b.amount)).toBeGreaterThan(range[0]![1]);
      expect(fraudTransaction(rng, 'mimic').kind).toBe(5);
    }
    expect(Object.values(FRAUD_SHARES).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('turns a transaction into its 13 features', () => {
    // amount e³, 6 a.m. (a quarter turn: sin 1, cos 0), fuel, e − 1 km (ln(1 + d) = 1), no gap, no other transactions;
    // the gap is counted in minutes: 1 h → ln(61)
    const f = featuresOf({ amount: Math.exp(3), hour: 6, category: 'fuel', distanceKm: Math.E - 1, gapHours: 0, count24h: 0, kind: 0 });
    expect(f).toHaveLength(FEATURES.length);
    expect(f[0]).toBeCloseTo(3, 12);
    expect(f[1]).toBeCloseTo(1, 12);
    expect(f[2]).toBeCloseTo(0, 12);
    expect(f.slice(3, 10)).toEqual([0, 0, 1, 0, 0, 0, 0]);
    expect(f[10]).toBeCloseTo(1, 12);
    expect(f.slice(11)).toEqual([0, 0]);
    expect(featuresOf({ amount: 1, hour: 0, category: 'online', distanceKm: 0, gapHours: 1, count24h: 0, kind: 0 })[11]).toBeCloseTo(Math.log(61), 12);
  });

  it('allocates whole counts by the largest remainder', () => {
    expect(allocate(80, [0.3, 0.3, 0.25, 0.15])).toEqual([24, 24, 20, 12]);
    expect(allocate(80, FRAUD_KINDS.map((k) => FRAUD_SHARES[k]))).toEqual([24, 20, 16, 12, 8]);
    // 5 × shares = 1.5, 1.5, 1.25, 0.75: floors 1, 1, 1, 0; the two left go to 0.75 and then the first 0.5
    expect(allocate(5, [0.3, 0.3, 0.25, 0.15])).toEqual([2, 1, 1, 1]);
    expect(fraudCount(4000, 0.02)).toBe(80);
    expect(fraudCount(4000, 0.001)).toBe(4);
    expect(fraudCount(10, 0.01)).toBe(1);
  });
});

describe('scores and metrics, by hand', () => {
  it('computes reconstruction errors as the mean squared difference per row, and the distance baseline', () => {
    // rows (1, 2) → (1, 0): (0 + 4) / 2 = 2; (3, 4) → (0, 0): (9 + 16) / 2 = 12.5
    expect(Array.from(reconstructionErrors([1, 2, 3, 4], [1, 0, 0, 0], 2))).toEqual([2, 12.5]);
    expect(Array.from(distanceScores([1, 2, 3, 4], 2))).toEqual([2.5, 12.5]);
    expect(() => reconstructionErrors([1, 2, 3], [1, 2, 3], 2)).toThrow(/rows/);
  });

  it('interpolates quantiles as NumPy does', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4], 0)).toBe(1);
    expect(quantileSorted([1, 2, 3, 4], 1)).toBe(4);
    // 100 values 0…99: position 0.98 × 99 = 97.02
    expect(quantileSorted(Array.from({ length: 100 }, (_, i) => i), 0.98)).toBeCloseTo(97.02, 10);
    expect(quantileSorted([], 0.5)).toBeNaN();
  });

  it('computes ROC AUC by ranks, ties counted one half', () => {
    // scikit-learn's example: 3 of the 4 (fraud, normal) pairs are ordered right
    expect(rocAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75);
    // frauds {1, 3}, normals {1, 2}: (1 vs 1) ½, (1 vs 2) 0, (3 vs 1) 1, (3 vs 2) 1 → 2.5 / 4
    expect(rocAuc([1, 1, 2, 3], [0, 1, 0, 1])).toBe(0.625);
    expect(rocAuc([5, 5, 5], [0, 1, 0])).toBe(0.5);
    expect(rocAuc([1, 2], [0, 0])).toBeNaN();
    expect(() => rocAuc([1, 2], [0, 2])).toThrow(/not 0 or 1/);
  });

  const scores = [0.1, 0.5, 0.9, 0.3, 0.7];
  const labels = [0, 1, 1, 0, 0];

  it('counts a threshold’s flags, its precision, recall, flag rate, chance recall and cost', () => {
    // ≥ 0.5 flags 0.5 (fraud), 0.9 (fraud), 0.7 (normal): TP 2, FP 1, FN 0, TN 2
    expect(thresholdReport(scores, labels, 0.5, 100, 5)).toEqual({
      threshold: 0.5,
      tp: 2,
      fp: 1,
      fn: 0,
      tn: 2,
      precision: 2 / 3,
      recall: 1,
      flagRate: 0.6,
      chanceRecall: 0.6,
      costMissed: 0,
      costAlarms: 5,
      cost: 5,
    });
    // ≥ 0.8 flags only 0.9: one fraud missed (100), no false alarm
    expect(thresholdReport(scores, labels, 0.8, 100, 5)).toMatchObject({ tp: 1, fp: 0, fn: 1, tn: 3, precision: 1, recall: 0.5, flagRate: 0.2, cost: 100 });
    // nothing flagged: precision 0 by convention, both frauds missed
    expect(thresholdReport(scores, labels, 1, 100, 5)).toMatchObject({ precision: 0, recall: 0, flagRate: 0, chanceRecall: 0, cost: 200 });
  });

  it('sweeps every threshold from the top, and finds the cheapest', () => {
    const pts = sweep(scores, labels);
    expect(pts.map((p) => [p.threshold, p.tp, p.fp])).toEqual([
      [Infinity, 0, 0],
      [0.9, 1, 0],
      [0.7, 1, 1],
      [0.5, 2, 1],
      [0.3, 2, 2],
      [0.1, 2, 3],
    ]);
    expect(pts[3]).toMatchObject({ precision: 2 / 3, recall: 1, flagRate: 0.6 });
    expect(pts[0]).toMatchObject({ precision: 1, recall: 0, flagRate: 0 });
    // costs with FN 100, FP 5: 200, 100, 105, 5, 10, 15 → threshold 0.5
    const best = cheapest(pts, 2, 100, 5);
    expect(best.point.threshold).toBe(0.5);
    expect(best.cost).toBe(5);
    // 0.9 flags a fraud and no one else: 100, the cheapest however dear a false alarm is
    expect(cheapest(pts, 2, 100, 1000).point.threshold).toBe(0.9);
    // top score a normal one: flag nothing 1, flag it 1 + 1000, flag both 1000 → flagging nothing is cheapest
    expect(cheapest(sweep([0.9, 0.5], [0, 1]), 1, 1, 1000)).toMatchObject({ cost: 1, point: { threshold: Infinity } });
    // tied scores make one point
    expect(sweep([0.5, 0.5, 0.2], [1, 0, 0]).map((p) => [p.tp, p.fp])).toEqual([
      [0, 0],
      [1, 1],
      [1, 2],
    ]);
  });

  it('reports the catch and the AUC per fraud kind', () => {
    // kinds: normal, impossibleTravel, impossibleTravel, amountMismatch, mimic
    const s = [0.1, 0.9, 0.2, 0.8, 0.05];
    const k = [0, 1, 1, 2, 5];
    expect(recallByKind(s, k, 0.5).map((r) => [r.kind, r.count, r.caught])).toEqual([
      ['impossibleTravel', 2, 1],
      ['amountMismatch', 1, 1],
      ['closedShop', 0, 0],
      ['bigTicket', 0, 0],
      ['mimic', 1, 0],
    ]);
    expect(recallByKind(s, k, 0.5)[2]!.recall).toBeNaN();
    // against the one normal (0.1): impossibleTravel 0.9 above, 0.2 above → 1; mimic 0.05 below → 0
    const auc = aucByKind(s, k);
    expect(auc[0]).toBe(1);
    expect(auc[1]).toBe(1);
    expect(auc[2]).toBeNaN();
    expect(auc[3]).toBeNaN();
    expect(auc[4]).toBe(0);
  });

  it('bins log10 scores per class, and thins a list keeping both ends', () => {
    const h = scoreHistogram([0.01, 0.1, 1, 10], [0, 0, 1, 1], -2, 2, 4);
    expect(h.edges).toEqual([-2, -1, 0, 1, 2]);
    expect(h.normal).toEqual([1, 1, 0, 0]);
    expect(h.fraud).toEqual([0, 0, 1, 1]);
    expect(h.fraudShare).toEqual([0, 0, 0.5, 0.5]);
    // beyond the range: the end bins
    expect(scoreHistogram([1e-9, 1e9], [0, 1], -2, 2, 4).normal).toEqual([1, 0, 0, 0]);
    const [lo, hi] = logScoreRange([0.01, 10]);
    expect(lo).toBeLessThanOrEqual(-2);
    expect(hi).toBeGreaterThanOrEqual(1);
    expect(thin([1, 2, 3, 4, 5], 3)).toEqual([1, 3, 5]);
    expect(thin([1, 2], 3)).toEqual([1, 2]);
  });
});
