/**
 * Worked numbers of the chapter `transformers` (see registry.ts). Each is a thin wrapper over lib/math/attention.ts or
 * a parameter-count formula written out once here, so the prose prints what tested code computes; every entry has a
 * test in transformers.test.ts.
 */
import { softmax } from '../math/activations';
import { scaledDotProductAttention, sinusoidalPositionalEncoding, type Matrix } from '../math/attention';
import { gptParams, lstmHiddenFor, lstmParams as charLstmParams } from '../ml/tiny-gpt';

/** The chapter's worked attention example: three tokens, d_k = 2, Q = K (rows are tokens). */
export const ATTENTION_EXAMPLE: { Q: Matrix; K: Matrix; V: Matrix } = {
  Q: [
    [1, 0],
    [0, 1],
    [1, 1],
  ],
  K: [
    [1, 0],
    [0, 1],
    [1, 1],
  ],
  V: [
    [1, 0],
    [0, 2],
    [1, 1],
  ],
};

function example(causal: number) {
  if (causal !== 0 && causal !== 1) throw new Error(`causal must be 0 or 1 (got ${causal})`);
  const { Q, K, V } = ATTENTION_EXAMPLE;
  return scaledDotProductAttention(Q, K, V, { causal: causal === 1 });
}

function entry(M: readonly (readonly number[])[], i: number, j: number, what: string): number {
  const v = M[i]?.[j];
  if (v === undefined) throw new Error(`${what}: no entry (${i}, ${j}) in a ${M.length}×${M[0]?.length ?? 0} matrix`);
  return v;
}

/** Parameters of multi-head attention of width d: W_Q, W_K, W_V, W_O (d × d each) and their biases. */
const attentionParams = (dModel: number) => 4 * dModel * dModel + 4 * dModel;
/** Parameters of a Transformer block: attention, an MLP d → dFF → d with biases, and two layer norms (γ, β each). */
const transformerBlockParams = (dModel: number, dFF: number) =>
  attentionParams(dModel) + (dModel * dFF + dFF) + (dFF * dModel + dModel) + 4 * dModel;

export const transformersWorked = {
  /** Score S[i][j] = q_i·k_j / √d_k of the chapter's example (0-based indices). */
  attnExampleScore: (i: number, j: number) => entry(example(0).scores, i, j, 'attnExampleScore'),
  /** Softmax weight [i][j] of the example, without (causal = 0) or with (causal = 1) the causal mask. */
  attnExampleWeight: (i: number, j: number, causal: number) => entry(example(causal).weights, i, j, 'attnExampleWeight'),
  /** Output [i][c] = Σ_j weight[i][j] · V[j][c] of the example. */
  attnExampleOutput: (i: number, c: number, causal: number) => entry(example(causal).output, i, c, 'attnExampleOutput'),
  /** Sinusoidal positional encoding PE[pos][index] for width dModel (Vaswani et al. 2017). */
  positionalEncoding: (pos: number, index: number, dModel: number) =>
    entry(sinusoidalPositionalEncoding([pos], dModel), 0, index, 'positionalEncoding'),
  /** Parameters of a Keras LSTM layer: four gates, each with input weights, recurrent weights and a bias. */
  lstmParams: (inputDim: number, units: number) => 4 * (units * (inputDim + units) + units),
  attentionParams,
  transformerBlockParams,
  /**
   * Parameters of a GPT-2-style decoder: a V × d token embedding (tied with the output layer), learned positions
   * (context × d), `layers` blocks with a 4d MLP, and a final layer norm. gpt2Params(12, 768, 50257, 1024) = 124,439,808.
   */
  gpt2Params: (layers: number, dModel: number, vocab: number, context: number) =>
    vocab * dModel + context * dModel + layers * transformerBlockParams(dModel, 4 * dModel) + 2 * dModel,
  /**
   * Parameters of the TinyGPT of the chapter's widget (lib/ml/tiny-gpt): GPT-2's layout plus a bias on the output
   * layer, for `layers` blocks of width d, a character vocabulary V and a context of T characters.
   */
  tinyGptParams: (layers: number, dModel: number, vocab: number, context: number) => gptParams({ layers, dModel, vocab, context, heads: 1 }),
  /** Parameters of the widget's LSTM baseline: embedding V×e, one LSTM layer of H units, dense output H×V + V. */
  tinyLstmParams: (vocab: number, embed: number, hidden: number) => charLstmParams(vocab, embed, hidden),
  /** The LSTM width whose parameter count comes closest to a TinyGPT's of these dimensions. */
  tinyLstmHidden: (layers: number, dModel: number, vocab: number, context: number) =>
    lstmHiddenFor(gptParams({ layers, dModel, vocab, context, heads: 1 }), vocab, dModel),
  /** Entries of an n × n attention-score matrix. */
  attentionScoreEntries: (n: number) => n * n,
  /** Entries a causal mask leaves visible in an n × n score matrix: the diagonal and below. */
  causalVisibleEntries: (n: number) => (n * (n + 1)) / 2,
  /** FLOPs of QKᵀ and weights·V for n tokens of width d (2 per multiply-add; projections excluded): 4·n²·d. */
  attentionFlops: (n: number, dModel: number) => 4 * n * n * dModel,
  /** Probability of token i after dividing the logits by the temperature T: softmax(logits / T)[i]. */
  temperatureProb: (T: number, i: number, ...logits: number[]) => {
    if (!(T > 0)) throw new Error(`temperature must be positive (got ${T})`);
    const p = softmax(logits.map((z) => z / T))[i];
    if (p === undefined) throw new Error(`temperatureProb: no logit ${i} among ${logits.length}`);
    return p;
  },
};
