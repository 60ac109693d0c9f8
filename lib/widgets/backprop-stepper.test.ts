import { describe, expect, it } from 'vitest';
import { createRng } from '../random';
import { checkValue, encodeQuery, parseQuery, resolveDefaults, schemaDefaults } from '../state/schema';
import { NET_221, PARAMS_221, neuralNetworksWorked as nn, pass221, step221 } from '../worked/neural-networks';
import {
  GRAD_CHECK_TOLERANCE,
  PARAM_BOUND,
  backpropReport,
  backpropStepper,
  backpropStepperSchema as schema,
  gradientStep221,
  numericalGradient221,
  paramsOf,
  takeSteps,
  type BackpropStepperValues,
} from './backprop-stepper';

const ID = backpropStepper.id;
const defaults = schemaDefaults(schema);

describe('the backpropStepper definition', () => {
  it('starts from the chapter’s network (NET_221): its weights, input, target and learning rate, at step 0', () => {
    expect(paramsOf(defaults)).toEqual(NET_221.params);
    expect([defaults.x1, defaults.x2]).toEqual([...NET_221.x]);
    expect(defaults.y).toBe(NET_221.y);
    expect(defaults.lr).toBe(NET_221.lr);
    expect(defaults.step).toBe(0);
    for (const [k, f] of Object.entries(schema)) expect([k, checkValue(f, f.default).ok]).toEqual([k, true]);
    expect(resolveDefaults(ID, schema, {})).toEqual(defaults);
  });

  it('labels every parameter and puts it in a group', () => {
    for (const k of PARAMS_221) {
      expect(schema[k].label?.en.length).toBeGreaterThan(0);
      expect(schema[k].group).toBe('weights');
    }
    expect(Object.keys(backpropStepper.strings.zh).sort()).toEqual(Object.keys(backpropStepper.strings.en).sort());
  });

  it('writes the weights after a step into a link that reads back exactly (round trip)', () => {
    const after = takeSteps(defaults, 3).values;
    const query = `?${new URLSearchParams(encodeQuery(ID, schema, after, defaults)).toString()}`;
    expect(query).toContain('backpropStepper.step=3');
    const back = parseQuery(ID, schema, query);
    expect(back.issues).toEqual([]);
    expect(back.values).toEqual(after);
  });

  it('keeps the defaults and reports bad link values', () => {
    const { values, issues } = parseQuery(ID, schema, '?backpropStepper.w11=banana&backpropStepper.lr=0&backpropStepper.step=1.5&backpropStepper.y=2');
    expect(values).toEqual(defaults);
    expect(issues.map((i) => [i.key, i.reason.code])).toEqual([
      ['w11', 'notANumber'],
      ['lr', 'outOfRange'],
      ['step', 'notAnInteger'],
      ['y', 'outOfRange'],
    ]);
  });
});

describe('backpropReport at the chapter’s defaults', () => {
  const r = backpropReport(defaults);

  it('is the chapter’s forward and backward pass (pass221)', () => {
    const ref = pass221();
    for (const q of ['z1', 'h1', 'z2', 'h2', 'zOut', 'yHat', 'loss', 'deltaOut', 'delta1', 'delta2'] as const) expect(r.pass[q]).toBe(ref[q]);
    // z_out = 0.7·tanh(0.4) − 0.5·tanh(0.5) + 0.2 = 0.2349, ŷ = σ(0.2349) = 0.5585, L = ½(0.5585 − 1)² = 0.0975 (by hand)
    expect(r.pass.yHat).toBeCloseTo(0.5585, 4);
    expect(r.pass.loss).toBeCloseTo(0.0975, 4);
    expect(r.pass.yHat).toBeCloseTo(nn.nnExample('yHat'), 15);
  });

  it('gives the chapter’s gradients and numerical estimates, all agreeing within 1e-6', () => {
    for (const k of PARAMS_221) {
      expect(r.checks[k].grad).toBe(nn.nnExampleGrad(k));
      expect(r.checks[k].numGrad).toBe(nn.nnExampleNumGrad(k));
      expect(r.checks[k].diff).toBeLessThan(1e-9);
      expect(r.checks[k].ok).toBe(true);
    }
  });

  it('predicts the chapter’s numbers after one step', () => {
    for (const k of PARAMS_221) expect(r.checks[k].next).toBe(nn.nnExampleParam(k, true));
    expect(r.after.yHat).toBe(nn.nnExampleAfter('yHat'));
    expect(r.after.loss).toBe(nn.nnExampleAfter('loss'));
  });
});

describe('takeSteps', () => {
  it('takes the chapter’s step: the weights of step221, ŷ and L of nnExampleAfter, the step count 1', () => {
    const { values, losses, clamped } = takeSteps(defaults, 1);
    expect(paramsOf(values)).toEqual(step221());
    expect(values.step).toBe(1);
    expect(clamped).toBe(false);
    expect(losses).toEqual([{ step: 1, loss: nn.nnExampleAfter('loss') }]);
    expect(pass221(paramsOf(values)).yHat).toBe(nn.nnExampleAfter('yHat'));
  });

  it('lowers the loss step after step at the chapter’s learning rate', () => {
    const { losses } = takeSteps(defaults, 20);
    expect(losses.map((l) => l.step)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    for (let i = 1; i < losses.length; i++) expect(losses[i]!.loss).toBeLessThan(losses[i - 1]!.loss);
  });

  it('is ten single steps when asked for ten', () => {
    let v = defaults;
    for (let i = 0; i < 10; i++) v = takeSteps(v, 1).values;
    expect(takeSteps(defaults, 10).values).toEqual(v);
  });

  it('holds parameters at ±PARAM_BOUND, so the link stays valid', () => {
    // z_out = 9.9 × tanh(0.3) − 0.5 × tanh(0.2) − 2.8 ≈ −0.015, so ŷ ≈ 0.5 and δ_out ≈ −0.126; with η = 10 the step
    // moves v₁ by 10 × 0.126 × h₁ ≈ +0.37, past the bound 10 (hand computation).
    const start: BackpropStepperValues = { ...defaults, v1: 9.9, c: -2.8, lr: 10, y: 1 };
    expect(backpropReport(start).checks.v1.next).toBeGreaterThan(PARAM_BOUND);
    const { values, clamped } = takeSteps(start, 1);
    expect(clamped).toBe(true);
    expect(values.v1).toBe(PARAM_BOUND);
    for (const k of PARAMS_221) expect(Math.abs(values[k])).toBeLessThanOrEqual(PARAM_BOUND);
    expect(parseQuery(ID, schema, `?${new URLSearchParams(encodeQuery(ID, schema, values, defaults))}`).issues).toEqual([]);
  });
});

describe('the gradient check for any weights, input and target', () => {
  it('agrees with backpropagation within 1e-6 at random points (seeded)', () => {
    const rng = createRng(221);
    for (let trial = 0; trial < 50; trial++) {
      const p = Object.fromEntries(PARAMS_221.map((k) => [k, (rng.uniform() * 2 - 1) * 3])) as ReturnType<typeof paramsOf>;
      const x = [(rng.uniform() * 2 - 1) * 5, (rng.uniform() * 2 - 1) * 5];
      const y = rng.uniform();
      const num = numericalGradient221(p, x, y);
      const { grad } = pass221(p, x, y);
      for (const k of PARAMS_221) expect(Math.abs(grad[k] - num[k])).toBeLessThan(GRAD_CHECK_TOLERANCE);
    }
  });

  it('steps against the gradient: θ − η·∂L/∂θ', () => {
    const p = { ...NET_221.params, v2: 0.3 };
    const x = [-1, 2];
    const next = gradientStep221(p, x, 0, 0.1);
    const { grad } = pass221(p, x, 0);
    for (const k of PARAMS_221) expect(next[k]).toBe(p[k] - 0.1 * grad[k]);
    // With target 0 the output must fall after a small step.
    expect(pass221(next, x, 0).yHat).toBeLessThan(pass221(p, x, 0).yHat);
  });

  it('reports the gradient check in backpropReport for other inputs too', () => {
    const r = backpropReport({ ...defaults, x1: -2, x2: 3, y: 0.2, w22: -1.5 });
    for (const k of PARAMS_221) expect(r.checks[k].ok).toBe(true);
    expect(r.pass.loss).toBe(pass221({ ...NET_221.params, w22: -1.5 }, [-2, 3], 0.2).loss);
  });
});
