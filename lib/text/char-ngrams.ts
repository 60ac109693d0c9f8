/**
 * Text as a fixed-length vector without a vocabulary: character n-grams, hashed into a few hundred buckets (the
 * "hashing trick", Weinberger et al. 2009, https://doi.org/10.1145/1553374.1553516). Character n-grams need no word
 * segmentation, so the same code reads English and Chinese, and a typo ("refnd") still shares most of its n-grams
 * with the word it meant. Pure functions: the training worker and the unit tests featurise text the same way.
 */

/** FNV-1a's 32-bit offset basis and prime (Fowler, Noll, Vo; http://www.isthe.com/chongo/tech/comp/fnv/). */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * 32-bit FNV-1a hash of a string, taken over its UTF-16 code units (for ASCII text these are its bytes, so the
 * published test vectors apply: "" → 0x811c9dc5, "a" → 0xe40c292c, "foobar" → 0xbf9cf968). An unsigned integer.
 */
export function fnv1a(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME) >>> 0;
  }
  return h >>> 0;
}

/**
 * The text as the features see it: Unicode NFKC (full-width Ｌｅｔｔｅｒｓ and digits become ASCII, as an IME may type
 * them), lower case, every run of white space one space, trimmed.
 */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** Which n-grams to take: every n from minN to maxN (1 ≤ minN ≤ maxN). */
export interface NgramOptions {
  minN: number;
  maxN: number;
}

/**
 * The character n-grams of a text, after normalizeText, in order: unigrams are its characters other than spaces;
 * longer n-grams are taken over the text padded with one space at each end, so "refund" yields " r" and "d " that
 * mark where a word starts and ends. Characters are code points (an emoji is one character).
 */
export function charNgrams(text: string, { minN, maxN }: NgramOptions): string[] {
  if (!(Number.isInteger(minN) && Number.isInteger(maxN) && minN >= 1 && maxN >= minN)) throw new RangeError(`charNgrams: need integers 1 ≤ minN ≤ maxN (got ${minN}, ${maxN})`);
  const t = normalizeText(text);
  if (!t) return [];
  const chars = Array.from(t);
  const padded = [' ', ...chars, ' '];
  const out: string[] = [];
  for (let n = minN; n <= maxN; n++) {
    if (n === 1) {
      for (const c of chars) if (c !== ' ') out.push(c);
      continue;
    }
    for (let i = 0; i + n <= padded.length; i++) out.push(padded.slice(i, i + n).join(''));
  }
  return out;
}

/** The options of hashedNgrams: the n-gram range and the number of buckets. */
export interface HashingOptions extends NgramOptions {
  /** Length of the vector (buckets), a positive integer. */
  dim: number;
}

/**
 * The feature vector of a text: each n-gram g adds sign(g) to bucket fnv1a(g) mod dim, where sign(g) is +1 or −1 by
 * the hash's top bit (signed hashing: colliding n-grams cancel on average instead of piling up); the vector is then
 * scaled to unit Euclidean length, so a long message and a short one weigh the same. All zeros for a text with no
 * characters (or whose n-grams happen to cancel exactly).
 */
export function hashedNgrams(text: string, { dim, minN, maxN }: HashingOptions): Float32Array {
  if (!(Number.isInteger(dim) && dim >= 1)) throw new RangeError(`hashedNgrams: dim must be a positive integer (got ${dim})`);
  const v = new Float32Array(dim);
  for (const g of charNgrams(text, { minN, maxN })) {
    const h = fnv1a(g);
    v[h % dim]! += h & 0x80000000 ? -1 : 1;
  }
  let sq = 0;
  for (let i = 0; i < dim; i++) sq += v[i]! * v[i]!;
  if (sq > 0) {
    const inv = 1 / Math.sqrt(sq);
    for (let i = 0; i < dim; i++) v[i]! *= inv;
  }
  return v;
}

/** Many texts featurised into one row-major matrix (texts.length × dim), ready for a tensor. */
export function hashedMatrix(texts: readonly string[], options: HashingOptions): Float32Array {
  const out = new Float32Array(texts.length * options.dim);
  texts.forEach((t, i) => out.set(hashedNgrams(t, options), i * options.dim));
  return out;
}
