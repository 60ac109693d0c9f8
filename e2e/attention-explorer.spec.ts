import type { Locator, Page } from '@playwright/test';
import { test, expect, showWidget } from './fixtures';

const ID = 'attentionExplorer';

/** Opens Chapter 5 at the explorer's section (with an optional query) and waits until it has read its settings from the URL. */
async function open(page: Page, lang: 'zh' | 'en', query = '') {
  await page.goto(`/${lang}/transformers/${query}#attention-explorer`);
  const w = page.locator(`[data-widget="${ID}"]`);
  // An island: its code loads when it comes near the viewport.
  await showWidget(page, ID);
  return w;
}

/** What the page says, by edition (lib/state/messages.ts, lib/widgets/attention-explorer.ts). */
const TEXT = {
  zh: { choices: '可选值为', boolean: '应为 1 或 0', head2: '头 2', tokens: { cat: 7, bank: 8 } },
  en: { choices: 'the choices are cat, chase, think, bank', boolean: 'it must be 1 or 0', head2: 'Head 2', tokens: { cat: 7, bank: 7 } },
};

const result = (w: Locator, name: string) => w.locator(`[data-result="${ID}.${name}"]`);
const value = async (w: Locator, name: string) => Number(await result(w, name).first().getAttribute('data-value'));

/** The matrix named `name` ("score", "masked", "weight") of the head on show, read from its cells' data-value, row by row. */
async function matrix(w: Locator, name: string): Promise<number[][]> {
  const cells = await result(w, name).evaluateAll((els) =>
    els.map((e) => [Number(e.getAttribute('data-row')), Number(e.getAttribute('data-col')), Number(e.getAttribute('data-value'))]),
  );
  const out: number[][] = [];
  for (const [i, j, v] of cells) (out[i!] ??= [])[j!] = v!;
  return out;
}

/** Every weights row of the head on show sums to 1, and the Σ column says so. */
async function expectRowsSumToOne(w: Locator) {
  const weights = await matrix(w, 'weight');
  expect(weights.length).toBeGreaterThan(0);
  for (const row of weights) {
    expect(row.every((x) => x >= 0 && x <= 1)).toBe(true);
    expect(Math.abs(row.reduce((s, x) => s + x, 0) - 1)).toBeLessThan(1e-6);
  }
  const sums = await result(w, 'rowSum').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));
  expect(sums).toHaveLength(weights.length);
  for (const s of sums) expect(Math.abs(s - 1)).toBeLessThan(1e-6);
  return weights;
}

for (const lang of ['zh', 'en'] as const) {
  test.describe(`AttentionExplorer (${lang})`, () => {
    test('shows the tokens and four square matrices whose weights rows sum to 1', async ({ page }) => {
      const w = await open(page, lang);
      const n = TEXT[lang].tokens.cat;
      await expect(w.locator('[data-testid="widget-issues"]')).toHaveCount(0);
      expect(await value(w, 'tokenCount')).toBe(n);
      await expect(result(w, 'token')).toHaveCount(n);
      await expect(result(w, 'score')).toHaveCount(n * n);
      await expect(result(w, 'masked')).toHaveCount(n * n);
      await expect(result(w, 'output')).toHaveCount(n * 4);
      const weights = await expectRowsSumToOne(w);
      expect(weights).toHaveLength(n);
      // No mask by default: the masked scores are the scores, and no −∞ is shown.
      expect(await matrix(w, 'masked')).toEqual(await matrix(w, 'score'));
      await expect(w.locator('table[data-matrix="masked"]')).not.toContainText('−∞');
      // The selected cell (row 1, column 0 by default) is explained with its numbers: score = q·k / √d_k.
      const explain = w.getByTestId('cell-explanation');
      await expect(explain).toHaveAttribute('data-row', '1');
      await expect(explain).toHaveAttribute('data-col', '0');
      expect(await value(w, 'dk')).toBe(4);
      expect(Math.abs((await value(w, 'selectedScore')) - (await value(w, 'selectedDot')) / 2)).toBeLessThan(1e-12);
      expect(await value(w, 'selectedScore')).toBe((await matrix(w, 'score'))[1]![0]);
      expect(await value(w, 'selectedWeight')).toBe(weights[1]![0]);
      await expect(explain).toContainText('q₁·k₀');
      await expect(explain).toContainText('√4');
    });

    test('with the causal mask, nothing above the diagonal gets weight and row 0 is [1, 0, …]', async ({ page }) => {
      const w = await open(page, lang, '?attentionExplorer.causal=1');
      await expect(w).toHaveAttribute('data-causal', '1');
      await expect(w.locator('[data-control="causal"] input')).toBeChecked();
      const weights = await expectRowsSumToOne(w);
      const masked = await matrix(w, 'masked');
      const n = weights.length;
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          expect([i, j, weights[i]![j]]).toEqual([i, j, 0]);
          expect([i, j, masked[i]![j]]).toEqual([i, j, -Infinity]);
        }
        for (let j = 0; j <= i; j++) expect(Number.isFinite(masked[i]![j])).toBe(true);
      }
      expect(weights[0]).toEqual([1, ...new Array(n - 1).fill(0)]);
      // −∞ is written as −∞, never as a number.
      const hiddenCell = w.locator(`table[data-matrix="masked"] [data-row="0"][data-col="${n - 1}"]`);
      await expect(hiddenCell).toContainText('−∞');
      await expect(hiddenCell).toHaveAttribute('data-value', '-Infinity');

      // Clicking a hidden cell says why its weight is 0.
      await w.locator(`table[data-matrix="weights"] [data-row="1"][data-col="3"]`).click();
      await expect(w.getByTestId('cell-explanation')).toHaveAttribute('data-col', '3');
      await expect(result(w, 'selectedMasked')).toHaveAttribute('data-value', '-Infinity');
      expect(await value(w, 'selectedWeight')).toBe(0);
      await expect(w.getByTestId('cell-explanation-text')).toContainText('−∞');
      await expect(page).toHaveURL(/attentionExplorer\.col=3/);
    });

    test('restores a permalink: its settings show in the controls', async ({ page }) => {
      const w = await open(
        page,
        lang,
        '?attentionExplorer.sentence=bank&attentionExplorer.dModel=8&attentionExplorer.heads=2&attentionExplorer.causal=1&attentionExplorer.positional=0&attentionExplorer.seed=7&attentionExplorer.head=1&attentionExplorer.row=3&attentionExplorer.col=2',
      );
      await expect(w.locator('[data-testid="widget-issues"]')).toHaveCount(0);
      await expect(w.locator('[data-control="sentence"] select')).toHaveValue('bank');
      await expect(w.locator('[data-control="dModel"] input[value="8"]')).toBeChecked();
      await expect(w.locator('[data-control="heads"] input[value="2"]')).toBeChecked();
      await expect(w.locator('[data-control="causal"] input')).toBeChecked();
      await expect(w.locator('[data-control="positional"] input')).not.toBeChecked();
      await expect(w.locator('[data-control="seed"] input')).toHaveValue('7');
      await expect(w.getByRole('tab', { name: TEXT[lang].head2 })).toHaveAttribute('aria-selected', 'true');
      const n = TEXT[lang].tokens.bank;
      expect(await value(w, 'tokenCount')).toBe(n);
      // d_k = d_model / h = 8 / 2
      expect(await value(w, 'dk')).toBe(4);
      const explain = w.getByTestId('cell-explanation');
      await expect(explain).toHaveAttribute('data-head', '1');
      await expect(explain).toHaveAttribute('data-row', '3');
      await expect(explain).toHaveAttribute('data-col', '2');
      await expectRowsSumToOne(w);

      // The other head has its own weights, whose rows also sum to 1; the tabs follow the arrow keys.
      const head2 = await matrix(w, 'weight');
      await w.getByRole('tab', { name: TEXT[lang].head2 }).focus();
      await page.keyboard.press('ArrowLeft');
      await expect(explain).toHaveAttribute('data-head', '0');
      await expect(page).not.toHaveURL(/attentionExplorer\.head=/);
      const head1 = await expectRowsSumToOne(w);
      expect(head1).not.toEqual(head2);
    });

    test('explains a bad link value and keeps the default', async ({ page }) => {
      const w = await open(page, lang, '?attentionExplorer.sentence=dog&attentionExplorer.dModel=5&attentionExplorer.causal=maybe');
      const issues = w.locator('[data-testid="widget-issues"]');
      await expect(issues.locator('li')).toHaveCount(3);
      await expect(issues).toContainText('dog');
      await expect(issues).toContainText(TEXT[lang].choices);
      await expect(issues).toContainText(TEXT[lang].boolean);
      await expect(w.locator('[data-control="sentence"] select')).toHaveValue('cat');
      await expect(w.locator('[data-control="dModel"] input[value="4"]')).toBeChecked();
      await expect(w.locator('[data-control="causal"] input')).not.toBeChecked();
      expect(await value(w, 'tokenCount')).toBe(TEXT[lang].tokens.cat);
      await expectRowsSumToOne(w);
    });

    test('moves the selected cell with the arrow keys and explains the new one', async ({ page }) => {
      const w = await open(page, lang);
      const explain = w.getByTestId('cell-explanation');
      const grid = w.locator('table[data-matrix="weights"]');
      await grid.focus();
      await page.keyboard.press('ArrowRight');
      await expect(explain).toHaveAttribute('data-col', '1');
      await expect(grid).toHaveAttribute('aria-activedescendant', (await grid.locator('[data-row="1"][data-col="1"]').getAttribute('id'))!);
      await page.keyboard.press('ArrowDown');
      await expect(explain).toHaveAttribute('data-row', '2');
      await expect(w.getByTestId('cell-explanation-text')).toContainText('q₂·k₁');
      const scores = await matrix(w, 'score');
      const weights = await matrix(w, 'weight');
      expect(await value(w, 'selectedScore')).toBe(scores[2]![1]);
      expect(await value(w, 'selectedWeight')).toBe(weights[2]![1]);
      // softmax: weight = e^score / Σ over the row of e^score
      const expected = Math.exp(scores[2]![1]!) / scores[2]!.reduce((s, x) => s + Math.exp(x), 0);
      expect(Math.abs((await value(w, 'selectedWeight')) - expected)).toBeLessThan(1e-12);
      await expect(page).toHaveURL(/attentionExplorer\.row=2/);
      await expect(page).toHaveURL(/attentionExplorer\.col=1/);
      await page.keyboard.press('End');
      await expect(explain).toHaveAttribute('data-col', String(TEXT[lang].tokens.cat - 1));
      await page.keyboard.press('Home');
      await expect(explain).toHaveAttribute('data-col', '0');
      await expect(grid).toBeFocused();
    });
  });
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test('the matrices scroll inside their boxes and the page does not scroll sideways', async ({ page }) => {
    const w = await open(page, 'zh', '?attentionExplorer.sentence=bank&attentionExplorer.dModel=8');
    expect(await value(w, 'tokenCount')).toBe(8);
    const box = w.locator('table[data-matrix="weights"]').locator('xpath=..');
    await box.scrollIntoViewIfNeeded();
    const { scrollWidth, clientWidth } = await box.evaluate((e) => ({ scrollWidth: e.scrollWidth, clientWidth: e.clientWidth }));
    expect(scrollWidth).toBeGreaterThan(clientWidth);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectRowsSumToOne(w);
  });
});
