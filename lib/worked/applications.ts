/**
 * Worked numbers of the chapter `applications` (see registry.ts): what a customer-service conversation costs at a given
 * automation rate and automated accuracy, the base-rate arithmetic of fraud flags (precision at a recall, specificity
 * and fraud rate; the specificity a precision target demands), the RMSE of baselines on a tiny ratings table, word
 * error rate, the cost and latency of speech recognition, the cost of generated text and of images served, and the
 * chance that one of many skill-less trading strategies passes a significance test.
 *
 * Every name starts with `ap`; arguments are numbers or short strings; every entry has a test in
 * applications.test.ts with hand-computed values.
 */
import { costPerMillionTokens } from '../finance/inference-cost';

function check(cond: boolean, message: string): void {
  if (!cond) throw new Error(message);
}

function probability(x: number, what: string): number {
  check(Number.isFinite(x) && x >= 0 && x <= 1, `${what}: ${x} is not a probability in [0, 1]`);
  return x;
}

function nonNegative(xs: readonly number[], what: string): void {
  check(xs.every((x) => Number.isFinite(x) && x >= 0), `${what}: every argument must be a finite number ≥ 0`);
}

// ─── Customer service ───────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Expected cost of one conversation in USD when every conversation starts with the bot (cost `bot`), a share
 * `automated` is answered by it with accuracy `automatedAccuracy`, the rest goes to a person (cost `human`), and a wrong
 * automated answer costs the failure `fail` (the customer's repeat contact, goodwill) and then a person anyway:
 * bot + (1 − a)·human + a(1 − α)·(human + fail).
 */
function conversationCost(bot: number, automated: number, automatedAccuracy: number, human: number, fail: number): number {
  nonNegative([bot, human, fail], 'apConversationCost');
  const a = probability(automated, 'apConversationCost');
  const acc = probability(automatedAccuracy, 'apConversationCost');
  return bot + (1 - a) * human + a * (1 - acc) * (human + fail);
}

// ─── The tiny ratings table ─────────────────────────────────────────────────────────────────────────────────────────

/**
 * Four users and four films, A and B action, C and D drama; ratings 1–5. Users 1–3 prefer action, user 4 drama.
 * Twelve ratings train, four are held out (one per user).
 */
export const TINY_TRAIN: readonly (readonly [user: number, item: number, rating: number])[] = [
  [0, 0, 5], [0, 1, 4], [0, 2, 1],
  [1, 0, 4], [1, 2, 2], [1, 3, 1],
  [2, 1, 5], [2, 2, 1], [2, 3, 2],
  [3, 0, 2], [3, 1, 1], [3, 3, 5],
];
export const TINY_TEST: readonly (readonly [user: number, item: number, rating: number])[] = [
  [0, 3, 1],
  [1, 1, 4],
  [2, 0, 5],
  [3, 2, 3],
];

/** The sides in the taste example: users 1–3 and films A, B are "action" (+1), user 4 and films C, D "drama" (−1). */
const TINY_TASTE_USER = [1, 1, 1, -1] as const;
const TINY_TASTE_ITEM = [1, 1, -1, -1] as const;

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** The three baselines fitted on TINY_TRAIN by plain averages (no regularisation). */
function tinyBaselines() {
  const mu = mean(TINY_TRAIN.map((r) => r[2]));
  const itemBias = [0, 1, 2, 3].map((i) => mean(TINY_TRAIN.filter((r) => r[1] === i).map((r) => r[2] - mu)));
  const userBias = [0, 1, 2, 3].map((u) => mean(TINY_TRAIN.filter((r) => r[0] === u).map((r) => r[2] - mu - itemBias[r[1]]!)));
  // One known taste factor: +1 for the action fans and the action films, −1 for the drama fan and the dramas; its weight
  // c is fitted by least squares to the residuals of the item baseline: c = Σ e·p_u q_i / Σ (p_u q_i)².
  const pq = (u: number, i: number) => TINY_TASTE_USER[u]! * TINY_TASTE_ITEM[i]!;
  let num = 0;
  let den = 0;
  for (const [u, i, r] of TINY_TRAIN) {
    num += (r - mu - itemBias[i]!) * pq(u, i);
    den += pq(u, i) ** 2;
  }
  const taste = num / den;
  const predict = {
    globalMean: () => mu,
    item: (_u: number, i: number) => mu + itemBias[i]!,
    userItem: (u: number, i: number) => mu + itemBias[i]! + userBias[u]!,
    taste: (u: number, i: number) => mu + itemBias[i]! + taste * pq(u, i),
  };
  return { mu, itemBias, userBias, taste, predict };
}

const TINY_MODELS = ['globalMean', 'item', 'userItem', 'taste'] as const;
type TinyModel = (typeof TINY_MODELS)[number];

/** Root-mean-square error of predictions against targets. */
function rmse(pairs: readonly (readonly [predicted: number, actual: number])[]): number {
  return Math.sqrt(mean(pairs.map(([p, a]) => (p - a) ** 2)));
}

// ─── Fraud flags ────────────────────────────────────────────────────────────────────────────────────────────────────

/** Precision of a flagger with recall r and specificity s at fraud rate π: rπ / (rπ + (1 − s)(1 − π)). */
function flagPrecision(recall: number, specificity: number, rate: number): number {
  const r = probability(recall, 'apFlagPrecision');
  const s = probability(specificity, 'apFlagPrecision');
  const p = probability(rate, 'apFlagPrecision');
  const tp = r * p;
  const fp = (1 - s) * (1 - p);
  check(tp + fp > 0, 'apFlagPrecision: nothing is flagged');
  return tp / (tp + fp);
}

export const applicationsWorked = {
  // ─── Customer service ────────────────────────────────────────────────────────────────────────────────────────────
  /** Expected USD per conversation: bot + (1 − a)·human + a(1 − α)·(human + fail). */
  apConversationCost: (bot: number, automated: number, automatedAccuracy: number, human: number, fail: number) =>
    conversationCost(bot, automated, automatedAccuracy, human, fail),
  /** The share of conversations the bot answers correctly: automated × automatedAccuracy. */
  apBotResolved: (automated: number, automatedAccuracy: number) =>
    probability(automated, 'apBotResolved') * probability(automatedAccuracy, 'apBotResolved'),
  /** Wrong automated answers among n conversations: n · a · (1 − α). */
  apWrongAnswers: (n: number, automated: number, automatedAccuracy: number) => {
    check(Number.isFinite(n) && n >= 0, `apWrongAnswers: ${n} conversations`);
    return n * probability(automated, 'apWrongAnswers') * (1 - probability(automatedAccuracy, 'apWrongAnswers'));
  },
  /** The share of an all-human cost saved: 1 − conversationCost / human. */
  apSaving: (bot: number, automated: number, automatedAccuracy: number, human: number, fail: number) => {
    check(human > 0, 'apSaving: the human cost must be positive');
    return 1 - conversationCost(bot, automated, automatedAccuracy, human, fail) / human;
  },

  // ─── Generation, translation, vision: what serving costs ──────────────────────────────────────────────────────────
  /** USD of one request: (input tokens × input price + output tokens × output price) / 10⁶, prices per million tokens. */
  apTokenCost: (inputTokens: number, outputTokens: number, inputPrice: number, outputPrice: number) => {
    nonNegative([inputTokens, outputTokens, inputPrice, outputPrice], 'apTokenCost');
    return (inputTokens * inputPrice + outputTokens * outputPrice) / 1e6;
  },
  /** USD of a published piece: the model's token cost plus an editor's minutes at an hourly rate. */
  apEditedCost: (tokenCost: number, editMinutes: number, hourly: number) => {
    nonNegative([tokenCost, editMinutes, hourly], 'apEditedCost');
    return tokenCost + (editMinutes / 60) * hourly;
  },
  /** USD per million items (images, requests) of a GPU rented at pricePerHour that serves itemsPerSecond. */
  apCostPerMillion: (pricePerHour: number, itemsPerSecond: number) => {
    check(itemsPerSecond > 0 && pricePerHour >= 0, 'apCostPerMillion: need a price ≥ 0 and a positive rate');
    return costPerMillionTokens(pricePerHour, itemsPerSecond);
  },

  // ─── Recommendation ──────────────────────────────────────────────────────────────────────────────────────────────
  /**
   * A number of the tiny ratings table (TINY_TRAIN, TINY_TEST): "mean" (the global mean of the training ratings),
   * "itemBias" or "userBias" of index k (plain averages of residuals), "tasteWeight" (the least-squares weight c of one
   * known taste factor), "rmse" of a model ("globalMean", "item", "userItem", "taste" = item baseline + c·p_u·q_i) on
   * the held-out ratings, or "error" of that model on held-out rating k (predicted − actual).
   */
  apTiny: (what: string, model = 'globalMean', k = 0) => {
    const b = tinyBaselines();
    if (what === 'mean') return b.mu;
    if (what === 'tasteWeight') return b.taste;
    check(Number.isInteger(k) && k >= 0 && k < 4, `apTiny: index ${k} is not 0–3`);
    if (what === 'itemBias') return b.itemBias[k]!;
    if (what === 'userBias') return b.userBias[k]!;
    check((TINY_MODELS as readonly string[]).includes(model), `apTiny: "${model}" is not one of ${TINY_MODELS.join(', ')}`);
    const f = b.predict[model as TinyModel];
    if (what === 'rmse') return rmse(TINY_TEST.map(([u, i, r]) => [f(u, i), r] as const));
    if (what === 'error') {
      const [u, i, r] = TINY_TEST[k]!;
      return f(u, i) - r;
    }
    throw new Error(`apTiny: "${what}" is not mean, itemBias, userBias, tasteWeight, rmse or error`);
  },
  /** Root-mean-square of the given errors: √(Σe²/n). */
  apRmsOf: (...errors: number[]) => {
    check(errors.length > 0 && errors.every(Number.isFinite), 'apRmsOf: give at least one finite error');
    return Math.sqrt(mean(errors.map((e) => e * e)));
  },
  /** Parameters of a matrix factorisation of rank k for m users and n items, with a bias per user and item: k(m + n) + m + n. */
  apMfParams: (users: number, items: number, rank: number) => {
    check([users, items, rank].every((x) => Number.isInteger(x) && x > 0), 'apMfParams: users, items and rank are positive integers');
    return rank * (users + items) + users + items;
  },

  // ─── Speech ──────────────────────────────────────────────────────────────────────────────────────────────────────
  /** Word error rate: (substitutions + deletions + insertions) / words in the reference. Can exceed 1. */
  apWer: (substitutions: number, deletions: number, insertions: number, referenceWords: number) => {
    nonNegative([substitutions, deletions, insertions], 'apWer');
    check(Number.isInteger(referenceWords) && referenceWords > 0, `apWer: ${referenceWords} reference words`);
    return (substitutions + deletions + insertions) / referenceWords;
  },
  /**
   * USD to transcribe one hour of audio on a GPU rented at pricePerHour, whose real-time factor (GPU seconds per second
   * of audio, per stream) is rtf, running `streams` streams at once at that factor: price × rtf / streams.
   */
  apAudioHourCost: (pricePerHour: number, rtf: number, streams: number) => {
    nonNegative([pricePerHour, rtf], 'apAudioHourCost');
    check(Number.isInteger(streams) && streams >= 1, `apAudioHourCost: ${streams} streams`);
    return (pricePerHour * rtf) / streams;
  },
  /**
   * Seconds from the end of a spoken chunk to its text on screen in streaming recognition, worst case for the chunk's
   * first word: the chunk's length (the first word waits for the chunk to end) + its compute (chunk × rtf) + the network.
   */
  apStreamingDelay: (chunkSeconds: number, rtf: number, networkSeconds: number) => {
    nonNegative([chunkSeconds, rtf, networkSeconds], 'apStreamingDelay');
    return chunkSeconds + chunkSeconds * rtf + networkSeconds;
  },

  // ─── Fraud flags and anomalies ───────────────────────────────────────────────────────────────────────────────────
  /** Precision of the flags: recall·π / (recall·π + (1 − specificity)(1 − π)). */
  apFlagPrecision: (recall: number, specificity: number, rate: number) => flagPrecision(recall, specificity, rate),
  /** The share of all transactions flagged: recall·π + (1 − specificity)(1 − π). */
  apFlagRate: (recall: number, specificity: number, rate: number) =>
    probability(recall, 'apFlagRate') * probability(rate, 'apFlagRate') + (1 - probability(specificity, 'apFlagRate')) * (1 - rate),
  /** False alarms for every fraud caught: (1 − s)(1 − π) / (r·π). */
  apFalseAlarmsPerCatch: (recall: number, specificity: number, rate: number) => {
    check(recall > 0 && rate > 0, 'apFalseAlarmsPerCatch: recall and fraud rate must be positive');
    return ((1 - probability(specificity, 'apFalseAlarmsPerCatch')) * (1 - probability(rate, 'apFalseAlarmsPerCatch'))) / (probability(recall, 'apFalseAlarmsPerCatch') * rate);
  },
  /**
   * The least specificity at which flags of recall r reach precision P at fraud rate π: the false-positive rate may be
   * at most r·π(1 − P) / (P(1 − π)), so s ≥ 1 − r·π(1 − P) / (P(1 − π)).
   */
  apSpecificityNeeded: (recall: number, precision: number, rate: number) => {
    const r = probability(recall, 'apSpecificityNeeded');
    const P = probability(precision, 'apSpecificityNeeded');
    const p = probability(rate, 'apSpecificityNeeded');
    check(P > 0 && p < 1, 'apSpecificityNeeded: precision must be positive and the fraud rate below 1');
    return 1 - (r * p * (1 - P)) / (P * (1 - p));
  },
  /**
   * Expected cost of a flagging policy over n transactions: missed frauds × costFn + false alarms × costFp, i.e.
   * n[π(1 − r)·costFn + (1 − π)(1 − s)·costFp].
   */
  apFlagCost: (n: number, rate: number, recall: number, specificity: number, costFn: number, costFp: number) => {
    nonNegative([n, costFn, costFp], 'apFlagCost');
    const p = probability(rate, 'apFlagCost');
    return n * (p * (1 - probability(recall, 'apFlagCost')) * costFn + (1 - p) * (1 - probability(specificity, 'apFlagCost')) * costFp);
  },

  // ─── Finance ─────────────────────────────────────────────────────────────────────────────────────────────────────
  /** The chance that at least one of k independent skill-less strategies passes a test at level α: 1 − (1 − α)^k. */
  apAnyFalsePass: (k: number, alpha: number) => {
    check(Number.isInteger(k) && k >= 1, `apAnyFalsePass: ${k} strategies`);
    return 1 - (1 - probability(alpha, 'apAnyFalsePass')) ** k;
  },
};
