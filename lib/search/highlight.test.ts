import { describe, expect, it } from 'vitest';
import { findMatches } from './highlight';

const marked = (text: string, terms: string[]) => findMatches(text, terms).map(([a, b]) => text.slice(a, b));

describe('findMatches', () => {
  it('matches English terms at the start of words, ignoring case, and marks the whole word', () => {
    expect(marked('Bias correction corrects the bias; unbiased is another word.', ['bias', 'corr'])).toEqual(['Bias', 'correction', 'corrects', 'bias']);
  });

  it('matches Chinese terms anywhere, since Chinese has no spaces between words', () => {
    expect(marked('随机梯度下降之所以可行，靠的是梯度的无偏估计', ['梯度'])).toEqual(['梯度', '梯度']);
  });

  it('finds English words inside Chinese text', () => {
    expect(marked('如何更新权重；Adam 与 AdamW', ['adam'])).toEqual(['Adam', 'AdamW']);
  });

  it('gives overlapping matches to the earlier, then the longer one', () => {
    expect(findMatches('优化器', ['化器', '优化器', '优化'])).toEqual([[0, 3]]);
  });

  it('returns sorted ranges and nothing for no terms', () => {
    expect(findMatches('b a b', ['b', 'a'])).toEqual([[0, 1], [2, 3], [4, 5]]);
    expect(findMatches('text', [])).toEqual([]);
    expect(findMatches('text', [''])).toEqual([]);
  });

  it('keeps the positions right when lower-casing would change the length', () => {
    const text = 'İstanbul has a bias';
    expect(marked(text, ['bias'])).toEqual(['bias']);
  });
});
