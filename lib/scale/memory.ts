/**
 * Memory needed to hold a model's weights, to serve it, and to train it.
 * Units: bytes. Sources for the per-parameter byte counts: ZeRO (Rajbhandari et al. 2020, §3.1: mixed-precision Adam
 * keeps 2 + 2 + 12 = 16 bytes per parameter) and bitsandbytes' 8-bit optimizers (Dettmers et al. 2022).
 */

/** Storage formats for weights, with bytes per parameter. */
export const PRECISIONS = {
  fp32: 4,
  bf16: 2,
  fp16: 2,
  int8: 1,
  int4: 0.5,
} as const;
export type Precision = keyof typeof PRECISIONS;
export const PRECISION_NAMES = Object.keys(PRECISIONS) as Precision[];

/**
 * Bytes per parameter that mixed-precision training keeps resident, activations excluded: bf16 weights 2 + bf16
 * gradients 2 + the optimizer's state (OPTIMIZER_STATE_BYTES).
 * - adamMixed: fp32 master weights, momentum and variance 4 + 4 + 4 = 12 → 16 in all.
 * - adam8bit: fp32 master 4 + 8-bit momentum and variance 1 + 1 = 6 → 10 in all.
 * - sgdMomentum: fp32 master 4 + fp32 momentum 4 = 8 → 12 in all.
 */
export const OPTIMIZER_STATE_BYTES = {
  adamMixed: 12,
  adam8bit: 6,
  sgdMomentum: 8,
} as const;

/** bf16 weights and bf16 gradients, the part of training memory every optimizer shares. */
export const TRAIN_WEIGHT_BYTES = 2;
export const TRAIN_GRADIENT_BYTES = 2;

export const OPTIMIZER_BYTES = {
  adamMixed: TRAIN_WEIGHT_BYTES + TRAIN_GRADIENT_BYTES + OPTIMIZER_STATE_BYTES.adamMixed,
  adam8bit: TRAIN_WEIGHT_BYTES + TRAIN_GRADIENT_BYTES + OPTIMIZER_STATE_BYTES.adam8bit,
  sgdMomentum: TRAIN_WEIGHT_BYTES + TRAIN_GRADIENT_BYTES + OPTIMIZER_STATE_BYTES.sgdMomentum,
} as const;
export type Optimizer = keyof typeof OPTIMIZER_STATE_BYTES;
export const OPTIMIZER_NAMES = Object.keys(OPTIMIZER_STATE_BYTES) as Optimizer[];

/** Serving needs the weights plus room for the KV cache, activations and the runtime: a rule-of-thumb 20 %. */
export const INFERENCE_OVERHEAD = 1.2;

/** Bytes taken by `params` weights stored in `precision`. */
export function weightBytes(params: number, precision: Precision): number {
  return params * PRECISIONS[precision];
}

/** Bytes needed to serve a model: weights × 1.2 (KV cache, activations, runtime). */
export function inferenceBytes(params: number, precision: Precision): number {
  return weightBytes(params, precision) * INFERENCE_OVERHEAD;
}

/** Bytes of weights, gradients and optimizer state during training (activations not counted). */
export function trainingBytes(params: number, optimizer: Optimizer): number {
  return params * OPTIMIZER_BYTES[optimizer];
}

/**
 * How many accelerators of `memoryBytes` each are needed to hold `bytes`, if the bytes can be split evenly
 * (ZeRO stage 3 / FSDP shards weights, gradients and optimizer state). Returns at least 1.
 */
export function devicesNeeded(bytes: number, memoryBytes: number): number {
  if (!(memoryBytes > 0)) throw new RangeError('memoryBytes must be positive');
  return Math.max(1, Math.ceil(bytes / memoryBytes));
}

/** Decimal gigabytes (1 GB = 1e9 bytes), the unit vendors use for accelerator memory. */
export const GB = 1e9;
