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

/** Characters that continue a word on either side of an English form: letters, digits, `_` and `-`. */
const WORD_EN = '[\\p{L}\\p{N}_\\-]';
/** In Chinese text only a Latin word continues a Latin form: 之后 right after GPU does not stop a match. */
const WORD_LATIN = '[A-Za-z0-9_\\-]';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Wraps one form's pattern in the lookarounds that make it a whole word where it needs to be one (in Chinese, only
 * at an end that is a Latin letter or digit).
 */
const BOUNDED: Bilingual<(pattern: string, form: string) => string> = {
  en: (pattern) => `(?<!${WORD_EN})${pattern}(?!${WORD_EN})`,
  zh: (pattern, form) => {
    const before = /^[A-Za-z0-9]/.test(form) ? `(?<!${WORD_LATIN})` : '';
    const after = /[A-Za-z0-9]$/.test(form) ? `(?!${WORD_LATIN})` : '';
    return `${before}${pattern}${after}`;
  },
};

/**
 * An acronym (no lower-case letter, at least two capitals: SAFE, CAC, GPU) matches only as written, so "a safe default"
 * is not SAFE; every other form ignores case.
 */
export function isCaseSensitive(form: string): boolean {
  return !/\p{Ll}/u.test(form) && (form.match(/\p{Lu}/gu) ?? []).length >= 2;
}

/** A form as a pattern: letters that have a case become `[aA]` unless the form is case-sensitive. */
function casePattern(form: string): string {
  if (isCaseSensitive(form)) return escape(form);
  return [...form]
    .map((c) => {
      const lo = c.toLowerCase();
      const up = c.toUpperCase();
      return lo !== up && lo.length === 1 && up.length === 1 ? `[${lo}${up}]` : escape(c);
    })
    .join('');
}

/** Builds the matcher of one edition from the glossary's entries (their terms, aliases and notLinked phrases). */
export function createMatcher(entries: readonly GlossaryEntry[], lang: Lang): TermMatcher {
  // A form's key → entry id, or null for a phrase that is consumed without a link. Keys are the form as written for a
  // case-sensitive form, lower-cased for the others.
  const owner = new Map<string, string | null>();
  const patterns = new Map<string, string>();
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
    patterns.set(key, BOUNDED[lang](casePattern(form), form));
  };
  for (const entry of entries) {
    for (const form of termForms(entry, lang)) add(form, entry.id);
    for (const phrase of entry.notLinked?.[lang] ?? []) add(phrase, null);
  }
  // Longest first, so that at any position the longest form wins; ties in a fixed order.
  const keys = [...owner.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const pattern = keys.length ? new RegExp(keys.map((k) => patterns.get(k)!).join('|'), 'gu') : null;
  const lookup = (text: string) => (owner.has(text) ? owner.get(text) : owner.get(text.toLowerCase()));

  return {
    lang,
    find(text) {
      if (!pattern) return [];
      const matches: TermMatch[] = [];
      for (const m of text.matchAll(pattern)) {
        const id = lookup(m[0]);
        if (id) matches.push({ start: m.index, end: m.index + m[0].length, id, text: m[0] });
      }
      return matches;
    },
  };
}
