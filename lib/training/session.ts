/**
 * A training session: one live widget's run (model, data, trainer) driven by protocol messages. The same class runs
 * inside the Web Worker (the normal case) and on the main thread (the fallback), where it takes one step at a time and
 * yields to the page between steps. It knows no widget by name: a loader finds the widget's task by id, and the task
 * builds the run. Framework-free; tfjs is loaded only when a session is configured.
 *
 * Besides the loop it owns three things every widget needs: live settings (a change of only `live` fields is applied
 * to the running model, any other change rebuilds it), divergence (a NaN or exploding loss stops training with a
 * reason), and a lost GPU device (training carries on on the next backend from the last weights read back).
 */
import type { Bilingual } from '../i18n';
import {
  BACKEND_CHAIN,
  BACKEND_LABELS,
  BackendUnavailableError,
  describeRefusal,
  initBackend,
  pickFastest,
  watchDeviceLost,
  type BackendChoice,
  type Measurement,
  type Refusal,
} from '../ml/backends';
import type { Tf } from '../ml/train';
import type { Event, Request, SessionConfig, Status } from './protocol';
import { TaskRefused, type LiveWidget, type Snapshot, type TaskRun, type WidgetLoader } from './task';
import { timeSteps } from './timing';

/** Loss is read back every this many steps, never per step. */
export const READ_LOSS_EVERY = 5;
/** A full frame (held-out metrics, the view's payload) is sent at most this often, in ms. */
export const FRAME_INTERVAL_MS = 200;
/** On WebGPU, the weights are read back at most this often, so a lost device costs at most this much training. */
export const SNAPSHOT_INTERVAL_MS = 1000;

const yieldToEventLoop = () => new Promise<void>((r) => setTimeout(r, 0));
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));
const LOST = Symbol('lost');

/** The settings keys whose values differ between a and b. */
export function changedKeys(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}

/** Typed arrays' buffers anywhere in the first levels of a payload, to transfer rather than copy. */
export function transferables(value: unknown, depth = 3, out: Set<ArrayBuffer> = new Set()): ArrayBuffer[] {
  if (depth < 0 || value === null || typeof value !== 'object') return [...out];
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer) out.add(value.buffer);
    return [...out];
  }
  for (const v of Array.isArray(value) ? value : Object.values(value)) transferables(v, depth - 1, out);
  return [...out];
}

/** The side effects the session has on tfjs's backends; replaced in tests. */
export interface BackendHooks {
  initBackend: typeof initBackend;
  watchDeviceLost: typeof watchDeviceLost;
  /** Makes an already chosen backend current again (after another widget on the same thread moved tfjs). */
  useBackend: (tf: Tf, name: BackendChoice['name']) => Promise<unknown>;
  /**
   * Time the reader's model on every backend that runs and keep the fastest, when no backend is forced (default off,
   * for tests of the rest; on in the book).
   */
  timeBackends?: boolean;
  /** The clock for that timing (default performance.now). */
  now?: () => number;
  /** Waits until the backend has finished the work queued so far (default: a one-number read-back). */
  sync?: (tf: Tf) => Promise<void>;
}

/**
 * Waits for every queued kernel: a GPU backend runs commands in order, so reading a new tensor waits for them all. It
 * has 256 elements because WebGL runs an op on tensors under 128 elements that still live on the CPU there, never
 * touching the GPU (its WEBGL_CPU_FORWARD), and such a read would not wait.
 */
export async function flush(tf: Tf): Promise<void> {
  const t = tf.tidy(() => tf.add(tf.zeros([256]), tf.ones([256])));
  await t.data();
  t.dispose();
}

const REAL_HOOKS: BackendHooks = { initBackend, watchDeviceLost, useBackend: (tf, name) => tf.setBackend(name), timeBackends: true };

/**
 * Measured choices for this visit (the life of the worker or page), by widget, model and kernels: a second widget
 * with the same model, or a rebuild with only live settings changed, reuses the answer instead of timing again.
 */
const MEASURED = new Map<string, BackendChoice>();
/** Forgets the measured choices (tests). */
export function clearMeasuredChoices() {
  MEASURED.clear();
}

export class TrainingSession {
  private config: SessionConfig | null = null;
  private widget: LiveWidget | null = null;
  private run: TaskRun<never> | null = null;
  private tf: Tf | null = null;
  private backend: BackendChoice | null = null;
  private running = false;
  private status: Status = 'idle';
  private lastFrameAt = 0;
  private queue: Promise<void> = Promise.resolve();
  private loopDone: Promise<void> = Promise.resolve();
  private readonly cache = new Map<string, unknown>();
  private known: Refusal[];
  /** The last weights read back on a GPU backend, and when. */
  private snapshot: Snapshot | null = null;
  private savedAt = 0;
  /** Settles when the current backend's device is lost; replaced at every backend start. */
  private lostSignal: Promise<typeof LOST> = new Promise(() => {});
  private signalLost: () => void = () => {};
  private lost: Refusal | null = null;
  private stopWatching: () => void = () => {};
  /** The kernels the current backend was chosen for (joined), so a change of model that needs others restarts it. */
  private kernels = '';
  /** Bumped at every build: a loop or frame of an older run stops. */
  private generation = 0;
  /** The model the measured backend choice was timed for (modelKey), or '' when it was not measured. */
  private timedKey = '';

  constructor(
    private readonly load: WidgetLoader,
    private readonly send: (event: Event, transfer?: Transferable[]) => void,
    private readonly mainThread: boolean,
    /** Refusals the page already knows (e.g. no navigator.gpu in the page). */
    known: Refusal[] = [],
    private readonly hooks: BackendHooks = REAL_HOOKS,
  ) {
    this.known = [...known];
  }

  /** Handles one request; requests are processed in order. 'pause' takes effect between training chunks. */
  handle(req: Request): Promise<void> {
    if (req.type === 'pause') {
      this.running = false;
      return Promise.resolve();
    }
    return this.enqueue(() => this.dispatch(req));
  }

  private enqueue(job: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(job).catch((err) => this.fail(err));
    return this.queue;
  }

  private setStatus(status: Status) {
    this.status = status;
    this.send({ type: 'status', status });
  }

  private fail(err: unknown) {
    this.running = false;
    this.setStatus('error');
    const m = errorText(err);
    this.send({ type: 'error', message: { en: `Training stopped: ${m}`, zh: `训练中止：${m}` }, detail: m });
  }

  private async dispatch(req: Request): Promise<void> {
    switch (req.type) {
      case 'configure':
        return this.configure(req.config);
      case 'reset':
        await this.stopLoop();
        return this.build();
      case 'start':
        if (!this.run || this.status === 'diverged' || this.status === 'error' || this.running) return;
        this.running = true;
        this.setStatus('training');
        this.loopDone = this.loop();
        return;
      case 'step': {
        if (!this.run || this.running || this.status === 'diverged' || this.status === 'error') return;
        const outcome = await this.advance(Math.max(1, Math.floor(req.n)), true);
        if (outcome === 'ok') this.setStatus('paused');
        return;
      }
      case 'request': {
        const handler = (this.run?.requests as Record<string, (p: unknown) => Promise<unknown>> | undefined)?.[req.name];
        if (!handler) {
          this.send({ type: 'reply', id: req.id, name: req.name, payload: null });
          return;
        }
        const payload = await this.orLost(handler(req.payload));
        if (payload === LOST) return;
        this.send({ type: 'reply', id: req.id, name: req.name, payload }, transferables(payload));
        return;
      }
      case 'dispose':
        await this.stopLoop();
        this.teardown();
        this.stopWatching();
        return;
      case 'pause':
        return;
    }
  }

  /** New settings: applied live when only `live` fields changed and a run can take them, otherwise a rebuild. */
  private async configure(config: SessionConfig) {
    const previous = this.config;
    this.config = config;
    const run = this.run;
    if (previous && run?.tune && this.widget?.id === config.widget && previous.prefer === config.prefer && this.status !== 'error' && this.status !== 'diverged') {
      const changed = changedKeys(previous.settings, config.settings);
      if (changed.length === 0) return;
      if (changed.every((k) => this.widget!.liveKeys.includes(k))) {
        run.tune(config.settings as never);
        this.send({ type: 'tuned', settings: config.settings });
        return;
      }
    }
    await this.stopLoop();
    await this.build();
  }

  /** Stops a running loop and waits for its current chunk to finish (or for a lost device to end it). */
  private async stopLoop() {
    this.running = false;
    await Promise.race([this.loopDone, this.lostSignal]);
  }

  private teardown() {
    const run = this.run;
    this.run = null;
    this.generation++;
    if (!run) return;
    try {
      run.dispose();
    } catch {
      // a run on a lost device may fail to free its buffers; they went with the device
    }
  }

  /** The kernels the widget's task needs for these settings. */
  private kernelsFor(widget: LiveWidget, config: SessionConfig): readonly string[] {
    const k = widget.task.requiredKernels;
    return typeof k === 'function' ? k(config.settings) : (k ?? []);
  }

  /**
   * The automatic choice by measurement: starts each backend that runs (a software WebGPU adapter is refused, as in
   * initBackend's chain), builds a throwaway run of the reader's model on it, warms it up and times a few steps, then
   * keeps the fastest, cached for the visit. Returns the choice, or null when timing was impossible (the model was
   * refused, or nothing could be timed) so the caller falls back to the chain's first backend that runs.
   */
  private async measureBackends(tf: Tf, config: SessionConfig, widget: LiveWidget): Promise<BackendChoice | null> {
    const kernels = this.kernelsFor(widget, config);
    const key = `${this.modelKey(widget, config)}|${this.known.map((r) => r.name).join(',')}`;
    const cached = MEASURED.get(key);
    if (cached) return cached;
    const now = this.hooks.now ?? (() => performance.now());
    const sync = this.hooks.sync ?? flush;
    const refused: Refusal[] = [];
    const measured: Measurement[] = [];
    let detail: string | undefined;
    for (const name of BACKEND_CHAIN) {
      let started: BackendChoice;
      try {
        started = await this.hooks.initBackend({ tf, basePath: config.basePath, prefer: name, fallback: false, known: this.known, requiredKernels: kernels, allowFallbackAdapter: false });
      } catch (err) {
        refused.push(...(err instanceof BackendUnavailableError ? err.refused : [{ name, reason: 'initFailed' as const, detail: errorText(err) }]));
        continue;
      }
      let run: TaskRun<never> | null = null;
      try {
        run = (await widget.task.build({ tf, backend: name, basePath: config.basePath, origin: config.origin, cache: this.cache }, config.settings as never)) as TaskRun<never>;
        measured.push({ name, msPerStep: await timeSteps(run, now, () => sync(tf)) });
        if (name === 'webgpu' && started.detail) detail = started.detail;
      } catch (err) {
        if (err instanceof TaskRefused) return null; // the real build will say why
        refused.push({ name, reason: 'initFailed', detail: `a timed training step failed: ${errorText(err)}` });
      } finally {
        try {
          run?.dispose();
        } catch {
          // a run on a failed backend may not free cleanly
        }
      }
    }
    // (A clock too coarse to time anything, as with fingerprinting protection, leaves no valid measurement.)
    if (!measured.some((m) => Number.isFinite(m.msPerStep) && m.msPerStep > 0)) return null;
    const { best, measured: sorted } = pickFastest(measured);
    const choice: BackendChoice = { name: best.name, refused: refused.filter((r) => !sorted.some((m) => m.name === r.name)), measured: sorted, ...(best.name === 'webgpu' && detail ? { detail } : {}) };
    MEASURED.set(key, choice);
    return choice;
  }

  /** The widget, its kernels and the settings that decide a step's cost (its task's timingKeys): what is timed. */
  private modelKey(widget: LiveWidget, config: SessionConfig): string {
    const keys = widget.task.timingKeys;
    const shape = Object.fromEntries(Object.entries(config.settings).filter(([k]) => (keys ? keys.includes(k) : !widget.liveKeys.includes(k))));
    return `${widget.id}|${this.kernelsFor(widget, config).join(',')}|${JSON.stringify(shape)}`;
  }

  /** Whether the backend is chosen by timing: nothing forced, timing on, and not on the main thread (it would block). */
  private timesBackends(config: SessionConfig): boolean {
    return !config.prefer && !!this.hooks.timeBackends && !this.mainThread;
  }

  /** Starts (or restarts) the backend: the forced one, the fastest measured, or the first in the chain that runs. */
  private async startBackend(tf: Tf, config: SessionConfig, widget: LiveWidget, measure = false): Promise<boolean> {
    this.stopWatching();
    try {
      const measuredChoice = measure && this.timesBackends(config) ? await this.measureBackends(tf, config, widget) : null;
      // A model that could not be timed (refused settings, nothing timeable) is tried again at its next rebuild.
      this.timedKey = measuredChoice ? this.modelKey(widget, config) : '';
      if (measuredChoice) {
        await this.hooks.useBackend(tf, measuredChoice.name);
        this.backend = measuredChoice;
      } else {
        this.backend = await this.hooks.initBackend({ tf, basePath: config.basePath, prefer: config.prefer, known: this.known, requiredKernels: this.kernelsFor(widget, config) });
      }
    } catch (err) {
      this.backend = null;
      const refused = err instanceof BackendUnavailableError ? err.refused.map((r) => describeRefusal(r, 'en')).join('; ') : errorText(err);
      const refusedZh = err instanceof BackendUnavailableError ? err.refused.map((r) => describeRefusal(r, 'zh')).join('；') : errorText(err);
      this.setStatus('error');
      this.send({ type: 'error', message: { en: `No backend could run here: ${refused}`, zh: `这里没有可用的计算后端：${refusedZh}` }, detail: 'noBackend' });
      return false;
    }
    this.lost = null;
    this.snapshot = null;
    this.lostSignal = new Promise((resolve) => {
      this.signalLost = () => resolve(LOST);
    });
    this.stopWatching = this.hooks.watchDeviceLost(tf, (refusal) => this.onDeviceLost(refusal));
    return true;
  }

  /**
   * (Re)builds the run from the current config: the backend (kept unless the forced one changed or a device was
   * lost), then the widget's task. After a lost device, `recovery` carries the last snapshot to restore.
   */
  private async build(recovery?: { refusal: Refusal; snapshot: Snapshot | null }) {
    const config = this.config;
    if (!config) return;
    this.teardown();
    this.setStatus('loading');
    const widget = this.widget?.id === config.widget ? this.widget : await this.load(config.widget);
    if (!widget) {
      this.setStatus('error');
      this.send({ type: 'error', message: { en: `No live widget "${config.widget}"`, zh: `没有名为“${config.widget}”的交互组件` }, detail: 'unknownWidget' });
      return;
    }
    const newWidget = this.widget?.id !== widget.id;
    this.widget = widget;
    const tf = this.tf ?? ((await import('@tensorflow/tfjs-core')) as unknown as Tf);
    this.tf = tf;
    const kernels = this.kernelsFor(widget, config).join(',');
    const kernelsChanged = kernels !== this.kernels;
    this.kernels = kernels;
    // A measured choice holds for the model it timed: another model is timed again (or found cached), and so is a model
    // whose timing failed before (its settings were refused, say) once they change.
    const remeasure = !!this.backend && !recovery && this.timesBackends(config) && this.modelKey(widget, config) !== this.timedKey;
    if (!this.backend || newWidget || recovery || kernelsChanged || remeasure || (config.prefer ?? null) !== (this.backend.preferred ?? null)) {
      // The automatic choice times the model on each backend, except after a lost device (carry on where it runs).
      if (!(await this.startBackend(tf, config, widget, !recovery))) return;
    } else {
      await this.hooks.useBackend(tf, this.backend.name);
    }
    let run: TaskRun<never>;
    try {
      run = (await widget.task.build({ tf, backend: this.backend!.name, basePath: config.basePath, origin: config.origin, cache: this.cache }, config.settings as never)) as TaskRun<never>;
    } catch (err) {
      if (err instanceof TaskRefused) {
        this.setStatus('error');
        this.send({ type: 'refused', problems: err.problems });
        return;
      }
      throw err;
    }
    this.run = run;
    this.generation++;
    this.lastFrameAt = 0;
    if (recovery) {
      const restored = recovery.snapshot && run.restore ? (run.restore(recovery.snapshot), recovery.snapshot.step) : null;
      this.send({ type: 'backend', backend: this.backend!, message: recoveryMessage(recovery.refusal, this.backend!, restored) });
    } else {
      this.send({ type: 'ready', backend: this.backend!, mainThread: this.mainThread, info: run.info });
    }
    await this.sendFrame();
    this.setStatus(run.progress().step > 0 ? 'paused' : 'idle');
    // While the reader looks at the untrained model: compile the step's kernels. A Train pressed meanwhile waits in
    // the queue behind this and then starts at full speed.
    if (run.warmUp) await this.orLost(run.warmUp());
  }

  /** Trains until paused, diverged, the target step count, or a rebuild; yields between chunks so messages get through. */
  private async loop() {
    const generation = this.generation;
    while (this.running && this.run && generation === this.generation) {
      const left = (this.run.targetSteps ?? Infinity) - this.run.progress().step;
      if (left <= 0) break;
      const outcome = await this.advance(Math.min(left, this.mainThread ? 1 : READ_LOSS_EVERY), false);
      if (outcome !== 'ok') return;
      await yieldToEventLoop();
    }
    if (generation === this.generation && this.status === 'training') {
      this.running = false;
      await this.sendFrame();
      this.setStatus('paused');
    }
  }

  /** Races a promise against the loss of the GPU device: a computation on a lost device may never settle. */
  private orLost<T>(p: Promise<T>): Promise<T | typeof LOST> {
    return Promise.race([p, this.lostSignal]);
  }

  private async advance(n: number, forceFrame: boolean): Promise<'ok' | 'diverged' | 'lost' | 'stale'> {
    const run = this.run!;
    const generation = this.generation;
    let p: Awaited<ReturnType<TaskRun['step']>> | typeof LOST;
    try {
      p = await this.orLost(run.step(n));
    } catch (err) {
      // An error on a GPU backend may be the first sign of a lost device, whose event follows a moment later.
      if ((await Promise.race([this.lostSignal, sleep(150)])) === LOST || this.lost) return 'lost';
      throw err;
    }
    if (p === LOST) return 'lost';
    if (generation !== this.generation) return 'stale';
    if (p.diverged) {
      this.running = false;
      this.send({ type: 'frame', step: p.step, loss: null });
      this.send({ type: 'diverged', step: p.diverged.step, message: p.diverged.message });
      this.setStatus('diverged');
      return 'diverged';
    }
    if (forceFrame || Date.now() - this.lastFrameAt >= FRAME_INTERVAL_MS) await this.sendFrame();
    else this.send({ type: 'frame', step: p.step, loss: p.loss });
    if (this.backend?.name === 'webgpu' && run.save && Date.now() - this.savedAt >= SNAPSHOT_INTERVAL_MS) {
      const snap = await this.orLost(run.save());
      if (snap === LOST) return 'lost';
      this.snapshot = snap;
      this.savedAt = Date.now();
    }
    return 'ok';
  }

  /** A full frame: the run's metrics and the view's payload. */
  private async sendFrame() {
    const run = this.run;
    if (!run) return;
    this.lastFrameAt = Date.now();
    const generation = this.generation;
    const frame = await this.orLost(run.frame());
    if (frame === LOST || generation !== this.generation) return;
    const p = run.progress();
    this.send({ type: 'frame', step: p.step, loss: p.loss, metrics: frame.metrics, extra: frame.extra }, transferables(frame.extra));
  }

  /** The device of the running backend was lost: refuse that backend from now on, and carry on on the next one. */
  private onDeviceLost(refusal: Refusal) {
    if (this.lost) return;
    this.lost = refusal;
    this.known = [...this.known.filter((r) => r.name !== refusal.name), refusal];
    const wasTraining = this.running || this.status === 'training';
    this.running = false;
    this.signalLost();
    const snapshot = this.snapshot;
    void this.enqueue(async () => {
      this.teardown();
      this.backend = null;
      await this.build({ refusal, snapshot });
      if (wasTraining && this.run && this.status !== 'error' && this.status !== 'diverged') {
        this.running = true;
        this.setStatus('training');
        this.loopDone = this.loop();
      }
    });
  }
}

/** What the badge says after a lost device: where training went on, and from where. */
function recoveryMessage(refusal: Refusal, backend: BackendChoice, restoredStep: number | null): Bilingual {
  const name = BACKEND_LABELS[backend.name];
  const lostEn = describeRefusal(refusal, 'en');
  const lostZh = describeRefusal(refusal, 'zh');
  return restoredStep !== null
    ? {
        en: `${lostEn}. Training carries on on ${name} from step ${restoredStep}, the last weights read back from the GPU.`,
        zh: `${lostZh}。训练已改在 ${name} 上继续，从第 ${restoredStep} 步（最后一次从 GPU 读回的权重）接着训练。`,
      }
    : {
        en: `${lostEn}. Its weights could not be read back, so training restarted from step 0 on ${name}.`,
        zh: `${lostZh}。它的权重没能读回，所以训练在 ${name} 上从第 0 步重新开始。`,
      };
}
