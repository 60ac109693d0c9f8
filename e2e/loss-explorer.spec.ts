import type { Locator, Page } from '@playwright/test';
import { test, expect, showWidget } from './fixtures';

const widget = '[data-widget="lossExplorer"]';
const chapter = (lang: string) => `/${lang}/loss-and-optimizers/`;

/** Opens the chapter (with an optional query) and waits until the explorer has read its settings from the URL. */
async function open(page: Page, lang: string, query = '') {
  await page.goto(`${chapter(lang)}${query}`);
  const w = page.locator(widget);
  // An island: its code loads when it comes near the viewport.
  await showWidget(page, 'lossExplorer');
  return w;
}

const value = async (w: Locator, name: string) => Number(await w.locator(`[data-result="lossExplorer.${name}"]`).getAttribute('data-value'));

for (const lang of ['zh', 'en'] as const) {
  test(`${lang}: the defaults show source 001’s example, p = 0.9 and y = 1, with a positive cross-entropy`, async ({ page }) => {
    const w = await open(page, lang);
    expect(await value(w, 'p')).toBe(0.9);
    expect(await value(w, 'y')).toBe(1);
    // BCE(0.9, 1) = −ln 0.9 = 0.1053605 (hand computation); source 001 §4.2.2 printed −0.105
    expect(await value(w, 'bce')).toBeCloseTo(0.1053605, 6);
    expect(await value(w, 'ce')).toBeCloseTo(0.1053605, 6);
    await expect(w.locator('[data-result="lossExplorer.ce"]')).toHaveText('0.1054');
    await expect(w.locator('[data-note="source001"]')).toBeVisible();
    await expect(w.locator('[data-note="source001"]')).toContainText('−0.105');
    // MSE (0.9 − 1)² = 0.01, ∂/∂p = −0.2; MAE 0.1; Huber (δ = 1) ½ · 0.1² = 0.005 (hand computation)
    expect(await value(w, 'mse')).toBeCloseTo(0.01, 10);
    expect(await value(w, 'mseGrad')).toBeCloseTo(-0.2, 10);
    expect(await value(w, 'mae')).toBeCloseTo(0.1, 10);
    expect(await value(w, 'huber')).toBeCloseTo(0.005, 10);
    // BCE: ∂/∂p = (p − y)/(p(1 − p)) = −1.1111, ∂/∂z = p − y = −0.1; MSE through a sigmoid 2(p − y)p(1 − p) = −0.018
    expect(await value(w, 'bceGrad')).toBeCloseTo(-1.111111, 5);
    expect(await value(w, 'bceLogitGrad')).toBeCloseTo(-0.1, 10);
    expect(await value(w, 'ceLogitGrad')).toBeCloseTo(-0.1, 10);
    expect(await value(w, 'mseLogitGrad')).toBeCloseTo(-0.018, 10);
    // the ratio of the two is 1/(2 · 0.9 · 0.1) = 5.556
    expect(await value(w, 'logitGradRatio')).toBeCloseTo(5.5556, 3);
    // the two cross-entropy terms are each ≥ 0: −1 · ln 0.9 and −0 · ln 0.1
    expect(await value(w, 'ceTerm1')).toBeCloseTo(0.1053605, 6);
    expect(await value(w, 'ceTerm2')).toBe(0);
    // two charts, each with its table as a text alternative
    await expect(w.locator('figure.chart')).toHaveCount(2);
    await expect(w.locator('figure.chart details.chart-table')).toHaveCount(2);
    await expect(w.locator('[data-testid="widget-issues"]')).toHaveCount(0);
  });
}

test('zh: the explorer speaks Chinese only', async ({ page }) => {
  const w = await open(page, 'zh');
  await expect(w).toContainText('预测 p');
  await expect(w).toContainText('交叉熵为什么不会是负数');
  await expect(w).not.toContainText('Prediction');
  await expect(w).not.toContainText('cross-entropy');
});

test('a permalink restores p, y, δ and the gradient chart', async ({ page }) => {
  const w = await open(page, 'en', '?lossExplorer.p=0.01&lossExplorer.y=1&lossExplorer.delta=0.5&lossExplorer.grad=logit#loss-explorer');
  expect(await value(w, 'p')).toBe(0.01);
  expect(await value(w, 'delta')).toBe(0.5);
  // −ln 0.01 = 4.60517; (0.01 − 1)² = 0.9801; Huber beyond δ: 0.5 · (0.99 − 0.25) = 0.37 (hand computation)
  expect(await value(w, 'bce')).toBeCloseTo(4.60517, 5);
  expect(await value(w, 'mse')).toBeCloseTo(0.9801, 10);
  expect(await value(w, 'huber')).toBeCloseTo(0.37, 10);
  expect(await value(w, 'huberGrad')).toBeCloseTo(-0.5, 10);
  // through a sigmoid: MSE 2 · (−0.99) · 0.01 · 0.99 = −0.019602, BCE −0.99: the confidently-wrong case
  expect(await value(w, 'mseLogitGrad')).toBeCloseTo(-0.019602, 8);
  expect(await value(w, 'bceLogitGrad')).toBeCloseTo(-0.99, 10);
  await expect(w.locator('[data-note="saturated"]')).toBeVisible();
  await expect(w.locator('[data-note="source001"]')).toHaveCount(0);
  await expect(w.getByRole('radio', { name: /logit/ })).toBeChecked();
  await expect(w.locator('figure.chart figcaption').nth(1)).toContainText('∂ℓ/∂z');
});

test('copy link writes the changed settings and the section, and the link restores them', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const w = await open(page, 'en');
  await w.getByRole('button', { name: /Confidently wrong/ }).click();
  await w.getByRole('button', { name: 'Copy link with these settings' }).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/\/en\/loss-and-optimizers\/\?lossExplorer\.p=0\.01#loss-explorer$/);
  await page.goto(link);
  await expect(page.locator(`${widget} [data-result="lossExplorer.p"]`)).toHaveAttribute('data-value', '0.01');
});

test('bad link values are reported, and the defaults stay in force', async ({ page }) => {
  const w = await open(page, 'en', '?lossExplorer.p=1.5&lossExplorer.y=banana&lossExplorer.grad=z&lossExplorer.nope=1');
  const issues = w.locator('[data-testid="widget-issues"]');
  await expect(issues).toContainText('p="1.5" was ignored');
  await expect(issues).toContainText('between 0.001 and 0.999');
  await expect(issues).toContainText('y="banana" was ignored');
  await expect(issues).toContainText('the choices are p, logit');
  await expect(issues).toContainText('"nope" does not exist');
  expect(await value(w, 'p')).toBe(0.9);
  // −ln 0.9, as for the defaults
  expect(await value(w, 'bce')).toBeCloseTo(0.1053605, 6);
});

test('zh: a bad link value is explained in Chinese', async ({ page }) => {
  const w = await open(page, 'zh', '?lossExplorer.p=0');
  await expect(w.locator('[data-testid="widget-issues"]')).toContainText('未被采用');
  expect(await value(w, 'p')).toBe(0.9);
});

test('the controls work from the keyboard, rewriting the URL without new history entries', async ({ page }) => {
  const w = await open(page, 'en');
  const before = await page.evaluate(() => history.length);
  const slider = w.getByRole('slider', { name: 'Prediction p (slider)' });
  await slider.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
  // five steps of 0.001 down from 0.9; −ln 0.895 = 0.110932 (hand computation)
  expect(await value(w, 'p')).toBeCloseTo(0.895, 10);
  expect(await value(w, 'bce')).toBeCloseTo(0.110932, 5);
  await expect(page).toHaveURL(/lossExplorer\.p=0\.895/);
  // a preset, pressed from the keyboard
  await w.getByRole('button', { name: /Coin flip/ }).focus();
  await page.keyboard.press('Enter');
  // ln 2 = 0.693147 whatever the label
  expect(await value(w, 'bce')).toBeCloseTo(0.693147, 5);
  // the target slider, from the keyboard: y from 1 down to 0.9
  const y = w.getByRole('slider', { name: /Target y/ });
  await y.focus();
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowLeft');
  expect(await value(w, 'y')).toBeCloseTo(0.9, 10);
  await expect(page).toHaveURL(/lossExplorer\.y=0\.9/);
  // the gradient chart's choice is a radio group
  await w.getByRole('radio', { name: /logit/ }).check();
  await expect(page).toHaveURL(/lossExplorer\.grad=logit/);
  expect(await page.evaluate(() => history.length)).toBe(before);
});

test('a typed p outside (0, 1) is explained and replaced by the nearest allowed value', async ({ page }) => {
  const w = await open(page, 'en');
  const box = w.getByLabel('Prediction p', { exact: true });
  await box.fill('0.25');
  await box.press('Enter');
  expect(await value(w, 'p')).toBe(0.25);
  await box.fill('1.5');
  await box.press('Enter');
  await expect(w.locator('.control-note').first()).toContainText('strictly between 0 and 1');
  expect(await value(w, 'p')).toBe(0.999);
  await box.fill('0');
  await box.press('Enter');
  await expect(w.locator('.control-note').first()).toContainText('infinite');
  expect(await value(w, 'p')).toBe(0.001);
  await box.fill('much');
  await box.press('Enter');
  await expect(w.locator('.control-note').first()).toContainText('not a number');
  expect(await value(w, 'p')).toBe(0.001);
  // nothing broke: the losses are still finite numbers (−ln 0.001 = 6.9078)
  expect(await value(w, 'bce')).toBeCloseTo(6.907755, 5);
});

test('dragging on a chart moves p', async ({ page }) => {
  const w = await open(page, 'en');
  const svg = w.locator('figure.chart svg').first();
  await svg.scrollIntoViewIfNeeded();
  const box = (await svg.boundingBox())!;
  // from the marker at 0.9 towards the left quarter of the plot
  await page.mouse.move(box.x + box.width * 0.8, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  const p = await value(w, 'p');
  expect(p).toBeGreaterThan(0.1);
  expect(p).toBeLessThan(0.4);
  // the numbers follow: BCE at y = 1 is −ln p
  expect(await value(w, 'bce')).toBeCloseTo(-Math.log(p), 6);
});
