import type { Root, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import rehypeKatex from 'rehype-katex';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { KATEX_HTML_TAG, rehypeKatexHtml, type KatexHtmlNode } from './katex-html';
import { rehypeMathmlScripts } from './mathml-scripts';

const BODY = [
  'The scale is $s = \\frac{w_{\\max} - w_{\\min}}{2^b - 1}$ and the mean is $\\bar x$.',
  '',
  '$$',
  '\\mathcal{L}(\\theta) = -\\frac{1}{N}\\sum_{i=1}^{N} \\log p_\\theta(y_i \\mid x_i)',
  '$$',
  '',
  '| a | $b^2$ |',
  '|---|---|',
  '| 1 | $\\sqrt{2}$ |',
].join('\n');

/** The book's math steps (lib/mdx/pipeline.ts) on a markdown body, with or without the KatexHtml step. */
function tree(body: string, withStep: boolean): Root {
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkMath).use(remarkRehype).use(rehypeKatex, { output: 'htmlAndMathml' }).use(rehypeMathmlScripts);
  if (withStep) processor.use(rehypeKatexHtml);
  return processor.runSync(processor.parse(body)) as Root;
}

/** Every KatexHtml node in a tree, in document order. */
function katexNodes(node: Root | RootContent, out: KatexHtmlNode[] = []): KatexHtmlNode[] {
  const n = node as unknown as KatexHtmlNode | { children?: RootContent[] };
  if ('name' in n && n.name === KATEX_HTML_TAG) out.push(n);
  else for (const k of (n as { children?: RootContent[] }).children ?? []) katexNodes(k, out);
  return out;
}

/** What KatexHtml renders (components/mdx/KatexHtml.tsx): a span with the class and the HTML inside. */
function expand(node: Root | RootContent): void {
  const children = (node as { children?: RootContent[] }).children;
  if (!children) return;
  children.forEach((k, i) => {
    const n = k as unknown as KatexHtmlNode;
    if (n.name === KATEX_HTML_TAG) {
      const attr = (name: string) => n.attributes.find((a) => a.name === name)!.value;
      children[i] = { type: 'raw', value: `<span class="${attr('className')}">${attr('html')}</span>` } as unknown as RootContent;
    } else expand(k);
  });
}

describe('rehypeKatexHtml', () => {
  it('renders exactly the markup KaTeX wrote, inline, display and in tables', () => {
    const withStep = tree(BODY, true);
    expand(withStep);
    const html = toHtml(withStep, { allowDangerousHtml: true });
    expect(html).toBe(toHtml(tree(BODY, false)));
    expect(html.match(/<span class="katex">/g)).toHaveLength(5);
    expect(html).toContain('<span class="katex-display">');
    expect(html).toContain('<math xmlns="http://www.w3.org/1998/Math/MathML"');
  });

  it('leaves one node per formula, each one string of HTML', () => {
    const nodes = katexNodes(tree(BODY, true));
    expect(nodes.map((n) => n.attributes[0]!.value)).toEqual(['katex', 'katex', 'katex-display', 'katex', 'katex']);
    for (const n of nodes) expect(n.children).toEqual([]);
  });
});
