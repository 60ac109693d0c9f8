import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GLOSSARY, termForms, type GlossaryEntry } from '../content/glossary';
import { LANGS } from '../i18n';
import { createMatcher, isCaseSensitive } from './glossary-match';

/** A small glossary, so each test says exactly which forms exist. */
const entry = (id: string, en: string[], zh: string[], notLinked?: GlossaryEntry['notLinked']): GlossaryEntry => ({
  id,
  term: { en: en[0]!, zh: zh[0]! },
  aliases: { en: en.slice(1), zh: zh.slice(1) },
  notLinked,
  definition: { en: 'x.', zh: 'x。' },
});

const SMALL = [
  entry('neuron', ['neuron', 'neurons'], ['神经元']),
  entry('loss', ['loss', 'losses', 'loss function'], ['损失', '损失函数'], { en: ['at a loss'] }),
  entry('cross-entropy', ['cross-entropy'], ['交叉熵', '二元交叉熵']),
  entry('entropy', ['entropy'], ['熵']),
  entry('adam', ['Adam'], ['Adam']),
  entry('adamw', ['AdamW'], ['AdamW']),
  entry('training-set', ['training set'], ['训练集']),
  entry('safe', ['SAFE', 'SAFEs'], ['SAFE']),
  entry('gpu', ['GPU', 'GPUs'], ['GPU']),
  entry('embedding', ['embedding'], ['嵌入'], { zh: ['嵌入式'] }),
];

const en = createMatcher(SMALL, 'en');
const zh = createMatcher(SMALL, 'zh');
const ids = (m: { id: string }[]) => m.map((x) => x.id);

describe('the English matcher', () => {
  it('matches whole words, ignoring case, and reports offsets and the text as written', () => {
    expect(en.find('Neurons fire; a neuron.')).toEqual([
      { start: 0, end: 7, id: 'neuron', text: 'Neurons' },
      { start: 16, end: 22, id: 'neuron', text: 'neuron' },
    ]);
  });

  it('never matches inside a longer word or a hyphenated compound', () => {
    const text = 'the glossary, lossless, neuronal, pre-training set, cross-entropy';
    const at = text.indexOf('cross-entropy');
    expect(en.find(text)).toEqual([{ start: at, end: at + 13, id: 'cross-entropy', text: 'cross-entropy' }]);
  });

  it('takes the longest form at a position: "loss function" is one match, not "loss"', () => {
    expect(en.find('the loss function')).toEqual([{ start: 4, end: 17, id: 'loss', text: 'loss function' }]);
  });

  it('keeps Adam and AdamW apart', () => {
    expect(ids(en.find('AdamW, Adam, Adam’s step, adam'))).toEqual(['adamw', 'adam', 'adam', 'adam']);
  });

  it('matches acronyms only as written: a safe default is not a SAFE', () => {
    expect(ids(en.find('a safe default; two SAFEs; a SAFE; the GPU, a gpu'))).toEqual(['safe', 'safe', 'gpu']);
  });

  it('consumes a notLinked phrase without a link, so the term inside it is not linked either', () => {
    expect(en.find('sold at a loss')).toEqual([]);
    expect(ids(en.find('at a loss, the loss'))).toEqual(['loss']);
  });
});

describe('the Chinese matcher', () => {
  it('matches substrings, the longest form first: 交叉熵 wins over 熵', () => {
    expect(zh.find('二元交叉熵与熵')).toEqual([
      { start: 0, end: 5, id: 'cross-entropy', text: '二元交叉熵' },
      { start: 6, end: 7, id: 'entropy', text: '熵' },
    ]);
    expect(ids(zh.find('损失函数的损失'))).toEqual(['loss', 'loss']);
    expect(zh.find('损失函数')[0]!.text).toBe('损失函数');
  });

  it('needs no spaces around Chinese forms', () => {
    expect(ids(zh.find('每个神经元在训练集上'))).toEqual(['neuron', 'training-set']);
  });

  it('matches a Latin form inside Chinese text only as a whole word', () => {
    expect(ids(zh.find('用AdamW训练，而不是Adam；GPU上'))).toEqual(['adamw', 'adam', 'gpu']);
    expect(zh.find('GPUs')).toEqual([]);
  });

  it('consumes notLinked phrases: 嵌入式 is not an embedding', () => {
    expect(ids(zh.find('嵌入式设备上的嵌入'))).toEqual(['embedding']);
    expect(zh.find('嵌入式设备上的嵌入')[0]!.start).toBe(7);
  });
});

describe('createMatcher', () => {
  it('refuses a form that belongs to two entries', () => {
    expect(() => createMatcher([entry('a', ['loss'], ['损失']), entry('b', ['Loss'], ['代价'])], 'en')).toThrow(/both "a" and "b"/);
  });

  it('finds nothing with no entries', () => {
    expect(createMatcher([], 'en').find('anything')).toEqual([]);
  });

  it.each([
    ['SAFE', true],
    ['GPU', true],
    ['HBM3e', false],
    ['GPUs', false],
    ['LoRA', false],
    ['F1', false],
    ['Adam', false],
  ])('treats %s as case-sensitive: %s', (form, expected) => {
    expect(isCaseSensitive(form)).toBe(expected);
  });
});

describe('the book’s glossary', () => {
  for (const lang of LANGS) {
    const matcher = createMatcher(GLOSSARY, lang);
    it(`(${lang}) finds every form of every entry as one whole match of that entry`, () => {
      const wrong: string[] = [];
      for (const e of GLOSSARY) {
        for (const form of termForms(e, lang)) {
          const found = matcher.find(form);
          if (found.length !== 1 || found[0]!.id !== e.id || found[0]!.text !== form) {
            wrong.push(`${e.id}: "${form}" → ${JSON.stringify(found.map((f) => [f.id, f.text]))}`);
          }
        }
      }
      expect(wrong).toEqual([]);
    });
  }
});

/**
 * The matcher's first form: one regular expression of every form, longest first, each behind its lookarounds. It was
 * right and far too slow (5–10 s a chapter); the indexed matcher must find exactly what it found.
 */
function regexOracle(entries: readonly GlossaryEntry[], lang: 'en' | 'zh') {
  const WORD_EN = '[\\p{L}\\p{N}_\\-]';
  const WORD_LATIN = '[A-Za-z0-9_\\-]';
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const bounded = {
    en: (pattern: string) => `(?<!${WORD_EN})${pattern}(?!${WORD_EN})`,
    zh: (pattern: string, form: string) =>
      `${/^[A-Za-z0-9]/.test(form) ? `(?<!${WORD_LATIN})` : ''}${pattern}${/[A-Za-z0-9]$/.test(form) ? `(?!${WORD_LATIN})` : ''}`,
  }[lang];
  const casePattern = (form: string) =>
    isCaseSensitive(form)
      ? escape(form)
      : [...form]
          .map((c) => {
            const lo = c.toLowerCase();
            const up = c.toUpperCase();
            return lo !== up && lo.length === 1 && up.length === 1 ? `[${lo}${up}]` : escape(c);
          })
          .join('');
  const owner = new Map<string, string | null>();
  const patterns = new Map<string, string>();
  const keyOf = (form: string) => (isCaseSensitive(form) ? form : form.toLowerCase());
  const add = (raw: string, id: string | null) => {
    const form = raw.trim();
    if (!form) return;
    owner.set(keyOf(form), id);
    patterns.set(keyOf(form), bounded(casePattern(form), form));
  };
  for (const e of entries) {
    for (const form of termForms(e, lang)) add(form, e.id);
    for (const phrase of e.notLinked?.[lang] ?? []) add(phrase, null);
  }
  const keys = [...owner.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const pattern = new RegExp(keys.map((k) => patterns.get(k)!).join('|'), 'gu');
  const lookup = (text: string) => (owner.has(text) ? owner.get(text) : owner.get(text.toLowerCase()));
  return (text: string) =>
    [...text.matchAll(pattern)].flatMap((m) => {
      const id = lookup(m[0]);
      return id ? [{ start: m.index, end: m.index + m[0].length, id, text: m[0] }] : [];
    });
}

describe('the indexed matcher finds what one regular expression of every form finds', () => {
  for (const lang of LANGS) {
    const matcher = createMatcher(GLOSSARY, lang);
    const oracle = regexOracle(GLOSSARY, lang);
    const forms = GLOSSARY.flatMap((e) => [...termForms(e, lang), ...(e.notLinked?.[lang] ?? [])]);
    // Text built from the glossary's own forms, in any case, glued by spaces, hyphens, letters, CJK, digits, emoji.
    const piece = fc.oneof(
      fc.constantFrom(...forms),
      fc.constantFrom(...forms).map((f) => f.toUpperCase()),
      fc.constantFrom(...forms).map((f) => f.slice(0, Math.max(1, f.length - 2))),
      fc.constantFrom(' ', '-', '_', 's', 'a', 'X', '9', '的', '，', '😀', '𝐀', '’', '. ', 'İ', 'ß'),
    );
    it(`(${lang}) on random text made of the glossary's forms`, () => {
      fc.assert(
        fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
          const text = parts.join('');
          expect(matcher.find(text)).toEqual(oracle(text));
        }),
        { numRuns: 100 },
      );
    });
  }
});
