import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, scrollToElement } from './fixtures';
import { createServer } from '../scripts/serve.mjs';

/**
 * The service worker (scripts/service-worker.mjs, components/shell/ServiceWorker.tsx): after one visit the whole book
 * works offline, and a new build is offered, never half-applied.
 *
 * Each test serves the export from its own server and closes it to go offline (on top of context.setOffline), so
 * nothing can come from the network behind the worker's back; the update test also swaps what sw.js and one page
 * say, as a new deployment would.
 */

const SUBPATH = '/course/book';

type Book = { origin: string; deploy: (files: Record<string, string>) => void; close: () => Promise<void> };

/** Serves `dir` under `base` on a free port; `deploy` overrides files (by path under the base) as a new build would. */
async function serveBook(dir: string, base = ''): Promise<Book> {
  if (!fs.existsSync(path.join(dir, 'sw.js'))) {
    throw new Error(`${dir}/sw.js is missing: the build's postbuild step writes it (node scripts/postbuild.mjs --dir ${dir}${base ? ` --base ${base}` : ''})`);
  }
  const book = createServer({ dir, base });
  const handle = book.listeners('request')[0] as http.RequestListener;
  let overrides: Record<string, string> = {};
  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    const body = overrides[pathname];
    if (body === undefined) return handle(req, res);
    const type = pathname.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'text/html; charset=utf-8';
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache' }).end(body);
  });
  server.keepAliveTimeout = 1;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    deploy: (files) => (overrides = files),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** Waits until the page is controlled by the book's worker, which happens once it has precached everything. */
async function waitForOfflineReady(page: Page) {
  await expect
    .poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)), { timeout: 90_000 })
    .toBe(true);
  await expect(page.locator('html[data-offline-ready]')).toBeAttached();
}

/** The paths (with their query, workbox's revision) in the book's precache. */
async function precached(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const name = (await caches.keys()).find((k) => k.includes('precache'));
    if (!name) return [];
    const keys = await (await caches.open(name)).keys();
    return keys.map((r) => {
      const u = new URL(r.url);
      return u.origin === location.origin ? u.pathname + u.search : r.url;
    });
  });
}

const pathsOf = (keys: string[]) => keys.map((k) => k.replace(/\?.*$/, ''));

test.describe('offline', () => {
  test.describe.configure({ timeout: 180_000 });
  // Whatever the other specs do, these need the worker.
  test.use({ serviceWorkers: 'allow' });

  test('after one visit, other chapters open, the language switches and the Playground trains with the network off', async ({ page, context }) => {
    const book = await serveBook('out');
    try {
      await page.goto(`${book.origin}/en/large-models/`);
      await waitForOfflineReady(page);
      expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).scope)).toBe(`${book.origin}/`);

      // Every chapter of both editions, their RSC payloads (client navigation), the data and tfjs's WebAssembly.
      const keys = await precached(page);
      const paths = pathsOf(keys);
      const slugs = fs.readdirSync('content/en').map((f) => f.replace(/\.mdx$/, ''));
      for (const lang of ['zh', 'en']) {
        for (const slug of slugs) expect(paths).toEqual(expect.arrayContaining([`/${lang}/${slug}/index.html`, `/${lang}/${slug}/index.txt`]));
      }
      const wasm = fs.readdirSync('out/tfjs-wasm').map((f) => `/tfjs-wasm/${f}`);
      expect(wasm.length).toBeGreaterThan(0);
      expect(paths).toEqual(expect.arrayContaining(['/index.html', '/404.html', '/data/mnist-subset.bin', ...wasm]));
      if (fs.existsSync('out/pagefind/pagefind.js')) expect(paths).toContain('/pagefind/pagefind.js');
      // Only the book's own origin, no source maps, and KaTeX's fonts as woff2 only.
      expect(keys.filter((k) => !k.startsWith('/'))).toEqual([]);
      expect(paths.filter((p) => /\.map$|KaTeX_.*\.(ttf|woff)$/.test(p))).toEqual([]);
      expect(paths.filter((p) => /KaTeX_.*\.woff2$/.test(p)).length).toBeGreaterThan(10);

      await book.close();
      await context.setOffline(true);

      // A link: a client navigation, which fetches the chapter's index.txt?_rsc=… from the precache.
      await page.locator('#sidebar a[href="/en/loss-and-optimizers/"]').click();
      await expect(page).toHaveURL(`${book.origin}/en/loss-and-optimizers/`);
      await expect(page.locator('article h1')).toHaveText('Loss functions and optimizers');

      // A typed address, with widget settings in the query: a full page load from the precache.
      await page.goto(`${book.origin}/en/neural-networks/?playground.backend=cpu&playground.optimizer=adam&playground.lr=0.03&playground.layers=8,8#playground`);
      await expect(page.locator('article h1')).toHaveText('Neural networks');
      await page.evaluate(() => document.fonts.ready);

      // The Playground trains: the worker script, tfjs's chunks and the data all come from the precache.
      const w = page.locator('[data-widget="playground"]');
      await expect(w).toHaveAttribute('data-url-state', 'applied');
      await scrollToElement(page, '[data-widget="playground"]');
      await expect(w).toHaveAttribute('data-backend', 'cpu', { timeout: 60_000 });
      await expect(w).toHaveAttribute('data-status', 'idle', { timeout: 60_000 });
      // In the training worker, which kept the bootstrap parameters in its address, not on the page's main thread.
      await expect(w).toHaveAttribute('data-main-thread', '0');
      expect(page.workers().map((x) => x.url())).toEqual(expect.arrayContaining([expect.stringMatching(/\/_next\/static\/.*[?#]params=/)]));
      const loss = async () => Number(await w.locator('[data-result="playground.testLoss"]').getAttribute('data-value'));
      await expect(w.locator('[data-result="playground.testLoss"]')).toHaveAttribute('data-value', /\d/, { timeout: 45_000 });
      const before = await loss();
      await w.locator('[data-action="play"]').click();
      await expect.poll(async () => Number(await w.getAttribute('data-step')), { timeout: 45_000 }).toBeGreaterThanOrEqual(60);
      await w.locator('[data-action="pause"]').click();
      await expect(w).toHaveAttribute('data-status', 'paused');
      expect(await loss()).toBeLessThan(before);

      // The language switch: the same chapter in the other edition, settings kept.
      await page.getByRole('link', { name: 'Read this page in Chinese' }).click();
      await expect(page).toHaveURL(/\/zh\/neural-networks\/\?.*playground\.backend=cpu/);
      await expect(page.locator('article h1')).toHaveText('神经网络');
      await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

      // The search: Pagefind's script, WebAssembly and index come from the precache too; a result opens its section.
      await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
      await page.keyboard.press('/');
      const box = page.getByRole('combobox', { name: '搜索本书' });
      await expect(box).toBeFocused();
      await box.fill('量化');
      const options = page.locator('dialog[data-search-dialog]').getByRole('option');
      await expect(options.first()).toBeVisible();
      const href = (await options.first().getAttribute('href'))!;
      expect(href).toMatch(/^\/zh\//);
      await page.keyboard.press('Enter');
      await page.waitForURL((u) => `${u.pathname}${u.search}${u.hash}` === href);
      await expect(page.locator('article mark[data-search-hit]').first()).toBeAttached();

      // The cover, and a page the book does not have: its own 404 page.
      await page.goto(`${book.origin}/zh/`);
      await expect(page.locator('h1')).toContainText('大模型创业');
      await page.goto(`${book.origin}/en/no-such-chapter/`);
      await expect(page.getByRole('link', { name: /Back to/ })).toHaveAttribute('href', '/en/');
    } finally {
      await context.setOffline(false);
      await book.close();
    }
  });

  test('a new build is offered in each tab’s language and applied only when the reader reloads, in every tab', async ({ page, context }) => {
    const book = await serveBook('out');
    try {
      await page.goto(`${book.origin}/en/large-models/`);
      await waitForOfflineReady(page);
      // A second tab, of the other edition, on the same book.
      const zh = await context.newPage();
      await zh.goto(`${book.origin}/zh/large-models/`);
      await waitForOfflineReady(zh);
      const notice = page.getByTestId('sw-update');
      const zhNotice = zh.getByTestId('sw-update');
      await expect(notice).toHaveCount(0);

      // A new deployment: 404.html changed, and sw.js lists its new revision (one entry of the manifest differs).
      const sw = fs.readFileSync('out/sw.js', 'utf8');
      const entry = /\{url:"\/404\.html",revision:"[0-9a-f]+"\}/;
      expect(sw).toMatch(entry);
      const page404 = fs.readFileSync('out/404.html', 'utf8');
      book.deploy({
        '/sw.js': sw.replace(entry, '{url:"/404.html",revision:"e2e-version-b"}'),
        '/404.html': page404.replace('</body>', '<!-- e2e: version B --></body>'),
      });
      const read404 = (p: Page) => p.evaluate(async () => (await fetch('/404.html')).text());
      const mark = (p: Page) => p.evaluate(() => ((window as unknown as { oldPage: boolean }).oldPage = true));
      const marked = (p: Page) => p.evaluate(() => (window as unknown as { oldPage?: boolean }).oldPage ?? false);

      // A navigation looks for a new sw.js; the new build installs beside the old one and waits, and every tab says so.
      await page.reload();
      await expect(notice).toBeVisible({ timeout: 60_000 });
      await expect(notice).toHaveAttribute('role', 'status');
      await expect(notice).toContainText('A new version of the book is ready');
      await expect(zhNotice).toBeVisible();
      await expect(zhNotice).toContainText('本书有新版本');
      await expect(zhNotice.getByRole('button', { name: '重新加载' })).toBeVisible();
      expect(await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting))).toBe(true);
      // Meanwhile the pages and everything they load still come from the old build.
      expect(await read404(page)).not.toContain('version B');
      await page.locator('#sidebar a[href$="/deployment/"]').first().click();
      await expect(page).toHaveURL(`${book.origin}/en/deployment/`);
      await expect(page.locator('article h1')).toHaveText('Deployment and compression');
      expect(await read404(page)).not.toContain('version B');
      expect(await read404(zh)).not.toContain('version B');
      await expect(notice).toBeVisible();

      // Reload is reachable from the keyboard; it hands over to the new worker, and each tab reloads once.
      await mark(page);
      await mark(zh);
      const reload = notice.getByRole('button', { name: 'Reload' });
      await reload.focus();
      await expect(reload).toBeFocused();
      await page.keyboard.press('Enter');
      for (const [p, url] of [[page, '/en/deployment/'], [zh, '/zh/large-models/']] as const) {
        // A new page (no mark), at the same address; evaluating during the reload may fail: try again.
        await expect.poll(() => marked(p).catch(() => true), { timeout: 30_000 }).toBe(false);
        await expect(p).toHaveURL(`${book.origin}${url}`);
        await expect.poll(() => p.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
        await expect(p.locator('article h1')).toBeVisible();
        await expect(p.getByTestId('sw-update')).toHaveCount(0);
        expect(await read404(p)).toContain('version B');
      }
      expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)).toBeNull();
      const keys = await precached(page);
      expect(keys).toContain('/404.html?__WB_REVISION__=e2e-version-b');
      expect(keys.filter((k) => k.startsWith('/404.html?'))).toHaveLength(1);
    } finally {
      await book.close();
    }
  });

  test('under a sub-path the worker’s scope is the sub-path and a chapter opens offline', async ({ page, context }) => {
    const book = await serveBook('out-subpath', SUBPATH);
    try {
      await page.goto(`${book.origin}${SUBPATH}/en/large-models/`);
      await waitForOfflineReady(page);
      expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).scope)).toBe(`${book.origin}${SUBPATH}/`);
      const keys = await precached(page);
      expect(keys.filter((k) => !k.startsWith(`${SUBPATH}/`))).toEqual([]);
      expect(pathsOf(keys)).toEqual(expect.arrayContaining([`${SUBPATH}/zh/deployment/index.html`, `${SUBPATH}/data/mnist-subset.bin`]));

      await book.close();
      await context.setOffline(true);
      await page.goto(`${book.origin}${SUBPATH}/zh/deployment/`);
      await expect(page.locator('article h1')).toHaveText('部署与模型压缩');
      await page.locator(`#sidebar a[href="${SUBPATH}/zh/neural-networks/"]`).click();
      await expect(page).toHaveURL(`${book.origin}${SUBPATH}/zh/neural-networks/`);
      await expect(page.locator('article h1')).toHaveText('神经网络');
      await page.goto(`${book.origin}${SUBPATH}/en/no-such-chapter/`);
      await expect(page.getByRole('link', { name: /Back to/ })).toHaveAttribute('href', `${SUBPATH}/en/`);
    } finally {
      await context.setOffline(false);
      await book.close();
    }
  });
});
