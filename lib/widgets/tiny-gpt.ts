/**
 * TinyGPT: a character-level decoder-only Transformer trained in the reader's browser on this book's own prose, racing
 * an LSTM of about the same size on the same batches. The page sees both losses (training, read back every few steps,
 * and held-out, on the last tenth of the book), samples that improve as it trains, the tokens per second of each, and
 * a prompt box. Learning rate, batch, the step budget, temperature and top-k apply live; the text, the architecture
 * and the seed rebuild. Caps keep a tab safe: at most 4,096 characters a step and 1.5 million parameters.
 */
import { bilingual, type Bilingual } from '../i18n';
import type { Schema, Values } from '../state/schema';
import { TaskRefused, type TrainingTask } from '../training/task';
import { backendField, defineWidget, seedField } from './define';

export const TINY_GPT_ID = 'tinyGpt';
/** The packed corpus of each edition (scripts/pack-corpus.ts). */
export const corpusPath = (lang: 'en' | 'zh') => `/data/corpus-${lang}.txt`;
/** Caps: tokens in one step (batch × context) and parameters of the GPT. */
export const MAX_TOKENS_PER_STEP = 4096;
export const MAX_PARAMS = 1_500_000;
/** Steps between two measurements of the held-out loss, and between two samples while training. */
export const VALIDATE_EVERY = 50;
export const SAMPLE_EVERY = 250;
/** Characters in a sample drawn while training, and the most a reader may ask for at once. */
export const SAMPLE_LENGTH = 80;
export const MAX_SAMPLE_LENGTH = 400;

export const tinyGptSchema = {
  /** Which edition's prose the models learn (each edition's chapter sets its own). */
  text: {
    type: 'enum',
    default: 'en',
    options: ['en', 'zh'] as const,
    control: 'chips',
    group: 'model',
    label: { zh: '训练文本', en: 'Training text' },
    optionLabels: { en: { zh: '本书英文版', en: 'This book in English' }, zh: { zh: '本书中文版', en: 'This book in Chinese' } },
  },
  layers: { type: 'number', default: 2, min: 1, max: 4, integer: true, ladder: [1, 2, 3, 4], control: 'select', group: 'model', label: { zh: 'Transformer 块数', en: 'Transformer blocks' } },
  width: {
    type: 'number',
    default: 64,
    min: 16,
    max: 128,
    integer: true,
    ladder: [16, 32, 48, 64, 96, 128],
    control: 'select',
    group: 'model',
    label: { zh: '向量宽度 d', en: 'Width d' },
    hint: { zh: '每个字符的向量有 d 个数；注意力的每个头分到 d ÷ 头数 个。', en: 'Each character becomes a vector of d numbers; each attention head gets d ÷ heads of them.' },
  },
  heads: { type: 'number', default: 4, min: 1, max: 8, integer: true, ladder: [1, 2, 4, 8], control: 'select', group: 'model', label: { zh: '注意力头数', en: 'Attention heads' } },
  context: {
    type: 'number',
    default: 64,
    min: 8,
    max: 128,
    integer: true,
    ladder: [16, 32, 64, 128],
    control: 'select',
    group: 'model',
    label: { zh: '上下文长度（字符）', en: 'Context (characters)' },
  },
  baseline: { type: 'boolean', default: true, group: 'model', label: { zh: '同时训练一个同样大小的 LSTM 作对照', en: 'Race an LSTM of the same size' } },
  lr: {
    type: 'number',
    default: 0.003,
    min: 0.0001,
    max: 0.03,
    ladder: [0.0003, 0.001, 0.003, 0.01, 0.03],
    control: 'select',
    live: true,
    group: 'training',
    label: { zh: '学习率（Adam）', en: 'Learning rate (Adam)' },
  },
  batch: { type: 'number', default: 16, min: 1, max: 64, integer: true, ladder: [4, 8, 16, 32, 64], control: 'select', live: true, group: 'training', label: { zh: '批大小（段）', en: 'Batch (windows)' } },
  steps: {
    type: 'number',
    default: 2000,
    min: 50,
    max: 20000,
    integer: true,
    ladder: [200, 500, 1000, 2000, 5000, 10000, 20000],
    control: 'select',
    live: true,
    group: 'training',
    label: { zh: '训练步数上限', en: 'Steps to train' },
  },
  temperature: {
    type: 'number',
    default: 0.8,
    min: 0,
    max: 2,
    step: 0.1,
    live: true,
    group: 'sampling',
    label: { zh: '温度', en: 'Temperature' },
    hint: { zh: '0 = 总取最可能的字符；越高越随机。', en: '0 always takes the most likely character; higher is more random.' },
  },
  topK: {
    type: 'number',
    default: 10,
    min: 0,
    max: 200,
    integer: true,
    ladder: [0, 1, 3, 5, 10, 20, 50],
    control: 'select',
    live: true,
    group: 'sampling',
    label: { zh: 'top-k（0 = 不截断）', en: 'Top-k (0 = all)' },
  },
  seed: seedField('training'),
  backend: backendField('training'),
} satisfies Schema;

export type TinyGptValues = Values<typeof tinyGptSchema>;

/** What the caps forbid in these settings, each in both languages (empty when the run may be built). */
export function tinyGptProblems(v: Pick<TinyGptValues, 'width' | 'heads' | 'batch' | 'context' | 'layers'>, vocab: number): Bilingual[] {
  const problems: Bilingual[] = [];
  if (v.width % v.heads !== 0) problems.push({ zh: `宽度 ${v.width} 不能被 ${v.heads} 个头整除。`, en: `A width of ${v.width} cannot be split into ${v.heads} heads.` });
  const tokens = v.batch * v.context;
  if (tokens > MAX_TOKENS_PER_STEP)
    problems.push({
      zh: `每步 ${tokens.toLocaleString('zh-CN')} 个字符（批大小 × 上下文）超过了上限 ${MAX_TOKENS_PER_STEP.toLocaleString('zh-CN')}：请减小批大小或上下文。`,
      en: `${tokens.toLocaleString('en-US')} characters a step (batch × context) is over the cap of ${MAX_TOKENS_PER_STEP.toLocaleString('en-US')}: lower the batch or the context.`,
    });
  const params = gptParamCount(v, vocab);
  if (params > MAX_PARAMS)
    problems.push({
      zh: `${params.toLocaleString('zh-CN')} 个参数超过了上限 ${MAX_PARAMS.toLocaleString('zh-CN')}。`,
      en: `${params.toLocaleString('en-US')} parameters is over the cap of ${MAX_PARAMS.toLocaleString('en-US')}.`,
    });
  return problems;
}

/** The GPT's parameter count for these settings (the formula of lib/ml/tiny-gpt's gptParams, kept free of tfjs). */
export function gptParamCount(v: Pick<TinyGptValues, 'width' | 'context' | 'layers'>, vocab: number): number {
  const d = v.width;
  return vocab * d + v.context * d + v.layers * (12 * d * d + 13 * d) + 2 * d + vocab;
}

/** Characters processed per second: steps × batch × context over seconds. */
export function tokensPerSecond(tokens: number, seconds: number): number | null {
  return seconds > 0 ? tokens / seconds : null;
}

/** Perplexity of a mean cross-entropy in nats: e^loss, the number of equally likely characters it amounts to. */
export function perplexity(loss: number): number {
  return Math.exp(loss);
}

export interface TinyGptInfo {
  text: 'en' | 'zh';
  vocab: number;
  /** Share of the corpus's characters outside the vocabulary. */
  unknownShare: number;
  trainChars: number;
  validationChars: number;
  gptParams: number;
  lstmParams: number | null;
  lstmHidden: number | null;
  /** ln V: the loss of a model that knows nothing and spreads its bets evenly. */
  uniformLoss: number;
  architecture: string;
}

export interface TinyGptSample {
  step: number;
  prompt: string;
  gpt: string;
  lstm: string | null;
  temperature: number;
  topK: number;
}

export interface TinyGptExtra {
  /** Held-out loss of each model, measured at `step`. */
  validation: { step: number; gpt: number; lstm: number | null } | null;
  sample: TinyGptSample | null;
  /** Characters trained on so far (steps × batch × context, summed as the batch changes). */
  tokens: number;
}

export type TinyGptRequests = {
  /** Continues the prompt with both models (the LSTM only when it is on). */
  sample: { payload: { prompt: string; length: number }; reply: TinyGptSample };
};

/** The prompt samples start from while training: the opening of each edition's chapter sentence. */
export const DEFAULT_PROMPT = { en: 'The model ', zh: '模型' } as const;

const task: TrainingTask<TinyGptValues, TinyGptInfo, TinyGptExtra, TinyGptRequests> = {
  async build({ tf, basePath, origin, cache }, s) {
    // The models are written with tfjs-core ops, so their gradients must be registered (tfjs-layers does it for the others).
    const [, { createRace, crossEntropy }, { buildVocab, encode, decode, VOCAB_CAP }] = await Promise.all([import('@tensorflow/tfjs-core/dist/register_all_gradients'), import('../ml/tiny-gpt'), import('../text/corpus')]);
    const url = `${origin}${basePath}${corpusPath(s.text)}`;
    let corpus = cache.get(url) as { vocab: ReturnType<typeof buildVocab>; ids: Int32Array } | undefined;
    if (!corpus) {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`The book's text could not be loaded (${res.status} ${url})`);
      const text = await res.text();
      const vocab = buildVocab(text, VOCAB_CAP[s.text]);
      corpus = { vocab, ids: encode(vocab, text) };
      cache.set(url, corpus);
    }
    const V = corpus.vocab.chars.length;
    const problems = tinyGptProblems(s, V);
    if (problems.length) throw new TaskRefused(problems);
    const config = { vocab: V, context: s.context, dModel: s.width, heads: s.heads, layers: s.layers };
    const race = createRace({ tf, ids: corpus.ids, vocab: V, config, baseline: s.baseline, batch: s.batch, learningRate: s.lr, seed: s.seed });
    const vocab = corpus.vocab;

    let current = s;
    let tokens = 0;
    let validation: TinyGptExtra['validation'] = null;
    let sample: TinyGptSample | null = null;
    let sampleSeed = s.seed;
    const draw = async (prompt: string, length: number): Promise<TinyGptSample> => {
      const step = race.progress().step;
      const ids = encode(vocab, prompt);
      const seed = (sampleSeed = (sampleSeed * 1103515245 + 12345) >>> 0);
      const gpt = decode(vocab, await race.sample('gpt', ids, length, current.temperature, current.topK, seed));
      const lstm = race.lstm ? decode(vocab, await race.sample('lstm', ids, length, current.temperature, current.topK, seed)) : null;
      return { step, prompt, gpt, lstm, temperature: current.temperature, topK: current.topK };
    };
    const models = () => [race.gpt, ...(race.lstm ? [race.lstm] : [])];

    const run = {
      info: {
        text: s.text,
        vocab: V,
        unknownShare: vocab.unknownShare,
        trainChars: race.trainChars,
        validationChars: race.validationChars,
        gptParams: race.gpt.params,
        lstmParams: race.lstm?.params ?? null,
        lstmHidden: race.lstm?.hidden ?? null,
        uniformLoss: Math.log(V),
        architecture: `${s.layers} × [LN → ${s.heads}-head causal attention → LN → MLP ${s.width}→${4 * s.width}→${s.width}], d = ${s.width}, T = ${s.context}`,
      },
      targetSteps: s.steps,
      async step(n: number) {
        const before = race.progress().step;
        const p = await race.step(n);
        tokens += (p.step - before) * current.batch * current.context;
        return { step: p.step, loss: p.gpt, lossStep: p.lossStep, diverged: p.diverged ? { reason: 'nonFinite' as const, ...p.diverged } : null };
      },
      progress() {
        const p = race.progress();
        return { step: p.step, loss: p.gpt, lossStep: p.lossStep, diverged: p.diverged ? { reason: 'nonFinite' as const, ...p.diverged } : null };
      },
      async warmUp() {
        // One forward and backward pass of each model on a batch of the training shape, thrown away: compiles a GPU
        // backend's programs (WebGL bakes shapes into them) while the reader reads, so Train starts at full speed.
        const x = tf.zeros([current.batch, s.context], 'int32') as import('@tensorflow/tfjs-core').Tensor2D;
        const inv = tf.scalar(1 / (current.batch * s.context));
        try {
          for (const m of models()) {
            const out = tf.tidy(() => {
              const { value, grads } = tf.variableGrads(() => crossEntropy(tf, m.logits(x), x, inv), m.variables);
              return tf.keep(tf.add(value, tf.addN(Object.values(grads).map((g) => tf.sum(g)))));
            });
            await out.data();
            out.dispose();
          }
        } finally {
          tf.dispose([x, inv]);
        }
      },
      async frame() {
        const p = race.progress();
        const done = p.step >= run.targetSteps;
        if (!validation || (p.step !== validation.step && (p.step - validation.step >= VALIDATE_EVERY || done))) validation = { step: p.step, ...(await race.validate()) };
        if (p.step > 0 && (!sample || (p.step !== sample.step && (p.step - sample.step >= SAMPLE_EVERY || done)))) sample = await draw(DEFAULT_PROMPT[s.text], SAMPLE_LENGTH);
        const secs = race.seconds();
        return {
          metrics: {
            lstmLoss: p.lstm,
            valLoss: validation.gpt,
            lstmValLoss: validation.lstm,
            tokensPerSecond: tokensPerSecond(tokens, secs.gpt),
            lstmTokensPerSecond: race.lstm ? tokensPerSecond(tokens, secs.lstm) : null,
          },
          extra: { validation, sample, tokens },
        };
      },
      tune(next: TinyGptValues) {
        current = next;
        race.tune({ learningRate: next.lr, batch: next.batch });
        run.targetSteps = next.steps;
      },
      requests: {
        async sample({ prompt, length }: { prompt: string; length: number }): Promise<TinyGptSample> {
          const n = Math.max(1, Math.min(MAX_SAMPLE_LENGTH, Math.round(Number(length) || SAMPLE_LENGTH)));
          return draw(String(prompt ?? '').slice(-s.context), n);
        },
      },
      async save() {
        const weights = await Promise.all(models().flatMap((m) => m.variables.map(async (v) => (await v.data()) as Float32Array)));
        return { step: race.progress().step, weights };
      },
      restore(snapshot: { step: number; weights: Float32Array[] }) {
        const vars = models().flatMap((m) => m.variables);
        if (snapshot.weights.length !== vars.length) return;
        vars.forEach((v, i) => tf.tidy(() => v.assign(tf.tensor(snapshot.weights[i]!, v.shape))));
        race.resumeAt(snapshot.step);
        validation = null;
      },
      dispose() {
        race.dispose();
      },
    };
    return run;
  },
};

export const tinyGpt = defineWidget({
  id: TINY_GPT_ID,
  tag: 'TinyGpt',
  title: { zh: 'TinyGPT：在浏览器里用本书训练一个小 GPT', en: 'TinyGPT: a small GPT trained on this book, in your browser' },
  schema: tinyGptSchema,
  groups: [
    { id: 'model', label: { zh: '模型', en: 'Model' }, open: true },
    { id: 'training', label: { zh: '训练设置', en: 'Training' } },
    { id: 'sampling', label: { zh: '采样', en: 'Sampling' }, open: true },
  ],
  strings: bilingual({
    zh: {
      intro: (chars: string, lang: string, race: boolean) =>
        race
          ? `一个逐字符的解码器 Transformer，就在这个页面里用本书${lang}的 ${chars} 个字符训练；旁边同样大小的 LSTM 吃同样的批次，和它赛跑。看两条损失曲线怎么下降，看生成的文字怎么从乱码变得像样。`
          : `一个逐字符的解码器 Transformer，就在这个页面里用本书${lang}的 ${chars} 个字符训练（LSTM 对照已关闭）。看损失曲线怎么下降，看生成的文字怎么从乱码变得像样。`,
      textNames: { en: '英文版', zh: '中文版' },
      train: '开始训练',
      step: '步数',
      gpt: 'GPT',
      lstm: 'LSTM',
      loss: '训练损失',
      valLoss: '留出损失',
      perplexity: '困惑度',
      tokensPerSecond: '字符/秒',
      params: '参数量',
      hidden: (h: number) => `隐藏单元 ${h}`,
      uniform: (l: string) => `起点：一无所知、平均押注时的损失 ln V = ${l}`,
      curvesTitle: '损失（自然对数单位 nat）：实线为训练批次，虚线为从未训练过的最后十分之一',
      seeTable: '以表格查看',
      lossAxis: '损失（nat）',
      stepAxis: '训练步数',
      notYet: '尚未测量',
      sampleTitle: (step: number) => `第 ${step.toLocaleString('zh-CN')} 步时的生成`,
      noSample: '开始训练后，这里每隔 250 步显示一次两个模型续写的文字。',
      promptLabel: '提示词',
      lengthLabel: '生成长度（字符）',
      generate: '续写',
      generating: '生成中…',
      trainFirst: '模型还没训练，续写出来会是随机字符。',
      vocabNote: (v: number, share: string) => `词表：${v} 个字符（含一个代表“其他字符”的 □；语料中有 ${share} 的字符落在词表之外）。`,
      split: (train: string, val: string) => `训练用前 ${train} 个字符，留出最后 ${val} 个字符只用来测量。`,
      lossNote: '训练损失每 5 步读回一次；留出损失每 50 步在 32 段固定的留出文本上测一次。字符/秒按各自模型的计算时间算。',
      temperatureShort: '温度',
      topKShort: 'top-k',
    },
    en: {
      intro: (chars: string, lang: string, race: boolean) =>
        race
          ? `A character-level decoder-only Transformer, trained in this page on the ${chars} characters of this book's ${lang} edition, racing an LSTM of the same size that sees the same batches. Watch both losses fall and the generated text turn from noise into something like the book.`
          : `A character-level decoder-only Transformer, trained in this page on the ${chars} characters of this book's ${lang} edition (the LSTM baseline is off). Watch the loss fall and the generated text turn from noise into something like the book.`,
      textNames: { en: 'English', zh: 'Chinese' },
      train: 'Train',
      step: 'Step',
      gpt: 'GPT',
      lstm: 'LSTM',
      loss: 'Training loss',
      valLoss: 'Held-out loss',
      perplexity: 'Perplexity',
      tokensPerSecond: 'Characters/s',
      params: 'Parameters',
      hidden: (h: number) => `${h} hidden units`,
      uniform: (l: string) => `Start: the loss of knowing nothing and betting evenly, ln V = ${l}`,
      curvesTitle: 'Loss in nats: solid on the training batches, dashed on the last tenth of the book, never trained on',
      seeTable: 'See as a table',
      lossAxis: 'Loss (nats)',
      stepAxis: 'Training step',
      notYet: 'not measured yet',
      sampleTitle: (step: number) => `Generated at step ${step.toLocaleString('en-US')}`,
      noSample: 'Once training starts, both models continue a prompt here every 250 steps.',
      promptLabel: 'Prompt',
      lengthLabel: 'Length (characters)',
      generate: 'Continue',
      generating: 'Generating…',
      trainFirst: 'The models are untrained; what they write now is random characters.',
      vocabNote: (v: number, share: string) => `Vocabulary: ${v} characters, one of them □ for any other character (${share} of the text falls outside it).`,
      split: (train: string, val: string) => `The first ${train} characters train; the last ${val} are held out and only measured.`,
      lossNote: 'The training loss is read back every 5 steps; the held-out loss is measured every 50 steps on 32 fixed windows of held-out text. Characters per second use each model’s own compute time.',
      temperatureShort: 'temperature',
      topKShort: 'top-k',
    },
  }),
  task,
  placeholderHeight: 980,
});

export default tinyGpt;
