import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../random';
import { blockParams, createGpt, createLstm, createRace, crossEntropy, gptParams, lstmHiddenFor, lstmParams, sampleToken, windowOffsets, type GptConfig } from './tiny-gpt';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const small: GptConfig = { vocab: 12, context: 8, dModel: 16, heads: 2, layers: 2 };

describe('parameter counts', () => {
  it('a block of width d has 12d² + 13d parameters (by hand for d = 768: GPT-2 small’s 7,087,872)', () => {
    expect(blockParams(768)).toBe(7087872);
    expect(blockParams(16)).toBe(12 * 256 + 13 * 16);
  });
  it('GPT-2 small: 124,439,808 with its tied embedding and no output bias', () => {
    // gptParams adds an output bias of V; GPT-2 has none.
    expect(gptParams({ vocab: 50257, context: 1024, dModel: 768, heads: 12, layers: 12 }) - 50257).toBe(124439808);
  });
  it('the counts equal the sizes of the variables the models make', () => {
    const g = createGpt(tf, small, 1);
    const l = createLstm(tf, 12, 16, 20, 1);
    try {
      expect(g.variables.reduce((s, v) => s + v.size, 0)).toBe(gptParams(small));
      expect(l.variables.reduce((s, v) => s + v.size, 0)).toBe(lstmParams(12, 16, 20));
    } finally {
      g.dispose();
      l.dispose();
    }
  });
  it('the LSTM baseline is sized to within 2 % of the GPT', () => {
    for (const c of [small, { vocab: 118, context: 64, dModel: 64, heads: 4, layers: 2 }, { vocab: 1200, context: 64, dModel: 96, heads: 4, layers: 3 }]) {
      const target = gptParams(c);
      const h = lstmHiddenFor(target, c.vocab, c.dModel);
      expect(Math.abs(lstmParams(c.vocab, c.dModel, h) - target) / target).toBeLessThan(0.02);
    }
  });
});

describe('sampleToken', () => {
  const logits = [1, 3, 2, 0];
  it('temperature 0 is the argmax', () => expect(sampleToken(logits, 0, 0, 0.999)).toBe(1));
  it('top-1 is the argmax whatever u is', () => {
    for (const u of [0, 0.3, 0.99]) expect(sampleToken(logits, 1, 1, u)).toBe(1);
  });
  it('draws in proportion to softmax(logits / T)', () => {
    const p = logits.map((l) => Math.exp(l));
    const z = p.reduce((a, b) => a + b, 0);
    // The cumulative order is the vocabulary order when k = 0: [0, 1, 2, 3].
    expect(sampleToken(logits, 1, 0, (p[0]! / z) * 0.99)).toBe(0);
    expect(sampleToken(logits, 1, 0, (p[0]! + p[1]!) / z + 0.001)).toBe(2);
    expect(sampleToken(logits, 1, 0, 0.999999)).toBe(3);
  });
  it('top-k keeps only the k most likely', () => {
    const counts = [0, 0, 0, 0];
    const rng = createRng(3);
    for (let i = 0; i < 2000; i++) counts[sampleToken(logits, 5, 2, rng.uniform())]! += 1;
    expect(counts[0]).toBe(0);
    expect(counts[3]).toBe(0);
    expect(counts[1]! + counts[2]!).toBe(2000);
    // At T = 5 the two kept tokens are nearly even: e^(3/5) : e^(2/5) = 0.55 : 0.45.
    expect(counts[1]! / 2000).toBeCloseTo(0.55, 1);
  });
});

describe('windowOffsets', () => {
  it('stays inside [start, end − T − 1]', () => {
    const o = windowOffsets(createRng(1), 500, 100, 140, 8);
    expect(Math.min(...o)).toBeGreaterThanOrEqual(100);
    expect(Math.max(...o)).toBeLessThanOrEqual(140 - 8 - 1);
  });
  it('refuses a text shorter than a window', () => expect(() => windowOffsets(createRng(1), 1, 0, 9, 8)).toThrow(RangeError));
});

describe('the GPT', () => {
  it('is causal: changing a later token leaves the logits of earlier positions unchanged', () => {
    const g = createGpt(tf, small, 2);
    try {
      const a = tf.tidy(() => g.logits(tf.tensor2d([[1, 2, 3, 4, 5, 6, 7, 8]], [1, 8], 'int32')).arraySync());
      const b = tf.tidy(() => g.logits(tf.tensor2d([[1, 2, 3, 4, 9, 9, 9, 9]], [1, 8], 'int32')).arraySync());
      for (let t = 0; t < 4; t++) for (let v = 0; v < 12; v++) expect(b[t]![v]).toBeCloseTo(a[t]![v]!, 5);
      expect(Math.abs(b[4]![0]! - a[4]![0]!)).toBeGreaterThan(0);
      // A shorter input gives the same logits as the first positions of the full one.
      const c = tf.tidy(() => g.logits(tf.tensor2d([[1, 2, 3]], [1, 3], 'int32')).arraySync());
      for (let t = 0; t < 3; t++) for (let v = 0; v < 12; v++) expect(c[t]![v]).toBeCloseTo(a[t]![v]!, 5);
    } finally {
      g.dispose();
    }
  });
  it('starts near the uniform loss ln V', () => {
    const g = createGpt(tf, small, 3);
    try {
      const loss = tf.tidy(() => {
        const ids = tf.tensor2d([[0, 1, 2, 3, 4, 5, 6, 7]], [1, 8], 'int32');
        return crossEntropy(tf, g.logits(ids), tf.tensor1d([1, 2, 3, 4, 5, 6, 7, 8], 'int32'), tf.scalar(1 / 8)).arraySync() as number;
      });
      expect(loss).toBeGreaterThan(Math.log(12) - 0.2);
      expect(loss).toBeLessThan(Math.log(12) + 0.2);
    } finally {
      g.dispose();
    }
  });
  it('refuses a width its heads do not divide', () => expect(() => createGpt(tf, { ...small, heads: 3 }, 1)).toThrow(RangeError));
});

describe('the race', () => {
  // A text with structure to learn: a repeated phrase with a little noise.
  const rng = createRng(7);
  const text: number[] = [];
  while (text.length < 4000) for (const c of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]) text.push(rng.uniform() < 0.05 ? rng.int(12) : c);
  const ids = Int32Array.from(text);

  it('both models learn the sequence, on the same batches, without leaking tensors', async () => {
    const before = tf.memory().numTensors;
    const race = createRace({ tf, ids, vocab: 12, config: small, baseline: true, batch: 8, learningRate: 0.01, seed: 1, readLossEvery: 10 });
    const v0 = await race.validate();
    const first = await race.step(1);
    const mid = tf.memory().numTensors;
    await race.step(99);
    expect(tf.memory().numTensors).toBe(mid);
    const p = race.progress();
    expect(p.step).toBe(100);
    expect(p.lossStep).toBe(100);
    expect(p.gpt!).toBeLessThan(first.gpt! * 0.5);
    expect(p.lstm!).toBeLessThan(first.lstm! * 0.6);
    const v1 = await race.validate();
    expect(v1.gpt).toBeLessThan(v0.gpt * 0.5);
    expect(v1.lstm!).toBeLessThan(v0.lstm! * 0.7);
    // After training, greedy sampling continues the phrase.
    const next = await race.sample('gpt', Int32Array.from([1, 2, 3, 4]), 6, 0, 0, 1);
    expect([...next]).toEqual([5, 6, 7, 8, 9, 10]);
    const s = race.seconds();
    expect(s.gpt).toBeGreaterThan(0);
    expect(s.lstm).toBeGreaterThan(0);
    race.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }, 60000);

  it('a changed learning rate and batch apply at the next step', async () => {
    const race = createRace({ tf, ids, vocab: 12, config: small, baseline: false, batch: 4, learningRate: 0.001, seed: 2 });
    await race.step(2);
    race.tune({ learningRate: 0.02, batch: 16 });
    const p = await race.step(5);
    expect(p.step).toBe(7);
    expect(p.lstm).toBeNull();
    expect(Number.isFinite(p.gpt!)).toBe(true);
    race.dispose();
  });

  it('says when training diverges instead of drawing NaN', async () => {
    const race = createRace({ tf, ids, vocab: 12, config: small, baseline: false, batch: 4, learningRate: 1e6, seed: 2, clipNorm: 1e12, readLossEvery: 1 });
    const p = await race.step(30);
    race.dispose();
    expect(p.diverged?.message.en).toMatch(/diverged/);
    expect(p.diverged?.message.zh).toMatch(/发散/);
  });

  it('refuses a corpus shorter than a context window', () => {
    expect(() => createRace({ tf, ids: ids.slice(0, 30), vocab: 12, config: small, baseline: false, batch: 4, learningRate: 0.01, seed: 1 })).toThrow(RangeError);
  });
});
