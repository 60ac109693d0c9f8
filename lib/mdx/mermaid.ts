/**
 * Remark plugin: a fenced ```mermaid block becomes `<Mermaid chart="…" />`. Where `npm run diagrams` has pre-drawn the
 * block (public/diagrams/<hash>-light.svg and -dark.svg), the element also gets those two pictures and their size, and
 * the page shows them with no JavaScript; otherwise the browser draws the diagram, lazily, with Mermaid. It runs before
 * syntax highlighting so the diagram source is never highlighted as code. Build-time only (node:fs).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Code, Root } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import { DIAGRAM_THEMES, mermaidConfig, type DiagramTheme } from './mermaid-theme';

export const DIAGRAM_DIR = path.join(process.cwd(), 'public', 'diagrams');

function mermaidVersion(): string {
  const pkg = path.join(process.cwd(), 'node_modules', 'mermaid', 'package.json');
  return fs.existsSync(pkg) ? (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { version: string }).version : 'unknown';
}

/**
 * The file name of a diagram's picture in one theme: a hash of the source, the theme's configuration and Mermaid's
 * version, so an edited diagram, a changed colour or a Mermaid upgrade never shows a stale picture.
 */
export function diagramFile(chart: string, theme: DiagramTheme, version = mermaidVersion()): string {
  const hash = createHash('sha256').update(`${version}\n${JSON.stringify(mermaidConfig(theme))}\n${chart}`).digest('hex').slice(0, 16);
  return `${hash}-${theme}.svg`;
}

/** Width and height of a pre-drawn picture, from its viewBox; null when it is missing or unreadable. */
export function svgSize(file: string): { width: number; height: number } | null {
  if (!fs.existsSync(file)) return null;
  const head = fs.readFileSync(file, 'utf8').slice(0, 4000);
  const m = /viewBox="\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)\s*"/.exec(head);
  return m ? { width: Math.ceil(Number(m[1])), height: Math.ceil(Number(m[2])) } : null;
}

const attr = (name: string, value: string): MdxJsxAttribute => ({ type: 'mdxJsxAttribute', name, value });

export function remarkMermaid(options: { dir?: string } = {}) {
  const dir = options.dir ?? DIAGRAM_DIR;
  return (tree: Root) => {
    visit(tree, 'code', (node: Code, index, parent) => {
      if (node.lang !== 'mermaid' || !parent || index === undefined) return;
      const attributes = [attr('chart', node.value)];
      const files = Object.fromEntries(DIAGRAM_THEMES.map((t) => [t, diagramFile(node.value, t)])) as Record<DiagramTheme, string>;
      const size = svgSize(path.join(dir, files.light));
      if (size && fs.existsSync(path.join(dir, files.dark))) {
        attributes.push(attr('light', files.light), attr('dark', files.dark), attr('width', String(size.width)), attr('height', String(size.height)));
      }
      const element: MdxJsxFlowElement = { type: 'mdxJsxFlowElement', name: 'Mermaid', attributes, children: [] };
      parent.children.splice(index, 1, element as never);
    });
  };
}
