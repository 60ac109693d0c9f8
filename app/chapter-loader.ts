/** Compiles each chapter once per build, however many times routes and metadata ask for it. Build-time only. */
import * as runtime from 'react/jsx-runtime';
import { readChapter, type ChapterSource } from '@/lib/content/source';
import type { Lang } from '@/lib/i18n';
import { compileChapter, type CompiledChapter } from '@/lib/mdx/pipeline';

const cache = new Map<string, Promise<CompiledChapter & { source: ChapterSource }>>();

export function loadChapter(lang: Lang, slug: string) {
  const key = `${lang}/${slug}`;
  let hit = cache.get(key);
  if (!hit) {
    const source = readChapter(lang, slug);
    hit = compileChapter(source.body, source.file, runtime).then((c) => ({ ...c, source }));
    cache.set(key, hit);
  }
  return hit;
}
