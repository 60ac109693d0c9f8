import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runway } from '../finance/runway';
import { runwaySchema } from '../finance/schemas';
import { parseQuery } from '../state/schema';
import {
  DEFAULT_ROLES,
  MAX_ROLES,
  ROLE_KINDS,
  constantBurnRunway,
  encodeRoles,
  fullTeamBurn,
  headcountAt,
  parseRoles,
  payrollAt,
  planPath,
  planRunway,
  roleMonthlyCost,
  runwayCalculatorLink,
  teamPlan,
  teamPlanReport,
  teamPlanSchema,
  type PlanInputs,
  type Role,
} from './team-plan';

/** A plan small enough to check by hand: a founder from month 0, an engineer from month 3, 5,000 of compute. */
const SMALL: PlanInputs = {
  roles: [
    { kind: 'founder', start: 0, salary: 10000, onCost: 0 },
    { kind: 'mlEngineer', start: 3, salary: 20000, onCost: 25 },
  ],
  cash: 1_000_000,
  revenue: 0,
  growth: 0,
  compute: 5000,
  other: 0,
};

describe('the plan in the URL', () => {
  it('round-trips the default plan through its list of numbers', () => {
    const list = encodeRoles(DEFAULT_ROLES);
    expect(list).toHaveLength(DEFAULT_ROLES.length * 4);
    expect(list.slice(0, 8)).toEqual([0, 0, 8000, 20, 0, 0, 8000, 20]);
    const parsed = parseRoles(list);
    expect(parsed).toEqual({ ok: true, roles: [...DEFAULT_ROLES] });
    expect(teamPlanSchema.roles.default).toEqual(list);
    expect(parseRoles([])).toEqual({ ok: true, roles: [] });
  });

  it.each([
    [[1, 0, 15000], 'listLength', undefined],
    [[10, 0, 15000, 25], 'badKind', 1],
    [[1.5, 0, 15000, 25], 'badKind', 1],
    [[1, 0, 15000, 25, 1, -1, 15000, 25], 'badStart', 2],
    [[1, 36, 15000, 25], 'badStart', 1],
    [[1, 2.5, 15000, 25], 'badStart', 1],
    [[1, 0, -5000, 25], 'negativeSalary', 1],
    [[1, 0, 15e6, 25], 'absurdSalary', 1],
    [[1, 0, 15000, -3], 'badOnCost', 1],
    [[1, 0, 15000, 250], 'badOnCost', 1],
  ])('rejects %j with %s (role %s), naming the role in both editions', (list, code, role) => {
    const r = parseRoles(list);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]!.code).toBe(code);
    expect(r.problems[0]!.role).toBe(role);
    expect(r.problems[0]!.message.en.length).toBeGreaterThan(10);
    expect(r.problems[0]!.message.zh.length).toBeGreaterThan(5);
    if (role) expect(r.problems[0]!.message.en).toContain(`Role ${role}`);
  });

  it('reports every bad number of every role, and refuses more than MAX_ROLES roles', () => {
    const r = parseRoles([42, -1, -1, 999]);
    expect(r.ok ? [] : r.problems.map((p) => p.code)).toEqual(['badKind', 'badStart', 'negativeSalary', 'badOnCost']);
    const many = Array.from({ length: MAX_ROLES + 1 }, () => [0, 0, 1000, 0]).flat();
    const m = parseRoles(many);
    expect(m.ok ? '' : m.problems[0]!.code).toBe('tooManyRoles');
  });

  it('accepts every list the editor can produce (property)', () => {
    const role = fc.record({
      kind: fc.constantFrom(...ROLE_KINDS),
      start: fc.integer({ min: 0, max: 35 }),
      salary: fc.integer({ min: 0, max: 1_000_000 }),
      onCost: fc.integer({ min: 0, max: 200 }),
    });
    fc.assert(
      fc.property(fc.array(role, { maxLength: MAX_ROLES }), (roles) => {
        expect(parseRoles(encodeRoles(roles))).toEqual({ ok: true, roles });
      }),
    );
  });
});

describe('monthly burn', () => {
  it('costs a role its salary plus on-costs', () => {
    // 10,000 × 1.25 = 12,500; 8,000 × 1.2 = 9,600 (hand computation)
    expect(roleMonthlyCost({ salary: 10000, onCost: 25 })).toBe(12500);
    expect(roleMonthlyCost({ salary: 8000, onCost: 20 })).toBe(9600);
  });

  it('adds each role from its start month', () => {
    // months 0–2: the founder, 10,000 + 5,000 compute = 15,000; from month 3 also 25,000: 40,000
    const path = planPath(SMALL, 30);
    expect(path.map((m) => m.expenses).slice(0, 5)).toEqual([15000, 15000, 15000, 40000, 40000]);
    expect(path.map((m) => m.headcount).slice(0, 5)).toEqual([1, 1, 1, 2, 2]);
    expect(payrollAt(SMALL.roles, 2)).toBe(10000);
    expect(headcountAt(SMALL.roles, 3)).toBe(2);
    // cash at the start of month 4: 1,000,000 − 3 × 15,000 − 40,000 = 915,000
    expect(path[4]!.cash).toBe(915000);
  });

  it('counts runway as Chapter 10 does, and brackets it between today’s burn and the full team’s', () => {
    // after 3 months at 15,000, 955,000 remain; 955,000 / 40,000 = 23.9, so 23 more months are paid: 26 in all.
    // Today's burn for ever: 1,000,000 / 15,000 = 66.7 → 66; the full team from today: 1,000,000 / 40,000 = 25.
    const r = teamPlanReport(SMALL, 24);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.runway).toEqual({ months: 26, breakEvenMonth: -1, defaultAlive: 0 });
    expect(r.value.todayMonths).toBe(66);
    expect(r.value.fullTeamMonths).toBe(25);
    expect(r.value.burnMonth0).toBe(15000);
    expect(r.value.fullTeamBurn).toBe(40000);
    expect(r.value.peakNetBurn).toBe(40000);
    // 3 × 15,000 + 21 × 40,000 = 885,000 over 24 months; cash at the start of month 24: 115,000
    expect(r.value.spendHorizon).toBe(885000);
    expect(r.value.cashEnd).toBe(115000);
    expect(r.value.headcountEnd).toBe(2);
    expect(r.value.headcountAt12).toBe(2);
  });

  it('matches lib/finance/runway.ts month for month when every role starts at once', () => {
    for (const [cash, revenue, growth] of [
      [3e6, 30000, 0.08],
      [3e6, 30000, 0.14],
      [5e5, 0, 0],
      [2e6, 90000, 0.02],
    ] as const) {
      const p: PlanInputs = { roles: [{ kind: 'founder', start: 0, salary: 200000, onCost: 25 }], cash, revenue, growth, compute: 0, other: 0 };
      const mine = planRunway(planPath(p));
      const theirs = runway({ cash, burn: 250000, revenue, growth, expenseGrowth: 0, growthSd: 0, runs: 1, seed: 1 });
      expect(theirs.ok).toBe(true);
      if (!theirs.ok) continue;
      expect(mine).toEqual({ months: theirs.value.months, breakEvenMonth: theirs.value.breakEvenMonth, defaultAlive: theirs.value.defaultAlive });
    }
  });

  it('keeps the plan’s runway between the two constant-burn runways (property)', () => {
    const role = fc.record({
      kind: fc.constantFrom(...ROLE_KINDS),
      start: fc.integer({ min: 0, max: 35 }),
      salary: fc.integer({ min: 0, max: 40000 }),
      onCost: fc.integer({ min: 0, max: 60 }),
    });
    fc.assert(
      fc.property(
        fc.array(role, { maxLength: 10 }),
        fc.integer({ min: 0, max: 5_000_000 }),
        fc.integer({ min: 0, max: 50000 }),
        fc.double({ min: -0.2, max: 0.2, noNaN: true }),
        (roles, cash, revenue, growth) => {
          const p: PlanInputs = { roles, cash, revenue, growth, compute: 3000, other: 2000 };
          const r = teamPlanReport(p, 24);
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          expect(r.value.runway.months).toBeLessThanOrEqual(r.value.todayMonths);
          expect(r.value.runway.months).toBeGreaterThanOrEqual(r.value.fullTeamMonths);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('shows the default plan’s lesson: today’s burn says alive, the plan runs out, the full team sooner', () => {
    const p: PlanInputs = { roles: DEFAULT_ROLES, cash: 3e6, revenue: 5000, growth: 0.06, compute: 8000, other: 6000 };
    const r = teamPlanReport(p, 36);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // month 0: two founders at 9,600 + 8,000 compute + 6,000 other = 33,200; the full team: 19,200 + 18,750 + 16,250
    // + 12,500 + 13,750 + 20,000 + 8,750 + 14,000 = 123,200 (hand computation)
    expect(r.value.burnMonth0).toBe(33200);
    expect(r.value.fullTeamBurn).toBe(123200);
    expect(r.value.todayMonths).toBe(120);
    expect(r.value.runway.defaultAlive).toBe(0);
    expect(r.value.runway.months).toBeLessThan(r.value.todayMonths);
    expect(r.value.fullTeamMonths).toBeLessThan(r.value.runway.months);
    // regression values of the chapter's worked example
    expect(r.value.runway.months).toBe(33);
    expect(r.value.fullTeamMonths).toBe(26);
    expect(r.value.runway.breakEvenMonth).toBe(55);
    expect(r.value.headcountAt12).toBe(7);
  });

  it('refuses negative money, a bad horizon and a bad role, with reasons', () => {
    const codes = (p: PlanInputs, months = 24) => {
      const r = teamPlanReport(p, months);
      return r.ok ? [] : r.problems.map((x) => x.code);
    };
    expect(codes({ ...SMALL, cash: -1 })).toEqual(['negative']);
    expect(codes({ ...SMALL, compute: Number.NaN })).toEqual(['notANumber']);
    expect(codes({ ...SMALL, growth: -1.5 })).toEqual(['badGrowth']);
    expect(codes(SMALL, 0)).toEqual(['badMonths']);
    expect(codes({ ...SMALL, roles: [{ kind: 'founder', start: 0, salary: -1, onCost: 0 } as Role] })).toEqual(['negativeSalary']);
  });
});

describe('the link to Chapter 10', () => {
  it('carries cash, the full team’s burn, revenue and growth, which the runway calculator reads without complaint', () => {
    const link = runwayCalculatorLink(SMALL);
    expect(link.startsWith('../capital-allocation/?')).toBe(true);
    expect(link.endsWith('#runway-calculator')).toBe(true);
    const query = link.slice(link.indexOf('?'), link.indexOf('#'));
    const { values, issues } = parseQuery('runway', runwaySchema, query);
    expect(issues).toEqual([]);
    expect(values.cash).toBe(1_000_000);
    expect(values.burn).toBe(40000);
    expect(values.revenue).toBe(0);
    expect(values.growth).toBe(0);
    expect(values.expenseGrowth).toBe(0);
    // and the calculator then shows the full-team runway of the widget
    expect(constantBurnRunway(values.cash, values.burn, values.revenue, values.growth)).toBe(25);
  });
  it('rounds the burn to cents', () => {
    const p: PlanInputs = { ...SMALL, roles: [{ kind: 'founder', start: 0, salary: 3333.33, onCost: 33 }] };
    // 3,333.33 × 1.33 = 4,433.3289 → 4,433.33; plus 5,000 compute
    expect(fullTeamBurn(p)).toBe(9433.33);
    expect(runwayCalculatorLink(p)).toContain('runway.burn=9433.33');
  });
});

describe('the definition', () => {
  it('has the same strings in both editions', () => {
    expect(Object.keys(teamPlan.strings.zh).sort()).toEqual(Object.keys(teamPlan.strings.en).sort());
  });
});
