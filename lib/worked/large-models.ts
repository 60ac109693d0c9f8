/**
 * Worked numbers of the chapter `large-models` (see registry.ts). Every entry has a test in large-models.test.ts.
 *
 * Accelerators are named by their id in lib/scale/accelerators.ts and counted in the bytes the driver reports: an
 * "80 GB" H100 holds 81,559 MiB = 85.5 × 10⁹ bytes, not 80 × 10⁹. These are the numbers the ScaleExplorer uses.
 */
import { GiB, acceleratorById } from '../scale/accelerators';
import { INFERENCE_OVERHEAD, OPTIMIZER_BYTES, PRECISIONS, devicesNeeded, inferenceBytes, trainingBytes, type Optimizer, type Precision } from '../scale/memory';

function precision(p: string): Precision {
  if (!(p in PRECISIONS)) throw new Error(`unknown precision "${p}"; expected one of ${Object.keys(PRECISIONS).join(', ')}`);
  return p as Precision;
}

function optimizer(o: string): Optimizer {
  if (!(o in OPTIMIZER_BYTES)) throw new Error(`unknown optimizer "${o}"; expected one of ${Object.keys(OPTIMIZER_BYTES).join(', ')}`);
  return o as Optimizer;
}

/** The largest parameter count whose serving memory (weights × 1.2) fits on `devices` accelerators of this id. */
export function maxServeParams(precisionName: string, acceleratorId: string, devices = 1): number {
  return (devices * acceleratorById(acceleratorId).memoryBytes) / (PRECISIONS[precision(precisionName)] * INFERENCE_OVERHEAD);
}

/** The largest parameter count whose training state (weights, gradients, optimizer) fits on `devices` accelerators, fully sharded. */
export function maxTrainParams(optimizerName: string, acceleratorId: string, devices = 1): number {
  return (devices * acceleratorById(acceleratorId).memoryBytes) / OPTIMIZER_BYTES[optimizer(optimizerName)];
}

export const largeModelsWorked = {
  /** Memory of an accelerator as the driver reports it, in decimal GB (10⁹ bytes): 85.5 for an H100. */
  lmAcceleratorGB: (id: string) => acceleratorById(id).memoryGB,
  /** The same in GiB (2³⁰ bytes): 79.6 for an H100, 140.4 for an H200. */
  lmAcceleratorGiB: (id: string) => acceleratorById(id).memoryGiB,
  /** The same in MiB, as nvidia-smi prints it: 81,559 for an H100. */
  lmAcceleratorMiB: (id: string) => acceleratorById(id).memoryMiB,
  /** A size in GiB expressed in decimal GB: x · 2³⁰ / 10⁹ (80 GiB = 85.9 GB). */
  lmGiBToGB: (gib: number) => (gib * GiB) / 1e9,
  /** Accelerators of this id needed to hold the training state (weights, gradients, optimizer), sharded evenly. */
  lmTrainingDevicesOn: (params: number, opt: string, id: string) =>
    devicesNeeded(trainingBytes(params, optimizer(opt)), acceleratorById(id).memoryBytes),
  /** Accelerators of this id needed to serve the model (weights × 1.2), sharded evenly. */
  lmInferenceDevicesOn: (params: number, prec: string, id: string) =>
    devicesNeeded(inferenceBytes(params, precision(prec)), acceleratorById(id).memoryBytes),
  /** The largest model (parameters) whose serving memory fits on `devices` accelerators of this id. */
  lmMaxServeParams: (prec: string, id: string, devices: number) => maxServeParams(prec, id, devices),
  /** The largest model (parameters) whose training state fits on `devices` accelerators of this id, fully sharded. */
  lmMaxTrainParams: (opt: string, id: string, devices: number) => maxTrainParams(opt, id, devices),
  /** Compute-optimal parameters for a budget of C FLOPs at r tokens per parameter: C = 6·N·(rN) ⇒ N = √(C / 6r). */
  lmChinchillaParams: (flops: number, tokensPerParam: number) => Math.sqrt(flops / (6 * tokensPerParam)),
  /** The matching token count D = r·N. */
  lmChinchillaTokens: (flops: number, tokensPerParam: number) => tokensPerParam * Math.sqrt(flops / (6 * tokensPerParam)),
  /** Utilisation implied by a reported run: 6·N·D FLOPs over (peak FLOP/s × GPU-hours × 3600 s). */
  lmImpliedMfu: (params: number, tokens: number, peakFlops: number, gpuHours: number) =>
    (6 * params * tokens) / (peakFlops * gpuHours * 3600),
  /** Exact-match accuracy of an answer of `length` tokens when each is right with probability p, independently: pᴸ. */
  lmExactMatch: (perToken: number, length: number) => perToken ** length,
} satisfies Record<string, (...args: never[]) => number>;
