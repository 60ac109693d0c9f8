import { describe, expect, it } from 'vitest';
import { softmax } from './activations';
import {
  addMatrices,
  attentionScores,
  causalMask,
  embedTokens,
  hashString,
  layerNorm,
  maskScores,
  matmul,
  multiHeadAttention,
  paddingMaskMatrix,
  presetProjections,
  project,
  rowSoftmax,
  scaledDotProductAttention,
  shapeOf,
  sinusoidalPositionalEncoding,
  tokenize,
  transpose,
  type Matrix,
} from './attention';

const identity = (n: number): Matrix => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));

function expectMatrixClose(actual: Matrix, expected: Matrix, digits: number) {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, i) => {
    expect(row.length).toBe(expected[i]!.length);
    row.forEach((v, j) => expect(v).toBeCloseTo(expected[i]![j]!, digits));
  });
}

function expectRowsSumToOne(weights: Matrix) {
  for (const row of weights) expect(Math.abs(row.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-12);
}

describe('matrix helpers', () => {
  it('multiplies and transposes small matrices', () => {
    // [[1,2],[3,4]]·[[5,6],[7,8]] = [[1·5+2·7, 1·6+2·8], [3·5+4·7, 3·6+4·8]] = [[19,22],[43,50]] (hand computation)
    expect(matmul([[1, 2], [3, 4]], [[5, 6], [7, 8]])).toEqual([[19, 22], [43, 50]]);
    // a 1×3 row times a 3×1 column is the dot product 1·4 + 2·5 + 3·6 = 32
    expect(matmul([[1, 2, 3]], [[4], [5], [6]])).toEqual([[32]]);
    expect(transpose([[1, 2, 3], [4, 5, 6]])).toEqual([[1, 4], [2, 5], [3, 6]]);
    expect(addMatrices([[1, 2]], [[10, 20]])).toEqual([[11, 22]]);
    expect(shapeOf([[1, 2, 3], [4, 5, 6]])).toEqual([2, 3]);
  });

  it('projects rows by XW, not XWᵀ', () => {
    // [1, 2]·[[1, 2, 3], [4, 5, 6]] = [1 + 8, 2 + 10, 3 + 12] = [9, 12, 15]; [0, 1] picks W's second row (hand computation)
    expect(project([[1, 2], [0, 1]], [[1, 2, 3], [4, 5, 6]])).toEqual([[9, 12, 15], [4, 5, 6]]);
  });

  it.each([
    ['matmul of 2×3 by 2×3', () => matmul([[1, 2, 3], [4, 5, 6]], [[1, 2, 3], [4, 5, 6]]), /A \(2×3\) by B \(2×3\)/],
    ['attentionScores of Q 2×3 and K 2×4', () => attentionScores([[1, 2, 3], [4, 5, 6]], [[1, 2, 3, 4], [5, 6, 7, 8]]), /Q is 2×3 and K is 2×4/],
    ['project of X 2×3 by W 2×2', () => project([[1, 2, 3], [4, 5, 6]], identity(2)), /X is 2×3 but W is 2×2/],
    ['addMatrices of 1×2 and 2×1', () => addMatrices([[1, 2]], [[1], [2]]), /A is 1×2, B is 2×1/],
    ['maskScores of 2×2 scores with a 3×3 mask', () => maskScores([[0, 0], [0, 0]], causalMask(3)), /scores are 2×2 but the mask is 3×3/],
    ['attention with K 2×2 and V 3×2', () => scaledDotProductAttention(identity(2), identity(2), identity(3).map((r) => r.slice(0, 2))), /K is 2×2 but V is 3×2/],
    ['a ragged matrix', () => transpose([[1, 2], [3]]), /ragged: row 0 has 2 entries but row 1 has 1/],
    ['an empty matrix', () => matmul([], [[1]]), /at least one row/],
  ])('names the shapes when %s fails', (_, call, message) => {
    expect(call).toThrow(message);
  });
});

describe('scaled dot-product attention', () => {
  // The 2×2 example, by hand (d_k = 2, √d_k = 1.414214):
  //   Q = [[1, 1], [1, −1]], K = [[1, 1], [0, 0]], V = [[1, 2], [3, 4]]
  //   QKᵀ = [[1·1 + 1·1, 1·0 + 1·0], [1·1 − 1·1, 0]] = [[2, 0], [0, 0]];  ÷ √2 → scores [[1.414214, 0], [0, 0]]
  //   row 0: e^1.414214 = 4.113250, 4.113250 / (4.113250 + 1) = 0.804430, 1 / 5.113250 = 0.195570
  //   row 1: equal scores → [0.5, 0.5]
  //   output row 0 = 0.804430·[1, 2] + 0.195570·[3, 4] = [1 + 2·0.195570, 2 + 2·0.195570] = [1.391141, 2.391141]
  //   output row 1 = 0.5·[1, 2] + 0.5·[3, 4] = [2, 3]
  const Q = [[1, 1], [1, -1]];
  const K = [[1, 1], [0, 0]];
  const V = [[1, 2], [3, 4]];

  it('computes the 2×2 example worked by hand', () => {
    const r = scaledDotProductAttention(Q, K, V);
    expectMatrixClose(r.scores, [[Math.SQRT2, 0], [0, 0]], 14);
    expect(r.masked).toEqual(r.scores);
    expect(r.mask).toEqual([[false, false], [false, false]]);
    expectMatrixClose(r.weights, [[0.804430, 0.195570], [0.5, 0.5]], 6);
    expectMatrixClose(r.output, [[1.391141, 2.391141], [2, 3]], 6);
  });

  it('builds a causal mask that hides exactly the future', () => {
    expect(causalMask(3)).toEqual([
      [false, true, true],
      [false, false, true],
      [false, false, false],
    ]);
    expect(() => causalMask(0)).toThrow(/positive integer/);
  });

  it('gives causally masked entries weight exactly 0 and the first token all of its own weight', () => {
    const X = embedTokens(['the', 'cat', 'sat', 'on', 'the', 'mat'], 4, 3);
    const r = scaledDotProductAttention(X, X, X, { causal: true });
    expect(r.weights[0]).toEqual([1, 0, 0, 0, 0, 0]);
    expect(r.output[0]).toEqual(X[0]);
    for (let i = 0; i < 6; i++) {
      for (let j = i + 1; j < 6; j++) {
        expect(r.masked[i]![j]).toBe(-Infinity);
        expect(r.weights[i]![j]).toBe(0);
      }
      // row i is the softmax of the scores it may see
      const visible = softmax(r.scores[i]!.slice(0, i + 1));
      visible.forEach((w, j) => expect(r.weights[i]![j]).toBeCloseTo(w, 15));
    }
    expectRowsSumToOne(r.weights);
  });

  it('masks the hand example causally: token 0 copies its own value', () => {
    const r = scaledDotProductAttention(Q, K, V, { causal: true });
    expect(r.weights).toEqual([[1, 0], [0.5, 0.5]]);
    expect(r.output).toEqual([[1, 2], [2, 3]]);
  });

  it('hides padding keys from every query', () => {
    const X = embedTokens(['a', 'b', '<pad>'], 4, 1);
    const r = scaledDotProductAttention(X, X, X, { paddingMask: [false, false, true] });
    expect(paddingMaskMatrix(2, [false, true])).toEqual([[false, true], [false, true]]);
    for (const row of r.weights) expect(row[2]).toBe(0);
    expectRowsSumToOne(r.weights);
  });

  it('makes every row of weights sum to 1', () => {
    const X = embedTokens(tokenize('The cat sat on the mat.', 'en').tokens, 8, 11);
    const { W_Q, W_K, W_V } = presetProjections(8, 11);
    const r = scaledDotProductAttention(project(X, W_Q), project(X, W_K), project(X, W_V));
    expect(r.weights.length).toBe(7);
    expectRowsSumToOne(r.weights);
    for (const row of r.weights) for (const w of row) expect(w).toBeGreaterThan(0);
  });

  it('spreads weight uniformly when all scores are equal, so the output is the mean of the values', () => {
    // Q = 0 makes every score 0: each weight is 1/3, and each output row is (V₀ + V₁ + V₂)/3 = [(1+4+7)/3, (2+5+8)/3] = [4, 5]
    const zeros = [[0, 0], [0, 0], [0, 0]];
    const r = scaledDotProductAttention(zeros, [[1, 2], [3, 4], [5, 6]], [[1, 2], [4, 5], [7, 8]]);
    for (const row of r.weights) for (const w of row) expect(w).toBeCloseTo(1 / 3, 15);
    expectMatrixClose(r.output, [[4, 5], [4, 5], [4, 5]], 14);
    expect(rowSoftmax([[7, 7, 7, 7]])).toEqual([[0.25, 0.25, 0.25, 0.25]]);
  });

  it('stays finite with scores around 1000', () => {
    // [1000, 1001, 999] is [2, 3, 1] shifted by 998: softmax gives e⁻¹, 1, e⁻² over 1.503215 = 0.244728, 0.665241, 0.090031
    const [w] = rowSoftmax([[1000, 1001, 999]]);
    expect(w![0]).toBeCloseTo(0.2447284711, 9);
    expect(w![1]).toBeCloseTo(0.6652409558, 9);
    expect(w![2]).toBeCloseTo(0.0900305732, 9);
    // q·k/√1 = 1000·1 vs 1000·0.999: the scores are 1000 and 999, a gap of 1 → weights σ(1) = 0.731059 and 0.268941
    const r = scaledDotProductAttention([[1000]], [[1], [0.999]], [[0], [1]]);
    expect(r.scores[0]![0]).toBe(1000);
    expect(r.weights[0]![0]).toBeCloseTo(0.7310585786, 9);
    expect(r.output[0]![0]).toBeCloseTo(0.2689414214, 9);
    expectRowsSumToOne(r.weights);
  });

  it('refuses a row with nothing to see, and NaN or +∞ scores', () => {
    expect(() => rowSoftmax([[0, 1], [-Infinity, -Infinity]])).toThrow(/row 1 is entirely masked/);
    // padding the first token and masking the future leaves token 0 with no key at all
    expect(() => scaledDotProductAttention(Q, K, V, { causal: true, paddingMask: [true, false] })).toThrow(/row 0 is entirely masked/);
    expect(() => rowSoftmax([[0, NaN]])).toThrow(/score \(0, 1\) is NaN/);
    expect(() => rowSoftmax([[Infinity, 0]])).toThrow(/score \(0, 0\) is Infinity/);
  });

  it('refuses a causal mask over unequal queries and keys, and a padding mask of the wrong length', () => {
    expect(() => scaledDotProductAttention([[1, 0]], K, V, { causal: true })).toThrow(/1 queries, 2 keys/);
    expect(() => scaledDotProductAttention(Q, K, V, { paddingMask: [false] })).toThrow(/padding mask has 1 entries but there are 2 keys/);
  });
});

describe('multi-head attention', () => {
  const X = embedTokens(tokenize('The cat sat on the mat.', 'en').tokens, 4, 5);

  it('with one head and W_O = I equals single-head attention with the same projections', () => {
    const p = presetProjections(4, 9);
    const mh = multiHeadAttention(X, { ...p, W_O: identity(4) }, { heads: 1 });
    const single = scaledDotProductAttention(project(X, p.W_Q), project(X, p.W_K), project(X, p.W_V));
    expect(mh.headDim).toBe(4);
    expect(mh.heads.length).toBe(1);
    expectMatrixClose(mh.heads[0]!.weights, single.weights, 14);
    expectMatrixClose(mh.output, single.output, 14);
    const causal = multiHeadAttention(X, { ...p, W_O: identity(4) }, { heads: 1, causal: true });
    expectMatrixClose(causal.output, scaledDotProductAttention(project(X, p.W_Q), project(X, p.W_K), project(X, p.W_V), { causal: true }).output, 14);
  });

  it('splits d_model into heads that each see their own columns (2 heads worked by hand)', () => {
    // X = I₂, every W = I₂, heads = 2, so d_head = 1 and √d_head = 1.
    //   head 0 sees column 0: q = k = v = [1, 0]; scores qᵢkⱼ = [[1, 0], [0, 0]]
    //     row 0: [e/(e+1), 1/(e+1)] = [0.731059, 0.268941]; row 1: [0.5, 0.5]; output = weights·[1, 0]ᵀ = [0.731059, 0.5]
    //   head 1 sees column 1: q = k = v = [0, 1]; scores [[0, 0], [0, 1]]
    //     row 0: [0.5, 0.5]; row 1: [0.268941, 0.731059]; output = weights·[0, 1]ᵀ = [0.5, 0.731059]
    //   concat = [[0.731059, 0.5], [0.5, 0.731059]]; W_O = I leaves it, W_O = [[0, 1], [1, 0]] swaps its columns
    const I = identity(2);
    const mh = multiHeadAttention(I, { W_Q: I, W_K: I, W_V: I, W_O: I }, { heads: 2 });
    expect(mh.headDim).toBe(1);
    expect(mh.heads[0]!.Q).toEqual([[1], [0]]);
    expect(mh.heads[1]!.Q).toEqual([[0], [1]]);
    expectMatrixClose(mh.heads[0]!.weights, [[0.731059, 0.268941], [0.5, 0.5]], 6);
    expectMatrixClose(mh.heads[1]!.weights, [[0.5, 0.5], [0.268941, 0.731059]], 6);
    expectMatrixClose(mh.concat, [[0.731059, 0.5], [0.5, 0.731059]], 6);
    expect(mh.output).toEqual(mh.concat);
    const swapped = multiHeadAttention(I, { W_Q: I, W_K: I, W_V: I, W_O: [[0, 1], [1, 0]] }, { heads: 2 });
    expectMatrixClose(swapped.output, [[0.5, 0.731059], [0.731059, 0.5]], 6);
  });

  it('is permutation-equivariant without positional encoding, and not with it', () => {
    const p = presetProjections(4, 2);
    const perm = [3, 0, 6, 1, 5, 2, 4];
    const permute = (M: Matrix) => perm.map((i) => M[i]!);
    const out = multiHeadAttention(X, p, { heads: 2 }).output;
    const outOfPermuted = multiHeadAttention(permute(X), p, { heads: 2 }).output;
    expectMatrixClose(outOfPermuted, permute(out), 12);

    const pe = sinusoidalPositionalEncoding(X.length, 4);
    const withPe = multiHeadAttention(addMatrices(X, pe), p, { heads: 2 }).output;
    const permutedWithPe = multiHeadAttention(addMatrices(permute(X), pe), p, { heads: 2 }).output;
    const gap = Math.max(...permutedWithPe.flatMap((row, i) => row.map((v, j) => Math.abs(v - permute(withPe)[i]![j]!))));
    expect(gap).toBeGreaterThan(1e-3);
  });

  it('refuses heads that do not divide d_model and weights of the wrong shape', () => {
    const p = presetProjections(4, 1);
    expect(() => multiHeadAttention(X, p, { heads: 3 })).toThrow(/d_model = 4 is not divisible by heads = 3/);
    expect(() => multiHeadAttention(X, p, { heads: 0 })).toThrow(/heads must be a positive integer/);
    expect(() => multiHeadAttention(X, { ...p, W_K: identity(3) }, { heads: 2 })).toThrow(/X is 7×4 so W_K must be 4×4, but it is 3×3/);
  });
});

describe('sinusoidal positional encoding', () => {
  it('is [0, 1, 0, 1, …] at position 0', () => {
    // sin(0) = 0 and cos(0) = 1 at every frequency
    expect(sinusoidalPositionalEncoding([0], 6)).toEqual([[0, 1, 0, 1, 0, 1]]);
  });

  it.each([
    // d_model = 8. PE[pos, 2i] = sin(pos / 10000^(2i/8)), PE[pos, 2i+1] = cos(…) (Vaswani et al. 2017, §3.5):
    // 10000^(0/8) = 1, 10000^(2/8) = 10, 10000^(4/8) = 100, 10000^(6/8) = 1000
    [1, 0, 0.8414709848078965], // sin(1/1) (Python: math.sin(1))
    [1, 1, 0.5403023058681398], // cos(1/1)
    [5, 2, 0.479425538604203], // sin(5/10) = sin(0.5)
    [3, 4, 0.02999550020249566], // sin(3/100) = sin(0.03)
    [3, 5, 0.9995500337489875], // cos(0.03)
    [5, 7, 0.9999875000260416], // cos(5/1000) = cos(0.005)
  ])('has PE[%i, %i] = %f for d_model = 8', (pos, col, expected) => {
    expect(sinusoidalPositionalEncoding(6, 8)[pos]![col]).toBeCloseTo(expected, 14);
  });

  it('takes a count or a list of positions, and ends on a sine for an odd width', () => {
    expect(sinusoidalPositionalEncoding(3, 4)).toEqual(sinusoidalPositionalEncoding([0, 1, 2], 4));
    // d_model = 3: columns sin(pos), cos(pos), sin(pos / 10000^(2/3))
    const [row] = sinusoidalPositionalEncoding([2], 3);
    expect(row![2]).toBeCloseTo(Math.sin(2 / 10000 ** (2 / 3)), 15);
    expect(() => sinusoidalPositionalEncoding(3, 0)).toThrow(/dModel must be a positive integer/);
  });
});

describe('layerNorm', () => {
  it('normalises [1, 2, 3, 4] to mean 0 and variance ≈ 1', () => {
    // μ = 2.5, σ² = (2.25 + 0.25 + 0.25 + 2.25)/4 = 1.25; (x − μ)/√(1.25 + 1e-5): ±1.5/1.118038 = ±1.341635, ±0.5/1.118038 = ±0.447212
    const y = layerNorm([1, 2, 3, 4]);
    expect(y[0]).toBeCloseTo(-1.3416354, 7);
    expect(y[1]).toBeCloseTo(-0.4472118, 7);
    expect(y[3]).toBeCloseTo(1.3416354, 7);
    const mean = y.reduce((a, b) => a + b, 0) / 4;
    const variance = y.reduce((a, b) => a + (b - mean) ** 2, 0) / 4;
    expect(Math.abs(mean)).toBeLessThan(1e-15);
    // σ²/(σ² + ε) = 1.25/1.25001 = 0.999992
    expect(variance).toBeCloseTo(0.999992, 6);
    const exact = layerNorm([1, 2, 3, 4], 0);
    expect(exact.reduce((a, b) => a + b * b, 0) / 4).toBeCloseTo(1, 14);
  });

  it('scales by gamma and shifts by beta', () => {
    const y = layerNorm([1, 2, 3, 4], 0, [2, 2, 1, 1], [0, 1, 0, 10]);
    // 2·(−1.5/√1.25) = −2.683282; 2·(−0.447214) + 1 = 0.105573; 0.447214; 1.341641 + 10 = 11.341641
    expect(y[0]).toBeCloseTo(-2.6832816, 7);
    expect(y[1]).toBeCloseTo(0.1055728, 7);
    expect(y[2]).toBeCloseTo(0.4472136, 7);
    expect(y[3]).toBeCloseTo(11.3416408, 7);
    expect(() => layerNorm([1, 2], 1e-5, [1])).toThrow(/row has 2 entries but gamma has 1/);
    expect(() => layerNorm([])).toThrow(/empty/);
  });

  it('maps a constant row to 0 instead of dividing by zero', () => {
    expect(layerNorm([3, 3, 3])).toEqual([0, 0, 0]);
  });
});

describe('tokenize', () => {
  it.each([
    ['The cat sat on the mat.', 'en', ['the', 'cat', 'sat', 'on', 'the', 'mat', '.'], false, 7],
    ['Don’t stop, don\'t!', 'en', ['don’t', 'stop', ',', "don't", '!'], false, 5],
    ['  Attention   is all\tyou need  ', 'en', ['attention', 'is', 'all', 'you', 'need'], false, 5],
    // 注意力机制让模型看见上下文 is 13 characters, plus 。 makes 14: cut to the first 12
    ['注意力机制让模型看见上下文。', 'zh', ['注', '意', '力', '机', '制', '让', '模', '型', '看', '见', '上', '下'], true, 14],
    ['注意力，很重要！', 'zh', ['注', '意', '力', '，', '很', '重', '要', '！'], false, 8],
    ['GPT-4 很大', 'zh', ['gpt', '-', '4', '很', '大'], false, 5],
    ['用GPT4写代码', 'zh', ['用', 'gpt4', '写', '代', '码'], false, 5],
    ['GPT-4 is big', 'en', ['gpt', '-', '4', 'is', 'big'], false, 5],
    ['', 'en', [], false, 0],
  ] as const)('splits %j (%s)', (text, lang, tokens, truncated, total) => {
    expect(tokenize(text, lang)).toEqual({ tokens, truncated, total });
  });

  it('caps at maxTokens and reports the cut', () => {
    expect(tokenize('one two three four', 'en', 3)).toEqual({ tokens: ['one', 'two', 'three'], truncated: true, total: 4 });
    expect(tokenize('one two three', 'en', 3).truncated).toBe(false);
    expect(tokenize('注意力机制让模型看见上下文。', 'zh', 20).tokens.length).toBe(14);
    expect(() => tokenize('a', 'en', 0)).toThrow(/maxTokens must be a positive integer/);
  });
});

describe('seeded presets', () => {
  it('hashes strings with FNV-1a', () => {
    // reference values from the FNV test suite (Fowler, Noll & Vo): FNV-1a-32("") = 0x811c9dc5, ("a") = 0xe40c292c, ("foobar") = 0xbf9cf968
    expect(hashString('')).toBe(0x811c9dc5);
    expect(hashString('a')).toBe(0xe40c292c);
    expect(hashString('foobar')).toBe(0xbf9cf968);
  });

  it('gives the same projections for the same seed and others for another', () => {
    const a = presetProjections(4, 42);
    expect(presetProjections(4, 42)).toEqual(a);
    expect(presetProjections(4, 43).W_Q).not.toEqual(a.W_Q);
    expect(a.W_Q).not.toEqual(a.W_K);
    for (const W of [a.W_Q, a.W_K, a.W_V, a.W_O]) {
      expect(shapeOf(W)).toEqual([4, 4]);
      // two decimals, and small: N(0, 1/4) has standard deviation 0.5, so |w| < 2.5 is 5 standard deviations
      for (const w of W.flat()) {
        expect(Math.round(w * 100) / 100).toBe(w);
        expect(Math.abs(w)).toBeLessThan(2.5);
      }
    }
  });

  it('embeds a token by its text and the seed alone', () => {
    const E = embedTokens(['the', 'cat', 'sat', 'on', 'the', 'mat'], 6, 7);
    expect(shapeOf(E)).toEqual([6, 6]);
    expect(E[4]).toEqual(E[0]);
    expect(E[1]).not.toEqual(E[0]);
    expect(embedTokens(['cat'], 6, 7)[0]).toEqual(E[1]);
    expect(embedTokens(['the'], 6, 8)[0]).not.toEqual(E[0]);
    for (const v of E.flat()) expect(Math.round(v * 100) / 100).toBe(v);
    expect(embedTokens([], 6, 7)).toEqual([]);
  });

  it('keeps the numbers the chapter prints', () => {
    // pinned from this implementation (mulberry32 + Box–Muller, FNV-1a token hash), not computed by hand: a change to
    // the generator, the hash or the mixing would silently change every worked number, so it has to fail here first
    expect(embedTokens(['the', 'cat'], 4, 1)).toEqual([
      [-0.4, -2.6, 0.46, -1.28],
      [0.46, 1.79, -1.31, -0.24],
    ]);
    expect(presetProjections(2, 1)).toEqual({
      W_Q: [[0.68, 0.01], [0.79, -0.1]],
      W_K: [[-0.03, 0.18], [-0.13, -0.69]],
      W_V: [[0.92, -0.03], [-0.88, 0.06]],
      W_O: [[-1.16, 0.8], [0.67, 0.98]],
    });
  });
});
