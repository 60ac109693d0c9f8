'use client';

import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type MouseEvent as ReactMouseEvent } from 'react';
import { BASE_PATH } from '@/lib/base-path';
import { bilingual, type Lang } from '@/lib/i18n';
import { searchQueries } from '@/lib/search/query';
import { mergeResults, sectionHits, type PagefindPage, type SectionHit } from '@/lib/search/results';
import styles from './Search.module.css';

const TEXT = bilingual({
  zh: {
    open: '搜索',
    title: '搜索本书',
    placeholder: '搜索词语或短语，如“梯度”',
    close: '关闭搜索',
    results: '搜索结果',
    loading: '正在载入搜索索引…',
    searching: '正在搜索…',
    none: (q: string) => `没有找到“${q}”`,
    found: (n: number) => `找到 ${n} 节`,
    unavailable: '搜索不可用：没有找到本书的搜索索引。',
    keys: ['↑ ↓ 选择', 'Enter 打开', 'Esc 关闭'],
    opening: '本章开头',
  },
  en: {
    open: 'Search',
    title: 'Search the book',
    placeholder: 'Search for a word or phrase',
    close: 'Close search',
    results: 'Search results',
    loading: 'Loading the search index…',
    searching: 'Searching…',
    none: (q: string) => `Nothing found for “${q}”`,
    found: (n: number) => (n === 1 ? '1 section found' : `${n} sections found`),
    unavailable: 'Search is unavailable: the book’s search index was not found.',
    keys: ['↑ ↓ to choose', 'Enter to open', 'Esc to close'],
    opening: 'Start of the chapter',
  },
});

/** The part of Pagefind's browser API (pagefind.js) the book uses. */
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(query: string): Promise<{ results: { data(): Promise<PagefindPage> }[] } | null>;
}

/** Result pages listed; each shows up to three of its sections. */
const MAX_PAGES = 6;
const DEBOUNCE_MS = 120;

let pagefind: Promise<Pagefind> | null = null;

/**
 * Pagefind's script and index are loaded the first time a reader opens the search, never with the page. They are plain
 * files of the export under `${BASE_PATH}/pagefind/` (the service worker keeps them offline), so the bundler must not try
 * to resolve the import. Pagefind picks the index of the page's `<html lang>`: the Chinese edition on a Chinese page.
 */
function loadPagefind(): Promise<Pagefind> {
  if (!pagefind) {
    const url = `${BASE_PATH}/pagefind/pagefind.js`;
    pagefind = (async () => {
      const pf = (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ url)) as Pagefind;
      await pf.options({ baseUrl: `${BASE_PATH}/`, excerptLength: 24 });
      await pf.init();
      return pf;
    })();
    pagefind.catch(() => {
      pagefind = null;
    });
  }
  return pagefind;
}

const NOT_TYPING = new Set(['button', 'checkbox', 'color', 'file', 'image', 'radio', 'range', 'reset', 'submit']);

/** Whether a key press goes into a text field (where "/" is a character, not the search shortcut). */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !NOT_TYPING.has(target.type);
}

type Status = 'idle' | 'loading' | 'searching' | 'done' | 'error';

/**
 * The search in the top bar: a button that opens a modal dialog with a combobox (the input) and a listbox of sections
 * that match, as the reader types. "/" (or Ctrl/⌘ K) opens it from anywhere but a text field; ↑ ↓ choose a section,
 * Enter opens it (the first one if none is chosen), Esc closes and returns focus. A result opens the section's anchor
 * with the terms in `?highlight=`, which SearchHighlight marks on arrival.
 */
export function Search({ lang }: { lang: Lang }) {
  const t = TEXT[lang];
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const run = useRef(0);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SectionHit[]>([]);
  const [searched, setSearched] = useState('');
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState<Status>('idle');
  const id = useId();
  const listId = `${id}-results`;
  const statusId = `${id}-status`;
  const optionId = (i: number) => `${id}-option-${i}`;

  const search = useCallback((text: string) => {
    clearTimeout(timer.current);
    const q = text.trim();
    const mine = ++run.current;
    if (!q) {
      setHits([]);
      setSearched('');
      setActive(-1);
      setStatus('idle');
      return;
    }
    setStatus((s) => (s === 'idle' || s === 'done' ? 'searching' : s));
    timer.current = setTimeout(async () => {
      try {
        const pf = await loadPagefind();
        const lists: PagefindPage[][] = [];
        for (const attempt of searchQueries(q)) {
          const found = await pf.search(attempt);
          if (mine !== run.current) return;
          lists.push(await Promise.all((found?.results ?? []).slice(0, MAX_PAGES).map((r) => r.data())));
          if (mine !== run.current) return;
        }
        setHits(
          mergeResults(lists)
            .map((p) => sectionHits(p, q))
            .filter((h) => h.length > 0)
            .slice(0, MAX_PAGES)
            .flat(),
        );
        setSearched(q);
        setActive(-1);
        setStatus('done');
      } catch {
        if (mine === run.current) setStatus('error');
      }
    }, DEBOUNCE_MS);
  }, []);

  const openSearch = useCallback(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (!dialog.open) {
      returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      if (!pagefind) {
        setStatus((s) => (s === 'idle' || s === 'error' ? 'loading' : s));
        loadPagefind().then(
          () => setStatus((s) => (s === 'loading' ? 'idle' : s)),
          () => setStatus('error'),
        );
      }
    }
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || e.altKey) return;
      const slash = e.key === '/' && !e.ctrlKey && !e.metaKey && !isTyping(e.target);
      const ctrlK = e.key.toLowerCase() === 'k' && (e.ctrlKey || e.metaKey) && !e.shiftKey;
      if (!slash && !ctrlK) return;
      e.preventDefault();
      openSearch();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [openSearch]);

  useEffect(() => {
    if (active >= 0) document.getElementById(`${id}-option-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active, id]);

  const onClose = () => {
    const back = returnFocus.current;
    returnFocus.current = null;
    if (back?.isConnected) back.focus();
  };

  const openHit = (hit: SectionHit) => {
    returnFocus.current = null;
    dialogRef.current?.close();
    window.location.assign(hit.href);
  };

  const onInputKey = (e: ReactKeyboardEvent<HTMLInputElement>) => {
    // Keys that confirm or move through a Chinese input method's candidates are not ours.
    if (e.nativeEvent.isComposing || e.keyCode === 229) return;
    const n = hits.length;
    if (e.key === 'ArrowDown' && n) {
      e.preventDefault();
      setActive((a) => (a + 1) % n);
    } else if (e.key === 'ArrowUp' && n) {
      e.preventDefault();
      setActive((a) => (a <= 0 ? n - 1 : a - 1));
    } else if (e.key === 'Enter' && n) {
      e.preventDefault();
      openHit(hits[active >= 0 && active < n ? active : 0]!);
    }
  };

  const onHitClick = (e: ReactMouseEvent<HTMLAnchorElement>, hit: SectionHit) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return;
    e.preventDefault();
    openHit(hit);
  };

  // A click on the backdrop (outside the dialog's box) closes it.
  const onDialogClick = (e: ReactMouseEvent<HTMLDialogElement>) => {
    if (e.target !== dialogRef.current) return;
    const r = dialogRef.current.getBoundingClientRect();
    if (e.clientX < r.left || e.clientX > r.right || e.clientY < r.top || e.clientY > r.bottom) dialogRef.current.close();
  };

  const q = query.trim();
  const message =
    status === 'error'
      ? t.unavailable
      : status === 'loading'
        ? t.loading
        : !q
          ? ''
          : searched !== q
            ? t.searching
            : hits.length
              ? t.found(hits.length)
              : t.none(q);

  return (
    <>
      <button type="button" className={styles.trigger} onClick={openSearch} aria-haspopup="dialog" aria-keyshortcuts="/" title={`${t.open} (/)`}>
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
          <circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M15.5 15.5L21 21" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
        <span className={styles.triggerText}>{t.open}</span>
        <kbd className={styles.kbd} aria-hidden="true">/</kbd>
      </button>
      <dialog ref={dialogRef} className={styles.dialog} aria-label={t.title} onClose={onClose} onClick={onDialogClick} data-search-dialog="">
        <div className={styles.bar}>
          <svg className={styles.barIcon} viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
            <circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" strokeWidth="2" />
            <path d="M15.5 15.5L21 21" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          </svg>
          <input
            ref={inputRef}
            className={styles.input}
            type="text"
            role="combobox"
            aria-label={t.title}
            aria-autocomplete="list"
            aria-expanded={hits.length > 0}
            aria-controls={listId}
            aria-activedescendant={active >= 0 && active < hits.length ? optionId(active) : undefined}
            aria-describedby={statusId}
            placeholder={t.placeholder}
            autoComplete="off"
            autoCorrect="off"
            autoCapitalize="off"
            spellCheck={false}
            enterKeyHint="go"
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              search(e.target.value);
            }}
            onKeyDown={onInputKey}
          />
          <button type="button" className={styles.close} onClick={() => dialogRef.current?.close()} aria-label={t.close} title={t.close}>
            <kbd className={styles.escKey} aria-hidden="true">Esc</kbd>
            <svg className={styles.closeIcon} viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
              <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
            </svg>
          </button>
        </div>
        <p id={statusId} className={styles.status} role="status" data-status={status}>
          {message}
        </p>
        <div id={listId} role="listbox" aria-label={t.results} className={styles.list} hidden={hits.length === 0}>
          {hits.map((hit, i) => (
            <a
              key={hit.href}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              href={hit.href}
              tabIndex={-1}
              className={styles.hit}
              onClick={(e) => onHitClick(e, hit)}
              onMouseMove={() => {
                if (i !== active) setActive(i);
              }}
            >
              <span className={styles.chapter}>{hit.chapter}</span>
              <span className={styles.section} data-part="section">{hit.section ?? t.opening}</span>
              <span className={styles.excerpt}>
                {hit.excerpt.map((part, j) => (part.hit ? <mark key={j}>{part.text}</mark> : <span key={j}>{part.text}</span>))}
              </span>
            </a>
          ))}
        </div>
        <p className={styles.keys} aria-hidden="true">
          {t.keys.map((k) => (
            <span key={k}>{k}</span>
          ))}
        </p>
      </dialog>
    </>
  );
}
