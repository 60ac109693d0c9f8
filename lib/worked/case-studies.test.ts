import { describe, expect, it } from 'vitest';
import { computeWorked } from './registry';
import { caseStudiesWorked as w } from './case-studies';

describe('diagnosis: predictive values and accuracy (chapter case-studies)', () => {
  it('computes PPV and NPV by Bayes’ rule', () => {
    // se = sp = 0.9 at 1 %: TP 0.009, FP 0.099 → PPV = 0.009/0.108 = 1/12; at 20 %: 0.18/(0.18 + 0.08) = 0.6923
    expect(w.csPpv(0.9, 0.9, 0.01)).toBeCloseTo(1 / 12, 12);
    expect(w.csPpv(0.9, 0.9, 0.2)).toBeCloseTo(0.6923077, 6);
    // NPV at 1 %: 0.891/(0.891 + 0.001) = 0.998879
    expect(w.csNpv(0.9, 0.9, 0.01)).toBeCloseTo(0.891 / 0.892, 12);
    // IDx-DR's pivotal trial (Abràmoff et al. 2018): se 0.872, sp 0.907, 23.8 % with the disease:
    // 0.872·0.238 = 0.207536; 0.093·0.762 = 0.070866; PPV = 0.207536/0.278402 = 0.745454
    expect(w.csPpv(0.872, 0.907, 0.238)).toBeCloseTo(0.745454, 5);
    // at 5 %: 0.0436/(0.0436 + 0.08835) = 0.330428
    expect(w.csPpv(0.872, 0.907, 0.05)).toBeCloseTo(0.330428, 5);
  });
  it('computes accuracy as a prevalence-weighted mean, and false alarms per true case', () => {
    // always "negative" at 1 %: 0·0.01 + 1·0.99 = 0.99; se = sp = 0.9 gives 0.9 whatever the prevalence
    expect(w.csAccuracy(0, 1, 0.01)).toBeCloseTo(0.99, 14);
    expect(w.csAccuracy(0.9, 0.9, 0.01)).toBeCloseTo(0.9, 14);
    // (0.1 · 0.99)/(0.9 · 0.01) = 0.099/0.009 = 11
    expect(w.csFalseAlarmsPerHit(0.9, 0.9, 0.01)).toBeCloseTo(11, 10);
    expect(() => w.csPpv(1.2, 0.9, 0.1)).toThrow(/probability/);
  });
  it('sizes a validation study', () => {
    // 1.96·√(0.872·0.128/198) = 1.96·0.023743 = 0.046535
    expect(w.csWaldHalfWidth(0.872, 198)).toBeCloseTo(0.046535, 5);
    // 1.96²·0.9·0.1/0.05² = 3.8415·0.09/0.0025 = 138.29 → 139 positives; at 2 % prevalence 139/0.02 = 6,950 people
    expect(w.csPositivesNeeded(0.9, 0.05)).toBe(139);
    expect(w.csEnrolment(0.9, 0.05, 0.02)).toBe(6950);
    // CSAT of 0.75 on 120 answers: 1.96·√(0.1875/120) = 0.077474
    expect(w.csWaldHalfWidth(0.75, 120)).toBeCloseTo(0.077474, 5);
    expect(() => w.csWaldHalfWidth(0.5, 0)).toThrow(/positive integer/);
    expect(() => w.csPositivesNeeded(0.5, 0)).toThrow(/half-width/);
  });
});

describe('diagnosis: thresholds and costs under the binormal model', () => {
  it('computes the posterior cut-off and the Bayes threshold', () => {
    // 200/(200 + 10,000) = 0.0196078
    expect(w.csPosteriorCut(200, 10000)).toBeCloseTo(0.0196078, 7);
    // 1.25 + ln(200·0.99/(10,000·0.01))/2.5 = 1.25 + ln 1.98/2.5 = 1.25 + 0.683097/2.5 = 1.523239
    expect(w.csBayesThreshold(2.5, 0.01, 200, 10000)).toBeCloseTo(1.523239, 6);
    expect(() => w.csBayesThreshold(2.5, 0.01, 0, 1)).toThrow(/no finite threshold/);
  });
  it('computes rates and costs at a threshold', () => {
    const t = w.csBayesThreshold(2.5, 0.01, 200, 10000);
    // sensitivity Φ(2.5 − 1.523239) = Φ(0.976761) = 0.83566; specificity Φ(1.523239) = 0.93615 (normal table)
    expect(w.csBinormalRate('sensitivity', 2.5, t, 0.01)).toBeCloseTo(0.83566, 4);
    expect(w.csBinormalRate('specificity', 2.5, t, 0.01)).toBeCloseTo(0.93615, 4);
    // PPV = 0.0083566/(0.0083566 + 0.0638495·0.99) = 0.11676; share flagged 0.0083566 + 0.063211 = 0.071568
    expect(w.csBinormalRate('ppv', 2.5, t, 0.01)).toBeCloseTo(0.11676, 4);
    expect(w.csBinormalRate('flagRate', 2.5, t, 0.01)).toBeCloseTo(0.071568, 4);
    // flag nobody: 10,000 × 0.01 = 100 per patient; flag everybody: 200 × 0.99 = 198
    expect(w.csBinormalCost(2.5, 0.01, 200, 10000, 1e9)).toBeCloseTo(100, 10);
    expect(w.csBinormalCost(2.5, 0.01, 200, 10000, -1e9)).toBeCloseTo(198, 10);
    // at t*: 200·0.99·0.0638495 + 10,000·0.01·0.16434 = 12.642 + 16.434 = 29.077
    expect(w.csBinormalCost(2.5, 0.01, 200, 10000, t)).toBeCloseTo(29.077, 2);
    // AUC Φ(2.5/√2) = Φ(1.767767) = 0.961450
    expect(w.csBinormalAuc(2.5)).toBeCloseTo(0.96145, 5);
    // the same numbers straight from the costs
    expect(w.csAtBayes('sensitivity', 2.5, 0.01, 200, 10000)).toBeCloseTo(0.83566, 4);
    expect(w.csAtBayes('cost', 2.5, 0.01, 200, 10000)).toBeCloseTo(29.077, 2);
    expect(() => w.csBinormalRate('npv', 2.5, t, 0.01)).toThrow(/not one of/);
  });
  it('reads the widget’s presets on their seeded samples', () => {
    // the diagnosis sample: 20,000 patients at 1 % → 200 with the disease; flagging nobody is 99 % accurate and costs 100
    expect(w.csPreset('diagnosis', 'positives')).toBe(200);
    expect(w.csPreset('diagnosis', 'noneAccuracy')).toBe(0.99);
    expect(w.csPreset('diagnosis', 'noneCost')).toBe(100);
    expect(w.csPreset('diagnosis', 'bayesThreshold')).toBeCloseTo(1.523239, 6);
    // the sample's cheapest threshold lands near t*, and costs a little more on the population than t* does
    expect(Math.abs(w.csPreset('diagnosis', 'bestThreshold') - 1.523239)).toBeLessThan(0.1);
    expect(w.csPreset('diagnosis', 'bestPopulationCost')).toBeGreaterThanOrEqual(w.csPreset('diagnosis', 'bayesCost'));
    // regression values printed in the chapter (seed 1)
    expect(w.csPreset('diagnosis', 'bestCost')).toBeCloseTo(25.93, 10);
    // at the cheapest threshold: TP 175, FP 1,343 of 19,800 negatives → (175 + 18,457)/20,000 = 0.9316
    expect(w.csPreset('diagnosis', 'bestAccuracy')).toBeCloseTo(0.9316, 10);
    expect(w.csPreset('diagnosis', 'floorRecall', 0.95)).toBeGreaterThanOrEqual(0.95);
    expect(w.csPreset('diagnosis', 'floorCost', 0.95)).toBeCloseTo(42.82, 10);
    // without a floor the floor outputs are the cheapest threshold's
    expect(w.csPreset('service', 'floorThreshold')).toBe(w.csPreset('service', 'bestThreshold'));
    expect(() => w.csPreset('nope', 'bestCost')).toThrow(/no preset/);
    expect(() => w.csPreset('service', 'nope')).toThrow(/not one of/);
  });
});

describe('customer service: the cost of a conversation', () => {
  it('adds the model’s tokens and the people’s minutes', () => {
    // 6 turns × (2,500 × 0.40 + 150 × 1.60) / 1e6 = 6 × 1,240 / 1e6 = 0.00744 USD
    expect(w.csBotCost(6, 2500, 150, 0.4, 1.6)).toBeCloseTo(0.00744, 12);
    // 30 USD an hour, 5 conversations an hour: 6 USD
    expect(w.csHumanCost(30, 5)).toBe(6);
    // 0.00744 + 0.3 × 6 = 1.80744; saving 1 − 1.80744/6 = 0.69876
    expect(w.csConversationCost(0.00744, 0.3, 6)).toBeCloseTo(1.80744, 12);
    expect(w.csSaving(0.00744, 0.3, 6)).toBeCloseTo(0.69876, 12);
    // 70 % contained, 15 % of those come back: 0.7 × 0.85 = 0.595 truly resolved
    expect(w.csResolved(0.7, 0.15)).toBeCloseTo(0.595, 12);
    expect(() => w.csBotCost(-1, 1, 1, 1, 1)).toThrow(/≥ 0/);
    expect(() => w.csHumanCost(30, 0)).toThrow(/per hour/);
  });
});

describe('the team: burn and runway of the default plan', () => {
  it('costs a role with its on-costs and sums the default plan', () => {
    // 15,000 × 1.25 = 18,750
    expect(w.csRoleCost(15000, 25)).toBe(18750);
    // month 0: 2 × 9,600 + 8,000 + 6,000 = 33,200; net of 5,000 revenue, 28,200
    expect(w.csPlan('burnMonth0')).toBe(33200);
    expect(w.csPlan('netBurnMonth0')).toBe(28200);
    // month 12: 19,200 + 18,750 + 16,250 + 12,500 + 13,750 + 20,000 + 14,000 = 114,450; from month 15 add 8,750
    expect(w.csPlan('expensesAt', 0.06, 12)).toBe(114450);
    expect(w.csPlan('fullTeamBurn')).toBe(123200);
    expect(w.csPlan('headcountAt12')).toBe(7);
    // revenue in month 12: 5,000 × 1.06¹² = 10,060.98
    expect(w.csPlan('revenueAt', 0.06, 12)).toBeCloseTo(10060.98, 2);
  });
  it('gives the runways the chapter prints (regression values, bracketed as they must be)', () => {
    expect(w.csPlan('todayMonths')).toBe(120);
    expect(w.csPlan('runwayMonths')).toBe(33);
    expect(w.csPlan('fullTeamMonths')).toBe(26);
    expect(w.csPlan('breakEvenMonth')).toBe(55);
    // faster growth: at 10 % a month the plan is default alive (runway capped at the 120-month horizon)
    expect(w.csPlan('runwayMonths', 0.1)).toBe(120);
    expect(w.csPlan('breakEvenMonth', 0.1)).toBe(34);
    // delaying every hire after the founders by 3 and 6 months buys 3 and 7 months of runway
    expect(w.csPlanDelayed(0)).toBe(33);
    expect(w.csPlanDelayed(3)).toBe(36);
    expect(w.csPlanDelayed(6)).toBe(40);
    expect(w.csPlanStarts('runwayMonths', 0, 0, 2, 3, 5, 8, 12, 15)).toBe(33);
    expect(w.csPlanStarts('runwayMonths', 0, 0, 3, 4, 6, 12, 18, 24)).toBe(37);
    expect(w.csPlanStarts('headcountAt12', 0, 0, 3, 4, 6, 12, 18, 24)).toBe(6);
    expect(w.csPlanStarts('breakEvenMonth', 0, 0, 3, 4, 6, 12, 18, 24)).toBe(55);
    expect(() => w.csPlanStarts('runwayMonths', 0, 0)).toThrow(/start months/);
    expect(() => w.csPlan('nope')).toThrow(/not one of/);
    expect(() => w.csPlan('cashAt', 0.06, 121)).toThrow(/month/);
  });
  it('is reachable through the registry', () => {
    expect(computeWorked('csPpv', [0.9, 0.9, 0.01])).toBeCloseTo(1 / 12, 12);
    expect(computeWorked('csPlan', ['runwayMonths'])).toBe(33);
  });
});
