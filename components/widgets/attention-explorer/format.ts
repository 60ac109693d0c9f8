import { formatNumber } from '@/lib/format';
import type { Lang } from '@/lib/i18n';

/** A number as the explorer writes it: fixed digits, a true minus sign, and no "−0.00". */
export function makeFormat(lang: Lang) {
  return (v: number, digits = 2) => formatNumber(Math.abs(v) < 0.5 * 10 ** -digits ? 0 : v, lang, { digits }).replace(/^-/, '−');
}
