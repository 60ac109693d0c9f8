/**
 * Worked numbers of the appendices `frameworks` and `faq` (see registry.ts): the ISBN check digits that show which of
 * the sources' book links cannot point to any book, and the break-even between a hosted API and a rented GPU. Every
 * entry has a test in appendices.test.ts.
 */
import { computeCalculator } from './calculators';

/** The digits of an ISBN of `length` characters (hyphens and spaces ignored; a final X in an ISBN-10 stands for 10). */
function isbnDigits(isbn: string, length: 9 | 10 | 13, name: string): number[] {
  const s = isbn.replace(/[-\s]/g, '');
  const pattern = length === 10 ? /^\d{9}[\dXx]$/ : length === 9 ? /^\d{9}$/ : /^\d{13}$/;
  if (!pattern.test(s)) throw new Error(`${name}: "${isbn}" is not ${length} ISBN digits`);
  return [...s].map((c) => (c === 'X' || c === 'x' ? 10 : Number(c)));
}

/** Σ (10 − i)·dᵢ over the ten digits d₀ … d₉ of an ISBN-10; a valid ISBN-10 makes this a multiple of 11. */
function isbn10Sum(isbn: string, name: string): number {
  return isbnDigits(isbn, 10, name).reduce((s, d, i) => s + (10 - i) * d, 0);
}

export const appendicesWorked = {
  /** The ISBN-10 weighted sum Σ (10 − i)·dᵢ, i = 0 … 9 (weights 10, 9, …, 1). */
  isbn10WeightedSum: (isbn: string) => isbn10Sum(isbn, 'isbn10WeightedSum'),
  /** The weighted sum modulo 11: 0 for a valid ISBN-10, anything else for a mistyped or invented one. */
  isbn10Remainder: (isbn: string) => isbn10Sum(isbn, 'isbn10Remainder') % 11,
  /** The check digit that completes nine ISBN digits into a valid ISBN-10 (10 is printed as X). */
  isbn10CheckDigit: (first9: string) => {
    const partial = isbnDigits(first9, 9, 'isbn10CheckDigit').reduce((s, d, i) => s + (10 - i) * d, 0);
    return (11 - (partial % 11)) % 11;
  },
  /** The ISBN-13 weighted sum (weights 1, 3, 1, 3, …) modulo 10: 0 for a valid ISBN-13. */
  isbn13Remainder: (isbn: string) =>
    isbnDigits(isbn, 13, 'isbn13Remainder').reduce((s, d, i) => s + (i % 2 === 0 ? 1 : 3) * d, 0) % 10,
  /**
   * The share of the hours a rented GPU must be busy for self-hosting to cost no more per token than an API selling
   * tokens at `apiPricePerMillion` USD per million: the inferenceCost calculator's cost per million output tokens at
   * full load (its defaults, an 8-billion-parameter model in bf16 on one H100 at 2.5 USD an hour, with `batch`
   * concurrent sequences), divided by the API price. Above 1, renting cannot match the API even when always busy.
   */
  selfHostBreakEvenShare: (apiPricePerMillion: number, batch: number = 32) => {
    if (!(apiPricePerMillion > 0)) throw new Error(`selfHostBreakEvenShare: the API price must be positive, got ${apiPricePerMillion}`);
    return computeCalculator('inferenceCost', { batch }, 'costPerMillion') / apiPricePerMillion;
  },
} satisfies Record<string, (...args: never[]) => number>;
