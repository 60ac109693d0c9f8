/** Holds a client-only widget's place while its code loads, at its height, so nothing below it jumps. */
export function WidgetPlaceholder({ height }: { height: number }) {
  return <div className="widget widget-placeholder" style={{ minHeight: height }} aria-busy="true" />;
}
