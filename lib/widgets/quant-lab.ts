/** QuantizationLab: the schema of its settings (controls, MDX defaults and URL `?quantLab.<key>=…`). */
import { BACKEND_CHOICES } from './playground';
import type { Schema, Values } from '../state/schema';

export const QUANT_LAB_ID = 'quantLab';

export const QUANT_LAB_METHODS = ['quantize', 'prune', 'lowRank'] as const;

export const quantLabSchema = {
  /** Which compression the lab applies: quantization, magnitude pruning or truncated-SVD low rank. */
  method: { type: 'enum', default: 'quantize', options: QUANT_LAB_METHODS },
  bits: { type: 'enum', default: '8', options: ['8', '4', '2', '1'] as const },
  scheme: { type: 'enum', default: 'symmetric', options: ['symmetric', 'affine'] as const },
  granularity: { type: 'enum', default: 'channel', options: ['channel', 'tensor'] as const },
  /** Percentage of each kernel's weights set to zero. */
  sparsity: { type: 'number', default: 50, min: 0, max: 99, integer: true },
  /** Rank kept in each dense kernel. */
  rank: { type: 'number', default: 16, min: 1, max: 64, integer: true },
  /** Hidden units of the MNIST model the lab trains. */
  hidden: { type: 'number', default: 64, min: 8, max: 128, integer: true },
  /** Training steps before compressing. */
  steps: { type: 'number', default: 300, min: 50, max: 2000, integer: true },
  seed: { type: 'number', default: 1, min: 0, max: 2 ** 31 - 1, integer: true },
  backend: { type: 'enum', default: 'auto', options: BACKEND_CHOICES },
} satisfies Schema;

export type QuantLabValues = Values<typeof quantLabSchema>;
