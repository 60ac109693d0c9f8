import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { adamwStep, momentumStep, sgdStep, trajectory } from '../math/optimizers';
import { parseQuery, schemaDefaults } from '../state/schema';
import type { Tf } from '../ml/train';
import {
  OPTIMIZER_RACE_ID,
  SURFACES,
  SURFACE_DEFS,
  activeRacers,
  contourLevels,
  optimizerRace,
  optimizerRaceSchema,
  startOf,
  surfaceGradient,
  surfaceGrid,
  surfaceValue,
  type OptimizerRaceValues,
  type Ops,
} from './optimizer-race';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const settings = (over: Partial<OptimizerRaceValues> = {}): OptimizerRaceValues => ({ ...schemaDefaults(optimizerRaceSchema), backend: 'cpu', ...over });
const ctx = { tf: tf as unknown as Tf, backend: 'cpu' as const, basePath: '', origin: '', cache: new Map() };
const task = optimizerRace.task!;

/** The largest eigenvalue of the Hessian at (x, y), by central differences of the gradient. */
function maxCurvature(name: (typeof SURFACES)[number], x: number, y: number, h = 1e-4): number {
  const [gxx, gxy] = surfaceGradient(name, x + h, y).map((g, i) => (g - surfaceGradient(name, x - h, y)[i]!) / (2 * h));
  const [, gyy] = surfaceGradient(name, x, y + h).map((g, i) => (g - surfaceGradient(name, x, y - h)[i]!) / (2 * h));
  const a = gxx!;
  const b = gxy!;
  const d = gyy!;
  return (a + d) / 2 + Math.sqrt(((a - d) / 2) ** 2 + b * b);
}

describe('the loss surfaces', () => {
  it.each(SURFACES.map((s) => [s]))('%s: its minima are minima, with the stated value, and its start lies in the window', (name) => {
    const s = SURFACE_DEFS[name];
    for (const [x, y] of s.minima) {
      expect(surfaceValue(name, x, y)).toBeCloseTo(s.fMin, 9);
      const [gx, gy] = surfaceGradient(name, x, y);
      expect(Math.hypot(gx, gy)).toBeLessThan(1e-6);
    }
    const [x0, x1, y0, y1] = s.domain;
    expect(s.start[0]).toBeGreaterThan(x0);
    expect(s.start[0]).toBeLessThan(x1);
    expect(s.start[1]).toBeGreaterThan(y0);
    expect(s.start[1]).toBeLessThan(y1);
    expect(surfaceValue(name, ...s.start)).toBeGreaterThan(s.fMin);
  });

  it.each(SURFACES.map((s) => [s]))('%s: SGD at the default η = 0.04 is stable at its minimum (largest curvature below 2/η = 50)', (name) => {
    for (const [x, y] of SURFACE_DEFS[name].minima) expect(maxCurvature(name, x, y)).toBeLessThan(2 / optimizerRaceSchema.sgdLr.default);
  });

  it('gives the textbook values: Rosenbrock/100 at the origin is 0.01, Beale/10 at (0, 0) is 1.4203125', () => {
    // (1 − 0)² + 100·0 = 1 → 0.01; Beale(0, 0) = 1.5² + 2.25² + 2.625² = 2.25 + 5.0625 + 6.890625 = 14.203125 → /10
    expect(surfaceValue('rosenbrock', 0, 0)).toBeCloseTo(0.01, 12);
    expect(surfaceValue('beale', 0, 0)).toBeCloseTo(1.4203125, 12);
    // saddle: f(0, 0) = 0, f(0, √2) = 0.25·4 − 2 = −1
    expect(surfaceValue('saddle', 0, 0)).toBe(0);
  });

  it('computes the same f on tensors as on numbers', () => {
    const ops: Ops<tf.Tensor> = { c: (v) => tf.scalar(v), add: tf.add, sub: tf.sub, mul: tf.mul, square: tf.square };
    for (const name of SURFACES) {
      for (const [x, y] of [
        [0.3, -0.7],
        [1.2, 0.4],
      ] as const) {
        const got = tf.tidy(() => SURFACE_DEFS[name].f(ops, tf.scalar(x), tf.scalar(y)).dataSync()[0]!);
        expect(got).toBeCloseTo(surfaceValue(name, x, y), 4);
      }
    }
  });

  it('lays out a grid row-major from the top, and picks increasing contour levels above the minimum', () => {
    const g = surfaceGrid('ravine', 4, 3);
    expect(g).toHaveLength(12);
    const levels = contourLevels(g, 0);
    expect(levels[0]).toBeGreaterThan(0);
    expect(levels).toEqual([...levels].sort((a, b) => a - b));
  });
});

describe('the race, trained with tfjs (cpu backend)', () => {
  const pathOf = (paths: Float32Array[], i: number) => Array.from(paths[i]!);

  it('runs every racer from the same start, one point per step, and every one goes downhill on the ravine', async () => {
    const run = await task.build(ctx, settings({ pace: 'fast', steps: 100 }));
    await run.step(100);
    const { extra, metrics } = await run.frame();
    expect(run.info.racers).toEqual(['sgd', 'momentum', 'rmsprop', 'adagrad', 'adam', 'adamw']);
    for (let i = 0; i < run.info.racers.length; i++) {
      const p = pathOf(extra!.paths, i);
      expect(p.length).toBe(2 * 101);
      expect(p.slice(0, 2)).toEqual([-4.5, 2]);
      expect(extra!.losses[i]!).toBeLessThan(surfaceValue('ravine', -4.5, 2));
      expect(metrics[`loss.${run.info.racers[i]}`]).toBe(extra!.losses[i]);
    }
    expect(run.progress().step).toBe(100);
    run.dispose();
  }, 30_000);

  it('moves tfjs’s SGD and momentum exactly as the textbook formulas do (lib/math)', async () => {
    const run = await task.build(ctx, settings({ pace: 'fast', steps: 50, surface: 'rosenbrock' }));
    await run.step(50);
    const { extra } = await run.frame();
    const start = SURFACE_DEFS.rosenbrock.start;
    const grad = (t: number[]) => surfaceGradient('rosenbrock', t[0]!, t[1]!);
    const sgd = trajectory(sgdStep, { lr: 0.04 }, start, grad, 50);
    const mom = trajectory(momentumStep, { lr: 0.01, momentum: 0.9 }, start, grad, 50);
    // float32 on the device against float64 here: agreement to 1e-4.
    pathOf(extra!.paths, 0).forEach((v, k) => expect(v).toBeCloseTo(sgd[Math.floor(k / 2)]![k % 2]!, 4));
    pathOf(extra!.paths, 1).forEach((v, k) => expect(v).toBeCloseTo(mom[Math.floor(k / 2)]![k % 2]!, 4));
    run.dispose();
  });

  it('runs the book’s AdamW exactly as its formula (lib/math adamwStep)', async () => {
    const run = await task.build(ctx, settings({ pace: 'fast', steps: 60, surface: 'beale', adamwDecay: 0.05 }));
    await run.step(60);
    const { extra } = await run.frame();
    const ref = trajectory(adamwStep, { lr: 0.05, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0.05 }, SURFACE_DEFS.beale.start, (t) => surfaceGradient('beale', t[0]!, t[1]!), 60);
    pathOf(extra!.paths, 5).forEach((v, k) => expect(v).toBeCloseTo(ref[Math.floor(k / 2)]![k % 2]!, 4));
    run.dispose();
  });

  it('draws the noisy bowl’s noise from the seed: the same seed, the same path; another seed, another', async () => {
    const race = async (seed: number) => {
      const run = await task.build(ctx, settings({ pace: 'fast', steps: 30, surface: 'noisy', seed, sgd: true, momentum: false, rmsprop: false, adagrad: false, adam: false, adamw: false }));
      await run.step(30);
      const p = Array.from((await run.frame()).extra!.paths[0]!);
      run.dispose();
      return p;
    };
    const a = await race(1);
    expect(await race(1)).toEqual(a);
    expect(await race(2)).not.toEqual(a);
  });

  it('stops a racer that diverges, and the others race on', async () => {
    const run = await task.build(ctx, settings({ pace: 'fast', steps: 100, sgdLr: 1, momentum: false, rmsprop: false, adagrad: false, adamw: false }));
    await run.step(100);
    const { extra, metrics } = await run.frame();
    expect(extra!.status).toEqual(['diverged', 'running']);
    expect(metrics['loss.sgd']).toBeNull();
    expect(extra!.losses[1]!).toBeLessThan(surfaceValue('ravine', -4.5, 2));
    run.dispose();
  });

  it('starts from the reader’s point when one is chosen, and refuses a race without racers', async () => {
    expect(startOf(settings({ customStart: true, x0: 1, y0: -1 }))).toEqual([1, -1]);
    const none = settings({ sgd: false, momentum: false, rmsprop: false, adagrad: false, adam: false, adamw: false });
    expect(activeRacers(none)).toEqual([]);
    await expect(task.build(ctx, none)).rejects.toThrow(/at least one/);
  });

  it('takes more steps when the target is raised live, and leaves no tensors behind', async () => {
    const before = tf.memory().numTensors;
    const run = await task.build(ctx, settings({ pace: 'fast', steps: 40 }));
    await run.step(100);
    expect(run.progress().step).toBe(40);
    run.tune!(settings({ pace: 'fast', steps: 60 }));
    await run.step(100);
    expect(run.progress().step).toBe(60);
    await run.frame();
    run.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('restores a shared race from its link', () => {
    const { values, issues } = parseQuery(OPTIMIZER_RACE_ID, optimizerRaceSchema, '?optimizerRace.surface=rosenbrock&optimizerRace.adamLr=0.1&optimizerRace.sgd=0');
    expect(issues).toEqual([]);
    expect(values).toMatchObject({ surface: 'rosenbrock', adamLr: 0.1, sgd: false });
  });
});
