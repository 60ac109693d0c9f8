/**
 * The four classic 2-D classification sets of TensorFlow Playground (circle, xor, gaussians, spiral), generated from
 * a seed. The recipes follow Playground's `src/dataset.ts` (same radii, paddings and noise rules), with labels 0/1
 * instead of −1/+1 and our seeded RNG instead of Math.random, so a seed reproduces the same points everywhere.
 * Pure TypeScript: no tfjs here.
 */
import { createRng, type Rng } from '../random';

/** Playground's four classification sets. */
export const DATASET_KINDS = ['circle', 'xor', 'gaussians', 'spiral'] as const;
export type DatasetKind = (typeof DATASET_KINDS)[number];

/** Points are drawn inside roughly [−DATA_EXTENT, DATA_EXTENT]² (Playground draws its charts on [−6, 6]²). */
export const DATA_EXTENT = 6;
/** Playground's noise slider runs from 0 to 50 (percent). */
export const MAX_NOISE = 50;

export interface DatasetOptions {
  kind: DatasetKind;
  /** Seed of the generator; the same seed gives the same points and the same split. */
  seed: number;
  /** Playground's noise level, 0–50 (percent); clamped to that range. */
  noise?: number;
  /** Number of points in all, train + test (Playground uses 500). */
  count?: number;
  /** Fraction of the points used for training, in (0, 1) (Playground's "ratio of training to test data", 50 %). */
  trainFraction?: number;
}

export interface Split2D {
  /** Features, row-major n×2: [x0, y0, x1, y1, …]. */
  xs: Float32Array;
  /** Labels, one per point: 0 or 1. */
  labels: Float32Array;
  /** n, the number of points. */
  count: number;
}

export interface Dataset2D {
  train: Split2D;
  test: Split2D;
}

interface Point {
  x: number;
  y: number;
  label: 0 | 1;
}

const uniform = (rng: Rng, a: number, b: number) => a + (b - a) * rng.uniform();

/** Playground's circle: label 1 inside radius 2.5, 0 in the ring 3.5–5; noise perturbs the point used for the label. */
function circle(rng: Rng, n: number, noise: number): Point[] {
  const radius = 5;
  const points: Point[] = [];
  const push = (rMin: number, rMax: number) => {
    const r = uniform(rng, rMin, rMax);
    const angle = uniform(rng, 0, 2 * Math.PI);
    const x = r * Math.sin(angle);
    const y = r * Math.cos(angle);
    const nx = uniform(rng, -radius, radius) * noise;
    const ny = uniform(rng, -radius, radius) * noise;
    const label = Math.hypot(x + nx, y + ny) < radius * 0.5 ? 1 : 0;
    points.push({ x, y, label });
  };
  const half = Math.floor(n / 2);
  for (let i = 0; i < half; i++) push(0, radius * 0.5);
  for (let i = half; i < n; i++) push(radius * 0.7, radius);
  return points;
}

/** Playground's xor: uniform in [−5, 5]² pushed 0.3 away from the axes; label 1 where x·y ≥ 0 (of the noisy point). */
function xor(rng: Rng, n: number, noise: number): Point[] {
  const padding = 0.3;
  const points: Point[] = [];
  for (let i = 0; i < n; i++) {
    let x = uniform(rng, -5, 5);
    x += x > 0 ? padding : -padding;
    let y = uniform(rng, -5, 5);
    y += y > 0 ? padding : -padding;
    const nx = uniform(rng, -5, 5) * noise;
    const ny = uniform(rng, -5, 5) * noise;
    points.push({ x, y, label: (x + nx) * (y + ny) >= 0 ? 1 : 0 });
  }
  return points;
}

/** Playground's two gaussians at (2, 2) (label 1) and (−2, −2) (label 0); variance grows from 0.5 to 4 with noise. */
function gaussians(rng: Rng, n: number, noise: number): Point[] {
  const variance = 0.5 + (noise / 0.5) * (4 - 0.5);
  const sd = Math.sqrt(variance);
  const points: Point[] = [];
  const half = Math.floor(n / 2);
  for (let i = 0; i < n; i++) {
    const [c, label] = i < half ? [2, 1 as const] : [-2, 0 as const];
    points.push({ x: c + sd * rng.normal(), y: c + sd * rng.normal(), label });
  }
  return points;
}

/** Playground's two interleaved spirals (1.75 turns, radius 0 → 5), each point jittered by uniform(−1, 1)·noise. */
function spiral(rng: Rng, n: number, noise: number): Point[] {
  const points: Point[] = [];
  const gen = (m: number, deltaT: number, label: 0 | 1) => {
    for (let i = 0; i < m; i++) {
      const r = (i / m) * 5;
      const t = ((1.75 * i) / m) * 2 * Math.PI + deltaT;
      points.push({
        x: r * Math.sin(t) + uniform(rng, -1, 1) * noise,
        y: r * Math.cos(t) + uniform(rng, -1, 1) * noise,
        label,
      });
    }
  };
  const half = Math.floor(n / 2);
  gen(half, 0, 1);
  gen(n - half, Math.PI, 0);
  return points;
}

const GENERATORS: Record<DatasetKind, (rng: Rng, n: number, noise: number) => Point[]> = { circle, xor, gaussians, spiral };

function toSplit(points: Point[]): Split2D {
  const xs = new Float32Array(points.length * 2);
  const labels = new Float32Array(points.length);
  points.forEach((p, i) => {
    xs[2 * i] = p.x;
    xs[2 * i + 1] = p.y;
    labels[i] = p.label;
  });
  return { xs, labels, count: points.length };
}

/**
 * Generates one of Playground's 2-D sets: `count` points (default 500) with features in roughly [−6, 6]² and labels
 * 0/1, shuffled with the seed and split into train (round(count·trainFraction), default 50 %) and test.
 */
export function generateDataset(options: DatasetOptions): Dataset2D {
  const { kind, seed } = options;
  const count = Math.max(2, Math.floor(options.count ?? 500));
  const noisePercent = Math.min(MAX_NOISE, Math.max(0, options.noise ?? 0));
  const trainFraction = Math.min(1, Math.max(0, options.trainFraction ?? 0.5));
  const generator = GENERATORS[kind];
  if (!generator) throw new Error(`unknown dataset "${String(kind)}"; expected one of ${DATASET_KINDS.join(', ')}`);
  const rng = createRng(seed);
  const points = generator(rng, count, noisePercent / 100);
  for (let i = points.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [points[i], points[j]] = [points[j]!, points[i]!];
  }
  const nTrain = Math.round(count * trainFraction);
  return { train: toSplit(points.slice(0, nTrain)), test: toSplit(points.slice(nTrain)) };
}

/**
 * A square grid of resolution² points covering [−extent, extent]², row-major (y from +extent down to −extent, x from
 * −extent to +extent, as a heat map is drawn), flattened to [x, y, x, y, …]; cell centres, so no point sits on the edge.
 */
export function gridPoints(resolution: number, extent: number = DATA_EXTENT): Float32Array {
  const n = Math.max(1, Math.floor(resolution));
  const out = new Float32Array(n * n * 2);
  const step = (2 * extent) / n;
  for (let row = 0; row < n; row++) {
    const y = extent - (row + 0.5) * step;
    for (let col = 0; col < n; col++) {
      const k = 2 * (row * n + col);
      out[k] = -extent + (col + 0.5) * step;
      out[k + 1] = y;
    }
  }
  return out;
}
