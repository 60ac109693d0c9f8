import { describe, expect, it } from 'vitest';
import { LANGS } from '../i18n';
import { computeWorked } from '../worked/registry';
import { chapterBySlug } from './chapters';
import { ERRATA, SOURCE_IDS, erratumById, erratumTitle, errataOfSource, fillValues } from './errata';

/** The values of one erratum, computed as the errata page and the callouts compute them. */
const values = (id: string) => (erratumById(id)!.values ?? []).map((v) => computeWorked(v.fn, v.args));

describe('the errata data', () => {
  it('has unique kebab-case ids', () => {
    const ids = ERRATA.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('says what the source says and what is right, in both editions', () => {
    for (const e of ERRATA) {
      for (const lang of LANGS) {
        for (const field of [e.section, e.claim, e.says, e.right]) expect(field[lang].trim(), `${e.id} ${lang}`).not.toBe('');
      }
      expect(e.says.zh + e.right.zh, e.id).not.toMatch(/[\p{Script=Han}][,;:]|[,;:][\p{Script=Han}]/u);
    }
  });

  it('uses every value it computes, and computes every value it uses', () => {
    for (const e of ERRATA) {
      const n = e.values?.length ?? 0;
      for (const lang of LANGS) {
        const text = e.claim[lang] + e.says[lang] + e.right[lang];
        const used = new Set([...text.matchAll(/\{(\d+)\}/g)].map((m) => Number(m[1])));
        expect([...used].every((i) => i < n), `${e.id} ${lang}`).toBe(true);
        expect(used.size, `${e.id} ${lang}: every value appears`).toBe(n);
      }
    }
  });

  it('computes each value with a tested function of lib/worked, to a finite number', () => {
    for (const e of ERRATA) for (const v of values(e.id)) expect(Number.isFinite(v), e.id).toBe(true);
  });

  it('names registered chapters, the first place being the main one', () => {
    for (const e of ERRATA) {
      for (const t of e.taught) expect(chapterBySlug(t.slug), `${e.id} → ${t.slug}`).toBeDefined();
      expect(new Set(e.taught.map((t) => t.slug)).size, `${e.id}: one place per chapter`).toBe(e.taught.length);
    }
  });

  it('lists each source’s errata in section order', () => {
    const firstNumber = (section: string) => Number(section.match(/\d+(\.\d+)?/)?.[0] ?? Infinity);
    for (const source of SOURCE_IDS) {
      const sections = errataOfSource(source).map((e) => e.section.en);
      const numbers = sections.filter((s) => !s.startsWith('appendix')).map(firstNumber);
      expect(numbers, source).toEqual([...numbers].sort((a, b) => a - b));
    }
  });
});

describe('the book’s values in the errata', () => {
  it('σ(2) = 1/(1 + e⁻²) = 0.880797 (hand computation), not 0.869', () => {
    expect(values('sigmoid-of-2')[0]).toBeCloseTo(0.880797, 6);
  });

  it('cross-entropy for y = [1, 0], ŷ = [0.9, 0.1] is −ln 0.9 = 0.105361, positive', () => {
    expect(values('negative-cross-entropy')[0]).toBeCloseTo(0.105361, 6);
  });

  it('the source’s misprinted Adam moment settles at g/2 = −0.05 under a constant gradient −0.1', () => {
    // m ← (2β − 1)m + (1 − β)g has the fixed point (1 − β)g / (2 − 2β) = g/2; 0.8¹⁰⁰⁰ of the start is left.
    expect(values('adam-formula')[0]).toBeCloseTo(-0.05, 10);
  });

  it('the Adam example: v₁ = 0.01·g², θ₁ = 1 + 0.001·|m|/(√v + ε) with and without bias correction (BOOK.md)', () => {
    const [v1a, v1b, t0, t1, c0, c1] = values('adam-example');
    expect(v1a).toBeCloseTo(0.0001, 12);
    expect(v1b).toBeCloseTo(0.0004, 12);
    expect(t0).toBeCloseTo(1 + 0.00001 / 0.011, 12); // 1.000909
    expect(t1).toBeCloseTo(1 + 0.00002 / 0.021, 12); // 1.000952
    expect(c0).toBeCloseTo(1 + 0.0001 / 0.101, 12); // 1.000990
    expect(c1).toBeCloseTo(1 + 0.0002 / 0.201, 12); // 1.000995
  });

  it('GPT-3 once: 6 · 175e9 · 300e9 FLOPs at 40 % of 989.4 TFLOP/s is 221,094 GPU-hours, 552,734 USD at 2.50 USD', () => {
    const [hours, usd] = values('gpt3-recipe');
    expect(hours).toBeCloseTo(221_093.59, 1);
    expect(usd).toBeCloseTo(552_733.98, 1);
  });

  it('10,000 examples in batches of 32 are ⌈312.5⌉ = 313 steps per epoch', () => {
    expect(values('lstm-one-label-per-sequence')[0]).toBe(313);
  });
});

describe('erratumTitle', () => {
  it('reads source, section and claim, with its values filled in', () => {
    const e = erratumById('sigmoid-of-2')!;
    expect(erratumTitle(e, 'en', ['0.8808'])).toBe('Source 001, §4.2.1: σ(2) is 0.8808, not 0.869');
    expect(erratumTitle(e, 'zh', ['0.8808'])).toBe('资料 001 §4.2.1：σ(2) 是 0.8808，不是 0.869');
    expect(erratumTitle(erratumById('frameworks-out-of-date')!, 'zh')).toBe('资料 002 附录 A.1：框架对比已经过时');
  });

  it('fails loudly on a placeholder without a value', () => {
    expect(() => fillValues('σ(2) is {0}', [])).toThrow(/has \{0\}/);
    expect(fillValues('{1} and {0}', ['a', 'b'])).toBe('b and a');
  });
});

describe('erratumNumbers', () => {
  it('formats each value with its digits in the edition’s style', async () => {
    const { erratumNumbers } = await import('./errata-values');
    expect(erratumNumbers(erratumById('sigmoid-of-2')!, 'en').map((n) => n.text)).toEqual(['0.8808']);
    expect(erratumNumbers(erratumById('gpt3-recipe')!, 'en').map((n) => n.text)).toEqual(['221,094', '552,734']);
    expect(erratumNumbers(erratumById('adam-example')!, 'zh')[4]).toMatchObject({ fn: 'loAdam', text: '1.000990' });
    expect(erratumNumbers(erratumById('bce-brackets')!, 'en')).toEqual([]);
  });

  it('keeps titles plain text: no code spans in a claim', () => {
    for (const e of ERRATA) for (const lang of LANGS) expect(e.claim[lang], e.id).not.toMatch(/`/);
  });
});
