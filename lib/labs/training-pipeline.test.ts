import { describe, expect, it } from 'vitest';
import { countParams, DEFAULT_CNN } from '../ml/models';
import { overfitParams } from '../widgets/overfit-lab';
import { trainingPipelineLabs as labs } from './training-pipeline';

/** DigitsTrainer's MLP: 784 → hidden → 10 (its `params` result, from countParams). */
const mlp = (hidden: number) => countParams({ kind: 'mlp', inputDim: 784, hidden: [hidden], activation: 'relu', outputUnits: 10, outputActivation: 'softmax', seed: 1 });

describe('tp-digits-95', () => {
  const check = labs['tp-digits-95']!.check;
  it.each([
    [0.95, true],
    [0.951, true],
    [0.949, false],
    // what the default three epochs of the default MLP reach (measured: 0.927–0.938)
    [0.93, false],
  ])('test accuracy %f: %s', (acc, ok) => {
    expect(check({ testAccuracy: acc, params: mlp(128), epoch: 3 })).toBe(ok);
  });
  it('is false before the first measurement', () => {
    expect(check({ params: mlp(128), epoch: 0 })).toBe(false);
  });
});

describe('tp-digits-small', () => {
  const check = labs['tp-digits-small']!.check;
  it('is within reach of the narrowest MLP only: 784·32 + 32 + 32·10 + 10 = 25,450 parameters, the next width 50,890', () => {
    expect(mlp(32)).toBe(25_450);
    expect(mlp(64)).toBe(50_890);
    expect(check({ testAccuracy: 0.925, params: mlp(32) })).toBe(true);
    expect(check({ testAccuracy: 0.96, params: mlp(64) })).toBe(false);
    expect(check({ testAccuracy: 0.915, params: mlp(32) })).toBe(false);
  });
  it('lets the small CNN, with fewer parameters still, reach it too', () => {
    const cnn = countParams({ ...DEFAULT_CNN, seed: 1 });
    expect(cnn).toBeLessThan(30_000);
    expect(check({ testAccuracy: 0.95, params: cnn })).toBe(true);
  });
  it('is false without a parameter count or an accuracy', () => {
    expect(check({ testAccuracy: 0.99 })).toBe(false);
    expect(check({ params: mlp(32) })).toBe(false);
  });
});

describe('tp-validation-90', () => {
  const check = labs['tp-validation-90']!.check;
  it('asks for 90 % on the validation digits, above the ~82 % that 250 training digits level off at', () => {
    expect(check({ valAccuracy: 0.9, trainAccuracy: 0.96, params: overfitParams(256, 1) })).toBe(true);
    expect(check({ valAccuracy: 0.822, trainAccuracy: 1, params: overfitParams(256, 1) })).toBe(false);
    expect(check({ trainAccuracy: 1 })).toBe(false);
  });
});
