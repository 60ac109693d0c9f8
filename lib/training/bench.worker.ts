/// <reference lib="webworker" />
/** Runs one loop benchmark per message, on a fresh worker per backend (the page starts one worker per backend). */
import type { BackendName } from '../ml/backends';
import type { Tf } from '../ml/train';
import { benchmarkLoop, benchmarkModels, checkFusedKernels } from './bench';

const scope = self as unknown as { postMessage(m: unknown): void; onmessage: ((e: MessageEvent<{ backend: BackendName; basePath: string; check?: boolean }>) => void) | null };

scope.onmessage = async (e) => {
  try {
    const tf = (await import('@tensorflow/tfjs-core')) as unknown as Tf;
    if (e.data.check) {
      // The fused WebGPU kernels against the tensor ops they replace.
      scope.postMessage({ ok: true, check: await checkFusedKernels(tf, e.data.basePath) });
      return;
    }
    // SwiftShader's WebGPU runs a few steps a second: fewer steps there keep the run short.
    const steps = e.data.backend === 'webgpu' ? 60 : e.data.backend === 'webgl' ? 200 : 500;
    const result = await benchmarkLoop(tf, e.data.backend, e.data.basePath, steps);
    // The models (Playground MLP, MNIST MLP, CNN): our step against fit's, the quick timing, GPU work per step.
    const models = await benchmarkModels(tf, e.data.backend, e.data.basePath);
    scope.postMessage({ ok: true, result, models });
  } catch (err) {
    scope.postMessage({ ok: false, backend: e.data.backend, error: err instanceof Error ? err.message : String(err) });
  }
};
