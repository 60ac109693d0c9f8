import { describe, expect, it } from 'vitest';
import { computeWorked } from './registry';
import { projectPlanningWorked as w } from './project-planning';

// The example matrix (content/*/project-planning.mdx prints it; lib/widgets/idea-scorer.ts holds it):
// radiology 5 2 2 4 1 2 · crops 3 3 2 3 1 2 · security 3 4 3 2 2 3 · traffic 4 2 2 3 1 1 · support 4 4 4 2 5 4 ·
// contracts 4 4 3 4 2 4; weights 3 3 2 2 2 3 (Σ = 15).
describe('the scoring matrix of the chapter', () => {
  it('gives each criterion its share of the weight', () => {
    // 3/15 = 20 %; 2/15 = 13.33 %
    expect(w.planWeightShare(0)).toBeCloseTo(0.2, 12);
    expect(w.planWeightShare(4)).toBeCloseTo(2 / 15, 12);
  });

  it('scores the ideas: support 58/15, contracts 54/15, security 44/15, radiology 41/15, crops 36/15, traffic 33/15', () => {
    expect(w.planWeightedSum(4)).toBe(58);
    expect(w.planWeightedSum(5)).toBe(54);
    expect(w.planWeightedSum(2)).toBe(44);
    [41, 36, 44, 33, 58, 54].forEach((sum, i) => expect(w.planScore(i)).toBeCloseTo(sum / 15, 12));
    // the lead: 58 − 54 = 4 in weighted sums, 4/15 = 0.2667 points
    expect(w.planLead()).toBe(4);
    expect(w.planMargin()).toBeCloseTo(4 / 15, 12);
  });

  it('rescores with other weights: equal weights, and need ten times the rest', () => {
    // equal: support (4+4+4+2+5+4)/6 = 23/6; contracts 21/6; security 17/6
    expect(w.planScore(4, 1, 1, 1, 1, 1, 1)).toBeCloseTo(23 / 6, 12);
    expect(w.planScore(5, 1, 1, 1, 1, 1, 1)).toBeCloseTo(3.5, 12);
    expect(w.planScore(2, 1, 1, 1, 1, 1, 1)).toBeCloseTo(17 / 6, 12);
    // need ×10: radiology (50+2+2+4+1+2)/15 = 61/15 = 4.067 beats support (40+4+4+2+5+4)/15 = 59/15 = 3.933
    expect(w.planScore(0, 10, 1, 1, 1, 1, 1)).toBeCloseTo(61 / 15, 12);
    expect(w.planScore(4, 10, 1, 1, 1, 1, 1)).toBeCloseTo(59 / 15, 12);
  });

  it('ties the top two at defensibility 4 (+100 %) or team fit 2/3 (−66.7 %)', () => {
    // D = 4, d = (0, 0, 1, −2, 3, 0): 2 + 4/2 = 4; 2 − 4/3 = 2/3
    expect(w.planTieWeight(3)).toBeCloseTo(4, 12);
    expect(w.planTieChange(3)).toBeCloseTo(1, 12);
    expect(w.planTieWeight(4)).toBeCloseTo(2 / 3, 12);
    expect(w.planTieChange(4)).toBeCloseTo(-2 / 3, 12);
    // need cannot tie them: the build must fail rather than print a number
    expect(() => computeWorked('planTieWeight', [0])).toThrow(/not finite/);
  });

  it('lets every weight move by a third at once before the two tie', () => {
    // ε = D / Σ w|d| = 4 / (2·1 + 2·2 + 2·3) = 4/12
    expect(w.planUniformTolerance()).toBeCloseTo(1 / 3, 12);
  });
});

describe('the feasibility numbers of the chapter', () => {
  it('puts 45 of 50 in [78.6 %, 95.7 %] and 450 of 500 in [87.1 %, 92.3 %]', () => {
    // hand, Wilson with z = 1.96: centre 0.871462, half-width 0.085063 (see lib/widgets/feasibility.test.ts)
    expect(w.planWilsonLower(45, 50)).toBeCloseTo(0.786398, 5);
    expect(w.planWilsonUpper(45, 50)).toBeCloseTo(0.956524, 5);
    // n = 500: centre (0.9 + 0.0038415)/1.007683 = 0.896934, half (1.96 √(0.00018 + 0.00000384))/1.007683 = 0.026368
    expect(w.planWilsonLower(450, 500)).toBeCloseTo(0.870566, 4);
    expect(w.planWilsonUpper(450, 500)).toBeCloseTo(0.923302, 4);
  });

  it('bounds the failure rate at 7.1 % after 0 failures in 50 cases', () => {
    // upper end at k = 0: z²/(n + z²) = 3.841459/53.841459 = 0.071348
    expect(w.planWilsonUpper(0, 50)).toBeCloseTo(0.071348, 5);
  });

  it('gives the normal approximation’s half-width 1.96 √(0.09/50) = 8.3 points', () => {
    expect(w.planHalfWidth(0.9, 50)).toBeCloseTo(0.083154, 5);
  });

  it('needs 200 cases at 90 % and 1,300 at 87 % (in hundreds) to clear an 85 % bar', () => {
    expect(w.planMinCases(0.9, 0.85, 10)).toBe(200);
    expect(w.planWilsonLower(171, 190)).toBeLessThan(0.85);
    expect(w.planWilsonLower(180, 200)).toBeGreaterThanOrEqual(0.85);
    expect(w.planMinCases(0.87, 0.85, 100)).toBe(1300);
    expect(w.planWilsonLower(1044, 1200)).toBeLessThan(0.85);
  });

  it('sizes the markets bottom-up', () => {
    // 20,000 × 400 × 12 = 96,000,000; 2.4M / 96M = 2.5 %; 5,000 × 300 × 12 = 18M; 2.4/18 = 13.3 %
    expect(w.planMarketSize(20_000, 400)).toBe(96_000_000);
    expect(w.planShareNeeded(2.4e6, 20_000, 400)).toBeCloseTo(0.025, 12);
    expect(w.planMarketSize(5000, 300)).toBe(18_000_000);
    expect(w.planShareNeeded(2.4e6, 5000, 300)).toBeCloseTo(2.4 / 18, 12);
  });

  it('counts the cash left at a late milestone', () => {
    // 15 − 8 × 1.5 = 3; 15 − 8 × 1.4 = 3.8
    expect(w.planSlack(15, 12)).toBe(3);
    expect(w.planSlack(15, 11.2)).toBeCloseTo(3.8, 12);
  });
});
