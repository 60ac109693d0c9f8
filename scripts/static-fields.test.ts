import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { STATIC_MARK, buildStaticFields, staticFields } from './static-fields.mjs';

const ISLAND = [
  '<div class="island"><section class="widget">',
  '<div class="control"><label for="w-p">Prediction p</label>',
  '<input id="w-p" class="input-number M_box" inputMode="decimal" autoComplete="off" spellCheck="false" aria-describedby="w-p-hint" name="p" value="0.9"/>',
  '<output class="control-value" for="w-p">0.9</output></div>',
  '<div class="control"><label for="w-mode">Mode</label><select id="w-mode"><option value="train">Training</option><option value="infer" selected="">Inference &amp; serving</option></select></div>',
  '<input type="text" class="input-number" aria-label="Name of idea 1" maxLength="60" value="A &lt;b&gt; &quot;idea&quot;"/>',
  '<input type="range" min="0" max="1" step="0.01" value="0.5"/>',
  '<label class="chip"><input type="radio" name="r" checked=""/>One</label>',
  '<input type="checkbox"/>',
  '<textarea id="w-notes">\nline one\nline two</textarea>',
  '<input class="input-number" placeholder="e.g. 12" value=""/>',
  '</section></div>',
].join('');

const PAGE = `<!DOCTYPE html><html><head></head><body><header><input type="text" role="combobox" aria-label="Search" value=""/></header><main>${ISLAND}</main></body></html>`;

/** A parsed node, as much of it as the checks read. */
type Node = { nodeName: string; tagName?: string; value?: string; attrs: { name: string; value: string }[]; childNodes?: Node[] };

/** The elements of a page, parsed back, to read what a browser will see. */
function elements(html: string) {
  const out: Node[] = [];
  const walk = (n: Node) => {
    for (const c of n.childNodes ?? []) {
      if (!c.tagName) continue;
      out.push(c);
      walk(c);
    }
  };
  walk(parse(html) as unknown as Node);
  return out;
}
const attr = (el: Node | undefined, name: string) => el?.attrs.find((a) => a.name === name)?.value;
const text = (el: Node): string => (el.nodeName === '#text' ? (el.value ?? '') : (el.childNodes ?? []).map(text).join(''));

describe('a widget’s text fields and menus before its code loads', () => {
  const { html, replaced } = staticFields(PAGE);
  const els = elements(html);
  const boxes = els.filter((e) => attr(e, STATIC_MARK));
  const box = (i: number) => {
    const b = boxes[i];
    if (!b) throw new Error(`no box ${i}`);
    return b;
  };

  it('replaces every text field, menu and text area inside an island, and nothing else', () => {
    expect(replaced).toBe(5);
    expect(boxes.map((b) => attr(b, STATIC_MARK))).toEqual(['input', 'select', 'input', 'textarea', 'input']);
    // No text-like control is left in the island; sliders, radios and checkboxes (which Chromium leaves alone) stay.
    const island = html.slice(html.indexOf('<div class="island">'), html.indexOf('</main>'));
    const inside = elements(island).filter((e) => e.tagName === 'input' || e.tagName === 'select' || e.tagName === 'textarea');
    expect(inside.map((e) => attr(e, 'type'))).toEqual(['range', 'radio', 'checkbox']);
    // The shell's search box is outside any island and stays a field.
    expect(html).toContain('<header><input type="text" role="combobox" aria-label="Search" value=""/></header>');
  });

  it('keeps the control’s id, classes, description and value, as a read-only text box', () => {
    const p = box(0);
    expect(p.tagName).toBe('span');
    expect(attr(p, 'id')).toBe('w-p');
    expect(attr(p, 'class')).toBe('static-field input-number M_box');
    expect(attr(p, 'aria-describedby')).toBe('w-p-hint');
    expect(attr(p, 'role')).toBe('textbox');
    expect(attr(p, 'aria-readonly')).toBe('true');
    expect(text(p)).toBe('0.9');
    for (const gone of ['name', 'value', 'inputmode', 'autocomplete', 'spellcheck', 'maxlength']) expect(attr(p, gone)).toBeUndefined();
    // Escaped text stays escaped: the value is text, not markup.
    expect(text(box(2))).toBe('A <b> "idea"');
    expect(attr(box(2), 'aria-label')).toBe('Name of idea 1');
  });

  it('turns a label’s for into the box’s name, since for must point at a form control', () => {
    const labels = els.filter((e) => e.tagName === 'label');
    expect(labels.map((l) => attr(l, 'for'))).toEqual([undefined, undefined, undefined]);
    expect(attr(labels[0], 'id')).toBe('w-p-label');
    expect(attr(box(0), 'aria-labelledby')).toBe('w-p-label');
    expect(attr(box(1), 'aria-labelledby')).toBe('w-mode-label');
    // An <output for> may point at any element: it still points at the box.
    expect(attr(els.find((e) => e.tagName === 'output'), 'for')).toBe('w-p');
    // A box with its own aria-label keeps it and gets no labelledby.
    expect(attr(box(2), 'aria-labelledby')).toBeUndefined();
  });

  it('shows a menu’s chosen option, with the others in the same cell, hidden from assistive technology and search', () => {
    const options = (box(1).childNodes ?? []).filter((c) => c.tagName);
    expect(options.map(text)).toEqual(['Training', 'Inference & serving']);
    expect(options.map((o) => attr(o, 'aria-hidden'))).toEqual(['true', undefined]);
    expect(attr(options[0], 'data-pagefind-ignore')).toBe('');
  });

  it('keeps a text area’s lines, and a placeholder where the value is empty', () => {
    expect(text(box(3))).toBe('line one\nline two');
    expect(attr(box(3), 'aria-multiline')).toBe('true');
    expect(text(box(4))).toBe('');
    expect(attr(box(4), 'data-placeholder')).toBe('e.g. 12');
  });

  it('is idempotent, and leaves a page without islands byte for byte', () => {
    expect(staticFields(html)).toEqual({ html, replaced: 0 });
    const plain = '<!DOCTYPE html><html><body><label for="q">Q</label><input id="q" value="1"/></body></html>';
    expect(staticFields(plain)).toEqual({ html: plain, replaced: 0 });
  });

  it('rewrites the pages of an export and says how many fields it replaced', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'static-fields-'));
    fs.mkdirSync(path.join(dir, 'en', 'ch'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'en', 'ch', 'index.html'), PAGE);
    fs.writeFileSync(path.join(dir, 'index.html'), '<!DOCTYPE html><html><body>cover</body></html>');
    expect(buildStaticFields({ dir })).toMatch(/^5 text fields and menus in 1 pages/);
    expect(fs.readFileSync(path.join(dir, 'en', 'ch', 'index.html'), 'utf8')).toBe(html);
    fs.rmSync(dir, { recursive: true });
  });
});
