import { describe, expect, it } from 'vitest';
import { ENOUGH_CASES, projectPlanningLabs as labs } from './project-planning';

const example = { example: 1, weight0: 3, weight1: 3, weight2: 2, weight3: 2, weight4: 2, weight5: 3 };

describe('plan-flip-winner', () => {
  const check = labs['plan-flip-winner']!.check;
  it('is done when only team fit moves just past its tie at 2/3 and contract review (idea 5) leads', () => {
    // hand: the tie is at 2 − 4/3 = 2/3; the controls' step of 0.5 gives 0.5 as the nearest weight past it
    expect(check({ ...example, weight4: 0.5, top: 5 })).toBe(true);
    expect(check({ ...example, weight4: 0.6, top: 5 })).toBe(true);
  });
  it('is not done at the tie itself, by a larger change, by another weight, or off the example', () => {
    expect(check({ ...example, weight4: 2 / 3, top: 4 })).toBe(false);
    expect(check({ ...example, weight4: 0, top: 5 })).toBe(false);
    expect(check({ ...example, weight3: 4.5, top: 5 })).toBe(false);
    expect(check({ ...example, weight4: 0.5, weight0: 2, top: 5 })).toBe(false);
    expect(check({ ...example, example: 0, weight4: 0.5, top: 5 })).toBe(false);
  });
  it('is false for missing results', () => {
    expect(check({})).toBe(false);
    expect(check({ ...example, weight4: 0.5 })).toBe(false);
  });
});

describe('plan-enough-cases', () => {
  const check = labs['plan-enough-cases']!.check;
  it('needs 180 passes of 200 cases at the 85 % bar', () => {
    // 171/190 has a Wilson lower bound of 0.8491 < 0.85; 180/200 has 0.8506 (feasibility.test.ts)
    expect(ENOUGH_CASES).toBe(200);
    expect(check({ target: 0.85, technical: 2, evalCases: 200, evalPassed: 180 })).toBe(true);
  });
  it('is not done with more cases than needed, another rate, a lowered bar, or missing results', () => {
    expect(check({ target: 0.85, technical: 2, evalCases: 300, evalPassed: 270 })).toBe(false);
    expect(check({ target: 0.85, technical: 2, evalCases: 200, evalPassed: 190 })).toBe(false);
    expect(check({ target: 0.8, technical: 2, evalCases: 200, evalPassed: 180 })).toBe(false);
    expect(check({ target: 0.85, technical: 1, evalCases: 200, evalPassed: 180 })).toBe(false);
    expect(check({})).toBe(false);
  });
  it('ids start with plan- and every lab names its widget', () => {
    for (const [id, lab] of Object.entries(labs)) {
      expect(id).toMatch(/^plan-/);
      expect(['ideaScorer', 'feasibility']).toContain(lab.widget);
      expect(lab.goal.zh && lab.goal.en).toBeTruthy();
    }
  });
});
