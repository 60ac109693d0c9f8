/**
 * SaliencyLab: which pixels of a test digit a digit classifier's score depends on. The model is the MLP the reader
 * trained in Chapter 4's DigitsTrainer (IndexedDB, lib/ml/model-store.ts) when this browser holds one, or a small MLP
 * the lab trains here on the packed MNIST subset (a few epochs, createTrainer). For a chosen test digit and class it
 * computes, in the worker, the gradient of the class's logit with respect to the 784 pixels and integrated gradients
 * from a black image (lib/ml/saliency.ts); the page draws both as heat maps and describes them in words. The digit,
 * class, method, steps and the randomised-weights sanity check are requests to the trained run: they never retrain.
 */
import { formatNumber, formatPercent } from '../format';
import { bilingual, type Lang } from '../i18n';
import { inkShare, mapStats, regionShares, topPixels, type Explanation, type RiemannRule, type SaliencyMethod, type SaliencyOutput } from '../ml/saliency';
import type { Schema, Values } from '../state/schema';
import { TaskRefused, type TrainingTask } from '../training/task';
import { backendField, defineWidget, seedField } from './define';
import { MNIST_SUBSET_PATH } from './quant-lab';

export const SALIENCY_LAB_ID = 'saliencyLab';
/** Test digits in the packed subset: the digit field indexes them. */
export const SALIENCY_TEST_COUNT = 1000;
/** Training digits in the packed subset. */
export const SALIENCY_TRAIN_COUNT = 6000;
/** Minibatch size of the model trained here (Adam at 0.003, as DigitsTrainer's default). */
export const SALIENCY_BATCH = 64;
export const SALIENCY_LEARNING_RATE = 0.003;
/** Integrated-gradient steps offered. */
export const IG_STEPS = [1, 2, 5, 10, 20, 50, 100, 200] as const;
export const TARGETS = ['predicted', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
export type TargetChoice = (typeof TARGETS)[number];
/** Seed offset of the randomised model of the sanity check (a fresh initialisation, never trained). */
export const RANDOM_SEED_OFFSET = 7919;

export const saliencyLabSchema = {
  /** Which of the 1,000 test digits is explained (the view draws its own previous / next control). */
  digit: { type: 'number', default: 0, min: 0, max: SALIENCY_TEST_COUNT - 1, integer: true, live: true, control: 'number' },
  target: {
    type: 'enum',
    default: 'predicted',
    options: TARGETS,
    control: 'select',
    live: true,
    group: 'explain',
    label: { zh: '解释哪一类的得分', en: 'Class whose score is explained' },
    optionLabels: {
      predicted: { zh: '模型预测的那一类', en: 'The predicted class' },
      ...Object.fromEntries(TARGETS.slice(1).map((d) => [d, { zh: `数字 ${d}`, en: `Digit ${d}` }])),
    },
  },
  output: {
    type: 'enum',
    default: 'logit',
    options: ['logit', 'probability'] as const,
    control: 'chips',
    live: true,
    group: 'explain',
    label: { zh: '解释哪个输出', en: 'Output explained' },
    optionLabels: { logit: { zh: 'logit（softmax 之前）', en: 'Logit (before softmax)' }, probability: { zh: '概率（softmax 之后）', en: 'Probability (after softmax)' } },
    hint: {
      zh: '通常解释 logit。换成概率看看：模型很有把握时，概率已经饱和，梯度图几乎一片空白；概率沿路径弯曲得厉害，步数少时完备性也偏离 1 更多。',
      en: 'The logit is the usual choice. Switch to the probability to see why: when the model is sure, the probability has saturated and its gradient map is nearly blank; it also bends sharply along the path, so with few steps completeness strays further from 1.',
    },
  },
  method: {
    type: 'enum',
    default: 'both',
    options: ['gradient', 'integrated', 'both'] as const,
    control: 'chips',
    live: true,
    group: 'explain',
    label: { zh: '方法', en: 'Method' },
    optionLabels: { gradient: { zh: '梯度', en: 'Gradient' }, integrated: { zh: '积分梯度', en: 'Integrated gradients' }, both: { zh: '两者对照', en: 'Both' } },
  },
  steps: {
    type: 'number',
    default: 50,
    min: 1,
    max: 256,
    integer: true,
    ladder: IG_STEPS,
    control: 'select',
    live: true,
    group: 'explain',
    label: { zh: '积分梯度的步数', en: 'Integrated-gradient steps' },
    hint: {
      zh: '把从空白图（所有像素为 0）到这张数字的直线路径等分成这么多段，在每段中点求梯度再取平均；所有点放进同一批，一次前向、一次反向算完。',
      en: 'The straight path from a blank image (every pixel 0) to the digit is cut into this many equal parts, the gradient taken at the middle of each and averaged; all the points go in one batch, one forward and one backward pass.',
    },
    when: { method: ['integrated', 'both'] },
  },
  randomize: {
    type: 'boolean',
    default: false,
    live: true,
    group: 'explain',
    label: { zh: '合理性检验：换成随机权重的模型', en: 'Sanity check: a model with random weights' },
    hint: {
      zh: '同一结构、重新随机初始化、从未训练过的模型。解释如果真的反映模型学到了什么，它的图应当明显不同。',
      en: 'The same architecture, freshly initialised and never trained. If a map reflects what the model learned, this one should look clearly different.',
    },
  },
  model: {
    type: 'enum',
    default: 'chapter4',
    options: ['chapter4', 'train'] as const,
    control: 'chips',
    group: 'model',
    label: { zh: '要解释的模型', en: 'Model to explain' },
    optionLabels: { chapter4: { zh: '第 4 章里你训练的（没有就在这里训练）', en: 'Yours from Chapter 4 (or one trained here)' }, train: { zh: '在这里训练一个', en: 'Train one here' } },
  },
  hidden: {
    type: 'number',
    default: 64,
    min: 16,
    max: 128,
    integer: true,
    ladder: [16, 32, 64, 128],
    control: 'select',
    group: 'model',
    label: { zh: '在这里训练时的隐藏层神经元数', en: 'Hidden units, when trained here' },
  },
  epochs: {
    type: 'number',
    default: 3,
    min: 1,
    max: 10,
    integer: true,
    step: 1,
    live: true,
    group: 'model',
    label: { zh: '在这里训练的轮数', en: 'Epochs, when trained here' },
    hint: { zh: '一轮 = 把 6,000 张训练图片看一遍（93 步，每步 64 张）。', en: 'One epoch is one pass over the 6,000 training digits (93 steps of 64).' },
  },
  seed: seedField('model'),
  backend: backendField('model'),
} satisfies Schema;

export type SaliencyLabValues = Values<typeof saliencyLabSchema>;

/** Optimisation steps in one epoch: the trainer drops the last partial minibatch, so ⌊6,000 / 64⌋ = 93. */
export function stepsPerEpoch(n = SALIENCY_TRAIN_COUNT, batch = SALIENCY_BATCH): number {
  return Math.max(1, Math.floor(n / batch));
}

/** The stored Chapter 4 model, as the lab describes it. */
export interface StoredDigitsSummary {
  hidden: number[];
  step: number;
  testAccuracy: number;
  savedAt: number;
}

export interface SaliencyLabInfo {
  /** The model explained: the reader's from Chapter 4, or one trained here. */
  source: 'chapter4' | 'trained-here';
  architecture: string;
  params: number;
  /** The Chapter 4 model in this browser, if any (offered when the lab trains its own). */
  stored: StoredDigitsSummary | null;
  /** Asked for the Chapter 4 model, but this browser holds none: the lab trains its own. */
  missing: boolean;
  stepsPerEpoch: number;
  testCount: number;
}

/** The step at which the model counts as trained: the stored model's own, or `epochs` epochs here. */
export function trainedAt(info: Pick<SaliencyLabInfo, 'source' | 'stored' | 'stepsPerEpoch'> | null, epochs: number): number {
  if (info?.source === 'chapter4' && info.stored) return info.stored.step;
  return epochs * (info?.stepsPerEpoch ?? stepsPerEpoch());
}

/** What the page asks: which digit, which class, which method, and whether to explain a randomised model instead. */
export interface ExplainRequest {
  digit: number;
  target: 'predicted' | number;
  method: SaliencyMethod;
  steps: number;
  /** Where on each step the gradient is taken (default midpoint). */
  rule?: RiemannRule;
  /** The output explained (default the logit). */
  output?: SaliencyOutput;
  randomized: boolean;
}

export interface SaliencyReply {
  request: ExplainRequest;
  /** The training step of the model explained. */
  step: number;
  label: number;
  /** The digit's 784 pixels, bytes 0–255. */
  image: Uint8Array;
  /** The trained model's prediction and its probability (also when the maps are of the randomised model). */
  predicted: number;
  confidence: number;
  /** The class explained. */
  target: number;
  /** The maps and scores of the model shown: the trained one, or the randomised one. */
  maps: Explanation;
  /**
   * With the sanity check on: Spearman rank correlation between |map| of the trained and of the randomised model (of
   * integrated gradients over the digit's non-black pixels, or of the gradient over all pixels when only that is
   * asked); null otherwise.
   */
  rankCorrelation: number | null;
}

export type SaliencyLabRequests = {
  explain: { payload: ExplainRequest; reply: SaliencyReply };
};

/** The request the settings describe. */
export function explainRequest(v: Pick<SaliencyLabValues, 'digit' | 'target' | 'output' | 'method' | 'steps' | 'randomize'>): ExplainRequest {
  return { digit: v.digit, target: v.target === 'predicted' ? 'predicted' : Number(v.target), output: v.output, method: v.method, steps: v.steps, randomized: v.randomize };
}

/** The map whose numbers are published as saliencyMax and saliencySum: integrated gradients unless only the gradient is asked. */
export function primaryMap(e: Pick<Explanation, 'gradient' | 'integrated'>): Float32Array | null {
  return e.integrated ?? e.gradient;
}

// ─── Describing a map in words (the heat maps' text alternative) ─────────────────────────────────────────────────────

export const REGIONS = bilingual({
  zh: ['左上', '上方', '右上', '左侧', '中央', '右侧', '左下', '下方', '右下'],
  en: ['top left', 'top', 'top right', 'left', 'centre', 'right', 'bottom left', 'bottom', 'bottom right'],
});

/** The facts a description states: computed once, worded per edition. */
export interface MapSummary {
  method: 'gradient' | 'integrated';
  target: number;
  maxAbs: number;
  positive: number;
  negative: number;
  /** The two regions (of a 3 × 3 grid) with most of Σ|a|, and their shares. */
  regions: { index: number; share: number }[];
  /** Share of Σ|a| on the digit's ink (pixels ≥ 0.5). */
  ink: number;
  top: { row: number; col: number; value: number }[];
}

/** Summarises a map of the digit `pixels` (values in [0, 1]). */
export function summarizeMap(method: 'gradient' | 'integrated', target: number, map: ArrayLike<number>, pixels: ArrayLike<number>, k = 5): MapSummary {
  const s = mapStats(map);
  const regions = regionShares(map)
    .map((share, index) => ({ index, share }))
    .sort((a, b) => b.share - a.share || a.index - b.index)
    .slice(0, 2);
  return { method, target, maxAbs: s.maxAbs, positive: s.positive, negative: s.negative, regions, ink: inkShare(map, pixels), top: topPixels(map, k).map(({ row, col, value }) => ({ row, col, value })) };
}

const signed = (x: number, lang: Lang) => `${x > 0 ? '+' : x < 0 ? '−' : ''}${formatNumber(Math.abs(x), lang, { digits: 3 })}`;

/** The description of a map in the reader's edition: where the mass lies, how much is on the ink, the top pixels. */
export function describeMap(lang: Lang, m: MapSummary): string {
  const name = { zh: { gradient: '梯度图', integrated: '积分梯度图' }, en: { gradient: 'Gradient map', integrated: 'Integrated-gradients map' } }[lang][m.method];
  if (m.maxAbs === 0) return { zh: `${name}（数字 ${m.target} 的得分）：处处为零。`, en: `${name} for the score of ${m.target}: zero everywhere.` }[lang];
  const regions = m.regions.map((r) => `${REGIONS[lang][r.index]} ${formatPercent(r.share, lang, 0)}`);
  const pixels = bilingual({
    zh: m.top.map((p) => `第 ${p.row + 1} 行第 ${p.col + 1} 列（${signed(p.value, 'zh')}）`),
    en: m.top.map((p) => `row ${p.row + 1}, column ${p.col + 1} (${signed(p.value, 'en')})`),
  });
  const zh =
    `${name}（数字 ${m.target} 的得分）：绝对值之和分布最多的是${regions.join('、')}（图像分成 3×3 九块）；` +
    `${formatPercent(m.ink, lang, 0)} 落在数字的笔画上。正贡献合计 ${signed(m.positive, lang)}，负贡献合计 ${signed(m.negative, lang)}。` +
    `最强的像素：${pixels.zh.join('；')}。`;
  const en =
    `${name} for the score of ${m.target}: most of the absolute attribution lies ${m.regions.map((r) => `in the ${REGIONS.en[r.index]} (${formatPercent(r.share, 'en', 0)})`).join(' and ')} of a 3 × 3 grid; ` +
    `${formatPercent(m.ink, lang, 0)} falls on the digit’s strokes. Positive parts add up to ${signed(m.positive, lang)}, negative ones to ${signed(m.negative, lang)}. ` +
    `Strongest pixels: ${pixels.en.join('; ')}.`;
  return { zh, en }[lang];
}

// ─── The training task ───────────────────────────────────────────────────────────────────────────────────────────────

const task: TrainingTask<SaliencyLabValues, SaliencyLabInfo, undefined, SaliencyLabRequests> = {
  async build({ tf, basePath, origin, cache }, s) {
    const [, { buildModel, checkModelConfig, countParams }, { createTrainer }, { loadMnistSubset, mnistPixelsToFloat, oneHot }, { saveWeights, restoreWeights }, { loadModel, DIGITS_MODEL_KEY }, saliency] =
      await Promise.all([
        import('@tensorflow/tfjs-core/dist/register_all_gradients'),
        import('../ml/models'),
        import('../ml/train'),
        import('../ml/mnist'),
        import('../training/snapshot'),
        import('../ml/model-store'),
        import('../ml/saliency'),
      ]);
    const found = await loadModel(DIGITS_MODEL_KEY);
    // Only a 784 → … → 10 MLP within the caps can be explained here.
    const stored = found && found.inputDim === 784 && found.outputUnits === 10 && checkModelConfig({ kind: 'mlp', inputDim: 784, hidden: found.hidden, activation: 'relu', outputUnits: 10, outputActivation: 'softmax', seed: 0 }).length === 0 ? found : null;
    const useStored = s.model === 'chapter4' && stored !== null;
    const hidden = useStored ? stored.hidden : [s.hidden];
    const config = { kind: 'mlp' as const, inputDim: 784, hidden, activation: 'relu' as const, outputUnits: 10, outputActivation: 'softmax' as const, seed: s.seed };
    const problems = checkModelConfig(config, SALIENCY_BATCH);
    if (problems.length) throw new TaskRefused(problems.map((p) => p.message));
    const url = `${origin}${basePath}${MNIST_SUBSET_PATH}`;
    let mnist = cache.get(url) as Awaited<ReturnType<typeof loadMnistSubset>> | undefined;
    if (!mnist) {
      mnist = await loadMnistSubset(url);
      cache.set(url, mnist);
    }
    const data = mnist;
    const model = buildModel(config);
    const train = { xs: tf.tensor2d(mnistPixelsToFloat(data.train), [data.train.count, 784]), ys: tf.tensor2d(oneHot(data.train.labels), [data.train.count, 10]) };
    const test = { xs: tf.tensor2d(mnistPixelsToFloat(data.test), [data.test.count, 784]), ys: tf.tensor2d(oneHot(data.test.labels), [data.test.count, 10]) };
    const trainer = createTrainer({ tf, model, data: train, loss: 'categoricalCrossentropy', optimizer: 'adam', learningRate: SALIENCY_LEARNING_RATE, batchSize: SALIENCY_BATCH, seed: s.seed, readLossEvery: 5 });
    if (useStored) {
      restoreWeights(tf, model, { step: stored.step, weights: stored.weights });
      trainer.resumeAt(stored.step);
    }
    const perEpoch = stepsPerEpoch(data.train.count, SALIENCY_BATCH);
    const info: SaliencyLabInfo = {
      source: useStored ? 'chapter4' : 'trained-here',
      architecture: [784, ...hidden, 10].join(' → '),
      params: countParams(config),
      stored: stored && { hidden: stored.hidden, step: stored.step, testAccuracy: stored.testAccuracy, savedAt: stored.savedAt },
      missing: s.model === 'chapter4' && !useStored,
      stepsPerEpoch: perEpoch,
      testCount: data.test.count,
    };

    /** The model's dense layers as the saliency functions take them (the variables themselves: never disposed here). */
    const layersOf = (m: typeof model) => {
      const w = m.weights.map((v) => v.read());
      return Array.from({ length: w.length / 2 }, (_, l) => ({ kernel: w[2 * l] as import('@tensorflow/tfjs-core').Tensor2D, bias: w[2 * l + 1] as import('@tensorflow/tfjs-core').Tensor1D }));
    };
    // The sanity check's model: the same architecture, initialised afresh from another seed, never trained.
    let randomModel: typeof model | null = null;
    const randomLayers = () => {
      randomModel ??= buildModel({ ...config, seed: (s.seed + RANDOM_SEED_OFFSET) % 2 ** 31 });
      return layersOf(randomModel);
    };

    // The test set is measured at most every half epoch and at the end, not at every frame.
    let measured: { step: number; loss: number; accuracy: number | null } | null = null;
    const run = {
      info,
      targetSteps: trainedAt(info, s.epochs),
      step: (n: number) => trainer.step(n),
      warmUp: () => trainer.warmUp(),
      progress: () => trainer.progress(),
      async frame() {
        const step = trainer.progress().step;
        const due = !measured || step >= run.targetSteps || step - measured.step >= Math.max(1, Math.floor(perEpoch / 2));
        if (due && measured?.step !== step) {
          const e = await trainer.evaluate(test);
          measured = { step, loss: e.loss, accuracy: e.accuracy };
        }
        return { metrics: { testAccuracy: measured?.accuracy ?? null, testLoss: measured?.loss ?? null, epoch: step / perEpoch } };
      },
      tune(next: SaliencyLabValues) {
        run.targetSteps = trainedAt(info, next.epochs);
      },
      requests: {
        async explain(req: ExplainRequest): Promise<SaliencyReply> {
          if (!Number.isInteger(req.digit) || req.digit < 0 || req.digit >= data.test.count) throw new RangeError(`explain: digit ${req.digit} is not one of the ${data.test.count} test digits`);
          const pixels = mnistPixelsToFloat(data.test, req.digit, 1);
          const options = { target: req.target, method: req.method, steps: req.steps, rule: req.rule ?? 'midpoint', output: req.output ?? 'logit' };
          const trained = await saliency.explain(tf, layersOf(model), pixels, options);
          let maps = trained;
          let rankCorrelation: number | null = null;
          if (req.randomized) {
            // The randomised model explains the class the trained one explained, so the two maps answer the same question.
            maps = await saliency.explain(tf, randomLayers(), pixels, { ...options, target: trained.target });
            // IG is zero wherever the digit is black, for any weights: compare the maps on the digit's own pixels only.
            const mask = trained.integrated ? Array.from(pixels, (v) => v > 0) : undefined;
            rankCorrelation = saliency.absRankCorrelation(primaryMap(trained)!, primaryMap(maps)!, mask);
          }
          return {
            request: req,
            step: trainer.progress().step,
            label: data.test.labels[req.digit]!,
            image: data.test.images.slice(req.digit * 784, (req.digit + 1) * 784),
            predicted: trained.predicted,
            confidence: trained.confidence,
            target: trained.target,
            maps,
            rankCorrelation: Number.isFinite(rankCorrelation) ? rankCorrelation : null,
          };
        },
      },
      save: () => saveWeights(model, trainer.progress().step),
      restore(snapshot: Parameters<typeof restoreWeights>[2]) {
        restoreWeights(tf, model, snapshot);
        trainer.resumeAt(snapshot.step);
        measured = null;
      },
      dispose() {
        trainer.dispose();
        model.dispose();
        randomModel?.dispose();
        tf.dispose([train.xs, train.ys, test.xs, test.ys]);
      },
    };
    return run;
  },
};

/** The symbol of the output explained, in captions: z for the logit, p for the probability. */
export const OUTPUT_SYMBOL: Record<SaliencyOutput, string> = { logit: 'z', probability: 'p' };

// ─── Strings ─────────────────────────────────────────────────────────────────────────────────────────────────────────

export const saliencyLab = defineWidget({
  id: SALIENCY_LAB_ID,
  tag: 'SaliencyLab',
  title: { zh: '显著性实验室：模型看的是哪些像素？', en: 'Saliency lab: which pixels does the model look at?' },
  schema: saliencyLabSchema,
  groups: [
    { id: 'explain', label: { zh: '解释', en: 'Explanation' }, open: true },
    { id: 'model', label: { zh: '模型', en: 'Model' } },
  ],
  strings: bilingual({
    zh: {
      intro:
        '选一张测试集里的手写数字，看看分类器对某一类的打分依赖哪些像素。梯度图回答“这个像素的墨迹稍微浓一点，得分会怎么变”；积分梯度从一张空白图（所有像素为 0，在 MNIST 原本的配色里是全黑）出发，沿直线一路走到这张数字，把得分的变化分摊到每个像素上。',
      train: '训练模型',
      trainFirst: '先训练模型（几秒钟），再看解释。未训练的模型也能画出图，但那只是随机权重的图。',
      usingStored: (arch: string, acc: string, steps: string) => `正在解释你在第 4 章训练的模型：${arch}，训练了 ${steps} 步，当时的测试准确率 ${acc}。不需要重新训练。`,
      missingStored: '这个浏览器里还没有第 4 章训练好的模型（需要用多层感知机训练到设定的轮数结束），所以这里先训练一个自己的。',
      chapter4: '去第 4 章训练一个',
      storedOffer: (arch: string, acc: string) => `这个浏览器里存着你在第 4 章训练的模型（${arch}，测试准确率 ${acc}）。`,
      useStored: '改为解释它',
      trainedHere: (arch: string) => `在这里训练的模型：${arch}。`,
      digit: '测试图片编号',
      pickDigit: '选择一张测试图片',
      digitRange: (n: number) => `0 到 ${n - 1}`,
      previous: '上一张',
      next: '下一张',
      badDigit: (n: number) => `请输入 0 到 ${n - 1} 之间的整数。`,
      digitAlt: (label: number) => `测试图片：手写数字 ${label}`,
      label: '真实标签',
      predicted: '模型预测',
      confidence: '预测的概率',
      target: '解释的类别',
      saliencyMax: '最大 |归因|',
      saliencySum: '归因之和',
      completeness: '完备性',
      completenessHint: 'Σ 积分梯度 ÷ (F(x) − F(空白图))，积分算对时接近 1',
      igSum: 'Σ 积分梯度',
      scoreDelta: 'F(x) − F(空白图)',
      testAccuracy: '测试准确率',
      source: '模型来源',
      sourceName: { chapter4: '第 4 章', 'trained-here': '在这里训练' },
      step: '步数',
      loss: '训练损失',
      computing: '正在计算…',
      digitCaption: '输入',
      gradientCaption: (c: number, output: SaliencyOutput) => `梯度 ∂${OUTPUT_SYMBOL[output]}${c}/∂x`,
      igCaption: (steps: number) => `积分梯度（${steps} 步）`,
      randomCaption: '（随机权重）',
      legendPos: (c: number) => `蓝：提高数字 ${c} 的得分`,
      legendNeg: '橙：降低得分',
      legendScale: '每张图的颜色在图下标出的 ±值处饱和（该图 |归因| 的第 99 百分位）。',
      mapsLabel: (c: number) => `数字 ${c} 的得分的显著性图`,
      rankCorrelation: '与训练后模型的秩相关',
      randomNote: (r: string) =>
        `这是一个从未训练、权重随机的模型的图。按 |归因| 给像素排序，它与训练后模型的图的 Spearman 秩相关是 ${r}（1 表示排序完全相同；积分梯度只比较有笔画的像素，因为其余像素上两张图都恒为零）。`,
      outlineNote: '积分梯度乘了 (x − 空白图)，所以在没有笔画的地方无论权重如何都是零：随机模型的积分梯度图也带着数字的轮廓。要看的是轮廓里面正负的分布，而不是轮廓本身。',
      topTitle: '最强的像素',
      row: '行',
      col: '列',
      value: '归因',
      logitNote:
        '默认解释的是 softmax 之前的得分（logit）z。概率 p = softmax(z) 还取决于其他类的得分，而且模型越有把握，概率对像素的梯度越接近零，图会几乎一片空白；在“解释哪个输出”里换成概率，就能亲眼看到。',
      showsTitle: '这些图说明了什么，没说明什么',
      shows: [
        '梯度只描述局部：它说的是“在这张图附近，哪个像素一动得分变化最快”，背景里的像素也可以有很大的梯度。它常常很嘈杂，换一个几乎一样的输入，图可能变很多。',
        '积分梯度满足完备性：所有像素的归因加起来等于得分从空白图到这张图的变化。下面的“完备性”就是这两者之比，步数越多越接近 1；它检验的是积分算得对不对，不是解释可不可信。',
        '显著性不是因果：图说的是模型的得分对哪些像素敏感，不等于说这张图“因为”这些像素才是 7，也不能证明模型学到了人所说的笔画。',
        '合理性检验（Adebayo 等，2018）：把权重换成随机的，图如果几乎不变，它就没有在解释模型。勾选设置里的“合理性检验”对比一下。',
      ],
      seeTable: '以表格查看',
      untrained: '模型还没训练完：图会随着训练改变。',
    },
    en: {
      intro:
        'Pick a handwritten digit from the test set and see which pixels a classifier’s score for a class depends on. The gradient map answers “if this pixel had a little more ink, how would the score move?”; integrated gradients walks in a straight line from a blank image (every pixel 0: black in MNIST’s own colours, empty paper as drawn here) to the digit and shares the change of the score out among the pixels.',
      train: 'Train the model',
      trainFirst: 'Train the model first (a few seconds), then read the maps. An untrained model draws maps too, but they are maps of random weights.',
      usingStored: (arch: string, acc: string, steps: string) => `Explaining the model you trained in Chapter 4: ${arch}, ${steps} steps, ${acc} on the test digits when it finished. No retraining needed.`,
      missingStored: 'This browser holds no model from Chapter 4 yet (train the multilayer perceptron there until its epochs are done), so the lab trains its own.',
      chapter4: 'Train one in Chapter 4',
      storedOffer: (arch: string, acc: string) => `This browser holds the model you trained in Chapter 4 (${arch}, ${acc} on the test digits).`,
      useStored: 'Explain that one instead',
      trainedHere: (arch: string) => `A model trained here: ${arch}.`,
      digit: 'Test digit',
      pickDigit: 'Choose a test digit',
      digitRange: (n: number) => `0 to ${n - 1}`,
      previous: 'Previous',
      next: 'Next',
      badDigit: (n: number) => `Enter a whole number from 0 to ${n - 1}.`,
      digitAlt: (label: number) => `Test image: a handwritten ${label}`,
      label: 'True label',
      predicted: 'Prediction',
      confidence: 'Its probability',
      target: 'Class explained',
      saliencyMax: 'Largest |attribution|',
      saliencySum: 'Sum of attributions',
      completeness: 'Completeness',
      completenessHint: 'Σ IG ÷ (F(x) − F(blank)); near 1 when the integral is right',
      igSum: 'Σ IG',
      scoreDelta: 'F(x) − F(blank)',
      testAccuracy: 'Test accuracy',
      source: 'Model',
      sourceName: { chapter4: 'Chapter 4', 'trained-here': 'trained here' },
      step: 'Step',
      loss: 'Training loss',
      computing: 'Computing…',
      digitCaption: 'Input',
      gradientCaption: (c: number, output: SaliencyOutput) => `Gradient ∂${OUTPUT_SYMBOL[output]}${c}/∂x`,
      igCaption: (steps: number) => `Integrated gradients (${steps} steps)`,
      randomCaption: ' (random weights)',
      legendPos: (c: number) => `blue: raises the score of ${c}`,
      legendNeg: 'orange: lowers it',
      legendScale: 'Each map’s colours saturate at the ± value under it (the 99th percentile of that map’s |attribution|).',
      mapsLabel: (c: number) => `Saliency maps for the score of ${c}`,
      rankCorrelation: 'Rank correlation with the trained model',
      randomNote: (r: string) =>
        `These are the maps of a model with random weights, never trained. Ranking the pixels by |attribution|, its map correlates with the trained model’s at ${r} (Spearman; 1 would be the same ranking; for integrated gradients only the pixels with ink are compared, since both maps are zero on the rest).`,
      outlineNote: 'Integrated gradients multiplies by (x − blank), so it is zero wherever there is no ink, whatever the weights: the random model’s map has the digit’s outline too. Judge the pattern of signs inside the outline, not the outline itself.',
      topTitle: 'Strongest pixels',
      row: 'Row',
      col: 'Column',
      value: 'Attribution',
      logitNote:
        'By default the score explained is the logit z, before the softmax. The probability p = softmax(z) also depends on every other class’s score, and the surer the model, the closer its gradient comes to zero, so its map is nearly blank: switch “Output explained” to the probability and see.',
      showsTitle: 'What these maps show, and what they do not',
      shows: [
        'A gradient is local: it says which pixels would move the score fastest near this very image, and background pixels can have large ones. It is often noisy; a nearly identical input can give a rather different map.',
        'Integrated gradients is complete: the attributions add up to the change of the score from the blank image to this one. “Completeness” below is their ratio and comes closer to 1 with more steps; it checks the arithmetic of the integral, not whether the explanation deserves trust.',
        'Saliency is not causation: a map shows what the score is sensitive to, not that the digit is a 7 because of those pixels, nor that the model learned strokes as a person would describe them.',
        'A sanity check (Adebayo et al., 2018): give the model random weights. If the map hardly changes, it was not explaining the model. Tick the sanity check in the settings and compare.',
      ],
      seeTable: 'See as a table',
      untrained: 'The model is not trained yet: the maps change as it trains.',
    },
  }),
  task,
  placeholderHeight: 760,
});

export default saliencyLab;
