import { describe, expect, it } from 'vitest';
import { computeCalculator } from './calculators';
import { computeWorked } from './registry';
import { GIB, logCurveBend, startupWorked as w } from './startup';

describe('unit economics worked by hand (chapter startup-strategy)', () => {
  it('prices one request from its input and output tokens', () => {
    // (6,000 × 0.30 + 400 × 1.20) / 10⁶ = (1,800 + 480) / 10⁶ = 0.00228 USD (hand computation)
    expect(w.suRequestCost(6000, 0.3, 400, 1.2)).toBeCloseTo(0.00228, 12);
    expect(w.suRequestCost(0, 0.3, 0, 1.2)).toBe(0);
  });
  it('finds the usage cap that keeps a 60 % margin', () => {
    // (20 × (1 − 0.6) − 1) / 0.25 = 7 / 0.25 = 28 million tokens (hand computation)
    expect(w.suTokenCap(20, 0.6, 0.25, 1, 1e6)).toBeCloseTo(28, 12);
    // the same cap in units of 10⁴ tokens (万): 2,800
    expect(w.suTokenCap(20, 0.6, 0.25, 1, 1e4)).toBeCloseTo(2800, 9);
    // and the calculator agrees: 28e6 tokens at 0.25 USD/M plus 1 USD on a 20 USD plan is a 60 % margin
    expect(computeCalculator('unitEconomics', { arpu: 20, tokensPerUser: 28e6, costPerMillion: 0.25, otherCogs: 1 }, 'grossMargin')).toBeCloseTo(0.6, 12);
    // other costs above what the margin leaves: no cap can help
    expect(() => w.suTokenCap(20, 0.6, 0.25, 9, 1e6)).toThrow(RangeError);
  });
  it('times the payback of a bought GPU', () => {
    // busy all month: 30,000 / (730 × (2.5 − 0.5)) = 30,000 / 1,460 = 20.548 months (hand computation)
    expect(w.suBuyBreakEvenMonths(30000, 2.5, 0.5, 1)).toBeCloseTo(20.548, 3);
    // busy half the time: 30,000 / (730 × (1.25 − 0.5)) = 30,000 / 547.5 = 54.795 months
    expect(w.suBuyBreakEvenMonths(30000, 2.5, 0.5, 0.5)).toBeCloseTo(54.795, 3);
    // busy a fifth of the time: renting costs 0.5 an hour on average, the same as owning: never pays back
    expect(() => w.suBuyBreakEvenMonths(30000, 2.5, 0.5, 0.2)).toThrow(RangeError);
  });
});

describe('memory in binary units and compute (chapter compute-economics)', () => {
  it('counts binary gigabytes as accelerators report them', () => {
    // 80 GiB = 80 × 1,073,741,824 = 85,899,345,920 bytes; 81,920 MiB / 1,024 = 80 GiB; 143,771 MiB / 1,024 = 140.401 GiB
    expect(GIB).toBe(1_073_741_824);
    expect(w.suGibToBytes(80)).toBe(85_899_345_920);
    expect(w.suMibToGib(81920)).toBe(80);
    expect(w.suMibToGib(143771)).toBeCloseTo(140.401, 3);
    // 143,771 × 1,048,576 = 150,754,820,096 bytes = 150.75 GB
    expect(w.suMibToGB(143771)).toBeCloseTo(150.755, 3);
  });
  it('holds a 70B BF16 model on two H100s, not three', () => {
    // an H100 reports 81,559 MiB = 81,559 × 1,048,576 = 85,520,809,984 bytes (85.5 GB, 79.6 GiB)
    expect(w.suMibToGB(81559)).toBeCloseTo(85.5208, 4);
    expect(w.suMibToGib(81559)).toBeCloseTo(79.647, 3);
    // 70e9 × 2 × 1.2 = 168e9 bytes; 168e9 / 85.52e9 = 1.964 → 2 cards. Read as 80e9 bytes, 168/80 = 2.1 → 3.
    expect(w.suInferenceDevicesMiB(70e9, 'bf16', 81559)).toBe(2);
    expect(computeWorked('inferenceDevices', [70e9, 'bf16', 80])).toBe(3);
    // 7e9 × 16 = 112e9 bytes of training state / 85.52e9 = 1.31 → 2 cards; 7.5e9 × 16 = 120e9 / 85.52e9 = 1.40 → 2
    expect(w.suTrainingDevicesMiB(7e9, 'adamMixed', 81559)).toBe(2);
    expect(w.suTrainingDevicesMiB(7.5e9, 'adamMixed', 81559)).toBe(2);
    // 1e9 × 16 = 16e9 fits on one A100 80 GB (81,920 MiB = 85.9e9 bytes)
    expect(w.suTrainingDevicesMiB(1e9, 'adamMixed', 81920)).toBe(1);
    expect(() => w.suInferenceDevicesMiB(7e9, 'fp8', 81559)).toThrow(/unknown precision/);
    expect(() => w.suTrainingDevicesMiB(7e9, 'lion', 81559)).toThrow(/unknown optimizer/);
  });
  it('counts the 4,096-token conversations that fit beside the weights', () => {
    // a 70B with 80 layers and 8 KV heads of 128 in BF16: 2·80·8·128·2 = 327,680 B per token; × 4,096 = 1,342,177,280 B
    const seq = 327_680 * 4096;
    expect(computeCalculator('inferenceCost', { layers: 80 }, 'kvBytesPerToken')).toBe(327_680);
    // two H100s (81,559 MiB) at 90 %: 2 × 85.521e9 × 0.9 = 153.937e9; minus 140e9 of weights = 13.937e9; / 1.342e9 = 10.38 → 10
    expect(w.suKvSequencesFit(2, 81559, 0.9, 140e9, seq)).toBe(10);
    // two H200s (143,771 MiB): 2 × 150.755e9 × 0.9 = 271.359e9; − 140e9 = 131.359e9; / 1.342e9 = 97.87 → 97
    expect(w.suKvSequencesFit(2, 143771, 0.9, 140e9, seq)).toBe(97);
    // one H100, all of it, an 8B in BF16 (16e9 B) and 0.5 GiB sequences: (85.521e9 − 16e9) / 536,870,912 = 129.5 → 129
    expect(w.suKvSequencesFit(1, 81559, 1, 16e9, 536_870_912)).toBe(129);
    // at vLLM's default 90 %: (76.970e9 − 16e9) / 536,870,912 = 113.6 → 113
    expect(w.suKvSequencesFit(1, 81559, 0.9, 16e9, 536_870_912)).toBe(113);
    // an A100 80 GB (81,920 MiB): (85.899e9 − 16e9) / 536,870,912 = 130.2 → 130
    expect(w.suKvSequencesFit(1, 81920, 1, 16e9, 536_870_912)).toBe(130);
    expect(() => w.suKvSequencesFit(1, 81920, 0.9, 90e9, seq)).toThrow(/do not fit/);
  });
  it('reproduces the ZeRO paper’s 7.5B example on 64 GPUs', () => {
    // Rajbhandari et al. 2020, figure 1: stage 1: 4Ψ + 12Ψ/64 = 30 + 1.406 = 31.4 GB;
    // stage 2: 2Ψ + 14Ψ/64 = 15 + 1.641 = 16.6 GB; stage 3: 16Ψ/64 = 1.875 GB; none: 16Ψ = 120 GB
    expect(w.suZeroGB(7.5e9, 0, 64)).toBeCloseTo(120, 10);
    expect(w.suZeroGB(7.5e9, 1, 64)).toBeCloseTo(31.40625, 10);
    expect(w.suZeroGB(7.5e9, 2, 64)).toBeCloseTo(16.640625, 10);
    expect(w.suZeroGB(7.5e9, 3, 64)).toBeCloseTo(1.875, 10);
    expect(() => w.suZeroGB(7.5e9, 4, 64)).toThrow(RangeError);
  });
  it('grows the compute-optimal model and data as powers of the budget', () => {
    // N* ∝ C^(β/(α+β)), D* ∝ C^(α/(α+β)). Replication (α 0.3478, β 0.3658): 10^(0.3658/0.7136) = 10^0.51261 = 3.2555,
    // 10^0.48739 = 3.0718. Hoffmann unrounded (α 0.33917084, β 0.2849083): 10^0.45652 = 2.8611, 10^0.54348 = 3.4952.
    expect(w.suChinchillaGrowth('besiroglu2024', 10, 'params')).toBeCloseTo(3.2555, 3);
    expect(w.suChinchillaGrowth('besiroglu2024', 10, 'tokens')).toBeCloseTo(3.0718, 3);
    expect(w.suChinchillaGrowth('hoffmann2022', 10, 'params')).toBeCloseTo(2.8611, 3);
    expect(w.suChinchillaGrowth('hoffmann2022', 10, 'tokens')).toBeCloseTo(3.4952, 3);
    // the two factors multiply to the budget's factor, since C = 6·N·D
    expect(w.suChinchillaGrowth('besiroglu2024', 10, 'params') * w.suChinchillaGrowth('besiroglu2024', 10, 'tokens')).toBeCloseTo(10, 9);
    expect(() => w.suChinchillaGrowth('kaplan2020', 10, 'params')).toThrow(/unknown fit/);
    expect(() => w.suChinchillaGrowth('besiroglu2024', 10, 'loss')).toThrow(RangeError);
  });
});

describe('allocation, runway and dilution worked by hand (chapter capital-allocation)', () => {
  it('compounds dilution across rounds', () => {
    // 0.543 × (1 − 0.2) × (1 − 0.15) = 0.543 × 0.8 × 0.85 = 0.36924 (hand computation)
    expect(w.suOwnershipAfter(0.543, 0.2, 0.15)).toBeCloseTo(0.36924, 12);
    expect(w.suOwnershipAfter(0.6)).toBe(0.6);
    expect(() => w.suOwnershipAfter(0.6, 1.2)).toThrow(RangeError);
  });
  it('fits a log curve through two bets: the golden ratio', () => {
    // 40 customers for 20,000 USD, 60 for 40,000. With u = 20,000/b: ln(1 + 2u) = 1.5 ln(1 + u), so (1 + 2u)² = (1 + u)³,
    // u³ − u² − u = 0, u = (1 + √5)/2 = φ = 1.6180; b = 20,000/φ = 12,360.68; a = 40 / ln(1 + φ) = 40 / 0.96242 = 41.5617
    const phi = (1 + Math.sqrt(5)) / 2;
    expect(w.suLogFitBend(20000, 40, 40000, 60)).toBeCloseTo(20000 / phi, 4);
    expect(w.suLogFitScale(20000, 40, 40000, 60)).toBeCloseTo(41.5617, 4);
    // the fitted curve passes through both points
    const a = w.suLogFitScale(20000, 40, 40000, 60);
    const b = w.suLogFitBend(20000, 40, 40000, 60);
    expect(a * Math.log1p(40000 / b)).toBeCloseTo(60, 9);
    // marginal cost (b + x)/a: at 40,000: 52,360.68 / 41.5617 = 1,259.83 USD; at 20,000: 32,360.68 / 41.5617 = 778.62
    expect(w.suLogFitMarginalCost(20000, 40, 40000, 60, 40000)).toBeCloseTo(1259.83, 2);
    expect(w.suLogFitMarginalCost(20000, 40, 40000, 60, 20000)).toBeCloseTo(778.62, 2);
  });
  it('refuses two bets no diminishing log curve passes through', () => {
    // proportional returns (y₂/y₁ = x₂/x₁) or falling ones have no finite bend
    expect(() => logCurveBend(20000, 40, 40000, 80)).toThrow(RangeError);
    expect(() => logCurveBend(20000, 40, 40000, 40)).toThrow(RangeError);
    expect(() => logCurveBend(40000, 40, 20000, 60)).toThrow(RangeError);
  });
  it('prints the default-alive example as Graham’s test states it: expenses held constant', () => {
    // cash 3,000,000; expenses 250,000 a month, constant; revenue 30,000 growing 8 % a month.
    const base = { cash: 3e6, burn: 2.5e5, revenue: 3e4, growth: 0.08, expenseGrowth: 0, growthSd: 0 };
    const run = (o: Record<string, number>, out: string) => computeCalculator('runway', { ...base, ...o }, out);
    // break-even: first t with 30,000·1.08ᵗ ≥ 250,000: ln(25/3)/ln 1.08 = 2.1203/0.076961 = 27.55 → month 28
    expect(run({}, 'breakEvenMonth')).toBe(Math.ceil(Math.log(250 / 30) / Math.log(1.08)));
    expect(run({}, 'breakEvenMonth')).toBe(28);
    // net burn before break-even: 28 × 250,000 − 30,000·(1.08²⁸ − 1)/0.08 = 7,000,000 − 2,860,165 = 4,139,835
    const burnTo = (t: number, e: number, r: number, g: number) => t * e - (r * ((1 + g) ** t - 1)) / g;
    expect(run({}, 'cumulativeBurn')).toBeCloseTo(burnTo(28, 2.5e5, 3e4, 0.08), 4);
    expect(run({}, 'cumulativeBurn')).toBeCloseTo(4_139_835, 0);
    // runway: after 15 months 3e6 − burnTo(15) = 3,000,000 − 2,935,437 = 64,563 left, less than month 15's net burn
    // 250,000 − 30,000·1.08¹⁵ = 154,835: 15 months. Dead.
    expect(3e6 - burnTo(15, 2.5e5, 3e4, 0.08)).toBeCloseTo(64_563, 0);
    expect(run({}, 'months')).toBe(15);
    expect(run({}, 'defaultAlive')).toBe(0);
    // 11 %: break-even in month ⌈ln(25/3)/ln 1.11⌉ = ⌈20.32⌉ = 21, but the cash lasts 18 months: dead
    expect(run({ growth: 0.11 }, 'breakEvenMonth')).toBe(21);
    expect(run({ growth: 0.11 }, 'months')).toBe(18);
    expect(run({ growth: 0.11 }, 'defaultAlive')).toBe(0);
    // 12 %: break-even in month ⌈ln(25/3)/ln 1.12⌉ = ⌈18.71⌉ = 19 after 19 × 250,000 − 30,000·(1.12¹⁹ − 1)/0.12
    // = 4,750,000 − 1,903,190 = 2,846,810 of net burn, which 3,000,000 covers: alive
    expect(run({ growth: 0.12 }, 'breakEvenMonth')).toBe(19);
    expect(run({ growth: 0.12 }, 'cumulativeBurn')).toBeCloseTo(burnTo(19, 2.5e5, 3e4, 0.12), 4);
    expect(run({ growth: 0.12 }, 'cumulativeBurn')).toBeCloseTo(2_846_810, 0);
    expect(run({ growth: 0.12 }, 'defaultAlive')).toBe(1);
    // 8 % with expenses cut to 200,000: break-even ⌈ln(20/3)/ln 1.08⌉ = ⌈24.65⌉ = 25 after
    // 25 × 200,000 − 30,000·(1.08²⁵ − 1)/0.08 = 5,000,000 − 2,193,178 = 2,806,822: alive
    expect(run({ burn: 2e5 }, 'breakEvenMonth')).toBe(25);
    expect(run({ burn: 2e5 }, 'cumulativeBurn')).toBeCloseTo(2_806_822, 0);
    expect(run({ burn: 2e5 }, 'defaultAlive')).toBe(1);
    // the same 12 % company that keeps hiring, expenses +1 % a month: dead again (cash for 15 months, break-even in 21)
    expect(run({ growth: 0.12, expenseGrowth: 0.01 }, 'defaultAlive')).toBe(0);
    expect(run({ growth: 0.12, expenseGrowth: 0.01 }, 'months')).toBe(15);
    expect(run({ growth: 0.12, expenseGrowth: 0.01 }, 'breakEvenMonth')).toBe(21);
    // it needs 14 % then: break-even ⌈ln(25/3)/ln(1.14/1.01)⌉ = ⌈17.53⌉ = 18
    expect(run({ growth: 0.14, expenseGrowth: 0.01 }, 'breakEvenMonth')).toBe(18);
    expect(run({ growth: 0.14, expenseGrowth: 0.01 }, 'defaultAlive')).toBe(1);
  });
  it('prints the runway exercise', () => {
    // cash 1,200,000; expenses 100,000 constant; revenue 20,000 growing 10 %: break-even ⌈ln 5/ln 1.1⌉ = ⌈16.89⌉ = 17,
    // net burn 17 × 100,000 − 20,000·(1.1¹⁷ − 1)/0.1 = 1,700,000 − 810,894 = 889,106 < 1,200,000: alive
    const base = { cash: 1.2e6, burn: 1e5, revenue: 2e4, growth: 0.1, expenseGrowth: 0, growthSd: 0 };
    const run = (o: Record<string, number>, out: string) => computeCalculator('runway', { ...base, ...o }, out);
    expect(run({}, 'breakEvenMonth')).toBe(17);
    expect(run({}, 'cumulativeBurn')).toBeCloseTo(1_700_000 - (20_000 * (1.1 ** 17 - 1)) / 0.1, 4);
    expect(run({}, 'cumulativeBurn')).toBeCloseTo(889_106, 0);
    expect(run({}, 'defaultAlive')).toBe(1);
    // expenses +2 % a month: break-even ⌈ln 5/ln(1.1/1.02)⌉ = ⌈21.3⌉ = 22; the cash lasts 17 months: dead
    expect(run({ expenseGrowth: 0.02 }, 'breakEvenMonth')).toBe(22);
    expect(run({ expenseGrowth: 0.02 }, 'months')).toBe(17);
    expect(run({ expenseGrowth: 0.02 }, 'defaultAlive')).toBe(0);
  });
  it('prints the two-line allocation exercise', () => {
    // f₁ = 2 ln(1 + x), f₂ = ln(1 + x), budget 4: x = a/λ − b, 2/λ − 1 + 1/λ − 1 = 4 → λ = 1/2, x = (3, 1);
    // outcome 2 ln 4 + ln 2 = 5 ln 2 = 3.4657; equal split (2, 2): 3 ln 3 = 3.2958
    const two = { budget: 4, dataA: 2, dataB: 1, dataMin: 0, modelA: 1, modelB: 1, modelMin: 0, marketingMax: 0, teamMin: 0, teamMax: 0, usersMax: 0, optimizationMax: 0 };
    const alloc = (o: Record<string, unknown>, out: string) => computeCalculator('budgetAllocator', { ...two, ...o }, out);
    expect(alloc({}, 'data')).toBeCloseTo(3, 9);
    expect(alloc({}, 'model')).toBeCloseTo(1, 9);
    expect(alloc({}, 'marginal')).toBeCloseTo(0.5, 9);
    expect(alloc({}, 'outcome')).toBeCloseTo(5 * Math.log(2), 9);
    expect(alloc({}, 'equalSplitOutcome')).toBeCloseTo(3 * Math.log(3), 9);
    // a minimum of 2 on the second line: (2, 2), λ = f₁′(2) = 2/3, outcome 3 ln 3
    expect(alloc({ modelMin: 2 }, 'model')).toBeCloseTo(2, 9);
    expect(alloc({ modelMin: 2 }, 'marginal')).toBeCloseTo(2 / 3, 9);
    expect(alloc({ modelMin: 2 }, 'outcome')).toBeCloseTo(3 * Math.log(3), 9);
  });
});
