'use client';

import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * True once the element has come within `margin` of the viewport. Heavy work (Mermaid, tfjs) waits for it.
 * Uses a callback ref so it works for elements that mount late.
 */
export function useNearViewport<T extends Element>(margin = '400px'): [(el: T | null) => void, boolean] {
  const [near, setNear] = useState(false);
  const observer = useRef<IntersectionObserver | null>(null);
  useEffect(() => () => observer.current?.disconnect(), []);
  const ref = useCallback(
    (el: T | null) => {
      observer.current?.disconnect();
      observer.current = null;
      if (!el || near) return;
      if (typeof IntersectionObserver === 'undefined') {
        setNear(true);
        return;
      }
      const io = new IntersectionObserver(
        (entries) => {
          if (entries.some((e) => e.isIntersecting)) {
            setNear(true);
            io.disconnect();
          }
        },
        { rootMargin: margin },
      );
      io.observe(el);
      observer.current = io;
    },
    [near, margin],
  );
  return [ref, near];
}
