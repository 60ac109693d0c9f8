// The book's full-text search index: Pagefind run over the static export after `next build` (called by
// scripts/postbuild.mjs). Only the chapters' articles are indexed (they carry `data-pagefind-body`); each heading with an
// id becomes a section result (`/en/<slug>/#<id>`). Pagefind keeps one index per `<html lang>`, so a Chinese page
// searches the Chinese edition and an English page the English one. The files land in <dir>/pagefind/ and are loaded by
// components/shell/Search.tsx from `${BASE_PATH}/pagefind/` only when a reader opens the search.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as pagefind from 'pagefind';

/**
 * What is in an article but is not prose a reader searches for: widget controls and charts, the diagrams' source,
 * KaTeX's drawn glyphs (the TeX source in the MathML annotation is kept, so a formula reads `m_t = \beta_1 m_{t-1}` in
 * an excerpt instead of leaving a hole), the headings' link and copy buttons, and the code blocks' copy button.
 */
export const EXCLUDE_SELECTORS = [
  '[data-widget]',
  'figure.mermaid',
  '.katex-html',
  '.katex-mathml semantics > :not(annotation)',
  '.heading-tools',
  '.code-copy',
  'svg',
  'button',
];

/** Files of Pagefind's bundle the book does not load: pagefind.js, its worker, WebAssembly and index stay. */
const UNUSED = /^pagefind-(ui|component-ui|modular-ui|highlight)\.(js|css)$/;

/**
 * Pagefind segments Chinese (which has no spaces between words) only in its extended build, which bundles ICU4X's
 * dictionaries; the plain build would index a whole clause as one "word", and 梯度 would find nothing. The npm wrapper
 * prefers the extended binary when its platform package ships one: make sure it does, and say so loudly if not.
 */
function assertExtendedBinary() {
  if (process.env.PAGEFIND_EXTENDED_BINARY_PATH) return process.env.PAGEFIND_EXTENDED_BINARY_PATH;
  const require = createRequire(import.meta.url);
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const exe = platform === 'windows' ? 'pagefind_extended.exe' : 'pagefind_extended';
  try {
    return require.resolve(`@pagefind/${platform}-${process.env.npm_config_arch || process.arch}/bin/${exe}`);
  } catch {
    throw new Error(
      `search-index: Pagefind's extended binary (${exe}) is missing for ${platform}-${process.arch}; without it Chinese ` +
        'is not segmented into words. Install the platform package @pagefind/<platform>-<arch> that ships it.',
    );
  }
}

/** Throws with Pagefind's own messages when a call reported errors. */
function check(step, response) {
  if (response?.errors?.length) throw new Error(`search-index: ${step} failed:\n  ${response.errors.join('\n  ')}`);
  return response;
}

/**
 * Indexes the static export in `dir` (absolute) into `${dir}/pagefind/` and returns a one-line summary. `base` is the
 * sub-path the export was built for ('' or '/course/book'): Pagefind stores site-relative URLs and the page adds the base
 * path when it loads the index (`baseUrl`), so the same files serve either way; `base` only checks that `dir` really is
 * the build for it.
 */
export async function buildSearchIndex({ dir, base = '' }) {
  const binary = assertExtendedBinary();
  const prefix = base.replace(/\/+$/, '');
  const probe = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  if (!probe.includes(`src="${prefix}/_next/`)) {
    throw new Error(`search-index: ${dir} was not built for base path "${prefix}" (its pages do not load ${prefix}/_next/)`);
  }
  const outputPath = path.join(dir, 'pagefind');
  fs.rmSync(outputPath, { recursive: true, force: true });

  const { index } = check('createIndex', await pagefind.createIndex({ excludeSelectors: EXCLUDE_SELECTORS }));
  if (!index) throw new Error('search-index: Pagefind returned no index');
  try {
    // The chapters only: /<lang>/<slug>/index.html. Pages without data-pagefind-body would be skipped anyway, but
    // reading the covers, the chooser, the 404 page and the benches would only slow the build down.
    const added = check('addDirectory', await index.addDirectory({ path: dir, glob: '{zh,en}/*/index.html' }));
    if (!added.page_count) throw new Error(`search-index: no chapter pages found in ${dir}`);
    check('writeFiles', await index.writeFiles({ outputPath }));
  } finally {
    await pagefind.close();
  }
  // Pagefind also writes its ready-made interfaces and highlighter; the book has its own (components/shell/Search.tsx,
  // SearchHighlight.tsx), and the service worker would otherwise keep ~430 kB of unused files offline.
  for (const f of fs.readdirSync(outputPath)) {
    if (UNUSED.test(f)) fs.rmSync(path.join(outputPath, f));
  }

  const entry = JSON.parse(fs.readFileSync(path.join(outputPath, 'pagefind-entry.json'), 'utf8'));
  const languages = Object.entries(entry.languages ?? {}).map(([lang, info]) => `${lang} ${info.page_count}`);
  for (const lang of ['en', 'zh-cn']) {
    if (!entry.languages?.[lang]?.page_count) {
      throw new Error(`search-index: no pages indexed for language "${lang}" (found: ${languages.join(', ') || 'none'})`);
    }
  }
  let files = 0;
  let bytes = 0;
  for (const f of fs.readdirSync(outputPath, { recursive: true, withFileTypes: true })) {
    if (!f.isFile()) continue;
    files += 1;
    bytes += fs.statSync(path.join(f.parentPath ?? f.path, f.name)).size;
  }
  const pages = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
  return (
    `${pages} pages in ${languages.length} languages (${languages.join(', ')}) → ${path.relative(process.cwd(), outputPath) || outputPath}` +
    ` (${files} files, ${(bytes / 1024).toFixed(0)} kB; ${path.basename(binary)}${prefix ? `; served under ${prefix}/` : ''})`
  );
}
