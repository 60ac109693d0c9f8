import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MODEL_CAPS, checkModelConfig } from '../ml/models';
import { parseQuery, schemaDefaults } from '../state/schema';
import type { Event } from '../training/protocol';
import { TrainingSession } from '../training/session';
import { liveWidget } from './define';
import { BOUNDARY_RESOLUTION, PLAYGROUND_ID, playground, playgroundSchema, type PlaygroundValues } from './playground';

const settings = (over: Partial<PlaygroundValues> = {}): PlaygroundValues => ({ ...schemaDefaults(playgroundSchema), backend: 'cpu', ...over });
const configure = (over: Partial<PlaygroundValues> = {}) => ({
  type: 'configure' as const,
  config: { widget: PLAYGROUND_ID, settings: settings(over), prefer: 'cpu' as const, basePath: '', origin: 'http://localhost' },
});

function session(mainThread = false) {
  const events: Event[] = [];
  const s = new TrainingSession(async () => liveWidget(playground), (e) => events.push(e), mainThread);
  const frames = () => events.filter((e): e is Extract<Event, { type: 'frame' }> => e.type === 'frame');
  const full = () => frames().filter((f) => f.metrics);
  return { s, events, frames, full };
}

describe('the playground’s task, through the session (cpu backend)', () => {
  it('configures, trains when asked, and the held-out loss falls', async () => {
    const { s, events, full } = session();
    await s.handle(configure({ optimizer: 'adam', lr: 0.03, layers: [8, 8] }));
    const ready = events.find((e) => e.type === 'ready') as Extract<Event, { type: 'ready' }>;
    expect(ready.backend.name).toBe('cpu');
    // 2→8→8→1 with biases: 24 + 72 + 9 = 105 parameters (hand count)
    expect((ready.info as { params: number }).params).toBe(105);
    const first = full()[0]!;
    expect((first.extra as { boundary: Float32Array }).boundary).toHaveLength(BOUNDARY_RESOLUTION ** 2);
    await s.handle({ type: 'step', n: 200 });
    const last = full().at(-1)!;
    expect(last.step).toBe(200);
    expect(last.metrics!.testLoss!).toBeLessThan(first.metrics!.testLoss!);
    expect(events.at(-1)).toEqual({ type: 'status', status: 'paused' });
    await s.handle({ type: 'dispose' });
  });

  it('applies a new learning rate, optimizer, batch size and L2 live: the step count goes on, nothing is rebuilt', async () => {
    const { s, events, full } = session();
    await s.handle(configure({ optimizer: 'sgd', lr: 0.03 }));
    await s.handle({ type: 'step', n: 40 });
    await s.handle(configure({ optimizer: 'adam', lr: 0.1, batch: 25, l2: 0.01 }));
    expect(events.filter((e) => e.type === 'ready')).toHaveLength(1);
    expect(events.some((e) => e.type === 'tuned')).toBe(true);
    await s.handle({ type: 'step', n: 10 });
    expect(full().at(-1)!.step).toBe(50);
    await s.handle({ type: 'dispose' });
  });

  it('rebuilds from step 0 when the architecture changes', async () => {
    const { s, events, full } = session();
    await s.handle(configure());
    await s.handle({ type: 'step', n: 20 });
    await s.handle(configure({ layers: [3] }));
    expect(events.filter((e) => e.type === 'ready')).toHaveLength(2);
    expect(full().at(-1)!.step).toBe(0);
    await s.handle({ type: 'dispose' });
  });

  it('leaves no tensors behind after training, live changes, reset and dispose', async () => {
    const { s } = session();
    await s.handle(configure());
    await s.handle({ type: 'dispose' });
    const baseline = tf.memory().numTensors;
    await s.handle(configure());
    await s.handle({ type: 'step', n: 300 });
    await s.handle(configure({ l2: 0.03, lr: 0.1, optimizer: 'rmsprop' }));
    await s.handle({ type: 'step', n: 50 });
    await s.handle({ type: 'reset' });
    await s.handle({ type: 'step', n: 100 });
    await s.handle({ type: 'dispose' });
    expect(tf.memory().numTensors).toBe(baseline);
  });

  it('stops a divergent run with a message instead of NaN', async () => {
    const { s, events } = session();
    await s.handle(configure({ lr: 10, activation: 'relu', layers: [16, 16, 16] }));
    await s.handle({ type: 'step', n: 100 });
    const diverged = events.find((e) => e.type === 'diverged') as Extract<Event, { type: 'diverged' }> | undefined;
    expect(diverged?.message.en).toMatch(/diverged/i);
    expect(events.some((e) => e.type === 'status' && e.status === 'diverged')).toBe(true);
    await s.handle({ type: 'dispose' });
  });

  it('refuses a model over the caps, saying why', async () => {
    const { s, events } = session();
    await s.handle(configure({ layers: [8, 8, 8, 8, 8, 8, 8] }));
    const refused = events.find((e) => e.type === 'refused') as Extract<Event, { type: 'refused' }> | undefined;
    expect(refused?.problems[0]?.en).toMatch(/layers/i);
    await s.handle({ type: 'dispose' });
  });

  it('trains on the main thread one step at a time and pauses between steps', async () => {
    const { s, events, frames } = session(true);
    await s.handle(configure({ optimizer: 'adam' }));
    await s.handle({ type: 'start' });
    await new Promise((r) => setTimeout(r, 150));
    await s.handle({ type: 'pause' });
    await new Promise((r) => setTimeout(r, 50));
    expect(Math.max(...frames().map((f) => f.step))).toBeGreaterThan(1);
    expect(events.some((e) => e.type === 'status' && e.status === 'paused')).toBe(true);
    await s.handle({ type: 'dispose' });
  });

  it('carries a saved snapshot over to a rebuilt run: the same weights give the same boundary', async () => {
    const task = playground.task!;
    const ctx = { tf, backend: 'cpu' as const, basePath: '', origin: '', cache: new Map() };
    const a = await task.build(ctx, settings({ optimizer: 'adam' }));
    await a.step(60);
    const saved = await a.save!();
    const boundaryA = (await a.frame()).extra!.boundary;
    const b = await task.build(ctx, settings({ optimizer: 'adam' }));
    b.restore!(saved);
    expect(b.progress().step).toBe(60);
    const boundaryB = (await b.frame()).extra!.boundary;
    expect(Array.from(boundaryB)).toEqual(Array.from(boundaryA));
    a.dispose();
    b.dispose();
  });
});

const keys = (id: string, schema: object) => [...Object.keys(schema).map((k) => `${id}.${k}`), `${id}.nope`];

describe('the playground’s URL state', () => {
  it('never throws on any query and always yields a model within the caps (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...keys(PLAYGROUND_ID, playgroundSchema)), fc.oneof(fc.string(), fc.integer().map(String), fc.double().map(String)))), (pairs) => {
        const q = pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
        const { values } = parseQuery(PLAYGROUND_ID, playgroundSchema, q);
        expect(values.layers.length).toBeLessThanOrEqual(MODEL_CAPS.playground.maxHiddenLayers);
        expect(values.layers.every((u) => u >= 1 && u <= MODEL_CAPS.playground.maxUnits)).toBe(true);
        const problems = checkModelConfig(
          { kind: 'mlp', inputDim: 2, hidden: values.layers, activation: values.activation, outputUnits: 1, outputActivation: 'sigmoid', seed: values.seed },
          values.batch,
        );
        expect(problems).toEqual([]);
        expect(values.lr).toBeGreaterThan(0);
      }),
    );
  });

  it('restores a permalink exactly, batch 200 included (the schema allows 250)', () => {
    const { values, issues } = parseQuery(PLAYGROUND_ID, playgroundSchema, '?playground.dataset=spiral&playground.layers=8,8,4&playground.lr=0.1&playground.seed=42&playground.batch=200');
    expect(issues).toEqual([]);
    expect(values).toMatchObject({ dataset: 'spiral', layers: [8, 8, 4], lr: 0.1, seed: 42, batch: 200 });
  });

  it('marks exactly the training hyper-parameters as live', async () => {
    const { liveKeys } = await import('./define');
    expect(liveKeys(playgroundSchema).sort()).toEqual(['batch', 'l2', 'lr', 'optimizer']);
  });
});
