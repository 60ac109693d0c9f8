'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';

/** An output taller than this share of the window is not kept in view on a phone: it would cover the controls. */
const TALL_SHARE = 0.5;

/**
 * A widget's output beside its controls on a wide screen (`split`), or above them when the output wants the width
 * (`stacked`); on a narrow screen the output sits above the controls and, when it is short enough, stays in view
 * (sticky under the top bar) while the reader scrolls through them, so every change shows at once. A tall output
 * (more than half the window) scrolls with the page instead, or it would hide the controls under it.
 */
export function WidgetLayout({ output, controls, layout = 'split' }: { output: ReactNode; controls: ReactNode; layout?: 'split' | 'stacked' }) {
  const ref = useRef<HTMLDivElement>(null);
  const [tall, setTall] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const measure = () => setTall(el.offsetHeight > TALL_SHARE * window.innerHeight);
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    window.addEventListener('resize', measure);
    measure();
    return () => {
      ro.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, []);
  return (
    <div className={`widget-layout widget-layout-${layout}`}>
      <div className="widget-output" ref={ref} data-tall={tall ? '' : undefined}>
        {output}
      </div>
      <div className="widget-controls">{controls}</div>
    </div>
  );
}
