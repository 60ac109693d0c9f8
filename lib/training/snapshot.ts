/**
 * Saving and restoring a layers model's weights through plain arrays: how a run carries on on another backend after
 * its GPU device was lost (the weights read back last are loaded into the model rebuilt on the new backend).
 */
import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { Tf } from '../ml/train';
import type { Snapshot } from './task';

/** Reads every weight of the model back (one awaited read per tensor, never dataSync). */
export async function saveWeights(model: LayersModel, step: number): Promise<Snapshot> {
  const weights = await Promise.all(model.weights.map((w) => w.read().data() as Promise<Float32Array>));
  return { step, weights };
}

/** Loads saved weights into a model of the same architecture (in model.weights order). */
export function restoreWeights(tf: Tf, model: LayersModel, snapshot: Snapshot): void {
  if (snapshot.weights.length !== model.weights.length) throw new Error(`restoreWeights: ${snapshot.weights.length} arrays for ${model.weights.length} weights`);
  const tensors = model.weights.map((w, i) => tf.tensor(snapshot.weights[i]!, [...w.shape] as number[]));
  try {
    model.setWeights(tensors);
  } finally {
    tf.dispose(tensors);
  }
}
