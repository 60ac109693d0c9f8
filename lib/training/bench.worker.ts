/// <reference lib="webworker" />
/** Runs one loop benchmark per message, on a fresh worker per backend (the page starts one worker per backend). */
import type { BackendName } from '../ml/backends';
import type { Tf } from '../ml/train';
import { benchmarkLoop } from './bench';

const scope = self as unknown as { postMessage(m: unknown): void; onmessage: ((e: MessageEvent<{ backend: BackendName; basePath: string }>) => void) | null };

scope.onmessage = async (e) => {
  try {
    const tf = (await import('@tensorflow/tfjs-core')) as unknown as Tf;
    // SwiftShader's WebGPU runs a few steps a second: fewer steps there keep the run short.
    const steps = e.data.backend === 'webgpu' ? 60 : e.data.backend === 'webgl' ? 200 : 500;
    scope.postMessage({ ok: true, result: await benchmarkLoop(tf, e.data.backend, e.data.basePath, steps) });
  } catch (err) {
    scope.postMessage({ ok: false, backend: e.data.backend, error: err instanceof Error ? err.message : String(err) });
  }
};
