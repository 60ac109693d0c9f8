import { describe, expect, it } from 'vitest';
import { calculatorResults } from './calculator-results';
import { startupStrategyLabs as labs } from './startup-strategy';

const published = (inputs: Record<string, unknown>) => calculatorResults('unitEconomics', inputs);

/** The settings the chapter's calculator opens with (content/en/startup-strategy.mdx and its zh twin). */
const PAGE = { arpu: 20, tokensPerUser: 60e6, costPerMillion: 0.25, otherCogs: 0, churn: 0.03, cac: 60 };

describe('labs of the chapter startup-strategy', () => {
  it('read the unit-economics calculator', () => {
    for (const lab of Object.values(labs)) expect(lab.widget).toBe('unitEconomics');
  });
  it('are not done on the page’s starting settings', () => {
    // 20 USD, 60M tokens at 0.25 USD/M: margin 25 %, payback 60/5 = 12 months, LTV/CAC (5/0.03)/60 = 2.78
    const start = published(PAGE);
    expect(start.grossMargin).toBeCloseTo(0.25, 12);
    expect(start.paybackMonths).toBeCloseTo(12, 12);
    for (const lab of Object.values(labs)) expect(lab.check(start)).toBe(false);
  });
  it('margin and payback: reached with a cheaper model, or a higher price', () => {
    const lab = labs['ss-margin-payback']!;
    // 0.08 USD/M: cost 4.80, margin 15.2/20 = 76 %, payback 60/15.2 = 3.9 months
    expect(lab.check(published({ ...PAGE, costPerMillion: 0.08 }))).toBe(true);
    // 60 USD a month: cost 15, margin 45/60 = 75 %, payback 60/45 = 1.3 months
    expect(lab.check(published({ ...PAGE, arpu: 60 }))).toBe(true);
    // 0.12 USD/M: margin (20 − 7.2)/20 = 64 %: not enough
    expect(lab.check(published({ ...PAGE, costPerMillion: 0.12 }))).toBe(false);
    // a 70 % margin with a payback of 12 months or more fails too (CAC 200: 200/14 = 14.3 months)
    expect(lab.check(published({ ...PAGE, costPerMillion: 0.1, cac: 200 }))).toBe(false);
  });
  it('usage cap: reached by capping tokens per user at 40 million', () => {
    const lab = labs['ss-usage-cap']!;
    // 40M tokens: cost 10, m = 10, payback 6 months, LTV 10/0.03 = 333, LTV/CAC 5.6
    expect(lab.check(published({ ...PAGE, tokensPerUser: 40e6 }))).toBe(true);
    // 44M: m = 9, payback 6.7 months: not yet
    expect(lab.check(published({ ...PAGE, tokensPerUser: 44e6 }))).toBe(false);
    // 40M but 12 % churn: LTV 83, LTV/CAC 1.4: fails on the ratio
    expect(lab.check(published({ ...PAGE, tokensPerUser: 40e6, churn: 0.12 }))).toBe(false);
  });
  it('are false, never throwing, when results are missing', () => {
    for (const lab of Object.values(labs)) {
      expect(lab.check({})).toBe(false);
      expect(lab.check({ grossMargin: 0.9, paybackMonths: undefined, ltvToCac: undefined })).toBe(false);
      expect(lab.check({ grossMargin: Number.NaN, paybackMonths: Number.NaN, ltvToCac: Number.NaN })).toBe(false);
    }
    // any one result it reads missing spoils a result set that would otherwise pass
    const passing = { grossMargin: 0.9, paybackMonths: 1, ltvToCac: 10 };
    const reads: Record<string, string[]> = { 'ss-margin-payback': ['grossMargin', 'paybackMonths'], 'ss-usage-cap': ['ltvToCac', 'paybackMonths'] };
    for (const [id, keys] of Object.entries(reads)) {
      const lab = labs[id]!;
      expect(lab.check(passing)).toBe(true);
      for (const key of keys) expect(lab.check({ ...passing, [key]: undefined })).toBe(false);
    }
    // a user who loses money publishes no payback: the calculator leaves it missing
    const losing = published({ ...PAGE, tokensPerUser: 200e6 });
    expect(losing.paybackMonths).toBeUndefined();
    for (const lab of Object.values(labs)) expect(lab.check(losing)).toBe(false);
  });
});
