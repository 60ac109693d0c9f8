import { describe, expect, it } from 'vitest';
import { chapterFacts, checkChapter, checkLink, compareEditions } from './checks';

const ids = new Map([
  ['en/a', new Set(['intro', 'more'])],
  ['zh/a', new Set(['intro', 'more'])],
]);

describe('chapterFacts', () => {
  it('collects ids, tags, links and Calc names', async () => {
    const f = await chapterFacts('## Intro {#intro}\n\nSee [more](#more) and <Calc fn="weightGB" args={[1, "bf16"]} />.\n\n<Timeline />\n\n```mermaid\nflowchart LR\nA-->B\n```\n', 'x.mdx');
    expect(f.outline.map((o) => o.id)).toEqual(['intro']);
    expect(f.tags).toEqual(['Calc', 'Timeline', 'Mermaid']);
    expect(f.links).toEqual(['#more']);
    expect(f.calcs).toEqual(['weightGB']);
  });
});

describe('compareEditions', () => {
  it('reports ids present in one edition only', async () => {
    const zh = await chapterFacts('## 甲 {#a}\n\n## 乙 {#b}\n', 'zh.mdx');
    const en = await chapterFacts('## A {#a}\n\n## C {#c}\n', 'en.mdx');
    expect(compareEditions(zh, en)[0]).toMatch(/only in zh: b; only in en: c/);
  });
  it('reports widgets that differ', async () => {
    const zh = await chapterFacts('## 甲 {#a}\n\n<Timeline />\n', 'zh.mdx');
    const en = await chapterFacts('## A {#a}\n', 'en.mdx');
    expect(compareEditions(zh, en)[0]).toMatch(/widgets differ/);
  });
  it('accepts matching editions', async () => {
    const zh = await chapterFacts('## 甲 {#a}\n\n<ScaleExplorer />\n', 'zh.mdx');
    const en = await chapterFacts('## A {#a}\n\n<ScaleExplorer params={7e9} />\n', 'en.mdx');
    expect(compareEditions(zh, en)).toEqual([]);
  });
});

describe('checkLink', () => {
  const ctx = { ids, lang: 'en', slug: 'a' };
  it.each([
    ['#intro', null],
    ['#nope', /not a heading of this chapter/],
    ['/zh/a/#more', null],
    ['/zh/a/', null],
    ['/en/b/', /not written/],
    ['/en/a/#zzz', /not a heading/],
    ['../a', /not of the form/],
    ['https://arxiv.org/abs/1706.03762', null],
  ])('%s', (link, expected) => {
    const r = checkLink(link, ctx);
    if (expected === null) expect(r).toBeNull();
    else expect(r).toMatch(expected);
  });
});

describe('checkChapter', () => {
  it('flags unknown tags, unknown Calc functions and remote images', async () => {
    const f = await chapterFacts('## A {#intro}\n\n<Foo />\n\n<Calc fn="nope" />\n\n![x](https://example.com/x.png)\n', 'en.mdx');
    const problems = checkChapter(f, { ids, lang: 'en', slug: 'a' }, new Set(['weightGB']));
    expect(problems.join('\n')).toMatch(/<Foo> is not a registered tag/);
    expect(problems.join('\n')).toMatch(/Calc fn="nope"/);
    expect(problems.join('\n')).toMatch(/another host/);
  });
});

describe('calculator worked numbers', () => {
  it('flags an unknown calculator and a missing out', async () => {
    const f = await chapterFacts('## A {#intro}\n\n<Calc calc="nope" out="x" /> and <Calc calc="runway" />\n', 'en.mdx');
    expect(f.calculators).toEqual([{ id: 'nope', out: 'x' }, { id: 'runway', out: undefined }]);
    const problems = checkChapter(f, { ids, lang: 'en', slug: 'a' }, new Set(), new Set(['runway'])).join('\n');
    expect(problems).toMatch(/calc="nope"> is not a calculator/);
    expect(problems).toMatch(/calc="runway"> needs out/);
  });
});
