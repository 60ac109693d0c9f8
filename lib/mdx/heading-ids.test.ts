import { describe, expect, it } from 'vitest';
import { compile } from '@mdx-js/mdx';
import { VFile } from 'vfile';
import { escapeHeadingIds, remarkHeadingIds } from './heading-ids';
import { remarkMermaid } from './mermaid';

async function outlineOf(src: string) {
  const file = new VFile({ value: escapeHeadingIds(src) });
  const out = await compile(file, { remarkPlugins: [remarkHeadingIds, remarkMermaid] });
  return { outline: file.data.outline, code: String(out) };
}

describe('heading ids', () => {
  it('takes the id from {#id} and strips it from the text', async () => {
    const { outline, code } = await outlineOf('## 为什么说“大”？ {#why-large}\n\ntext\n\n### Sub *part* {#sub}\n');
    expect(outline).toEqual([
      { depth: 2, id: 'why-large', text: '为什么说“大”？' },
      { depth: 3, id: 'sub', text: 'Sub part' },
    ]);
    expect(code).toContain('"why-large"');
    expect(code).not.toContain('{#why-large}');
  });

  it('leaves fenced code alone', () => {
    const src = '```python\n# comment {#x}\n```\n## Title {#t}';
    expect(escapeHeadingIds(src)).toBe('```python\n# comment {#x}\n```\n## Title \\{#t\\}');
  });

  it('fails a heading without an id, naming it', async () => {
    await expect(outlineOf('## No id here\n')).rejects.toThrow(/Heading "No id here" has no explicit id/);
  });

  it('fails a repeated id', async () => {
    await expect(outlineOf('## A {#a}\n\n## B {#a}\n')).rejects.toThrow(/used twice/);
  });
});

describe('mermaid blocks', () => {
  it('become <Mermaid chart> elements, not code', async () => {
    const { code } = await outlineOf('```mermaid\nflowchart LR\n  A-->B\n```\n');
    expect(code).toContain('Mermaid');
    expect(code).toContain('flowchart LR');
    expect(code).not.toContain('language-mermaid');
  });
});
