import { describe, expect, it } from 'vitest';
import { adamStep, TFJS_EPSILON, trajectory } from '../math/optimizers';
import { lossReport } from '../widgets/loss-explorer';
import { SURFACE_DEFS, surfaceGradient, surfaceValue, type SurfaceName } from '../widgets/optimizer-race';
import { lossAndOptimizersLabs as labs } from './loss-and-optimizers';
import type { LabResults } from './types';

/** The results LossExplorer publishes for (p, y), as its view writes them (logitGradRatio only where p ≠ y). */
function explorer(p: number, y: number, delta = 1): LabResults {
  const r = lossReport(p, y, delta);
  return { p, y, delta, bce: r.losses.bce.value, entropy: r.entropy, ...(r.logitGradRatio === null ? {} : { logitGradRatio: r.logitGradRatio }) };
}

describe('lo-gradient-ratio', () => {
  const check = labs['lo-gradient-ratio']!.check;
  it.each([
    // 1 / (2p(1 − p)): at p = 0.053, 1 / (2 · 0.053 · 0.947) = 9.962 (hand computation); p = 0.947 mirrors it.
    [0.053, 1, true],
    [0.052, 1, true],
    [0.947, 1, true],
    [0.053, 0, true],
    // 10.33 and 9.79: outside ±0.2
    [0.051, 1, false],
    [0.054, 1, false],
    // the presets: 50.5 (confidently wrong), 2 (coin flip), 5.56 (source 001), none (p = y)
    [0.01, 1, false],
    [0.5, 1, false],
    [0.9, 1, false],
    [0.7, 0.7, false],
  ])('p = %f, y = %f: %s', (p, y, ok) => {
    expect(check(explorer(p, y))).toBe(ok);
  });
});

describe('lo-entropy-floor', () => {
  const check = labs['lo-entropy-floor']!.check;
  it('holds at p = y = 0.9, where the cross-entropy equals H(0.9)', () => {
    expect(check(explorer(0.9, 0.9))).toBe(true);
    // KL(0.9 ‖ 0.91) = 0.9 ln(0.9/0.91) + 0.1 ln(0.1/0.09) = 0.00059 (hand computation): within 0.001
    expect(check(explorer(0.91, 0.9))).toBe(true);
  });
  it('fails away from the floor, at another label, and at the soft-label preset', () => {
    // KL(0.9 ‖ 0.99) = 0.9 ln(0.9/0.99) + 0.1 ln(0.1/0.01) = 0.1445
    expect(check(explorer(0.99, 0.9))).toBe(false);
    expect(check(explorer(0.93, 0.9))).toBe(false);
    expect(check(explorer(0.7, 0.7))).toBe(false);
    expect(check(explorer(0.999, 1))).toBe(false);
  });
});

describe('lo-rosenbrock-adam', () => {
  const check = labs['lo-rosenbrock-adam']!.check;
  /** The results OptimizerRace shows after each step of tfjs's Adam (lib/math/optimizers follows tfjs 4.22). */
  function race(surface: SurfaceName, hyper: { lr: number; beta1: number; beta2: number }, steps: number): LabResults[] {
    const path = trajectory(adamStep, { ...hyper, eps: TFJS_EPSILON }, SURFACE_DEFS[surface].start, (t) => surfaceGradient(surface, t[0]!, t[1]!), steps);
    return path.map(([x, y], step) => ({ step, 'loss.adam': surfaceValue(surface, x!, y!), 'position.adam.0': x, 'position.adam.1': y, 'loss.sgd': 1 }));
  }
  const firstReached = (rs: LabResults[]) => rs.findIndex((r) => check(r));

  it('is out of reach with the race’s default Adam (β₂ = 0.999 still trails at step 300)', () => {
    expect(firstReached(race('rosenbrock', { lr: 0.05, beta1: 0.9, beta2: 0.999 }, 300))).toBe(-1);
  });

  it('is reached with a shorter memory for the squared gradients (β₂ = 0.9) well before step 300', () => {
    const at = firstReached(race('rosenbrock', { lr: 0.05, beta1: 0.9, beta2: 0.9 }, 300));
    expect(at).toBeGreaterThan(100);
    expect(at).toBeLessThan(250);
    expect(firstReached(race('rosenbrock', { lr: 0.1, beta1: 0.9, beta2: 0.9 }, 300))).toBeGreaterThan(0);
  });

  it('does not count the same point reached after step 300', () => {
    const late = race('rosenbrock', { lr: 0.05, beta1: 0.9, beta2: 0.9 }, 400).at(-1)!;
    expect(check({ ...late, step: 300 })).toBe(true);
    expect(check({ ...late, step: 301 })).toBe(false);
  });

  it('tells Rosenbrock from the other surfaces by the loss near (1, 1)', () => {
    for (const s of ['ravine', 'beale', 'saddle', 'noisy'] as const) {
      expect(check({ step: 10, 'loss.adam': surfaceValue(s, 1, 1), 'position.adam.0': 1, 'position.adam.1': 1 })).toBe(false);
    }
    expect(check({ step: 10, 'loss.adam': surfaceValue('rosenbrock', 1, 1), 'position.adam.0': 1, 'position.adam.1': 1 })).toBe(true);
  });

  it('is false while Adam is not racing (no results for it)', () => {
    expect(check({ step: 100, 'loss.sgd': 0 })).toBe(false);
  });
});
