import { describe, expect, it } from 'vitest';
import {
  BOOK_ID,
  EMPTY_PROGRESS,
  MAX_PROGRESS_FILE_CHARS,
  PROGRESS_FILE_FORMAT,
  PROGRESS_FILE_VERSION,
  chapterCounts,
  countDone,
  doneAt,
  exportFileName,
  exportProgress,
  importProblemText,
  importProgress,
  isDone,
  isLabId,
  markDone,
  parseDoneAt,
  parseStoredProgress,
  serializeStoredProgress,
  type ImportProblem,
  type LabProgress,
} from './progress';
import { LABS_BY_CHAPTER } from './index';
import type { LabSet } from './types';

const T1 = new Date('2026-12-01T10:00:00.000Z');
const T2 = new Date('2026-12-05T08:30:00.000Z');
const lab = (widget = 'lossExplorer'): LabSet[string] => ({ widget, goal: { zh: '目标', en: 'goal' }, check: () => false });

describe('ids and dates', () => {
  it.each([
    ['lo-rosenbrock', true],
    ['a1-b2', true],
    ['Lo-Rosenbrock', false],
    ['lo--x', false],
    ['-lo', false],
    ['', false],
    ['x'.repeat(81), false],
    [42, false],
  ])('isLabId(%j) is %s', (id, ok) => {
    expect(isLabId(id)).toBe(ok);
  });

  it('reads ISO date-times and nothing else', () => {
    expect(parseDoneAt('2026-12-01T10:00:00.000Z')?.getTime()).toBe(T1.getTime());
    expect(parseDoneAt('2026-12-01T11:00:00+01:00')?.getTime()).toBe(T1.getTime());
    for (const bad of ['2026-12-01', 'yesterday', '2026-13-45T99:00:00Z', '', 1733047200000, null]) expect(parseDoneAt(bad)).toBeNull();
  });
});

describe('marking labs done', () => {
  it('records the first time a lab is reached and keeps it', () => {
    const a = markDone(EMPTY_PROGRESS, 'lo-x', T1);
    expect(isDone(a, 'lo-x')).toBe(true);
    expect(doneAt(a, 'lo-x')?.toISOString()).toBe(T1.toISOString());
    const b = markDone(a, 'lo-x', T2);
    expect(b).toBe(a);
    expect(doneAt(a, 'lo-y')).toBeNull();
    expect(EMPTY_PROGRESS.done).toEqual({});
  });

  it('refuses a malformed id or an invalid date instead of storing it', () => {
    expect(markDone(EMPTY_PROGRESS, 'Bad Id', T1)).toBe(EMPTY_PROGRESS);
    expect(markDone(EMPTY_PROGRESS, 'lo-x', new Date(NaN))).toBe(EMPTY_PROGRESS);
  });

  it('counts done labs per chapter, ignoring labs of other chapters', () => {
    const p = markDone(markDone(EMPTY_PROGRESS, 'a-one', T1), 'z-elsewhere', T1);
    const labs = { a: { 'a-one': lab(), 'a-two': lab(), 'a-three': lab() }, b: { 'b-one': lab() }, c: {} };
    expect(chapterCounts(p, labs)).toEqual({ a: { done: 1, total: 3 }, b: { done: 0, total: 1 } });
    expect(countDone(p, ['a-one', 'a-two'])).toEqual({ done: 1, total: 2 });
  });

  it('counts the book’s own chapters from LABS_BY_CHAPTER', () => {
    const counts = chapterCounts(EMPTY_PROGRESS, LABS_BY_CHAPTER);
    for (const [slug, c] of Object.entries(counts)) {
      expect(c.done).toBe(0);
      expect(c.total).toBe(Object.keys(LABS_BY_CHAPTER[slug]!).length);
    }
    expect(counts['loss-and-optimizers']?.total).toBeGreaterThanOrEqual(2);
  });
});

describe('stored progress', () => {
  it('round-trips through its string', () => {
    const p = markDone(markDone(EMPTY_PROGRESS, 'lo-x', T1), 'tp-y', T2);
    const raw = serializeStoredProgress(p);
    expect(JSON.parse(raw)).toEqual({ version: 1, labs: { 'lo-x': { doneAt: T1.toISOString() }, 'tp-y': { doneAt: T2.toISOString() } } });
    expect(parseStoredProgress(raw)).toEqual(p);
  });

  it.each([null, undefined, '', 'not json', '[]', '"x"', '{"version":2,"labs":{}}', '{"version":1}', '{"version":1,"labs":[]}'])(
    'reads %j as nothing done, without throwing',
    (raw) => {
      expect(parseStoredProgress(raw)).toEqual(EMPTY_PROGRESS);
    },
  );

  it('drops malformed entries and keeps the good ones', () => {
    const raw = JSON.stringify({ version: 1, labs: { 'lo-x': { doneAt: T1.toISOString() }, 'lo-y': { doneAt: 'soon' }, 'BAD ID': { doneAt: T1.toISOString() }, 'lo-z': 3 } });
    expect(Object.keys(parseStoredProgress(raw).done)).toEqual(['lo-x']);
  });
});

describe('the progress file', () => {
  const known = new Set(['lo-x', 'lo-y', 'tp-z']);
  const file = (over: Record<string, unknown> = {}) =>
    JSON.stringify({ format: PROGRESS_FILE_FORMAT, version: PROGRESS_FILE_VERSION, book: BOOK_ID, exportedAt: T2.toISOString(), labs: {}, ...over });

  it('exports the format, version, book, date and each lab with its chapter and goal, in id order', () => {
    const p = markDone(markDone(EMPTY_PROGRESS, 'tp-z', T2), 'lo-x', T1);
    const text = exportProgress(p, T2, { 'lo-x': { chapter: 'loss-and-optimizers', goal: 'Adam to (1, 1)' } });
    const data = JSON.parse(text);
    expect(data).toEqual({
      format: 'lab-progress',
      version: 1,
      book: BOOK_ID,
      exportedAt: T2.toISOString(),
      labs: { 'lo-x': { doneAt: T1.toISOString(), chapter: 'loss-and-optimizers', goal: 'Adam to (1, 1)' }, 'tp-z': { doneAt: T2.toISOString() } },
    });
    expect(Object.keys(data.labs)).toEqual(['lo-x', 'tp-z']);
    expect(exportFileName(T2)).toBe('lab-progress-2026-12-05.json');
  });

  it('imports its own export into an empty browser', () => {
    const p = markDone(markDone(EMPTY_PROGRESS, 'tp-z', T2), 'lo-x', T1);
    const r = importProgress(exportProgress(p, T2), EMPTY_PROGRESS, known);
    expect(r).toEqual({ ok: true, progress: p, added: ['lo-x', 'tp-z'], unknown: [] });
  });

  it('merges: keeps what was done here, adds what is new, and keeps the earlier date of a lab done in both', () => {
    const here: LabProgress = markDone(markDone(EMPTY_PROGRESS, 'lo-x', T2), 'lo-y', T2);
    const text = file({ labs: { 'lo-x': { doneAt: T1.toISOString() }, 'tp-z': { doneAt: T1.toISOString() } } });
    const r = importProgress(text, here, known);
    if (!r.ok) throw new Error('refused');
    expect(r.added).toEqual(['tp-z']);
    expect(r.progress.done).toEqual({ 'lo-x': { doneAt: T1.toISOString() }, 'lo-y': { doneAt: T2.toISOString() }, 'tp-z': { doneAt: T1.toISOString() } });
    // A later date in the file does not move an earlier one here.
    const later = importProgress(file({ labs: { 'lo-y': { doneAt: '2027-01-01T00:00:00Z' } } }), here, known);
    expect(later.ok && later.progress.done['lo-y']).toEqual({ doneAt: T2.toISOString() });
  });

  it('ignores, and lists, labs this book does not have', () => {
    const r = importProgress(file({ labs: { 'old-lab': { doneAt: T1.toISOString() }, 'lo-x': { doneAt: T1.toISOString() } } }), EMPTY_PROGRESS, known);
    expect(r.ok && r.unknown).toEqual(['old-lab']);
    expect(r.ok && Object.keys(r.progress.done)).toEqual(['lo-x']);
  });

  it('treats ids that name Object.prototype members as plain labs', () => {
    const r = importProgress(file({ labs: { constructor: { doneAt: T1.toISOString() } } }), EMPTY_PROGRESS, new Set(['constructor']));
    expect(r.ok && r.progress.done).toEqual({ constructor: { doneAt: T1.toISOString() } });
    expect(isDone(EMPTY_PROGRESS, 'constructor')).toBe(false);
    expect(JSON.parse(exportProgress(r.ok ? r.progress : EMPTY_PROGRESS, T2, {})).labs).toEqual({ constructor: { doneAt: T1.toISOString() } });
  });

  it('accepts a byte-order mark and extra fields', () => {
    const r = importProgress('\uFEFF' + file({ note: 'mine', labs: { 'lo-x': { doneAt: T1.toISOString(), goal: 'g', chapter: 'c' } } }), EMPTY_PROGRESS, known);
    expect(r.ok && r.added).toEqual(['lo-x']);
  });

  it.each<[string, string, ImportProblem['kind']]>([
    ['an empty file', '  ', 'empty'],
    ['an oversized file', ' '.repeat(MAX_PROGRESS_FILE_CHARS) + '{}', 'tooLarge'],
    ['text that is not JSON', 'lo-x done', 'notJson'],
    ['truncated JSON', '{"format":"lab-progress",', 'notJson'],
    ['a JSON array', '[1, 2]', 'notProgress'],
    ['JSON of another kind', '{"name":"package","version":1}', 'notProgress'],
    ['a file without a version', JSON.stringify({ format: PROGRESS_FILE_FORMAT, book: BOOK_ID, labs: {} }), 'badVersion'],
    ['a version that is not an integer', JSON.stringify({ format: PROGRESS_FILE_FORMAT, version: '1', book: BOOK_ID, labs: {} }), 'badVersion'],
    ['a newer version', JSON.stringify({ format: PROGRESS_FILE_FORMAT, version: 2, book: BOOK_ID, labs: {} }), 'newerVersion'],
    ['another book', JSON.stringify({ format: PROGRESS_FILE_FORMAT, version: 1, book: 'other-book', labs: {} }), 'otherBook'],
    ['labs that are a list', JSON.stringify({ format: PROGRESS_FILE_FORMAT, version: 1, book: BOOK_ID, labs: ['lo-x'] }), 'badLabs'],
    ['an entry without a date', JSON.stringify({ format: PROGRESS_FILE_FORMAT, version: 1, book: BOOK_ID, labs: { 'lo-x': {} } }), 'badEntries'],
    ['an entry with a bad date', JSON.stringify({ format: PROGRESS_FILE_FORMAT, version: 1, book: BOOK_ID, labs: { 'lo-x': { doneAt: 'Tuesday' } } }), 'badEntries'],
    ['an entry with a bad id', JSON.stringify({ format: PROGRESS_FILE_FORMAT, version: 1, book: BOOK_ID, labs: { '<script>': { doneAt: T1.toISOString() } } }), 'badEntries'],
  ])('refuses %s with a reason, changing nothing', (_, text, kind) => {
    const here = markDone(EMPTY_PROGRESS, 'lo-y', T1);
    const r = importProgress(text, here, known);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem.kind).toBe(kind);
    for (const lang of ['zh', 'en'] as const) expect(importProblemText(r.problem, lang).length).toBeGreaterThan(5);
  });

  it('names the bad entries and the version in its reasons, in both editions', () => {
    const bad = importProgress(JSON.stringify({ format: PROGRESS_FILE_FORMAT, version: 1, book: BOOK_ID, labs: { 'lo-x': {}, 'lo-y': { doneAt: 'x' } } }), EMPTY_PROGRESS, known);
    expect(bad.ok ? null : bad.problem).toEqual({ kind: 'badEntries', ids: ['lo-x', 'lo-y'] });
    if (!bad.ok) {
      expect(importProblemText(bad.problem, 'en')).toContain('lo-x, lo-y');
      expect(importProblemText(bad.problem, 'zh')).toContain('lo-x、lo-y');
    }
    expect(importProblemText({ kind: 'newerVersion', version: 3 }, 'en')).toContain('version 3');
    expect(importProblemText({ kind: 'newerVersion', version: 3 }, 'zh')).toContain('第 3 版');
  });

  it('never throws, whatever it is given', () => {
    const junk: unknown[] = ['null', 'true', '1e999', '{"format":"lab-progress","version":1,"book":"large-models-small-startups","labs":{"__proto__":{"doneAt":"2026-12-01T10:00:00Z"}}}', undefined, 42];
    for (const j of junk) expect(() => importProgress(j as string, EMPTY_PROGRESS, known)).not.toThrow();
  });
});
