/**
 * `computeOptimal`: the model size N and token count D that reach the lowest loss for a compute budget C = 6·N·D,
 * under the parametric loss L(N, D) = E + A/N^α + B/D^β (Hoffmann et al. 2022, "approach 3"), and, when the model
 * will also serve D_inf tokens, the smaller, longer-trained model that reaches the same loss for the least total
 * compute 6·N·D + 2·N·D_inf (Sardana et al. 2024, "Beyond Chinchilla-optimal").
 *
 * Why the famous "≈ 20 tokens per parameter" is not what every fit gives (tested in compute-optimal.test.ts):
 * tokens per parameter at the optimum is D*÷N* = G⁻²·(C/6)^((α−β)/(α+β)), so it drifts with the budget and is very
 * sensitive to α − β. At Chinchilla's budget C = 5.76e23:
 * - Besiroglu et al. 2024's refit of approach 3 gives ≈ 18.4, in line with Hoffmann's approaches 1 and 2 (≈ 20).
 * - Hoffmann et al.'s own approach-3 constants, unrounded, give ≈ 58.9: the fit itself disagrees with approaches 1
 *   and 2. Besiroglu et al. refitted data reconstructed from the paper's own figure and recovered ≈ 20, so the fault is in the fit.
 * - The constants as the paper prints them, rounded (E 1.69, A 406.4, B 410.7, α 0.34, β 0.28), give ≈ 92.6:
 *   rounding moves (α−β)/(α+β) from 0.0870 to 0.0968, and (C/6)^0.0098 with C/6 ≈ 1e23 is a factor ≈ 1.68; the change
 *   in G takes a little of it back. Exponents must be kept to every digit the paper gives.
 */
import type { Bilingual } from '../i18n';
import { malformedInputs, negativeInputs, nonPositiveInputs, okFinite } from './checks';
import { fail, problem, type CalcProblem, type CalcResult } from './result';
import { computeOptimalSchema, type ComputeOptimalFit, type ComputeOptimalInputs } from './schemas';

/** Constants of L(N, D) = E + A/N^alpha + B/D^beta; loss in nats per token. */
export interface ChinchillaFit {
  E: number;
  A: number;
  B: number;
  alpha: number;
  beta: number;
}

/** Hoffmann et al. 2022, approach 3, unrounded (the digits CALCULATORS.md gives). */
export const HOFFMANN_2022: ChinchillaFit = { E: 1.69337368, A: 406.401018, B: 410.722827, alpha: 0.33917084, beta: 0.2849083 };

/** The same fit as printed in the paper's text (rounded): kept only to show how much rounding changes the answer. */
export const HOFFMANN_2022_ROUNDED: ChinchillaFit = { E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 };

/** Besiroglu, Erdil, Barnett and You 2024, "Chinchilla Scaling: A replication attempt": the default. */
export const BESIROGLU_2024: ChinchillaFit = { E: 1.8172, A: 482.01, B: 2085.43, alpha: 0.3478, beta: 0.3658 };

export const CHINCHILLA_FITS: Record<ComputeOptimalFit, ChinchillaFit> = {
  besiroglu2024: BESIROGLU_2024,
  hoffmann2022: HOFFMANN_2022,
};

/** L(N, D) = E + A/N^α + B/D^β: the predicted loss of N parameters trained on D tokens. `fit`: constants or a fit's id. */
export function chinchillaLoss(fit: ChinchillaFit | ComputeOptimalFit, N: number, D: number): number {
  const f = typeof fit === 'string' ? CHINCHILLA_FITS[fit] : fit;
  return f.E + f.A / N ** f.alpha + f.B / D ** f.beta;
}

/**
 * The closed-form optimum for compute C = 6ND: G = (αA/(βB))^(1/(α+β)), N* = G·(C/6)^(β/(α+β)), D* = (C/6)/N*.
 * Computed in logarithms so that no intermediate power overflows.
 */
export function closedFormOptimum(fit: ChinchillaFit, flops: number): { params: number; tokens: number } {
  const { A, B, alpha, beta } = fit;
  const logG = (Math.log(alpha * A) - Math.log(beta * B)) / (alpha + beta);
  const logC6 = Math.log(flops / 6);
  const logN = logG + (beta / (alpha + beta)) * logC6;
  return { params: Math.exp(logN), tokens: Math.exp(logC6 - logN) };
}

/** log(e^a + e^b) without overflow. */
function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  const m = Math.max(a, b);
  return m + Math.log(Math.exp(a - m) + Math.exp(b - m));
}

/**
 * The model that reaches the loss L* = L(N*, D*) of the closed-form optimum at `flops` for the least total compute
 * 6·N·D + 2·N·inferenceTokens (Sardana et al. 2024). On the loss constraint D is a function of N:
 * B/D^β = L* − E − A/N^α, so D(N) = (B / (L* − E − A/N^α))^(1/β), defined for N above N_min = (A/(L* − E))^(1/α).
 * The total is minimised over u = ln N in (ln N_min, ln N*]: the optimum lies left of N* (at N* the derivative of the
 * training term is zero, and the inference term only adds a positive slope). A geometric scan finds the bracket, a
 * golden-section search refines it.
 */
export function inferenceAwareOptimum(
  fit: ChinchillaFit,
  flops: number,
  inferenceTokens: number,
): { params: number; tokens: number; loss: number } {
  const { A, B, alpha, beta } = fit;
  const star = closedFormOptimum(fit, flops);
  const uStar = Math.log(star.params);
  // L* − E, summed from its two terms rather than subtracted, to keep its digits at large budgets.
  const gap = A * Math.exp(-alpha * uStar) + B * star.tokens ** -beta;
  const loss = fit.E + gap;
  const uMin = (Math.log(A) - Math.log(gap)) / alpha;
  const logB = Math.log(B);
  const logDinf = inferenceTokens > 0 ? Math.log(2 * inferenceTokens) : -Infinity;

  /** ln D(u) on the loss constraint; Infinity at or below N_min. */
  const logTokens = (u: number): number => {
    const r = gap - A * Math.exp(-alpha * u);
    return r > 0 ? (logB - Math.log(r)) / beta : Infinity;
  };
  /** ln of the total compute 6·N·D(N) + 2·N·D_inf. */
  const logTotal = (u: number): number => u + logAddExp(Math.log(6) + logTokens(u), logDinf);

  if (!(inferenceTokens > 0)) return { params: star.params, tokens: star.tokens, loss };

  // Scan offsets from N_min geometrically (the optimum can sit very close to N_min when D_inf ≫ D*).
  const range = uStar - uMin;
  const SCAN = 160;
  const us: number[] = [];
  for (let i = 0; i < SCAN; i++) us.push(uMin + range * 10 ** (-12 + (12 * i) / (SCAN - 1)));
  let best = 0;
  let bestValue = Infinity;
  us.forEach((u, i) => {
    const v = logTotal(u);
    if (v < bestValue) {
      bestValue = v;
      best = i;
    }
  });
  let lo = us[Math.max(0, best - 1)] as number;
  let hi = us[Math.min(SCAN - 1, best + 1)] as number;
  const PHI = (Math.sqrt(5) - 1) / 2;
  let x1 = hi - PHI * (hi - lo);
  let x2 = lo + PHI * (hi - lo);
  let f1 = logTotal(x1);
  let f2 = logTotal(x2);
  for (let k = 0; k < 200 && hi - lo > 1e-15 * Math.max(1, Math.abs(hi)); k++) {
    if (f1 <= f2) {
      hi = x2;
      x2 = x1;
      f2 = f1;
      x1 = hi - PHI * (hi - lo);
      f1 = logTotal(x1);
    } else {
      lo = x1;
      x1 = x2;
      f1 = f2;
      x2 = lo + PHI * (hi - lo);
      f2 = logTotal(x2);
    }
  }
  const u = (lo + hi) / 2;
  return { params: Math.exp(u), tokens: Math.exp(logTokens(u)), loss };
}

export interface ComputeOptimalOutputs {
  /** Parameters N. */
  params: number;
  /** Training tokens D. */
  tokens: number;
  /** D / N. */
  tokensPerParam: number;
  /** Predicted loss L(N, D), nats per token. */
  loss: number;
  detail?: {
    /** 6·N·D of the answer, FLOPs (equals `flops` when inferenceTokens = 0). */
    trainingFlops: number;
    /** 2·N·inferenceTokens, FLOPs. */
    inferenceFlops: number;
    /** The closed-form (training-only) optimum for the same budget, for comparison. */
    closedForm: { params: number; tokens: number; totalFlops: number };
  };
}

const LABELS: Record<string, Bilingual> = {
  flops: { en: 'The compute budget', zh: '算力预算' },
  fit: { en: 'The scaling-law fit', zh: '拟合来源' },
  inferenceTokens: { en: 'The number of inference tokens', zh: '推理 token 数' },
};

/** The compute-optimal model for a budget, optionally accounting for the tokens it will serve. */
export function computeOptimal(inputs: ComputeOptimalInputs): CalcResult<ComputeOptimalOutputs> {
  const problems = [
    ...malformedInputs(computeOptimalSchema, inputs, LABELS),
    ...nonPositiveInputs(inputs, ['flops'], LABELS),
    ...negativeInputs(inputs, ['inferenceTokens'], LABELS),
  ];
  if (problems.length > 0) return fail(...problems);

  const fit = CHINCHILLA_FITS[inputs.fit as ComputeOptimalFit];
  const star = closedFormOptimum(fit, inputs.flops);
  const notes: CalcProblem[] = [];
  let params: number;
  let tokens: number;
  let loss: number;
  if (inputs.inferenceTokens > 0) {
    ({ params, tokens, loss } = inferenceAwareOptimum(fit, inputs.flops, inputs.inferenceTokens));
    notes.push(
      problem(
        'inferenceAware',
        {
          zh: '计入推理 token 后，答案是在达到同一损失（即不计推理时该预算能达到的损失）的前提下，训练加推理总算力最小的方案：模型更小、训练 token 更多。单是训练它，就会超出原预算。',
          en: 'With inference tokens, the answer is the smallest total compute (training plus serving) that reaches the loss the budget would reach without them: a smaller model trained on more tokens. Its training alone costs more than the budget.',
        },
        'inferenceTokens',
      ),
    );
  } else {
    params = star.params;
    tokens = star.tokens;
    loss = chinchillaLoss(fit, params, tokens);
  }
  if (inputs.fit === 'hoffmann2022')
    notes.push(
      problem(
        'hoffmannFit',
        {
          zh: 'Hoffmann 等人自己的参数化拟合（论文中的方法三）给出的每参数 token 数远高于著名的「约 20」；「约 20」来自他们的另两种方法。Besiroglu 等人（2024）重新拟合后，得到的结果回到约 20。',
          en: "Hoffmann et al.'s own parametric fit (their approach 3) puts far more tokens on each parameter than the famous ≈ 20, which comes from their other two approaches; Besiroglu et al. (2024) refitted it and recovered ≈ 20.",
        },
        'fit',
      ),
    );
  return okFinite(
    {
      params,
      tokens,
      tokensPerParam: tokens / params,
      loss,
      detail: {
        trainingFlops: 6 * params * tokens,
        inferenceFlops: 2 * params * inputs.inferenceTokens,
        closedForm: { params: star.params, tokens: star.tokens, totalFlops: 6 * star.params * star.tokens + 2 * star.params * inputs.inferenceTokens },
      },
    },
    notes,
  );
}
