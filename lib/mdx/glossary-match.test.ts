import { describe, expect, it } from 'vitest';
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
