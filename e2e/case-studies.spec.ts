import type { Locator, Page } from '@playwright/test';
import { test, expect, showWidget } from './fixtures';
import { DEFAULT_ROLES, encodeRoles, teamPlanReport, type Role } from '../lib/widgets/team-plan';
import { prepareSample, presetValues, thresholdReport, type ThresholdCostValues } from '../lib/widgets/threshold-cost';

const chapter = (lang: string) => `/${lang}/case-studies/`;

async function open(page: Page, lang: string, id: 'thresholdCost' | 'teamPlan', query = '') {
  await page.goto(`${chapter(lang)}${query}`);
  await showWidget(page, id);
  return page.locator(`[data-widget="${id}"]`);
}

const value = async (w: Locator, name: string) => Number(await w.locator(`[data-result$=".${name}"]`).first().getAttribute('data-value'));

/** What the widget must show for these settings, from the same tested code (lib/widgets/threshold-cost.ts). */
function expected(v: ThresholdCostValues) {
  return thresholdReport(prepareSample(v.separation, v.prevalence, v.cases, v.seed), v);
}

/** The chapter places the widget with the diagnosis preset, threshold 1.5 (content/<lang>/case-studies.mdx). */
const PAGE_DEFAULTS: ThresholdCostValues = { ...presetValues('diagnosis'), threshold: 1.5 };

for (const lang of ['zh', 'en'] as const) {
  test(`${lang}: ThresholdCost opens on the diagnosis case and shows its numbers`, async ({ page }) => {
    const w = await open(page, lang, 'thresholdCost');
    const r = expected(PAGE_DEFAULTS);
    expect(await value(w, 'threshold')).toBe(1.5);
    // 20,000 patients at 1 %: 200 with the disease
    expect(await value(w, 'positives')).toBe(200);
    expect(await value(w, 'tp')).toBe(r.counts.tp);
    expect(await value(w, 'fp')).toBe(r.counts.fp);
    expect(await value(w, 'recall')).toBeCloseTo(r.counts.recall, 12);
    expect(await value(w, 'precision')).toBeCloseTo(r.counts.precision, 12);
    expect(await value(w, 'costPerCase')).toBeCloseTo(r.costPerCase, 10);
    expect(await value(w, 'bestThreshold')).toBeCloseTo(r.best.threshold, 12);
    expect(await value(w, 'bestCost')).toBeCloseTo(r.best.cost, 10);
    // the Bayes threshold: 1.25 + ln(200·0.99/(10,000·0.01))/2.5 = 1.523239 (hand computation)
    expect(await value(w, 'bayesThreshold')).toBeCloseTo(1.523239, 5);
    // AUC of the population Φ(2.5/√2) = 0.961450
    expect(await value(w, 'aucTheory')).toBeCloseTo(0.96145, 5);
    await expect(w.locator('figure.chart')).toHaveCount(4);
    await expect(w.locator('figure.chart details.chart-table')).toHaveCount(4);
    await expect(w.locator('[data-testid="widget-issues"]')).toHaveCount(0);
  });

  test(`${lang}: a ThresholdCost permalink restores the customer-service case with a recall floor`, async ({ page }) => {
    const v: ThresholdCostValues = { ...presetValues('service'), threshold: 1.2, minRecall: 0.9 };
    const q =
      '?thresholdCost.context=service&thresholdCost.separation=1.8&thresholdCost.prevalence=0.25&thresholdCost.costFp=2.5' +
      '&thresholdCost.costFn=6&thresholdCost.cases=5000&thresholdCost.threshold=1.2&thresholdCost.minRecall=0.9#threshold-cost';
    const w = await open(page, lang, 'thresholdCost', q);
    const r = expected(v);
    expect(await value(w, 'positives')).toBe(1250);
    expect(await value(w, 'flagRate')).toBeCloseTo(r.flagRate, 12);
    expect(await value(w, 'recall')).toBeCloseTo(r.counts.recall, 12);
    expect(await value(w, 'fpr')).toBeCloseTo(r.counts.fpr, 12);
    expect(await value(w, 'auc')).toBeCloseTo(r.auc, 12);
    expect(await value(w, 'costPerCase')).toBeCloseTo(r.costPerCase, 10);
    expect(await value(w, 'floorRecall')).toBeGreaterThanOrEqual(0.9);
    expect(await value(w, 'floorCost')).toBeCloseTo(r.floor!.cost, 10);
    // 1.8/2 + ln(2.5·0.75/(6·0.25))/1.8 = 0.9 + ln 1.25/1.8 = 1.023969 (hand computation)
    expect(await value(w, 'bayesThreshold')).toBeCloseTo(1.023969, 5);
    await expect(w.locator('[data-preset="service"]')).toHaveAttribute('aria-pressed', 'true');
  });

  test(`${lang}: TeamPlan opens on the default plan: 33 months of runway, 26 with the whole team from today`, async ({ page }) => {
    const w = await open(page, lang, 'teamPlan');
    // month 0: two founders at 8,000 × 1.2 + 8,000 compute + 6,000 other = 33,200; the full team 123,200
    expect(await value(w, 'burnMonth0')).toBe(33200);
    expect(await value(w, 'fullTeamBurn')).toBe(123200);
    expect(await value(w, 'runwayMonths')).toBe(33);
    expect(await value(w, 'todayMonths')).toBe(120);
    expect(await value(w, 'fullTeamMonths')).toBe(26);
    expect(await value(w, 'defaultAlive')).toBe(0);
    expect(await value(w, 'roles')).toBe(8);
    await expect(w.locator('tbody tr[data-role]')).toHaveCount(8);
    const href = await w.getByTestId('runway-link').getAttribute('href');
    expect(href).toBe('../capital-allocation/?runway.cash=3000000&runway.burn=123200&runway.revenue=5000&runway.growth=0.06&runway.expenseGrowth=0#runway-calculator');
  });
}

test('the TeamPlan link opens Chapter 10’s runway calculator with the full team’s numbers', async ({ page }) => {
  const w = await open(page, 'en', 'teamPlan');
  await w.getByTestId('runway-link').click();
  await expect(page).toHaveURL(/\/en\/capital-allocation\/\?runway\.cash=3000000&runway\.burn=123200/);
  await showWidget(page, 'runway');
  const calc = page.locator('[data-widget="runway"]');
  // the calculator's constant-burn runway is the widget's full-team figure
  expect(await value(calc, 'months')).toBe(26);
  await expect(calc.locator('[data-testid="widget-issues"]')).toHaveCount(0);
});

test('a TeamPlan permalink restores a small plan, month by month', async ({ page }) => {
  const roles: Role[] = [
    { kind: 'founder', start: 0, salary: 10000, onCost: 0 },
    { kind: 'mlEngineer', start: 3, salary: 20000, onCost: 25 },
  ];
  const q = `?teamPlan.roles=${encodeRoles(roles).join(',')}&teamPlan.cash=1000000&teamPlan.revenue=0&teamPlan.growth=0&teamPlan.compute=5000&teamPlan.other=0&teamPlan.months=24`;
  const w = await open(page, 'en', 'teamPlan', q);
  const r = teamPlanReport({ roles, cash: 1e6, revenue: 0, growth: 0, compute: 5000, other: 0 }, 24);
  if (!r.ok) throw new Error('plan failed');
  // 3 months at 15,000, then 40,000 a month: 955,000 / 40,000 = 23.9 → 3 + 23 = 26 months (hand computation)
  expect(await value(w, 'runwayMonths')).toBe(26);
  expect(r.value.runway.months).toBe(26);
  expect(await value(w, 'todayMonths')).toBe(66);
  expect(await value(w, 'fullTeamMonths')).toBe(25);
  expect(await value(w, 'spendHorizon')).toBe(885000);
  expect(await value(w, 'roles')).toBe(2);
  await expect(w.locator('[data-testid="plan-problems"]')).toHaveCount(0);
});

test('bad link values give notes and leave the page working', async ({ page }) => {
  const w = await open(page, 'en', 'thresholdCost', '?thresholdCost.prevalence=2&thresholdCost.threshold=abc&teamPlan.roles=1,0,-5000,25&teamPlan.cash=-5');
  const issues = w.locator('[data-testid="widget-issues"]');
  await expect(issues).toContainText('prevalence="2" was ignored');
  await expect(issues).toContainText('threshold="abc" was ignored');
  // the chapter's defaults stay in force
  expect(await value(w, 'prevalence')).toBe(0.01);
  expect(await value(w, 'threshold')).toBe(1.5);
  expect(await value(w, 'positives')).toBe(200);

  await showWidget(page, 'teamPlan');
  const plan = page.locator('[data-widget="teamPlan"]');
  const problems = plan.getByTestId('plan-problems');
  await expect(problems).toContainText('Role 1');
  await expect(problems).toContainText('negative');
  await expect(plan.locator('[data-testid="widget-issues"]')).toContainText('cash="-5" was ignored');
  // the default plan is shown instead, and computes
  expect(await value(plan, 'roles')).toBe(DEFAULT_ROLES.length);
  expect(await value(plan, 'runwayMonths')).toBe(33);
  // restoring the default plan clears the note
  await problems.getByRole('button').click();
  await expect(plan.getByTestId('plan-problems')).toHaveCount(0);
});

test('zh: a plan of the wrong length is explained in Chinese', async ({ page }) => {
  const w = await open(page, 'zh', 'teamPlan', '?teamPlan.roles=1,2,3');
  await expect(w.getByTestId('plan-problems')).toContainText('不是 4 的倍数');
  expect(await value(w, 'runwayMonths')).toBe(33);
  await expect(w).not.toContainText('Runway');
});

test('the controls work from the keyboard and rewrite the URL', async ({ page }) => {
  const w = await open(page, 'en', 'thresholdCost');
  const before = await page.evaluate(() => history.length);
  const slider = w.getByRole('slider', { name: /Threshold t/ });
  await slider.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  expect(await value(w, 'threshold')).toBeCloseTo(1.53, 10);
  await expect(page).toHaveURL(/thresholdCost\.threshold=1\.53/);
  const r = expected({ ...PAGE_DEFAULTS, threshold: 1.53 });
  expect(await value(w, 'recall')).toBeCloseTo(r.counts.recall, 12);
  expect(await page.evaluate(() => history.length)).toBe(before);

  // a role's salary typed in the editor; a negative one is refused with a reason
  const plan = await open(page, 'en', 'teamPlan');
  const salary = plan.getByRole('textbox', { name: 'Role 3: Monthly salary (USD)' });
  await salary.fill('-1');
  await salary.press('Enter');
  await expect(plan.locator('tbody tr[data-role="2"]')).toContainText('negative');
  expect(await value(plan, 'runwayMonths')).toBe(33);
  await salary.fill('5000');
  await salary.press('Enter');
  // the ML engineer at 5,000 × 1.25 instead of 18,750: the full team costs 12,500 less
  expect(await value(plan, 'fullTeamBurn')).toBe(123200 - 12500);
  await expect(page).toHaveURL(/teamPlan\.roles=/);
});
