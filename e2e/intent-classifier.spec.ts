import type { Locator, Page } from '@playwright/test';
import { test, expect, showWidget } from './fixtures';

const ID = 'intentClassifier';
const W = `[data-widget="${ID}"]`;

/**
 * The chapter's defaults on tfjs's CPU backend: 784 hashed n-gram features → 32 hidden units → 8 intents, Adam at
 * 0.01, 30 epochs of 6 steps (about 190 training messages in batches of 32). Measured in Node on the same backend
 * (lib/widgets/intent-classifier.test.ts trains the same task): a few seconds, held-out accuracy far above the
 * majority class's 1 in 8, and both refund messages below read as refunds.
 */
async function open(page: Page, lang: 'zh' | 'en', query: string) {
  await page.goto(`/${lang}/applications/?${query}#intent-classifier`);
  await showWidget(page, ID);
  const w = page.locator(W);
  await expect(w).toHaveAttribute('data-backend', 'cpu', { timeout: 30_000 });
  await expect(w).toHaveAttribute('data-status', 'idle', { timeout: 30_000 });
  return w;
}

const result = (w: Locator, name: string) => w.locator(`[data-result="${ID}.${name}"]`);
const value = async (w: Locator, name: string) => Number(await result(w, name).first().getAttribute('data-value'));

const TEXT = {
  en: { train: 'Train', tryLabel: 'Type a customer message', message: 'I want my money back' },
  zh: { train: '开始训练', tryLabel: '输入一条客户消息', message: '东西有问题，我要退款' },
};

for (const lang of ['en', 'zh'] as const) {
  test(`${lang}: trains on cpu above the majority class, the threshold trades automation for errors, and a refund message reads as one`, async ({ page }) => {
    test.setTimeout(60_000);
    const w = await open(page, lang, `${ID}.backend=cpu`);
    // Each edition's chapter trains on its own language's messages (the Chinese chapter passes data="zh").
    await expect(w).toHaveAttribute('data-data', lang);
    await expect(w.locator('[data-action="play"]')).toContainText(TEXT[lang].train);
    await w.locator('[data-action="play"]').click();
    // 30 epochs; training stops by itself.
    await expect(w).toHaveAttribute('data-status', 'paused', { timeout: 30_000 });
    await expect.poll(() => value(w, 'epoch'), { timeout: 10_000 }).toBe(30);
    const accuracy = await value(w, 'accuracy');
    const majority = await value(w, 'majority');
    // Eight intents of about equal size: always answering one is right about one time in eight.
    expect(majority).toBeGreaterThan(0.05);
    expect(majority).toBeLessThan(0.2);
    expect(accuracy).toBeGreaterThan(majority + 0.2);
    expect(await value(w, 'loss')).toBeGreaterThan(0);

    // Threshold 0 automates every held-out message, at the held-out accuracy; nothing goes to a person.
    const step = await w.getAttribute('data-step');
    const slider = w.locator('[data-control="threshold"] input[type="range"]');
    await slider.focus();
    await page.keyboard.press('Home');
    await expect(result(w, 'threshold')).toHaveAttribute('data-value', '0');
    await expect(result(w, 'automated')).toHaveAttribute('data-value', '1');
    await expect(result(w, 'handedOff')).toHaveAttribute('data-value', '0');
    expect(await value(w, 'automatedAccuracy')).toBeCloseTo(accuracy, 9);
    // One row per intent in the per-intent table.
    await expect(w.locator('[data-table="per-intent"] tbody tr')).toHaveCount(8);
    await expect(result(w, 'recall')).toHaveCount(8);
    const errorsAtZero = await value(w, 'errors');
    expect(errorsAtZero).toBeGreaterThan(0);

    // The highest threshold hands messages off and cannot add wrong answers; the model itself is untouched (applied
    // live: the step count stays).
    await page.keyboard.press('End');
    await expect(result(w, 'threshold')).toHaveAttribute('data-value', '0.99');
    await expect.poll(() => value(w, 'automated')).toBeLessThan(1);
    expect(await value(w, 'handedOff')).toBeGreaterThan(0);
    expect(await value(w, 'errors')).toBeLessThanOrEqual(errorsAtZero);
    await expect(w).toHaveAttribute('data-step', step!);
    await expect(page).toHaveURL(new RegExp(`${ID}\\.threshold=0\\.99`));
    // The curve's text alternative lists the trade-off threshold by threshold.
    await expect(w.locator('details.chart-table tbody tr')).toHaveCount(12);

    // A typed message, answered by the worker's model.
    await w.getByLabel(TEXT[lang].tryLabel, { exact: true }).fill(TEXT[lang].message);
    await expect(result(w, 'prediction')).toHaveAttribute('data-value', 'refund', { timeout: 10_000 });
    const confidence = await value(w, 'confidence');
    expect(confidence).toBeGreaterThan(1 / 8);
    expect(confidence).toBeLessThanOrEqual(1);
    const probs = await result(w, 'probability').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));
    expect(probs).toHaveLength(8);
    expect(Math.abs(probs.reduce((s, p) => s + p, 0) - 1)).toBeLessThan(1e-4);
    // At 0.99 it is handed off unless the model is that sure; at 0 it is always answered automatically.
    await expect(result(w, 'routed')).toHaveAttribute('data-value', confidence >= 0.99 ? 'automated' : 'human');
    await slider.focus();
    await page.keyboard.press('Home');
    await expect(result(w, 'routed')).toHaveAttribute('data-value', 'automated');
  });
}

test('an untrained model says so, a blank message asks for one, and bad link values are reported', async ({ page }) => {
  const w = await open(page, 'en', `${ID}.backend=cpu&${ID}.threshold=1.5&${ID}.data=fr`);
  const issues = w.getByTestId('widget-issues');
  await expect(issues).toContainText('threshold="1.5" was ignored');
  await expect(issues).toContainText('data="fr" was ignored');
  await expect(w).toHaveAttribute('data-data', 'en');
  await expect(result(w, 'threshold')).toHaveAttribute('data-value', '0.6');
  const box = w.getByLabel(TEXT.en.tryLabel, { exact: true });
  await box.fill('where is my parcel');
  await expect(result(w, 'prediction')).toHaveCount(1, { timeout: 10_000 });
  await expect(w.getByText('The model is untrained, so these probabilities mean nothing yet: train it first.')).toBeVisible();
  await box.fill('   ');
  await expect(result(w, 'prediction')).toHaveCount(0);
  await expect(w.getByText('Type a message and the model’s reading of its intent shows here.')).toBeVisible();
});
