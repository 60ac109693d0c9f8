import { describe, expect, it } from 'vitest';
import { charNgrams, fnv1a, hashedMatrix, hashedNgrams, normalizeText } from './char-ngrams';

describe('fnv1a', () => {
  it.each([
    // The published 32-bit FNV-1a test vectors (http://www.isthe.com/chongo/tech/comp/fnv/)
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('hashes %j to the published value', (s, h) => {
    expect(fnv1a(s)).toBe(h);
  });

  it('hashes Chinese characters by their code units, to unsigned 32-bit integers', () => {
    const h = fnv1a('退款');
    expect(Number.isInteger(h) && h >= 0 && h < 2 ** 32).toBe(true);
    expect(h).not.toBe(fnv1a('款退'));
  });
});

describe('normalizeText', () => {
  it('folds case, full-width forms and white space', () => {
    expect(normalizeText('  ＲＥＦＵＮＤ\tPlease\n\n ')).toBe('refund please');
    expect(normalizeText('订单　１２３')).toBe('订单 123');
    expect(normalizeText('   ')).toBe('');
  });
});

describe('charNgrams', () => {
  it('takes unigrams without spaces and longer n-grams over the padded text (hand enumeration)', () => {
    expect(charNgrams('ab c', { minN: 1, maxN: 1 })).toEqual(['a', 'b', 'c']);
    // padded " ab c ": bigrams " a", "ab", "b ", " c", "c "
    expect(charNgrams('ab c', { minN: 2, maxN: 2 })).toEqual([' a', 'ab', 'b ', ' c', 'c ']);
    expect(charNgrams('退款', { minN: 1, maxN: 3 })).toEqual(['退', '款', ' 退', '退款', '款 ', ' 退款', '退款 ']);
  });

  it('counts an emoji as one character', () => {
    expect(charNgrams('a😡', { minN: 1, maxN: 1 })).toEqual(['a', '😡']);
  });

  it('has no n-grams for empty text and refuses a bad range', () => {
    expect(charNgrams(' \n ', { minN: 1, maxN: 3 })).toEqual([]);
    expect(() => charNgrams('x', { minN: 0, maxN: 2 })).toThrow(RangeError);
    expect(() => charNgrams('x', { minN: 3, maxN: 2 })).toThrow(RangeError);
  });
});

describe('hashedNgrams', () => {
  const opts = { dim: 64, minN: 1, maxN: 3 };

  it('gives a unit vector, the same for the same text however it is typed', () => {
    const v = hashedNgrams('Refund please', opts);
    expect(Math.hypot(...v)).toBeCloseTo(1, 6);
    expect(hashedNgrams('  ＲＥＦＵＮＤ   please', opts)).toEqual(v);
  });

  it('puts each n-gram in bucket fnv1a mod dim with the sign of the top bit (hand check on one character)', () => {
    // "a" with n = 1 only: one n-gram; fnv1a("a") = 0xe40c292c, top bit set → −1; 0xe40c292c mod 64 = 0x2c = 44
    const v = hashedNgrams('a', { dim: 64, minN: 1, maxN: 1 });
    expect(v[44]).toBe(-1);
    expect(v.reduce((s, x) => s + Math.abs(x), 0)).toBe(1);
  });

  it('is all zeros for empty text', () => {
    expect(hashedNgrams('', opts).every((x) => x === 0)).toBe(true);
  });

  it('keeps a typo close to the word it meant and far from an unrelated one', () => {
    const dim = 512;
    const cos = (a: string, b: string) => {
      const x = hashedNgrams(a, { dim, minN: 1, maxN: 3 });
      const y = hashedNgrams(b, { dim, minN: 1, maxN: 3 });
      return x.reduce((s, v, i) => s + v * y[i]!, 0);
    };
    expect(cos('refund', 'refnd')).toBeGreaterThan(0.5);
    expect(cos('refund', 'refnd')).toBeGreaterThan(cos('refund', 'password') + 0.3);
  });

  it('stacks texts into a row-major matrix', () => {
    const m = hashedMatrix(['a', 'b'], opts);
    expect(m).toHaveLength(128);
    expect(Array.from(m.subarray(64))).toEqual(Array.from(hashedNgrams('b', opts)));
    expect(() => hashedNgrams('a', { ...opts, dim: 0 })).toThrow(RangeError);
  });
});
