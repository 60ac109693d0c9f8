import { formatBytes, formatCount, formatNumber, formatParams, formatPercent, formatUsd } from '@/lib/format';
import { bilingual, type Lang } from '@/lib/i18n';
import type { OutputSpec } from './types';

const TEXT = bilingual({
  zh: {
    yes: '是',
    no: '否',
    months: (n: string) => `${n} 个月`,
    notReached: '期内未达到',
    month: (n: string) => `第 ${n} 个月`,
  },
  en: {
    yes: 'Yes',
    no: 'No',
    months: (n: string) => `${n} months`,
    notReached: 'not within the horizon',
    month: (n: string) => `month ${n}`,
  },
});

/** Formats an output for people; the raw number goes in data-value beside it. */
export function formatOutput(value: number, spec: OutputSpec, lang: Lang): string {
  const d = spec.digits;
  switch (spec.format) {
    case 'usd':
      return formatUsd(value, lang, d);
    case 'percent':
      return formatPercent(value, lang, d ?? 1);
    case 'bytes':
      return formatBytes(value, lang, d ?? 1);
    case 'sci':
      return formatNumber(value, lang, { sci: true, digits: d ?? 2 });
    case 'count':
      return formatCount(value, lang, d ?? 0);
    case 'yesno':
      return value ? TEXT[lang].yes : TEXT[lang].no;
    case 'months':
      return TEXT[lang].months(formatNumber(value, lang, { digits: d ?? 0 }));
    case 'month':
      if (value < 0) return TEXT[lang].notReached;
      return TEXT[lang].month(formatNumber(value, lang));
    case 'multiple':
      return `${formatNumber(value, lang, { digits: d ?? 2 })}×`;
    case 'params':
      return formatParams(value, lang);
    case 'number':
      return formatNumber(value, lang, { digits: d ?? 2 });
  }
}
