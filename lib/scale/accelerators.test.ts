import { describe, expect, it } from 'vitest';
import { ACCELERATORS, GiB, MiB, acceleratorById } from './accelerators';

describe('accelerator memory', () => {
  it('counts an "80 GB" A100 as 80 GiB, the 81,920 MiB nvidia-smi reports: 85.9 decimal GB, not 80', () => {
    const a100 = acceleratorById('a100-80');
    expect(a100.memoryMiB).toBe(81_920);
    expect(a100.memoryGiB).toBe(80);
    // hand: 80 × 2³⁰ = 85,899,345,920 bytes
    expect(a100.memoryBytes).toBe(85_899_345_920);
    expect(a100.memoryGB).toBeCloseTo(85.899, 3);
  });

  it('takes the H100 and H200 at what the driver reports: 81,559 MiB (79.6 GiB) and 143,771 MiB (140.4 GiB)', () => {
    const h100 = acceleratorById('h100');
    const h200 = acceleratorById('h200');
    // hand: 81,559 × 1,048,576 = 85,520,809,984 bytes; /1024 = 79.647 GiB
    expect(h100.memoryBytes).toBe(85_520_809_984);
    expect(h100.memoryGiB).toBeCloseTo(79.647, 3);
    expect(h100.nominalGB).toBe(80);
    // hand: 143,771 × 1,048,576 = 150,754,820,096 bytes; /1024 = 140.401 GiB
    expect(h200.memoryBytes).toBe(150_754_820_096);
    expect(h200.memoryGiB).toBeCloseTo(140.401, 3);
    expect(h200.memoryGB).toBeCloseTo(150.755, 3);
  });

  it('keeps every derived unit consistent with memoryMiB', () => {
    for (const a of ACCELERATORS) {
      expect(a.memoryBytes, a.id).toBe(a.memoryMiB * MiB);
      expect(a.memoryGiB * GiB, a.id).toBeCloseTo(a.memoryBytes, 0);
      expect(a.memoryGB * 1e9, a.id).toBeCloseTo(a.memoryBytes, 0);
    }
  });

  it('never reports more than the nominal size read as GiB, and never less than 93 % of it (ECC on the L40S)', () => {
    for (const a of ACCELERATORS) {
      expect(a.memoryGiB, a.id).toBeLessThanOrEqual(a.nominalGB);
      expect(a.memoryGiB / a.nominalGB, a.id).toBeGreaterThan(0.93);
    }
    // The nominal size read as decimal GB would undercount every card: 80e9 < 85.5e9 bytes for an H100.
    expect(acceleratorById('h100').nominalGB * 1e9).toBeLessThan(acceleratorById('h100').memoryBytes);
  });

  it('has unique ids and refuses an unknown one', () => {
    expect(new Set(ACCELERATORS.map((a) => a.id)).size).toBe(ACCELERATORS.length);
    expect(() => acceleratorById('h800')).toThrow(/unknown accelerator "h800"/);
  });
});
