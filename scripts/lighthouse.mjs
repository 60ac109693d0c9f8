#!/usr/bin/env node
// Lighthouse (12.2.3, pinned: later versions need Node 22), mobile preset, on the cover and every written chapter of
// both editions, served by scripts/serve.mjs with compression as a real host serves them. Part of `npm run bench`;
// also `node scripts/lighthouse.mjs [path ...]`. One run of a page swings by up to ±10 points on a 2-core machine, so
// LH_RUNS=n (default 1) runs each page n times and keeps the run with the median performance score; LH_DIR measures
// another export (default out/). Writes bench/results/<date>-lighthouse.json. Targets are reported,
// never enforced: performance ≥ 95; accessibility, best practices and SEO 100; CLS ≤ 0.05; first-load JS ≤ 150 kB gzip.
import fs from 'node:fs';
import os from 'node:os';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { INSTALL_HINT, findChromium } from './chromium.mjs';
import { createServer } from './serve.mjs';
import { execFileSync } from 'node:child_process';

function hasCjkFont() {
  try {
    return execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).trim().length > 0;
  } catch {
    return null;
  }
}

const chromePath = findChromium();
if (!chromePath) {
  console.error(INSTALL_HINT);
  process.exit(1);
}
if (!fs.existsSync('out/index.html')) {
  console.error('No built book in out/ — run `npm run build` first.');
  process.exit(1);
}

const slugs = fs
  .readdirSync('content/en')
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => f.replace(/\.mdx$/, ''));
const pages = process.argv.slice(2).length ? process.argv.slice(2) : ['zh', 'en'].flatMap((lang) => [`/${lang}/`, ...slugs.map((s) => `/${lang}/${s}/`)]);

const server = createServer({ dir: process.env.LH_DIR ?? 'out' }).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const origin = `http://127.0.0.1:${server.address().port}`;
const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

/** First-party script bytes transferred (compressed) before the page settled, in kB. */
function scriptKB(lhr) {
  const items = lhr.audits['network-requests']?.details?.items ?? [];
  return items.filter((i) => i.resourceType === 'Script').reduce((s, i) => s + (i.transferSize ?? 0), 0) / 1024;
}

const RUNS = Math.max(1, Number(process.env.LH_RUNS) || 1);
const runs = [];
for (const path of pages) {
  const results = [];
  for (let i = 0; i < RUNS; i++) {
    results.push(
      await lighthouse(`${origin}${path}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      }),
    );
  }
  const perfOf = (r) => r.lhr.categories.performance?.score ?? 0;
  const sorted = [...results].sort((a, b) => perfOf(a) - perfOf(b));
  const result = sorted[Math.floor((sorted.length - 1) / 2)];
  const lhr = result.lhr;
  // LH_REPORT_DIR=dir keeps each page's whole report (for reading where the time went).
  if (process.env.LH_REPORT_DIR) {
    fs.mkdirSync(process.env.LH_REPORT_DIR, { recursive: true });
    fs.writeFileSync(`${process.env.LH_REPORT_DIR}/${path.replace(/\W+/g, '_')}.json`, JSON.stringify(lhr));
  }
  const score = (c) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
  const run = {
    path,
    ...(RUNS > 1 ? { runs: RUNS, performanceAll: results.map((r) => Math.round(perfOf(r) * 100)) } : {}),
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    lcpMs: Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? NaN),
    cls: Number((lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN).toFixed(3)),
    tbtMs: Math.round(lhr.audits['total-blocking-time']?.numericValue ?? NaN),
    scriptKB: Math.round(scriptKB(lhr)),
    totalKB: Math.round((lhr.audits['total-byte-weight']?.numericValue ?? NaN) / 1024),
    failing: Object.values(lhr.audits)
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
      .map((a) => a.id),
  };
  // Where each failing audit points (up to three elements), so a failure can be found without the whole report.
  const where = Object.fromEntries(
    run.failing.map((id) => [id, (lhr.audits[id].details?.items ?? []).slice(0, 3).map((i) => i.node?.snippet ?? i.node?.selector ?? i.reason ?? '').filter(Boolean)]),
  );
  if (Object.values(where).some((w) => w.length)) run.failingWhere = where;
  runs.push(run);
  console.log(
    `${path.padEnd(30)} perf ${String(run.performance).padStart(3)}  a11y ${String(run.accessibility).padStart(3)}  bp ${String(run.bestPractices).padStart(3)}  seo ${String(run.seo).padStart(3)}  LCP ${String(run.lcpMs).padStart(5)} ms  CLS ${run.cls.toFixed(3)}  TBT ${String(run.tbtMs).padStart(4)} ms  JS ${String(run.scriptKB).padStart(4)} kB  total ${String(run.totalKB).padStart(5)} kB${run.failing.length ? `  failing: ${run.failing.join(', ')}` : ''}`,
  );
}
await chrome.kill();
server.close();

const date = new Date().toISOString().slice(0, 10);
const out = {
  date,
  lighthouse: `12.2.3 (mobile preset, simulated throttling)${RUNS > 1 ? `; median of ${RUNS} runs per page` : ''}`,
  server: 'scripts/serve.mjs with brotli/gzip',
  // Whether the Chinese pages were drawn with a CJK font: without one (a bare Debian) their text is boxes, and their
  // layout costs are not a reader's.
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? 'unknown', cjkFont: hasCjkFont() },
  runs,
  targets: { performance: '≥ 95', accessibility: 100, bestPractices: 100, seo: 100, cls: '≤ 0.05', scriptKB: '≤ 150 (gzip)' },
  met: runs.every((r) => r.performance >= 95 && r.accessibility === 100 && r.bestPractices === 100 && r.seo === 100 && r.cls <= 0.05 && r.scriptKB <= 150),
};
fs.mkdirSync('bench/results', { recursive: true });
const file = `bench/results/${date}-lighthouse.json`;
fs.writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
console.log(`\nall targets met: ${out.met ? 'yes' : 'NO'}\nwrote ${file}`);
