#!/usr/bin/env node
// Renders the book's icon (app/icon.svg's design) to the PNGs the web app manifest names, with Debian's Chromium:
// any-purpose icons with rounded corners, and maskable ones drawn full-bleed with the glyph inside the safe zone
// (the central 80 %). Run once after changing the design; the PNGs in public/icons/ are committed.
// Usage: node scripts/make-icons.mjs
import fs from 'node:fs';
import { chromium } from '@playwright/test';
import { BASE_ARGS, findChromium } from './chromium.mjs';

const BLUE = '#0b5cad';
const glyph = '<g fill="none" stroke="#fff" stroke-width="4" stroke-linecap="round"><circle cx="18" cy="20" r="5"/><circle cx="18" cy="44" r="5"/><circle cx="46" cy="32" r="6"/><path d="M23 21l17 9M23 43l17-9"/></g>';
const any = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="${BLUE}"/>${glyph}</svg>`;
// Maskable: the background fills the square; the glyph (which spans x 13–52, y 15–49) is scaled to 62 % about the centre.
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="${BLUE}"/><g transform="translate(32 32) scale(0.62) translate(-32.5 -32)">${glyph}</g></svg>`;

const icons = [
  ['icon-192.png', any, 192],
  ['icon-512.png', any, 512],
  ['maskable-192.png', maskable, 192],
  ['maskable-512.png', maskable, 512],
  ['apple-touch-icon.png', maskable, 180],
];
const browser = await chromium.launch({ executablePath: findChromium() ?? undefined, args: BASE_ARGS });
fs.mkdirSync('public/icons', { recursive: true });
for (const [name, svg, size] of icons) {
  const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
  await page.screenshot({ path: `public/icons/${name}`, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  await page.close();
  console.log(`public/icons/${name}`);
}
await browser.close();
