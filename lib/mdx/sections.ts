/**
 * Wraps a chapter body into one `<section class="chapter-section">` per `##` heading (and one for what comes before
 * the first). The stylesheet gives every section after the first `content-visibility: auto`, so the browser styles,
 * lays out and paints only the sections near the viewport: Chapter 3 is 23,000 elements (KaTeX's HTML and MathML),
 * and laying all of them out on load cost a phone 1.7 s of main-thread time (Lighthouse, mobile preset).
 * Build-time only; runs on the hast tree at the top level, where MDX leaves headings, paragraphs and widgets.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';

export const SECTION_CLASS = 'chapter-section';

const isH2 = (n: RootContent): n is Element => n.type === 'element' && n.tagName === 'h2';

const section = (children: RootContent[]): Element => ({
  type: 'element',
  tagName: 'section',
  properties: { className: [SECTION_CLASS] },
  children: children as ElementContent[],
});

/** Splits the root's children at each `<h2>`: the intro (if any) and one section per heading, in order. */
export function wrapSections(tree: Root): void {
  const groups: RootContent[][] = [];
  let current: RootContent[] = [];
  for (const node of tree.children) {
    if (isH2(node) && current.some((n) => !(n.type === 'text' && n.value.trim() === ''))) {
      groups.push(current);
      current = [];
    }
    current.push(node);
  }
  groups.push(current);
  if (groups.length < 2) return;
  tree.children = groups.map(section);
}

/** The rehype plugin: `[rehypeSections]` in the pipeline, after the math and code steps. */
export function rehypeSections() {
  return (tree: Root) => wrapSections(tree);
}
