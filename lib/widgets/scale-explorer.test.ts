import { describe, expect, it } from 'vitest';
import { scaleReport } from './scale-explorer';

describe('scaleReport', () => {
  it('matches the hand-checked 7B cases of CALCULATORS.md §3', () => {
    const r = scaleReport(7e9, 'bf16', 'adamMixed');
    expect(r.weightBytes).toBe(14e9); // 7e9 × 2 B
    expect(r.inferenceBytes).toBeCloseTo(16.8e9, 0); // × 1.2
    expect(r.trainingBytes).toBe(112e9); // 7e9 × 16 B
    const h100 = r.fits.find((f) => f.accelerator.id === 'h100')!;
    expect(h100.servesAlone).toBe(true);
    expect(h100.trainDevices).toBe(2); // 112e9 B over 85.52e9 B cards → 2
  });

  it('says a 70B bf16 model needs two H100s to serve and none of the consumer cards holds it', () => {
    const r = scaleReport(7e10, 'bf16', 'adamMixed');
    // 7e10 × 2 × 1.2 = 168e9 B; an H100 holds 81,559 MiB = 85.52e9 B → ceil(1.96) = 2; a B200 holds 192.27e9 B → one
    expect(r.inferenceBytes).toBeCloseTo(168e9, 0);
    expect(r.fits.find((f) => f.accelerator.id === 'h100')!.serveDevices).toBe(2);
    expect(r.fits.find((f) => f.accelerator.id === 'b200')!.servesAlone).toBe(true);
    expect(r.fits.filter((f) => f.accelerator.kind === 'consumer').every((f) => !f.servesAlone)).toBe(true);
  });

  it('fits a 70B model in int4 on one 48 GB card: 7e10 × 0.5 × 1.2 = 42 GB', () => {
    const r = scaleReport(7e10, 'int4', 'adamMixed');
    expect(r.inferenceBytes).toBeCloseTo(42e9, 0);
    expect(r.fits.find((f) => f.accelerator.id === 'l40s')!.servesAlone).toBe(true);
  });
});
