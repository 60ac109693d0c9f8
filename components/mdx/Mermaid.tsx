'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { useNearViewport } from '@/components/hooks/useNearViewport';
import { useTheme } from '@/components/hooks/useTheme';

const THEME_VARIABLES = {
  light: {
    darkMode: false,
    background: '#ffffff',
    primaryColor: '#e6eef8',
    primaryTextColor: '#1d1f23',
    primaryBorderColor: '#0b5cad',
    secondaryColor: '#f4f2ec',
    secondaryTextColor: '#1d1f23',
    tertiaryColor: '#fdfcf9',
    tertiaryTextColor: '#1d1f23',
    lineColor: '#4a4f57',
    textColor: '#1d1f23',
    edgeLabelBackground: '#ffffff',
    clusterBkg: '#f4f2ec',
    clusterBorder: '#dedad0',
  },
  dark: {
    darkMode: true,
    background: '#202328',
    primaryColor: '#1d2a3a',
    primaryTextColor: '#e7e5e0',
    primaryBorderColor: '#7ab6f5',
    secondaryColor: '#2a2e34',
    secondaryTextColor: '#e7e5e0',
    tertiaryColor: '#1d2024',
    tertiaryTextColor: '#e7e5e0',
    lineColor: '#c3c1bb',
    textColor: '#e7e5e0',
    edgeLabelBackground: '#202328',
    clusterBkg: '#1d2024',
    clusterBorder: '#34373d',
  },
} as const;

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

/**
 * A Mermaid diagram, drawn in the browser when it scrolls near, themed for light and dark. Mermaid (large) is
 * imported only then. A diagram that does not parse shows the error and its source, never a blank.
 */
export function Mermaid({ chart, labels }: { chart: string; labels: { loading: string; error: string; source: string; diagram: string } }) {
  const [ref, near] = useNearViewport<HTMLElement>();
  const theme = useTheme();
  const [state, setState] = useState<State>({ status: 'waiting' });
  const reactId = useId();
  const counter = useRef(0);

  useEffect(() => {
    if (!near || theme === null) return;
    let cancelled = false;
    (async () => {
      try {
        const svg = await serial(async () => {
          if (cancelled) return null;
          const mermaid = (await import('mermaid')).default;
          mermaid.initialize({
            startOnLoad: false,
            securityLevel: 'strict',
            // 'base' with the book's own colours: every label meets WCAG AA contrast in both themes.
            theme: 'base',
            themeVariables: THEME_VARIABLES[theme],
            fontFamily: 'var(--font-sans)',
            flowchart: { htmlLabels: true, useMaxWidth: true },
          });
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
  }, [near, theme, chart, reactId]);

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
