import { describe, expect, it } from 'vitest';
import { futureLabs as labs } from './future';

describe('labs of the chapter future', () => {
  it('read the widgets of the contract, and are not done without results', () => {
    expect(labs['fu-private-80']!.widget).toBe('privacyLab');
    expect(labs['fu-complete']!.widget).toBe('saliencyLab');
    expect(labs['fu-wrong-digit']!.widget).toBe('saliencyLab');
    for (const lab of Object.values(labs)) expect(lab.check({})).toBe(false);
  });

  it.each([
    // [accuracy, ε, done]
    [0.832, 0.961, true], // σ = 2, the rest at the defaults (measured; see lib/labs/future.ts)
    [0.8, 1, true], // both bounds are inclusive
    [0.79, 0.5, false], // not accurate enough
    [0.878, 3.26, false], // the defaults untouched (measured): accurate, but too much budget spent
    [0.95, 1.01, false], // too much budget spent
    [0.97, 0, false], // ε = 0: no private training has run
    [0.9, Number.POSITIVE_INFINITY, false], // no noise: no privacy
    [Number.NaN, 3, false],
  ])('private-80: accuracy %s at ε = %s → %s', (accuracy, epsilon, done) => {
    expect(labs['fu-private-80']!.check({ accuracy, epsilon })).toBe(done);
  });

  it.each([
    [1, true],
    [0.951, true],
    [1.049, true],
    [0.94, false],
    [1.2, false],
    [Number.NaN, false],
  ])('complete: completeness %s for another class → %s', (completeness, done) => {
    expect(labs['fu-complete']!.check({ completeness, target: 7, predicted: 1 })).toBe(done);
  });

  it('complete: the predicted class, which the page opens on, does not count', () => {
    expect(labs['fu-complete']!.check({ completeness: 1, target: 1, predicted: 1 })).toBe(false);
    expect(labs['fu-complete']!.check({ completeness: 1 })).toBe(false);
  });

  it('wrong digit: done only when a prediction differs from its label', () => {
    const lab = labs['fu-wrong-digit']!;
    expect(lab.check({ predicted: 4, label: 9 })).toBe(true);
    expect(lab.check({ predicted: 7, label: 7 })).toBe(false);
    expect(lab.check({ predicted: 3 })).toBe(false);
    expect(lab.check({ predicted: 3.5, label: 3 })).toBe(false);
  });
});
