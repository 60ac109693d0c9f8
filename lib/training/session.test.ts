import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { describe, expect, it } from 'vitest';
import { schemaDefaults } from '../state/schema';
import { playgroundSchema, type PlaygroundValues } from '../widgets/playground';
import type { Event } from './protocol';
import { TrainingSession } from './session';

function session(mainThread = false) {
  const events: Event[] = [];
  const s = new TrainingSession((e) => events.push(e), mainThread);
  return { s, events };
}

const settings = (over: Partial<PlaygroundValues> = {}): PlaygroundValues => ({ ...schemaDefaults(playgroundSchema), backend: 'cpu', ...over });
const configure = (over: Partial<PlaygroundValues> = {}) => ({ type: 'configure' as const, config: { task: 'playground' as const, settings: settings(over), prefer: 'cpu' as const, basePath: '' } });

describe('TrainingSession (playground, cpu backend)', () => {
  it('configures, trains when asked, and the held-out loss falls', async () => {
    const { s, events } = session();
    await s.handle(configure({ optimizer: 'adam', lr: 0.03, layers: [8, 8] }));
    const ready = events.find((e) => e.type === 'ready');
    expect(ready && ready.type === 'ready' && ready.backend.name).toBe('cpu');
    const frames = () => events.filter((e): e is Extract<Event, { type: 'frame' }> => e.type === 'frame').map((e) => e.frame);
    const first = frames().find((f) => f.testLoss !== undefined)!;
    expect(first.boundary).toHaveLength(40 * 40);
    await s.handle({ type: 'step', n: 200 });
    const last = frames().filter((f) => f.testLoss !== undefined).at(-1)!;
    expect(last.step).toBe(200);
    expect(last.testLoss!).toBeLessThan(first.testLoss!);
    expect(events.at(-1)).toEqual({ type: 'status', status: 'paused' });
    await s.handle({ type: 'dispose' });
  });

  it('leaves no tensors behind after training and dispose', async () => {
    const { s } = session();
    await s.handle(configure());
    await s.handle({ type: 'dispose' });
    const baseline = tf.memory().numTensors;
    await s.handle(configure());
    await s.handle({ type: 'step', n: 300 });
    await s.handle({ type: 'reset' });
    await s.handle({ type: 'step', n: 100 });
    await s.handle({ type: 'dispose' });
    expect(tf.memory().numTensors).toBe(baseline);
  });

  it('stops a divergent run with a message instead of NaN', async () => {
    const { s, events } = session();
    await s.handle(configure({ lr: 10, activation: 'relu', layers: [16, 16, 16] }));
    await s.handle({ type: 'step', n: 100 });
    const diverged = events.find((e) => e.type === 'diverged');
    expect(diverged).toBeDefined();
    expect(diverged && diverged.type === 'diverged' && diverged.message.en).toMatch(/diverged/i);
    expect(events.some((e) => e.type === 'status' && e.status === 'diverged')).toBe(true);
    await s.handle({ type: 'dispose' });
  });

  it('trains on the main thread one step at a time and pauses between steps', async () => {
    const { s, events } = session(true);
    await s.handle(configure({ optimizer: 'adam' }));
    await s.handle({ type: 'start' });
    await new Promise((r) => setTimeout(r, 150));
    await s.handle({ type: 'pause' });
    await new Promise((r) => setTimeout(r, 50));
    const steps = events.filter((e): e is Extract<Event, { type: 'frame' }> => e.type === 'frame').map((e) => e.frame.step);
    expect(Math.max(...steps)).toBeGreaterThan(1);
    expect(events.some((e) => e.type === 'status' && e.status === 'paused')).toBe(true);
    await s.handle({ type: 'dispose' });
  });
});
