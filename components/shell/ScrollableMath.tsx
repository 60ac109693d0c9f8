'use client';

import { useEffect } from 'react';

/**
 * A display equation wider than the column scrolls sideways; a keyboard must be able to scroll it too, so each one
 * that overflows becomes focusable (and stops being a tab stop once it fits, e.g. after the window widens).
 *
 * Measuring every equation on load would force a layout of the whole chapter, including the sections the stylesheet
 * leaves undrawn until they near the viewport (content-visibility). So an equation is measured when it comes within a
 * screen or two of the viewport, and all of them at once the first time the reader presses Tab (a keyboard reader may
 * jump past equations that were never near the viewport), and again when the column's width changes.
 */
export function ScrollableMath() {
  useEffect(() => {
    const displays = () => Array.from(document.querySelectorAll<HTMLElement>('.katex-display'));
    const measure = (els: HTMLElement[]) => {
      // Read every width first, then write: one layout, however many equations.
      const wide = els.map((el) => el.scrollWidth > el.clientWidth + 1);
      els.forEach((el, i) => {
        if (wide[i] && !el.hasAttribute('tabindex')) el.tabIndex = 0;
        else if (!wide[i] && el.hasAttribute('tabindex')) el.removeAttribute('tabindex');
      });
    };
    const update = (els: HTMLElement[]) => {
      measure(els);
      // An equation never drawn before is laid out here for the first time, and KaTeX's fonts load only then: until
      // they arrive it was measured in a fallback font, so it is measured again once they have.
      if (document.fonts.status === 'loading') void document.fonts.ready.then(() => measure(els));
    };
    const io = new IntersectionObserver(
      (entries) => {
        const near = entries.filter((e) => e.isIntersecting).map((e) => e.target as HTMLElement);
        if (near.length) update(near);
      },
      { rootMargin: '1500px 0px' },
    );
    displays().forEach((el) => io.observe(el));

    let all = false;
    const measureAll = () => {
      all = true;
      update(displays());
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Tab' && !all) measureAll();
    };
    document.addEventListener('keydown', onKey);

    // A change of the column's width (rotation, a resized window) changes which equations overflow.
    let width = document.body.clientWidth;
    const ro = new ResizeObserver(() => {
      const w = document.body.clientWidth;
      if (w === width) return;
      width = w;
      io.disconnect();
      displays().forEach((el) => io.observe(el));
      if (all) measureAll();
    });
    ro.observe(document.body);
    return () => {
      io.disconnect();
      ro.disconnect();
      document.removeEventListener('keydown', onKey);
    };
  }, []);
  return null;
}
