// The service worker that holds the whole book offline, generated over a static export by workbox-build's generateSW.
// Called by scripts/postbuild.mjs after the search index, so the index is held too.
//
// - Precache: every file a reader's browser may ask for (both editions' pages and their RSC payloads, scripts,
//   styles, fonts, KaTeX's fonts, tfjs's .wasm files, the datasets, the search index), each URL under `base`.
//   Left out, because no browser asks for them (see IGNORED): KaTeX's .ttf and .woff fonts (every browser that runs
//   a service worker takes the .woff2 listed first in the same @font-face), Next's per-segment prefetch payloads,
//   source maps, the developers' benchmark page.
// - Updates: `skipWaiting: false`, so a new build installs beside the old one and waits; the page offers a reload
//   (components/shell/ServiceWorker.tsx) and sends {type: 'SKIP_WAITING'}, which the generated worker listens for.
//   Until then every page and chunk comes from the old build's precache: never two versions at once.
// - Matching: query strings are ignored (widget settings live in the query; Next's client navigation adds `_rsc`),
//   `/x/` is answered with `/x/index.html`, and a navigation the precache cannot answer goes to the network, and
//   offline gets the book's 404 page.
import fs from 'node:fs';
import path from 'node:path';
import { generateSW } from 'workbox-build';

/** Files above this size are still precached (the MNIST subset is 5.5 MB); workbox's default cap is 2 MB. */
const MAX_FILE_BYTES = 16 * 1024 * 1024;

/**
 * Patterns (relative to the export) of files no reader's browser requests:
 * - Next's per-segment RSC payloads (`__next.<segment>.__PAGE__.txt`, `__next._full.txt`) are fetched only to prefetch
 *   a link, and every link in the book has `prefetch={false}`; a client navigation fetches the page's `index.txt`
 *   (`?_rsc=…`), which is precached, as is the tiny `__next._tree.txt`. (`_full.txt` is a byte-for-byte copy of
 *   `index.txt`.) Should prefetching come back, drop the first two patterns: they add about 13 MB.
 * - source maps, the worker sources Turbopack copies beside the real worker bundles, the developers' benchmark page,
 *   and what a course kit adds for its host.
 */
const IGNORED = [
  '**/__next.*.__PAGE__.txt',
  '**/__next._full.txt',
  'sw.js',
  'workbox-*.js',
  '**/*.map',
  '_next/static/media/*.worker.*.ts',
  'bench/**',
  'HOSTING.md',
  '.nojekyll',
];

/**
 * Put before workbox's code in sw.js, so that its fetch listener runs first. Turbopack starts a Web Worker at
 * `turbopack-worker-<hash>.js#params=<its chunks>`, and the worker reads `params` from its own address. A worker's
 * address is its response's URL, and a response from the precache carries the URL it was cached under, without the
 * fragment: the worker would start without its chunks. So a worker's script is answered with a copy of the precached
 * response that has no URL of its own, and the worker keeps the address it was asked for.
 */
const WORKER_SCRIPTS = `// Web Worker scripts: from the precache, but keeping the address (and its #params) they were requested at.
self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || (request.destination !== 'worker' && request.destination !== 'sharedworker')) return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  event.stopImmediatePropagation();
  event.respondWith(
    caches.match(url.origin + url.pathname, { ignoreSearch: true }).then((cached) =>
      cached
        ? new Response(cached.body, { status: cached.status, statusText: cached.statusText, headers: cached.headers })
        : fetch(request),
    ),
  );
});`;

/**
 * Files a browser never fetches because a smaller twin is listed first in the same @font-face: `Name.<hash>.woff`
 * and `Name.<hash>.ttf` when a `Name.<hash>.woff2` sits in the same folder (KaTeX ships all three).
 * @param {string} dir the export's folder
 * @returns {Set<string>} their paths relative to `dir`, with forward slashes
 */
function redundantFonts(dir) {
  const out = new Set();
  const walk = (rel) => {
    const entries = fs.readdirSync(path.join(dir, rel), { withFileTypes: true });
    const stem = (name) => name.replace(/\.[^.]+$/, '').replace(/\.[\w-]+$/, '');
    const woff2 = new Set(entries.filter((e) => e.isFile() && e.name.endsWith('.woff2')).map((e) => stem(e.name)));
    for (const e of entries) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(p);
      else if (/\.(woff|ttf)$/.test(e.name) && woff2.has(stem(e.name))) out.add(p);
    }
  };
  walk('');
  return out;
}

/** Files and bytes under `dir`, but for `except`. */
function folderSize(dir, except) {
  let files = 0;
  let bytes = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const p = path.join(e.parentPath, e.name);
    if (!e.isFile() || p === except) continue;
    files += 1;
    bytes += fs.statSync(p).size;
  }
  return { files, bytes };
}

/**
 * Writes `${dir}/sw.js` for the export in `dir`, built for the sub-path `base` ('' at the root).
 * @param {{ dir: string, base?: string }} options
 * @returns {Promise<string>} a one-line summary: files and bytes precached, and what was left out
 */
export async function buildServiceWorker({ dir, base = '' }) {
  const prefix = base.replace(/\/+$/, '');
  if (prefix && !prefix.startsWith('/')) throw new Error(`service-worker: base must start with "/" (got "${base}")`);
  if (!fs.existsSync(path.join(dir, '404.html'))) throw new Error(`service-worker: no 404.html in ${dir}`);
  const fonts = redundantFonts(dir);

  const { count, size, warnings } = await generateSW({
    globDirectory: dir,
    globPatterns: ['**/*'],
    globIgnores: [...IGNORED, ...fonts],
    modifyURLPrefix: { '': `${prefix}/` },
    // Hashed by the bundler: the URL is the version, so workbox need not add its cache-busting query to fetch them.
    dontCacheBustURLsMatching: /\/_next\/static\//,
    maximumFileSizeToCacheInBytes: MAX_FILE_BYTES,
    swDest: path.join(dir, 'sw.js'),
    inlineWorkboxRuntime: true,
    mode: 'production',
    sourcemap: false,
    disableDevLogs: true,
    skipWaiting: false,
    clientsClaim: true,
    cleanupOutdatedCaches: true,
    directoryIndex: 'index.html',
    ignoreURLParametersMatching: [/.*/],
    runtimeCaching: [
      {
        // Only what the precache does not hold gets here: a navigation to a page the book does not have. Online the
        // host answers (its 404 page, with its status); offline the reader gets the book's own 404 page.
        urlPattern: ({ request, url }) => request.mode === 'navigate' && url.origin === self.location.origin,
        handler: 'NetworkOnly',
        options: { precacheFallback: { fallbackURL: `${prefix}/404.html` } },
      },
    ],
  });
  if (warnings.length) throw new Error(`service-worker: ${warnings.join('; ')}`);
  const swPath = path.join(dir, 'sw.js');
  fs.writeFileSync(swPath, `${WORKER_SCRIPTS}\n${fs.readFileSync(swPath, 'utf8')}`);
  const mb = (n) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  const all = folderSize(dir, path.join(dir, 'sw.js'));
  return `sw.js precaches ${count} files, ${mb(size)} under ${prefix}/ (of ${all.files} files, ${mb(all.bytes)}: left out ${fonts.size} KaTeX .woff/.ttf with a .woff2 twin, prefetch-only RSC segments, source maps)`;
}
