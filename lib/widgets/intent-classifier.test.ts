import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { INTENT_CORPORA, INTENTS_EN, INTENTS_ZH } from '../data/intents';
import { deferralAt } from '../math/deferral';
import { schemaDefaults, type Field } from '../state/schema';
import { normalizeText } from '../text/char-ngrams';
import type { TaskContext } from '../training/task';
import { liveKeys } from './define';
import {
  BATCH,
  FEATURE_DIM,
  HELD_OUT_SHARE,
  INTENT_COUNT,
  INTENT_IDS,
  INTENT_LABELS,
  flattenCorpus,
  heldOutSplit,
  intentClassifier,
  intentClassifierSchema,
  intentParams,
  scoreProbabilities,
  stepsPerEpoch,
  topIntent,
  type IntentClassifierValues,
} from './intent-classifier';

describe('the messages', () => {
  it.each(['en', 'zh'] as const)('%s: at least 30 messages for each of the eight intents, none repeated, none in two intents', (lang) => {
    const corpus = INTENT_CORPORA[lang];
    expect(Object.keys(corpus).sort()).toEqual([...INTENT_IDS].sort());
    const seen = new Map<string, string>();
    for (const id of INTENT_IDS) {
      expect([id, corpus[id].length >= 30]).toEqual([id, true]);
      for (const text of corpus[id]) {
        const key = normalizeText(text);
        expect(key.length).toBeGreaterThan(0);
        expect([text, seen.get(key)]).toEqual([text, undefined]);
        seen.set(key, id);
      }
    }
  });

  it('writes the Chinese set in Chinese and the English set in English', () => {
    const han = /\p{Script=Han}/u;
    for (const id of INTENT_IDS) {
      expect(INTENTS_ZH[id].filter((t) => !han.test(t))).toEqual([]);
      expect(INTENTS_EN[id].filter((t) => han.test(t))).toEqual([]);
    }
  });

  it('names every intent in both editions', () => {
    for (const id of INTENT_IDS) expect([INTENT_LABELS.zh[id].length > 0, INTENT_LABELS.en[id].length > 0]).toEqual([true, true]);
  });
});

describe('the held-out split', () => {
  it.each(['en', 'zh'] as const)('%s: holds out a quarter, each intent in its share (floor or ceiling), disjoint from training', (lang) => {
    const { labels } = flattenCorpus(INTENT_CORPORA[lang]);
    const { train, heldOut } = heldOutSplit(labels);
    expect(new Set([...train, ...heldOut]).size).toBe(labels.length);
    expect(train.length + heldOut.length).toBe(labels.length);
    const m = Math.round(labels.length * HELD_OUT_SHARE);
    expect(heldOut.length).toBe(m);
    // Stratified: an intent of n_c messages has ⌊n_c·m/n⌋ or ⌈n_c·m/n⌉ of the m held out (e.g. 32 · 64 / 257 = 7.97 → 7 or 8).
    for (let c = 0; c < INTENT_COUNT; c++) {
      const total = labels.filter((y) => y === c).length;
      const out = heldOut.filter((i) => labels[i] === c).length;
      expect(out).toBeGreaterThanOrEqual(Math.floor((total * m) / labels.length));
      expect(out).toBeLessThanOrEqual(Math.ceil((total * m) / labels.length));
    }
  });

  it('is the same split every time, and another seed gives another', () => {
    const { labels } = flattenCorpus(INTENTS_EN);
    expect(heldOutSplit(labels)).toEqual(heldOutSplit(labels));
    expect(heldOutSplit(labels, 1).heldOut).not.toEqual(heldOutSplit(labels).heldOut);
  });

  it('flattens intent after intent, in output order', () => {
    const { texts, labels } = flattenCorpus(INTENTS_EN);
    expect(texts[0]).toBe(INTENTS_EN.refund[0]);
    expect(labels[0]).toBe(0);
    expect(labels.at(-1)).toBe(INTENT_COUNT - 1);
    expect(texts).toHaveLength(labels.length);
  });
});

describe('scoring', () => {
  it('gives loss, accuracy, top intents and confidences (hand computation)', () => {
    // Two messages, three classes: a right answer at 0.7 and a 2 taken for a 0 at 0.5.
    const r = scoreProbabilities([0.7, 0.2, 0.1, 0.5, 0.1, 0.4], [0, 2], 3);
    // loss = (−ln 0.7 − ln 0.4) / 2 = (0.356675 + 0.916291) / 2 = 0.636483
    expect(r.loss).toBeCloseTo(0.636483, 5);
    expect(r.accuracy).toBe(0.5);
    expect(r.predictions).toEqual([0, 0]);
    expect(r.confidence).toEqual([0.7, 0.5]);
    expect(() => scoreProbabilities([0.5], [0], 3)).toThrow(RangeError);
    expect(topIntent([0.1, 0.6, 0.3])).toEqual({ index: 1, confidence: 0.6 });
  });

  it('counts parameters and steps as the model and trainer have them', () => {
    // 784·8 + 8 = 6,280 (linear); 784·32 + 32 + 32·8 + 8 = 25,384
    expect(intentParams(0)).toBe(6280);
    expect(intentParams(32)).toBe(25_384);
    // ⌊192 / 32⌋ = 6; a set smaller than a batch is one step
    expect(stepsPerEpoch(192)).toBe(6);
    expect(stepsPerEpoch(20)).toBe(1);
  });
});

describe('the schema', () => {
  it('applies the threshold, the learning rate and the epoch target live; data, width and seed rebuild', () => {
    expect(liveKeys(intentClassifierSchema).sort()).toEqual(['epochs', 'lr', 'threshold']);
    const d = schemaDefaults(intentClassifierSchema);
    expect(d).toMatchObject({ data: 'en', threshold: 0.6, hidden: 32, lr: 0.01, epochs: 30 });
    expect(intentClassifierSchema.threshold).toMatchObject({ min: 0, max: 0.99 });
    for (const f of Object.values(intentClassifierSchema) as Field[]) {
      if (f.type === 'number' && f.ladder) for (const r of f.ladder) expect([r, r >= f.min && r <= f.max]).toEqual([r, true]);
    }
    expect(intentClassifier.tag).toBe('IntentClassifier');
    expect(Object.keys(intentClassifier.strings.zh).sort()).toEqual(Object.keys(intentClassifier.strings.en).sort());
  });
});

describe('the training task (tfjs CPU)', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });
  const ctx = (): TaskContext => ({ tf: tf as unknown as TaskContext['tf'], backend: 'cpu', basePath: '', origin: 'http://book.test', cache: new Map() });
  const settings = (over: Partial<IntentClassifierValues> = {}): IntentClassifierValues => ({ ...schemaDefaults(intentClassifierSchema), ...over });

  it.each([
    ['en', 'I want my money back'],
    ['zh', '东西有问题，我要退款'],
  ] as const)('%s: a few epochs beat the majority class on the held-out messages, and "%s" reads as a refund', async (data, sentence) => {
    const before = tf.memory().numTensors;
    const run = await intentClassifier.task!.build(ctx(), settings({ data }));
    const { info } = run;
    expect(info.lang).toBe(data);
    expect(info.params).toBe(intentParams(32));
    expect(info.trainCount + info.heldOutCount).toBe(flattenCorpus(INTENT_CORPORA[data]).labels.length);
    expect(info.stepsPerEpoch).toBe(Math.floor(info.trainCount / BATCH));
    expect(info.heldOutTexts).toHaveLength(info.heldOutCount);
    // Stratified and nearly balanced: always answering one intent is right about one time in eight.
    expect(info.majority.accuracy).toBeLessThan(0.2);

    const untrained = await run.frame();
    expect(untrained.extra!.step).toBe(0);
    expect(untrained.extra!.predictions).toHaveLength(info.heldOutCount);
    // The default target: 30 epochs.
    expect(run.targetSteps).toBe(30 * info.stepsPerEpoch);
    await run.step(1);
    const afterOne = tf.memory().numTensors;
    await run.step(run.targetSteps! - 1);
    expect(tf.memory().numTensors).toBe(afterOne);
    const f = await run.frame();
    const acc = f.metrics.accuracy!;
    expect(f.metrics.epoch).toBe(30);
    expect(acc).toBeGreaterThan(info.majority.accuracy + 0.3);
    expect(f.metrics.trainAccuracy!).toBeGreaterThanOrEqual(acc);
    // The curve's point at 0 automates everything at the held-out accuracy; the view's own count agrees with it.
    const e = f.extra!;
    expect(e.curve).toHaveLength(100);
    expect(e.curve[0]).toMatchObject({ threshold: 0, automated: 1 });
    expect(e.curve[0]!.automatedAccuracy).toBeCloseTo(acc, 12);
    expect(e.curve[60]).toEqual(deferralAt(info.heldOutLabels, e.predictions, e.confidence, 0.6));
    expect(e.curve[99]!.automated).toBeLessThan(1);

    const reply = await run.requests!.predict(sentence);
    expect(reply.probs).toHaveLength(INTENT_COUNT);
    expect(reply.probs.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 5);
    expect(INTENT_IDS[topIntent(reply.probs).index]).toBe('refund');
    await run.frame();
    expect(tf.memory().numTensors).toBe(afterOne);
    run.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);

  it('takes a new learning rate and epoch target live, trains the linear model, and frees every tensor', async () => {
    const before = tf.memory().numTensors;
    const run = await intentClassifier.task!.build(ctx(), settings({ data: 'zh', hidden: 0, epochs: 5 }));
    // The linear model: 784·8 + 8 = 6,280
    expect(run.info.params).toBe(6280);
    expect(run.info.architecture).toBe(`${FEATURE_DIM} → 8`);
    await run.step(3);
    run.tune!(settings({ data: 'zh', hidden: 0, epochs: 10, lr: 0.003, threshold: 0.9 }));
    expect(run.progress().step).toBe(3);
    expect(run.targetSteps).toBe(10 * run.info.stepsPerEpoch);
    await run.step(5);
    expect((await run.frame()).extra!.step).toBe(8);
    run.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);

  it('restores saved weights and carries on from their step', async () => {
    const a = await intentClassifier.task!.build(ctx(), settings());
    await a.step(12);
    const fa = await a.frame();
    const snap = await a.save!();
    a.dispose();
    const b = await intentClassifier.task!.build(ctx(), settings());
    b.restore!(snap);
    expect(b.progress().step).toBe(12);
    const fb = await b.frame();
    expect(fb.metrics.accuracy).toBe(fa.metrics.accuracy);
    expect(fb.extra!.confidence).toEqual(fa.extra!.confidence);
    b.dispose();
  }, 60_000);

  it('reads only the first characters of a very long message, and answers an empty one', async () => {
    const run = await intentClassifier.task!.build(ctx(), settings());
    const long = await run.requests!.predict('refund '.repeat(1000));
    expect(long.probs).toHaveLength(INTENT_COUNT);
    const empty = await run.requests!.predict('');
    expect(empty.probs.every((p) => Number.isFinite(p))).toBe(true);
    run.dispose();
  }, 60_000);
});
