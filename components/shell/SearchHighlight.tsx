'use client';

import { useEffect } from 'react';
import { findMatches } from '@/lib/search/highlight';
import { readHighlight } from '@/lib/search/query';
import styles from './Search.module.css';

/**
 * Text the highlighter leaves alone: what React may still re-render (widgets, diagrams, buttons), what is not prose
 * (math, code's copy buttons, form fields), what was not indexed, and marks already made.
 */
const SKIP = 'script, style, svg, button, input, textarea, select, [data-widget], figure.mermaid, .katex, .heading-tools, [data-pagefind-ignore], mark';

/**
 * Marks the search terms a result passed in `?highlight=` in the chapter's article and brings the first mark of the
 * section the result opened (the URL's #anchor) into view. Chinese terms match anywhere, English ones at word starts.
 */
export function SearchHighlight() {
  useEffect(() => {
    const terms = readHighlight(window.location.search);
    const article = document.querySelector('article[data-pagefind-body]');
    if (!terms.length || !article) return;
    if (!article.querySelector('mark[data-search-hit]')) {
      const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, {
        acceptNode: (node) => (node.parentElement?.closest(SKIP) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
      });
      const nodes: Text[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
      for (const node of nodes) {
        const text = node.data;
        const ranges = findMatches(text, terms);
        if (!ranges.length) continue;
        const frag = document.createDocumentFragment();
        let at = 0;
        for (const [start, end] of ranges) {
          if (start > at) frag.append(text.slice(at, start));
          const mark = document.createElement('mark');
          mark.className = styles.mark!;
          mark.dataset.searchHit = '';
          mark.textContent = text.slice(start, end);
          frag.append(mark);
          at = end;
        }
        if (at < text.length) frag.append(text.slice(at));
        node.replaceWith(frag);
      }
    }
    const marks = [...article.querySelectorAll<HTMLElement>('mark[data-search-hit]')];
    const id = decodeURIComponent(window.location.hash.slice(1));
    const section = id ? document.getElementById(id) : null;
    const first = section ? marks.find((m) => section.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING) : marks[0];
    if (!first) return;
    first.dataset.searchCurrent = '';
    // The mark, not the section's heading, is what this page must show: HashAnchor stands down (see HashAnchor.tsx).
    document.documentElement.setAttribute('data-scroll-held', 'search');
    const bringIntoView = () => {
      const r = first.getBoundingClientRect();
      const top = document.querySelector('.topbar')?.getBoundingClientRect().bottom ?? 0;
      if (r.top < top || r.bottom > window.innerHeight) first.scrollIntoView({ block: 'center' });
    };
    bringIntoView();
    // Diagrams, fonts and widgets still settling above the mark move it, and the browser scrolls to the #anchor again
    // when the page has loaded: keep the mark in view for a few seconds, until the reader scrolls or types.
    const resized = new ResizeObserver(bringIntoView);
    resized.observe(article);
    resized.observe(document.body);
    // Not every move shows up as a resize of either (seen on a loaded machine: the page grew above the mark and no
    // observer fired), so the mark is also checked four times a second; it only scrolls when the mark is out of view.
    const poll = setInterval(bringIntoView, 250);
    const READER = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;
    const stop = () => {
      document.documentElement.removeAttribute('data-scroll-held');
      clearTimeout(timer);
      clearInterval(poll);
      resized.disconnect();
      window.removeEventListener('load', bringIntoView);
      for (const type of READER) window.removeEventListener(type, stop);
    };
    const timer = setTimeout(stop, 8000);
    window.addEventListener('load', bringIntoView);
    for (const type of READER) window.addEventListener(type, stop, { passive: true });
    return stop;
  }, []);
  return null;
}
