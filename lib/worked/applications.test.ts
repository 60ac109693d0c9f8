import { describe, expect, it } from 'vitest';
import { computeWorked } from './registry';
import { applicationsWorked as w, TINY_TEST, TINY_TRAIN } from './applications';

describe('customer service: the cost of a conversation (chapter applications)', () => {
  it('prices automation and its mistakes', () => {
    // 0.01 + 0.2·6 + 0.8·0.05·(6 + 6) = 0.01 + 1.2 + 0.48 = 1.69
    expect(w.apConversationCost(0.01, 0.8, 0.95, 6, 6)).toBeCloseTo(1.69, 12);
    // automate more at a lower accuracy: 0.01 + 0.05·6 + 0.95·0.15·12 = 0.01 + 0.3 + 1.71 = 2.02
    expect(w.apConversationCost(0.01, 0.95, 0.85, 6, 6)).toBeCloseTo(2.02, 12);
    // automate less, almost never wrong: 0.01 + 0.4·6 + 0.6·0.01·12 = 0.01 + 2.4 + 0.072 = 2.482
    expect(w.apConversationCost(0.01, 0.6, 0.99, 6, 6)).toBeCloseTo(2.482, 12);
    // the exercise: 0.01 + 0.1·6 + 0.9·0.07·12 = 0.01 + 0.6 + 0.756 = 1.366; with a failure cost of 30 instead:
    // 0.8/0.95 → 0.01 + 1.2 + 0.04·36 = 2.65; 0.9/0.93 → 0.01 + 0.6 + 0.063·36 = 2.878
    expect(w.apConversationCost(0.01, 0.9, 0.93, 6, 6)).toBeCloseTo(1.366, 12);
    expect(w.apConversationCost(0.01, 0.8, 0.95, 6, 30)).toBeCloseTo(2.65, 12);
    expect(w.apConversationCost(0.01, 0.9, 0.93, 6, 30)).toBeCloseTo(2.878, 12);
    // saving against 6 per conversation: 1 − 1.69/6 = 0.718333…
    expect(w.apSaving(0.01, 0.8, 0.95, 6, 6)).toBeCloseTo(0.7183333, 6);
    expect(w.apBotResolved(0.8, 0.95)).toBeCloseTo(0.76, 12);
    // 10,000 · 0.8 · 0.05 = 400
    expect(w.apWrongAnswers(10000, 0.8, 0.95)).toBeCloseTo(400, 9);
    expect(() => w.apConversationCost(0.01, 1.2, 0.9, 6, 6)).toThrow(/probability/);
    expect(() => w.apSaving(0.01, 0.8, 0.9, 0, 6)).toThrow(/human cost/);
  });
});

describe('serving costs of text, images and speech', () => {
  it('prices tokens, edited articles and images', () => {
    // (1500·0.4 + 1500·1.6)/1e6 = (600 + 2400)/1e6 = 0.003
    expect(w.apTokenCost(1500, 1500, 0.4, 1.6)).toBeCloseTo(0.003, 12);
    // (3000·3 + 1500·15)/1e6 = 31,500/1e6 = 0.0315; plus 20 minutes at 45 an hour = 15 → 15.0315
    expect(w.apTokenCost(3000, 1500, 3, 15)).toBeCloseTo(0.0315, 12);
    expect(w.apEditedCost(0.0315, 20, 45)).toBeCloseTo(15.0315, 12);
    // an image read by a vision-language model as 1,000 input tokens with a 100-token answer:
    // (1000·0.4 + 100·1.6)/1e6 = (400 + 160)/1e6 = 0.00056 USD
    expect(w.apTokenCost(1000, 100, 0.4, 1.6)).toBeCloseTo(0.00056, 12);
    // 2.50 USD an hour at 1,000 images a second: 2.5/3.6e6 · 1e6 = 0.694444 USD per million images
    expect(w.apCostPerMillion(2.5, 1000)).toBeCloseTo(0.6944444, 6);
    expect(() => w.apCostPerMillion(2.5, 0)).toThrow(/positive rate/);
    expect(() => w.apTokenCost(-1, 0, 1, 1)).toThrow(/≥ 0/);
  });
  it('computes word error rate, the cost of an audio hour and a streaming delay', () => {
    // 3 substitutions, 1 deletion, 1 insertion in 20 words: 5/20 = 0.25; WER can pass 1: 6/4 = 1.5
    expect(w.apWer(3, 1, 1, 20)).toBeCloseTo(0.25, 12);
    expect(w.apWer(1, 0, 5, 4)).toBeCloseTo(1.5, 12);
    // the exercise: one substitution and one insertion against 7 reference words: 2/7 = 0.285714
    expect(w.apWer(1, 0, 1, 7)).toBeCloseTo(2 / 7, 12);
    expect(() => w.apWer(1, 0, 0, 0)).toThrow(/reference words/);
    // 2.50 × 0.05 = 0.125 USD per audio hour alone; 16 streams: 0.125/16 = 0.0078125
    expect(w.apAudioHourCost(2.5, 0.05, 1)).toBeCloseTo(0.125, 12);
    expect(w.apAudioHourCost(2.5, 0.05, 16)).toBeCloseTo(0.0078125, 12);
    // 0.5 s chunk + 0.5·0.2 compute + 0.1 network = 0.7 s
    expect(w.apStreamingDelay(0.5, 0.2, 0.1)).toBeCloseTo(0.7, 12);
  });
});

describe('recommendation: the tiny ratings table', () => {
  it('has twelve training and four held-out ratings', () => {
    expect(TINY_TRAIN).toHaveLength(12);
    expect(TINY_TEST).toHaveLength(4);
  });
  it('fits the baselines by averages', () => {
    // 5+4+1 + 4+2+1 + 5+1+2 + 2+1+5 = 33; 33/12 = 2.75
    expect(w.apTiny('mean')).toBeCloseTo(2.75, 12);
    // item means A 11/3, B 10/3, C 4/3, D 8/3 → biases 11/12, 7/12, −17/12, −1/12
    expect(w.apTiny('itemBias', 'globalMean', 0)).toBeCloseTo(11 / 12, 12);
    expect(w.apTiny('itemBias', 'globalMean', 2)).toBeCloseTo(-17 / 12, 12);
    // user 1's residuals after item means: 4/3, 2/3, −1/3 → 5/9; user 4's: −5/3, −7/3, 7/3 → −5/9
    expect(w.apTiny('userBias', 'globalMean', 0)).toBeCloseTo(5 / 9, 12);
    expect(w.apTiny('userBias', 'globalMean', 3)).toBeCloseTo(-5 / 9, 12);
  });
  it('scores each model on the held-out ratings', () => {
    // global mean: errors 1.75, −1.25, −2.25, −0.25 → (3.0625 + 1.5625 + 5.0625 + 0.0625)/4 = 2.4375 → 1.561249
    expect(w.apTiny('rmse', 'globalMean')).toBeCloseTo(1.561249, 6);
    expect(w.apTiny('error', 'globalMean', 0)).toBeCloseTo(1.75, 12);
    // item baseline: errors 5/3, −2/3, −4/3, −5/3 → (25 + 4 + 16 + 25)/9/4 = 70/36 → 1.394433
    expect(w.apTiny('rmse', 'item')).toBeCloseTo(Math.sqrt(70 / 36), 12);
    // user + item: predictions 29/9, 28/9, 35/9, 7/9 against 1, 4, 5, 3: errors 20/9, −8/9, −10/9, −20/9
    // → (400 + 64 + 100 + 400)/81/4 = 964/324 → 1.724911: worse than the item baseline
    expect(w.apTiny('rmse', 'userItem')).toBeCloseTo(Math.sqrt(964 / 324), 12);
    expect(w.apTiny('error', 'userItem', 3)).toBeCloseTo(-20 / 9, 12);
    // taste factor: Σ e·pq = 7/3 + 4/3 + 8/3 + 19/3 = 38/3 over Σ(pq)² = 12 → c = 19/18
    expect(w.apTiny('tasteWeight')).toBeCloseTo(19 / 18, 12);
    // predictions 8/3 − 19/18, 10/3 + 19/18, 11/3 + 19/18, 4/3 + 19/18 → errors 11/18, 7/18, −5/18, −11/18
    // → (121 + 49 + 25 + 121)/324/4 = 316/1296 → 0.493788
    expect(w.apTiny('rmse', 'taste')).toBeCloseTo(Math.sqrt(316 / 1296), 12);
    expect(() => w.apTiny('rmse', 'nope')).toThrow(/not one of/);
    expect(() => w.apTiny('nope')).toThrow(/is not mean/);
  });
  it('computes the RMS of errors and counts the factorisation’s parameters', () => {
    // √((1 + 4 + 4)/3) = √3 = 1.732051
    expect(w.apRmsOf(1, -2, 2)).toBeCloseTo(Math.sqrt(3), 12);
    // 64·(1e6 + 1e5) + 1e6 + 1e5 = 70.4e6 + 1.1e6 = 71.5e6
    expect(w.apMfParams(1_000_000, 100_000, 64)).toBe(71_500_000);
  });
});

describe('fraud flags: the base rate', () => {
  it('computes precision, flag rate and false alarms per catch', () => {
    // recall 0.8, specificity 0.99, 0.1 % fraud: TP 0.0008, FP 0.01·0.999 = 0.00999 → precision 0.0008/0.01079 = 0.074143
    expect(w.apFlagPrecision(0.8, 0.99, 0.001)).toBeCloseTo(0.0741427, 6);
    expect(w.apFlagRate(0.8, 0.99, 0.001)).toBeCloseTo(0.01079, 12);
    // 0.00999/0.0008 = 12.4875
    expect(w.apFalseAlarmsPerCatch(0.8, 0.99, 0.001)).toBeCloseTo(12.4875, 9);
    // at 1 % fraud: 0.008/(0.008 + 0.0099) = 0.446927
    expect(w.apFlagPrecision(0.8, 0.99, 0.01)).toBeCloseTo(0.4469274, 6);
    // the exercise: recall 0.9, specificity 0.995, 0.2 % fraud: 0.0018/(0.0018 + 0.005·0.998) = 0.0018/0.00679 = 0.265096
    expect(w.apFlagPrecision(0.9, 0.995, 0.002)).toBeCloseTo(0.265096, 6);
  });
  it('finds the specificity a precision target needs', () => {
    // 1 − 0.8·0.001·0.5/(0.5·0.999) = 1 − 0.0008/0.999 = 0.99919920
    expect(w.apSpecificityNeeded(0.8, 0.5, 0.001)).toBeCloseTo(0.9991992, 7);
    // and that specificity indeed gives precision 0.5
    expect(w.apFlagPrecision(0.8, w.apSpecificityNeeded(0.8, 0.5, 0.001), 0.001)).toBeCloseTo(0.5, 12);
  });
  it('prices a flagging policy', () => {
    // 1e6·(0.001·0.2·500 + 0.999·0.01·5) = 1e6·(0.1 + 0.04995) = 149,950
    expect(w.apFlagCost(1e6, 0.001, 0.8, 0.99, 500, 5)).toBeCloseTo(149_950, 6);
    // flag nothing: 1e6 · 0.001 · 500 = 500,000
    expect(w.apFlagCost(1e6, 0.001, 0, 1, 500, 5)).toBeCloseTo(500_000, 6);
  });
});

describe('finance: many strategies, one test', () => {
  it('computes the chance that a skill-less strategy passes somewhere', () => {
    // 1 − 0.95^20 = 1 − 0.358486 = 0.641514; 1 − 0.95^100 = 1 − 0.005921 = 0.994079
    expect(w.apAnyFalsePass(20, 0.05)).toBeCloseTo(0.641514, 6);
    expect(w.apAnyFalsePass(100, 0.05)).toBeCloseTo(0.994079, 6);
    expect(w.apAnyFalsePass(1, 0.05)).toBeCloseTo(0.05, 12);
    expect(() => w.apAnyFalsePass(0, 0.05)).toThrow(/strategies/);
  });
});

describe('registration', () => {
  it('is reachable through the registry', () => {
    expect(computeWorked('apWer', [3, 1, 1, 20])).toBeCloseTo(0.25, 12);
    expect(computeWorked('apTiny', ['rmse', 'item'])).toBeCloseTo(1.394433, 6);
  });
});
