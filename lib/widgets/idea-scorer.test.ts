import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeQuery, parseQuery, resolveDefaults, schemaDefaults } from '../state/schema';
import { issueMessage } from '../state/messages';
import {
  CRITERIA,
  DEFAULT_WEIGHTS,
  EXAMPLE_NAMES,
  EXAMPLE_SCORES,
  MAX_IDEAS,
  cleanName,
  exampleIdeas,
  formatIdeas,
  ideaScorer,
  ideaScorerSchema,
  parseIdeas,
  rankOrder,
  scoresAtWeight,
  sensitivity,
  validName,
  weightShares,
  weightedScores,
  weightedSums,
  type Idea,
} from './idea-scorer';

const ideas = (rows: number[][]): Idea[] => rows.map((scores, i) => ({ name: `idea ${i}`, scores }));

describe('the chapter’s example', () => {
  it('has six ideas with names in both editions and six scores each, 1 to 5', () => {
    expect(EXAMPLE_SCORES).toHaveLength(6);
    expect(EXAMPLE_NAMES.zh).toHaveLength(6);
    expect(EXAMPLE_NAMES.en).toHaveLength(6);
    for (const row of EXAMPLE_SCORES) {
      expect(row).toHaveLength(CRITERIA.length);
      for (const s of row) expect([1, 2, 3, 4, 5]).toContain(s);
    }
    for (const n of [...EXAMPLE_NAMES.zh, ...EXAMPLE_NAMES.en]) expect(validName(n)).toBe(true);
    expect(DEFAULT_WEIGHTS).toEqual([3, 3, 2, 2, 2, 3]);
  });

  it('scores the ideas by weighted mean: the support copilot first, contract review second', () => {
    // hand: Σw = 15; support 4·3+4·3+4·2+2·2+5·2+4·3 = 58; contracts 12+12+6+8+4+12 = 54; radiology 15+6+4+8+2+6 = 41;
    // crops 9+9+4+6+2+6 = 36; security 9+12+6+4+4+9 = 44; traffic 12+6+4+6+2+3 = 33
    const ex = exampleIdeas('en');
    expect(weightedSums(ex, DEFAULT_WEIGHTS)).toEqual([41, 36, 44, 33, 58, 54]);
    const s = weightedScores(ex, DEFAULT_WEIGHTS)!;
    [41, 36, 44, 33, 58, 54].forEach((n, i) => expect(s[i]).toBeCloseTo(n / 15, 12));
    expect(rankOrder(s)).toEqual([4, 5, 2, 0, 1, 3]);
  });

  it('ties the top two at a team-fit weight of 2/3 or a defensibility weight of 4, and nowhere else', () => {
    // D = 58 − 54 = 4; d = support − contracts = (0, 0, 1, −2, 3, 0).
    // data: 2 − 4/1 = −2 < 0, impossible; edge: 2 − 4/(−2) = 4 (+100 %); team: 2 − 4/3 = 2/3 (−66.7 %)
    const s = sensitivity(exampleIdeas('en'), DEFAULT_WEIGHTS)!;
    expect([s.leader, s.runnerUp, s.lead]).toEqual([4, 5, 4]);
    expect(s.margin).toBeCloseTo(4 / 15, 12);
    expect(s.criteria.map((c) => c.diff)).toEqual([0, 0, 1, -2, 3, 0]);
    expect(s.criteria.map((c) => c.tieWeight)).toEqual([null, null, null, 4, expect.closeTo(2 / 3, 12), null]);
    expect(s.criteria[3]!.relative).toBeCloseTo(1, 12);
    expect(s.criteria[4]!.relative).toBeCloseTo(-2 / 3, 12);
    expect(s.criteria[4]!.change).toBeCloseTo(-4 / 3, 12);
    expect(s.flip?.criterion).toBe(4);
    // no third idea gets there first: radiology would need a defensibility weight of 2 + 17/2 = 10.5
    expect(s.criteria.map((c) => c.overtaker)).toEqual([null, null, null, null, null, null]);
  });

  it('flips the winner just past the tie, and not at it (a tie goes to the earlier idea)', () => {
    const ex = exampleIdeas('en');
    const at = (k: number, w: number) => rankOrder(scoresAtWeight(ex, DEFAULT_WEIGHTS, k, w)!)[0];
    expect(at(4, 2 / 3 + 1e-9)).toBe(4);
    expect(at(4, 0.5)).toBe(5);
    expect(at(3, 4)).toBe(4);
    expect(at(3, 4.5)).toBe(5);
  });
});

describe('sensitivity in general', () => {
  it('names a third idea that overtakes the leader before the runner-up ties it', () => {
    // A = 20, B = 19, C = 18 with unit weights. Lowering w₀: B ties A when (5 − 4)·Δ = 1, Δ = 1 (w₀ = 0);
    // C ties A when (5 − 1)·Δ = 2, Δ = 0.5 (w₀ = 0.5): C gets there first.
    const s = sensitivity(
      ideas([
        [5, 3, 3, 3, 3, 3],
        [4, 3, 3, 3, 3, 3],
        [1, 3, 3, 3, 3, 5],
      ]),
      [1, 1, 1, 1, 1, 1],
    )!;
    expect(s.criteria[0]!.tieWeight).toBe(0);
    expect(s.criteria[0]!.relative).toBe(-1);
    expect(s.criteria[0]!.overtaker).toBe(2);
    expect(s.flip?.criterion).toBe(0);
  });

  it('reports no flip when the leader is at least as good on every criterion', () => {
    const s = sensitivity(ideas([[5, 5, 5, 5, 5, 5], [4, 5, 3, 5, 5, 5]]), [1, 1, 1, 1, 1, 1])!;
    // d = (1, 0, 2, 0, 0, 0) ≥ 0: lowering w₀ to 0 leaves D = 2 > 0, so no w ≥ 0 ties them
    expect(s.criteria.map((c) => c.tieWeight)).toEqual([null, null, null, null, null, null]);
    expect(s.flip).toBeNull();
  });

  it('treats a change from a zero weight as infinitely large, preferring any finite one', () => {
    // weights (0, 1, …): d₀ = −1 ties at w₀ = 0 + 1/1 = 1 from zero (relative undefined); d₁ = 1 ties at 1 − 1 = 0 (−100 %)
    const s = sensitivity(ideas([[1, 5, 3, 3, 3, 3], [2, 4, 3, 3, 3, 3]]), [0, 1, 1, 1, 1, 1])!;
    expect(s.criteria[0]!.tieWeight).toBe(1);
    expect(s.criteria[0]!.relative).toBeNull();
    expect(s.flip?.criterion).toBe(1);
  });

  it('needs two ideas and a positive weight', () => {
    expect(sensitivity(ideas([[1, 2, 3, 4, 5, 1]]), DEFAULT_WEIGHTS)).toBeNull();
    expect(weightedScores(exampleIdeas('en'), [0, 0, 0, 0, 0, 0])).toBeNull();
    expect(weightShares([0, 0, 0, 0, 0, 0])).toBeNull();
    expect(weightShares([3, 3, 2, 2, 2, 3])!.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('does not depend on the scale of the weights (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 6, maxLength: 6 }), { minLength: 2, maxLength: MAX_IDEAS }),
        fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 6, maxLength: 6 }).filter((w) => w.some((x) => x > 0)),
        fc.integer({ min: 2, max: 9 }),
        (rows, w, c) => {
          const a = sensitivity(ideas(rows), w)!;
          const b = sensitivity(ideas(rows), w.map((x) => x * c))!;
          expect([b.leader, b.runnerUp]).toEqual([a.leader, a.runnerUp]);
          expect(b.margin).toBeCloseTo(a.margin, 9);
          a.criteria.forEach((x, k) => {
            const y = b.criteria[k]!;
            if (x.relative === null) expect(y.relative).toBeNull();
            else expect(y.relative!).toBeCloseTo(x.relative, 9);
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('makes the top two tie at every reported tie weight (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 6, maxLength: 6 }), { minLength: 2, maxLength: MAX_IDEAS }),
        fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { minLength: 6, maxLength: 6 }).filter((w) => w.some((x) => x > 0.01)),
        (rows, w) => {
          const list = ideas(rows);
          const s = sensitivity(list, w)!;
          for (const c of s.criteria) {
            if (c.tieWeight === null) continue;
            expect(c.tieWeight).toBeGreaterThanOrEqual(0);
            const sums = weightedSums(list, w.map((x, j) => (j === c.criterion ? c.tieWeight! : x)));
            expect(sums[s.leader]! - sums[s.runnerUp]!).toBeCloseTo(0, 6);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('the compact matrix in the URL', () => {
  it('reads the empty text as the example in the reader’s language', () => {
    expect(parseIdeas('', 'zh')).toEqual({ ok: true, ideas: exampleIdeas('zh'), example: true });
    expect(formatIdeas(exampleIdeas('en'), 'en')).toBe('');
    // the other edition's example is a matrix like any other
    expect(formatIdeas(exampleIdeas('en'), 'zh')).toMatch(/^Radiology triage assistant:522412;/);
  });

  it('round-trips names with spaces, colons and Chinese through the whole URL codec', () => {
    const mine: Idea[] = [
      { name: 'Plan B: agents', scores: [1, 2, 3, 4, 5, 1] },
      { name: '合同审查 & 风控', scores: [5, 5, 5, 5, 5, 5] },
    ];
    const raw = formatIdeas(mine, 'en');
    expect(raw).toBe('Plan B: agents:123451;合同审查 & 风控:555555');
    const values = { ...schemaDefaults(ideaScorerSchema), ideas: raw };
    const q = new URLSearchParams(encodeQuery('ideaScorer', ideaScorerSchema, values, schemaDefaults(ideaScorerSchema))).toString();
    const back = parseQuery('ideaScorer', ideaScorerSchema, q);
    expect(back.issues).toEqual([]);
    expect(parseIdeas(back.values.ideas, 'en')).toEqual({ ok: true, ideas: mine, example: false });
  });

  it.each([
    ['only one idea', 'a:111111', { code: 'count', count: 1 }],
    ['nine ideas', Array.from({ length: 9 }, (_, i) => `i${i}:111111`).join(';'), { code: 'count', count: 9 }],
    ['no scores', 'a:111111;b', { code: 'noScores', entry: 2 }],
    ['an empty name', ':111111;b:222222', { code: 'badName', entry: 1 }],
    ['a name of 41 characters', `${'x'.repeat(41)}:111111;b:222222`, { code: 'badName', entry: 1 }],
    ['five scores', 'a:11111;b:222222', { code: 'badScores', entry: 1 }],
    ['a zero', 'a:111111;b:222022', { code: 'badScores', entry: 2 }],
    ['a six', 'a:611111;b:222222', { code: 'badScores', entry: 1 }],
    ['commas', 'a:1,1,1,1,1,1;b:222222', { code: 'badScores', entry: 1 }],
    ['a trailing separator', 'a:111111;b:222222;', { code: 'noScores', entry: 3 }],
  ])('rejects %s, saying which entry', (_what, raw, problem) => {
    expect(parseIdeas(raw, 'en')).toEqual({ ok: false, problem });
  });

  it('never throws on junk, and what it accepts it writes back unchanged (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (raw) => {
        const r = parseIdeas(raw, 'en');
        if (r.ok && !r.example) expect(parseIdeas(formatIdeas(r.ideas, 'en'), 'en')).toEqual(r);
      }),
      { numRuns: 500 },
    );
  });

  it('cleans typed names so that they can always be stored', () => {
    expect(cleanName('  Legal;\tdrafting  ')).toBe('Legal drafting');
    expect(cleanName('x'.repeat(60))).toHaveLength(40);
    expect(validName(cleanName(' a;b '))).toBe(true);
  });

  it('bounds the text field and refuses control characters, with a message in both editions', () => {
    const long = parseQuery('ideaScorer', ideaScorerSchema, `ideaScorer.ideas=${'a'.repeat(ideaScorerSchema.ideas.maxLength + 1)}`);
    expect(long.values.ideas).toBe('');
    expect(long.issues[0]?.reason).toEqual({ code: 'badText', maxLength: ideaScorerSchema.ideas.maxLength });
    // 8 ideas × (40 characters + ':' + 6 digits) + 8 = 384: room for 7 separators
    expect(issueMessage(long.issues[0]!, 'en')).toMatch(/at most 384 characters/);
    expect(issueMessage(long.issues[0]!, 'zh')).toMatch(/不超过 384 个字符/);
    const ctrl = parseQuery('ideaScorer', ideaScorerSchema, 'ideaScorer.ideas=a%0A:111111;b:111111');
    expect(ctrl.issues[0]?.reason.code).toBe('badText');
    // a full matrix of eight ideas with 40-character names fits the bound
    const full = Array.from({ length: 8 }, (_, i) => `${String(i).repeat(40)}:555555`).join(';');
    expect(parseQuery('ideaScorer', ideaScorerSchema, new URLSearchParams({ 'ideaScorer.ideas': full }).toString()).issues).toEqual([]);
  });

  it('reports bad weights with the generic list message, keeping the defaults', () => {
    const { values, issues } = parseQuery('ideaScorer', ideaScorerSchema, 'ideaScorer.weights=3,3,2&ideaScorer.plot=luck');
    expect(values.weights).toEqual([...DEFAULT_WEIGHTS]);
    expect(issues.map((i) => i.reason.code)).toEqual(['badList', 'notAnOption']);
    expect(issueMessage(issues[0]!, 'en')).toMatch(/6–6 comma-separated numbers, each 0–10/);
  });

  it('accepts an author’s text default in MDX and refuses a number', () => {
    expect(resolveDefaults('ideaScorer', ideaScorerSchema, { ideas: 'a:111111;b:222222' }).ideas).toBe('a:111111;b:222222');
    expect(() => resolveDefaults('ideaScorer', ideaScorerSchema, { ideas: 3 })).toThrow(/ideas=3/);
  });
});

describe('the definition', () => {
  it('is the IdeaScorer tag with strings in both editions', () => {
    expect([ideaScorer.id, ideaScorer.tag]).toEqual(['ideaScorer', 'IdeaScorer']);
    expect(Object.keys(ideaScorer.strings.zh.criteria)).toEqual([...CRITERIA]);
    expect(Object.keys(ideaScorer.strings.en.criteria)).toEqual([...CRITERIA]);
  });
});
