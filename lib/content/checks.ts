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
import type { Erratum } from './errata';
import type { GlossaryEntry } from './glossary';
import { LANGS, type Lang } from '../i18n';

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
  /** Every `<Callout kind="erratum">`, in document order. */
  errata: ErratumCallout[];
  /** source attributes of `<Errata source="…" />` (the errata page's lists). */
  errataLists: string[];
  /** id attributes of `<Lab>`, in document order (null for a lab without a literal id). */
  labs: (string | null)[];
}

export interface ErratumCallout {
  /** Its `erratum` attribute: the id of its entry in lib/content/errata.ts. */
  id?: string;
  /** Whether it writes its own title (it must not: the title comes from the entry). */
  hasTitle: boolean;
  /** The ids of the headings it sits under, outermost (##) first. */
  headings: string[];
}

/** Parses a chapter body the way the build does (same remark plugins) and collects what the checks need. */
export async function chapterFacts(body: string, file: string): Promise<ChapterFacts> {
  const facts: ChapterFacts = { file, outline: [], tags: [], links: [], calcs: [], calculators: [], sources: [], errata: [], errataLists: [], labs: [] };
  const collect = () => (tree: Root) => {
    // The ids of the headings above the current node, by depth (## at 0): visit walks in document order.
    let under: string[] = [];
    visit(tree, (node) => {
      if (node.type === 'heading') {
        const id = (node.data?.hProperties as { id?: unknown } | undefined)?.id;
        under = under.slice(0, Math.max(0, node.depth - 2));
        if (node.depth >= 2 && typeof id === 'string') under[node.depth - 2] = id;
      }
      if (node.type === 'link' || node.type === 'definition') facts.links.push((node as { url: string }).url);
      if (node.type === 'image') facts.sources.push((node as { url: string }).url);
      if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
        const el = node as unknown as { name: string | null; attributes: { type: string; name?: string; value?: unknown }[] };
        if (el.name) facts.tags.push(el.name);
        const str = (n: string) => {
          const v = el.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === n)?.value;
          return typeof v === 'string' ? v : undefined;
        };
        if (el.name === 'Callout' && str('kind') === 'erratum') {
          facts.errata.push({ id: str('erratum'), hasTitle: el.attributes.some((a) => a.name === 'title'), headings: under.filter(Boolean) });
        }
        if (el.name === 'Errata' && str('source')) facts.errataLists.push(str('source')!);
        if (el.name === 'Lab') facts.labs.push(str('id') ?? null);
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

/** Facts of every written chapter, keyed `<lang>/<slug>`. */
export type BookFacts = ReadonlyMap<string, ChapterFacts>;

/**
 * Problems between the chapters' erratum callouts and lib/content/errata.ts. Every erratum callout names an entry and
 * takes its title from it; both editions of a chapter carry the same errata; every place an entry lists whose chapter is
 * written has a heading id present in both editions and, under that heading, the callout. A chapter not yet written
 * needs neither (the errata page then names it without a link).
 */
export function checkErrata(facts: BookFacts, errata: readonly Erratum[], written: ReadonlySet<string>, registered: ReadonlySet<string>, langs: readonly Lang[] = LANGS): string[] {
  const problems: string[] = [];
  const byId = new Map(errata.map((e) => [e.id, e]));
  const slugs = new Set<string>();
  for (const [key, f] of facts) {
    const slug = key.slice(key.indexOf('/') + 1);
    slugs.add(slug);
    const seen = new Set<string>();
    for (const c of f.errata) {
      if (c.hasTitle) problems.push(`${f.file}: <Callout kind="erratum"${c.id ? ` erratum="${c.id}"` : ''}> writes its own title; the title comes from lib/content/errata.ts`);
      if (!c.id) {
        problems.push(`${f.file}: a <Callout kind="erratum"> needs erratum="<id>" naming its entry in lib/content/errata.ts`);
        continue;
      }
      const e = byId.get(c.id);
      if (!e) problems.push(`${f.file}: erratum="${c.id}" is not an entry of lib/content/errata.ts`);
      else if (!e.taught.some((t) => t.slug === slug)) problems.push(`${f.file}: erratum "${c.id}" is taught here, but lib/content/errata.ts does not list ${slug} among its places`);
      if (seen.has(c.id)) problems.push(`${f.file}: erratum "${c.id}" has two callouts`);
      seen.add(c.id);
    }
  }
  for (const slug of slugs) {
    const sets = langs.map((lang) => new Set((facts.get(`${lang}/${slug}`)?.errata ?? []).flatMap((c) => (c.id ? [c.id] : []))));
    for (let i = 1; i < sets.length; i++) {
      const only = (a: Set<string>, b: Set<string>) => [...a].filter((x) => !b.has(x));
      const [a, b] = [sets[0]!, sets[i]!];
      if (only(a, b).length || only(b, a).length) {
        problems.push(`${slug}: the editions carry different errata (only in ${langs[0]}: ${only(a, b).join(', ') || 'none'}; only in ${langs[i]}: ${only(b, a).join(', ') || 'none'})`);
      }
    }
  }
  for (const e of errata) {
    for (const t of e.taught) {
      if (!registered.has(t.slug)) {
        problems.push(`lib/content/errata.ts: "${e.id}" names ${t.slug}, which is not in lib/content/chapters.ts`);
        continue;
      }
      if (!written.has(t.slug)) continue;
      if (!t.heading) {
        problems.push(`lib/content/errata.ts: "${e.id}": ${t.slug} is written, so give the id of the heading whose section teaches it`);
        continue;
      }
      for (const lang of langs) {
        const f = facts.get(`${lang}/${t.slug}`);
        if (!f) continue;
        if (!f.outline.some((o) => o.id === t.heading)) {
          problems.push(`lib/content/errata.ts: "${e.id}" points to #${t.heading}, which is not a heading of ${f.file}`);
          continue;
        }
        const callouts = f.errata.filter((c) => c.id === e.id);
        if (!callouts.length) problems.push(`${f.file}: has no <Callout kind="erratum" erratum="${e.id}"> (lib/content/errata.ts says it teaches "${e.id}" under #${t.heading})`);
        else if (!callouts.some((c) => c.headings.includes(t.heading!))) {
          problems.push(`${f.file}: the callout of erratum "${e.id}" is under #${callouts[0]!.headings.join(' › #')}, not under #${t.heading} as lib/content/errata.ts says`);
        }
      }
    }
  }
  return problems;
}

/** Per edition: glossary id → the slugs of the chapters that use it (lib/content/glossary-usage.ts). */
export type TermUsage = Readonly<Record<Lang, ReadonlyMap<string, readonly string[]>>>;

/** Problems with the glossary: an entry no chapter of an edition uses (drop it, or give it the forms the text uses). */
export function checkGlossary(usage: TermUsage, entries: readonly GlossaryEntry[], langs: readonly Lang[] = LANGS): string[] {
  const problems: string[] = [];
  const ids = new Set(entries.map((e) => e.id));
  for (const e of entries) {
    for (const lang of langs) {
      if (!usage[lang].get(e.id)?.length) problems.push(`lib/content/glossary.ts: "${e.id}" is used by no ${lang} chapter (drop it, or add the forms the chapters use)`);
    }
    for (const r of e.related ?? []) if (!ids.has(r)) problems.push(`lib/content/glossary.ts: "${e.id}" is related to "${r}", which is not an entry`);
  }
  for (const lang of langs) {
    for (const id of usage[lang].keys()) if (!ids.has(id)) problems.push(`glossary usage (${lang}): "${id}" is not an entry`);
  }
  return problems;
}

/**
 * Problems with the glossary and errata pages: chapters link every term to the glossary and every erratum callout to
 * the errata, so those pages must be written once a chapter links to them; the pages must render their lists; entry
 * anchors must not clash with the pages' own heading ids.
 */
export function checkAppendixPages(facts: BookFacts, written: ReadonlySet<string>, glossaryIds: readonly string[], errata: readonly Erratum[], langs: readonly Lang[] = LANGS): string[] {
  const problems: string[] = [];
  const chapters = [...written].filter((s) => s !== 'glossary' && s !== 'errata');
  if (chapters.length && !written.has('glossary')) problems.push(`chapters link their terms to ../glossary/, but content/<lang>/glossary.mdx is not written`);
  if ([...facts.values()].some((f) => f.errata.length) && !written.has('errata')) {
    problems.push(`erratum callouts link to ../errata/, but content/<lang>/errata.mdx is not written`);
  }
  for (const lang of langs) {
    const glossary = facts.get(`${lang}/glossary`);
    if (glossary) {
      if (!glossary.tags.includes('Glossary')) problems.push(`${glossary.file}: has no <Glossary />, so its entries' anchors do not exist`);
      const clash = glossary.outline.filter((o) => glossaryIds.includes(o.id));
      if (clash.length) problems.push(`${glossary.file}: heading ids ${clash.map((o) => `#${o.id}`).join(', ')} clash with glossary entry anchors`);
    }
    const page = facts.get(`${lang}/errata`);
    if (page) {
      const sources = [...new Set(errata.map((e) => e.source))];
      const missing = sources.filter((s) => !page.errataLists.includes(s));
      if (missing.length) problems.push(`${page.file}: no <Errata source="…" /> for source ${missing.join(', ')}`);
      const clash = page.outline.filter((o) => errata.some((e) => e.id === o.id));
      if (clash.length) problems.push(`${page.file}: heading ids ${clash.map((o) => `#${o.id}`).join(', ')} clash with errata anchors`);
    }
  }
  return problems;
}

/** Adds the anchors the glossary and errata pages render (one per entry) to the heading ids that links may target. */
export function addAppendixAnchors(ids: Map<string, Set<string>>, glossaryIds: readonly string[], errataIds: readonly string[], langs: readonly Lang[] = LANGS): void {
  for (const lang of langs) {
    for (const id of glossaryIds) ids.get(`${lang}/glossary`)?.add(id);
    for (const id of errataIds) ids.get(`${lang}/errata`)?.add(id);
  }
}

/**
 * Problems between one chapter's `<Lab id="…">` exercises (in each edition) and its LabSet (lib/labs/<slug>.ts): every
 * lab the chapter writes is defined there, every lab defined there is written in each edition, both editions write
 * the same labs in the same order, and each lab's widget is placed in the chapter (`widgetTags`: widget id → MDX tag).
 */
export function checkLabs(
  slug: string,
  editions: readonly ChapterFacts[],
  labs: Readonly<Record<string, { widget: string }>>,
  widgetTags: ReadonlyMap<string, string>,
): string[] {
  const problems: string[] = [];
  const defined = Object.keys(labs);
  const where = `lib/labs/${slug}.ts`;
  for (const f of editions) {
    const seen = new Set<string>();
    for (const id of f.labs) {
      if (id === null) {
        problems.push(`${f.file}: a <Lab> needs id="…" naming a lab of ${where}`);
        continue;
      }
      if (!defined.includes(id)) problems.push(`${f.file}: <Lab id="${id}"> is not a lab of ${where} (${defined.join(', ') || 'it has none'})`);
      if (seen.has(id)) problems.push(`${f.file}: <Lab id="${id}"> is written twice`);
      seen.add(id);
    }
    for (const id of defined) if (!seen.has(id)) problems.push(`${f.file}: lab "${id}" of ${where} is not written (add <Lab id="${id}"> to its exercises)`);
    for (const id of defined) {
      const tag = widgetTags.get(labs[id]!.widget);
      if (!tag) problems.push(`${where}: lab "${id}" reads widget "${labs[id]!.widget}", which is not a registered widget`);
      else if (seen.has(id) && !f.tags.includes(tag)) problems.push(`${f.file}: lab "${id}" reads the ${labs[id]!.widget} widget, but the chapter has no <${tag} />`);
    }
  }
  for (let i = 1; i < editions.length; i++) {
    const [a, b] = [editions[0]!, editions[i]!];
    const order = (f: ChapterFacts) => f.labs.filter((x): x is string => x !== null);
    if (order(a).join() !== order(b).join()) problems.push(`${a.file} and ${b.file}: labs differ (${order(a).join(', ') || 'none'} / ${order(b).join(', ') || 'none'}); write the same labs in the same order`);
  }
  return problems;
}
