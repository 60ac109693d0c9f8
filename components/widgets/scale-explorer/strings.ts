import type { Lang } from '@/lib/i18n';
import type { Optimizer, Precision } from '@/lib/scale/memory';

export const STRINGS = {
  zh: {
    title: '规模探索器：参数 × 精度 → 显存',
    params: '参数量',
    paramsHint: '可输入 7e9、70000000000 等；范围 100 万到 2 万亿',
    paramsSlider: '参数量（对数刻度）',
    precision: '权重精度（推理）',
    optimizer: '训练优化器',
    presets: '常见模型',
    weights: '权重',
    serving: '推理所需（权重 × 1.2）',
    training: '训练所需（权重 + 梯度 + 优化器状态）',
    perParam: (b: number) => `每个参数 ${b} 字节`,
    trainNote: '训练显存未计激活值；激活值随批大小和序列长度增长，通常还要再加不少。',
    accelerator: '加速器',
    memory: '显存',
    inference: '推理',
    trainingCol: '训练（ZeRO-3 完全分片）',
    fits: '一张即可',
    needs: (n: number) => `需 ${n} 张`,
    tableCaption: (p: string) => `${p} 参数的模型在常见加速器上：推理是否一张放得下，训练至少需要几张。`,
    notNumber: '这不是一个数字；保留原值。',
    clamped: (v: string) => `超出范围，已调整为 ${v}。`,
    asOf: (d: string) => `加速器显存按厂商公布的规格（${d}）。`,
  },
  en: {
    title: 'Scale explorer: parameters × precision → memory',
    params: 'Parameters',
    paramsHint: 'Type 7e9, 70000000000, …; from 1 million to 2 trillion',
    paramsSlider: 'Parameters (log scale)',
    precision: 'Weight precision (inference)',
    optimizer: 'Training optimizer',
    presets: 'Well-known models',
    weights: 'Weights',
    serving: 'To serve (weights × 1.2)',
    training: 'To train (weights + gradients + optimizer state)',
    perParam: (b: number) => `${b} bytes per parameter`,
    trainNote: 'Training memory leaves out activations, which grow with batch size and sequence length and usually add a lot more.',
    accelerator: 'Accelerator',
    memory: 'Memory',
    inference: 'Inference',
    trainingCol: 'Training (fully sharded, ZeRO-3)',
    fits: 'fits on one',
    needs: (n: number) => `needs ${n}`,
    tableCaption: (p: string) => `A ${p}-parameter model on common accelerators: does one hold it for inference, and how many does training need at least.`,
    notNumber: 'That is not a number; the value is unchanged.',
    clamped: (v: string) => `Out of range; set to ${v}.`,
    asOf: (d: string) => `Accelerator memory as the vendors state it (${d}).`,
  },
} as const;

export const PRECISION_LABELS: Record<Precision, string> = {
  fp32: 'FP32 · 4 B',
  bf16: 'BF16 · 2 B',
  fp16: 'FP16 · 2 B',
  int8: 'INT8 · 1 B',
  int4: 'INT4 · 0.5 B',
};

export const OPTIMIZER_LABELS: Record<Optimizer, Record<Lang, string>> = {
  adamMixed: { zh: 'Adam 混合精度（16 B/参数）', en: 'Adam, mixed precision (16 B/param)' },
  adam8bit: { zh: '8 位 Adam（10 B/参数）', en: '8-bit Adam (10 B/param)' },
  sgdMomentum: { zh: '带动量的 SGD（12 B/参数）', en: 'SGD with momentum (12 B/param)' },
};
