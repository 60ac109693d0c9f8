import { describe, expect, it } from 'vitest';
import { appendicesWorked as w } from './appendices';

describe('ISBN check digits', () => {
  it('accepts the ISBN-10 of Goodfellow, Bengio and Courville, Deep Learning (MIT Press, 0-262-03561-8)', () => {
    // hand: 10·0 + 9·2 + 8·6 + 7·2 + 6·0 + 5·3 + 4·5 + 3·6 + 2·1 + 1·8 = 0+18+48+14+0+15+20+18+2+8 = 143 = 13·11
    expect(w.isbn10WeightedSum('0262035618')).toBe(143);
    expect(w.isbn10Remainder('0-262-03561-8')).toBe(0);
    expect(w.isbn10CheckDigit('026203561')).toBe(8);
  });
  it('accepts its ISBN-13, 978-0-262-03561-3', () => {
    // hand: 9+21+8+0+2+18+2+0+3+15+6+3+3 = 90 ≡ 0 (mod 10)
    expect(w.isbn13Remainder('9780262035613')).toBe(0);
    // one digit changed breaks it: the last 3 → 4 adds 1
    expect(w.isbn13Remainder('9780262035614')).toBe(1);
  });
  it.each([
    // source 002, appendix A.3: the four amazon.com/dp/… links, checked by hand
    ['1788996114', 325, 6], // 10+63+64+56+54+45+24+3+2+4
    ['0128019675', 159, 5], // 0+9+16+56+0+5+36+18+14+5
    ['0262039388', 164, 10], // 0+18+48+14+0+15+36+9+16+8
    ['0262035615', 140, 8], // 0+18+48+14+0+15+20+18+2+5
  ])('rejects %s: weighted sum %i leaves remainder %i', (isbn, sum, remainder) => {
    expect(w.isbn10WeightedSum(isbn)).toBe(sum);
    expect(w.isbn10Remainder(isbn)).toBe(remainder);
  });
  it('reads a final X as 10', () => {
    // 0-8044-2957-X (a textbook example of a valid ISBN-10): 0+72+0+28+24+10+36+15+14+10 = 209 = 19·11
    expect(w.isbn10WeightedSum('080442957X')).toBe(209);
    expect(w.isbn10Remainder('080442957X')).toBe(0);
    expect(w.isbn10CheckDigit('080442957')).toBe(10);
  });
  it('refuses strings that are not ISBNs', () => {
    expect(() => w.isbn10WeightedSum('12345')).toThrow(/isbn10WeightedSum/);
    expect(() => w.isbn10Remainder('X262035618')).toThrow(/isbn10Remainder/);
    expect(() => w.isbn13Remainder('978026203561')).toThrow(/isbn13Remainder/);
    expect(() => w.isbn10CheckDigit('0262035618')).toThrow(/isbn10CheckDigit/);
  });
});

describe('self-hosting against an API', () => {
  // hand, from the inferenceCost defaults: per decode step the GPU reads the weights, 8e9 × 2 B = 16e9 B, and the KV
  // cache, 32 sequences × 4096 tokens × (2 · 32 layers · 8 heads · 128 dims · 2 B = 131,072 B) = 17,179,869,184 B;
  // at 3.35e12 B/s one step takes 33,179,869,184 / 3.35e12 = 0.0099044 s and yields 32 tokens: 3,230.87 tokens/s.
  // An H100 at 2.5 USD/h costs 2.5/3600 USD/s, so a million tokens cost 2.5/3600/3230.87 × 1e6 = 0.214940 USD.
  const costPerMillion = ((2.5 / 3600) / (32 / ((16e9 + 32 * 4096 * 131072) / 3.35e12))) * 1e6;
  it('divides the full-load cost per million tokens by the API price', () => {
    expect(costPerMillion).toBeCloseTo(0.21494, 5);
    expect(w.selfHostBreakEvenShare(0.4)).toBeCloseTo(costPerMillion / 0.4, 10);
    expect(w.selfHostBreakEvenShare(0.4)).toBeCloseTo(0.53735, 4);
  });
  it('exceeds 1 when a single sequence at a time cannot match the API', () => {
    // batch 1: the step still reads 16e9 B of weights plus 4096 × 131,072 B of cache, for one token:
    // (16e9 + 536,870,912) / 3.35e12 = 0.0049364 s per token; 2.5/3600 × 0.0049364 × 1e6 = 3.42804 USD per million
    expect(w.selfHostBreakEvenShare(0.4, 1)).toBeCloseTo(3.42804 / 0.4, 3);
    expect(w.selfHostBreakEvenShare(0.4, 1)).toBeGreaterThan(1);
  });
  it('refuses a price of zero', () => {
    expect(() => w.selfHostBreakEvenShare(0)).toThrow(/positive/);
  });
});
