import type { Locator, Page } from '@playwright/test';
import { test, expect, showWidget } from './fixtures';

const ID = 'overfitLab';
const W = `[data-widget="${ID}"]`;

/**
 * Small and fast on tfjs's CPU backend: 100 training digits in batches of 32 (3 steps an epoch), 64 hidden units,
 * Adam at 0.01. Measured in Node on the same backend and seed (lib/widgets/overfit-lab.test.ts uses the same file): the
 * training loss is 0.15 by epoch 4 while the validation loss bottoms out near 0.95 there and then climbs, so early
 * stopping with a patience of 1 stops after epoch 5. About 0.3 s an epoch, both sets measured.
 */
const FAST = `${ID}.backend=cpu&${ID}.trainSize=100&${ID}.hidden=64&${ID}.lr=0.01`;

/** Opens the chapter with settings in the URL and waits until the lab's session is ready on the CPU backend. */
async function open(page: Page, lang: 'zh' | 'en', query: string) {
  await page.goto(`/${lang}/training-pipeline/?${query}`);
  await showWidget(page, ID);
  const w = page.locator(W);
  await expect(w).toHaveAttribute('data-backend', 'cpu', { timeout: 60_000 });
  await expect(w).toHaveAttribute('data-status', 'idle', { timeout: 60_000 });
  return w;
}

const result = (w: Locator, name: string) => w.locator(`[data-result="${ID}.${name}"]`);
const value = async (w: Locator, name: string) => Number(await result(w, name).getAttribute('data-value'));
const epoch = async (w: Locator) => Number(await w.getAttribute('data-epoch'));

const TEXT = {
  en: { train: 'Train', stopped: 'early stopping would stop after epoch', accuracy: 'Accuracy', accuracyCaption: 'accuracy' },
  zh: { train: '开始训练', stopped: '早停会在第', accuracy: '准确率', accuracyCaption: '准确率' },
};

for (const lang of ['en', 'zh'] as const) {
  test(`${lang}: a small training set and a large model part the curves, and early stopping is marked`, async ({ page }) => {
    const w = await open(page, lang, `${FAST}&${ID}.epochs=8&${ID}.patience=1`);
    // 784·64 + 64 + 64·10 + 10 = 50,890 parameters (hand count)
    expect(await value(w, 'params')).toBe(50_890);
    await expect(result(w, 'stopEpoch')).toHaveAttribute('data-value', '');
    await expect(w.locator('[data-action="play"]')).toContainText(TEXT[lang].train);
    await w.locator('[data-action="play"]').click();
    await expect(w).toHaveAttribute('data-epoch', '8', { timeout: 45_000 });
    await expect(w).toHaveAttribute('data-status', 'paused');
    await expect(result(w, 'epoch')).toHaveAttribute('data-value', '8');
    const trainLoss = await value(w, 'trainLoss');
    const valLoss = await value(w, 'valLoss');
    expect(trainLoss).toBeGreaterThan(0);
    expect(trainLoss).toBeLessThan(valLoss);
    expect(await value(w, 'gap')).toBeCloseTo(valLoss - trainLoss, 6);
    expect(await value(w, 'trainAccuracy')).toBeGreaterThan(await value(w, 'valAccuracy'));
    // One point per epoch on each curve, the gap shaded between them.
    await expect(w.locator('[data-point="train"]')).toHaveCount(8);
    await expect(w.locator('[data-point="val"]')).toHaveCount(8);
    await expect(w.getByTestId('gap-band')).toHaveCount(1);
    // With a patience of 1, training stops after the first epoch that is no better than the best.
    const best = await value(w, 'bestEpoch');
    const stop = await value(w, 'stopEpoch');
    expect(best).toBeGreaterThanOrEqual(1);
    expect(stop).toBe(best + 1);
    await expect(w.getByTestId('stop-marker')).toHaveAttribute('data-epoch', String(stop));
    await expect(w.getByTestId('best-marker')).toHaveAttribute('data-epoch', String(best));
    await expect(w.getByTestId('stopping-reading')).toContainText(TEXT[lang].stopped);
    // The chart's text alternative holds every epoch.
    await expect(w.locator('details.chart-table tbody tr')).toHaveCount(8);
    // The accuracy curves, on request.
    await w.getByRole('radio', { name: TEXT[lang].accuracy, exact: true }).check();
    await expect(w.locator('.chart-caption')).toContainText(TEXT[lang].accuracyCaption);
    await expect(w.locator('[data-point="val"]')).toHaveCount(8);
  });
}

test('learning rate and L2 apply to the running model without resetting the epochs; patience only moves the marker', async ({ page }) => {
  const w = await open(page, 'en', `${FAST}&${ID}.hidden=16&${ID}.epochs=60&${ID}.lr=0.003`);
  await w.locator('[data-action="play"]').click();
  await expect.poll(() => epoch(w), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
  const before = await epoch(w);
  await w.getByLabel('Learning rate (Adam)').selectOption('0.0003');
  await expect(w).toHaveAttribute('data-tuned', '1');
  await w.getByLabel('L2 penalty λ').selectOption('0.001');
  await expect(w).toHaveAttribute('data-tuned', '2');
  await expect(w).toHaveAttribute('data-status', 'training');
  expect(await epoch(w)).toBeGreaterThanOrEqual(before);
  await expect.poll(() => epoch(w), { timeout: 30_000 }).toBeGreaterThanOrEqual(before + 2);
  await w.locator('[data-action="pause"]').click();
  await expect(w).toHaveAttribute('data-status', 'paused');
  expect(new URL(page.url()).searchParams.get(`${ID}.lr`)).toBe('0.0003');
  expect(new URL(page.url()).searchParams.get(`${ID}.l2`)).toBe('0.001');
  // Patience 10: the same curve, read again; nothing is retrained.
  const at = await epoch(w);
  const points = await w.locator('[data-point="val"]').count();
  const patience = w.getByLabel('Patience (epochs)');
  await patience.focus();
  await page.keyboard.press('End');
  await expect(w).toHaveAttribute('data-tuned', '3');
  expect(await epoch(w)).toBe(at);
  await expect(w.locator('[data-point="val"]')).toHaveCount(points);
  const best = await value(w, 'bestEpoch');
  const stop = await result(w, 'stopEpoch').getAttribute('data-value');
  expect(stop === '' || Number(stop) === best + 10, `stop ${stop}, best ${best}`).toBe(true);
  expect(new URL(page.url()).searchParams.get(`${ID}.patience`)).toBe('10');
});

test('bad link values are reported, and the defaults stay in force', async ({ page }) => {
  const w = await open(page, 'en', `${ID}.backend=cpu&${ID}.trainSize=99999&${ID}.hidden=abc&${ID}.dropout=0.9&${ID}.epochs=2.5&${ID}.nope=1`);
  const issues = w.getByTestId('widget-issues');
  await expect(issues).toContainText('trainSize="99999" was ignored');
  await expect(issues).toContainText('between 50 and 5,000');
  await expect(issues).toContainText('hidden="abc" was ignored');
  await expect(issues).toContainText('dropout="0.9" was ignored');
  await expect(issues).toContainText('epochs="2.5" was ignored');
  await expect(issues).toContainText('"nope" does not exist');
  await expect(w.locator('[data-control="trainSize"] output')).toHaveText('250 digits'); // the chapter's default (<OverfitLab trainSize={250} />)
  await expect(w.locator('[data-control="hidden"] output')).toHaveText('256');
  // 784·256 + 256 + 256·10 + 10 = 203,530 parameters: the default model (hand count)
  expect(await value(w, 'params')).toBe(203_530);
});

test('zh: a bad link value is explained in Chinese', async ({ page }) => {
  const w = await open(page, 'zh', `${ID}.backend=cpu&${ID}.patience=0`);
  await expect(w.getByTestId('widget-issues')).toContainText('未被采用');
  await expect(w.getByTestId('stopping-reading')).toContainText('开始训练后');
});
