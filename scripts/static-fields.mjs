// A widget's text fields and menus, as its server HTML shows them before its code loads, become look-alike boxes that
// are not form controls. An island (components/widgets/Island.tsx) keeps its server HTML untouched until it comes near
// the viewport and then renders the live widget in its place, so nothing here reaches React.
//
// Why: a chapter draws its sections only when they near the viewport (content-visibility: auto, app/globals.css), but a
// text field or a <select> anywhere in a skipped section made Chromium style and lay out that section's subsection
// anyway, just after the page had loaded. Radios, checkboxes, sliders and buttons do not; `disabled`, `readonly`,
// `hidden`, `autocomplete="off"` or a wrapper of their own do not help (a test page: 2,000 skipped spans and one
// `<input>`: 2,010 elements styled; without it, 7). On Chapter 3 in Chinese that was one task of 390–470 ms at 4× CPU
// throttle after the first paint (1,800 elements styled, 2,700 laid out, for three widgets screens below); with the
// boxes, the page's longest task is 110–130 ms, and its Lighthouse performance went 91 → 99 (TBT 360 → 81 ms, medians of
// three runs, 2026-12-07).
//
// What a reader sees does not change: the box carries the control's classes (so its size, font and border), its value
// (a menu: its chosen option, with the others laid in the same cell, invisible, so it is as wide as the menu), its id
// (an <output for> still points at it) and its accessible name and description: a <label for> pointing at it becomes
// its aria-labelledby, and the box is a read-only text box to assistive technology until the widget is live. Without
// JavaScript the widget's controls never worked; now they say so.
import fs from 'node:fs';
import { parse } from 'parse5';
import { htmlPages } from './html-pages.mjs';

export const STATIC_MARK = 'data-static-field';

/** Input types Chromium treats as text fields (what the widgets use: none, text, number; the others for safety). */
const TEXT_TYPES = new Set(['', 'text', 'number', 'search', 'email', 'url', 'tel', 'password']);

/** Attributes a look-alike box keeps: what styles it, names it, describes it or is pointed at. */
const KEPT = (name) => name === 'id' || name === 'class' || name === 'title' || name === 'dir' || name === 'lang' || name.startsWith('aria-') || name.startsWith('data-');

const escapeText = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const attr = (node, name) => node.attrs.find((a) => a.name === name)?.value;
const classes = (node) => (attr(node, 'class') ?? '').split(/\s+/).filter(Boolean);

function textOf(node) {
  if (node.nodeName === '#text') return node.value;
  return (node.childNodes ?? []).map(textOf).join('');
}

function* elements(node) {
  for (const child of node.childNodes ?? []) {
    if (!child.tagName) continue;
    yield child;
    yield* elements(child.tagName === 'template' ? child.content : child);
  }
}

/** The form controls a browser styles inside skipped content: text-like inputs, menus, text areas. */
function isField(node) {
  if (node.tagName === 'select' || node.tagName === 'textarea') return true;
  return node.tagName === 'input' && TEXT_TYPES.has((attr(node, 'type') ?? '').toLowerCase());
}

function boxFor(node, labelledBy) {
  const kind = node.tagName === 'input' ? 'input' : node.tagName;
  const kept = node.attrs.filter((a) => KEPT(a.name) && a.name !== STATIC_MARK);
  const out = [...kept.map((a) => [a.name, a.value])];
  const cls = ['static-field', ...classes(node)].join(' ');
  const set = (name, value) => {
    const i = out.findIndex(([n]) => n === name);
    if (i >= 0) out[i] = [name, value];
    else out.push([name, value]);
  };
  set('class', cls);
  set(STATIC_MARK, kind);
  set('role', 'textbox');
  set('aria-readonly', 'true');
  if (kind === 'textarea') set('aria-multiline', 'true');
  if (node.attrs.some((a) => a.name === 'disabled')) set('aria-disabled', 'true');
  if (labelledBy && !out.some(([n]) => n === 'aria-label' || n === 'aria-labelledby')) set('aria-labelledby', labelledBy);
  let inner;
  if (kind === 'select') {
    const options = [...elements(node)].filter((e) => e.tagName === 'option');
    const chosen = options.find((o) => o.attrs.some((a) => a.name === 'selected')) ?? options[0];
    // Every option in one grid cell: the box is as wide as the widest, as the menu is; only the chosen one is visible.
    inner = options
      .map((o) => {
        const label = escapeText(attr(o, 'label') ?? textOf(o));
        return o === chosen ? `<span class="static-option">${label}</span>` : `<span class="static-option" aria-hidden="true" data-pagefind-ignore="">${label}</span>`;
      })
      .join('');
  } else if (kind === 'textarea') {
    inner = escapeText(textOf(node).replace(/^\n/, ''));
  } else {
    const value = attr(node, 'value') ?? '';
    if (!value && attr(node, 'placeholder')) set('data-placeholder', attr(node, 'placeholder'));
    inner = escapeText(value);
  }
  return `<span ${out.map(([n, v]) => `${n}="${escapeAttr(v)}"`).join(' ')}>${inner}</span>`;
}

/**
 * Replaces the text fields, menus and text areas inside every island of `html` by look-alike boxes, and turns each
 * `<label for>` that pointed at one into the box's aria-labelledby. Returns the page and how many it replaced.
 */
export function staticFields(html) {
  if (!html.includes('island')) return { html, replaced: 0 };
  const doc = parse(html, { sourceCodeLocationInfo: true });
  const fields = [];
  for (const el of elements(doc)) {
    if (!classes(el).includes('island')) continue;
    for (const inner of elements(el)) if (isField(inner) && !fields.includes(inner)) fields.push(inner);
  }
  if (!fields.length) return { html, replaced: 0 };
  const ids = new Map(fields.filter((f) => attr(f, 'id')).map((f) => [attr(f, 'id'), f]));
  const edits = [];
  const labelOf = new Map();
  for (const el of elements(doc)) {
    if (el.tagName !== 'label') continue;
    const target = attr(el, 'for');
    if (target && ids.has(target)) {
      // The label stays a label (its styles hold) but names the box through an id, as `for` needs a form control.
      const loc = el.sourceCodeLocation.attrs.for;
      const own = attr(el, 'id');
      const id = own ?? `${target}-label`;
      edits.push({ start: loc.startOffset, end: loc.endOffset, text: own ? `data-for="${escapeAttr(target)}"` : `id="${escapeAttr(id)}"` });
      labelOf.set(ids.get(target), id);
    } else if (!target) {
      // A label around its control names it by its whole text; the box keeps that name through the label's id.
      const inside = fields.find((f) => [...elements(el)].includes(f));
      if (inside && !attr(el, 'id')) {
        const id = `${attr(inside, 'id') ?? `static-field-${fields.indexOf(inside)}`}-label`;
        const loc = el.sourceCodeLocation.startTag;
        edits.push({ start: loc.startOffset + '<label'.length, end: loc.startOffset + '<label'.length, text: ` id="${escapeAttr(id)}"` });
        labelOf.set(inside, id);
      } else if (inside) labelOf.set(inside, attr(el, 'id'));
    }
  }
  for (const field of fields) {
    const loc = field.sourceCodeLocation;
    edits.push({ start: loc.startOffset, end: loc.endOffset, text: boxFor(field, labelOf.get(field)) });
  }
  edits.sort((a, b) => b.start - a.start);
  let out = html;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return { html: out, replaced: fields.length };
}

export function buildStaticFields({ dir }) {
  const pages = htmlPages(dir);
  let fields = 0;
  let touched = 0;
  for (const file of pages) {
    const { html, replaced } = staticFields(fs.readFileSync(file, 'utf8'));
    if (!replaced) continue;
    fs.writeFileSync(file, html);
    fields += replaced;
    touched++;
  }
  return `${fields} text fields and menus in ${touched} pages' widgets are look-alike boxes until their widget loads`;
}
