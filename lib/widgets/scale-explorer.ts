/** ScaleExplorer: parameters × precision → memory, and which accelerators hold it. Schema and pure computations. */
import { bilingual } from '../i18n';
import type { Schema, Values } from '../state/schema';
import { ACCELERATORS, type Accelerator } from '../scale/accelerators';
import { defineWidget } from './define';
import {
  GB,
  OPTIMIZER_NAMES,
  PRECISION_NAMES,
  devicesNeeded,
  inferenceBytes,
  trainingBytes,
  weightBytes,
  type Optimizer,
  type Precision,
} from '../scale/memory';

export const SCALE_EXPLORER_ID = 'scaleExplorer';

export const scaleExplorerSchema = {
  /** Drawn by the view itself: a text box, a log-scale slider and presets. */
  params: { type: 'number', default: 7e9, min: 1e6, max: 2e12 },
  precision: {
    type: 'enum',
    default: 'bf16',
    options: PRECISION_NAMES,
    control: 'chips',
    label: { zh: '权重精度（推理）', en: 'Weight precision (inference)' },
    optionLabels: {
      fp32: { zh: 'FP32 · 4 B', en: 'FP32 · 4 B' },
      bf16: { zh: 'BF16 · 2 B', en: 'BF16 · 2 B' },
      fp16: { zh: 'FP16 · 2 B', en: 'FP16 · 2 B' },
      int8: { zh: 'INT8 · 1 B', en: 'INT8 · 1 B' },
      int4: { zh: 'INT4 · 0.5 B', en: 'INT4 · 0.5 B' },
    },
  },
  optimizer: {
    type: 'enum',
    default: 'adamMixed',
    options: OPTIMIZER_NAMES,
    control: 'select',
    label: { zh: '训练优化器', en: 'Training optimizer' },
    optionLabels: {
      adamMixed: { zh: 'Adam 混合精度（16 B/参数）', en: 'Adam, mixed precision (16 B/param)' },
      adam8bit: { zh: '8 比特 Adam（10 B/参数）', en: '8-bit Adam (10 B/param)' },
      sgdMomentum: { zh: '带动量的 SGD（12 B/参数）', en: 'SGD with momentum (12 B/param)' },
    },
  },
} satisfies Schema;

export type ScaleExplorerValues = Values<typeof scaleExplorerSchema>;

export interface AcceleratorFit {
  accelerator: Accelerator;
  /** One device holds the model for serving. */
  servesAlone: boolean;
  /** Devices needed to serve (weights split evenly, tensor-parallel). */
  serveDevices: number;
  /** Devices needed to hold weights, gradients and optimizer state when fully sharded (ZeRO-3 / FSDP). */
  trainDevices: number;
}

export interface ScaleReport {
  weightBytes: number;
  inferenceBytes: number;
  trainingBytes: number;
  fits: AcceleratorFit[];
}

/** Memory for weights, serving and training, and the fit on each listed accelerator. */
export function scaleReport(params: number, precision: Precision, optimizer: Optimizer): ScaleReport {
  const serve = inferenceBytes(params, precision);
  const train = trainingBytes(params, optimizer);
  return {
    weightBytes: weightBytes(params, precision),
    inferenceBytes: serve,
    trainingBytes: train,
    fits: ACCELERATORS.map((accelerator) => {
      const mem = accelerator.memoryGB * GB;
      return {
        accelerator,
        servesAlone: serve <= mem,
        serveDevices: devicesNeeded(serve, mem),
        trainDevices: devicesNeeded(train, mem),
      };
    }),
  };
}

/** Well-known open or documented model sizes, for the preset buttons. */
export const SIZE_PRESETS: readonly { label: string; params: number }[] = [
  { label: 'BERT-large 340M', params: 3.4e8 },
  { label: 'GPT-2 1.5B', params: 1.5e9 },
  { label: 'Llama 3 8B', params: 8e9 },
  { label: 'Llama 3 70B', params: 7e10 },
  { label: 'GPT-3 175B', params: 1.75e11 },
  { label: 'Llama 3.1 405B', params: 4.05e11 },
];

export const scaleExplorer = defineWidget({
  id: SCALE_EXPLORER_ID,
  tag: 'ScaleExplorer',
  title: { zh: '规模探索器：参数 × 精度 → 显存', en: 'Scale explorer: parameters × precision → memory' },
  schema: scaleExplorerSchema,
  strings: bilingual({
    zh: {
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
      asOf: (d: string) => `显存：型号里的“GB”其实是 GiB；括号里是程序能用的容量，按驱动报告的数值（${d}）。`,
      memoryCell: (nominal: string, usable: string) => `${nominal} GB（可用 ${usable} GiB）`
    },
    en: {
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
      asOf: (d: string) => `Memory: the “GB” of a card’s name is really GiB; in brackets, what a program can use, as the driver reports it (${d}).`,
      memoryCell: (nominal: string, usable: string) => `${nominal} GB (${usable} GiB usable)`
    },
  }),
});

export default scaleExplorer;
