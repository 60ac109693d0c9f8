/**
 * Compressing a trained model: reads its weights, compresses each with lib/ml/quantize.ts (the pure maths), and
 * evaluates a copy carrying the compressed weights on held-out data, so accuracy against bytes is measured.
 * Loads tfjs-layers: import it lazily (in a worker or a task).
 */
import type { Tensor } from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import './models'; // registers SeededDropout, which clones of the book's models contain
import { compressTensor, type CompressedWeights, type CompressionSpec } from './quantize';
import { evaluateModel, type Evaluation, type LossName, type TensorData, type Tf } from './train';

/** Reads a model's weights (one read-back per tensor) and compresses each according to the spec. */
export async function compressModelWeights(model: tfl.LayersModel, spec: CompressionSpec): Promise<CompressedWeights> {
  const weights = model.weights;
  const data = await Promise.all(weights.map((w) => w.read().data() as Promise<Float32Array>));
  const tensors = weights.map((w, i) => compressTensor(w.originalName ?? w.name, [...w.shape] as number[], data[i]!, spec));
  const bytes = tensors.reduce((s, t) => s + t.bytes, 0);
  const floatBytes = tensors.reduce((s, t) => s + t.floatBytes, 0);
  return { spec, tensors, bytes, floatBytes, ratio: bytes ? floatBytes / bytes : Infinity };
}

/** Writes compressed (or any) weights into a model of the same architecture, in model.weights order. */
export function applyWeights(tf: Tf, model: tfl.LayersModel, tensors: readonly { shape: number[]; values: Float32Array }[]): void {
  if (tensors.length !== model.weights.length) throw new Error(`applyWeights: ${tensors.length} tensors for a model with ${model.weights.length} weights`);
  const made: Tensor[] = tensors.map((t) => tf.tensor(t.values, t.shape));
  try {
    model.setWeights(made);
  } finally {
    tf.dispose(made); // the variables keep their own reference to the data
  }
}

/** A copy of a model with the same architecture (fresh variables); the caller disposes it. */
export async function cloneModel(model: tfl.LayersModel): Promise<tfl.LayersModel> {
  const topology = model.toJSON(null, false) as unknown as Parameters<typeof tfl.models.modelFromJSON>[0];
  return tfl.models.modelFromJSON({ modelTopology: topology } as Parameters<typeof tfl.models.modelFromJSON>[0]);
}

export interface CompressedEvaluation extends Evaluation {
  compressed: CompressedWeights;
}

/**
 * Compresses a trained model's weights, sets them on a clone, evaluates the clone on held-out data and disposes it:
 * accuracy and loss against stored bytes. The original model is left untouched.
 */
export async function evaluateCompressed(options: { tf: Tf; model: tfl.LayersModel; spec: CompressionSpec; data: TensorData; loss: LossName }): Promise<CompressedEvaluation> {
  const { tf, model, spec, data, loss } = options;
  const compressed = await compressModelWeights(model, spec);
  const copy = await cloneModel(model);
  try {
    applyWeights(tf, copy, compressed.tensors);
    const evaluation = await evaluateModel({ tf, model: copy, data, loss });
    return { ...evaluation, compressed };
  } finally {
    copy.dispose();
  }
}
