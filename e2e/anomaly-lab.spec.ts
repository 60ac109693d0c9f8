import type { Locator, Page } from '@playwright/test';
import { test, expect, showWidget } from './fixtures';

const ID = 'anomalyLab';
const W = `[data-widget="${ID}"]`;

/**
 * Ten epochs on tfjs's CPU backend: 10 × 46 steps of 64 transactions through the default 560-parameter autoencoder,
 * about a second in Node. With seed 1 that reaches AUC 0.91 against the no-model baseline's 0.71 and recall 0.35 at
 * the 0.98 percentile against the baseline's 0.15 (lib/widgets/anomaly-lab.test.ts trains the defaults, 30 epochs,
 * and checks the wider margins the chapter quotes).
 */
const FAST = `${ID}.backend=cpu&${ID}.epochs=10`;

/** Opens Chapter 7 with settings in the URL and waits until the lab's session is ready on the CPU backend. */
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
  en: { train: 'Train', threshold: 'Threshold: percentile of the normal training scores', costFn: 'Cost of a missed fraud', cost: 'Cost–flag rate', costCaption: 'Total cost' },
  zh: { train: '开始训练', threshold: '阈值：正常训练交易分数的分位数', costFn: '漏掉一笔欺诈的代价', cost: '代价–标记率', costCaption: '总代价' },
};

for (const lang of ['en', 'zh'] as const) {
  test(`${lang}: trains on normal transactions, catches frauds above chance, and the threshold trades recall for alarms and money`, async ({ page }) => {
    const w = await open(page, lang, FAST);
    // 13·16 + 16 + 16·3 + 3 + 3·16 + 16 + 16·13 + 13 = 560 parameters (hand count)
    expect(await value(w, 'params')).toBe(560);
    // The untrained model already scores the held-out mix (80 frauds in 4,000 at the default 2 %).
    await expect(result(w, 'frauds')).toHaveAttribute('data-value', '80');
    await expect(w.locator('[data-action="play"]')).toContainText(TEXT[lang].train);
    await w.locator('[data-action="play"]').click();
    await expect(w).toHaveAttribute('data-epoch', '10', { timeout: 30_000 });
    await expect(w).toHaveAttribute('data-status', 'paused');
    await expect(result(w, 'epoch')).toHaveAttribute('data-value', '10');
    expect(await value(w, 'loss')).toBeGreaterThan(0);

    const recall = await value(w, 'recall');
    const chance = await value(w, 'chanceRecall');
    const flagRate = await value(w, 'flagRate');
    const precision = await value(w, 'precision');
    const cost = await value(w, 'cost');
    expect(await value(w, 'threshold')).toBe(0.98);
    expect(chance).toBeCloseTo(flagRate, 12);
    expect(recall).toBeGreaterThan(chance);
    const auc = await value(w, 'auc');
    expect(auc).toBeGreaterThan(0.8);
    // The model earns its place: it ranks frauds better than the distance from the average transaction, and better
    // than the same network before training.
    expect(auc).toBeGreaterThan(await value(w, 'baselineAuc'));
    expect(auc).toBeGreaterThan(await value(w, 'untrainedAuc'));
    // The cost is the two kinds of error priced: missed × 150 + false alarms × 5 (the defaults).
    expect(cost).toBe((await value(w, 'missed')) * 150 + (await value(w, 'falseAlarms')) * 5);
    // Every fraud kind has a row; the histogram and the curve have text alternatives.
    await expect(w.locator('tr[data-kind]')).toHaveCount(5);
    await expect(w.locator('details.chart-table')).toHaveCount(2);
    await expect(w.getByTestId('threshold-rule')).toHaveCount(1);

    // A lower threshold (the 95th percentile, two rungs down): more flags, at least as many frauds caught, a new cost.
    const slider = w.getByLabel(TEXT[lang].threshold);
    await slider.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect(result(w, 'threshold')).toHaveAttribute('data-value', '0.95');
    await expect(w).toHaveAttribute('data-tuned', /[1-9]/);
    await expect(w).toHaveAttribute('data-epoch', '10');
    expect(await value(w, 'flagRate')).toBeGreaterThan(flagRate);
    expect(await value(w, 'recall')).toBeGreaterThanOrEqual(recall);
    expect([await value(w, 'precision'), await value(w, 'recall')]).not.toEqual([precision, recall]);
    expect(await value(w, 'cost')).not.toBe(cost);
    expect(await value(w, 'recall')).toBeGreaterThan(await value(w, 'chanceRecall'));
    expect(new URL(page.url()).searchParams.get(`${ID}.threshold`)).toBe('0.95');

    // A dearer missed fraud: the same flags, priced again.
    const box = w.getByLabel(TEXT[lang].costFn);
    await box.fill('1000');
    await box.press('Enter');
    const missed = await value(w, 'missed');
    const alarms = await value(w, 'falseAlarms');
    await expect.poll(() => value(w, 'cost')).toBe(missed * 1000 + alarms * 5);
    expect(new URL(page.url()).searchParams.get(`${ID}.costFn`)).toBe('1000');

    // The cost curve, on request.
    await w.getByRole('radio', { name: TEXT[lang].cost, exact: true }).check();
    await expect(w.locator('.chart-caption').nth(1)).toContainText(TEXT[lang].costCaption);
  });
}

test('bad link values are reported, and the defaults stay in force', async ({ page }) => {
  const w = await open(page, 'en', `${ID}.backend=cpu&${ID}.threshold=2&${ID}.bottleneck=abc&${ID}.fraudRate=0`);
  const issues = w.getByTestId('widget-issues');
  await expect(issues).toContainText('threshold="2" was ignored');
  await expect(issues).toContainText('bottleneck="abc" was ignored');
  await expect(issues).toContainText('fraudRate="0" was ignored');
  await expect(result(w, 'threshold')).toHaveAttribute('data-value', '0.98');
  expect(await value(w, 'params')).toBe(560);
});
