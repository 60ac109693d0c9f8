/** Lab exercises of the chapter `transformers` (see ./types.ts). */
import type { LabResults, LabSet } from './types';

/**
 * The TinyGPT lab's bar: a held-out loss below ln 15 = 2.708 nats, a perplexity below 15 (as unsure as a uniform choice
 * among 15 characters, against the 118 of the English corpus). Measured with the widget's task on tfjs's WASM backend
 * in Node (default settings: 2 blocks of width 64, batch 16 × 64 characters, learning rate 0.003, seed 1): held-out
 * loss 3.37 at step 10, 2.78 at 60, 2.63 at 110, 2.58 at 160, 2.46 at 260; at learning rate 0.01 the GPT does worse
 * (3.17 at step 110). About 110 steps is two minutes at the one step a second the WASM backend managed in the bench.
 */
export const TF_PERPLEXITY = 15;

const num = (r: LabResults, name: string): number | undefined => {
  const v = r[name];
  return typeof v === 'number' && !Number.isNaN(v) ? v : undefined;
};

export const transformersLabs: LabSet = {
  'tf-causal-mask': {
    widget: 'attentionExplorer',
    goal: {
      zh: '选中一个被因果掩码遮住的格子：它的掩码后分数是 −∞，注意力权重正好是 0。',
      en: 'Select a cell the causal mask hides: its masked score is −∞ and its attention weight exactly 0.',
    },
    check: (r) => num(r, 'selectedMasked') === -Infinity && num(r, 'selectedWeight') === 0,
  },
  'tf-perplexity-15': {
    widget: 'tinyGpt',
    goal: {
      zh: '让 TinyGPT 在留出文本上的困惑度降到 15 以下（验证损失低于 ln 15 ≈ 2.708）。',
      en: 'Bring TinyGPT’s perplexity on the held-out text below 15 (a validation loss under ln 15 ≈ 2.708).',
    },
    check: (r) => {
      const val = num(r, 'valLoss');
      return val !== undefined && val < Math.log(TF_PERPLEXITY);
    },
  },
};
