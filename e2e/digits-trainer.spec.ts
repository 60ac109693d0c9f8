import type { Locator, Page } from '@playwright/test';
import { test, expect, showWidget } from './fixtures';

const ID = 'digitsTrainer';

/** Opens Chapter 4 at the trainer with a query, and waits until the widget has its backend and is ready to train. */
async function open(page: Page, lang: 'zh' | 'en', query: string, backend: string | RegExp = 'cpu') {
  await page.goto(`/${lang}/training-pipeline/?${query}#digits-trainer`);
  await showWidget(page, ID);
  const w = page.locator(`[data-widget="${ID}"]`);
  await expect(w).toHaveAttribute('data-backend', backend, { timeout: 60_000 });
  await expect(w).toHaveAttribute('data-status', 'idle', { timeout: 60_000 });
  return w;
}

const result = (w: Locator, name: string) => w.locator(`[data-result="${ID}.${name}"]`);
const value = async (w: Locator, name: string) => Number(await result(w, name).first().getAttribute('data-value'));

/** The confusion matrix as drawn, from its cells' data-row / data-col / data-value. */
async function confusion(w: Locator): Promise<number[][]> {
  const cells = await result(w, 'confusion').evaluateAll((els) => els.map((e) => [Number(e.getAttribute('data-row')), Number(e.getAttribute('data-col')), Number(e.getAttribute('data-value'))]));
  const m: number[][] = [];
  for (const [i, j, v] of cells) (m[i!] ??= [])[j!] = v!;
  return m;
}

/** Draws strokes on the pad with the mouse; points are in [0, 1] of the pad's side. */
async function draw(page: Page, w: Locator, strokes: [number, number][][]) {
  const pad = w.locator('canvas[data-pad]');
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  for (const stroke of strokes) {
    const [x0, y0] = stroke[0]!;
    await page.mouse.move(box.x + x0 * box.width, box.y + y0 * box.height);
    await page.mouse.down();
    for (const [x, y] of stroke.slice(1)) await page.mouse.move(box.x + x * box.width, box.y + y * box.height, { steps: 8 });
    await page.mouse.up();
  }
}

/** A "1": one slightly slanted downstroke. A "7": a bar across the top, then a long diagonal down to the left. */
const ONE: [number, number][][] = [
  [
    [0.55, 0.15],
    [0.5, 0.85],
  ],
];
const SEVEN: [number, number][][] = [
  [
    [0.25, 0.2],
    [0.75, 0.2],
    [0.45, 0.85],
  ],
];

test.describe('DigitsTrainer (en)', () => {
  test('the MLP trains on cpu to over 90% test accuracy; the matrix, the metrics and a drawn 1 and 7 agree', async ({ page }) => {
    test.setTimeout(180_000);
    const w = await open(page, 'en', `${ID}.backend=cpu&${ID}.epochs=2&${ID}.hidden=128`);
    await w.locator('[data-action="play"]').click();
    // Two epochs of 94 steps; training stops by itself.
    await expect(w).toHaveAttribute('data-status', 'paused', { timeout: 120_000 });
    await expect.poll(() => value(w, 'epoch'), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    await expect.poll(async () => (await confusion(w)).flat().reduce((s, x) => s + x, 0), { timeout: 30_000 }).toBe(1000);
    const acc = await value(w, 'testAccuracy');
    expect(acc).toBeGreaterThan(0.9);

    // The matrix holds the 1,000 test digits; its diagonal is the accuracy printed above it.
    const m = await confusion(w);
    expect(m).toHaveLength(10);
    const diagonal = m.reduce((s, row, i) => s + row[i]!, 0);
    expect(diagonal / 1000).toBeCloseTo(acc, 6);
    // Per-class recall is the diagonal over the row; precision the diagonal over the column.
    for (let d = 0; d < 10; d++) {
      const row = m[d]!.reduce((s, x) => s + x, 0);
      const col = m.reduce((s, r) => s + r[d]!, 0);
      const recall = Number(await result(w, 'recall').nth(d).getAttribute('data-value'));
      const precision = Number(await result(w, 'precision').nth(d).getAttribute('data-value'));
      expect(recall).toBeCloseTo(m[d]![d]! / row, 6);
      expect(precision).toBeCloseTo(col ? m[d]![d]! / col : 0, 6);
    }
    expect(await value(w, 'params')).toBe(784 * 128 + 128 + 128 * 10 + 10);

    // The largest off-diagonal cell opens its misclassified digits.
    let worst = { i: 0, j: 1, n: -1 };
    m.forEach((row, i) => row.forEach((n, j) => i !== j && n > worst.n && (worst = { i, j, n })));
    expect(worst.n).toBeGreaterThan(0);
    await w.locator(`[data-result="${ID}.confusion"][data-row="${worst.i}"][data-col="${worst.j}"]`).click();
    await expect(w.locator(`[data-examples="${worst.i},${worst.j}"]`)).toBeVisible();
    await expect(result(w, 'examples')).toHaveAttribute('data-value', String(Math.min(24, worst.n)));
    await expect(result(w, 'examples').locator('canvas')).toHaveCount(Math.min(24, worst.n));

    // The keyboard moves the selection and Enter opens the cell.
    const grid = w.locator('[data-matrix="confusion"]');
    await grid.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(w.locator(`[data-examples^="${Math.min(worst.i + 1, 9)},"]`)).toBeVisible();

    // Written digits, prepared as MNIST was, are read correctly.
    await draw(page, w, ONE);
    await expect(result(w, 'guess')).toHaveAttribute('data-value', '1', { timeout: 15_000 });
    const probs = await result(w, 'probability').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));
    expect(probs).toHaveLength(10);
    expect(Math.abs(probs.reduce((s, p) => s + p, 0) - 1)).toBeLessThan(1e-4);
    await w.locator('[data-action="clear-pad"]').click();
    await expect(result(w, 'guess')).toHaveCount(0);
    await draw(page, w, SEVEN);
    await expect(result(w, 'guess')).toHaveAttribute('data-value', '7', { timeout: 15_000 });

    // The trained MLP is kept in this browser, and Chapter 6's Quantization Lab compresses that very model: its
    // float32 accuracy on the same 1,000 test digits is the accuracy measured here, without retraining.
    await expect(w).toHaveAttribute('data-stored', /^\d+$/, { timeout: 30_000 });
    const storedStep = Number(await w.getAttribute('data-stored'));
    await page.goto('/en/deployment/?quantLab.source=digits&quantLab.backend=cpu#quantization-lab');
    const q = page.locator('[data-widget="quantLab"]');
    await showWidget(page, 'quantLab');
    await expect(q).toHaveAttribute('data-source', 'digits', { timeout: 60_000 });
    await expect(q).toHaveAttribute('data-trained', '1', { timeout: 60_000 });
    await expect(q).toHaveAttribute('data-step', String(storedStep));
    await expect(q.getByTestId('quant-source')).toContainText('784 → 128 → 10');
    await expect(q.locator('[data-result="quantLab.floatAccuracy"]')).toHaveAttribute('data-value', /\d/, { timeout: 60_000 });
    // The same weights on the same digits; only a near-tie flipped by a different batching of the forward pass could differ.
    expect(Math.abs(Number(await q.locator('[data-result="quantLab.floatAccuracy"]').getAttribute('data-value')) - acc)).toBeLessThanOrEqual(0.002);
  });

  test('a link with junk keeps the defaults and says which values it ignored', async ({ page }) => {
    await page.goto(`/en/training-pipeline/?${ID}.model=transformer&${ID}.epochs=-4&${ID}.hidden=99999#digits-trainer`);
    await showWidget(page, ID);
    const w = page.locator(`[data-widget="${ID}"]`);
    const issues = w.locator('[data-testid="widget-issues"]');
    await expect(issues).toContainText('transformer');
    await expect(issues).toContainText('-4');
    await expect(issues).toContainText('99999');
    // The defaults stay in force: the MLP with 128 hidden units.
    await expect(w).toHaveAttribute('data-model', 'mlp');
    await expect(result(w, 'params')).toHaveAttribute('data-value', String(784 * 128 + 128 + 1290), { timeout: 60_000 });
  });
});

test('the Quantization Lab asked for the Chapter 4 model in a browser that has none says so and trains its own', async ({ page }) => {
  await page.goto('/zh/deployment/?quantLab.source=digits&quantLab.backend=cpu#quantization-lab');
  await showWidget(page, 'quantLab');
  const q = page.locator('[data-widget="quantLab"]');
  await expect(q).toHaveAttribute('data-source', 'train', { timeout: 60_000 });
  await expect(q.getByTestId('quant-source')).toContainText('还没有第 4 章训练好的模型');
  await expect(q.getByTestId('quant-source').getByRole('link')).toHaveAttribute('href', '/zh/training-pipeline/#digits-trainer');
  await expect(q).toHaveAttribute('data-status', 'idle');
});

test.describe('DigitsTrainer (zh)', () => {
  test('the CNN is not run on WASM, which lacks convolution gradients: it says so and trains on the next backend', async ({ page }) => {
    test.setTimeout(150_000);
    // The next backend in the chain is WebGL where there is one (SwiftShader here), else the CPU.
    const w = await open(page, 'zh', `${ID}.backend=wasm&${ID}.model=cnn&${ID}.epochs=1`, /^(webgl|cpu)$/);
    await expect(w.getByTestId('backend-badge')).toContainText('WebAssembly');
    await expect(w.getByTestId('backend-badge')).toContainText('缺少');
    expect(await value(w, 'params')).toBe(5994);
    await w.locator('[data-action="step"]').click();
    await expect.poll(async () => Number(await w.getAttribute('data-step')), { timeout: 60_000 }).toBeGreaterThanOrEqual(10);
    const loss = Number(await w.getAttribute('data-loss'));
    // An untrained 10-class model starts near ln 10 ≈ 2.30; ten steps of Adam have not made it worse than that by much.
    expect(loss).toBeGreaterThan(0);
    expect(loss).toBeLessThan(2.6);
  });
});
