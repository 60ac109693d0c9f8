/**
 * AttentionExplorer: one short sentence through one (multi-head) self-attention layer. The tokens, the scores
 * QKᵀ/√d_k, the masked scores, the softmax weights and each head's output, with one cell's computation written out.
 * Schema, strings and the pure computations the view draws; the maths itself is lib/math/attention.
 */
import { bilingual, type Lang } from '../i18n';
import {
  addMatrices,
  embedTokens,
  layerNorm,
  multiHeadAttention,
  presetProjections,
  sinusoidalPositionalEncoding,
  tokenize,
  type Matrix,
  type MultiHeadResult,
} from '../math/attention';
import type { Schema, Values } from '../state/schema';
import { defineWidget, seedField } from './define';

export const ATTENTION_EXPLORER_ID = 'attentionExplorer';

/** The longest sentence the explorer shows, in tokens: an 8×8 matrix still fits a phone with a sideways scroll. */
export const MAX_TOKENS = 8;

/** The preset sentences' names, the same in both editions, so that one link works in both. */
export const SENTENCE_KEYS = ['cat', 'chase', 'think', 'bank'] as const;
export type SentenceKey = (typeof SENTENCE_KEYS)[number];

/**
 * The preset sentences, each at most MAX_TOKENS tokens by lib/math/attention's tokenize in its own language. "chase"
 * holds the same tokens in two orders and "think" repeats a token (what positions are for); "think" is half as long
 * as "chase" (the n² growth of the matrices).
 */
export const SENTENCES: Readonly<Record<Lang, Readonly<Record<SentenceKey, string>>>> = {
  zh: { cat: '猫坐在垫子上。', chase: '猫追狗，狗追猫。', think: '我想我懂', bank: '河边的银行淹了。' },
  en: { cat: 'The cat sat on the mat.', chase: 'Cat chases dog, dog chases cat.', think: 'I think I know', bank: 'The bank by the river flooded.' },
};

/** The largest selectable row or column index (the selection is clamped to the sentence's own length). */
const LAST_INDEX = MAX_TOKENS - 1;

export const attentionExplorerSchema = {
  sentence: {
    type: 'enum',
    default: 'cat',
    options: SENTENCE_KEYS,
    control: 'select',
    label: { zh: '句子', en: 'Sentence' },
    optionLabels: Object.fromEntries(SENTENCE_KEYS.map((k) => [k, { zh: SENTENCES.zh[k], en: SENTENCES.en[k] }])) as Record<
      SentenceKey,
      { zh: string; en: string }
    >,
  },
  causal: {
    type: 'boolean',
    default: false,
    label: { zh: '因果掩码（每个 token 只看它自己和前面的 token）', en: 'Causal mask (each token sees only itself and earlier tokens)' },
  },
  dModel: {
    type: 'enum',
    default: '4',
    options: ['4', '8'],
    control: 'chips',
    group: 'model',
    label: { zh: '向量宽度 d_model', en: 'Vector width d_model' },
  },
  heads: {
    type: 'enum',
    default: '1',
    options: ['1', '2'],
    control: 'chips',
    group: 'model',
    label: { zh: '注意力头数 h', en: 'Heads h' },
    hint: { zh: '每个头在 d_k = d_model / h 维里计算自己的注意力。', en: 'Each head computes its own attention in d_k = d_model / h dimensions.' },
  },
  positional: {
    type: 'boolean',
    default: true,
    group: 'model',
    label: { zh: '加上正弦位置编码', en: 'Add the sinusoidal positional encoding' },
    hint: {
      zh: '关掉后，同一个 token 无论出现在哪里都得到完全相同的分数。',
      en: 'Without it, the same token gets exactly the same scores wherever it stands.',
    },
  },
  seed: {
    ...seedField('model'),
    hint: { zh: '决定词嵌入和 W_Q、W_K、W_V、W_O 的随机数。', en: 'Draws the embeddings and W_Q, W_K, W_V, W_O.' },
  },
  // The selection: drawn by the view (head tabs, a cell of a matrix), kept in the link.
  head: { type: 'number', default: 0, min: 0, max: 1, integer: true },
  row: { type: 'number', default: 1, min: 0, max: LAST_INDEX, integer: true },
  col: { type: 'number', default: 0, min: 0, max: LAST_INDEX, integer: true },
} satisfies Schema;

export type AttentionExplorerValues = Values<typeof attentionExplorerSchema>;

/** Everything one setting of the explorer computes: the tokens, the layer's input and every head's intermediates. */
export interface AttentionView {
  sentence: string;
  tokens: string[];
  dModel: number;
  heads: number;
  /** d_k = d_model / h, the width of each head's queries and keys. */
  headDim: number;
  /** Token embeddings, n×d_model. */
  embeddings: Matrix;
  /** The sinusoidal positional encodings added to them, n×d_model, or null when switched off. */
  positions: Matrix | null;
  /** LayerNorm(embeddings + positions), row by row: the layer's input X (a pre-norm block), n×d_model. */
  input: Matrix;
  /** multiHeadAttention(X): projections, every head's scores, masked scores, weights and output, and W_O's output. */
  result: MultiHeadResult;
}

/** The tokens of a preset sentence in an edition (at most MAX_TOKENS). */
export function sentenceTokens(key: SentenceKey, lang: Lang): string[] {
  return tokenize(SENTENCES[lang][key], lang, MAX_TOKENS).tokens;
}

/**
 * One self-attention layer over the chosen sentence: embeddings (seeded by the token's text and the seed), plus the
 * sinusoidal positions if on, layer-normalised, then multi-head attention with W_Q, W_K, W_V, W_O drawn from the seed.
 */
export function computeAttention(values: AttentionExplorerValues, lang: Lang): AttentionView {
  const sentence = SENTENCES[lang][values.sentence];
  const tokens = sentenceTokens(values.sentence, lang);
  const dModel = Number(values.dModel);
  const heads = Number(values.heads);
  const embeddings = embedTokens(tokens, dModel, values.seed);
  const positions = values.positional ? sinusoidalPositionalEncoding(tokens.length, dModel) : null;
  const input = (positions ? addMatrices(embeddings, positions) : embeddings).map((row) => layerNorm(row));
  const result = multiHeadAttention(input, presetProjections(dModel, values.seed), { heads, causal: values.causal });
  return { sentence, tokens, dModel, heads, headDim: result.headDim, embeddings, positions, input, result };
}

/** The selected head and cell, clamped to what the current setting has (a link may name row 7 of a 6-token sentence). */
export function clampSelection(values: Pick<AttentionExplorerValues, 'head' | 'row' | 'col'>, tokens: number, heads: number) {
  const clamp = (v: number, hi: number) => Math.max(0, Math.min(hi, Math.round(v)));
  return { head: clamp(values.head, heads - 1), row: clamp(values.row, tokens - 1), col: clamp(values.col, tokens - 1) };
}

/** The selection after an arrow key (or Home / End) on an n×n matrix, or null for any other key. */
export function moveSelection(key: string, row: number, col: number, n: number): { row: number; col: number } | null {
  const last = n - 1;
  switch (key) {
    case 'ArrowLeft':
      return { row, col: Math.max(0, col - 1) };
    case 'ArrowRight':
      return { row, col: Math.min(last, col + 1) };
    case 'ArrowUp':
      return { row: Math.max(0, row - 1), col };
    case 'ArrowDown':
      return { row: Math.min(last, row + 1), col };
    case 'Home':
      return { row, col: 0 };
    case 'End':
      return { row, col: last };
    default:
      return null;
  }
}

/** One cell (query `row`, key `col`) of one head, worked out: the numbers the explanation sentence quotes. */
export interface CellReport {
  head: number;
  row: number;
  col: number;
  /** The query qᵢ and key kⱼ of this head (rows of its Q and K), and the value vⱼ. */
  q: number[];
  k: number[];
  v: number[];
  /** qᵢ·kⱼ = Σₗ qᵢₗkⱼₗ. */
  dot: number;
  dk: number;
  /** qᵢ·kⱼ / √d_k: the entry of QKᵀ/√d_k. */
  score: number;
  /** True where the mask hides key j from query i (the masked score is −∞ and the weight 0). */
  hidden: boolean;
  /** The keys query i may see. */
  visible: number[];
  /** e^score, and Σ e^score over the row's visible keys: the weight is their ratio. */
  expScore: number;
  expSum: number;
  /** The softmax weight, as multiHeadAttention computed it. */
  weight: number;
  /** weight · vⱼ: what this key adds to output row i. */
  contribution: number[];
  /** Output row i of this head, Σⱼ weightᵢⱼ vⱼ. */
  output: number[];
}

/** The computation behind cell (row, col) of head `head`, from the view's intermediates (nothing recomputed but sums). */
export function explainCell(view: AttentionView, head: number, row: number, col: number): CellReport {
  const h = view.result.heads[head];
  if (!h) throw new Error(`explainCell: head ${head} does not exist (there are ${view.result.heads.length})`);
  const n = view.tokens.length;
  if (row < 0 || row >= n || col < 0 || col >= n) throw new Error(`explainCell: cell (${row}, ${col}) is outside the ${n}×${n} matrix`);
  const q = h.Q[row]!;
  const k = h.K[col]!;
  const v = h.V[col]!;
  const dot = q.reduce((s, x, l) => s + x * k[l]!, 0);
  const visible = h.mask[row]!.flatMap((hidden, j) => (hidden ? [] : [j]));
  const expSum = visible.reduce((s, j) => s + Math.exp(h.scores[row]![j]!), 0);
  const weight = h.weights[row]![col]!;
  return {
    head,
    row,
    col,
    q,
    k,
    v,
    dot,
    dk: view.headDim,
    score: h.scores[row]![col]!,
    hidden: h.mask[row]![col]!,
    visible,
    expScore: Math.exp(h.scores[row]![col]!),
    expSum,
    weight,
    contribution: v.map((x) => weight * x),
    output: h.output[row]!,
  };
}

/** Subscript digits, for q₂, k₁₀. */
export function sub(i: number): string {
  return String(i).replace(/\d/g, (c) => '₀₁₂₃₄₅₆₇₈₉'[Number(c)]!);
}

/** The numbers of an explanation, already formatted for the edition. */
export interface ExplainText {
  row: number;
  col: number;
  /** The query's and the key's token. */
  query: string;
  key: string;
  /** "0.31×0.12 + (−0.50)×0.40 + …", the dot product's terms. */
  terms: string;
  dot: string;
  dk: number;
  sqrtDk: string;
  score: string;
  expScore: string;
  expSum: string;
  weight: string;
  /** The visible keys, "0–3" or "0". */
  visible: string;
  contribution: string;
  output: string;
}

const q = (i: number) => `q${sub(i)}`;
const k = (j: number) => `k${sub(j)}`;
const v = (j: number) => `v${sub(j)}`;

export const attentionExplorer = defineWidget({
  id: ATTENTION_EXPLORER_ID,
  tag: 'AttentionExplorer',
  title: { zh: '注意力探索器：QKᵀ/√d_k、掩码与 softmax', en: 'Attention explorer: QKᵀ/√d_k, masks and softmax' },
  schema: attentionExplorerSchema,
  groups: [{ id: 'model', label: { zh: '模型大小、位置编码与随机种子', en: 'Model size, positions and seed' } }],
  placeholderHeight: 900,
  strings: bilingual({
    zh: {
      tokensTitle: 'token 序列',
      tokensNote: (n: number, dModel: number) => `${n} 个 token，每个是 ${dModel} 维向量（词嵌入，可选加上位置编码，再做层归一化）。下标是位置。`,
      headTabs: '注意力头',
      headTab: (h: number) => `头 ${h + 1}`,
      headNote: (h: number, dk: number, from: number, to: number) => `头 ${h + 1} 使用 Q、K、V 的第 ${from}–${to} 列：d_k = ${dk}。`,
      scoresTitle: 'QKᵀ/√d_k（分数）',
      scoresCaption: (dk: number) => `第 i 行第 j 列 = qᵢ·kⱼ / √${dk}：第 i 个 token（查询）与第 j 个 token（键）有多匹配。蓝色为正，橙色为负。`,
      maskedTitle: '加掩码后的分数',
      maskedCaption: (causal: boolean) =>
        causal ? '因果掩码把 j > i 的分数换成 −∞（对角线右上方）：token 看不到它后面的 token。' : '没有掩码：与上面的分数相同。打开因果掩码，对角线右上方会变成 −∞。',
      weightsTitle: 'softmax 权重',
      weightsCaption: '对每一行做 softmax：每行都是一个概率分布，和为 1（最右一列 Σ）。颜色越深，权重越大。',
      outputTitle: '输出（权重 · V）',
      outputCaption: (dk: number) => `输出的第 i 行 = Σⱼ 权重ᵢⱼ · vⱼ：值向量的加权平均，宽度 ${dk}。`,
      layerOutputTitle: '整层输出 Concat(头)·W_O',
      layerOutputSummary: '查看整层输出（各头输出拼接后乘以 W_O）',
      inputsSummary: '查看输入向量 X 与这个头的 Q、K、V',
      inputTitle: 'X = LayerNorm(词嵌入 + 位置编码)',
      inputTitleNoPos: 'X = LayerNorm(词嵌入)',
      qTitle: 'Q = X·W_Q（这个头的列）',
      kTitle: 'K = X·W_K（这个头的列）',
      vTitle: 'V = X·W_V（这个头的列）',
      rowHead: '查询 \\ 键',
      dimHead: 'token \\ 维',
      sumHead: 'Σ',
      hiddenCell: '被掩码隐藏',
      gridHint: '点击一个格子，或聚焦矩阵后用方向键选择。',
      explainTitle: (row: number, col: number) => `选中的格子：第 ${row} 行（查询），第 ${col} 列（键）`,
      explainDot: (t: ExplainText) => `${q(t.row)}·${k(t.col)} = ${t.terms} = ${t.dot}。`,
      explainScale: (t: ExplainText) => `除以 √d_k = √${t.dk} = ${t.sqrtDk}，得到分数 ${t.dot} / ${t.sqrtDk} = ${t.score}。`,
      explainSoftmax: (t: ExplainText) =>
        `第 ${t.row} 行的 softmax（可见的键 ${t.visible}）：e^${t.score} = ${t.expScore}，该行 Σ e^分数 = ${t.expSum}，所以权重 = ${t.expScore} / ${t.expSum} = ${t.weight}。`,
      explainOutput: (t: ExplainText) => `“${t.key}”因此为“${t.query}”的输出贡献 ${t.weight} × ${v(t.col)} = ${t.contribution}；整行输出为 ${t.output}。`,
      explainHidden: (t: ExplainText) =>
        `键 ${t.col}（“${t.key}”）在查询 ${t.row}（“${t.query}”）之后，因果掩码把这个分数换成 −∞，权重是 e^(−∞) = 0：“${t.query}”看不到“${t.key}”。`,
      explainSelf: '（查询与键是同一个 token。）',
      selectedScore: '分数 qᵢ·kⱼ/√d_k',
      selectedMasked: '加掩码后',
      selectedWeight: '权重',
      selectedDot: '点积 qᵢ·kⱼ',
      dkLabel: 'd_k',
      minusInfinity: '−∞',
    },
    en: {
      tokensTitle: 'Tokens',
      tokensNote: (n: number, dModel: number) =>
        `${n} tokens, each a vector of ${dModel} numbers (an embedding, plus the positional encoding if on, layer-normalised). The subscript is the position.`,
      headTabs: 'Attention heads',
      headTab: (h: number) => `Head ${h + 1}`,
      headNote: (h: number, dk: number, from: number, to: number) => `Head ${h + 1} uses columns ${from}–${to} of Q, K and V: d_k = ${dk}.`,
      scoresTitle: 'QKᵀ/√d_k (scores)',
      scoresCaption: (dk: number) => `Row i, column j = qᵢ·kⱼ / √${dk}: how well token i (the query) matches token j (the key). Blue is positive, orange negative.`,
      maskedTitle: 'Masked scores',
      maskedCaption: (causal: boolean) =>
        causal
          ? 'The causal mask replaces the scores with j > i (above the diagonal) by −∞: a token cannot see the tokens after it.'
          : 'No mask: the same as the scores. Turn on the causal mask and everything above the diagonal becomes −∞.',
      weightsTitle: 'Softmax weights',
      weightsCaption: 'Softmax of each row: every row is a probability distribution summing to 1 (the Σ column). The darker, the larger.',
      outputTitle: 'Output (weights · V)',
      outputCaption: (dk: number) => `Output row i = Σⱼ weightᵢⱼ · vⱼ: a weighted average of the value vectors, ${dk} wide.`,
      layerOutputTitle: 'The layer’s output Concat(heads)·W_O',
      layerOutputSummary: 'Show the layer’s output (the heads’ outputs side by side, times W_O)',
      inputsSummary: 'Show the input vectors X and this head’s Q, K, V',
      inputTitle: 'X = LayerNorm(embedding + position)',
      inputTitleNoPos: 'X = LayerNorm(embedding)',
      qTitle: 'Q = X·W_Q (this head’s columns)',
      kTitle: 'K = X·W_K (this head’s columns)',
      vTitle: 'V = X·W_V (this head’s columns)',
      rowHead: 'query \\ key',
      dimHead: 'token \\ dim',
      sumHead: 'Σ',
      hiddenCell: 'hidden by the mask',
      gridHint: 'Click a cell, or focus a matrix and use the arrow keys.',
      explainTitle: (row: number, col: number) => `Selected cell: row ${row} (query), column ${col} (key)`,
      explainDot: (t: ExplainText) => `${q(t.row)}·${k(t.col)} = ${t.terms} = ${t.dot}.`,
      explainScale: (t: ExplainText) => `Divided by √d_k = √${t.dk} = ${t.sqrtDk}, the score is ${t.dot} / ${t.sqrtDk} = ${t.score}.`,
      explainSoftmax: (t: ExplainText) =>
        `Softmax over row ${t.row} (the keys it may see: ${t.visible}): e^${t.score} = ${t.expScore}, the row’s Σ e^score = ${t.expSum}, so the weight is ${t.expScore} / ${t.expSum} = ${t.weight}.`,
      explainOutput: (t: ExplainText) =>
        `So “${t.key}” adds ${t.weight} × ${v(t.col)} = ${t.contribution} to the output of “${t.query}”, whose whole row is ${t.output}.`,
      explainHidden: (t: ExplainText) =>
        `Key ${t.col} (“${t.key}”) comes after query ${t.row} (“${t.query}”): the causal mask replaces this score by −∞, and its weight is e^(−∞) = 0. “${t.query}” cannot see “${t.key}”.`,
      explainSelf: '(The query and the key are the same token.)',
      selectedScore: 'Score qᵢ·kⱼ/√d_k',
      selectedMasked: 'Masked',
      selectedWeight: 'Weight',
      selectedDot: 'Dot product qᵢ·kⱼ',
      dkLabel: 'd_k',
      minusInfinity: '−∞',
    },
  }),
});

export default attentionExplorer;
