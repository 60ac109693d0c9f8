import type { Locator, Page } from '@playwright/test';
import { test, expect, showWidget } from './fixtures';

const ID = 'activationExplorer';

/** Opens the chapter (with an optional query) and waits until the explorer has read its settings from the URL. */
async function open(page: Page, lang: 'zh' | 'en', query = '') {
  await page.goto(`/${lang}/neural-networks/${query}`);
  const w = page.locator(`[data-widget="${ID}"]`);
  // An island: its code loads when it comes near the viewport.
  await showWidget(page, ID);
  return w;
}

/** What the page says, by edition (lib/state/messages.ts and components/widgets/controls/SchemaControls.tsx). */
const TEXT = {
  zh: { choices: '可选值为', range: '之间', outOfRange: '超出范围', notANumber: '不是一个数字', badLogits: '无法读出' },
  en: { choices: 'the choices are sigmoid, tanh, relu, leakyRelu, gelu, softmax', range: 'it must lie between -6 and 6', outOfRange: 'Out of range', notANumber: 'not a number', badLogits: 'Could not read that' },
};

const value = async (w: Locator, name: string) => Number(await w.locator(`[data-result="${ID}.${name}"]`).getAttribute('data-value'));

for (const lang of ['zh', 'en'] as const) {
  test.describe(`ActivationExplorer (${lang})`, () => {
    test('shows σ(2) = 0.8808, σ′(2) = 0.1050 and the product over 10 layers for the defaults', async ({ page }) => {
      const w = await open(page, lang);
      // 1 / (1 + e^−2) = 0.880797; σ(1 − σ) = 0.104994; 0.104994^10 = 1.6279e-10 (hand computation)
      expect(await value(w, 'z')).toBe(2);
      expect(Math.abs((await value(w, 'value')) - 0.880797)).toBeLessThan(1e-6);
      expect(Math.abs((await value(w, 'derivative')) - 0.104994)).toBeLessThan(1e-6);
      expect((await value(w, 'product')) / 1.6279e-10).toBeCloseTo(1, 3);
      await expect(w.locator(`[data-result="${ID}.value"]`)).toHaveText('0.8808');
      await expect(w.locator(`[data-result="${ID}.derivative"]`)).toHaveText('0.1050');
      await expect(w.locator(`[data-result="${ID}.product"]`)).toHaveText('1.63 × 10⁻¹⁰');
      await expect(w.locator('input[type="radio"][value="sigmoid"]')).toBeChecked();
      // Both curves are drawn, and the handle sits on the plot.
      await expect(w.getByTestId('z-handle')).toHaveAttribute('aria-valuenow', '2');
      await expect(w.locator('[data-testid="worked-d"]')).toContainText('0.8808 × 0.1192 = 0.1050');
      await expect(w.locator('[data-testid="widget-issues"]')).toHaveCount(0);
    });

    test('restores a permalink: GELU at z = 1 gives Φ(1) = 0.8413', async ({ page }) => {
      const w = await open(page, lang, '?activationExplorer.fn=gelu&activationExplorer.z=1');
      // GELU(1) = 1 · Φ(1) = 0.841345; GELU′(1) = Φ(1) + φ(1) = 0.841345 + 0.241971 = 1.083315 (normal tables)
      expect(Math.abs((await value(w, 'value')) - 0.841345)).toBeLessThan(1e-6);
      expect(Math.abs((await value(w, 'derivative')) - 1.083315)).toBeLessThan(1e-6);
      await expect(w.locator(`[data-result="${ID}.value"]`)).toHaveText('0.8413');
      await expect(w.locator('input[type="radio"][value="gelu"]')).toBeChecked();
      await expect(w).toHaveAttribute('data-fn', 'gelu');
      await expect(w.locator('[data-testid="widget-issues"]')).toHaveCount(0);
      // |GELU′(1)| > 1: the product grows with depth, 1.083315^10 = 2.2261 (hand computation)
      expect(await value(w, 'product')).toBeCloseTo(2.2261, 3);
    });

    test('moves z with the arrow keys on the handle, and writes it to the URL', async ({ page }) => {
      const w = await open(page, lang);
      const before = await page.evaluate(() => history.length);
      const handle = w.getByRole('slider', { name: /z/ }).first();
      await handle.focus();
      for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
      // 2 + 5 × 0.1 = 2.5; σ(2.5) = 0.924142 (hand computation)
      await expect(w.locator(`[data-result="${ID}.z"]`)).toHaveAttribute('data-value', '2.5');
      expect(Math.abs((await value(w, 'value')) - 0.924142)).toBeLessThan(1e-6);
      await expect(page).toHaveURL(/activationExplorer\.z=2\.5/);
      await page.keyboard.press('Shift+ArrowLeft');
      await expect(w.locator(`[data-result="${ID}.z"]`)).toHaveAttribute('data-value', '1.5');
      await page.keyboard.press('Home');
      await expect(w.locator(`[data-result="${ID}.z"]`)).toHaveAttribute('data-value', '-6');
      await expect(handle).toHaveAttribute('aria-valuenow', '-6');
      await expect(page).toHaveURL(/activationExplorer\.z=-6/);
      expect(await page.evaluate(() => history.length)).toBe(before);
    });

    test('drags z with the pointer', async ({ page }) => {
      const w = await open(page, lang);
      const plot = w.locator('svg').filter({ has: page.getByTestId('z-handle') });
      await plot.scrollIntoViewIfNeeded();
      const box = (await plot.boundingBox())!;
      // The plot spans z ∈ [−6, 6] between its margins (46 px left, 14 px right; ActivationPlot.tsx): z = 0 is at
      // the middle of that span, z = 4 two thirds of the way from there to the right end.
      const xAt = (z: number) => box.x + 46 + ((z + 6) / 12) * (box.width - 60);
      const y = box.y + box.height / 2;
      await page.mouse.move(xAt(-3), y);
      await page.mouse.down();
      await page.mouse.move(xAt(-1), y, { steps: 4 });
      await page.mouse.move(xAt(0), y, { steps: 4 });
      await page.mouse.up();
      const z = await value(w, 'z');
      expect(Math.abs(z)).toBeLessThan(0.06);
      // σ′ near 0 is 0.25 − z²/16 + …
      expect(Math.abs((await value(w, 'derivative')) - 0.25)).toBeLessThan(1e-3);
      await expect(page).toHaveURL(/activationExplorer\.z=/);
    });

    test('reports bad link values and keeps the defaults', async ({ page }) => {
      const w = await open(page, lang, '?activationExplorer.fn=swish&activationExplorer.z=9&activationExplorer.layers=abc&activationExplorer.logits=1,banana');
      const issues = w.locator('[data-testid="widget-issues"]');
      await expect(issues.locator('li')).toHaveCount(4);
      await expect(issues).toContainText(TEXT[lang].choices);
      await expect(issues).toContainText(TEXT[lang].range);
      await expect(issues).toContainText('banana');
      // The defaults stay in force and the widget still works.
      await expect(w.locator('input[type="radio"][value="sigmoid"]')).toBeChecked();
      expect(Math.abs((await value(w, 'value')) - 0.880797)).toBeLessThan(1e-6);
      expect(await value(w, 'product')).toBeGreaterThan(0);
    });

    test('clamps a typed z to the range and says so', async ({ page }) => {
      const w = await open(page, lang);
      const box = w.locator('[data-control="z"] input');
      await box.fill('9');
      await box.press('Enter');
      await expect(w.locator(`[data-result="${ID}.z"]`)).toHaveAttribute('data-value', '6');
      await expect(w.locator('[data-control="z"] .control-hint')).toContainText(TEXT[lang].outOfRange);
      await box.fill('two');
      await box.press('Enter');
      await expect(w.locator('[data-control="z"] .control-note')).toContainText(TEXT[lang].notANumber);
      await expect(w.locator(`[data-result="${ID}.z"]`)).toHaveAttribute('data-value', '6');
    });

    test('sets the number of layers and leaky ReLU’s slope', async ({ page }) => {
      const w = await open(page, lang, '?activationExplorer.fn=leakyRelu&activationExplorer.z=-1');
      await expect(w.locator('[data-control="alpha"]')).toBeVisible();
      // Leaky ReLU′(−1) = α = 0.01; over 10 layers 0.01^10 = 1e-20
      expect(await value(w, 'derivative')).toBeCloseTo(0.01, 12);
      expect((await value(w, 'product')) / 1e-20).toBeCloseTo(1, 6);
      const layers = w.locator('[data-control="layers"] input[type="range"]');
      await layers.focus();
      await page.keyboard.press('Home');
      // n = 1: the product is f′(z) itself
      expect(await value(w, 'product')).toBeCloseTo(0.01, 12);
      await w.locator('[data-control="alpha"] input[type="range"]').focus();
      await page.keyboard.press('End');
      // α = 0.5 (the top of its ladder): LeakyReLU(−1) = −0.5
      expect(await value(w, 'value')).toBeCloseTo(-0.5, 12);
      await expect(page).toHaveURL(/activationExplorer\.alpha=0\.5/);
      await w.locator('input[type="radio"][value="tanh"]').check();
      await expect(w.locator('[data-control="alpha"]')).toHaveCount(0);
    });

    test('turns logits into probabilities that sum to 1, with the Jacobian', async ({ page }) => {
      const w = await open(page, lang, '?activationExplorer.fn=softmax');
      // e² : e¹ : e^0.1 over their sum 11.212 = 0.659001, 0.242433, 0.098566 (hand computation)
      expect(Math.abs((await value(w, 'softmax0')) - 0.659001)).toBeLessThan(1e-6);
      expect(Math.abs((await value(w, 'softmax1')) - 0.242433)).toBeLessThan(1e-6);
      expect(Math.abs((await value(w, 'softmax2')) - 0.098566)).toBeLessThan(1e-6);
      expect(Math.abs((await value(w, 'softmaxSum')) - 1)).toBeLessThan(1e-12);
      await expect(w.locator(`[data-result="${ID}.softmaxSum"]`)).toHaveText('1.0000');
      // The Jacobian's diagonal is s(1 − s): 0.659001 × 0.340999 = 0.224719
      expect(Math.abs((await value(w, 'jacobian.0.0')) - 0.224719)).toBeLessThan(1e-6);
      await expect(w.getByTestId('z-handle')).toHaveCount(0);

      const logits = w.locator('[data-control="logits"] input');
      // The box shows "2, 1, 0.1" and reads back what it shows; spaces and full-width commas separate numbers too.
      await expect(logits).toHaveValue('2, 1, 0.1');
      await logits.fill('3，1 0.5');
      await logits.press('Enter');
      await expect(page).toHaveURL(/activationExplorer\.logits=3%2C1%2C0\.5/);
      await logits.fill('1, 1, 1, 1');
      await logits.press('Enter');
      await expect(w.locator(`[data-result="${ID}.softmax3"]`)).toHaveAttribute('data-value', '0.25');
      await expect(page).toHaveURL(/activationExplorer\.logits=1%2C1%2C1%2C1/);
      await logits.fill('1, x');
      await logits.press('Enter');
      await expect(w.locator('[data-control="logits"] .control-note')).toContainText(TEXT[lang].badLogits);
      await expect(w.locator('[data-control="logits"] input')).toHaveAttribute('aria-invalid', 'true');
      await expect(w.locator(`[data-result="${ID}.softmax3"]`)).toHaveAttribute('data-value', '0.25');
    });

    test('the temperature sharpens and flattens softmax', async ({ page }) => {
      const w = await open(page, lang, '?activationExplorer.fn=softmax&activationExplorer.temperature=2');
      // softmax([1, 0.5, 0.05]): e^1, e^0.5, e^0.05 over their sum 5.418274 = 0.501688, 0.304289, 0.194023 (hand computation)
      expect(Math.abs((await value(w, 'softmax0')) - 0.501688)).toBeLessThan(1e-6);
      expect(Math.abs((await value(w, 'softmax2')) - 0.194023)).toBeLessThan(1e-6);
      expect(Math.abs((await value(w, 'softmaxSum')) - 1)).toBeLessThan(1e-12);
    });
  });
}

test('restores the defaults and copies a link with the settings', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const w = await open(page, 'en', '?activationExplorer.fn=tanh&activationExplorer.layers=3');
  // tanh′(2) = 1 − tanh²(2) = 0.070651; cubed: 3.5266e-4 (hand computation)
  expect((await value(w, 'product')) / 3.5266e-4).toBeCloseTo(1, 3);
  await w.getByRole('button', { name: 'Copy link with these settings' }).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/\/en\/neural-networks\/\?activationExplorer\.fn=tanh&activationExplorer\.layers=3#/);
  await w.getByRole('button', { name: 'Restore defaults' }).click();
  await expect(w.locator('input[type="radio"][value="sigmoid"]')).toBeChecked();
  await expect(page).not.toHaveURL(/activationExplorer\./);
});
