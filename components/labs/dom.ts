/**
 * Where a lab finds its widget on the page, and how it watches it. A lab reads the widget's published results
 * (`data-result="<widget>.<name>"`, raw number in `data-value`; see lib/labs/results.ts) and calls `onReached` once
 * the lab's check holds. The widget may mount late: a live widget renders a placeholder with the same `data-widget`
 * first, and an island replaces its server HTML when it comes near; the watch finds the widget again when that happens.
 */
import { collectResults } from '@/lib/labs/results';
import type { LabResults } from '@/lib/labs/types';

/** At most one evaluation of a lab's check per this many ms (a training widget updates its results every frame). */
const THROTTLE_MS = 150;

/** The widget a lab reads: the nearest `[data-widget="<id>"]` before the lab in document order, else the first on the page. */
export function findLabWidget(lab: Element, widget: string): Element | null {
  const all = lab.ownerDocument.querySelectorAll(`[data-widget="${CSS.escape(widget)}"]`);
  let before: Element | null = null;
  for (const el of all) {
    if (el.compareDocumentPosition(lab) & Node.DOCUMENT_POSITION_FOLLOWING) before = el;
    else break;
  }
  return before ?? all[0] ?? null;
}

/** The results `root` publishes for `widget`, in document order. */
export function readLabResults(root: ParentNode, widget: string): LabResults {
  const els = root.querySelectorAll(`[data-result^="${CSS.escape(widget)}."]`);
  return collectResults(
    Array.from(els, (el) => [el.getAttribute('data-result'), el.getAttribute('data-value')] as const),
    widget,
  );
}

const isPlaceholder = (el: Element | null) => !el || !el.isConnected || el.hasAttribute('data-placeholder');

/**
 * Watches the lab's widget and calls `onReached` once, the first time `check` holds (at once if it already does).
 * A check that throws counts as not reached. Returns a function that stops the watch.
 */
export function watchLab(lab: Element, widget: string, check: (r: LabResults) => boolean, onReached: () => void): () => void {
  const scope = lab.closest('article') ?? lab.ownerDocument.body;
  let root: Element | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const stop = () => {
    stopped = true;
    observer.disconnect();
    clearTimeout(timer);
  };
  const evaluate = () => {
    timer = undefined;
    if (stopped) return;
    if (isPlaceholder(root)) root = findLabWidget(lab, widget);
    if (!root) return;
    let reached = false;
    try {
      reached = check(readLabResults(root, widget)) === true;
    } catch {
      reached = false;
    }
    if (reached) {
      stop();
      onReached();
    }
  };
  const schedule = () => {
    if (timer === undefined && !stopped) timer = setTimeout(evaluate, THROTTLE_MS);
  };
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      // A new node anywhere may be the widget mounting; otherwise only changes inside the widget matter.
      const relevant = r.type === 'childList' ? isPlaceholder(root) || root!.contains(r.target) : !!root && root.contains(r.target);
      if (relevant) {
        schedule();
        return;
      }
    }
  });
  observer.observe(scope, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-value', 'data-widget'] });
  evaluate();
  return stop;
}

/** How near the viewport (px) a lab's own line must come for its check to load. */
const NEAR_PX = 800;

/**
 * Calls `arm` once, when the lab may be reached: the page's URL carries settings for the widget (a shared permalink),
 * one of the widget's published values changes (the reader is using it), or the lab's line comes near the viewport.
 * Until then the page carries none of the lab's code: its check, and what the check imports, load only when armed. A
 * widget that mounts (an island replacing its server HTML) does not count as a change: only a `data-value` that moves.
 */
export function whenLabMayMatter(lab: Element, widget: string, arm: () => void): () => void {
  const doc = lab.ownerDocument;
  const win = doc.defaultView;
  let done = false;
  const selector = `[data-widget="${CSS.escape(widget)}"]`;
  const fire = () => {
    if (done) return;
    stop();
    arm();
  };
  const mutations = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes' && r.target instanceof Element && r.target.closest(selector)) {
        fire();
        return;
      }
    }
  });
  const near =
    win && 'IntersectionObserver' in win
      ? new win.IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && fire(), { rootMargin: `${NEAR_PX}px 0px` })
      : null;
  function stop() {
    done = true;
    mutations.disconnect();
    near?.disconnect();
  }
  const query = win?.location.search ?? '';
  if ([...new URLSearchParams(query).keys()].some((k) => k.startsWith(`${widget}.`)) || !near) {
    fire();
    return stop;
  }
  mutations.observe(lab.closest('article') ?? doc.body, { subtree: true, attributes: true, attributeFilter: ['data-value'] });
  near.observe(lab);
  return stop;
}
