'use client';

import { useEffect, useState } from 'react';

const EVENT = 'book:announce';

/** Says something to screen readers through the page's one live region (see Announcer). */
export function announce(text: string) {
  window.dispatchEvent(new CustomEvent<string>(EVENT, { detail: text }));
}

/**
 * The page's one polite live region. Buttons inside headings (copy-link) cannot carry a status role of their own
 * (a heading's content may not hold one), so they announce through this region instead.
 */
export function Announcer() {
  const [text, setText] = useState('');
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const on = (e: Event) => {
      setText((e as CustomEvent<string>).detail);
      clearTimeout(timer);
      timer = setTimeout(() => setText(''), 4000);
    };
    window.addEventListener(EVENT, on);
    return () => {
      window.removeEventListener(EVENT, on);
      clearTimeout(timer);
    };
  }, []);
  return (
    <div className="visually-hidden" role="status" aria-live="polite" data-testid="announcer">
      {text}
    </div>
  );
}
