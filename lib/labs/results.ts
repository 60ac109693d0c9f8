/**
 * A widget's published results as a lab reads them. A widget writes each number a reader or a test may check on an
 * element `data-result="<widget>.<name>"` with the raw number in `data-value`; the page collects those pairs (in
 * document order) and this turns them into the `LabResults` a lab's `check` receives. Pure: no DOM.
 */
import type { LabResults } from './types';

/** A `data-value` as a number: finite numbers and ±Infinity (a masked score); anything else (text, empty) is absent. */
export function parseResultValue(raw: string | null | undefined): number | undefined {
  if (raw == null) return undefined;
  const s = raw.trim();
  if (!s) return undefined;
  const n = Number(s);
  return Number.isNaN(n) ? undefined : n;
}

/**
 * The results of `widget` from `[data-result, data-value]` pairs in document order. Names are what follows
 * `<widget>.`; names of other widgets are skipped. When several elements share a name (a per-digit column), the first
 * with a number wins. A value that is a comma-separated list of numbers (a position "x,y") is published as
 * `<name>.0`, `<name>.1`, … instead.
 */
export function collectResults(pairs: Iterable<readonly [string | null, string | null]>, widget: string): LabResults {
  const prefix = `${widget}.`;
  const out: Record<string, number | undefined> = {};
  const put = (name: string, v: number | undefined) => {
    if (v !== undefined && out[name] === undefined) out[name] = v;
  };
  for (const [id, raw] of pairs) {
    if (!id || !id.startsWith(prefix) || id.length === prefix.length) continue;
    const name = id.slice(prefix.length);
    if (raw != null && raw.includes(',')) {
      const parts = raw.split(',').map(parseResultValue);
      if (parts.every((p) => p !== undefined)) parts.forEach((p, i) => put(`${name}.${i}`, p));
      continue;
    }
    put(name, parseResultValue(raw));
  }
  return out;
}
