import { test, expect, scrollToElement } from './fixtures';
import type { Page } from '@playwright/test';

const RACERS = ['sgd', 'momentum', 'rmsprop', 'adagrad', 'adam', 'adamw'];

async function openRace(page: Page, query: string, lang = 'en') {
  await page.goto(`/${lang}/loss-and-optimizers/?${query}#optimizer-race`);
  const w = page.locator('[data-widget="optimizerRace"]');
  await expect(w).toHaveAttribute('data-url-state', 'applied');
  await scrollToElement(page, '[data-widget="optimizerRace"]');
  await expect(w).toHaveAttribute('data-backend', /\w/, { timeout: 60_000 });
  await expect(w).toHaveAttribute('data-status', 'idle', { timeout: 60_000 });
  return w;
}

for (const [backend, lang] of [
  ['cpu', 'zh'],
  ['webgl', 'en'],
] as const) {
  test(`the optimizer race runs on ${backend} (${lang}): all six start together and go downhill`, async ({ page }) => {
    const w = await openRace(page, `optimizerRace.backend=${backend}&optimizerRace.pace=fast&optimizerRace.steps=60`, lang);
    await expect(w).toHaveAttribute('data-backend', backend);
    await w.locator('[data-action="play"]').click();
    await expect(w).toHaveAttribute('data-step', '60', { timeout: 60_000 });
    await expect(w).toHaveAttribute('data-status', 'paused');
    await expect(w.locator('[data-result="optimizerRace.step"]')).toHaveAttribute('data-value', '60');
    // Ravine: f(−4.5, 2) = 0.1·20.25 + 2·4 = 10.025 at the start (hand computation); each racer's f must be below it.
    for (const r of RACERS) {
      const loss = Number(await w.locator(`[data-result="optimizerRace.loss.${r}"]`).getAttribute('data-value'));
      expect(loss, r).toBeLessThan(10.025);
      expect(loss, r).toBeGreaterThanOrEqual(0);
    }
    // Every path is drawn on the map.
    await expect(w.locator('[data-testid="race-map"] g[data-racer] path')).toHaveCount(6);
  });
}

test('a shared race restores its surface, racers and hyper-parameters, and says AdamW is the book’s own', async ({ page }) => {
  const w = await openRace(page, 'optimizerRace.backend=cpu&optimizerRace.surface=rosenbrock&optimizerRace.sgd=0&optimizerRace.adamLr=0.1');
  await expect(w.getByRole('radio', { name: 'Rosenbrock' })).toBeChecked();
  await expect(w.locator('tbody tr[data-racer]')).toHaveCount(5);
  await expect(w.locator('tbody tr[data-racer="sgd"]')).toHaveCount(0);
  await expect(w.locator('select[name="adamLr"]')).toHaveValue('0.1');
  await expect(w).toContainText('has no AdamW');
});

test('clicking the map restarts the race from that point', async ({ page }) => {
  const w = await openRace(page, 'optimizerRace.backend=cpu');
  const map = w.locator('[data-testid="race-map"]');
  const box = (await map.boundingBox())!;
  // The ravine's window is x ∈ [−5, 5], y ∈ [−3, 3]: the centre of the right half is near (2.5, 0).
  await page.mouse.click(box.x + box.width * 0.75, box.y + box.height * 0.5);
  await expect.poll(() => new URL(page.url()).searchParams.get('optimizerRace.customStart')).toBe('1');
  const x0 = Number(new URL(page.url()).searchParams.get('optimizerRace.x0'));
  expect(x0).toBeGreaterThan(2);
  expect(x0).toBeLessThan(3);
  // The status may still read idle from before the restart reached the worker: wait for the new start instead.
  const adamX = async () => Number((await w.locator('[data-result="optimizerRace.position.adam"]').getAttribute('data-value'))!.split(',')[0]);
  await expect.poll(adamX, { timeout: 30_000 }).toBeCloseTo(x0, 1);
  await expect(w).toHaveAttribute('data-status', 'idle', { timeout: 30_000 });
});

test('the pace and the number of steps apply to the running race without a restart', async ({ page }) => {
  const w = await openRace(page, 'optimizerRace.backend=cpu&optimizerRace.pace=slow&optimizerRace.steps=400');
  await w.locator('[data-action="play"]').click();
  await expect.poll(async () => Number(await w.getAttribute('data-step')), { timeout: 30_000 }).toBeGreaterThan(10);
  await w.getByRole('radio', { name: /As fast as it goes/ }).check();
  await expect(w).toHaveAttribute('data-tuned', '1');
  await expect(w).toHaveAttribute('data-step', '400', { timeout: 60_000 });
});
