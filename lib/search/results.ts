import { matchedWords, parseExcerpt, type ExcerptPart } from './excerpt';
import { highlightTerms, sectionTitle, withHighlight } from './query';

/** A section of a Pagefind result, as `result.data()` gives it (`sub_results`). */
export interface PagefindSection {
  title: string;
  url: string;
  excerpt: string;
  locations?: number[];
  /** Which of the searches found it (0 the best: the phrase); set by `mergeResults`. */
  rank?: number;
}

/** What `result.data()` gives for one page (the fields the book uses). */
export interface PagefindPage {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  locations?: number[];
  sub_results?: PagefindSection[];
}

/** One line of the search results: a section of a chapter, the link that opens it, and the excerpt that matched. */
export interface SectionHit {
  href: string;
  /** "Chapter 3 · Loss functions and optimizers". */
  chapter: string;
  /** The section's heading; null for the chapter's opening, before its first section. */
  section: string | null;
  excerpt: ExcerptPart[];
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n += 1;
  return n;
}

const HAN = /\p{Script=Han}/u;

/**
 * Whether a word Pagefind marked is one the reader asked for. When a term matches nothing, Pagefind backs off to ever
 * shorter prefixes of it ("zebra" finds ZeRO, "zzzz" any lone z), and Chinese that its index split into characters
 * (权重 into 权 / 重) is searched character by character, so 权重 also marks 权利 and 重新. An English mark counts if
 * it shares with a query word all of that word, or all but its last three letters (at least four): the stemmed and
 * still-being-typed forms (optimizers → optimizer, corr → correction), not the back-offs. A Chinese mark counts if it
 * holds a whole run of Chinese the reader typed (梯 → 梯度, 优化器 → 优化器, not 优化).
 */
export function matchesQuery(word: string, query: string): boolean {
  const w = word.toLowerCase();
  const terms = query.toLowerCase().match(/\p{Script=Han}+|[\p{L}\p{N}]+/gu) ?? [];
  if (HAN.test(w)) return terms.some((t) => HAN.test(t) && w.includes(t));
  const parts = w.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return terms.some((t) => !HAN.test(t) && parts.some((p) => commonPrefix(t, p) >= Math.min(t.length, Math.max(4, t.length - 3))));
}

/**
 * One list of result pages from the lists of several searches, best search first: pages in the order they first
 * appear, each with the sections every search found in it (a section once, ranked by the first search that found it).
 * The phrase search ranks pages best, and the word search finds more sections in each.
 */
export function mergeResults(lists: readonly (readonly PagefindPage[])[]): PagefindPage[] {
  const pages = new Map<string, PagefindPage>();
  lists.forEach((list, rank) => {
    for (const page of list) {
      const sections = (page.sub_results?.length ? page.sub_results : [{ title: page.meta.title ?? '', url: page.url, excerpt: page.excerpt, locations: page.locations }]).map(
        (s) => ({ ...s, rank }),
      );
      const seen = pages.get(page.url);
      if (!seen) pages.set(page.url, { ...page, sub_results: sections });
      else {
        const have = new Set(seen.sub_results!.map((s) => s.url));
        seen.sub_results!.push(...sections.filter((s) => !have.has(s.url)));
      }
    }
  });
  return [...pages.values()];
}

/**
 * The sections of one result page to list (at most `max`), each linking to its heading's anchor with the terms to
 * highlight there: those a better search found first, then those with the most matched words. Pagefind gives the
 * sections in page order with the positions of their matched words; a page without sections is listed as a whole.
 * Marks that are not what the reader asked for (`matchesQuery`) are dropped from the excerpts, and a section left with
 * none is not listed, so a page found only by Pagefind's back-off gives nothing.
 */
export function sectionHits(page: PagefindPage, query: string, max = 3): SectionHit[] {
  const chapter = [page.meta.label, page.meta.title].filter(Boolean).join(' · ');
  const sections: PagefindSection[] = page.sub_results?.length
    ? page.sub_results
    : [{ title: page.meta.title ?? '', url: page.url, excerpt: page.excerpt, locations: page.locations }];
  return sections
    .map((s, i) => ({ s, i, n: s.locations?.length ?? 0, excerpt: relevant(parseExcerpt(s.excerpt), query) }))
    .map((x) => ({ ...x, words: matchedWords(x.excerpt) }))
    .filter((x) => x.words.length > 0)
    .sort((a, b) => (a.s.rank ?? 0) - (b.s.rank ?? 0) || b.n - a.n || a.i - b.i)
    .slice(0, max)
    .map(({ s, excerpt, words }) => ({
      href: withHighlight(s.url, highlightTerms(query, words)),
      chapter,
      section: s.url.includes('#') ? sectionTitle(s.title) : null,
      excerpt,
    }));
}

/** An excerpt with only the marks the reader asked for (the others become plain text, merged with their neighbours). */
function relevant(parts: ExcerptPart[], query: string): ExcerptPart[] {
  const out: ExcerptPart[] = [];
  for (const p of parts) {
    const hit = p.hit && matchesQuery(p.text.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''), query);
    const last = out[out.length - 1];
    if (last && last.hit === hit) last.text += p.text;
    else out.push({ text: p.text, hit });
  }
  return out;
}
