/**
 * BackpropStepper: the chapter's 2-2-1 network (two tanh hidden units, one sigmoid output, loss ½(ŷ − y)²) with the
 * reader's weights, input, target and learning rate. Shows the forward pass, every gradient by backpropagation beside a
 * central finite difference, and the update θ − η·∂L/∂θ; Step applies it. The current weights and the step count are
 * the widget's state, so a link restores the network after any number of steps. The forward and backward pass is
 * lib/worked/neural-networks.ts's pass221; this file adds the gradient check and the step for any input and target.
 */
import { bilingual } from '../i18n';
import type { NumberField, Schema, Values } from '../state/schema';
import { NET_221, PARAMS_221, pass221, type Param221 } from '../worked/neural-networks';
import { defineWidget } from './define';

export const BACKPROP_STEPPER_ID = 'backpropStepper';

/** The nine parameters of the 2-2-1 network, by name. */
export type Params221 = Record<Param221, number>;

/** Central-difference step ε of the numerical gradient (the chapter's "numerical estimate" column uses the same). */
export const NUM_GRAD_EPS = 1e-5;
/** A backpropagated gradient passes the check when it differs from the central difference by at most this much. */
export const GRAD_CHECK_TOLERANCE = 1e-6;
/** Bounds of every weight and bias: tanh and the sigmoid are flat beyond them, so nothing is lost. */
export const PARAM_BOUND = 10;
export const MAX_STEPS = 1_000_000;

const PARAM_LABELS: Record<Param221, string> = {
  w11: 'w₁₁',
  w12: 'w₁₂',
  b1: 'b₁',
  w21: 'w₂₁',
  w22: 'w₂₂',
  b2: 'b₂',
  v1: 'v₁',
  v2: 'v₂',
  c: 'c',
};

/** How backpropagation writes each gradient: the δ at the head of the edge times the value at its tail. */
export const GRAD_FORMULAS: Record<Param221, string> = {
  w11: 'δ₁ · x₁',
  w12: 'δ₁ · x₂',
  b1: 'δ₁',
  w21: 'δ₂ · x₁',
  w22: 'δ₂ · x₂',
  b2: 'δ₂',
  v1: 'δ_out · h₁',
  v2: 'δ_out · h₂',
  c: 'δ_out',
};

const PARAM_HINTS: Record<Param221, { zh: string; en: string }> = {
  w11: { zh: 'x₁ → h₁', en: 'x₁ → h₁' },
  w12: { zh: 'x₂ → h₁', en: 'x₂ → h₁' },
  b1: { zh: 'h₁ 的偏置', en: 'bias of h₁' },
  w21: { zh: 'x₁ → h₂', en: 'x₁ → h₂' },
  w22: { zh: 'x₂ → h₂', en: 'x₂ → h₂' },
  b2: { zh: 'h₂ 的偏置', en: 'bias of h₂' },
  v1: { zh: 'h₁ → ŷ', en: 'h₁ → ŷ' },
  v2: { zh: 'h₂ → ŷ', en: 'h₂ → ŷ' },
  c: { zh: '输出的偏置', en: 'bias of the output' },
};

function paramField(k: Param221): NumberField {
  return {
    type: 'number',
    default: NET_221.params[k],
    min: -PARAM_BOUND,
    max: PARAM_BOUND,
    control: 'number',
    label: { zh: PARAM_LABELS[k], en: PARAM_LABELS[k] },
    hint: PARAM_HINTS[k],
    group: 'weights',
  };
}

export const backpropStepperSchema = {
  w11: paramField('w11'),
  w12: paramField('w12'),
  b1: paramField('b1'),
  w21: paramField('w21'),
  w22: paramField('w22'),
  b2: paramField('b2'),
  v1: paramField('v1'),
  v2: paramField('v2'),
  c: paramField('c'),
  x1: { type: 'number', default: NET_221.x[0], min: -5, max: 5, control: 'number', label: { zh: '输入 x₁', en: 'Input x₁' }, group: 'example' },
  x2: { type: 'number', default: NET_221.x[1], min: -5, max: 5, control: 'number', label: { zh: '输入 x₂', en: 'Input x₂' }, group: 'example' },
  y: {
    type: 'number',
    default: NET_221.y,
    min: 0,
    max: 1,
    control: 'number',
    label: { zh: '目标 y', en: 'Target y' },
    hint: { zh: '0 到 1 之间：输出 ŷ 是 sigmoid 的值', en: 'Between 0 and 1: the output ŷ is a sigmoid' },
    group: 'example',
  },
  lr: {
    type: 'number',
    default: NET_221.lr,
    min: 0.001,
    max: 10,
    control: 'number',
    label: { zh: '学习率 η', en: 'Learning rate η' },
    hint: { zh: '0.001 到 10', en: '0.001 to 10' },
    group: 'example',
  },
  /** Gradient-descent steps taken so far; the view shows it. */
  step: { type: 'number', default: 0, min: 0, max: MAX_STEPS, integer: true },
} satisfies Schema;

export type BackpropStepperValues = Values<typeof backpropStepperSchema>;

/** The nine parameters held in a set of values. */
export function paramsOf(v: BackpropStepperValues): Params221 {
  return Object.fromEntries(PARAMS_221.map((k) => [k, v[k]])) as Params221;
}

/**
 * The central difference (L(θ + ε) − L(θ − ε)) / 2ε for every parameter, the input x and target y held fixed. Its
 * error shrinks with ε², so at ε = 1e-5 it matches the exact gradient to about 1e-10.
 */
export function numericalGradient221(p: Params221, x: readonly number[], y: number, eps = NUM_GRAD_EPS): Params221 {
  const lossAt = (k: Param221, delta: number) => pass221({ ...p, [k]: p[k] + delta }, x, y).loss;
  return Object.fromEntries(PARAMS_221.map((k) => [k, (lossAt(k, eps) - lossAt(k, -eps)) / (2 * eps)])) as Params221;
}

/** θ − η·∂L/∂θ for every parameter (one step of plain gradient descent on one example). */
export function gradientStep221(p: Params221, x: readonly number[], y: number, lr: number): Params221 {
  const { grad } = pass221(p, x, y);
  return Object.fromEntries(PARAMS_221.map((k) => [k, p[k] - lr * grad[k]])) as Params221;
}

export interface GradientCheck {
  grad: number;
  numGrad: number;
  /** |backprop − central difference| */
  diff: number;
  ok: boolean;
  /** The parameter after one step, θ − η·∂L/∂θ (before any clamping). */
  next: number;
}

export interface BackpropReport {
  pass: ReturnType<typeof pass221>;
  checks: Record<Param221, GradientCheck>;
  /** The forward pass after one step (what Step would give). */
  after: ReturnType<typeof pass221>;
}

/** Everything the stepper shows for one set of values: the passes, the gradient check and the update. */
export function backpropReport(v: BackpropStepperValues): BackpropReport {
  const p = paramsOf(v);
  const x = [v.x1, v.x2];
  const pass = pass221(p, x, v.y);
  const num = numericalGradient221(p, x, v.y);
  const next = gradientStep221(p, x, v.y, v.lr);
  const checks = Object.fromEntries(
    PARAMS_221.map((k) => {
      const diff = Math.abs(pass.grad[k] - num[k]);
      return [k, { grad: pass.grad[k], numGrad: num[k], diff, ok: diff <= GRAD_CHECK_TOLERANCE, next: next[k] }];
    }),
  ) as Record<Param221, GradientCheck>;
  return { pass, checks, after: pass221(next, x, v.y) };
}

/**
 * `count` gradient-descent steps from `v`: the new values (parameters held within ±PARAM_BOUND, so the link that holds
 * them stays valid; the step count advanced) and the loss after each step.
 */
export function takeSteps(
  v: BackpropStepperValues,
  count: number,
): { values: BackpropStepperValues; losses: { step: number; loss: number }[]; clamped: boolean } {
  const x = [v.x1, v.x2];
  let p = paramsOf(v);
  let step = v.step;
  let clamped = false;
  const losses: { step: number; loss: number }[] = [];
  for (let i = 0; i < count && step < MAX_STEPS; i++) {
    const next = gradientStep221(p, x, v.y, v.lr);
    for (const k of PARAMS_221) {
      const held = Math.min(PARAM_BOUND, Math.max(-PARAM_BOUND, next[k]));
      if (held !== next[k]) clamped = true;
      next[k] = held;
    }
    p = next;
    step += 1;
    losses.push({ step, loss: pass221(p, x, v.y).loss });
  }
  return { values: { ...v, ...p, step }, losses, clamped };
}

export const backpropStepper = defineWidget({
  id: BACKPROP_STEPPER_ID,
  tag: 'BackpropStepper',
  title: { zh: '反向传播单步演示：2-2-1 网络', en: 'Backpropagation, step by step: the 2-2-1 network' },
  schema: backpropStepperSchema,
  groups: [
    { id: 'weights', label: { zh: '权重与偏置', en: 'Weights and biases' } },
    { id: 'example', label: { zh: '输入、目标与学习率', en: 'Input, target and learning rate' }, open: true },
  ],
  strings: bilingual({
    zh: {
      paramLabel: PARAM_LABELS,
      gradFormula: GRAD_FORMULAS,
      diagramTitle: '网络：边上是权重，节点上是数值',
      diagramDesc: (yHat: string, loss: string) => `输入 x₁、x₂ 经两个 tanh 隐藏单元 h₁、h₂ 到 sigmoid 输出 ŷ = ${yHat}；损失 L = ${loss}。实线为正权重，虚线为负权重，线越粗权重绝对值越大。`,
      stepButton: '走一步',
      stepTenButton: '走 10 步',
      resetButton: '重置权重',
      resetHint: '回到本章的权重，步数归零（输入、目标和学习率保持不变）。',
      step: '已走步数',
      forward: '前向传播',
      backward: '反向传播：误差信号 δ',
      forwardFormulas: {
        z1: 'z₁ = w₁₁x₁ + w₁₂x₂ + b₁',
        h1: 'h₁ = tanh(z₁)',
        z2: 'z₂ = w₂₁x₁ + w₂₂x₂ + b₂',
        h2: 'h₂ = tanh(z₂)',
        zOut: 'z_out = v₁h₁ + v₂h₂ + c',
        yHat: 'ŷ = σ(z_out)',
        loss: 'L = ½(ŷ − y)²',
      },
      backwardFormulas: {
        dLoss: '∂L/∂ŷ = ŷ − y',
        dSigmoid: 'σ′ = ŷ(1 − ŷ)',
        deltaOut: 'δ_out = (ŷ − y) · ŷ(1 − ŷ)',
        dTanh1: '1 − h₁²',
        delta1: 'δ₁ = δ_out · v₁ · (1 − h₁²)',
        dTanh2: '1 − h₂²',
        delta2: 'δ₂ = δ_out · v₂ · (1 − h₂²)',
      },
      tableCaption: (eta: string) => `每个参数的梯度：反向传播与中心差分（ε = 10⁻⁵）对照，两者之差不超过 10⁻⁶ 记为 ✓；最后一列是学习率 η = ${eta} 时一步之后的值。`,
      colParam: 'θ',
      colValue: '当前值',
      colGrad: '∂L/∂θ（反向传播）',
      colNum: '数值估计',
      colDiff: '|差|',
      colCheck: '核对',
      colNext: 'θ − η·∂L/∂θ',
      agrees: '一致',
      differs: '不一致',
      checksSummary: (ok: number) => `${ok} / 9 个梯度与数值估计一致。`,
      afterStep: (yHat: string, loss: string) => `走一步之后：ŷ = ${yHat}，L = ${loss}。`,
      lossChartCaption: '每一步之后的损失 L',
      lossChartTable: '以表格查看损失',
      lossAxis: '损失 L',
      stepAxis: '步数',
      noHistory: '按“走一步”，这里会画出损失随步数的变化。',
      historyRestarted: '你修改了权重、输入或目标，损失曲线从当前这一步重新开始。',
      clampedNote: (b: number) => `有参数到达了 ±${b} 的边界，被停在边界上。`,
      atMax: '步数已达上限。',
      loss: '损失 L',
      target: (y: string) => `目标 y = ${y}`,
    },
    en: {
      paramLabel: PARAM_LABELS,
      gradFormula: GRAD_FORMULAS,
      diagramTitle: 'The network: weights on the edges, values on the nodes',
      diagramDesc: (yHat: string, loss: string) => `Inputs x₁, x₂ feed two tanh hidden units h₁, h₂, which feed the sigmoid output ŷ = ${yHat}; the loss is L = ${loss}. Solid edges carry positive weights, dashed ones negative; the thicker the edge, the larger the weight.`,
      stepButton: 'Step',
      stepTenButton: '10 steps',
      resetButton: 'Reset weights',
      resetHint: 'Back to the chapter’s weights and step 0 (the input, target and learning rate stay as they are).',
      step: 'Steps taken',
      forward: 'Forward pass',
      backward: 'Backward pass: the error signals δ',
      forwardFormulas: {
        z1: 'z₁ = w₁₁x₁ + w₁₂x₂ + b₁',
        h1: 'h₁ = tanh(z₁)',
        z2: 'z₂ = w₂₁x₁ + w₂₂x₂ + b₂',
        h2: 'h₂ = tanh(z₂)',
        zOut: 'z_out = v₁h₁ + v₂h₂ + c',
        yHat: 'ŷ = σ(z_out)',
        loss: 'L = ½(ŷ − y)²',
      },
      backwardFormulas: {
        dLoss: '∂L/∂ŷ = ŷ − y',
        dSigmoid: 'σ′ = ŷ(1 − ŷ)',
        deltaOut: 'δ_out = (ŷ − y) · ŷ(1 − ŷ)',
        dTanh1: '1 − h₁²',
        delta1: 'δ₁ = δ_out · v₁ · (1 − h₁²)',
        dTanh2: '1 − h₂²',
        delta2: 'δ₂ = δ_out · v₂ · (1 − h₂²)',
      },
      tableCaption: (eta: string) => `Every parameter’s gradient by backpropagation beside a central difference (ε = 10⁻⁵); ✓ where they differ by at most 10⁻⁶. The last column is the value after one step with learning rate η = ${eta}.`,
      colParam: 'θ',
      colValue: 'Now',
      colGrad: '∂L/∂θ (backprop)',
      colNum: 'Numerical estimate',
      colDiff: '|Difference|',
      colCheck: 'Check',
      colNext: 'θ − η·∂L/∂θ',
      agrees: 'agrees',
      differs: 'differs',
      checksSummary: (ok: number) => `${ok} of 9 gradients agree with the numerical estimate.`,
      afterStep: (yHat: string, loss: string) => `After one step: ŷ = ${yHat}, L = ${loss}.`,
      lossChartCaption: 'The loss L after each step',
      lossChartTable: 'Show the losses as a table',
      lossAxis: 'Loss L',
      stepAxis: 'Step',
      noHistory: 'Press Step and the loss after each step is drawn here.',
      historyRestarted: 'You changed a weight, the input or the target, so the loss curve starts again from this step.',
      clampedNote: (b: number) => `A parameter reached the bound ±${b} and was held there.`,
      atMax: 'The step count is at its maximum.',
      loss: 'Loss L',
      target: (y: string) => `target y = ${y}`,
    },
  }),
});

export default backpropStepper;
