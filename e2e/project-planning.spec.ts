import type { Locator, Page } from '@playwright/test';
import { test, expect, showWidget } from './fixtures';

const chapter = (lang: string) => `/${lang}/project-planning/`;

/** Opens Chapter 11 (with an optional query) and waits until the widget has read its settings from the URL. */
async function open(page: Page, id: 'ideaScorer' | 'feasibility', lang = 'en', query = '') {
  await page.goto(`${chapter(lang)}${query}`);
  await showWidget(page, id);
  return page.locator(`[data-widget="${id}"]`);
}

const value = async (w: Locator, name: string) => Number(await w.locator(`[data-result$=".${name}"]`).first().getAttribute('data-value'));

for (const lang of ['zh', 'en'] as const) {
  test(`${lang}: the idea scorer opens on the chapter’s example, the support copilot first and team fit the fragile weight`, async ({ page }) => {
    const w = await open(page, 'ideaScorer', lang);
    expect(await value(w, 'count')).toBe(6);
    expect(await value(w, 'example')).toBe(1);
    // Σw = 15: support 58/15, contract review 54/15 (hand computation, lib/widgets/idea-scorer.test.ts)
    expect(await value(w, 'top')).toBe(4);
    expect(await value(w, 'second')).toBe(5);
    expect(await value(w, 'score4')).toBeCloseTo(58 / 15, 9);
    expect(await value(w, 'score5')).toBeCloseTo(3.6, 9);
    expect(await value(w, 'rank3')).toBe(6);
    // the top two tie at team fit 2 − 4/3 = 2/3 (−66.7 %) or defensibility 2 + 4/2 = 4 (+100 %)
    expect(await value(w, 'flipCriterion')).toBe(4);
    expect(await value(w, 'flipWeight')).toBeCloseTo(2 / 3, 9);
    expect(await value(w, 'flipChange')).toBeCloseTo(-2 / 3, 9);
    expect(await value(w, 'tie3')).toBeCloseTo(4, 9);
    await expect(w.locator('[data-result="ideaScorer.tie0"]')).toHaveCount(0);
    await expect(w.locator('[data-result="ideaScorer.top"]')).toHaveText({ zh: '网店客服助手', en: 'Support copilot for online shops' }[lang]);
    // the chart has its table as a text alternative
    await expect(w.locator('figure.chart details.chart-table')).toHaveCount(1);
    await expect(w.locator('[data-testid="widget-issues"]')).toHaveCount(0);
  });

  test(`${lang}: the feasibility worksheet opens on the copilot: investigate, for the technical and the risk questions`, async ({ page }) => {
    const w = await open(page, 'feasibility', lang);
    expect(await value(w, 'verdict')).toBe(1);
    expect(await value(w, 'technical')).toBe(1);
    expect(await value(w, 'market')).toBe(2);
    expect(await value(w, 'business')).toBe(2);
    expect(await value(w, 'risk')).toBe(1);
    // Wilson interval of 45/50: [0.7864, 0.9565]; 20,000 × 400 × 12 = 96M; margin (400 − 60 − 40)/400 = 75 %; 15 months
    expect(await value(w, 'lower')).toBeCloseTo(0.786398, 5);
    expect(await value(w, 'upper')).toBeCloseTo(0.956524, 5);
    expect(await value(w, 'marketSize')).toBe(96_000_000);
    expect(await value(w, 'grossMargin')).toBeCloseTo(0.75, 9);
    expect(await value(w, 'runway')).toBe(15);
    await expect(w.locator('[data-finding="qualityUnsure"]')).toHaveAttribute('data-status', 'investigate');
    await expect(w.locator('[data-finding="platformHigh"]')).toHaveAttribute('data-status', 'investigate');
    // the links carry the worksheet's numbers to Chapters 8–10, in the same edition
    await expect(w.locator('a[data-link="runway"]')).toHaveAttribute('href', new RegExp(`/${lang}/capital-allocation/\\?runway\\.cash=1500000&runway\\.burn=100000.*#runway-calculator$`));
    await expect(w.locator('a[data-link="unitEconomics"]')).toHaveAttribute('href', new RegExp(`/${lang}/startup-strategy/\\?unitEconomics\\.arpu=400&.*#unit-economics-calculator$`));
    await expect(w.locator('a[data-link="inferenceCost"]')).toHaveAttribute('href', new RegExp(`/${lang}/compute-economics/.*#try-inference-cost$`));
  });
}

test('zh: the widgets speak Chinese only', async ({ page }) => {
  const s = await open(page, 'ideaScorer', 'zh');
  await expect(s).toContainText('加权得分');
  await expect(s).not.toContainText('Weighted score');
  const f = await open(page, 'feasibility', 'zh');
  await expect(f).toContainText('先调查');
  await expect(f).not.toContainText('Investigate');
});

test('a permalink with weights restores them, and contract review wins past the tie', async ({ page }) => {
  const w = await open(page, 'ideaScorer', 'en', '?ideaScorer.weights=3,3,2,2,0.5,3#idea-scorer');
  expect(await value(w, 'weight4')).toBe(0.5);
  // (12 + 12 + 6 + 8 + 1 + 12)/13.5 = 51/13.5 for contracts against (12 + 12 + 8 + 4 + 2.5 + 12)/13.5 = 50.5/13.5
  expect(await value(w, 'top')).toBe(5);
  expect(await value(w, 'score5')).toBeCloseTo(51 / 13.5, 9);
  expect(await value(w, 'score4')).toBeCloseTo(50.5 / 13.5, 9);
  await expect(w.getByRole('spinbutton', { name: 'Weight of Team fit' })).toHaveValue('0.5');
});

test('a permalink with a whole matrix restores names, scores and ranking', async ({ page }) => {
  const ideas = encodeURIComponent('Voice agent:433245;Legal drafting:555512;Tutor:222222');
  const w = await open(page, 'ideaScorer', 'en', `?ideaScorer.ideas=${ideas}&ideaScorer.weights=1,1,1,1,1,1`);
  expect(await value(w, 'count')).toBe(3);
  expect(await value(w, 'example')).toBe(0);
  // equal weights: (4+3+3+2+4+5)/6 = 3.5; (5+5+5+5+1+2)/6 = 23/6; 2
  expect(await value(w, 'score0')).toBeCloseTo(3.5, 9);
  expect(await value(w, 'score1')).toBeCloseTo(23 / 6, 9);
  expect(await value(w, 'top')).toBe(1);
  await expect(w.locator('[data-result="ideaScorer.top"]')).toHaveText('Legal drafting');
  await expect(w.getByRole('textbox', { name: 'Name of idea 1' })).toHaveValue('Voice agent');
});

test('editing the matrix rewrites the link, and the link restores it', async ({ page }) => {
  const w = await open(page, 'ideaScorer', 'en');
  const before = await page.evaluate(() => history.length);
  await w.getByRole('combobox', { name: 'Defensibility score of “Support copilot for online shops”' }).selectOption('5');
  // support: 58 + 3 · 2 = 64 → 64/15
  expect(await value(w, 'score4')).toBeCloseTo(64 / 15, 9);
  await expect(page).toHaveURL(/ideaScorer\.ideas=/);
  const name = w.getByRole('textbox', { name: 'Name of idea 2' });
  await name.fill('Crop advice; for co-ops');
  await name.press('Enter');
  await expect(name).toHaveValue('Crop advice for co-ops');
  expect(await page.evaluate(() => history.length)).toBe(before);
  const url = page.url();
  await page.goto(url);
  await showWidget(page, 'ideaScorer');
  const again = page.locator('[data-widget="ideaScorer"]');
  expect(await value(again, 'score4')).toBeCloseTo(64 / 15, 9);
  await expect(again.getByRole('textbox', { name: 'Name of idea 2' })).toHaveValue('Crop advice for co-ops');
});

test('a bad matrix in the link is explained, the example is kept, and the page works', async ({ page }) => {
  const w = await open(page, 'ideaScorer', 'en', `?ideaScorer.ideas=${encodeURIComponent('Alpha:12;Beta:111111')}&ideaScorer.weights=1,2`);
  await expect(w.locator('[data-note="ideas"]')).toContainText('the scores of idea 1 must be 6 digits from 1 to 5');
  await expect(w.locator('[data-testid="widget-issues"]')).toContainText('weights="1,2" was ignored');
  expect(await value(w, 'example')).toBe(1);
  expect(await value(w, 'top')).toBe(4);
  // the controls still work after the bad link
  await w.getByRole('spinbutton', { name: 'Weight of Team fit' }).fill('0');
  expect(await value(w, 'top')).toBe(5);
});

test('zh: a bad matrix is explained in Chinese', async ({ page }) => {
  const w = await open(page, 'ideaScorer', 'zh', '?ideaScorer.ideas=only-one:111111');
  await expect(w.locator('[data-note="ideas"]')).toContainText('应有 2–8 个想法');
});

test('a feasibility permalink with 180 of 200 cases and a low platform risk says go', async ({ page }) => {
  const w = await open(page, 'feasibility', 'en', '?feasibility.evalCases=200&feasibility.evalPassed=180&feasibility.platform=low#feasibility-worksheet');
  // Wilson lower end of 180/200 = 0.8506 ≥ 0.85
  expect(await value(w, 'lower')).toBeCloseTo(0.850594, 5);
  expect(await value(w, 'technical')).toBe(2);
  expect(await value(w, 'verdict')).toBe(2);
  await expect(w.locator('[data-result="feasibility.verdict"]')).toHaveText('Go');
});

test('a feasibility permalink whose cash runs out before the milestone says stop', async ({ page }) => {
  const w = await open(page, 'feasibility', 'en', '?feasibility.cash=700000');
  // 700,000 / 100,000 = 7 months < 8
  expect(await value(w, 'runway')).toBe(7);
  expect(await value(w, 'verdict')).toBe(0);
  await expect(w.locator('[data-finding="cashShort"]')).toHaveAttribute('data-status', 'stop');
  await expect(w.locator('a[data-link="runway"]')).toHaveAttribute('href', /runway\.cash=700000/);
});

test('bad feasibility link values are reported and the defaults stay in force', async ({ page }) => {
  const w = await open(page, 'feasibility', 'en', '?feasibility.evalCases=lots&feasibility.platform=maybe&feasibility.churn=0');
  const issues = w.locator('[data-testid="widget-issues"]');
  await expect(issues).toContainText('evalCases="lots" was ignored');
  await expect(issues).toContainText('the choices are low, high');
  await expect(issues).toContainText('churn="0" was ignored');
  expect(await value(w, 'verdict')).toBe(1);
  expect(await value(w, 'evalCases')).toBe(50);
});

test('the worksheet’s runway link opens Chapter 10’s calculator on the same numbers', async ({ page }) => {
  const w = await open(page, 'feasibility', 'en', '?feasibility.cash=2200000&feasibility.burn=130000');
  // 2,200,000 / 130,000 = 16.9 → 16 whole months
  expect(await value(w, 'runway')).toBe(16);
  await w.locator('a[data-link="runway"]').click();
  await expect(page).toHaveURL(/\/en\/capital-allocation\/\?runway\.cash=2200000/);
  await showWidget(page, 'runway');
  const c = page.locator('[data-widget="runway"]');
  expect(await value(c, 'months')).toBe(16);
});
