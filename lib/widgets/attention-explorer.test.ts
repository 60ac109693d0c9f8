import { describe, expect, it } from 'vitest';
import { LANGS } from '../i18n';
import { tokenize } from '../math/attention';
import { checkValue, encodeQuery, mergeQuery, parseQuery, resolveDefaults, schemaDefaults } from '../state/schema';
import {
  MAX_TOKENS,
  SENTENCES,
  SENTENCE_KEYS,
  attentionExplorer,
  attentionExplorerSchema as schema,
  clampSelection,
  computeAttention,
  explainCell,
  moveSelection,
  sentenceTokens,
  type AttentionExplorerValues,
} from './attention-explorer';

const ID = attentionExplorer.id;
const defaults = schemaDefaults(schema);

describe('the attentionExplorer definition', () => {
  it('has the brief’s defaults, each within its field', () => {
    expect(defaults).toEqual({ sentence: 'cat', causal: false, dModel: '4', heads: '1', positional: true, seed: 1, head: 0, row: 1, col: 0 });
    for (const [k, f] of Object.entries(schema)) expect([k, checkValue(f, f.default).ok]).toEqual([k, true]);
    expect(resolveDefaults(ID, schema, { sentence: 'bank', causal: true, heads: '2' })).toMatchObject({ sentence: 'bank', causal: true, heads: '2' });
  });

  it('rejects MDX props outside the schema, naming the widget', () => {
    expect(() => resolveDefaults(ID, schema, { dModel: '6' })).toThrow(/attentionExplorer.*dModel/);
    expect(() => resolveDefaults(ID, schema, { sentence: 'dog' })).toThrow(/sentence/);
    expect(() => resolveDefaults(ID, schema, { row: 8 })).toThrow(/row=8/);
  });

  it.each([
    ['dModel', ['4', '8']],
    ['heads', ['1', '2']],
  ])('offers %s ∈ %j only (d_model is divisible by every head count)', (key, options) => {
    const field = schema[key as 'dModel' | 'heads'];
    expect(field.options).toEqual(options);
    for (const d of schema.dModel.options) for (const h of schema.heads.options) expect(Number(d) % Number(h)).toBe(0);
  });

  it('bounds the selection by the longest sentence and the number of heads', () => {
    expect([schema.row.min, schema.row.max, schema.col.min, schema.col.max]).toEqual([0, MAX_TOKENS - 1, 0, MAX_TOKENS - 1]);
    expect([schema.head.min, schema.head.max]).toEqual([0, 1]);
    expect(schema.seed).toMatchObject({ min: 0, max: 2 ** 31 - 1, integer: true });
  });

  it('has as many presets in each edition, under the same names', () => {
    for (const lang of LANGS) expect(Object.keys(SENTENCES[lang])).toEqual([...SENTENCE_KEYS]);
    expect(SENTENCE_KEYS.length).toBeGreaterThanOrEqual(3);
    expect(SENTENCE_KEYS.length).toBeLessThanOrEqual(4);
  });

  it.each(LANGS.flatMap((lang) => SENTENCE_KEYS.map((key) => [lang, key] as const)))(
    'tokenizes the %s preset “%s” within %i tokens, in its own script',
    (lang, key) => {
      const r = tokenize(SENTENCES[lang][key], lang, 100);
      expect(r.total).toBeGreaterThanOrEqual(4);
      expect(r.total).toBeLessThanOrEqual(MAX_TOKENS);
      expect(sentenceTokens(key, lang)).toEqual(r.tokens);
      // the zh presets are Chinese, the en presets English
      const han = /\p{Script=Han}/u.test(SENTENCES[lang][key]);
      expect(han).toBe({ zh: true, en: false }[lang]);
    },
  );

  it('holds a sentence with the same tokens in two orders, and one half its length with a repeated token', () => {
    for (const lang of LANGS) {
      const chase = sentenceTokens('chase', lang);
      const think = sentenceTokens('think', lang);
      expect(chase).toHaveLength(8);
      expect(think).toHaveLength(4);
      expect(think[0]).toBe(think[2]);
      // "a chases b, b chases a": tokens 0–2 reversed are tokens 4–6
      expect(chase.slice(4, 7)).toEqual(chase.slice(0, 3).reverse());
    }
  });

  it('labels each preset with its sentence in each edition', () => {
    for (const key of SENTENCE_KEYS) expect(schema.sentence.optionLabels[key]).toEqual({ zh: SENTENCES.zh[key], en: SENTENCES.en[key] });
  });

  it('restores a permalink and writes one that reads back to the same settings (round trip)', () => {
    const v: AttentionExplorerValues = { sentence: 'chase', causal: true, dModel: '8', heads: '2', positional: false, seed: 42, head: 1, row: 3, col: 2 };
    const query = mergeQuery('?other=1', ID, encodeQuery(ID, schema, v, defaults));
    expect(query).toContain('other=1');
    expect(query).toContain('attentionExplorer.causal=1');
    const back = parseQuery(ID, schema, query);
    expect(back.issues).toEqual([]);
    expect(back.values).toEqual(v);
  });

  it('keeps the defaults and reports bad link values', () => {
    const { values, issues } = parseQuery(
      ID,
      schema,
      '?attentionExplorer.sentence=dog&attentionExplorer.dModel=6&attentionExplorer.causal=maybe&attentionExplorer.seed=-1&attentionExplorer.row=1.5',
    );
    expect(values).toEqual(defaults);
    expect(issues.map((i) => [i.key, i.reason.code])).toEqual([
      ['sentence', 'notAnOption'],
      ['dModel', 'notAnOption'],
      ['causal', 'notABoolean'],
      ['seed', 'outOfRange'],
      ['row', 'notAnInteger'],
    ]);
  });
});

describe('computeAttention', () => {
  const settings = LANGS.flatMap((lang) =>
    SENTENCE_KEYS.flatMap((sentence) =>
      (['1', '2'] as const).flatMap((heads) => [false, true].map((causal) => ({ lang, sentence, heads, causal }))),
    ),
  );

  it.each(settings)('gives rows of weights that sum to 1 ($lang, $sentence, $heads head(s), causal $causal)', ({ lang, sentence, heads, causal }) => {
    const view = computeAttention({ ...defaults, sentence, heads, causal, dModel: '8' }, lang);
    const n = view.tokens.length;
    expect(view.result.heads).toHaveLength(Number(heads));
    expect(view.headDim).toBe(8 / Number(heads));
    for (const h of view.result.heads) {
      expect(h.weights).toHaveLength(n);
      for (const row of h.weights) expect(Math.abs(row.reduce((s, w) => s + w, 0) - 1)).toBeLessThan(1e-12);
      if (causal) {
        // above the diagonal: masked to −∞, weight exactly 0; row 0 sees only itself
        for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) expect([h.masked[i]![j], h.weights[i]![j]]).toEqual([-Infinity, 0]);
        expect(h.weights[0]![0]).toBe(1);
      } else {
        expect(h.masked).toEqual(h.scores);
      }
    }
  });

  it('is the same for the same seed, and different for another', () => {
    const a = computeAttention(defaults, 'en');
    expect(computeAttention(defaults, 'en')).toEqual(a);
    expect(computeAttention({ ...defaults, seed: 2 }, 'en').result.heads[0]!.scores).not.toEqual(a.result.heads[0]!.scores);
  });

  it('gives a repeated token identical scores without positions, and different ones with them', () => {
    // "the cat sat on the mat .": "the" is token 0 and token 4
    const off = computeAttention({ ...defaults, positional: false }, 'en');
    expect(off.tokens[0]).toBe('the');
    expect(off.tokens[4]).toBe('the');
    const s = off.result.heads[0]!.scores;
    for (let i = 0; i < s.length; i++) expect(s[i]![0]).toBe(s[i]![4]);
    const on = computeAttention(defaults, 'en').result.heads[0]!.scores;
    expect(on[1]![0]).not.toBeCloseTo(on[1]![4]!, 6);
  });

  it('layer-normalises its input: each row has mean 0 and variance ≈ 1', () => {
    for (const row of computeAttention({ ...defaults, dModel: '8' }, 'zh').input) {
      const mean = row.reduce((s, x) => s + x, 0) / row.length;
      const variance = row.reduce((s, x) => s + (x - mean) ** 2, 0) / row.length;
      expect(Math.abs(mean)).toBeLessThan(1e-12);
      // σ²/(σ² + 1e-5) with σ² of order 1 (layerNorm's ε = 1e-5)
      expect(variance).toBeCloseTo(1, 4);
    }
  });
});

describe('explainCell', () => {
  it('writes out the score as a dot product over √d_k and the weight as e^score over the row’s sum', () => {
    const view = computeAttention({ ...defaults, dModel: '8', heads: '2' }, 'en');
    for (const head of [0, 1]) {
      const c = explainCell(view, head, 2, 1);
      expect(c.dk).toBe(4);
      expect(c.q).toHaveLength(4);
      // Vaswani et al. 2017, eq. 1: score = q·k / √d_k; softmax: e^s / Σ e^s
      expect(Math.abs(c.score - c.dot / 2)).toBeLessThan(1e-12);
      expect(Math.abs(c.weight - c.expScore / c.expSum)).toBeLessThan(1e-12);
      expect(c.hidden).toBe(false);
      expect(c.visible).toEqual([0, 1, 2, 3, 4, 5, 6]);
      expect(c.contribution.map((x, l) => x - c.weight * c.v[l]!)).toEqual([0, 0, 0, 0]);
    }
  });

  it('says a cell above the diagonal is hidden by the causal mask, with weight 0', () => {
    const view = computeAttention({ ...defaults, causal: true }, 'zh');
    const c = explainCell(view, 0, 1, 3);
    expect(c.hidden).toBe(true);
    expect(c.weight).toBe(0);
    expect(c.visible).toEqual([0, 1]);
    expect(Number.isFinite(c.score)).toBe(true);
    expect(() => explainCell(view, 1, 0, 0)).toThrow(/head 1/);
    expect(() => explainCell(view, 0, 0, 7)).toThrow(/outside/);
  });
});

describe('the selection', () => {
  it('is clamped to the sentence and the heads', () => {
    expect(clampSelection({ head: 1, row: 7, col: 7 }, 6, 1)).toEqual({ head: 0, row: 5, col: 5 });
    expect(clampSelection({ head: 1, row: 2, col: 0 }, 8, 2)).toEqual({ head: 1, row: 2, col: 0 });
  });

  it.each([
    ['ArrowRight', { row: 2, col: 3 }],
    ['ArrowLeft', { row: 2, col: 1 }],
    ['ArrowUp', { row: 1, col: 2 }],
    ['ArrowDown', { row: 3, col: 2 }],
    ['Home', { row: 2, col: 0 }],
    ['End', { row: 2, col: 5 }],
    ['a', null],
  ])('moves with %s', (key, expected) => {
    expect(moveSelection(key, 2, 2, 6)).toEqual(expected);
  });

  it('stops at the edges', () => {
    expect(moveSelection('ArrowLeft', 0, 0, 6)).toEqual({ row: 0, col: 0 });
    expect(moveSelection('ArrowDown', 5, 5, 6)).toEqual({ row: 5, col: 5 });
  });
});
