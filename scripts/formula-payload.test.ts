import { describe, expect, it } from 'vitest';
import { parseRows, serialiseRows, stripClientProp, stripPage } from './formula-payload.mjs';

const KATEX = '<span class="katex-mathml"><math><mi>θ</mi></math></span><span class="katex-html">…</span>';
const LONG = `${KATEX}${'x'.repeat(40)}`;
const bytes = (s: string) => Buffer.byteLength(s);

/** A Flight stream like the one Next.js inlines: an import row, a tree with two formulas, their text rows. */
const STREAM = [
  '1:I[123,["chunk.js"],"KatexHtml"]\n',
  '2:I[456,["chunk.js"],"CopyLink"]\n',
  ':HL["/_next/static/chunks/a.css","style"]\n',
  `3:T${bytes(LONG).toString(16)},${LONG}`,
  `4:["$","p",null,{"children":["a ",["$","$L1",null,{"className":"katex","html":"$3","formulaKey":"k1"}]," b ",["$","$L1",null,{"className":"katex","html":"<span class=\\"katex-mathml\\">short</span>","formulaKey":"k2"}],["$","$L2",null,{"html":"$5"}]]}]\n`,
  `5:T${bytes('not a formula').toString(16)},not a formula`,
  '6:["$","div",null,{"children":"$4"}]\n',
].join('');

describe('the formulas left out of the inline payload', () => {
  it('reads and writes Flight rows byte for byte, text rows measured in UTF-8 bytes', () => {
    const buf = Buffer.from(STREAM, 'utf8');
    const rows = parseRows(buf);
    expect(rows.map((r: { id: string; kind: string }) => `${r.id}${r.kind}`)).toEqual(['1J', '2J', 'J', '3T', '4J', '5T', '6J']);
    expect(Buffer.from(rows[3]!.body).toString('utf8')).toBe(LONG);
    expect(serialiseRows(rows).equals(buf)).toBe(true);
  });

  it('drops KatexHtml’s html prop and the text rows only it referenced; other components and rows stay', () => {
    const { stream, elements, rowsDropped } = stripClientProp(Buffer.from(STREAM, 'utf8'));
    const text = stream.toString('utf8');
    expect(elements).toBe(2);
    expect(rowsDropped).toBe(1);
    expect(text).not.toContain('katex-mathml');
    expect(text).toContain('"className":"katex","formulaKey":"k1"');
    expect(text).toContain('["$","$L2",null,{"html":"$5"}]');
    expect(text).toContain('5:Td,not a formula');
    expect(text).toContain('6:["$","div",null,{"children":"$4"}]\n');
    // What is left is still a stream of whole rows.
    expect(parseRows(stream).map((r: { id: string }) => r.id)).toEqual(['1', '2', '', '4', '5', '6']);
  });

  it('keeps a text row that something else still points at', () => {
    const shared = STREAM.replace('"children":"$4"', '"children":["$4","$3"]');
    const { stream, rowsDropped } = stripClientProp(Buffer.from(shared, 'utf8'));
    expect(rowsDropped).toBe(0);
    expect(stream.toString('utf8')).toContain(`3:T${bytes(LONG).toString(16)},${LONG}`);
  });

  it('rewrites a page: one payload chunk where the last was, escaped as Next.js escapes it, the rest untouched', () => {
    const a = STREAM.slice(0, 150);
    const b = STREAM.slice(150);
    const push = (entry: unknown) =>
      `<script>self.__next_f.push(${JSON.stringify(entry).replace(/</g, '\\u003c').replace(/>/g, '\\u003e')})</script>`;
    const html = `<html><body><span class="katex">${KATEX}</span>${push([0])}<p>x</p>${push([1, a])}<div>y</div>${push([1, b])}</body></html>`;
    const result = stripPage(html) as { html: string; elements: number };
    expect(result.elements).toBe(2);
    expect(result.html).toContain(`<span class="katex">${KATEX}</span>`);
    expect(result.html).toContain(`${push([0])}<p>x</p><div>y</div><script>self.__next_f.push([1,`);
    const entries = [...result.html.matchAll(/self\.__next_f\.push\((.*?)\)<\/script>/g)].map((m) => JSON.parse(m[1]!));
    expect(entries).toHaveLength(2);
    expect(entries[1][1]).toBe(stripClientProp(Buffer.from(STREAM, 'utf8')).stream.toString('utf8'));
    expect(result.html).not.toMatch(/push\([^)]*<span/);
  });

  it('leaves a page whose payload has binary chunks as it was built, and says so', () => {
    const html = `<script>self.__next_f.push(${JSON.stringify([1, STREAM])})</script><script>self.__next_f.push([3,"AAEC"])</script>`;
    expect(stripPage(html)).toEqual({ skipped: 'a payload entry other than text' });
  });

  it('leaves a page with no formula alone', () => {
    expect(stripPage('<html><script>self.__next_f.push([1,"1:[\\"$\\",\\"p\\",null,{}]\\n"])</script></html>')).toBeNull();
  });
});
