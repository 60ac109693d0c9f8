import { describe, expect, it } from 'vitest';
import { computeWorked } from './registry';
import { transformersWorked as w } from './transformers';

describe('attention example (chapter transformers)', () => {
  it('scores are QKᵀ/√2', () => {
    // q2·k2 = 1·1 + 1·1 = 2, / √2 = 1.41421; q0·k1 = 0 (hand computation)
    expect(w.attnExampleScore(2, 2)).toBeCloseTo(Math.SQRT2, 12);
    expect(w.attnExampleScore(0, 1)).toBe(0);
    expect(w.attnExampleScore(0, 2)).toBeCloseTo(1 / Math.SQRT2, 12);
  });
  it('weights without a mask', () => {
    // row 2: softmax(0.707107, 0.707107, 1.414214): e^0.707107 = 2.028115, e^1.414214 = 4.113250,
    // sum 8.169480 → 0.248255, 0.248255, 0.503490 (hand computation)
    expect(w.attnExampleWeight(2, 0, 0)).toBeCloseTo(0.248255, 5);
    expect(w.attnExampleWeight(2, 1, 0)).toBeCloseTo(0.248255, 5);
    expect(w.attnExampleWeight(2, 2, 0)).toBeCloseTo(0.50349, 5);
  });
  it('weights with the causal mask', () => {
    // row 0 sees only itself; row 1: softmax(0, 0.70711) = 1/(1+2.02811), 2.02811/(3.02811) = 0.33024, 0.66976
    expect(w.attnExampleWeight(0, 0, 1)).toBe(1);
    expect(w.attnExampleWeight(0, 1, 1)).toBe(0);
    expect(w.attnExampleWeight(1, 0, 1)).toBeCloseTo(0.33024, 5);
    expect(w.attnExampleWeight(1, 1, 1)).toBeCloseTo(0.66976, 5);
    expect(w.attnExampleWeight(1, 2, 1)).toBe(0);
  });
  it('outputs are weights · V', () => {
    // row 2 unmasked: 0.248255·[1,0] + 0.248255·[0,2] + 0.503490·[1,1] = [0.751745, 1.000000]
    expect(w.attnExampleOutput(2, 0, 0)).toBeCloseTo(0.751745, 5);
    expect(w.attnExampleOutput(2, 1, 0)).toBeCloseTo(1.0, 5);
    // row 0 causal copies v0 = [1, 0]
    expect(w.attnExampleOutput(0, 0, 1)).toBe(1);
    expect(w.attnExampleOutput(0, 1, 1)).toBe(0);
  });
  it('refuses an index outside the example and a causal flag that is not 0 or 1', () => {
    expect(() => w.attnExampleWeight(3, 0, 0)).toThrow(/no entry/);
    expect(() => w.attnExampleWeight(0, 0, 2)).toThrow(/causal/);
  });
});

describe('positions, parameter counts and costs', () => {
  it('positional encoding follows sin/cos(pos / 10000^(2i/d))', () => {
    expect(w.positionalEncoding(0, 0, 4)).toBe(0);
    expect(w.positionalEncoding(0, 1, 4)).toBe(1);
    expect(w.positionalEncoding(1, 0, 4)).toBeCloseTo(Math.sin(1), 12);
    // index 2 = 2i with i = 1: sin(1 / 10000^(2/4)) = sin(0.01)
    expect(w.positionalEncoding(1, 2, 4)).toBeCloseTo(Math.sin(0.01), 12);
    expect(w.positionalEncoding(1, 3, 4)).toBeCloseTo(Math.cos(0.01), 12);
  });
  it('counts LSTM and Transformer parameters', () => {
    // Keras LSTM(64) on 10 features: 4·(64·(10+64) + 64) = 4·4,800 = 19,200
    expect(w.lstmParams(10, 64)).toBe(19_200);
    // d = 768: 4·589,824 + 3,072 = 2,362,368
    expect(w.attentionParams(768)).toBe(2_362_368);
    // + MLP 768·3072 + 3072 + 3072·768 + 768 = 4,722,432, + LN 3,072 → 7,087,872
    expect(w.transformerBlockParams(768, 3072)).toBe(7_087_872);
    // GPT-2 small, as published (124M; Hugging Face's count with tied embeddings is 124,439,808)
    expect(w.gpt2Params(12, 768, 50257, 1024)).toBe(124_439_808);
  });
  it('counts attention entries and FLOPs', () => {
    expect(w.attentionScoreEntries(1024)).toBe(1_048_576);
    expect(w.causalVisibleEntries(4)).toBe(10);
    expect(w.attentionFlops(1024, 768)).toBe(4 * 1024 * 1024 * 768);
  });
  it('sharpens and flattens with temperature', () => {
    // logits 2, 1, 0 at T = 1: e²/(e²+e+1) = 7.38906/11.10734 = 0.66524
    expect(w.temperatureProb(1, 0, 2, 1, 0)).toBeCloseTo(0.66524, 5);
    expect(w.temperatureProb(0.1, 0, 2, 1, 0)).toBeGreaterThan(0.9999);
    expect(w.temperatureProb(100, 0, 2, 1, 0)).toBeCloseTo(1 / 3, 2);
    expect(() => w.temperatureProb(0, 0, 1, 2)).toThrow(/positive/);
  });
  it('is reachable through the registry', () => {
    expect(computeWorked('gpt2Params', [12, 768, 50257, 1024])).toBe(124_439_808);
    expect(computeWorked('attnExampleWeight', [1, 1, 1])).toBeCloseTo(0.66976, 5);
    // 50,257 × 768 = 38,597,376 (the GPT-2 token embedding); 20 × 10⁹ (Chinchilla's tokens for 1B parameters)
    expect(computeWorked('product', [50257, 768])).toBe(38_597_376);
    expect(computeWorked('product', [1e9, 20])).toBe(2e10);
  });
});

describe('TinyGPT sizes', () => {
  it('tinyGptParams is GPT-2’s count plus the output bias', () => {
    expect(w.tinyGptParams(12, 768, 50257, 1024)).toBe(124439808 + 50257);
    // By hand for 2 blocks, d = 64, V = 100, T = 64: 6,400 + 4,096 + 2 × 49,984 + 128 + 100.
    expect(w.tinyGptParams(2, 64, 100, 64)).toBe(110692);
  });
  it('the LSTM baseline matched to it', () => {
    const h = w.tinyLstmHidden(2, 64, 100, 64);
    expect(h).toBe(123);
    expect(w.tinyLstmParams(100, 64, 123)).toBe(111296);
    expect(w.tinyLstmParams(100, 64, h)).toBe(100 * 64 + 4 * h * (64 + h + 1) + h * 100 + 100);
    expect(Math.abs(w.tinyLstmParams(100, 64, h) - 110692) / 110692).toBeLessThan(0.01);
  });
});
