/**
 * `unitEconomics`: does a user make money? Monthly gross margin after model (token) costs and other costs of goods,
 * lifetime value under monthly churn (optionally discounted), LTV/CAC and the months a user takes to pay back CAC.
 */
import type { Bilingual } from '../i18n';
import { malformedInputs, negativeInputs, okFinite } from './checks';
import { fail, problem, type CalcProblem, type CalcResult } from './result';
import { unitEconomicsSchema, type UnitEconomicsInputs } from './schemas';

export interface UnitEconomicsOutputs {
  /** (arpu − token cost − other COGS) / arpu, a fraction (0.25 = 25 %). */
  grossMargin: number;
  /** Lifetime gross profit of a user, USD. */
  ltv: number;
  /** ltv / cac. */
  ltvToCac: number;
  /** Months of gross profit to recover CAC: cac / (arpu · grossMargin). */
  paybackMonths: number;
}

const LABELS: Record<string, Bilingual> = {
  arpu: { en: 'Revenue per user', zh: '每用户月收入' },
  tokensPerUser: { en: 'Tokens per user', zh: '每用户月 token 数' },
  costPerMillion: { en: 'The cost per million tokens', zh: '每百万 token 成本' },
  otherCogs: { en: 'Other costs per user', zh: '每用户其他成本' },
  churn: { en: 'Churn', zh: '流失率' },
  cac: { en: 'CAC', zh: '获客成本' },
  discount: { en: 'The discount rate', zh: '折现率' },
};

/** Gross margin, a fraction: (arpu − tokensPerUser/1e6 · costPerMillion − otherCogs) / arpu. */
export function grossMargin(arpu: number, tokensPerUser: number, costPerMillion: number, otherCogs: number): number {
  return (arpu - (tokensPerUser / 1e6) * costPerMillion - otherCogs) / arpu;
}

/**
 * Lifetime value of a monthly gross profit m with monthly churn c and monthly discount rate d: the sum over months
 * t ≥ 0 of m·rᵗ/(1+d)ᵗ with retention r = 1 − c, which is m(1+d)/(1+d−r) = m(1+d)/(c+d); with d = 0 it is m/c.
 * Unbounded (Infinity) when c + d = 0: callers must treat that case.
 */
export function lifetimeValue(monthlyGrossProfit: number, churn: number, discount = 0): number {
  return (monthlyGrossProfit * (1 + discount)) / (churn + discount);
}

/** Gross margin, LTV, LTV/CAC and CAC payback of one user. */
export function unitEconomics(inputs: UnitEconomicsInputs): CalcResult<UnitEconomicsOutputs> {
  const problems = [
    ...malformedInputs(unitEconomicsSchema, inputs, LABELS),
    ...negativeInputs(inputs, ['tokensPerUser', 'costPerMillion', 'otherCogs', 'cac', 'discount'], LABELS),
  ];
  if (problems.length === 0 && !(inputs.arpu > 0))
    problems.push(
      problem(
        'zeroArpu',
        {
          zh: '每用户收入必须大于 0：毛利率是利润除以收入，没有收入就无从计算。',
          en: 'Revenue per user must be above 0: gross margin is profit divided by revenue, so it is undefined without revenue.',
        },
        'arpu',
      ),
    );
  if (problems.length === 0 && !(inputs.churn >= 0 && inputs.churn <= 1))
    problems.push(
      problem(
        'churnRange',
        {
          zh: `月流失率是用户的比例，应在 0 到 1（0–100%）之间；当前输入为 ${inputs.churn}。`,
          en: `Monthly churn is a share of users, between 0 and 1 (0–100 %); ${inputs.churn} was entered.`,
        },
        'churn',
      ),
    );
  if (problems.length > 0) return fail(...problems);

  const margin = grossMargin(inputs.arpu, inputs.tokensPerUser, inputs.costPerMillion, inputs.otherCogs);
  const monthly = inputs.arpu * margin;
  const notes: CalcProblem[] = [];
  const missing: Partial<Record<keyof UnitEconomicsOutputs, CalcProblem>> = {};

  let ltv = 0;
  if (inputs.churn + inputs.discount > 0) {
    ltv = lifetimeValue(monthly, inputs.churn, inputs.discount);
  } else {
    const unbounded = problem(
      'zeroChurn',
      {
        zh: '流失率为 0%，用户永不流失，生命周期价值没有上限。请填写大于 0 的流失率，或设置折现率。',
        en: 'Churn is 0 %, so a user never leaves and lifetime value has no upper bound. Enter a churn above 0, or a discount rate.',
      },
      'churn',
    );
    missing.ltv = unbounded;
    missing.ltvToCac = unbounded;
  }

  let ltvToCac = 0;
  if (!missing.ltvToCac) {
    if (inputs.cac > 0) ltvToCac = ltv / inputs.cac;
    else
      missing.ltvToCac = problem(
        'zeroCac',
        {
          zh: '获客成本为 0，每个用户都是免费获得的，LTV/CAC 没有上限。',
          en: 'CAC is 0, so every user is acquired for free and LTV/CAC has no upper bound.',
        },
        'cac',
      );
  }

  let paybackMonths = 0;
  if (monthly > 0) paybackMonths = inputs.cac / monthly;
  else
    missing.paybackMonths = problem(
      'neverPaysBack',
      {
        zh: '每个用户每月都在亏钱（毛利率不高于 0），获客成本永远收不回来。',
        en: 'Each user loses money every month (gross margin is 0 or below), so CAC never pays back.',
      },
      'arpu',
    );

  if (margin < 0)
    notes.push(
      problem(
        'negativeMargin',
        {
          zh: '服务一个用户的成本高于他付的钱：每多一个用户，亏损就多一分。',
          en: 'Serving a user costs more than the user pays: every new user deepens the loss.',
        },
      ),
    );
  if (monthly > 0 && inputs.churn > 0 && paybackMonths > 1 / inputs.churn)
    notes.push(
      problem(
        'churnBeforePayback',
        {
          zh: `平均每个用户只留存约 ${(1 / inputs.churn).toFixed(1)} 个月，短于收回获客成本所需的 ${paybackMonths.toFixed(1)} 个月。`,
          en: `The average user stays about ${(1 / inputs.churn).toFixed(1)} months, fewer than the ${paybackMonths.toFixed(1)} months it takes to pay back CAC.`,
        },
        'churn',
      ),
    );
  return okFinite({ grossMargin: margin, ltv, ltvToCac, paybackMonths }, notes, missing);
}
