import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Field, Schema } from '../state/schema';
import { schemaDefaults } from '../state/schema';
import { allFinite } from './checks';
import { CALCULATORS, CALCULATOR_IDS, type CalculatorId } from './index';
import type { CalcResult } from './result';
import { BUDGET_LINES, budgetAllocatorSchema } from './schemas';

type AnyCompute = (v: Record<string, unknown>) => CalcResult<Record<string, unknown>>;
const computeOf = (id: CalculatorId) => CALCULATORS[id].compute as unknown as AnyCompute;

/** Any value a field allows: its bounds and default, uniform draws, and log-uniform draws across the decades. */
function arbitraryFor(field: Field): fc.Arbitrary<unknown> {
  if (field.type === 'enum') return fc.constantFrom(...field.options);
  if (field.type !== 'number') throw new Error(`no arbitrary for ${field.type}`);
  const { min, max } = field;
  const clamp = (x: number) => Math.min(max, Math.max(min, field.integer ? Math.round(x) : x));
  const options: fc.Arbitrary<number>[] = [fc.constantFrom(min, max, field.default), fc.double({ min, max, noNaN: true }).map(clamp)];
  if (max > 0) {
    const lo = Math.log10(Math.max(min, 1e-12));
    options.push(fc.double({ min: lo, max: Math.log10(max), noNaN: true }).map((e) => clamp(10 ** e)));
  }
  return fc.oneof(...options);
}

const inputsFor = (schema: Schema) => fc.record(Object.fromEntries(Object.entries(schema).map(([k, f]) => [k, arbitraryFor(f)])));

/** What every result must satisfy: an ok value is finite everywhere (detail included); a failure says why, in both languages. */
function wellFormed(r: CalcResult<Record<string, unknown>>): boolean {
  const texts = (ps: { message: { en: string; zh: string } }[]) => ps.every((p) => p.message.en.length > 0 && p.message.zh.length > 0);
  if (!r.ok) return r.problems.length > 0 && texts(r.problems);
  return allFinite(r.value) && texts(r.notes) && texts(Object.values(r.missing ?? {}).filter((p) => p !== undefined));
}

describe('the calculator registry', () => {
  it('has the eight ids of CALCULATORS.md', () => {
    expect(CALCULATOR_IDS).toEqual(['trainingCost', 'computeOptimal', 'memoryFit', 'inferenceCost', 'unitEconomics', 'runway', 'capTable', 'budgetAllocator']);
  });

  it.each(CALCULATOR_IDS)('%s computes its defaults without a problem', (id) => {
    const r = computeOf(id)(schemaDefaults(CALCULATORS[id].schema as Schema) as Record<string, unknown>);
    expect(r.ok).toBe(true);
    expect(wellFormed(r)).toBe(true);
  });
});

describe('fuzzing every calculator through its schema', () => {
  // Runway runs up to 5,000 Monte Carlo paths per call, so it gets fewer cases to keep the suite fast.
  const RUNS: Partial<Record<CalculatorId, number>> = { runway: 25, budgetAllocator: 150 };

  it.each(CALCULATOR_IDS)('%s never returns a non-finite number in an ok value, for any inputs within bounds', (id) => {
    const compute = computeOf(id);
    fc.assert(
      fc.property(inputsFor(CALCULATORS[id].schema as Schema), (v) => wellFormed(compute(v))),
      { numRuns: RUNS[id] ?? 300 },
    );
  });

  it('budgetAllocator stays finite on feasible budgets too (minimums within the budget)', () => {
    const compute = computeOf('budgetAllocator');
    const schema = budgetAllocatorSchema as unknown as Schema;
    const arb = fc.tuple(inputsFor(schema), fc.array(fc.double({ min: 0, max: 1 / 6, noNaN: true }), { minLength: 6, maxLength: 6 })).map(([v, shares]) => {
      const budget = v.budget as number;
      BUDGET_LINES.forEach((line, i) => {
        v[`${line}Min`] = budget * (shares[i] as number);
        v[`${line}Max`] = Math.max(v[`${line}Min`] as number, v[`${line}Max`] as number);
      });
      return v;
    });
    fc.assert(
      fc.property(arb, (v) => {
        const r = compute(v);
        return r.ok && wellFormed(r);
      }),
      { numRuns: 150 },
    );
  });
});
