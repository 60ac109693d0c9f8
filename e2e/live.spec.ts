import { test, expect, scrollToElement } from './fixtures';
import type { Locator, Page } from '@playwright/test';

const PG = '[data-widget="playground"]';

/** Opens the playground with settings in the URL and waits until its session is ready on a backend. */
async function openPlayground(page: Page, query: string, lang = 'en') {
  await page.goto(`/${lang}/neural-networks/?${query}#playground`);
  const w = page.locator(PG);
  await expect(w).toHaveAttribute('data-url-state', 'applied');
  // The session starts when the widget nears the viewport; make sure it is on screen whatever the layout did.
  await scrollToElement(page, PG);
  // A backend is chosen (shaders are compiled ahead on GPU backends), then the session is idle, ready to train.
  await expect(w).toHaveAttribute('data-backend', /\w/, { timeout: 60_000 });
  await expect(w).toHaveAttribute('data-status', 'idle', { timeout: 60_000 });
  // The first frame (held-out loss, decision boundary) has arrived.
  await expect(w.locator('[data-result="playground.testLoss"]')).toHaveAttribute('data-value', /\d/, { timeout: 45_000 });
  return w;
}

const num = async (w: Locator, key: string) => Number(await w.locator(`[data-result="playground.${key}"]`).getAttribute('data-value'));

async function trainAndCheckLossFalls(w: Locator, minSteps = 60) {
  const before = await num(w, 'testLoss');
  expect(before).toBeGreaterThan(0);
  await w.locator('[data-action="play"]').click();
  await expect(w).toHaveAttribute('data-status', 'training');
  await expect.poll(async () => Number(await w.getAttribute('data-step')), { timeout: 45_000 }).toBeGreaterThanOrEqual(minSteps);
  await w.locator('[data-action="pause"]').click();
  await expect(w).toHaveAttribute('data-status', 'paused');
  const after = await num(w, 'testLoss');
  expect(after).toBeLessThan(before);
  // The loss on the widget's root is a plain number, kept current.
  expect(Number(await w.getAttribute('data-loss'))).toBeGreaterThan(0);
}

for (const backend of ['webgl', 'wasm', 'cpu'] as const) {
  test(`the playground trains on ${backend}: the loss falls and the badge names the backend`, async ({ page }) => {
    const w = await openPlayground(page, `playground.backend=${backend}&playground.optimizer=adam&playground.lr=0.03&playground.layers=8,8`);
    await expect(w).toHaveAttribute('data-backend', backend);
    await expect(w.locator('[data-testid="backend-badge"]')).toHaveAttribute('data-backend', backend);
    await trainAndCheckLossFalls(w);
  });
}

test.describe('without navigator.gpu', () => {
  test('the automatic choice times the model on WebGL, WASM and CPU, keeps the fastest and says why', async ({ page }) => {
    await page.addInitScript(() => {
      delete (Navigator.prototype as unknown as { gpu?: unknown }).gpu;
    });
    const w = await openPlayground(page, 'playground.optimizer=adam');
    expect(await page.evaluate(() => 'gpu' in navigator)).toBe(false);
    const badge = w.locator('[data-testid="backend-badge"]');
    await expect(badge).toContainText('navigator.gpu');
    // "webgl:3.10 wasm:0.412 cpu:0.350", fastest first: every backend that runs here was timed on this model.
    const measured = ((await badge.getAttribute('data-measured')) ?? '').split(' ').map((x) => x.split(':'));
    expect(measured.map(([name]) => name).sort()).toEqual(['cpu', 'wasm', 'webgl']);
    const ms = measured.map(([, v]) => Number(v));
    expect(ms).toEqual([...ms].sort((a, b) => a - b));
    expect(ms.every((v) => v > 0)).toBe(true);
    await expect(w).toHaveAttribute('data-backend', measured[0]![0]!);
    await expect(badge).toContainText(/faster than .*ms a step against/);
    await expect(badge).toContainText('Timed on each:');
    await trainAndCheckLossFalls(w);
  });
});

test('a permalink restores data set, layers, learning rate and seed', async ({ page }) => {
  const w = await openPlayground(page, 'playground.dataset=spiral&playground.layers=8,8,4&playground.lr=0.1&playground.seed=42&playground.backend=cpu');
  await expect(w.getByRole('radio', { name: 'Spiral' })).toBeChecked();
  await expect(w.locator('.layer-units')).toHaveText(['8', '8', '4']);
  await expect(w.getByLabel('Learning rate')).toHaveValue('0.1');
  await expect(w.getByLabel('Random seed')).toHaveValue('42');
  // 2→8→8→4→1 with biases: 24 + 72 + 36 + 5 = 137 parameters (hand count).
  await expect(w.locator('.widget-note', { hasText: 'parameters' })).toContainText('137');
});

test('a learning-rate change mid-run applies at the next step and keeps the step count', async ({ page }) => {
  const w = await openPlayground(page, 'playground.backend=cpu&playground.lr=0.003');
  await w.locator('[data-action="play"]').click();
  const step = async () => Number(await w.getAttribute('data-step'));
  await expect.poll(step, { timeout: 30_000 }).toBeGreaterThanOrEqual(100);
  const before = await step();
  await w.getByLabel('Learning rate').selectOption('0.1');
  // Applied to the running model, not rebuilt: the session acknowledges it and the count goes on from where it was.
  await expect(w).toHaveAttribute('data-tuned', '1');
  await expect(w).toHaveAttribute('data-status', 'training');
  expect(await step()).toBeGreaterThanOrEqual(before);
  await expect.poll(step, { timeout: 30_000 }).toBeGreaterThan(before + 50);
  await w.locator('[data-action="pause"]').click();
  // The control shows the value in force, and the address carries it.
  await expect(w.getByLabel('Learning rate')).toHaveValue('0.1');
  expect(new URL(page.url()).searchParams.get('playground.lr')).toBe('0.1');
});

test('a batch size from a link beyond the slider’s old reach is shown as it is', async ({ page }) => {
  const w = await openPlayground(page, 'playground.backend=cpu&playground.batch=200');
  await expect(w.locator('[data-control="batch"] output')).toHaveText('200');
  await expect(w.locator('[data-testid="widget-issues"]')).toHaveCount(0);
});

test('a learning rate of 10 ends in the divergence message, not NaN', async ({ page }) => {
  const w = await openPlayground(page, 'playground.lr=10&playground.backend=cpu&playground.activation=relu&playground.layers=16,16,16&playground.batch=10');
  await w.locator('[data-action="play"]').click();
  await expect(w).toHaveAttribute('data-status', 'diverged', { timeout: 30_000 });
  await expect(w.locator('[data-testid="diverged"]')).toContainText(/diverged/i);
  await expect(w.locator('[data-action="play"]')).toBeDisabled();
  expect(await w.innerText()).not.toMatch(/NaN|Infinity/);
  // Reset brings it back.
  await w.locator('[data-action="reset"]').click();
  await expect(w).toHaveAttribute('data-status', 'idle', { timeout: 30_000 });
  await expect(w.locator('[data-testid="diverged"]')).toHaveCount(0);
});

test('a model over the caps is refused with the reason', async ({ page }) => {
  await page.goto('/en/neural-networks/?playground.layers=8,200&playground.backend=cpu#playground');
  const w = page.locator(PG);
  await expect(w).toHaveAttribute('data-url-state', 'applied');
  await expect(w.locator('[data-testid="widget-issues"]')).toContainText('layers');
  await expect(w.locator('.layer-units')).toHaveText(['4', '2']);
  await expect(w.locator('.control-hint', { hasText: '64' })).toBeVisible();
});

test('the Quantization Lab trains a model and reports accuracy at 8 and 4 bits', async ({ page }) => {
  await page.goto('/en/deployment/?quantLab.backend=cpu&quantLab.steps=150#quantization-lab');
  const w = page.locator('[data-widget="quantLab"]');
  await expect(w).toHaveAttribute('data-backend', 'cpu', { timeout: 60_000 });
  await expect(w).toHaveAttribute('data-status', 'idle', { timeout: 60_000 });
  await w.locator('[data-action="play"]').click();
  await expect(w).toHaveAttribute('data-trained', '1', { timeout: 90_000 });
  const acc = async (k: string) => Number(await w.locator(`[data-result="quantLab.${k}"]`).getAttribute('data-value'));
  await expect(w.locator('[data-result="quantLab.accuracy4"]')).toHaveAttribute('data-value', /\d/, { timeout: 60_000 });
  const float = await acc('floatAccuracy');
  expect(float).toBeGreaterThan(0.7);
  // int8 per channel stays within a point of float32; 4 bits within a few.
  expect(Math.abs((await acc('accuracy8')) - float)).toBeLessThanOrEqual(0.01);
  expect(await acc('accuracy4')).toBeGreaterThan(float - 0.05);
  // Exact size of the default setting (int8 symmetric per channel): 784·64 + 64·10 codes, a float32 scale per
  // output channel (64 + 10), biases in float32 (64 + 10): 50,816 + 296 + 296 = 51,408 bytes.
  await expect(w.locator('[data-result="quantLab.bytes"]')).toHaveAttribute('data-value', '51408');
});

test('TensorFlow.js stays out of the page’s own JavaScript; it loads in the training worker', async ({ page }) => {
  await page.goto('/en/neural-networks/');
  await page.waitForLoadState('networkidle');
  const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /\.js(\?|#|$)/.test(n)));
  expect(scripts.length).toBeGreaterThan(3);
  for (const src of scripts) {
    const body = await (await page.request.get(src)).text();
    // Markers of tfjs-core and tfjs-layers in a bundle.
    expect(/WEBGL_VERSION|kernelRegularizer|Conv2DBackpropFilter/.test(body), src).toBe(false);
  }
});
