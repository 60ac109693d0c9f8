/**
 * `capTable`: who owns what after post-money SAFEs convert in a priced round (YC's post-money SAFE, 2018 onward).
 *
 * 1. Company capitalisation counts every share, every option (issued, promised and the unissued pool) and every
 *    converting SAFE, but not the new round's pool increase or new money. A post-money SAFE owns amount/cap of it, so
 *    with ownerships oᵢ = amountᵢ/capᵢ: companyCapitalization = ⌊(founderShares + pool) / (1 − Σoᵢ)⌋.
 * 2. Each SAFE converts at its Safe Price capᵢ / companyCapitalization: ⌊amountᵢ · companyCapitalization / capᵢ⌋ shares.
 * 3. Priced round: the pool increase P makes the unissued pool (pool + P) poolTargetPercent of post-money shares;
 *    series price = preMoney / (shares after conversion + P); the new investors get ⌊raise / price⌋ shares.
 *    With S the shares after conversion and k = (preMoney + raise)/preMoney, post-money shares are (S + P)·k, so
 *    P = (t·k·S − pool) / (1 − t·k) for a target fraction t (rounded down, and 0 if the pool is already big enough).
 * Shares are whole: every share count is rounded down, as the YC guide does.
 *
 * Not modelled: discounts and MFN; a round priced below a SAFE's Safe Price (a real SAFE then converts at the lower
 * round price; the calculator says so in a note); promised or issued options as a separate line (enter them in
 * founderShares: they count in the capitalisation like common stock and are not part of the unissued pool).
 */
import type { Bilingual } from '../i18n';
import { malformedInputs, negativeInputs, okFinite } from './checks';
import { fail, problem, type CalcProblem, type CalcResult } from './result';
import { capTableSchema, type CapTableInputs } from './schemas';

export type HolderKey = 'founders' | 'pool' | 'safe1' | 'safe2' | 'safe3' | 'safe4' | 'safe5' | 'poolIncrease' | 'seriesA';

export interface Holder {
  key: HolderKey;
  /** Shares before any SAFE converts (founders and pool only). */
  sharesBefore: number;
  /** Percent of the shares before, 0–100. */
  percentBefore: number;
  /** Shares after the SAFEs convert and the priced round closes (after conversion only, if there is no round). */
  sharesAfter: number;
  /** Percent of the shares after, 0–100. */
  percentAfter: number;
}

export interface CapTableOutputs {
  /** Shares, options and converting SAFEs before the round, whole shares. */
  companyCapitalization: number;
  safe1Shares: number;
  safe2Shares: number;
  safe3Shares: number;
  safe4Shares: number;
  safe5Shares: number;
  /** Series A price per share, USD. */
  seriesPrice: number;
  /** The founders' share of the company after the round, percent (0–100). */
  founderPercentAfter: number;
  detail?: { holders: Holder[] };
}

type SafeIndex = 1 | 2 | 3 | 4 | 5;
const SAFE_INDICES: SafeIndex[] = [1, 2, 3, 4, 5];
const SAFE_OUTPUT_KEYS = ['safe1Shares', 'safe2Shares', 'safe3Shares', 'safe4Shares', 'safe5Shares'] as const;

const LABELS: Record<string, Bilingual> = {
  founderShares: { en: 'Founder shares', zh: '创始人股数' },
  pool: { en: 'The option pool', zh: '期权池' },
  preMoney: { en: 'The pre-money valuation', zh: '投前估值' },
  raise: { en: 'The amount raised', zh: '融资额' },
  poolTargetPercent: { en: 'The target pool', zh: '目标期权池比例' },
  ...Object.fromEntries(
    SAFE_INDICES.flatMap((i) => [
      [`safe${i}Amount`, { en: `SAFE ${i}'s amount`, zh: `第 ${i} 份 SAFE 的金额` }],
      [`safe${i}Cap`, { en: `SAFE ${i}'s valuation cap`, zh: `第 ${i} 份 SAFE 的估值上限` }],
    ]),
  ),
};

/** Rounds a share count down, forgiving a few units in the last place (10e6/0.8 must give 12,500,000, not 12,499,999). */
export function floorShares(x: number): number {
  return Math.floor(x + Math.abs(x) * 1e-14);
}

/** Company capitalisation with post-money SAFEs of ownerships amountᵢ/capᵢ: ⌊preSafeShares / (1 − Σ amountᵢ/capᵢ)⌋. */
export function companyCapitalization(preSafeShares: number, safes: { amount: number; cap: number }[]): number {
  const sold = safes.reduce((s, x) => s + x.amount / x.cap, 0);
  return floorShares(preSafeShares / (1 - sold));
}

/** Shares a post-money SAFE converts into at its Safe Price cap / companyCapitalization: ⌊amount · capitalisation / cap⌋. */
export function safeShares(amount: number, cap: number, capitalization: number): number {
  return floorShares((amount * capitalization) / cap);
}

/** Series price per share: preMoney / (fully diluted shares after SAFE conversion + pool increase). */
export function seriesPricePerShare(preMoney: number, sharesAfterConversion: number, poolIncrease: number): number {
  return preMoney / (sharesAfterConversion + poolIncrease);
}

/**
 * The pool increase that makes the unissued pool `targetFraction` of post-money shares, before rounding:
 * (t·k·S − pool)/(1 − t·k) with k = (preMoney + raise)/preMoney; negative when the pool already exceeds the target;
 * Infinity or negative denominators mean the target cannot be met (t·k ≥ 1).
 */
export function poolIncreaseFor(targetFraction: number, sharesAfterConversion: number, pool: number, preMoney: number, raise: number): number {
  const tk = (targetFraction * (preMoney + raise)) / preMoney;
  return (tk * sharesAfterConversion - pool) / (1 - tk);
}

/** The cap table before and after post-money SAFEs convert in a priced round. */
export function capTable(inputs: CapTableInputs): CalcResult<CapTableOutputs> {
  const problems = [
    ...malformedInputs(capTableSchema, inputs, LABELS),
    ...negativeInputs(inputs, Object.keys(capTableSchema), LABELS),
  ];
  if (problems.length === 0 && inputs.poolTargetPercent >= 100)
    problems.push(
      problem('poolTarget100', { zh: '目标期权池比例必须低于公司股份的 100%。', en: 'The target pool must be below 100 % of the company.' }, 'poolTargetPercent'),
    );
  if (problems.length > 0) return fail(...problems);

  const founders = floorShares(inputs.founderShares);
  const pool = floorShares(inputs.pool);
  const preSafe = founders + pool;
  if (preSafe <= 0)
    return fail(
      problem(
        'noShares',
        {
          zh: '公司还没有任何股份：请填写创始人的股数（如有期权池，也一并填写）。',
          en: 'The company has no shares yet: enter the founders’ shares (and the option pool, if any).',
        },
        'founderShares',
      ),
    );

  const notes: CalcProblem[] = [];
  const missing: Partial<Record<keyof CapTableOutputs, CalcProblem>> = {};
  const safes: { index: SafeIndex; amount: number; cap: number }[] = [];
  for (const i of SAFE_INDICES) {
    const amount = inputs[`safe${i}Amount`];
    const cap = inputs[`safe${i}Cap`];
    if (amount > 0 && cap > 0) safes.push({ index: i, amount, cap });
    else if (amount > 0 || cap > 0)
      notes.push(
        problem(
          'incompleteSafe',
          {
            zh: `第 ${i} 份 SAFE 需要金额和估值上限都大于 0，暂不计入。`,
            en: `SAFE ${i} needs both an amount and a valuation cap above 0; it is left out.`,
          },
          amount > 0 ? `safe${i}Cap` : `safe${i}Amount`,
        ),
      );
  }
  const sold = safes.reduce((s, x) => s + x.amount / x.cap, 0);
  if (sold >= 1)
    return fail(
      problem(
        'safesOwnEverything',
        {
          zh: `这些 SAFE 合计买下公司 ${(sold * 100).toFixed(1)}% 的股份（各自金额 ÷ 估值上限之和），其他人一股不剩。每份 SAFE 的估值上限都应远高于其金额。`,
          en: `Together the SAFEs buy ${(sold * 100).toFixed(1)} % of the company (amount ÷ cap, summed), which leaves nothing for anyone else. Each SAFE's cap must be well above its amount.`,
        },
        'safe1Cap',
      ),
    );

  // 1–2. SAFE conversion.
  const capitalization = safes.length > 0 ? companyCapitalization(preSafe, safes) : preSafe;
  const converted = new Map<SafeIndex, number>();
  for (const s of safes) converted.set(s.index, safeShares(s.amount, s.cap, capitalization));
  const safeTotal = [...converted.values()].reduce((a, b) => a + b, 0);
  const afterConversion = preSafe + safeTotal;
  if (safes.length === 0) {
    const none = problem(
      'noSafes',
      {
        zh: '尚未填写任何 SAFE：请至少为一份 SAFE 填写金额和估值上限，才能看到转股结果。',
        en: 'No SAFEs entered: enter an amount and a valuation cap for at least one SAFE to see its conversion.',
      },
      'safe1Amount',
    );
    missing.companyCapitalization = none;
    for (const key of SAFE_OUTPUT_KEYS) missing[key] = none;
  } else {
    for (const i of SAFE_INDICES) {
      if (!converted.has(i))
        missing[SAFE_OUTPUT_KEYS[i - 1] as (typeof SAFE_OUTPUT_KEYS)[number]] = problem(
          'safeAbsent',
          {
            zh: `未填写第 ${i} 份 SAFE。`,
            en: `SAFE ${i} is not entered.`,
          },
          `safe${i}Amount`,
        );
    }
  }

  // 3. Priced round.
  let poolIncrease = 0;
  let seriesShares = 0;
  let seriesPrice = 0;
  let priced = false;
  if (!(inputs.preMoney > 0 && inputs.raise > 0)) {
    const noRound = problem(
      'noPricedRound',
      {
        zh: '请填写大于 0 的投前估值和融资额来为本轮定价；在此之前，表中显示的是 SAFE 按估值上限转股后的持股。',
        en: 'Enter a pre-money valuation and an amount raised above 0 to price the round; until then the table shows ownership with the SAFEs converted at their caps.',
      },
      inputs.preMoney > 0 ? 'raise' : 'preMoney',
    );
    missing.seriesPrice = noRound;
    missing.founderPercentAfter = noRound;
  } else {
    const t = inputs.poolTargetPercent / 100;
    const k = (inputs.preMoney + inputs.raise) / inputs.preMoney;
    if (t * k >= 1) {
      const impossible = problem(
        'poolTargetTooLarge',
        {
          zh: `新投资人将持有公司 ${((inputs.raise / (inputs.preMoney + inputs.raise)) * 100).toFixed(1)}% 的股份，再加上 ${inputs.poolTargetPercent}% 的期权池，现有股东就一股不剩了。请降低目标期权池比例或融资额。`,
          en: `The new investors take ${((inputs.raise / (inputs.preMoney + inputs.raise)) * 100).toFixed(1)} % of the company, so a ${inputs.poolTargetPercent} % pool leaves nothing for the existing holders. Lower the target pool or the amount raised.`,
        },
        'poolTargetPercent',
      );
      missing.seriesPrice = impossible;
      missing.founderPercentAfter = impossible;
    } else {
      const exact = poolIncreaseFor(t, afterConversion, pool, inputs.preMoney, inputs.raise);
      if (exact < 0 && t > 0)
        notes.push(
          problem(
            'poolAboveTarget',
            {
              zh: `现有期权池在本轮后已超过 ${inputs.poolTargetPercent}%，因此不再扩充。`,
              en: `The existing pool is already above ${inputs.poolTargetPercent} % after the round, so it is not increased.`,
            },
            'pool',
          ),
        );
      const increase = Math.max(0, floorShares(exact));
      const price = seriesPricePerShare(inputs.preMoney, afterConversion, increase);
      const shares = floorShares(inputs.raise / price);
      // Past 2^53 shares are no longer whole numbers in a double: a price that small is an input in the wrong unit.
      if (!(price > 0 && Number.isSafeInteger(shares) && Number.isSafeInteger(increase))) {
        const tooSmall = problem(
          'priceOutOfRange',
          {
            zh: '这组金额算出的每股价格小到无法计算。请以美元为单位填写估值和融资额。',
            en: 'These amounts give a price per share too small to compute. Enter the valuation and the amount raised in dollars.',
          },
          'preMoney',
        );
        missing.seriesPrice = tooSmall;
        missing.founderPercentAfter = tooSmall;
      } else {
        poolIncrease = increase;
        seriesPrice = price;
        seriesShares = shares;
        priced = true;
      }
      for (const s of priced ? safes : []) {
        if (s.cap / capitalization > seriesPrice)
          notes.push(
            problem(
              'roundBelowCap',
              {
                zh: `本轮每股价格低于第 ${s.index} 份 SAFE 的转股价（估值上限 ÷ 公司股本总数）。实际的 SAFE 此时会按更低的本轮价格转股、获得更多股份；本计算器仍按估值上限价格计算。`,
                en: `The round is priced below SAFE ${s.index}'s Safe Price (its cap ÷ company capitalisation). A real SAFE then converts at the lower round price and gets more shares; this calculator keeps the cap price.`,
              },
              `safe${s.index}Cap`,
            ),
          );
      }
    }
  }

  const totalAfter = afterConversion + poolIncrease + seriesShares;
  const pct = (shares: number, total: number) => (total > 0 ? 100 * (shares / total) : 0);
  const row = (key: HolderKey, sharesBefore: number, sharesAfter: number): Holder => ({
    key,
    sharesBefore,
    percentBefore: pct(sharesBefore, preSafe),
    sharesAfter,
    percentAfter: pct(sharesAfter, totalAfter),
  });
  const holders: Holder[] = [row('founders', founders, founders), row('pool', pool, pool)];
  for (const s of safes) holders.push(row(`safe${s.index}` as HolderKey, 0, converted.get(s.index) as number));
  if (priced) holders.push(row('poolIncrease', 0, poolIncrease), row('seriesA', 0, seriesShares));

  return okFinite(
    {
      companyCapitalization: capitalization,
      safe1Shares: converted.get(1) ?? 0,
      safe2Shares: converted.get(2) ?? 0,
      safe3Shares: converted.get(3) ?? 0,
      safe4Shares: converted.get(4) ?? 0,
      safe5Shares: converted.get(5) ?? 0,
      seriesPrice,
      founderPercentAfter: priced ? pct(founders, totalAfter) : 0,
      detail: { holders },
    },
    notes,
    missing,
  );
}

