/**
 * The functions behind every worked number printed in the book's prose. A chapter writes
 * `<Calc fn="inferenceGB" args={[7e9, 'bf16']} digits={1} />` and the number is computed at build time by the function
 * registered here, so the text can never drift from the code. Every entry is unit-tested in registry.test.ts.
 */
import {
  GB,
  devicesNeeded,
  inferenceBytes,
  trainingBytes,
  weightBytes,
  type Optimizer,
  type Precision,
} from '../scale/memory';

import { deploymentWorked } from './deployment';
import { largeModelsWorked } from './large-models';
import { neuralNetworksWorked } from './neural-networks';
import { lossAndOptimizersWorked } from './loss-and-optimizers';
import { transformersWorked } from './transformers';
import { trainingPipelineWorked } from './training-pipeline';
import { appendicesWorked } from './appendices';
import { startupWorked } from './startup';
import { projectPlanningWorked } from './project-planning';
import { caseStudiesWorked } from './case-studies';
import { futureWorked } from './future';
import { applicationsWorked } from './applications';
import { labsWorked } from './labs';

type WorkedFn = (...args: never[]) => number;

export const worked = {
  /** Weights of `params` parameters stored in `precision`, in GB. */
  weightGB: (params: number, precision: Precision) => weightBytes(params, precision) / GB,
  /** Memory to serve the model (weights × 1.2), in GB. */
  inferenceGB: (params: number, precision: Precision) => inferenceBytes(params, precision) / GB,
  /** Weights, gradients and optimizer state for training, in GB. */
  trainingGB: (params: number, optimizer: Optimizer) => trainingBytes(params, optimizer) / GB,
  /** Training FLOPs by the 6·N·D rule (Kaplan et al. 2020). */
  trainingFlops: (params: number, tokens: number) => 6 * params * tokens,
  /** Ratio a / b. */
  ratio: (a: number, b: number) => a / b,
  /** Product of the arguments (an embedding table's V × d entries, a token budget's 20 × N). */
  product: (...xs: number[]) => xs.reduce((p, x) => p * x, 1),
  /** Parameters of one dense layer: a d_in × d_out weight matrix plus d_out biases. */
  denseParams: (dIn: number, dOut: number) => dIn * dOut + dOut,
  /** Parameters of a multilayer perceptron with layer widths w₀, w₁, …, w_k: Σ (w_{i−1}·w_i + w_i). */
  mlpParams: (...widths: number[]) =>
    widths.slice(1).reduce((sum, w, i) => sum + widths[i]! * w + w, 0),
  /**
   * Approximate parameters of a decoder-only Transformer: 12·L·d² for L blocks of width d (attention 4d², MLP with a
   * 4d hidden layer 8d²) plus a V × d token embedding; biases, layer norms and position embeddings are ignored.
   */
  transformerParams: (layers: number, dModel: number, vocab: number) =>
    12 * layers * dModel * dModel + vocab * dModel,
  /** Accelerator-hours to train N parameters on D tokens (6·N·D FLOPs) at `peakFlops` FLOP/s per device and utilisation `mfu`. */
  trainingGpuHours: (params: number, tokens: number, peakFlops: number, mfu: number) =>
    (6 * params * tokens) / (peakFlops * mfu) / 3600,
  /** Wall-clock days for the same run spread over `gpus` accelerators. */
  trainingDays: (params: number, tokens: number, peakFlops: number, mfu: number, gpus: number) =>
    (6 * params * tokens) / (peakFlops * mfu) / 3600 / gpus / 24,
  /** Rental cost of the same run in USD, at `pricePerGpuHour` USD per accelerator-hour (compute only). */
  trainingCostUSD: (params: number, tokens: number, peakFlops: number, mfu: number, pricePerGpuHour: number) =>
    ((6 * params * tokens) / (peakFlops * mfu) / 3600) * pricePerGpuHour,
  /** Accelerators of `memoryGB` each needed to hold the training state (weights, gradients, optimizer), sharded evenly. */
  trainingDevices: (params: number, optimizer: Optimizer, memoryGB: number) =>
    devicesNeeded(trainingBytes(params, optimizer), memoryGB * GB),
  /** Accelerators of `memoryGB` each needed to serve the model (weights × 1.2), sharded evenly. */
  inferenceDevices: (params: number, precision: Precision, memoryGB: number) =>
    devicesNeeded(inferenceBytes(params, precision), memoryGB * GB),
  ...largeModelsWorked,
  ...neuralNetworksWorked,
  ...lossAndOptimizersWorked,
  ...deploymentWorked,
  ...transformersWorked,
  ...trainingPipelineWorked,
  ...appendicesWorked,
  ...startupWorked,
  ...projectPlanningWorked,
  ...caseStudiesWorked,
  ...futureWorked,
  ...applicationsWorked,
  ...labsWorked,
} satisfies Record<string, WorkedFn>;

export type WorkedName = keyof typeof worked;

/** Calls the named function; throws (failing the build) for an unknown name or a non-finite result. */
export function computeWorked(name: string, args: readonly unknown[]): number {
  const fn = (worked as Record<string, (...a: unknown[]) => number>)[name];
  if (!fn) throw new Error(`<Calc fn="${name}">: no such function in lib/worked/registry.ts`);
  const value = fn(...args);
  if (!Number.isFinite(value)) throw new Error(`<Calc fn="${name}" args=${JSON.stringify(args)}>: result ${value} is not finite`);
  return value;
}
