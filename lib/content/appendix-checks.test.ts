import { describe, expect, it } from 'vitest';
import { addAppendixAnchors, chapterFacts, checkAppendixPages, checkErrata, checkGlossary, checkLink, type ChapterFacts } from './checks';
import type { Erratum } from './errata';
import type { GlossaryEntry } from './glossary';

const erratum = (id: string, taught: Erratum['taught'], source: Erratum['source'] = '001'): Erratum => ({
  id,
  source,
  section: { en: '§1', zh: '§1' },
  claim: { en: 'c', zh: 'c' },
  says: { en: 's', zh: 's' },
  right: { en: 'r', zh: 'r' },
  taught,
});

const ERR = [erratum('sigma', [{ slug: 'a', heading: 'bce' }]), erratum('later', [{ slug: 'c' }])];
const REGISTERED = new Set(['a', 'b', 'c', 'glossary', 'errata']);

/** Facts of chapter `a` in both editions from one body per edition. */
async function book(zh: string, en: string, more: Record<string, string> = {}): Promise<Map<string, ChapterFacts>> {
  const facts = new Map<string, ChapterFacts>();
  facts.set('zh/a', await chapterFacts(zh, 'content/zh/a.mdx'));
  facts.set('en/a', await chapterFacts(en, 'content/en/a.mdx'));
  for (const [key, body] of Object.entries(more)) facts.set(key, await chapterFacts(body, `content/${key}.mdx`));
  return facts;
}

const GOOD = '## Loss {#loss}\n\n### BCE {#bce}\n\n<Callout kind="erratum" erratum="sigma">\n\nBody.\n\n</Callout>\n';

describe('chapterFacts for errata', () => {
  it('records each erratum callout with its id, whether it has a title, and the headings above it', async () => {
    const f = await chapterFacts(`${GOOD}\n## Next {#next}\n\n<Callout kind="erratum" title="T">\n\nx\n\n</Callout>\n\n<Callout kind="note" title="n">\n\nx\n\n</Callout>\n`, 'x.mdx');
    expect(f.errata).toEqual([
      { id: 'sigma', hasTitle: false, headings: ['loss', 'bce'] },
      { id: undefined, hasTitle: true, headings: ['next'] },
    ]);
  });

  it('records the sources of the errata page’s lists', async () => {
    expect((await chapterFacts('## S {#source-001}\n\n<Errata source="001" />\n', 'x.mdx')).errataLists).toEqual(['001']);
  });
});

describe('checkErrata', () => {
  it('accepts callouts that match the data in both editions', async () => {
    expect(checkErrata(await book(GOOD, GOOD), ERR, new Set(['a']), REGISTERED)).toEqual([]);
  });

  it('needs an id, refuses a title and an unknown id', async () => {
    const bad = '## Loss {#loss}\n\n### BCE {#bce}\n\n<Callout kind="erratum" title="Mine">\n\nx\n\n</Callout>\n\n<Callout kind="erratum" erratum="nope">\n\nx\n\n</Callout>\n';
    const p = checkErrata(await book(bad, bad), ERR, new Set(['a']), REGISTERED).join('\n');
    expect(p).toMatch(/writes its own title/);
    expect(p).toMatch(/needs erratum="<id>"/);
    expect(p).toMatch(/erratum="nope" is not an entry/);
    expect(p).toMatch(/has no <Callout kind="erratum" erratum="sigma">/);
  });

  it('finds a callout missing from one edition', async () => {
    const p = checkErrata(await book(GOOD, '## Loss {#loss}\n\n### BCE {#bce}\n\nNo callout.\n'), ERR, new Set(['a']), REGISTERED).join('\n');
    expect(p).toMatch(/editions carry different errata \(only in zh: sigma; only in en: none\)/);
    expect(p).toMatch(/content\/en\/a.mdx: has no <Callout kind="erratum" erratum="sigma">/);
  });

  it('finds a callout under the wrong heading, and a heading that does not exist', async () => {
    const moved = '## Loss {#loss}\n\n### BCE {#bce}\n\n## Other {#other}\n\n<Callout kind="erratum" erratum="sigma">\n\nx\n\n</Callout>\n';
    expect(checkErrata(await book(moved, moved), ERR, new Set(['a']), REGISTERED).join('\n')).toMatch(/under #other, not under #bce/);
    const noHeading = [erratum('sigma', [{ slug: 'a', heading: 'gone' }])];
    expect(checkErrata(await book(GOOD, GOOD), noHeading, new Set(['a']), REGISTERED).join('\n')).toMatch(/points to #gone, which is not a heading/);
  });

  it('finds a callout in a chapter the data does not list', async () => {
    const elsewhere = [erratum('sigma', [{ slug: 'b', heading: 'x' }])];
    expect(checkErrata(await book(GOOD, GOOD), elsewhere, new Set(['a']), REGISTERED).join('\n')).toMatch(/does not list a among its places/);
  });

  it('asks nothing of a chapter not yet written, but a heading once it is, and a registered slug always', async () => {
    expect(checkErrata(await book(GOOD, GOOD), ERR, new Set(['a']), REGISTERED)).toEqual([]);
    const p = checkErrata(await book(GOOD, GOOD), ERR, new Set(['a', 'c']), REGISTERED).join('\n');
    expect(p).toMatch(/"later": c is written, so give the id of the heading/);
    expect(checkErrata(new Map(), [erratum('x', [{ slug: 'nowhere' }])], new Set(), REGISTERED).join('\n')).toMatch(/nowhere, which is not in lib\/content\/chapters.ts/);
  });
});

describe('checkGlossary', () => {
  const entries = [
    { id: 'loss', term: { en: 'Loss', zh: '损失' }, aliases: { en: [], zh: [] }, definition: { en: 'x.', zh: 'x。' }, related: ['gone'] },
  ] satisfies GlossaryEntry[];

  it('flags an entry no chapter of an edition uses, and a related entry that does not exist', () => {
    const usage = { zh: new Map([['loss', ['a']]]), en: new Map<string, string[]>() };
    const p = checkGlossary(usage, entries).join('\n');
    expect(p).toMatch(/"loss" is used by no en chapter/);
    expect(p).not.toMatch(/no zh chapter/);
    expect(p).toMatch(/related to "gone"/);
  });
});

describe('checkAppendixPages', () => {
  it('needs the glossary and errata pages once chapters link to them, with their lists and no clashing heading ids', async () => {
    expect(checkAppendixPages(new Map(), new Set(['a']), ['loss'], ERR).join('\n')).toMatch(/glossary.mdx is not written/);
    expect(checkAppendixPages(await book(GOOD, GOOD), new Set(['a', 'glossary']), [], ERR).join('\n')).toMatch(/errata.mdx is not written/);
    const facts = await book(GOOD, GOOD, { 'zh/glossary': '## Loss {#loss}\n\nNo list.\n', 'en/glossary': '## Terms {#terms}\n\n<Glossary />\n' });
    const p = checkAppendixPages(facts, new Set(['a', 'glossary']), ['loss'], ERR).join('\n');
    expect(p).toMatch(/content\/zh\/glossary.mdx: has no <Glossary \/>/);
    expect(p).toMatch(/#loss clash with glossary entry anchors/);
    expect(p).not.toMatch(/content\/en\/glossary.mdx/);
  });

  it('needs an errata list for every source with errata', async () => {
    const facts = await book(GOOD, GOOD, { 'zh/errata': '## A {#source-001}\n\n<Errata source="001" />\n', 'en/errata': '## A {#source-002}\n\n<Errata source="002" />\n' });
    const p = checkAppendixPages(facts, new Set(['a', 'glossary', 'errata']), [], ERR);
    expect(p).toEqual(['content/en/errata.mdx: no <Errata source="…" /> for source 001']);
  });
});

describe('addAppendixAnchors', () => {
  it('lets chapters link to a glossary entry or an erratum by its id', () => {
    const ids = new Map([
      ['en/glossary', new Set(['terms'])],
      ['en/errata', new Set(['source-001'])],
      ['en/a', new Set(['intro'])],
    ]);
    addAppendixAnchors(ids, ['loss'], ['sigma']);
    const ctx = { ids, lang: 'en', slug: 'a' };
    expect(checkLink('/en/glossary/#loss', ctx)).toBeNull();
    expect(checkLink('/en/errata/#sigma', ctx)).toBeNull();
    expect(checkLink('/en/glossary/#sigma', ctx)).toMatch(/not a heading/);
  });
});
