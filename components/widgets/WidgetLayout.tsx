import type { ReactNode } from 'react';

/**
 * A widget's output beside its controls on a wide screen (`split`), or above them when the output wants the width
 * (`stacked`); on a narrow screen the output always sits above the controls and stays in view (sticky under the top
 * bar) while the reader scrolls through them, so every change shows at once.
 */
export function WidgetLayout({ output, controls, layout = 'split' }: { output: ReactNode; controls: ReactNode; layout?: 'split' | 'stacked' }) {
  return (
    <div className={`widget-layout widget-layout-${layout}`}>
      <div className="widget-output">{output}</div>
      <div className="widget-controls">{controls}</div>
    </div>
  );
}
