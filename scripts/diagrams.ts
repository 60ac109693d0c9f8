// Pre-draws every Mermaid diagram of the book, in both themes, into public/diagrams/<hash>-<theme>.svg, so a page shows
// its diagrams as pictures with no JavaScript (Mermaid is about 190 kB gzip and a second of main-thread work on a phone).
// Usage: npm run diagrams  (needs Chromium, as the tests do; the pictures are committed, so building the book does not).
// Draws only what is missing, removes pictures no chapter uses, and checks that each picture opens as an image.
// `npm run check:content` fails when a diagram has no picture; the browser would still draw it, but slowly.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { BASE_ARGS, INSTALL_HINT, findChromium } from './chromium.mjs';
import { bookDiagrams } from '../lib/mdx/diagrams';
import { DIAGRAM_DIR, diagramFile } from '../lib/mdx/mermaid';
import { DIAGRAM_THEMES, mermaidConfig } from '../lib/mdx/mermaid-theme';

const wanted = new Map<string, { chart: string; theme: (typeof DIAGRAM_THEMES)[number]; where: string }>();
for (const { chart, where } of bookDiagrams()) {
  for (const theme of DIAGRAM_THEMES) wanted.set(diagramFile(chart, theme), { chart, theme, where });
}
fs.mkdirSync(DIAGRAM_DIR, { recursive: true });
const present = new Set(fs.readdirSync(DIAGRAM_DIR).filter((f) => f.endsWith('.svg')));
for (const f of present) {
  if (!wanted.has(f)) {
    fs.rmSync(path.join(DIAGRAM_DIR, f));
    console.log(`diagrams: removed ${f} (no chapter uses it)`);
  }
}
const missing = [...wanted].filter(([f]) => !present.has(f));
if (missing.length === 0) {
  console.log(`diagrams: all ${wanted.size} pictures are up to date`);
  process.exit(0);
}
const executablePath = findChromium();
if (!executablePath) {
  console.error(INSTALL_HINT);
  process.exit(1);
}
const browser = await chromium.launch({ executablePath, args: BASE_ARGS });
const page = await browser.newPage({ viewport: { width: 900, height: 800 } });
await page.setContent('<!doctype html><html><body><div id="host"></div></body></html>');
await page.addScriptTag({ path: path.join('node_modules', 'mermaid', 'dist', 'mermaid.min.js') });
let n = 0;
for (const [file, { chart, theme, where }] of missing) {
  const svg = await page.evaluate(
    async ({ chart, config, id }) => {
      const mermaid = (window as unknown as { mermaid: { initialize(c: unknown): void; render(id: string, text: string): Promise<{ svg: string }> } }).mermaid;
      mermaid.initialize(config);
      const { svg } = await mermaid.render(id, chart);
      // Re-serialise as XML: an SVG file is parsed as XML, and Mermaid's HTML labels come out as HTML (<br>).
      const host = document.getElementById('host')!;
      host.innerHTML = svg;
      const el = host.querySelector('svg')!;
      const [, , w, h] = el.getAttribute('viewBox')!.split(/[\s,]+/).map(Number);
      el.setAttribute('width', String(Math.ceil(w ?? 0)));
      el.setAttribute('height', String(Math.ceil(h ?? 0)));
      el.style.removeProperty('max-width');
      const xml = new XMLSerializer().serializeToString(el);
      host.innerHTML = '';
      return xml;
    },
    { chart, config: mermaidConfig(theme), id: `d${file.slice(0, 12)}` },
  );
  // The picture must open as an image (well-formed XML, a size): load it the way a page will.
  const ok = await page.evaluate(
    (src) =>
      new Promise<boolean>((resolve) => {
        const img = new Image();
        img.onload = () => resolve(img.naturalWidth > 0);
        img.onerror = () => resolve(false);
        img.src = src;
      }),
    `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
  );
  if (!ok) {
    console.error(`diagrams: the ${theme} picture of the diagram in ${where} does not open as an image`);
    process.exitCode = 1;
    continue;
  }
  fs.writeFileSync(path.join(DIAGRAM_DIR, file), `${svg}\n`);
  n += 1;
  console.log(`diagrams: drew ${file} (${where}, ${theme}, ${(svg.length / 1024).toFixed(1)} kB)`);
}
await browser.close();
console.log(`diagrams: drew ${n} of ${missing.length} missing pictures; ${wanted.size} in all`);
