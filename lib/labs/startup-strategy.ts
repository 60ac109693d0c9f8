/** Lab exercises of the chapter `startup-strategy` (see ./types.ts). They read the UnitEconomics calculator. */
import type { LabResults, LabSet } from './types';

/** A published result, or undefined when it is missing or not a finite number. */
const val = (r: LabResults, key: string): number | undefined => {
  const v = r[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
};

export const startupStrategyLabs: LabSet = {
  'ss-margin-payback': {
    widget: 'unitEconomics',
    goal: {
      zh: '毛利率至少 70%，且 CAC 回收期短于 12 个月。',
      en: 'A gross margin of at least 70 % and a CAC payback under 12 months.',
    },
    check: (r) => {
      const margin = val(r, 'grossMargin');
      const payback = val(r, 'paybackMonths');
      return margin !== undefined && payback !== undefined && margin >= 0.7 && payback < 12;
    },
  },
  'ss-usage-cap': {
    widget: 'unitEconomics',
    goal: {
      zh: '售价和每百万 token 成本不变，LTV/CAC 至少为 3，且回收期不超过 6 个月。',
      en: 'At the same price and cost per million tokens, an LTV/CAC of at least 3 and a payback of 6 months or less.',
    },
    check: (r) => {
      const ratio = val(r, 'ltvToCac');
      const payback = val(r, 'paybackMonths');
      return ratio !== undefined && payback !== undefined && ratio >= 3 && payback <= 6;
    },
  },
};
