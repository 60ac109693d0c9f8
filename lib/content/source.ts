/**
 * Maps the files under content/<lang>/<slug>.mdx to chapters. Build-time only (Node fs).
 */
import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { CHAPTERS, chapterBySlug } from './chapters';
import { parseFrontmatter, type Frontmatter } from './frontmatter';
import { LANGS, type Lang } from '../i18n';

export const CONTENT_DIR = path.join(process.cwd(), 'content');

export function chapterFile(lang: Lang, slug: string): string {
  return path.join(CONTENT_DIR, lang, `${slug}.mdx`);
}

export interface ChapterSource {
  lang: Lang;
  slug: string;
  file: string;
  frontmatter: Frontmatter;
  /** The MDX body without its frontmatter. */
  body: string;
}

/** Reads and validates one chapter; throws with the file name for a bad frontmatter or an unregistered slug. */
export function readChapter(lang: Lang, slug: string): ChapterSource {
  const file = chapterFile(lang, slug);
  const rel = path.relative(process.cwd(), file);
  const entry = chapterBySlug(slug);
  if (!entry) throw new Error(`${rel}: slug "${slug}" is not in lib/content/chapters.ts`);
  const { data, content } = matter(fs.readFileSync(file, 'utf8'));
  const frontmatter = parseFrontmatter(data, rel);
  if (frontmatter.part !== entry.part) {
    throw new Error(`Invalid frontmatter in ${rel}:\n  - part: "${frontmatter.part}" but the registry puts ${slug} in "${entry.part}"`);
  }
  if (frontmatter.order !== entry.order) {
    throw new Error(`Invalid frontmatter in ${rel}:\n  - order: ${frontmatter.order} but the registry says ${entry.order}`);
  }
  return { lang, slug, file: rel, frontmatter, body: content };
}

/** Slugs with a file in every edition, in reading order. */
export function writtenSlugs(): string[] {
  return CHAPTERS.filter((c) => LANGS.every((lang) => fs.existsSync(chapterFile(lang, c.slug)))).map((c) => c.slug);
}
