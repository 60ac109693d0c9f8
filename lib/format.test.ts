import { describe, expect, it } from 'vitest';
import { formatBytes, formatNumber } from './format';

describe('formatNumber', () => {
  it('groups thousands per edition', () => {
    expect(formatNumber(1234567.891, 'en', { digits: 1 })).toBe('1,234,567.9');
    expect(formatNumber(350, 'zh')).toBe('350');
  });
  it('writes scientific notation with superscripts', () => {
    expect(formatNumber(1.2e20, 'en', { sci: true, digits: 1 })).toBe('1.2 × 10²⁰');
    expect(formatNumber(1e21, 'en', { sci: true })).toBe('10²¹');
    expect(formatNumber(9.96e20, 'en', { sci: true, digits: 1 })).toBe('10²¹');
    expect(formatNumber(3.14e-3, 'en', { sci: true, digits: 2 })).toBe('3.14 × 10⁻³');
  });
  it('never prints NaN or Infinity', () => {
    expect(formatNumber(Number.NaN, 'en')).toBe('—');
    expect(formatNumber(Infinity, 'zh')).toBe('—');
  });
});

describe('formatBytes', () => {
  it('uses decimal units', () => {
    expect(formatBytes(1.4e10, 'en')).toBe('14.0 GB');
    expect(formatBytes(2.8e12, 'en')).toBe('2.8 TB');
    expect(formatBytes(512, 'en')).toBe('512 B');
  });
});

describe('formatParams', () => {
  it('says sizes the way people do', async () => {
    const { formatParams } = await import('./format');
    expect(formatParams(7e9, 'en')).toBe('7B');
    expect(formatParams(1.75e11, 'en')).toBe('175B');
    expect(formatParams(3.4e8, 'en')).toBe('340M');
    expect(formatParams(1.5e9, 'en')).toBe('1.5B');
    expect(formatParams(2e12, 'en')).toBe('2T');
    expect(formatParams(7e9, 'zh')).toBe('70 亿');
    expect(formatParams(1.75e11, 'zh')).toBe('1,750 亿');
    expect(formatParams(1.2e12, 'zh')).toBe('1.2 万亿');
  });
});

describe('money and shares', () => {
  it('formats dollars, percentages and counts per edition', async () => {
    const { formatUsd, formatPercent, formatCount } = await import('./format');
    expect(formatUsd(320.51, 'en')).toBe('$321');
    expect(formatUsd(0.2778, 'en')).toBe('$0.2778');
    expect(formatUsd(-1500, 'zh')).toBe('−1,500 美元');
    expect(formatPercent(0.25, 'en')).toBe('25.0%');
    expect(formatCount(1.2e20, 'en')).toBe('1.2 × 10²⁰');
    expect(formatCount(11764705, 'en')).toBe('11,764,705');
  });
});
