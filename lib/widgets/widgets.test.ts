import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MODEL_CAPS, checkModelConfig } from '../ml/models';
import { parseQuery } from '../state/schema';
import { playgroundSchema, PLAYGROUND_ID } from './playground';
import { quantLabSchema, QUANT_LAB_ID } from './quant-lab';

const keys = (id: string, schema: object) => [...Object.keys(schema).map((k) => `${id}.${k}`), `${id}.nope`];

describe('live widgets’ URL state', () => {
  it('never throws on any query and always yields a playground model within the caps (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...keys(PLAYGROUND_ID, playgroundSchema)), fc.oneof(fc.string(), fc.integer().map(String), fc.double().map(String)))), (pairs) => {
        const q = pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
        const { values } = parseQuery(PLAYGROUND_ID, playgroundSchema, q);
        expect(values.layers.length).toBeLessThanOrEqual(MODEL_CAPS.playground.maxHiddenLayers);
        expect(values.layers.every((u) => u >= 1 && u <= MODEL_CAPS.playground.maxUnits)).toBe(true);
        const problems = checkModelConfig(
          { kind: 'mlp', inputDim: 2, hidden: values.layers, activation: values.activation, l2: values.l2, outputUnits: 1, outputActivation: 'sigmoid', seed: values.seed },
          values.batch,
        );
        expect(problems).toEqual([]);
        expect(values.lr).toBeGreaterThan(0);
      }),
    );
  });

  it('restores a playground permalink exactly', () => {
    const { values, issues } = parseQuery(PLAYGROUND_ID, playgroundSchema, '?playground.dataset=spiral&playground.layers=8,8,4&playground.lr=0.1&playground.seed=42');
    expect(issues).toEqual([]);
    expect(values).toMatchObject({ dataset: 'spiral', layers: [8, 8, 4], lr: 0.1, seed: 42 });
  });

  it('keeps the quantization lab’s settings within its schema (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...keys(QUANT_LAB_ID, quantLabSchema)), fc.string())), (pairs) => {
        const q = pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
        const { values } = parseQuery(QUANT_LAB_ID, quantLabSchema, q);
        expect(['8', '4', '2', '1']).toContain(values.bits);
        expect(values.sparsity).toBeGreaterThanOrEqual(0);
        expect(values.sparsity).toBeLessThanOrEqual(99);
      }),
    );
  });
});
