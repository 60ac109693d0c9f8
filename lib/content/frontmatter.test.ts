import { describe, expect, it } from 'vitest';
import { parseFrontmatter } from './frontmatter';
import { CHAPTERS, neighbours } from './chapters';

const good = { title: 'T', summary: 'A summary long enough.', part: 'foundations', order: 1, sources: ['000 §1'], updated: '2026-11-23' };

describe('frontmatter', () => {
  it('accepts a good chapter', () => {
    expect(parseFrontmatter(good, 'x.mdx').title).toBe('T');
  });
  it('names the file and the bad field', () => {
    expect(() => parseFrontmatter({ ...good, part: 'nope' }, 'content/en/x.mdx')).toThrow(/content\/en\/x\.mdx[\s\S]*part/);
    expect(() => parseFrontmatter({ ...good, extra: 1 }, 'f.mdx')).toThrow(/f\.mdx/);
    expect(() => parseFrontmatter({ ...good, updated: 'yesterday' }, 'f.mdx')).toThrow(/updated/);
  });
  it('turns a YAML date into an ISO day', () => {
    expect(parseFrontmatter({ ...good, updated: new Date('2026-11-23') }, 'f').updated).toBe('2026-11-23');
  });
});

describe('chapter registry', () => {
  it('lists 13 chapters and 4 appendices with unique slugs', () => {
    expect(CHAPTERS.filter((c) => c.label.kind === 'chapter')).toHaveLength(13);
    expect(CHAPTERS.filter((c) => c.label.kind === 'appendix')).toHaveLength(4);
    expect(new Set(CHAPTERS.map((c) => c.slug)).size).toBe(CHAPTERS.length);
  });
  it('finds neighbours among written chapters only', () => {
    const w = new Set(['large-models', 'deployment', 'errata']);
    expect(neighbours('deployment', w).prev?.slug).toBe('large-models');
    expect(neighbours('deployment', w).next?.slug).toBe('errata');
    expect(neighbours('large-models', w).prev).toBeUndefined();
  });
});
