'use client';
/**
 * One formula, rendered by KaTeX at build time (lib/mdx/katex-html.ts) and set as inner HTML: React keeps one element
 * per formula instead of hydrating KaTeX's every span and MathML node. The HTML is KaTeX's own output, from the
 * book's sources at build time, never from a reader.
 *
 * The page a reader opens carries each formula once, in its HTML: the build takes the markup out of the page's inline
 * React payload (scripts/formula-payload.mjs), where it was a second copy, up to 1 MB of a chapter. That element then
 * arrives here with no `html`, and hydration keeps the server's markup (React never compares inner HTML). A chapter
 * reached by client-side navigation comes from its `.txt` payload, which keeps the markup. The one tree that is
 * mounted again without it is the first page's, when the reader comes back to it with the browser's back button: each
 * formula leaves its DOM here when it unmounts, by key, and takes a copy back when it mounts empty.
 */
import { useLayoutEffect, useRef } from 'react';

const kept = new Map<string, Element>();

export function KatexHtml({ className, html, formulaKey }: { className: string; html?: string | null; formulaKey: string }) {
  const ref = useRef<HTMLSpanElement>(null);
  const fromPage = html == null;
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !fromPage) return;
    if (!el.hasChildNodes()) {
      const saved = kept.get(formulaKey);
      if (saved) el.replaceChildren(...Array.from(saved.cloneNode(true).childNodes));
    }
    return () => {
      if (el.hasChildNodes()) kept.set(formulaKey, el);
    };
  }, [fromPage, formulaKey]);
  return <span ref={ref} className={className} dangerouslySetInnerHTML={{ __html: html ?? '' }} />;
}
