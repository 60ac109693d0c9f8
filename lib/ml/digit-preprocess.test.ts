import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createRng } from '../random';
import {
  MNIST_SIDE,
  boundingBox,
  brushCoverage,
  centreOfMass,
  rasterizeStrokes,
  resample,
  toMnistInput,
  type MnistInput,
  type Stroke,
} from './digit-preprocess';
import { mnistPixelsToFloat, parseMnistSubset } from './mnist';

const CANVAS = 280;

/** A width×height image of zeros with the rectangle [x, x + w) × [y, y + h) set to `value`. */
function rect(width: number, height: number, x: number, y: number, w: number, h: number, value = 1): Float32Array {
  const img = new Float32Array(width * height);
  for (let row = y; row < y + h; row++) img.fill(value, row * width + x, row * width + x + w);
  return img;
}

function prepared(ink: ArrayLike<number>, width = CANVAS, height = CANVAS): MnistInput {
  const r = toMnistInput(ink, width, height);
  if (r.pixels === null) throw new Error(`refused: ${r.reason}`);
  return r;
}

const sum = (a: ArrayLike<number>) => Array.from(a).reduce((s, v) => s + v, 0);
const draw = (strokes: Stroke[], brush = 20) => rasterizeStrokes(strokes, { width: CANVAS, height: CANVAS, brush });

describe('brush coverage', () => {
  it.each([
    // Overlap of the pixel's [d − ½, d + ½] with the brush's [−r, r] (hand computation).
    [0, 3, 1],
    [2.5, 3, 1],
    [3, 3, 0.5],
    [3.5, 3, 0],
    [9, 3, 0],
    [0, 0.25, 0.5], // a brush half a pixel wide paints half a pixel's worth of ink
  ])('is %s px from the spine of a radius-%s brush: %s', (d, r, expected) => {
    expect(brushCoverage(d, r)).toBeCloseTo(expected, 12);
  });

  it('is 1 on a segment’s centre line and 0 beyond brush/2 + 1 px, across and past the round cap', () => {
    // Segment along y = 50.5 (the centres of row 50) from x = 20.5 to 80.5, brush 6 (r = 3).
    const ink = rasterizeStrokes([[{ x: 20.5, y: 50.5 }, { x: 80.5, y: 50.5 }]], { width: 100, height: 100, brush: 6 });
    const at = (col: number, row: number) => ink[row * 100 + col]!;
    expect(at(50, 50)).toBe(1); // d = 0
    expect(at(50, 52)).toBe(1); // d = 2 ≤ r − ½
    expect(at(50, 53)).toBeCloseTo(0.5, 6); // d = 3 = r
    expect(at(50, 47)).toBeCloseTo(0.5, 6); // d = 3 above
    expect(at(50, 54)).toBe(0); // d = 4 = r + 1
    expect(at(50, 46)).toBe(0);
    expect(at(82, 50)).toBe(1); // cap: centre 82.5 is 2 past the end
    expect(at(83, 50)).toBeCloseTo(0.5, 6); // 3 past the end
    expect(at(84, 50)).toBe(0); // 4 past the end
    expect(at(17, 50)).toBeCloseTo(0.5, 6); // 3 before the start (centre 17.5)
    expect(at(16, 50)).toBe(0); // 4 before the start
  });

  it('draws a single point as a dot of about the brush’s area', () => {
    const ink = rasterizeStrokes([[{ x: 50, y: 50 }]], { width: 100, height: 100, brush: 10 });
    expect(ink[49 * 100 + 49]).toBe(1);
    // π·5² = 78.54; the radial box filter is exact for a straight edge and within about a pixel for this disc.
    expect(sum(ink)).toBeGreaterThan(78.54 - 1.5);
    expect(sum(ink)).toBeLessThan(78.54 + 1.5);
    expect(boundingBox(ink, 100, 100)).toEqual({ x: 45, y: 45, width: 10, height: 10 });
  });

  it('paints overlapping strokes opaquely: crossing lines never exceed 1', () => {
    const ink = rasterizeStrokes(
      [[{ x: 10, y: 50 }, { x: 90, y: 50 }], [{ x: 50, y: 10 }, { x: 50, y: 90 }], [{ x: 10, y: 10 }, { x: 90, y: 90 }]],
      { width: 100, height: 100, brush: 8 },
    );
    expect(Math.max(...ink)).toBe(1);
    expect(Math.min(...ink)).toBe(0);
  });

  it('paints a stroke split at a joint exactly like the unbroken segment (joints are not painted twice)', () => {
    const opts = { width: 100, height: 60, brush: 7 };
    const whole = rasterizeStrokes([[{ x: 10, y: 30.3 }, { x: 90, y: 30.3 }]], opts);
    const pieces = rasterizeStrokes([[{ x: 10, y: 30.3 }, { x: 50, y: 30.3 }, { x: 90, y: 30.3 }]], opts);
    expect(Array.from(pieces)).toEqual(Array.from(whole));
  });

  it('refuses a canvas that is not a positive integer size and a brush that is not positive', () => {
    expect(() => rasterizeStrokes([], { width: 0, height: 10, brush: 1 })).toThrow('positive integers, got 0×10');
    expect(() => rasterizeStrokes([], { width: 10, height: 10, brush: 0 })).toThrow('brush must be a positive number');
  });
});

describe('helpers', () => {
  it('finds the bounding box above a threshold and ignores faint noise', () => {
    const img = rect(10, 8, 2, 3, 4, 2);
    img[0] = 0.04;
    expect(boundingBox(img, 10, 8, 0.05)).toEqual({ x: 2, y: 3, width: 4, height: 2 });
    expect(boundingBox(img, 10, 8)).toEqual({ x: 0, y: 0, width: 6, height: 5 });
    expect(boundingBox(new Float32Array(80), 10, 8)).toBeNull();
  });

  it('puts the centre of mass in index coordinates', () => {
    // Columns 2–5 → mean 3.5; rows 3–4 → mean 3.5 (hand computation).
    expect(centreOfMass(rect(10, 8, 2, 3, 4, 2), 10, 8)).toEqual({ x: 3.5, y: 3.5, mass: 8 });
    expect(centreOfMass(new Float32Array(4), 2, 2)).toBeNull();
  });

  it('conserves the total ink up to the area ratio when it averages areas', () => {
    const rng = createRng(7);
    const img = Float32Array.from({ length: 280 * 210 }, () => rng.uniform());
    const out = resample(img, 280, 210, 20, 15);
    // Σ out = Σ in · (20/280)·(15/210): each source pixel hands out its value times the area ratio.
    const expected = sum(img) * (20 / 280) * (15 / 210);
    expect(Math.abs(sum(out) - expected) / expected).toBeLessThan(1e-5);
  });

  it('averages fractional areas when the ratio is not a whole number', () => {
    // 3 → 2, each output covers 1.5 source pixels: (1 + ½·2)/1.5 = 4/3 and (½·2 + 3)/1.5 = 8/3 (hand computation).
    const out = resample([1, 2, 3], 3, 1, 2, 1);
    expect(out[0]).toBeCloseTo(4 / 3, 6);
    expect(out[1]).toBeCloseTo(8 / 3, 6);
    const rng = createRng(11);
    const img = Float32Array.from({ length: 280 * 210 }, () => rng.uniform());
    const expected = sum(img) * (17 / 280) * (13 / 210);
    expect(Math.abs(sum(resample(img, 280, 210, 17, 13)) - expected) / expected).toBeLessThan(1e-5);
  });

  it('keeps a thin stroke as grey when shrinking instead of dropping it between samples', () => {
    // A 1-px line at column 5 of 14, shrunk 14 → 2: column 0 averages columns 0–6, so it holds 1/7.
    const out = resample(rect(14, 14, 5, 0, 1, 14), 14, 14, 2, 2);
    expect(out[0]).toBeCloseTo(1 / 7, 6);
    expect(out[1]).toBe(0);
  });

  it('interpolates linearly when enlarging', () => {
    // [0, 1] → 4 samples at source positions −0.25, 0.25, 0.75, 1.25, clamped to [0, 1]: 0, 0.25, 0.75, 1.
    expect(Array.from(resample([0, 1], 2, 1, 4, 1))).toEqual([0, 0.25, 0.75, 1]);
  });
});

describe('toMnistInput', () => {
  it('refuses an empty canvas, and one with only faint noise, as empty', () => {
    expect(toMnistInput(new Float32Array(CANVAS * CANVAS), CANVAS, CANVAS)).toEqual({ pixels: null, reason: 'empty' });
    expect(toMnistInput(new Float32Array(CANVAS * CANVAS).fill(0.03), CANVAS, CANVAS)).toEqual({ pixels: null, reason: 'empty' });
  });

  it('refuses a speck under minSide as too small unless told otherwise', () => {
    const speck = rect(CANVAS, CANVAS, 100, 100, 2, 2);
    expect(toMnistInput(speck, CANVAS, CANVAS)).toEqual({ pixels: null, reason: 'tooSmall' });
    expect(toMnistInput(speck, CANVAS, CANVAS, { minSide: 1 }).pixels).not.toBeNull();
  });

  it('refuses an ink array of the wrong length', () => {
    expect(() => toMnistInput(new Float32Array(10), 4, 4)).toThrow('expected 4·4 = 16 values, got 10');
  });

  it('returns 784 values in [0, 1] even from out-of-range ink', () => {
    const ink = rect(CANVAS, CANVAS, 60, 40, 100, 200, 3);
    ink[0] = -1;
    ink[1] = Number.NaN;
    const r = prepared(ink);
    expect(r.pixels).toHaveLength(784);
    expect(Math.min(...r.pixels)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...r.pixels)).toBeLessThanOrEqual(1);
    expect(Math.max(...r.pixels)).toBe(1);
  });

  it('keeps a centred square centred', () => {
    // 80×80 square at 100–179 → 20×20 of ones (area average over 4×4 blocks), centre of mass 9.5 inside it:
    // round(14 − 9.5) = 5, so it lands at 5–24 with its centre of mass at 14.5 (an exact tie, broken right/down).
    const r = prepared(rect(CANVAS, CANVAS, 100, 100, 80, 80));
    expect(r.box).toEqual({ x: 100, y: 100, width: 80, height: 80 });
    expect(r.placed).toEqual({ x: 5, y: 5, width: 20, height: 20 });
    expect(r.shift).toEqual({ x: 1, y: 1 });
    expect(Math.abs(r.centreOfMass.x - 14)).toBeLessThanOrEqual(0.5 + 1e-9);
    expect(Math.abs(r.centreOfMass.y - 14)).toBeLessThanOrEqual(0.5 + 1e-9);
    expect(sum(r.pixels)).toBeCloseTo(400, 3);
  });

  it('moves a dot drawn in a corner to the centre of the field', () => {
    // A dot of diameter 40 at (30, 250): pixel centres within 19.5 of it are fully inked, so columns 10–49 and rows
    // 230–269 (hand computation).
    const r = prepared(draw([[{ x: 30, y: 250 }]], 40));
    expect(r.box).toEqual({ x: 10, y: 230, width: 40, height: 40 });
    expect(r.placed.width).toBe(20);
    expect(r.placed.height).toBe(20);
    expect(Math.abs(r.centreOfMass.x - 14)).toBeLessThanOrEqual(0.5 + 1e-9);
    expect(Math.abs(r.centreOfMass.y - 14)).toBeLessThanOrEqual(0.5 + 1e-9);
  });

  it('roughly conserves ink: the output holds the canvas ink times the area ratio', () => {
    const ink = draw([[{ x: 30, y: 250 }]], 40);
    const r = prepared(ink);
    // 40×40 → 20×20 by 2×2 area averages: a quarter of the ink above the 0.05 threshold, none clipped.
    const kept = sum(Array.from(ink).filter((v) => v > 0.05));
    expect(Math.abs(sum(r.pixels) - kept / 4) / (kept / 4)).toBeLessThan(1e-4);
  });

  it.each([
    // [ink width, ink height, resized width, resized height]: longer side 20, shorter round(side·20/longer).
    [30, 150, 4, 20], // 30·20/150 = 4 (shrunk by 7.5)
    [200, 50, 20, 5], // 50·20/200 = 5 (shrunk by 10)
    [10, 7, 20, 14], // 7·20/10 = 14 (enlarged by 2)
    [5, 5, 20, 20],
    [90, 140, 13, 20], // 90·20/140 = 12.86 → 13
  ])('fits %s×%s ink into %s×%s, keeping the aspect ratio', (w, h, tw, th) => {
    const r = prepared(rect(CANVAS, CANVAS, 40, 60, w, h));
    expect(r.placed.width).toBe(tw);
    expect(r.placed.height).toBe(th);
    const out = boundingBox(r.pixels, MNIST_SIDE, MNIST_SIDE, 0.05)!;
    expect(out.width).toBe(tw);
    expect(out.height).toBe(th);
    expect(Math.abs(tw / th - w / h)).toBeLessThan(0.5 / Math.min(tw, th) + 1e-9); // rounding the shorter side by ≤ ½ px
  });

  it('turns a drawn "1" into a tall thin stroke in the middle columns', () => {
    // One vertical stroke, brush 20: box 20×220 → 2×20 (20·20/220 = 1.8 → 2).
    const r = prepared(draw([[{ x: 140, y: 40 }, { x: 140, y: 240 }]]));
    expect(r.box).toEqual({ x: 130, y: 30, width: 20, height: 220 });
    expect(r.placed.height).toBe(20);
    expect(r.placed.width).toBe(2);
    const byColumn = Array.from({ length: MNIST_SIDE }, (_, col) => sum(Array.from({ length: MNIST_SIDE }, (_, row) => r.pixels[row * MNIST_SIDE + col]!)));
    const middle = byColumn.slice(13, 16).reduce((s, v) => s + v, 0);
    expect(middle / sum(r.pixels)).toBeGreaterThan(0.99);
  });

  it('turns a drawn "7" into a bar across the top and a stroke ending lower left', () => {
    // Bar (60, 50) → (220, 50), then the diagonal to (110, 240), brush 20: box x 50–229, y 40–249 → 17×20.
    const r = prepared(draw([[{ x: 60, y: 50 }, { x: 220, y: 50 }, { x: 110, y: 240 }]]));
    expect(r.box).toEqual({ x: 50, y: 40, width: 180, height: 210 });
    expect(r.placed.width).toBe(17); // 180·20/210 = 17.1
    expect(r.placed.height).toBe(20);
    const { x, y, width, height } = r.placed;
    const row = (k: number) => Array.from(r.pixels.subarray(k * MNIST_SIDE + x, k * MNIST_SIDE + x + width));
    // The bar is 20 px thick in 210, about 2 output rows: the top rows carry ink across at least 15 of 17 columns.
    expect(row(y).filter((v) => v > 0.5).length).toBeGreaterThanOrEqual(15);
    // The diagonal ends at x = 110, a third of the way across the box: the bottom row's ink is all in the left half.
    const bottom = row(y + height - 1);
    expect(sum(bottom)).toBeGreaterThan(0.5);
    expect(sum(bottom.slice(Math.ceil(width / 2)))).toBe(0);
    // The bar makes the top heavy, so the digit sits low: centre of mass still within half a pixel of (14, 14).
    expect(Math.abs(r.centreOfMass.x - 14)).toBeLessThanOrEqual(0.5 + 1e-9);
    expect(Math.abs(r.centreOfMass.y - 14)).toBeLessThanOrEqual(0.5 + 1e-9);
  });

  it('stops the shift at the field’s edge rather than cutting ink off', () => {
    // A "T": bar 200×40 over a stem 4×160 at columns 98–101. Shrunk by 10: the bar is 20×4 of ones (mass 80) and the
    // stem 0.2 in columns 9 and 10 over rows 4–19 (mass 6.4). Centre of mass y = (80·1.5 + 6.4·11.5)/86.4 = 2.2407;
    // centring asks for a shift of round(14 − 2.24) = 12 rows but the box may only go down to 28 − 20 = 8.
    // Across, the T is symmetric (centre of mass 9.5): round(14 − 9.5) = 5, the tie broken to the right.
    const ink = rect(CANVAS, CANVAS, 0, 0, 200, 40);
    for (let row = 40; row < 200; row++) ink.fill(1, row * CANVAS + 98, row * CANVAS + 102);
    const r = prepared(ink);
    expect(r.placed).toEqual({ x: 5, y: 8, width: 20, height: 20 });
    expect(r.shift).toEqual({ x: 1, y: 4 });
    expect(r.centreOfMass.y).toBeCloseTo(8 + 193.6 / 86.4, 4);
    expect(sum(r.pixels)).toBeCloseTo(86.4, 3);
  });

  it('gives the same output for the same input and leaves the input alone', () => {
    const strokes: Stroke[] = [[{ x: 60, y: 50 }, { x: 220, y: 50 }, { x: 110, y: 240 }], [{ x: 100, y: 150 }, { x: 180, y: 150 }]];
    const ink = draw(strokes);
    const copy = ink.slice();
    const a = prepared(ink);
    const b = prepared(draw(strokes));
    expect(Array.from(a.pixels)).toEqual(Array.from(b.pixels));
    expect({ ...a, pixels: null }).toEqual({ ...b, pixels: null });
    expect(Array.from(ink)).toEqual(Array.from(copy));
  });

  const built = fileURLToPath(new URL('../../public/data/mnist-subset.bin', import.meta.url));
  it.skipIf(!existsSync(built))('changes a real MNIST digit (already 20 px in 28, centred) very little', () => {
    const file = readFileSync(built);
    const { test } = parseMnistSubset(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength));
    const n = test.count;
    const images = mnistPixelsToFloat(test, 0, n);
    let total = 0;
    let unchanged = 0;
    for (let k = 0; k < n; k++) {
      const img = images.subarray(k * 784, (k + 1) * 784);
      const r = prepared(img, MNIST_SIDE, MNIST_SIDE);
      let mad = 0;
      for (let i = 0; i < 784; i++) mad += Math.abs(r.pixels[i]! - img[i]!);
      mad /= 784;
      expect(mad).toBeLessThan(0.1);
      total += mad;
      if (mad < 0.01) unchanged++;
    }
    // Measured on the 1,000 packed test digits: mean 0.0007; 992 under 0.01. The other 8 had a centre of mass within
    // 0.01 px of a half-pixel tie and moved by one pixel (worst 0.07).
    expect(total / n).toBeLessThan(0.01);
    expect(unchanged / n).toBeGreaterThan(0.95);
  });
});
