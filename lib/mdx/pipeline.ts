/**
 * The one ordered list of remark/rehype plugins and the compile step for a chapter body. Build-time only.
 * Order matters where noted.
 */
import { evaluate, type EvaluateOptions } from '@mdx-js/mdx';
import rehypeShiki from '@shikijs/rehype';
import type { MDXContent } from 'mdx/types';
import rehypeKatex from 'rehype-katex';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkSmartypants from 'remark-smartypants';
import type { PluggableList } from 'unified';
import { VFile } from 'vfile';
import { rehypeKatexHtml } from './katex-html';
import { rehypeMathmlScripts } from './mathml-scripts';
import { escapeHeadingIds, remarkHeadingIds, type OutlineEntry } from './heading-ids';
import { remarkMermaid } from './mermaid';
import { remarkGlossaryLinks } from './glossary-links';
import { rehypeSections } from './sections';

export const remarkPlugins: PluggableList = [
  remarkGfm,
  // Typographic quotes and dashes in prose ("large" → “large”); code and math are left alone.
  [remarkSmartypants, { dashes: 'oldschool' }],
  remarkMath,
  remarkHeadingIds,
  // Before any rehype step: mermaid blocks must leave the code pipeline before Shiki sees them.
  remarkMermaid,
  // Last: after remarkMath (formulas are their own nodes) and remarkHeadingIds, links each section's first use of a
  // glossary term; the chapter's edition and slug come from the file's path.
  remarkGlossaryLinks,
];

// High-contrast variants: every token colour meets WCAG AA on the book's code background, in both themes.
export const SHIKI_THEMES = { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' } as const;

/** The languages of the book's code blocks. */
export const SHIKI_LANGS = ['python', 'javascript', 'bash'];

export const rehypePlugins: PluggableList = [
  // KaTeX renders at build time: HTML for sight, MathML for screen readers; no KaTeX JavaScript ships.
  [rehypeKatex, { output: 'htmlAndMathml', strict: 'error', throwOnError: true }],
  // After KaTeX: its MathML for scripts like w_{\min} has one child too many.
  rehypeMathmlScripts,
  // Last of the math steps: each formula becomes one HTML string, not thousands of React elements to hydrate.
  rehypeKatexHtml,
  [
    rehypeShiki,
    {
      themes: SHIKI_THEMES,
      // The book's languages up front; any other is loaded when a block asks for it. Left out, Shiki loads all of its
      // 200-odd grammars in every build worker (about 9 s of CPU before the first chapter).
      langs: SHIKI_LANGS,
      lazy: true,
      defaultColor: false,
      fallbackLanguage: 'text',
      addLanguageClass: true,
    },
  ],
  // Last: one <section> per ## heading, so the stylesheet can skip laying out the sections far from the viewport.
  rehypeSections,
];

export interface CompiledChapter {
  Content: MDXContent;
  outline: OutlineEntry[];
}

/** The JSX runtime MDX compiles against (react/jsx-runtime), passed in so lib/ stays free of React imports. */
export type JsxRuntime = Pick<EvaluateOptions, 'Fragment' | 'jsx' | 'jsxs'>;

/** Compiles and runs an MDX chapter body; errors carry the file name. */
export async function compileChapter(body: string, fileName: string, runtime: JsxRuntime): Promise<CompiledChapter> {
  const file = new VFile({ value: escapeHeadingIds(body), path: fileName });
  try {
    const mod = await evaluate(file, {
      ...runtime,
      remarkPlugins,
      rehypePlugins,
      development: false,
    });
    return { Content: mod.default, outline: file.data.outline ?? [] };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new Error(`${fileName}: ${message}`, { cause: err });
  }
}
