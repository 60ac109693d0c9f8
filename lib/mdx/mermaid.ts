/**
 * Remark plugin: a fenced ```mermaid block becomes `<Mermaid chart="…" />`, drawn in the browser, lazily.
 * It runs before syntax highlighting so the diagram source is never highlighted as code.
 */
import type { Code, Root } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';

export function remarkMermaid() {
  return (tree: Root) => {
    visit(tree, 'code', (node: Code, index, parent) => {
      if (node.lang !== 'mermaid' || !parent || index === undefined) return;
      const element: MdxJsxFlowElement = {
        type: 'mdxJsxFlowElement',
        name: 'Mermaid',
        attributes: [{ type: 'mdxJsxAttribute', name: 'chart', value: node.value }],
        children: [],
      };
      parent.children.splice(index, 1, element as never);
    });
  };
}
