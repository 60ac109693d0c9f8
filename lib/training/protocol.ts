/**
 * The typed message protocol between a live widget and its training session, which runs in a Web Worker (or, where a
 * worker cannot start a backend, on the main thread behind the same interface). It names no widget: a configure
 * message carries the widget's id and settings, and the widget's task (lib/widgets/<id>.ts) gives them meaning.
 */
import type { Bilingual } from '../i18n';
import type { BackendChoice, BackendName } from '../ml/backends';

export interface SessionConfig {
  /** The widget's id in the registry. */
  widget: string;
  /** The widget's settings (its schema's values). */
  settings: Record<string, unknown>;
  /** A backend the reader forced; absent for the automatic choice. */
  prefer?: BackendName;
  basePath: string;
  origin: string;
}

/** Page → session. */
export type Request =
  | { type: 'configure'; config: SessionConfig }
  | { type: 'start' }
  | { type: 'pause' }
  | { type: 'step'; n: number }
  | { type: 'reset' }
  | { type: 'request'; id: number; name: string; payload: unknown }
  | { type: 'dispose' };

export type Status = 'idle' | 'loading' | 'training' | 'paused' | 'diverged' | 'error';

/** Session → page. */
export type Event =
  | { type: 'ready'; backend: BackendChoice; mainThread: boolean; info: unknown }
  | { type: 'status'; status: Status }
  /** Progress: the step and the last loss read back; a full frame adds metrics and the view's payload. */
  | { type: 'frame'; step: number; loss: number | null; metrics?: Record<string, number | null>; extra?: unknown }
  /** Live settings were applied to the running model (the step count goes on). */
  | { type: 'tuned'; settings: Record<string, unknown> }
  /** The backend changed under a running session (a lost GPU device), and what became of the run. */
  | { type: 'backend'; backend: BackendChoice; message: Bilingual }
  | { type: 'reply'; id: number; name: string; payload: unknown }
  | { type: 'diverged'; step: number; message: Bilingual }
  | { type: 'refused'; problems: Bilingual[] }
  | { type: 'error'; message: Bilingual; detail?: string };
