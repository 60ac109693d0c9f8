import type { ReactNode } from 'react';

/**
 * A widget's output beside its controls on a wide screen; on a narrow one the output sits above the controls and
 * stays in view (sticky under the top bar) while the reader scrolls through them, so every change shows at once.
 */
export function WidgetLayout({ output, controls, className }: { output: ReactNode; controls: ReactNode; className?: string }) {
  return (
    <div className={`widget-layout${className ? ` ${className}` : ''}`}>
      <div className="widget-output">{output}</div>
      <div className="widget-controls">{controls}</div>
    </div>
  );
}
