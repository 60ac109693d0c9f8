/**
 * `trainingCost`: what a training run costs. Compute C = 6·N·D (Kaplan et al. 2020: about 2 FLOPs per parameter per
 * token forward, 4 backward), turned into accelerator-hours at a model FLOPs utilisation (MFU), days on a cluster, and
 * dollars.
 */
import type { Bilingual } from '../i18n';
import { malformedInputs, mfuProblems, negativeInputs, nonPositiveInputs, okFinite } from './checks';
import { fail, type CalcResult } from './result';
import { trainingCostSchema, type TrainingCostInputs } from './schemas';

export interface TrainingCostOutputs {
  /** Training compute 6·N·D, FLOPs. */
  flops: number;
  /** Accelerator-hours at the given peak and MFU. */
  gpuHours: number;
  /** Wall-clock days on `gpus` accelerators. */
  days: number;
  /** USD: gpuHours · pricePerGpuHour · overhead. */
  cost: number;
}

const LABELS: Record<string, Bilingual> = {
  params: { en: 'The parameter count', zh: '参数量' },
  tokens: { en: 'The number of training tokens', zh: '训练 token 数' },
  peakFlops: { en: 'Peak FLOP/s', zh: '峰值算力' },
  gpus: { en: 'The number of GPUs', zh: 'GPU 数量' },
  pricePerGpuHour: { en: 'The price per GPU-hour', zh: '每 GPU 小时价格' },
  overhead: { en: 'The overhead multiplier', zh: '额外开销倍数' },
};

/** Training FLOPs C = 6·N·D for N parameters and D tokens. */
export function trainingFlops(params: number, tokens: number): number {
  return 6 * params * tokens;
}

/** Accelerator-hours to execute `flops` on chips of `peakFlops` FLOP/s running at utilisation `mfu`. */
export function acceleratorHours(flops: number, peakFlops: number, mfu: number): number {
  return flops / (peakFlops * mfu) / 3600;
}

/** The cost of a training run: FLOPs, GPU-hours, days and USD. */
export function trainingCost(inputs: TrainingCostInputs): CalcResult<TrainingCostOutputs> {
  const problems = [
    ...malformedInputs(trainingCostSchema, inputs, LABELS),
    ...negativeInputs(inputs, ['params', 'tokens', 'pricePerGpuHour', 'overhead'], LABELS),
    ...nonPositiveInputs(inputs, ['peakFlops', 'gpus'], LABELS),
  ];
  if (problems.length === 0) problems.push(...mfuProblems(inputs.mfu));
  if (problems.length > 0) return fail(...problems);

  const flops = trainingFlops(inputs.params, inputs.tokens);
  const gpuHours = acceleratorHours(flops, inputs.peakFlops, inputs.mfu);
  const days = gpuHours / inputs.gpus / 24;
  const cost = gpuHours * inputs.pricePerGpuHour * inputs.overhead;
  return okFinite({ flops, gpuHours, days, cost });
}
