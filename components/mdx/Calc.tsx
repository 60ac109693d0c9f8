import { computeWorked } from '@/lib/worked/registry';
import { computeCalculator } from '@/lib/worked/calculators';
import { formatNumber } from '@/lib/format';
import type { Lang } from '@/lib/i18n';

interface Props {
  /** A function of lib/worked/registry.ts … */
  fn?: string;
  args?: unknown[];
  /** … or a calculator of lib/finance, run with its defaults overridden by `inputs`, printing output `out`. */
  calc?: string;
  inputs?: Record<string, unknown>;
  out?: string;
  digits?: number;
  format?: 'sci' | 'percent';
  lang: Lang;
}

/**
 * A worked number, computed at build time by tested code, so the prose cannot drift from it. A bad name or a failed
 * computation fails the build, naming the tag.
 */
export function Calc({ fn, args = [], calc, inputs = {}, out, digits = 0, format, lang }: Props) {
  let value: number;
  let source: string;
  if (calc) {
    if (!out) throw new Error(`<Calc calc="${calc}">: say which output with out="…"`);
    value = computeCalculator(calc, inputs, out);
    source = `${calc}.${out}`;
  } else if (fn) {
    value = computeWorked(fn, args);
    source = fn;
  } else {
    throw new Error('<Calc>: give fn="…" or calc="…"');
  }
  const text = format === 'percent' ? `${formatNumber(value * 100, lang, { digits })}%` : formatNumber(value, lang, { digits, sci: format === 'sci' });
  return (
    <span className="calc" data-calc={source} data-value={value}>
      {text}
    </span>
  );
}
