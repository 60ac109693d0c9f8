import { describe, expect, it } from 'vitest';
import { chapterFacts, checkChapter, checkLabs, checkLink, compareEditions } from './checks';

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

describe('lab exercises', () => {
  const labs = { 'x-one': { widget: 'lossExplorer' }, 'x-two': { widget: 'lossExplorer' } };
  const widgetTags = new Map([['lossExplorer', 'LossExplorer']]);
  const chapter = (file: string, body: string) => chapterFacts(`## A {#a}\n\n<LossExplorer />\n\n${body}`, file);

  it('collects the ids of <Lab> in document order, null for a lab without one', async () => {
    const f = await chapter('en.mdx', '1. Task.\n\n   <Lab id="x-two">\n\n   Do it.\n\n   </Lab>\n\n<Lab id="x-one">Go.</Lab>\n\n<Lab>No id.</Lab>\n');
    expect(f.labs).toEqual(['x-two', 'x-one', null]);
    expect(f.tags).toContain('Lab');
  });

  it('accepts both editions writing every lab of the LabSet in the same order', async () => {
    const en = await chapter('en.mdx', '<Lab id="x-one">Go.</Lab>\n\n<Lab id="x-two">Go.</Lab>\n');
    const zh = await chapter('zh.mdx', '<Lab id="x-one">做。</Lab>\n\n<Lab id="x-two">做。</Lab>\n');
    expect(checkLabs('c', [zh, en], labs, widgetTags)).toEqual([]);
  });

  it('flags a lab the LabSet lacks, a lab not written, a lab written twice and a lab without an id', async () => {
    const en = await chapter('en.mdx', '<Lab id="x-one">Go.</Lab>\n\n<Lab id="x-one">Again.</Lab>\n\n<Lab id="x-nope">Go.</Lab>\n\n<Lab>Go.</Lab>\n');
    const problems = checkLabs('c', [en], labs, widgetTags).join('\n');
    expect(problems).toMatch(/<Lab id="x-nope"> is not a lab of lib\/labs\/c\.ts/);
    expect(problems).toMatch(/lab "x-two" of lib\/labs\/c\.ts is not written/);
    expect(problems).toMatch(/<Lab id="x-one"> is written twice/);
    expect(problems).toMatch(/a <Lab> needs id/);
  });

  it('flags editions that write the labs in different orders', async () => {
    const en = await chapter('en.mdx', '<Lab id="x-one">Go.</Lab>\n\n<Lab id="x-two">Go.</Lab>\n');
    const zh = await chapter('zh.mdx', '<Lab id="x-two">做。</Lab>\n\n<Lab id="x-one">做。</Lab>\n');
    expect(checkLabs('c', [zh, en], labs, widgetTags).join('\n')).toMatch(/labs differ \(x-two, x-one \/ x-one, x-two\)/);
  });

  it('flags a lab whose widget is not registered or not placed in the chapter', async () => {
    const f = await chapterFacts('## A {#a}\n\n<Lab id="x-one">Go.</Lab>\n\n<Lab id="x-two">Go.</Lab>\n', 'en.mdx');
    const problems = checkLabs('c', [f], { 'x-one': { widget: 'lossExplorer' }, 'x-two': { widget: 'nope' } }, widgetTags).join('\n');
    expect(problems).toMatch(/lab "x-one" reads the lossExplorer widget, but the chapter has no <LossExplorer \/>/);
    expect(problems).toMatch(/lab "x-two" reads widget "nope", which is not a registered widget/);
  });
});
