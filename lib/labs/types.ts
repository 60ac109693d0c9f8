/**
 * Lab exercises: goals a reader reaches with a widget on the page ("reach 95 % test accuracy with at most 200
 * parameters"). A chapter writes `<Lab id="…">the task, in prose</Lab>` inside its exercises; the page watches the
 * widget's published results (`data-result="<widget>.<name>"`, raw number in `data-value`) and marks the lab done when
 * `check` holds. Each chapter's labs live in `lib/labs/<slug>.ts`; `lib/labs/index.ts` gathers them.
 */
import type { Bilingual } from '../i18n';

/** A widget's published results, keyed by the name after the widget id (`playground.testAccuracy` → `testAccuracy`). */
export type LabResults = Readonly<Record<string, number | undefined>>;

export interface LabSpec {
  /** The widget whose results the lab reads: its `data-widget` id (camelCase, as in lib/widgets). */
  widget: string;
  /** One line stating the goal, shown in the lab's box and in the progress export. */
  goal: Bilingual;
  /** True when the goal is reached. Must be false for missing results (undefined), never throw. */
  check: (results: LabResults) => boolean;
}

/** A chapter's labs by id (ids are unique across the book: prefix them with something of the chapter). */
export type LabSet = Readonly<Record<string, LabSpec>>;
