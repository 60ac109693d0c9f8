import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { schemaDefaults } from '../state/schema';
import { capTable, companyCapitalization, floorShares, poolIncreaseFor, safeShares, seriesPricePerShare } from './cap-table';
import { capTableSchema, type CapTableInputs } from './schemas';

const defaults = schemaDefaults(capTableSchema);
const empty: CapTableInputs = Object.fromEntries(Object.keys(defaults).map((k) => [k, 0])) as unknown as CapTableInputs;
const run = (inputs: CapTableInputs) => {
  const r = capTable(inputs);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message.en).join(' '));
  return r;
};

describe('capTable: the YC post-money SAFE user guide, appendix II, example 1', () => {
  // The guide's table: 9,250,000 founder shares + 300,000 outstanding + 350,000 promised options (in founderShares:
  // the schema has no separate key) + 100,000 unissued pool = 10,000,000; Investor A $200,000 at a $4M cap (5 %),
  // Investor B $800,000 at an $8M cap (10 %); Series A $5M at $15M pre-money, unissued pool topped up to 10 %.
  const r = run(defaults);

  it('opens on the example (the schema defaults)', () => {
    expect(defaults).toMatchObject({ founderShares: 9_900_000, pool: 100_000, safe1Amount: 200_000, safe1Cap: 4e6, safe2Amount: 800_000, safe2Cap: 8e6, preMoney: 15e6, raise: 5e6, poolTargetPercent: 10 });
  });

  it('gives company capitalisation 11,764,705 and SAFE shares 588,235 and 1,176,470', () => {
    // YC guide: 10,000,000 / (1 − 5 % − 10 %) = 11,764,705.88, rounded down; 5 % and 10 % of it, rounded down.
    expect(r.value.companyCapitalization).toBe(11_764_705);
    expect(r.value.safe1Shares).toBe(588_235);
    expect(r.value.safe2Shares).toBe(1_176_470);
    expect(r.value.safe3Shares).toBe(0);
    expect(r.missing?.safe3Shares?.code).toBe('safeAbsent');
  });

  it('prices the Series A at 1.1144 as the guide does, from its pool increase of 1,695,000', () => {
    // YC guide: $15,000,000 / (11,764,705 + 1,695,000) = $1.1144.
    expect(seriesPricePerShare(15e6, 11_764_705, 1_695_000)).toBeCloseTo(1.1144, 4);
  });

  it('prices it at 1.11447 with the exact 10 % pool, within 1e-4 of the guide', () => {
    // The guide rounds its pool increase to the nearest thousand. Exactly 10 % (hand computation): with S = 11,764,705,
    // k = 20/15 and t = 0.1, P = (t·k·S − 100,000)/(1 − t·k) = 22,029,410/13 = 1,694,570 shares, so the price is
    // 15,000,000 / 13,459,275 = 1.114473 (which shows as 1.1145 to four places).
    expect(poolIncreaseFor(0.1, 11_764_705, 100_000, 15e6, 5e6)).toBeCloseTo(1_694_570, 4);
    expect(r.value.seriesPrice).toBeCloseTo(15e6 / 13_459_275, 12);
    expect(Math.abs(r.value.seriesPrice - 1.1144)).toBeLessThan(1e-4);
  });

  it('gives the new investors 25 % and the unissued pool 10 % after the round', () => {
    const holders = r.value.detail?.holders ?? [];
    const after = (key: string) => holders.find((h) => h.key === key)?.percentAfter ?? Number.NaN;
    // $5M of $20M post-money is 25 %; the pool (100,000 + 1,694,570) is 10 % of 17,945,700 shares (hand computation).
    expect(after('seriesA')).toBeCloseTo(25, 4);
    expect(after('pool') + after('poolIncrease')).toBeCloseTo(10, 4);
    // Founders (with the 650,000 granted and promised options): 9,900,000 / 17,945,700 = 55.166 %.
    expect(r.value.founderPercentAfter).toBeCloseTo(55.1664, 3);
    expect(holders.map((h) => h.key)).toEqual(['founders', 'pool', 'safe1', 'safe2', 'poolIncrease', 'seriesA']);
  });
});

describe('capTable', () => {
  it('converts a single SAFE and prices a round by hand', () => {
    // 8,000,000 founder shares; $1M at a $10M cap → 10 %: capitalisation ⌊8M/0.9⌋ = 8,888,888, SAFE ⌊888,888.8⌋ =
    // 888,888, so 8,888,888 shares after conversion; $3M at $12M pre, no pool: price 12M / 8,888,888 = 1.35;
    // ⌊3M / 1.35⌋ = 2,222,222 new shares; founders 8,000,000 / 11,111,110 = 72.0000 % (= 90 % × 80 %; hand computation).
    const r = run({ ...empty, founderShares: 8e6, safe1Amount: 1e6, safe1Cap: 10e6, preMoney: 12e6, raise: 3e6 });
    expect(r.value.companyCapitalization).toBe(8_888_888);
    expect(r.value.safe1Shares).toBe(888_888);
    expect(r.value.seriesPrice).toBeCloseTo(12e6 / 8_888_888, 12);
    expect(r.value.detail?.holders.find((h) => h.key === 'seriesA')?.sharesAfter).toBe(2_222_222);
    expect(r.value.founderPercentAfter).toBeCloseTo(72, 4);
  });

  it('rounds shares down without losing a share to floating point', () => {
    // 10,000,000 / 0.8 is 12,500,000 exactly, though 1 − 0.2 in floating point is not quite 0.8.
    expect(floorShares(10e6 / (1 - 0.1 - 0.1))).toBe(12_500_000);
    expect(companyCapitalization(10e6, [{ amount: 1e6, cap: 10e6 }, { amount: 1e6, cap: 10e6 }])).toBe(12_500_000);
    expect(safeShares(1e6, 10e6, 12_500_000)).toBe(1_250_000);
    expect(floorShares(11_764_705.88)).toBe(11_764_705);
  });

  it('gives a clear message, never NaN, when no SAFEs are entered', () => {
    const r = run({ ...defaults, safe1Amount: 0, safe1Cap: 0, safe2Amount: 0, safe2Cap: 0 });
    expect(r.value.companyCapitalization).toBe(10_000_000);
    expect(r.missing?.companyCapitalization?.message.en.toLowerCase()).toContain('no safes entered');
    for (const k of ['safe1Shares', 'safe2Shares', 'safe3Shares', 'safe4Shares', 'safe5Shares'] as const) expect(r.missing?.[k]?.code).toBe('noSafes');
    // The priced round still works: the pool tops up over 10,000,000 shares.
    expect(Number.isFinite(r.value.seriesPrice) && r.value.seriesPrice > 0).toBe(true);
  });

  it('leaves out a SAFE with an amount but no cap, and says so', () => {
    const r = run({ ...defaults, safe3Amount: 1e5 });
    expect(r.value.safe3Shares).toBe(0);
    expect(r.notes.map((n) => n.code)).toContain('incompleteSafe');
  });

  it.each([
    ['preMoney', { preMoney: 0 }],
    ['raise', { raise: 0 }],
  ])('marks the priced-round outputs missing without %s', (_, over) => {
    const r = run({ ...defaults, ...over });
    expect(r.missing?.seriesPrice?.code).toBe('noPricedRound');
    expect(r.missing?.founderPercentAfter?.code).toBe('noPricedRound');
    // The SAFE conversion is still shown.
    expect(r.value.safe1Shares).toBe(588_235);
    const holders = r.value.detail?.holders ?? [];
    expect(holders.reduce((s, h) => s + h.percentAfter, 0)).toBeCloseTo(100, 9);
  });

  it('refuses SAFEs that would buy the whole company', () => {
    const r = capTable({ ...defaults, safe1Amount: 4e6, safe1Cap: 4e6 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]?.code).toBe('safesOwnEverything');
  });

  it('cannot meet a pool target that leaves nothing for existing holders', () => {
    // New money is 25 %, so a 75 % pool leaves 0 %.
    const r = run({ ...defaults, poolTargetPercent: 75 });
    expect(r.missing?.seriesPrice?.code).toBe('poolTargetTooLarge');
  });

  it('does not shrink a pool that is already above the target', () => {
    const r = run({ ...defaults, pool: 5e6, poolTargetPercent: 5 });
    expect(r.value.detail?.holders.find((h) => h.key === 'poolIncrease')?.sharesAfter).toBe(0);
    expect(r.notes.map((n) => n.code)).toContain('poolAboveTarget');
  });

  it('notes a round priced below a SAFE’s cap price', () => {
    // Safe Price 10M / 8,888,888 = 1.125; the round at $5M pre is priced at 5M / 8,888,888 = 0.5625.
    const r = run({ ...empty, founderShares: 8e6, safe1Amount: 1e6, safe1Cap: 10e6, preMoney: 5e6, raise: 1e6 });
    expect(r.notes.map((n) => n.code)).toContain('roundBelowCap');
  });

  it('fails when the company has no shares', () => {
    const r = capTable({ ...defaults, founderShares: 0, pool: 0 });
    expect(r.ok).toBe(false);
  });

  it('refuses a price so small that the round would issue more shares than a double counts exactly', () => {
    // fast-check found it: a pre-money of 5e-324 dollars gave 1.8e306 new shares and a percentage of Infinity.
    const r = run({ ...empty, pool: 1, preMoney: 5e-324, raise: 8.881784197001163e-18 });
    expect(r.ok).toBe(true);
    expect(r.missing?.seriesPrice?.code).toBe('priceOutOfRange');
    const holders = r.value.detail?.holders ?? [];
    expect(holders.reduce((s, h) => s + h.percentAfter, 0)).toBeCloseTo(100, 9);
  });

  it('adds every holder up to 100 % before and after (property)', () => {
    const shares = fc.integer({ min: 0, max: 1e9 });
    const safe = fc.tuple(fc.double({ min: 0, max: 2e6, noNaN: true }), fc.double({ min: 1e6, max: 1e9, noNaN: true }));
    fc.assert(
      fc.property(
        shares,
        shares,
        fc.array(safe, { minLength: 0, maxLength: 5 }),
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        fc.double({ min: 0, max: 30, noNaN: true }),
        (founderShares, pool, safes, preMoney, raise, poolTargetPercent) => {
          if (founderShares + pool === 0) return true;
          const inputs = { ...empty, founderShares, pool, preMoney, raise, poolTargetPercent } as Record<string, number>;
          safes.forEach(([amount, cap], i) => {
            inputs[`safe${i + 1}Amount`] = amount;
            inputs[`safe${i + 1}Cap`] = cap;
          });
          const r = capTable(inputs as unknown as CapTableInputs);
          if (!r.ok) return r.problems[0]?.code === 'safesOwnEverything';
          if (!(r.value.seriesPrice >= 0)) return false;
          const holders = r.value.detail?.holders ?? [];
          const before = holders.reduce((s, h) => s + h.percentBefore, 0);
          const after = holders.reduce((s, h) => s + h.percentAfter, 0);
          return Math.abs(before - 100) < 1e-9 && Math.abs(after - 100) < 1e-9 && holders.every((h) => h.sharesAfter >= 0 && Number.isInteger(h.sharesAfter));
        },
      ),
      { numRuns: 300 },
    );
  });
});
