import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { test, expect } from './fixtures';
import { SUBPATH } from '../playwright.config';
import { writeKit } from '../scripts/pack.mjs';

/**
 * The course kit (scripts/pack.mjs) as a teacher would use it: the zip of the sub-path build, unzipped, served by
 * Debian's nginx with the configuration that the kit's own HOSTING.md gives. Skipped, saying so, where nginx is missing.
 */

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => fs.existsSync(p));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

test.describe('course kit', () => {
  test.skip(!NGINX, 'nginx is not installed (Debian: apt-get install -y nginx)');
  test.describe.configure({ timeout: 120_000 });
  test.use({ serviceWorkers: 'allow' });

  let tmp = '';
  let nginx: ChildProcess | undefined;
  let origin = '';

  test.beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'book-kit-'));
    fs.chmodSync(tmp, 0o755); // nginx's workers run as another user
    const { zip, folder } = writeKit({ base: SUBPATH, from: path.resolve('out-subpath'), zip: path.join(tmp, 'kit.zip') });
    const files = unzipSync(fs.readFileSync(zip));
    const www = path.join(tmp, 'www');
    const dest = path.join(www, path.dirname(SUBPATH));
    for (const [name, data] of Object.entries(files)) {
      if (name.endsWith('/')) continue;
      const p = path.join(dest, name);
      fs.mkdirSync(path.dirname(p), { recursive: true });
      fs.writeFileSync(p, data);
    }
    for (const d of [www, dest, path.join(dest, folder)]) fs.chmodSync(d, 0o755);
    const hosting = fs.readFileSync(path.join(dest, folder, 'HOSTING.md'), 'utf8');
    expect(hosting).toContain(`location ${SUBPATH}/ {`);
    // The location block exactly as HOSTING.md prints it.
    const location = /```nginx\n([\s\S]*?)```/.exec(hosting)![1]!;
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    const conf = path.join(tmp, 'nginx.conf');
    fs.writeFileSync(
      conf,
      `daemon off;\nworker_processes 1;\npid ${tmp}/nginx.pid;\nerror_log ${tmp}/error.log warn;\nevents { worker_connections 256; }\n` +
        `http {\n  include /etc/nginx/mime.types;\n  access_log off;\n  gzip on;\n  gzip_types text/css text/javascript application/javascript application/json application/wasm image/svg+xml text/plain;\n` +
        `  client_body_temp_path ${tmp}/body; proxy_temp_path ${tmp}/proxy; fastcgi_temp_path ${tmp}/fastcgi; uwsgi_temp_path ${tmp}/uwsgi; scgi_temp_path ${tmp}/scgi;\n` +
        `  server {\n    listen 127.0.0.1:${port};\n    root ${www};\n${location}\n  }\n}\n`,
    );
    const check = spawnSync(NGINX!, ['-t', '-c', conf, '-p', tmp], { encoding: 'utf8' });
    expect(check.status, check.stderr).toBe(0);
    nginx = spawn(NGINX!, ['-c', conf, '-p', tmp], { stdio: 'ignore' });
    await expect.poll(async () => (await fetch(`${origin}${SUBPATH}/`).catch(() => null))?.status ?? 0, { timeout: 15_000 }).toBe(200);
  });

  test.afterAll(() => {
    nginx?.kill('SIGQUIT');
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('nginx serves the unzipped kit: deep links, the 404 page, wasm, search and the service worker under the sub-path', async ({ page, request }) => {
    // The host's side, as HOSTING.md's "Check that it works" says.
    const missing = await request.get(`${origin}${SUBPATH}/en/no-such-page/`);
    expect(missing.status()).toBe(404);
    expect(await missing.text()).toContain(`href="${SUBPATH}/en/"`);
    const wasm = fs.readdirSync('out-subpath/tfjs-wasm').find((f) => f.endsWith('.wasm'))!;
    const w = await request.head(`${origin}${SUBPATH}/tfjs-wasm/${wasm}`);
    expect(w.status()).toBe(200);
    expect(w.headers()['content-type']).toBe('application/wasm');
    expect((await request.head(`${origin}${SUBPATH}/manifest.webmanifest`)).headers()['content-type']).toContain('application/manifest+json');

    // The reader's side: a deep link, its styles and formulas, search, offline.
    await page.goto(`${origin}${SUBPATH}/zh/neural-networks/`);
    await expect(page.locator('article h1')).toHaveText('神经网络');
    await expect(page.locator('article .katex').first()).toBeVisible();
    expect(await page.locator('article h1').evaluate((h) => getComputedStyle(h).fontWeight)).not.toBe('');
    await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
    await page.keyboard.press('/');
    await page.getByRole('combobox', { name: '搜索本书' }).fill('梯度');
    const first = page.locator('dialog[data-search-dialog]').getByRole('option').first();
    await expect(first).toBeVisible();
    expect(await first.getAttribute('href')).toMatch(new RegExp(`^${SUBPATH}/zh/`));
    await page.keyboard.press('Escape');

    await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)), { timeout: 90_000 }).toBe(true);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).scope)).toBe(`${origin}${SUBPATH}/`);
    nginx?.kill('SIGQUIT');
    await page.context().setOffline(true);
    await page.goto(`${origin}${SUBPATH}/en/deployment/`);
    await expect(page.locator('article h1')).toHaveText('Deployment and compression');
    await page.context().setOffline(false);
  });
});
