/**
 * Which chapters use which glossary terms, found at build time by running the chapters through the same remark plugins
 * as the build (lib/mdx/pipeline.ts), whose glossary step reports the terms it linked. Build-time only (Node fs).
 */
import { compile } from '@mdx-js/mdx';
import { VFile } from 'vfile';
import { LANGS, type Lang } from '../i18n';
import { escapeHeadingIds } from '../mdx/heading-ids';
import { UNLINKED_SLUGS } from '../mdx/glossary-links';
import { remarkPlugins } from '../mdx/pipeline';
import { readChapter, writtenSlugs } from './source';

/** The glossary ids a chapter body links (the ids its prose uses), as the build would link them. */
export async function termsInChapter(body: string, lang: Lang, slug: string): Promise<Set<string>> {
  const file = new VFile({ value: escapeHeadingIds(body), path: `content/${lang}/${slug}.mdx` });
  await compile(file, { remarkPlugins });
  return new Set(file.data.glossaryTerms ?? []);
}

/** Per edition: glossary id → the slugs of the chapters that use it, in reading order. */
export type GlossaryUsage = Record<Lang, Map<string, string[]>>;

/** Inverts per-chapter term sets (given in reading order) into term → chapters. */
export function invertUsage(chapters: readonly { slug: string; terms: ReadonlySet<string> }[]): Map<string, string[]> {
  const usage = new Map<string, string[]>();
  for (const { slug, terms } of chapters) {
    for (const id of terms) usage.set(id, [...(usage.get(id) ?? []), slug]);
  }
  return usage;
}

let cached: Promise<GlossaryUsage> | null = null;

/** Scans every written chapter of both editions (not the glossary or errata pages) once per process. */
export function glossaryUsage(): Promise<GlossaryUsage> {
  cached ??= (async () => {
    const slugs = writtenSlugs().filter((s) => !UNLINKED_SLUGS.has(s));
    const result = {} as Record<Lang, Map<string, string[]>>;
    for (const lang of LANGS) {
      const chapters = [];
      for (const slug of slugs) chapters.push({ slug, terms: await termsInChapter(readChapter(lang, slug).body, lang, slug) });
      result[lang] = invertUsage(chapters);
    }
    return result;
  })();
  return cached;
}
