/**
 * The pure maths of compressing weights (no tfjs: worked numbers and the content checks load it in Node in a blink).
 * Compressing a trained model's weights, measured rather than asserted: quantization (affine and symmetric at 8, 4,
 * 2 bits; 1-bit sign × scale), magnitude pruning and truncated-SVD low rank. Each returns the weights the compressed
 * model would compute with (dequantized / reconstructed Float32Array) and the exact bytes it would store.
 *
 * Storage accounting (bytes):
 *   float32               4 per weight
 *   quantized (b bits)    ⌈count·b/8⌉ packed codes + 4 per scale (float32) + 1 per zero point (affine ≤ 8 bits only);
 *                         one scale (and zero point) per tensor, or per output channel (the last axis of a kernel:
 *                         a dense kernel is [in, out], a conv kernel [kh, kw, in, out])
 *   pruned                a bitmap of kept positions (⌈count/8⌉) + 4 per kept weight (float32). We chose the bitmap
 *                         over CSR because, with 32-bit indices, CSR costs 8 bytes per kept weight (+ row pointers)
 *                         against 4 + 1/8 per weight for the bitmap, so the bitmap is smaller below ~97 % sparsity,
 *                         which covers the range the book explores; the ratio is honest at every sparsity.
 *   low rank k            4·k·(m + n) for the two factors U_k·Σ_k (m×k) and V_kᵀ (k×n) of an m×n kernel
 * Biases (rank-1 weights) stay float32 unless asked otherwise: they are a few hundred numbers.
 */
/** Bit widths the quantizer supports. */
export const QUANT_BITS = [8, 4, 2, 1] as const;
/** Bits per stored weight; 1 bit is always sign × scale with scale = mean |w| (per tensor or channel). */
export type QuantBits = (typeof QUANT_BITS)[number];
/** affine: w ≈ (q − z)·s with q ∈ [0, 2^b − 1]; symmetric: w ≈ q·s with q ∈ [−(2^(b−1) − 1), 2^(b−1) − 1]. */
export type QuantScheme = 'affine' | 'symmetric';
/** One scale for the whole tensor, or one per output channel (last axis). */
export type Granularity = 'tensor' | 'channel';

export interface QuantSpec {
  bits: QuantBits;
  scheme: QuantScheme;
  granularity: Granularity;
}

export interface QuantResult {
  /** The dequantized weights, what the compressed model computes with. */
  values: Float32Array;
  /** The stored integers (affine: 0…2^b−1; symmetric: −(2^(b−1)−1)…2^(b−1)−1; 1 bit: 1 for +, 0 for −). */
  codes: Int32Array;
  /** Scales s, one per channel (or one), as stored (float32). */
  scales: Float32Array;
  /** Zero points z, one per scale, for affine; null for symmetric and 1-bit. */
  zeroPoints: Int32Array | null;
  /** Number of scales: 1 per tensor, or the length of the last axis. */
  channels: number;
  /** Exact storage: packed codes + 4·scales + 1·zero points. */
  bytes: number;
}

/** Exact stored bytes of a quantized tensor: ⌈count·bits/8⌉ + 4·channels + (affine & bits ≤ 8 & bits > 1 ? channels : 0). */
export function quantizedBytes(count: number, bits: QuantBits, scheme: QuantScheme, channels: number): number {
  const zeroPoints = scheme === 'affine' && bits > 1 && bits <= 8 ? channels : 0;
  return Math.ceil((count * bits) / 8) + 4 * channels + zeroPoints;
}

/**
 * Quantizes weights of a given shape (row-major, the last axis is the output channel) and dequantizes them back.
 * Affine and symmetric round to the nearest level, so every element's error is at most s/2 (s its channel's scale);
 * the affine range always contains 0, so zeros stay exact.
 */
export function quantize(weights: Float32Array, shape: readonly number[], spec: QuantSpec): QuantResult {
  const count = weights.length;
  const channels = spec.granularity === 'channel' && shape.length > 0 ? shape[shape.length - 1]! : 1;
  if (channels < 1 || count % channels !== 0) throw new Error(`quantize: ${count} weights do not split into ${channels} channels`);
  const { bits, scheme } = spec;
  const values = new Float32Array(count);
  const codes = new Int32Array(count);
  const scales = new Float32Array(channels);
  const affine = scheme === 'affine' && bits > 1;
  const zeroPoints = affine ? new Int32Array(channels) : null;

  for (let c = 0; c < channels; c++) {
    let lo = 0;
    let hi = 0;
    let absSum = 0;
    let n = 0;
    for (let i = c; i < count; i += channels) {
      const w = weights[i]!;
      if (w < lo) lo = w;
      if (w > hi) hi = w;
      absSum += Math.abs(w);
      n++;
    }
    if (bits === 1) {
      const s = Math.fround(n ? absSum / n : 0);
      scales[c] = s;
      for (let i = c; i < count; i += channels) {
        const positive = weights[i]! >= 0;
        codes[i] = positive ? 1 : 0;
        values[i] = positive ? s : -s;
      }
    } else if (affine) {
      const qmax = 2 ** bits - 1;
      const s = Math.fround((hi - lo) / qmax) || 1; // an all-zero channel: any scale stores zeros exactly
      const z = Math.min(qmax, Math.max(0, Math.round(-lo / s)));
      scales[c] = s;
      zeroPoints![c] = z;
      for (let i = c; i < count; i += channels) {
        const q = Math.min(qmax, Math.max(0, Math.round(weights[i]! / s) + z));
        codes[i] = q;
        values[i] = (q - z) * s;
      }
    } else {
      const qmax = 2 ** (bits - 1) - 1;
      const s = Math.fround(Math.max(-lo, hi) / qmax) || 1;
      scales[c] = s;
      for (let i = c; i < count; i += channels) {
        const q = Math.min(qmax, Math.max(-qmax, Math.round(weights[i]! / s)));
        codes[i] = q;
        values[i] = q * s;
      }
    }
  }
  return { values, codes, scales, zeroPoints, channels, bytes: quantizedBytes(count, bits, scheme, channels) };
}

export interface PruneResult {
  /** The weights with the smallest-magnitude ones set to 0. */
  values: Float32Array;
  /** Positions zeroed by pruning: round(sparsity · count) exactly. */
  pruned: number;
  /** pruned / count. */
  sparsity: number;
  /** Bitmap + kept float32 values: ⌈count/8⌉ + 4·(count − pruned). */
  bytes: number;
}

/** Exact bytes of a pruned tensor stored as a bitmap of kept positions plus the kept float32 values. */
export function prunedBytes(count: number, pruned: number): number {
  return Math.ceil(count / 8) + 4 * (count - pruned);
}

/**
 * Magnitude pruning: zeroes exactly round(sparsity·count) weights, those of smallest |w| (ties broken by position),
 * leaving the others untouched. sparsity is clamped to [0, 1].
 */
export function prune(weights: Float32Array, sparsity: number): PruneResult {
  const count = weights.length;
  const k = Math.round(Math.min(1, Math.max(0, sparsity)) * count);
  const order = Array.from({ length: count }, (_, i) => i);
  order.sort((a, b) => Math.abs(weights[a]!) - Math.abs(weights[b]!) || a - b);
  const values = Float32Array.from(weights);
  for (let j = 0; j < k; j++) values[order[j]!] = 0;
  return { values, pruned: k, sparsity: count ? k / count : 0, bytes: prunedBytes(count, k) };
}

export interface Svd {
  /** Rows m and columns n of the matrix; r = min(m, n) singular triplets. */
  m: number;
  n: number;
  r: number;
  /** Left singular vectors, m×r row-major (column j is u_j). */
  u: Float64Array;
  /** Singular values σ_1 ≥ … ≥ σ_r ≥ 0. */
  s: Float64Array;
  /** Right singular vectors, n×r row-major (column j is v_j). */
  v: Float64Array;
}

/**
 * Thin SVD A = U·diag(σ)·Vᵀ of an m×n row-major matrix by one-sided Jacobi (Hestenes) rotations in float64, to
 * machine precision; meant for the book's small kernels (≤ 784×128: under a second).
 */
export function svd(a: ArrayLike<number>, m: number, n: number, maxSweeps = 60): Svd {
  if (a.length !== m * n) throw new Error(`svd: ${a.length} values for a ${m}×${n} matrix`);
  if (m < n) {
    const t = new Float64Array(m * n);
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) t[j * m + i] = a[i * n + j]!;
    const r = svd(t, n, m, maxSweeps);
    return { m, n, r: r.r, u: r.v, s: r.s, v: r.u };
  }
  // Columns of A (m ≥ n) and of V, each a contiguous Float64Array.
  const cols = Array.from({ length: n }, (_, j) => {
    const c = new Float64Array(m);
    for (let i = 0; i < m; i++) c[i] = a[i * n + j]!;
    return c;
  });
  const vcols = Array.from({ length: n }, (_, j) => {
    const c = new Float64Array(n);
    c[j] = 1;
    return c;
  });
  const eps = 1e-15;
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let rotated = false;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const ap = cols[p]!;
        const aq = cols[q]!;
        let alpha = 0;
        let beta = 0;
        let gamma = 0;
        for (let i = 0; i < m; i++) {
          const x = ap[i]!;
          const y = aq[i]!;
          alpha += x * x;
          beta += y * y;
          gamma += x * y;
        }
        if (gamma === 0 || Math.abs(gamma) <= eps * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        for (let i = 0; i < m; i++) {
          const x = ap[i]!;
          const y = aq[i]!;
          ap[i] = c * x - s * y;
          aq[i] = s * x + c * y;
        }
        const vp = vcols[p]!;
        const vq = vcols[q]!;
        for (let i = 0; i < n; i++) {
          const x = vp[i]!;
          const y = vq[i]!;
          vp[i] = c * x - s * y;
          vq[i] = s * x + c * y;
        }
      }
    }
    if (!rotated) break;
  }
  const sigma = cols.map((c) => {
    let ss = 0;
    for (let i = 0; i < m; i++) ss += c[i]! * c[i]!;
    return Math.sqrt(ss);
  });
  const order = sigma.map((_, j) => j).sort((x, y) => sigma[y]! - sigma[x]!);
  const r = n;
  const u = new Float64Array(m * r);
  const v = new Float64Array(n * r);
  const s = new Float64Array(r);
  order.forEach((j, k) => {
    const sj = sigma[j]!;
    s[k] = sj;
    const cj = cols[j]!;
    for (let i = 0; i < m; i++) u[i * r + k] = sj > 0 ? cj[i]! / sj : 0;
    const vj = vcols[j]!;
    for (let i = 0; i < n; i++) v[i * r + k] = vj[i]!;
  });
  return { m, n, r, u, s, v };
}

export interface LowRankResult {
  /** The rank-k reconstruction U_k·Σ_k·V_kᵀ, m×n row-major. */
  values: Float32Array;
  /** The rank used: min(k, m, n). */
  rank: number;
  /** Stored parameters k·(m + n). */
  params: number;
  /** 4·k·(m + n). */
  bytes: number;
  /** All singular values, largest first. */
  singularValues: Float64Array;
  /** ‖A − A_k‖_F = √(Σ_{i>k} σ_i²) (Eckart–Young), computed from the singular values. */
  frobeniusError: number;
}

/** Truncated SVD of an m×n row-major matrix: the best rank-k approximation (Eckart–Young) and its size. */
export function lowRank(weights: ArrayLike<number>, m: number, n: number, k: number): LowRankResult {
  const d = svd(weights, m, n);
  const rank = Math.max(0, Math.min(Math.floor(k), d.r));
  const values = new Float32Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let t = 0; t < rank; t++) sum += d.u[i * d.r + t]! * d.s[t]! * d.v[j * d.r + t]!;
      values[i * n + j] = sum;
    }
  }
  let tail = 0;
  for (let t = rank; t < d.r; t++) tail += d.s[t]! ** 2;
  return { values, rank, params: rank * (m + n), bytes: 4 * rank * (m + n), singularValues: d.s, frobeniusError: Math.sqrt(tail) };
}

/** How to compress every weight tensor of a model. */
export type CompressionSpec =
  | { method: 'float32' }
  | ({ method: 'quantize'; /** Quantize biases too (per tensor); default false (kept float32). */ quantizeBiases?: boolean } & QuantSpec)
  | { method: 'prune'; /** Fraction of each kernel's weights set to zero, in [0, 1]. */ sparsity: number }
  | { method: 'lowRank'; /** Rank kept per kernel (a kernel of shape […, out] is treated as a (∏ of the rest)×out matrix). */ rank: number };

export interface CompressedTensor {
  /** The weight's name in the model (e.g. "hidden_0/kernel"). */
  name: string;
  shape: number[];
  /** The weights the compressed model computes with. */
  values: Float32Array;
  /** Exact stored bytes under the spec. */
  bytes: number;
  /** Bytes as float32: 4 per weight. */
  floatBytes: number;
  /** How this tensor was stored ('float32' for biases kept as they are). */
  method: CompressionSpec['method'];
  /** max |compressed − original| over its elements. */
  maxAbsError: number;
}

export interface CompressedWeights {
  spec: CompressionSpec;
  /** One per model weight, in model.weights order (the order setWeights expects). */
  tensors: CompressedTensor[];
  /** Total stored bytes. */
  bytes: number;
  /** Total bytes as float32. */
  floatBytes: number;
  /** floatBytes / bytes (4 for int8 with negligible scales). */
  ratio: number;
}

/** Compresses one weight tensor according to the spec; rank-1 tensors are biases. */
export function compressTensor(name: string, shape: number[], original: Float32Array, spec: CompressionSpec): CompressedTensor {
  const floatBytes = 4 * original.length;
  const isKernel = shape.length >= 2;
  let values = original;
  let bytes = floatBytes;
  let method: CompressionSpec['method'] = 'float32';
  if (spec.method === 'quantize' && (isKernel || spec.quantizeBiases)) {
    const q = quantize(original, shape, isKernel ? spec : { ...spec, granularity: 'tensor' });
    values = q.values;
    bytes = q.bytes;
    method = 'quantize';
  } else if (spec.method === 'prune' && isKernel) {
    const p = prune(original, spec.sparsity);
    values = p.values;
    bytes = p.bytes;
    method = 'prune';
  } else if (spec.method === 'lowRank' && isKernel) {
    const cols = shape[shape.length - 1]!;
    const l = lowRank(original, original.length / cols, cols, spec.rank);
    values = l.values;
    bytes = l.bytes;
    method = 'lowRank';
  }
  let maxAbsError = 0;
  for (let i = 0; i < original.length; i++) maxAbsError = Math.max(maxAbsError, Math.abs(values[i]! - original[i]!));
  return { name, shape: [...shape], values: values === original ? Float32Array.from(original) : values, bytes, floatBytes, method, maxAbsError };
}
