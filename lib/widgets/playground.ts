/**
 * PlaygroundTrainer: the schema of its settings (controls, MDX defaults and URL `?playground.<key>=…`), and the
 * learning-rate ladder it offers. The caps come from lib/ml/models.ts and are shown next to the controls.
 */
import { ACTIVATIONS, MODEL_CAPS, OPTIMIZERS } from '../ml/caps';
import { DATASET_KINDS, MAX_NOISE } from '../ml/datasets';
import type { Schema, Values } from '../state/schema';

export const PLAYGROUND_ID = 'playground';

export const BACKEND_CHOICES = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendChoiceName = (typeof BACKEND_CHOICES)[number];

/** TensorFlow Playground's learning-rate ladder; any value in [1e-5, 10] is accepted from a link. */
export const LEARNING_RATES = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10] as const;

export const playgroundSchema = {
  dataset: { type: 'enum', default: 'circle', options: DATASET_KINDS },
  noise: { type: 'number', default: 0, min: 0, max: MAX_NOISE, integer: true },
  /** Percentage of the points used for training. */
  ratio: { type: 'number', default: 50, min: 10, max: 90, integer: true },
  layers: { type: 'intList', default: [4, 2], min: 1, max: MODEL_CAPS.playground.maxUnits, minLength: 0, maxLength: MODEL_CAPS.playground.maxHiddenLayers },
  activation: { type: 'enum', default: 'tanh', options: ACTIVATIONS },
  lr: { type: 'number', default: 0.03, min: 0.00001, max: 10 },
  optimizer: { type: 'enum', default: 'sgd', options: OPTIMIZERS },
  batch: { type: 'number', default: 10, min: 1, max: 250, integer: true },
  l2: { type: 'number', default: 0, min: 0, max: MODEL_CAPS.maxL2 },
  seed: { type: 'number', default: 1, min: 0, max: 2 ** 31 - 1, integer: true },
  backend: { type: 'enum', default: 'auto', options: BACKEND_CHOICES },
} satisfies Schema;

export type PlaygroundValues = Values<typeof playgroundSchema>;

/** Points in the playground's data sets (train + test), as in TensorFlow Playground. */
export const PLAYGROUND_POINTS = 500;
