/**
 * Fused kernels for the training step on tfjs's WebGPU backend: the optimizer's update of every parameter in two
 * kinds of dispatch (one for the state of all parameters at once, one per parameter tensor), and the gradient of
 * sigmoid or softmax + cross-entropy in one. Written in WGSL as tfjs-backend-webgpu 4.22 programs and run with its
 * `runWebGPUProgram`, so they queue in the same command stream as tfjs's own kernels.
 *
 * Why: a step of tfjs ops is many small dispatches (Adam alone is 14 per parameter tensor plus its scalars), and on a
 * small model the GPU's fixed cost per dispatch, not arithmetic, sets the pace (../shared/tools/gpu-bench, 2026-12-04:
 * 63–139 dispatches and ~93 % idle per step). The formulas are optimizers.ts's, operation for operation; constants
 * (η, 1 − βᵗ, ε, 1/n) travel in the uniform buffer every dispatch already has, so nothing is uploaded as a tensor.
 * Only used where `fusedKernels(tf)` returns them (the current backend is WebGPU); other backends run the tensor ops.
 */
import type { Tensor, TensorInfo } from '@tensorflow/tfjs-core';
import type { Tf } from './train';

type Uniform = { type: 'float32' | 'int32'; data: number[] };

interface Program {
  variableNames: string[];
  outputShape: number[];
  shaderKey: string;
  size: boolean;
  workgroupSize: [number, number, number];
  dispatchLayout: { x: number[] };
  dispatch: [number, number, number];
  uniforms?: string;
  getUserCode(): string;
}

interface WebGpuBackendLike {
  runWebGPUProgram(program: Program, inputs: TensorInfo[], dtype: 'float32', uniforms?: Uniform[]): TensorInfo;
}

const WORKGROUP = 64;

/** A flat elementwise program over `size` outputs: `body` computes `value` for `index`. */
function flatProgram(key: string, size: number, variableNames: string[], uniforms: string, body: string): Program {
  return {
    variableNames,
    outputShape: [size],
    shaderKey: key,
    size: true,
    workgroupSize: [WORKGROUP, 1, 1],
    dispatchLayout: { x: [0] },
    dispatch: [Math.ceil(size / WORKGROUP), 1, 1],
    uniforms,
    getUserCode: () => `
      fn main(index : i32) {
        if (index < uniforms.size) {
          ${body}
          setOutputAtIndex(index, value);
        }
      }`,
  };
}

export type FusedMode = 'sgd' | 'momentum' | 'rmsprop' | 'adam';

/** The constants of one update, as uniforms (not tensors). */
export interface FusedHyper {
  negLr: number;
  lr: number;
  momentum: number;
  rho: number;
  beta1: number;
  beta2: number;
  /** 1 − β₁ᵗ and 1 − β₂ᵗ for this step. */
  c1: number;
  c2: number;
  eps: number;
  weightDecay: number;
}

export interface FusedKernels {
  /**
   * The optimizer's new state for every parameter at once, from the old state S (flat: [P] for momentum and
   * RMSProp, [2P] holding m then v for Adam) and the flat gradient G ([P]).
   */
  state(mode: Exclude<FusedMode, 'sgd'>, s: Tensor, g: Tensor, h: FusedHyper): Tensor;
  /**
   * One parameter tensor's new value (flat, its size): from its value W, the new state S (for SGD: its own gradient)
   * and, for RMSProp, the flat gradient G; `offset` is where it starts in the flat parameters, `total` their count P.
   */
  update(mode: FusedMode, w: Tensor, s: Tensor, g: Tensor | null, offset: number, total: number, h: FusedHyper): Tensor;
  /**
   * dL/dz of L = inv·Σ y·log(clip(p)) (+ (1 − y)·log(1 − clip(p)) for the sigmoid), p the activation of z, in one
   * dispatch: sigmoid inv·(y − p)·m, softmax inv·(y_k m_k − p_k Σ_j y_j m_j), m = 1 where lo ≤ p ≤ hi else 0.
   */
  logitsGrad(kind: 'sigmoid' | 'softmax', p: Tensor, y: Tensor, inv: number, lo: number, hi: number): Tensor;
  /** Σ over the rows of a matrix [n, c] → [c] (a bias's gradient): tfjs's sum over axis 0 is a transpose and a reduce. */
  columnSum(x: Tensor): Tensor;
  /** dy where the relu's output y > 0, else 0: tfjs's mul(dy, step(y)) in one dispatch. */
  reluGrad(dy: Tensor, y: Tensor): Tensor;
}

/** The fused kernels when tfjs runs on WebGPU, else null (every other backend runs the tensor ops). */
export function fusedKernels(tf: Tf): FusedKernels | null {
  if (tf.getBackend() !== 'webgpu') return null;
  const backend = tf.backend() as unknown as Partial<WebGpuBackendLike>;
  if (typeof backend.runWebGPUProgram !== 'function') return null;
  const be = backend as WebGpuBackendLike;
  const engine = tf.engine() as unknown as { makeTensorFromTensorInfo(info: TensorInfo, backend?: unknown): Tensor };
  // The output is registered to this WebGPU backend, even if another session has since made another backend current.
  const run = (program: Program, inputs: Tensor[], uniforms: Uniform[]): Tensor => engine.makeTensorFromTensorInfo(be.runWebGPUProgram(program, inputs, 'float32', uniforms), be);
  const f = (x: number): Uniform => ({ type: 'float32', data: [x] });
  const i = (x: number): Uniform => ({ type: 'int32', data: [x] });

  return {
    state(mode, s, g, h) {
      const size = s.size;
      switch (mode) {
        case 'momentum':
          // a ← a·μ + g
          return run(flatProgram('lmss_state_momentum', size, ['S', 'G'], 'mu : f32,', 'let value = S[index] * uniforms.mu + G[index];'), [s, g], [f(h.momentum)]);
        case 'rmsprop':
          // s ← s·ρ + g²·(1 − ρ)
          return run(flatProgram('lmss_state_rmsprop', size, ['S', 'G'], 'rho : f32, omr : f32,', 'let gi = G[index]; let value = S[index] * uniforms.rho + (gi * gi) * uniforms.omr;'), [s, g], [f(h.rho), f(1 - h.rho)]);
        case 'adam':
          // m ← m·β₁ + g·(1 − β₁) in [0, P); v ← v·β₂ + g²·(1 − β₂) in [P, 2P)
          return run(
            flatProgram(
              'lmss_state_adam',
              size,
              ['S', 'G'],
              'b1 : f32, omb1 : f32, b2 : f32, omb2 : f32, total : i32,',
              `var value : f32;
          if (index < uniforms.total) {
            value = S[index] * uniforms.b1 + G[index] * uniforms.omb1;
          } else {
            let gi = G[index - uniforms.total];
            value = S[index] * uniforms.b2 + (gi * gi) * uniforms.omb2;
          }`,
            ),
            [s, g],
            [f(h.beta1), f(1 - h.beta1), f(h.beta2), f(1 - h.beta2), i(s.size / 2)],
          );
      }
    },
    update(mode, w, s, g, offset, total, h) {
      const size = w.size;
      switch (mode) {
        case 'sgd':
          // θ ← (−η)·g + θ
          return run(flatProgram('lmss_update_sgd', size, ['T', 'S'], 'negLr : f32,', 'let value = uniforms.negLr * S[index] + T[index];'), [w, s], [f(h.negLr)]);
        case 'momentum':
          // θ ← (−η)·a + θ
          return run(flatProgram('lmss_update_momentum', size, ['T', 'S'], 'negLr : f32, offset : i32,', 'let value = uniforms.negLr * S[uniforms.offset + index] + T[index];'), [w, s], [f(h.negLr), i(offset)]);
        case 'rmsprop':
          // θ ← θ − (g·η) / √(s + ε)
          return run(
            flatProgram('lmss_update_rmsprop', size, ['T', 'S', 'G'], 'lr : f32, eps : f32, offset : i32,', 'let k = uniforms.offset + index; let value = T[index] - (G[k] * uniforms.lr) / sqrt(S[k] + uniforms.eps);'),
            [w, s, g!],
            [f(h.lr), f(h.eps), i(offset)],
          );
        case 'adam':
          // θ ← ((m/c₁) / (√(v/c₂) + ε) [+ λθ])·(−η) + θ
          return run(
            flatProgram(
              'lmss_update_adam',
              size,
              ['T', 'S'],
              'negLr : f32, c1 : f32, c2 : f32, eps : f32, wd : f32, offset : i32, total : i32,',
              `let k = uniforms.offset + index;
          let theta = T[index];
          let direction = (S[k] / uniforms.c1) / (sqrt(S[uniforms.total + k] / uniforms.c2) + uniforms.eps);
          let value = (direction + theta * uniforms.wd) * uniforms.negLr + theta;`,
            ),
            [w, s],
            [f(h.negLr), f(h.c1), f(h.c2), f(h.eps), f(h.weightDecay), i(offset), i(total)],
          );
      }
    },
    columnSum(x) {
      const [rows, cols] = x.shape as [number, number];
      return run(
        flatProgram('lmss_column_sum', cols, ['X'], 'rows : i32, cols : i32,', 'var value = 0.0; for (var r = 0; r < uniforms.rows; r++) { value = value + X[r * uniforms.cols + index]; }'),
        [x],
        [i(rows), i(cols)],
      );
    },
    reluGrad(dy, y) {
      const out = run(flatProgram('lmss_relu_grad', dy.size, ['D', 'Y'], '', 'let value = select(0.0, D[index], Y[index] > 0.0);'), [dy, y], []);
      return tf.reshape(out, dy.shape);
    },
    logitsGrad(kind, p, y, inv, lo, hi) {
      const size = p.size;
      const classes = p.shape[p.shape.length - 1]!;
      const mask = (x: string) => `select(0.0, 1.0, ${x} >= uniforms.lo && ${x} <= uniforms.hi)`;
      const body =
        kind === 'sigmoid'
          ? `let pi = P[index]; let value = ((f32(Y[index]) - pi) * ${mask('pi')}) * uniforms.inv;`
          : `let row = (index / uniforms.classes) * uniforms.classes;
          var s = 0.0;
          for (var j = 0; j < uniforms.classes; j++) {
            let pj = P[row + j];
            s = s + f32(Y[row + j]) * ${mask('pj')};
          }
          let pi = P[index];
          let value = (f32(Y[index]) * ${mask('pi')} - pi * s) * uniforms.inv;`;
      // Targets may live in an int32 buffer (a one-hot, a cast from bool share it): read them through f32().
      const out = run(flatProgram(`lmss_logits_${kind}`, size, ['P', 'Y'], 'inv : f32, lo : f32, hi : f32, classes : i32,', body), [p, y], [f(inv), f(lo), f(hi), i(classes)]);
      return tf.reshape(out, p.shape);
    },
  };
}
