import type { Locator, Page } from '@playwright/test';
import { test, expect, showWidget } from './fixtures';

const widget = '[data-widget="adamStepper"]';
const chapter = (lang: string) => `/${lang}/loss-and-optimizers/`;

/** Opens the chapter (with an optional query) and waits until the stepper has read its settings from the URL. */
async function open(page: Page, lang: string, query = '') {
  await page.goto(`${chapter(lang)}${query}`);
  const w = page.locator(widget);
  // An island: its code loads when it comes near the viewport.
  await showWidget(page, 'adamStepper');
  return w;
}

const value = async (w: Locator, name: string) => Number(await w.locator(`[data-result="adamStepper.${name}"]`).getAttribute('data-value'));

for (const lang of ['zh', 'en'] as const) {
  test(`${lang}: step 1 of source 001’s example, with and without bias correction, next to what the source printed`, async ({ page }) => {
    const w = await open(page, lang);
    expect(await value(w, 't')).toBe(1);
    expect(await value(w, 'steps')).toBe(20);
    // g = [−0.1, −0.2]; m₁ = 0.1 g = [−0.01, −0.02]; v₁ = 0.01 g² = [0.0001, 0.0004] (hand computation)
    expect(await value(w, 'g.0')).toBe(-0.1);
    expect(await value(w, 'm.0')).toBeCloseTo(-0.01, 12);
    expect(await value(w, 'm.1')).toBeCloseTo(-0.02, 12);
    expect(await value(w, 'v.0')).toBeCloseTo(0.0001, 12);
    expect(await value(w, 'v.1')).toBeCloseTo(0.0004, 12);
    // 1 − β₁ = 0.1 and 1 − β₂ = 0.01, so m̂₁ = g and v̂₁ = g²
    expect(await value(w, 'c1')).toBeCloseTo(0.1, 12);
    expect(await value(w, 'c2')).toBeCloseTo(0.01, 12);
    expect(await value(w, 'mHat.1')).toBeCloseTo(-0.2, 12);
    expect(await value(w, 'vHat.1')).toBeCloseTo(0.04, 12);
    // θ rises (BOOK.md errata, 001 §4.2.3): uncorrected 1 + 0.001 · 0.01/0.011 = 1.000909, 1 + 0.001 · 0.02/0.021 = 1.000952;
    // corrected 1 + 0.001 · 0.1/0.101 = 1.000990, 1 + 0.001 · 0.2/0.201 = 1.000995 (hand computation)
    expect(await value(w, 'theta.uncorrected.0')).toBeCloseTo(1.000909091, 8);
    expect(await value(w, 'theta.uncorrected.1')).toBeCloseTo(1.000952381, 8);
    expect(await value(w, 'theta.corrected.0')).toBeCloseTo(1.000990099, 8);
    expect(await value(w, 'theta.corrected.1')).toBeCloseTo(1.000995025, 8);
    await expect(w.locator('[data-result="adamStepper.theta.corrected.0"]')).toHaveText('1.000990');
    await expect(w.locator('[data-result="adamStepper.theta.uncorrected.1"]')).toHaveText('1.000952');
    // the source's column, as printed (SOURCE_001_ADAM.printed), its wrong cells marked
    expect(await value(w, 'source.m1.0')).toBe(-0.01);
    expect(await value(w, 'source.v1.0')).toBe(0.001);
    expect(await value(w, 'source.v1.1')).toBe(0.004);
    expect(await value(w, 'source.theta1.0')).toBe(0.998);
    expect(await value(w, 'source.theta1.1')).toBe(0.996);
    await expect(w.locator('td[data-verdict="wrong"]')).toHaveCount(2);
    await expect(w.locator('td[data-verdict="ok"]')).toHaveCount(1);
    // at t = 1 the misprinted recurrence agrees with the correct one, since m₀ = 0
    expect(await value(w, 'misprinted.m.0')).toBeCloseTo(-0.01, 12);
    // two trajectory charts, each with its table
    await expect(w.locator('figure.chart')).toHaveCount(2);
    await expect(w.locator('figure.chart details.chart-table')).toHaveCount(2);
    await expect(w.locator('[data-testid="widget-issues"]')).toHaveCount(0);
  });
}

test('zh: the stepper speaks Chinese only', async ({ page }) => {
  const w = await open(page, 'zh');
  await expect(w.getByRole('button', { name: '下一步' })).toBeVisible();
  await expect(w).toContainText('原文 001 所印');
  await expect(w).not.toContainText('Forward');
  await expect(w).not.toContainText('bias correction');
});

test('stepping forward and back, with buttons and from the keyboard', async ({ page }) => {
  const w = await open(page, 'en');
  const before = await page.evaluate(() => history.length);
  await w.getByRole('button', { name: 'Forward' }).click();
  expect(await value(w, 't')).toBe(2);
  await expect(page).toHaveURL(/adamStepper\.t=2/);
  // the source printed step 1 only: its column goes
  await expect(w.locator('[data-result="adamStepper.source.v1.0"]')).toHaveCount(0);
  // m₂ = 0.9 · (−0.01) + 0.1 · (−0.1) = −0.019; the misprint gives 0.9 · (−0.01) + 0.1 · (−0.1 + 0.01) = −0.018
  expect(await value(w, 'm.0')).toBeCloseTo(-0.019, 12);
  expect(await value(w, 'misprinted.m.0')).toBeCloseTo(-0.018, 12);
  // with bias correction every step is the same: θ₂ = 1 + 2 · 0.001 · 0.1/0.101 = 1.001980 (hand computation)
  expect(await value(w, 'theta.corrected.0')).toBeCloseTo(1.001980198, 8);
  await w.getByRole('button', { name: 'Back' }).click();
  expect(await value(w, 't')).toBe(1);
  // keyboard: Tab-reachable buttons, then the slider's End and Home keys
  const forward = w.getByRole('button', { name: 'Forward' });
  await forward.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('Enter');
  expect(await value(w, 't')).toBe(4);
  const slider = w.getByRole('slider', { name: 'Step t' });
  await slider.focus();
  await page.keyboard.press('End');
  expect(await value(w, 't')).toBe(20);
  await expect(w.getByRole('button', { name: 'Forward' })).toBeDisabled();
  await page.keyboard.press('ArrowLeft');
  expect(await value(w, 't')).toBe(19);
  await page.keyboard.press('Home');
  expect(await value(w, 't')).toBe(1);
  expect(await page.evaluate(() => history.length)).toBe(before);
});

test('a permalink restores a typed gradient sequence and hyper-parameters', async ({ page }) => {
  const w = await open(page, 'en', '?adamStepper.t=3&adamStepper.grads1=1,-1&adamStepper.grads2=0.5&adamStepper.beta2=0.999&adamStepper.eps=1e-8#adam-example');
  expect(await value(w, 't')).toBe(3);
  // the list repeats: g₃ = [1, 0.5]
  expect(await value(w, 'g.0')).toBe(1);
  expect(await value(w, 'g.1')).toBe(0.5);
  // m: 0.1, then 0.09 − 0.1 = −0.01, then −0.009 + 0.1 = 0.091; v: 0.001, 0.001999, 0.002997001 (hand computation)
  expect(await value(w, 'm.0')).toBeCloseTo(0.091, 12);
  expect(await value(w, 'v.0')).toBeCloseTo(0.002997001, 12);
  // 1 − 0.9³ = 0.271, 1 − 0.999³ = 0.002997001: v̂ = 1 exactly for |g| = 1, m̂ = 0.091/0.271 = 0.335793
  expect(await value(w, 'c1')).toBeCloseTo(0.271, 12);
  expect(await value(w, 'vHat.0')).toBeCloseTo(1, 10);
  expect(await value(w, 'mHat.0')).toBeCloseTo(0.3357934, 6);
  // a constant gradient 0.5: m̂ = 0.5, v̂ = 0.25 at every step
  expect(await value(w, 'mHat.1')).toBeCloseTo(0.5, 10);
  expect(await value(w, 'vHat.1')).toBeCloseTo(0.25, 10);
  // not the source's settings: no source column
  await expect(w.locator('[data-result="adamStepper.source.v1.0"]')).toHaveCount(0);
  await expect(w.getByRole('button', { name: /The paper’s defaults/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(w.getByLabel('Gradient sequence, parameter 1')).toHaveValue('1, -1');
  await expect(w.locator('[data-testid="widget-issues"]')).toHaveCount(0);
});

test('copy link writes the changed settings and the section', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const w = await open(page, 'en');
  await w.getByRole('button', { name: /Alternating/ }).click();
  await w.getByRole('button', { name: 'Forward' }).click();
  await w.getByRole('button', { name: 'Copy link with these settings' }).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/\/en\/loss-and-optimizers\/\?adamStepper\.t=2&adamStepper\.grads1=1%2C-1#adam-example$/);
  await page.goto(link);
  const again = page.locator(widget);
  await showWidget(page, 'adamStepper');
  expect(await value(again, 't')).toBe(2);
  expect(await value(again, 'g.0')).toBe(-1);
});

test('bad link values are reported, and the defaults stay in force', async ({ page }) => {
  const w = await open(page, 'en', '?adamStepper.grads1=1,banana&adamStepper.beta1=2&adamStepper.t=999&adamStepper.nope=1');
  const issues = w.locator('[data-testid="widget-issues"]');
  await expect(issues).toContainText('grads1="1,banana" was ignored');
  await expect(issues).toContainText('comma-separated numbers');
  await expect(issues).toContainText('beta1="2" was ignored');
  await expect(issues).toContainText('t="999" was ignored');
  await expect(issues).toContainText('"nope" does not exist');
  expect(await value(w, 't')).toBe(1);
  expect(await value(w, 'g.0')).toBe(-0.1);
  // the source's example, as for the defaults (hand computation above)
  expect(await value(w, 'theta.corrected.0')).toBeCloseTo(1.000990099, 8);
});

test('a step beyond T in a link shows the last step and says so', async ({ page }) => {
  const w = await open(page, 'en', '?adamStepper.t=50');
  expect(await value(w, 't')).toBe(20);
  await expect(w).toContainText('beyond the T = 20 steps');
});

test('zh: a bad gradient list in a link is explained in Chinese', async ({ page }) => {
  const w = await open(page, 'zh', '?adamStepper.grads2=x');
  await expect(w.locator('[data-testid="widget-issues"]')).toContainText('未被采用');
  expect(await value(w, 'g.1')).toBe(-0.2);
});

test('typed gradients: a list that is not numbers is refused with a note, a good one applies', async ({ page }) => {
  const w = await open(page, 'en');
  const box = w.getByLabel('Gradient sequence, parameter 1');
  await box.fill('0.5, oops');
  await box.press('Enter');
  await expect(w.locator('[data-control="grads1"] .control-note')).toContainText('Could not read that list');
  expect(await value(w, 'g.0')).toBe(-0.1);
  // a typographic minus and spaces are read as well
  await box.fill('1 −1');
  await box.press('Enter');
  await expect(page).toHaveURL(/adamStepper\.grads1=1%2C-1/);
  expect(await value(w, 'g.0')).toBe(1);
  await w.getByRole('button', { name: 'Forward' }).click();
  expect(await value(w, 'g.0')).toBe(-1);
});

test('the table of every step lists T rows and marks the current one', async ({ page }) => {
  const w = await open(page, 'en', '?adamStepper.t=4&adamStepper.steps=12');
  await w.getByText('Every intermediate of every step').click();
  const rows = w.locator('tr[data-t]');
  await expect(rows).toHaveCount(12);
  await expect(w.locator('tr[aria-current="step"]')).toHaveAttribute('data-t', '4');
  // θ₄ with correction: four equal steps of 0.001 · 0.1/0.101 (hand computation)
  const cell = w.locator('tr[data-t="4"] td').nth(8).locator('[data-value]').first();
  expect(Number(await cell.getAttribute('data-value'))).toBeCloseTo(1 + (4 * 0.001 * 0.1) / 0.101, 8);
});
