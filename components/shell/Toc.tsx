'use client';

import { useEffect, useState } from 'react';
import type { OutlineEntry } from '@/lib/mdx/heading-ids';
import { currentSectionId } from './current-section';

/** "On this page": the chapter's h2 and h3, with the section in view highlighted (scroll-spy). */
export function Toc({ outline, title }: { outline: OutlineEntry[]; title: string }) {
  const [active, setActive] = useState<string | null>(null);
  const entries = outline.filter((e) => e.depth <= 3);

  useEffect(() => {
    let frame = 0;
    const update = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setActive(currentSectionId()));
    };
    update();
    window.addEventListener('scroll', update, { passive: true });
    window.addEventListener('hashchange', update);
    // Content that changes height (a diagram drawn, a widget loaded) moves the headings without a scroll event.
    const article = document.querySelector('article');
    const ro = typeof ResizeObserver !== 'undefined' && article ? new ResizeObserver(update) : null;
    if (article) ro?.observe(article);
    return () => {
      cancelAnimationFrame(frame);
      ro?.disconnect();
      window.removeEventListener('scroll', update);
      window.removeEventListener('hashchange', update);
    };
  }, []);

  return (
    <nav className="toc" aria-label={title}>
      <p className="toc-title">{title}</p>
      <ol>
        {entries.map((e) => (
          <li key={e.id} className={`toc-depth-${e.depth}`}>
            <a href={`#${e.id}`} aria-current={active === e.id ? 'location' : undefined} data-active={active === e.id || undefined}>
              {e.text}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
