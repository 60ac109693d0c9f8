import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runway } from '../finance/runway';
import { unitEconomics } from '../finance/unit-economics';
import { runwaySchema, unitEconomicsSchema } from '../finance/schemas';
import { parseQuery, schemaDefaults } from '../state/schema';
import {
  CALCULATOR_HOMES,
  RULES,
  assess,
  calculatorLinks,
  feasibility,
  feasibilitySchema,
  marketSize,
  minCasesFor,
  verdictCode,
  wilsonInterval,
  type FeasibilityValues,
  type FindingCode,
} from './feasibility';

const defaults = (): FeasibilityValues => schemaDefaults(feasibilitySchema);
const withValues = (patch: Partial<FeasibilityValues>): FeasibilityValues => ({ ...defaults(), ...patch });
const codes = (v: FeasibilityValues): FindingCode[] => assess(v).findings.map((f) => f.code);

describe('the Wilson interval', () => {
  it('gives [0.7864, 0.9565] for 45 passes in 50 cases', () => {
    // hand: p = 0.9, z² = 3.841459, z²/n = 0.0768292; centre = (0.9 + 0.0384146)/1.0768292 = 0.871462;
    // half = 1.959964·√(0.0018 + 0.00038415)/1.0768292 = 0.085063
    const [lo, hi] = wilsonInterval(45, 50);
    expect(lo).toBeCloseTo(0.786399, 5);
    expect(hi).toBeCloseTo(0.956525, 5);
  });

  it('stays within [0, 1] at 0 and n passes, where the normal approximation collapses', () => {
    // k = 0: lower 0, upper z²/(n + z²) = 3.841459/13.841459 = 0.277533 for n = 10 (hand)
    expect(wilsonInterval(0, 10)[0]).toBeCloseTo(0, 12);
    expect(wilsonInterval(0, 10)[1]).toBeCloseTo(0.277533, 5);
    expect(wilsonInterval(10, 10)[1]).toBeCloseTo(1, 12);
    expect(wilsonInterval(10, 10)[0]).toBeCloseTo(1 - 0.277533, 5);
  });

  it('narrows as cases grow at the same pass rate (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 200 }), (tenths, m) => {
        const a = wilsonInterval(tenths * m, 10 * m);
        const b = wilsonInterval(tenths * 2 * m, 20 * m);
        expect(b[1] - b[0]).toBeLessThan(a[1] - a[0]);
        expect(a[0]).toBeLessThanOrEqual((tenths * m) / (10 * m));
        expect(a[1]).toBeGreaterThanOrEqual((tenths * m) / (10 * m));
      }),
    );
  });

  it('needs 200 cases at a 90 % pass rate to clear an 85 % bar (in steps of 10), and 190 do not', () => {
    // 180/200: lower 0.85059; 171/190: lower 0.84910 (numerical, checked against the formula above)
    expect(minCasesFor(0.9, 0.85, 10)).toBe(200);
    expect(wilsonInterval(180, 200)[0]).toBeCloseTo(0.85059, 4);
    expect(wilsonInterval(171, 190)[0]).toBeLessThan(0.85);
    expect(minCasesFor(0.5, 0.85, 10, 1000)).toBeNaN();
  });
});

describe('the worksheet’s defaults: the chapter’s support copilot', () => {
  it('says investigate, because 45 of 50 cannot show an 85 % bar and a platform could copy it', () => {
    const r = assess(defaults());
    expect(r.verdict).toBe('investigate');
    expect(r.questions).toEqual({ technical: 'investigate', market: 'go', business: 'go', risk: 'investigate' });
    expect(r.findings.filter((f) => f.status !== 'go').map((f) => f.code)).toEqual(['qualityUnsure', 'platformHigh']);
  });

  it('computes the numbers behind it', () => {
    const r = assess(defaults());
    expect(r.passRate).toBe(0.9);
    // 20,000 × 400 × 12 = 96,000,000; 2,400,000 / 96,000,000 = 2.5 %
    expect(r.marketSize).toBe(96_000_000);
    expect(r.shareNeeded).toBeCloseTo(0.025, 12);
    // (400 − 30 × 2 − 40)/400 = 0.75; LTV = 300/0.03 = 10,000; /3,000 = 3.333; payback 3,000/300 = 10 months
    expect(r.grossMargin).toBeCloseTo(0.75, 12);
    expect(r.ltvToCac).toBeCloseTo(10 / 3, 10);
    expect(r.payback).toBeCloseTo(10, 10);
    // 1,500,000 / 100,000 = 15 months ≥ 8 + 6
    expect(r.runway).toBe(15);
    expect(r.runwayNeeded).toBe(14);
  });
});

describe('the rules, one by one', () => {
  it.each<[string, Partial<FeasibilityValues>, FindingCode, string]>([
    ['180 of 200 passes', { evalCases: 200, evalPassed: 180 }, 'qualityMet', 'go'],
    ['30 of 50 passes (upper end 0.72)', { evalCases: 50, evalPassed: 30 }, 'qualityShort', 'stop'],
    ['no cases', { evalCases: 0, evalPassed: 0 }, 'noEval', 'investigate'],
    ['more passes than cases', { evalCases: 10, evalPassed: 11 }, 'countsInvalid', 'investigate'],
  ])('technical: %s', (_what, patch, code, status) => {
    const r = assess(withValues(patch));
    expect(r.findings.find((f) => f.question === 'technical')?.code).toBe(code);
    expect(r.questions.technical).toBe(status);
  });

  it('market: stop above 100 % of the market, investigate above 10 %, and under 3 commitments', () => {
    // 2,000 × 400 × 12 = 9.6M: 2.4M is 25 %; 200 customers: 0.96M, less than the goal
    expect(codes(withValues({ customers: 2000 }))).toContain('shareHigh');
    expect(assess(withValues({ customers: 200 })).questions.market).toBe('stop');
    expect(codes(withValues({ customers: 0 }))).toContain('marketTooSmall');
    expect(codes(withValues({ goal: 0, customers: 0 }))).toContain('shareOk');
    // exactly 10 %: 2,000 × 1,000 × 12 = 24M, goal 2.4M
    expect(codes(withValues({ customers: 2000, price: 1000 }))).toContain('shareOk');
    expect(codes(withValues({ commitments: 2 }))).toContain('fewCommitments');
    expect(codes(withValues({ commitments: RULES.minCommitments }))).toContain('commitmentsOk');
  });

  it('business: margin, LTV/CAC and payback as Chapter 8 computes them', () => {
    // 100 M tokens at 2 USD = 200 USD: (400 − 200 − 40)/400 = 40 % → thin; LTV = 160/0.03 = 5,333 → 1.78 CAC → low;
    // payback 3,000/160 = 18.75 months → slow
    const thin = withValues({ tokensPerUser: 1e8 });
    expect(codes(thin)).toEqual(expect.arrayContaining(['thinMargin', 'ltvLow', 'slowPayback']));
    const ue = unitEconomics({ arpu: 400, tokensPerUser: 1e8, costPerMillion: 2, otherCogs: 40, churn: 0.03, cac: 3000, discount: 0 });
    expect(ue.ok && ue.value.grossMargin).toBeCloseTo(assess(thin).grossMargin!, 12);
    // 200 M tokens: (400 − 400 − 40)/400 = −10 % → stop, and no LTV rules on a loss
    const loss = assess(withValues({ tokensPerUser: 2e8 }));
    expect(loss.questions.business).toBe('stop');
    expect(loss.findings.map((f) => f.code)).toContain('negativeMargin');
    expect(loss.ltvToCac).toBeNull();
    // LTV 10,000 against a CAC of 12,000 → below 1 → stop
    expect(codes(withValues({ cac: 12_000 }))).toContain('ltvBelowCac');
  });

  it('business: runway against the milestone plus six months to raise', () => {
    // 1.2M at 100k a month = 12 months: short of 8 + 6 = 14 → investigate; 0.7M = 7 < 8 → stop
    expect(codes(withValues({ cash: 1.2e6 }))).toContain('noRaiseMargin');
    expect(assess(withValues({ cash: 1.2e6 })).questions.business).toBe('investigate');
    expect(codes(withValues({ cash: 7e5 }))).toContain('cashShort');
    expect(assess(withValues({ cash: 7e5 })).verdict).toBe('stop');
    expect(codes(withValues({ cash: 1.4e6 }))).toContain('runwayOk');
  });

  it('risk: refused data or a prohibited use stops; unclear, unchecked, copyable or unexamined investigates', () => {
    expect(assess(withValues({ dataRights: 'refused' })).verdict).toBe('stop');
    expect(assess(withValues({ regulation: 'prohibited' })).verdict).toBe('stop');
    const all = withValues({ dataRights: 'unclear', regulation: 'unknown', premortem: false });
    expect(codes(all)).toEqual(expect.arrayContaining(['dataUnclear', 'regulationUnknown', 'platformHigh', 'noPremortem']));
    expect(assess(withValues({ platform: 'low', evalCases: 200, evalPassed: 180 })).verdict).toBe('go');
  });

  it('takes the worst question as the verdict, with codes stop 0, investigate 1, go 2 (property)', () => {
    expect([verdictCode('stop'), verdictCode('investigate'), verdictCode('go')]).toEqual([0, 1, 2]);
    const arb = fc.record({
      evalCases: fc.integer({ min: 0, max: 500 }),
      evalPassed: fc.integer({ min: 0, max: 500 }),
      customers: fc.integer({ min: 0, max: 1e5 }),
      price: fc.integer({ min: 1, max: 5000 }),
      tokensPerUser: fc.integer({ min: 0, max: 5e8 }),
      cash: fc.integer({ min: 0, max: 5e6 }),
      commitments: fc.integer({ min: 0, max: 10 }),
      dataRights: fc.constantFrom('cleared', 'unclear', 'refused' as const),
    });
    fc.assert(
      fc.property(arb, (patch) => {
        const r = assess(withValues(patch as Partial<FeasibilityValues>));
        expect(verdictCode(r.verdict)).toBe(Math.min(...Object.values(r.questions).map(verdictCode)));
        for (const q of Object.keys(r.questions) as (keyof typeof r.questions)[]) {
          expect(verdictCode(r.questions[q])).toBe(Math.min(...r.findings.filter((f) => f.question === q).map((f) => verdictCode(f.status))));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('links to the calculators of Chapters 8–10', () => {
  it('carry the worksheet’s numbers in each calculator’s own URL keys', () => {
    const links = calculatorLinks(defaults(), 'en');
    expect(links.unitEconomics).toBe(
      '/en/startup-strategy/?unitEconomics.arpu=400&unitEconomics.tokensPerUser=30000000&unitEconomics.costPerMillion=2&unitEconomics.otherCogs=40&unitEconomics.churn=0.03&unitEconomics.cac=3000#unit-economics-calculator',
    );
    expect(links.runway).toBe('/en/capital-allocation/?runway.cash=1500000&runway.burn=100000&runway.revenue=0&runway.growth=0&runway.expenseGrowth=0#runway-calculator');
    expect(links.budgetAllocator).toBe('/en/capital-allocation/?budgetAllocator.budget=1500000#budget-allocator');
    // 8e9 is the inference calculator's own default, so nothing needs carrying; 7e9 does
    expect(links.inferenceCost).toBe('/en/compute-economics/#try-inference-cost');
    expect(calculatorLinks(withValues({ params: 7e9 }), 'zh').inferenceCost).toBe('/zh/compute-economics/?inferenceCost.params=7000000000#try-inference-cost');
  });

  it('reproduce the worksheet’s numbers when the calculators read them back', () => {
    const v = withValues({ cash: 2.2e6, burn: 130_000, price: 250, churn: 0.04 });
    const r = assess(v);
    const links = calculatorLinks(v, 'en');
    const rw = runway(parseQuery('runway', runwaySchema, new URL(links.runway, 'http://x').search).values);
    expect(rw.ok && rw.value.months).toBe(r.runway);
    const ue = unitEconomics(parseQuery('unitEconomics', unitEconomicsSchema, new URL(links.unitEconomics, 'http://x').search).values);
    expect(ue.ok && ue.value.grossMargin).toBeCloseTo(r.grossMargin!, 12);
    expect(ue.ok && ue.value.ltvToCac).toBeCloseTo(r.ltvToCac!, 12);
  });

  it('point to headings that exist in both editions', () => {
    for (const lang of ['zh', 'en']) {
      for (const { slug, section } of Object.values(CALCULATOR_HOMES)) {
        const text = fs.readFileSync(path.join(process.cwd(), 'content', lang, `${slug}.mdx`), 'utf8');
        expect([lang, slug, text.includes(`{#${section}}`)]).toEqual([lang, slug, true]);
      }
    }
  });
});

describe('the definition', () => {
  it('is the FeasibilityWorksheet tag, and every field sits in one of its four groups', () => {
    expect([feasibility.id, feasibility.tag]).toEqual(['feasibility', 'FeasibilityWorksheet']);
    const groups = feasibility.groups!.map((g) => g.id);
    for (const f of Object.values(feasibilitySchema)) expect(groups).toContain(f.group);
  });

  it('reports a bad link value and keeps the default', () => {
    const { values, issues } = parseQuery('feasibility', feasibilitySchema, 'feasibility.evalCases=lots&feasibility.platform=maybe&feasibility.churn=0');
    expect(values.evalCases).toBe(50);
    expect(values.platform).toBe('high');
    expect(values.churn).toBe(0.03);
    expect(issues.map((i) => i.reason.code)).toEqual(['notANumber', 'notAnOption', 'outOfRange']);
  });

  it('quotes the thresholds of RULES in both editions’ findings', () => {
    const [en, zh] = [feasibility.strings.en.findings, feasibility.strings.zh.findings];
    expect([RULES.maxShare, RULES.minCommitments, RULES.minMargin, RULES.minLtvToCac, RULES.maxPayback, RULES.raiseMonths]).toEqual([0.1, 3, 0.5, 3, 12, 6]);
    expect(en.shareHigh('x')).toMatch(/more than 10 %/);
    expect(zh.shareHigh('x')).toMatch(/超过 10%/);
    expect(en.fewCommitments('2')).toMatch(/fewer than 3/);
    expect(zh.fewCommitments('2')).toMatch(/少于 3 个/);
    expect(en.thinMargin('x')).toMatch(/below 50 %/);
    expect(zh.thinMargin('x')).toMatch(/低于 50%/);
    expect(en.ltvLow('x')).toMatch(/below 3/);
    expect(zh.ltvLow('x')).toMatch(/低于 3/);
    expect(en.slowPayback('x')).toMatch(/more than 12/);
    expect(zh.slowPayback('x')).toMatch(/超过 12 个月/);
    expect(en.noRaiseMargin('x', 'y')).toMatch(/less than 6/);
    expect(zh.noRaiseMargin('x', 'y')).toMatch(/不到 6 个月/);
  });

  it('has a market size that is customers × monthly price × 12', () => {
    expect(marketSize(20_000, 400)).toBe(96_000_000);
  });
});
