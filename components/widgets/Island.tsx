'use client';

import { lazy, useEffect, useLayoutEffect, useRef, useState, type ComponentType } from 'react';

/** Rendered on the server and in the browser, and a layout effect is fine only in the browser. */
const useIsoLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect;

/** Events that show the reader is about to use an island (a pointer over it, a tap, keyboard focus inside). */
const INTENT_EVENTS = ['pointerover', 'touchstart', 'focusin'] as const;

/**
 * Calls `start` once: when the element comes within `margin` of the viewport, or sooner when the reader points at it,
 * touches it or tabs into it (at once where there is no observer).
 */
function useWhenNear(ref: { current: Element | null }, margin: string, start: () => void) {
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (typeof IntersectionObserver === 'undefined') {
      start();
      return;
    }
    let started = false;
    const go = () => {
      if (started) return;
      started = true;
      stop();
      start();
    };
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && go(), { rootMargin: margin });
    function stop() {
      io.disconnect();
      for (const type of INTENT_EVENTS) el!.removeEventListener(type, go);
    }
    io.observe(el);
    for (const type of INTENT_EVENTS) el.addEventListener(type, go, { passive: true });
    return stop;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}

/**
 * A client-only component (a live widget: it trains in the reader's browser, so there is nothing to render at build
 * time) behind a placeholder of its height, whose code loads only when it comes near the viewport.
 */
export function clientIsland<P extends object>(
  load: () => Promise<{ default: ComponentType<P> }>,
  { id, margin = '1200px', height = 600 }: { id: string; margin?: string; height?: number },
) {
  function ClientIsland(props: P) {
    const ref = useRef<HTMLDivElement>(null);
    const [View, setView] = useState<ComponentType<P> | null>(null);
    useWhenNear(ref, margin, () => void load().then((m) => setView(() => m.default)));
    // The placeholder carries the widget's hook (data-widget), so a test or a script can find it and scroll it near.
    if (!View) return <div ref={ref} data-widget={id} data-placeholder="" className="widget widget-placeholder" style={{ minHeight: height }} aria-busy="true" />;
    return <View {...props} />;
  }
  return ClientIsland;
}

/**
 * An island: a component rendered into the page's HTML at build time, whose JavaScript loads only when it comes near
 * the viewport. Until then the server's HTML stays as it is (React leaves the inside of a dangerouslySetInnerHTML
 * element alone when it hydrates; the build only draws its text fields and menus as look-alike boxes of the same size,
 * scripts/static-fields.mjs), so the reader sees the widget at once and nothing moves,
 * while the page's first load carries none of its code. Near the viewport, the code loads and the component renders in
 * place of its own HTML. Rendered on the client without server HTML (after a client-side navigation), the island holds
 * `minHeight` until its code arrives.
 *
 * It loads its code within `margin` of the viewport (300 px by default: its HTML is already there, so a reader
 * scrolling by loses nothing by waiting, and a page's first load does not carry the code of widgets two screens down),
 * or as soon as the reader points at it, touches it or tabs into it.
 */
export function island<P extends object>(load: () => Promise<{ default: ComponentType<P> }>, { margin = '300px', minHeight = 0 }: { margin?: string; minHeight?: number } = {}) {
  const ServerView = lazy(load);
  // The widget's HTML must be written in place. Behind a Suspense boundary, the first page to render a widget suspended
  // on its module: React wrote the HTML at the end of the body with a script that moves it in, and moving its form
  // controls into a section the stylesheet leaves undrawn (content-visibility) made Chromium style and lay out every
  // section of the chapter at once (0.8–1.2 s of main thread on a phone, measured on Chapter 3). So the server renders
  // it with no boundary (a module still loading holds the whole page until it arrives), and starts loading it when the
  // island is declared, so that it is usually there already. scripts/check-built.mjs fails a build with such a script.
  let Loaded: ComponentType<P> | null = null;
  if (typeof window === 'undefined')
    load().then(
      (m) => void (Loaded = m.default),
      () => undefined,
    );
  function Island(props: P) {
    const ref = useRef<HTMLDivElement>(null);
    const [View, setView] = useState<ComponentType<P> | null>(null);
    const [empty, setEmpty] = useState(false);
    useIsoLayoutEffect(() => {
      if (ref.current && !ref.current.firstChild) setEmpty(true);
    }, []);
    useWhenNear(ref, margin, () => void load().then((m) => setView(() => m.default)));
    if (typeof window === 'undefined') {
      return (
        <div className="island">
          {/* No Suspense boundary here: a module still loading holds the page's shell until it arrives. */}
          {Loaded ? <Loaded {...props} /> : <ServerView {...props} />}
        </div>
      );
    }
    if (!View) return <div className="island" ref={ref} style={empty ? { minHeight } : undefined} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: '' }} />;
    return (
      <div className="island" ref={ref}>
        <View {...props} />
      </div>
    );
  }
  return Island;
}
