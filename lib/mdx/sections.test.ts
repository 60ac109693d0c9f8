import type { Element, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { SECTION_CLASS, wrapSections } from './sections';

const el = (tagName: string, text = ''): Element => ({ type: 'element', tagName, properties: {}, children: text ? [{ type: 'text', value: text }] : [] });

describe('wrapSections', () => {
  it('splits at each h2, keeping the intro as its own section and the order of everything', () => {
    const tree: Root = { type: 'root', children: [el('p', 'intro'), { type: 'text', value: '\n' }, el('h2', 'A'), el('p', 'a'), el('h3', 'a.1'), el('h2', 'B'), el('p', 'b')] };
    wrapSections(tree);
    expect(tree.children).toHaveLength(3);
    const sections = tree.children as Element[];
    expect(sections.every((s) => s.tagName === 'section' && (s.properties.className as string[])[0] === SECTION_CLASS)).toBe(true);
    expect(sections.map((s) => s.children.filter((c) => c.type === 'element').map((c) => (c as Element).tagName))).toEqual([['p'], ['h2', 'p', 'h3'], ['h2', 'p']]);
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
