import { describe, expect, it } from 'vitest';
import { LANGS } from '../i18n';
import { GLOSSARY, glossaryEntry, glossaryGroups, startsWithHan, termForms } from './glossary';

/** Characters the collator files under another reading than the headword's: 调 is diào first, tiáo in 微调. */
const POLYPHONES: Record<string, string> = { 调: 'tiao' };

describe('the glossary data', () => {
  it('has more than 80 entries with unique kebab-case ids', () => {
    expect(GLOSSARY.length).toBeGreaterThan(80);
    const ids = GLOSSARY.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('gives every entry a headword and a one- or two-sentence definition in both editions', () => {
    for (const e of GLOSSARY) {
      for (const lang of LANGS) {
        expect(e.term[lang].trim(), `${e.id} ${lang}`).not.toBe('');
        expect(e.definition[lang].length, `${e.id} ${lang}`).toBeGreaterThan(10);
        expect(e.definition[lang].length, `${e.id} ${lang} is short`).toBeLessThan(320);
      }
      expect(e.definition.en, e.id).toMatch(/[.)]$/);
      expect(e.definition.zh, e.id).toMatch(/[。）]$/);
      // Chinese prose uses full-width punctuation.
      expect(e.definition.zh, e.id).not.toMatch(/[\p{Script=Han}][,;:]|[,;:][\p{Script=Han}]/u);
    }
  });

  it('gives each Chinese headword that starts with a Han character a toneless pinyin key', () => {
    for (const e of GLOSSARY) {
      if (startsWithHan(e.term.zh)) expect(e.pinyin, e.id).toMatch(/^[a-z]+( [a-z]+)*$/);
      else expect(e.pinyin, `${e.id}: a Latin headword sorts by itself`).toBeUndefined();
    }
  });

  it('has pinyin keys whose syllables agree, character by character, with a pinyin collation', () => {
    // ICU's pinyin collation (Node ships full ICU) is an independent check on the hand-written keys: sorted by it, the
    // characters of all headwords must carry non-decreasing toneless syllables (ü, written v, between u and ua), and a
    // character must always carry the same syllable.
    const pairs: { char: string; syllable: string; id: string }[] = [];
    for (const e of GLOSSARY.filter((x) => startsWithHan(x.term.zh))) {
      const chars = [...e.term.zh].filter((c) => /\p{Script=Han}/u.test(c));
      const syllables = e.pinyin!.split(' ');
      expect(syllables.length, `${e.id}: one syllable per character`).toBe(chars.length);
      chars.forEach((char, i) => {
        if (!(char in POLYPHONES)) pairs.push({ char, syllable: syllables[i]!, id: e.id });
        else expect(syllables[i], `${e.id}: ${char}`).toBe(POLYPHONES[char]);
      });
    }
    const collator = new Intl.Collator('zh-CN-u-co-pinyin');
    pairs.sort((a, b) => collator.compare(a.char, b.char));
    const norm = (s: string) => s.replace(/v/g, 'u!');
    const wrong: string[] = [];
    for (let i = 1; i < pairs.length; i++) {
      const [a, b] = [pairs[i - 1]!, pairs[i]!];
      if (a.char === b.char ? a.syllable !== b.syllable : norm(a.syllable) > norm(b.syllable)) {
        wrong.push(`${a.char} ${a.syllable} (${a.id}) before ${b.char} ${b.syllable} (${b.id})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('links related entries that exist, never the entry itself', () => {
    for (const e of GLOSSARY) {
      for (const r of e.related ?? []) {
        expect(glossaryEntry(r), `${e.id} → ${r}`).toBeDefined();
        expect(r).not.toBe(e.id);
      }
    }
  });

  it('matches the headword unless it has parentheses, then the aliases', () => {
    const e = glossaryEntry('loss')!;
    expect(termForms(e, 'en')).toEqual(['Loss', 'losses', 'loss function', 'loss functions']);
    expect(termForms({ ...e, term: { en: 'Loss (training)', zh: '损失' } }, 'en')).toEqual(['losses', 'loss function', 'loss functions']);
  });
});

describe('glossaryGroups', () => {
  it('orders the English edition alphabetically, one group per initial letter', () => {
    const groups = glossaryGroups('en');
    const letters = groups.map((g) => g.letter);
    expect(letters).toEqual([...letters].sort());
    expect(new Set(letters).size).toBe(letters.length);
    for (const g of groups) {
      for (const e of g.entries) expect(e.term.en[0]!.toUpperCase()).toBe(g.letter);
      const terms = g.entries.map((e) => e.term.en.toLowerCase());
      expect(terms).toEqual([...terms].sort());
    }
    expect(groups.flatMap((g) => g.entries).length).toBe(GLOSSARY.length);
  });

  it('orders the Chinese edition by pinyin, Latin headwords by their own letters', () => {
    const groups = glossaryGroups('zh');
    const find = (id: string) => groups.find((g) => g.entries.some((e) => e.id === id))!.letter;
    expect(find('cross-entropy')).toBe('J'); // 交叉熵, jiao cha shang
    expect(find('neuron')).toBe('S'); // 神经元, shen jing yuan
    expect(find('adam')).toBe('A');
    expect(find('gpu')).toBe('G');
    const inS = groups.find((g) => g.letter === 'S')!.entries.map((e) => e.id);
    expect(inS.indexOf('entropy')).toBeLessThan(inS.indexOf('neural-network')); // shang < shen
    expect(inS.indexOf('neural-network')).toBeLessThan(inS.indexOf('neuron')); // shen jing wang < shen jing yuan
  });
});
