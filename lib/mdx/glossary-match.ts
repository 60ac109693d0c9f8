/**
 * Finds the glossary's terms in a run of prose. English forms match as whole words, ignoring case except in acronyms
 * ("Neurons" finds `neuron` through its plural alias; "pre-training" is one word, so `training set` cannot start inside
 * it; "a safe default" is not SAFE). Chinese forms match as substrings, the longest form first, so 交叉熵 wins over 熵;
 * a Latin form inside Chinese text (Adam, GPU) still matches only as a whole word, so AdamW is not Adam.
 */
import { termForms, type GlossaryEntry } from '../content/glossary';
import type { Bilingual, Lang } from '../i18n';

export interface TermMatch {
  /** Offsets of the match in the searched text, end exclusive. */
  start: number;
  end: number;
  /** The glossary entry matched. */
  id: string;
  /** The text as written ("Neurons"). */
  text: string;
}

export interface TermMatcher {
  lang: Lang;
  /** Every match in `text`, left to right, never overlapping; at one position the longest form wins. */
  find(text: string): TermMatch[];
}

/** A letter, digit, `_` or `-` continues a word on either side of an English form. */
const WORD_EN = /[\p{L}\p{N}_-]/u;
/** In Chinese text only a Latin word continues a Latin form: 之后 right after GPU does not stop a match. */
const WORD_LATIN = /[A-Za-z0-9_-]/;
const LATIN_EDGE = /[A-Za-z0-9]/;

/**
 * An acronym (no lower-case letter, at least two capitals: SAFE, CAC, GPU) matches only as written, so "a safe default"
 * is not SAFE; every other form ignores case.
 */
export function isCaseSensitive(form: string): boolean {
  return !/\p{Ll}/u.test(form) && (form.match(/\p{Lu}/gu) ?? []).length >= 2;
}

/** The code point that ends just before `i`, or that starts at `i` (empty string at either end of the text). */
function cpBefore(text: string, i: number): string {
  if (i <= 0) return '';
  const lo = text.charCodeAt(i - 1);
  return lo >= 0xdc00 && lo <= 0xdfff && i >= 2 && /[\ud800-\udbff]/.test(text[i - 2]!) ? text.slice(i - 2, i) : text[i - 1]!;
}
function cpAt(text: string, i: number): string {
  const cp = text.codePointAt(i);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

/** One form, as the matcher compares it: code unit k of the text must be `lower[k]` or `upper[k]`. */
interface Form {
  lower: string;
  upper: string;
  /** Needs a non-word character (or the text's edge) before / after it. */
  boundBefore: RegExp | null;
  boundAfter: RegExp | null;
}

/**
 * A form's two spellings: letters with a one-unit lower and upper case may be either, unless the form is
 * case-sensitive; every other unit must be as written.
 */
function spellings(form: string): { lower: string; upper: string } {
  if (isCaseSensitive(form)) return { lower: form, upper: form };
  let lower = '';
  let upper = '';
  for (const c of form) {
    const lo = c.toLowerCase();
    const up = c.toUpperCase();
    const folds = lo !== up && lo.length === 1 && up.length === 1;
    lower += folds ? lo : c;
    upper += folds ? up : c;
  }
  return { lower, upper };
}

/** Where a form must be a whole word: always in English; in Chinese only at an end that is a Latin letter or digit. */
const BOUNDS: Bilingual<(form: string) => Pick<Form, 'boundBefore' | 'boundAfter'>> = {
  en: () => ({ boundBefore: WORD_EN, boundAfter: WORD_EN }),
  zh: (form) => ({
    boundBefore: LATIN_EDGE.test(form[0]!) ? WORD_LATIN : null,
    boundAfter: LATIN_EDGE.test(form[form.length - 1]!) ? WORD_LATIN : null,
  }),
};

const matchesAt = (f: Form, text: string, i: number): boolean => {
  const n = f.lower.length;
  if (i + n > text.length) return false;
  for (let k = 0; k < n; k++) {
    const t = text[i + k];
    if (t !== f.lower[k] && t !== f.upper[k]) return false;
  }
  if (f.boundBefore?.test(cpBefore(text, i))) return false;
  if (f.boundAfter?.test(cpAt(text, i + n))) return false;
  return true;
};

/**
 * Builds the matcher of one edition from the glossary's entries (their terms, aliases and notLinked phrases).
 *
 * The forms are indexed by their first code unit (both cases), longest first, and tried at each position of the text:
 * the same matches as one regular expression of every form in that order, but linear in the text. That expression
 * (about 900 alternatives, each behind a Unicode lookbehind) took 5–10 s on each English chapter of the build.
 */
export function createMatcher(entries: readonly GlossaryEntry[], lang: Lang): TermMatcher {
  // A form's key → entry id, or null for a phrase that is consumed without a link. Keys are the form as written for a
  // case-sensitive form, lower-cased for the others.
  const owner = new Map<string, string | null>();
  const forms = new Map<string, Form>();
  const keyOf = (form: string) => (isCaseSensitive(form) ? form : form.toLowerCase());
  const add = (raw: string, id: string | null) => {
    const form = raw.trim();
    if (!form) return;
    const key = keyOf(form);
    const prev = owner.get(key);
    if (prev !== undefined && prev !== id) {
      throw new Error(`glossary: "${form}" is a form of both "${prev ?? '(not linked)'}" and "${id ?? '(not linked)'}" in ${lang}`);
    }
    owner.set(key, id);
    forms.set(key, { ...spellings(form), ...BOUNDS[lang](form) });
  };
  for (const entry of entries) {
    for (const form of termForms(entry, lang)) add(form, entry.id);
    for (const phrase of entry.notLinked?.[lang] ?? []) add(phrase, null);
  }
  // Longest first, so that at any position the longest form wins; ties in a fixed order.
  const keys = [...owner.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const byFirstUnit = new Map<string, Form[]>();
  for (const key of keys) {
    const f = forms.get(key)!;
    for (const first of new Set([f.lower[0]!, f.upper[0]!])) {
      const list = byFirstUnit.get(first) ?? [];
      list.push(f);
      byFirstUnit.set(first, list);
    }
  }
  const lookup = (text: string) => (owner.has(text) ? owner.get(text) : owner.get(text.toLowerCase()));

  return {
    lang,
    find(text) {
      const matches: TermMatch[] = [];
      let i = 0;
      while (i < text.length) {
        const hit = byFirstUnit.get(text[i]!)?.find((f) => matchesAt(f, text, i));
        if (!hit) {
          i += 1;
          continue;
        }
        const end = i + hit.lower.length;
        const written = text.slice(i, end);
        const id = lookup(written);
        if (id) matches.push({ start: i, end, id, text: written });
        i = end;
      }
      return matches;
    },
  };
}
