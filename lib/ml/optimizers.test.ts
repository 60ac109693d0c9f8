import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { adamStep, adamwStep, momentumStep, rmspropStep, sgdStep, type StepFn, type Vector } from '../math/optimizers';
import { createOptimizer, TRAIN_OPTIMIZERS, type TrainOptimizerName } from './optimizers';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

// Two variables of different shapes, as a layer's kernel and bias; gradients of a fixed non-convex loss at the current
// weights, so both optimizers see the gradients their own path produces.
const KERNEL0 = [0.8, -0.6, 1.1, -0.9, 0.7, 1.3];
const BIAS0 = [0.6, -1.2];
const loss = (w: tf.Tensor, b: tf.Tensor): tf.Scalar =>
  tf.tidy(() => {
    const x = tf.tensor2d([[1, 0.5, -0.3], [0.2, -1, 0.8], [-0.7, 0.4, 1.5], [0.9, 0.9, -0.1]]);
    const y = tf.tensor2d([[1, 0], [0, 1], [1, 1], [0, 0]]);
    const z = tf.add(tf.matMul(x, tf.reshape(w, [3, 2])), b);
    return tf.add(tf.mean(tf.square(tf.sub(tf.tanh(z), y))), tf.mul(0.05, tf.sum(tf.sin(w))));
  }) as tf.Scalar;

let counter = 0;
function makeVars() {
  const k = counter++;
  return [tf.variable(tf.tensor1d(KERNEL0), true, `opt-test-w-${k}`), tf.variable(tf.tensor1d(BIAS0), true, `opt-test-b-${k}`)];
}
function grads(vars: tf.Variable[]): tf.Tensor[] {
  const { value, grads: g } = tf.variableGrads(() => loss(vars[0]!, vars[1]!), vars);
  value.dispose();
  return vars.map((v) => g[v.name]!);
}
const read = (vars: tf.Variable[]) => vars.flatMap((v) => Array.from(v.dataSync()));

/** The weights after each of `steps` steps, from our optimizer and from tfjs's, on the same loss. */
function paths(ours: TrainOptimizerName, theirs: () => tf.Optimizer, lr: number, steps = 100) {
  const a = makeVars();
  const b = makeVars();
  const opt = createOptimizer(tf, ours, a, { learningRate: lr });
  const ref = theirs();
  const pa: number[][] = [];
  const pb: number[][] = [];
  for (let t = 0; t < steps; t++) {
    const ga = grads(a);
    opt.apply(ga);
    tf.dispose(ga);
    const gb = grads(b);
    ref.applyGradients(b.map((v, i) => ({ name: v.name, tensor: gb[i]! })));
    tf.dispose(gb);
    pa.push(read(a));
    pb.push(read(b));
  }
  opt.dispose();
  ref.dispose();
  tf.dispose([...a, ...b]);
  return { pa, pb };
}

const worstGap = (p: number[][], q: number[][]) => Math.max(...p.flatMap((row, t) => row.map((x, i) => Math.abs(x - q[t]![i]!))));

describe('createOptimizer agrees with tfjs 4.22 optimizers', () => {
  it.each([
    ['sgd', () => tf.train.sgd(0.1), 0.1],
    ['momentum', () => tf.train.momentum(0.05, 0.9), 0.05],
    ['rmsprop', () => tf.train.rmsprop(0.01), 0.01],
    ['adam', () => tf.train.adam(0.02), 0.02],
  ] as const)('%s: every weight within 1e-6 over 100 steps', (name, make, lr) => {
    const { pa, pb } = paths(name, make, lr);
    expect(worstGap(pa, pb)).toBeLessThan(1e-6);
    // and the weights really moved
    expect(Math.abs(pa[99]![0]! - KERNEL0[0]!)).toBeGreaterThan(0.05);
  });

  it('a learning rate changed mid-run applies from the next step, as tfjs’s setLearningRate / learningRate', () => {
    const a = makeVars();
    const b = makeVars();
    const opt = createOptimizer(tf, 'adam', a, { learningRate: 0.02 });
    const ref = tf.train.adam(0.02);
    for (let t = 0; t < 60; t++) {
      if (t === 30) {
        opt.setLearningRate(0.005);
        (ref as unknown as { learningRate: number }).learningRate = 0.005;
      }
      const ga = grads(a);
      opt.apply(ga);
      const gb = grads(b);
      ref.applyGradients(b.map((v, i) => ({ name: v.name, tensor: gb[i]! })));
      tf.dispose([...ga, ...gb]);
    }
    expect(worstGap([read(a)], [read(b)])).toBeLessThan(1e-6);
    opt.dispose();
    ref.dispose();
    tf.dispose([...a, ...b]);
  });
});

describe('createOptimizer agrees with the textbook formulas (lib/math/optimizers, float64)', () => {
  // A fixed gradient sequence, as in lib/math/optimizers.test.ts, fed to both; float32 against float64 over 100 steps.
  const THETA0 = [1.5, -0.8, 0.9];
  const GRADS: Vector[] = Array.from({ length: 100 }, (_, k) =>
    [0, 1, 2].map((i) => Math.fround((i + 1) * 0.3 * Math.cos(0.05 * (k + 1)) + 0.5 * Math.sin(0.37 * (k + 1) + i))),
  );
  function oursPath(name: TrainOptimizerName, lr: number) {
    const v = tf.variable(tf.tensor1d(THETA0), true, `opt-test-t-${counter++}`);
    const opt = createOptimizer(tf, name, [v], { learningRate: lr });
    const out: number[][] = [];
    for (const g of GRADS) {
      const gt = tf.tensor1d([...g]);
      opt.apply([gt]);
      gt.dispose();
      out.push(Array.from(v.dataSync()));
    }
    opt.dispose();
    v.dispose();
    return out;
  }
  function bookPath<S, H>(step: StepFn<S, H>, hyper: H) {
    let params = [...THETA0];
    let state: S | undefined;
    return GRADS.map((g) => {
      const r = step(params, g, state, hyper);
      params = r.params;
      state = r.state;
      return params;
    });
  }
  it.each([
    ['sgd', 0.05, () => bookPath(sgdStep, { lr: 0.05 })],
    ['momentum', 0.02, () => bookPath(momentumStep, { lr: 0.02, momentum: 0.9 })],
    ['rmsprop', 0.01, () => bookPath(rmspropStep, { lr: 0.01 })],
    ['adam', 0.01, () => bookPath(adamStep, { lr: 0.01 })],
    ['adamw', 0.01, () => bookPath(adamwStep, { lr: 0.01, eps: 1e-7, weightDecay: 0.01 })],
  ] as const)('%s: within float32 rounding of the formula at every step', (name, lr, book) => {
    const ours = oursPath(name, lr);
    const ref = book() as number[][];
    // float32 on the device against float64 here: each operation rounds by up to 2⁻²⁴ ≈ 6e-8 relative, and over 100
    // steps of weights near 1 that adds up to about 2e-6. Against tfjs (both float32, above) 1e-6 holds.
    expect(worstGap(ours, ref)).toBeLessThan(4e-6);
    expect(Math.abs(ours[99]![0]! - THETA0[0]!)).toBeGreaterThan(0.01);
  });
});

describe('createOptimizer on the device', () => {
  it('makes every tensor it needs up front: the tensor count is flat from the first step to the hundredth', () => {
    for (const name of TRAIN_OPTIMIZERS) {
      const vars = makeVars();
      const baseline = tf.memory().numTensors;
      const opt = createOptimizer(tf, name, vars, { learningRate: 0.01 });
      const counts: number[] = [];
      for (let t = 0; t < 100; t++) {
        const g = grads(vars);
        opt.apply(g);
        tf.dispose(g);
        counts.push(tf.memory().numTensors);
      }
      expect(new Set(counts).size, name).toBe(1);
      const before = tf.memory().numTensors;
      opt.setLearningRate(0.02);
      expect(tf.memory().numTensors, `${name} after a new learning rate`).toBe(before);
      opt.dispose();
      expect(tf.memory().numTensors, `${name} after dispose`).toBe(baseline);
      tf.dispose(vars);
    }
  });

  it('uploads nothing from JavaScript during a step: no tensor is made from a JS number', () => {
    // A tensor made from JS values (tf.scalar, tf.tensor, an op given a number) goes through Engine.makeTensor; an
    // op's output does not. Count those calls while stepping, for each optimizer, and check the counter works.
    const engine = tf.engine() as unknown as { makeTensor: (...a: unknown[]) => unknown };
    const make = engine.makeTensor;
    let made = 0;
    engine.makeTensor = function (this: unknown, ...a: unknown[]) {
      made++;
      return make.apply(this, a);
    };
    try {
      for (const name of TRAIN_OPTIMIZERS) {
        const vars = makeVars();
        const opt = createOptimizer(tf, name, vars, { learningRate: 0.01 });
        const g = grads(vars);
        made = 0;
        for (let t = 0; t < 10; t++) opt.apply(g);
        expect(made, name).toBe(0);
        tf.dispose(g);
        opt.dispose();
        tf.dispose(vars);
      }
      // tfjs's own Adam, for contrast: fresh scalars every step.
      const vars = makeVars();
      const ref = tf.train.adam(0.01);
      const g = grads(vars);
      const named = vars.map((v, i) => ({ name: v.name, tensor: g[i]! }));
      ref.applyGradients(named);
      made = 0;
      ref.applyGradients(named);
      expect(made).toBeGreaterThan(5);
      tf.dispose(g);
      ref.dispose();
      tf.dispose(vars);
    } finally {
      engine.makeTensor = make;
    }
  });

  it('AdamW with λ = 0 is Adam, and λ > 0 shrinks the weights', () => {
    const run = (name: TrainOptimizerName, weightDecay?: number) => {
      const vars = makeVars();
      const opt = createOptimizer(tf, name, vars, { learningRate: 0.02, ...(weightDecay === undefined ? {} : { weightDecay }) });
      for (let t = 0; t < 50; t++) {
        const g = grads(vars);
        opt.apply(g);
        tf.dispose(g);
      }
      const w = read(vars);
      opt.dispose();
      tf.dispose(vars);
      return w;
    };
    expect(run('adamw', 0)).toEqual(run('adam'));
    const norm = (w: number[]) => Math.hypot(...w);
    expect(norm(run('adamw', 0.5))).toBeLessThan(norm(run('adam')));
  });

  it('refuses a learning rate that is not a positive number', () => {
    const vars = makeVars();
    expect(() => createOptimizer(tf, 'sgd', vars, { learningRate: -1 })).toThrow(/positive/);
    const opt = createOptimizer(tf, 'sgd', vars, { learningRate: 0.1 });
    expect(() => opt.setLearningRate(Number.NaN)).toThrow(/positive/);
    opt.dispose();
    tf.dispose(vars);
  });
});
