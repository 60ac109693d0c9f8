'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { Bilingual } from '@/lib/i18n';
import type { BackendChoice, BackendName, Refusal } from '@/lib/ml/backends';
import type { Event, Request, SessionConfig, Status } from '@/lib/training/protocol';
import type { AnyTask, TrainingTask } from '@/lib/training/task';
import { BASE_PATH } from '@/lib/base-path';

export interface CurvePoint {
  step: number;
  value: number;
}

/** What the page knows of a live widget's session: mirrored from its events, at most once per animation frame. */
export interface LiveState<Info = unknown, Extra = unknown> {
  status: Status;
  backend: BackendChoice | null;
  mainThread: boolean;
  /** What the run said when it became ready (a parameter count, the data points, …). */
  info: Info | null;
  step: number;
  /** The latest training loss read back. */
  loss: number | null;
  /** The latest full frame's measurements. */
  metrics: Record<string, number | null>;
  /** A curve per measurement, and `loss` for the training loss read back between frames. */
  curves: Record<string, CurvePoint[]>;
  /** The latest full frame's payload for the view. */
  extra: Extra | null;
  diverged: Bilingual | null;
  error: Bilingual | null;
  refused: Bilingual[];
  /** What happened to the backend under a running session (a lost GPU device), for the badge. */
  notice: Bilingual | null;
  /** How many times live settings were applied to the running model. */
  tuned: number;
}

const INITIAL: LiveState<never, never> = {
  status: 'idle',
  backend: null,
  mainThread: false,
  info: null,
  step: 0,
  loss: null,
  metrics: {},
  curves: {},
  extra: null,
  diverged: null,
  error: null,
  refused: [],
  notice: null,
  tuned: 0,
};

const MAX_CURVE = 600;
/** Pending events are applied at the next animation frame, or after this many ms if no frame comes first. */
const FLUSH_FLOOR_MS = 250;

/** Appends a point, replacing one at the same step; past MAX_CURVE points every other one is dropped. */
function push(curve: CurvePoint[] | undefined, p: CurvePoint): CurvePoint[] {
  const c = curve ?? [];
  const next = c.length && c[c.length - 1]!.step === p.step ? [...c.slice(0, -1), p] : [...c, p];
  return next.length > MAX_CURVE ? next.filter((_, i) => i % 2 === 0 || i === next.length - 1) : next;
}

function reduce(state: LiveState, e: Event): LiveState {
  switch (e.type) {
    case 'ready':
      return { ...INITIAL, status: state.status, backend: e.backend, mainThread: e.mainThread, info: e.info };
    case 'backend':
      return { ...state, backend: e.backend, notice: e.message };
    case 'status':
      return { ...state, status: e.status };
    case 'tuned':
      return { ...state, tuned: state.tuned + 1 };
    case 'frame': {
      const next: LiveState = { ...state, step: e.step };
      const curves = { ...state.curves };
      if (e.loss !== null && Number.isFinite(e.loss)) {
        next.loss = e.loss;
        curves.loss = push(curves.loss, { step: e.step, value: e.loss });
      }
      if (e.metrics) {
        next.metrics = e.metrics;
        for (const [k, v] of Object.entries(e.metrics)) if (v !== null && Number.isFinite(v)) curves[k] = push(curves[k], { step: e.step, value: v });
      }
      next.curves = curves;
      if (e.extra !== undefined) next.extra = e.extra;
      return next;
    }
    case 'diverged':
      return { ...state, diverged: e.message };
    case 'refused':
      return { ...state, refused: e.problems };
    case 'error':
      return { ...state, error: e.message };
    default:
      return state;
  }
}

interface Channel {
  send(req: Request): void;
  close(): void;
}

/** What the page knows that a worker cannot see for itself: a browser without navigator.gpu has no WebGPU anywhere. */
function pageRefusals(): Refusal[] {
  const gpu = (navigator as Navigator & { gpu?: unknown }).gpu;
  return gpu ? [] : [{ name: 'webgpu', reason: 'noNavigatorGpu' }];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type TaskTypes<T> = T extends TrainingTask<any, infer Info, infer Extra, infer Req> ? { info: Info; extra: Extra; req: Req } : never;

/**
 * Runs a live widget's training session in a Web Worker and mirrors its events into React state. Every change of
 * `settings` is sent to the session, which applies live fields to the running model and rebuilds for the rest. If
 * the worker cannot start (or cannot start any backend), the same session runs on the main thread, yielding to the
 * page after every step, and the state says so (mainThread).
 */
export function useLiveSession<T extends AnyTask>(
  widgetId: string,
  _task: T | undefined,
  settings: Record<string, unknown> & { backend?: string },
  active: boolean,
) {
  type Info = TaskTypes<T>['info'];
  type Extra = TaskTypes<T>['extra'];
  type Req = TaskTypes<T>['req'];
  const [state, setState] = useState<LiveState<Info, Extra>>(INITIAL);
  const channel = useRef<Channel | null>(null);
  const pending = useRef<Event[]>([]);
  const frame = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const lastConfig = useRef<SessionConfig | null>(null);
  const fellBack = useRef(false);
  const onEventRef = useRef<(e: Event) => void>(() => {});
  const replies = useRef(new Map<number, (payload: unknown) => void>());
  const nextId = useRef(1);

  const flush = useCallback(() => {
    cancelAnimationFrame(frame.current);
    clearTimeout(timer.current);
    frame.current = 0;
    timer.current = undefined;
    const events = pending.current;
    pending.current = [];
    if (events.length) setState((s) => events.reduce(reduce, s as LiveState) as LiveState<Info, Extra>);
  }, []);

  const startMainThread = useCallback(async () => {
    if (fellBack.current) return;
    fellBack.current = true;
    channel.current?.close();
    const [{ TrainingSession }, { loadLiveWidget }] = await Promise.all([import('@/lib/training/session'), import('@/lib/widgets/live')]);
    const session = new TrainingSession(loadLiveWidget, (e) => onEventRef.current(e), true, pageRefusals());
    channel.current = { send: (req) => void session.handle(req), close: () => void session.handle({ type: 'dispose' }) };
    if (lastConfig.current) channel.current.send({ type: 'configure', config: lastConfig.current });
  }, []);

  const onEvent = useCallback(
    (e: Event) => {
      // A worker that cannot run any backend hands over to the main thread, once.
      if (e.type === 'error' && e.detail === 'noBackend' && !fellBack.current) {
        void startMainThread();
        return;
      }
      if (e.type === 'reply') {
        replies.current.get(e.id)?.(e.payload);
        replies.current.delete(e.id);
        return;
      }
      pending.current.push(e);
      // Events are applied once per animation frame; the timer is a floor for when frames stall (a hidden tab, a busy
      // compositor), so the widget's state never waits on painting.
      if (!frame.current) {
        frame.current = requestAnimationFrame(flush);
        timer.current = setTimeout(flush, FLUSH_FLOOR_MS);
      }
    },
    [flush, startMainThread],
  );
  useEffect(() => {
    onEventRef.current = onEvent;
  }, [onEvent]);

  useEffect(() => {
    if (!active) return;
    let worker: Worker | null = null;
    try {
      worker = new Worker(new URL('../../../lib/widgets/trainer.worker.ts', import.meta.url));
      worker.onmessage = (m: MessageEvent<Event>) => onEventRef.current(m.data);
      worker.onerror = () => void startMainThread();
      worker.postMessage({ known: pageRefusals() });
      const w = worker;
      channel.current = { send: (req) => w.postMessage(req), close: () => w.terminate() };
      if (lastConfig.current) channel.current.send({ type: 'configure', config: lastConfig.current });
    } catch {
      void startMainThread();
    }
    return () => {
      channel.current?.close();
      channel.current = null;
      cancelAnimationFrame(frame.current);
      clearTimeout(timer.current);
      frame.current = 0;
    };
  }, [active, startMainThread]);

  const send = useCallback((req: Request) => channel.current?.send(req), []);

  // Every change of settings goes to the session; it decides between applying them live and rebuilding.
  const settingsKey = JSON.stringify(settings);
  useEffect(() => {
    if (!active) return;
    const s = JSON.parse(settingsKey) as Record<string, unknown> & { backend?: string };
    const prefer = s.backend && s.backend !== 'auto' ? (s.backend as BackendName) : undefined;
    const config: SessionConfig = { widget: widgetId, settings: s, ...(prefer ? { prefer } : {}), basePath: BASE_PATH, origin: window.location.origin };
    const rebuild = !lastConfig.current || lastConfig.current.prefer !== config.prefer;
    lastConfig.current = config;
    if (rebuild) setState((st) => ({ ...st, diverged: null, error: null, refused: [] }));
    send({ type: 'configure', config });
  }, [settingsKey, active, widgetId, send]);

  const request = useCallback(
    <K extends keyof Req & string>(name: K, payload: Req[K]['payload']): Promise<Req[K]['reply'] | null> =>
      new Promise<Req[K]['reply'] | null>((resolve) => {
        if (!channel.current) return resolve(null);
        const id = nextId.current++;
        replies.current.set(id, resolve as (p: unknown) => void);
        send({ type: 'request', id, name, payload });
      }),
    [send],
  );

  return {
    state,
    start: useCallback(() => send({ type: 'start' }), [send]),
    pause: useCallback(() => send({ type: 'pause' }), [send]),
    step: useCallback((n = 1) => send({ type: 'step', n }), [send]),
    reset: useCallback(() => {
      setState((s) => ({ ...s, diverged: null, error: null, refused: [], notice: null }));
      send({ type: 'reset' });
    }, [send]),
    request,
  };
}

export type LiveSession = ReturnType<typeof useLiveSession>;
