import type { ComponentType } from 'react';
import type { CalcResult, Text } from '@/lib/finance/result';
import type { Lang } from '@/lib/i18n';

export type OutputFormat = 'usd' | 'number' | 'count' | 'sci' | 'percent' | 'bytes' | 'yesno' | 'months' | 'multiple' | 'params' | 'month';

export interface InputSpec {
  key: string;
  label: Text;
  unit?: Text;
  hint?: Text;
  /** Labels of an enum's options. */
  options?: Record<string, Text>;
}

export interface OutputSpec {
  key: string;
  label: Text;
  format: OutputFormat;
  digits?: number;
  unit?: Text;
}

export interface ChartProps {
  values: Record<string, unknown>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  result: CalcResult<any> & { ok: true };
  lang: Lang;
}

export interface CalculatorUi {
  title: Text;
  inputs: InputSpec[];
  /** Inputs shown under "More settings" (closed by default). */
  advanced?: InputSpec[];
  outputs: OutputSpec[];
  Chart?: ComponentType<ChartProps>;
}
