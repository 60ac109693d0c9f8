/**
 * Worked numbers of the chapter `deployment` (see registry.ts). Every entry has a test in deployment.test.ts.
 *
 * The quantization, pruning and low-rank examples call the same code as the QuantizationLab (lib/ml/compress.ts),
 * so a number printed in the prose is the number the widget's code would produce for the same weights.
 */
import { lowRank, prunedBytes, quantize, quantizedBytes, type Granularity, type QuantBits, type QuantScheme } from '../ml/quantize';

/**
 * The chapter's example tensors, printed in its prose. `row`: eight weights of one tensor (shape [8]). `kernel`: a
 * 4 × 3 dense kernel (4 inputs, 3 output channels, row-major [in, out]) whose third output channel holds an outlier.
 */
export const DEPLOYMENT_EXAMPLES = {
  row: { shape: [8], values: [-0.61, -0.24, -0.05, 0, 0.12, 0.37, 0.58, 0.88] },
  kernel: {
    shape: [4, 3],
    values: [
      0.12, -0.31, 2.4,
      -0.08, 0.22, -0.95,
      0.27, 0.05, 0.61,
      -0.19, -0.14, -1.73,
    ],
  },
} as const;

export type ExampleName = keyof typeof DEPLOYMENT_EXAMPLES;

function example(name: ExampleName): { shape: number[]; values: Float32Array } {
  const e = DEPLOYMENT_EXAMPLES[name];
  if (!e) throw new Error(`no example tensor "${name}"`);
  return { shape: [...e.shape], values: Float32Array.from(e.values) };
}

function quantizeExample(name: ExampleName, bits: QuantBits, scheme: QuantScheme, granularity: Granularity) {
  const { shape, values } = example(name);
  return { original: values, shape, q: quantize(values, shape, { bits, scheme, granularity }) };
}

/** Widths [w₀, w₁, …] of an MLP → its dense kernels as [in, out] pairs. */
function kernels(widths: readonly number[]): [number, number][] {
  return widths.slice(1).map((w, i) => [widths[i]!, w]);
}

/** Bias count of an MLP (they stay float32 under every method, as in compress.ts). */
function biases(widths: readonly number[]): number {
  return widths.slice(1).reduce((s, w) => s + w, 0);
}

/** Float32 bytes of an MLP: 4 per kernel weight and per bias. */
function mlpFloatBytes(widths: readonly number[]): number {
  return 4 * (kernels(widths).reduce((s, [m, n]) => s + m * n, 0) + biases(widths));
}

/** Exact bytes of an MLP with every kernel quantized (quantizedBytes per kernel) and biases kept float32. */
function mlpQuantBytes(widths: readonly number[], bits: QuantBits, scheme: QuantScheme, granularity: Granularity): number {
  return (
    kernels(widths).reduce((s, [m, n]) => s + quantizedBytes(m * n, bits, scheme, granularity === 'channel' ? n : 1), 0) +
    4 * biases(widths)
  );
}

export const deploymentWorked = {
  /** Scale s of an example tensor quantized with compress.ts's quantize (channel: which output channel's scale). */
  quantScale: (name: ExampleName, bits: QuantBits, scheme: QuantScheme, granularity: Granularity, channel = 0) => {
    const { scales } = quantizeExample(name, bits, scheme, granularity).q;
    if (channel < 0 || channel >= scales.length) throw new Error(`quantScale: no channel ${channel} (${scales.length} scales)`);
    return scales[channel]!;
  },
  /** s / 2, the bound on the round-trip error |w − ŵ| of every weight of the example (or of one channel). */
  quantHalfScale: (name: ExampleName, bits: QuantBits, scheme: QuantScheme, granularity: Granularity, channel = 0) =>
    quantizeExample(name, bits, scheme, granularity).q.scales[channel]! / 2,
  /** w / s for element `index` of an example tensor: the position on the integer grid before rounding (and before + z). */
  quantScaled: (name: ExampleName, bits: QuantBits, scheme: QuantScheme, granularity: Granularity, index: number) => {
    const { original, shape, q } = quantizeExample(name, bits, scheme, granularity);
    const channel = q.channels === 1 ? 0 : index % shape[shape.length - 1]!;
    return original[index]! / q.scales[channel]!;
  },
  /** Number of distinct values a b-bit code can take: 2^b (affine), 2^b − 1 (symmetric, ±qmax and 0), 2 (1 bit). */
  quantLevels: (bits: QuantBits, scheme: QuantScheme) => (bits === 1 ? 2 : scheme === 'affine' ? 2 ** bits : 2 ** bits - 1),
  /** Zero point z of an example tensor under affine quantization (channel: which output channel's). */
  quantZeroPoint: (name: ExampleName, bits: QuantBits, granularity: Granularity, channel = 0) => {
    const z = quantizeExample(name, bits, 'affine', granularity).q.zeroPoints;
    if (!z) throw new Error('quantZeroPoint: no zero point at this bit width');
    return z[channel]!;
  },
  /** The stored integer code q of element `index` of an example tensor. */
  quantCode: (name: ExampleName, bits: QuantBits, scheme: QuantScheme, granularity: Granularity, index: number) =>
    quantizeExample(name, bits, scheme, granularity).q.codes[index]!,
  /** The dequantized value ŵ of element `index` of an example tensor. */
  quantValue: (name: ExampleName, bits: QuantBits, scheme: QuantScheme, granularity: Granularity, index: number) =>
    quantizeExample(name, bits, scheme, granularity).q.values[index]!,
  /** Round-trip error |w − ŵ| of element `index` of an example tensor. */
  quantError: (name: ExampleName, bits: QuantBits, scheme: QuantScheme, granularity: Granularity, index: number) => {
    const { original, q } = quantizeExample(name, bits, scheme, granularity);
    return Math.abs(q.values[index]! - original[index]!);
  },
  /** Largest round-trip error max |w − ŵ| over an example tensor, or over one output channel (channel ≥ 0). */
  quantMaxError: (name: ExampleName, bits: QuantBits, scheme: QuantScheme, granularity: Granularity, channel = -1) => {
    const { original, shape, q } = quantizeExample(name, bits, scheme, granularity);
    const channels = shape[shape.length - 1]!;
    let max = 0;
    for (let i = 0; i < original.length; i++) {
      if (channel >= 0 && i % channels !== channel) continue;
      max = Math.max(max, Math.abs(q.values[i]! - original[i]!));
    }
    return max;
  },
  /** How many non-zero weights of an example tensor come back as exactly 0 after quantization. */
  quantZeroed: (name: ExampleName, bits: QuantBits, scheme: QuantScheme, granularity: Granularity) => {
    const { original, q } = quantizeExample(name, bits, scheme, granularity);
    let n = 0;
    for (let i = 0; i < original.length; i++) if (original[i] !== 0 && q.values[i] === 0) n++;
    return n;
  },
  /** Exact bytes of one quantized tensor: ⌈count·bits/8⌉ packed codes + 4 per scale + 1 per zero point (affine). */
  quantBytes: (count: number, bits: QuantBits, scheme: QuantScheme, channels: number) => quantizedBytes(count, bits, scheme, channels),
  /** Bytes of `count` weights in float32: 4 each. */
  float32Bytes: (count: number) => 4 * count,
  /** Bytes of an MLP with layer widths [w₀, w₁, …] stored in float32 (kernels and biases, 4 bytes each). */
  mlpFloatBytes: (widths: number[]) => mlpFloatBytes(widths),
  /** Exact bytes of the same MLP with every kernel quantized (as compressModelWeights stores it; biases float32). */
  mlpQuantBytes: (widths: number[], bits: QuantBits, scheme: QuantScheme, granularity: Granularity) =>
    mlpQuantBytes(widths, bits, scheme, granularity),
  /** Float32 bytes / quantized bytes of the same MLP: the compression ratio the lab reports. */
  mlpQuantRatio: (widths: number[], bits: QuantBits, scheme: QuantScheme, granularity: Granularity) =>
    mlpFloatBytes(widths) / mlpQuantBytes(widths, bits, scheme, granularity),
  /** Exact bytes of the same MLP with every kernel magnitude-pruned to `sparsity` (bitmap + kept float32; biases float32). */
  mlpPrunedBytes: (widths: number[], sparsity: number) =>
    kernels(widths).reduce((s, [m, n]) => s + prunedBytes(m * n, Math.round(Math.min(1, Math.max(0, sparsity)) * m * n)), 0) +
    4 * biases(widths),
  /** Exact bytes of the same MLP with every kernel replaced by rank-min(k, m, n) factors, 4·k·(m + n) each; biases float32. */
  mlpLowRankBytes: (widths: number[], rank: number) =>
    kernels(widths).reduce((s, [m, n]) => s + 4 * Math.min(rank, m, n) * (m + n), 0) + 4 * biases(widths),
  /** Bytes of one magnitude-pruned tensor of `count` weights at `sparsity`: a bitmap + the kept float32 values. */
  prunedTensorBytes: (count: number, sparsity: number) =>
    prunedBytes(count, Math.round(Math.min(1, Math.max(0, sparsity)) * count)),
  /** Sparsity above which CSR (4-byte value + `indexBytes` index per kept weight) beats a bitmap (1 bit per weight + 4-byte values), row pointers ignored. */
  bitmapCsrBreakEven: (indexBytes: number) => 1 - 1 / (8 * indexBytes),
  /** Bits per original weight in NVIDIA's 2:4 format: half the values kept, each with a 2-bit position index. */
  twoFourBitsPerWeight: (valueBits: number) => (valueBits + 2) / 2,
  /** Compression of 2:4 sparsity against the dense format: valueBits / ((valueBits + 2) / 2). */
  twoFourCompression: (valueBits: number) => valueBits / ((valueBits + 2) / 2),
  /** Average bits per weight of group-wise quantization: b bits per code + one scale (and zero point) per group. */
  groupBitsPerWeight: (bits: number, groupSize: number, scaleBits: number, zeroBits: number) =>
    bits + (scaleBits + zeroBits) / groupSize,
  /** Average bytes per weight of the same group-wise scheme: bits per weight / 8. */
  groupBytesPerWeight: (bits: number, groupSize: number, scaleBits: number, zeroBits: number) =>
    (bits + (scaleBits + zeroBits) / groupSize) / 8,
  /** QLoRA's NF4 with double quantization: 4 bits + an 8-bit scale per block + a 32-bit scale per block² (Dettmers et al. 2023). */
  qloraBitsPerWeight: (blockSize: number, secondBlockSize: number) =>
    4 + 8 / blockSize + 32 / (blockSize * secondBlockSize),
  /** The same in bytes per weight: qloraBitsPerWeight / 8. */
  qloraBytesPerWeight: (blockSize: number, secondBlockSize: number) => (4 + 8 / blockSize + 32 / (blockSize * secondBlockSize)) / 8,
  /** Gigabytes (10⁹ bytes) of `params` weights at an average of `bitsPerWeight` bits each. */
  weightsGBAtBits: (params: number, bitsPerWeight: number) => (params * bitsPerWeight) / 8 / 1e9,
  /** Gigabytes needed to serve `params` weights at `bitsPerWeight` bits: the weights × 1.2 (KV cache, activations, runtime). */
  servingGBAtBits: (params: number, bitsPerWeight: number) => ((params * bitsPerWeight) / 8 / 1e9) * 1.2,
  /** Parameters k·(m + n) of a rank-k factorisation of an m × n matrix. */
  lowRankParams: (m: number, n: number, k: number) => k * (m + n),
  /** k·(m + n) / (m·n): the fraction of a dense m × n matrix's parameters that rank-k factors keep. */
  lowRankFraction: (m: number, n: number, k: number) => (k * (m + n)) / (m * n),
  /** The rank m·n / (m + n) above which factors hold more numbers than the dense matrix. */
  lowRankBreakEven: (m: number, n: number) => (m * n) / (m + n),
  /** The i-th singular value σ_i (i from 1) of an example matrix (compress.ts's Jacobi SVD). */
  singularValue: (name: ExampleName, i: number) => {
    const { shape, values } = example(name);
    return lowRank(values, shape[0]!, shape[1]!, 0).singularValues[i - 1]!;
  },
  /** Frobenius norm ‖A‖_F of an example matrix. */
  frobeniusNorm: (name: ExampleName) => Math.sqrt(example(name).values.reduce((s, v) => s + v * v, 0)),
  /** ‖A − A_k‖_F of the best rank-k approximation, measured from the reconstructed matrix (not from the σ's). */
  lowRankError: (name: ExampleName, k: number) => {
    const { shape, values } = example(name);
    const r = lowRank(values, shape[0]!, shape[1]!, k);
    let ss = 0;
    for (let i = 0; i < values.length; i++) ss += (r.values[i]! - values[i]!) ** 2;
    return Math.sqrt(ss);
  },
  /** ‖A − A_k‖_F / ‖A‖_F: the relative error of the best rank-k approximation of an example matrix. */
  lowRankRelError: (name: ExampleName, k: number) => {
    const { shape, values } = example(name);
    const norm = Math.sqrt(values.reduce((s, v) => s + v * v, 0));
    return lowRank(values, shape[0]!, shape[1]!, k).frobeniusError / norm;
  },
  /** √(Σ_{i>k} σ_i²), the error Eckart–Young predicts for the best rank-k approximation of an example matrix. */
  eckartYoungError: (name: ExampleName, k: number) => {
    const { shape, values } = example(name);
    return lowRank(values, shape[0]!, shape[1]!, k).frobeniusError;
  },
  /** Upper bound on batch-1 decode speed, tokens/s: every weight is read once per token, bandwidth / weight bytes. */
  decodeTokensPerSecond: (params: number, bitsPerWeight: number, bytesPerSecond: number) =>
    bytesPerSecond / ((params * bitsPerWeight) / 8),
  /** FLOPs per byte of weights read when decoding `batch` sequences at once: 2 FLOPs per weight per sequence. */
  decodeIntensity: (batch: number, bytesPerWeight: number) => (2 * batch) / bytesPerWeight,
} satisfies Record<string, (...args: never[]) => number>;
