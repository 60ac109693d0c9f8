/**
 * Turns a digit drawn on a canvas into a 28×28 network input prepared the way MNIST's digits were (LeCun, Cortes &
 * Burges, "The MNIST database"): the ink's bounding box is scaled, keeping its aspect ratio, so its longer side is
 * 20 px, anti-aliased, and placed in a 28×28 field so that its centre of mass sits at the field's centre.
 *
 * The output uses exactly the book's MNIST model input (lib/ml/mnist.ts, mnistPixelsToFloat, which the widgets feed
 * to tf.tensor2d(…, [n, 784]) in lib/widgets/quant-lab.ts): 784 float values in [0, 1], row-major (row 0 at the top),
 * the packed uint8 pixel / 255, with 0 = background and 1 = ink, i.e. a light digit on a dark field. Reshape to
 * [1, 784] for an MLP or [1, 28, 28, 1] for the CNN.
 *
 * Coordinates: an image pixel (col, row) covers [col, col + 1) × [row, row + 1) of the plane, so canvas points (e.g. a
 * pointer's offsetX/offsetY) are in the same units as the canvas. Centres of mass are given in index coordinates (the
 * pixel at (col, row) counts as the point (col, row)): that is how MNIST was centred. In the packed subset
 * (public/data/mnist-subset.bin, 6,000 training digits) every digit's centre of mass lies within 0.5 px of (14, 14) in
 * index coordinates on both axes, and 5,999 have a 20-px longer side: MNIST was moved by whole pixels. So is ours.
 *
 * Pure TypeScript with no DOM: the widget reads its canvas (or keeps the strokes) and calls these functions.
 */

/** Side of the MNIST field, in pixels. */
export const MNIST_SIDE = 28;
/** Longer side of the digit's box inside the field, in pixels (LeCun et al.: 20×20). */
export const MNIST_FIT = 20;
/** Where a digit's centre of mass sits in MNIST, in index coordinates (measured on the packed subset; see above). */
export const MNIST_CENTRE = 14;

/** A point in canvas pixels. */
export interface Point {
  x: number;
  y: number;
}

/** One pen-down-to-pen-up stroke: the points in the order they were drawn. */
export type Stroke = readonly Point[];

/** An axis-aligned rectangle of whole pixels: columns x … x + width − 1, rows y … y + height − 1. */
export interface PixelBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface RasterOptions {
  /** Canvas width in pixels (a positive integer). */
  width: number;
  /** Canvas height in pixels (a positive integer). */
  height: number;
  /** Brush diameter in pixels (> 0). */
  brush: number;
}

function checkSize(fn: string, width: number, height: number): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new RangeError(`${fn}: width and height must be positive integers, got ${width}×${height}`);
  }
}

/**
 * Ink coverage, in [0, 1], of a pixel whose centre lies at distance d ≥ 0 from the spine of a brush of radius r: the
 * overlap of the pixel's unit width [d − ½, d + ½] with the brush's cross-section [−r, r]. It is 1 for d ≤ r − ½,
 * falls linearly to 0 at d = r + ½, and never exceeds 2r (a brush thinner than a pixel paints a faint line).
 */
export function brushCoverage(d: number, r: number): number {
  const c = Math.min(d + 0.5, r) - Math.max(d - 0.5, -r);
  return c <= 0 ? 0 : c >= 1 ? 1 : c;
}

/**
 * Paints one round-capped segment a → b of diameter `brush` into `ink` (width·height values, 0 = paper, 1 = ink, row-
 * major) in place, keeping each pixel's maximum of old and new coverage (opaque paint: overlaps do not add up). a = b
 * paints a dot. Only the pixels near the segment are visited, so a widget can call it on every pointer move.
 */
export function paintSegment(ink: Float32Array, width: number, height: number, a: Point, b: Point, brush: number): void {
  const r = brush / 2;
  const reach = r + 0.5;
  const x0 = Math.max(0, Math.floor(Math.min(a.x, b.x) - reach));
  const x1 = Math.min(width - 1, Math.ceil(Math.max(a.x, b.x) + reach));
  const y0 = Math.max(0, Math.floor(Math.min(a.y, b.y) - reach));
  const y1 = Math.min(height - 1, Math.ceil(Math.max(a.y, b.y) + reach));
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  for (let row = y0; row <= y1; row++) {
    const py = row + 0.5;
    for (let col = x0; col <= x1; col++) {
      const px = col + 0.5;
      // Distance from the pixel centre to the closest point of the segment (a projection clamped to [a, b]).
      const t = len2 > 0 ? Math.min(1, Math.max(0, ((px - a.x) * dx + (py - a.y) * dy) / len2)) : 0;
      const c = brushCoverage(Math.hypot(px - (a.x + t * dx), py - (a.y + t * dy)), r);
      const k = row * width + col;
      if (c > ink[k]!) ink[k] = c;
    }
  }
}

/**
 * Rasterises strokes (points in canvas pixels) as round-capped lines of diameter `brush` with anti-aliased coverage:
 * a Float32Array of width·height values, row-major, 0 = paper and 1 = ink. A stroke of one point is a dot; non-finite
 * points are skipped. Same strokes, same array: nothing random.
 */
export function rasterizeStrokes(strokes: readonly Stroke[], { width, height, brush }: RasterOptions): Float32Array {
  checkSize('rasterizeStrokes', width, height);
  if (!(brush > 0) || !Number.isFinite(brush)) throw new RangeError(`rasterizeStrokes: brush must be a positive number, got ${brush}`);
  const ink = new Float32Array(width * height);
  for (const stroke of strokes) {
    const pts = stroke.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
    if (pts.length === 1) paintSegment(ink, width, height, pts[0]!, pts[0]!, brush);
    for (let i = 1; i < pts.length; i++) paintSegment(ink, width, height, pts[i - 1]!, pts[i]!, brush);
  }
  return ink;
}

/** The smallest box holding every pixel of `img` (width·height, row-major) whose value exceeds `threshold`; null if none. */
export function boundingBox(img: ArrayLike<number>, width: number, height: number, threshold = 0): PixelBox | null {
  let x0 = width;
  let x1 = -1;
  let y0 = height;
  let y1 = -1;
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) {
      if (img[row * width + col]! > threshold) {
        if (col < x0) x0 = col;
        if (col > x1) x1 = col;
        if (row < y0) y0 = row;
        y1 = row;
      }
    }
  }
  return x1 < 0 ? null : { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}

/**
 * Centre of mass of `img` (width·height, row-major, non-negative values) in index coordinates: (Σ v·col / Σ v,
 * Σ v·row / Σ v), with mass = Σ v. Null when the image holds no mass.
 */
export function centreOfMass(img: ArrayLike<number>, width: number, height: number): { x: number; y: number; mass: number } | null {
  let mass = 0;
  let sx = 0;
  let sy = 0;
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) {
      const v = img[row * width + col]!;
      mass += v;
      sx += v * col;
      sy += v * row;
    }
  }
  return mass > 0 ? { x: sx / mass, y: sy / mass, mass } : null;
}

/**
 * Weights taking a line of `from` samples to `to` samples, as [source index, weight] pairs per output sample.
 * Shrinking (to < from) averages areas: output pixel d covers source [d·k, (d+1)·k) with k = from/to, and each source
 * pixel counts by the length it shares, so a thin stroke turns grey instead of vanishing between samples. Enlarging
 * interpolates linearly between the two source centres around the output centre (clamped at the ends).
 */
function axisWeights(from: number, to: number): [number, number][][] {
  const out: [number, number][][] = [];
  if (to === from) {
    for (let d = 0; d < to; d++) out.push([[d, 1]]);
  } else if (to < from) {
    const k = from / to;
    for (let d = 0; d < to; d++) {
      const lo = d * k;
      const hi = (d + 1) * k;
      const w: [number, number][] = [];
      for (let i = Math.floor(lo); i < Math.min(from, Math.ceil(hi)); i++) {
        const overlap = Math.min(hi, i + 1) - Math.max(lo, i);
        if (overlap > 0) w.push([i, overlap / k]);
      }
      out.push(w);
    }
  } else {
    for (let d = 0; d < to; d++) {
      const p = Math.min(from - 1, Math.max(0, ((d + 0.5) * from) / to - 0.5));
      const i = Math.floor(p);
      const f = p - i;
      out.push(f > 0 && i + 1 < from ? [[i, 1 - f], [i + 1, f]] : [[i, 1]]);
    }
  }
  return out;
}

/**
 * Resamples `src` (width·height, row-major) to newWidth·newHeight, each axis on its own: area averaging on an axis
 * that shrinks, bilinear interpolation on one that grows, a copy on one that keeps its size. Area averaging keeps the
 * total ink up to the area ratio: Σ out = Σ src · (newWidth/width) · (newHeight/height).
 */
export function resample(src: ArrayLike<number>, width: number, height: number, newWidth: number, newHeight: number): Float32Array {
  checkSize('resample', width, height);
  checkSize('resample', newWidth, newHeight);
  const wx = axisWeights(width, newWidth);
  const wy = axisWeights(height, newHeight);
  const mid = new Float32Array(newWidth * height);
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < newWidth; col++) {
      let s = 0;
      for (const [i, w] of wx[col]!) s += w * src[row * width + i]!;
      mid[row * newWidth + col] = s;
    }
  }
  const out = new Float32Array(newWidth * newHeight);
  for (let row = 0; row < newHeight; row++) {
    for (const [j, w] of wy[row]!) {
      for (let col = 0; col < newWidth; col++) out[row * newWidth + col]! += w * mid[j * newWidth + col]!;
    }
  }
  return out;
}

export interface MnistInputOptions {
  /** Ink at or below this level counts as paper (faint noise, the outer fringe of anti-aliasing); default 0.05. */
  threshold?: number;
  /** A drawing whose box has a longer side under this many canvas pixels is refused as 'tooSmall' (a stray speck
   * that would be blown up into a blob); default 4, 1 accepts a single pixel. */
  minSide?: number;
}

export interface MnistInput {
  /** 784 values in [0, 1], row-major 28×28, 0 = background and 1 = ink: the book's MNIST model input. */
  pixels: Float32Array;
  /** The ink's bounding box on the canvas, in canvas pixels. */
  box: PixelBox;
  /** Where the resized ink lies in the 28×28 field; its longer side is 20. */
  placed: PixelBox;
  /** Centre of mass of `pixels` in index coordinates: within 0.5 px of (14, 14) on each axis unless the field's edge stopped the shift. */
  centreOfMass: { x: number; y: number };
  /** Whole pixels the ink was moved from the box-centred position (margins split evenly, the odd pixel to the right
   * and bottom) to bring its centre of mass to (14, 14); positive = right / down. */
  shift: { x: number; y: number };
}

export type MnistInputRefusal = {
  pixels: null;
  /** 'empty': no ink above the threshold; 'tooSmall': the ink's box is under `minSide` canvas pixels. */
  reason: 'empty' | 'tooSmall';
};

/**
 * Prepares a drawing as an MNIST digit. `ink` holds width·height values, row-major, 0 = paper and 1 = ink (the output
 * of rasterizeStrokes, or a canvas's alpha channel / 255); values are clipped to [0, 1] and those ≤ threshold count as
 * paper. Steps: crop to the ink's bounding box; resample it to fit 20×20 keeping the aspect ratio (longer side exactly
 * 20, shorter side round(side·20/longer), at least 1; area averaging when shrinking, bilinear when enlarging); place it
 * in a 28×28 field and move it by the whole number of pixels that brings its centre of mass nearest to (14, 14) in
 * index coordinates, without pushing ink off the field.
 *
 * The shift is in whole pixels, as MNIST's was (see the file comment): a sub-pixel shift would need one more
 * interpolation, which blurs the strokes a second time, and the model was trained on digits whose centre of mass is
 * off-centre by up to half a pixel anyway.
 */
export function toMnistInput(ink: ArrayLike<number>, width: number, height: number, opts: MnistInputOptions = {}): MnistInput | MnistInputRefusal {
  checkSize('toMnistInput', width, height);
  if (ink.length !== width * height) throw new RangeError(`toMnistInput: expected ${width}·${height} = ${width * height} values, got ${ink.length}`);
  const threshold = opts.threshold ?? 0.05;
  const minSide = opts.minSide ?? 4;
  const clean = new Float32Array(width * height);
  for (let k = 0; k < clean.length; k++) {
    const v = ink[k]!;
    clean[k] = v > threshold ? Math.min(1, v) : 0; // also maps NaN to 0
  }
  const box = boundingBox(clean, width, height);
  if (!box) return { pixels: null, reason: 'empty' };
  const longer = Math.max(box.width, box.height);
  if (longer < minSide) return { pixels: null, reason: 'tooSmall' };

  const crop = new Float32Array(box.width * box.height);
  for (let row = 0; row < box.height; row++) {
    const from = (box.y + row) * width + box.x;
    crop.set(clean.subarray(from, from + box.width), row * box.width);
  }
  const tw = Math.max(1, Math.min(MNIST_FIT, Math.round((box.width * MNIST_FIT) / longer)));
  const th = Math.max(1, Math.min(MNIST_FIT, Math.round((box.height * MNIST_FIT) / longer)));
  const small = resample(crop, box.width, box.height, tw, th);

  const com = centreOfMass(small, tw, th)!;
  const ox = Math.min(MNIST_SIDE - tw, Math.max(0, Math.round(MNIST_CENTRE - com.x)));
  const oy = Math.min(MNIST_SIDE - th, Math.max(0, Math.round(MNIST_CENTRE - com.y)));
  const pixels = new Float32Array(MNIST_SIDE * MNIST_SIDE);
  for (let row = 0; row < th; row++) {
    for (let col = 0; col < tw; col++) {
      pixels[(oy + row) * MNIST_SIDE + ox + col] = Math.min(1, Math.max(0, small[row * tw + col]!));
    }
  }
  const final = centreOfMass(pixels, MNIST_SIDE, MNIST_SIDE)!;
  return {
    pixels,
    box,
    placed: { x: ox, y: oy, width: tw, height: th },
    centreOfMass: { x: final.x, y: final.y },
    shift: { x: ox - Math.floor((MNIST_SIDE - tw) / 2), y: oy - Math.floor((MNIST_SIDE - th) / 2) },
  };
}
