/**
 * Model settings and caps that pages need without loading tfjs: widgets import this module, never models.ts, so
 * TensorFlow.js stays out of a page's JavaScript until a training session starts in its worker.
 */

/** Hidden-layer activations offered by the widgets. */
export const ACTIVATIONS = ['relu', 'tanh', 'sigmoid', 'linear'] as const;
/** Hidden-layer activation, stored by name (as in the URL). */
export type Activation = (typeof ACTIVATIONS)[number];
/** Output activation: sigmoid for one binary unit, softmax for classes, linear for regression or logits. */
export type OutputActivation = 'sigmoid' | 'softmax' | 'linear';

/**
 * Size caps that keep a browser tab within memory; the widgets show them and refuse a model over them.
 * An MLP whose input has at most `playground.maxInputDim` features is a playground model and gets the playground caps.
 */
export const MODEL_CAPS = {
  playground: { maxInputDim: 16, maxHiddenLayers: 6, maxUnits: 64 },
  mlp: { maxInputDim: 784, maxHiddenLayers: 4, maxUnits: 256 },
  cnn: { maxConvLayers: 3, maxFilters: 32, maxKernelSize: 7, maxPoolSize: 4, maxDenseLayers: 2, maxDenseUnits: 128, maxInputSide: 64, maxClasses: 100 },
  maxOutputUnits: 100,
  maxBatchSize: 512,
  maxParams: 250_000,
  maxL2: 1,
  maxDropout: 0.9,
} as const;

/** Optimizers by name, as stored in a permalink (lib/ml/optimizers.ts runs them). */
export const OPTIMIZERS = ['sgd', 'momentum', 'adam', 'rmsprop', 'adamw'] as const;
export type OptimizerName = (typeof OPTIMIZERS)[number];
