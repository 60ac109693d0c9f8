import { describe, expect, it } from 'vitest';
import { BackendUnavailableError, describeChoice, type BackendChoice, type BackendName, type InitOptions, type Refusal } from '../ml/backends';
import type { TrainProgress } from '../ml/train';
import type { Event, Request, SessionConfig } from './protocol';
import { TrainingSession, changedKeys, clearMeasuredChoices, transferables, type BackendHooks } from './session';
import { TaskRefused, type LiveWidget, type TrainingTask } from './task';

/**
 * A task without tfjs: gradient descent on f(w) = w², w₀ = 10, so the loss after k steps is (10·(1 − 2η)^k)² exactly.
 * It lets the session's own logic (live settings, rebuilds, divergence, requests, a lost device) be tested alone.
 */
type Settings = { lr: number; start: number; size: number };
let builds = 0;
const quadratic: TrainingTask<Settings, { size: number }, { w: number }, { double: { payload: number; reply: number } }> = {
  async build(_ctx, s) {
    builds++;
    if (s.size > 100) throw new TaskRefused([{ en: 'too big', zh: '太大' }]);
    let w = s.start;
    let lr = s.lr;
    let step = 0;
    let loss: number | null = null;
    let diverged: TrainProgress['diverged'] = null;
    const progress = (): TrainProgress => ({ step, loss, lossStep: step, diverged });
    return {
      info: { size: s.size },
      async step(n) {
        for (let k = 0; k < n && !diverged; k++) {
          w -= lr * 2 * w;
          step++;
          loss = w * w;
          if (!Number.isFinite(loss) || loss > 1e12) diverged = { reason: 'exploded', step, loss, message: { en: 'Training diverged', zh: '训练发散' } };
        }
        return progress();
      },
      progress,
      frame: async () => ({ metrics: { w }, extra: { w } }),
      tune: (next) => {
        lr = next.lr;
      },
      requests: { double: async (x) => 2 * x },
      save: async () => ({ step, weights: [Float32Array.of(w)] }),
      restore(snapshot) {
        step = snapshot.step;
        w = snapshot.weights[0]![0]!;
      },
      dispose() {},
    };
  },
};
const widget: LiveWidget = { id: 'quadratic', task: quadratic, liveKeys: ['lr'] };

/** Backends without tfjs's: "webgpu" first, and whatever is left once it is lost; the device loss is triggered by hand. */
function fakeHooks() {
  let lose: ((r: Refusal) => void) | null = null;
  const hooks: BackendHooks = {
    async initBackend(options: InitOptions): Promise<BackendChoice> {
      const lost = (options.known ?? []).find((r) => r.name === 'webgpu');
      return lost ? { name: 'cpu', refused: [lost] } : { name: 'webgpu', refused: [] };
    },
    watchDeviceLost(_tf, onLost) {
      lose = onLost;
      return () => (lose = null);
    },
    useBackend: async () => undefined,
  };
  return { hooks, lose: (detail: string) => lose?.({ name: 'webgpu', reason: 'deviceLost', detail }) };
}

function session(mainThread = false) {
  const events: Event[] = [];
  const fake = fakeHooks();
  const s = new TrainingSession(async (id) => (id === 'quadratic' ? widget : null), (e) => events.push(e), mainThread, [], fake.hooks);
  const frames = () => events.filter((e): e is Extract<Event, { type: 'frame' }> => e.type === 'frame');
  const statuses = () => events.filter((e) => e.type === 'status').map((e) => (e as Extract<Event, { type: 'status' }>).status);
  return { s, events, frames, statuses, lose: fake.lose };
}

const config = (over: Partial<Settings> = {}, widgetId = 'quadratic'): Request => ({
  type: 'configure',
  config: { widget: widgetId, settings: { lr: 0.1, start: 10, size: 1, ...over }, basePath: '', origin: 'http://localhost' } satisfies SessionConfig,
});
const lastStep = (frames: Extract<Event, { type: 'frame' }>[]) => frames.at(-1)!.step;
const until = async (cond: () => boolean, ms = 2000) => {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('TrainingSession', () => {
  it('builds the widget’s run, says ready with its info, and sends a first full frame', async () => {
    const { s, events, frames } = session();
    await s.handle(config({ size: 7 }));
    const ready = events.find((e) => e.type === 'ready') as Extract<Event, { type: 'ready' }>;
    expect(ready.backend.name).toBe('webgpu');
    expect(ready.info).toEqual({ size: 7 });
    expect(frames()[0]).toMatchObject({ step: 0, metrics: { w: 10 }, extra: { w: 10 } });
    expect(events.at(-1)).toEqual({ type: 'status', status: 'idle' });
  });

  it('takes the steps asked for and reports the exact loss of gradient descent on w²', async () => {
    const { s, frames } = session();
    await s.handle(config());
    await s.handle({ type: 'step', n: 3 });
    // w₃ = 10·(1 − 2·0.1)³ = 10·0.512 = 5.12; loss = 26.2144 (hand computation)
    expect(frames().at(-1)).toMatchObject({ step: 3 });
    expect(frames().at(-1)!.loss).toBeCloseTo(26.2144, 10);
  });

  it('applies a change of live settings to the running model: the step count goes on', async () => {
    const { s, events, frames } = session();
    await s.handle(config({ lr: 0.1 }));
    await s.handle({ type: 'step', n: 2 });
    builds = 0;
    await s.handle(config({ lr: 0.25 }));
    expect(builds).toBe(0);
    expect(events.some((e) => e.type === 'tuned')).toBe(true);
    await s.handle({ type: 'step', n: 1 });
    // w₂ = 10·0.8² = 6.4, then one step at η = 0.25: w₃ = 6.4·(1 − 0.5) = 3.2, loss 10.24 at step 3 (hand computation)
    expect(lastStep(frames())).toBe(3);
    expect(frames().at(-1)!.loss).toBeCloseTo(10.24, 10);
  });

  it('rebuilds when any other setting changes: a new run from step 0', async () => {
    const { s, events, frames } = session();
    await s.handle(config());
    await s.handle({ type: 'step', n: 4 });
    builds = 0;
    await s.handle(config({ start: 2 }));
    expect(builds).toBe(1);
    expect(events.filter((e) => e.type === 'ready')).toHaveLength(2);
    expect(frames().at(-1)).toMatchObject({ step: 0, metrics: { w: 2 } });
  });

  it('does nothing for a configure that changes nothing', async () => {
    const { s, events } = session();
    await s.handle(config());
    const n = events.length;
    builds = 0;
    await s.handle(config());
    expect(builds).toBe(0);
    expect(events.length).toBe(n);
  });

  it('trains until paused, and the frames carry rising steps', async () => {
    const { s, frames, statuses } = session();
    await s.handle(config({ lr: 0.001 }));
    await s.handle({ type: 'start' });
    await until(() => lastStep(frames()) >= 50);
    await s.handle({ type: 'pause' });
    await until(() => statuses().at(-1) === 'paused');
    const steps = frames().map((f) => f.step);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
  });

  it('stops a divergent run with the reason and refuses to go on until reset', async () => {
    const { s, events, statuses } = session();
    await s.handle(config({ lr: 5 }));
    await s.handle({ type: 'step', n: 50 });
    expect(events.find((e) => e.type === 'diverged')).toMatchObject({ message: { en: 'Training diverged' } });
    expect(statuses().at(-1)).toBe('diverged');
    const n = events.length;
    await s.handle({ type: 'start' });
    expect(events.length).toBe(n);
    await s.handle({ type: 'reset' });
    expect(statuses().at(-1)).toBe('idle');
  });

  it('a live change to a diverged run rebuilds it instead', async () => {
    const { s, statuses } = session();
    await s.handle(config({ lr: 5 }));
    await s.handle({ type: 'step', n: 50 });
    builds = 0;
    await s.handle(config({ lr: 0.1 }));
    expect(builds).toBe(1);
    expect(statuses().at(-1)).toBe('idle');
  });

  it('passes on the problems of refused settings', async () => {
    const { s, events, statuses } = session();
    await s.handle(config({ size: 1000 }));
    expect(events.find((e) => e.type === 'refused')).toEqual({ type: 'refused', problems: [{ en: 'too big', zh: '太大' }] });
    expect(statuses().at(-1)).toBe('error');
  });

  it('answers a named request with the run’s reply, and null for a name it does not know', async () => {
    const { s, events } = session();
    await s.handle(config());
    await s.handle({ type: 'request', id: 7, name: 'double', payload: 21 });
    await s.handle({ type: 'request', id: 8, name: 'nope', payload: 1 });
    expect(events.filter((e) => e.type === 'reply')).toEqual([
      { type: 'reply', id: 7, name: 'double', payload: 42 },
      { type: 'reply', id: 8, name: 'nope', payload: null },
    ]);
  });

  it('says so for a widget it does not know', async () => {
    const { s, events } = session();
    await s.handle(config({}, 'nothing'));
    expect(events.find((e) => e.type === 'error')).toMatchObject({ detail: 'unknownWidget' });
  });

  it('carries on on the next backend from the last weights read back when the GPU device is lost mid-run', async () => {
    const { s, events, frames, statuses, lose } = session();
    await s.handle(config({ lr: 0.0001 }));
    await s.handle({ type: 'start' });
    // Snapshots are taken at most once a second on WebGPU; wait for one past step 0.
    await new Promise((r) => setTimeout(r, 1200));
    await until(() => lastStep(frames()) > 10);
    lose('Device was destroyed.');
    await until(() => events.some((e) => e.type === 'backend'));
    const notice = events.find((e) => e.type === 'backend') as Extract<Event, { type: 'backend' }>;
    expect(notice.backend.name).toBe('cpu');
    expect(notice.backend.refused).toEqual([{ name: 'webgpu', reason: 'deviceLost', detail: 'Device was destroyed.' }]);
    expect(notice.message.en).toMatch(/carries on on CPU from step [1-9]\d*/);
    const restoredFrom = Number(/from step (\d+)/.exec(notice.message.en)![1]);
    // It resumes training by itself, counting on from the restored step rather than from 0.
    await until(() => statuses().at(-1) === 'training' && lastStep(frames()) > restoredFrom + 5);
    await s.handle({ type: 'pause' });
    const after = frames().filter((f) => events.indexOf(f) > events.indexOf(notice));
    expect(after[0]!.step).toBe(restoredFrom);
  });
});

describe('TrainingSession with kernels that depend on the settings', () => {
  it('asks the backend for the kernels of the current settings, and restarts it when they change', async () => {
    const asked: (readonly string[])[] = [];
    const hooks: BackendHooks = {
      async initBackend(options: InitOptions): Promise<BackendChoice> {
        asked.push(options.requiredKernels ?? []);
        return { name: 'cpu', refused: [] };
      },
      watchDeviceLost: () => () => undefined,
      useBackend: async () => undefined,
    };
    const conv: LiveWidget = { id: 'quadratic', task: { ...quadratic, requiredKernels: (s: Settings) => (s.size > 5 ? ['Conv2D'] : []) }, liveKeys: ['lr'] };
    const s = new TrainingSession(async () => conv, () => undefined, false, [], hooks);
    await s.handle(config({ size: 1 }));
    await s.handle(config({ size: 2 })); // a rebuild with the same kernels keeps the backend
    await s.handle(config({ size: 7 })); // a model that needs convolutions chooses again
    await s.handle(config({ size: 8 }));
    expect(asked).toEqual([[], ['Conv2D']]);
  });
});

describe('TrainingSession choosing the backend by timing the model', () => {
  // A fake clock: each training step on a backend costs that backend's milliseconds; WebGPU has no adapter.
  const COST: Partial<Record<BackendName, number>> = { webgl: 6.8, wasm: 0.9, cpu: 0.36 };
  function timed(costs = COST, mainThread = false) {
    let clock = 0;
    const timings: string[] = [];
    const inits: InitOptions[] = [];
    const timedTask: LiveWidget['task'] = {
      async build(ctx, settings) {
        const run = await quadratic.build(ctx, settings as Settings);
        return {
          ...run,
          async step(n: number) {
            clock += n * costs[ctx.backend as BackendName]!;
            timings.push(ctx.backend);
            return run.step(n);
          },
        };
      },
    };
    const hooks: BackendHooks = {
      async initBackend(options: InitOptions): Promise<BackendChoice> {
        inits.push(options);
        // Forced: that backend or nothing; otherwise the chain's first that runs (WebGPU has no adapter here).
        const name = options.prefer ?? (['webgpu', 'webgl', 'wasm', 'cpu'] as const).find((b) => costs[b] !== undefined)!;
        if (costs[name] === undefined) throw new BackendUnavailableError([{ name, reason: 'noAdapter' }]);
        return { name, refused: [], ...(options.prefer ? { preferred: options.prefer } : {}) };
      },
      watchDeviceLost: () => () => undefined,
      useBackend: async () => undefined,
      timeBackends: true,
      now: () => clock,
      sync: async () => undefined,
    };
    const events: Event[] = [];
    const w: LiveWidget = { id: 'quadratic', task: timedTask, liveKeys: ['lr'] };
    const s = new TrainingSession(async () => w, (e) => events.push(e), mainThread, [], hooks);
    const ready = () => events.filter((e): e is Extract<Event, { type: 'ready' }> => e.type === 'ready');
    return { s, events, ready, timings, inits };
  }

  it('times every backend that runs and keeps the fastest, saying why with the numbers', async () => {
    clearMeasuredChoices();
    const { s, ready, timings } = timed();
    await s.handle(config({ size: 3 }));
    const choice = ready()[0]!.backend;
    expect(choice.name).toBe('cpu');
    expect(choice.measured!.map((m) => m.name)).toEqual(['cpu', 'wasm', 'webgl']);
    expect(choice.measured![0]!.msPerStep).toBeCloseTo(0.36, 10);
    expect(choice.refused).toEqual([{ name: 'webgpu', reason: 'noAdapter' }]);
    expect(new Set(timings)).toEqual(new Set(['webgl', 'wasm', 'cpu']));
    // 6.8 / 0.36 = 18.9 → "19×", against the GPU backend
    expect(describeChoice(choice, 'en')).toContain('For this model it is 19× faster than your GPU (WebGL): 0.36 ms a step against 6.80 ms.');
    expect(describeChoice(choice, 'zh')).toContain('它的速度是你的 GPU（WebGL）的 19 倍');
  });

  it('reuses the measured choice for the same model during the visit, and times a different model again', async () => {
    clearMeasuredChoices();
    const first = timed();
    await first.s.handle(config({ size: 3 }));
    const second = timed();
    await second.s.handle(config({ size: 3 }));
    expect(second.timings).toEqual(second.timings.filter((b) => b === 'cpu')); // only the reader's own run trains
    expect(second.ready()[0]!.backend.name).toBe('cpu');
    await second.s.handle(config({ size: 3, lr: 0.2 })); // a live change: no rebuild, no timing
    expect(second.timings).toHaveLength(0);
    await second.s.handle(config({ size: 4, lr: 0.2 })); // another model: timed
    expect(new Set(second.timings)).toEqual(new Set(['webgl', 'wasm', 'cpu']));
  });

  it('lets a GPU win when it is faster, and never times anything for a forced backend', async () => {
    clearMeasuredChoices();
    const fast = timed({ webgl: 0.2, wasm: 0.9, cpu: 3 });
    await fast.s.handle(config({ size: 5 }));
    expect(fast.ready()[0]!.backend.name).toBe('webgl');
    expect(describeChoice(fast.ready()[0]!.backend, 'en')).toContain('4.5× faster than WebAssembly');
    const forced = timed();
    await forced.s.handle({ type: 'configure', config: { widget: 'quadratic', settings: { lr: 0.1, start: 10, size: 6 }, prefer: 'wasm', basePath: '', origin: '' } });
    expect(forced.ready()[0]!.backend).toMatchObject({ name: 'wasm', preferred: 'wasm' });
    expect(forced.ready()[0]!.backend.measured).toBeUndefined();
    expect(forced.inits).toHaveLength(1);
  });

  it('times a model whose settings were refused once they are fixed, and not on the main thread', async () => {
    clearMeasuredChoices();
    const { s, ready, timings } = timed();
    await s.handle(config({ size: 1000 })); // refused (over the caps): nothing timed, the chain's backend
    expect(new Set(timings).size).toBeLessThanOrEqual(1);
    await s.handle(config({ size: 11 }));
    expect(new Set(timings)).toEqual(new Set(['webgl', 'wasm', 'cpu']));
    expect(ready().at(-1)!.backend.name).toBe('cpu');
    // On the main thread (no worker) timing would block the page: the chain's first backend that runs, untimed.
    const main = timed(COST, true);
    await main.s.handle(config({ size: 12 }));
    expect(main.ready()[0]!.backend.measured).toBeUndefined();
    expect(main.inits).toHaveLength(1);
  });

  it('leaves the reader’s run untouched by the timing: it starts at step 0 from the same weights', async () => {
    clearMeasuredChoices();
    const { s, events } = timed();
    await s.handle(config({ size: 9 }));
    const frame = events.find((e) => e.type === 'frame') as Extract<Event, { type: 'frame' }>;
    expect(frame).toMatchObject({ step: 0, metrics: { w: 10 } });
  });
});

describe('session helpers', () => {
  it('lists the keys whose values differ, arrays compared by value', () => {
    expect(changedKeys({ a: 1, b: [1, 2], c: 'x' }, { a: 1, b: [1, 2], c: 'y', d: true })).toEqual(['c', 'd']);
  });
  it('finds typed arrays to transfer, once each', () => {
    const f = new Float32Array(4);
    expect(transferables({ a: f, b: [f, { c: new Uint8Array(2) }], d: 3 })).toHaveLength(2);
  });
});
