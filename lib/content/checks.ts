/**
 * Content checks that need no build: what a chapter pair must agree on, and what its links and tags must resolve to.
 * Pure functions over parsed chapters; scripts/check-content.ts does the file reading.
 */
import { compile } from '@mdx-js/mdx';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { escapeHeadingIds, remarkHeadingIds, type OutlineEntry } from '../mdx/heading-ids';
import { remarkMermaid } from '../mdx/mermaid';
import { MDX_TAGS, WIDGET_TAGS } from './tags';

export interface ChapterFacts {
  file: string;
  outline: OutlineEntry[];
  /** Every JSX tag used, in document order. */
  tags: string[];
  /** Every link target (Markdown links and href attributes). */
  links: string[];
  /** fn attributes of <Calc>. */
  calcs: string[];
  /** calc attributes of <Calc> (calculator ids) with their out attribute. */
  calculators: { id: string; out?: string }[];
  /** Image or embed sources. */
  sources: string[];
}

/** Parses a chapter body the way the build does (same remark plugins) and collects what the checks need. */
export async function chapterFacts(body: string, file: string): Promise<ChapterFacts> {
  const facts: ChapterFacts = { file, outline: [], tags: [], links: [], calcs: [], calculators: [], sources: [] };
  const collect = () => (tree: Root) => {
    visit(tree, (node) => {
      if (node.type === 'link' || node.type === 'definition') facts.links.push((node as { url: string }).url);
      if (node.type === 'image') facts.sources.push((node as { url: string }).url);
      if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
        const el = node as unknown as { name: string | null; attributes: { type: string; name?: string; value?: unknown }[] };
        if (el.name) facts.tags.push(el.name);
        if (el.name === 'Calc') {
          const attr = (n: string) => el.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === n)?.value;
          const calc = attr('calc');
          if (typeof calc === 'string') facts.calculators.push({ id: calc, out: typeof attr('out') === 'string' ? (attr('out') as string) : undefined });
        }
        for (const a of el.attributes) {
          if (a.type !== 'mdxJsxAttribute' || typeof a.value !== 'string') continue;
          if (a.name === 'href') facts.links.push(a.value);
          if (a.name === 'src') facts.sources.push(a.value);
          if (el.name === 'Calc' && a.name === 'fn') facts.calcs.push(a.value);
        }
      }
    });
  };
  const vfile = new VFile({ value: escapeHeadingIds(body), path: file });
  await compile(vfile, { remarkPlugins: [remarkGfm, remarkMath, remarkHeadingIds, remarkMermaid, collect] });
  facts.outline = vfile.data.outline ?? [];
  return facts;
}

/** Problems between the two editions of one chapter: heading ids and widgets must match, in order. */
export function compareEditions(zh: ChapterFacts, en: ChapterFacts): string[] {
  const problems: string[] = [];
  const ids = (f: ChapterFacts) => f.outline.map((o) => o.id);
  const a = ids(zh);
  const b = ids(en);
  if (a.join() !== b.join()) {
    const onlyZh = a.filter((x) => !b.includes(x));
    const onlyEn = b.filter((x) => !a.includes(x));
    problems.push(
      `${zh.file} and ${en.file}: heading ids differ` +
        (onlyZh.length ? `; only in zh: ${onlyZh.join(', ')}` : '') +
        (onlyEn.length ? `; only in en: ${onlyEn.join(', ')}` : '') +
        (!onlyZh.length && !onlyEn.length ? '; same ids in a different order' : ''),
    );
  }
  for (let i = 0; i < Math.min(zh.outline.length, en.outline.length); i++) {
    const x = zh.outline[i]!;
    const y = en.outline[i]!;
    if (x.id === y.id && x.depth !== y.depth) problems.push(`${zh.file}/${en.file}: #${x.id} is h${x.depth} in zh but h${y.depth} in en`);
  }
  const widgets = (f: ChapterFacts) => f.tags.filter((t) => (WIDGET_TAGS as readonly string[]).includes(t));
  if (widgets(zh).join() !== widgets(en).join()) {
    problems.push(`${zh.file} and ${en.file}: widgets differ (zh: ${widgets(zh).join(', ') || 'none'} / en: ${widgets(en).join(', ') || 'none'})`);
  }
  return problems;
}

export interface LinkContext {
  /** Outline ids of every written chapter, per language and slug. */
  ids: Map<string, Set<string>>;
  lang: string;
  slug: string;
}

/** Problems with one chapter's tags, links and sources. */
export function checkChapter(f: ChapterFacts, ctx: LinkContext, calcNames: ReadonlySet<string>, calculatorIds: ReadonlySet<string> = new Set()): string[] {
  const problems: string[] = [];
  for (const tag of f.tags) {
    if (!(MDX_TAGS as readonly string[]).includes(tag)) problems.push(`${f.file}: <${tag}> is not a registered tag (${MDX_TAGS.join(', ')})`);
  }
  for (const fn of f.calcs) if (!calcNames.has(fn)) problems.push(`${f.file}: <Calc fn="${fn}"> is not in lib/worked/registry.ts`);
  for (const c of f.calculators) {
    if (!calculatorIds.has(c.id)) problems.push(`${f.file}: <Calc calc="${c.id}"> is not a calculator of lib/finance`);
    if (!c.out) problems.push(`${f.file}: <Calc calc="${c.id}"> needs out="…"`);
  }
  for (const src of f.sources) {
    if (/^(https?:)?\/\//.test(src)) problems.push(`${f.file}: ${src} would load from another host at run time`);
  }
  for (const link of f.links) {
    const problem = checkLink(link, ctx);
    if (problem) problems.push(`${f.file}: link ${link} ${problem}`);
  }
  return problems;
}

/** Why an internal link does not resolve, or null if it does (external links are not checked here). */
export function checkLink(link: string, ctx: LinkContext): string | null {
  if (/^(https?:|mailto:)/.test(link)) return null;
  if (link.startsWith('//')) return 'is protocol-relative; write https://';
  if (link.startsWith('#')) {
    const id = decodeURIComponent(link.slice(1));
    return ctx.ids.get(`${ctx.lang}/${ctx.slug}`)?.has(id) ? null : `points to #${id}, which is not a heading of this chapter`;
  }
  const m = link.match(/^\/(zh|en)\/(?:([a-z0-9-]+)\/)?(?:\?[^#]*)?(?:#(.+))?$/);
  if (!m) return 'is not of the form /<lang>/<slug>/#<id>';
  const [, lang, slug, id] = m;
  if (!slug) return id ? 'points to an anchor on the cover' : null;
  const ids = ctx.ids.get(`${lang}/${slug}`);
  if (!ids) return `points to /${lang}/${slug}/, which is not written`;
  if (id && !ids.has(decodeURIComponent(id))) return `points to #${id}, which is not a heading of /${lang}/${slug}/`;
  return null;
}
