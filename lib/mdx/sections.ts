/**
 * Wraps a chapter body into one `<section class="chapter-section">` per `##` heading (and one for what comes before
 * the first). The stylesheet gives every section after the first `content-visibility: auto`, so the browser styles,
 * lays out and paints only the sections near the viewport: Chapter 3 is 23,000 elements (KaTeX's HTML and MathML),
 * and laying all of them out on load cost a phone 1.7 s of main-thread time (Lighthouse, mobile preset).
 * Build-time only; runs on the hast tree at the top level, where MDX leaves headings, paragraphs and widgets.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { ERRATA, type SourceId } from '../content/errata';
import { GLOSSARY } from '../content/glossary';

export const SECTION_CLASS = 'chapter-section';
export const SUBSECTION_CLASS = 'chapter-subsection';

/*
 * A skipped section is laid out as a box of its placeholder height (`contain-intrinsic-size`), and where a script asks
 * for the geometry of something inside it (an accessibility checker measuring tap targets, a scroll to an anchor) the
 * browser lays the content out inside that box: content taller than the box spills over the next section, and two
 * headings' links can appear to sit on top of each other (Lighthouse's `target-size` failed on Chapters 3 and 11 for
 * that reason alone). So each section's placeholder is an upper bound of its height on a narrow phone, estimated from
 * its content at build time: the browser replaces it with the real height (`auto`) once the section has been drawn.
 */

/** Typographic constants of a 360 px phone (app/globals.css: 17 px body text, line height 1.7), rounded up. */
export const PHONE = {
  /** Width units per line: a Latin character is one unit, a CJK character two. */
  unitsPerLine: 34,
  linePx: 30,
  /** Margin and padding around a block (paragraph, list item, heading). */
  blockPx: 20,
  /** A line of code in a code block. */
  codeLinePx: 25,
  /** A display formula (most are one line; some are aligned systems). */
  displayMathPx: 110,
  /** A table row, whose cells wrap on a phone. */
  tableRowPx: 80,
  /** A widget or calculator with its controls, stacked on a phone (the tallest are about 2,000 px). */
  widgetPx: 2400,
  /** A pre-drawn diagram. */
  diagramPx: 900,
  /** A folded answer (only its summary shows). */
  foldedPx: 60,
} as const;

/** Safety factor over the estimate: a placeholder that is too tall only makes the scroll bar a little shorter at first. */
const MARGIN = 1.4;

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/g;
const units = (text: string) => text.length + (text.match(CJK)?.length ?? 0);

type AnyNode = RootContent | ElementContent | { type: string; name?: string; children?: unknown[]; value?: string; attributes?: { name: string; value: unknown }[] };

/** A display formula (KaTeX's `katex-display` block), as lib/mdx/katex-html.ts leaves it. */
function isDisplay(node: AnyNode): boolean {
  const className = (node as { attributes?: { name: string; value: unknown }[] }).attributes?.find((a) => a.name === 'className')?.value;
  return typeof className === 'string' && className.includes('katex-display');
}

const textOf = (node: AnyNode): string =>
  node.type === 'text' ? (node as { value: string }).value : ((node as { children?: AnyNode[] }).children ?? []).map(textOf).join('');

/** Width units of the text inside a node (an inline formula counts as a few characters). */
function inlineUnits(node: AnyNode): number {
  if (node.type === 'text') return units((node as { value: string }).value);
  if (node.type === 'mdxJsxTextElement' && (node as { name?: string }).name === 'KatexHtml') return isDisplay(node) ? 0 : 8;
  const children = (node as { children?: AnyNode[] }).children;
  return children ? children.reduce((n, c) => n + inlineUnits(c), 0) : 0;
}

const BLOCKS = new Set(['p', 'li', 'h2', 'h3', 'h4', 'dt', 'dd', 'figcaption', 'summary', 'caption']);
const CONTAINERS = new Set(['ul', 'ol', 'blockquote', 'div', 'figure', 'details', 'section', 'dl']);

/** An upper bound of a node's height on a narrow phone, in CSS px. */
export function estimateHeight(node: AnyNode): number {
  if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
    const name = (node as { name?: string }).name ?? '';
    if (name === 'KatexHtml') return isDisplay(node) ? PHONE.displayMathPx : 0;
    if (name === 'Answer') return PHONE.foldedPx;
    if (name === 'Mermaid') return PHONE.diagramPx;
    if (name === 'Calc') return 0;
    if (name === 'Glossary') return glossaryHeight();
    if (name === 'Errata') {
      const source = (node as { attributes?: { name: string; value: unknown }[] }).attributes?.find((a) => a.name === 'source')?.value;
      return errataHeight(String(source));
    }
    const inner = ((node as { children?: AnyNode[] }).children ?? []).reduce((h, c) => h + estimateHeight(c), 0);
    // A callout, a lab or a figure wraps prose; any other tag is a widget or a calculator.
    return ['Callout', 'Lab', 'Figure', 'Columns'].includes(name) ? inner + 2 * PHONE.blockPx : Math.max(inner, PHONE.widgetPx);
  }
  if (node.type !== 'element') return 0;
  const el = node as Element;
  if (el.tagName === 'pre') {
    const lines = textOf(el).split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / 40)), 0);
    return lines * PHONE.codeLinePx + 4 * PHONE.blockPx;
  }
  if (el.tagName === 'table') {
    let rows = 0;
    const count = (n: AnyNode) => {
      if (n.type === 'element' && (n as Element).tagName === 'tr') rows += 1 + Math.floor(inlineUnits(n) / (3 * PHONE.unitsPerLine));
      for (const c of (n as { children?: AnyNode[] }).children ?? []) count(c);
    };
    count(el);
    return rows * PHONE.tableRowPx + 2 * PHONE.blockPx;
  }
  if (BLOCKS.has(el.tagName)) {
    // A block's text wraps into lines; blocks nested in it (a list inside a list item) add their own.
    const own = el.children.filter((c) => !(c.type === 'element' && (BLOCKS.has(c.tagName) || CONTAINERS.has(c.tagName) || c.tagName === 'pre' || c.tagName === 'table')));
    const text = own.reduce((n, c) => n + inlineUnits(c), 0);
    const nested = el.children.reduce((h, c) => h + (own.includes(c) ? 0 : estimateHeight(c)), 0);
    const display = own.reduce((h, c) => h + displayMath(c), 0);
    return Math.ceil(text / PHONE.unitsPerLine) * PHONE.linePx + PHONE.blockPx + nested + display;
  }
  return el.children.reduce((h, c) => h + estimateHeight(c), 0);
}

/** Height of a block of text in either edition, whichever wraps into more lines. */
const textPx = (text: { zh: string; en: string }) => Math.ceil(Math.max(units(text.zh), units(text.en)) / PHONE.unitsPerLine) * PHONE.linePx + PHONE.blockPx;

/** The glossary page's list (components/mdx/Glossary.tsx): each term, its definition, and the line of chapters using it. */
function glossaryHeight(): number {
  return GLOSSARY.reduce((h, e) => h + textPx(e.term) + textPx(e.definition) + 2 * PHONE.linePx + PHONE.blockPx, 0);
}

/** One source's errata (components/mdx/Errata.tsx): a title, what the source says, what is right, where it is taught. */
function errataHeight(source: string): number {
  return ERRATA.filter((e) => e.source === (source as SourceId)).reduce(
    (h, e) => h + textPx(e.claim) + textPx(e.says) + textPx(e.right) + 3 * PHONE.linePx + 2 * PHONE.blockPx,
    0,
  );
}

/** Display formulas inside a paragraph's own inline content. */
function displayMath(node: AnyNode): number {
  if (node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') return estimateHeight(node);
  return ((node as { children?: AnyNode[] }).children ?? []).reduce((h, c) => h + displayMath(c), 0);
}

/** The placeholder height of a section on a phone: an upper bound, rounded up to 100 px. */
export function placeholderHeight(children: RootContent[]): number {
  const h = children.reduce((sum, c) => sum + estimateHeight(c), 0) * MARGIN;
  return Math.max(400, Math.ceil(h / 100) * 100);
}

/** The placeholder height of a subsection: an upper bound, rounded up to 100 px. */
export function subsectionPlaceholderHeight(children: RootContent[]): number {
  const h = children.reduce((sum, c) => sum + estimateHeight(c), 0) * MARGIN;
  return Math.max(100, Math.ceil(h / 100) * 100);
}

const isHeading = (tag: string) => (n: RootContent): n is Element => n.type === 'element' && n.tagName === tag;
const isH2 = isHeading('h2');
const isH3 = isHeading('h3');
const blank = (n: RootContent) => n.type === 'text' && n.value.trim() === '';

/** Splits nodes at each heading `isHead` matches: what comes before the first, then one group per heading. */
function splitAt(nodes: RootContent[], isHead: (n: RootContent) => boolean): RootContent[][] {
  const groups: RootContent[][] = [];
  let current: RootContent[] = [];
  for (const node of nodes) {
    if (isHead(node) && current.some((n) => !blank(n))) {
      groups.push(current);
      current = [];
    }
    current.push(node);
  }
  groups.push(current);
  return groups;
}

/*
 * Inside a section, each `###` heading and what follows it is a subsection, with its own `content-visibility: auto`
 * and placeholder. A section is drawn as a whole when it nears the viewport, and also when something inside it needs
 * its geometry: Chromium lays out every skipped ancestor of a text field on load (a widget's number box, in the HTML
 * from the build), so a widget in a section of 7,800 elements cost a phone 0.6 s of main thread before the reader had
 * scrolled at all (Chapter 3). With subsections, only the widget's own subsection is drawn, and a reader scrolling
 * into a long section draws it a subsection at a time.
 */
const subsection = (children: RootContent[]): Element => ({
  type: 'element',
  tagName: 'div',
  properties: { className: [SUBSECTION_CLASS], style: `contain-intrinsic-size:auto ${subsectionPlaceholderHeight(children)}px` },
  children: children as ElementContent[],
});

function section(children: RootContent[]): Element {
  const groups = splitAt(children, isH3);
  const lead = groups[0] ?? [];
  const first = lead.find((n) => !blank(n));
  // A body that opens with an h3 has no lead: its first group is a subsection too.
  const grouped = first && isH3(first) ? groups.map(subsection) : [...lead, ...groups.slice(1).map(subsection)];
  return {
    type: 'element',
    tagName: 'section',
    properties: { className: [SECTION_CLASS], style: `contain-intrinsic-size:auto ${placeholderHeight(children)}px` },
    children: grouped as ElementContent[],
  };
}

/** Splits the root's children at each `<h2>`: the intro (if any) and one section per heading, in order; within a section, one subsection per `<h3>`. */
export function wrapSections(tree: Root): void {
  const groups = splitAt(tree.children, isH2);
  if (groups.length < 2) return;
  tree.children = groups.map(section);
}

/** The rehype plugin: `[rehypeSections]` in the pipeline, after the math and code steps. */
export function rehypeSections() {
  return (tree: Root) => wrapSections(tree);
}
