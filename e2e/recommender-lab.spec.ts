import type { Locator, Page } from '@playwright/test';
import { test, expect, showWidget } from './fixtures';

const ID = 'recommenderLab';
const W = `[data-widget="${ID}"]`;

/**
 * The chapter's defaults (200 users × 100 items, density 0.2: 3,145 training ratings, 24 steps an epoch) for 20 epochs
 * on tfjs's CPU backend. Measured in Node on the same backend and seed (lib/widgets/recommender-lab.test.ts trains the
 * same data): the held-out RMSE falls from about 1.0 before training to about 0.68 by epoch 20, against 0.874 for the
 * popularity baseline; the newcomers' RMSE stays near 0.85.
 */
const FAST = `${ID}.backend=cpu&${ID}.epochs=20`;

/** Opens the chapter with settings in the URL and waits until the lab's session is ready on the CPU backend. */
async function open(page: Page, lang: 'zh' | 'en', query: string) {
  await page.goto(`/${lang}/applications/?${query}`);
  await showWidget(page, ID);
  const w = page.locator(W);
  await expect(w).toHaveAttribute('data-backend', 'cpu', { timeout: 60_000 });
  await expect(w).toHaveAttribute('data-status', 'idle', { timeout: 60_000 });
  return w;
}

const result = (w: Locator, name: string) => w.locator(`[data-result="${ID}.${name}"]`);
const value = async (w: Locator, name: string) => Number(await result(w, name).getAttribute('data-value'));

const TEXT = {
  en: { train: 'Train', topN: 'Recommendations shown (N)', newcomer: 'newcomer', caption: 'held-out' },
  zh: { train: '开始训练', topN: '推荐几个（N）', newcomer: '新用户', caption: '留出' },
};

for (const lang of ['en', 'zh'] as const) {
  test(`${lang}: matrix factorisation beats the popularity baseline, and the user's top N is scored against the truth`, async ({ page }) => {
    const w = await open(page, lang, FAST);
    // Before training: epoch 0 is measured, the lists are there (from the untrained model), the baseline is known.
    await expect(w.getByTestId('top-n').locator('tbody tr')).toHaveCount(5);
    const baseline = await value(w, 'baselineRmse');
    expect(baseline).toBeGreaterThan(0.5);
    expect(baseline).toBeLessThan(1.5);
    await expect(w.locator('[data-action="play"]')).toContainText(TEXT[lang].train);
    await w.locator('[data-action="play"]').click();
    await expect(w).toHaveAttribute('data-epoch', '20', { timeout: 40_000 });
    await expect(w).toHaveAttribute('data-status', 'paused');
    await expect(w).toHaveAttribute('data-measured-epoch', '20');
    await expect(result(w, 'epoch')).toHaveAttribute('data-value', '20');

    const rmse = await value(w, 'rmse');
    expect(rmse).toBeGreaterThan(0);
    expect(rmse).toBeLessThan(baseline);
    expect(await value(w, 'baselineRmse')).toBe(baseline);
    expect(await value(w, 'trainRmse')).toBeLessThan(rmse);
    // The newcomers (0–2 ratings to learn from) are predicted far worse than everyone else.
    expect(await value(w, 'coldStartRmse')).toBeGreaterThan(rmse);
    expect(await value(w, 'coldStartBaselineRmse')).toBeGreaterThan(0);

    // User 0's top 5 among the items they have not rated, scored against their true top 5.
    await expect(w).toHaveAttribute('data-user', '0');
    const list = w.getByTestId('top-n');
    await expect(list.locator('tbody tr')).toHaveCount(5);
    await expect(list.locator('[data-list="model"][data-item]')).toHaveCount(5);
    await expect(list.locator('[data-list="truth"][data-item]')).toHaveCount(5);
    const precision = await value(w, 'precisionAtN');
    expect(precision).toBeGreaterThanOrEqual(0);
    expect(precision).toBeLessThanOrEqual(1);
    expect(Number.isInteger(precision * 5)).toBe(true);
    // Over all established users the model's lists beat the popularity list.
    expect(await value(w, 'meanPrecisionAtN')).toBeGreaterThan(await value(w, 'baselineMeanPrecisionAtN'));

    // One RMSE point per epoch from epoch 0, and the chart's text alternative holds every epoch.
    await expect(w.locator('[data-point="heldOut"]')).toHaveCount(21);
    await expect(w.getByTestId('baseline-line')).toHaveCount(1);
    await expect(w.locator('.chart-caption')).toContainText(TEXT[lang].caption);
    await expect(w.locator('details.chart-table tbody tr')).toHaveCount(21);

    // A newcomer with no ratings: shown at once, without retraining.
    await w.locator('[data-action="pick-cold-0"]').click();
    await expect(w).toHaveAttribute('data-tuned', '1');
    await expect(result(w, 'userRatings')).toHaveAttribute('data-value', '0');
    await expect(w.getByTestId('top-n').locator('tbody tr')).toHaveCount(5);
    await expect(w.locator('[data-action="pick-cold-0"]')).toHaveAttribute('aria-pressed', 'true');
    await expect(w).toContainText(TEXT[lang].newcomer);
    expect(await result(w, 'precisionAtN').getAttribute('data-value')).not.toBeNull();
    await expect(w).toHaveAttribute('data-epoch', '20');
    await expect(w).toHaveAttribute('data-status', 'paused');
    expect(Number(new URL(page.url()).searchParams.get(`${ID}.user`))).toBe(await value(w, 'user'));

    // N = 10: longer lists, still without retraining.
    await w.getByLabel(TEXT[lang].topN).selectOption('10');
    await expect(w.getByTestId('top-n').locator('tbody tr')).toHaveCount(10);
    await expect(w).toHaveAttribute('data-epoch', '20');
  });
}

test('learning rate and L2 apply to the running model; a thin matrix is refused with the reason; bad links are reported', async ({ page }) => {
  const w = await open(page, 'en', `${FAST}&${ID}.epochs=200&${ID}.user=500`);
  // User 500 does not exist among 200: the last user is shown, and the reader is told.
  await expect(w).toHaveAttribute('data-user', '199');
  await expect(w).toContainText('There is no user 500');
  await w.locator('[data-action="play"]').click();
  await expect.poll(async () => Number(await w.getAttribute('data-epoch')), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
  await w.getByLabel('Learning rate (Adam)').selectOption('0.003');
  await expect(w).toHaveAttribute('data-tuned', '1');
  await w.getByLabel('L2 penalty λ').selectOption('5');
  await expect(w).toHaveAttribute('data-tuned', '2');
  await expect(w).toHaveAttribute('data-status', 'training');
  await w.locator('[data-action="pause"]').click();
  await expect(w).toHaveAttribute('data-status', 'paused');
  expect(new URL(page.url()).searchParams.get(`${ID}.lr`)).toBe('0.003');

  await page.goto(`/en/applications/?${ID}.backend=cpu&${ID}.density=0.05&${ID}.users=abc`);
  await showWidget(page, ID);
  const v = page.locator(W);
  await expect(v.getByTestId('refused')).toContainText('too few', { timeout: 60_000 });
  await expect(v.getByTestId('refused')).toContainText('at least 0.054');
  await expect(v.getByTestId('widget-issues')).toContainText('users="abc" was ignored');
});
