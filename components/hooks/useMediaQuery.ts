'use client';

import { useSyncExternalStore } from 'react';

/** Whether a media query matches, kept current; `serverValue` during prerender and hydration. */
export function useMediaQuery(query: string, serverValue = true): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const mq = window.matchMedia(query);
      mq.addEventListener('change', onChange);
      return () => mq.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
    () => serverValue,
  );
}

/** The width at which a widget's output moves above its controls (CSS uses the same value). */
export const NARROW_WIDGET = '(max-width: 47.99rem)';
