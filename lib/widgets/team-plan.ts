/**
 * TeamPlan: a hiring plan turned into monthly burn and runway.
 *
 * A plan is a list of roles, each with a start month, a monthly salary and an on-cost percentage (employer taxes and
 * social insurance, benefits, equipment, recruiting fees spread out), plus monthly compute and other costs that do not
 * depend on headcount. In month t (month 0 is the current month):
 *   payroll_t  = Σ over roles with start ≤ t of salary·(1 + onCost/100)
 *   expenses_t = payroll_t + compute + other
 *   revenue_t  = revenue·(1 + growth)ᵗ, built by multiplying month after month as lib/finance/runway.ts does
 *   net burn_t = expenses_t − revenue_t
 * and cash at the start of month t is cash − Σ_{s<t} net burn_s. Runway, break-even and default alive are counted
 * exactly as in lib/finance/runway.ts (the same 120-month horizon, RUNWAY_HORIZON_MONTHS): runway is the number of
 * months paid for before cash would go below zero. The team stays as hired after the plan's last start month.
 *
 * Chapter 10's calculator (lib/finance/runway.ts) takes one burn figure that grows at a constant rate; a hiring plan's
 * burn climbs in steps, so the month-by-month path is computed here, and runway() itself is called for two constant
 * burns that bracket the plan: today's expenses (too optimistic, since the hires are still to come) and the expenses
 * with the whole team on board (too pessimistic, the one carried over to Chapter 10's calculator by the view's link).
 *
 * The plan travels in the URL as one list of numbers (`teamPlan.roles`), four per role: role kind (an index into
 * ROLE_KINDS), start month, monthly salary, on-cost percentage; e.g. `1,0,15000,25,5,6,10000,25`. The URL codec
 * checks that it is a list of numbers; parseRoles checks what the numbers mean and says what is wrong with them.
 *
 * The view's test contract (`data-result="teamPlan.<name>"`, raw number in `data-value`):
 * `roles` (number of roles), `headcountEnd` (people on the payroll in the last month shown), `headcountAt12`,
 * `burnMonth0` (expenses in month 0), `netBurnMonth0`, `fullTeamBurn` (expenses with every role hired), `peakNetBurn`
 * (the largest net burn in the months shown), `runwayMonths`, `breakEvenMonth` (−1 if none within 120 months),
 * `defaultAlive` (1 or 0), `todayMonths` and `fullTeamMonths` (runway() at a constant burn of month 0's expenses and
 * of the full team's), `spendHorizon` (expenses summed over the months shown), `cashEnd` (cash at the start of the
 * month after the last one shown), and the settings `cash`, `revenue`, `growth`, `compute`, `other`, `months`.
 */
import { formatNumber } from '../format';
import { bilingual, type Bilingual } from '../i18n';
import { runway } from '../finance/runway';
import { RUNWAY_HORIZON_MONTHS } from '../finance/schemas';
import type { Schema, Values } from '../state/schema';
import { defineWidget } from './define';

export const TEAM_PLAN_ID = 'teamPlan';

/** Roles, roughly in the order an AI product company needs them (Chapter 8, "Which roles, in what order"). */
export const ROLE_KINDS = ['founder', 'mlEngineer', 'fullStack', 'domainExpert', 'dataOps', 'regulatory', 'sales', 'inference', 'designer', 'research'] as const;
export type RoleKind = (typeof ROLE_KINDS)[number];

/** Each role's name and a typical monthly salary in USD to start from (an illustrative assumption, not market data). */
export const ROLE_INFO: Record<RoleKind, { name: Bilingual; salary: number }> = {
  founder: { name: { zh: '创始人', en: 'Founder' }, salary: 8000 },
  mlEngineer: { name: { zh: '机器学习 / 产品工程师', en: 'ML / product engineer' }, salary: 15000 },
  fullStack: { name: { zh: '全栈工程师', en: 'Full-stack engineer' }, salary: 13000 },
  domainExpert: { name: { zh: '领域专家（医生、客服主管）', en: 'Domain expert (clinician, support lead)' }, salary: 12000 },
  dataOps: { name: { zh: '数据与标注运营', en: 'Data and labelling operations' }, salary: 7000 },
  regulatory: { name: { zh: '质量与法规', en: 'Quality and regulatory' }, salary: 12000 },
  sales: { name: { zh: '销售 / 客户成功', en: 'Sales / customer success' }, salary: 11000 },
  inference: { name: { zh: '推理与基础设施工程师', en: 'Inference and infrastructure engineer' }, salary: 16000 },
  designer: { name: { zh: '产品设计师', en: 'Product designer' }, salary: 10000 },
  research: { name: { zh: '研究科学家', en: 'Research scientist' }, salary: 20000 },
};

export interface Role {
  kind: RoleKind;
  /** The first month (0-based) the role is paid. */
  start: number;
  /** Gross monthly salary, USD. */
  salary: number;
  /** On-costs as a percentage of salary (25 means 25 %). */
  onCost: number;
}

/** The numbers per role in the URL list. */
export const ROLE_FIELDS = 4;
export const MAX_ROLES = 16;
/** The latest start month a plan may give (the longest horizon shown, less one). */
export const MAX_START = 35;
/** Above this monthly salary (USD) an entry is taken for a typo. */
export const MAX_SALARY = 1_000_000;
export const MAX_ON_COST = 200;

/**
 * The default plan: a seed-stage company building an AI product for customer service (the chapter's second case). Two
 * founders from month 0, then an ML engineer, a full-stack engineer, a support lead who writes the evaluation sets, a
 * salesperson, an inference engineer once volume is real, and labelling help.
 */
export const DEFAULT_ROLES: readonly Role[] = [
  { kind: 'founder', start: 0, salary: 8000, onCost: 20 },
  { kind: 'founder', start: 0, salary: 8000, onCost: 20 },
  { kind: 'mlEngineer', start: 2, salary: 15000, onCost: 25 },
  { kind: 'fullStack', start: 3, salary: 13000, onCost: 25 },
  { kind: 'domainExpert', start: 5, salary: 10000, onCost: 25 },
  { kind: 'sales', start: 8, salary: 11000, onCost: 25 },
  { kind: 'inference', start: 12, salary: 16000, onCost: 25 },
  { kind: 'dataOps', start: 15, salary: 7000, onCost: 25 },
];

/** The URL list of a plan: kind index, start, salary, on-cost, role after role. */
export function encodeRoles(roles: readonly Role[]): number[] {
  return roles.flatMap((r) => [ROLE_KINDS.indexOf(r.kind), r.start, r.salary, r.onCost]);
}

export interface PlanProblem {
  /** Stable code for tests: listLength, tooManyRoles, badKind, badStart, negativeSalary, absurdSalary, badOnCost. */
  code: string;
  /** The role it is about, 1-based; absent for the list as a whole. */
  role?: number;
  message: Bilingual;
}

export type ParsedRoles = { ok: true; roles: Role[] } | { ok: false; problems: PlanProblem[] };

/**
 * Reads a plan from its URL list (four numbers a role) and checks every number: the list's length is a multiple of
 * four and holds at most MAX_ROLES roles; a kind is a whole number naming a role of ROLE_KINDS; a start month is a
 * whole number from 0 to MAX_START; a salary is from 0 to MAX_SALARY; an on-cost from 0 to MAX_ON_COST per cent.
 * Every problem is reported, with the role it is in; nothing is guessed.
 */
export function parseRoles(list: readonly number[]): ParsedRoles {
  const problems: PlanProblem[] = [];
  if (list.length % ROLE_FIELDS !== 0) {
    return {
      ok: false,
      problems: [
        {
          code: 'listLength',
          message: {
            zh: `链接里的招聘计划有 ${list.length} 个数，不是 4 的倍数：每个岗位需要 4 个数（岗位编号、起始月、月薪、附加成本百分比）。`,
            en: `The plan in the link has ${list.length} numbers, not a multiple of 4: each role takes four (role number, start month, monthly salary, on-cost %).`,
          },
        },
      ],
    };
  }
  const count = list.length / ROLE_FIELDS;
  if (count > MAX_ROLES) {
    return {
      ok: false,
      problems: [{ code: 'tooManyRoles', message: { zh: `计划最多 ${MAX_ROLES} 个岗位，链接里有 ${count} 个。`, en: `A plan holds at most ${MAX_ROLES} roles; the link has ${count}.` } }],
    };
  }
  const roles: Role[] = [];
  for (let i = 0; i < count; i++) {
    const [k, start, salary, onCost] = list.slice(i * ROLE_FIELDS, (i + 1) * ROLE_FIELDS) as [number, number, number, number];
    const n = i + 1;
    const before = problems.length;
    if (!Number.isInteger(k) || k < 0 || k >= ROLE_KINDS.length)
      problems.push({
        code: 'badKind',
        role: n,
        message: { zh: `第 ${n} 个岗位的编号 ${k} 不存在：应为 0 到 ${ROLE_KINDS.length - 1} 的整数。`, en: `Role ${n}: ${k} is not a role number; use a whole number from 0 to ${ROLE_KINDS.length - 1}.` },
      });
    if (!Number.isInteger(start) || start < 0 || start > MAX_START)
      problems.push({
        code: 'badStart',
        role: n,
        message: { zh: `第 ${n} 个岗位的起始月 ${start} 无效：应为 0 到 ${MAX_START} 的整数（0 是本月）。`, en: `Role ${n}: start month ${start} is not allowed; use a whole number from 0 (this month) to ${MAX_START}.` },
      });
    if (salary < 0)
      problems.push({ code: 'negativeSalary', role: n, message: { zh: `第 ${n} 个岗位的月薪 ${salary} 是负数。`, en: `Role ${n}: a monthly salary of ${salary} is negative.` } });
    else if (salary > MAX_SALARY)
      problems.push({
        code: 'absurdSalary',
        role: n,
        message: { zh: `第 ${n} 个岗位的月薪 ${salary} 美元不合常理（上限 ${MAX_SALARY}）：是不是把年薪填成了月薪，或多打了零？`, en: `Role ${n}: a monthly salary of ${salary} USD is implausible (the limit is ${MAX_SALARY}); is it a yearly figure, or a zero too many?` },
      });
    if (onCost < 0 || onCost > MAX_ON_COST)
      problems.push({
        code: 'badOnCost',
        role: n,
        message: { zh: `第 ${n} 个岗位的附加成本 ${onCost}% 无效：应在 0 到 ${MAX_ON_COST}% 之间。`, en: `Role ${n}: an on-cost of ${onCost} % is not allowed; use 0 to ${MAX_ON_COST} %.` },
      });
    if (problems.length === before) roles.push({ kind: ROLE_KINDS[k]!, start, salary, onCost });
  }
  return problems.length ? { ok: false, problems } : { ok: true, roles };
}

export const teamPlanSchema = {
  /** Drawn by the view's role editor; four numbers a role (see parseRoles). */
  roles: { type: 'numList', default: encodeRoles(DEFAULT_ROLES), min: -1e12, max: 1e12, minLength: 0, maxLength: MAX_ROLES * ROLE_FIELDS },
  cash: {
    type: 'number',
    default: 3_000_000,
    min: 0,
    max: 1e10,
    control: 'number',
    group: 'money',
    label: { zh: '账上现金', en: 'Cash in the bank' },
    unit: { zh: '美元', en: 'USD' },
  },
  revenue: {
    type: 'number',
    default: 5000,
    min: 0,
    max: 1e9,
    control: 'number',
    group: 'money',
    label: { zh: '当前月收入', en: 'Monthly revenue now' },
    unit: { zh: '美元', en: 'USD' },
  },
  growth: {
    type: 'number',
    default: 0.06,
    min: -0.5,
    max: 1,
    step: 0.005,
    digits: 3,
    group: 'money',
    label: { zh: '收入月增长率', en: 'Monthly revenue growth' },
    hint: { zh: '0.06 表示每月增长 6%。', en: '0.06 means 6 % a month.' },
  },
  compute: {
    type: 'number',
    default: 8000,
    min: 0,
    max: 1e8,
    control: 'number',
    group: 'costs',
    label: { zh: '每月算力（API 与 GPU）', en: 'Compute per month (APIs and GPUs)' },
    unit: { zh: '美元', en: 'USD' },
  },
  other: {
    type: 'number',
    default: 6000,
    min: 0,
    max: 1e8,
    control: 'number',
    group: 'costs',
    label: { zh: '每月其他支出（办公、软件、法务、保险）', en: 'Other costs per month (office, tools, legal, insurance)' },
    unit: { zh: '美元', en: 'USD' },
  },
  months: {
    type: 'number',
    default: 36,
    min: 24,
    max: 36,
    integer: true,
    ladder: [24, 30, 36],
    control: 'select',
    group: 'costs',
    label: { zh: '显示的月数', en: 'Months shown' },
  },
} satisfies Schema;

export type TeamPlanValues = Values<typeof teamPlanSchema>;

/** A role's monthly cost to the company: salary·(1 + onCost/100). */
export function roleMonthlyCost(role: Pick<Role, 'salary' | 'onCost'>): number {
  return role.salary * (1 + role.onCost / 100);
}

export interface PlanInputs {
  roles: readonly Role[];
  cash: number;
  revenue: number;
  growth: number;
  compute: number;
  other: number;
}

export interface PlanMonth {
  month: number;
  headcount: number;
  payroll: number;
  expenses: number;
  revenue: number;
  /** expenses − revenue (negative once revenue exceeds expenses). */
  netBurn: number;
  /** Cash at the start of the month. */
  cash: number;
}

/** Payroll in month t: the monthly cost of every role that has started by then. */
export function payrollAt(roles: readonly Role[], t: number): number {
  return roles.reduce((s, r) => (r.start <= t ? s + roleMonthlyCost(r) : s), 0);
}

/** People on the payroll in month t. */
export function headcountAt(roles: readonly Role[], t: number): number {
  return roles.filter((r) => r.start <= t).length;
}

/** The plan's months 0 … H (H = RUNWAY_HORIZON_MONTHS by default), with cash at the start of each. */
export function planPath(p: PlanInputs, H = RUNWAY_HORIZON_MONTHS): PlanMonth[] {
  const out: PlanMonth[] = [];
  let rev = p.revenue;
  let cash = p.cash;
  const factor = Math.max(0, 1 + p.growth);
  for (let t = 0; t <= H; t++) {
    if (t > 0) rev *= factor;
    const payroll = payrollAt(p.roles, t);
    const expenses = payroll + p.compute + p.other;
    out.push({ month: t, headcount: headcountAt(p.roles, t), payroll, expenses, revenue: rev, netBurn: expenses - rev, cash });
    cash -= expenses - rev;
  }
  return out;
}

export interface PlanRunway {
  /** Months paid for before cash would go below zero; the horizon (120) if it never does. */
  months: number;
  /** The first month with revenue ≥ expenses, or −1. */
  breakEvenMonth: number;
  /** 1 if break-even comes and cash never goes below zero within the horizon. */
  defaultAlive: number;
}

/** Runway, break-even and default alive of a plan's path, counted as lib/finance/runway.ts counts them. */
export function planRunway(path: readonly PlanMonth[]): PlanRunway {
  const H = path.length - 1;
  let months = H;
  let breakEvenMonth = -1;
  for (let t = 0; t < H; t++) {
    const m = path[t]!;
    if (breakEvenMonth < 0 && m.revenue >= m.expenses) breakEvenMonth = t;
    if (months === H && m.cash - m.netBurn < 0) months = t;
  }
  return { months, breakEvenMonth, defaultAlive: breakEvenMonth >= 0 && months === H ? 1 : 0 };
}

/** Expenses with every role of the plan hired, rounded to cents (the burn the link carries to Chapter 10). */
export function fullTeamBurn(p: PlanInputs): number {
  return roundCents(p.roles.reduce((s, r) => s + roleMonthlyCost(r), 0) + p.compute + p.other);
}

const roundCents = (x: number) => Math.round(x * 100) / 100;

/** Runway from lib/finance/runway.ts at a constant burn (no expense growth, no Monte Carlo spread). */
export function constantBurnRunway(cash: number, burn: number, revenue: number, growth: number): number {
  const r = runway({ cash, burn, revenue, growth, expenseGrowth: 0, growthSd: 0, runs: 1, seed: 1 });
  if (!r.ok) throw new Error(`constantBurnRunway: ${r.problems.map((p) => p.code).join(', ')}`);
  return r.value.months;
}

export interface TeamPlanReport {
  path: PlanMonth[];
  runway: PlanRunway;
  burnMonth0: number;
  fullTeamBurn: number;
  todayMonths: number;
  fullTeamMonths: number;
  peakNetBurn: number;
  spendHorizon: number;
  cashEnd: number;
  headcountEnd: number;
  headcountAt12: number;
}

export type TeamPlanResult = { ok: true; value: TeamPlanReport } | { ok: false; problems: PlanProblem[] };

/** Checks the money inputs (a direct caller may bypass the schema's bounds) and computes the plan over `months`. */
export function teamPlanReport(p: PlanInputs, months: number): TeamPlanResult {
  const problems: PlanProblem[] = [];
  const money: [keyof PlanInputs, Bilingual][] = [
    ['cash', { zh: '账上现金', en: 'Cash' }],
    ['revenue', { zh: '月收入', en: 'Monthly revenue' }],
    ['compute', { zh: '算力支出', en: 'Compute' }],
    ['other', { zh: '其他支出', en: 'Other costs' }],
  ];
  for (const [key, label] of money) {
    const v = p[key] as number;
    if (!Number.isFinite(v)) problems.push({ code: 'notANumber', message: { zh: `${label.zh}不是有效的数字。`, en: `${label.en} is not a number.` } });
    else if (v < 0) problems.push({ code: 'negative', message: { zh: `${label.zh}不能为负数。`, en: `${label.en} cannot be negative.` } });
  }
  if (!Number.isFinite(p.growth) || p.growth < -1)
    problems.push({ code: 'badGrowth', message: { zh: '收入每月的降幅不能超过 100%。', en: 'Revenue cannot shrink by more than 100 % a month.' } });
  if (!Number.isInteger(months) || months < 1 || months > RUNWAY_HORIZON_MONTHS)
    problems.push({ code: 'badMonths', message: { zh: `显示的月数必须是 1 到 ${RUNWAY_HORIZON_MONTHS} 的整数。`, en: `Months shown must be a whole number from 1 to ${RUNWAY_HORIZON_MONTHS}.` } });
  const check = parseRoles(encodeRoles(p.roles));
  if (!check.ok) problems.push(...check.problems);
  if (problems.length) return { ok: false, problems };

  const path = planPath(p);
  const shown = path.slice(0, months);
  const full = fullTeamBurn(p);
  const burnMonth0 = roundCents(path[0]!.expenses);
  return {
    ok: true,
    value: {
      path,
      runway: planRunway(path),
      burnMonth0,
      fullTeamBurn: full,
      todayMonths: constantBurnRunway(p.cash, burnMonth0, p.revenue, p.growth),
      fullTeamMonths: constantBurnRunway(p.cash, full, p.revenue, p.growth),
      peakNetBurn: Math.max(...shown.map((m) => m.netBurn)),
      spendHorizon: shown.reduce((s, m) => s + m.expenses, 0),
      cashEnd: path[months]!.cash,
      headcountEnd: shown.at(-1)!.headcount,
      headcountAt12: headcountAt(p.roles, 12),
    },
  };
}

/**
 * The link to Chapter 10's runway calculator with this plan's numbers: cash, revenue and growth as they are, and the
 * full team's expenses as a constant burn (expense growth 0). Relative, so it works under any base path and edition:
 * the chapter pages are /<lang>/case-studies/ and /<lang>/capital-allocation/.
 */
export function runwayCalculatorLink(p: PlanInputs): string {
  const q = new URLSearchParams();
  q.set('runway.cash', String(p.cash));
  q.set('runway.burn', String(fullTeamBurn(p)));
  q.set('runway.revenue', String(p.revenue));
  q.set('runway.growth', String(p.growth));
  q.set('runway.expenseGrowth', '0');
  return `../capital-allocation/?${q.toString()}#runway-calculator`;
}

export const teamPlan = defineWidget({
  id: TEAM_PLAN_ID,
  tag: 'TeamPlan',
  title: { zh: '招聘计划：月度烧钱与跑道', en: 'Hiring plan: monthly burn and runway' },
  schema: teamPlanSchema,
  groups: [
    { id: 'money', label: { zh: '现金与收入', en: 'Cash and revenue' }, open: true },
    { id: 'costs', label: { zh: '非人力支出与显示', en: 'Other costs and display' } },
  ],
  placeholderHeight: 1200,
  strings: bilingual({
    zh: {
      plan: '招聘计划',
      colon: '：',
      role: '岗位',
      start: '起始月',
      salary: '月薪（美元）',
      onCost: '附加成本 %',
      monthlyCost: '每月成本',
      remove: (i: number) => `删除第 ${i} 个岗位`,
      removeCol: '删除',
      add: '+ 增加一个岗位',
      resetPlan: '恢复默认计划',
      roleLabel: (i: number) => `第 ${i} 个岗位`,
      planHint: '起始月 0 表示本月。附加成本包括雇主承担的社保与税、福利、设备与招聘费用，因国家和城市而异，请换成你自己的数。',
      badNumber: (what: string) => `${what}：这不是一个有效的数，未修改。`,
      linkProblems: '链接里的招聘计划无法使用，下面显示的是默认计划：',
      emptyPlan: '计划里还没有岗位：只计算算力和其他支出。',
      results: '结果',
      runway: '跑道（按计划逐月计算）',
      monthsUnit: (n: string) => `${n} 个月`,
      beyond: (n: number) => `超过 ${n} 个月`,
      breakEven: '盈亏平衡',
      breakEvenAt: (m: number) => `第 ${m} 个月`,
      never: '120 个月内没有',
      alive: '默认存活？',
      yes: '是',
      no: '否',
      burn0: '本月支出',
      net0: '本月净烧钱',
      fullBurn: '全员到岗后的月支出',
      peak: '显示期内最大的月净烧钱',
      spend: (m: number) => `${m} 个月的总支出`,
      cashEnd: (m: number) => `第 ${m} 个月初的现金`,
      headcount: (m: number) => `第 ${m} 个月的在岗人数`,
      compareTitle: '与第 10 章的恒定支出模型比较',
      compareToday: '若一直按本月支出烧钱（偏乐观）',
      compareFull: '若从现在起就按全员支出烧钱（偏保守）',
      compareNote: '按计划逐月计算的跑道落在这两者之间。第 10 章的计算器只接受一个恒定的支出；下面的链接带过去的是全员到岗后的支出。',
      openRunway: '在第 10 章的跑道计算器中打开这些数字（现金、全员支出、收入与增长）',
      chartBurn: '每月支出、收入与净烧钱',
      chartCash: '月初现金',
      axisMonth: '月份',
      axisUsd: '美元',
      seriesExpenses: '支出',
      seriesPayroll: '其中人力',
      seriesRevenue: '收入',
      seriesNet: '净烧钱',
      seriesCash: '现金',
      zero: '现金为零',
      tickBurn: (y: number) => `${formatNumber(y / 1e4, 'zh', { digits: Number.isInteger(y / 1e4) ? 0 : 1 })} 万`,
      tickCash: (y: number) => `${formatNumber(y / 1e4, 'zh')} 万`,
      colMonth: '月',
      colHeadcount: '人数',
      colPayroll: '人力',
      colExpenses: '总支出',
      colRevenue: '收入',
      colNet: '净烧钱',
      colCash: '月初现金',
      tableLabel: '以表格查看数值',
      problemsTitle: '无法计算：',
      settings: { roles: '岗位数', cash: '现金', revenue: '月收入', growth: '月增长', compute: '算力', other: '其他' },
    },
    en: {
      plan: 'Hiring plan',
      colon: ': ',
      role: 'Role',
      start: 'Start month',
      salary: 'Monthly salary (USD)',
      onCost: 'On-cost %',
      monthlyCost: 'Monthly cost',
      remove: (i: number) => `Remove role ${i}`,
      removeCol: 'Remove',
      add: '+ Add a role',
      resetPlan: 'Restore the default plan',
      roleLabel: (i: number) => `Role ${i}`,
      planHint: 'Start month 0 is this month. On-costs cover the employer’s taxes and social insurance, benefits, equipment and recruiting; they differ by country and city, so use your own figures.',
      badNumber: (what: string) => `${what}: that is not a valid number; unchanged.`,
      linkProblems: 'The plan in the link cannot be used; the default plan is shown instead:',
      emptyPlan: 'The plan has no roles yet: only compute and other costs are counted.',
      results: 'Results',
      runway: 'Runway (the plan, month by month)',
      monthsUnit: (n: string) => `${n} months`,
      beyond: (n: number) => `more than ${n} months`,
      breakEven: 'Break-even',
      breakEvenAt: (m: number) => `month ${m}`,
      never: 'not within 120 months',
      alive: 'Default alive?',
      yes: 'yes',
      no: 'no',
      burn0: 'Expenses this month',
      net0: 'Net burn this month',
      fullBurn: 'Monthly expenses with the whole team',
      peak: 'Largest monthly net burn shown',
      spend: (m: number) => `Expenses over ${m} months`,
      cashEnd: (m: number) => `Cash at the start of month ${m}`,
      headcount: (m: number) => `People on the payroll in month ${m}`,
      compareTitle: 'Against Chapter 10’s constant-burn model',
      compareToday: 'Burning this month’s expenses for ever (optimistic)',
      compareFull: 'Burning the whole team’s expenses from today (conservative)',
      compareNote: 'The plan’s month-by-month runway lies between the two. Chapter 10’s calculator takes one constant burn; the link below carries the whole team’s.',
      openRunway: 'Open these numbers in Chapter 10’s runway calculator (cash, full-team burn, revenue and growth)',
      chartBurn: 'Monthly expenses, revenue and net burn',
      chartCash: 'Cash at the start of each month',
      axisMonth: 'month',
      axisUsd: 'USD',
      seriesExpenses: 'Expenses',
      seriesPayroll: 'of which people',
      seriesRevenue: 'Revenue',
      seriesNet: 'Net burn',
      seriesCash: 'Cash',
      zero: 'zero cash',
      tickBurn: (y: number) => `${formatNumber(y / 1e3, 'en')}k`,
      tickCash: (y: number) => `${formatNumber(y / 1e6, 'en', { digits: 1 })}M`,
      colMonth: 'Month',
      colHeadcount: 'People',
      colPayroll: 'People cost',
      colExpenses: 'Expenses',
      colRevenue: 'Revenue',
      colNet: 'Net burn',
      colCash: 'Cash at start',
      tableLabel: 'Show the numbers as a table',
      problemsTitle: 'Cannot compute:',
      settings: { roles: 'roles', cash: 'cash', revenue: 'revenue', growth: 'growth', compute: 'compute', other: 'other' },
    },
  }),
});

export default teamPlan;
