'use client';

import { useSyncExternalStore } from 'react';

export type Theme = 'light' | 'dark';

function subscribe(onChange: () => void) {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}

const read = (): Theme => (document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light');

/** The page's current theme (the data-theme attribute on <html>), or null while prerendering. */
export function useTheme(): Theme | null {
  return useSyncExternalStore(subscribe, read, () => null);
}
