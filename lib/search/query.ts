/** The query parameter that carries the search terms to the page a result opens: `?highlight=bias&highlight=correction`. */
export const HIGHLIGHT_PARAM = 'highlight';

const HAN_RUN = /\p{Script=Han}{2,}/u;
/** A word worth highlighting: letters and digits, with inner dots, dashes, underscores and apostrophes (AdamW, fp16, 6ND). */
const WORD = /^[\p{L}\p{N}](?:[\p{L}\p{N}_.'’-]*[\p{L}\p{N}])?$/u;

/**
 * The Pagefind queries to run for what the reader typed, best first (their results are merged in that order, see
 * `mergeResults`). Pagefind's index splits Chinese words its dictionary does not know into characters (优化器 into
 * 优 / 化 / 器), and such a query is searched character by character, so 权重 alone also finds 权利 and 重新; as a quoted
 * phrase it finds only 权重, and ranks the pages better. Several English words are likewise tried as a phrase first
 * ("bias correction"), then as words in any order, which also covers a last word still being typed ("bias corr").
 * A query the reader quoted is left alone.
 */
export function searchQueries(input: string): string[] {
  const q = input.trim().replace(/\s+/g, ' ');
  if (!q) return [];
  if (q.includes('"')) return [q];
  if (q.includes(' ') || HAN_RUN.test(q)) return [`"${q}"`, q];
  return [q];
}

/**
 * The terms to highlight on the page a result opens: the reader's own words (a run of Chinese characters stays one
 * term) and the words Pagefind marked in the result's excerpt, which include the forms it matched by stemming
 * (optimizers → optimizer, optimum). Single Chinese characters that Pagefind marked on their own are left out, and so
 * are marked fragments of code, which are not words. Longest first, at most `max`.
 */
export function highlightTerms(input: string, marked: readonly string[] = [], max = 8): string[] {
  const own = input.match(/\p{Script=Han}+|[\p{L}\p{N}][\p{L}\p{N}_.'’-]*/gu) ?? [];
  const candidates = [
    ...own.map((w) => w.replace(/[_.'’-]+$/u, '')),
    ...marked.filter((w) => WORD.test(w) && !/^\p{Script=Han}$/u.test(w)),
  ];
  const seen = new Set<string>();
  const terms: string[] = [];
  for (const term of candidates) {
    const key = term.toLowerCase();
    if (!term || seen.has(key)) continue;
    if (!/\p{Script=Han}/u.test(term) && term.length < 2) continue;
    seen.add(key);
    terms.push(term);
  }
  return terms.sort((a, b) => b.length - a.length).slice(0, max);
}

/** A result's URL with the terms to highlight in its query string (before the `#section`); other parameters kept. */
export function withHighlight(url: string, terms: readonly string[]): string {
  const hashAt = url.indexOf('#');
  const hash = hashAt >= 0 ? url.slice(hashAt) : '';
  const rest = hashAt >= 0 ? url.slice(0, hashAt) : url;
  const queryAt = rest.indexOf('?');
  const path = queryAt >= 0 ? rest.slice(0, queryAt) : rest;
  const params = new URLSearchParams(queryAt >= 0 ? rest.slice(queryAt + 1) : '');
  params.delete(HIGHLIGHT_PARAM);
  for (const t of terms) params.append(HIGHLIGHT_PARAM, t);
  const query = params.toString();
  return `${path}${query ? `?${query}` : ''}${hash}`;
}

/** The terms a page was asked to highlight (`location.search`): trimmed, non-empty, at most 10 of at most 64 characters. */
export function readHighlight(search: string): string[] {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    return [];
  }
  return params
    .getAll(HIGHLIGHT_PARAM)
    .map((t) => t.trim().slice(0, 64))
    .filter(Boolean)
    .slice(0, 10);
}

/** A section's title as Pagefind read it from the heading, without the heading's "#" permalink. */
export function sectionTitle(text: string): string {
  return text.replace(/\s*#\s*$/u, '').trim();
}
