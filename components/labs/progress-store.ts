/**
 * The reader's lab progress in this browser: localStorage under one key (lib/labs/progress.ts), with a copy in memory
 * for browsers that refuse storage (a lab reached there stays done until the tab closes). Every change is announced
 * to the page's subscribers, and other tabs' changes arrive through the `storage` event.
 */
import { EMPTY_PROGRESS, PROGRESS_STORAGE_KEY, parseStoredProgress, serializeStoredProgress, type LabProgress } from '@/lib/labs/progress';

const CHANGE = 'book:labs-progress';

/** What was last written where storage refused it. */
let memory: string | null = null;
let cache: { raw: string | null; progress: LabProgress } | null = null;

function readRaw(): string | null {
  try {
    return window.localStorage.getItem(PROGRESS_STORAGE_KEY) ?? memory;
  } catch {
    return memory;
  }
}

function writeRaw(raw: string | null): void {
  memory = null;
  try {
    if (raw === null) window.localStorage.removeItem(PROGRESS_STORAGE_KEY);
    else window.localStorage.setItem(PROGRESS_STORAGE_KEY, raw);
  } catch {
    memory = raw;
  }
  window.dispatchEvent(new Event(CHANGE));
}

/** The progress now (the same object until it changes, as useSyncExternalStore needs). */
export function getProgress(): LabProgress {
  if (typeof window === 'undefined') return EMPTY_PROGRESS;
  const raw = readRaw();
  if (!cache || cache.raw !== raw) cache = { raw, progress: parseStoredProgress(raw) };
  return cache.progress;
}

/** Applies `change` to the progress as stored now (another tab may have written since this one last read). */
export function updateProgress(change: (p: LabProgress) => LabProgress): LabProgress {
  const before = getProgress();
  const after = change(before);
  if (after !== before) writeRaw(Object.keys(after.done).length ? serializeStoredProgress(after) : null);
  return getProgress();
}

/** Forgets every lab done in this browser. */
export function clearProgress(): void {
  writeRaw(null);
}

/** Calls `onChange` when the progress changes in this tab or another. */
export function subscribeProgress(onChange: () => void): () => void {
  const onStorage = (e: StorageEvent) => {
    if (e.key === PROGRESS_STORAGE_KEY || e.key === null) onChange();
  };
  window.addEventListener(CHANGE, onChange);
  window.addEventListener('storage', onStorage);
  return () => {
    window.removeEventListener(CHANGE, onChange);
    window.removeEventListener('storage', onStorage);
  };
}
