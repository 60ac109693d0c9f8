import { describe, expect, it } from 'vitest';
import { collectResults, parseResultValue } from './results';

describe('parseResultValue', () => {
  it.each<[string | null | undefined, number | undefined]>([
    ['0.951', 0.951],
    [' 42 ', 42],
    ['-1e-7', -1e-7],
    ['-Infinity', -Infinity],
    ['', undefined],
    ['   ', undefined],
    [null, undefined],
    [undefined, undefined],
    ['The cat', undefined],
    ['NaN', undefined],
  ])('%j → %s', (raw, expected) => {
    expect(parseResultValue(raw)).toBe(expected);
  });
});

describe('collectResults', () => {
  it('keeps the widget’s own results, named after the widget id', () => {
    const r = collectResults(
      [
        ['digitsTrainer.testAccuracy', '0.95'],
        ['digitsTrainer.params', '25450'],
        ['overfitLab.valAccuracy', '0.9'],
        ['digitsTrainerX.params', '1'],
        [null, '3'],
        ['digitsTrainer.', '1'],
      ],
      'digitsTrainer',
    );
    expect(r).toEqual({ testAccuracy: 0.95, params: 25450 });
  });

  it('takes the first number when several elements share a name, skipping empty ones', () => {
    const r = collectResults(
      [
        ['overfitLab.bestEpoch', ''],
        ['overfitLab.bestEpoch', '7'],
        ['overfitLab.bestEpoch', '9'],
      ],
      'overfitLab',
    );
    expect(r.bestEpoch).toBe(7);
  });

  it('splits a list of numbers into numbered names, and drops a list with text in it', () => {
    const r = collectResults(
      [
        ['optimizerRace.position.adam', '0.98,1.02'],
        ['optimizerRace.position.sgd', '1,oops'],
      ],
      'optimizerRace',
    );
    expect(r).toEqual({ 'position.adam.0': 0.98, 'position.adam.1': 1.02 });
  });

  it('leaves text results out (a sample, a token) rather than inventing a number', () => {
    expect(collectResults([['tinyGpt.sample', 'the cat sat'], ['tinyGpt.valLoss', '2.4']], 'tinyGpt')).toEqual({ valLoss: 2.4 });
  });
});
