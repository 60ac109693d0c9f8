/**
 * LossExplorer: one prediction p and one target y through five losses side by side (MSE, MAE, Huber, binary
 * cross-entropy, two-class categorical cross-entropy): each loss's value, its gradient with respect to p, and its
 * gradient with respect to the logit z when p = σ(z); the curves of each against p ∈ (0, 1) for the current y.
 * The maths is lib/math/losses.ts; this file only gathers it for the view.
 *
 * The view's test contract (`data-result="lossExplorer.<name>"`, raw number in `data-value`):
 * - `p`, `y`, `delta`: the settings in force; `logit`: z = ln(p / (1 − p));
 * - `<loss>`, `<loss>Grad`, `<loss>LogitGrad` for each loss of LOSS_KEYS (`mse`, `mae`, `huber`, `bce`, `ce`): the
 *   value ℓ(p, y), ∂ℓ/∂p, and ∂ℓ/∂z with p = σ(z) (for `ce`, the first logit of a softmax over (z, 0) — also p − y);
 * - `ceTerm1` = −y ln p and `ceTerm2` = −(1 − y) ln(1 − p), the two non-negative terms of the cross-entropy;
 * - `entropy`: H(y), the smallest cross-entropy any p can reach at this y (at p = y);
 * - `saturationMse`, `saturationBce`: the two logit gradients compared in the "why not MSE" panel (the same numbers as
 *   `mseLogitGrad` and `bceLogitGrad`), and `logitGradRatio`: BCE's over MSE's, 1 / (2p(1 − p)) (absent when p = y,
 *   where both are 0).
 */
import { bilingual } from '../i18n';
import {
  bce,
  bceGrad,
  bceLogitGrad,
  crossEntropy,
  crossEntropyGrad,
  huber,
  huberGrad,
  mae,
  maeGrad,
  mse,
  mseGrad,
  mseSigmoidLogitGrad,
  softmaxCrossEntropyLogitGrad,
} from '../math/losses';
import type { Schema, Values } from '../state/schema';
import { defineWidget } from './define';

export const LOSS_EXPLORER_ID = 'lossExplorer';

/** The losses, in the order the explorer shows them. */
export const LOSS_KEYS = ['mse', 'mae', 'huber', 'bce', 'ce'] as const;
export type LossKey = (typeof LOSS_KEYS)[number];

export const GRADIENT_VIEWS = ['p', 'logit'] as const;

export const lossExplorerSchema = {
  /** Drawn by the view itself: a slider, a text box and presets (a probability strictly inside (0, 1)). */
  p: { type: 'number', default: 0.9, min: 0.001, max: 0.999, step: 0.001, digits: 3 },
  y: {
    type: 'number',
    default: 1,
    min: 0,
    max: 1,
    step: 0.01,
    digits: 2,
    label: { zh: '目标 y', en: 'Target y' },
    hint: { zh: '0 或 1 是硬标签；介于两者之间是软标签（例如标签平滑）。', en: '0 or 1 is a hard label; anything between is a soft label (label smoothing, say).' },
  },
  delta: {
    type: 'number',
    default: 1,
    min: 0.1,
    max: 5,
    step: 0.1,
    digits: 1,
    label: { zh: 'Huber 的 δ', en: 'Huber’s δ' },
    hint: { zh: '残差小于 δ 时按平方计，大于 δ 时按绝对值计。', en: 'Squared below δ, absolute beyond it.' },
  },
  grad: {
    type: 'enum',
    default: 'p',
    options: GRADIENT_VIEWS,
    control: 'chips',
    label: { zh: '梯度图', en: 'Gradient chart' },
    optionLabels: {
      p: { zh: '对 p 求导 ∂ℓ/∂p', en: 'With respect to p, ∂ℓ/∂p' },
      logit: { zh: '对 logit 求导 ∂ℓ/∂z（p = σ(z)）', en: 'With respect to the logit, ∂ℓ/∂z (p = σ(z))' },
    },
  },
} satisfies Schema;

export type LossExplorerValues = Values<typeof lossExplorerSchema>;

/** One loss at one (p, y): its value, ∂ℓ/∂p, and ∂ℓ/∂z when p = σ(z). */
export interface LossPoint {
  value: number;
  grad: number;
  logitGrad: number;
}

export interface LossReport {
  p: number;
  y: number;
  delta: number;
  /** z = ln(p / (1 − p)), the logit whose sigmoid is p. */
  logit: number;
  losses: Record<LossKey, LossPoint>;
  /** −y ln p and −(1 − y) ln(1 − p): the cross-entropy's two terms, each ≥ 0. */
  ceTerms: [number, number];
  /** H(y) = −y ln y − (1 − y) ln(1 − y): the least cross-entropy at this y, reached at p = y. */
  entropy: number;
  /** BCE's logit gradient over MSE's, 1 / (2p(1 − p)); null when p = y (both are 0). */
  logitGradRatio: number | null;
}

/** The logit z = ln(p / (1 − p)) of a probability p ∈ (0, 1), so that σ(z) = p. */
export function logit(p: number): number {
  return Math.log(p / (1 - p));
}

/** −t ln t, taken as 0 at t = 0 (its limit). */
function xLogX(t: number): number {
  return t <= 0 ? 0 : -t * Math.log(t);
}

/**
 * Every loss of the explorer at one prediction p ∈ (0, 1) and target y ∈ [0, 1], with Huber's δ. The categorical
 * cross-entropy is taken over two classes, the distribution (p, 1 − p) against (y, 1 − y); its gradient with respect
 * to p moves both probabilities (∂/∂p₁ − ∂/∂p₂), and its logit gradient is that of a softmax over (ln p, ln(1 − p)).
 * The regression losses' logit gradients apply the chain rule through a sigmoid: ∂ℓ/∂p · p(1 − p).
 */
export function lossReport(p: number, y: number, delta: number): LossReport {
  const z = logit(p);
  const sigmaPrime = p * (1 - p);
  const probs = [p, 1 - p];
  const target = [y, 1 - y];
  const ceGrads = crossEntropyGrad(probs, target);
  const losses: Record<LossKey, LossPoint> = {
    mse: { value: mse(p, y), grad: mseGrad(p, y), logitGrad: mseSigmoidLogitGrad(z, y) },
    mae: { value: mae(p, y), grad: maeGrad(p, y), logitGrad: maeGrad(p, y) * sigmaPrime },
    huber: { value: huber(p, y, delta), grad: huberGrad(p, y, delta), logitGrad: huberGrad(p, y, delta) * sigmaPrime },
    bce: { value: bce(p, y), grad: bceGrad(p, y), logitGrad: bceLogitGrad(p, y) },
    ce: {
      value: crossEntropy(probs, target),
      grad: ceGrads[0]! - ceGrads[1]!,
      logitGrad: softmaxCrossEntropyLogitGrad([Math.log(p), Math.log(1 - p)], target)[0]!,
    },
  };
  const mseZ = losses.mse.logitGrad;
  return {
    p,
    y,
    delta,
    logit: z,
    losses,
    ceTerms: [y === 0 ? 0 : -y * Math.log(p), y === 1 ? 0 : -(1 - y) * Math.log(1 - p)],
    entropy: xLogX(y) + xLogX(1 - y),
    logitGradRatio: p === y || mseZ === 0 ? null : losses.bce.logitGrad / mseZ,
  };
}

/** Sample points in (0, 1) for the curves: an even grid, denser towards both ends (where the logarithms turn), and the kinks. */
export function curveGrid(y: number, delta: number, n = 160): number[] {
  const lo = lossExplorerSchema.p.min;
  const hi = lossExplorerSchema.p.max;
  const xs = new Set<number>();
  for (let i = 0; i <= n; i++) xs.add(lo + ((hi - lo) * i) / n);
  for (const e of [0.001, 0.0015, 0.002, 0.003, 0.004, 0.005, 0.0075, 0.01, 0.015, 0.02]) {
    xs.add(e);
    xs.add(1 - e);
  }
  // MAE and Huber bend at p = y and p = y ± δ: sample both sides so the corners are drawn where they are.
  for (const k of [y, y - delta, y + delta]) for (const d of [-1e-9, 0, 1e-9]) xs.add(k + d);
  return [...xs].filter((x) => x >= lo && x <= hi).sort((a, b) => a - b);
}

/** The curves the view draws: for each loss, [p, value] and [p, gradient] (with respect to p or to the logit). */
export function lossCurves(y: number, delta: number, gradOf: 'p' | 'logit', n = 160): { values: Record<LossKey, [number, number][]>; grads: Record<LossKey, [number, number][]> } {
  const values = Object.fromEntries(LOSS_KEYS.map((k) => [k, [] as [number, number][]])) as Record<LossKey, [number, number][]>;
  const grads = Object.fromEntries(LOSS_KEYS.map((k) => [k, [] as [number, number][]])) as Record<LossKey, [number, number][]>;
  for (const p of curveGrid(y, delta, n)) {
    const r = lossReport(p, y, delta);
    for (const k of LOSS_KEYS) {
      values[k].push([p, r.losses[k].value]);
      grads[k].push([p, gradOf === 'p' ? r.losses[k].grad : r.losses[k].logitGrad]);
    }
  }
  return { values, grads };
}

/** What is wrong with a typed prediction: nothing, not a number, or not strictly between 0 and 1 (then the nearest allowed p). */
export type ProbabilityCheck = { ok: true; value: number } | { ok: false; reason: 'notANumber' } | { ok: false; reason: 'edge' | 'outside' | 'range'; value: number };

/**
 * Checks a prediction a reader typed. A probability must lie in (0, 1); the explorer takes [0.001, 0.999]. Exactly 0
 * or 1 (`edge`) would make a cross-entropy infinite; anything outside [0, 1] (`outside`) is no probability at all; a
 * probability closer to 0 or 1 than 0.001 (`range`) is beyond the explorer. Each comes back with the nearest allowed
 * value.
 */
export function checkProbability(n: number): ProbabilityCheck {
  const { min, max } = lossExplorerSchema.p;
  if (!Number.isFinite(n)) return { ok: false, reason: 'notANumber' };
  if (n >= min && n <= max) return { ok: true, value: n };
  const value = Math.min(max, Math.max(min, n));
  return { ok: false, reason: n === 0 || n === 1 ? 'edge' : n < 0 || n > 1 ? 'outside' : 'range', value };
}

/** Source 001, §4.2.2's cross-entropy example: y = [1, 0], ŷ = [0.9, 0.1], for which it printed −0.105. */
export const SOURCE_001_CE = { p: 0.9, y: 1, printed: -0.105 } as const;

/** The presets the view offers: source 001's example and three situations the chapter talks about. */
export const LOSS_PRESETS = [
  { id: 'source001', p: 0.9, y: 1 },
  { id: 'confidentlyWrong', p: 0.01, y: 1 },
  { id: 'coinFlip', p: 0.5, y: 1 },
  { id: 'softLabel', p: 0.7, y: 0.7 },
] as const;
export type LossPresetId = (typeof LOSS_PRESETS)[number]['id'];

export const lossExplorer = defineWidget({
  id: LOSS_EXPLORER_ID,
  tag: 'LossExplorer',
  title: { zh: '损失函数对照：同一个预测，五种损失', en: 'Loss explorer: one prediction, five losses' },
  schema: lossExplorerSchema,
  strings: bilingual({
    zh: {
      p: '预测 p',
      pSlider: '预测 p（滑块）',
      pHint: '模型给正类的概率，取 0.001 到 0.999；可在图上拖动，或用方向键微调。',
      notANumber: '这不是一个数，p 未改变。',
      pEdge: (v: string) => `p 恰为 0 或 1 时交叉熵为无穷大（框架会把 p 截断到 10⁻⁷ 与 1 − 10⁻⁷）；本组件取 ${v}。`,
      pOutside: (v: string) => `p 是概率，必须严格介于 0 和 1 之间；已改为 ${v}。`,
      pRange: (v: string) => `本组件的 p 取 0.001 到 0.999；已改为 ${v}。`,
      presets: '示例',
      presetLabels: {
        source001: '原文 001 的例子：p = 0.9，y = 1',
        confidentlyWrong: '自信地错：p = 0.01，y = 1',
        coinFlip: '抛硬币：p = 0.5',
        softLabel: '软标签：y = 0.7',
      } as Record<LossPresetId, string>,
      loss: '损失',
      value: '损失值 ℓ',
      gradP: '∂ℓ/∂p',
      gradZ: '∂ℓ/∂z（p = σ(z)）',
      names: {
        mse: '均方误差 MSE',
        mae: '平均绝对误差 MAE',
        huber: 'Huber',
        bce: '二元交叉熵 BCE',
        ce: '分类交叉熵 CE（两类）',
      } as Record<LossKey, string>,
      short: { mse: 'MSE', mae: 'MAE', huber: 'Huber', bce: 'BCE', ce: 'CE' } as Record<LossKey, string>,
      formulas: {
        mse: '(p − y)²',
        mae: '|p − y|',
        huber: '½r² 或 δ(|r| − ½δ)',
        bce: '−[y ln p + (1−y) ln(1−p)]',
        ce: '−Σ yₖ ln pₖ，p = (p, 1−p)',
      } as Record<LossKey, string>,
      tableCaption: (p: string, y: string) => `p = ${p}、y = ${y} 时每种损失的值和梯度。`,
      logitLine: '对应的 logit：z = ln(p/(1−p)) =',
      neverNegativeTitle: '交叉熵为什么不会是负数',
      neverNegative:
        '交叉熵的每一项都是 −yₖ ln pₖ：目标权重 yₖ ≥ 0，而概率 0 < pₖ ≤ 1 时 ln pₖ ≤ 0，所以 −ln pₖ ≥ 0。非负项之和仍是非负的。',
      terms: '两项：',
      term1: '−y ln p',
      term2: '−(1−y) ln(1−p)',
      entropyBefore: '在这个 y 下，交叉熵最小只能降到 H(y) =',
      entropyAfter: '（在 p = y 处取到）。',
      sourceErratum: (v: string) =>
        `原文 001 §4.2.2 对 y = [1, 0]、ŷ = [0.9, 0.1] 印的是 −0.105。交叉熵不可能为负：正确值是 −ln 0.9 = ${v}。`,
      saturationTitle: '为什么分类不用 MSE：经过 sigmoid 的梯度',
      saturationMse: 'MSE：∂ℓ/∂z = 2(p − y)·p(1 − p)',
      saturationBce: 'BCE：∂ℓ/∂z = p − y',
      ratio: (r: string) => `BCE 的梯度是 MSE 的 ${r} 倍。`,
      ratioNone: 'p = y 时两者都是 0。',
      saturated: (s: string) => `此时 σ′(z) = p(1 − p) = ${s}：模型自信地错了，MSE 的梯度几乎消失，学得极慢；BCE 的梯度仍约为 p − y，照样大步纠正。`,
      valueChart: (y: string) => `各损失随 p 的变化（y = ${y}）`,
      gradChartP: (y: string) => `对 p 的梯度 ∂ℓ/∂p（y = ${y}）`,
      gradChartZ: (y: string) => `经过 sigmoid 对 logit 的梯度 ∂ℓ/∂z（y = ${y}）`,
      clipped: '纵轴截在 ±10；交叉熵对 p 的梯度在两端会远超此范围。',
      axisP: '预测 p',
      axisLoss: '损失',
      axisGrad: '梯度',
      tableLabel: '以表格查看数值',
      dragHint: '圆点标出当前的 p。在图上按住拖动可改变 p；键盘用户请用上面的 p 滑块。',
      ceSameAsBce: '两类时，分类交叉熵与二元交叉熵是同一条曲线（虚线与实线重合）。',
      floorLabel: (h: string) => `H(y) = ${h}`,
      floorNote: '点线是软标签下交叉熵的下限 H(y)。',
      sep: '',
    },
    en: {
      p: 'Prediction p',
      pSlider: 'Prediction p (slider)',
      pHint: 'The model’s probability for the positive class, from 0.001 to 0.999; drag on a chart or fine-tune with the arrow keys.',
      notANumber: 'That is not a number; p is unchanged.',
      pEdge: (v: string) => `At exactly 0 or 1 a cross-entropy is infinite (frameworks clip p to 10⁻⁷ and 1 − 10⁻⁷); the explorer uses ${v}.`,
      pOutside: (v: string) => `p is a probability and must lie strictly between 0 and 1; set to ${v}.`,
      pRange: (v: string) => `The explorer takes p from 0.001 to 0.999; set to ${v}.`,
      presets: 'Examples',
      presetLabels: {
        source001: 'Source 001’s example: p = 0.9, y = 1',
        confidentlyWrong: 'Confidently wrong: p = 0.01, y = 1',
        coinFlip: 'Coin flip: p = 0.5',
        softLabel: 'Soft label: y = 0.7',
      } as Record<LossPresetId, string>,
      loss: 'Loss',
      value: 'Value ℓ',
      gradP: '∂ℓ/∂p',
      gradZ: '∂ℓ/∂z (p = σ(z))',
      names: {
        mse: 'Mean squared error',
        mae: 'Mean absolute error',
        huber: 'Huber',
        bce: 'Binary cross-entropy',
        ce: 'Categorical cross-entropy (2 classes)',
      } as Record<LossKey, string>,
      short: { mse: 'MSE', mae: 'MAE', huber: 'Huber', bce: 'BCE', ce: 'CE' } as Record<LossKey, string>,
      formulas: {
        mse: '(p − y)²',
        mae: '|p − y|',
        huber: '½r² or δ(|r| − ½δ)',
        bce: '−[y ln p + (1−y) ln(1−p)]',
        ce: '−Σ yₖ ln pₖ over (p, 1−p)',
      } as Record<LossKey, string>,
      tableCaption: (p: string, y: string) => `Each loss and its gradients at p = ${p}, y = ${y}.`,
      logitLine: 'The matching logit: z = ln(p/(1−p)) =',
      neverNegativeTitle: 'Why cross-entropy is never negative',
      neverNegative:
        'Each term of a cross-entropy is −yₖ ln pₖ: a target weight yₖ ≥ 0 times −ln pₖ, and for a probability 0 < pₖ ≤ 1, ln pₖ ≤ 0, so −ln pₖ ≥ 0. A sum of non-negative terms is non-negative.',
      terms: 'The two terms:',
      term1: '−y ln p',
      term2: '−(1−y) ln(1−p)',
      entropyBefore: 'At this y no p can bring the cross-entropy below H(y) =',
      entropyAfter: '(reached at p = y).',
      sourceErratum: (v: string) =>
        `Source 001 §4.2.2 printed −0.105 for y = [1, 0], ŷ = [0.9, 0.1]. A cross-entropy cannot be negative: the value is −ln 0.9 = ${v}.`,
      saturationTitle: 'Why not MSE for classification: gradients through a sigmoid',
      saturationMse: 'MSE: ∂ℓ/∂z = 2(p − y)·p(1 − p)',
      saturationBce: 'BCE: ∂ℓ/∂z = p − y',
      ratio: (r: string) => `BCE’s gradient is ${r} times MSE’s.`,
      ratioNone: 'At p = y both are 0.',
      saturated: (s: string) =>
        `Here σ′(z) = p(1 − p) = ${s}: the model is confidently wrong, MSE’s gradient has all but vanished and it learns very slowly, while BCE’s is still about p − y and corrects it in full.`,
      valueChart: (y: string) => `Loss against p (y = ${y})`,
      gradChartP: (y: string) => `Gradient ∂ℓ/∂p against p (y = ${y})`,
      gradChartZ: (y: string) => `Gradient ∂ℓ/∂z through a sigmoid, against p (y = ${y})`,
      clipped: 'The axis stops at ±10; the cross-entropies’ gradients with respect to p go far beyond it near the ends.',
      axisP: 'prediction p',
      axisLoss: 'loss',
      axisGrad: 'gradient',
      tableLabel: 'Show the numbers as a table',
      dragHint: 'The dots mark the current p. Drag on a chart to move p; from the keyboard, use the p slider above.',
      ceSameAsBce: 'For two classes the categorical cross-entropy is the binary one: the dashed curve lies on the solid one.',
      floorLabel: (h: string) => `H(y) = ${h}`,
      floorNote: 'The dotted line is the floor H(y) that a soft target puts under the cross-entropy.',
      sep: ' ',
    },
  }),
});

export default lossExplorer;
