#!/usr/bin/env node
// Screenshots of the built book for a person to look at: both editions, light and dark, wide and narrow.
// Usage: node scripts/screenshots.mjs [path ...]   (serves out/ itself; writes .screenshots/*.png)
import fs from 'node:fs';
import { chromium } from '@playwright/test';
import { BASE_ARGS, INSTALL_HINT, findChromium } from './chromium.mjs';
import { createServer } from './serve.mjs';

const executablePath = findChromium();
if (!executablePath) {
  console.error(INSTALL_HINT);
  process.exit(1);
}
const pages = process.argv.slice(2).length ? process.argv.slice(2) : ['/zh/', '/en/', '/zh/large-models/', '/en/large-models/'];
const server = createServer({ dir: 'out' }).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const origin = `http://127.0.0.1:${server.address().port}`;
fs.mkdirSync('.screenshots', { recursive: true });
const browser = await chromium.launch({ executablePath, args: BASE_ARGS });
const full = process.env.FULL === '1';
for (const path of pages) {
  for (const theme of ['light', 'dark']) {
    for (const width of [1280, 390]) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: theme, deviceScaleFactor: 1 });
      await page.goto(origin + path, { waitUntil: 'networkidle' });
      await page.evaluate(async () => {
        // Scroll through so lazy diagrams render, then back to the top.
        for (let y = 0; y < document.body.scrollHeight; y += 600) {
          window.scrollTo({ top: y, behavior: 'instant' });
          await new Promise((r) => setTimeout(r, 60));
        }
        window.scrollTo({ top: 0, behavior: 'instant' });
      });
      await page
        .waitForFunction(() => !document.querySelector('figure.mermaid:not([data-status="ready"]):not([data-status="error"])'), null, { timeout: 20000 })
        .catch(() => console.warn(`${path}: diagrams still drawing after 20 s`));
      await page.waitForTimeout(300);
      const name = `${path.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'root'}-${theme}-${width}.png`;
      await page.screenshot({ path: `.screenshots/${name}`, fullPage: full });
      console.log(`.screenshots/${name}`);
      if (process.env.FIGURES === '1') {
        const figs = page.locator('figure.mermaid, .widget, figure.timeline');
        for (let i = 0; i < (await figs.count()); i++) {
          await figs.nth(i).screenshot({ path: `.screenshots/${name.replace('.png', '')}-fig${i}.png` });
        }
      }
      await page.close();
    }
  }
}
await browser.close();
server.close();
