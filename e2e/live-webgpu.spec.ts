import { test, expect, scrollToElement, showWidget } from './fixtures';
import { BASE_ARGS, findChromium } from '../scripts/chromium.mjs';

// WebGPU without a GPU: SwiftShader, with exactly these flags (ARCHITECTURE.md, known pitfalls).
test.use({
  launchOptions: {
    executablePath: findChromium() ?? undefined,
    args: [...BASE_ARGS, '--enable-unsafe-webgpu', '--enable-features=Vulkan', '--use-vulkan=swiftshader', '--use-angle=swiftshader', '--use-webgpu-adapter=swiftshader'],
  },
});

test('the playground trains on WebGPU (SwiftShader) and the loss falls', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/en/neural-networks/?playground.backend=webgpu&playground.optimizer=adam&playground.lr=0.03&playground.layers=8,8#playground');
  const w = page.locator('[data-widget="playground"]');
  // The backend really is WebGPU: nothing fell back silently.
  await expect(w).toHaveAttribute('data-backend', 'webgpu', { timeout: 90_000 });
  await expect(w).toHaveAttribute('data-status', 'idle', { timeout: 60_000 });
  await expect(w.locator('[data-testid="backend-badge"]')).toContainText('WebGPU');
  await expect(w.locator('[data-result="playground.testLoss"]')).toHaveAttribute('data-value', /\d/, { timeout: 60_000 });
  const before = Number(await w.locator('[data-result="playground.testLoss"]').getAttribute('data-value'));
  await w.locator('[data-action="play"]').click();
  await expect.poll(async () => Number(await w.getAttribute('data-step')), { timeout: 90_000 }).toBeGreaterThanOrEqual(30);
  await w.locator('[data-action="pause"]').click();
  await expect(w).toHaveAttribute('data-status', 'paused');
  const after = Number(await w.locator('[data-result="playground.testLoss"]').getAttribute('data-value'));
  expect(after).toBeLessThan(before);
});

test.describe('when the GPU device is lost', () => {
  // Destroying the device rejects the read-backs tfjs had in flight; the page reports them, as it should.
  test.use({ expectedErrors: /mapAsync|[Dd]evice (is |was )?(lost|destroyed)|Instance reference/ });

  test('a GPU device destroyed mid-run: training carries on on another backend, and the badge says why', async ({ page }) => {
    test.setTimeout(180_000);
    const worker = page.waitForEvent('worker');
    await page.goto('/en/neural-networks/?playground.backend=webgpu&playground.optimizer=adam&playground.lr=0.03#playground');
    const w = page.locator('[data-widget="playground"]');
    await expect(w).toHaveAttribute('data-backend', 'webgpu', { timeout: 90_000 });
    await expect(w).toHaveAttribute('data-status', 'idle', { timeout: 60_000 });
    await w.locator('[data-action="play"]').click();
    const step = async () => Number(await w.getAttribute('data-step'));
    await expect.poll(step, { timeout: 90_000 }).toBeGreaterThanOrEqual(20);
    // Let a snapshot of the weights be read back (at most once a second), then pull the device out from under tfjs.
    await page.waitForTimeout(2_500);
    const lostAt = await step();
    await (await worker).evaluate(() => {
      const engine = (globalThis as unknown as { _tfengine: { backendInstance: { device: { destroy(): void } } } })._tfengine;
      engine.backendInstance.device.destroy();
    });
    await expect(w).not.toHaveAttribute('data-backend', 'webgpu', { timeout: 90_000 });
    await expect(w.locator('[data-testid="backend-notice"]')).toContainText('lost');
    await expect(w.locator('[data-testid="backend-badge"]')).toContainText('WebGPU');
    // It carries on training, from the weights read back shortly before, not from step 0.
    await expect(w).toHaveAttribute('data-status', 'training', { timeout: 60_000 });
    await expect.poll(step, { timeout: 60_000 }).toBeGreaterThan(lostAt);
    const notice = await w.locator('[data-testid="backend-notice"]').innerText();
    expect(Number(/from step (\d+)/.exec(notice)?.[1])).toBeGreaterThan(0);
    await w.locator('[data-action="pause"]').click();
  });
});

test('the optimizer race runs on WebGPU (SwiftShader): every optimizer goes downhill', async ({ page }) => {
  test.setTimeout(150_000);
  await page.goto('/en/loss-and-optimizers/?optimizerRace.backend=webgpu&optimizerRace.pace=fast&optimizerRace.steps=40#optimizer-race');
  const w = page.locator('[data-widget="optimizerRace"]');
  await scrollToElement(page, '[data-widget="optimizerRace"]');
  await expect(w).toHaveAttribute('data-backend', 'webgpu', { timeout: 90_000 });
  await expect(w).toHaveAttribute('data-status', 'idle', { timeout: 60_000 });
  await w.locator('[data-action="play"]').click();
  await expect(w).toHaveAttribute('data-step', '40', { timeout: 90_000 });
  await expect(w).toHaveAttribute('data-status', 'paused');
  // Ravine: f(−4.5, 2) = 0.1·20.25 + 2·4 = 10.025 at the start (hand computation).
  for (const r of ['sgd', 'momentum', 'rmsprop', 'adagrad', 'adam', 'adamw']) {
    expect(Number(await w.locator(`[data-result="optimizerRace.loss.${r}"]`).getAttribute('data-value')), r).toBeLessThan(10.025);
  }
});

// Without the LSTM rival: the backend is what is tested here (e2e/tiny-gpt.spec.ts races the two on cpu).
test('TinyGPT trains on WebGPU (SwiftShader): the backend holds and the loss falls', async ({ page }) => {
  test.setTimeout(240_000);
  const ID = 'tinyGpt';
  await page.goto(`/en/transformers/?${ID}.backend=webgpu&${ID}.baseline=0&${ID}.layers=1&${ID}.width=16&${ID}.heads=2&${ID}.context=16&${ID}.batch=4&${ID}.lr=0.01&${ID}.steps=50`);
  await showWidget(page, ID);
  const w = page.locator(`[data-widget="${ID}"]`);
  await expect(w).toHaveAttribute('data-backend', 'webgpu', { timeout: 90_000 });
  await expect(w).toHaveAttribute('data-status', 'idle', { timeout: 90_000 });
  const val = w.locator(`[data-result="${ID}.valLoss"]`);
  await expect(val).toHaveAttribute('data-value', /\d/, { timeout: 60_000 });
  const start = Number(await val.getAttribute('data-value'));
  await w.locator('[data-action="play"]').click();
  await expect(w).toHaveAttribute('data-step', '50', { timeout: 200_000 });
  await expect(w).toHaveAttribute('data-status', 'paused');
  await expect(w).toHaveAttribute('data-backend', 'webgpu');
  expect(Number(await w.locator(`[data-result="${ID}.loss"]`).getAttribute('data-value'))).toBeLessThan(start - 0.3);
});

test('the fused WebGPU kernels give the numbers of the tensor ops they replace: every optimizer, both losses', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/bench/');
  const check = page.locator('[data-check-state]');
  await check.getByRole('button', { name: /fused WebGPU kernels/ }).click();
  await expect(check).toHaveAttribute('data-check-state', 'done', { timeout: 100_000 });
  expect(await check.getAttribute('data-check-error')).toBeNull();
  const gaps = JSON.parse((await check.getAttribute('data-check-gaps')) ?? '{}') as Record<string, number>;
  // Five optimizers after 30 steps (weights of order 1) and the two loss gradients (of order 1/16).
  expect(Object.keys(gaps).sort()).toEqual(['adam', 'adamw', 'loss-sigmoid', 'loss-softmax', 'momentum', 'rmsprop', 'sgd']);
  for (const [name, gap] of Object.entries(gaps)) expect(gap, name).toBeLessThan(name.startsWith('loss') ? 1e-6 : 1e-5);
});
