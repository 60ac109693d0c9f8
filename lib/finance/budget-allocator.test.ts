import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { schemaDefaults } from '../state/schema';
import { allocate, allocateGrid, budgetAllocator, equalSplit, hillInflection, hillLine, logLine, polishedGrid, type ResponseLine } from './budget-allocator';
import { BUDGET_LINES, budgetAllocatorSchema, type BudgetAllocatorInputs } from './schemas';

const defaults = schemaDefaults(budgetAllocatorSchema);
const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

/** f = c·√x: f′ = c/(2√x), (f′)⁻¹(λ) = c²/(4λ²). */
const sqrtLine = (c: number): ResponseLine => ({
  f: (x) => c * Math.sqrt(x),
  fPrime: (x) => c / (2 * Math.sqrt(x)),
  fPrimeInverse: (l) => (c * c) / (4 * l * l),
  min: 0,
  max: Infinity,
});

/** f = ln(α + x): f′ = 1/(α + x), (f′)⁻¹(λ) = 1/λ − α (water-filling). */
const waterLine = (alpha: number): ResponseLine => ({
  f: (x) => Math.log(alpha + x),
  fPrime: (x) => 1 / (alpha + x),
  fPrimeInverse: (l) => 1 / l - alpha,
  min: 0,
  max: Infinity,
});

describe('allocate (equal marginal returns by bisection on λ)', () => {
  it('splits 100 between 2√x and √x as (80, 20)', () => {
    // CALCULATORS.md (hand computation): 1/λ² + 1/(4λ²) = 100 → λ = √0.0125 = 0.1118; x = (80, 20);
    // outcome 2√80 + √20 = 22.36 against 3√50 = 21.21 for 50/50.
    const a = allocate([sqrtLine(2), sqrtLine(1)], 100);
    expect(a.spend[0]).toBeCloseTo(80, 9);
    expect(a.spend[1]).toBeCloseTo(20, 9);
    expect(a.outcome).toBeCloseTo(22.36, 2);
    expect(a.marginal).toBeCloseTo(0.1118, 4);
    // Both lines' marginal returns equal λ.
    expect(1 / Math.sqrt(80)).toBeCloseTo(a.marginal, 9);
    expect(1 / (2 * Math.sqrt(20))).toBeCloseTo(a.marginal, 9);
    const equal = equalSplit([sqrtLine(2), sqrtLine(1)], 100);
    expect(equal).toEqual([50, 50]);
    expect(2 * Math.sqrt(50) + Math.sqrt(50)).toBeCloseTo(21.21, 2);
  });

  it('water-fills ln(α + x) with α = (0.1, 0.2, 0.5) and budget 1 as (0.5, 0.4, 0.1)', () => {
    // CALCULATORS.md (hand computation): 3/λ − 0.8 = 1 → 1/λ = 0.6, x = 0.6 − α.
    const a = allocate([waterLine(0.1), waterLine(0.2), waterLine(0.5)], 1);
    expect(a.spend[0]).toBeCloseTo(0.5, 9);
    expect(a.spend[1]).toBeCloseTo(0.4, 9);
    expect(a.spend[2]).toBeCloseTo(0.1, 9);
    expect(a.marginal).toBeCloseTo(1 / 0.6, 9);
  });

  it('leaves a line unfunded when its water level is below the floor', () => {
    // α = (0.1, 2), budget 1: 1/λ = 1.1 would give line 2 −0.9, so it gets 0 and line 1 all of it.
    const a = allocate([waterLine(0.1), waterLine(2)], 1);
    expect(a.spend[0]).toBeCloseTo(1, 9);
    expect(a.spend[1]).toBe(0);
  });

  it('gives every line its maximum, and reports the rest, when the maxima are below the budget', () => {
    const a = allocate([logLine(1, 1, 0, 10), logLine(1, 1, 0, 20)], 100);
    expect(a.spend).toEqual([10, 20]);
    expect(a.unspent).toBe(70);
  });

  it('throws when the minima exceed the budget', () => {
    expect(() => allocate([logLine(1, 1, 60, 100), logLine(1, 1, 60, 100)], 100)).toThrow(RangeError);
  });

  const logLines = fc.array(
    fc.record({
      a: fc.double({ min: 0.1, max: 100, noNaN: true }),
      b: fc.double({ min: 1, max: 1e5, noNaN: true }),
      min: fc.double({ min: 0, max: 1e4, noNaN: true }),
      width: fc.double({ min: 0, max: 1e6, noNaN: true }),
    }),
    { minLength: 1, maxLength: 6 },
  );

  it('spends exactly the budget within every bound (property)', () => {
    fc.assert(
      fc.property(logLines, fc.double({ min: 0, max: 1, noNaN: true }), (ps, share) => {
        const lines = ps.map((p) => logLine(p.a, p.b, p.min, p.min + p.width));
        const lo = sum(lines.map((l) => l.min));
        const hi = sum(lines.map((l) => l.max));
        const budget = lo + share * (hi - lo);
        const a = allocate(lines, budget);
        const tol = 1e-9 * Math.max(1, budget);
        return Math.abs(sum(a.spend) - budget) <= tol && a.spend.every((x, i) => x >= lines[i]!.min - tol && x <= lines[i]!.max + tol);
      }),
      { numRuns: 300 },
    );
  });

  it('gives every funded interior line the same marginal return λ (property)', () => {
    fc.assert(
      fc.property(logLines, fc.double({ min: 0.05, max: 0.95, noNaN: true }), (ps, share) => {
        const lines = ps.map((p) => logLine(p.a, p.b, p.min, p.min + p.width));
        if (ps.every((p) => p.width <= 1e-9)) return true;
        const lo = sum(lines.map((l) => l.min));
        const hi = sum(lines.map((l) => l.max));
        const a = allocate(lines, lo + share * (hi - lo));
        return lines.every((l, i) => {
          const x = a.spend[i]!;
          const margin = 1e-6 * (l.max - l.min);
          if (l.max - l.min <= 1e-9) return true; // a fixed line satisfies any λ
          const interior = x > l.min + margin && x < l.max - margin;
          const m = l.fPrime(x);
          // Interior: f′ = λ. At the minimum: f′ ≤ λ (not worth more). At the maximum: f′ ≥ λ (would take more).
          if (interior) return Math.abs(m - a.marginal) <= 1e-6 * a.marginal;
          if (x <= l.min + margin) return m <= a.marginal * (1 + 1e-6);
          return m >= a.marginal * (1 - 1e-6);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('beats or equals any equal split of the same budget (property)', () => {
    fc.assert(
      fc.property(logLines, fc.double({ min: 0, max: 1, noNaN: true }), (ps, share) => {
        const lines = ps.map((p) => logLine(p.a, p.b, p.min, p.min + p.width));
        const budget = sum(lines.map((l) => l.min)) + share * (sum(lines.map((l) => l.max)) - sum(lines.map((l) => l.min)));
        const a = allocate(lines, budget);
        const e = equalSplit(lines, budget);
        // Relative slack, with a floor: with widths of 1e-242 (fast-check finds them) both outcomes are ~1e-231 and
        // differ by rounding far below any money.
        return a.outcome >= sum(lines.map((l, i) => l.f(e[i]!))) - 1e-9 * Math.max(Math.abs(a.outcome), 1e-9);
      }),
      { numRuns: 200 },
    );
  });
});

describe('S-shaped (Hill) curves', () => {
  it('concentrates a small budget where equal marginals spread it thinly', () => {
    // Two identical curves x²/(1 + x²), budget 1 (hand computation): equal marginals give (0.5, 0.5) and
    // 2 · 0.25/1.25 = 0.4; all on one line gives 1/2 = 0.5, the optimum.
    const lines = [hillLine(1, 1, 0, 10), hillLine(1, 1, 0, 10)];
    const em = allocate(lines, 1);
    expect(em.outcome).toBeCloseTo(0.4, 6);
    const grid = polishedGrid(lines, [{ b: 1, min: 0, max: 10 }, { b: 1, min: 0, max: 10 }], 1);
    expect(grid.outcome).toBeCloseTo(0.5, 6);
    expect(Math.max(...grid.spend)).toBeCloseTo(1, 6);
  });

  it('puts the inflection of a·x²/(b² + x²) at b/√3, where f″ changes sign', () => {
    const l = hillLine(3, 2, 0, 100);
    const x0 = hillInflection(2);
    const h = 1e-4;
    const f2 = (x: number) => (l.f(x + h) - 2 * l.f(x) + l.f(x - h)) / (h * h);
    expect(f2(x0 * 0.9)).toBeGreaterThan(0);
    expect(f2(x0 * 1.1)).toBeLessThan(0);
    // (f′)⁻¹ inverts f′ on the concave branch.
    for (const x of [x0 * 1.01, 2, 5, 50]) expect(l.fPrimeInverse(l.fPrime(x))).toBeCloseTo(x, 6);
  });

  // The grid is exact only on its grid: a line whose best spend falls between two steps can cost the grid a sliver
  // (about 1e-6 of the outcome at 200 steps), so "equals" allows 1e-4. The calculator keeps the better of the two.
  it('the grid fallback beats or equals the equal-marginal answer (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ a: fc.double({ min: 0.1, max: 100, noNaN: true }), b: fc.double({ min: 1, max: 1e3, noNaN: true }), max: fc.double({ min: 1, max: 1e4, noNaN: true }) }),
          { minLength: 2, maxLength: 6 },
        ),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (ps, share) => {
          const lines = ps.map((p) => hillLine(p.a, p.b, 0, p.max));
          const budget = share * sum(ps.map((p) => p.max));
          const em = allocate(lines, budget);
          const grid = polishedGrid(lines, ps.map((p) => ({ b: p.b, min: 0, max: p.max })), budget, 200);
          return grid.outcome >= em.outcome * (1 - 1e-4) - 1e-12 && Math.abs(sum(grid.spend) - budget) <= 1e-9 * budget;
        },
      ),
      { numRuns: 60 },
    );
  });

  it('the grid search is exact on its grid', () => {
    // Two linear lines 2x and x on [0, 10], budget 10: everything on the first (outcome 20).
    const lin = (c: number): ResponseLine => ({ f: (x) => c * x, fPrime: () => c, fPrimeInverse: () => 0, min: 0, max: 10 });
    const g = allocateGrid([lin(2), lin(1)], 10, 50);
    expect(g.spend[0]).toBeCloseTo(10, 9);
    expect(g.outcome).toBeCloseTo(20, 9);
  });
});

describe('budgetAllocator', () => {
  it('splits the default budget by hand', () => {
    // Log curves, all interior (hand computation): Σ(aᵢ/λ − bᵢ) = 1,000,000 → 140/λ = 1,750,000 → λ = 8e-5;
    // x = a/λ − b: data 275,000, model 112,500, marketing 200,000, team 200,000, users 137,500, optimisation 75,000.
    const r = budgetAllocator(defaults);
    if (!r.ok) throw new Error('expected ok');
    const expected = { data: 275_000, model: 112_500, marketing: 200_000, team: 200_000, users: 137_500, optimization: 75_000 };
    for (const [line, x] of Object.entries(expected)) expect(r.value[line as keyof typeof expected]).toBeCloseTo(x, 3);
    expect(r.value.marginal).toBeCloseTo(8e-5, 12);
    expect(r.value.detail?.method).toBe('bisection');
    expect(r.value.outcome).toBeGreaterThan(r.value.equalSplitOutcome);
    // Equal split: 1,000,000 / 6 each, inside every bound.
    for (const l of r.value.detail?.lines ?? []) expect(l.equalSpend).toBeCloseTo(1e6 / 6, 3);
  });

  it('falls back to a grid for S-shaped curves, says so, and beats the equal split', () => {
    const r = budgetAllocator({ ...defaults, curve: 'hill' });
    if (!r.ok) throw new Error('expected ok');
    expect(r.value.detail?.method).toBe('grid');
    expect(r.notes.map((n) => n.code)).toContain('sShaped');
    expect(sum(BUDGET_LINES.map((l) => r.value[l]))).toBeCloseTo(1e6, 3);
    expect(r.value.outcome).toBeGreaterThanOrEqual(r.value.equalSplitOutcome);
  });

  it('keeps bisection for Hill curves whose range is all concave', () => {
    const over = Object.fromEntries(BUDGET_LINES.map((l) => [`${l}Min`, 100_000])) as Partial<BudgetAllocatorInputs>;
    const r = budgetAllocator({ ...defaults, ...over, curve: 'hill', budget: 2e6, dataB: 1e5, modelB: 1e5, marketingB: 1e5, teamB: 1e5, usersB: 1e5, optimizationB: 1e5 });
    expect(r.ok && r.value.detail?.method).toBe('bisection');
  });

  it('fails when the minimums exceed the budget', () => {
    const r = budgetAllocator({ ...defaults, budget: 100_000 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems[0]?.code).toBe('minimumsAboveBudget');
      expect(r.problems[0]?.message.en).toContain('150,000');
    }
  });

  it('fails on a negative budget', () => {
    const r = budgetAllocator({ ...defaults, budget: -1 });
    expect(r.ok).toBe(false);
  });

  it('fails when a minimum is above its maximum', () => {
    const r = budgetAllocator({ ...defaults, dataMin: 10, dataMax: 5 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]?.code).toBe('minAboveMax');
  });

  it('spends every maximum and reports the rest when the maxima fall short', () => {
    const over = Object.fromEntries(BUDGET_LINES.map((l) => [`${l}Max`, 100_000])) as Partial<BudgetAllocatorInputs>;
    const r = budgetAllocator({ ...defaults, ...over });
    if (!r.ok) throw new Error('expected ok');
    for (const l of BUDGET_LINES) expect(r.value[l]).toBe(100_000);
    expect(r.notes.map((n) => n.code)).toContain('unspent');
    expect(r.notes.find((n) => n.code === 'unspent')?.message.en).toContain('400,000');
  });
});
