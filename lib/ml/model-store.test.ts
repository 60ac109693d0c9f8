import { describe, expect, it } from 'vitest';
import { DIGITS_MODEL_KEY, isStoredModel, loadModel, storeModel, type StoredModel } from './model-store';

/** A 784 → 2 → 10 MLP's record, with weights of the right sizes. */
function record(over: Partial<StoredModel> = {}): StoredModel {
  const shapes = [[784, 2], [2], [2, 10], [10]];
  return {
    kind: 'mlp',
    inputDim: 784,
    hidden: [2],
    outputUnits: 10,
    shapes,
    weights: shapes.map((s) => new Float32Array(s.reduce((a, b) => a * b, 1))),
    step: 94,
    testAccuracy: 0.9,
    seed: 1,
    savedAt: 0,
    ...over,
  };
}

describe('model store', () => {
  it('accepts a record whose shapes follow its architecture', () => {
    expect(isStoredModel(record())).toBe(true);
    expect(isStoredModel(record({ hidden: [2, 3], shapes: [[784, 2], [2], [2, 3], [3], [3, 10], [10]], weights: [[784, 2], [2], [2, 3], [3], [3, 10], [10]].map((s) => new Float32Array(s[0]! * (s[1] ?? 1))) }))).toBe(true);
  });
  it('refuses what it could not rebuild: a wrong shape, a short array, a missing field, junk', () => {
    expect(isStoredModel(record({ shapes: [[784, 3], [2], [2, 10], [10]] }))).toBe(false);
    const short = record();
    short.weights[0] = new Float32Array(10);
    expect(isStoredModel(short)).toBe(false);
    expect(isStoredModel({ ...record(), testAccuracy: undefined })).toBe(false);
    expect(isStoredModel(record({ weights: record().weights.slice(1) }))).toBe(false);
    expect(isStoredModel(null)).toBe(false);
    expect(isStoredModel('digits')).toBe(false);
  });
  it('stores nothing and finds nothing where there is no IndexedDB (a test runner, some private windows)', async () => {
    expect(await storeModel(DIGITS_MODEL_KEY, record())).toBe(false);
    expect(await loadModel(DIGITS_MODEL_KEY)).toBeNull();
  });
});
