'use client';

import { useState } from 'react';
import { BASE_PATH } from '@/lib/base-path';
import type { BackendName } from '@/lib/ml/backends';
import type { FusedCheck, LoopBenchmark, ModelBenchmark } from '@/lib/training/bench';

type ModelRow = ModelBenchmark | { model: string; backend: BackendName; error: string };
type Row = { backend: BackendName; result?: LoopBenchmark; models?: ModelRow[]; error?: string };

function runOne(backend: BackendName): Promise<Row> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('../../lib/training/bench.worker.ts', import.meta.url));
    worker.onmessage = (e: MessageEvent<{ ok: boolean; result?: LoopBenchmark; models?: ModelRow[]; error?: string }>) => {
      worker.terminate();
      resolve(e.data.ok ? { backend, result: e.data.result, models: e.data.models } : { backend, error: e.data.error });
    };
    worker.onerror = (e) => {
      worker.terminate();
      resolve({ backend, error: e.message || 'the worker failed' });
    };
    worker.postMessage({ backend, basePath: BASE_PATH });
  });
}

/** Runs the check of the fused WebGPU kernels in a worker. */
function runCheck(): Promise<{ check?: FusedCheck; error?: string }> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('../../lib/training/bench.worker.ts', import.meta.url));
    worker.onmessage = (e: MessageEvent<{ ok: boolean; check?: FusedCheck; error?: string }>) => {
      worker.terminate();
      resolve(e.data.ok ? { check: e.data.check } : { error: e.data.error });
    };
    worker.onerror = (e) => {
      worker.terminate();
      resolve({ error: e.message || 'the worker failed' });
    };
    worker.postMessage({ backend: 'webgpu', basePath: BASE_PATH, check: true });
  });
}

/** Checks the fused WebGPU kernels against the tensor ops; the gaps are shown and exposed as data attributes for e2e. */
export function FusedKernelCheck() {
  const [state, setState] = useState<'idle' | 'running' | 'done'>('idle');
  const [result, setResult] = useState<{ check?: FusedCheck; error?: string } | null>(null);
  const gaps = result?.check ? { ...result.check.optimizers, ...Object.fromEntries(Object.entries(result.check.logits).map(([k, v]) => [`loss-${k}`, v])) } : {};
  return (
    <section data-check-state={state} data-check-gaps={result?.check ? JSON.stringify(gaps) : undefined} data-check-error={result?.error}>
      <button
        type="button"
        onClick={async () => {
          setState('running');
          setResult(await runCheck());
          setState('done');
        }}
        disabled={state === 'running'}
      >
        Check the fused WebGPU kernels / 检查 WebGPU 融合内核
      </button>
      {result?.error ? <p>Not available here: {result.error}</p> : null}
      {result?.check ? (
        <ul>
          {Object.entries(gaps).map(([k, v]) => (
            <li key={k}>
              {k}: largest difference {v.toExponential(2)}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** Runs the loop benchmark on each backend in turn and shows (and exposes to `npm run bench`) the results. */
export function BenchRunner() {
  const [rows, setRows] = useState<Row[]>([]);
  const [running, setRunning] = useState(false);
  const run = async () => {
    setRunning(true);
    setRows([]);
    const out: Row[] = [];
    for (const backend of ['webgpu', 'webgl', 'wasm', 'cpu'] as BackendName[]) {
      const row = await runOne(backend);
      out.push(row);
      setRows([...out]);
    }
    (window as unknown as { __benchResults?: Row[] }).__benchResults = out;
    setRunning(false);
  };
  return (
    <section data-bench-state={running ? 'running' : rows.length ? 'done' : 'idle'}>
      <button type="button" className="button-primary" onClick={run} disabled={running}>
        {running ? 'Running… / 运行中…' : 'Run the benchmarks / 运行基准测试'}
      </button>
      {rows.length ? (
        <div className="table-scroll" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">Backend</th>
                <th scope="col" className="num">Our loop (steps/s)</th>
                <th scope="col" className="num">Our loop via model.apply (steps/s)</th>
                <th scope="col" className="num">model.fit (steps/s)</th>
                <th scope="col" className="num">Ratio</th>
                <th scope="col" className="num">Tensors before → after 1,000 steps</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.backend} data-backend={r.backend}>
                  <th scope="row">{r.backend}</th>
                  {r.result ? (
                    <>
                      <td className="num">{r.result.ourStepsPerSecond.toFixed(0)}</td>
                      <td className="num">{r.result.applyStepsPerSecond.toFixed(0)}</td>
                      <td className="num">{r.result.fitStepsPerSecond.toFixed(0)}</td>
                      <td className="num">{r.result.ratio.toFixed(2)}×</td>
                      <td className="num">
                        {r.result.tensorsBefore} → {r.result.tensorsAfter}
                      </td>
                    </>
                  ) : (
                    <td colSpan={5}>not available here: {r.error}</td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {rows.some((r) => r.models?.length) ? (
        <div className="table-scroll" tabIndex={0}>
          <table>
            <caption>Per model: ms per step, ours against model.fit, and on WebGPU the GPU work of one step</caption>
            <thead>
              <tr>
                <th scope="col">Backend</th>
                <th scope="col">Model</th>
                <th scope="col" className="num">Ours (ms)</th>
                <th scope="col" className="num">fit (ms)</th>
                <th scope="col" className="num">Speed-up</th>
                <th scope="col" className="num">Quick timing (ms)</th>
                <th scope="col" className="num">Dispatches ours / fit</th>
              </tr>
            </thead>
            <tbody>
              {rows.flatMap((r) =>
                (r.models ?? []).map((m) => (
                  <tr key={`${r.backend}-${m.model}`}>
                    <th scope="row">{r.backend}</th>
                    <td>{m.model}</td>
                    {'error' in m ? (
                      <td colSpan={5}>{m.error}</td>
                    ) : (
                      <>
                        <td className="num">{m.ourMsPerStep.toFixed(2)}</td>
                        <td className="num">{m.fitMsPerStep.toFixed(2)}</td>
                        <td className="num">{m.speedup.toFixed(2)}×</td>
                        <td className="num">{m.quickMsPerStep.toFixed(2)}</td>
                        <td className="num">{m.gpu ? `${m.gpu.ours.dispatches} / ${m.gpu.fit.dispatches}` : '—'}</td>
                      </>
                    )}
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
