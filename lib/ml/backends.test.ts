import * as tf from '@tensorflow/tfjs-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  BACKEND_CHAIN,
  BackendUnavailableError,
  checkTrainingStep,
  chooseBackend,
  classifyAdapter,
  describeChoice,
  describeRefusal,
  initBackend,
  judgeTrainingStep,
  probeWebGpuAdapter,
  REFUSAL_MESSAGES,
  REFUSAL_REASONS,
  type BackendName,
  type GpuLike,
  type ProbeResult,
} from './backends';
import type { Tf } from './train';

const OK: ProbeResult = { ok: true };
/** A fake probe from a table; unlisted backends run. Records what it was asked. */
function fakeProbe(table: Partial<Record<BackendName, ProbeResult | Error>>) {
  const asked: BackendName[] = [];
  const probe = async (name: BackendName) => {
    asked.push(name);
    const r = table[name] ?? OK;
    if (r instanceof Error) throw r;
    return r;
  };
  return { probe, asked };
}
const gpu = (adapter: unknown): GpuLike => ({ requestAdapter: async () => adapter as null });

describe('chooseBackend (pure decision with fake probes)', () => {
  it('takes WebGPU when everything works, and probes nothing else', async () => {
    const f = fakeProbe({});
    expect(await chooseBackend(f.probe)).toEqual({ name: 'webgpu', refused: [] });
    expect(f.asked).toEqual(['webgpu']);
  });

  it('falls back to WebGL without navigator.gpu, saying why', async () => {
    const webgpu = await probeWebGpuAdapter(undefined);
    const c = await chooseBackend(fakeProbe({ webgpu }).probe);
    expect(c).toEqual({ name: 'webgl', refused: [{ name: 'webgpu', reason: 'noNavigatorGpu' }] });
  });

  it('falls back when requestAdapter returns null or throws', async () => {
    expect(await probeWebGpuAdapter(gpu(null))).toEqual({ ok: false, reason: 'noAdapter' });
    const throwing: GpuLike = { requestAdapter: async () => Promise.reject(new Error('blocklisted')) };
    expect(await probeWebGpuAdapter(throwing)).toEqual({ ok: false, reason: 'noAdapter', detail: 'blocklisted' });
  });

  it.each([
    ['adapter.isFallbackAdapter', { isFallbackAdapter: true }],
    ['adapter.info.isFallbackAdapter', { info: { isFallbackAdapter: true } }],
    ['a SwiftShader description', { info: { vendor: 'google', architecture: 'swiftshader', description: 'SwiftShader Device (Subzero)' } }],
    ['llvmpipe', { info: { description: 'llvmpipe (LLVM 15.0.7, 256 bits)' } }],
  ])('refuses a software adapter flagged by %s unless allowed', async (_how, adapter) => {
    const refused = await probeWebGpuAdapter(gpu(adapter));
    expect(refused.ok === false && refused.reason).toBe('fallbackAdapter');
    const c = await chooseBackend(fakeProbe({ webgpu: refused }).probe);
    expect(c.name).toBe('webgl');
    expect(c.refused[0]!.reason).toBe('fallbackAdapter');
    const allowed = await probeWebGpuAdapter(gpu(adapter), true);
    expect(allowed.ok).toBe(true);
  });

  it('takes a hardware adapter and describes it', () => {
    expect(classifyAdapter({ isFallbackAdapter: false, info: { vendor: 'nvidia', architecture: 'ampere' } })).toEqual({ ok: true, detail: 'nvidia ampere' });
  });

  it('walks the whole chain: init failed, unsupported op, then CPU', async () => {
    const f = fakeProbe({
      webgpu: { ok: false, reason: 'noAdapter' },
      webgl: { ok: false, reason: 'initFailed', detail: "tf.setBackend('webgl') resolved false" },
      wasm: { ok: false, reason: 'unsupportedOp', detail: 'missing Conv2DBackpropFilter' },
    });
    const c = await chooseBackend(f.probe);
    expect(c.name).toBe('cpu');
    expect(c.refused.map((r) => r.reason)).toEqual(['noAdapter', 'initFailed', 'unsupportedOp']);
    expect(f.asked).toEqual([...BACKEND_CHAIN]);
  });

  it('turns a probe that throws into initFailed with its message', async () => {
    const c = await chooseBackend(fakeProbe({ webgpu: new Error('boom') }).probe);
    expect(c.refused).toEqual([{ name: 'webgpu', reason: 'initFailed', detail: 'boom' }]);
  });

  it('honours a forced backend that can run, even when a faster one could', async () => {
    const f = fakeProbe({});
    expect(await chooseBackend(f.probe, { prefer: 'wasm' })).toEqual({ name: 'wasm', refused: [], preferred: 'wasm' });
    expect(f.asked).toEqual(['wasm']);
  });

  it('says why a forced backend cannot run and falls back along the chain', async () => {
    const f = fakeProbe({ webgpu: { ok: false, reason: 'noNavigatorGpu' } });
    const c = await chooseBackend(f.probe, { prefer: 'webgpu' });
    expect(c).toEqual({ name: 'webgl', refused: [{ name: 'webgpu', reason: 'noNavigatorGpu' }], preferred: 'webgpu' });
    expect(describeChoice(c, 'en')).toContain('You asked for WebGPU, but it cannot run.');
    expect(describeChoice(c, 'zh')).toContain('你选择了 WebGPU，但无法使用。');
  });

  it('throws with the reason when a forced backend cannot run and fallback is off', async () => {
    const f = fakeProbe({ wasm: { ok: false, reason: 'initFailed' } });
    const err = await chooseBackend(f.probe, { prefer: 'wasm', fallback: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BackendUnavailableError);
    expect((err as BackendUnavailableError).refused).toEqual([{ name: 'wasm', reason: 'initFailed' }]);
    expect((err as Error).message).toContain('WebAssembly: the backend failed to start');
    expect(f.asked).toEqual(['wasm']);
  });

  it('skips a backend already known to be broken (device lost) without probing it', async () => {
    const f = fakeProbe({});
    const c = await chooseBackend(f.probe, { known: [{ name: 'webgpu', reason: 'deviceLost', detail: 'Device was lost' }] });
    expect(c).toEqual({ name: 'webgl', refused: [{ name: 'webgpu', reason: 'deviceLost', detail: 'Device was lost' }] });
    expect(f.asked).toEqual(['webgl']);
  });

  it('throws when no backend at all can run', async () => {
    const no = { ok: false, reason: 'notRegistered' } as const;
    await expect(chooseBackend(fakeProbe({ webgpu: no, webgl: no, wasm: no, cpu: no }).probe)).rejects.toThrow('no tfjs backend could run');
  });
});

describe('refusal messages', () => {
  it.each(REFUSAL_REASONS)('%s has an English and a Chinese sentence', (reason) => {
    expect(REFUSAL_MESSAGES[reason].en.length).toBeGreaterThan(10);
    expect(REFUSAL_MESSAGES[reason].zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('names the backend and the detail', () => {
    expect(describeRefusal({ name: 'wasm', reason: 'unsupportedOp', detail: 'missing Conv2DBackpropFilter' }, 'en')).toBe(
      'WebAssembly: the backend lacks an operation this model needs (missing Conv2DBackpropFilter)',
    );
    expect(describeRefusal({ name: 'webgpu', reason: 'noAdapter' }, 'zh')).toBe('WebGPU：WebGPU 没有找到可用的图形适配器（requestAdapter 返回 null）');
  });
});

describe('initBackend (side effects, in Node)', () => {
  afterEach(() => {
    if (tf.findBackendFactory('webgl')) tf.removeBackend('webgl');
  });
  // The real wasm package, started in Node, installs an unhandledRejection handler that rethrows; keep it out.
  const noWasm = { wasm: async () => Promise.reject(new Error('not loaded in unit tests')) };

  it('ends on the CPU with each refusal recorded, and leaves tfjs on it', async () => {
    const c = await initBackend({ tf, gpu: null, loaders: noWasm });
    expect(c.name).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect(c.refused).toEqual([
      { name: 'webgpu', reason: 'noNavigatorGpu' },
      { name: 'webgl', reason: 'notRegistered' }, // the webgl package registers itself only in a browser
      { name: 'wasm', reason: 'notRegistered', detail: 'could not load the package: not loaded in unit tests' },
    ]);
  });

  it('reports initFailed when setBackend resolves false', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const webgl = async () => {
      tf.registerBackend('webgl', () => {
        throw new Error('no WebGL context');
      });
    };
    const c = await initBackend({ tf, gpu: null, loaders: { ...noWasm, webgl } });
    expect(c.refused[1]).toEqual({ name: 'webgl', reason: 'initFailed', detail: "tf.setBackend('webgl') resolved false" });
    warn.mockRestore();
  });

  it('refuses a backend whose start never settles, after the timeout, and goes on to the next', async () => {
    // A stand-in for a WASM module whose fetch or compile hangs: its async init never resolves.
    const wasm = async () => {
      tf.registerBackend('wasm', () => new Promise<never>(() => undefined));
    };
    const t0 = Date.now();
    const c = await initBackend({ tf, gpu: null, loaders: { wasm }, startTimeoutMs: 200 });
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(c.name).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect(c.refused.at(-1)).toEqual({ name: 'wasm', reason: 'initFailed', detail: 'it did not start within 0.2 s' });
    expect(tf.findBackendFactory('wasm')).toBeNull(); // unregistered, so tfjs no longer waits for it
  });

  it('reports an adapter refused before loading the webgpu package', async () => {
    const webgpu = vi.fn(async () => undefined);
    const c = await initBackend({ tf, gpu: gpu({ info: { architecture: 'swiftshader' } }), loaders: { ...noWasm, webgpu } });
    expect(c.refused[0]).toEqual({ name: 'webgpu', reason: 'fallbackAdapter', detail: 'swiftshader' });
    expect(webgpu).not.toHaveBeenCalled();
  });

  it('accepts a software adapter when WebGPU is forced, then needs the backend registered', async () => {
    const c = await initBackend({ tf, prefer: 'webgpu', gpu: gpu({ isFallbackAdapter: true }), loaders: { ...noWasm, webgpu: async () => undefined } });
    expect(c.refused[0]).toEqual({ name: 'webgpu', reason: 'notRegistered' });
    expect(c.preferred).toBe('webgpu');
  });

  it('refuses a backend lacking a kernel the model needs', async () => {
    const err = await initBackend({ tf, prefer: 'cpu', fallback: false, gpu: null, requiredKernels: ['NoSuchKernel'] }).catch((e: unknown) => e);
    expect((err as BackendUnavailableError).refused).toEqual([{ name: 'cpu', reason: 'unsupportedOp', detail: 'missing NoSuchKernel' }]);
  });
});

describe('checking a GPU’s training step against the CPU', () => {
  it('accepts numbers within 1e-3 relative and refuses all-zero gradients (tfjs issue 8590) or drift', () => {
    const cpu = [0.69, 0.1, -0.2, 0.05];
    expect(judgeTrainingStep([0.6901, 0.1, -0.2001, 0.05], cpu)).toBeNull();
    expect(judgeTrainingStep([0.69, 0, 0, 0], cpu)).toMatch(/zero/);
    expect(judgeTrainingStep([0.69, 0.1, -0.25, 0.05], cpu)).toMatch(/differ/);
    expect(judgeTrainingStep([Number.NaN, 0.1, -0.2, 0.05], cpu)).toMatch(/differ/);
    expect(judgeTrainingStep([0.69], cpu)).toMatch(/1 numbers/);
  });

  it('finds the CPU backend in agreement with itself on the fixed network', { timeout: 30_000 }, async () => {
    await tf.setBackend('cpu');
    expect(await checkTrainingStep(tf as unknown as Tf, 'cpu')).toBeNull();
    expect(tf.getBackend()).toBe('cpu');
  });
});
