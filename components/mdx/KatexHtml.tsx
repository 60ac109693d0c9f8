/**
 * One formula, rendered by KaTeX at build time (lib/mdx/katex-html.ts) and set as inner HTML: React keeps one element
 * per formula instead of hydrating KaTeX's every span and MathML node. The HTML is KaTeX's own output, from the
 * book's sources at build time, never from a reader.
 */
export function KatexHtml({ className, html }: { className: string; html: string }) {
  return <span className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
