/**
 * Build-time KaTeX output as HTML strings. rehype-katex leaves each formula as a tree of elements (a chapter of
 * equations is 20,000+ of them); compiled to JSX, every one becomes a React element in the page's RSC payload that
 * hydration must walk, which cost seconds of main-thread time on a phone (Lighthouse TBT 5.4 s on Chapter 3). This
 * step, run after rehype-katex and its MathML repair, serialises each formula once and hands it to a `<KatexHtml>`
 * component that sets it as inner HTML: one React element per formula, the same markup in the page.
 */
import { createHash } from 'node:crypto';
import type { Element, Root, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { SKIP, visit } from 'unist-util-visit';

/** The component name the chapter map (components/mdx.tsx) binds. */
export const KATEX_HTML_TAG = 'KatexHtml';

const classes = (el: Element): string[] => {
  const c: unknown = el.properties?.className;
  return Array.isArray(c) ? c.map(String) : typeof c === 'string' ? c.split(/\s+/) : [];
};

/** The outermost element of a KaTeX formula: a display block, or an inline formula not inside one. */
export const isFormula = (el: Element) => {
  const c = classes(el);
  return c.includes('katex-display') || c.includes('katex');
};

/** The MDX JSX node that replaces a formula (mdast-util-mdx-jsx's MdxJsxTextElementHast, with string attributes). */
export interface KatexHtmlNode {
  type: 'mdxJsxTextElement';
  name: typeof KATEX_HTML_TAG;
  attributes: { type: 'mdxJsxAttribute'; name: 'className' | 'html' | 'formulaKey'; value: string }[];
  children: [];
}

/**
 * A formula's key: a hash of its markup. The build leaves the markup out of each page's inline payload (the DOM has it;
 * scripts/formula-payload.mjs), and KatexHtml keeps a formula's DOM under this key to redraw it if the page's first
 * React tree is mounted again (the browser's back button after client-side navigation).
 */
export const formulaKey = (className: string, html: string) =>
  createHash('sha256').update(className).update('\0').update(html).digest('base64url').slice(0, 12);

/** `<span class="katex">…</span>` → `<KatexHtml className="katex" html="…" formulaKey="…" />`. */
export function toKatexHtml(el: Element): KatexHtmlNode {
  const extra = Object.keys(el.properties ?? {}).filter((k) => k !== 'className');
  if (el.tagName !== 'span' || extra.length > 0) {
    throw new Error(`KaTeX wrote <${el.tagName}> with ${extra.join(', ') || 'no'} extra attributes; KatexHtml renders a plain <span class>`);
  }
  const className = classes(el).join(' ');
  const html = toHtml(el.children);
  return {
    type: 'mdxJsxTextElement',
    name: KATEX_HTML_TAG,
    attributes: [
      { type: 'mdxJsxAttribute', name: 'className', value: className },
      { type: 'mdxJsxAttribute', name: 'html', value: html },
      { type: 'mdxJsxAttribute', name: 'formulaKey', value: formulaKey(className, html) },
    ],
    children: [],
  };
}

export function rehypeKatexHtml() {
  return (tree: Root) => {
    visit(tree, 'element', (el: Element, index, parent) => {
      if (!parent || index === undefined || !isFormula(el)) return;
      parent.children[index] = toKatexHtml(el) as unknown as RootContent & Element;
      return SKIP;
    });
  };
}
