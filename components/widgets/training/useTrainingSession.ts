'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { BackendChoice, Refusal } from '@/lib/ml/backends';
import type { CompressSpec, CompressionReport, Event, Frame, Request, SessionConfig, Status, Text } from '@/lib/training/protocol';

export interface LossPoint {
  step: number;
  loss: number;
}

export interface SessionState {
  status: Status;
  backend: BackendChoice | null;
  mainThread: boolean;
  params: number | null;
  step: number;
  loss: number | null;
  testLoss: number | null;
  testAccuracy: number | null;
  trainAccuracy: number | null;
  /** Training loss read back every few steps; held-out loss at each full frame. */
  trainCurve: LossPoint[];
  testCurve: LossPoint[];
  boundary: Float32Array | null;
  resolution: number;
  points: Extract<Event, { type: 'ready' }>['points'] | null;
  diverged: Text | null;
  error: Text | null;
  refused: Text[];
  compressions: CompressionReport[];
  sweep: Extract<Event, { type: 'sweep' }> | null;
}

const INITIAL: SessionState = {
  status: 'idle',
  backend: null,
  mainThread: false,
  params: null,
  step: 0,
  loss: null,
  testLoss: null,
  testAccuracy: null,
  trainAccuracy: null,
  trainCurve: [],
  testCurve: [],
  boundary: null,
  resolution: 0,
  points: null,
  diverged: null,
  error: null,
  refused: [],
  compressions: [],
  sweep: null,
};

const MAX_CURVE = 600;
/** Pending events are applied at the next animation frame, or after this many ms if no frame comes first. */
const FLUSH_FLOOR_MS = 250;
/** Keeps a curve short: when it grows past MAX_CURVE points, every other point is dropped. */
function push(curve: LossPoint[], p: LossPoint): LossPoint[] {
  const next = curve.length && curve[curve.length - 1]!.step === p.step ? [...curve.slice(0, -1), p] : [...curve, p];
  return next.length > MAX_CURVE ? next.filter((_, i) => i % 2 === 0 || i === next.length - 1) : next;
}

function reduce(state: SessionState, e: Event): SessionState {
  switch (e.type) {
    case 'ready':
      return { ...INITIAL, status: state.status, backend: e.backend, mainThread: e.mainThread, params: e.params, points: e.points ?? null, compressions: [], sweep: null };
    case 'status':
      return { ...state, status: e.status };
    case 'frame': {
      const f: Frame = e.frame;
      const next: SessionState = { ...state, step: f.step };
      if (f.loss !== null && Number.isFinite(f.loss)) next.loss = f.loss;
      // The curve shows the whole training set's loss where the session measures it (smooth), else the minibatch loss.
      const curveLoss = f.trainLoss ?? (state.testCurve.length === 0 || f.testLoss === undefined ? f.loss : null);
      if (curveLoss !== null && curveLoss !== undefined && Number.isFinite(curveLoss) && (f.trainLoss !== undefined || !state.points)) {
        next.trainCurve = push(state.trainCurve, { step: f.step, loss: curveLoss });
      }
      if (f.testLoss !== undefined && Number.isFinite(f.testLoss)) {
        next.testLoss = f.testLoss;
        next.testCurve = push(state.testCurve, { step: f.step, loss: f.testLoss });
      }
      if (f.testAccuracy !== undefined) next.testAccuracy = f.testAccuracy;
      if (f.trainAccuracy !== undefined) next.trainAccuracy = f.trainAccuracy;
      if (f.boundary) {
        next.boundary = f.boundary;
        next.resolution = f.resolution ?? state.resolution;
      }
      return next;
    }
    case 'diverged':
      return { ...state, diverged: e.message };
    case 'refused':
      return { ...state, refused: e.problems };
    case 'error':
      return { ...state, error: e.message };
    case 'compressed':
      return { ...state, compressions: [...state.compressions.filter((c) => c.id !== e.report.id), e.report] };
    case 'sweep':
      return { ...state, sweep: e };
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

/**
 * Runs a training session in a Web Worker and mirrors its events into React state, at most once per animation frame.
 * If the worker cannot start (or cannot start any backend), the same session runs on the main thread, yielding to the
 * page after every step, and the state says so (mainThread).
 */
export function useTrainingSession(active: boolean) {
  const [state, setState] = useState<SessionState>(INITIAL);
  const channel = useRef<Channel | null>(null);
  const pending = useRef<Event[]>([]);
  const frame = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const lastConfig = useRef<SessionConfig | null>(null);
  const fellBack = useRef(false);
  const onEventRef = useRef<(e: Event) => void>(() => {});

  const flush = useCallback(() => {
    cancelAnimationFrame(frame.current);
    clearTimeout(timer.current);
    frame.current = 0;
    timer.current = undefined;
    const events = pending.current;
    pending.current = [];
    if (events.length) setState((s) => events.reduce(reduce, s));
  }, []);

  const startMainThread = useCallback(async () => {
    if (fellBack.current) return;
    fellBack.current = true;
    channel.current?.close();
    const { TrainingSession } = await import('@/lib/training/session');
    const session = new TrainingSession((e) => onEventRef.current(e), true, pageRefusals());
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
      worker = new Worker(new URL('../../../lib/training/trainer.worker.ts', import.meta.url));
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
  const configure = useCallback(
    (config: SessionConfig) => {
      lastConfig.current = config;
      setState((s) => ({ ...s, diverged: null, error: null, refused: [] }));
      send({ type: 'configure', config });
    },
    [send],
  );

  return {
    state,
    configure,
    start: useCallback(() => send({ type: 'start' }), [send]),
    pause: useCallback(() => send({ type: 'pause' }), [send]),
    step: useCallback((n = 1) => send({ type: 'step', n }), [send]),
    reset: useCallback(() => {
      setState((s) => ({ ...s, diverged: null, error: null }));
      send({ type: 'reset' });
    }, [send]),
    compress: useCallback((spec: CompressSpec, id: number) => send({ type: 'compress', spec, id }), [send]),
    sweep: useCallback((scheme: 'affine' | 'symmetric', granularity: 'tensor' | 'channel', id: number) => send({ type: 'sweep', scheme, granularity, id }), [send]),
  };
}
