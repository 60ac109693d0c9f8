/**
 * What one of the startup calculators publishes for given settings, as a lab reads it: every numeric output that the
 * calculator shows with a `data-value` (components/calculators/Calculator.tsx), keyed by output name; outputs the
 * calculator leaves missing (a payback that never comes, an unbounded LTV) are absent. Used by the labs' tests to check
 * that a goal is unmet on a chapter's starting settings and reachable with the controls.
 */
import { CALCULATORS, type CalculatorId } from '../finance';
import { resolveDefaults, type Schema } from '../state/schema';
import type { LabResults } from './types';

interface AnyCalculator {
  schema: Schema;
  compute: (v: never) => { ok: boolean; value?: Record<string, unknown>; missing?: Record<string, unknown> };
}

/** The results calculator `id` publishes with its defaults overridden by `inputs`; throws if it refuses them. */
export function calculatorResults(id: CalculatorId, inputs: Record<string, unknown>): LabResults {
  const { schema, compute } = CALCULATORS[id] as unknown as AnyCalculator;
  const r = compute(resolveDefaults(id, schema, inputs) as never);
  if (!r.ok || !r.value) throw new Error(`${id}: the calculator refused these inputs`);
  const out: Record<string, number | undefined> = {};
  for (const [k, v] of Object.entries(r.value)) {
    if (typeof v === 'number' && Number.isFinite(v) && !(r.missing && k in r.missing)) out[k] = v;
  }
  return out;
}
