// Lets a page paint its text before its JavaScript runs. Next writes each page's chunks as `<script async>` tags; on a
// fast connection they arrive while the browser is still parsing a long chapter, and each runs as soon as it lands,
// so React's start-up and hydration (0.3–0.5 s of a phone's main thread on Chapter 3) can come before the first paint
// of the text the reader came for. On a slow one they share the first round trips with the page, its stylesheets and
// its fonts, which the first paint waits for. Here, in the HTML only: those tags (and Next's preload of its bootstrap
// chunk) are taken out, and one inline script at the end of the body inserts the same scripts once the first frame
// has been painted: a requestAnimationFrame callback runs just before that paint, a zero-delay timer set there runs
// just after it. A page opened in a background tab paints no frame until it is shown, so there they go in at once.
//
// Measured (Lighthouse mobile, 3 runs, median, 2026-12-07): the largest paint 2.3–2.9 s → 1.4–2.0 s on four pages.
// Lighthouse models that paint from every request finished before it in the page's unthrottled load, scripts
// included, so 147 kB of JavaScript sat on its critical path; a preload would keep it there.
//
// The scripts are async either way: they run in whatever order they arrive, and Next's runtime expects no other.
import fs from 'node:fs';
import path from 'node:path';
import { htmlPages } from './html-pages.mjs';

/** Next's own chunk scripts: `<script src="…/_next/static/chunks/x.js" async="">` (not the noModule polyfill). */
const CHUNK = /<script src="([^"]*\/_next\/static\/chunks\/[^"]+\.js)" async=""><\/script>/g;

/** Next's preload of its bootstrap chunk. */
const PRELOAD = /<link rel="preload" as="script"[^>]*href="([^"]+)"\/>/g;

export const LOADER_MARK = 'data-paint-first';

/**
 * A frame that never comes (a browser that pauses animation frames in an embedding page's hidden iframe) must not
 * leave a page without its scripts: a timer inserts them after this long in any case, once.
 */
export const FALLBACK_MS = 3000;

/** The inline loader that inserts `urls` after the first paint (or at once in a hidden tab), once. */
export function loaderScript(urls) {
  const list = JSON.stringify(urls).replace(/</g, '\\u003c');
  return (
    `<script ${LOADER_MARK}="">(function(u){var d=0;function go(){if(d)return;d=1;u.forEach(function(s){` +
    `var e=document.createElement('script');e.src=s;e.async=true;document.head.appendChild(e)})}` +
    `if(document.visibilityState==='hidden')go();else{requestAnimationFrame(function(){setTimeout(go,0)});` +
    `setTimeout(go,${FALLBACK_MS})}})(${list})</script>`
  );
}

/** Rewrites one page's HTML; returns it unchanged (and `null` urls) if it has no chunk scripts or was rewritten before. */
export function paintFirst(html) {
  if (html.includes(`${LOADER_MARK}=""`)) return { html, urls: null };
  const urls = [];
  let out = html.replace(CHUNK, (_, src) => {
    urls.push(src);
    return '';
  });
  out = out.replace(PRELOAD, (tag, href) => (urls.includes(href) ? '' : tag));
  if (!urls.length) return { html, urls: null };
  const end = out.lastIndexOf('</body>');
  if (end < 0) throw new Error('paint-first: a page with chunk scripts has no </body>');
  out = out.slice(0, end) + loaderScript(urls) + out.slice(end);
  return { html: out, urls };
}

/*
 * The same scripts are compiled eagerly. V8 compiles a function the first time it is called, on the main thread; for
 * the scripts a page starts with (React, Next's router, the book's shell) that was most of the one task that runs
 * them: 150-165 ms of a 4x-throttled main thread on the English cover, measured with a CPU profile. The magic comment
 * `//# allFunctionsCalledOnLoad` on a script's first line (V8's explicit compile hints, Chrome 136+) has V8 compile
 * every function of it while the script streams in, off the main thread: the same task took 42-51 ms. Other browsers
 * read a comment. The comment goes on a line of its own at the top (V8 ignores it anywhere else), so a source map of
 * the file, where there is one, gets one empty generated line first.
 */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

/** Puts the compile hint at the top of one script (and shifts its source map, if any, by that line); idempotent. */
export function hintEagerCompile(file) {
  const code = fs.readFileSync(file, 'utf8');
  if (code.startsWith(COMPILE_HINT)) return false;
  fs.writeFileSync(file, COMPILE_HINT + code);
  const map = `${file}.map`;
  if (fs.existsSync(map)) {
    const json = JSON.parse(fs.readFileSync(map, 'utf8'));
    if (typeof json.mappings === 'string') json.mappings = `;${json.mappings}`;
    else if (Array.isArray(json.sections)) for (const s of json.sections) s.offset.line += 1;
    fs.writeFileSync(map, JSON.stringify(json));
  }
  return true;
}

export function deferChunkScripts({ dir, base = '' }) {
  const pages = htmlPages(dir);
  let rewritten = 0;
  const startup = new Set();
  for (const file of pages) {
    const { html, urls } = paintFirst(fs.readFileSync(file, 'utf8'));
    if (!urls) continue;
    fs.writeFileSync(file, html);
    rewritten++;
    for (const url of urls) startup.add(url);
  }
  let hinted = 0;
  for (const url of startup) {
    if (!url.startsWith(`${base}/_next/`)) throw new Error(`paint-first: a chunk outside ${base || '/'}_next/: ${url}`);
    const file = path.join(dir, url.slice(base.length));
    if (!fs.existsSync(file)) throw new Error(`paint-first: ${url} is not in the export`);
    if (hintEagerCompile(file)) hinted++;
  }
  return `${rewritten} of ${pages.length} pages load their scripts after the first paint; ${hinted} of their ${startup.size} scripts compile eagerly`;
}
