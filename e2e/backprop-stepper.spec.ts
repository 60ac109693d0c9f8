import type { Locator, Page } from '@playwright/test';
import { test, expect, showWidget } from './fixtures';
import { PARAMS_221, neuralNetworksWorked as nn } from '../lib/worked/neural-networks';

const ID = 'backpropStepper';

/** Opens the chapter (with an optional query) and waits until the stepper has read its settings from the URL. */
async function open(page: Page, lang: 'zh' | 'en', query = '') {
  await page.goto(`/${lang}/neural-networks/${query}`);
  const w = page.locator(`[data-widget="${ID}"]`);
  // An island: its code loads when it comes near the viewport.
  await showWidget(page, ID);
  return w;
}

const result = (w: Locator, name: string) => w.locator(`[data-result="${ID}.${name}"]`);
const value = async (w: Locator, name: string) => Number(await result(w, name).getAttribute('data-value'));

/** What the page says, by edition (lib/widgets/backprop-stepper.ts and lib/state/messages.ts). */
const TEXT = {
  zh: { step: '走一步', ten: '走 10 步', reset: '重置权重', ignored: '未被采用', checks: '9 / 9', clamped: '超出范围，已调整为 10' },
  en: { step: 'Step', ten: '10 steps', reset: 'Reset weights', ignored: 'was ignored', checks: '9 of 9', clamped: 'Out of range; set to 10' },
};

for (const lang of ['zh', 'en'] as const) {
  test.describe(`BackpropStepper (${lang})`, () => {
    test('shows the chapter’s forward pass, gradients and gradient check for the defaults', async ({ page }) => {
      const w = await open(page, lang);
      // By hand: z₁ = 0.5 − 0.2 + 0.1 = 0.4, h₁ = tanh(0.4) = 0.3799; z₂ = 0.3 + 0.4 − 0.2 = 0.5, h₂ = 0.4621;
      // z_out = 0.7 × 0.3799 − 0.5 × 0.4621 + 0.2 = 0.2349; ŷ = σ(0.2349) = 0.5585; L = ½(0.5585 − 1)² = 0.0975.
      expect(await value(w, 'z1')).toBeCloseTo(0.4, 12);
      expect(await value(w, 'h1')).toBeCloseTo(0.379949, 6);
      expect(await value(w, 'zOut')).toBeCloseTo(0.234906, 6);
      expect(await value(w, 'yHat')).toBeCloseTo(0.558458, 6);
      expect(await value(w, 'loss')).toBeCloseTo(0.097480, 6);
      await expect(result(w, 'yHat')).toHaveText('0.5585');
      await expect(result(w, 'loss')).toHaveText('0.0975');
      expect(await value(w, 'step')).toBe(0);
      // δ_out = (ŷ − y) ŷ(1 − ŷ) = −0.4415 × 0.2466 = −0.1089 (by hand); the rest as lib/worked/neural-networks.ts computes them
      expect(await value(w, 'deltaOut')).toBeCloseTo(-0.108877, 6);
      for (const k of PARAMS_221) {
        expect(Math.abs((await value(w, `grad.${k}`)) - nn.nnExampleGrad(k))).toBeLessThan(1e-12);
        // The central difference agrees with backpropagation to about 1e-10 (ε = 1e-5; the chapter's test asks 1e-9).
        expect(Math.abs((await value(w, `numGrad.${k}`)) - nn.nnExampleGrad(k))).toBeLessThan(1e-9);
        expect(await value(w, `check.${k}`)).toBe(1);
        expect(Math.abs((await value(w, `next.${k}`)) - nn.nnExampleParam(k, true))).toBeLessThan(1e-12);
      }
      await expect(result(w, 'grad.w11')).toHaveText('-0.065211');
      await expect(result(w, 'checksPassed')).toContainText(TEXT[lang].checks);
      await expect(w.locator('[data-testid="widget-issues"]')).toHaveCount(0);
    });

    test('one Step gives the chapter’s numbers after one step, and the URL keeps the new weights', async ({ page }) => {
      const w = await open(page, lang);
      const before = await page.evaluate(() => history.length);
      await w.getByRole('button', { name: TEXT[lang].step, exact: true }).click();
      await expect(result(w, 'step')).toHaveAttribute('data-value', '1');
      // ŷ = 0.5917 and L = 0.0833 after one step with η = 0.5 (nnExampleAfter, the chapter's table)
      expect(Math.abs((await value(w, 'yHat')) - nn.nnExampleAfter('yHat'))).toBeLessThan(1e-12);
      expect(Math.abs((await value(w, 'loss')) - nn.nnExampleAfter('loss'))).toBeLessThan(1e-12);
      await expect(result(w, 'yHat')).toHaveText('0.5917');
      await expect(result(w, 'loss')).toHaveText('0.0833');
      for (const k of PARAMS_221) expect(Math.abs((await value(w, `param.${k}`)) - nn.nnExampleParam(k, true))).toBeLessThan(1e-12);
      await expect(page).toHaveURL(/backpropStepper\.step=1/);
      await expect(page).toHaveURL(/backpropStepper\.w11=0\.53260567/);
      // The loss curve has its first two points: 0.0975 at step 0 and 0.0833 at step 1.
      await expect(w.locator('.chart-table tbody tr')).toHaveCount(2);
      expect(await page.evaluate(() => history.length)).toBe(before);

      // The link restores the network after the step.
      await page.reload();
      await showWidget(page, ID);
      expect(await value(w, 'step')).toBe(1);
      expect(Math.abs((await value(w, 'loss')) - nn.nnExampleAfter('loss'))).toBeLessThan(1e-12);
      await expect(w.locator('[data-testid="widget-issues"]')).toHaveCount(0);
    });

    test('steps from the keyboard, lowers the loss, and resets to the chapter’s weights', async ({ page }) => {
      const w = await open(page, lang);
      await w.getByRole('button', { name: TEXT[lang].step, exact: true }).focus();
      await page.keyboard.press('Enter');
      await expect(result(w, 'step')).toHaveAttribute('data-value', '1');
      await page.keyboard.press('Space');
      await expect(result(w, 'step')).toHaveAttribute('data-value', '2');
      const l2 = await value(w, 'loss');
      await w.getByRole('button', { name: TEXT[lang].ten }).click();
      await expect(result(w, 'step')).toHaveAttribute('data-value', '12');
      expect(await value(w, 'loss')).toBeLessThan(l2);
      await expect(w.locator('.chart-table tbody tr').first()).toBeAttached();
      await w.getByRole('button', { name: TEXT[lang].reset }).click();
      await expect(result(w, 'step')).toHaveAttribute('data-value', '0');
      expect(await value(w, 'param.w11')).toBe(0.5);
      expect(Math.abs((await value(w, 'loss')) - nn.nnExample('loss'))).toBeLessThan(1e-12);
      await expect(page).not.toHaveURL(/backpropStepper\./);
    });

    test('takes edited weights, input, target and learning rate, and checks the gradients there too', async ({ page }) => {
      const w = await open(page, lang);
      const set = async (key: string, text: string) => {
        const box = w.locator(`[data-control="${key}"] input`);
        if (!(await box.isVisible())) await w.locator('details[data-group="weights"] > summary').click();
        await box.fill(text);
        await box.press('Enter');
      };
      await set('x1', '-1');
      await set('y', '0');
      await set('lr', '2');
      await set('v2', '1.5');
      // z₁ = −0.5 − 0.2 + 0.1 = −0.6 (by hand)
      expect(await value(w, 'z1')).toBeCloseTo(-0.6, 12);
      for (const k of PARAMS_221) expect(await value(w, `check.${k}`)).toBe(1);
      const loss = await value(w, 'loss');
      // θ − η·∂L/∂θ with η = 2
      expect(await value(w, 'next.c')).toBeCloseTo(0.2 - 2 * (await value(w, 'grad.c')), 12);
      await w.getByRole('button', { name: TEXT[lang].step, exact: true }).click();
      await expect(result(w, 'step')).toHaveAttribute('data-value', '1');
      expect(await value(w, 'loss')).toBeLessThan(loss);
      await expect(page).toHaveURL(/backpropStepper\.x1=-1/);
      await expect(page).toHaveURL(/backpropStepper\.lr=2/);
      // A value out of bounds is clamped, with a note.
      await set('lr', '50');
      expect(await value(w, 'next.c')).toBeCloseTo((await value(w, 'param.c')) - 10 * (await value(w, 'grad.c')), 12);
      await expect(w.locator('[data-control="lr"] .control-hint')).toContainText(TEXT[lang].clamped);
    });

    test('reports bad link values and keeps the defaults', async ({ page }) => {
      const w = await open(page, lang, '?backpropStepper.w11=banana&backpropStepper.lr=99&backpropStepper.step=-1&backpropStepper.nope=1');
      const issues = w.locator('[data-testid="widget-issues"]');
      await expect(issues.locator('li')).toHaveCount(4);
      await expect(issues).toContainText(TEXT[lang].ignored);
      await expect(issues).toContainText('banana');
      expect(await value(w, 'param.w11')).toBe(0.5);
      expect(await value(w, 'step')).toBe(0);
      expect(Math.abs((await value(w, 'loss')) - nn.nnExample('loss'))).toBeLessThan(1e-12);
      // Still works: one step gives the chapter's numbers.
      await w.getByRole('button', { name: TEXT[lang].step, exact: true }).click();
      await expect(result(w, 'step')).toHaveAttribute('data-value', '1');
      expect(Math.abs((await value(w, 'loss')) - nn.nnExampleAfter('loss'))).toBeLessThan(1e-12);
    });
  });
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test('the gradient table scrolls inside its box and the page does not scroll sideways', async ({ page }) => {
    const w = await open(page, 'en');
    const scroller = w.locator('.table-scroll[role="region"]');
    await scroller.scrollIntoViewIfNeeded();
    const { scrollWidth, clientWidth } = await scroller.evaluate((e) => ({ scrollWidth: e.scrollWidth, clientWidth: e.clientWidth }));
    expect(scrollWidth).toBeGreaterThan(clientWidth);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expect(result(w, 'grad.c')).toBeAttached();
    await w.getByRole('button', { name: 'Step', exact: true }).click();
    await expect(result(w, 'step')).toHaveAttribute('data-value', '1');
  });
});
