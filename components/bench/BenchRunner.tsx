'use client';

import { useState } from 'react';
import { BASE_PATH } from '@/lib/base-path';
import type { BackendName } from '@/lib/ml/backends';
import type { LoopBenchmark } from '@/lib/training/bench';

type Row = { backend: BackendName; result?: LoopBenchmark; error?: string };

function runOne(backend: BackendName): Promise<Row> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('../../lib/training/bench.worker.ts', import.meta.url));
    worker.onmessage = (e: MessageEvent<{ ok: boolean; result?: LoopBenchmark; error?: string }>) => {
      worker.terminate();
      resolve(e.data.ok ? { backend, result: e.data.result } : { backend, error: e.data.error });
    };
    worker.onerror = (e) => {
      worker.terminate();
      resolve({ backend, error: e.message || 'the worker failed' });
    };
    worker.postMessage({ backend, basePath: BASE_PATH });
  });
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
    </section>
  );
}
