/**
 * Worked numbers from the startup calculators: `<Calc calc="trainingCost" inputs={{ params: 1e9 }} out="cost" />` runs
 * the same function the calculator on the page runs, with its defaults overridden, and prints one output.
 */
import { CALCULATORS } from '../finance';
import { resolveDefaults, type Schema } from '../state/schema';

/** Runs calculator `id` on its defaults overridden by `inputs` and returns output `out`; throws (failing the build) on any problem. */
export function computeCalculator(id: string, inputs: Record<string, unknown>, out: string): number {
  const entry = (CALCULATORS as Record<string, { schema: Schema; compute: (v: never) => { ok: boolean; value?: Record<string, unknown>; problems?: { message: { en: string } }[]; missing?: Record<string, unknown> } }>)[id];
  if (!entry) throw new Error(`<Calc calc="${id}">: no such calculator (${Object.keys(CALCULATORS).join(', ')})`);
  const values = resolveDefaults(id, entry.schema, inputs);
  const r = entry.compute(values as never);
  if (!r.ok) throw new Error(`<Calc calc="${id}">: ${r.problems?.map((p) => p.message.en).join(' ')}`);
  if (r.missing && out in r.missing) throw new Error(`<Calc calc="${id}" out="${out}">: this output has no value for these inputs`);
  const v = r.value?.[out];
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`<Calc calc="${id}" out="${out}">: no finite numeric output "${out}"`);
  return v;
}

