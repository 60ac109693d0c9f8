import type { Locator, Page } from '@playwright/test';
import { dpSgdEpsilon } from '../lib/ml/dp-accountant';
import { test, expect, showWidget } from './fixtures';

const ID = 'privacyLab';
const W = `[data-widget="${ID}"]`;

/**
 * Small and quick on tfjs's CPU backend: 1,000 training digits, expected batches of 50 (q = 0.05, 20 steps an epoch),
 * 32 hidden units, 2 epochs = 40 steps, SGD at 2. Measured in Node on the same backend and seed (the widget's unit
 * test and lib/ml/dp-sgd.ts): about 15 ms a step, test accuracy near 77 % at σ = 0.5 and 24 % at σ = 8.
 */
const FAST = `${ID}.backend=cpu&${ID}.trainSize=1000&${ID}.batch=50&${ID}.hidden=32&${ID}.epochs=2&${ID}.lr=2`;
const STEPS = 40;
const Q = 50 / 1000;

/** Opens Chapter 13 with settings in the URL and waits until the lab's session is ready on the CPU backend. */
async function open(page: Page, lang: 'zh' | 'en', query: string) {
  await page.goto(`/${lang}/future/?${query}`);
  await showWidget(page, ID);
  const w = page.locator(W);
  await expect(w).toHaveAttribute('data-backend', 'cpu', { timeout: 60_000 });
  await expect(w).toHaveAttribute('data-status', 'idle', { timeout: 60_000 });
  return w;
}

const result = (w: Locator, name: string) => w.locator(`[data-result="${ID}.${name}"]`);
const value = async (w: Locator, name: string) => Number(await result(w, name).getAttribute('data-value'));

/** Trains the run in place to its epoch target and returns its published accuracy and ε. */
async function trainToEnd(w: Locator) {
  await w.locator('[data-action="play"]').click();
  await expect(w).toHaveAttribute('data-epoch', '2', { timeout: 40_000 });
  await expect(w).toHaveAttribute('data-status', 'paused');
  await expect(result(w, 'steps')).toHaveAttribute('data-value', String(STEPS));
  await expect(result(w, 'accuracy')).not.toHaveAttribute('data-value', '');
  return { accuracy: await value(w, 'accuracy'), epsilon: await value(w, 'epsilon') };
}

const TEXT = {
  en: { train: 'Train', noise: 'Noise multiplier σ', runs: 'Your runs this visit' },
  zh: { train: '开始训练', noise: '噪声乘数 σ', runs: '这次访问里你跑过的实验' },
};

for (const lang of ['en', 'zh'] as const) {
  test(`${lang}: more noise costs accuracy and buys privacy (a smaller ε), and both runs are tabulated`, async ({ page }) => {
    const w = await open(page, lang, `${FAST}&${ID}.noise=0.5`);
    await expect(w.locator('[data-action="play"]')).toContainText(TEXT[lang].train);
    // Before training: nothing spent, the δ of the link, the run's σ and C.
    expect(await value(w, 'epsilon')).toBe(0);
    expect(await value(w, 'delta')).toBe(1e-5);
    expect(await value(w, 'noise')).toBe(0.5);
    expect(await value(w, 'clip')).toBe(1);
    expect(await value(w, 'q')).toBeCloseTo(Q, 12);

    const low = await trainToEnd(w);
    // ε is the accountant's for 40 steps at q = 0.05, σ = 0.5, δ = 1e-5 (about 15.2).
    expect(low.epsilon).toBeCloseTo(dpSgdEpsilon({ q: Q, sigma: 0.5, steps: STEPS, delta: 1e-5 }).epsilon, 9);
    expect(low.accuracy).toBeGreaterThan(0.5);
    const rows = w.getByTestId('runs').locator('tbody tr');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toHaveAttribute('data-noise', '0.5');

    // Much more noise: the settings change rebuilds the model, and the run starts again from step 0.
    await w.getByLabel(TEXT[lang].noise).selectOption('8');
    await expect(w).toHaveAttribute('data-step', '0', { timeout: 30_000 });
    await expect(w).toHaveAttribute('data-status', 'idle', { timeout: 30_000 });
    expect(new URL(page.url()).searchParams.get(`${ID}.noise`)).toBe('8');
    expect(await value(w, 'noise')).toBe(8);

    const high = await trainToEnd(w);
    expect(high.epsilon).toBeCloseTo(dpSgdEpsilon({ q: Q, sigma: 8, steps: STEPS, delta: 1e-5 }).epsilon, 9);
    expect(high.epsilon).toBeLessThan(low.epsilon);
    expect(high.accuracy).toBeLessThan(low.accuracy);
    // Still a trained model, if a poor one: above the 10 % of guessing.
    expect(high.accuracy).toBeGreaterThan(0.1);

    // The table of runs (the chart's text alternative) holds both, the noisy one current; the chart draws both.
    await expect(w.getByText(TEXT[lang].runs)).toBeVisible();
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(1)).toHaveAttribute('data-noise', '8');
    await expect(rows.nth(1)).toHaveAttribute('data-current', '1');
    expect(Number(await rows.nth(1).getAttribute('data-epsilon'))).toBeCloseTo(high.epsilon, 9);
    expect(Number(await rows.nth(0).getAttribute('data-accuracy'))).toBeCloseTo(low.accuracy, 9);
    await expect(w.locator('[data-point="run"]')).toHaveCount(2);
  });
}

test('δ applies live, and a δ that is not below 1/n is flagged', async ({ page }) => {
  const w = await open(page, 'en', `${FAST}&${ID}.noise=1`);
  await expect(w.getByTestId('delta-warning')).toHaveCount(0);
  await w.locator('[data-action="step"]').click();
  await expect(w).toHaveAttribute('data-epoch', '1', { timeout: 30_000 });
  const before = await value(w, 'epsilon');
  await w.getByLabel('Failure probability δ').selectOption('0.001');
  await expect(w).toHaveAttribute('data-tuned', '1');
  await expect(result(w, 'delta')).toHaveAttribute('data-value', '0.001');
  // A looser δ gives a smaller ε for the same 20 steps, with no retraining.
  await expect.poll(() => value(w, 'epsilon')).toBeCloseTo(dpSgdEpsilon({ q: Q, sigma: 1, steps: 20, delta: 1e-3 }).epsilon, 9);
  expect(await value(w, 'epsilon')).toBeLessThan(before);
  expect(await value(w, 'steps')).toBe(20);
  // 0.001 = 1 / 1,000: as weak as publishing a random person's record.
  await expect(w.getByTestId('delta-warning')).toBeVisible();
});

test('σ = 0 trains without privacy: ε is infinite', async ({ page }) => {
  const w = await open(page, 'en', `${FAST}&${ID}.noise=0&${ID}.epochs=1`);
  await w.locator('[data-action="play"]').click();
  await expect(w).toHaveAttribute('data-epoch', '1', { timeout: 30_000 });
  await expect(result(w, 'epsilon')).toHaveAttribute('data-value', 'Infinity');
  await expect(result(w, 'epsilon')).toContainText('∞');
});

test('a batch larger than the training set is refused with the reason', async ({ page }) => {
  await page.goto(`/en/future/?${ID}.backend=cpu&${ID}.trainSize=500&${ID}.batch=1000`);
  await showWidget(page, ID);
  const w = page.locator(W);
  await expect(w.getByTestId('refused')).toContainText('larger than the training set', { timeout: 60_000 });
});
