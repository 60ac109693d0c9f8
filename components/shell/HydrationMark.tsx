'use client';

import { useEffect } from 'react';

/**
 * Marks <html data-hydrated> once React has hydrated the page: from then on every lazy part (diagrams, widgets) is
 * watching the viewport. Tests wait for it before scrolling; nothing in the book's styles depends on it.
 */
export function HydrationMark() {
  useEffect(() => {
    document.documentElement.setAttribute('data-hydrated', '');
  }, []);
  return null;
}
