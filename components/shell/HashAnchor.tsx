'use client';

import { useEffect } from 'react';

/** What says the reader has taken over the scrolling. */
const USER_INPUT = ['wheel', 'touchstart', 'keydown', 'mousedown'] as const;

/** How long after hydration the target of a link's #fragment is held in place while the page settles. */
const SETTLE_MS = 4000;

/**
 * Keeps the section a shared link points at (`/en/neural-networks/#playground-guide`) at the top of the window while
 * the page settles. The browser scrolls to the fragment while the page is still loading; diagrams, islands and late
 * fonts above it then grow, and the section slides out of view. Until the reader scrolls, types or touches, or
 * SETTLE_MS have passed, each change of the page's height puts the section back where the browser put it. It stands
 * down when another part of the page holds the scroll (`<html data-scroll-held>`: a search result's highlighted match,
 * which may lie further down the section).
 */
export function HashAnchor() {
  useEffect(() => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    const target = id ? document.getElementById(id) : null;
    if (!target) return;
    const align = () => {
      if (document.documentElement.hasAttribute('data-scroll-held')) stop();
      else target.scrollIntoView({ block: 'start', behavior: 'instant' });
    };
    const ro = new ResizeObserver(align);
    const stop = () => {
      ro.disconnect();
      clearTimeout(timer);
      for (const e of USER_INPUT) window.removeEventListener(e, stop, true);
    };
    for (const e of USER_INPUT) window.addEventListener(e, stop, { capture: true, passive: true });
    const timer = setTimeout(stop, SETTLE_MS);
    ro.observe(document.body);
    align();
    return stop;
  }, []);
  return null;
}
