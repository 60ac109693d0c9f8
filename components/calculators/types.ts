import type { ComponentType } from 'react';
import type { CalcResult } from '@/lib/finance/result';
import type { Bilingual, Lang } from '@/lib/i18n';

export type OutputFormat = 'usd' | 'number' | 'count' | 'sci' | 'percent' | 'bytes' | 'yesno' | 'months' | 'multiple' | 'params' | 'month';

export interface InputSpec {
  key: string;
  label: Bilingual;
  unit?: Bilingual;
  hint?: Bilingual;
  /** Labels of an enum's options. */
  options?: Record<string, Bilingual>;
}

export interface OutputSpec {
  key: string;
  label: Bilingual;
  format: OutputFormat;
  digits?: number;
  unit?: Bilingual;
}

export interface ChartProps {
  values: Record<string, unknown>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  result: CalcResult<any> & { ok: true };
  lang: Lang;
}

export interface CalculatorUi {
  title: Bilingual;
  inputs: InputSpec[];
  /** Inputs shown under "More settings" (closed by default). */
  advanced?: InputSpec[];
  outputs: OutputSpec[];
  Chart?: ComponentType<ChartProps>;
}
