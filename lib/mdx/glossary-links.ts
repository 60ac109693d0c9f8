/**
 * Links the first use of each glossary term in every section of a chapter (a section runs from one `##` heading to the
 * next; the text before the first is a section too) to its entry: `../glossary/#<id>`, relative, so it works under any
 * base path. Only prose is searched: paragraphs, lists, tables, emphasis, block quotes and the bodies of <Callout> and
 * <Answer>; never headings, links, code, math, <Calc>, widget props or other JSX, nor reading lists (UNLINKED_SECTIONS),
 * nor the glossary and errata pages.
 */
import type { Link, Parent, Root, RootContent, Text } from 'mdast';
import type { VFile } from 'vfile';
import { GLOSSARY } from '../content/glossary';
import { isLang, type Lang } from '../i18n';
import { createMatcher, type TermMatcher } from './glossary-match';

/** Pages whose own text is never linked: the glossary itself and the errata list. */
export const UNLINKED_SLUGS: ReadonlySet<string> = new Set(['glossary', 'errata']);

/** The class every generated link carries (styled in app/globals.css). */
export const GLOSSARY_LINK_CLASS = 'glossary-link';

/** Where a chapter's link to an entry points: the glossary page of the same edition, one level up. */
export function glossaryHref(id: string): string {
  return `../glossary/#${id}`;
}

/** Sections (by their `##` heading id) that are reading lists: the titles of papers and books are not linked. */
export const UNLINKED_SECTIONS: ReadonlySet<string> = new Set(['further-reading', 'references', 'key-papers', 'learning']);

/** JSX elements whose children are prose of the chapter. */
const PROSE_ELEMENTS: ReadonlySet<string> = new Set(['Callout', 'Answer']);

/** Node types whose children are searched; everything else (heading, link, code, math, html, expressions) is skipped. */
const SEARCHED: ReadonlySet<string> = new Set([
  'paragraph',
  'emphasis',
  'strong',
  'delete',
  'blockquote',
  'list',
  'listItem',
  'table',
  'tableRow',
  'tableCell',
]);

function searched(node: RootContent): node is RootContent & Parent {
  if (SEARCHED.has(node.type)) return true;
  if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') return PROSE_ELEMENTS.has(node.name ?? '');
  return false;
}

/**
 * Links, in place, the first occurrence per `##` section of every term `matcher` finds, and returns the ids linked.
 * The chapter's own links are not searched, so their text is left as written.
 */
export function linkGlossaryTerms(tree: Root, matcher: TermMatcher, href: (id: string) => string = glossaryHref): Set<string> {
  const used = new Set<string>();
  let seen = new Set<string>();

  const linkText = (node: Text): RootContent[] | null => {
    const fresh = matcher.find(node.value).filter((m) => {
      if (seen.has(m.id)) return false;
      seen.add(m.id);
      return true;
    });
    if (!fresh.length) return null;
    const out: RootContent[] = [];
    let at = 0;
    for (const m of fresh) {
      if (m.start > at) out.push({ type: 'text', value: node.value.slice(at, m.start) });
      const link: Link = {
        type: 'link',
        url: href(m.id),
        title: null,
        children: [{ type: 'text', value: m.text }],
        data: { hProperties: { className: [GLOSSARY_LINK_CLASS] } },
      };
      out.push(link);
      used.add(m.id);
      at = m.end;
    }
    if (at < node.value.length) out.push({ type: 'text', value: node.value.slice(at) });
    return out;
  };

  const walk = (parent: Parent) => {
    const children = parent.children as RootContent[];
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (child.type === 'text') {
        const replacement = linkText(child);
        if (replacement) {
          children.splice(i, 1, ...replacement);
          i += replacement.length - 1;
        }
      } else if (searched(child)) {
        walk(child);
      }
    }
  };

  let skipping = false;
  for (const node of tree.children) {
    if (node.type === 'heading') {
      if (node.depth <= 2) {
        seen = new Set();
        const id = (node.data?.hProperties as { id?: unknown } | undefined)?.id;
        skipping = typeof id === 'string' && UNLINKED_SECTIONS.has(id);
      }
      continue;
    }
    if (!skipping && searched(node)) walk(node);
  }
  return used;
}

const matchers = new Map<Lang, TermMatcher>();

/** The matcher of one edition over the whole glossary, built once. */
export function glossaryMatcher(lang: Lang): TermMatcher {
  let m = matchers.get(lang);
  if (!m) {
    m = createMatcher(GLOSSARY, lang);
    matchers.set(lang, m);
  }
  return m;
}

/** The edition and slug of a chapter file (`content/<lang>/<slug>.mdx`), or null for any other path. */
export function chapterOfPath(path: string | undefined): { lang: Lang; slug: string } | null {
  const m = path?.match(/(?:^|[\\/])([a-z]{2})[\\/]([a-z0-9-]+)\.mdx$/);
  if (!m || !isLang(m[1])) return null;
  return { lang: m[1], slug: m[2]! };
}

export interface GlossaryLinkOptions {
  /** The chapter's edition and slug; read from the file's path (content/<lang>/<slug>.mdx) when not given. */
  lang?: Lang;
  slug?: string;
}

/**
 * Remark plugin: links glossary terms in a chapter (see linkGlossaryTerms) and records the ids it linked in
 * `file.data.glossaryTerms`. Runs after remarkMath (math is its own node by then) and remarkHeadingIds.
 */
export function remarkGlossaryLinks(options: GlossaryLinkOptions = {}) {
  return (tree: Root, file: VFile) => {
    const where = options.lang && options.slug ? { lang: options.lang, slug: options.slug } : chapterOfPath(file.path);
    if (!where || UNLINKED_SLUGS.has(where.slug)) return;
    file.data.glossaryTerms = [...linkGlossaryTerms(tree, glossaryMatcher(where.lang))];
  };
}

declare module 'vfile' {
  interface DataMap {
    glossaryTerms: string[];
  }
}
