/**
 * FeasibilityWorksheet (Chapter 11): the four feasibility questions of source 002 §5.2 (technical, market, business,
 * risk) as numbers and answers, and the verdict they imply, go / investigate / stop, with every reason.
 *
 * The rules (the chapter's section "The verdict rules" prints the same table):
 * - Technical. k of n real cases passed; the 95 % Wilson interval [L, U] of k/n against the quality bar t:
 *   L ≥ t go; U < t stop; otherwise investigate (the cases cannot tell). No cases, or k > n: investigate.
 * - Market. Reachable market M = customers × monthly price × 12; share needed s = revenue goal / M:
 *   s > 1 stop; s > 10 % investigate; else go. Fewer than 3 paying commitments (pilots, signed letters): investigate.
 * - Business. Unit economics exactly as Chapter 8's calculator (lib/finance/unit-economics.ts): gross margin g < 0
 *   stop, g < 50 % investigate; when g > 0, LTV/CAC < 1 stop, < 3 investigate; CAC payback > 12 months investigate.
 *   Runway exactly as Chapter 10's calculator (lib/finance/runway.ts, no revenue counted): months < months to the
 *   milestone stop; < milestone + 6 (the time a round takes) investigate.
 * - Risk. Data rights refused stop, unclear investigate; the use prohibited where you sell stop, not yet checked
 *   investigate; high platform risk investigate; no pre-mortem investigate.
 * A question's status is its worst finding; the verdict is the worst question. Codes: stop 0, investigate 1, go 2.
 *
 * The view's test contract (`data-result="feasibility.<name>"`, raw number in `data-value`): `verdict` (0/1/2, the text
 * says go / investigate / stop) and `technical`, `market`, `business`, `risk` (same codes); `passRate`, `lower`,
 * `upper`, `target`; `marketSize`, `shareNeeded`; `grossMargin`, `ltvToCac`, `payback`; `runway`, `runwayNeeded`; `evalCases`,
 * `evalPassed`; `stops`, `investigates` (how many findings of each).
 */
import { runway } from '../finance/runway';
import { unitEconomics } from '../finance/unit-economics';
import { bilingual, type Lang } from '../i18n';
import { encodeQuery, mergeQuery, schemaDefaults, type Schema, type Values } from '../state/schema';
import { runwaySchema, unitEconomicsSchema, inferenceCostSchema, budgetAllocatorSchema } from '../finance/schemas';
import { defineWidget } from './define';

export const FEASIBILITY_ID = 'feasibility';

/** z for a two-sided 95 % interval: the 97.5th percentile of the standard normal. */
export const Z95 = 1.959963984540054;

/** The thresholds of the rules, in one place (the chapter quotes them). */
export const RULES = {
  /** The largest share of the reachable market a plan may need and still count as go. */
  maxShare: 0.1,
  /** Paying commitments (paid pilots, signed letters of intent) needed before the market counts as shown. */
  minCommitments: 3,
  /** Gross margin below this is thin for a software business (Chapter 8: 50–60 % is typical of AI companies). */
  minMargin: 0.5,
  /** LTV/CAC at least this (Skok's rule of thumb, Chapter 8). */
  minLtvToCac: 3,
  /** CAC earned back within this many months (Chapter 8). */
  maxPayback: 12,
  /** Months of cash a plan keeps at its milestone to raise the next round (Chapter 10). */
  raiseMonths: 6,
} as const;

export const VERDICTS = ['stop', 'investigate', 'go'] as const;
export type Verdict = (typeof VERDICTS)[number];
/** The numeric code of a verdict: stop 0, investigate 1, go 2 (the worse, the lower). */
export const verdictCode = (v: Verdict): number => VERDICTS.indexOf(v);

export const QUESTIONS = ['technical', 'market', 'business', 'risk'] as const;
export type Question = (typeof QUESTIONS)[number];

/** A finding: one rule's outcome. `code` names the rule and outcome; the view words it. */
export interface Finding {
  question: Question;
  status: Verdict;
  code: FindingCode;
}

export type FindingCode =
  | 'countsInvalid'
  | 'noEval'
  | 'qualityMet'
  | 'qualityShort'
  | 'qualityUnsure'
  | 'marketTooSmall'
  | 'shareHigh'
  | 'shareOk'
  | 'fewCommitments'
  | 'commitmentsOk'
  | 'economicsInvalid'
  | 'negativeMargin'
  | 'thinMargin'
  | 'marginOk'
  | 'ltvBelowCac'
  | 'ltvLow'
  | 'ltvOk'
  | 'slowPayback'
  | 'paybackOk'
  | 'cashShort'
  | 'noRaiseMargin'
  | 'runwayOk'
  | 'dataRefused'
  | 'dataUnclear'
  | 'dataCleared'
  | 'prohibited'
  | 'regulationUnknown'
  | 'regulationClear'
  | 'platformHigh'
  | 'platformLow'
  | 'noPremortem'
  | 'premortemDone';

/** The 95 % Wilson score interval of a proportion k/n (Wilson, 1927): [lower, upper]. Requires 0 ≤ k ≤ n, n > 0. */
export function wilsonInterval(k: number, n: number, z = Z95): [number, number] {
  const p = k / n;
  const z2 = z * z;
  const d = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / d;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / d;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/**
 * The smallest evaluation set, in multiples of `step` cases, at which a pass rate `rate` (k = rate·n, a whole number for
 * every multiple of `step`) has a Wilson lower bound of at least `target`; searched up to `maxCases`. NaN if none.
 */
export function minCasesFor(rate: number, target: number, step: number, maxCases = 100_000): number {
  for (let n = step; n <= maxCases; n += step) {
    const k = Math.round(rate * n);
    if (wilsonInterval(k, n)[0] >= target) return n;
  }
  return Number.NaN;
}

/** Annual revenue if every reachable customer paid: customers × monthly price × 12. */
export function marketSize(customers: number, monthlyPrice: number): number {
  return customers * monthlyPrice * 12;
}

export const DATA_RIGHTS = ['cleared', 'unclear', 'refused'] as const;
export const REGULATION = ['clear', 'unknown', 'prohibited'] as const;
export const PLATFORM = ['low', 'high'] as const;

const pct = { zh: '占比（0–1）', en: 'fraction (0–1)' };
const usd = { zh: '美元', en: 'USD' };
const usdMonth = { zh: '美元/月', en: 'USD a month' };

export const feasibilitySchema = {
  evalCases: {
    type: 'number', default: 50, min: 0, max: 1e6, integer: true, control: 'number', group: 'technical',
    label: { zh: '评估用的真实案例数 n', en: 'Real cases evaluated, n' },
    hint: { zh: '原型没见过的、来自真实客户的案例', en: 'Cases from real customers the prototype has not seen' },
  },
  evalPassed: {
    type: 'number', default: 45, min: 0, max: 1e6, integer: true, control: 'number', group: 'technical',
    label: { zh: '其中达标的案例数 k', en: 'Cases it handled acceptably, k' },
  },
  target: {
    type: 'number', default: 0.85, min: 0.01, max: 0.999, step: 0.01, digits: 2, group: 'technical',
    label: { zh: '质量门槛 t（客户要求的达标比例）', en: 'Quality bar t (share of cases that must be acceptable)' },
    unit: pct,
  },
  params: {
    type: 'number', default: 8e9, min: 0, max: 1e13, control: 'number', group: 'technical',
    label: { zh: '自建部署时的模型参数量', en: 'Parameters of the model, if you serve it yourself' },
    hint: { zh: '不影响结论；只带入第 9 章的推理成本计算器，0 表示只用 API', en: 'Not part of the verdict: carried to Chapter 9’s inference-cost calculator; 0 for an API only' },
  },
  customers: {
    type: 'number', default: 20_000, min: 0, max: 1e10, integer: true, control: 'number', group: 'market',
    label: { zh: '能触达的目标客户数', en: 'Customers you can reach' },
    hint: { zh: '自下而上数：符合画像、你的渠道够得着的客户', en: 'Counted bottom-up: customers who fit and whom your channels reach' },
  },
  price: {
    type: 'number', default: 400, min: 1, max: 1e7, control: 'number', group: 'market',
    label: { zh: '每个客户每月付费', en: 'Price per customer per month' },
    unit: usdMonth,
  },
  goal: {
    type: 'number', default: 2.4e6, min: 0, max: 1e13, control: 'number', group: 'market',
    label: { zh: '计划需要达到的年收入', en: 'Annual revenue the plan must reach' },
    hint: { zh: '例如商业计划第三年的年度经常性收入', en: 'For instance the recurring revenue of year three of the business plan' },
    unit: usd,
  },
  commitments: {
    type: 'number', default: 3, min: 0, max: 1e6, integer: true, control: 'number', group: 'market',
    label: { zh: '付费承诺（付费试点、签字的意向书）', en: 'Paying commitments (paid pilots, signed letters of intent)' },
  },
  tokensPerUser: {
    type: 'number', default: 3e7, min: 0, max: 1e13, control: 'number', group: 'business',
    label: { zh: '每个客户每月的 token 用量', en: 'Tokens per customer per month' },
  },
  costPerMillion: {
    type: 'number', default: 2, min: 0, max: 1e4, control: 'number', group: 'business',
    label: { zh: '每百万 token 成本', en: 'Cost per million tokens' },
    unit: usd,
  },
  otherCogs: {
    type: 'number', default: 40, min: 0, max: 1e7, control: 'number', group: 'business',
    label: { zh: '每个客户每月的其他服务成本', en: 'Other cost of serving a customer, per month' },
    hint: { zh: '人工复核、客服、检索库托管、支付手续费', en: 'Human review, support, hosting the search index, payment fees' },
    unit: usdMonth,
  },
  churn: {
    type: 'number', default: 0.03, min: 0.001, max: 1, control: 'number', group: 'business',
    label: { zh: '月流失率', en: 'Monthly churn' },
    unit: pct,
  },
  cac: {
    type: 'number', default: 3000, min: 1, max: 1e8, control: 'number', group: 'business',
    label: { zh: '获客成本（CAC）', en: 'Customer acquisition cost (CAC)' },
    unit: usd,
  },
  cash: {
    type: 'number', default: 1.5e6, min: 0, max: 1e13, control: 'number', group: 'business',
    label: { zh: '账上现金', en: 'Cash in the bank' },
    unit: usd,
  },
  burn: {
    type: 'number', default: 1e5, min: 1, max: 1e12, control: 'number', group: 'business',
    label: { zh: '月支出', en: 'Monthly expenses' },
    unit: usd,
  },
  months: {
    type: 'number', default: 8, min: 1, max: 120, integer: true, control: 'number', group: 'business',
    label: { zh: '到下一个里程碑的月数', en: 'Months to the next milestone' },
    hint: { zh: '来自路线图：证明到足以融资的那一步', en: 'From the roadmap: the step that proves enough to raise on' },
  },
  dataRights: {
    type: 'enum', default: 'cleared', options: DATA_RIGHTS, group: 'risk',
    label: { zh: '数据使用权', en: 'Rights to the data' },
    optionLabels: {
      cleared: { zh: '已落实（合同写明）', en: 'Cleared, in writing' },
      unclear: { zh: '尚不清楚', en: 'Unclear' },
      refused: { zh: '被拒绝', en: 'Refused' },
    },
  },
  regulation: {
    type: 'enum', default: 'clear', options: REGULATION, group: 'risk',
    label: { zh: '监管', en: 'Regulation' },
    optionLabels: {
      clear: { zh: '已查清，合规成本已计入计划', en: 'Checked; compliance is in the plan' },
      unknown: { zh: '还没查', en: 'Not yet checked' },
      prohibited: { zh: '在目标市场被禁止', en: 'Prohibited where you sell' },
    },
  },
  platform: {
    type: 'enum', default: 'high', options: PLATFORM, group: 'risk',
    label: { zh: '平台风险：大模型厂商或现有平台能否把它做成一个功能？', en: 'Platform risk: could a model vendor or incumbent ship this as a feature?' },
    optionLabels: {
      low: { zh: '不容易', en: 'Not easily' },
      high: { zh: '很容易', en: 'Easily' },
    },
  },
  premortem: {
    type: 'boolean', default: true, group: 'risk',
    label: { zh: '已做事前验尸，每个主要风险都有负责人和验证办法', en: 'Pre-mortem done; each top risk has an owner and a test' },
  },
} satisfies Schema;

export type FeasibilityValues = Values<typeof feasibilitySchema>;

export interface FeasibilityReport {
  verdict: Verdict;
  questions: Record<Question, Verdict>;
  findings: Finding[];
  /** k/n, null without cases or with k > n. */
  passRate: number | null;
  /** Wilson 95 % interval of k/n, null with passRate. */
  interval: [number, number] | null;
  marketSize: number;
  /** goal / marketSize (Infinity for a market of 0 with a positive goal, 0 for a goal of 0). */
  shareNeeded: number;
  /** From Chapter 8's calculator; null where it has no value (invalid inputs). */
  grossMargin: number | null;
  ltvToCac: number | null;
  payback: number | null;
  /** Whole months of cash (Chapter 10's calculator, capped at 120). */
  runway: number | null;
  /** months + 6: the runway the plan needs to reach the milestone and still raise. */
  runwayNeeded: number;
}

const worst = (vs: readonly Verdict[]): Verdict => VERDICTS[Math.min(...vs.map(verdictCode))]!;

/** The verdict of the worksheet and every finding behind it (rules in the file's comment). */
export function assess(v: FeasibilityValues): FeasibilityReport {
  const findings: Finding[] = [];
  const add = (question: Question, status: Verdict, code: FindingCode) => findings.push({ question, status, code });

  // Technical
  let passRate: number | null = null;
  let interval: [number, number] | null = null;
  if (v.evalPassed > v.evalCases) add('technical', 'investigate', 'countsInvalid');
  else if (v.evalCases === 0) add('technical', 'investigate', 'noEval');
  else {
    passRate = v.evalPassed / v.evalCases;
    interval = wilsonInterval(v.evalPassed, v.evalCases);
    if (interval[0] >= v.target) add('technical', 'go', 'qualityMet');
    else if (interval[1] < v.target) add('technical', 'stop', 'qualityShort');
    else add('technical', 'investigate', 'qualityUnsure');
  }

  // Market
  const size = marketSize(v.customers, v.price);
  const shareNeeded = v.goal === 0 ? 0 : size > 0 ? v.goal / size : Number.POSITIVE_INFINITY;
  if (shareNeeded > 1) add('market', 'stop', 'marketTooSmall');
  else if (shareNeeded > RULES.maxShare) add('market', 'investigate', 'shareHigh');
  else add('market', 'go', 'shareOk');
  add('market', v.commitments < RULES.minCommitments ? 'investigate' : 'go', v.commitments < RULES.minCommitments ? 'fewCommitments' : 'commitmentsOk');

  // Business: unit economics (Chapter 8) and runway (Chapter 10)
  const ue = unitEconomics({
    arpu: v.price,
    tokensPerUser: v.tokensPerUser,
    costPerMillion: v.costPerMillion,
    otherCogs: v.otherCogs,
    churn: v.churn,
    cac: v.cac,
    discount: 0,
  });
  let grossMargin: number | null = null;
  let ltvToCac: number | null = null;
  let payback: number | null = null;
  if (!ue.ok) add('business', 'investigate', 'economicsInvalid');
  else {
    grossMargin = ue.value.grossMargin;
    if (grossMargin < 0) add('business', 'stop', 'negativeMargin');
    else if (grossMargin < RULES.minMargin) add('business', 'investigate', 'thinMargin');
    else add('business', 'go', 'marginOk');
    if (grossMargin > 0 && !ue.missing?.ltvToCac) {
      ltvToCac = ue.value.ltvToCac;
      payback = ue.value.paybackMonths;
      if (ltvToCac < 1) add('business', 'stop', 'ltvBelowCac');
      else if (ltvToCac < RULES.minLtvToCac) add('business', 'investigate', 'ltvLow');
      else add('business', 'go', 'ltvOk');
      add('business', payback > RULES.maxPayback ? 'investigate' : 'go', payback > RULES.maxPayback ? 'slowPayback' : 'paybackOk');
    }
  }
  const rw = runway(runwayInputs(v));
  const months = rw.ok ? rw.value.months : null;
  const runwayNeeded = v.months + RULES.raiseMonths;
  if (months === null) add('business', 'investigate', 'economicsInvalid');
  else if (months < v.months) add('business', 'stop', 'cashShort');
  else if (months < runwayNeeded) add('business', 'investigate', 'noRaiseMargin');
  else add('business', 'go', 'runwayOk');

  // Risk
  add('risk', v.dataRights === 'refused' ? 'stop' : v.dataRights === 'unclear' ? 'investigate' : 'go', v.dataRights === 'refused' ? 'dataRefused' : v.dataRights === 'unclear' ? 'dataUnclear' : 'dataCleared');
  add(
    'risk',
    v.regulation === 'prohibited' ? 'stop' : v.regulation === 'unknown' ? 'investigate' : 'go',
    v.regulation === 'prohibited' ? 'prohibited' : v.regulation === 'unknown' ? 'regulationUnknown' : 'regulationClear',
  );
  add('risk', v.platform === 'high' ? 'investigate' : 'go', v.platform === 'high' ? 'platformHigh' : 'platformLow');
  add('risk', v.premortem ? 'go' : 'investigate', v.premortem ? 'premortemDone' : 'noPremortem');

  const questions = Object.fromEntries(QUESTIONS.map((q) => [q, worst(findings.filter((f) => f.question === q).map((f) => f.status))])) as Record<Question, Verdict>;
  return {
    verdict: worst(Object.values(questions)),
    questions,
    findings,
    passRate,
    interval,
    marketSize: size,
    shareNeeded,
    grossMargin,
    ltvToCac,
    payback,
    runway: months,
    runwayNeeded,
  };
}

/** The worksheet's cash and burn as Chapter 10's runway inputs: no revenue, no growth, one deterministic path. */
export function runwayInputs(v: Pick<FeasibilityValues, 'cash' | 'burn'>) {
  return { ...schemaDefaults(runwaySchema), cash: v.cash, burn: v.burn, revenue: 0, growth: 0, expenseGrowth: 0, growthSd: 0, runs: 1 };
}

/** Where each money question's calculator lives: chapter slug and the heading of its "try it" section. */
export const CALCULATOR_HOMES = {
  unitEconomics: { slug: 'startup-strategy', section: 'unit-economics-calculator' },
  inferenceCost: { slug: 'compute-economics', section: 'try-inference-cost' },
  runway: { slug: 'capital-allocation', section: 'runway-calculator' },
  budgetAllocator: { slug: 'capital-allocation', section: 'budget-allocator' },
} as const;
export type LinkedCalculator = keyof typeof CALCULATOR_HOMES;

/**
 * Links to the calculators of Chapters 8–10 with the worksheet's numbers carried over (root-relative, without the base
 * path: the view's links add it). Only the values that differ from each calculator's defaults are written, as the
 * calculators' own links do.
 */
export function calculatorLinks(v: FeasibilityValues, lang: Lang): Record<LinkedCalculator, string> {
  const link = <S extends Schema>(id: LinkedCalculator, schema: S, values: Partial<Values<S>>) => {
    const defaults = schemaDefaults(schema);
    const query = mergeQuery('', id, encodeQuery(id, schema, { ...defaults, ...values }, defaults));
    const home = CALCULATOR_HOMES[id];
    return `/${lang}/${home.slug}/${query}#${home.section}`;
  };
  return {
    unitEconomics: link('unitEconomics', unitEconomicsSchema, {
      arpu: v.price,
      tokensPerUser: v.tokensPerUser,
      costPerMillion: v.costPerMillion,
      otherCogs: v.otherCogs,
      churn: v.churn,
      cac: v.cac,
    }),
    inferenceCost: link('inferenceCost', inferenceCostSchema, v.params > 0 ? { params: v.params } : {}),
    runway: link('runway', runwaySchema, { cash: v.cash, burn: v.burn, revenue: 0, growth: 0, expenseGrowth: 0 }),
    budgetAllocator: link('budgetAllocator', budgetAllocatorSchema, { budget: v.cash }),
  };
}

export const feasibility = defineWidget({
  id: FEASIBILITY_ID,
  tag: 'FeasibilityWorksheet',
  title: { zh: '可行性工作表：四个问题与结论', en: 'Feasibility worksheet: four questions and a verdict' },
  schema: feasibilitySchema,
  placeholderHeight: 1100,
  groups: [
    { id: 'technical', label: { zh: '技术：做得出来吗？', en: 'Technical: can it be built?' }, open: true },
    { id: 'market', label: { zh: '市场：谁付钱，有多少？', en: 'Market: who pays, and how many?' } },
    { id: 'business', label: { zh: '商业：每个客户赚钱吗？钱够用吗？', en: 'Business: does each customer pay, and does the cash last?' } },
    { id: 'risk', label: { zh: '风险：什么会让它失败？', en: 'Risk: what would kill it?' } },
  ],
  strings: bilingual({
    zh: {
      verdictLabel: '结论',
      verdicts: { go: '推进', investigate: '先调查', stop: '停止（按现计划）' } as Record<Verdict, string>,
      verdictLine: { go: '四个问题都有证据支持：可以投入。', investigate: '还缺证据：先用最便宜的办法补上，再决定。', stop: '按现在的计划不可行：改计划，或者放弃。' } as Record<Verdict, string>,
      questions: { technical: '技术', market: '市场', business: '商业', risk: '风险' } as Record<Question, string>,
      reasons: '理由',
      status: { go: '通过', investigate: '待查', stop: '不通过' } as Record<Verdict, string>,
      passRate: '达标率 k/n',
      interval: '95% 区间（Wilson）',
      marketSize: '可触达市场（年）',
      shareNeeded: '需要拿下的份额',
      grossMargin: '毛利率',
      ltvToCac: 'LTV/CAC',
      payback: 'CAC 回收期',
      runway: '跑道',
      runwayNeeded: '需要的跑道',
      monthsUnit: '个月',
      links: '把你的数字带到前几章的计算器里：',
      linkUnit: '第 8 章：单位经济计算器（价格、用量、成本、流失、CAC）',
      linkInference: '第 9 章：推理成本计算器（算出每百万 token 成本，带入模型参数量）',
      linkRunway: '第 10 章：跑道计算器（现金与月支出，收入先记 0）',
      linkBudget: '第 10 章：预算分配器（把账上现金作为预算）',
      findings: {
        countsInvalid: '达标案例数大于评估案例数：请检查输入。',
        noEval: '还没有在真实案例上测过：先建评估集。',
        qualityMet: (l: string, t: string) => `区间下端 ${l} 也达到门槛 ${t}。`,
        qualityShort: (u: string, t: string) => `区间上端 ${u} 仍低于门槛 ${t}：现在的系统做不到。`,
        qualityUnsure: (l: string, u: string, t: string) => `区间 ${l}–${u} 跨过门槛 ${t}：案例太少，分不出来。`,
        marketTooSmall: (s: string) => `目标收入超过整个可触达市场（需要 ${s}）。`,
        shareHigh: (s: string) => `需要拿下可触达市场的 ${s}，超过 10%。`,
        shareOk: (s: string) => `只需可触达市场的 ${s}。`,
        fewCommitments: (n: string) => `只有 ${n} 个付费承诺，少于 3 个。`,
        commitmentsOk: (n: string) => `已有 ${n} 个付费承诺。`,
        economicsInvalid: '单位经济或跑道的输入无法计算。',
        negativeMargin: (g: string) => `毛利率为 ${g}：每多一个客户就多亏一分。`,
        thinMargin: (g: string) => `毛利率 ${g}，低于 50%。`,
        marginOk: (g: string) => `毛利率 ${g}。`,
        ltvBelowCac: (r: string) => `LTV/CAC 只有 ${r}：客户一生带来的毛利抵不上获客成本。`,
        ltvLow: (r: string) => `LTV/CAC 为 ${r}，低于 3。`,
        ltvOk: (r: string) => `LTV/CAC 为 ${r}。`,
        slowPayback: (m: string) => `CAC 要 ${m} 个月才能收回，超过 12 个月。`,
        paybackOk: (m: string) => `CAC ${m} 个月收回。`,
        cashShort: (r: string, m: string) => `现金只够 ${r} 个月，到不了 ${m} 个月后的里程碑。`,
        noRaiseMargin: (r: string, n: string) => `现金够 ${r} 个月，但到里程碑后剩不到 6 个月融资（需要 ${n} 个月）。`,
        runwayOk: (r: string, n: string) => `现金够 ${r} 个月，不少于需要的 ${n} 个月。`,
        dataRefused: '数据使用权被拒绝。',
        dataUnclear: '数据使用权尚不清楚。',
        dataCleared: '数据使用权已落实。',
        prohibited: '这种用途在目标市场被禁止。',
        regulationUnknown: '监管要求还没查清。',
        regulationClear: '监管要求已查清并计入计划。',
        platformHigh: '平台很容易把它做成一个功能：说清楚那时你还剩下什么。',
        platformLow: '平台风险不高。',
        noPremortem: '还没做事前验尸。',
        premortemDone: '已做事前验尸，风险有人负责。',
      },
      sep: '',
    },
    en: {
      verdictLabel: 'Verdict',
      verdicts: { go: 'Go', investigate: 'Investigate', stop: 'Stop (as planned)' } as Record<Verdict, string>,
      verdictLine: {
        go: 'Every question has evidence behind it: commit.',
        investigate: 'Evidence is missing: get it the cheapest way you can, then decide.',
        stop: 'The plan as it stands does not work: change the plan, or drop it.',
      } as Record<Verdict, string>,
      questions: { technical: 'Technical', market: 'Market', business: 'Business', risk: 'Risk' } as Record<Question, string>,
      reasons: 'Reasons',
      status: { go: 'pass', investigate: 'open', stop: 'fail' } as Record<Verdict, string>,
      passRate: 'Pass rate k/n',
      interval: '95 % interval (Wilson)',
      marketSize: 'Reachable market, a year',
      shareNeeded: 'Share needed',
      grossMargin: 'Gross margin',
      ltvToCac: 'LTV/CAC',
      payback: 'CAC payback',
      runway: 'Runway',
      runwayNeeded: 'Runway needed',
      monthsUnit: 'months',
      links: 'Take your numbers to the calculators of earlier chapters:',
      linkUnit: 'Chapter 8: unit economics (price, usage, cost, churn, CAC)',
      linkInference: 'Chapter 9: inference cost (find your cost per million tokens, with your model size)',
      linkRunway: 'Chapter 10: runway (cash and monthly expenses, revenue at 0 for now)',
      linkBudget: 'Chapter 10: budget allocator (your cash as the budget)',
      findings: {
        countsInvalid: 'More cases passed than were evaluated: check the inputs.',
        noEval: 'Nothing measured on real cases yet: build an evaluation set first.',
        qualityMet: (l: string, t: string) => `Even the interval’s low end, ${l}, meets the bar of ${t}.`,
        qualityShort: (u: string, t: string) => `Even the interval’s high end, ${u}, is below the bar of ${t}: the system cannot do it now.`,
        qualityUnsure: (l: string, u: string, t: string) => `The interval ${l}–${u} straddles the bar of ${t}: too few cases to tell.`,
        marketTooSmall: (s: string) => `The revenue goal exceeds the whole reachable market (it needs ${s}).`,
        shareHigh: (s: string) => `It needs ${s} of the reachable market, more than 10 %.`,
        shareOk: (s: string) => `It needs ${s} of the reachable market.`,
        fewCommitments: (n: string) => `Only ${n} paying commitments, fewer than 3.`,
        commitmentsOk: (n: string) => `${n} paying commitments.`,
        economicsInvalid: 'The unit-economics or runway inputs cannot be computed.',
        negativeMargin: (g: string) => `Gross margin is ${g}: every new customer deepens the loss.`,
        thinMargin: (g: string) => `Gross margin is ${g}, below 50 %.`,
        marginOk: (g: string) => `Gross margin is ${g}.`,
        ltvBelowCac: (r: string) => `LTV/CAC is only ${r}: a customer’s lifetime gross profit does not repay the cost of winning them.`,
        ltvLow: (r: string) => `LTV/CAC is ${r}, below 3.`,
        ltvOk: (r: string) => `LTV/CAC is ${r}.`,
        slowPayback: (m: string) => `CAC takes ${m} months to earn back, more than 12.`,
        paybackOk: (m: string) => `CAC is earned back in ${m} months.`,
        cashShort: (r: string, m: string) => `The cash lasts ${r} months, short of the milestone at ${m}.`,
        noRaiseMargin: (r: string, n: string) => `The cash lasts ${r} months, leaving less than 6 to raise after the milestone (${n} needed).`,
        runwayOk: (r: string, n: string) => `The cash lasts ${r} months, at least the ${n} needed.`,
        dataRefused: 'The rights to the data were refused.',
        dataUnclear: 'The rights to the data are unclear.',
        dataCleared: 'The rights to the data are cleared.',
        prohibited: 'This use is prohibited where you sell.',
        regulationUnknown: 'The regulation has not been checked.',
        regulationClear: 'The regulation is checked and costed in the plan.',
        platformHigh: 'A platform could easily ship this as a feature: say what you keep when it does.',
        platformLow: 'Platform risk is low.',
        noPremortem: 'No pre-mortem yet.',
        premortemDone: 'Pre-mortem done; each risk has an owner.',
      },
      sep: ' ',
    },
  }),
});

export default feasibility;
