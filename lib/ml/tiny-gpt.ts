/**
 * A character-level decoder-only Transformer (a GPT in miniature) and an LSTM of about the same size, written with
 * tfjs-core ops and trained side by side on the same batches of the book's own text (Chapter 5's TinyGPT).
 *
 * GPT: token embedding (tied to the output layer, as in GPT-2) + learned positions → L pre-norm blocks
 * [x += Attn(LN(x)); x += MLP(LN(x))] with causal multi-head attention and a GELU MLP of width 4d → LN → logits.
 * LSTM: token embedding → one LSTM layer of H units (forget-gate bias 1) → dense logits; H is chosen so that the two
 * models have about the same number of parameters.
 *
 * Embeddings are one-hot rows times the table (a matMul, whose gradient every backend has, unlike gather's), every
 * constant a step uses is a tensor made once, and the loss is read back only when the caller asks.
 */
import type { Optimizer, Scalar, Tensor, Tensor2D, Variable } from '@tensorflow/tfjs-core';
import type { Bilingual } from '../i18n';
import { createRng, type Rng } from '../random';
import type { Tf } from './train';

export interface GptConfig {
  vocab: number;
  /** Context length T: the most characters the model reads at once. */
  context: number;
  dModel: number;
  heads: number;
  layers: number;
}

/** Parameters of one pre-norm block of width d: LN (2d), QKV (3d² + 3d), output (d² + d), LN (2d), MLP (8d² + 5d). */
export function blockParams(d: number): number {
  return 12 * d * d + 13 * d;
}

/** Parameters of the GPT: token table (tied with the output), positions, blocks, final LN and the output bias. */
export function gptParams(c: GptConfig): number {
  return c.vocab * c.dModel + c.context * c.dModel + c.layers * blockParams(c.dModel) + 2 * c.dModel + c.vocab;
}

/** Parameters of the LSTM baseline: embedding V×e, gates 4H(e + H + 1), output H×V + V. */
export function lstmParams(vocab: number, embed: number, hidden: number): number {
  return vocab * embed + 4 * hidden * (embed + hidden + 1) + hidden * vocab + vocab;
}

/** The LSTM width H whose parameter count comes closest to `target` with an embedding of width `embed`. */
export function lstmHiddenFor(target: number, vocab: number, embed: number): number {
  // 4H² + (4e + 4 + V)H + (Ve + V − target) = 0
  const a = 4;
  const b = 4 * embed + 4 + vocab;
  const c = vocab * embed + vocab - target;
  const root = (-b + Math.sqrt(b * b - 4 * a * c)) / (2 * a);
  let best = Math.max(4, Math.floor(root));
  if (Math.abs(lstmParams(vocab, embed, best + 1) - target) < Math.abs(lstmParams(vocab, embed, best) - target)) best += 1;
  return best;
}

/** Multiply–adds of one GPT forward pass over T tokens, per token (the usual 2N + 2·L·T·d estimate, halved). */
export function gptMacsPerToken(c: GptConfig): number {
  const nonEmbedding = c.layers * blockParams(c.dModel);
  return nonEmbedding + c.vocab * c.dModel + c.layers * c.context * c.dModel;
}

/**
 * Draws the next token from logits: divide by the temperature, keep the k most likely (k = 0 keeps all), softmax,
 * sample with `u` uniform in [0, 1). Temperature 0 (or below 1e-6) takes the most likely token.
 */
export function sampleToken(logits: ArrayLike<number>, temperature: number, topK: number, u: number): number {
  const n = logits.length;
  let argmax = 0;
  for (let i = 1; i < n; i++) if (logits[i]! > logits[argmax]!) argmax = i;
  if (!(temperature > 1e-6)) return argmax;
  let order = Array.from({ length: n }, (_, i) => i);
  if (topK > 0 && topK < n) {
    order.sort((a, b) => logits[b]! - logits[a]! || a - b);
    order = order.slice(0, topK);
  }
  const max = logits[argmax]!;
  const weights = order.map((i) => Math.exp((logits[i]! - max) / temperature));
  const total = weights.reduce((s, w) => s + w, 0);
  let acc = 0;
  const target = u * total;
  for (let j = 0; j < order.length; j++) {
    acc += weights[j]!;
    if (target < acc) return order[j]!;
  }
  return order[order.length - 1]!;
}

/** Offsets of `count` windows of length T + 1 drawn uniformly from [start, end − T − 1]. */
export function windowOffsets(rng: Rng, count: number, start: number, end: number, context: number): Int32Array {
  const span = end - start - context - 1;
  if (span <= 0) throw new RangeError(`windowOffsets: the text (${end - start} characters) is shorter than a window of ${context + 1}`);
  const out = new Int32Array(count);
  for (let i = 0; i < count; i++) out[i] = start + rng.int(span + 1);
  return out;
}

interface Block {
  ln1g: Variable;
  ln1b: Variable;
  wqkv: Variable;
  bqkv: Variable;
  wo: Variable;
  bo: Variable;
  ln2g: Variable;
  ln2b: Variable;
  w1: Variable;
  b1: Variable;
  w2: Variable;
  b2: Variable;
}

/** A language model over character ids: logits for every position of a batch [B, t] (t ≤ context). */
export interface CharModel {
  readonly kind: 'gpt' | 'lstm';
  readonly params: number;
  readonly variables: Variable[];
  /** Logits [B·t, V] for ids [B, t]. */
  logits(ids: Tensor2D): Tensor2D;
  dispose(): void;
}

const normalInit = (tf: Tf, rng: Rng, shape: number[], std: number, name: string): Variable => {
  const size = shape.reduce((a, b) => a * b, 1);
  const values = new Float32Array(size);
  for (let i = 0; i < size; i++) values[i] = rng.normal() * std;
  return tf.tidy(() => tf.variable(tf.tensor(values, shape), true, name));
};
// tf.variable keeps its initial tensor's data but not the tensor object: made inside tidy, nothing is left behind.
const constInit = (tf: Tf, shape: number[], value: number, name: string): Variable => tf.tidy(() => tf.variable(tf.fill(shape, value), true, name));

let modelCounter = 0;

/** Constants made once per model: never a JS number in an op on the hot path. */
interface Consts {
  half: Scalar;
  one: Scalar;
  geluA: Scalar;
  geluB: Scalar;
  eps: Scalar;
  scale: Scalar;
  onHot: Scalar;
  /** [T, T]: 0 where a query may look (key ≤ query), −1e9 above the diagonal. */
  mask: Tensor2D;
}

/** Layer norm over the last axis of a 2-D tensor. */
function layerNorm(tf: Tf, x: Tensor2D, g: Variable, b: Variable, eps: Scalar): Tensor2D {
  const { mean, variance } = tf.moments(x, -1, true);
  return tf.add(tf.mul(tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, eps))), g), b) as Tensor2D;
}

/** GELU, GPT-2's tanh form: ½x(1 + tanh(√(2/π)(x + 0.044715x³))). */
function gelu(tf: Tf, x: Tensor, k: Consts): Tensor {
  const inner = tf.mul(k.geluA, tf.add(x, tf.mul(k.geluB, tf.mul(x, tf.mul(x, x)))));
  return tf.mul(tf.mul(k.half, x), tf.add(k.one, tf.tanh(inner)));
}

/** Builds the GPT of `config` with weights drawn from `seed` (GPT-2's N(0, 0.02), residual outputs scaled by 1/√(2L)). */
export function createGpt(tf: Tf, config: GptConfig, seed: number): CharModel {
  const { vocab: V, context: T, dModel: d, heads: H, layers: L } = config;
  if (d % H !== 0) throw new RangeError(`createGpt: the width ${d} is not divisible by ${H} heads`);
  const dh = d / H;
  const rng = createRng(seed);
  const id = ++modelCounter;
  const std = 0.02;
  const resid = std / Math.sqrt(2 * L);
  const wte = normalInit(tf, rng, [V, d], std, `gpt${id}.wte`);
  const wpe = normalInit(tf, rng, [T, d], 0.01, `gpt${id}.wpe`);
  const blocks: Block[] = [];
  for (let l = 0; l < L; l++) {
    const p = `gpt${id}.h${l}`;
    blocks.push({
      ln1g: constInit(tf, [d], 1, `${p}.ln1g`),
      ln1b: constInit(tf, [d], 0, `${p}.ln1b`),
      wqkv: normalInit(tf, rng, [d, 3 * d], std, `${p}.wqkv`),
      bqkv: constInit(tf, [3 * d], 0, `${p}.bqkv`),
      wo: normalInit(tf, rng, [d, d], resid, `${p}.wo`),
      bo: constInit(tf, [d], 0, `${p}.bo`),
      ln2g: constInit(tf, [d], 1, `${p}.ln2g`),
      ln2b: constInit(tf, [d], 0, `${p}.ln2b`),
      w1: normalInit(tf, rng, [d, 4 * d], std, `${p}.w1`),
      b1: constInit(tf, [4 * d], 0, `${p}.b1`),
      w2: normalInit(tf, rng, [4 * d, d], resid, `${p}.w2`),
      b2: constInit(tf, [d], 0, `${p}.b2`),
    });
  }
  const lnfg = constInit(tf, [d], 1, `gpt${id}.lnfg`);
  const lnfb = constInit(tf, [d], 0, `gpt${id}.lnfb`);
  const bout = constInit(tf, [V], 0, `gpt${id}.bout`);
  const maskValues = new Float32Array(T * T);
  for (let q = 0; q < T; q++) for (let k = q + 1; k < T; k++) maskValues[q * T + k] = -1e9;
  const k: Consts = {
    half: tf.scalar(0.5),
    one: tf.scalar(1),
    geluA: tf.scalar(Math.sqrt(2 / Math.PI)),
    geluB: tf.scalar(0.044715),
    eps: tf.scalar(1e-5),
    scale: tf.scalar(1 / Math.sqrt(dh)),
    onHot: tf.scalar(1),
    mask: tf.tensor2d(maskValues, [T, T]),
  };
  const variables: Variable[] = [wte, wpe, ...blocks.flatMap((b) => Object.values(b) as Variable[]), lnfg, lnfb, bout];

  /** [B·t, d] → [B·H, t, dh] */
  const heads = (x: Tensor, B: number, t: number): Tensor => tf.reshape(tf.transpose(tf.reshape(x, [B, t, H, dh]), [0, 2, 1, 3]), [B * H, t, dh]);

  return {
    kind: 'gpt',
    params: gptParams(config),
    variables,
    logits(ids) {
      const [B, t] = ids.shape;
      if (t > T) throw new RangeError(`gpt: ${t} tokens exceed the context of ${T}`);
      const onehot = tf.oneHot(tf.reshape(ids, [B * t]), V) as Tensor2D;
      const tok = tf.matMul(tf.cast(onehot, 'float32'), wte); // [B·t, d]
      const pos = t === T ? wpe : tf.slice(wpe, [0, 0], [t, d]);
      let x = tf.reshape(tf.add(tf.reshape(tok, [B, t, d]), pos), [B * t, d]) as Tensor2D;
      const mask = t === T ? k.mask : tf.slice(k.mask, [0, 0], [t, t]);
      for (const b of blocks) {
        const h = layerNorm(tf, x, b.ln1g, b.ln1b, k.eps);
        const qkv = tf.add(tf.matMul(h, b.wqkv), b.bqkv);
        const [q, kk, v] = tf.split(qkv, 3, 1);
        const scores = tf.add(tf.mul(tf.matMul(heads(q!, B, t), heads(kk!, B, t), false, true), k.scale), mask); // [B·H, t, t]
        const att = tf.softmax(scores);
        const y = tf.reshape(tf.transpose(tf.reshape(tf.matMul(att, heads(v!, B, t)), [B, H, t, dh]), [0, 2, 1, 3]), [B * t, d]);
        x = tf.add(x, tf.add(tf.matMul(y as Tensor2D, b.wo), b.bo)) as Tensor2D;
        const h2 = layerNorm(tf, x, b.ln2g, b.ln2b, k.eps);
        const m = tf.add(tf.matMul(gelu(tf, tf.add(tf.matMul(h2, b.w1), b.b1), k) as Tensor2D, b.w2), b.b2);
        x = tf.add(x, m) as Tensor2D;
      }
      const hf = layerNorm(tf, x, lnfg, lnfb, k.eps);
      return tf.add(tf.matMul(hf, wte, false, true), bout) as Tensor2D;
    },
    dispose() {
      tf.dispose(variables);
      tf.dispose(Object.values(k));
    },
  };
}

/** Builds the LSTM baseline: embedding of width `embed`, one LSTM layer of `hidden` units, dense logits. */
export function createLstm(tf: Tf, vocab: number, embed: number, hidden: number, seed: number): CharModel & { hidden: number } {
  const rng = createRng(seed ^ 0x5bd1e995);
  const id = ++modelCounter;
  const emb = normalInit(tf, rng, [vocab, embed], 0.1, `lstm${id}.emb`);
  // Glorot-uniform-sized normal for the gate kernel; forget-gate bias 1 (Jozefowicz et al., 2015).
  const kernel = normalInit(tf, rng, [embed + hidden, 4 * hidden], Math.sqrt(1 / (embed + hidden)), `lstm${id}.kernel`);
  const biasValues = new Float32Array(4 * hidden);
  biasValues.fill(1, hidden, 2 * hidden);
  const bias = tf.tidy(() => tf.variable(tf.tensor1d(biasValues), true, `lstm${id}.bias`));
  const wout = normalInit(tf, rng, [hidden, vocab], Math.sqrt(1 / hidden), `lstm${id}.wout`);
  const bout = constInit(tf, [vocab], 0, `lstm${id}.bout`);
  const variables = [emb, kernel, bias, wout, bout];
  const cell = (x: Tensor2D, h: Tensor2D, c: Tensor2D): [Tensor2D, Tensor2D] => {
    const z = tf.add(tf.matMul(tf.concat([x, h], 1), kernel), bias);
    const [i, f, g, o] = tf.split(z, 4, 1);
    const c2 = tf.add(tf.mul(tf.sigmoid(f!), c), tf.mul(tf.sigmoid(i!), tf.tanh(g!))) as Tensor2D;
    const h2 = tf.mul(tf.sigmoid(o!), tf.tanh(c2)) as Tensor2D;
    return [h2, c2];
  };
  return {
    kind: 'lstm',
    hidden,
    params: lstmParams(vocab, embed, hidden),
    variables,
    logits(ids) {
      const [B, t] = ids.shape;
      const x = tf.reshape(tf.matMul(tf.cast(tf.oneHot(tf.reshape(ids, [B * t]), vocab), 'float32'), emb), [B, t, embed]);
      const steps = tf.unstack(x, 1) as Tensor2D[];
      let h = tf.zeros([B, hidden]) as Tensor2D;
      let c = tf.zeros([B, hidden]) as Tensor2D;
      const outs: Tensor2D[] = [];
      for (const xt of steps) {
        [h, c] = cell(xt, h, c);
        outs.push(h);
      }
      const hs = tf.reshape(tf.stack(outs, 1), [B * t, hidden]) as Tensor2D;
      return tf.add(tf.matMul(hs, wout), bout) as Tensor2D;
    },
    dispose() {
      tf.dispose(variables);
    },
  };
}

/** Mean next-character cross-entropy (nats) of a model's logits [N, V] against target ids [N], times a kept 1/N. */
export function crossEntropy(tf: Tf, logits: Tensor2D, targets: Tensor, invCount: Scalar): Scalar {
  const V = logits.shape[1];
  const picked = tf.sum(tf.mul(tf.logSoftmax(logits), tf.cast(tf.oneHot(tf.reshape(targets, [-1]), V), 'float32')));
  return tf.neg(tf.mul(picked, invCount)) as Scalar;
}

export interface RaceOptions {
  tf: Tf;
  /** The corpus as ids. */
  ids: Int32Array;
  vocab: number;
  config: GptConfig;
  /** Train the LSTM baseline alongside (same batches, same optimizer settings). */
  baseline: boolean;
  batch: number;
  learningRate: number;
  seed: number;
  /** Share of the corpus held out at its end for validation (default 0.1). */
  validationShare?: number;
  /** Read the losses back every this many steps (default 5). */
  readLossEvery?: number;
  /** Gradients are scaled down to this global norm when longer (default 1). */
  clipNorm?: number;
  /** Windows in the fixed validation set (default 32). */
  validationWindows?: number;
}

export interface RaceLosses {
  step: number;
  gpt: number | null;
  lstm: number | null;
  /** The step of the last read. */
  lossStep: number;
  diverged: { step: number; loss: number; message: Bilingual } | null;
}

export interface Race {
  gpt: CharModel;
  lstm: (CharModel & { hidden: number }) | null;
  /** Characters of the corpus used for training and for validation. */
  trainChars: number;
  validationChars: number;
  step(n: number): Promise<RaceLosses>;
  progress(): RaceLosses;
  /** Mean validation loss of each model on the fixed held-out windows (one read-back). */
  validate(): Promise<{ gpt: number; lstm: number | null }>;
  /** Seconds spent in each model's steps so far (the wall time of its ops, synchronised at each loss read). */
  seconds(): { gpt: number; lstm: number };
  /** Continues a prompt by `length` characters, one at a time (one read-back per character). */
  sample(model: 'gpt' | 'lstm', prompt: Int32Array, length: number, temperature: number, topK: number, seed: number): Promise<Int32Array>;
  tune(t: { learningRate?: number; batch?: number }): void;
  /** Skips to a step count (after restoring weights elsewhere). */
  resumeAt(step: number): void;
  dispose(): void;
}

const divergence = (step: number, loss: number): Bilingual => ({
  en: Number.isFinite(loss)
    ? `Training diverged at step ${step}: the loss exploded to ${loss.toPrecision(3)}, three times where it started. Lower the learning rate and reset.`
    : `Training diverged at step ${step}: the loss became ${loss}. Lower the learning rate and reset.`,
  zh: Number.isFinite(loss) ? `训练在第 ${step} 步发散：损失暴涨到 ${loss.toPrecision(3)}，是起点的三倍以上。请降低学习率后重置。` : `训练在第 ${step} 步发散：损失变成了 ${loss}。请降低学习率后重置。`,
});

/** The two models trained on the same batches: GPT and (optionally) the LSTM, each with its own Adam. */
export function createRace(o: RaceOptions): Race {
  const { tf, ids, config } = o;
  const T = config.context;
  const V = config.vocab;
  const readEvery = o.readLossEvery ?? 5;
  const split = Math.floor(ids.length * (1 - (o.validationShare ?? 0.1)));
  if (split < T + 2 || ids.length - split < T + 2) throw new RangeError(`createRace: a corpus of ${ids.length} characters is too short for a context of ${T}`);
  const gpt = createGpt(tf, config, o.seed);
  const lstm = o.baseline ? createLstm(tf, V, config.dModel, lstmHiddenFor(gpt.params, V, config.dModel), o.seed) : null;
  const corpus = tf.tensor1d(ids, 'int32');
  const range = tf.tidy(() => tf.reshape(tf.range(0, T + 1, 1, 'int32'), [1, T + 1]));
  const rng = createRng(o.seed ^ 0x9e3779b9);
  let batch = o.batch;
  let learningRate = o.learningRate;
  let invCount = tf.scalar(1 / (batch * T));
  const clip = tf.scalar(o.clipNorm ?? 1);
  const tiny = tf.scalar(1e-6);
  const one = tf.scalar(1);
  const optimizers = new Map<CharModel, Optimizer>();
  for (const m of lstm ? [gpt, lstm] : [gpt]) optimizers.set(m, tf.train.adam(learningRate));
  // The fixed validation windows: made once, from the held-out tail.
  const valCount = o.validationWindows ?? 32;
  const valOffsets = windowOffsets(createRng(o.seed ^ 0x85ebca6b), valCount, split, ids.length, T);
  const valWindows = tf.tidy(() => tf.gather(corpus, tf.add(tf.tensor2d(valOffsets, [valCount, 1], 'int32'), range)) as Tensor) as Tensor2D;
  const valX = tf.slice(valWindows, [0, 0], [valCount, T]) as Tensor2D;
  const valY = tf.slice(valWindows, [0, 1], [valCount, T]);
  const valInv = tf.scalar(1 / (valCount * T));
  valWindows.dispose();

  let steps = 0;
  let lastGpt: number | null = null;
  let lastLstm: number | null = null;
  let lossStep = 0;
  let diverged: RaceLosses['diverged'] = null;
  /** The first losses read (≈ ln V at initialisation); a read loss above 3× its model's counts as exploded. */
  let firstLosses: number[] | null = null;
  let disposed = false;
  const time = { gpt: 0, lstm: 0 };
  const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

  /** One Adam step with the gradients clipped to a global norm; returns the loss scalar (kept by the caller). */
  const trainStep = (model: CharModel, x: Tensor2D, y: Tensor): Scalar => {
    const opt = optimizers.get(model)!;
    return tf.tidy(() => {
      const { value, grads } = tf.variableGrads(() => crossEntropy(tf, model.logits(x), y, invCount), model.variables);
      const names = Object.keys(grads);
      const norm = tf.sqrt(tf.addN(names.map((n) => tf.sum(tf.square(grads[n]!)))));
      const factor = tf.minimum(one, tf.div(clip, tf.add(norm, tiny)));
      const clipped: Record<string, Tensor> = {};
      for (const n of names) clipped[n] = tf.mul(grads[n]!, factor);
      opt.applyGradients(clipped as Record<string, Tensor>);
      return tf.keep(value);
    });
  };

  const progress = (): RaceLosses => ({ step: steps, gpt: lastGpt, lstm: lastLstm, lossStep, diverged });

  return {
    gpt,
    lstm,
    trainChars: split,
    validationChars: ids.length - split,
    async step(n) {
      for (let i = 0; i < n && !diverged && !disposed; i++) {
        const offsets = windowOffsets(rng, batch, 0, split, T);
        const windows = tf.tidy(() => tf.gather(corpus, tf.add(tf.tensor2d(offsets, [batch, 1], 'int32'), range)) as Tensor) as Tensor2D;
        const x = tf.slice(windows, [0, 0], [batch, T]) as Tensor2D;
        const y = tf.slice(windows, [0, 1], [batch, T]);
        windows.dispose();
        steps++;
        const read = steps === 1 || steps % readEvery === 0 || i === n - 1;
        let t0 = now();
        const lg = trainStep(gpt, x, y);
        let lossValues: number[] = [];
        if (read) lossValues = [...(await lg.data())];
        time.gpt += (now() - t0) / 1000;
        let ll: Scalar | null = null;
        if (lstm) {
          t0 = now();
          ll = trainStep(lstm, x, y);
          if (read) lossValues.push(...(await ll.data()));
          time.lstm += (now() - t0) / 1000;
        }
        tf.dispose([x, y, lg, ll ?? []].flat());
        if (read) {
          lastGpt = lossValues[0]!;
          lastLstm = lstm ? lossValues[1]! : null;
          lossStep = steps;
          firstLosses ??= lossValues.slice();
          const bad = lossValues.find((v, j) => !Number.isFinite(v) || v > 3 * firstLosses![j]!);
          if (bad !== undefined) diverged = { step: steps, loss: bad, message: divergence(steps, bad) };
        }
      }
      return progress();
    },
    progress,
    async validate() {
      const losses = tf.tidy(() => tf.stack([gpt, ...(lstm ? [lstm] : [])].map((m) => crossEntropy(tf, m.logits(valX), valY, valInv))));
      const v = await losses.data();
      losses.dispose();
      return { gpt: v[0]!, lstm: lstm ? v[1]! : null };
    },
    seconds: () => ({ ...time }),
    async sample(which, prompt, length, temperature, topK, seed) {
      const model = which === 'gpt' ? gpt : lstm;
      if (!model) throw new Error('sample: the LSTM baseline is off');
      const r = createRng(seed);
      const out = Array.from(prompt.length ? prompt : [0]);
      const start = out.length;
      for (let i = 0; i < length && !disposed; i++) {
        const context = out.slice(-T);
        const last = tf.tidy(() => {
          const logits = model.logits(tf.tensor2d(Int32Array.from(context), [1, context.length], 'int32'));
          return tf.slice(logits, [context.length - 1, 0], [1, V]);
        });
        const values = await last.data();
        last.dispose();
        out.push(sampleToken(values, temperature, topK, r.uniform()));
      }
      return Int32Array.from(out.slice(start));
    },
    tune(t) {
      if (t.learningRate !== undefined && t.learningRate !== learningRate) {
        learningRate = t.learningRate;
        for (const opt of optimizers.values()) (opt as unknown as { learningRate: number }).learningRate = learningRate;
      }
      if (t.batch !== undefined && t.batch !== batch) {
        batch = t.batch;
        invCount.dispose();
        invCount = tf.scalar(1 / (batch * T));
      }
    },
    resumeAt(step) {
      steps = step;
      lossStep = step;
      lastGpt = null;
      lastLstm = null;
      diverged = null;
    },
    dispose() {
      disposed = true;
      gpt.dispose();
      lstm?.dispose();
      for (const opt of optimizers.values()) opt.dispose();
      tf.dispose([corpus, range, invCount, clip, tiny, one, valX, valY, valInv]);
    },
  };
}
