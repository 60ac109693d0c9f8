#!/usr/bin/env node
// What runs on the static export after `next build`, in order: checks of the pages (scripts/check-built.mjs), the
// formulas' markup out of the inline payloads (scripts/formula-payload.mjs), widgets' text fields and menus as
// look-alike boxes until the widget loads (scripts/static-fields.mjs), the scripts inserted after the first paint
// (scripts/paint-first.mjs), the search index (Pagefind, scripts/search-index.mjs), then the service worker that holds
// the whole book offline (scripts/service-worker.mjs), which must see the index and the pages as they will be served.
// Usage: node scripts/postbuild.mjs [--dir out] [--base /course/book]   (base defaults to $BASE_PATH)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const dir = path.resolve(arg('dir', 'out'));
const base = (arg('base', process.env.BASE_PATH ?? '') || '').replace(/\/+$/, '');
if (!fs.existsSync(path.join(dir, 'index.html'))) {
  console.error(`postbuild: no built book in ${dir}`);
  process.exit(1);
}
const STEPS = [
  ['check-built.mjs', 'checkBuiltPages'],
  ['formula-payload.mjs', 'stripFormulaPayload'],
  ['static-fields.mjs', 'buildStaticFields'],
  ['paint-first.mjs', 'deferChunkScripts'],
  ['search-index.mjs', 'buildSearchIndex'],
  ['service-worker.mjs', 'buildServiceWorker'],
];
for (const [file, name] of STEPS) {
  const mod = await import(pathToFileURL(path.join(here, file)).href);
  const t0 = Date.now();
  const summary = await mod[name]({ dir, base });
  console.log(`postbuild: ${file} (${((Date.now() - t0) / 1000).toFixed(1)} s)${summary ? `: ${summary}` : ''}`);
}
