const HAN = /\p{Script=Han}/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** A letter or digit of a spaced script (not Han, where every character may start a word). */
function isWordChar(c: string | undefined): boolean {
  return c !== undefined && WORD_CHAR.test(c) && !HAN.test(c);
}

/**
 * The ranges `[start, end)` of `text` to mark for the search terms, sorted and not overlapping. Case is ignored. A
 * term in a spaced script (English) matches at the start of a word and the mark runs to the end of that word, as
 * Pagefind matches prefixes: "corr" marks "correction". A Chinese term matches anywhere, since Chinese has no spaces
 * between words. Where two matches overlap, the earlier (then the longer) wins.
 */
export function findMatches(text: string, terms: readonly string[]): Array<[number, number]> {
  const lower = text.toLowerCase();
  // Lower-casing changes the length of a few characters (İ); then compare as written rather than misplace marks.
  const hay = lower.length === text.length ? lower : text;
  const found: Array<[number, number]> = [];
  for (const raw of terms) {
    const term = hay === lower ? raw.toLowerCase() : raw;
    if (!term) continue;
    const spaced = isWordChar(term[0]);
    for (let at = hay.indexOf(term); at >= 0; at = hay.indexOf(term, at + 1)) {
      if (spaced && isWordChar(hay[at - 1])) continue;
      let end = at + term.length;
      if (spaced) while (end < hay.length && isWordChar(hay[end])) end += 1;
      found.push([at, end]);
    }
  }
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const ranges: Array<[number, number]> = [];
  for (const r of found) {
    const last = ranges[ranges.length - 1];
    if (!last || r[0] >= last[1]) ranges.push(r);
  }
  return ranges;
}
