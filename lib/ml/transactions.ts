/**
 * Synthetic card transactions for the AnomalyLab, and the arithmetic of judging an anomaly detector against known
 * frauds. Pure and seeded (lib/random): the same seed gives the same transactions in Node and in every browser.
 *
 * Normal transactions are built so that their features go together, as real card traffic does:
 * - the merchant category sets the amount, tightly (a grocery shop ≈ $40, fuel ≈ $50, a jeweller ≈ $600) and the
 *   hours (dinner at noon and in the evening, fuel at commuting time, online shopping late into the night; shops
 *   serve customers in opening hours);
 * - the distance from the card's previous purchase goes with the time since it: most purchases are in the same town
 *   (a few kilometres; 30 % of them on the same errand as the previous one, minutes later, the rest hours later), and
 *   a purchase hundreds of kilometres away comes after the hours it takes to get there (about distance ÷ 150 km/h
 *   + 2 h). Trips are common (20 % of in-store purchases, 60 % of travel bookings), so a long distance alone is
 *   nothing unusual; nor is a gap of minutes;
 * - the card's activity in the previous 24 hours sets the time since its last transaction.
 * Frauds are injected of five known kinds. Three keep every feature inside its normal range and break how the
 * features go together, one is extreme on a single feature, one is undetectable:
 * - `impossibleTravel`: an in-store purchase 150–1,500 km from the previous one, 2–30 minutes after it (a cloned
 *   card used in another city): the distance of a trip with the gap of a local errand;
 * - `amountMismatch`: $250–$900 at a grocery till or a fuel station (gift cards bought to cash out a stolen card):
 *   an amount normal at a jeweller or an airline, at a merchant where nobody spends it;
 * - `closedShop`: an in-store purchase at a grocery, a restaurant or an electronics shop between 2 and 5 a.m.: an
 *   hour normal for online shopping, in a shop that is shut;
 * - `bigTicket`: an in-store electronics or jewellery purchase of $3,000–$12,000, far beyond any normal amount: the
 *   one kind that is extreme on one feature, which a detector with no model at all also catches;
 * - `mimic`: an account takeover that spends like the customer: drawn from the normal population itself. No detector
 *   that sees only these features can tell them apart; they are there so the lab shows what it misses.
 *
 * Features (13 columns): ln(amount), sin and cos of the hour on the 24-hour circle, the category one-hot (7),
 * ln(1 + km from the card's previous purchase), ln(1 + minutes since it), ln(1 + transactions in the previous 24 h).
 * The gap is counted in minutes so that an errand's few minutes and a journey's few hours lie far apart on its axis.
 * Every column is z-scored with the mean and standard deviation of the training normals (lib/math/classification's
 * fitStandardizer): statistics of the held-out mix would leak its frauds into the model. A category column divides by
 * at least ONE_HOT_STD_FLOOR, so that a rare category does not outweigh everything else in the score.
 *
 * The honest comparison is `distanceScores`: the mean squared z-score of a transaction, its distance from the average
 * one, with no model at all. It sees each feature on its own, so it catches `bigTicket` and little else; an
 * autoencoder that has learnt how the features go together catches the three kinds that break it.
 *
 * Scores: higher = more anomalous. A transaction is flagged when its score ≥ the threshold (the convention of
 * binaryCounts and scikit-learn's roc_curve).
 */
import { fitStandardizer, type Standardizer } from '../math/classification';
import { createRng, type Rng } from '../random';

export const CATEGORIES = ['grocery', 'dining', 'fuel', 'online', 'travel', 'electronics', 'jewellery'] as const;
export type Category = (typeof CATEGORIES)[number];

export const FRAUD_KINDS = ['impossibleTravel', 'amountMismatch', 'closedShop', 'bigTicket', 'mimic'] as const;
export type FraudKind = (typeof FRAUD_KINDS)[number];
/** Kind codes in the data: 0 for a normal transaction, 1 + the index in FRAUD_KINDS for a fraud. */
export const NORMAL_KIND = 0;

/** Share of the injected frauds of each kind (in FRAUD_KINDS order; sums to 1). */
export const FRAUD_SHARES: Readonly<Record<FraudKind, number>> = { impossibleTravel: 0.3, amountMismatch: 0.25, closedShop: 0.2, bigTicket: 0.15, mimic: 0.1 };

export const FEATURES = ['logAmount', 'hourSin', 'hourCos', ...CATEGORIES.map((c) => `cat_${c}`), 'logDistance', 'logGap', 'logCount24h'] as const;
export const FEATURE_COUNT = FEATURES.length;
/** The category one-hot occupies columns [start, end). */
export const CATEGORY_COLUMNS = [3, 3 + CATEGORIES.length] as const;
/**
 * The smallest standard deviation a category column is divided by: about that of a category with 6 % of purchases
 * (√(0.06 · 0.94) ≈ 0.24). Without it a rare category's indicator would read ≈ 5 after z-scoring, and every honest
 * purchase at a jeweller would score above most frauds.
 */
export const ONE_HOT_STD_FLOOR = 0.25;

/** A fitted standardiser whose category columns divide by at least ONE_HOT_STD_FLOOR. */
export function floorOneHotStd(s: Standardizer): Standardizer {
  return { mean: s.mean, std: s.std.map((sd, j) => (j >= CATEGORY_COLUMNS[0] && j < CATEGORY_COLUMNS[1] ? Math.max(sd, ONE_HOT_STD_FLOOR) : sd)) };
}

/** One transaction, as a person would read it. */
export interface Transaction {
  /** Amount in dollars. */
  amount: number;
  /** Hour of day, [0, 24). */
  hour: number;
  category: Category;
  /** Kilometres from the card's previous purchase (for an online purchase: from the buyer's device). */
  distanceKm: number;
  /** Hours since the card's previous transaction. */
  gapHours: number;
  /** The card's other transactions in the previous 24 hours. */
  count24h: number;
  /** 0 normal; 1 + index into FRAUD_KINDS for a fraud. */
  kind: number;
}

interface CategoryProfile {
  share: number;
  /** ln(amount) ~ Normal(mu, sd). */
  mu: number;
  sd: number;
  /** Hours: a mixture of (centre, sd, weight) on the 24-hour circle. */
  hours: readonly (readonly [number, number, number])[];
  /** Share of this category's purchases made at the end of a journey (far from the previous purchase). */
  trip: number;
}

/** The normal population: category shares (sum 1), amounts, hours and trips. */
export const PROFILES: Readonly<Record<Category, CategoryProfile>> = {
  grocery: { share: 0.26, mu: 3.7, sd: 0.35, hours: [[11, 2, 0.55], [18, 1.5, 0.45]], trip: 0.2 },
  dining: { share: 0.2, mu: 3.2, sd: 0.35, hours: [[12.5, 1, 0.4], [19.5, 1.3, 0.6]], trip: 0.2 },
  fuel: { share: 0.14, mu: 3.9, sd: 0.25, hours: [[8, 1.5, 0.5], [17.5, 1.5, 0.5]], trip: 0.2 },
  online: { share: 0.22, mu: 4, sd: 0.5, hours: [[13, 2.5, 0.3], [22.5, 2, 0.7]], trip: 0 },
  travel: { share: 0.06, mu: 5.8, sd: 0.4, hours: [[10, 3, 1]], trip: 0.6 },
  electronics: { share: 0.06, mu: 5.6, sd: 0.4, hours: [[15, 2.5, 1]], trip: 0.2 },
  jewellery: { share: 0.06, mu: 6.4, sd: 0.35, hours: [[14, 2, 1]], trip: 0.2 },
};

/** Distance of a journey: ln(km) ~ Normal(ln 450, 0.6), i.e. 150–1,400 km for the middle 95 %. */
const TRIP_MU = Math.log(450);
const TRIP_SD = 0.6;
/** Distance of a purchase in the same town: ln(km) ~ Normal(ln 3, 0.7). */
const LOCAL_MU = Math.log(3);
const LOCAL_SD = 0.7;
/** Average door-to-door speed of a journey (car or train), which sets the hours it takes. */
export const TRAVEL_KMH = 150;

const wrapHour = (h: number) => ((h % 24) + 24) % 24;
const logNormal = (rng: Rng, mu: number, sd: number) => Math.exp(mu + sd * rng.normal());

function pick<T>(rng: Rng, items: readonly T[], weights: readonly number[]): T {
  const total = weights.reduce((a, b) => a + b, 0);
  let u = rng.uniform() * total;
  for (let i = 0; i < items.length; i++) {
    u -= weights[i]!;
    if (u < 0) return items[i]!;
  }
  return items[items.length - 1]!;
}

function poisson(rng: Rng, lambda: number): number {
  // Knuth's method: fine for the small rates used here.
  const l = Math.exp(-lambda);
  let k = 0;
  let p = rng.uniform();
  while (p > l) {
    k++;
    p *= rng.uniform();
  }
  return k;
}

/** Hours since the previous transaction, given how many the card made in the previous 24 h. */
function gapFor(rng: Rng, count: number): number {
  // With k others spread evenly over the last day, the nearest is 24·(1 − U^(1/k)) hours back; with none, over a day.
  if (count === 0) return 24 - 30 * Math.log(1 - rng.uniform());
  return Math.max(0.02, 24 * (1 - rng.uniform() ** (1 / count)));
}

/** Hours a journey of `km` takes: km ÷ TRAVEL_KMH + 2 h (getting to the station or the car, and back), give or take 25 %. */
export function journeyHours(rng: Rng, km: number): number {
  return (km / TRAVEL_KMH + 2) * Math.exp(0.25 * rng.normal());
}

function hourFor(rng: Rng, p: CategoryProfile): number {
  const [centre, sd] = pick(rng, p.hours, p.hours.map((h) => h[2]));
  return wrapHour(centre + sd * rng.normal());
}

function categoryFrom(rng: Rng, cats: readonly Category[]): Category {
  return pick(rng, cats, cats.map((c) => PROFILES[c].share));
}

/** Share of the in-town purchases made on the same errand as the previous one, 2–30 minutes after it. */
export const ERRAND_SHARE = 0.3;

/** Minutes between two purchases on one errand: 2–30, uniform. */
const errandHours = (rng: Rng) => (2 + 28 * rng.uniform()) / 60;

/** One normal transaction. */
export function normalTransaction(rng: Rng): Transaction {
  const category = categoryFrom(rng, CATEGORIES);
  const p = PROFILES[category];
  const amount = logNormal(rng, p.mu, p.sd);
  const hour = hourFor(rng, p);
  if (rng.uniform() < p.trip) {
    // The first purchase after a journey: far from the previous one, and the hours of the journey since.
    const distanceKm = logNormal(rng, TRIP_MU, TRIP_SD);
    const count24h = poisson(rng, 1);
    return { amount, hour, category, distanceKm, gapHours: journeyHours(rng, distanceKm), count24h, kind: NORMAL_KIND };
  }
  const distanceKm = logNormal(rng, LOCAL_MU, LOCAL_SD);
  if (rng.uniform() < ERRAND_SHARE) {
    // The next shop on the same errand: minutes later, a few kilometres on.
    return { amount, hour, category, distanceKm, gapHours: errandHours(rng), count24h: 1 + poisson(rng, 2), kind: NORMAL_KIND };
  }
  const count24h = poisson(rng, 2.5);
  return { amount, hour, category, distanceKm, gapHours: gapFor(rng, count24h), count24h, kind: NORMAL_KIND };
}

/** In-store categories a fraud of each kind uses. */
export const FRAUD_CATEGORIES: Readonly<Record<Exclude<FraudKind, 'mimic'>, readonly Category[]>> = {
  impossibleTravel: ['grocery', 'dining', 'fuel', 'electronics', 'jewellery'],
  amountMismatch: ['grocery', 'fuel'],
  closedShop: ['grocery', 'dining', 'electronics'],
  bigTicket: ['electronics', 'jewellery'],
};

/** One fraud of a given kind. */
export function fraudTransaction(rng: Rng, kind: FraudKind): Transaction {
  const code = FRAUD_KINDS.indexOf(kind) + 1;
  if (kind === 'mimic') return { ...normalTransaction(rng), kind: code };
  const category = categoryFrom(rng, FRAUD_CATEGORIES[kind]);
  const p = PROFILES[category];
  const count24h = poisson(rng, 2.5);
  const local = { amount: logNormal(rng, p.mu, p.sd), hour: hourFor(rng, p), category, distanceKm: logNormal(rng, LOCAL_MU, LOCAL_SD), gapHours: gapFor(rng, count24h), count24h, kind: code };
  switch (kind) {
    case 'impossibleTravel':
      // A trip's distance, minutes after the previous purchase (which therefore counts in the last 24 h).
      return { ...local, distanceKm: Math.min(1500, Math.max(150, logNormal(rng, TRIP_MU, TRIP_SD))), gapHours: errandHours(rng), count24h: Math.max(1, count24h) };
    case 'amountMismatch':
      // $250–$900, log-uniform.
      return { ...local, amount: Math.exp(Math.log(250) + (Math.log(900) - Math.log(250)) * rng.uniform()) };
    case 'closedShop':
      return { ...local, hour: 2 + 3 * rng.uniform() };
    case 'bigTicket':
      // $3,000–$12,000, log-uniform.
      return { ...local, amount: Math.exp(Math.log(3000) + (Math.log(12000) - Math.log(3000)) * rng.uniform()) };
  }
}

/** The 13 features of a transaction, before standardisation (FEATURES order). */
export function featuresOf(t: Transaction): number[] {
  const angle = (2 * Math.PI * t.hour) / 24;
  return [
    Math.log(t.amount),
    Math.sin(angle),
    Math.cos(angle),
    ...CATEGORIES.map((c) => (c === t.category ? 1 : 0)),
    Math.log1p(t.distanceKm),
    Math.log1p(60 * t.gapHours),
    Math.log1p(t.count24h),
  ];
}

/**
 * Splits `total` items over shares by the largest-remainder method: whole counts that sum to `total`, each within 1 of
 * total × share (ties to the earlier share).
 */
export function allocate(total: number, shares: readonly number[]): number[] {
  const sum = shares.reduce((a, b) => a + b, 0);
  const exact = shares.map((s) => (total * s) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    counts[i]!++;
    left--;
  }
  return counts;
}

/** Frauds in a held-out mix of `size` transactions at a fraud rate: round(size × rate), at least 1. */
export function fraudCount(size: number, fraudRate: number): number {
  return Math.min(size - 1, Math.max(1, Math.round(size * fraudRate)));
}

export interface AnomalyDataOptions {
  seed: number;
  /** Normal transactions to train on. */
  trainSize: number;
  /** Transactions in the held-out mix. */
  testSize: number;
  /** Share of frauds in the held-out mix. */
  fraudRate: number;
}

export interface AnomalyData {
  /** Standardised training normals, row-major [trainSize × FEATURE_COUNT]. */
  train: Float32Array;
  trainSize: number;
  /** Standardised held-out mix, row-major [testSize × FEATURE_COUNT], shuffled. */
  test: Float32Array;
  testSize: number;
  /** 1 for a fraud, 0 for a normal transaction, per held-out row. */
  labels: Uint8Array;
  /** 0 normal, 1 + FRAUD_KINDS index, per held-out row. */
  kinds: Uint8Array;
  /** Held-out transactions as drawn (for the view's examples). */
  testTransactions: Transaction[];
  /** Fitted on the raw features of the training normals. */
  standardizer: Standardizer;
  /** Frauds of each kind in the held-out mix (FRAUD_KINDS order). */
  fraudsByKind: number[];
}

/** Writes rows standardised with a fitted standardiser into one row-major Float32Array. */
function packRows(rows: readonly (readonly number[])[], s: Standardizer): Float32Array {
  const d = s.mean.length;
  const out = new Float32Array(rows.length * d);
  rows.forEach((r, i) => {
    for (let j = 0; j < d; j++) out[i * d + j] = s.std[j] === 0 ? 0 : (r[j]! - s.mean[j]!) / s.std[j]!;
  });
  return out;
}

/**
 * The lab's data: `trainSize` normal transactions to train on, and a held-out mix of `testSize` transactions of which
 * fraudCount(testSize, fraudRate) are frauds, split over the kinds by FRAUD_SHARES (largest remainder). The training
 * normals, the held-out normals and the frauds come from three generators seeded from `seed`, so the training set and
 * the held-out normals do not change when only the fraud rate does (the held-out normals are a prefix of one stream).
 */
export function makeAnomalyData({ seed, trainSize, testSize, fraudRate }: AnomalyDataOptions): AnomalyData {
  if (!(Number.isInteger(trainSize) && trainSize >= 2)) throw new Error(`makeAnomalyData: trainSize = ${trainSize} is not a whole number ≥ 2`);
  if (!(Number.isInteger(testSize) && testSize >= 2)) throw new Error(`makeAnomalyData: testSize = ${testSize} is not a whole number ≥ 2`);
  if (!(fraudRate > 0 && fraudRate < 1)) throw new Error(`makeAnomalyData: fraudRate = ${fraudRate} is not in (0, 1)`);
  const trainRng = createRng(seed * 4 + 1);
  const normalRng = createRng(seed * 4 + 2);
  const fraudRng = createRng(seed * 4 + 3);
  const orderRng = createRng(seed * 4 + 4);

  const trainTx = Array.from({ length: trainSize }, () => normalTransaction(trainRng));
  const trainRows = trainTx.map(featuresOf);
  const standardizer = floorOneHotStd(fitStandardizer(trainRows));

  const frauds = fraudCount(testSize, fraudRate);
  const fraudsByKind = allocate(frauds, FRAUD_KINDS.map((k) => FRAUD_SHARES[k]));
  const testTx: Transaction[] = Array.from({ length: testSize - frauds }, () => normalTransaction(normalRng));
  FRAUD_KINDS.forEach((k, i) => {
    for (let j = 0; j < fraudsByKind[i]!; j++) testTx.push(fraudTransaction(fraudRng, k));
  });
  for (let i = testTx.length - 1; i > 0; i--) {
    const j = orderRng.int(i + 1);
    [testTx[i], testTx[j]] = [testTx[j]!, testTx[i]!];
  }
  return {
    train: packRows(trainRows, standardizer),
    trainSize,
    test: packRows(testTx.map(featuresOf), standardizer),
    testSize,
    labels: Uint8Array.from(testTx, (t) => (t.kind === NORMAL_KIND ? 0 : 1)),
    kinds: Uint8Array.from(testTx, (t) => t.kind),
    testTransactions: testTx,
    standardizer,
    fraudsByKind,
  };
}

// ─── Scores and metrics ──────────────────────────────────────────────────────────────────────────────────────────────

/** Mean squared difference per row between inputs and their reconstructions (row-major, `dim` columns). */
export function reconstructionErrors(inputs: ArrayLike<number>, outputs: ArrayLike<number>, dim: number): Float32Array {
  if (inputs.length !== outputs.length) throw new Error(`reconstructionErrors: ${inputs.length} inputs but ${outputs.length} outputs`);
  if (!(dim >= 1) || inputs.length % dim !== 0) throw new Error(`reconstructionErrors: ${inputs.length} values do not make rows of ${dim}`);
  const n = inputs.length / dim;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < dim; j++) {
      const d = outputs[i * dim + j]! - inputs[i * dim + j]!;
      s += d * d;
    }
    out[i] = s / dim;
  }
  return out;
}

/**
 * The p-quantile of ascending values, interpolated linearly between order statistics (NumPy's default): position
 * p·(n − 1). p is clamped to [0, 1].
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const pos = Math.min(1, Math.max(0, p)) * (n - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (pos - lo) * (sorted[hi]! - sorted[lo]!);
}

/**
 * The no-model baseline score per row: the mean of its squared standardised features, i.e. the reconstruction error of
 * a "model" that always answers the average transaction (all zeros after standardisation).
 */
export function distanceScores(inputs: ArrayLike<number>, dim: number): Float32Array {
  return reconstructionErrors(inputs, new Float32Array(inputs.length), dim);
}

/** An ascending copy of the scores. */
export function sortedCopy(scores: ArrayLike<number>): Float64Array {
  return Float64Array.from(scores as ArrayLike<number>).sort();
}

function checkLabels(scores: ArrayLike<number>, labels: ArrayLike<number>, who: string) {
  if (scores.length !== labels.length) throw new Error(`${who}: ${scores.length} scores but ${labels.length} labels`);
  for (let i = 0; i < labels.length; i++) if (labels[i] !== 0 && labels[i] !== 1) throw new Error(`${who}: label ${labels[i]} at index ${i} is not 0 or 1`);
}

/**
 * ROC AUC by ranks (the Mann–Whitney U statistic): the probability that a random fraud scores above a random normal
 * transaction, ties counted as one half. NaN when either class is absent.
 */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  checkLabels(scores, labels, 'rocAuc');
  const n = scores.length;
  const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let pos = 0;
  let rankSum = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && scores[idx[j + 1]!] === scores[idx[i]!]) j++;
    const avgRank = (i + j) / 2 + 1; // ranks i+1 … j+1, averaged over the tie
    for (let k = i; k <= j; k++) {
      if (labels[idx[k]!] === 1) {
        pos++;
        rankSum += avgRank;
      }
    }
    i = j + 1;
  }
  const neg = n - pos;
  if (pos === 0 || neg === 0) return NaN;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

/** What a threshold does on a labelled set, and what its errors cost. */
export interface ThresholdReport {
  threshold: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  /** TP / (TP + FP); 0 when nothing is flagged. */
  precision: number;
  /** TP / (TP + FN); 0 when there are no frauds. */
  recall: number;
  /** (TP + FP) / n: the share of transactions flagged for review. */
  flagRate: number;
  /**
   * The recall of a flagger that flags the same share of transactions at random: in expectation it catches that share
   * of the frauds, so chance recall = flag rate.
   */
  chanceRecall: number;
  /** FN × costFn: the frauds let through. */
  costMissed: number;
  /** FP × costFp: the reviews of honest customers (and their annoyance). */
  costAlarms: number;
  cost: number;
}

/** Flags every score ≥ threshold and counts, with a missed fraud costing costFn and a false alarm costFp. */
export function thresholdReport(scores: ArrayLike<number>, labels: ArrayLike<number>, threshold: number, costFn: number, costFp: number): ThresholdReport {
  checkLabels(scores, labels, 'thresholdReport');
  const n = scores.length;
  if (n === 0) throw new Error('thresholdReport: no examples');
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < n; i++) {
    const flagged = scores[i]! >= threshold;
    if (labels[i] === 1) {
      if (flagged) tp++;
      else fn++;
    } else if (flagged) fp++;
  }
  const tn = n - tp - fp - fn;
  const flagRate = (tp + fp) / n;
  return {
    threshold,
    tp,
    fp,
    fn,
    tn,
    precision: tp + fp === 0 ? 0 : tp / (tp + fp),
    recall: tp + fn === 0 ? 0 : tp / (tp + fn),
    flagRate,
    chanceRecall: flagRate,
    costMissed: fn * costFn,
    costAlarms: fp * costFp,
    cost: fn * costFn + fp * costFp,
  };
}

/** One operating point of the sweep: everything with score ≥ threshold flagged. */
export interface SweepPoint {
  threshold: number;
  tp: number;
  fp: number;
  precision: number;
  recall: number;
  flagRate: number;
}

/**
 * Every operating point: the thresholds at each distinct score, from the highest down, preceded by flagging nothing
 * (threshold +∞, precision taken as 1 there, as scikit-learn's precision_recall_curve ends). Recall rises and the flag
 * rate rises along it.
 */
export function sweep(scores: ArrayLike<number>, labels: ArrayLike<number>): SweepPoint[] {
  checkLabels(scores, labels, 'sweep');
  const n = scores.length;
  let positives = 0;
  for (let i = 0; i < n; i++) positives += labels[i]!;
  const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
  const points: SweepPoint[] = [{ threshold: Infinity, tp: 0, fp: 0, precision: 1, recall: 0, flagRate: 0 }];
  let tp = 0;
  let fp = 0;
  for (let i = 0; i < n; ) {
    const t = scores[idx[i]!]!;
    while (i < n && scores[idx[i]!] === t) {
      if (labels[idx[i]!] === 1) tp++;
      else fp++;
      i++;
    }
    points.push({ threshold: t, tp, fp, precision: tp / (tp + fp), recall: positives ? tp / positives : 0, flagRate: (tp + fp) / n });
  }
  return points;
}

/** The cost of an operating point: frauds missed × costFn + false alarms × costFp. */
export function pointCost(p: SweepPoint, positives: number, costFn: number, costFp: number): number {
  return (positives - p.tp) * costFn + p.fp * costFp;
}

/** The cheapest operating point of a sweep (the first, i.e. the highest threshold, among equals). */
export function cheapest(points: readonly SweepPoint[], positives: number, costFn: number, costFp: number): { point: SweepPoint; cost: number } {
  let best = points[0]!;
  let bestCost = pointCost(best, positives, costFn, costFp);
  for (const p of points) {
    const c = pointCost(p, positives, costFn, costFp);
    if (c < bestCost) {
      best = p;
      bestCost = c;
    }
  }
  return { point: best, cost: bestCost };
}

/** At most `max` items, evenly spaced, always keeping the first and the last. */
export function thin<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  const out: T[] = [];
  for (let k = 0; k < max; k++) out.push(items[Math.round((k * (items.length - 1)) / (max - 1))]!);
  return out;
}

/** Per fraud kind (FRAUD_KINDS order): how many are in the set, how many the threshold flags, and that share. */
export function recallByKind(scores: ArrayLike<number>, kinds: ArrayLike<number>, threshold: number): { kind: FraudKind; count: number; caught: number; recall: number }[] {
  return FRAUD_KINDS.map((kind, i) => {
    let count = 0;
    let caught = 0;
    for (let j = 0; j < kinds.length; j++) {
      if (kinds[j] !== i + 1) continue;
      count++;
      if (scores[j]! >= threshold) caught++;
    }
    return { kind, count, caught, recall: count ? caught / count : NaN };
  });
}

/** ROC AUC of each fraud kind against the normal transactions alone (FRAUD_KINDS order; NaN for an absent kind). */
export function aucByKind(scores: ArrayLike<number>, kinds: ArrayLike<number>): number[] {
  return FRAUD_KINDS.map((_, i) => {
    const s: number[] = [];
    const l: number[] = [];
    for (let j = 0; j < kinds.length; j++) {
      if (kinds[j] === NORMAL_KIND || kinds[j] === i + 1) {
        s.push(scores[j]!);
        l.push(kinds[j] === NORMAL_KIND ? 0 : 1);
      }
    }
    return rocAuc(s, l);
  });
}

/**
 * Histogram of log10(score) for the normal and the fraud transactions, over `bins` equal bins between lo and hi
 * (log10 units; scores beyond fall into the end bins). Each class's counts, and its share per bin (the class's counts
 * ÷ its total, so 40 frauds and 4,000 normals draw at comparable heights).
 */
export function scoreHistogram(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  lo: number,
  hi: number,
  bins: number,
): { edges: number[]; normal: number[]; fraud: number[]; normalShare: number[]; fraudShare: number[] } {
  checkLabels(scores, labels, 'scoreHistogram');
  if (!(hi > lo) || !(bins >= 1)) throw new Error(`scoreHistogram: bad range [${lo}, ${hi}] or bins ${bins}`);
  const w = (hi - lo) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, i) => lo + i * w);
  const normal = new Array<number>(bins).fill(0);
  const fraud = new Array<number>(bins).fill(0);
  for (let i = 0; i < scores.length; i++) {
    const x = Math.log10(Math.max(scores[i]!, 1e-12));
    const b = Math.min(bins - 1, Math.max(0, Math.floor((x - lo) / w)));
    (labels[i] === 1 ? fraud : normal)[b]!++;
  }
  const share = (c: number[]) => {
    const total = c.reduce((a, b) => a + b, 0);
    return c.map((v) => (total ? v / total : 0));
  };
  return { edges, normal, fraud, normalShare: share(normal), fraudShare: share(fraud) };
}

/** A log10 range that holds the scores (padded a little), for the histogram's axis. */
export function logScoreRange(scores: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < scores.length; i++) {
    const x = Math.log10(Math.max(scores[i]!, 1e-12));
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  if (!Number.isFinite(lo)) return [-2, 1];
  if (hi - lo < 0.5) return [lo - 0.25, hi + 0.25];
  const pad = (hi - lo) * 0.02;
  return [Math.floor((lo - pad) * 10) / 10, Math.ceil((hi + pad) * 10) / 10];
}
