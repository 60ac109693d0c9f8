/**
 * What a calculator returns: its outputs, or a reason it cannot give them. A reason is shown in place of the output,
 * so a reader never sees NaN or Infinity. Notes are caveats shown next to valid outputs.
 */
import type { Bilingual } from '../i18n';

export interface CalcProblem {
  /** Stable code for tests, e.g. 'negativeCash', 'zeroChurn'. */
  code: string;
  /** The input it is about, if any. */
  field?: string;
  message: Bilingual;
}

export type CalcResult<O> =
  | { ok: true; value: O; notes: CalcProblem[]; /** Outputs that have no meaningful value, with the reason. */ missing?: Partial<Record<keyof O & string, CalcProblem>> }
  | { ok: false; problems: CalcProblem[] };

export const ok = <O>(value: O, notes: CalcProblem[] = [], missing?: Partial<Record<keyof O & string, CalcProblem>>): CalcResult<O> => ({
  ok: true,
  value,
  notes,
  ...(missing ? { missing } : {}),
});

export const fail = <O>(...problems: CalcProblem[]): CalcResult<O> => ({ ok: false, problems });

export const problem = (code: string, message: Bilingual, field?: string): CalcProblem => ({ code, message, ...(field ? { field } : {}) });
