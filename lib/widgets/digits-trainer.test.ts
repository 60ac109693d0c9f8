import { describe, expect, it } from 'vitest';
import { CONV_TRAINING_KERNELS } from '../ml/backends';
import { parseQuery } from '../state/schema';
import { digitsTrainer, digitsTrainerSchema, epochsDone, evalInterval, evaluateProbabilities, examplesOf, stepsPerEpoch, targetSteps } from './digits-trainer';

describe('digitsTrainer: epochs and steps', () => {
  it('counts ⌈n / batch⌉ steps per epoch', () => {
    // 6000 / 64 = 93.75 → 94; 6000 / 8 = 750 exactly; 5 / 10 → 1
    expect(stepsPerEpoch(6000, 64)).toBe(94);
    expect(stepsPerEpoch(6000, 8)).toBe(750);
    expect(stepsPerEpoch(5, 10)).toBe(1);
    expect(() => stepsPerEpoch(0, 64)).toThrow(/positive integers/);
    expect(() => stepsPerEpoch(6000, 1.5)).toThrow(/positive integers/);
  });
  it('stops after the asked epochs at the batch size in force', () => {
    // 3 epochs × 94 steps = 282; 10 × ⌈6000/256⌉ = 10 × 24 = 240
    expect(targetSteps({ epochs: 3, batch: 64 })).toBe(282);
    expect(targetSteps({ epochs: 10, batch: 256 })).toBe(240);
  });
  it('measures the test set about four times an epoch, and reports fractional epochs', () => {
    // round(94 / 4) = round(23.5) = 24; round(24 / 4) = 6; a tiny set measures every step
    expect(evalInterval(64)).toBe(24);
    expect(evalInterval(256)).toBe(6);
    expect(evalInterval(64, 10)).toBe(1);
    expect(epochsDone(141, 64)).toBeCloseTo(1.5, 12);
  });
});

describe('digitsTrainer: evaluating probabilities', () => {
  // Three examples, three classes: a confident right answer, a right but unsure one, and a 2 taken for a 0.
  const probs = [0.9, 0.05, 0.05, 0.2, 0.5, 0.3, 0.6, 0.1, 0.3];
  const labels = [0, 1, 2];
  it('computes the mean cross-entropy, the accuracy, the predictions and the confusion matrix', () => {
    const r = evaluateProbabilities(probs, labels, 3);
    // loss = (−ln 0.9 − ln 0.5 − ln 0.3) / 3 = (0.105361 + 0.693147 + 1.203973) / 3 = 0.667494
    expect(r.loss).toBeCloseTo(0.667494, 5);
    expect(r.accuracy).toBeCloseTo(2 / 3, 12);
    expect(Array.from(r.predictions)).toEqual([0, 1, 0]);
    expect(Array.from(r.confidence)).toEqual([0.9, 0.5, 0.6].map(Math.fround));
    expect(r.confusion).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [1, 0, 0],
    ]);
  });
  it('clips a zero probability at 1e-7, as tfjs does, instead of returning infinity', () => {
    // −ln 1e−7 = 16.118096
    expect(evaluateProbabilities([1, 0], [1], 2).loss).toBeCloseTo(16.118096, 5);
  });
  it('takes the first class on a tie, as argmax does', () => {
    expect(Array.from(evaluateProbabilities([0.5, 0.5], [1], 2).predictions)).toEqual([0]);
  });
  it('refuses mismatched lengths and labels that are not classes', () => {
    expect(() => evaluateProbabilities([0.5, 0.5, 1], [0], 2)).toThrow(/3 probabilities for 1 labels/);
    expect(() => evaluateProbabilities([0.5, 0.5], [2], 2)).toThrow(/label 2/);
  });
});

describe('digitsTrainer: the digits behind a cell', () => {
  const labels = [3, 3, 3, 5, 3];
  const predictions = [5, 3, 5, 5, 5];
  const confidence = [0.6, 0.99, 0.9, 0.8, 0.6];
  it('lists a mistake’s digits most confident first (ties by index), at most `limit`', () => {
    expect(examplesOf(labels, predictions, confidence, 3, 5)).toEqual([2, 0, 4]);
    expect(examplesOf(labels, predictions, confidence, 3, 5, 2)).toEqual([2, 0]);
  });
  it('lists the diagonal’s digits least confident first: the near misses', () => {
    expect(examplesOf([1, 1, 1], [1, 1, 1], [0.9, 0.4, 0.7], 1, 1)).toEqual([1, 2, 0]);
  });
  it('is empty for an empty cell', () => {
    expect(examplesOf(labels, predictions, confidence, 5, 3)).toEqual([]);
  });
});

describe('digitsTrainer: definition', () => {
  it('asks for convolution gradients only for the CNN, so the MLP may run on WASM', () => {
    const kernels = digitsTrainer.task!.requiredKernels as (s: { model: string }) => readonly string[];
    expect(kernels({ model: 'cnn' })).toEqual(CONV_TRAINING_KERNELS);
    expect(kernels({ model: 'mlp' })).toEqual([]);
  });
  it('applies learning rate, batch size and epochs live; the model, its width and the seed rebuild', () => {
    const live = Object.entries(digitsTrainerSchema)
      .filter(([, f]) => (f as { live?: boolean }).live)
      .map(([k]) => k)
      .sort();
    expect(live).toEqual(['batch', 'epochs', 'lr']);
  });
  it('keeps the defaults for a link’s junk and names each bad value', () => {
    const r = parseQuery('digitsTrainer', digitsTrainerSchema, 'digitsTrainer.model=transformer&digitsTrainer.hidden=100000&digitsTrainer.epochs=-3&digitsTrainer.lr=fast&digitsTrainer.batch=32');
    expect(r.values).toMatchObject({ model: 'mlp', hidden: 128, epochs: 3, lr: 0.003, batch: 32 });
    expect(r.issues.map((i) => [i.key, i.reason.code])).toEqual([
      ['model', 'notAnOption'],
      ['hidden', 'outOfRange'],
      ['epochs', 'outOfRange'],
      ['lr', 'notANumber'],
    ]);
  });
});
