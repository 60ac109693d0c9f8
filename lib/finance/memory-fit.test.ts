import { describe, expect, it } from 'vitest';
import { schemaDefaults } from '../state/schema';
import { memoryFit } from './memory-fit';
import { memoryFitSchema, type MemoryFitInputs } from './schemas';

const defaults = schemaDefaults(memoryFitSchema);
const run = (over: Partial<MemoryFitInputs>) => {
  const r = memoryFit({ ...defaults, ...over });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message.en).join(' '));
  return r;
};

describe('memoryFit', () => {
  it.each([
    // CALCULATORS.md: 7e9 · 16 B (2 + 2 + 12, ZeRO §3.1) = 112 GB, more than one 80 GB GPU.
    ['7B training, adamMixed', { params: 7e9, mode: 'train', optimizer: 'adamMixed' }, 112e9, 0],
    // 7e9 · (2 + 2 + 6) = 70 GB: 8-bit Adam fits on one 80 GB GPU (hand computation).
    ['7B training, adam8bit', { params: 7e9, mode: 'train', optimizer: 'adam8bit' }, 70e9, 1],
    // 7e9 · (2 + 2 + 8) = 84 GB (hand computation).
    ['7B training, SGD with momentum', { params: 7e9, mode: 'train', optimizer: 'sgdMomentum' }, 84e9, 0],
    // CALCULATORS.md: 7e9 · 2 B · 1.2 = 16.8 GB.
    ['7B serving in bf16', { params: 7e9, mode: 'infer', precision: 'bf16' }, 16.8e9, 1],
    // CALCULATORS.md: 7e9 · 0.5 B · 1.2 = 4.2 GB.
    ['7B serving in int4', { params: 7e9, mode: 'infer', precision: 'int4' }, 4.2e9, 1],
    // 7e9 · 4 B · 1.2 = 33.6 GB; 7e9 · 1 B · 1.2 = 8.4 GB (hand computation).
    ['7B serving in fp32', { params: 7e9, mode: 'infer', precision: 'fp32' }, 33.6e9, 1],
    ['7B serving in int8', { params: 7e9, mode: 'infer', precision: 'int8' }, 8.4e9, 1],
    // 70e9 · 2 · 1.2 / 2 = 84 GB per GPU: two 80 GB GPUs are not enough; / 4 = 42 GB fits (hand computation).
    ['70B serving in bf16 on 2 GPUs', { params: 70e9, mode: 'infer', precision: 'bf16', gpus: 2 }, 84e9, 0],
    ['70B serving in bf16 on 4 GPUs', { params: 70e9, mode: 'infer', precision: 'bf16', gpus: 4 }, 42e9, 1],
  ] as [string, Partial<MemoryFitInputs>, number, number][])('%s', (_, over, bytes, fits) => {
    const r = run(over);
    if (!r.ok) return;
    expect(r.value.bytesPerGpu).toBeCloseTo(bytes, -3);
    expect(r.value.fits).toBe(fits);
  });

  it.each([
    // 7e9 adamMixed on 8 GPUs (hand computation): weights 14 GB, gradients 14 GB, optimizer state 84 GB.
    [0, 14e9 + 14e9 + 84e9],
    [1, 14e9 + 14e9 + 84e9 / 8], // 38.5 GB: optimizer state sharded
    [2, 14e9 + 14e9 / 8 + 84e9 / 8], // 26.25 GB: gradients too
    [3, 112e9 / 8], // 14 GB: everything sharded
  ])('ZeRO stage %i shards the right parts over 8 GPUs', (zeroStage, bytes) => {
    const r = run({ params: 7e9, mode: 'train', optimizer: 'adamMixed', gpus: 8, zeroStage });
    if (!r.ok) return;
    expect(r.value.bytesPerGpu).toBeCloseTo(bytes, -3);
    const d = r.value.detail;
    expect(d && d.weights + d.gradients + d.optimizer + d.overhead).toBeCloseTo(r.value.bytesPerGpu, -3);
  });

  it('says that training ignores the precision setting', () => {
    const a = run({ mode: 'train', precision: 'bf16' });
    const b = run({ mode: 'train', precision: 'int4' });
    if (!a.ok || !b.ok) return;
    expect(a.value.bytesPerGpu).toBe(b.value.bytesPerGpu);
    expect(a.notes.map((n) => n.code)).toContain('trainPrecision');
  });

  it('warns that plain data parallelism replicates everything', () => {
    const r = run({ mode: 'train', gpus: 8, zeroStage: 0 });
    if (r.ok) expect(r.notes.map((n) => n.code)).toContain('replicated');
  });

  it('counts exactly the GPU memory as fitting', () => {
    // 7e9 · 2 · 1.2 = 16.8e9 B on a 16.8 GB GPU: fits (≤).
    const r = run({ params: 7e9, mode: 'infer', precision: 'bf16', gpuMemoryGB: 16.8 });
    if (r.ok) expect(r.value.fits).toBe(1);
  });

  it.each([
    [{ gpus: 0 }, 'notPositive'],
    [{ zeroStage: 1.5 }, 'badZeroStage'],
    [{ params: -1 }, 'negative'],
  ] as [Partial<MemoryFitInputs>, string][])('fails on %o', (over, code) => {
    const r = memoryFit({ ...defaults, ...over });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]?.code).toBe(code);
  });
});
