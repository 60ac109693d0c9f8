'use client';

import { useEffect } from 'react';

/**
 * A display equation wider than the column scrolls sideways; a keyboard must be able to scroll it too, so each one
 * that overflows becomes focusable (and stops being a tab stop once it fits, e.g. after the window widens).
 */
export function ScrollableMath() {
  useEffect(() => {
    const update = () => {
      // Read every width first, then write: one layout, however many equations.
      const displays = Array.from(document.querySelectorAll<HTMLElement>('.katex-display'));
      const wide = displays.map((el) => el.scrollWidth > el.clientWidth + 1);
      displays.forEach((el, i) => {
        if (wide[i] && !el.hasAttribute('tabindex')) el.tabIndex = 0;
        else if (!wide[i] && el.hasAttribute('tabindex')) el.removeAttribute('tabindex');
      });
    };
    update();
    const ro = new ResizeObserver(update);
    ro.observe(document.body);
    return () => ro.disconnect();
  }, []);
  return null;
}
