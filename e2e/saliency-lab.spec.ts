import type { Locator, Page } from '@playwright/test';
import { test, expect, showWidget } from './fixtures';

const ID = 'saliencyLab';
const W = `[data-widget="${ID}"]`;

/**
 * A fresh browser holds no model from Chapter 4, so the lab trains its own: 784 → 32 → 10 for 2 epochs (2 × 93 = 186
 * steps of 64 digits) on tfjs's CPU backend, a few seconds. In Node on the same backend and seed
 * (lib/widgets/saliency-lab.test.ts) that model scores above 85 % on the test digits and its integrated gradients at 64
 * steps add up to within 1 % of z(x) − z(blank).
 */
const FAST = `${ID}.backend=cpu&${ID}.hidden=32&${ID}.epochs=2`;
const TARGET_STEPS = 186;

async function open(page: Page, lang: 'zh' | 'en', query = FAST) {
  await page.goto(`/${lang}/future/?${query}`);
  await showWidget(page, ID);
  const w = page.locator(W);
  await expect(w).toHaveAttribute('data-backend', 'cpu', { timeout: 60_000 });
  await expect(w).toHaveAttribute('data-status', 'idle', { timeout: 60_000 });
  return w;
}

const result = (w: Locator, name: string) => w.locator(`[data-result="${ID}.${name}"]`);
const value = async (w: Locator, name: string) => Number(await result(w, name).getAttribute('data-value'));
const text = async (w: Locator, name: string) => (await result(w, name).getAttribute('data-value')) ?? '';

/** Waits until the maps shown are the trained model's, for this digit. */
async function explained(w: Locator, digit: number) {
  await expect(w).toHaveAttribute('data-explained-digit', String(digit), { timeout: 20_000 });
  await expect(w).toHaveAttribute('data-explained-step', String(TARGET_STEPS), { timeout: 20_000 });
}

const TEXT = {
  en: { train: 'Train the model', next: 'Next', previous: 'Previous', digit: 'Test digit', missing: 'no model from Chapter 4', described: 'Integrated-gradients map for the score of', random: 'Sanity check: a model with random weights', note: 'random weights, never trained' },
  zh: { train: '训练模型', next: '下一张', previous: '上一张', digit: '测试图片编号', missing: '还没有第 4 章训练好的模型', described: '积分梯度图（数字', random: '合理性检验：换成随机权重的模型', note: '从未训练、权重随机的模型' },
};

for (const lang of ['en', 'zh'] as const) {
  test(`${lang}: trains a model here, draws non-zero maps whose IG adds up, and the map changes with the digit`, async ({ page }) => {
    const w = await open(page, lang);
    const t = TEXT[lang];
    await expect(result(w, 'source')).toHaveAttribute('data-value', 'trained-here');
    await expect(w.getByTestId('saliency-source')).toContainText(t.missing);
    await expect(w.locator('[data-action="play"]')).toContainText(t.train);
    await w.locator('[data-action="play"]').click();
    await expect(w).toHaveAttribute('data-trained', '1', { timeout: 30_000 });
    await expect(w).toHaveAttribute('data-status', 'paused');
    await explained(w, 0);

    expect(await value(w, 'testAccuracy')).toBeGreaterThan(0.8);
    expect(await value(w, 'saliencyMax')).toBeGreaterThan(0);
    // Completeness: Σ IG ÷ (F(x) − F(blank)) at the default 50 steps.
    expect(Math.abs((await value(w, 'completeness')) - 1)).toBeLessThan(0.02);
    expect(await value(w, 'igSum')).toBeCloseTo((await value(w, 'completeness')) * (await value(w, 'scoreDelta')), 4);
    const label0 = await value(w, 'label');
    expect(label0).toBeGreaterThanOrEqual(0);
    expect(await value(w, 'target')).toBe(await value(w, 'predicted'));
    const confidence = await value(w, 'confidence');
    expect(confidence > 0 && confidence <= 1).toBe(true);
    // The digit and both maps are drawn, and described in words.
    await expect(w.getByTestId('digit-canvas')).toBeVisible();
    await expect(w.getByTestId('gradient-canvas')).toBeVisible();
    await expect(w.getByTestId('ig-canvas')).toBeVisible();
    await expect(w.getByTestId('saliency-description')).toContainText(t.described);

    // The next digit: another map.
    const sum0 = await value(w, 'saliencySum');
    const hash0 = await text(w, 'mapHash');
    expect(hash0).toMatch(/^[0-9a-f]{8}$/);
    await w.getByRole('button', { name: t.next }).click();
    await explained(w, 1);
    expect(await text(w, 'mapHash')).not.toBe(hash0);
    expect(await value(w, 'saliencySum')).not.toBe(sum0);
    expect(await value(w, 'saliencyMax')).toBeGreaterThan(0);
    // Typed into the labelled box, and back with the previous button.
    await w.getByLabel(t.digit, { exact: true }).fill('42');
    await explained(w, 42);
    await w.getByRole('button', { name: t.previous }).click();
    await explained(w, 41);
    await expect(page).toHaveURL(new RegExp(`${ID}\\.digit=41`));
  });
}

test('the randomised-weights sanity check, a fixed class, more steps, and a phone-wide layout', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const w = await open(page, 'en');
  await w.locator('[data-action="play"]').click();
  await expect(w).toHaveAttribute('data-trained', '1', { timeout: 30_000 });
  await explained(w, 0);
  // Nothing in the widget is wider than the phone.
  expect(await w.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
  const trainedHash = await text(w, 'mapHash');
  const predicted = await value(w, 'predicted');

  await w.getByLabel(TEXT.en.random).check();
  await expect(w.getByTestId('random-note')).toContainText(TEXT.en.note, { timeout: 20_000 });
  await expect(result(w, 'rankCorrelation')).toHaveAttribute('data-value', /\d/);
  expect(await value(w, 'rankCorrelation')).toBeLessThan(0.9);
  expect(await text(w, 'mapHash')).not.toBe(trainedHash);
  // The random model explains the class the trained one predicted; completeness holds for it too.
  expect(await value(w, 'target')).toBe(predicted);
  expect(Math.abs((await value(w, 'completeness')) - 1)).toBeLessThan(0.02);
  // Live settings never retrain: the step count stays.
  await expect(w).toHaveAttribute('data-step', String(TARGET_STEPS));

  await w.getByLabel(TEXT.en.random).uncheck();
  await w.getByLabel('Integrated-gradient steps').selectOption('200');
  await expect(w.getByTestId('ig-canvas')).toHaveAttribute('aria-label', /200 steps/, { timeout: 20_000 });
  await expect(w.getByTestId('random-note')).toHaveCount(0);
  expect(Math.abs((await value(w, 'completeness')) - 1)).toBeLessThan(0.01);
  // The probability instead of the logit: the caption says ∂p, and IG still adds up at 200 steps.
  await w.getByRole('radio', { name: 'Probability (after softmax)' }).check();
  await expect(w.getByTestId('gradient-canvas')).toHaveAttribute('aria-label', /∂p\d\/∂x/, { timeout: 20_000 });
  expect(Math.abs((await value(w, 'completeness')) - 1)).toBeLessThan(0.01);
  await w.getByRole('radio', { name: 'Logit (before softmax)' }).check();
  await expect(w.getByTestId('gradient-canvas')).toHaveAttribute('aria-label', /∂z\d\/∂x/, { timeout: 20_000 });
  // Another class than the predicted one.
  await w.getByLabel('Class whose score is explained').selectOption('3');
  await expect(result(w, 'target')).toHaveAttribute('data-value', '3', { timeout: 20_000 });
  await expect(w.getByTestId('gradient-canvas')).toHaveAttribute('aria-label', /∂z3\/∂x/);

  // The gradient alone: no completeness to report.
  await w.getByRole('radio', { name: 'Gradient', exact: true }).check();
  await expect(w.getByTestId('ig-canvas')).toHaveCount(0, { timeout: 20_000 });
  await expect(result(w, 'completeness')).not.toHaveAttribute('data-value', /./);
  expect(await value(w, 'saliencyMax')).toBeGreaterThan(0);
  await expect(w).toHaveAttribute('data-step', String(TARGET_STEPS));
});
