/**
 * OptimizerRace: tfjs's own optimizers (SGD, momentum, RMSProp, Adagrad, Adam) and the book's AdamW (tfjs 4.22 has
 * none) race from one starting point down a 2-D loss surface, trained live in the worker. The surfaces are written
 * once, over an `Ops` interface, so the same formula runs on plain numbers (contours, tests) and on tensors (training).
 * Every setting is in the URL; any change restarts the race from the start (it is a comparison from one point), except
 * the pace and the number of steps, which apply to the running race.
 */
import { bilingual, type Bilingual } from '../i18n';
import type { BooleanField, NumberField, Schema, Values } from '../state/schema';
import { TaskRefused, type TrainingTask } from '../training/task';
import { backendField, defineWidget, seedField } from './define';

export const OPTIMIZER_RACE_ID = 'optimizerRace';

/** Arithmetic a surface needs, over numbers or tensors. */
export interface Ops<T> {
  /** A constant (a tensor made once and kept, on the tensor side). */
  c(value: number): T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  square(a: T): T;
}

export const SURFACES = ['ravine', 'rosenbrock', 'beale', 'saddle', 'noisy'] as const;
export type SurfaceName = (typeof SURFACES)[number];

export interface Surface {
  /** f(x, y); written with ops so numbers and tensors share it. */
  f<T>(o: Ops<T>, x: T, y: T): T;
  /** The plotted window [xMin, xMax] × [yMin, yMax]. */
  domain: readonly [number, number, number, number];
  start: readonly [number, number];
  /** Global minima (for the markers), and f there. */
  minima: readonly (readonly [number, number])[];
  fMin: number;
  label: Bilingual;
  about: Bilingual;
}

const mulAll = <T>(o: Ops<T>, ...xs: T[]) => xs.reduce((a, b) => o.mul(a, b));

/**
 * The surfaces, scaled so that one set of default learning rates works on all of them: SGD at η = 0.04 is stable on
 * each near its minimum (the largest Hessian eigenvalue stays below 2/η = 50; checked in the tests).
 */
export const SURFACE_DEFS: Record<SurfaceName, Surface> = {
  ravine: {
    // f = 0.1x² + 2y²: a bowl 20 times steeper across than along (condition number 20).
    f: (o, x, y) => o.add(o.mul(o.c(0.1), o.square(x)), o.mul(o.c(2), o.square(y))),
    domain: [-5, 5, -3, 3],
    start: [-4.5, 2],
    minima: [[0, 0]],
    fMin: 0,
    label: { zh: '狭长山谷', en: 'Ravine' },
    about: {
      zh: 'f = 0.1x² + 2y²：横向比纵向陡 20 倍的碗。SGD 在陡的方向来回震荡，在平的方向爬得很慢；动量和自适应方法缓解这两个问题。',
      en: 'f = 0.1x² + 2y²: a bowl 20 times steeper across than along. SGD zigzags across the steep direction and crawls along the flat one; momentum and adaptive methods ease both.',
    },
  },
  rosenbrock: {
    // Rosenbrock's banana, (1 − x)² + 100(y − x²)², divided by 100.
    f: (o, x, y) => o.mul(o.c(0.01), o.add(o.square(o.sub(o.c(1), x)), o.mul(o.c(100), o.square(o.sub(y, o.square(x)))))),
    domain: [-2, 2, -1, 3],
    start: [-1.5, 2.5],
    minima: [[1, 1]],
    fMin: 0,
    label: { zh: 'Rosenbrock 香蕉谷', en: 'Rosenbrock' },
    about: {
      zh: 'Rosenbrock 函数（除以 100）：谷底是一条弯曲的窄沟，最小值在 (1, 1)。找到沟容易，沿着沟走到底难。',
      en: 'Rosenbrock’s function (divided by 100): the valley floor is a narrow curved trench with its minimum at (1, 1). Finding the trench is easy; following it to the end is not.',
    },
  },
  beale: {
    // Beale's function, divided by 10: (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)².
    f: (o, x, y) => {
      const y2 = o.square(y);
      const t1 = o.add(o.sub(o.c(1.5), x), o.mul(x, y));
      const t2 = o.add(o.sub(o.c(2.25), x), o.mul(x, y2));
      const t3 = o.add(o.sub(o.c(2.625), x), mulAll(o, x, y2, y));
      return o.mul(o.c(0.1), o.add(o.add(o.square(t1), o.square(t2)), o.square(t3)));
    },
    domain: [-4.5, 4.5, -2, 2.5],
    start: [0.5, 1.6],
    minima: [[3, 0.5]],
    fMin: 0,
    label: { zh: 'Beale 函数', en: 'Beale' },
    about: {
      zh: 'Beale 函数（除以 10）：平坦的高原连着陡峭的边缘，最小值在 (3, 0.5)。步长固定的方法在高原上几乎不动，在边缘又容易冲过头。',
      en: 'Beale’s function (divided by 10): flat plateaus next to steep walls, minimum at (3, 0.5). Fixed-step methods barely move on the plateau and overshoot at the walls.',
    },
  },
  saddle: {
    // f = x² + y⁴/4 − y²: a saddle point at the origin between two minima at (0, ±√2), f = −1.
    f: (o, x, y) => o.add(o.square(x), o.sub(o.mul(o.c(0.25), o.square(o.square(y))), o.square(y))),
    domain: [-2, 2, -2, 2],
    start: [1.8, 0.01],
    minima: [
      [0, Math.SQRT2],
      [0, -Math.SQRT2],
    ],
    fMin: -1,
    label: { zh: '鞍点', en: 'Saddle' },
    about: {
      zh: 'f = x² + y⁴/4 − y²：原点是鞍点，两个最小值在 (0, ±√2)。从几乎正对鞍点的地方出发，梯度在 y 方向极小，看谁先逃出来。',
      en: 'f = x² + y⁴/4 − y²: a saddle at the origin between minima at (0, ±√2). Starting almost in line with the saddle, the gradient along y is tiny: see who escapes first.',
    },
  },
  noisy: {
    // f = 0.5x² + 2y², its gradient corrupted by Gaussian noise (as a minibatch gradient is), see NOISY_SIGMA.
    f: (o, x, y) => o.add(o.mul(o.c(0.5), o.square(x)), o.mul(o.c(2), o.square(y))),
    domain: [-4, 4, -3, 3],
    start: [-3.5, 2.5],
    minima: [[0, 0]],
    fMin: 0,
    label: { zh: '带噪声的碗', en: 'Noisy bowl' },
    about: {
      zh: 'f = 0.5x² + 2y²，但每一步的梯度都加了高斯噪声，就像小批量梯度那样。学习率固定时，轨迹最后在最小值附近打转，而不是停在上面。',
      en: 'f = 0.5x² + 2y², but every step’s gradient carries Gaussian noise, as a minibatch gradient does. With a fixed learning rate the path ends up jittering around the minimum instead of settling on it.',
    },
  },
};

/** f on plain numbers. */
export const NUMBER_OPS: Ops<number> = { c: (v) => v, add: (a, b) => a + b, sub: (a, b) => a - b, mul: (a, b) => a * b, square: (a) => a * a };

/** f(x, y) of a surface on plain numbers. */
export function surfaceValue(name: SurfaceName, x: number, y: number): number {
  return SURFACE_DEFS[name].f(NUMBER_OPS, x, y);
}

/** ∇f(x, y) by central differences (for tests and the contour arrows; training differentiates the tensor form). */
export function surfaceGradient(name: SurfaceName, x: number, y: number, h = 1e-5): [number, number] {
  return [(surfaceValue(name, x + h, y) - surfaceValue(name, x - h, y)) / (2 * h), (surfaceValue(name, x, y + h) - surfaceValue(name, x, y - h)) / (2 * h)];
}

/** f on a cols × rows grid over the surface's domain, row-major from the top (y max), for contours. */
export function surfaceGrid(name: SurfaceName, cols: number, rows: number): Float64Array {
  const [x0, x1, y0, y1] = SURFACE_DEFS[name].domain;
  const out = new Float64Array(cols * rows);
  for (let r = 0; r < rows; r++) {
    const y = y1 - ((r + 0.5) / rows) * (y1 - y0);
    for (let c = 0; c < cols; c++) out[r * cols + c] = surfaceValue(name, x0 + ((c + 0.5) / cols) * (x1 - x0), y);
  }
  return out;
}

/** Contour levels for a grid: geometric steps above the minimum, so both the floor and the walls show. */
export function contourLevels(values: ArrayLike<number>, fMin: number, count = 14): number[] {
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) if (values[i]! > hi) hi = values[i]!;
  const span = Math.max(1e-9, hi - fMin);
  const lo = span * 1e-4;
  return Array.from({ length: count }, (_, i) => fMin + lo * (span / lo) ** (i / (count - 1)));
}

export const RACERS = ['sgd', 'momentum', 'rmsprop', 'adagrad', 'adam', 'adamw'] as const;
export type RacerName = (typeof RACERS)[number];

/** Racers' display names; AdamW is marked as the book's own, since tfjs 4.22 has none. */
export const RACER_LABELS: Record<RacerName, Bilingual> = {
  sgd: { zh: 'SGD', en: 'SGD' },
  momentum: { zh: '动量', en: 'Momentum' },
  rmsprop: { zh: 'RMSProp', en: 'RMSProp' },
  adagrad: { zh: 'Adagrad', en: 'Adagrad' },
  adam: { zh: 'Adam', en: 'Adam' },
  adamw: { zh: 'AdamW（本书实现）', en: 'AdamW (the book’s own)' },
};

/** Short names for tight places (the standings table); the long ones say where AdamW comes from. */
export const RACER_SHORT: Record<RacerName, string> = { sgd: 'SGD', momentum: 'Momentum', rmsprop: 'RMSProp', adagrad: 'Adagrad', adam: 'Adam', adamw: 'AdamW*' };

/** Steps a second at each pace (fast: as fast as the backend goes). */
export const PACE_STEPS_PER_SECOND = { slow: 15, normal: 60, fast: Infinity } as const;
/** Standard deviation of the gradient noise on the noisy bowl, per coordinate. */
export const NOISY_SIGMA_DEFAULT = 1;
/** A racer whose position leaves the window by this factor, or whose loss is not finite, has diverged and stops. */
export const ESCAPE_FACTOR = 20;

const on = (label: Bilingual): BooleanField => ({ type: 'boolean', default: true, group: 'racers', label });
const lr = (racer: RacerName, def: number, max = 5): NumberField => ({
  type: 'number',
  default: def,
  min: 0.0001,
  max,
  control: 'select',
  ladder: [0.0003, 0.001, 0.003, 0.01, 0.02, 0.04, 0.05, 0.1, 0.2, 0.3, 0.5, 1],
  group: 'hyper',
  label: { zh: `${RACER_LABELS[racer].zh}：学习率 η`, en: `${RACER_LABELS[racer].en}: learning rate η` },
  when: { [racer]: [true] },
});
const coefficient = (racer: RacerName, def: number, zh: string, en: string, min = 0, max = 0.9999): NumberField => ({
  type: 'number',
  default: def,
  min,
  max,
  control: 'select',
  ladder: [0, 0.5, 0.8, 0.9, 0.95, 0.99, 0.999],
  group: 'hyper',
  label: { zh: `${RACER_LABELS[racer].zh}：${zh}`, en: `${RACER_LABELS[racer].en}: ${en}` },
  when: { [racer]: [true] },
});

export const optimizerRaceSchema = {
  surface: {
    type: 'enum',
    default: 'ravine',
    options: SURFACES,
    control: 'chips',
    group: 'surface',
    label: { zh: '损失曲面', en: 'Loss surface' },
    optionLabels: Object.fromEntries(SURFACES.map((s) => [s, SURFACE_DEFS[s].label])) as Record<SurfaceName, Bilingual>,
  },
  noise: {
    type: 'number',
    default: NOISY_SIGMA_DEFAULT,
    min: 0,
    max: 3,
    step: 0.25,
    group: 'surface',
    label: { zh: '梯度噪声 σ', en: 'Gradient noise σ' },
    when: { surface: ['noisy'] },
  },
  /** A start chosen by clicking the map; otherwise the surface's own. */
  customStart: { type: 'boolean', default: false, group: 'surface', label: { zh: '自选起点（在图上点击）', en: 'My own start (click the map)' } },
  x0: { type: 'number', default: 0, min: -10, max: 10, control: 'number', group: 'surface', label: { zh: '起点 x₀', en: 'Start x₀' }, when: { customStart: [true] } },
  y0: { type: 'number', default: 0, min: -10, max: 10, control: 'number', group: 'surface', label: { zh: '起点 y₀', en: 'Start y₀' }, when: { customStart: [true] } },
  sgd: on(RACER_LABELS.sgd),
  momentum: on(RACER_LABELS.momentum),
  rmsprop: on(RACER_LABELS.rmsprop),
  adagrad: on(RACER_LABELS.adagrad),
  adam: on(RACER_LABELS.adam),
  adamw: on(RACER_LABELS.adamw),
  sgdLr: lr('sgd', 0.04),
  momentumLr: lr('momentum', 0.01),
  momentumBeta: coefficient('momentum', 0.9, '动量系数 β', 'momentum β'),
  rmspropLr: lr('rmsprop', 0.02),
  rmspropRho: coefficient('rmsprop', 0.9, '衰减率 ρ', 'decay ρ'),
  adagradLr: lr('adagrad', 0.3),
  adamLr: lr('adam', 0.05),
  adamBeta1: coefficient('adam', 0.9, 'β₁', 'β₁'),
  adamBeta2: coefficient('adam', 0.999, 'β₂', 'β₂'),
  adamwLr: lr('adamw', 0.05),
  adamwDecay: {
    type: 'number',
    default: 0.01,
    min: 0,
    max: 1,
    control: 'select',
    ladder: [0, 0.001, 0.01, 0.05, 0.1, 0.5],
    group: 'hyper',
    label: { zh: 'AdamW：权重衰减 λ', en: 'AdamW: weight decay λ' },
    when: { adamw: [true] },
  },
  steps: { type: 'number', default: 400, min: 20, max: 2000, integer: true, step: 20, live: true, group: 'run', label: { zh: '比赛步数', en: 'Steps in the race' } },
  pace: {
    type: 'enum',
    default: 'normal',
    options: ['slow', 'normal', 'fast'] as const,
    live: true,
    control: 'chips',
    group: 'run',
    label: { zh: '速度', en: 'Pace' },
    optionLabels: { slow: { zh: '慢（每秒 15 步）', en: 'Slow (15 steps/s)' }, normal: { zh: '中（每秒 60 步）', en: 'Normal (60 steps/s)' }, fast: { zh: '尽可能快', en: 'As fast as it goes' } },
  },
  seed: seedField('run'),
  backend: backendField('run'),
} satisfies Schema;

export type OptimizerRaceValues = Values<typeof optimizerRaceSchema>;

/** The racers switched on, in the fixed order of RACERS. */
export function activeRacers(v: OptimizerRaceValues): RacerName[] {
  return RACERS.filter((r) => v[r]);
}

/** Where the race starts: the reader's point if chosen, else the surface's. */
export function startOf(v: OptimizerRaceValues): [number, number] {
  return v.customStart ? [v.x0, v.y0] : [...SURFACE_DEFS[v.surface].start];
}

export type RacerStatus = 'running' | 'diverged';

export interface RaceInfo {
  racers: RacerName[];
  start: [number, number];
  /** What each racer runs, for the legend: tfjs's class, or the book's own. */
  implementations: Record<RacerName, string>;
}

export interface RaceExtra {
  /** Each racer's path so far, [x₀, y₀, x₁, y₁, …], one point per step. */
  paths: Float32Array[];
  /** f at each racer's current position. */
  losses: number[];
  status: RacerStatus[];
}

/**
 * AdamW (Loshchilov & Hutter 2019) on tensors, since tfjs 4.22 has no AdamW: Adam's moments, bias-corrected, and a
 * weight decay applied to the parameters directly, θ ← θ − η(m̂/(√v̂ + ε) + λθ). Every constant is a tensor made once;
 * β₁ᵗ and β₂ᵗ are kept on the device and multiplied in place each step, so a step uploads nothing.
 */
function adamW(tf: typeof import('@tensorflow/tfjs-core'), lr: number, beta1: number, beta2: number, decay: number, eps = 1e-8) {
  const k = (v: number) => tf.keep(tf.scalar(v));
  const c = { lr: k(lr), b1: k(beta1), b2: k(beta2), nb1: k(1 - beta1), nb2: k(1 - beta2), eps: k(eps), decay: k(decay), one: k(1) };
  const state = new Map<string, { m: import('@tensorflow/tfjs-core').Variable; v: import('@tensorflow/tfjs-core').Variable }>();
  const powers = tf.tidy(() => ({ b1t: tf.variable(tf.scalar(1), false), b2t: tf.variable(tf.scalar(1), false) }));
  return {
    minimize(f: () => import('@tensorflow/tfjs-core').Scalar, vars: import('@tensorflow/tfjs-core').Variable[]) {
      tf.tidy(() => {
        const { grads } = tf.variableGrads(f, vars);
        powers.b1t.assign(tf.mul(powers.b1t, c.b1));
        powers.b2t.assign(tf.mul(powers.b2t, c.b2));
        for (const p of vars) {
          let s = state.get(p.name);
          if (!s) {
            s = { m: tf.variable(tf.zerosLike(p), false), v: tf.variable(tf.zerosLike(p), false) };
            state.set(p.name, s);
          }
          const g = grads[p.name]!;
          s.m.assign(tf.add(tf.mul(c.b1, s.m), tf.mul(c.nb1, g)));
          s.v.assign(tf.add(tf.mul(c.b2, s.v), tf.mul(c.nb2, tf.square(g))));
          const mHat = tf.div(s.m, tf.sub(c.one, powers.b1t));
          const vHat = tf.div(s.v, tf.sub(c.one, powers.b2t));
          p.assign(tf.sub(p, tf.mul(c.lr, tf.add(tf.div(mHat, tf.add(tf.sqrt(vHat), c.eps)), tf.mul(c.decay, p)))));
        }
      });
    },
    dispose() {
      tf.dispose([...Object.values(c), powers.b1t, powers.b2t, ...[...state.values()].flatMap((s) => [s.m, s.v])]);
    },
  };
}

/** One racer's optimizer behind one face: a step on its variable, and disposal. */
interface Racer {
  step(f: () => import('@tensorflow/tfjs-core').Scalar, v: import('@tensorflow/tfjs-core').Variable): void;
  dispose(): void;
}

const task: TrainingTask<OptimizerRaceValues, RaceInfo, RaceExtra> = {
  async build({ tf }, s) {
    const racers = activeRacers(s);
    if (!racers.length) throw new TaskRefused([{ zh: '至少要有一个优化器参赛。', en: 'Switch at least one optimizer on.' }]);
    const [, { disposeOptimizer }] = await Promise.all([import('@tensorflow/tfjs-core/dist/register_all_gradients'), import('../ml/train')]);
    type T = import('@tensorflow/tfjs-core').Tensor;
    type Scalar = import('@tensorflow/tfjs-core').Scalar;
    const surface = SURFACE_DEFS[s.surface];
    const start = startOf(s);
    const consts = new Map<number, T>();
    const ops: Ops<T> = {
      c: (v) => {
        let t = consts.get(v);
        if (!t) consts.set(v, (t = tf.keep(tf.scalar(v))));
        return t;
      },
      add: tf.add,
      sub: tf.sub,
      mul: tf.mul,
      square: tf.square,
    };
    // Noise for the noisy bowl: drawn once for the whole race from the seed (a slice per step, nothing uploaded per step).
    const maxSteps = optimizerRaceSchema.steps.max;
    const noise = s.surface === 'noisy' && s.noise > 0 ? tf.keep(tf.randomNormal([maxSteps + 1, 2], 0, s.noise, 'float32', s.seed)) : null;
    const vars = tf.tidy(() => racers.map(() => tf.variable(tf.tensor1d(start), true)));
    const loss = (v: T, t: number): Scalar => {
      const f = tf.sum(surface.f(ops, tf.slice(v, [0], [1]), tf.slice(v, [1], [1])));
      // The noise enters as ⟨n, θ⟩: its gradient is n, so the optimizer sees ∇f + n while f itself stays exact.
      return (noise ? tf.add(f, tf.sum(tf.mul(tf.reshape(tf.slice(noise, [Math.min(t, maxSteps), 0], [1, 2]), [2]), v))) : f) as Scalar;
    };
    const tfjs = (opt: import('@tensorflow/tfjs-core').Optimizer): Racer => ({
      step: (f, v) => tf.tidy(() => void opt.minimize(f, false, [v])),
      dispose: () => disposeOptimizer(opt),
    });
    const optimizers: Racer[] = racers.map((r) => {
      switch (r) {
        case 'sgd':
          return tfjs(tf.train.sgd(s.sgdLr));
        case 'momentum':
          return tfjs(tf.train.momentum(s.momentumLr, s.momentumBeta));
        case 'rmsprop':
          return tfjs(tf.train.rmsprop(s.rmspropLr, s.rmspropRho));
        case 'adagrad':
          return tfjs(tf.train.adagrad(s.adagradLr));
        case 'adam':
          return tfjs(tf.train.adam(s.adamLr, s.adamBeta1, s.adamBeta2));
        case 'adamw': {
          const w = adamW(tf, s.adamwLr, s.adamBeta1, s.adamBeta2, s.adamwDecay);
          return { step: (f, v) => w.minimize(f, [v]), dispose: () => w.dispose() };
        }
      }
    });
    const [x0, x1, y0, y1] = surface.domain;
    const reach = ESCAPE_FACTOR * Math.max(x1 - x0, y1 - y0);
    const paths: number[][] = racers.map(() => [...start]);
    const status: RacerStatus[] = racers.map(() => 'running');
    let pending: T[] = [];
    let step = 0;
    let pace: number = PACE_STEPS_PER_SECOND[s.pace];
    let paceFrom = { at: 0, step: 0 };
    let lastCall = 0;
    let best: number | null = null;
    let losses = racers.map(() => surfaceValue(s.surface, start[0], start[1]));

    /** Reads the positions taken since the last read (one read-back for all of them) and judges each racer. */
    const drain = async () => {
      if (!pending.length) return;
      const all = tf.tidy(() => tf.stack(pending));
      tf.dispose(pending);
      pending = [];
      const data = await all.data();
      const steps = all.shape[0]!;
      all.dispose();
      for (let k = 0; k < steps; k++) {
        racers.forEach((_, i) => {
          if (status[i] !== 'running') return;
          const x = data[(k * racers.length + i) * 2]!;
          const y = data[(k * racers.length + i) * 2 + 1]!;
          paths[i]!.push(x, y);
          if (!Number.isFinite(surfaceValue(s.surface, x, y)) || Math.abs(x) > reach || Math.abs(y) > reach) status[i] = 'diverged';
        });
      }
      losses = paths.map((p) => surfaceValue(s.surface, p[p.length - 2]!, p[p.length - 1]!));
      const running = losses.filter((l, i) => Number.isFinite(l) && status[i] === 'running');
      best = running.length ? Math.min(...running) : null;
    };

    const progress = () => ({ step, loss: best, lossStep: step, diverged: null });
    const run = {
      info: {
        racers,
        start,
        implementations: {
          sgd: 'tf.train.sgd',
          momentum: 'tf.train.momentum',
          rmsprop: 'tf.train.rmsprop',
          adagrad: 'tf.train.adagrad',
          adam: 'tf.train.adam',
          adamw: 'lib/widgets/optimizer-race.ts',
        } satisfies Record<RacerName, string>,
      },
      targetSteps: s.steps,
      async step(n: number) {
        // The pace restarts after a pause, instead of racing to catch up.
        if (Date.now() - lastCall > 500) paceFrom = { at: Date.now(), step };
        lastCall = Date.now();
        for (let k = 0; k < n && step < run.targetSteps; k++) {
          const t = step;
          racers.forEach((_, i) => {
            if (status[i] === 'running') optimizers[i]!.step(() => loss(vars[i]!, t), vars[i]!);
          });
          pending.push(tf.keep(tf.stack(vars)));
          step++;
        }
        if (step % 25 === 0 || step >= run.targetSteps) await drain();
        if (Number.isFinite(pace)) {
          const wait = paceFrom.at + ((step - paceFrom.step) / pace) * 1000 - Date.now();
          if (wait > 0) await new Promise((r) => setTimeout(r, Math.min(wait, 1000)));
        }
        return progress();
      },
      progress,
      async frame() {
        await drain();
        return {
          metrics: Object.fromEntries(racers.map((r, i) => [`loss.${r}`, status[i] === 'running' ? losses[i]! : null])),
          extra: { paths: paths.map((p) => Float32Array.from(p)), losses: [...losses], status: [...status] },
        };
      },
      tune(next: OptimizerRaceValues) {
        run.targetSteps = next.steps;
        pace = PACE_STEPS_PER_SECOND[next.pace];
        paceFrom = { at: Date.now(), step };
      },
      dispose() {
        tf.dispose(pending);
        pending = [];
        for (const o of optimizers) o.dispose();
        tf.dispose(vars);
        tf.dispose([...consts.values()]);
        if (noise) noise.dispose();
      },
    };
    return run;
  },
};

export const optimizerRace = defineWidget({
  id: OPTIMIZER_RACE_ID,
  tag: 'OptimizerRace',
  title: { zh: '优化器赛跑：同一个起点，六种下山的走法', en: 'Optimizer race: one starting point, six ways down' },
  schema: optimizerRaceSchema,
  groups: [
    { id: 'surface', label: { zh: '曲面与起点', en: 'Surface and start' }, open: true },
    { id: 'racers', label: { zh: '参赛的优化器', en: 'Optimizers in the race' } },
    { id: 'hyper', label: { zh: '各优化器的超参数', en: 'Each optimizer’s hyper-parameters' }, collapsed: true },
    { id: 'run', label: { zh: '运行', en: 'Run' } },
  ],
  strings: bilingual({
    zh: {
      step: '步数',
      optimizer: '优化器',
      loss: '损失 f',
      position: '位置 (x, y)',
      distance: '离最小值',
      status: { running: '', diverged: '发散，已停下' },
      mapLabel: (s: string) => `曲面“${s}”的等高线图，以及每个优化器从起点出发走过的路径；右侧的表格列出每个优化器当前的位置和损失。`,
      clickHint: '在图上点击，可以从那一点重新开始。',
      lossCaption: '每个优化器的损失随步数的变化（对数刻度，减去最小值）',
      seeTable: '以表格查看',
      lossAxis: 'f − f*',
      adamwNote: '* TensorFlow.js 4.22 没有 AdamW，这一条是本书自己用 tfjs 运算写的实现（解耦的权重衰减）；其余都是 tfjs 自带的优化器。',
      start: '起点',
      minimum: '最小值',
    },
    en: {
      step: 'Step',
      optimizer: 'Optimizer',
      loss: 'Loss f',
      position: 'Position (x, y)',
      distance: 'From the minimum',
      status: { running: '', diverged: 'diverged, stopped' },
      mapLabel: (s: string) => `Contour map of the ${s} surface with each optimizer’s path from the start; the table beside it lists each optimizer’s position and loss.`,
      clickHint: 'Click the map to restart the race from that point.',
      lossCaption: 'Each optimizer’s loss against steps (log scale, minus the minimum)',
      seeTable: 'See as a table',
      lossAxis: 'f − f*',
      adamwNote: '* TensorFlow.js 4.22 has no AdamW: this racer is the book’s own, written with tfjs ops (decoupled weight decay). The others are tfjs’s own optimizers.',
      start: 'Start',
      minimum: 'Minimum',
    },
  }),
  task,
  placeholderHeight: 760,
});

export default optimizerRace;
