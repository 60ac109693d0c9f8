/**
 * How the automatic backend choice times a model: warm up, one step, an estimate from one more, then a run of steps
 * that fills a time budget, waited for once. Shared by the training session (which keeps the fastest backend) and the benchmark (which
 * checks that what this short timing picks is within 10 % of the fastest backend measured at length).
 */

/**
 * The time budget per backend once it is warm (ms), and the most steps it times. 400 steps lets a tiny model's
 * 0.25 ms steps fill the budget: with 40 (10 ms of timing) the choice between WASM and CPU on the Playground was
 * noise (bench, 2026-12-06: WASM picked at 0.28 ms a step against the CPU's 0.24).
 */
export const TIMING_BUDGET_MS = 150;
export const TIMING_MAX_STEPS = 400;

/** What timing needs of a run: a warm-up, steps. */
export interface Timeable {
  warmUp?(): Promise<void>;
  step(n: number): Promise<unknown>;
}

/**
 * Milliseconds per step of `run`, as training sees them: warmUp and one step; one more step, waited for (`sync` waits
 * until the backend has finished), gives a first estimate; then as many steps as fit in `budgetMs` by that estimate
 * (1 to `maxSteps`) run back to back and are waited for once, as the training loop, which reads the loss back only
 * every few steps, runs them. The run's state moves on: time a copy.
 */
export async function timeSteps(run: Timeable, now: () => number, sync: () => Promise<void>, budgetMs = TIMING_BUDGET_MS, maxSteps = TIMING_MAX_STEPS): Promise<number> {
  await run.warmUp?.();
  await run.step(1);
  await sync();
  const t0 = now();
  await run.step(1);
  await sync();
  const first = now() - t0;
  const k = Math.max(1, Math.min(maxSteps, Math.floor(budgetMs / Math.max(first, 0.01))));
  const t1 = now();
  await run.step(k);
  await sync();
  return (now() - t1) / k;
}
