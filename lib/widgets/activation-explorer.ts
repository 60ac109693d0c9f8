/**
 * ActivationExplorer: a scalar activation and its derivative over z ∈ [−6, 6], the worked values at one z, the
 * vanishing-gradient product (f′(z))ⁿ through n layers; or softmax on a vector of logits, with a temperature and its
 * Jacobian. Schema, strings and the pure computations the view draws (the maths itself is lib/math/activations).
 */
import { bilingual } from '../i18n';
import { activation, activationDerivative, normalCdf, normalPdf, softmax, softmaxJacobian, vanishingProduct } from '../math/activations';
import { parseField, type Parsed, type Schema, type Values } from '../state/schema';
import { defineWidget } from './define';

export const ACTIVATION_EXPLORER_ID = 'activationExplorer';

/** The scalar activations the explorer plots (lib/math's names), then softmax, which acts on a vector. */
export const SCALAR_FNS = ['sigmoid', 'tanh', 'relu', 'leakyRelu', 'gelu'] as const;
export type ScalarFn = (typeof SCALAR_FNS)[number];
export const EXPLORER_FNS = [...SCALAR_FNS, 'softmax'] as const;
export type ExplorerFn = (typeof EXPLORER_FNS)[number];

/** The z range of the plot and of the `z` setting. */
export const Z_MIN = -6;
export const Z_MAX = 6;

const SCALAR_ONLY = { fn: SCALAR_FNS };

export const activationExplorerSchema = {
  fn: {
    type: 'enum',
    default: 'sigmoid',
    options: EXPLORER_FNS,
    control: 'chips',
    label: { zh: '函数', en: 'Function' },
    optionLabels: {
      sigmoid: { zh: 'Sigmoid σ', en: 'Sigmoid σ' },
      tanh: { zh: 'tanh', en: 'tanh' },
      relu: { zh: 'ReLU', en: 'ReLU' },
      leakyRelu: { zh: 'Leaky ReLU', en: 'Leaky ReLU' },
      gelu: { zh: 'GELU', en: 'GELU' },
      softmax: { zh: 'Softmax（向量）', en: 'Softmax (a vector)' },
    },
  },
  z: {
    type: 'number',
    default: 2,
    min: Z_MIN,
    max: Z_MAX,
    control: 'number',
    label: { zh: '输入 z', en: 'Input z' },
    hint: { zh: '也可以在图上拖动圆点，或聚焦圆点后用方向键移动（Shift 加方向键一次移动 1）。', en: 'Or drag the dot on the plot, or focus it and use the arrow keys (Shift + arrow moves by 1).' },
    when: SCALAR_ONLY,
  },
  layers: {
    type: 'number',
    default: 10,
    min: 1,
    max: 30,
    integer: true,
    step: 1,
    label: { zh: '层数 n', en: 'Layers n' },
    when: SCALAR_ONLY,
  },
  alpha: {
    type: 'number',
    default: 0.01,
    min: 0.001,
    max: 0.5,
    ladder: [0.001, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5],
    label: { zh: '负半轴斜率 α', en: 'Slope α for z < 0' },
    when: { fn: ['leakyRelu'] },
  },
  logits: {
    type: 'numList',
    default: [2, 1, 0.1],
    min: -50,
    max: 50,
    minLength: 2,
    maxLength: 8,
    label: { zh: 'Logits（2–8 个数，用逗号分隔）', en: 'Logits (2–8 numbers, comma-separated)' },
    hint: { zh: '例如 2, 1, 0.1；每个数在 −50 到 50 之间。按回车或离开输入框时生效。', en: 'For example 2, 1, 0.1; each between −50 and 50. Applied on Enter or when you leave the box.' },
    when: { fn: ['softmax'] },
  },
  temperature: {
    type: 'number',
    default: 1,
    min: 0.1,
    max: 10,
    ladder: [0.1, 0.2, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10],
    label: { zh: '温度 T', en: 'Temperature T' },
    hint: { zh: 'softmax(z / T)：T < 1 使分布更尖锐，T > 1 使它更平坦。', en: 'softmax(z / T): T < 1 sharpens the distribution, T > 1 flattens it.' },
    when: { fn: ['softmax'] },
  },
} satisfies Schema;

export type ActivationExplorerValues = Values<typeof activationExplorerSchema>;

/** True for the functions the explorer plots against z (all but softmax). */
export function isScalarFn(fn: string): fn is ScalarFn {
  return (SCALAR_FNS as readonly string[]).includes(fn);
}

/** Everything the scalar view shows at one z: f(z), f′(z), and the product (f′(z))ⁿ over `layers` layers. */
export interface ScalarReport {
  value: number;
  derivative: number;
  product: number;
  /** The parts of the worked computation: σ(z) for sigmoid, tanh(z) for tanh, Φ(z) and φ(z) for GELU. */
  parts: { sigmoid: number; tanh: number; cdf: number; pdf: number };
}

/** f(z), f′(z) and (f′(z))ⁿ for a scalar activation; `alpha` is leaky ReLU's slope for z < 0. */
export function scalarReport(fn: ScalarFn, z: number, layers: number, alpha: number): ScalarReport {
  return {
    value: activation(fn, z, alpha),
    derivative: activationDerivative(fn, z, alpha),
    product: vanishingProduct(fn, z, layers, alpha),
    parts: { sigmoid: activation('sigmoid', z), tanh: Math.tanh(z), cdf: normalCdf(z), pdf: normalPdf(z) },
  };
}

/** `count` evenly spaced samples (z, f(z), f′(z)) over [Z_MIN, Z_MAX], the curves of the plot. */
export function sampleCurve(fn: ScalarFn, alpha: number, count = 241): { z: number; f: number; d: number }[] {
  return Array.from({ length: count }, (_, i) => {
    // Snap to a grid of 1e-9 so that z = 0 and the integers are hit exactly (the ReLU kink sits on a sample).
    const z = Math.round((Z_MIN + ((Z_MAX - Z_MIN) * i) / (count - 1)) * 1e9) / 1e9;
    return { z, f: activation(fn, z, alpha), d: activationDerivative(fn, z, alpha) };
  });
}

/** (f′(z))ⁿ for n = 1 … maxLayers: how much of a gradient is left after n layers whose units all sit at z. */
export function productSeries(fn: ScalarFn, z: number, alpha: number, maxLayers = 30): { n: number; product: number }[] {
  return Array.from({ length: maxLayers }, (_, i) => ({ n: i + 1, product: vanishingProduct(fn, z, i + 1, alpha) }));
}

/** The largest |f′| of each function over all z, the best case of the vanishing product (GELU′ peaks at z = √2). */
export const BEST_DERIVATIVE: Record<ScalarFn, { z: number; d: number }> = {
  sigmoid: { z: 0, d: 0.25 },
  tanh: { z: 0, d: 1 },
  relu: { z: 1, d: 1 },
  leakyRelu: { z: 1, d: 1 },
  gelu: { z: Math.SQRT2, d: activationDerivative('gelu', Math.SQRT2) },
};

/** softmax(z / T): the probabilities at temperature T > 0. */
export function softmaxT(logits: readonly number[], temperature: number): number[] {
  return softmax(logits.map((v) => v / temperature));
}

/** ∂sᵢ/∂zⱼ of s = softmax(z / T): sᵢ(δᵢⱼ − sⱼ) / T, an n × n symmetric matrix whose rows sum to 0. */
export function softmaxJacobianT(logits: readonly number[], temperature: number): number[][] {
  return softmaxJacobian(logits.map((v) => v / temperature)).map((row) => row.map((v) => v / temperature));
}

/**
 * Reads logits as a reader types them: numbers separated by commas, spaces or semicolons, full-width ones included
 * ("2, 1, 0.1", "2 1 0.1", "2，1，0.1", "−1; 3"), checked against the `logits` field (2–8 numbers in [−50, 50]).
 */
export function parseLogits(text: string): Parsed<number[]> {
  const parts = text.replace(/−/g, '-').trim().split(/[\s,，、;；]+/).filter(Boolean);
  return parseField(activationExplorerSchema.logits, parts.join(','));
}

/** The plain-text formulas of each function, the same in both editions. */
const FORMULAS: Record<ScalarFn, { f: string; d: string }> = {
  sigmoid: { f: 'σ(z) = 1 / (1 + e⁻ᶻ)', d: 'σ′(z) = σ(z) · (1 − σ(z))' },
  tanh: { f: 'tanh(z) = (eᶻ − e⁻ᶻ) / (eᶻ + e⁻ᶻ)', d: 'tanh′(z) = 1 − tanh²(z)' },
  relu: { f: 'ReLU(z) = max(0, z)', d: 'ReLU′(z) = 1 if z > 0, else 0' },
  leakyRelu: { f: 'LeakyReLU(z) = z if z > 0, else α·z', d: 'LeakyReLU′(z) = 1 if z > 0, else α' },
  gelu: { f: 'GELU(z) = z · Φ(z)', d: 'GELU′(z) = Φ(z) + z · φ(z)' },
};

const FORMULAS_ZH: Record<ScalarFn, { f: string; d: string }> = {
  ...FORMULAS,
  relu: { f: 'ReLU(z) = max(0, z)', d: 'ReLU′(z) = 1（z > 0），否则 0' },
  leakyRelu: { f: 'LeakyReLU(z) = z（z > 0），否则 α·z', d: 'LeakyReLU′(z) = 1（z > 0），否则 α' },
};

/** Numbers of a worked line, already formatted for the edition. */
export interface WorkedNumbers {
  z: string;
  /** −z, formatted (the exponent of e in σ). */
  negZ: string;
  /** z in parentheses when negative, as a factor: "(−1)". */
  zFactor: string;
  value: string;
  derivative: string;
  alpha: string;
  sigmoid: string;
  oneMinusSigmoid: string;
  tanh: string;
  cdf: string;
  pdf: string;
  positive: boolean;
}

/** The computation at z, written out with its numbers: one line for f(z), one for f′(z). */
const WORKED: Record<ScalarFn, (n: WorkedNumbers) => { f: string; d: string }> = {
  sigmoid: (n) => ({
    f: `σ(${n.z}) = 1 / (1 + e^(${n.negZ})) = ${n.value}`,
    d: `σ′(${n.z}) = ${n.sigmoid} × ${n.oneMinusSigmoid} = ${n.derivative}`,
  }),
  tanh: (n) => ({ f: `tanh(${n.z}) = ${n.value}`, d: `tanh′(${n.z}) = 1 − ${n.tanh}² = ${n.derivative}` }),
  relu: (n) => ({ f: `ReLU(${n.z}) = max(0, ${n.z}) = ${n.value}`, d: `ReLU′(${n.z}) = ${n.derivative}` }),
  leakyRelu: (n) => ({
    f: n.positive ? `LeakyReLU(${n.z}) = ${n.value}` : `LeakyReLU(${n.z}) = ${n.alpha} × ${n.zFactor} = ${n.value}`,
    d: `LeakyReLU′(${n.z}) = ${n.derivative}`,
  }),
  gelu: (n) => ({
    f: `GELU(${n.z}) = ${n.zFactor} × Φ(${n.z}) = ${n.zFactor} × ${n.cdf} = ${n.value}`,
    d: `GELU′(${n.z}) = ${n.cdf} + ${n.zFactor} × ${n.pdf} = ${n.derivative}`,
  }),
};

const FN_NAMES: Record<ScalarFn, string> = { sigmoid: 'σ', tanh: 'tanh', relu: 'ReLU', leakyRelu: 'LeakyReLU', gelu: 'GELU' };

export const activationExplorer = defineWidget({
  id: ACTIVATION_EXPLORER_ID,
  tag: 'ActivationExplorer',
  title: { zh: '激活函数探索器：f(z)、f′(z) 与梯度消失', en: 'Activation explorer: f(z), f′(z) and vanishing gradients' },
  schema: activationExplorerSchema,
  strings: bilingual({
    zh: {
      formulas: FORMULAS_ZH,
      worked: WORKED,
      fnName: FN_NAMES,
      describe: {
        sigmoid: '把任何数压进 (0, 1)；导数在 z = 0 处最大，也只有 0.25，离开 0 后很快趋于 0。',
        tanh: '与 sigmoid 同样的 S 形，但以 0 为中心、取值在 (−1, 1)；导数在 z = 0 处为 1，两侧同样迅速变平。',
        relu: '负数变 0，正数不变；激活时导数恰为 1，未激活时为 0（“死亡”单元不再学习）。',
        leakyRelu: '负半轴保留一个小斜率 α，导数永远不为 0，单元不会“死亡”。',
        gelu: 'z 乘以标准正态分布函数 Φ(z)：ReLU 的平滑版本，Transformer 中常用；负半轴有一个小小的凹陷，导数可略大于 1。',
      } as Record<ScalarFn, string>,
      fLegend: (name: string) => `f(z) = ${name}(z)`,
      dLegend: (name: string) => `f′(z) = ${name}′(z)`,
      zHandle: '输入 z（拖动或用方向键）',
      zValueText: (z: string, f: string) => `z = ${z}，f(z) = ${f}`,
      plotCaption: (name: string) => `${name}(z)（实线）及其导数（虚线），z 从 −6 到 6。拖动圆点改变 z。`,
      plotTable: '以表格查看函数值',
      zCol: 'z',
      fCol: 'f(z)',
      dCol: 'f′(z)',
      value: (name: string, z: string) => `${name}(${z})`,
      derivative: (name: string, z: string) => `${name}′(${z})`,
      formulaHead: '公式',
      workedHead: '代入数值',
      z: 'z',
      productTitle: '梯度消失：经过 n 层后还剩多少梯度',
      productLabel: (d: string, n: number) => `(f′(z))ⁿ = ${d}${sup(n)}`,
      productNote: '假设每层的单元都停在同一个 z、权重为 1：反向传播在每一层都乘以 f′(z)。',
      productCaption: (n: number) => `(f′(z))ⁿ 随层数 n 的变化（对数坐标），圆点为当前 n = ${n}。`,
      productAbsCaption: (n: number) => `|f′(z)|ⁿ 随层数 n 的变化（对数坐标；f′(z) < 0 时乘积的符号逐层交替），圆点为当前 n = ${n}。`,
      productTable: '以表格查看 (f′(z))ⁿ',
      nCol: '层数 n',
      productCol: '(f′(z))ⁿ',
      productSeries: '(f′(z))ⁿ',
      productAbsSeries: '|f′(z)|ⁿ',
      sigmoidBest: 'sigmoid 的最好情况 0.25ⁿ（z = 0）',
      unchanged: '1：梯度不变',
      layersAxis: '层数 n',
      productAxis: '剩下的比例',
      meaning: {
        zero: (n: number) => `f′(z) = 0：梯度一点也传不回去，经过 ${n} 层后仍是 0。停在这里的 ReLU 单元不再学习（“死亡”的 ReLU）。`,
        one: (n: number) => `f′(z) = 1：梯度原样穿过全部 ${n} 层，不会消失。这正是 ReLU 让深层网络可以训练的原因。`,
        shrink: (d: string, n: number, p: string) => `每经过一层，梯度乘以 f′(z) = ${d}；经过 ${n} 层只剩 ${p}。最前面几层几乎学不到东西：这就是梯度消失。`,
        grow: (d: string, n: number, p: string) => `|f′(z)| = ${d} 大于 1：经过 ${n} 层梯度被放大到 ${p} 倍（梯度爆炸）。GELU′ 的最大值约为 1.13，在 z = √2 附近。`,
        sigmoidBest: (n: number, p: string) => `即使在 sigmoid 最好的位置 z = 0，f′ 也只有 0.25，${n} 层后最多剩 0.25${sup(n)} = ${p}。`,
        negative: '这里 f′(z) < 0，乘积的符号逐层交替；图中画的是它的绝对值。',
      },
      flatNote: '这里 f′(z) = 0，乘积在每一层都是 0，对数坐标上画不出来。',
      badLogits: '无法读出这串数：需要 2 到 8 个数，每个在 −50 到 50 之间。logits 保持不变。',
      softmaxIntro: 'softmax 把一组任意实数（logits）变成一组和为 1 的概率：sᵢ = e^(zᵢ/T) / Σⱼ e^(zⱼ/T)。',
      probabilities: '概率 sᵢ',
      logitLabel: (i: number, v: string) => `z${sub(i)} = ${v}`,
      probLabel: (i: number) => `s${sub(i)}`,
      sum: '总和 Σ sᵢ',
      jacobianTitle: '雅可比矩阵 ∂sᵢ/∂zⱼ',
      jacobianCaption: '∂sᵢ/∂zⱼ = sᵢ(δᵢⱼ − sⱼ) / T。对角线（加粗）是 sᵢ(1 − sᵢ) / T，和 sigmoid 的导数同形，T = 1 时不超过 0.25；每一行之和为 0。',
      rowHead: 'i \\ j',
      softmaxMeaning: (top: string, p: string, t: string) => `最大的 logit ${top} 得到概率 ${p}（温度 T = ${t}）。调低 T，分布向最大的一项集中；调高 T，分布趋于均匀。`,
    },
    en: {
      formulas: FORMULAS,
      worked: WORKED,
      fnName: FN_NAMES,
      describe: {
        sigmoid: 'Squeezes any number into (0, 1). Its derivative is largest at z = 0, and even there it is only 0.25; away from 0 it falls fast towards 0.',
        tanh: 'The same S shape as the sigmoid, but centred on 0 and running from −1 to 1. Its derivative is 1 at z = 0 and flattens just as fast on either side.',
        relu: 'Negative inputs become 0, positive ones pass unchanged. The derivative is exactly 1 while the unit is active and 0 when it is not (a “dead” unit stops learning).',
        leakyRelu: 'Keeps a small slope α for z < 0, so the derivative is never 0 and a unit cannot die.',
        gelu: 'z times the standard normal distribution function Φ(z): a smooth ReLU, used in Transformers. It dips slightly below 0 for negative z, and its derivative can slightly exceed 1.',
      } as Record<ScalarFn, string>,
      fLegend: (name: string) => `f(z) = ${name}(z)`,
      dLegend: (name: string) => `f′(z) = ${name}′(z)`,
      zHandle: 'Input z (drag, or use the arrow keys)',
      zValueText: (z: string, f: string) => `z = ${z}, f(z) = ${f}`,
      plotCaption: (name: string) => `${name}(z) (solid) and its derivative (dashed) for z from −6 to 6. Drag the dot to change z.`,
      plotTable: 'Show the values as a table',
      zCol: 'z',
      fCol: 'f(z)',
      dCol: 'f′(z)',
      value: (name: string, z: string) => `${name}(${z})`,
      derivative: (name: string, z: string) => `${name}′(${z})`,
      formulaHead: 'Formula',
      workedHead: 'With the numbers',
      z: 'z',
      productTitle: 'Vanishing gradients: how much of a gradient survives n layers',
      productLabel: (d: string, n: number) => `(f′(z))ⁿ = ${d}${sup(n)}`,
      productNote: 'Assuming every layer’s unit sits at the same z, with weights of 1: backpropagation multiplies by f′(z) at each layer.',
      productCaption: (n: number) => `(f′(z))ⁿ against the number of layers n (log scale); the dot marks the current n = ${n}.`,
      productAbsCaption: (n: number) => `|f′(z)|ⁿ against the number of layers n (log scale; with f′(z) < 0 the product’s sign alternates); the dot marks the current n = ${n}.`,
      productTable: 'Show (f′(z))ⁿ as a table',
      nCol: 'Layers n',
      productCol: '(f′(z))ⁿ',
      productSeries: '(f′(z))ⁿ',
      productAbsSeries: '|f′(z)|ⁿ',
      sigmoidBest: 'sigmoid’s best case 0.25ⁿ (z = 0)',
      unchanged: '1: gradient unchanged',
      layersAxis: 'Layers n',
      productAxis: 'Fraction left',
      meaning: {
        zero: (n: number) => `f′(z) = 0: no gradient gets back at all, and after ${n} layers it is still 0. A ReLU unit stuck here stops learning (a “dead” ReLU).`,
        one: (n: number) => `f′(z) = 1: the gradient passes all ${n} layers unchanged and does not vanish. That is why ReLU made deep networks trainable.`,
        shrink: (d: string, n: number, p: string) => `Each layer multiplies the gradient by f′(z) = ${d}; after ${n} layers only ${p} of it is left. The first layers hardly learn: that is the vanishing gradient.`,
        grow: (d: string, n: number, p: string) => `|f′(z)| = ${d} exceeds 1: after ${n} layers the gradient is multiplied by ${p} (an exploding gradient). GELU′ peaks at about 1.13, near z = √2.`,
        sigmoidBest: (n: number, p: string) => `Even at the sigmoid’s best point, z = 0, f′ is only 0.25, so after ${n} layers at most 0.25${sup(n)} = ${p} is left.`,
        negative: 'Here f′(z) < 0, so the product’s sign alternates from layer to layer; the chart shows its absolute value.',
      },
      flatNote: 'Here f′(z) = 0, so the product is 0 at every depth and a log scale cannot show it.',
      badLogits: 'Could not read that: give 2 to 8 numbers, each between −50 and 50. The logits are unchanged.',
      softmaxIntro: 'Softmax turns any list of real numbers (logits) into probabilities that sum to 1: sᵢ = e^(zᵢ/T) / Σⱼ e^(zⱼ/T).',
      probabilities: 'Probabilities sᵢ',
      logitLabel: (i: number, v: string) => `z${sub(i)} = ${v}`,
      probLabel: (i: number) => `s${sub(i)}`,
      sum: 'Sum Σ sᵢ',
      jacobianTitle: 'Jacobian ∂sᵢ/∂zⱼ',
      jacobianCaption: '∂sᵢ/∂zⱼ = sᵢ(δᵢⱼ − sⱼ) / T. The diagonal (bold) is sᵢ(1 − sᵢ) / T, the sigmoid’s derivative in another guise, at most 0.25 when T = 1; every row sums to 0.',
      rowHead: 'i \\ j',
      softmaxMeaning: (top: string, p: string, t: string) => `The largest logit, ${top}, gets probability ${p} at temperature T = ${t}. Lower T and the distribution piles onto the largest entry; raise it and the distribution evens out.`,
    },
  }),
});

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';
const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** A non-negative integer as superscript digits: 10 → "¹⁰". */
export function sup(i: number): string {
  return String(i)
    .split('')
    .map((c) => SUPERSCRIPTS[Number(c)] ?? c)
    .join('');
}

/** A positive integer as subscript digits: 12 → "₁₂". */
export function sub(i: number): string {
  return String(i)
    .split('')
    .map((c) => SUBSCRIPTS[Number(c)] ?? c)
    .join('');
}

export default activationExplorer;
