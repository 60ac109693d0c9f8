import { test, expect, showWidget } from './fixtures';
import type { Page } from '@playwright/test';

/** Opens a chapter with calculator inputs in the query string: `open(page, 'compute-economics', 'trainingCost', { params: 1e9 })`. */
async function open(page: Page, slug: string, id: string, inputs: Record<string, string | number>, lang = 'en') {
  const q = Object.entries(inputs)
    .map(([k, v]) => `${id}.${k}=${encodeURIComponent(String(v))}`)
    .join('&');
  await page.goto(`/${lang}/${slug}/?${q}`);
  const root = page.locator(`[data-widget="${id}"]`);
  // A calculator is an island: its code loads when it comes near the viewport. Then it reads its settings from the URL.
  await showWidget(page, id);
  return root;
}

const value = async (root: ReturnType<Page['locator']>, key: string) => Number(await root.locator(`[data-result$=".${key}"]`).getAttribute('data-value'));

test.describe('calculators restore the checks of CALCULATORS.md from a permalink', () => {
  test('trainingCost: 1e9 params, 2e10 tokens on A100s at MFU 0.5 and 1.50 USD/h', async ({ page }) => {
    const c = await open(page, 'compute-economics', 'trainingCost', { params: '1e9', tokens: '2e10', peakFlops: '312e12', mfu: 0.5, pricePerGpuHour: 1.5, overhead: 1 });
    // 6·N·D = 1.2e20 FLOPs; / (312e12 · 0.5) / 3600 = 213.68 GPU-hours; × 1.50 = 320.51 USD (hand computation)
    expect(await value(c, 'flops')).toBeCloseTo(1.2e20, -15);
    expect(await value(c, 'gpuHours')).toBeCloseTo(213.675, 2);
    expect(await value(c, 'cost')).toBeCloseTo(320.51, 1);
    await expect(c.locator('[data-testid="widget-issues"]')).toHaveCount(0);
  });

  test('computeOptimal: 6·params·tokens equals the budget', async ({ page }) => {
    const c = await open(page, 'compute-economics', 'computeOptimal', { flops: '5.76e23', fit: 'hoffmann2022', inferenceTokens: 0 });
    const n = await value(c, 'params');
    const d = await value(c, 'tokens');
    expect((6 * n * d) / 5.76e23).toBeCloseTo(1, 6);
    expect(await value(c, 'tokensPerParam')).toBeCloseTo(d / n, 3);
  });

  test('memoryFit: 7e9 params need 112 GB to train, 16.8 GB to serve in bf16 and 4.2 GB in int4', async ({ page }) => {
    let c = await open(page, 'compute-economics', 'memoryFit', { params: '7e9', mode: 'train', optimizer: 'adamMixed', zeroStage: 0, gpus: 1, gpuMemoryGB: 80 });
    expect(await value(c, 'bytesPerGpu')).toBeCloseTo(112e9, -3);
    expect(await value(c, 'fits')).toBe(0);
    c = await open(page, 'compute-economics', 'memoryFit', { params: '7e9', mode: 'infer', precision: 'bf16', gpus: 1 });
    expect(await value(c, 'bytesPerGpu')).toBeCloseTo(16.8e9, -3);
    c = await open(page, 'compute-economics', 'memoryFit', { params: '7e9', mode: 'infer', precision: 'int4', gpus: 1 });
    expect(await value(c, 'bytesPerGpu')).toBeCloseTo(4.2e9, -3);
  });

  test('inferenceCost: OPT-13B keeps 819,200 bytes of KV cache per token', async ({ page }) => {
    const c = await open(page, 'compute-economics', 'inferenceCost', { params: '13e9', layers: 40, kvHeads: 40, headDim: 128, bytesPerValue: 2 });
    // 2 · 40 layers · 40 heads · 128 dims · 2 bytes = 819,200
    expect(await value(c, 'kvBytesPerToken')).toBe(819200);
    const tps = await value(c, 'tokensPerSecond');
    // cost per 1M tokens = price / (tokens/s · 3600) · 1e6, at the default 2.50 USD/h
    expect(await value(c, 'costPerMillion')).toBeCloseTo((2.5 / (tps * 3600)) * 1e6, 6);
  });

  test('unitEconomics: ARPU 50 at 60 % margin and 3 % churn → LTV 1,000, LTV/CAC 3.33, payback 10 months', async ({ page }) => {
    const c = await open(page, 'startup-strategy', 'unitEconomics', { arpu: 50, tokensPerUser: 0, costPerMillion: 0, otherCogs: 20, churn: 0.03, cac: 300, discount: 0 });
    expect(await value(c, 'grossMargin')).toBeCloseTo(0.6, 9);
    expect(await value(c, 'ltv')).toBeCloseTo(1000, 6);
    expect(await value(c, 'ltvToCac')).toBeCloseTo(3.3333, 3);
    expect(await value(c, 'paybackMonths')).toBeCloseTo(10, 6);
  });

  test('unitEconomics: a 20 USD plan burning 60M tokens at 0.25 USD per million keeps a 25 % margin', async ({ page }) => {
    const c = await open(page, 'startup-strategy', 'unitEconomics', { arpu: 20, tokensPerUser: '6e7', costPerMillion: 0.25, otherCogs: 0 });
    expect(await value(c, 'grossMargin')).toBeCloseTo(0.25, 9);
  });

  test('runway: 3,000,000 cash at 250,000 a month and no revenue lasts 12 months', async ({ page }) => {
    const c = await open(page, 'capital-allocation', 'runway', { cash: '3e6', burn: '2.5e5', revenue: 0, growth: 0, expenseGrowth: 0 });
    expect(await value(c, 'months')).toBe(12);
    expect(await value(c, 'defaultAlive')).toBe(0);
  });

  test('capTable: the YC post-money SAFE guide, appendix II, example 1', async ({ page }) => {
    const c = await open(page, 'capital-allocation', 'capTable', {});
    expect(await value(c, 'companyCapitalization')).toBeCloseTo(11764705, -1);
    expect(Math.floor(await value(c, 'safe1Shares'))).toBe(588235);
    expect(Math.floor(await value(c, 'safe2Shares'))).toBe(1176470);
    // The guide rounds its pool top-up to 1,695,000 shares and prints 1.1144; the exact 10 % top-up gives 1.114473.
    expect(Math.abs((await value(c, 'seriesPrice')) - 1.1144)).toBeLessThan(1e-4);
  });

  test('budgetAllocator: the optimum beats an equal split and spends the budget', async ({ page }) => {
    const c = await open(page, 'capital-allocation', 'budgetAllocator', { budget: '1e6', curve: 'log' });
    const lines = ['data', 'model', 'marketing', 'team', 'users', 'optimization'];
    let sum = 0;
    for (const l of lines) sum += await value(c, l);
    expect(sum).toBeCloseTo(1e6, 0);
    expect(await value(c, 'outcome')).toBeGreaterThan(await value(c, 'equalSplitOutcome'));
  });
});

test('changing an input updates the outputs and the link', async ({ page }) => {
  const c = await open(page, 'compute-economics', 'trainingCost', { params: '1e9', tokens: '2e10' });
  const before = await value(c, 'cost');
  const box = c.getByLabel('Parameters N');
  await box.fill('2e9');
  await box.press('Enter');
  // 6·N·D is linear in N: twice the parameters at the same tokens, twice the cost.
  await expect.poll(() => value(c, 'cost')).toBeCloseTo(before * 2, 6);
  await expect(page).toHaveURL(/trainingCost\.params=2000000000/);
});

test('an invalid query value keeps the default and says why', async ({ page }) => {
  const c = await open(page, 'compute-economics', 'trainingCost', { mfu: 1.7, gpus: 'lots' });
  const issues = c.locator('[data-testid="widget-issues"]');
  await expect(issues).toContainText('mfu="1.7" was ignored');
  await expect(issues).toContainText('gpus="lots" was ignored');
  await expect(c.locator('[data-result="trainingCost.cost"]')).toHaveAttribute('data-value', /\d/);
});

test.describe('bad input gets a clear message in place of the output, never NaN or Infinity', () => {
  const noNonsense = async (page: Page) => {
    const text = await page.locator('article').innerText();
    expect(text).not.toMatch(/NaN|Infinity/);
  };

  test('a negative cash balance', async ({ page }) => {
    const c = await open(page, 'capital-allocation', 'runway', {});
    const box = c.getByLabel('Cash in the bank');
    await box.fill('-50000');
    await box.press('Enter');
    await expect(c.locator('[data-testid="calc-problems"]')).toBeVisible();
    await expect(c.locator('[data-result]')).toHaveCount(0);
    await noNonsense(page);
  });

  test('a negative budget', async ({ page }) => {
    const c = await open(page, 'capital-allocation', 'budgetAllocator', {});
    const box = c.getByLabel('Budget');
    await box.fill('-1');
    await box.press('Enter');
    await expect(c.locator('[data-testid="calc-problems"]')).toBeVisible();
    await noNonsense(page);
  });

  test('zero churn: LTV has no upper bound', async ({ page }) => {
    const c = await open(page, 'startup-strategy', 'unitEconomics', { churn: 0, discount: 0 });
    await expect(c.locator('[data-result="unitEconomics.ltv"]')).toHaveAttribute('data-missing', '1');
    await expect(c.locator('[data-result="unitEconomics.ltv"]')).not.toBeEmpty();
    await expect(c.locator('[data-result="unitEconomics.grossMargin"]')).toHaveAttribute('data-value', /\d/);
    await noNonsense(page);
  });

  test('MFU above 1', async ({ page }) => {
    const c = await open(page, 'compute-economics', 'trainingCost', {});
    const box = c.getByLabel('Model FLOPs utilisation (MFU)');
    await box.fill('1.5');
    await box.press('Enter');
    await expect(c.locator('[data-testid="calc-problems"]')).toContainText(/MFU/);
    await noNonsense(page);
  });

  test('an option pool over 100 %', async ({ page }) => {
    const c = await open(page, 'capital-allocation', 'capTable', {});
    const box = c.getByLabel('Option pool after the round');
    await box.fill('150');
    await box.press('Enter');
    await expect(c.locator('[data-testid="calc-problems"]')).toBeVisible();
    await noNonsense(page);
  });

  test('an empty SAFE list', async ({ page }) => {
    const zero = Object.fromEntries([1, 2, 3, 4, 5].flatMap((i) => [[`safe${i}Amount`, 0], [`safe${i}Cap`, 0]]));
    const c = await open(page, 'capital-allocation', 'capTable', zero);
    await expect(c.locator('[data-result="capTable.safe1Shares"]')).toHaveAttribute('data-missing', '1');
    await expect(c.locator('[data-result="capTable.safe1Shares"]')).toContainText(/SAFE/);
    await noNonsense(page);
  });
});

test('the Chinese edition labels and explains the calculators in Chinese', async ({ page }) => {
  const c = await open(page, 'startup-strategy', 'unitEconomics', { churn: 0 }, 'zh');
  await expect(c).toContainText('毛利率');
  await expect(c.locator('[data-result="unitEconomics.ltv"]')).toContainText(/流失/);
});
