/**
 * Every Mermaid diagram in the book, read with the chapters' own remark plugins so the source is exactly what the
 * page draws. Build-time only: used by `npm run diagrams` and the content check.
 */
import fs from 'node:fs';
import { createProcessor } from '@mdx-js/mdx';
import type { Root } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { CHAPTERS } from '../content/chapters';
import { chapterFile, readChapter } from '../content/source';
import { LANGS } from '../i18n';
import { escapeHeadingIds } from './heading-ids';
import { remarkPlugins } from './pipeline';
export interface BookDiagram {
  chart: string;
  /** Where it is, for messages: content/en/large-models.mdx. */
  where: string;
}

/** The diagram sources of one chapter body, in order. */
export function diagramsOf(body: string, fileName: string): string[] {
  const charts: string[] = [];
  const collect = () => (tree: Root) => {
    visit(tree, 'mdxJsxFlowElement', (node: MdxJsxFlowElement) => {
      if (node.name !== 'Mermaid') return;
      const chart = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'chart')?.value;
      if (typeof chart === 'string') charts.push(chart);
    });
  };
  const processor = createProcessor({ remarkPlugins: [...remarkPlugins, collect] });
  const file = new VFile({ value: escapeHeadingIds(body), path: fileName });
  processor.runSync(processor.parse(file) as never, file);
  return charts;
}

/** Every diagram of every written chapter, both editions. */
export function bookDiagrams(): BookDiagram[] {
  const out: BookDiagram[] = [];
  for (const lang of LANGS) {
    for (const { slug } of CHAPTERS) {
      if (!fs.existsSync(chapterFile(lang, slug))) continue;
      const source = readChapter(lang, slug);
      for (const chart of diagramsOf(source.body, source.file)) out.push({ chart, where: `content/${lang}/${slug}.mdx` });
    }
  }
  return out;
}
