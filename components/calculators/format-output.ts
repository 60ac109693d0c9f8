import { formatBytes, formatCount, formatNumber, formatParams, formatPercent, formatUsd } from '@/lib/format';
import type { Lang } from '@/lib/i18n';
import type { OutputSpec } from './types';

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
      return value ? (lang === 'zh' ? '是' : 'Yes') : lang === 'zh' ? '否' : 'No';
    case 'months':
      return lang === 'zh' ? `${formatNumber(value, lang, { digits: d ?? 0 })} 个月` : `${formatNumber(value, lang, { digits: d ?? 0 })} months`;
    case 'month':
      if (value < 0) return lang === 'zh' ? '期内未达到' : 'not within the horizon';
      return lang === 'zh' ? `第 ${formatNumber(value, lang)} 个月` : `month ${formatNumber(value, lang)}`;
    case 'multiple':
      return `${formatNumber(value, lang, { digits: d ?? 2 })}×`;
    case 'params':
      return formatParams(value, lang);
    case 'number':
      return formatNumber(value, lang, { digits: d ?? 2 });
  }
}
