import type { Element, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { PHONE, SECTION_CLASS, SUBSECTION_CLASS, estimateHeight, placeholderHeight, subsectionPlaceholderHeight, wrapSections } from './sections';

const el = (tagName: string, text = ''): Element => ({ type: 'element', tagName, properties: {}, children: text ? [{ type: 'text', value: text }] : [] });

describe('wrapSections', () => {
  it('splits at each h2, keeping the intro as its own section and the order of everything', () => {
    const tree: Root = { type: 'root', children: [el('p', 'intro'), { type: 'text', value: '\n' }, el('h2', 'A'), el('p', 'a'), el('h3', 'a.1'), el('h2', 'B'), el('p', 'b')] };
    wrapSections(tree);
    expect(tree.children).toHaveLength(3);
    const sections = tree.children as Element[];
    expect(sections.every((s) => s.tagName === 'section' && (s.properties.className as string[])[0] === SECTION_CLASS)).toBe(true);
    expect(sections.map((s) => s.children.filter((c) => c.type === 'element').map((c) => (c as Element).tagName))).toEqual([['p'], ['h2', 'p', 'div'], ['h2', 'p']]);
  });

  it('wraps each h3 and what follows it into a subsection with its own placeholder', () => {
    const tree: Root = { type: 'root', children: [el('h2', 'A'), el('p', 'a'), el('h3', 'a.1'), el('p', 'x'.repeat(PHONE.unitsPerLine * 20)), el('h3', 'a.2'), el('p', 'y'), el('h2', 'B'), el('h3', 'b.1'), el('p', 'b')] };
    wrapSections(tree);
    const [a, b] = tree.children as [Element, Element];
    const kids = (e: Element) => e.children.filter((c) => c.type === 'element') as Element[];
    expect(kids(a).map((c) => c.tagName)).toEqual(['h2', 'p', 'div', 'div']);
    const subs = kids(a).slice(2) as [Element, Element];
    expect(subs.every((s) => (s.properties.className as string[])[0] === SUBSECTION_CLASS)).toBe(true);
    expect(subs.map((s) => kids(s).map((c) => c.tagName))).toEqual([['h3', 'p'], ['h3', 'p']]);
    const px = (e: Element) => Number(/auto (\d+)px/.exec(String(e.properties.style))![1]);
    expect(px(subs[0])).toBe(subsectionPlaceholderHeight(subs[0].children as Root['children']));
    expect(px(subs[0])).toBeGreaterThanOrEqual(estimateHeight(el('h3', 'a.1')) + estimateHeight(el('p', 'x'.repeat(PHONE.unitsPerLine * 20))));
    expect(px(subs[1]) % 100).toBe(0);
    // The section's placeholder still covers all of it.
    expect(px(a)).toBeGreaterThanOrEqual(px(subs[0]) + px(subs[1]) - 200);
    // A section whose h2 is followed at once by an h3 keeps its h2 outside the subsection.
    expect(kids(b).map((c) => c.tagName)).toEqual(['h2', 'div']);
  });

  it('does not open an empty first section when the body starts with a heading', () => {
    const tree: Root = { type: 'root', children: [{ type: 'text', value: '\n' }, el('h2', 'A'), el('p', 'a'), el('h2', 'B')] };
    wrapSections(tree);
    expect(tree.children).toHaveLength(2);
    expect(((tree.children[0] as Element).children[1] as Element).tagName).toBe('h2');
  });

  it('leaves a body without headings alone', () => {
    const tree: Root = { type: 'root', children: [el('p', 'only')] };
    wrapSections(tree);
    expect((tree.children[0] as Element).tagName).toBe('p');
  });
});

describe('placeholder heights', () => {
  const p = (text: string): Element => el('p', text);
  it('wraps a paragraph into phone lines, a CJK character taking two units', () => {
    const latin = 'x'.repeat(PHONE.unitsPerLine * 10);
    const cjk = '字'.repeat(PHONE.unitsPerLine * 5);
    expect(estimateHeight(p(latin))).toBe(10 * PHONE.linePx + PHONE.blockPx);
    expect(estimateHeight(p(cjk))).toBe(estimateHeight(p(latin)));
  });

  it('counts widgets, display formulas, code lines and table rows', () => {
    const widget = { type: 'mdxJsxFlowElement', name: 'OverfitLab', attributes: [], children: [] } as unknown as Element;
    const display = { type: 'mdxJsxTextElement', name: 'KatexHtml', attributes: [{ type: 'mdxJsxAttribute', name: 'className', value: 'katex-display' }], children: [] } as unknown as Element;
    expect(estimateHeight(widget)).toBe(PHONE.widgetPx);
    expect(estimateHeight({ ...p(''), children: [display as unknown as Element] })).toBe(PHONE.blockPx + PHONE.displayMathPx);
    const pre: Element = { type: 'element', tagName: 'pre', properties: {}, children: [{ type: 'text', value: 'a\nb\nc' }] };
    expect(estimateHeight(pre)).toBe(3 * PHONE.codeLinePx + 4 * PHONE.blockPx);
    const tr = (): Element => ({ type: 'element', tagName: 'tr', properties: {}, children: [el('td', 'x')] });
    const table: Element = { type: 'element', tagName: 'table', properties: {}, children: [tr(), tr()] };
    expect(estimateHeight(table)).toBe(2 * PHONE.tableRowPx + 2 * PHONE.blockPx);
  });

  it('gives every section after the intro a placeholder above its estimate, in hundreds of px', () => {
    const tree: Root = { type: 'root', children: [p('intro'), el('h2', 'A'), p('x'.repeat(PHONE.unitsPerLine * 40))] };
    wrapSections(tree);
    const second = tree.children[1] as Element;
    const estimate = estimateHeight(el('h2', 'A')) + estimateHeight(p('x'.repeat(PHONE.unitsPerLine * 40)));
    const px = Number(/auto (\d+)px/.exec(String(second.properties.style))![1]);
    expect(px % 100).toBe(0);
    expect(px).toBeGreaterThanOrEqual(estimate);
    expect(px).toBe(placeholderHeight(second.children as Root['children']));
  });
});
