// Takes the formulas' markup out of each page's inline React payload, where it is a second copy of what the HTML
// already holds. A page of the static export carries its React Server Components payload twice: inline, as
// `self.__next_f.push([1, "…"])` scripts that hydrate the page a reader opens, and as `index.txt`, fetched for
// client-side navigation. Every `<KatexHtml html="…">` (components/mdx/KatexHtml.tsx) put KaTeX's markup into both:
// 1.0 of Chapter 3's 2.5 MB of HTML, which the browser downloads, parses as script and hands to React.
//
// Here, in the HTML only: each KatexHtml element loses its `html` prop (hydration keeps the server's markup, which React
// never compares) and each text row (`id:T<hex length>,…`) no longer referenced is dropped. The `.txt` payloads keep
// the markup, so a chapter reached by client-side navigation draws its formulas as before.
//
// Flight's row format (react-server-dom-webpack): `<hex id>:<JSON>\n`, or `<hex id>:<tag><JSON>\n` for imports (I),
// hints (`:HL[…]`, with no id) and the like, or `<hex id>:T<hex byte length>,<text>` with no newline. A reference to row 3e is the
// string "$3e"; a client component is an element whose type is "$L<id of its I row>".
import fs from 'node:fs';
import path from 'node:path';
import { htmlPages } from './html-pages.mjs';

const PUSH = /<script>self\.__next_f\.push\((\[[\s\S]*?\])\)<\/script>/g;

/** Splits a Flight stream (UTF-8 bytes) into rows: { id, kind: 'T' | 'J', body } with the body as bytes. */
export function parseRows(bytes) {
  const rows = [];
  let i = 0;
  while (i < bytes.length) {
    const colon = bytes.indexOf(0x3a, i);
    if (colon < 0) throw new Error(`flight: no row id at byte ${i}`);
    const id = Buffer.from(bytes.subarray(i, colon)).toString('latin1');
    if (!/^[0-9a-f]*$/.test(id)) throw new Error(`flight: bad row id "${id.slice(0, 20)}" at byte ${i}`);
    if (bytes[colon + 1] === 0x54 /* T */) {
      const comma = bytes.indexOf(0x2c, colon);
      const length = parseInt(Buffer.from(bytes.subarray(colon + 2, comma)).toString('latin1'), 16);
      if (!Number.isFinite(length) || comma + 1 + length > bytes.length) throw new Error(`flight: bad text row ${id}`);
      rows.push({ id, kind: 'T', body: bytes.subarray(comma + 1, comma + 1 + length) });
      i = comma + 1 + length;
    } else {
      const nl = bytes.indexOf(0x0a, colon);
      if (nl < 0) throw new Error(`flight: row ${id} does not end`);
      rows.push({ id, kind: 'J', body: bytes.subarray(colon + 1, nl) });
      i = nl + 1;
    }
  }
  return rows;
}

export function serialiseRows(rows) {
  const parts = [];
  for (const { id, kind, body } of rows) {
    if (kind === 'T') parts.push(Buffer.from(`${id}:T${body.length.toString(16)},`, 'latin1'), body);
    else parts.push(Buffer.from(`${id}:`, 'latin1'), body, Buffer.from('\n', 'latin1'));
  }
  return Buffer.concat(parts);
}

/** Visits every element of a decoded row whose type is one of `types`, with its props object. */
function eachElement(value, types, visit) {
  if (Array.isArray(value)) {
    if (value[0] === '$' && typeof value[1] === 'string' && types.has(value[1]) && value[3] && typeof value[3] === 'object') visit(value[3]);
    for (const v of value) eachElement(v, types, visit);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) eachElement(v, types, visit);
  }
}

/**
 * Removes the `html` prop of every element of the client component `exportName` from a Flight stream, and the text rows
 * only those props referenced. Returns the new stream and what it did.
 */
export function stripClientProp(stream, exportName = 'KatexHtml', prop = 'html') {
  const rows = parseRows(stream);
  const types = new Set(
    rows
      .filter((r) => r.kind === 'J' && r.body[0] === 0x49 /* I */)
      .filter((r) => {
        const spec = JSON.parse(Buffer.from(r.body.subarray(1)).toString('utf8'));
        return Array.isArray(spec) && spec[2] === exportName;
      })
      .map((r) => `$L${r.id}`),
  );
  let elements = 0;
  const dropped = new Set();
  if (types.size) {
    for (const row of rows) {
      if (row.kind !== 'J' || (row.body[0] !== 0x5b && row.body[0] !== 0x7b)) continue; // only JSON arrays and objects
      const text = Buffer.from(row.body).toString('utf8');
      if (![...types].some((t) => text.includes(`"${t}"`))) continue;
      const value = JSON.parse(text);
      let changed = false;
      eachElement(value, types, (props) => {
        elements += 1;
        const v = props[prop];
        if (typeof v !== 'string') return;
        if (/^\$[0-9a-f]+$/.test(v)) dropped.add(v.slice(1));
        delete props[prop];
        changed = true;
      });
      if (changed) row.body = Buffer.from(JSON.stringify(value), 'utf8');
    }
  }
  // A text row goes only when nothing else still points at it.
  const stillReferenced = new Set();
  for (const row of rows) {
    if (row.kind !== 'J') continue;
    const text = Buffer.from(row.body).toString('utf8');
    for (const m of text.matchAll(/"\$([0-9a-f]+)"/g)) if (dropped.has(m[1])) stillReferenced.add(m[1]);
  }
  const before = stream.length;
  const kept = rows.filter((r) => !(r.kind === 'T' && dropped.has(r.id) && !stillReferenced.has(r.id)));
  const out = serialiseRows(kept);
  return { stream: out, elements, rowsDropped: rows.length - kept.length, bytesSaved: before - out.length };
}

/** The escaping Next.js applies to a payload chunk inside an inline script (htmlEscapeJsonString). */
const escapeForScript = (json) =>
  json.replace(/[&><\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * Rewrites one page: the payload chunks (`[1, "…"]`) are joined, stripped, and written back as one chunk where the
 * last one was; the bootstrap stays where it was. Returns null when the page has no formula, and { skipped } when its
 * payload holds binary chunks, which this rewrite would reorder.
 */
export function stripPage(html) {
  const scripts = [...html.matchAll(PUSH)].map((m) => ({ m, entry: JSON.parse(m[1]) }));
  const chunks = scripts.filter((s) => s.entry[0] === 1 && typeof s.entry[1] === 'string');
  if (!chunks.length) return null;
  // Binary chunks ([3, base64]) interleave with the text ones; joining the text alone would reorder the stream.
  if (scripts.some((s) => s.entry[0] !== 0 && s.entry[0] !== 1)) return { skipped: 'a payload entry other than text' };
  const stream = Buffer.from(chunks.map((c) => c.entry[1]).join(''), 'utf8');
  const result = stripClientProp(stream);
  if (!result.elements) return null;
  const last = chunks[chunks.length - 1].m;
  const drop = new Set(chunks.map((c) => c.m.index));
  const script = `<script>self.__next_f.push(${escapeForScript(JSON.stringify([1, result.stream.toString('utf8')]))})</script>`;
  let out = '';
  let pos = 0;
  for (const { m } of scripts) {
    if (!drop.has(m.index)) continue;
    out += html.slice(pos, m.index);
    if (m === last) out += script;
    pos = m.index + m[0].length;
  }
  out += html.slice(pos);
  return { html: out, ...result };
}

/** The postbuild step: every HTML page of the export. */
export function stripFormulaPayload({ dir }) {
  const pages = htmlPages(dir);
  let changed = 0;
  let formulas = 0;
  let saved = 0;
  let before = 0;
  const skipped = [];
  for (const file of pages) {
    const html = fs.readFileSync(file, 'utf8');
    const result = stripPage(html);
    if (!result) continue;
    if (result.skipped) {
      skipped.push(`${path.relative(dir, file)} (${result.skipped})`);
      continue;
    }
    // What the reader's browser must still find: the formulas' markup in the DOM, none of it in the payload.
    const payload = [...result.html.matchAll(PUSH)].map((m) => m[1]).join('');
    if (payload.includes('katex-mathml')) throw new Error(`${path.relative(dir, file)}: KaTeX markup left in the inline payload`);
    if (!result.html.includes('<span class="katex-mathml">')) throw new Error(`${path.relative(dir, file)}: the formulas' markup is gone from the HTML`);
    fs.writeFileSync(file, result.html);
    changed += 1;
    formulas += result.elements;
    saved += Buffer.byteLength(html) - Buffer.byteLength(result.html);
    before += Buffer.byteLength(html);
  }
  const left = skipped.length ? `; left as built: ${skipped.join(', ')}` : '';
  return `${changed} pages, ${formulas} formulas: ${(saved / 1e6).toFixed(1)} of ${(before / 1e6).toFixed(1)} MB of HTML left out of the inline payloads${left}`;
}
