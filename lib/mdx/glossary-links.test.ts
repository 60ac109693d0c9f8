import { compile } from '@mdx-js/mdx';
import type { Link, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { escapeHeadingIds, remarkHeadingIds } from './heading-ids';
import { chapterOfPath, GLOSSARY_LINK_CLASS, glossaryHref, remarkGlossaryLinks } from './glossary-links';

interface Linked {
  id: string;
  text: string;
  className: unknown;
}

/** Runs the chapter plugins that matter here on `body` (as content/<lang>/<slug>.mdx) and returns the glossary links. */
async function links(body: string, path = 'content/en/some-chapter.mdx'): Promise<{ links: Linked[]; file: VFile; code: string }> {
  const found: Linked[] = [];
  const grab = () => (tree: Root) => {
    visit(tree, 'link', (node: Link) => {
      if (!node.url.startsWith('../glossary/')) return;
      const text = node.children.map((c) => ('value' in c ? c.value : '')).join('');
      found.push({ id: node.url.split('#')[1]!, text, className: (node.data?.hProperties as { className?: unknown } | undefined)?.className });
    });
  };
  const file = new VFile({ value: escapeHeadingIds(body), path });
  const code = String(await compile(file, { remarkPlugins: [remarkGfm, remarkMath, remarkHeadingIds, remarkGlossaryLinks, grab] }));
  return { links: found, file, code };
}

describe('remarkGlossaryLinks', () => {
  it('links the first use of a term in each ## section, and only the first', async () => {
    const { links: l } = await links('Intro: the loss.\n\n## A {#a}\n\nA loss, another loss.\n\n### A.1 {#a1}\n\nThe loss again.\n\n## B {#b}\n\nLosses.\n');
    expect(l.map((x) => [x.id, x.text])).toEqual([
      ['loss', 'loss'],
      ['loss', 'loss'],
      ['loss', 'Losses'],
    ]);
  });

  it('points to the glossary entry relatively, with the glossary-link class', async () => {
    const { links: l, code } = await links('The optimizer.\n');
    expect(glossaryHref('optimizer')).toBe('../glossary/#optimizer');
    expect(l).toEqual([{ id: 'optimizer', text: 'optimizer', className: [GLOSSARY_LINK_CLASS] }]);
    expect(code).toContain('"../glossary/#optimizer"');
    expect(code).toContain(`"${GLOSSARY_LINK_CLASS}"`);
  });

  it('never links inside headings, links, code, math, <Calc> or widget props', async () => {
    const body = [
      '## The loss {#loss-heading}',
      '',
      'See [the loss](#loss-heading), `loss`, $\\text{loss}$ and <Calc fn="loss" args={["loss"]} />.',
      '',
      '```python',
      'loss = 1',
      '```',
      '',
      '$$',
      '\\text{loss}',
      '$$',
      '',
      '<OptimizerRace surface="loss" />',
    ].join('\n');
    expect((await links(body)).links).toEqual([]);
  });

  it('links inside the bodies of <Callout> and <Answer>, lists, tables and emphasis, but not a callout’s title', async () => {
    const body = [
      '<Callout kind="note" title="About the loss">',
      '',
      'The **loss** here.',
      '',
      '</Callout>',
      '',
      '## B {#b}',
      '',
      '- an *optimizer*',
      '',
      '| term |',
      '|---|',
      '| a neuron |',
      '',
      '<Answer>',
      '',
      'The gradient.',
      '',
      '</Answer>',
    ].join('\n');
    expect((await links(body)).links.map((x) => x.id)).toEqual(['loss', 'optimizer', 'neuron', 'gradient']);
  });

  it('skips reading lists (Further reading) and resumes after them', async () => {
    const body = '## Further reading {#further-reading}\n\n- Kingma and Ba (2015). Adam: a method.\n\n## After {#after}\n\nAdam.\n';
    expect((await links(body)).links.map((x) => x.id)).toEqual(['adam']);
  });

  it('links Chinese text by substrings, longest form first', async () => {
    const { links: l } = await links('二元交叉熵和熵都是信息论的概念；神经元也是。\n', 'content/zh/x.mdx');
    expect(l.map((x) => [x.id, x.text])).toEqual([
      ['cross-entropy', '二元交叉熵'],
      ['entropy', '熵'],
      ['neuron', '神经元'],
    ]);
  });

  it('leaves the glossary and errata pages, and files outside content/, alone', async () => {
    expect((await links('The loss.\n', 'content/en/glossary.mdx')).links).toEqual([]);
    expect((await links('The loss.\n', 'content/zh/errata.mdx')).links).toEqual([]);
    expect((await links('The loss.\n', 'notes.mdx')).links).toEqual([]);
  });

  it('records the ids it linked in file.data.glossaryTerms', async () => {
    const { file } = await links('The loss and the optimizer.\n\n## B {#b}\n\nThe loss.\n');
    expect(file.data.glossaryTerms?.sort()).toEqual(['loss', 'optimizer']);
  });
});

describe('chapterOfPath', () => {
  it.each([
    ['content/en/transformers.mdx', { lang: 'en', slug: 'transformers' }],
    ['/abs/content/zh/large-models.mdx', { lang: 'zh', slug: 'large-models' }],
    ['content\\zh\\faq.mdx', { lang: 'zh', slug: 'faq' }],
    ['content/fr/x.mdx', null],
    [undefined, null],
  ])('%s', (path, expected) => {
    expect(chapterOfPath(path)).toEqual(expected);
  });
});
