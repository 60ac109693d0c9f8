/**
 * Checks shared by the calculators: inputs that are not numbers, negative amounts, and outputs that overflowed. Inputs
 * normally pass the schemas' bounds, but a control or a caller can bypass them, so every calculator re-checks what
 * its formulas need and answers with a reason instead of NaN or Infinity.
 */
import type { Bilingual } from '../i18n';
import type { Schema } from '../state/schema';
import { fail, ok, problem, type CalcProblem, type CalcResult } from './result';

/** Problems for number fields that are not finite numbers and enum fields that are not one of their options. */
export function malformedInputs(schema: Schema, inputs: Record<string, unknown>, labels: Record<string, Bilingual> = {}): CalcProblem[] {
  const out: CalcProblem[] = [];
  for (const [key, field] of Object.entries(schema)) {
    const v = inputs[key];
    const label = labels[key] ?? { en: key, zh: key };
    if (field.type === 'number' && (typeof v !== 'number' || !Number.isFinite(v))) {
      out.push(problem('notANumber', { zh: `${label.zh}不是有效的数字。`, en: `${label.en} is not a number.` }, key));
    } else if (field.type === 'enum' && !(field.options as readonly unknown[]).includes(v)) {
      out.push(
        problem('notAnOption', { zh: `${label.zh}只能取以下之一：${field.options.join('、')}。`, en: `${label.en} must be one of: ${field.options.join(', ')}.` }, key),
      );
    }
  }
  return out;
}

/** Problems for the named fields that are below zero. */
export function negativeInputs(inputs: Record<string, unknown>, keys: readonly string[], labels: Record<string, Bilingual> = {}): CalcProblem[] {
  const out: CalcProblem[] = [];
  for (const key of keys) {
    const v = inputs[key];
    if (typeof v === 'number' && v < 0) {
      const label = labels[key] ?? { en: key, zh: key };
      out.push(problem('negative', { zh: `${label.zh}不能为负数。`, en: `${label.en} cannot be negative.` }, key));
    }
  }
  return out;
}

/** Problems for the named fields that are not above zero (they divide something). */
export function nonPositiveInputs(inputs: Record<string, unknown>, keys: readonly string[], labels: Record<string, Bilingual> = {}): CalcProblem[] {
  const out: CalcProblem[] = [];
  for (const key of keys) {
    const v = inputs[key];
    if (typeof v === 'number' && !(v > 0)) {
      const label = labels[key] ?? { en: key, zh: key };
      out.push(problem('notPositive', { zh: `${label.zh}必须大于 0。`, en: `${label.en} must be above 0.` }, key));
    }
  }
  return out;
}

/** The MFU check of trainingCost and inferenceCost: a share of peak throughput, in (0, 1]. */
export function mfuProblems(mfu: number): CalcProblem[] {
  if (!(mfu > 0))
    return [
      problem(
        'mfuZero',
        {
          zh: 'MFU 必须大于 0：利用率为 0% 时，这些计算永远也完不成。',
          en: 'MFU must be above 0: at 0 % utilisation the accelerators never finish the work.',
        },
        'mfu',
      ),
    ];
  if (mfu > 1)
    return [
      problem(
        'mfuAboveOne',
        {
          zh: `MFU 是芯片峰值算力被用上的比例，不能超过 1（100%）；当前输入为 ${mfu}。`,
          en: `MFU is a share of the chip's peak throughput, so it cannot exceed 1 (100 %); ${mfu} was entered.`,
        },
        'mfu',
      ),
    ];
  return [];
}

/** True when every number reachable from `x` (objects, arrays) is finite. Strings and booleans are ignored. */
export function allFinite(x: unknown): boolean {
  if (typeof x === 'number') return Number.isFinite(x);
  if (Array.isArray(x)) return x.every(allFinite);
  if (x !== null && typeof x === 'object') return Object.values(x).every(allFinite);
  return true;
}

const overflow = problem(
  'overflow',
  {
    zh: '这组输入得出的数字超出了可计算的范围（约 10³⁰⁸）。请换用较小的数值。',
    en: 'These inputs give numbers too large to compute (beyond about 10³⁰⁸). Try smaller values.',
  },
);

/**
 * `ok(value, notes, missing)`, unless some number in `value` (its `detail` included) is not finite: then a failure
 * that says the numbers overflowed, so no Infinity or NaN ever reaches a reader.
 */
export function okFinite<O>(value: O, notes: CalcProblem[] = [], missing?: Partial<Record<keyof O & string, CalcProblem>>): CalcResult<O> {
  if (!allFinite(value)) return fail(overflow);
  return ok(value, notes, missing && Object.keys(missing).length > 0 ? missing : undefined);
}
