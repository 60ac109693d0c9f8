/**
 * The typed message protocol between a live widget and its training session, which runs in a Web Worker (or, where a
 * worker cannot start a backend, on the main thread behind the same interface).
 */
import type { BackendChoice, BackendName } from '../ml/backends';
import type { PlaygroundValues } from '../widgets/playground';
import type { QuantLabValues } from '../widgets/quant-lab';

export type Text = { en: string; zh: string };

export type SessionConfig =
  | { task: 'playground'; settings: PlaygroundValues; prefer?: BackendName; basePath: string }
  | { task: 'quantLab'; settings: QuantLabValues; prefer?: BackendName; basePath: string; dataUrl: string };

export type CompressSpec =
  | { method: 'float32' }
  | { method: 'quantize'; bits: 8 | 4 | 2 | 1; scheme: 'affine' | 'symmetric'; granularity: 'tensor' | 'channel' }
  | { method: 'prune'; sparsity: number }
  | { method: 'lowRank'; rank: number };

/** Page → session. */
export type Request =
  | { type: 'configure'; config: SessionConfig }
  | { type: 'start' }
  | { type: 'pause' }
  | { type: 'step'; n: number }
  | { type: 'reset' }
  | { type: 'evaluate' }
  | { type: 'snapshot' }
  | { type: 'compress'; spec: CompressSpec; id: number }
  | { type: 'sweep'; scheme: 'affine' | 'symmetric'; granularity: 'tensor' | 'channel'; id: number }
  | { type: 'dispose' };

export type Status = 'idle' | 'loading' | 'training' | 'paused' | 'diverged' | 'error';

export interface Frame {
  /** Steps taken. */
  step: number;
  /** Latest training loss read back (every few steps, never per step). */
  loss: number | null;
  /** Held-out loss and accuracy, evaluated now and then. */
  testLoss?: number;
  /** Loss over the whole training set (playground), evaluated with the held-out loss. */
  trainLoss?: number;
  testAccuracy?: number | null;
  trainAccuracy?: number | null;
  /** Playground: probabilities of class 1 on a resolution² grid, row-major from the top-left. */
  boundary?: Float32Array;
  resolution?: number;
}

export interface Histogram {
  /** Bin edges, length bins + 1. */
  edges: number[];
  counts: number[];
}

export interface CompressionReport {
  id: number;
  spec: CompressSpec;
  accuracy: number | null;
  loss: number;
  bytes: number;
  floatBytes: number;
  /** Histogram of the first kernel's weights before and after compression, on the same bins. */
  before: Histogram;
  after: Histogram;
}

/** Session → page. */
export type Event =
  | { type: 'ready'; backend: BackendChoice; params: number; mainThread: boolean; points?: { train: Float32Array; trainLabels: Float32Array; test: Float32Array; testLabels: Float32Array } }
  | { type: 'status'; status: Status }
  | { type: 'frame'; frame: Frame }
  | { type: 'diverged'; step: number; message: Text }
  | { type: 'refused'; problems: Text[] }
  | { type: 'error'; message: Text; detail?: string }
  | { type: 'evaluation'; train: { loss: number; accuracy: number | null }; test: { loss: number; accuracy: number | null } }
  | { type: 'snapshot'; weights: { name: string; shape: number[]; values: Float32Array }[] }
  | { type: 'compressed'; report: CompressionReport }
  | { type: 'sweep'; id: number; points: { bits: number; accuracy: number | null; bytes: number }[]; floatAccuracy: number | null; floatBytes: number };

/** Something that can carry messages both ways: a Worker, a worker's global scope, or the in-page fallback. */
export interface Port<In, Out> {
  post(message: Out, transfer?: Transferable[]): void;
  onMessage(handler: (message: In) => void): void;
}
