/**
 * IntentClassifier: a customer-service intent model trained live in the reader's browser. The book's own messages
 * (lib/data/intents.ts, English or Chinese, eight intents) are turned into hashed character n-grams and fed to a small
 * softmax model (linear, or with one hidden layer). A fixed, stratified quarter of the messages is held out and never
 * trained on; the page measures accuracy there against the majority-class baseline, and shows what a confidence
 * threshold does: messages below it go to a person, the rest are answered automatically, and some of those answers
 * are wrong. The threshold, the learning rate and the epoch target apply to the running model; the data set, the
 * hidden width and the seed rebuild it. The data set stays in the worker: it is imported inside `build`.
 */
import { bilingual, type Lang } from '../i18n';
import { deferralCurve, majorityBaseline, type Deferral } from '../math/deferral';
import { trainValTestSplit } from '../math/classification';
import type { Schema, Values } from '../state/schema';
import { hashedMatrix, hashedNgrams, type HashingOptions } from '../text/char-ngrams';
import { TaskRefused, type TrainingTask } from '../training/task';
import { backendField, defineWidget, seedField } from './define';

export const INTENT_CLASSIFIER_ID = 'intentClassifier';

/** The intents, in the order of the model's outputs. */
export const INTENT_IDS = ['refund', 'shipping', 'password', 'invoice', 'complaint', 'cancel', 'upgrade', 'human'] as const;
export type IntentId = (typeof INTENT_IDS)[number];
export const INTENT_COUNT: number = INTENT_IDS.length;

/** The intents' names in each edition. */
export const INTENT_LABELS = bilingual<Record<IntentId, string>>({
  zh: { refund: '退款', shipping: '物流配送', password: '密码与登录', invoice: '发票', complaint: '投诉', cancel: '取消与退订', upgrade: '升级套餐', human: '转人工' },
  en: { refund: 'Refund', shipping: 'Shipping', password: 'Password & login', invoice: 'Invoice', complaint: 'Complaint', cancel: 'Cancel', upgrade: 'Upgrade', human: 'Talk to a person' },
});

/**
 * Buckets of the hashed features, the model's input width: the MLP input cap of lib/ml/caps.ts. Fewer buckets mean
 * more n-grams sharing one (at 512, measured on the held-out messages, both editions lost several points).
 */
export const FEATURE_DIM = 784;
/** Character unigrams, bigrams and trigrams, hashed into FEATURE_DIM buckets. */
export const FEATURES: HashingOptions = { dim: FEATURE_DIM, minN: 1, maxN: 3 };
/** Share of each intent's messages held out (never trained on). */
export const HELD_OUT_SHARE = 0.25;
/** The split's own seed, fixed: every model, whatever its seed, is measured on the same held-out messages. */
export const SPLIT_SEED = 2026;
/** Messages per optimisation step. */
export const BATCH = 32;
/** Characters of a typed message the model reads (the rest is ignored). */
export const MAX_MESSAGE = 300;
export const LEARNING_RATES = [0.001, 0.003, 0.01, 0.03, 0.1] as const;
export const HIDDEN_LADDER = [0, 16, 32, 64, 128] as const;
export const EPOCH_LADDER = [5, 10, 20, 30, 50, 100, 200] as const;

export const intentClassifierSchema = {
  /** Which edition's messages the model learns; the Chinese chapter passes data="zh". */
  data: {
    type: 'enum',
    default: 'en',
    options: ['en', 'zh'] as const,
    control: 'chips',
    group: 'model',
    label: { zh: '数据集', en: 'Messages' },
    optionLabels: { en: { zh: '英文客户消息', en: 'English' }, zh: { zh: '中文客户消息', en: 'Chinese' } },
  },
  /** Below this top probability a message goes to a person. Drawn by the view, next to what it changes. */
  threshold: {
    type: 'number',
    default: 0.6,
    min: 0,
    max: 0.99,
    step: 0.01,
    digits: 2,
    live: true,
  },
  hidden: {
    type: 'number',
    default: 32,
    min: 0,
    max: 128,
    integer: true,
    ladder: HIDDEN_LADDER,
    control: 'select',
    group: 'model',
    label: { zh: '隐藏层神经元数', en: 'Hidden units' },
    hint: { zh: '0 表示没有隐藏层：特征直接进 softmax，即多类逻辑回归。', en: '0 means no hidden layer: the features go straight into the softmax (multinomial logistic regression).' },
  },
  lr: {
    type: 'number',
    default: 0.01,
    min: 0.0001,
    max: 0.3,
    ladder: LEARNING_RATES,
    control: 'select',
    live: true,
    group: 'training',
    label: { zh: '学习率（Adam）', en: 'Learning rate (Adam)' },
  },
  epochs: {
    type: 'number',
    default: 30,
    min: 1,
    max: 200,
    integer: true,
    ladder: EPOCH_LADDER,
    live: true,
    group: 'training',
    label: { zh: '训练轮数', en: 'Epochs' },
    hint: { zh: '一轮 = 把训练集里的消息全部看一遍。', en: 'One epoch is one pass over the training messages.' },
  },
  seed: seedField('training'),
  backend: backendField('training'),
} satisfies Schema;

export type IntentClassifierValues = Values<typeof intentClassifierSchema>;

// ─── Data, split and scoring (pure) ──────────────────────────────────────────────────────────────────────────────────

/** The messages of a corpus as parallel arrays, intent after intent in INTENT_IDS order. */
export function flattenCorpus(corpus: Record<IntentId, readonly string[]>): { texts: string[]; labels: number[] } {
  const texts: string[] = [];
  const labels: number[] = [];
  INTENT_IDS.forEach((id, c) => {
    for (const t of corpus[id]) {
      texts.push(t);
      labels.push(c);
    }
  });
  return { texts, labels };
}

/**
 * The fixed held-out split: m = round(n · HELD_OUT_SHARE) of the n messages, stratified by intent (an intent of n_c
 * messages gets ⌊n_c·m/n⌋ or ⌈n_c·m/n⌉ of them, lib/math/classification's split), chosen by SPLIT_SEED; the rest
 * train. Both lists in seeded order.
 */
export function heldOutSplit(labels: readonly number[], seed = SPLIT_SEED): { train: number[]; heldOut: number[] } {
  const s = trainValTestSplit(labels.length, { val: 0, test: HELD_OUT_SHARE, seed, stratifyBy: labels });
  return { train: s.train, heldOut: s.test };
}

/** Optimisation steps in one epoch of n training messages: ⌊n / BATCH⌋ (the trainer drops a last partial batch), ≥ 1. */
export function stepsPerEpoch(n: number, batch = BATCH): number {
  const b = Math.max(1, Math.min(n, batch));
  return Math.max(1, Math.floor(n / b));
}

/** What the model's probabilities (n × classes, row-major) say about n labelled messages. */
export interface Scored {
  /** Mean cross-entropy −ln p(true intent), probabilities clipped at 1e-7 as tfjs does. */
  loss: number;
  accuracy: number;
  /** The top intent of each message. */
  predictions: number[];
  /** Its probability: the model's confidence. */
  confidence: number[];
}

/** Scores probabilities against labels: loss, accuracy, and each message's top intent and confidence. */
export function scoreProbabilities(probs: ArrayLike<number>, labels: readonly number[], classes: number = INTENT_COUNT): Scored {
  const n = labels.length;
  if (probs.length !== n * classes) throw new RangeError(`scoreProbabilities: ${probs.length} probabilities for ${n} labels of ${classes} classes`);
  const predictions: number[] = [];
  const confidence: number[] = [];
  let loss = 0;
  let correct = 0;
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < classes; c++) if (probs[i * classes + c]! > probs[i * classes + best]!) best = c;
    predictions.push(best);
    confidence.push(probs[i * classes + best]!);
    loss -= Math.log(Math.min(1, Math.max(1e-7, probs[i * classes + labels[i]!]!)));
    if (best === labels[i]) correct++;
  }
  return { loss: n ? loss / n : NaN, accuracy: n ? correct / n : NaN, predictions, confidence };
}

/** The index and probability of the top intent. */
export function topIntent(probs: readonly number[]): { index: number; confidence: number } {
  let index = 0;
  for (let c = 1; c < probs.length; c++) if (probs[c]! > probs[index]!) index = c;
  return { index, confidence: probs[index] ?? NaN };
}

/** Trainable parameters of FEATURE_DIM → (hidden) → 8: weights and biases. */
export function intentParams(hidden: number): number {
  return hidden > 0 ? FEATURE_DIM * hidden + hidden + hidden * INTENT_COUNT + INTENT_COUNT : FEATURE_DIM * INTENT_COUNT + INTENT_COUNT;
}

// ─── The training task ───────────────────────────────────────────────────────────────────────────────────────────────

export interface IntentInfo {
  lang: Lang;
  params: number;
  architecture: string;
  trainCount: number;
  heldOutCount: number;
  stepsPerEpoch: number;
  /** The majority-class baseline: the intent most frequent in training, and its accuracy on the held-out messages. */
  majority: { intent: number; accuracy: number };
  /** The held-out messages and their intents (for the list of mistakes; a few dozen short strings). */
  heldOutTexts: string[];
  heldOutLabels: number[];
}

export interface IntentExtra {
  /** The step the held-out messages were scored at. */
  step: number;
  /** Top intent and confidence of each held-out message, in heldOutTexts order. */
  predictions: number[];
  confidence: number[];
  /** The trade-off at thresholds 0, 0.01, …, 0.99. */
  curve: Deferral[];
}

export interface IntentPrediction {
  /** Probability of each intent, in INTENT_IDS order. */
  probs: number[];
  /** The step of the model that answered. */
  step: number;
}

export type IntentRequests = {
  /** The model's probabilities for a message the reader typed (at most MAX_MESSAGE characters are read). */
  predict: { payload: string; reply: IntentPrediction };
};

const task: TrainingTask<IntentClassifierValues, IntentInfo, IntentExtra, IntentRequests> = {
  async build({ tf }, s) {
    const [{ buildModel, checkModelConfig }, { createTrainer }, { INTENT_CORPORA }, { saveWeights, restoreWeights }] = await Promise.all([
      import('../ml/models'),
      import('../ml/train'),
      import('../data/intents'),
      import('../training/snapshot'),
    ]);
    const config = {
      kind: 'mlp' as const,
      inputDim: FEATURE_DIM,
      hidden: s.hidden > 0 ? [s.hidden] : [],
      activation: 'relu' as const,
      outputUnits: INTENT_COUNT,
      outputActivation: 'softmax' as const,
      seed: s.seed,
    };
    const problems = checkModelConfig(config, BATCH);
    if (problems.length) throw new TaskRefused(problems.map((p) => p.message));

    const { texts, labels } = flattenCorpus(INTENT_CORPORA[s.data]);
    const split = heldOutSplit(labels);
    const trainLabels = split.train.map((i) => labels[i]!);
    const heldOutLabels = split.heldOut.map((i) => labels[i]!);
    const nTrain = split.train.length;
    // One matrix, training messages first: a frame scores all of them with one forward pass and one read-back.
    const all = hashedMatrix([...split.train, ...split.heldOut].map((i) => texts[i]!), FEATURES);
    const oneHot = new Float32Array(nTrain * INTENT_COUNT);
    trainLabels.forEach((y, i) => (oneHot[i * INTENT_COUNT + y] = 1));
    const evalXs = tf.tensor2d(all, [texts.length, FEATURE_DIM]);
    const train = { xs: tf.tensor2d(all.subarray(0, nTrain * FEATURE_DIM), [nTrain, FEATURE_DIM]), ys: tf.tensor2d(oneHot, [nTrain, INTENT_COUNT]) };
    const model = buildModel(config);
    const trainer = createTrainer({ tf, model, data: train, loss: 'categoricalCrossentropy', optimizer: 'adam', learningRate: s.lr, batchSize: BATCH, seed: s.seed, readLossEvery: 5 });
    const perEpoch = stepsPerEpoch(nTrain);
    const majority = majorityBaseline(trainLabels, heldOutLabels, INTENT_COUNT);

    const probabilities = async (xs: import('@tensorflow/tfjs-core').Tensor): Promise<Float32Array> => {
      const out = tf.tidy(() => model.predict(xs) as import('@tensorflow/tfjs-core').Tensor);
      try {
        return (await out.data()) as Float32Array;
      } finally {
        out.dispose();
      }
    };
    let last: { step: number; heldOut: Scored; trainAccuracy: number; curve: Deferral[] } | null = null;
    const measure = async () => {
      const step = trainer.progress().step;
      if (last && last.step === step) return last;
      const probs = await probabilities(evalXs);
      const trained = scoreProbabilities(probs.subarray(0, nTrain * INTENT_COUNT), trainLabels);
      const heldOut = scoreProbabilities(probs.subarray(nTrain * INTENT_COUNT), heldOutLabels);
      last = { step, heldOut, trainAccuracy: trained.accuracy, curve: deferralCurve(heldOutLabels, heldOut.predictions, heldOut.confidence) };
      return last;
    };

    const run = {
      info: {
        lang: s.data,
        params: intentParams(s.hidden),
        architecture: s.hidden > 0 ? `${FEATURE_DIM} → ${s.hidden} → ${INTENT_COUNT}` : `${FEATURE_DIM} → ${INTENT_COUNT}`,
        trainCount: nTrain,
        heldOutCount: heldOutLabels.length,
        stepsPerEpoch: perEpoch,
        majority: { intent: majority.classIndex, accuracy: majority.accuracy },
        heldOutTexts: split.heldOut.map((i) => texts[i]!),
        heldOutLabels,
      },
      targetSteps: s.epochs * perEpoch,
      step: (n: number) => trainer.step(n),
      warmUp: () => trainer.warmUp(),
      progress: () => trainer.progress(),
      async frame() {
        const m = await measure();
        return {
          metrics: { accuracy: m.heldOut.accuracy, heldOutLoss: m.heldOut.loss, trainAccuracy: m.trainAccuracy, epoch: m.step / perEpoch },
          // Fresh arrays each frame: typed arrays in a frame are transferred, plain ones copied; these are plain.
          extra: { step: m.step, predictions: [...m.heldOut.predictions], confidence: [...m.heldOut.confidence], curve: m.curve },
        };
      },
      tune(next: IntentClassifierValues) {
        trainer.tune({ learningRate: next.lr });
        run.targetSteps = next.epochs * perEpoch;
      },
      requests: {
        async predict(text: string): Promise<IntentPrediction> {
          if (typeof text !== 'string') throw new Error('predict: expected the text of a message');
          const x = tf.tensor2d(hashedNgrams(text.slice(0, MAX_MESSAGE), FEATURES), [1, FEATURE_DIM]);
          try {
            return { probs: Array.from(await probabilities(x)), step: trainer.progress().step };
          } finally {
            x.dispose();
          }
        },
      },
      save: () => saveWeights(model, trainer.progress().step),
      restore(snapshot: Parameters<typeof restoreWeights>[2]) {
        restoreWeights(tf, model, snapshot);
        trainer.resumeAt(snapshot.step);
        last = null;
      },
      dispose() {
        trainer.dispose();
        model.dispose();
        tf.dispose([evalXs, train.xs, train.ys]);
      },
    };
    return run;
  },
};

export const intentClassifier = defineWidget({
  id: INTENT_CLASSIFIER_ID,
  tag: 'IntentClassifier',
  title: { zh: '客服意图识别：训练、设阈值、决定哪些转人工', en: 'Customer-service intents: train, set a threshold, decide what goes to a person' },
  schema: intentClassifierSchema,
  groups: [
    { id: 'model', label: { zh: '数据与模型', en: 'Data and model' }, open: true },
    { id: 'training', label: { zh: '训练设置', en: 'Training' } },
  ],
  strings: bilingual({
    zh: {
      intro: (counts: { total: number; heldOut: number } | null) =>
        `用本书自己写的${counts ? ` ${counts.total} 条` : ''}客服消息（8 类意图）训练一个小模型，其中${counts ? ` ${counts.heldOut} 条` : '四分之一'}按类别分层留出、从不参与训练，专门用来检验。模型把每条消息切成字符 n-gram，哈希进 ${FEATURE_DIM} 个桶，再用 softmax 给出每类意图的概率。把握不够的消息转给人工：拖动阈值，看“自动处理的比例”和“自动答错的数量”怎样此消彼长。`,
      train: '开始训练',
      epoch: '轮数',
      loss: '训练损失',
      accuracy: '留出集准确率',
      majority: '多数类基线',
      majorityHint: (intent: string) => `永远回答“${intent}”`,
      trainAccuracy: '训练集准确率',
      heldOutLoss: '留出集损失',
      params: '参数量',
      architecture: '结构',
      thresholdLabel: '置信度阈值',
      thresholdHint: '模型给出的最高概率低于这个值，就转给人工客服。',
      automated: '自动处理',
      automatedAccuracy: '自动处理的准确率',
      errors: '自动答错',
      handedOff: '转人工',
      ofMessages: (k: string, n: string) => `${k} / ${n} 条`,
      messages: (n: string) => `${n} 条`,
      atThreshold: (t: string) => `阈值 ${t} 时（留出集）`,
      notYet: '尚未测量',
      tryTitle: '试一句',
      tryLabel: '输入一条客户消息',
      tryPlaceholder: '例如：我要退款，钱什么时候到账',
      tryEmpty: '输入一句话，这里会显示模型认为它属于哪类意图。',
      tryTooLong: (n: number) => `只读取前 ${n} 个字符。`,
      tryUntrained: '模型还没训练，概率没有意义；先开始训练。',
      prediction: '预测意图',
      confidence: '置信度',
      routedAuto: (intent: string) => `置信度达到阈值：自动按“${intent}”处理。`,
      routedHuman: '置信度低于阈值：转给人工客服。',
      probTable: '每类意图的概率',
      curveTitle: '阈值与取舍：自动处理的比例、其中的准确率（留出集）',
      curveShort: '阈值与自动处理比例、准确率',
      thresholdAxis: '置信度阈值',
      shareAxis: '比例',
      coverageSeries: '自动处理比例',
      accuracySeries: '自动处理的准确率',
      errorSeries: '自动答错（占全部消息）',
      marker: (t: string) => `当前 ${t}`,
      seeTable: '以表格查看',
      curveEmpty: '开始训练后，这里画出阈值从 0 到 0.99 时的取舍曲线。',
      perIntentTitle: (t: string) => `每类意图：召回率、精确率，以及阈值 ${t} 时的自动处理情况（留出集）`,
      intent: '意图',
      support: '留出条数',
      recall: '召回率',
      precision: '精确率',
      autoShare: '自动处理',
      autoErrors: '自动答错',
      confusedWith: '最常被错认成',
      none: '—',
      mistakesTitle: (t: string) => `阈值 ${t} 时自动答错的消息`,
      mistakesNone: '在这个阈值下，自动处理的留出消息没有答错的。',
      mistakesMore: (n: number) => `另有 ${n} 条未列出。`,
      mistakeLine: (truth: string, said: string, p: string) => `实为“${truth}”，模型答“${said}”（${p}）`,
    },
    en: {
      intro: (counts: { total: number; heldOut: number } | null) =>
        `A small model learns eight intents from ${counts ? `${counts.total} ` : ''}customer messages written for this book; ${counts ? `${counts.heldOut} of them, a stratified quarter,` : 'a stratified quarter of them'} are held out and never trained on, so they can test it. Each message becomes character n-grams hashed into ${FEATURE_DIM} buckets, and a softmax gives each intent a probability. Messages the model is unsure of go to a person: move the threshold and watch the share handled automatically trade against the mistakes made.`,
      train: 'Train',
      epoch: 'Epoch',
      loss: 'Training loss',
      accuracy: 'Held-out accuracy',
      majority: 'Majority baseline',
      majorityHint: (intent: string) => `always answers “${intent}”`,
      trainAccuracy: 'Training accuracy',
      heldOutLoss: 'Held-out loss',
      params: 'Parameters',
      architecture: 'Layers',
      thresholdLabel: 'Confidence threshold',
      thresholdHint: 'A message whose top probability is below this goes to a human agent.',
      automated: 'Automated',
      automatedAccuracy: 'Accuracy when automated',
      errors: 'Wrong automatic answers',
      handedOff: 'Sent to a person',
      ofMessages: (k: string, n: string) => `${k} of ${n}`,
      messages: (n: string) => `${n} messages`,
      atThreshold: (t: string) => `At threshold ${t} (held-out messages)`,
      notYet: 'not measured yet',
      tryTitle: 'Try a message',
      tryLabel: 'Type a customer message',
      tryPlaceholder: 'e.g. I want my money back',
      tryEmpty: 'Type a message and the model’s reading of its intent shows here.',
      tryTooLong: (n: number) => `Only the first ${n} characters are read.`,
      tryUntrained: 'The model is untrained, so these probabilities mean nothing yet: train it first.',
      prediction: 'Predicted intent',
      confidence: 'Confidence',
      routedAuto: (intent: string) => `At or above the threshold: answered automatically as “${intent}”.`,
      routedHuman: 'Below the threshold: handed to a human agent.',
      probTable: 'Probability of each intent',
      curveTitle: 'The trade-off as the threshold moves: share automated and its accuracy (held-out messages)',
      curveShort: 'Threshold against share automated and accuracy',
      thresholdAxis: 'Confidence threshold',
      shareAxis: 'Share',
      coverageSeries: 'Share automated',
      accuracySeries: 'Accuracy when automated',
      errorSeries: 'Wrong automatic answers (share of all)',
      marker: (t: string) => `now ${t}`,
      seeTable: 'See as a table',
      curveEmpty: 'Once it trains, this draws the trade-off for every threshold from 0 to 0.99.',
      perIntentTitle: (t: string) => `Each intent: recall, precision, and what threshold ${t} automates (held-out messages)`,
      intent: 'Intent',
      support: 'Held out',
      recall: 'Recall',
      precision: 'Precision',
      autoShare: 'Automated',
      autoErrors: 'Wrong, automated',
      confusedWith: 'Most often taken for',
      none: '—',
      mistakesTitle: (t: string) => `Messages answered wrongly and automatically at threshold ${t}`,
      mistakesNone: 'At this threshold no automated held-out message is answered wrongly.',
      mistakesMore: (n: number) => `${n} more not shown.`,
      mistakeLine: (truth: string, said: string, p: string) => `really “${truth}”, answered “${said}” (${p})`,
    },
  }),
  task,
  placeholderHeight: 980,
});

export default intentClassifier;
