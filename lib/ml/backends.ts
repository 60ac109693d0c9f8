/**
 * Choosing where tfjs computes: WebGPU → WebGL → WASM → CPU, keeping for each faster backend the reason it was
 * refused, so a widget's badge can say "WebGL — WebGPU: no adapter". The decision (chooseBackend, classifyAdapter)
 * is pure and tested with fake probes; initBackend does the side effects (imports the backend packages, probes the
 * adapter, calls tf.setBackend, runs a smoke test). No `window` or `document`: it runs in a page or a Worker.
 */
import { bilingual, type Bilingual, type Lang } from '../i18n';
import type { Scalar, Tensor } from '@tensorflow/tfjs-core';
import type { Tf } from './train';

/** The automatic fallback order, fastest first. */
export const BACKEND_CHAIN = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
/** A tfjs backend the book can run on, fastest first in BACKEND_CHAIN. */
export type BackendName = (typeof BACKEND_CHAIN)[number];

/** Every reason a backend can be refused, in the order a probe meets them. */
export const REFUSAL_REASONS = ['noNavigatorGpu', 'noAdapter', 'fallbackAdapter', 'initFailed', 'unsupportedOp', 'wrongNumbers', 'deviceLost', 'notRegistered'] as const;
/** Why a backend was not used. */
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** One backend that was not used, and why. */
export interface Refusal {
  name: BackendName;
  reason: RefusalReason;
  /** Specifics for the curious: the adapter's description, the missing kernels, an error message. */
  detail?: string;
}

/** The outcome of backend selection: where tfjs runs and why faster backends were not used. */
export interface BackendChoice {
  /** The backend tfjs now runs on. */
  name: BackendName;
  /** The backends tried before it (or known to be broken), in order, with the reason each was refused. */
  refused: Refusal[];
  /** The backend the reader forced, if any (it is refused[0] when it could not run). */
  preferred?: BackendName;
  /** What the chosen backend runs on, when known (e.g. the WebGPU adapter's vendor and architecture). */
  detail?: string;
  /**
   * Set when the backend was chosen by timing the reader's model on every backend that runs (the automatic choice):
   * the milliseconds per training step each took, fastest first.
   */
  measured?: Measurement[];
}

/** The time one backend took per training step of the reader's model, in milliseconds. */
export interface Measurement {
  name: BackendName;
  msPerStep: number;
}

/** GPU-backed backends, for the comparison a measured choice states ("faster than your GPU"). */
const GPU_BACKENDS: readonly BackendName[] = ['webgpu', 'webgl'];

/**
 * The fastest of the measured backends, and what to compare it with: the fastest GPU backend when a CPU-side one
 * (WebAssembly, CPU) won, otherwise the runner-up. Measurements come back sorted fastest first. Throws on none.
 */
export function pickFastest(measured: readonly Measurement[]): { measured: Measurement[]; best: Measurement; against: Measurement | null; ratio: number | null } {
  const valid = measured.filter((m) => Number.isFinite(m.msPerStep) && m.msPerStep > 0);
  if (!valid.length) throw new Error('pickFastest: no backend was measured');
  const sorted = [...valid].sort((a, b) => a.msPerStep - b.msPerStep || BACKEND_CHAIN.indexOf(a.name) - BACKEND_CHAIN.indexOf(b.name));
  const best = sorted[0]!;
  const rest = sorted.slice(1);
  const against = (!GPU_BACKENDS.includes(best.name) ? rest.find((m) => GPU_BACKENDS.includes(m.name)) : undefined) ?? rest[0] ?? null;
  return { measured: sorted, best, against, ratio: against ? against.msPerStep / best.msPerStep : null };
}

/** Milliseconds per step for a badge: three significant figures, at least one decimal below 10 ms. */
export function formatMs(ms: number): string {
  return ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms >= 1 ? ms.toFixed(2) : ms.toPrecision(2);
}

/** "19×", "1.4×": one decimal below 10. */
export function formatRatio(r: number): string {
  return r >= 10 ? `${Math.round(r)}×` : `${r.toFixed(1)}×`;
}

/** What probing one backend found: it runs (with an optional description), or why not. */
export type ProbeResult = { ok: true; detail?: string } | { ok: false; reason: RefusalReason; detail?: string };

/** Display names of the backends. */
export const BACKEND_LABELS: Record<BackendName, string> = { webgpu: 'WebGPU', webgl: 'WebGL', wasm: 'WebAssembly', cpu: 'CPU' };

/** One sentence per refusal reason, in both editions. */
export const REFUSAL_MESSAGES: Record<RefusalReason, Bilingual> = {
  noNavigatorGpu: { en: 'this browser does not offer WebGPU (no navigator.gpu)', zh: '此浏览器不提供 WebGPU（没有 navigator.gpu）' },
  noAdapter: { en: 'WebGPU found no usable graphics adapter (requestAdapter returned null)', zh: 'WebGPU 没有找到可用的图形适配器（requestAdapter 返回 null）' },
  fallbackAdapter: {
    en: 'the only WebGPU adapter is a software fallback (such as SwiftShader), slower than the alternatives',
    zh: '唯一的 WebGPU 适配器是软件模拟（如 SwiftShader），比其他后端更慢',
  },
  initFailed: { en: 'the backend failed to start', zh: '该后端初始化失败' },
  unsupportedOp: { en: 'the backend lacks an operation this model needs', zh: '该后端缺少此模型需要的运算' },
  wrongNumbers: {
    en: 'a test training step on it gave a loss or gradients that differ from the CPU’s (a driver bug), so its results cannot be trusted',
    zh: '在它上面试算的一步训练，损失或梯度与 CPU 算出的不一致（驱动程序的缺陷），它的结果不可信',
  },
  deviceLost: { en: 'the GPU device was lost (a driver reset, or out of memory)', zh: 'GPU 设备丢失（驱动重置或显存不足）' },
  notRegistered: { en: 'this backend is not available here', zh: '此环境中没有这个后端' },
};

/** The sentences of the backend badge; each edition punctuates and spaces them its own way. */
const TEXT = bilingual({
  zh: {
    refusal: (backend: string, reason: string, detail?: string) => `${backend}：${reason}${detail ? `（${detail}）` : ''}`,
    running: (backend: string) => `运行于 ${backend}。`,
    asked: (backend: string) => `你选择了 ${backend}，但无法使用。`,
    refusals: (sentences: string[]) => sentences.map((s) => `${s}。`).join(''),
    measuredFaster: (ratio: string, other: string, ms: string, otherMs: string, gpu: boolean) =>
      `对这个模型，它的速度是${gpu ? `你的 GPU（${other}）` : ` ${other} `}的 ${ratio.replace('×', ' 倍')}：每步 ${ms} 毫秒，${other} 要 ${otherMs} 毫秒。`,
    measuredOnly: (ms: string) => `对这个模型，每步 ${ms} 毫秒（其他后端都无法运行）。`,
    measuredList: (items: string[]) => `逐一实测：${items.join('，')}。`,
    measuredItem: (backend: string, ms: string) => `${backend} ${ms} 毫秒`,
  },
  en: {
    refusal: (backend: string, reason: string, detail?: string) => `${backend}: ${reason}${detail ? ` (${detail})` : ''}`,
    running: (backend: string) => `Running on ${backend}.`,
    asked: (backend: string) => ` You asked for ${backend}, but it cannot run.`,
    refusals: (sentences: string[]) => sentences.map((s) => ` ${s}.`).join(''),
    measuredFaster: (ratio: string, other: string, ms: string, otherMs: string, gpu: boolean) =>
      ` For this model it is ${ratio} faster than ${gpu ? `your GPU (${other})` : other}: ${ms} ms a step against ${otherMs} ms.`,
    measuredOnly: (ms: string) => ` ${ms} ms a step for this model (no other backend could run).`,
    measuredList: (items: string[]) => ` Timed on each: ${items.join(', ')}.`,
    measuredItem: (backend: string, ms: string) => `${backend} ${ms} ms`,
  },
});

/** "WebGPU: <reason> (<detail>)" in the reader's language. */
export function describeRefusal(r: Refusal, lang: Lang): string {
  return TEXT[lang].refusal(BACKEND_LABELS[r.name], REFUSAL_MESSAGES[r.reason][lang], r.detail);
}

/** A short paragraph for a widget's backend badge: where it runs, and why each faster backend was not used. */
export function describeChoice(choice: BackendChoice, lang: Lang): string {
  const t = TEXT[lang];
  const ask = choice.preferred && choice.preferred !== choice.name ? t.asked(BACKEND_LABELS[choice.preferred]) : '';
  return `${t.running(BACKEND_LABELS[choice.name])}${ask}${describeMeasurements(choice, lang)}${t.refusals(choice.refused.map((r) => describeRefusal(r, lang)))}`;
}

/** Why a measured choice won, from its measurements: "For this model it is 19× faster than your GPU (WebGL): …". */
export function describeMeasurements(choice: BackendChoice, lang: Lang): string {
  if (!choice.measured?.length) return '';
  const t = TEXT[lang];
  const { best, against, ratio, measured } = pickFastest(choice.measured);
  const why =
    against && ratio !== null
      ? t.measuredFaster(formatRatio(ratio), BACKEND_LABELS[against.name], formatMs(best.msPerStep), formatMs(against.msPerStep), GPU_BACKENDS.includes(against.name) && !GPU_BACKENDS.includes(best.name))
      : t.measuredOnly(formatMs(best.msPerStep));
  const list = measured.length > 2 ? t.measuredList(measured.map((m) => t.measuredItem(BACKEND_LABELS[m.name], formatMs(m.msPerStep)))) : '';
  return `${why}${list}`;
}

/** Thrown by chooseBackend/initBackend when no backend can run, or a forced one cannot and fallback is off. */
export class BackendUnavailableError extends Error {
  readonly refused: Refusal[];
  constructor(refused: Refusal[]) {
    super(`no tfjs backend could run: ${refused.map((r) => describeRefusal(r, 'en')).join('; ')}`);
    this.name = 'BackendUnavailableError';
    this.refused = refused;
  }
}

export interface ChooseOptions {
  /** A backend the reader forced; tried first. */
  prefer?: BackendName;
  /** When the forced backend cannot run: fall back along the chain (default) or throw BackendUnavailableError. */
  fallback?: boolean;
  /** Refusals already known (e.g. a WebGPU device lost mid-training): those backends are skipped and listed. */
  known?: Refusal[];
}

/** The order in which backends are tried: the forced one first, then the chain. */
export function backendOrder(prefer?: BackendName): BackendName[] {
  return prefer ? [prefer, ...BACKEND_CHAIN.filter((b) => b !== prefer)] : [...BACKEND_CHAIN];
}

/**
 * The decision, free of side effects but for what `probe` does: probes backends in order (forced one first), stops
 * at the first that runs, and records why each earlier one was refused. Throws BackendUnavailableError if none runs.
 */
export async function chooseBackend(probe: (name: BackendName) => ProbeResult | Promise<ProbeResult>, options: ChooseOptions = {}): Promise<BackendChoice> {
  const { prefer, fallback = true, known = [] } = options;
  const refused: Refusal[] = [];
  const base = prefer ? { preferred: prefer } : {};
  for (const name of backendOrder(prefer)) {
    const knownRefusal = known.find((r) => r.name === name);
    let result: ProbeResult;
    if (knownRefusal) {
      result = { ok: false, reason: knownRefusal.reason, ...(knownRefusal.detail ? { detail: knownRefusal.detail } : {}) };
    } else {
      try {
        result = await probe(name);
      } catch (err) {
        result = { ok: false, reason: 'initFailed', detail: errorText(err) };
      }
    }
    if (result.ok) return { name, refused, ...base, ...(result.detail ? { detail: result.detail } : {}) };
    refused.push({ name, reason: result.reason, ...(result.detail ? { detail: result.detail } : {}) });
    if (name === prefer && !fallback) break;
  }
  throw new BackendUnavailableError(refused);
}

/** The slice of a GPUAdapter that the decision reads. */
export interface GpuAdapterLike {
  isFallbackAdapter?: boolean;
  info?: { vendor?: string; architecture?: string; device?: string; description?: string; isFallbackAdapter?: boolean };
}

/** The slice of `navigator.gpu` (GPU) that the decision calls. */
export interface GpuLike {
  requestAdapter(options?: { powerPreference?: 'low-power' | 'high-performance' }): Promise<GpuAdapterLike | null>;
}

const SOFTWARE_ADAPTER = /swiftshader|llvmpipe|lavapipe|softpipe|microsoft basic render|\bwarp\b/i;

/** "vendor architecture description" of an adapter, for badges and refusal details. */
export function adapterDescription(adapter: GpuAdapterLike): string {
  const i = adapter.info ?? {};
  return [i.vendor, i.architecture, i.device, i.description].filter((s) => s && String(s).trim()).join(' ').trim();
}

/**
 * Judges a WebGPU adapter: null → noAdapter; marked fallback (adapter.isFallbackAdapter or info.isFallbackAdapter)
 * or described as a software renderer (SwiftShader, llvmpipe, WARP) → fallbackAdapter unless allowed; else usable.
 */
export function classifyAdapter(adapter: GpuAdapterLike | null | undefined, allowFallbackAdapter = false): ProbeResult {
  if (!adapter) return { ok: false, reason: 'noAdapter' };
  const description = adapterDescription(adapter);
  const software = adapter.isFallbackAdapter === true || adapter.info?.isFallbackAdapter === true || SOFTWARE_ADAPTER.test(description);
  if (software && !allowFallbackAdapter) return { ok: false, reason: 'fallbackAdapter', ...(description ? { detail: description } : {}) };
  const detail = software ? `software adapter${description ? `: ${description}` : ''}` : description;
  return { ok: true, ...(detail ? { detail } : {}) };
}

/** Probes WebGPU through a `navigator.gpu` (passed in, possibly undefined): noNavigatorGpu, noAdapter, fallbackAdapter or ok. */
export async function probeWebGpuAdapter(gpu: GpuLike | null | undefined, allowFallbackAdapter = false): Promise<ProbeResult> {
  if (!gpu || typeof gpu.requestAdapter !== 'function') return { ok: false, reason: 'noNavigatorGpu' };
  let adapter: GpuAdapterLike | null;
  try {
    adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  } catch (err) {
    return { ok: false, reason: 'noAdapter', detail: errorText(err) };
  }
  return classifyAdapter(adapter, allowFallbackAdapter);
}

/** tfjs-backend-webgpu 4.22's MatMulProgramType.MatMulPackedProgram. */
const MATMUL_PACKED = 3;

/** Kernels a convolutional network needs to train (tfjs-backend-wasm 4.22 lacks Conv2DBackpropFilter). */
export const CONV_TRAINING_KERNELS = ['Conv2D', 'Conv2DBackpropFilter', 'Conv2DBackpropInput', 'MaxPool', 'MaxPoolGrad'] as const;
/** Kernels a dense network needs to train. */
export const DENSE_TRAINING_KERNELS = ['BatchMatMul', 'Relu', 'Sigmoid', 'Tanh'] as const;

/** The navigator.gpu of this global scope (a page or a Worker), if any, read without touching `window`. */
export function globalGpu(): GpuLike | undefined {
  const nav = (globalThis as { navigator?: { gpu?: GpuLike } }).navigator;
  return nav?.gpu ?? undefined;
}

/** Loads a backend package (which registers the backend and its kernels); the wasm one returns setWasmPaths. */
export type BackendLoader = () => Promise<unknown>;

const DEFAULT_LOADERS: Record<BackendName, BackendLoader> = {
  webgpu: () => import('@tensorflow/tfjs-backend-webgpu'),
  webgl: () => import('@tensorflow/tfjs-backend-webgl'),
  wasm: () => import('@tensorflow/tfjs-backend-wasm'),
  cpu: () => import('@tensorflow/tfjs-backend-cpu'),
};

export interface InitOptions extends ChooseOptions {
  /** The tfjs-core module. */
  tf: Tf;
  /** The site's base path ('' at the root); the wasm files are served from `${basePath}/tfjs-wasm/`. */
  basePath?: string;
  /** navigator.gpu to probe; default globalGpu(). Pass null to pretend there is none. */
  gpu?: GpuLike | null;
  /** Accept a software WebGPU adapter; default true only when WebGPU is forced (prefer: 'webgpu'), as e2e tests do. */
  allowFallbackAdapter?: boolean;
  /** Kernels the model needs (e.g. CONV_TRAINING_KERNELS); a backend without them is refused with unsupportedOp. */
  requiredKernels?: readonly string[];
  /** Replacements for the dynamic imports of the backend packages (tests). */
  loaders?: Partial<Record<BackendName, BackendLoader>>;
  /** Run a tiny computation after init and refuse the backend if the numbers are wrong (seen with a lost WebGPU device); default true. */
  smokeTest?: boolean;
  /**
   * On a GPU backend, check one training step of a small network (its loss and every gradient) against the CPU
   * backend and refuse the GPU if they differ (tfjs issue 8590: all-zero gradients on one phone's GPU); default true.
   */
  gradientCheck?: boolean;
  /** How long tf.setBackend may take before the backend is refused as not starting (default 20 s). */
  startTimeoutMs?: number;
}

/** Loss and gradients of a fixed 4-6-1 tanh/sigmoid network on 8 examples, flattened: [loss, ∂W1, ∂b1, ∂W2, ∂b2]. */
async function trainingStepNumbers(tf: Tf): Promise<Float32Array> {
  // Deterministic values from a small linear congruential sequence, in [−1, 1].
  let state = 12345;
  const next = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
  const values = (n: number) => Float32Array.from({ length: n }, next);
  const out = tf.tidy(() => {
    const x = tf.tensor2d(values(32), [8, 4]);
    const y = tf.tensor2d([1, 0, 1, 1, 0, 0, 1, 0], [8, 1]);
    const loss = (w1: Tensor, b1: Tensor, w2: Tensor, b2: Tensor) => {
      const p = tf.sigmoid(tf.add(tf.matMul(tf.tanh(tf.add(tf.matMul(x, w1), b1)), w2), b2));
      const q = tf.clipByValue(p, 1e-7, 1 - 1e-7);
      return tf.neg(tf.mean(tf.add(tf.mul(y, tf.log(q)), tf.mul(tf.sub(1, y), tf.log(tf.sub(1, q))))));
    };
    const params = [tf.tensor2d(values(24), [4, 6]), tf.tensor1d(values(6)), tf.tensor2d(values(6), [6, 1]), tf.tensor1d(values(1))] as const;
    const { value, grads } = tf.valueAndGrads((w1: Tensor, b1: Tensor, w2: Tensor, b2: Tensor) => loss(w1, b1, w2, b2) as Scalar)([...params]);
    return tf.concat([tf.reshape(value, [1]), ...grads.map((g) => tf.reshape(g, [-1]))]);
  });
  const data = (await out.data()) as Float32Array;
  out.dispose();
  return data;
}

/**
 * Why one training step on the current (GPU) backend cannot be trusted, or null: its loss and gradients are compared
 * with the CPU backend's on the same fixed network; all-zero gradients, or any number off by more than 1e-3 relative,
 * refuse it.
 */
export async function checkTrainingStep(tf: Tf, name: BackendName): Promise<string | null> {
  await import('@tensorflow/tfjs-core/dist/register_all_gradients');
  const gpu = await trainingStepNumbers(tf);
  await import('@tensorflow/tfjs-backend-cpu');
  await tf.setBackend('cpu');
  let cpu: Float32Array;
  try {
    cpu = await trainingStepNumbers(tf);
  } finally {
    await tf.setBackend(name);
  }
  return judgeTrainingStep(gpu, cpu);
}

/** Compares [loss, …gradients] from a backend with the CPU's: null when they agree to 1e-3 relative, else why not. */
export function judgeTrainingStep(got: ArrayLike<number>, cpu: ArrayLike<number>): string | null {
  if (got.length !== cpu.length) return `${got.length} numbers came back instead of ${cpu.length}`;
  const g = Array.from(got);
  const c = Array.from(cpu);
  if (g.slice(1).every((v) => v === 0) && c.slice(1).some((v) => v !== 0)) return 'every gradient came back as zero';
  const scale = 1 + Math.max(...c.map(Math.abs));
  const worst = Math.max(...g.map((v, i) => (Number.isFinite(v) ? Math.abs(v - c[i]!) : Infinity)));
  return worst <= 1e-3 * scale ? null : `loss or gradients differ from the CPU's by up to ${worst.toPrecision(3)}`;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Has the WebGPU device of the current backend been lost? Checks its `device.lost` promise without waiting. */
async function lostDevice(tf: Tf): Promise<string | null> {
  const device = (tf.backend() as unknown as { device?: { lost?: Promise<{ message?: string; reason?: string }> } }).device;
  if (!device?.lost) return null;
  const lost = await Promise.race([device.lost.then((info) => info.message || info.reason || 'device lost'), new Promise<null>((r) => setTimeout(() => r(null), 0))]);
  return lost;
}

/**
 * Computes [[1,2],[3,4]]·[5,6]ᵀ = [17, 39] and Σ relu([−1, 2, 3]) = 5 on the current backend (forward only, as tfjs-core
 * registers gradients only when tfjs-layers is loaded); null if right, else what came back.
 */
async function smoke(tf: Tf): Promise<string | null> {
  const out = tf.tidy(() => {
    const mm = tf.reshape(tf.matMul(tf.tensor2d([1, 2, 3, 4], [2, 2]), tf.tensor2d([5, 6], [2, 1])), [-1]);
    const r = tf.reshape(tf.sum(tf.relu(tf.tensor1d([-1, 2, 3]))), [1]);
    return tf.concat([mm, r]);
  });
  const got = Array.from(await out.data());
  out.dispose();
  const want = [17, 39, 5];
  return got.every((v, i) => Math.abs(v - want[i]!) < 1e-3) ? null : `a test computation returned [${got.map((v) => +v.toFixed(3)).join(', ')}] instead of [${want.join(', ')}]`;
}

/**
 * Selects and initialises a backend (side effects: imports backend packages, sets tfjs flags and wasm paths, calls
 * tf.setBackend). Sets WEBGPU_CPU_FORWARD to false so small tensors run on the GPU too.
 */
export async function initBackend(options: InitOptions): Promise<BackendChoice> {
  const { tf, basePath = '', requiredKernels = [], smokeTest = true, gradientCheck = true, startTimeoutMs = 20_000 } = options;
  const allowFallbackAdapter = options.allowFallbackAdapter ?? options.prefer === 'webgpu';
  const loaders = { ...DEFAULT_LOADERS, ...options.loaders };

  const probe = async (name: BackendName): Promise<ProbeResult> => {
    let detail: string | undefined;
    if (name === 'webgpu') {
      const adapter = await probeWebGpuAdapter(options.gpu === undefined ? globalGpu() : options.gpu, allowFallbackAdapter);
      if (!adapter.ok) return adapter;
      detail = adapter.detail;
    }
    let mod: unknown;
    try {
      mod = await loaders[name]();
    } catch (err) {
      return { ok: false, reason: 'notRegistered', detail: `could not load the package: ${errorText(err)}` };
    }
    if (!tf.findBackendFactory(name)) return { ok: false, reason: 'notRegistered' };
    if (name === 'webgpu') {
      try {
        tf.env().set('WEBGPU_CPU_FORWARD', false);
        // On a software adapter (SwiftShader) tfjs's automatic choice of matMul program is ruinous for small products:
        // its reduce program took 11–12 ms for a 10×2×8 product, the tiled "packed" program 0.6 ms, and 16 ms instead
        // of 39 for 64×784×128 (measured 2026-12-06, Chromium 143, 2 CPU cores). On a real GPU tfjs keeps its choice.
        tf.env().set('WEBGPU_MATMUL_PROGRAM_TYPE', detail?.startsWith('software adapter') ? MATMUL_PACKED : -1);
      } catch {
        // the flag is registered by the webgpu package; a fake loader in tests may not register it
      }
    }
    if (name === 'wasm') {
      const setWasmPaths = (mod as { setWasmPaths?: (prefix: string) => void } | undefined)?.setWasmPaths;
      setWasmPaths?.(`${basePath}/tfjs-wasm/`);
    }
    const missing = requiredKernels.filter((k) => !tf.getKernel(k, name));
    if (missing.length) return { ok: false, reason: 'unsupportedOp', detail: `missing ${missing.join(', ')}` };
    let started: boolean | 'timeout';
    try {
      // A backend whose start never settles (the WASM module's fetch or compile hanging) must not hold the widget at
      // "Starting a compute backend…": after startTimeoutMs it is refused and the next one is tried.
      let timer: ReturnType<typeof setTimeout> | undefined;
      started = await Promise.race([tf.setBackend(name), new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), startTimeoutMs)))]);
      clearTimeout(timer);
    } catch (err) {
      return { ok: false, reason: 'initFailed', detail: errorText(err) };
    }
    if (started === 'timeout') {
      // tfjs would wait for the pending start forever, refusing every op meanwhile: unregistering the backend makes
      // that start obsolete (it stays unavailable for this visit).
      try {
        tf.removeBackend(name);
      } catch {
        // already gone
      }
      return { ok: false, reason: 'initFailed', detail: `it did not start within ${startTimeoutMs / 1000} s` };
    }
    if (!started) return { ok: false, reason: 'initFailed', detail: `tf.setBackend('${name}') resolved false` };
    if (smokeTest) {
      let wrong: string | null;
      try {
        wrong = await smoke(tf);
      } catch (err) {
        wrong = errorText(err);
      }
      const lost = name === 'webgpu' ? await lostDevice(tf) : null;
      if (lost) return { ok: false, reason: 'deviceLost', detail: lost };
      if (wrong) return { ok: false, reason: 'initFailed', detail: wrong };
    }
    if (gradientCheck && (name === 'webgpu' || name === 'webgl')) {
      let wrong: string | null;
      try {
        wrong = await checkTrainingStep(tf, name);
      } catch (err) {
        wrong = `the test step failed: ${errorText(err)}`;
      }
      if (wrong) return { ok: false, reason: 'wrongNumbers', detail: wrong };
    }
    return { ok: true, ...(detail ? { detail } : {}) };
  };

  return chooseBackend(probe, options);
}

/**
 * Calls `onLost` with a deviceLost refusal if the current backend is WebGPU and its device is lost later (pass the
 * refusal to initBackend's `known` to fall back). Returns a function that stops watching.
 */
export function watchDeviceLost(tf: Tf, onLost: (refusal: Refusal) => void): () => void {
  let active = true;
  const device = (tf.backend() as unknown as { device?: { lost?: Promise<{ message?: string; reason?: string }> } }).device;
  if (tf.getBackend() === 'webgpu' && device?.lost) {
    void device.lost.then((info) => {
      if (active) onLost({ name: 'webgpu', reason: 'deviceLost', detail: info.message || info.reason || undefined });
    });
  }
  return () => {
    active = false;
  };
}
