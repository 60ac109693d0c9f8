/**
 * Scaled dot-product attention, multi-head attention, sinusoidal positional encoding, layer normalisation and a toy
 * tokenizer, on plain `number[][]` matrices (rows are tokens). Framework-free: the reference that the AttentionExplorer
 * widget and the worked numbers of chapter 5 (transformers) are checked against. Every function returns its
 * intermediates so a reader can be shown each number, and every shape mismatch throws an error that names the shapes.
 */
import type { Lang } from '../i18n';
import { createRng } from '../random';
import { softmax } from './activations';

/** A dense matrix as an array of equally long rows: `M[i][j]` is row i, column j. */
export type Matrix = number[][];

/** A matrix the function only reads. */
export type ReadonlyMatrix = readonly (readonly number[])[];

/** A boolean matrix the function only reads; in a mask, `true` means hidden. */
export type ReadonlyMask = readonly (readonly boolean[])[];

const dims = (rows: number, cols: number) => `${rows}×${cols}`;

/**
 * The shape [rows, columns] of M, or an error naming `name` if M is empty, has an empty row, or has rows of different
 * lengths (a ragged array is not a matrix).
 */
export function shapeOf(M: ReadonlyMatrix | ReadonlyMask, name = 'matrix'): [number, number] {
  if (!Array.isArray(M) || M.length === 0) throw new Error(`${name} must have at least one row (got an empty array)`);
  const cols = M[0]!.length;
  if (cols === 0) throw new Error(`${name} must have at least one column (row 0 is empty)`);
  for (let i = 1; i < M.length; i++) {
    if (M[i]!.length !== cols) {
      throw new Error(`${name} is ragged: row 0 has ${cols} entries but row ${i} has ${M[i]!.length}`);
    }
  }
  return [M.length, cols];
}

function positiveInteger(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer (got ${value})`);
}

/** The matrix product AB of an n×k and a k×m matrix: an n×m matrix with (AB)ᵢⱼ = Σₗ AᵢₗBₗⱼ. */
export function matmul(A: ReadonlyMatrix, B: ReadonlyMatrix): Matrix {
  const [n, k] = shapeOf(A, 'matmul: A');
  const [k2, m] = shapeOf(B, 'matmul: B');
  if (k !== k2) {
    throw new Error(`matmul: cannot multiply A (${dims(n, k)}) by B (${dims(k2, m)}): A's ${k} columns ≠ B's ${k2} rows`);
  }
  const out: Matrix = [];
  for (let i = 0; i < n; i++) {
    const a = A[i]!;
    const row = new Array<number>(m).fill(0);
    for (let l = 0; l < k; l++) {
      const ail = a[l]!;
      const b = B[l]!;
      for (let j = 0; j < m; j++) row[j]! += ail * b[j]!;
    }
    out.push(row);
  }
  return out;
}

/** The transpose Aᵀ of an n×m matrix: an m×n matrix with (Aᵀ)ᵢⱼ = Aⱼᵢ. */
export function transpose(A: ReadonlyMatrix): Matrix {
  const [n, m] = shapeOf(A, 'transpose: A');
  return Array.from({ length: m }, (_, j) => Array.from({ length: n }, (_, i) => A[i]![j]!));
}

/** The entrywise sum A + B of two matrices of the same shape (e.g. token embeddings plus positional encodings). */
export function addMatrices(A: ReadonlyMatrix, B: ReadonlyMatrix): Matrix {
  const [n, m] = shapeOf(A, 'addMatrices: A');
  const [n2, m2] = shapeOf(B, 'addMatrices: B');
  if (n !== n2 || m !== m2) throw new Error(`addMatrices: shapes differ: A is ${dims(n, m)}, B is ${dims(n2, m2)}`);
  return A.map((row, i) => row.map((v, j) => v + B[i]![j]!));
}

/**
 * The attention scores QKᵀ/√d_k for n queries and m keys of dimension d_k (Q is n×d_k, K is m×d_k): an n×m matrix
 * whose entry (i, j) says how well query i matches key j. Dividing by √d_k keeps the scores' spread near 1 when the
 * entries of q and k have unit variance (Vaswani et al. 2017, §3.2.1).
 */
export function attentionScores(Q: ReadonlyMatrix, K: ReadonlyMatrix): Matrix {
  const [n, dk] = shapeOf(Q, 'attentionScores: Q');
  const [m, dk2] = shapeOf(K, 'attentionScores: K');
  if (dk !== dk2) {
    throw new Error(`attentionScores: Q is ${dims(n, dk)} and K is ${dims(m, dk2)}; queries and keys need the same width d_k`);
  }
  const scale = 1 / Math.sqrt(dk);
  return matmul(Q, transpose(K)).map((row) => row.map((v) => v * scale));
}

/** The causal (look-ahead) mask of n positions: an n×n boolean matrix, true where j > i, i.e. where token i may not see token j. */
export function causalMask(n: number): boolean[][] {
  positiveInteger(n, 'causalMask: n');
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => j > i));
}

/**
 * The padding mask of n queries over the keys: an n×m boolean matrix whose column j is true (hidden from every query)
 * where `padding[j]` is true, i.e. key j is a padding token.
 */
export function paddingMaskMatrix(n: number, padding: readonly boolean[]): boolean[][] {
  positiveInteger(n, 'paddingMaskMatrix: n');
  if (padding.length === 0) throw new Error('paddingMaskMatrix: the padding mask is empty');
  return Array.from({ length: n }, () => [...padding]);
}

/** The scores with every hidden entry (mask true) replaced by −∞, so that softmax gives it weight e^−∞ = 0. */
export function maskScores(scores: ReadonlyMatrix, mask: ReadonlyMask): Matrix {
  const [n, m] = shapeOf(scores, 'maskScores: scores');
  const [n2, m2] = shapeOf(mask, 'maskScores: mask');
  if (n !== n2 || m !== m2) throw new Error(`maskScores: scores are ${dims(n, m)} but the mask is ${dims(n2, m2)}`);
  return scores.map((row, i) => row.map((v, j) => (mask[i]![j] ? -Infinity : v)));
}

/**
 * softmax applied to each row of the scores: row i becomes a probability vector (the attention weights of query i,
 * summing to 1). It subtracts each row's maximum first, so scores of 1000 do not overflow. A hidden entry (−∞) gets
 * weight exactly 0; a row that is entirely hidden has no weights to give and is an error, as are NaN and +∞ scores.
 */
export function rowSoftmax(scores: ReadonlyMatrix): Matrix {
  shapeOf(scores, 'rowSoftmax: scores');
  return scores.map((row, i) => {
    for (let j = 0; j < row.length; j++) {
      const v = row[j]!;
      if (Number.isNaN(v) || v === Infinity) {
        throw new Error(`rowSoftmax: score (${i}, ${j}) is ${v}; scores must be finite, or −Infinity where hidden`);
      }
    }
    if (row.every((v) => v === -Infinity)) {
      throw new Error(`rowSoftmax: row ${i} is entirely masked (every score is −Infinity): query ${i} can see no key`);
    }
    // with the maximum finite, e^(−∞ − max) is exactly 0, so a hidden entry's weight is exactly 0
    return softmax(row);
  });
}

/** What scaledDotProductAttention may hide; `true` always means hidden. */
export interface AttentionOptions {
  /** Hide the future: query i sees keys 0..i only (needs as many keys as queries). */
  causal?: boolean;
  /** One entry per key: true where the key is padding and must be hidden from every query. */
  paddingMask?: readonly boolean[];
}

/** Every intermediate of one attention computation, for n queries, m keys and values of width d_v. */
export interface AttentionResult {
  /** QKᵀ/√d_k, n×m. */
  scores: Matrix;
  /** The combined mask, n×m, true where hidden (all false when nothing is hidden). */
  mask: boolean[][];
  /** The scores with hidden entries set to −∞, n×m. */
  masked: Matrix;
  /** rowSoftmax(masked): the attention weights, n×m, each row summing to 1. */
  weights: Matrix;
  /** weights·V, n×d_v: each output row is a weighted average of the value rows. */
  output: Matrix;
}

/**
 * Attention(Q, K, V) = softmax(QKᵀ/√d_k + M)·V (Vaswani et al. 2017, eq. 1), where M is −∞ at hidden positions and 0
 * elsewhere. Q is n×d_k, K is m×d_k, V is m×d_v; returns the scores, mask, masked scores, weights and the n×d_v output.
 */
export function scaledDotProductAttention(
  Q: ReadonlyMatrix,
  K: ReadonlyMatrix,
  V: ReadonlyMatrix,
  options: AttentionOptions = {},
): AttentionResult {
  const [n] = shapeOf(Q, 'scaledDotProductAttention: Q');
  const [m, dk] = shapeOf(K, 'scaledDotProductAttention: K');
  const [mv, dv] = shapeOf(V, 'scaledDotProductAttention: V');
  if (mv !== m) {
    throw new Error(`scaledDotProductAttention: K is ${dims(m, dk)} but V is ${dims(mv, dv)}; they need one row per key`);
  }
  const scores = attentionScores(Q, K);
  const mask: boolean[][] = Array.from({ length: n }, () => new Array<boolean>(m).fill(false));
  if (options.causal) {
    if (n !== m) throw new Error(`scaledDotProductAttention: a causal mask needs as many queries as keys (got ${n} queries, ${m} keys)`);
    const c = causalMask(n);
    for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) mask[i]![j] ||= c[i]![j]!;
  }
  if (options.paddingMask) {
    if (options.paddingMask.length !== m) {
      throw new Error(`scaledDotProductAttention: the padding mask has ${options.paddingMask.length} entries but there are ${m} keys`);
    }
    const p = paddingMaskMatrix(n, options.paddingMask);
    for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) mask[i]![j] ||= p[i]![j]!;
  }
  const masked = maskScores(scores, mask);
  const weights = rowSoftmax(masked);
  const output = matmul(weights, V);
  return { scores, mask, masked, weights, output };
}

/** The projection XW of n token vectors (X is n×d_in) by a weight matrix W (d_in×d_out): an n×d_out matrix. */
export function project(X: ReadonlyMatrix, W: ReadonlyMatrix): Matrix {
  const [n, din] = shapeOf(X, 'project: X');
  const [din2, dout] = shapeOf(W, 'project: W');
  if (din !== din2) {
    throw new Error(`project: X is ${dims(n, din)} but W is ${dims(din2, dout)}; W needs one row per column of X`);
  }
  return matmul(X, W);
}

/** The weights of one multi-head attention layer, each d_model×d_model. */
export interface AttentionParams {
  W_Q: Matrix;
  W_K: Matrix;
  W_V: Matrix;
  W_O: Matrix;
}

/** How multiHeadAttention splits and masks. */
export interface MultiHeadOptions {
  /** The number of heads h; it must divide d_model, and each head works in d_model/h dimensions. */
  heads: number;
  /** Hide the future from every head. */
  causal?: boolean;
  /** One entry per token: true where it is padding and hidden from every query of every head. */
  paddingMask?: readonly boolean[];
}

/** One head's slice of the projections (n×d_head each) and its attention intermediates. */
export interface HeadResult extends AttentionResult {
  Q: Matrix;
  K: Matrix;
  V: Matrix;
}

/** Every intermediate of multi-head attention over n tokens of width d_model. */
export interface MultiHeadResult {
  /** XW_Q, XW_K, XW_V: n×d_model each, before the split into heads. */
  Q: Matrix;
  K: Matrix;
  V: Matrix;
  /** d_model/h, the width of each head. */
  headDim: number;
  /** Head i works on columns i·d_head … (i+1)·d_head − 1 of Q, K and V. */
  heads: HeadResult[];
  /** The heads' outputs side by side: n×d_model. */
  concat: Matrix;
  /** concat·W_O: n×d_model. */
  output: Matrix;
}

const columns = (M: ReadonlyMatrix, from: number, to: number): Matrix => M.map((row) => row.slice(from, to));

/**
 * MultiHead(X) = Concat(head₁, …, head_h)·W_O with headᵢ = Attention(XW_Q⁽ⁱ⁾, XW_K⁽ⁱ⁾, XW_V⁽ⁱ⁾) (Vaswani et al. 2017,
 * §3.2.2), where W⁽ⁱ⁾ is the i-th block of d_model/h columns of W. X is n×d_model; each head scales its scores by
 * √(d_model/h). Returns the projections, every head's intermediates, the concatenation and the n×d_model output.
 */
export function multiHeadAttention(X: ReadonlyMatrix, params: AttentionParams, options: MultiHeadOptions): MultiHeadResult {
  const [n, dModel] = shapeOf(X, 'multiHeadAttention: X');
  for (const key of ['W_Q', 'W_K', 'W_V', 'W_O'] as const) {
    const [r, c] = shapeOf(params[key], `multiHeadAttention: ${key}`);
    if (r !== dModel || c !== dModel) {
      throw new Error(`multiHeadAttention: X is ${dims(n, dModel)} so ${key} must be ${dims(dModel, dModel)}, but it is ${dims(r, c)}`);
    }
  }
  const h = options.heads;
  positiveInteger(h, 'multiHeadAttention: heads');
  if (dModel % h !== 0) throw new Error(`multiHeadAttention: d_model = ${dModel} is not divisible by heads = ${h}`);
  const headDim = dModel / h;
  const Q = project(X, params.W_Q);
  const K = project(X, params.W_K);
  const V = project(X, params.W_V);
  const heads: HeadResult[] = [];
  for (let i = 0; i < h; i++) {
    const from = i * headDim;
    const to = from + headDim;
    const q = columns(Q, from, to);
    const k = columns(K, from, to);
    const v = columns(V, from, to);
    const result = scaledDotProductAttention(q, k, v, { causal: options.causal, paddingMask: options.paddingMask });
    heads.push({ Q: q, K: k, V: v, ...result });
  }
  const concat: Matrix = Array.from({ length: n }, (_, r) => heads.flatMap((head) => head.output[r]!));
  const output = matmul(concat, params.W_O);
  return { Q, K, V, headDim, heads, concat, output };
}

/**
 * The sinusoidal positional encoding of Vaswani et al. 2017 (§3.5): PE[pos, 2i] = sin(pos / 10000^(2i/d_model)),
 * PE[pos, 2i+1] = cos(pos / 10000^(2i/d_model)). `positions` is either a count n (positions 0 … n−1) or a list of
 * positions; returns one row of width d_model per position. For an odd d_model the last column is a sine.
 */
export function sinusoidalPositionalEncoding(positions: number | readonly number[], dModel: number): Matrix {
  positiveInteger(dModel, 'sinusoidalPositionalEncoding: dModel');
  let list: readonly number[];
  if (typeof positions === 'number') {
    positiveInteger(positions, 'sinusoidalPositionalEncoding: positions');
    list = Array.from({ length: positions }, (_, p) => p);
  } else {
    list = positions;
  }
  return list.map((pos) => {
    if (!Number.isFinite(pos)) throw new Error(`sinusoidalPositionalEncoding: position ${pos} is not a finite number`);
    return Array.from({ length: dModel }, (_, col) => {
      const twoI = col - (col % 2);
      const angle = pos / 10000 ** (twoI / dModel);
      return col % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
    });
  });
}

/**
 * Layer normalisation of one token vector (Ba, Kiros & Hinton 2016): yⱼ = γⱼ(xⱼ − μ)/√(σ² + ε) + βⱼ, with μ the mean
 * and σ² the population variance (divided by d, as PyTorch's LayerNorm does) of the row. γ defaults to all 1 and β to
 * all 0, so the output has mean 0 and variance σ²/(σ² + ε) ≈ 1.
 */
export function layerNorm(
  row: readonly number[],
  eps = 1e-5,
  gamma?: readonly number[],
  beta?: readonly number[],
): number[] {
  const d = row.length;
  if (d === 0) throw new Error('layerNorm: the row is empty');
  if (!(eps >= 0)) throw new Error(`layerNorm: eps must be ≥ 0 (got ${eps})`);
  if (gamma && gamma.length !== d) throw new Error(`layerNorm: the row has ${d} entries but gamma has ${gamma.length}`);
  if (beta && beta.length !== d) throw new Error(`layerNorm: the row has ${d} entries but beta has ${beta.length}`);
  const mean = row.reduce((s, v) => s + v, 0) / d;
  const variance = row.reduce((s, v) => s + (v - mean) ** 2, 0) / d;
  const inv = 1 / Math.sqrt(variance + eps);
  return row.map((v, j) => (gamma ? gamma[j]! : 1) * (v - mean) * inv + (beta ? beta[j]! : 0));
}

/** A tokenized text: at most maxTokens tokens, and whether more were cut off. */
export interface TokenizeResult {
  /** The first maxTokens tokens, lower-cased. */
  tokens: string[];
  /** True when the text had more than maxTokens tokens. */
  truncated: boolean;
  /** How many tokens the whole text has. */
  total: number;
}

// Characters written one per token in Chinese text: Han, and for good measure kana and Hangul.
const CJK = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}`;
const WORD_CHAR = String.raw`[\p{L}\p{M}\p{N}]`;
const NOT_CJK_WORD_CHAR = String.raw`(?:(?![${CJK}])${WORD_CHAR})`;
// anything that is not a letter, mark, digit, space or control/format character (e.g. a zero-width space) is punctuation
const PUNCTUATION = String.raw`[^\s\p{L}\p{M}\p{N}\p{C}]`;
const word = (char: string) => String.raw`${char}+(?:['’]${char}+)*`;

const TOKEN_PATTERNS: Readonly<Record<Lang, RegExp>> = {
  // a word (letters and digits, with inner apostrophes: "don't") or one punctuation mark
  en: new RegExp(`${word(WORD_CHAR)}|${PUNCTUATION}`, 'gu'),
  // one CJK character, or a run of other letters and digits ("gpt", "4"), or one punctuation mark
  zh: new RegExp(`[${CJK}]|${word(NOT_CJK_WORD_CHAR)}|${PUNCTUATION}`, 'gu'),
};

/**
 * A toy tokenizer for the attention widget, not a real subword tokenizer. English: words and punctuation marks are
 * separate tokens ("The cat sat." → the, cat, sat, .). Chinese: one token per CJK character, a run of Latin letters or
 * digits is one token, punctuation marks are separate ("GPT-4 很大" → gpt, -, 4, 很, 大). In both, whitespace is dropped
 * and letters are lower-cased, so "The" and "the" share an embedding. Keeps the first `maxTokens` tokens.
 */
export function tokenize(text: string, lang: Lang, maxTokens = 12): TokenizeResult {
  positiveInteger(maxTokens, 'tokenize: maxTokens');
  const pattern = TOKEN_PATTERNS[lang];
  if (!pattern) throw new Error(`tokenize: unknown language "${String(lang)}"; expected zh or en`);
  const all = text.toLowerCase().match(pattern) ?? [];
  return { tokens: all.slice(0, maxTokens), truncated: all.length > maxTokens, total: all.length };
}

/** The 32-bit FNV-1a hash of a string's UTF-16 code units, as an unsigned integer (FNV-1a("a") = 0xe40c292c). */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** MurmurHash3's 32-bit finaliser: spreads every input bit over the output, so nearby seeds give unrelated streams. */
function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** x rounded to two decimals, so the numbers a reader sees are exactly the numbers computed with. */
const round2 = (x: number) => Math.round(x * 100) / 100 + 0; // + 0 turns −0 into 0

/**
 * Deterministic weights for one multi-head attention layer: W_Q, W_K, W_V, W_O, each d_model×d_model, drawn in that
 * order (row by row) from N(0, 1/d_model) with createRng(seed) and rounded to two decimals. The 1/d_model variance
 * keeps projected unit-variance embeddings at unit variance. Same seed, same numbers.
 */
export function presetProjections(dModel: number, seed: number): AttentionParams {
  positiveInteger(dModel, 'presetProjections: dModel');
  const rng = createRng(seed);
  const scale = 1 / Math.sqrt(dModel);
  const draw = (): Matrix =>
    Array.from({ length: dModel }, () => Array.from({ length: dModel }, () => round2(scale * rng.normal())));
  const W_Q = draw();
  const W_K = draw();
  const W_V = draw();
  const W_O = draw();
  return { W_Q, W_K, W_V, W_O };
}

/**
 * Deterministic token embeddings: one row of width d_model per token, drawn from N(0, 1) and rounded to two decimals.
 * A token's row depends only on its text and the seed (its generator is seeded by the FNV-1a hash of the text mixed
 * with the seed), so "the" has the same embedding wherever it appears, and a sentence always gives the same numbers.
 */
export function embedTokens(tokens: readonly string[], dModel: number, seed: number): Matrix {
  positiveInteger(dModel, 'embedTokens: dModel');
  const seedMix = Math.imul(seed >>> 0, 0x9e3779b1);
  return tokens.map((token) => {
    const rng = createRng(fmix32(hashString(token) ^ seedMix));
    return Array.from({ length: dModel }, () => round2(rng.normal()));
  });
}
