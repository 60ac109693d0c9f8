import { describe, expect, it } from 'vitest';
import { calculatorResults } from './calculator-results';
import { capitalAllocationLabs as labs } from './capital-allocation';

/** The Runway calculator opens with expenses held constant, as Graham's test asks (content/en/capital-allocation.mdx). */
const RUNWAY_PAGE = { expenseGrowth: 0 };

describe('labs of the chapter capital-allocation', () => {
  it('read calculators that publish the results they check', () => {
    expect(labs['ca-beat-equal']!.widget).toBe('budgetAllocator');
    expect(labs['ca-alive-80']!.widget).toBe('runway');
    expect(labs['ca-third-safe']!.widget).toBe('capTable');
  });
  it('are not done on the page’s starting settings', () => {
    expect(labs['ca-beat-equal']!.check(calculatorResults('budgetAllocator', {}))).toBe(false);
    expect(labs['ca-alive-80']!.check(calculatorResults('runway', RUNWAY_PAGE))).toBe(false);
    expect(labs['ca-third-safe']!.check(calculatorResults('capTable', {}))).toBe(false);
  });

  it('beat the equal split by 20 %: S-shaped curves on a small budget, or lines that do not work', () => {
    const lab = labs['ca-beat-equal']!;
    // defaults: log curves, 1,000,000: the optimum beats the equal split by 3.3 % only
    const start = calculatorResults('budgetAllocator', {});
    expect(start.outcome! / start.equalSplitOutcome!).toBeCloseTo(1.033, 3);
    // Hill curves and 300,000: 21 % better (an equal split leaves every line below its bend)
    expect(lab.check(calculatorResults('budgetAllocator', { curve: 'hill', budget: 3e5 }))).toBe(true);
    expect(lab.check(calculatorResults('budgetAllocator', { curve: 'hill', budget: 2e5 }))).toBe(true);
    // log curves with two lines switched off (a = 0): the equal split wastes a third of the money, 30 % worse
    expect(lab.check(calculatorResults('budgetAllocator', { usersA: 0, optimizationA: 0 }))).toBe(true);
    // one line off is not enough (14 %), nor are Hill curves at the default budget (12 %)
    expect(lab.check(calculatorResults('budgetAllocator', { optimizationA: 0 }))).toBe(false);
    expect(lab.check(calculatorResults('budgetAllocator', { curve: 'hill' }))).toBe(false);
  });

  it('alive on 80 % of paths: 13 % monthly growth, or lower expenses', () => {
    const lab = labs['ca-alive-80']!;
    // 12 %: alive on the central path but on 68 % of the paths (seed 1, 500 runs, spread 0.05)
    const twelve = calculatorResults('runway', { ...RUNWAY_PAGE, growth: 0.12 });
    expect(twelve.defaultAlive).toBe(1);
    expect(twelve.pAlive).toBeCloseTo(0.682, 3);
    expect(lab.check(twelve)).toBe(false);
    // 13 %: 89.6 %
    expect(lab.check(calculatorResults('runway', { ...RUNWAY_PAGE, growth: 0.13 }))).toBe(true);
    // 8 % growth, expenses cut to 150,000
    expect(lab.check(calculatorResults('runway', { ...RUNWAY_PAGE, burn: 1.5e5 }))).toBe(true);
    // 13 % while hiring (+1 % a month): dead on the central path
    expect(lab.check(calculatorResults('runway', { growth: 0.13, expenseGrowth: 0.01 }))).toBe(false);
  });

  it('a third SAFE worth 5 %: any amount at twenty times that amount as its cap', () => {
    const lab = labs['ca-third-safe']!;
    // 500,000 at a 10,000,000 post-money cap: CC = 10,000,000 / (1 − 0.05 − 0.10 − 0.05) = 12,500,000; 625,000 shares
    const third = calculatorResults('capTable', { safe3Amount: 5e5, safe3Cap: 1e7 });
    expect(third.companyCapitalization).toBe(12_500_000);
    expect(third.safe3Shares).toBe(625_000);
    expect(third.founderPercentAfter).toBeCloseTo(51.9, 1);
    expect(lab.check(third)).toBe(true);
    expect(lab.check(calculatorResults('capTable', { safe3Amount: 1e6, safe3Cap: 2e7 }))).toBe(true);
    // 10 % instead of 5 %
    expect(lab.check(calculatorResults('capTable', { safe3Amount: 1e6, safe3Cap: 1e7 }))).toBe(false);
    // 5 %, but a 25 % pool target pushes the first row below 50 %
    expect(lab.check(calculatorResults('capTable', { safe3Amount: 5e5, safe3Cap: 1e7, poolTargetPercent: 25 }))).toBe(false);
  });

  it('are false, never throwing, when results are missing', () => {
    for (const lab of Object.values(labs)) {
      expect(lab.check({})).toBe(false);
      expect(lab.check({ outcome: Number.NaN, equalSplitOutcome: Number.NaN, defaultAlive: Number.NaN, pAlive: Number.NaN, safe3Shares: Number.NaN, companyCapitalization: Number.NaN, founderPercentAfter: Number.NaN })).toBe(false);
    }
    expect(labs['ca-beat-equal']!.check({ outcome: 10, equalSplitOutcome: 0 })).toBe(false);
    expect(labs['ca-alive-80']!.check({ pAlive: 1 })).toBe(false);
    expect(labs['ca-third-safe']!.check({ safe3Shares: 5, companyCapitalization: 100 })).toBe(false);
  });
});
