/**
 * Explicit, language-independent heading ids: `## 为什么说“大”？ {#why-large}`.
 * MDX reads `{…}` as a JavaScript expression, so `escapeHeadingIds` first escapes the marker on heading lines (outside
 * fenced code); `remarkHeadingIds` then strips it from the heading text, sets the id, and records the outline.
 * A heading of depth 2–4 without an id, or a repeated id, fails the build: ids are the book's permalinks and must be
 * identical in both editions.
 */
import type { Heading, Root, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

export const HEADING_ID = /\s*\{#([A-Za-z][A-Za-z0-9_-]*)\}\s*$/;

export interface OutlineEntry {
  depth: number;
  id: string;
  text: string;
}

/** Escapes `{#id}` at the end of ATX heading lines so MDX treats it as text. Fenced code is left alone. */
export function escapeHeadingIds(source: string): string {
  let fence: string | null = null;
  return source
    .split('\n')
    .map((line) => {
      const f = line.match(/^\s*(`{3,}|~{3,})/);
      if (f) {
        const marker = f[1]!;
        if (fence === null) fence = marker[0]!.repeat(marker.length);
        else if (marker.startsWith(fence)) fence = null;
        return line;
      }
      if (fence !== null || !/^#{1,6}\s/.test(line)) return line;
      return line.replace(HEADING_ID, (_m, id: string) => ` \\{#${id}\\}`);
    })
    .join('\n');
}

/** Remark plugin: moves `{#id}` into the heading's id and collects the outline into `file.data.outline`. */
export function remarkHeadingIds() {
  return (tree: Root, file: VFile) => {
    const outline: OutlineEntry[] = [];
    const seen = new Set<string>();
    visit(tree, 'heading', (node: Heading) => {
      const last = node.children[node.children.length - 1];
      let id: string | undefined;
      if (last && last.type === 'text') {
        const m = (last as Text).value.match(HEADING_ID);
        if (m) {
          id = m[1];
          (last as Text).value = (last as Text).value.replace(HEADING_ID, '');
        }
      }
      const text = toString(node).trim();
      if (!id) {
        if (node.depth >= 2 && node.depth <= 4) {
          throw new Error(`Heading "${text}" has no explicit id: write it as "${'#'.repeat(node.depth)} ${text} {#some-id}"`);
        }
        return;
      }
      if (seen.has(id)) throw new Error(`Heading id "${id}" is used twice`);
      seen.add(id);
      node.data = { ...node.data, hProperties: { ...(node.data?.hProperties ?? {}), id } };
      outline.push({ depth: node.depth, id, text });
    });
    file.data.outline = outline;
  };
}

declare module 'vfile' {
  interface DataMap {
    outline: OutlineEntry[];
  }
}
