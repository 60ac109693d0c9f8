import { describe, expect, it } from 'vitest';
import { scaleReport } from '../widgets/scale-explorer';
import type { Optimizer, Precision } from '../scale/memory';
import { H100_NODE_BYTES, RTX4090_BYTES, largeModelsLabs as labs } from './large-models';
import type { LabResults } from './types';

/** What the ScaleExplorer publishes for these settings (components/widgets/scale-explorer: params and the three byte counts). */
function published(params: number, precision: Precision, optimizer: Optimizer): LabResults {
  const r = scaleReport(params, precision, optimizer);
  return { params, weightBytes: r.weightBytes, inferenceBytes: r.inferenceBytes, trainingBytes: r.trainingBytes };
}

describe('labs of the chapter large-models', () => {
  it('read the scale explorer, and are not done at its defaults (7e9, bf16, mixed-precision Adam)', () => {
    for (const lab of Object.values(labs)) {
      expect(lab.widget).toBe('scaleExplorer');
      expect(lab.check(published(7e9, 'bf16', 'adamMixed'))).toBe(false);
    }
  });
  it('are false for missing or non-finite results', () => {
    for (const lab of Object.values(labs)) {
      expect(lab.check({})).toBe(false);
      expect(lab.check({ params: undefined, weightBytes: undefined, inferenceBytes: undefined, trainingBytes: undefined })).toBe(false);
      expect(lab.check({ params: NaN, weightBytes: NaN, inferenceBytes: NaN, trainingBytes: NaN })).toBe(false);
    }
  });

  it('int4 on an RTX 4090: 42.9e9 parameters is the limit; 41e9 counts, 43e9 and 40e9 do not', () => {
    const lab = labs['lm-int4-rtx4090']!;
    // hand: 24,564 MiB = 25,757,220,864 B; / (0.5 B × 1.2) = 42.93e9 parameters; 95 % of the memory: 40.78e9
    expect(RTX4090_BYTES).toBe(25_757_220_864);
    expect(lab.check(published(42e9, 'int4', 'adamMixed'))).toBe(true);
    expect(lab.check(published(41e9, 'int4', 'adamMixed'))).toBe(true);
    expect(lab.check(published(43e9, 'int4', 'adamMixed'))).toBe(false); // 25.8e9 B: does not fit
    expect(lab.check(published(40e9, 'int4', 'adamMixed'))).toBe(false); // fits, but not within 5 % of the limit
    // the same serving memory in another format does not count: 21e9 parameters in int8 also need 25.2e9 B
    expect(lab.check(published(21e9, 'int8', 'adamMixed'))).toBe(false);
  });

  it('8-bit Adam on eight H100s: 68.4e9 parameters is the limit, so a 70B model does not fit', () => {
    const lab = labs['lm-node-8bit-adam']!;
    // hand: 8 × 81,559 MiB = 684,166,479,872 B; / 10 B per parameter = 68.42e9; 95 %: 65.0e9
    expect(H100_NODE_BYTES).toBe(684_166_479_872);
    expect(lab.check(published(68e9, 'bf16', 'adam8bit'))).toBe(true);
    expect(lab.check(published(66e9, 'int4', 'adam8bit'))).toBe(true);
    expect(lab.check(published(70e9, 'bf16', 'adam8bit'))).toBe(false); // 7e11 B > 6.84e11 B
    expect(lab.check(published(64e9, 'bf16', 'adam8bit'))).toBe(false); // too far below the limit
    // the same bytes with another optimizer do not count: 42.5e9 parameters × 16 B = 6.8e11 B
    expect(lab.check(published(42.5e9, 'bf16', 'adamMixed'))).toBe(false);
  });
});
