/**
 * The book's own text as a training corpus for the TinyGPT of Chapter 5: the prose of each chapter's MDX with the
 * machinery taken out (front matter, imports, code blocks, widgets and other JSX, math, tables, link targets, heading
 * ids, Markdown marks), and a character vocabulary built from it. Pure functions; scripts/pack-corpus.ts writes
 * public/data/corpus-<lang>.txt at build time, so the corpus is always the book as built.
 */

/** The character that stands for every character left out of a capped vocabulary. */
export const UNKNOWN_CHAR = '\u25a1'; // □

/** Prose of one MDX chapter: one paragraph per line, inline marks removed, nothing a reader would not read aloud. */
export function mdxToProse(source: string): string {
  let s = source.replace(/\r\n?/g, '\n');
  s = s.replace(/^---\n[\s\S]*?\n---\n/, ''); // front matter
  s = s.replace(/^(```|~~~)[^\n]*\n[\s\S]*?\n\1[^\n]*$/gm, ''); // fenced code
  s = s.replace(/\$\$[\s\S]*?\$\$/g, ''); // display math
  s = s.replace(/<!--[\s\S]*?-->/g, '');
  s = s.replace(/\{\/\*[\s\S]*?\*\/\}/g, ''); // MDX comments
  const out: string[] = [];
  let jsxDepth = 0;
  for (const raw of s.split('\n')) {
    const line = raw.trim();
    // Block-level JSX (widgets, figures, callouts' tags): skip the tag lines; a multi-line opening tag is skipped whole.
    if (jsxDepth > 0) {
      if (/\/?>\s*$/.test(line)) jsxDepth = 0;
      continue;
    }
    if (/^<\/?[A-Za-z][\w.]*/.test(line)) {
      if (!/>\s*$/.test(line)) {
        jsxDepth = 1;
        continue;
      }
      // A tag with text between its opening and closing on one line keeps that text.
      const inner = line.replace(/<\/?[A-Za-z][^>]*>/g, '').trim();
      if (inner && !/^<[A-Za-z][^>]*\/>$/.test(line)) out.push(inner);
      continue;
    }
    if (/^(import|export)\s/.test(line)) continue;
    if (/^\|/.test(line)) continue; // tables
    if (/^\[\^[^\]]+\]:/.test(line)) continue; // footnote definitions
    out.push(line);
  }
  s = out.join('\n');
  s = s.replace(/<[A-Z][\w.]*(?:\s[^<>]*)?\/>/g, ''); // inline self-closing JSX (<Calc …/>)
  s = s.replace(/<\/?[A-Za-z][^<>]*>/g, ''); // inline HTML / JSX tags
  s = s.replace(/\$[^$\n]+\$/g, ''); // inline math
  s = s.replace(/\s*\{#[\w-]+\}/g, ''); // heading ids
  s = s.replace(/!\[[^\]]*\]\([^)]*\)/g, ''); // images
  s = s.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1'); // links keep their text
  s = s.replace(/\[\^[^\]]+\]/g, ''); // footnote references
  s = s.replace(/`([^`]*)`/g, '$1');
  s = s.replace(/(\*\*|__)(.+?)\1/g, '$2').replace(/(^|[^\w*])[*_]([^*_\n]+)[*_](?=[^\w*]|$)/g, '$1$2');
  s = s.replace(/^#{1,6}\s+/gm, '').replace(/^>\s?/gm, '').replace(/^(\s*)([-*+]|\d+\.)\s+/gm, '$1');
  // One paragraph per line; spaces inside a line collapsed; the space before a Chinese punctuation mark dropped.
  return s
    .split(/\n{2,}/)
    .map((p) => p.replace(/\s+/g, ' ').replace(/ ([，。；：！？、）」』])/g, '$1').trim())
    .filter((p) => p.length > 0 && /[\p{L}]/u.test(p))
    .join('\n');
}

/** A character vocabulary: `chars[i]` is the character of id i; id 0 is UNKNOWN_CHAR. */
export interface CharVocab {
  chars: string[];
  index: Map<string, number>;
  /** The share of the corpus's characters that fell outside the vocabulary (encoded as UNKNOWN_CHAR). */
  unknownShare: number;
}

/**
 * The `maxSize − 1` most frequent characters of `text` (ties by code point, so the ids are reproducible) after
 * UNKNOWN_CHAR at id 0. Characters are code points, so a character outside the BMP counts once.
 */
export function buildVocab(text: string, maxSize: number): CharVocab {
  if (!(Number.isInteger(maxSize) && maxSize >= 2)) throw new RangeError(`buildVocab: maxSize must be an integer ≥ 2 (got ${maxSize})`);
  const counts = new Map<string, number>();
  let total = 0;
  for (const ch of text) {
    counts.set(ch, (counts.get(ch) ?? 0) + 1);
    total++;
  }
  counts.delete(UNKNOWN_CHAR);
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].codePointAt(0)! - b[0].codePointAt(0)!);
  const kept = ranked.slice(0, maxSize - 1);
  const chars = [UNKNOWN_CHAR, ...kept.map(([c]) => c)];
  const keptCount = kept.reduce((sum, [, n]) => sum + n, 0);
  return { chars, index: new Map(chars.map((c, i) => [c, i])), unknownShare: total ? (total - keptCount) / total : 0 };
}

/** The ids of a text's characters (unknown characters → 0). */
export function encode(vocab: Pick<CharVocab, 'index'>, text: string): Int32Array {
  const ids: number[] = [];
  for (const ch of text) ids.push(vocab.index.get(ch) ?? 0);
  return Int32Array.from(ids);
}

/** The text of some ids. */
export function decode(vocab: Pick<CharVocab, 'chars'>, ids: ArrayLike<number>): string {
  let s = '';
  for (let i = 0; i < ids.length; i++) s += vocab.chars[ids[i]!] ?? UNKNOWN_CHAR;
  return s;
}

/** Vocabulary caps per edition: English fits whole; Chinese keeps its most frequent characters (see the chapter). */
export const VOCAB_CAP = { en: 128, zh: 1200 } as const;
