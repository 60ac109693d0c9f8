/** Lab exercises of the chapter `capital-allocation` (see ./types.ts). They read the BudgetAllocator, Runway and CapTable calculators. */
import type { LabResults, LabSet } from './types';

/** A published result, or undefined when it is missing or not a finite number. */
const val = (r: LabResults, key: string): number | undefined => {
  const v = r[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
};

export const capitalAllocationLabs: LabSet = {
  'ca-beat-equal': {
    widget: 'budgetAllocator',
    goal: {
      zh: '找到一组设置，使最优分配的产出比平均分配至少高 20%。',
      en: 'Settings under which the optimal split beats the equal split by at least 20 %.',
    },
    check: (r) => {
      const best = val(r, 'outcome');
      const equal = val(r, 'equalSplitOutcome');
      return best !== undefined && equal !== undefined && equal > 0 && best >= 1.2 * equal;
    },
  },
  'ca-alive-80': {
    widget: 'runway',
    goal: {
      zh: '中心路径上默认存活，且在至少 80% 的蒙特卡洛路径上存活。',
      en: 'Default alive on the central path and on at least 80 % of the Monte Carlo paths.',
    },
    check: (r) => {
      const alive = val(r, 'defaultAlive');
      const p = val(r, 'pAlive');
      return alive !== undefined && p !== undefined && alive === 1 && p >= 0.8;
    },
  },
  'ca-third-safe': {
    widget: 'capTable',
    goal: {
      zh: '加一份转股后占公司资本总额 5% 的第三份 SAFE，A 轮后第一行仍持有至少 50%。',
      en: 'A third SAFE that converts to 5 % of the company capitalisation, with the first row still at 50 % or more after the Series A.',
    },
    check: (r) => {
      const shares = val(r, 'safe3Shares');
      const cc = val(r, 'companyCapitalization');
      const founders = val(r, 'founderPercentAfter');
      if (shares === undefined || cc === undefined || founders === undefined || !(cc > 0)) return false;
      const share = shares / cc;
      return share >= 0.0495 && share <= 0.0505 && founders >= 50;
    },
  },
};
