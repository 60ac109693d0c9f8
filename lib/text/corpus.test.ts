import { describe, expect, it } from 'vitest';
import { buildVocab, decode, encode, mdxToProse, UNKNOWN_CHAR } from './corpus';

const mdx = `---
title: "A chapter"
---
import X from './x';

## Attention {#attention}

The **weights** of [a row](#rows) sum to *one*: $\\sum_j a_{ij} = 1$, and <Calc fn="product" args={[2, 3]} /> is six.

\`\`\`ts
const code = 'left out';
\`\`\`

<AttentionExplorer
  preset="cat"
/>

| a | b |
|---|---|
| 1 | 2 |

$$
x = y
$$

- A list item with \`code\` in it.

注意力的权重 ，加起来等于一 。
`;

describe('mdxToProse', () => {
  const prose = mdxToProse(mdx);
  it('keeps the prose, one paragraph a line, without marks', () => {
    expect(prose.split('\n')).toEqual(['Attention', 'The weights of a row sum to one: , and is six.', 'A list item with code in it.', '注意力的权重，加起来等于一。']);
  });
  it('leaves out front matter, imports, code, widgets, tables and math', () => {
    for (const gone of ['title', 'import', 'left out', 'AttentionExplorer', 'preset', '|', 'x = y', '{#', '\\sum']) expect(prose).not.toContain(gone);
  });
});

describe('the vocabulary', () => {
  it('ranks characters by frequency, ties by code point, after the unknown mark', () => {
    const v = buildVocab('abacab', 10);
    expect(v.chars).toEqual([UNKNOWN_CHAR, 'a', 'b', 'c']);
    expect(v.unknownShare).toBe(0);
  });
  it('caps the size and counts what it left out', () => {
    const v = buildVocab('aaabbc', 3);
    expect(v.chars).toEqual([UNKNOWN_CHAR, 'a', 'b']);
    expect(v.unknownShare).toBeCloseTo(1 / 6, 12);
    expect([...encode(v, 'cab')]).toEqual([0, 1, 2]);
    expect(decode(v, encode(v, 'cab'))).toBe(`${UNKNOWN_CHAR}ab`);
  });
  it('treats a character outside the BMP as one', () => {
    const v = buildVocab('𝑥𝑥a', 5);
    expect(v.chars[1]).toBe('𝑥');
    expect(encode(v, '𝑥a').length).toBe(2);
  });
  it('refuses a size below 2', () => expect(() => buildVocab('a', 1)).toThrow(RangeError));
});
