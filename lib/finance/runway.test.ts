import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { schemaDefaults } from '../state/schema';
import { createRng } from '../random';
import { quantileSorted, runway, simulateRunwayPath } from './runway';
import { RUNWAY_HORIZON_MONTHS, runwaySchema, type RunwayInputs } from './schemas';

const defaults = schemaDefaults(runwaySchema);
const H = RUNWAY_HORIZON_MONTHS;
const run = (over: Partial<RunwayInputs>) => {
  const r = runway({ ...defaults, ...over });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message.en).join(' '));
  return r;
};

describe('runway', () => {
  it('gives 3,000,000 of cash at 250,000 a month with no revenue 12 months', () => {
    // CALCULATORS.md: 3,000,000 / 250,000 = 12 months (after month 11 the cash is exactly 0, not below).
    const r = run({ cash: 3e6, burn: 2.5e5, revenue: 0, expenseGrowth: 0 });
    expect(r.value.months).toBe(12);
    expect(r.value.breakEvenMonth).toBe(-1);
    expect(r.value.defaultAlive).toBe(0);
    expect(r.value.pAlive).toBe(0);
    // No break-even: the burn over the whole horizon, 120 · 250,000 = 30,000,000.
    expect(r.value.cumulativeBurn).toBeCloseTo(3e7, 3);
    expect(r.notes.map((n) => n.code)).toContain('noBreakEven');
    expect(r.value.detail?.path[12]?.cash).toBe(0);
    expect(r.value.detail?.path[13]?.cash).toBe(-2.5e5);
  });

  it('breaks even in month 8 on 50,000 of revenue growing 10 % against 100,000 of flat expenses', () => {
    // Hand computation: 50,000 · 1.1ᵗ ≥ 100,000 first at t = 8 (1.1⁸ = 2.1436; 1.1⁷ = 1.9487). Net burn of months
    // 0–7: 800,000 − 50,000 · (1.1⁸ − 1)/0.1 = 800,000 − 571,794.4 = 228,205.6, which 1,000,000 covers.
    const r = run({ cash: 1e6, burn: 1e5, revenue: 5e4, growth: 0.1, expenseGrowth: 0, growthSd: 0 });
    expect(r.value.breakEvenMonth).toBe(8);
    expect(r.value.cumulativeBurn).toBeCloseTo(228205.6, 0);
    expect(r.value.months).toBe(H);
    expect(r.value.defaultAlive).toBe(1);
    expect(r.value.pAlive).toBe(1);
  });

  it('is default dead when the cash runs out before break-even', () => {
    // Same company with 200,000: cumulative net burn 50, 95, 134.5, 167.95, 194.745, 214.22 thousand in months 0–5,
    // so month 5 is the first that cannot be paid: 5 months (hand computation); break-even would come in month 8.
    const r = run({ cash: 2e5, burn: 1e5, revenue: 5e4, growth: 0.1, expenseGrowth: 0, growthSd: 0 });
    expect(r.value.months).toBe(5);
    expect(r.value.breakEvenMonth).toBe(8);
    expect(r.value.defaultAlive).toBe(0);
    // Cumulative burn is what reaching break-even would take, whether or not the company has it.
    expect(r.value.cumulativeBurn).toBeCloseTo(228205.6, 0);
  });

  it('counts a company that breaks even and falls behind again as dead', () => {
    // Revenue equals expenses in month 0, then expenses grow 5 % a month and revenue does not.
    const r = run({ cash: 1e5, burn: 1e5, revenue: 1e5, growth: 0, expenseGrowth: 0.05, growthSd: 0 });
    expect(r.value.breakEvenMonth).toBe(0);
    expect(r.value.months).toBeLessThan(H);
    expect(r.value.defaultAlive).toBe(0);
    expect(r.notes.map((n) => n.code)).toContain('relapse');
  });

  it('returns a deterministic path and a fan for months 0 … 120', () => {
    const r = run({});
    expect(r.value.detail?.path).toHaveLength(H + 1);
    expect(r.value.detail?.fan).toHaveLength(H + 1);
    expect(r.value.detail?.path[0]).toEqual({ month: 0, cash: defaults.cash, revenue: defaults.revenue, expenses: defaults.burn });
    for (const f of r.value.detail?.fan ?? []) {
      expect(f.p10).toBeLessThanOrEqual(f.p50);
      expect(f.p50).toBeLessThanOrEqual(f.p90);
    }
  });

  it('repeats for the same seed and varies with another', () => {
    const a = run({ growthSd: 0.2, seed: 7 });
    const b = run({ growthSd: 0.2, seed: 7 });
    const c = run({ growthSd: 0.2, seed: 8 });
    expect(b.value.detail?.fan).toEqual(a.value.detail?.fan);
    expect(c.value.detail?.fan).not.toEqual(a.value.detail?.fan);
  });

  it('gives a probability strictly between 0 and 1 when growth is uncertain enough', () => {
    // Expected growth just at the default-alive edge, with a wide spread: some paths live, some die.
    const r = run({ cash: 3e6, burn: 2.5e5, revenue: 3e4, growth: 0.1, expenseGrowth: 0, growthSd: 0.1, runs: 400, seed: 3 });
    expect(r.value.pAlive).toBeGreaterThan(0);
    expect(r.value.pAlive).toBeLessThan(1);
  });

  it('equals the deterministic path on every Monte Carlo path when the spread is 0 (property)', () => {
    fc.assert(
      fc.property(
        fc.record({
          cash: fc.double({ min: 0, max: 1e8, noNaN: true }),
          burn: fc.double({ min: 0, max: 1e7, noNaN: true }),
          revenue: fc.double({ min: 0, max: 1e7, noNaN: true }),
          growth: fc.double({ min: -0.5, max: 0.5, noNaN: true }),
          expenseGrowth: fc.double({ min: -0.2, max: 0.2, noNaN: true }),
          runs: fc.integer({ min: 1, max: 8 }),
          seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        }),
        (v) => {
          const r = runway({ ...v, growthSd: 0 });
          if (!r.ok || !r.value.detail) return false;
          const { path, fan } = r.value.detail;
          // Every path the Monte Carlo draws, re-simulated with the same generator, is the deterministic path.
          const rng = createRng(v.seed);
          for (let k = 0; k < v.runs; k++) {
            const cash = new Float64Array(H + 1);
            simulateRunwayPath(v.cash, v.burn, v.revenue, v.expenseGrowth, () => v.growth + 0 * rng.normal(), H, cash);
            if (!path.every((p, t) => p.cash === cash[t])) return false;
          }
          return (
            r.value.pAlive === r.value.defaultAlive &&
            fan.every((f, t) => f.p10 === path[t]!.cash && f.p50 === path[t]!.cash && f.p90 === path[t]!.cash)
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it.each([
    [{ cash: -1 }, 'negativeCash'],
    [{ burn: -1 }, 'negativeBurn'],
    [{ runs: 0 }, 'badRuns'],
    [{ runs: 1e7 }, 'badRuns'],
    [{ growth: -2 }, 'growthBelowMinus100'],
  ] as [Partial<RunwayInputs>, string][])('fails with a clear message on %o', (over, code) => {
    const r = runway({ ...defaults, ...over });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems[0]?.code).toBe(code);
      expect(r.problems[0]?.message.zh.length).toBeGreaterThan(0);
    }
  });

  it('interpolates quantiles between order statistics', () => {
    expect(quantileSorted([0, 10], 0.1)).toBeCloseTo(1, 12);
    expect(quantileSorted([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(quantileSorted([7], 0.9)).toBe(7);
  });
});
