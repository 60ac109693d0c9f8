/** Lab exercises of the chapter `project-planning` (see ./types.ts). */
import { DEFAULT_WEIGHTS, sensitivity, exampleIdeas } from '../widgets/idea-scorer';
import { minCasesFor } from '../widgets/feasibility';
import type { LabResults, LabSet } from './types';

/** The example's runner-up, the contract-review idea, and the criterion whose tie needs the smallest relative change. */
const EXAMPLE = sensitivity(exampleIdeas('en'), DEFAULT_WEIGHTS)!;
const CONTRACTS = EXAMPLE.runnerUp;
const FRAGILE = EXAMPLE.flip!.criterion;
const TIE = EXAMPLE.flip!.tieWeight!;
/** The controls step weights by 0.5: the nearest step past the tie (2/3 → 0.5). */
const STEP = 0.5;

/** Smallest evaluation set, in tens of cases, that shows a 90 % pass rate clears an 85 % bar. */
export const ENOUGH_CASES = minCasesFor(0.9, 0.85, 10);

function onlyWeightChanged(r: LabResults, k: number): boolean {
  return DEFAULT_WEIGHTS.every((w, j) => j === k || r[`weight${j}`] === w);
}

export const projectPlanningLabs: LabSet = {
  'plan-flip-winner': {
    widget: 'ideaScorer',
    goal: {
      zh: '在本章的例子里只改一项权重，并且相对改动尽量小，让“小律所合同审查”排到第一。',
      en: 'In the chapter’s example, change a single weight, by as small a fraction as you can, so that contract review comes first.',
    },
    check: (r) => {
      const w = r[`weight${FRAGILE}`];
      return r.example === 1 && r.top === CONTRACTS && onlyWeightChanged(r, FRAGILE) && typeof w === 'number' && w < TIE && w >= TIE - STEP;
    },
  },
  'plan-enough-cases': {
    widget: 'feasibility',
    goal: {
      zh: '保持 90% 的达标率和 85% 的门槛，找出能让技术问题通过的最小评估集（案例数取 10 的倍数）。',
      en: 'Keeping a 90 % pass rate and the 85 % bar, find the smallest evaluation set (in multiples of 10 cases) that lets the technical question pass.',
    },
    check: (r) =>
      r.target === 0.85 &&
      r.technical === 2 &&
      r.evalCases === ENOUGH_CASES &&
      typeof r.evalPassed === 'number' &&
      r.evalPassed === Math.round(0.9 * ENOUGH_CASES),
  },
};
