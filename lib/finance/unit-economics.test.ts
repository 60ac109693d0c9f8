import { describe, expect, it } from 'vitest';
import { schemaDefaults } from '../state/schema';
import { unitEconomicsSchema, type UnitEconomicsInputs } from './schemas';
import { grossMargin, lifetimeValue, unitEconomics } from './unit-economics';

const defaults = schemaDefaults(unitEconomicsSchema);
/** ARPU 50 with 20 USD of other costs and no tokens: a 60 % gross margin. */
const spec: UnitEconomicsInputs = { arpu: 50, tokensPerUser: 0, costPerMillion: 0, otherCogs: 20, churn: 0.03, cac: 300, discount: 0 };

describe('unitEconomics', () => {
  it('reproduces the hand-checked case of CALCULATORS.md', () => {
    const r = unitEconomics(spec);
    if (!r.ok) throw new Error('expected ok');
    // (50 − 20) / 50 = 60 %; LTV = 50 · 0.6 / 0.03 = 1,000; LTV/CAC = 1,000 / 300 = 3.33; payback = 300 / 30 = 10 months.
    expect(r.value.grossMargin).toBeCloseTo(0.6, 12);
    expect(r.value.ltv).toBeCloseTo(1000, 9);
    expect(r.value.ltvToCac).toBeCloseTo(3.3333, 4);
    expect(r.value.paybackMonths).toBeCloseTo(10, 9);
    expect(r.missing).toBeUndefined();
  });

  it('gives a 20 USD plan burning 60M tokens at 0.25 USD per million a 25 % margin', () => {
    // CALCULATORS.md: 60 · 0.25 = 15 USD of tokens; (20 − 15) / 20 = 25 %.
    expect(grossMargin(20, 60e6, 0.25, 0)).toBeCloseTo(0.25, 12);
    const r = unitEconomics({ ...defaults, arpu: 20, tokensPerUser: 60e6, costPerMillion: 0.25, otherCogs: 0 });
    if (r.ok) expect(r.value.grossMargin).toBeCloseTo(0.25, 12);
    else throw new Error('expected ok');
  });

  it.each([
    // m(1+d)/(c+d) with m = 30 (hand computation): d = 0 → 30/0.03 = 1,000; d = 1 % → 30.3/0.04 = 757.5;
    // c = 0, d = 1 % → 30.3/0.01 = 3,030 (a perpetuity, finite thanks to the discount).
    [0.03, 0, 1000],
    [0.03, 0.01, 757.5],
    [0, 0.01, 3030],
    [1, 0, 30],
  ])('LTV with churn %s and discount %s is %s', (churn, discount, ltv) => {
    expect(lifetimeValue(30, churn, discount)).toBeCloseTo(ltv, 9);
    const r = unitEconomics({ ...spec, churn, discount });
    if (r.ok) expect(r.value.ltv).toBeCloseTo(ltv, 9);
    else throw new Error('expected ok');
  });

  it('reports an unbounded LTV, never Infinity, when churn and discount are both 0', () => {
    const r = unitEconomics({ ...spec, churn: 0, discount: 0 });
    if (!r.ok) throw new Error('expected ok');
    expect(Number.isFinite(r.value.ltv)).toBe(true);
    expect(Number.isFinite(r.value.ltvToCac)).toBe(true);
    expect(r.missing?.ltv?.code).toBe('zeroChurn');
    expect(r.missing?.ltvToCac?.code).toBe('zeroChurn');
    expect(r.missing?.ltv?.message.en).toMatch(/no upper bound/);
    expect(r.missing?.ltv?.message.zh).toMatch(/没有上限/);
    // The margin and payback still have values.
    expect(r.value.paybackMonths).toBeCloseTo(10, 9);
    expect(r.missing?.paybackMonths).toBeUndefined();
  });

  it('fails when ARPU is 0, since the margin is undefined', () => {
    const r = unitEconomics({ ...spec, arpu: 0 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]?.code).toBe('zeroArpu');
  });

  it('says a user who loses money never pays back', () => {
    // 20 USD plan, 100M tokens at 0.25 = 25 USD: margin (20 − 25)/20 = −25 %.
    const r = unitEconomics({ ...spec, arpu: 20, otherCogs: 0, tokensPerUser: 100e6, costPerMillion: 0.25 });
    if (!r.ok) throw new Error('expected ok');
    expect(r.value.grossMargin).toBeCloseTo(-0.25, 12);
    expect(r.missing?.paybackMonths?.message.en).toMatch(/never pays back/);
    expect(r.notes.map((n) => n.code)).toContain('negativeMargin');
    // Zero margin also never pays back.
    const zero = unitEconomics({ ...spec, otherCogs: 50 });
    expect(zero.ok && zero.missing?.paybackMonths?.code).toBe('neverPaysBack');
  });

  it('reports LTV/CAC as unbounded when CAC is 0', () => {
    const r = unitEconomics({ ...spec, cac: 0 });
    if (!r.ok) throw new Error('expected ok');
    expect(r.missing?.ltvToCac?.code).toBe('zeroCac');
    expect(r.value.paybackMonths).toBe(0);
  });

  it('warns when users leave before they pay back', () => {
    // Payback 300/30 = 10 months; churn 20 % → users stay 5 months on average.
    const r = unitEconomics({ ...spec, churn: 0.2 });
    expect(r.ok && r.notes.map((n) => n.code)).toContain('churnBeforePayback');
  });
});
