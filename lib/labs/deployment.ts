/**
 * Lab exercises of the chapter `deployment` (see ./types.ts). They read the QuantizationLab (`quantLab`), which, once
 * its model is trained, publishes `floatAccuracy` (the float32 model on the held-out digits), `accuracy`, `bytes` and
 * `ratio` (float32 bytes / compressed bytes) of the current compression, and `accuracy8` … `accuracy1` of the bit sweep.
 */
import type { LabResults, LabSet } from './types';

/** A published result, or undefined when it is missing or not a finite number. */
const val = (r: LabResults, key: string): number | undefined => {
  const v = r[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
};

/** True when the current compression is at least `ratio` times smaller and loses at most `points` of accuracy. */
function smallAndAccurate(r: LabResults, ratio: number, points: number): boolean {
  const float = val(r, 'floatAccuracy');
  const acc = val(r, 'accuracy');
  const got = val(r, 'ratio');
  if (float === undefined || acc === undefined || got === undefined) return false;
  return got >= ratio && acc >= float - points;
}

export const deploymentLabs: LabSet = {
  'dep-7x-within-1pt': {
    widget: 'quantLab',
    goal: {
      zh: '把模型压小到至少 1/7，准确率比 float32 低不超过 1 个百分点。',
      en: 'A model at least 7 times smaller than float32 that loses at most 1 percentage point of accuracy.',
    },
    check: (r) => smallAndAccurate(r, 7, 0.01),
  },
  'dep-15x-within-4pt': {
    widget: 'quantLab',
    goal: {
      zh: '把模型压小到至少 1/15，准确率比 float32 低不超过 4 个百分点。',
      en: 'A model at least 15 times smaller than float32 that loses at most 4 percentage points of accuracy.',
    },
    check: (r) => smallAndAccurate(r, 15, 0.04),
  },
};
