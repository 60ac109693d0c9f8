import { test, expect, showWidget } from './fixtures';

const widget = '[data-widget="scaleExplorer"]';

test('a permalink restores the explorer’s settings', async ({ page }) => {
  await page.goto('/en/large-models/?scaleExplorer.params=7e10&scaleExplorer.precision=int4&scaleExplorer.optimizer=adam8bit#scale-explorer');
  await showWidget(page, 'scaleExplorer');
  const w = page.locator(widget);
  // 7e10 × 0.5 B = 3.5e10 B; × 1.2 = 4.2e10 B; training with 8-bit Adam 7e10 × 10 B = 7e11 B (lib/scale/memory.ts)
  await expect(w.locator('[data-result="scaleExplorer.weightBytes"]')).toHaveAttribute('data-value', '35000000000');
  await expect(w.locator('[data-result="scaleExplorer.inferenceBytes"]')).toHaveAttribute('data-value', '42000000000');
  await expect(w.locator('[data-result="scaleExplorer.trainingBytes"]')).toHaveAttribute('data-value', '700000000000');
  await expect(w.locator('[data-result="scaleExplorer.weightBytes"]')).toHaveText('35.0 GB');
  await expect(w.getByRole('radio', { name: /INT4/ })).toBeChecked();
  await expect(w.locator('tr[data-accelerator="l40s"] td[data-fits]')).toHaveAttribute('data-fits', '1');
  await expect(w.locator('[data-testid="widget-issues"]')).toHaveCount(0);
});

test('a junk value keeps the default and says why', async ({ page }) => {
  await page.goto('/en/large-models/?scaleExplorer.params=banana&scaleExplorer.precision=fp8&scaleExplorer.nope=1');
  await showWidget(page, 'scaleExplorer');
  const w = page.locator(widget);
  await expect(w.locator('[data-result="scaleExplorer.params"]')).toHaveAttribute('data-value', '7000000000');
  await expect(w.getByRole('radio', { name: /BF16/ })).toBeChecked();
  const issues = w.locator('[data-testid="widget-issues"]');
  await expect(issues).toContainText('params="banana" was ignored');
  await expect(issues).toContainText('not a number');
  await expect(issues).toContainText('the choices are fp32, bf16, fp16, int8, int4');
  await expect(issues).toContainText('"nope" does not exist');
});

test('the Chinese edition explains a bad value in Chinese', async ({ page }) => {
  await page.goto('/zh/large-models/?scaleExplorer.params=1e99');
  await showWidget(page, 'scaleExplorer');
  const issues = page.locator(`${widget} [data-testid="widget-issues"]`);
  await expect(issues).toContainText('未被采用');
  await expect(issues).toContainText('之间');
});

test('changing a control updates the outputs and the URL, without adding history entries', async ({ page }) => {
  await page.goto('/en/large-models/');
  await showWidget(page, 'scaleExplorer');
  const w = page.locator(widget);
  const before = await page.evaluate(() => history.length);
  await w.getByRole('button', { name: 'GPT-3 175B' }).click();
  await w.getByRole('radio', { name: /FP16/ }).check();
  // 1.75e11 × 2 B = 3.5e11 B = 350 GB
  await expect(w.locator('[data-result="scaleExplorer.weightBytes"]')).toHaveAttribute('data-value', '350000000000');
  await expect(page).toHaveURL(/scaleExplorer\.params=175000000000/);
  await expect(page).toHaveURL(/scaleExplorer\.precision=fp16/);
  expect(await page.evaluate(() => history.length)).toBe(before);
});

test('typing a size accepts exponent notation and clamps with a visible note', async ({ page }) => {
  await page.goto('/en/large-models/');
  await showWidget(page, 'scaleExplorer');
  const w = page.locator(widget);
  const box = w.getByLabel('Parameters', { exact: true });
  await box.fill('4.05e11');
  await box.press('Enter');
  await expect(w.locator('[data-result="scaleExplorer.params"]')).toHaveAttribute('data-value', '405000000000');
  await box.fill('9e15');
  await box.press('Enter');
  await expect(w.locator('[data-result="scaleExplorer.params"]')).toHaveAttribute('data-value', '2000000000000');
  await expect(w.locator('.control-note')).toContainText('Out of range');
  await box.fill('lots');
  await box.press('Enter');
  await expect(w.locator('.control-note')).toContainText('not a number');
  await expect(w.locator('[data-result="scaleExplorer.params"]')).toHaveAttribute('data-value', '2000000000000');
});

test('copy link writes the settings that differ from the defaults and the section', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/en/large-models/');
  await showWidget(page, 'scaleExplorer');
  const w = page.locator(widget);
  await w.getByRole('button', { name: 'Llama 3 70B' }).click();
  await w.getByRole('button', { name: 'Copy link with these settings' }).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/\/en\/large-models\/\?scaleExplorer\.params=70000000000#scale-explorer$/);
  await page.goto(link);
  await showWidget(page, 'scaleExplorer');
  await expect(page.locator(`${widget} [data-result="scaleExplorer.params"]`)).toHaveAttribute('data-value', '70000000000');
});

test('the controls work from the keyboard', async ({ page }) => {
  await page.goto('/en/large-models/');
  await showWidget(page, 'scaleExplorer');
  const w = page.locator(widget);
  const slider = w.getByRole('slider', { name: /Parameters/ });
  await slider.focus();
  const start = Number(await w.locator('[data-result="scaleExplorer.params"]').getAttribute('data-value'));
  for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowRight');
  const after = Number(await w.locator('[data-result="scaleExplorer.params"]').getAttribute('data-value'));
  expect(after).toBeGreaterThan(start);
});
