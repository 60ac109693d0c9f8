'use client';

import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useNearViewport } from '@/components/hooks/useNearViewport';
import { useTheme } from '@/components/hooks/useTheme';
import { BASE_PATH } from '@/lib/base-path';
import { mermaidConfig } from '@/lib/mdx/mermaid-theme';

/**
 * Mermaid keeps one global configuration and renders into the document; two diagrams drawn at once (both scrolled
 * near in the same frame) can interleave initialize/parse/render and leave one unfinished. Diagrams therefore draw one
 * after another through this queue.
 */
let queue: Promise<unknown> = Promise.resolve();
const DRAW_TIMEOUT_MS = 20_000;
function serial<T>(job: () => Promise<T>): Promise<T> {
  // A drawing that never finishes must not hold up the diagrams after it: it fails with a message instead.
  const bounded = () =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Mermaid did not finish drawing within ${DRAW_TIMEOUT_MS / 1000} s.`)), DRAW_TIMEOUT_MS);
      job().then(
        (v) => (clearTimeout(timer), resolve(v)),
        (e) => (clearTimeout(timer), reject(e)),
      );
    });
  const run = queue.then(bounded, bounded);
  queue = run.catch(() => undefined);
  return run;
}

type State = { status: 'waiting' } | { status: 'ready'; svg: string } | { status: 'error'; message: string };

interface Labels {
  loading: string;
  error: string;
  source: string;
  diagram: string;
}

/**
 * A Mermaid diagram. Where `npm run diagrams` has pre-drawn it (`light`, `dark`: file names under /diagrams/, with the
 * picture's size), it is two pictures, one per theme, shown by CSS and loaded lazily: no JavaScript, nothing to draw.
 * Otherwise, or if a picture fails to load, it is drawn in the browser when it scrolls near, themed for light and dark;
 * Mermaid (large) is imported only then. A diagram that does not parse shows the error and its source, never a blank.
 */
export function Mermaid({ chart, labels, light, dark, width, height }: { chart: string; labels: Labels; light?: string; dark?: string; width?: number; height?: number }) {
  const [nearRef, near] = useNearViewport<HTMLElement>();
  const figure = useRef<HTMLElement | null>(null);
  const ref = useCallback(
    (el: HTMLElement | null) => {
      figure.current = el;
      nearRef(el);
    },
    [nearRef],
  );
  const theme = useTheme();
  const [pictureFailed, setPictureFailed] = useState(false);
  const live = !(light && dark) || pictureFailed;
  const [state, setState] = useState<State>({ status: 'waiting' });
  const reactId = useId();
  const counter = useRef(0);

  // A picture that failed before hydration fired its error event unheard: look once it is near (and so requested).
  useEffect(() => {
    if (live || !near) return;
    const shown = Array.from(figure.current?.querySelectorAll('img') ?? []).find((img) => img.getClientRects().length > 0);
    if (shown?.complete && shown.naturalWidth === 0) setPictureFailed(true);
  }, [live, near]);

  useEffect(() => {
    if (!live || !near || theme === null) return;
    let cancelled = false;
    (async () => {
      try {
        const svg = await serial(async () => {
          if (cancelled) return null;
          const mermaid = (await import('mermaid')).default;
          mermaid.initialize(mermaidConfig(theme));
          await mermaid.parse(chart);
          counter.current += 1;
          const id = `mermaid-${reactId.replace(/[^a-zA-Z0-9]/g, '')}-${counter.current}`;
          return (await mermaid.render(id, chart)).svg;
        });
        if (!cancelled && svg !== null) setState({ status: 'ready', svg });
      } catch (err) {
        if (!cancelled) setState({ status: 'error', message: err instanceof Error ? err.message : String(err) });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [live, near, theme, chart, reactId]);

  if (!live) {
    const picture = (file: string, which: 'light' | 'dark') => (
      // eslint-disable-next-line @next/next/no-img-element -- a static export: no image optimisation to be had
      <img className={`mermaid-picture mermaid-picture-${which}`} src={`${BASE_PATH}/diagrams/${file}`} width={width} height={height} alt={labels.diagram} loading="lazy" decoding="async" onError={() => setPictureFailed(true)} />
    );
    return (
      <figure className="mermaid" ref={ref} data-status="ready" data-picture="">
        <div className="mermaid-svg">
          {picture(light!, 'light')}
          {picture(dark!, 'dark')}
        </div>
        <details className="mermaid-source">
          <summary>{labels.source}</summary>
          <pre>{chart}</pre>
        </details>
      </figure>
    );
  }

  return (
    <figure className="mermaid" ref={ref} data-status={state.status}>
      {state.status === 'ready' ? (
        <div className="mermaid-svg" role="img" aria-label={labels.diagram} dangerouslySetInnerHTML={{ __html: state.svg }} />
      ) : state.status === 'error' ? (
        <div className="mermaid-error" role="alert">
          <p className="mermaid-error-title">{labels.error}</p>
          <pre className="mermaid-error-message">{state.message}</pre>
        </div>
      ) : (
        <div className="mermaid-placeholder" aria-busy="true">
          {labels.loading}
        </div>
      )}
      <details className="mermaid-source" open={state.status === 'error' ? true : undefined}>
        <summary>{labels.source}</summary>
        <pre>{chart}</pre>
      </details>
    </figure>
  );
}
