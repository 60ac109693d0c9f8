/** Number formatting for people, per edition. */
import { NUMBER_LOCALE, bilingual, type Lang } from './i18n';

const SUPERSCRIPT: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

/**
 * Formats `value` with `digits` fraction digits and the edition's grouping ("1,234.5"). With `sci`, writes
 * m × 10ⁿ with `digits` fraction digits in the mantissa (trailing zeros dropped).
 */
export function formatNumber(value: number, lang: Lang, { digits = 0, sci = false }: { digits?: number; sci?: boolean } = {}): string {
  if (!Number.isFinite(value)) return '—';
  const locale = NUMBER_LOCALE[lang];
  if (sci && value !== 0) {
    let exp = Math.floor(Math.log10(Math.abs(value)));
    let mantissa = Number((value / 10 ** exp).toFixed(digits));
    if (Math.abs(mantissa) >= 10) {
      mantissa /= 10;
      exp += 1;
    }
    const m = new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(mantissa);
    const e = String(exp).split('').map((c) => SUPERSCRIPT[c] ?? c).join('');
    return m === '1' ? `10${e}` : `${m} × 10${e}`;
  }
  return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** Bytes in decimal units (kB, MB, GB, TB), as accelerator vendors count them. */
export function formatBytes(bytes: number, lang: Lang, digits = 1): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];
  let i = 0;
  let v = bytes;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i += 1;
  }
  return `${formatNumber(v, lang, { digits: i === 0 ? 0 : digits })} ${units[i]}`;
}

/** The named magnitudes of each edition, largest first: a count at or above `scale` is written in that unit. */
const MAGNITUDES = bilingual<readonly { scale: number; suffix: string }[]>({
  zh: [
    { scale: 1e12, suffix: ' 万亿' },
    { scale: 1e8, suffix: ' 亿' },
    { scale: 1e4, suffix: ' 万' },
  ],
  en: [
    { scale: 1e12, suffix: 'T' },
    { scale: 1e9, suffix: 'B' },
    { scale: 1e6, suffix: 'M' },
    { scale: 1e3, suffix: 'K' },
  ],
});

/** A parameter count as people say it: "7B", "340M", "1.2T" in English; "70 亿", "3.4 亿", "1.2 万亿" in Chinese. */
export function formatParams(n: number, lang: Lang): string {
  if (!Number.isFinite(n) || n < 0) return '—';
  const trim = (v: number) => formatNumber(v, lang, { digits: v >= 100 ? 0 : v >= 10 ? 1 : 2 }).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
  const unit = MAGNITUDES[lang].find((u) => n >= u.scale);
  return unit ? `${trim(n / unit.scale)}${unit.suffix}` : trim(n);
}

const USD = bilingual({
  zh: (sign: string, n: string) => `${sign}${n} 美元`,
  en: (sign: string, n: string) => `${sign}$${n}`,
});

/** US dollars: "$1,234" / "1,234 美元"; cents shown below 100 unless `digits` says otherwise. */
export function formatUsd(value: number, lang: Lang, digits?: number): string {
  if (!Number.isFinite(value)) return '—';
  const d = digits ?? (Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 1 ? 2 : 4);
  const n = formatNumber(Math.abs(value), lang, { digits: d });
  const sign = value < 0 ? '−' : '';
  return USD[lang](sign, n);
}

/** A fraction as a percentage: 0.253 → "25.3%". */
export function formatPercent(fraction: number, lang: Lang, digits = 1): string {
  if (!Number.isFinite(fraction)) return '—';
  return `${formatNumber(fraction * 100, lang, { digits })}%`;
}

/** Large counts compactly: 1.2 × 10²⁰ above a million million, else grouped digits. */
export function formatCount(value: number, lang: Lang, digits = 0): string {
  if (!Number.isFinite(value)) return '—';
  return Math.abs(value) >= 1e12 ? formatNumber(value, lang, { sci: true, digits: Math.max(1, digits) }) : formatNumber(value, lang, { digits });
}
