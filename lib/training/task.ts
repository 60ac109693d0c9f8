/**
 * What a live widget gives the training session: a task that builds a run (model, data, trainer) from the widget's
 * settings, and the run's answers to the session's questions (take n steps, what does a frame carry, apply these
 * settings live, answer this extra request). The session drives any task the same way and knows none by name; the
 * tasks themselves are defined with their widgets in lib/widgets/<id>.ts.
 */
import type { Bilingual } from '../i18n';
import type { BackendName } from '../ml/backends';
import type { Tf, TrainProgress } from '../ml/train';

/** What a task may use while it builds. */
export interface TaskContext {
  /** The tfjs-core module, on the backend the session chose. */
  tf: Tf;
  backend: BackendName;
  /** The site's base path ('' at the root). */
  basePath: string;
  /** The page's origin, for absolute URLs of the book's own data files (a worker has no document to resolve against). */
  origin: string;
  /** Survives rebuilds of the session (a data set fetched once, a model trained elsewhere on the page). */
  cache: Map<string, unknown>;
}

/** One full frame of progress: the numbers a reader may check, and whatever else the view draws. */
export interface FrameData<Extra = unknown> {
  /** Named measurements taken now (held-out loss, accuracy, …); the page keeps a curve of each. */
  metrics: Record<string, number | null>;
  /** The view's own payload (a decision boundary, optimizer paths, …). Typed arrays in it are transferred. */
  extra?: Extra;
}

/** The weights a run can be restored from, read back now and then (to carry on after a lost GPU device). */
export interface Snapshot {
  step: number;
  weights: Float32Array[];
}

/** Extra requests a run answers, by name: what the page sends and what comes back. */
export type RequestMap = Record<string, { payload: unknown; reply: unknown }>;

/** A built run of a task on one backend. */
export interface TaskRun<V = unknown, Info = unknown, Extra = unknown, Req extends RequestMap = RequestMap> {
  /** Sent to the page once the run is ready (a parameter count, the data points to draw, …). */
  info: Info;
  /** Training stops by itself after this many steps (default: never). */
  targetSteps?: number;
  /** Takes n optimisation steps; reads the loss back at most every few steps, never per step. */
  step(n: number): Promise<TrainProgress>;
  progress(): TrainProgress;
  /** Measures a full frame (held-out metrics, the view's payload). Called a few times a second at most. */
  frame(): Promise<FrameData<Extra>>;
  /**
   * Compiles what a step needs (a GPU backend's shaders) without changing the run; the session calls it once the run
   * is shown, before the reader presses Train, so the first loss point comes quickly.
   */
  warmUp?(): Promise<void>;
  /** Applies settings whose changed fields are all `live` in the schema, without rebuilding (step count kept). */
  tune?(settings: V): void;
  /** Answers extra requests by name. */
  requests?: { [K in keyof Req]: (payload: Req[K]['payload']) => Promise<Req[K]['reply']> };
  /** Reads the weights back (for recovery after a lost device); absent when the run cannot be restored. */
  save?(): Promise<Snapshot>;
  /** Loads weights saved by save() on another backend, and carries on from that step. */
  restore?(snapshot: Snapshot): void;
  /** Frees every tensor the run made. */
  dispose(): void;
}

/** A live widget's training task. */
export interface TrainingTask<V = unknown, Info = unknown, Extra = unknown, Req extends RequestMap = RequestMap> {
  /**
   * Kernels its models need to train: a backend without them is refused ("unsupportedOp") and the next is tried. A
   * function of the settings when only some models need them (a CNN's convolution gradients, which WASM lacks); the
   * session restarts the backend when the answer changes.
   */
  requiredKernels?: readonly string[] | ((settings: V) => readonly string[]);
  /**
   * The settings that decide what a training step costs (the model's layers, its kind, the batch size): the automatic
   * backend choice is timed again only when one of them changes. Default: every setting that is not live.
   */
  timingKeys?: readonly string[];
  /** Builds a run from settings; throws TaskRefused when the settings ask for what the caps forbid. */
  build(ctx: TaskContext, settings: V): Promise<TaskRun<V, Info, Extra, Req>>;
}

/** Thrown by a task's build when the settings are refused (a model over the caps); the page lists the problems. */
export class TaskRefused extends Error {
  readonly problems: Bilingual[];
  constructor(problems: Bilingual[]) {
    super(problems.map((p) => p.en).join('; '));
    this.name = 'TaskRefused';
    this.problems = problems;
  }
}

/** Any task, whatever its settings, info, frame payload and requests (for registries and constraints). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyTask = TrainingTask<any, any, any, any>;

/** What the session needs of a widget: its task and which of its settings apply live. */
export interface LiveWidget {
  id: string;
  task: AnyTask;
  /** Settings keys that a running session applies without a rebuild. */
  liveKeys: readonly string[];
}

/** Finds a live widget by id (the worker passes the registry's loader; the session never imports a widget). */
export type WidgetLoader = (id: string) => Promise<LiveWidget | null>;
