/** ScaleExplorer: parameters × precision → memory, and which accelerators hold it. Schema and pure computations. */
import type { Schema } from '../state/schema';
import { ACCELERATORS, type Accelerator } from '../scale/accelerators';
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
  params: { type: 'number', default: 7e9, min: 1e6, max: 2e12 },
  precision: { type: 'enum', default: 'bf16', options: PRECISION_NAMES },
  optimizer: { type: 'enum', default: 'adamMixed', options: OPTIMIZER_NAMES },
} satisfies Schema;

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
