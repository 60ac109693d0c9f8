/**
 * A widget is defined once, in lib/widgets/<id>.ts, with `defineWidget`: its id and MDX tag, its schema (values,
 * bounds and the hints its controls need), its control groups, its strings in both editions, and, for a live widget,
 * its training task. Everything else works from that one definition: the MDX tag map, the URL codec, the generic
 * controls, the worker session (through the generated registry, scripts/widgets.ts) and the content checks.
 * Framework-free; a task loads tfjs itself, lazily, so a definition never pulls tfjs into a page.
 */
import type { Bilingual } from '../i18n';
import { BACKEND_CHAIN, BACKEND_LABELS } from '../ml/backends';
import type { EnumField, Schema } from '../state/schema';
import type { AnyTask, LiveWidget } from '../training/task';

/** A fold of controls: on a narrow screen each group is a disclosure, so the output stays in view. */
export interface ControlGroup {
  id: string;
  label: Bilingual;
  /** Open on a narrow screen as well (the group a reader needs first). */
  open?: boolean;
  /** Folded on every screen until the reader opens it (a long list of fine-tuning). */
  collapsed?: boolean;
}

export interface WidgetDefinition<S extends Schema = Schema, Str = unknown, Task extends AnyTask | undefined = AnyTask | undefined> {
  /** The URL prefix (`?<id>.<key>=…`), the `data-widget` attribute, and (in kebab case) the folder of its view. */
  id: string;
  /** The MDX tag a chapter writes, e.g. "PlaygroundTrainer". */
  tag: string;
  /** The widget's title, shown in its frame. */
  title: Bilingual;
  schema: S;
  /** Control groups, in order; fields name theirs with `group`. Fields without a group come first. */
  groups?: readonly ControlGroup[];
  /** The view's own strings, in both editions (bilingual() keeps their keys in step). */
  strings: Bilingual<Str>;
  /** A live widget's training task: it trains in a Web Worker, and its view loads on the client only. */
  task?: Task;
  /** Height (px) of the placeholder that holds a client-only view's place until it loads. */
  placeholderHeight?: number;
}

/** Declares a widget; see WidgetDefinition. */
export function defineWidget<S extends Schema, Str, Task extends AnyTask | undefined = undefined>(
  def: WidgetDefinition<S, Str, Task>,
): WidgetDefinition<S, Str, Task> {
  return def;
}

/** A widget of the registry, with its types erased. */
export type AnyWidget = WidgetDefinition<Schema, unknown, AnyTask | undefined>;

/** The keys of a schema whose fields apply live. */
export function liveKeys(schema: Schema): string[] {
  return Object.entries(schema)
    .filter(([, f]) => f.live)
    .map(([k]) => k);
}

/** What the training session needs of a live widget, or null for a widget without a task. */
export function liveWidget(def: AnyWidget): LiveWidget | null {
  return def.task ? { id: def.id, task: def.task, liveKeys: liveKeys(def.schema) } : null;
}

/** The view's folder under components/widgets/: the id in kebab case ("quantLab" → "quant-lab"). */
export function viewFolder(id: string): string {
  return id.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

export const BACKEND_CHOICES = ['auto', ...BACKEND_CHAIN] as const;
export type BackendChoiceName = (typeof BACKEND_CHOICES)[number];

/** The field every live widget carries: the compute backend, automatic or forced (and kept in the permalink). */
export function backendField(group?: string): EnumField<BackendChoiceName> {
  return {
    type: 'enum',
    default: 'auto',
    options: BACKEND_CHOICES,
    control: 'select',
    label: { zh: '计算后端', en: 'Compute backend' },
    optionLabels: {
      auto: { zh: '自动（WebGPU → WebGL → WASM → CPU）', en: 'Automatic (WebGPU → WebGL → WASM → CPU)' },
      ...Object.fromEntries(BACKEND_CHAIN.map((b) => [b, { zh: BACKEND_LABELS[b], en: BACKEND_LABELS[b] }])),
    },
    ...(group ? { group } : {}),
  };
}

/** The field every seeded widget carries: the random seed (in the permalink, so a link reproduces the run). */
export function seedField(group?: string) {
  return {
    type: 'number' as const,
    default: 1,
    min: 0,
    max: 2 ** 31 - 1,
    integer: true,
    control: 'number' as const,
    label: { zh: '随机种子', en: 'Random seed' },
    ...(group ? { group } : {}),
  };
}
