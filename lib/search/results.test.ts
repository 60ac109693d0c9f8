import { describe, expect, it } from 'vitest';
import { matchesQuery, mergeResults, sectionHits, type PagefindPage } from './results';

// Shaped like what Pagefind 1.6 returned for "bias correction" on the English edition.
const page: PagefindPage = {
  url: '/en/loss-and-optimizers/',
  excerpt: 'the <mark>bias</mark> <mark>correction.</mark>',
  meta: { label: 'Chapter 3', title: 'Loss functions and optimizers' },
  sub_results: [
    { title: 'Loss functions and optimizers', url: '/en/loss-and-optimizers/', excerpt: 'each slip is <mark>corrected</mark>', locations: [40] },
    { title: 'Mean squared error#', url: '/en/loss-and-optimizers/#mse', excerpt: 'are <mark>corrected</mark> strongly', locations: [800] },
    { title: 'Adam#', url: '/en/loss-and-optimizers/#adam', excerpt: 'omits the <mark>bias</mark> <mark>correction.</mark>', locations: [2000, 2001, 2100] },
    { title: 'AdamW#', url: '/en/loss-and-optimizers/#adamw', excerpt: '<mark>bias</mark>', locations: [2300] },
  ],
};

describe('sectionHits', () => {
  it('lists the sections with the most matches first, at most three', () => {
    const hits = sectionHits(page, 'bias correction');
    expect(hits.map((h) => h.section)).toEqual(['Adam', null, 'Mean squared error']);
    expect(hits[0]!.chapter).toBe('Chapter 3 · Loss functions and optimizers');
  });

  it('links each section at its anchor with the terms to highlight there', () => {
    const [adam, opening] = sectionHits(page, 'bias correction');
    expect(adam!.href).toBe('/en/loss-and-optimizers/?highlight=correction&highlight=bias#adam');
    expect(opening!.href).toBe('/en/loss-and-optimizers/?highlight=correction&highlight=corrected&highlight=bias');
  });

  it('lists a page without sections as a whole', () => {
    const hits = sectionHits({ url: '/zh/x/', excerpt: '<mark>梯度</mark>下降', meta: { title: '神经网络' } }, '梯度');
    expect(hits).toEqual([{ href: '/zh/x/?highlight=%E6%A2%AF%E5%BA%A6', chapter: '神经网络', section: null, excerpt: [{ text: '梯度', hit: true }, { text: '下降', hit: false }] }]);
  });
});

describe('matchesQuery', () => {
  it.each([
    ['optimizer', 'optimizers', true],
    ['correction', 'bias corr', true],
    ['Transformer', 'transformerz', true],
    ['tf.GradientTape', 'gradienttape', true],
    ['lr', 'lr', true],
    ['ZeRO', 'zebra', false],
    ['z', 'zzzzqqq', false],
    ['optimum', 'optimizers', false],
    ['梯度', '梯度', true],
    ['梯度', '梯', true],
    ['优化器', 'Adam 优化器', true],
    ['优化', '优化器', false],
    ['梯度下降', '梯度', true],
    ['量', '量子纠缠', false],
    ['权利', '权重', false],
  ])('%j for %j: %j', (word, query, expected) => {
    expect(matchesQuery(word, query)).toBe(expected);
  });
});

describe('sectionHits, for what Pagefind found by backing off', () => {
  it('lists nothing when no mark is what the reader asked for', () => {
    const backOff: PagefindPage = {
      url: '/en/x/',
      excerpt: 'at <mark>z</mark> = 0',
      meta: { title: 'X' },
      sub_results: [{ title: 'Y#', url: '/en/x/#y', excerpt: 'at <mark>z</mark> = 2', locations: [3] }],
    };
    expect(sectionHits(backOff, 'zzzzqqq')).toEqual([]);
  });
});

describe('sectionHits, for marks the reader did not ask for', () => {
  it('keeps only the relevant marks of an excerpt', () => {
    const page: PagefindPage = {
      url: '/zh/x/',
      excerpt: '',
      meta: { title: 'X' },
      sub_results: [{ title: 'Y#', url: '/zh/x/#y', excerpt: '最小<mark>化</mark>，交给<mark>优</mark><mark>化</mark><mark>器</mark>。', locations: [1, 2, 3, 4] }],
    };
    expect(sectionHits(page, '优化器')[0]!.excerpt).toEqual([
      { text: '最小化，交给', hit: false },
      { text: '优化器', hit: true },
      { text: '。', hit: false },
    ]);
  });
});

describe('mergeResults', () => {
  const section = (url: string, n: number) => ({ title: `${url}#`, url, excerpt: '<mark>bias</mark>', locations: Array.from({ length: n }, (_, i) => i) });
  const page = (url: string, subs: ReturnType<typeof section>[]): PagefindPage => ({ url, excerpt: '', meta: { title: url }, sub_results: subs });

  it('keeps the phrase search’s pages and sections first, and adds what the word search found', () => {
    const phrase = [page('/en/b/', [section('/en/b/#adam', 1)])];
    const words = [page('/en/a/', [section('/en/a/#x', 9)]), page('/en/b/', [section('/en/b/#adam', 2), section('/en/b/#mse', 5)])];
    const merged = mergeResults([phrase, words]);
    expect(merged.map((p) => p.url)).toEqual(['/en/b/', '/en/a/']);
    expect(merged[0]!.sub_results!.map((s) => [s.url, s.rank])).toEqual([['/en/b/#adam', 0], ['/en/b/#mse', 1]]);
    expect(sectionHits(merged[0]!, 'bias').map((h) => h.section)).toEqual(['/en/b/#adam', '/en/b/#mse']);
  });
});
