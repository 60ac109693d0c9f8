import { test, expect, showWidget } from './fixtures';
import { BASE_ARGS, findChromium } from '../scripts/chromium.mjs';

/**
 * The labs of Chapters 7 and 13 on the GPU backends (SwiftShader here), one lab per backend to keep CI short; each
 * lab's own spec trains it on cpu in both editions. Measured once for all five on both backends (2026-12-06, 2 cores):
 * every one trained on webgl and webgpu with the same quality as on cpu.
 */
test.use({
  launchOptions: {
    executablePath: findChromium() ?? undefined,
    // WebGPU without a GPU: SwiftShader, with exactly these flags (ARCHITECTURE.md, known pitfalls).
    args: [...BASE_ARGS, '--enable-unsafe-webgpu', '--enable-features=Vulkan', '--use-vulkan=swiftshader', '--use-angle=swiftshader', '--use-webgpu-adapter=swiftshader'],
  },
});

async function train(page: import('@playwright/test').Page, id: string, slug: string, backend: string, query: string) {
  await page.goto(`/en/${slug}/?${id}.backend=${backend}&${query}`);
  await showWidget(page, id);
  const w = page.locator(`[data-widget="${id}"]`);
  await expect(w).toHaveAttribute('data-backend', backend, { timeout: 90_000 });
  await expect(w).toHaveAttribute('data-status', 'idle', { timeout: 90_000 });
  await w.locator('[data-action="play"]').click();
  await expect(w).toHaveAttribute('data-status', 'paused', { timeout: 120_000 });
  await expect(w).toHaveAttribute('data-backend', backend);
  return async (name: string) => Number(await w.locator(`[data-result="${id}.${name}"]`).first().getAttribute('data-value'));
}

test('the intent classifier trains on WebGPU and beats the majority class on its held-out messages', async ({ page }) => {
  test.setTimeout(180_000);
  const value = await train(page, 'intentClassifier', 'applications', 'webgpu', 'intentClassifier.epochs=10');
  expect(await value('accuracy')).toBeGreaterThan((await value('majority')) + 0.3);
});

test('DP-SGD trains on WebGL: accuracy well above chance, and ε spent', async ({ page }) => {
  test.setTimeout(180_000);
  const q = ['trainSize=1000', 'batch=50', 'hidden=32', 'epochs=2', 'lr=2'].map((kv) => `privacyLab.${kv}`).join('&');
  const value = await train(page, 'privacyLab', 'future', 'webgl', q);
  expect(await value('accuracy')).toBeGreaterThan(0.4);
  const epsilon = await value('epsilon');
  expect(epsilon).toBeGreaterThan(0);
  expect(Number.isFinite(epsilon)).toBe(true);
});
