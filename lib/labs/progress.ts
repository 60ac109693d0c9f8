/**
 * The reader's lab progress: which labs are done and when. Kept in the reader's browser (localStorage, one versioned
 * key), counted per chapter for the table of contents, and written to / read from a file the reader can carry to
 * another browser. Pure functions over strings and plain objects: the page does the storage and the file picking.
 *
 * Nothing here throws on bad input: stored junk reads as "nothing done", and an imported file is either merged or
 * refused with a reason the page can show.
 */
import { bilingual, type Lang } from '../i18n';
import type { LabSet } from './types';

/** The localStorage key. A change of the stored shape gets a new key (and, if worth it, a migration from the old). */
export const PROGRESS_STORAGE_KEY = 'book.labs.v1';
/** The shape version written under PROGRESS_STORAGE_KEY. */
export const PROGRESS_STORAGE_VERSION = 1;
/** What a progress file says it is, so a reader who picks some other JSON file is told so. */
export const PROGRESS_FILE_FORMAT = 'lab-progress';
/** The newest file version this code reads and the one it writes. */
export const PROGRESS_FILE_VERSION = 1;
/** Which book wrote the file: progress from another book is refused rather than mixed in. */
export const BOOK_ID = 'large-models-small-startups';
/** Refuse files larger than this many characters before parsing them (a progress file is a few kB). */
export const MAX_PROGRESS_FILE_CHARS = 1_000_000;

/** One lab the reader has reached: when, as an ISO 8601 date-time in UTC. */
export interface LabRecord {
  doneAt: string;
}

/** The labs done, by lab id. */
export interface LabProgress {
  readonly done: Readonly<Record<string, LabRecord>>;
}

export const EMPTY_PROGRESS: LabProgress = Object.freeze({ done: Object.freeze({}) });

/** A lab id as the book writes them: lower-case words joined by hyphens (at most 80 characters). */
const LAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isLabId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 80 && LAB_ID.test(value);
}

/** The instant an ISO 8601 date-time names, or null for anything else (a date-only string, junk, an impossible date). */
export function parseDoneAt(value: unknown): Date | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/.test(value)) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The earlier of two records of the same lab: a lab counts as done from the first time it was reached. */
function earlier(a: LabRecord | undefined, b: LabRecord): LabRecord {
  if (!a) return b;
  return Date.parse(b.doneAt) < Date.parse(a.doneAt) ? b : a;
}

export function isDone(p: LabProgress, id: string): boolean {
  return Object.hasOwn(p.done, id);
}

/** When the lab was reached, or null if it has not been. */
export function doneAt(p: LabProgress, id: string): Date | null {
  return isDone(p, id) ? parseDoneAt(p.done[id]!.doneAt) : null;
}

/** Progress with the lab marked done at `at`; unchanged (the same object) if it was already done. */
export function markDone(p: LabProgress, id: string, at: Date): LabProgress {
  if (isDone(p, id) || !isLabId(id) || Number.isNaN(at.getTime())) return p;
  return { done: { ...p.done, [id]: { doneAt: at.toISOString() } } };
}

/** How many of `ids` are done, out of how many. */
export function countDone(p: LabProgress, ids: readonly string[]): { done: number; total: number } {
  return { done: ids.filter((id) => isDone(p, id)).length, total: ids.length };
}

/** Done and total per chapter, for every chapter of `labsByChapter` (LABS_BY_CHAPTER) that has labs. */
export function chapterCounts(p: LabProgress, labsByChapter: Readonly<Record<string, LabSet>>): Record<string, { done: number; total: number }> {
  const out: Record<string, { done: number; total: number }> = {};
  for (const [slug, set] of Object.entries(labsByChapter)) {
    const ids = Object.keys(set);
    if (ids.length) out[slug] = countDone(p, ids);
  }
  return out;
}

/**
 * The records of a `labs` object whose ids and dates are well formed, and the keys that are not. Shared by the stored
 * progress (where bad entries are dropped) and the file import (where any makes the file refused).
 */
function readRecords(labs: Record<string, unknown>): { records: Record<string, LabRecord>; bad: string[] } {
  const records: Record<string, LabRecord> = {};
  const bad: string[] = [];
  for (const [id, rec] of Object.entries(labs)) {
    const at = isPlainObject(rec) ? parseDoneAt(rec.doneAt) : null;
    if (!isLabId(id) || !at) bad.push(id);
    else records[id] = { doneAt: at.toISOString() };
  }
  return { records, bad };
}

/** The stored progress (localStorage's string, or null when there is none). Junk reads as nothing done; never throws. */
export function parseStoredProgress(raw: string | null | undefined): LabProgress {
  if (!raw) return EMPTY_PROGRESS;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return EMPTY_PROGRESS;
  }
  if (!isPlainObject(data) || data.version !== PROGRESS_STORAGE_VERSION || !isPlainObject(data.labs)) return EMPTY_PROGRESS;
  return { done: readRecords(data.labs).records };
}

/** The string stored under PROGRESS_STORAGE_KEY. */
export function serializeStoredProgress(p: LabProgress): string {
  return JSON.stringify({ version: PROGRESS_STORAGE_VERSION, labs: p.done });
}

/** What the export writes about each lab beside its date, for a person reading the file. */
export interface LabExportInfo {
  chapter: string;
  goal: string;
}

/**
 * The progress file: the format and its version, the book, when it was exported, and each lab done (with its chapter
 * and goal when `about` knows the lab). Labs are listed in id order so two exports of the same progress are identical
 * but for the date.
 */
export function exportProgress(p: LabProgress, exportedAt: Date, about: Readonly<Record<string, LabExportInfo>> = {}): string {
  const labs: Record<string, LabRecord & Partial<LabExportInfo>> = {};
  for (const id of Object.keys(p.done).sort()) labs[id] = { doneAt: p.done[id]!.doneAt, ...(Object.hasOwn(about, id) ? about[id] : {}) };
  return JSON.stringify({ format: PROGRESS_FILE_FORMAT, version: PROGRESS_FILE_VERSION, book: BOOK_ID, exportedAt: exportedAt.toISOString(), labs }, null, 2) + '\n';
}

/** A file name for an export made at `at`: lab-progress-2026-12-06.json. */
export function exportFileName(at: Date): string {
  return `lab-progress-${at.toISOString().slice(0, 10)}.json`;
}

/** Why a file was refused. */
export type ImportProblem =
  | { kind: 'empty' }
  | { kind: 'tooLarge' }
  | { kind: 'notJson' }
  | { kind: 'notProgress' }
  | { kind: 'newerVersion'; version: number }
  | { kind: 'badVersion' }
  | { kind: 'otherBook'; book: string }
  | { kind: 'badLabs' }
  | { kind: 'badEntries'; ids: string[] };

export type ImportResult =
  | {
      ok: true;
      /** The merged progress: every lab done in either, each with its earlier date. */
      progress: LabProgress;
      /** Labs done in the file and not before. */
      added: string[];
      /** Labs the file has that this book does not (renamed or removed since): not imported. */
      unknown: string[];
    }
  | { ok: false; problem: ImportProblem };

/**
 * Reads a progress file and merges it into `current`. Refuses, with the reason, anything that is not this book's
 * progress file of a version this code reads, or that holds a malformed entry; ignores (and lists) labs `known` does
 * not have. Never throws.
 */
export function importProgress(text: string, current: LabProgress, known: ReadonlySet<string>): ImportResult {
  const fail = (problem: ImportProblem): ImportResult => ({ ok: false, problem });
  if (typeof text !== 'string' || !text.trim()) return fail({ kind: 'empty' });
  if (text.length > MAX_PROGRESS_FILE_CHARS) return fail({ kind: 'tooLarge' });
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return fail({ kind: 'notJson' });
  }
  if (!isPlainObject(data) || data.format !== PROGRESS_FILE_FORMAT) return fail({ kind: 'notProgress' });
  if (typeof data.version !== 'number' || !Number.isInteger(data.version) || data.version < 1) return fail({ kind: 'badVersion' });
  if (data.version > PROGRESS_FILE_VERSION) return fail({ kind: 'newerVersion', version: data.version });
  if (data.book !== BOOK_ID) return fail({ kind: 'otherBook', book: typeof data.book === 'string' ? data.book.slice(0, 80) : '?' });
  if (!isPlainObject(data.labs)) return fail({ kind: 'badLabs' });
  const { records, bad } = readRecords(data.labs);
  if (bad.length) return fail({ kind: 'badEntries', ids: bad.slice(0, 5).map((id) => id.slice(0, 40)) });
  const done: Record<string, LabRecord> = { ...current.done };
  const added: string[] = [];
  const unknown: string[] = [];
  for (const [id, rec] of Object.entries(records)) {
    if (!known.has(id)) {
      unknown.push(id);
      continue;
    }
    if (!isDone(current, id)) added.push(id);
    done[id] = earlier(Object.hasOwn(done, id) ? done[id] : undefined, rec);
  }
  return { ok: true, progress: { done }, added, unknown };
}

/** What the page says about a refused file, in each edition. */
export const IMPORT_PROBLEM_TEXT = bilingual<(p: ImportProblem) => string>({
  zh: (p) => {
    switch (p.kind) {
      case 'empty':
        return '这个文件是空的。';
      case 'tooLarge':
        return '这个文件太大，不可能是本书导出的进度文件。';
      case 'notJson':
        return '这个文件不是 JSON，不是本书导出的进度文件。';
      case 'notProgress':
        return '这个 JSON 文件不是实验进度文件（缺少 "format": "lab-progress"）。';
      case 'badVersion':
        return '这个进度文件的版本号无效。';
      case 'newerVersion':
        return `这个进度文件是更新版本（第 ${p.version} 版）的本书写的，请先刷新页面、更新本书后再导入。`;
      case 'otherBook':
        return `这个进度文件属于另一本书（“${p.book}”）。`;
      case 'badLabs':
        return '这个进度文件里没有实验列表。';
      case 'badEntries':
        return `这个进度文件有格式错误的条目（${p.ids.join('、')}），整份文件都没有导入。`;
    }
  },
  en: (p) => {
    switch (p.kind) {
      case 'empty':
        return 'This file is empty.';
      case 'tooLarge':
        return 'This file is too large to be a progress file exported by this book.';
      case 'notJson':
        return 'This file is not JSON, so it is not a progress file exported by this book.';
      case 'notProgress':
        return 'This JSON file is not a lab progress file (it lacks "format": "lab-progress").';
      case 'badVersion':
        return 'This progress file has an invalid version number.';
      case 'newerVersion':
        return `This progress file was written by a newer version of the book (version ${p.version}): reload the page to update the book, then import it again.`;
      case 'otherBook':
        return `This progress file belongs to another book (“${p.book}”).`;
      case 'badLabs':
        return 'This progress file has no list of labs.';
      case 'badEntries':
        return `This progress file has malformed entries (${p.ids.join(', ')}); nothing was imported.`;
    }
  },
});

/** The reader's edition's sentence for a refused file. */
export function importProblemText(p: ImportProblem, lang: Lang): string {
  return IMPORT_PROBLEM_TEXT[lang](p);
}
