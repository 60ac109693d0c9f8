import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { gptParams } from '../ml/tiny-gpt';
import { schemaDefaults, type Field } from '../state/schema';
import { mdxToProse, UNKNOWN_CHAR } from '../text/corpus';
import { TaskRefused, type Snapshot, type TaskContext } from '../training/task';
import { corpusPath, gptParamCount, MAX_TOKENS_PER_STEP, perplexity, tinyGpt, tinyGptProblems, tinyGptSchema, tokensPerSecond, type TinyGptValues } from './tiny-gpt';

describe('the definition', () => {
  it('offers ladders inside the bounds, and defaults within the caps', () => {
    for (const f of Object.values(tinyGptSchema) as Field[]) {
      if (f.type === 'number' && f.ladder) for (const r of f.ladder) expect([r, r >= f.min && r <= f.max]).toEqual([r, true]);
    }
    const d = schemaDefaults(tinyGptSchema);
    expect(d).toMatchObject({ text: 'en', layers: 2, width: 64, heads: 4, context: 64, baseline: true, batch: 16, steps: 2000 });
    expect(tinyGptProblems(d, 1200)).toEqual([]);
    expect(tinyGpt.tag).toBe('TinyGpt');
  });
  it('counts parameters as the model does', () => {
    for (const [layers, width, context, vocab] of [
      [2, 64, 64, 118],
      [4, 128, 128, 1200],
      [1, 16, 16, 10],
    ] as const)
      expect(gptParamCount({ layers, width, context }, vocab)).toBe(gptParams({ layers, dModel: width, context, vocab, heads: 1 }));
  });
  it('refuses heads that do not divide the width, too many tokens a step and too many parameters, in both languages', () => {
    const base = { width: 48, heads: 4, batch: 16, context: 64, layers: 2 };
    expect(tinyGptProblems({ ...base, width: 48, heads: 8 }, 100)).toEqual([]);
    expect(tinyGptProblems({ ...base, width: 16, heads: 8 }, 100)).toEqual([]);
    const p = tinyGptProblems({ width: 128, heads: 8, batch: 64, context: 128, layers: 4 }, 1200);
    expect(p).toHaveLength(1);
    expect(p[0]!.en).toContain(`8,192 characters a step`);
    expect(p[0]!.zh).toContain('8,192');
    expect(64 * 64).toBe(MAX_TOKENS_PER_STEP);
    expect(tinyGptProblems({ ...base, batch: 64, context: 64 }, 100)).toEqual([]);
    const big = tinyGptProblems({ width: 128, heads: 4, batch: 8, context: 128, layers: 4 }, 50000);
    expect(big.map((x) => x.en).join(' ')).toMatch(/parameters is over the cap/);
  });
  it('rates and perplexity', () => {
    expect(tokensPerSecond(1024 * 10, 2)).toBe(5120);
    expect(tokensPerSecond(5, 0)).toBeNull();
    expect(perplexity(Math.log(118))).toBeCloseTo(118, 9);
    expect(perplexity(0)).toBe(1);
  });
});

describe('the training task (tfjs CPU, the book’s English prose)', () => {
  const ORIGIN = 'http://book.test';
  const dir = fileURLToPath(new URL('../../content/en/', import.meta.url));
  const text = readdirSync(dir)
    .sort()
    .map((f) => mdxToProse(readFileSync(dir + f, 'utf8')))
    .join('\n');
  const fetchMock = vi.fn(async (url: string) => (url === `${ORIGIN}${corpusPath('en')}` ? new Response(text) : new Response('missing', { status: 404 })));
  beforeAll(async () => {
    await tf.setBackend('cpu');
    vi.stubGlobal('fetch', fetchMock);
  });
  afterAll(() => vi.unstubAllGlobals());
  const cache = new Map<string, unknown>();
  const ctx = (): TaskContext => ({ tf: tf as unknown as TaskContext['tf'], backend: 'cpu', basePath: '', origin: ORIGIN, cache });
  const settings = (over: Partial<TinyGptValues> = {}): TinyGptValues => ({ ...schemaDefaults(tinyGptSchema), layers: 1, width: 16, heads: 2, context: 16, batch: 8, lr: 0.01, ...over });

  it('trains both models, measures, samples the corpus’s characters, and frees every tensor', async () => {
    const before = tf.memory().numTensors;
    const run = await tinyGpt.task!.build(ctx(), settings());
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(run.info.vocab).toBeGreaterThan(60);
    expect(run.info.uniformLoss).toBeCloseTo(Math.log(run.info.vocab), 12);
    expect(run.info.lstmParams! / run.info.gptParams).toBeGreaterThan(0.97);
    expect(run.info.lstmParams! / run.info.gptParams).toBeLessThan(1.03);
    const f0 = await run.frame();
    expect(f0.extra!.sample).toBeNull();
    expect(f0.metrics.valLoss!).toBeGreaterThan(run.info.uniformLoss - 0.3);
    const first = await run.step(1);
    await run.warmUp!();
    const p = await run.step(79);
    expect(p.step).toBe(80);
    expect(p.loss!).toBeLessThan(first.loss! - 0.8);
    const f = await run.frame();
    expect(f.extra!.validation!.step).toBe(80);
    expect(f.metrics.valLoss!).toBeLessThan(f0.metrics.valLoss! - 0.5);
    expect(f.metrics.lstmLoss).not.toBeNull();
    expect(f.metrics.tokensPerSecond!).toBeGreaterThan(0);
    expect(f.extra!.tokens).toBe(80 * 8 * 16);
    const sample = f.extra!.sample!;
    expect(sample.step).toBe(80);
    expect([...sample.gpt]).toHaveLength(80);
    const chars = new Set([...text, UNKNOWN_CHAR]);
    for (const c of sample.gpt + sample.lstm!) expect(chars.has(c)).toBe(true);
    // The reader's prompt, continued by both; over-long requests are capped.
    const mine = await run.requests!.sample({ prompt: 'Attention is', length: 5000 });
    expect([...mine.gpt]).toHaveLength(400);
    expect(mine.prompt).toBe('Attention is');
    // Live settings apply without a rebuild; the step budget moves.
    run.tune!(settings({ lr: 0.001, batch: 4, steps: 90, temperature: 0 }));
    expect(run.targetSteps).toBe(90);
    const greedy = await run.requests!.sample({ prompt: 'The ', length: 20 });
    expect(greedy.temperature).toBe(0);
    expect((await run.requests!.sample({ prompt: 'The ', length: 20 })).gpt).toBe(greedy.gpt);
    await run.step(10);
    expect((await run.frame()).extra!.tokens).toBe(80 * 8 * 16 + 10 * 4 * 16);
    // Saved weights restore into a fresh run (as after a lost GPU device).
    const snap = (await run.save!()) as Snapshot;
    const reference = (await run.requests!.sample({ prompt: 'The ', length: 20 })).gpt;
    const again = await tinyGpt.task!.build(ctx(), settings({ temperature: 0 }));
    again.restore!(snap);
    expect(again.progress().step).toBe(90);
    expect((await again.requests!.sample({ prompt: 'The ', length: 20 })).gpt).toBe(reference);
    again.dispose();
    run.dispose();
    expect(fetchMock).toHaveBeenCalledTimes(1); // the corpus is fetched once and kept in the session's cache
    expect(tf.memory().numTensors).toBe(before);
  }, 120000);

  it('refuses settings over the caps before building anything', async () => {
    const before = tf.memory().numTensors;
    await expect(tinyGpt.task!.build(ctx(), settings({ batch: 64, context: 128 }))).rejects.toBeInstanceOf(TaskRefused);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('says so when the text cannot be loaded', async () => {
    await expect(tinyGpt.task!.build({ ...ctx(), cache: new Map(), origin: 'http://elsewhere.test' }, settings())).rejects.toThrow(/could not be loaded \(404/);
  });
});

describe('the introduction', () => {
  it('mentions the LSTM race only when the baseline runs', () => {
    for (const lang of ['en', 'zh'] as const) {
      const t = tinyGpt.strings[lang];
      expect(t.intro('1,000', t.textNames.en, true)).toContain('LSTM');
      expect(t.intro('1,000', t.textNames.en, false)).not.toMatch(/racing|赛跑/);
    }
  });
});
