/**
 * AdamStepper: source 001 §4.2.3's Adam example done right, one step at a time, with and without bias correction,
 * next to what the source printed; then Adam on any gradient sequence the reader types. Two parameters, as in the
 * source: θ = (θ[1], θ[2]), each with its own gradient list. The lists repeat when they run out, so "−0.1" is a
 * constant gradient and "1, −1" an alternating one: g_t = list[(t − 1) mod length]. The maths is adamStepDetailed of
 * lib/math/optimizers.ts, run twice (biasCorrection true and false) from the same gradients.
 *
 * The view's test contract (`data-result="adamStepper.<name>"`, raw number in `data-value`; `<i>` is the coordinate,
 * 0 or 1, shown to the reader as 1 or 2):
 * - `t` (the step shown), `steps` (T);
 * - at step t: `g.<i>`; `m.<i>`, `v.<i>` (the same with or without correction); `c1` = 1 − β₁ᵗ, `c2` = 1 − β₂ᵗ;
 *   `mHat.<i>`, `vHat.<i>` (corrected); and for `<variant>` = `corrected` or `uncorrected`: `denom.<variant>.<i>`
 *   (√v̂ + ε, or √v + ε), `update.<variant>.<i>` (θ_t − θ_{t−1}), `theta.<variant>.<i>` (θ_t);
 * - `misprinted.m.<i>`, `misprinted.v.<i>`: m_t and v_t under the source's misprinted recurrence
 *   m ← β₁m + (1 − β₁)(g − m), v ← β₂v + (1 − β₂)(g² − v);
 * - `source.m1.<i>`, `source.v1.<i>`, `source.theta1.<i>`: what source 001 printed (shown at t = 1 with its settings).
 * The table of every step has one row per t (`data-t`), every cell holding its raw number in `data-value`.
 */
import { formatNumber } from '../format';
import { NUMBER_LOCALE, bilingual, type Lang } from '../i18n';
import { SOURCE_001_ADAM, adamStepDetailed, type AdamState } from '../math/optimizers';
import type { Schema, Values } from '../state/schema';
import { defineWidget } from './define';

export const ADAM_STEPPER_ID = 'adamStepper';

/** The most steps the stepper runs (each is two Adam steps on two numbers: cheap, but the table must stay readable). */
export const MAX_STEPS = 200;

const gradList = (label: { zh: string; en: string }, value: number) =>
  ({
    type: 'numList',
    default: [value],
    min: -1000,
    max: 1000,
    minLength: 1,
    maxLength: 100,
    label,
    hint: {
      zh: '以逗号分隔的 1–100 个数，每个在 −1000 到 1000 之间；列表用完后从头重复。',
      en: '1–100 numbers separated by commas, each from −1000 to 1000; the list repeats when it runs out.',
    },
    group: 'gradients',
  }) as const;

export const adamStepperSchema = {
  /** The step shown, 1…steps; drawn by the view (buttons and a slider). */
  t: { type: 'number', default: 1, min: 1, max: MAX_STEPS, integer: true },
  steps: {
    type: 'number',
    default: 20,
    min: 1,
    max: MAX_STEPS,
    integer: true,
    control: 'number',
    label: { zh: '步数 T', en: 'Steps T' },
    group: 'gradients',
  },
  grads1: gradList({ zh: '参数 1 的梯度序列', en: 'Gradient sequence, parameter 1' }, SOURCE_001_ADAM.grad[0]),
  grads2: gradList({ zh: '参数 2 的梯度序列', en: 'Gradient sequence, parameter 2' }, SOURCE_001_ADAM.grad[1]),
  theta0: {
    type: 'numList',
    default: [...SOURCE_001_ADAM.theta0],
    min: -1000,
    max: 1000,
    minLength: 2,
    maxLength: 2,
    label: { zh: '初始参数 θ₀', en: 'Starting point θ₀' },
    hint: { zh: '两个数，例如 1, 1。', en: 'Two numbers, e.g. 1, 1.' },
    group: 'gradients',
  },
  beta1: {
    type: 'number',
    default: SOURCE_001_ADAM.beta1,
    min: 0,
    max: 0.9999,
    control: 'number',
    label: { zh: 'β₁（一阶矩衰减）', en: 'β₁ (first-moment decay)' },
    group: 'hyper',
  },
  beta2: {
    type: 'number',
    default: SOURCE_001_ADAM.beta2,
    min: 0,
    max: 0.99999,
    control: 'number',
    label: { zh: 'β₂（二阶矩衰减）', en: 'β₂ (second-moment decay)' },
    group: 'hyper',
  },
  lr: {
    type: 'number',
    default: SOURCE_001_ADAM.lr,
    min: 1e-6,
    max: 10,
    control: 'number',
    label: { zh: '步长 α', en: 'Step size α' },
    group: 'hyper',
  },
  eps: {
    type: 'number',
    default: SOURCE_001_ADAM.eps,
    min: 1e-12,
    max: 1,
    control: 'number',
    label: { zh: 'ε', en: 'ε' },
    hint: { zh: '加在 √v̂ 上；原文用 0.001，论文用 10⁻⁸。', en: 'Added to √v̂; the source uses 0.001, the paper 10⁻⁸.' },
    group: 'hyper',
  },
} satisfies Schema;

export type AdamStepperValues = Values<typeof adamStepperSchema>;

export type Pair = [number, number];
/** The rows of the step table. Their symbols use `_x`, `_{…}` and `^x` for sub- and superscripts (the view typesets them). */
export type RowKey = 'g' | 'm' | 'v' | 'c1' | 'c2' | 'mHat' | 'vHat' | 'denom' | 'update' | 'theta';
export const VARIANTS = ['corrected', 'uncorrected'] as const;
export type Variant = (typeof VARIANTS)[number];

/** One Adam step of one variant (with or without bias correction). */
export interface VariantStep {
  /** √v̂_t + ε (corrected) or √v_t + ε (uncorrected). */
  denom: Pair;
  /** θ_t − θ_{t−1} = −α m̂_t / (√v̂_t + ε). */
  update: Pair;
  theta: Pair;
}

/** Everything step t computes. */
export interface AdamStepRecord {
  t: number;
  g: Pair;
  m: Pair;
  v: Pair;
  /** 1 − β₁ᵗ and 1 − β₂ᵗ. */
  c1: number;
  c2: number;
  /** m_t / (1 − β₁ᵗ), v_t / (1 − β₂ᵗ). */
  mHat: Pair;
  vHat: Pair;
  corrected: VariantStep;
  uncorrected: VariantStep;
  /** m_t and v_t under source 001's misprinted recurrence m ← βm + (1 − β)(g − m). */
  misprinted: { m: Pair; v: Pair };
}

/** The gradient at step t (from 1) of a list that repeats: list[(t − 1) mod length]. */
export function gradientAt(list: readonly number[], t: number): number {
  if (list.length === 0) throw new Error('gradientAt: an empty gradient list');
  return list[(t - 1) % list.length]!;
}

/**
 * The moving averages of source 001 §4.1.3's misprinted recurrence, a ← βa + (1 − β)(x − a) from a = 0, over a
 * sequence x₁, x₂, …; returns a₁, a₂, …. For a constant x it equals misprintedAdamMoment (and tends to x/2).
 */
export function misprintedAverages(beta: number, xs: readonly number[]): number[] {
  let a = 0;
  return xs.map((x) => (a = beta * a + (1 - beta) * (x - a)));
}

const pair = (xs: readonly number[]): Pair => [xs[0]!, xs[1]!];

/** Adam over `steps` steps of the two gradient lists, with and without bias correction, every intermediate kept. */
export function adamRun(values: Pick<AdamStepperValues, 'steps' | 'grads1' | 'grads2' | 'theta0' | 'beta1' | 'beta2' | 'lr' | 'eps'>): AdamStepRecord[] {
  const { steps, grads1, grads2, theta0, beta1, beta2, lr, eps } = values;
  const hyper = { lr, beta1, beta2, eps };
  const out: AdamStepRecord[] = [];
  let thetaC: number[] = [theta0[0]!, theta0[1]!];
  let thetaU: number[] = [...thetaC];
  let stateC: AdamState | undefined;
  let stateU: AdamState | undefined;
  const gs: Pair[] = Array.from({ length: steps }, (_, i) => [gradientAt(grads1, i + 1), gradientAt(grads2, i + 1)]);
  const mis = [0, 1].map((i) => ({
    m: misprintedAverages(beta1, gs.map((g) => g[i]!)),
    v: misprintedAverages(beta2, gs.map((g) => g[i]! ** 2)),
  }));
  for (let t = 1; t <= steps; t++) {
    const g = gs[t - 1]!;
    const c = adamStepDetailed(thetaC, g, stateC, { ...hyper, biasCorrection: true });
    const u = adamStepDetailed(thetaU, g, stateU, { ...hyper, biasCorrection: false });
    const variant = (d: typeof c.detail, next: number[]): VariantStep => ({
      denom: pair(d.vHat.map((v) => Math.sqrt(v) + eps)),
      update: pair(d.direction.map((x) => -lr * x)),
      theta: pair(next),
    });
    out.push({
      t,
      g,
      m: pair(c.detail.m),
      v: pair(c.detail.v),
      c1: 1 - beta1 ** t,
      c2: 1 - beta2 ** t,
      mHat: pair(c.detail.mHat),
      vHat: pair(c.detail.vHat),
      corrected: variant(c.detail, c.step.params),
      uncorrected: variant(u.detail, u.step.params),
      misprinted: { m: [mis[0]!.m[t - 1]!, mis[1]!.m[t - 1]!], v: [mis[0]!.v[t - 1]!, mis[1]!.v[t - 1]!] },
    });
    thetaC = c.step.params;
    thetaU = u.step.params;
    stateC = c.step.state;
    stateU = u.step.state;
  }
  return out;
}

/** Whether the settings are source 001's example (its hyper-parameters, θ₀ and, at step 1, its gradient). */
export function isSourceExample(values: Pick<AdamStepperValues, 'grads1' | 'grads2' | 'theta0' | 'beta1' | 'beta2' | 'lr' | 'eps'>): boolean {
  const s = SOURCE_001_ADAM;
  return (
    values.beta1 === s.beta1 &&
    values.beta2 === s.beta2 &&
    values.lr === s.lr &&
    values.eps === s.eps &&
    values.theta0[0] === s.theta0[0] &&
    values.theta0[1] === s.theta0[1] &&
    values.grads1[0] === s.grad[0] &&
    values.grads2[0] === s.grad[1]
  );
}

/**
 * A number of the stepper for people: up to six significant digits in plain notation from 10⁻⁴ to 10⁶, else
 * m × 10ⁿ; θ, which moves in its fourth decimal, with six decimals.
 */
export function formatQuantity(value: number, lang: Lang, kind: 'theta' | 'other' = 'other'): string {
  if (!Number.isFinite(value)) return '—';
  if (value === 0) return '0';
  // Decide on the value as shown (six significant digits), so 0.0001 − 1e-20 is written 0.0001 like 0.0001 itself.
  const a = Math.abs(Number(value.toPrecision(6)));
  if (kind === 'theta' && a < 1e6) return formatNumber(value, lang, { digits: 6 });
  if (a < 1e-4 || a >= 1e6) return formatNumber(value, lang, { sci: true, digits: 4 });
  return new Intl.NumberFormat(NUMBER_LOCALE[lang], { maximumSignificantDigits: 6 }).format(value);
}

/** Hyper-parameter presets: the source's example, the paper's defaults, TensorFlow.js's defaults. */
export const HYPER_PRESETS = [
  { id: 'source001', beta1: 0.9, beta2: 0.99, lr: 0.001, eps: 0.001 },
  { id: 'paper', beta1: 0.9, beta2: 0.999, lr: 0.001, eps: 1e-8 },
  { id: 'tfjs', beta1: 0.9, beta2: 0.999, lr: 0.001, eps: 1e-7 },
] as const;
export type HyperPresetId = (typeof HYPER_PRESETS)[number]['id'];

/** Gradient presets, the experiments the chapter suggests. */
export const GRADIENT_PRESETS = [
  { id: 'source001', grads1: [-0.1], grads2: [-0.2], steps: 20 },
  { id: 'alternating', grads1: [1, -1], grads2: [-0.2], steps: 20 },
  { id: 'scales', grads1: [1e-4], grads2: [1], steps: 20 },
  { id: 'spike', grads1: [0.01, 0.01, 0.01, 0.01, 0.01, 10, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01], grads2: [0.01], steps: 20 },
] as const;
export type GradientPresetId = (typeof GRADIENT_PRESETS)[number]['id'];

export const adamStepper = defineWidget({
  id: ADAM_STEPPER_ID,
  tag: 'AdamStepper',
  title: { zh: 'Adam 逐步演算：原文的例子，算对', en: 'Adam, step by step: the source’s example, done right' },
  schema: adamStepperSchema,
  groups: [
    { id: 'gradients', label: { zh: '梯度序列与起点', en: 'Gradients and starting point' }, open: true },
    { id: 'hyper', label: { zh: '超参数', en: 'Hyper-parameters' } },
  ],
  strings: bilingual({
    zh: {
      stepNav: '逐步查看',
      step: (t: number, T: number) => `第 ${t} 步，共 ${T} 步`,
      stepSlider: '步 t',
      stepCaption: (t: number) => `第 ${t} 步的每个中间量：不做与做偏差校正`,
      first: '第一步',
      back: '上一步',
      forward: '下一步',
      last: '最后一步',
      hyperPresets: '超参数预设',
      hyperPresetLabels: {
        source001: '原文 001：β₂ = 0.99，ε = 0.001',
        paper: '论文默认：β₂ = 0.999，ε = 10⁻⁸',
        tfjs: 'TensorFlow.js 默认：ε = 10⁻⁷',
      } as Record<HyperPresetId, string>,
      gradPresets: '梯度预设',
      gradPresetLabels: {
        source001: '原文：恒为 [−0.1, −0.2]',
        alternating: '正负交替：1, −1',
        scales: '一小一大：10⁻⁴ 与 1',
        spike: '一次尖峰：0.01 中夹一个 10',
      } as Record<GradientPresetId, string>,
      quantity: '量',
      source: '原文 001 所印（t = 1）',
      uncorrected: '不做偏差校正',
      corrected: '做偏差校正',
      rows: {
        g: ['g_t', '梯度'],
        m: ['m_t', 'β₁m_{t−1} + (1 − β₁)g_t'],
        v: ['v_t', 'β₂v_{t−1} + (1 − β₂)g_t^2'],
        c1: ['1 − β₁^t', 'm 的偏差校正因子'],
        c2: ['1 − β₂^t', 'v 的偏差校正因子'],
        mHat: ['m̂_t', 'm_t / (1 − β₁^t)'],
        vHat: ['v̂_t', 'v_t / (1 − β₂^t)'],
        denom: ['√v̂_t + ε', '不校正时为 √v_t + ε'],
        update: ['θ_t − θ_{t−1}', '−α m̂_t / (√v̂_t + ε)'],
        theta: ['θ_t', '参数'],
      } as Record<RowKey, [string, string]>,
      sameBoth: '两种情况相同',
      notUsed: '不使用（m̂ = m，v̂ = v）',
      notPrinted: '未给出',
      coord: (i: number) => `参数 ${i}`,
      ok: '正确',
      wrong: '错误',
      sourceV: '错：应为 0.01 × [0.01, 0.04] = [0.0001, 0.0004]，原文大了 10 倍',
      sourceTheta: '错：梯度为负，θ 应当增大；而且 Adam 第一步每个分量都小于 α = 0.001',
      sourceNote: '原文的数值只对应第一步：回到 t = 1 并使用原文的设置即可看到对照列。',
      sourceNoteOff: '对照列只在原文的设置下显示（可点“原文 001”两个预设恢复）。',
      misprintedTitle: '原文 §4.1.3 写错的公式',
      misprinted: (t: number) =>
        `原文写的是 m_t = β₁m_{t−1} + (1 − β₁)(g_t − m_{t−1})，v_t 同理。按它算，第 ${t} 步会得到：`,
      misprintedWhy: '括号里多减了一个旧均值，相当于把衰减系数改成 2β − 1：恒定梯度下 m 只会趋向 g/2、v 趋向 g²/2。第一步因 m₀ = 0 恰好没有差别，从第二步起就分开了。',
      misprintedM: '按错式的 m_t',
      misprintedV: '按错式的 v_t',
      correctM: '正确的 m_t',
      chartCaption: (i: number) => `参数 ${i} 随步数 t 的轨迹：实线做偏差校正，虚线不做`,
      chartTable: '以表格查看轨迹',
      axisT: '步 t',
      axisTheta: (i: number) => `θ[${i}]`,
      seriesCorrected: '做偏差校正',
      seriesUncorrected: '不做偏差校正',
      tableTitle: (T: number) => `每一步的全部中间量（t = 1…${T}）`,
      tableCaption: '每格两行：上为参数 1，下为参数 2。当前步高亮。',
      colT: 't',
      colG: 'g',
      colM: 'm',
      colV: 'v',
      colC1: '1 − β₁ᵗ',
      colC2: '1 − β₂ᵗ',
      colMHat: 'm̂',
      colVHat: 'v̂',
      colUpdC: 'Δθ（校正）',
      colThetaC: 'θ（校正）',
      colUpdU: 'Δθ（未校正）',
      colThetaU: 'θ（未校正）',
      tClamped: (t: number, T: number) => `链接中的 t = ${t} 超过了步数 T = ${T}，显示第 ${T} 步。`,
      rises: '梯度为负时，下降方向是让 θ 增大。',
    },
    en: {
      stepNav: 'Step through',
      step: (t: number, T: number) => `Step ${t} of ${T}`,
      stepSlider: 'Step t',
      stepCaption: (t: number) => `Every quantity of step t = ${t}, without and with bias correction`,
      first: 'First step',
      back: 'Back',
      forward: 'Forward',
      last: 'Last step',
      hyperPresets: 'Hyper-parameter presets',
      hyperPresetLabels: {
        source001: 'Source 001: β₂ = 0.99, ε = 0.001',
        paper: 'The paper’s defaults: β₂ = 0.999, ε = 10⁻⁸',
        tfjs: 'TensorFlow.js defaults: ε = 10⁻⁷',
      } as Record<HyperPresetId, string>,
      gradPresets: 'Gradient presets',
      gradPresetLabels: {
        source001: 'The source’s: constant [−0.1, −0.2]',
        alternating: 'Alternating: 1, −1',
        scales: 'Tiny and large: 10⁻⁴ and 1',
        spike: 'One spike: a 10 among 0.01s',
      } as Record<GradientPresetId, string>,
      quantity: 'Quantity',
      source: 'Source 001 printed (t = 1)',
      uncorrected: 'Without bias correction',
      corrected: 'With bias correction',
      rows: {
        g: ['g_t', 'gradient'],
        m: ['m_t', 'β₁m_{t−1} + (1 − β₁)g_t'],
        v: ['v_t', 'β₂v_{t−1} + (1 − β₂)g_t^2'],
        c1: ['1 − β₁^t', 'corrects m'],
        c2: ['1 − β₂^t', 'corrects v'],
        mHat: ['m̂_t', 'm_t / (1 − β₁^t)'],
        vHat: ['v̂_t', 'v_t / (1 − β₂^t)'],
        denom: ['√v̂_t + ε', '√v_t + ε without correction'],
        update: ['θ_t − θ_{t−1}', '−α m̂_t / (√v̂_t + ε)'],
        theta: ['θ_t', 'the parameters'],
      } as Record<RowKey, [string, string]>,
      sameBoth: 'the same in both',
      notUsed: 'not used (m̂ = m, v̂ = v)',
      notPrinted: 'not given',
      coord: (i: number) => `parameter ${i}`,
      ok: 'right',
      wrong: 'wrong',
      sourceV: 'Wrong: 0.01 × [0.01, 0.04] = [0.0001, 0.0004]; the source’s is ten times too large',
      sourceTheta: 'Wrong: the gradient is negative, so θ must rise; and Adam’s first step is smaller than α = 0.001 in every coordinate',
      sourceNote: 'The source printed the first step only: go back to t = 1 with its settings to see its column.',
      sourceNoteOff: 'The source’s column shows with the source’s settings (the two “Source 001” presets restore them).',
      misprintedTitle: 'The formula source 001 §4.1.3 got wrong',
      misprinted: (t: number) => `The source writes m_t = β₁m_{t−1} + (1 − β₁)(g_t − m_{t−1}), and v_t likewise. By that formula step ${t} would give:`,
      misprintedWhy:
        'Subtracting the old average inside the bracket turns the decay into 2β − 1: under a constant gradient m tends to g/2 and v to g²/2. At the first step m₀ = 0 hides the slip; from the second step on the two part.',
      misprintedM: 'm_t by the misprint',
      misprintedV: 'v_t by the misprint',
      correctM: 'm_t, correct',
      chartCaption: (i: number) => `Parameter ${i} against step t: solid with bias correction, dashed without`,
      chartTable: 'Show the trajectory as a table',
      axisT: 'step t',
      axisTheta: (i: number) => `θ[${i}]`,
      seriesCorrected: 'with bias correction',
      seriesUncorrected: 'without bias correction',
      tableTitle: (T: number) => `Every intermediate of every step (t = 1…${T})`,
      tableCaption: 'Two lines per cell: parameter 1 above, parameter 2 below. The current step is highlighted.',
      colT: 't',
      colG: 'g',
      colM: 'm',
      colV: 'v',
      colC1: '1 − β₁ᵗ',
      colC2: '1 − β₂ᵗ',
      colMHat: 'm̂',
      colVHat: 'v̂',
      colUpdC: 'Δθ (corrected)',
      colThetaC: 'θ (corrected)',
      colUpdU: 'Δθ (uncorrected)',
      colThetaU: 'θ (uncorrected)',
      tClamped: (t: number, T: number) => `The link’s t = ${t} is beyond the T = ${T} steps; showing step ${T}.`,
      rises: 'With a negative gradient, descent makes θ rise.',
    },
  }),
});

export default adamStepper;
