import { describe, expect, it } from 'vitest';
import { matchedWords, parseExcerpt } from './excerpt';

describe('parseExcerpt', () => {
  it('splits an excerpt into plain and matched runs', () => {
    expect(parseExcerpt('omits the <mark>bias</mark> <mark>correction.</mark> The correct Adam')).toEqual([
      { text: 'omits the ', hit: false },
      { text: 'bias', hit: true },
      { text: ' ', hit: false },
      { text: 'correction.', hit: true },
      { text: ' The correct Adam', hit: false },
    ]);
  });

  it('merges Chinese characters that Pagefind marked one by one, across its zero-width word breaks', () => {
    expect(parseExcerpt('交给<mark>优</mark>\u200b<mark>化</mark>\u200b<mark>器</mark>。两者')).toEqual([
      { text: '交给', hit: false },
      { text: '优化器', hit: true },
      { text: '。两者', hit: false },
    ]);
  });

  it('decodes the escaped angle brackets of the text and never treats them as markup', () => {
    const parts = parseExcerpt('since 0 &lt; p_k \\le 1 and <mark>x</mark> &gt; 0 &lt;script&gt;');
    expect(parts.map((p) => p.text).join('')).toBe('since 0 < p_k \\le 1 and x > 0 <script>');
    expect(parts.filter((p) => p.hit)).toEqual([{ text: 'x', hit: true }]);
  });

  it('returns nothing for an empty excerpt', () => {
    expect(parseExcerpt('')).toEqual([]);
  });
});

describe('matchedWords', () => {
  it('lists the matched words without the punctuation around them', () => {
    expect(matchedWords(parseExcerpt('“<mark>gradient</mark>” <mark>descent,</mark> <mark>(</mark>'))).toEqual(['gradient', 'descent']);
  });
});
