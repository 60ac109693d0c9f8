/**
 * Every chapter's labs (LABS_BY_CHAPTER): well-formed ids unique across the book, a registered widget, a goal in both
 * editions, a check that is false (and does not throw) without results, and only result names the widget publishes.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CHAPTERS } from '../content/chapters';
import { CALCULATORS } from '../finance';
import { WIDGETS } from '../widgets/registry.generated';
import { LABS_BY_CHAPTER } from './index';
import { chapterLabIds, duplicateLabIds, findLab } from './lookup';
import { isLabId } from './progress';
import type { LabResults } from './types';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ALL = Object.entries(LABS_BY_CHAPTER).flatMap(([chapter, set]) => Object.entries(set).map(([id, spec]) => ({ chapter, id, spec })));
const kebab = (id: string) => id.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The text of every file under a folder. */
function sourceOf(dir: string): string {
  if (!existsSync(dir)) return '';
  return readdirSync(dir)
    .map((f) => path.join(dir, f))
    .map((f) => (statSync(f).isDirectory() ? sourceOf(f) : readFileSync(f, 'utf8')))
    .join('\n');
}

/** The result names a check reads, found by calling it with results that record every name asked for. */
function namesRead(check: (r: LabResults) => boolean): string[] {
  const names = new Set<string>();
  const spy = new Proxy({} as LabResults, {
    get: (_, k) => {
      if (typeof k === 'string') names.add(k);
      return undefined;
    },
    has: (_, k) => (typeof k === 'string' && names.add(k), false),
  });
  check(spy);
  return [...names];
}

/** Whether `word` appears in `text` as a whole word (an identifier or a string's content). */
const hasWord = (text: string, word: string) => new RegExp(`(^|[^A-Za-z0-9_])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^A-Za-z0-9_])`).test(text);

/**
 * Whether the widget publishes `data-result="<widget>.<name>"`: a heuristic over its view's source (and its definition
 * in lib/widgets), since views build many names in templates (`${ID}.selectedWeight`, `optimizerRace.loss.${r}`,
 * `ideaScorer.weight${k}`, tinyGpt's `lstm${Name}`). A name passes if it is written out, or if a template
 * `<widget>.<prefix>${…}` covers it and the rest of the name is an index or a word the source uses. For a calculator,
 * the name must be a word of its outputs' sources (components/calculators/configs.ts, lib/finance).
 */
function published(widget: string, name: string): boolean {
  if (widget in CALCULATORS) return hasWord(readFileSync(path.join(ROOT, 'components/calculators/configs.ts'), 'utf8') + sourceOf(path.join(ROOT, 'lib/finance')), name);
  const view = sourceOf(path.join(ROOT, 'components/widgets', kebab(widget)));
  const defFile = path.join(ROOT, 'lib/widgets', `${kebab(widget)}.ts`);
  const text = view + (existsSync(defFile) ? readFileSync(defFile, 'utf8') : '');
  if ([`${widget}.${name}"`, `${widget}.${name}\``, `}.${name}\``].some((lit) => view.includes(lit))) return true;
  const escaped = widget.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const prefixes = [...view.matchAll(new RegExp(`\`(?:${escaped}|\\$\\{[A-Za-z_]+\\})\\.([A-Za-z0-9_.]*)\\$\\{`, 'g'))].map((m) => m[1]!);
  return prefixes.some((prefix) => {
    if (!name.startsWith(prefix)) return false;
    const head = name.slice(prefix.length).split('.')[0]!;
    if (/^\d+$/.test(head)) return true;
    const lstm = head.match(/^lstm([A-Z])(.*)$/);
    return hasWord(text, lstm ? lstm[1]!.toLowerCase() + lstm[2]! : head);
  });
}

describe('the book’s labs', () => {
  it('are keyed by chapters of lib/content/chapters.ts', () => {
    for (const slug of Object.keys(LABS_BY_CHAPTER)) expect(CHAPTERS.map((c) => c.slug)).toContain(slug);
  });

  it('have ids unique across the book, of the form the progress file accepts', () => {
    expect(duplicateLabIds()).toEqual([]);
    for (const { id } of ALL) expect([id, isLabId(id)]).toEqual([id, true]);
  });

  it('are found by id and listed per chapter', () => {
    for (const { chapter, id, spec } of ALL) {
      expect(findLab(id)).toEqual({ chapter, spec });
      expect(chapterLabIds(chapter)).toContain(id);
    }
    expect(findLab('no-such-lab')).toBeUndefined();
    expect(chapterLabIds('no-such-chapter')).toEqual([]);
    expect(chapterLabIds('toString')).toEqual([]);
  });

  it('has a name check that tells published names from misspelt ones', () => {
    for (const [w, n] of [['digitsTrainer', 'testAccuracy'], ['optimizerRace', 'position.adam.0'], ['lossExplorer', 'bce'], ['tinyGpt', 'lstmValLoss'], ['attentionExplorer', 'selectedWeight'], ['runway', 'months']]) {
      expect([w, n, published(w!, n!)]).toEqual([w, n, true]);
    }
    for (const [w, n] of [['digitsTrainer', 'testAcc'], ['optimizerRace', 'loss.adma'], ['lossExplorer', 'bcee'], ['tinyGpt', 'valLos'], ['attentionExplorer', 'selectedWeigh'], ['runway', 'runwayMonthz']]) {
      expect([w, n, published(w!, n!)]).toEqual([w, n, false]);
    }
  });

  it.each(ALL.map((l) => [l.id, l] as const))('%s: a registered widget, a goal in both editions, a check false without results', (_, { spec }) => {
    expect([...WIDGETS.map((w) => w.id), ...Object.keys(CALCULATORS)]).toContain(spec.widget);
    expect(spec.goal.zh.trim().length).toBeGreaterThan(4);
    expect(spec.goal.en.trim().length).toBeGreaterThan(4);
    expect(spec.check({})).toBe(false);
    const names = namesRead(spec.check);
    expect(names.length).toBeGreaterThan(0);
    expect(spec.check(Object.fromEntries(names.map((n) => [n, Number.NaN])))).toBe(false);
    for (const n of names) expect([n, published(spec.widget, n)]).toEqual([n, true]);
  });
});
