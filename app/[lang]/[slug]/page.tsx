import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { mdxComponents } from '@/components/mdx';
import { BookShell } from '@/components/shell/BookShell';
import { SearchHighlight } from '@/components/shell/SearchHighlight';
import { chapterBySlug, chapterLabel, neighbours } from '@/lib/content/chapters';
import { loadChapter } from '@/app/chapter-loader';
import { writtenSlugs } from '@/lib/content/source';
import { LANGS, UI, bilingual, isLang } from '@/lib/i18n';

const TEXT = bilingual({
  zh: { sourceSeparator: '；', prevNext: '上一章与下一章' },
  en: { sourceSeparator: '; ', prevNext: 'Previous and next chapters' },
});

export const dynamicParams = false;

/** Where the book is hosted, with its base path ("https://example.edu/course/book"), if the build was told. */
const SITE_URL = (process.env.SITE_URL ?? '').replace(/\/+$/, '');

export function generateStaticParams() {
  return LANGS.flatMap((lang) => writtenSlugs().map((slug) => ({ lang, slug })));
}

type Params = Promise<{ lang: string; slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { lang, slug } = await params;
  if (!isLang(lang) || !chapterBySlug(slug)) return {};
  const { source } = await loadChapter(lang, slug);
  return {
    title: source.frontmatter.title,
    description: source.frontmatter.summary,
    // hreflang alternates must be absolute URLs, so they are written only when the host is known (SITE_URL at build).
    ...(SITE_URL ? { alternates: { languages: { 'zh-CN': `${SITE_URL}/zh/${slug}/`, en: `${SITE_URL}/en/${slug}/` } } } : {}),
  };
}

export default async function ChapterPage({ params }: { params: Params }) {
  const { lang, slug } = await params;
  const entry = chapterBySlug(slug);
  if (!isLang(lang) || !entry) notFound();
  const t = UI[lang];
  const { Content, outline, source } = await loadChapter(lang, slug);
  const written = new Set(writtenSlugs());
  const { prev, next } = neighbours(slug, written);
  const fm = source.frontmatter;

  return (
    <BookShell lang={lang} slug={slug} written={written} outline={outline}>
      <article className="chapter" data-chapter={slug} data-pagefind-body="">
        <header className="chapter-header">
          <p className="chapter-label" data-pagefind-meta="label">{chapterLabel(entry, lang)}</p>
          <h1>{fm.title}</h1>
          <p className="chapter-summary">{fm.summary}</p>
          {fm.sources.length > 0 ? (
            <p className="chapter-meta" data-pagefind-ignore="all">
              {t.sources}: {fm.sources.join(TEXT[lang].sourceSeparator)} · {t.updated} <time dateTime={fm.updated}>{fm.updated}</time>
            </p>
          ) : null}
        </header>
        <div className="prose">
          <Content components={mdxComponents(lang)} />
        </div>
        <nav className="prev-next" aria-label={TEXT[lang].prevNext} data-pagefind-ignore="all">
          {prev ? (
            <Link className="prev" href={`/${lang}/${prev.slug}/`} prefetch={false} rel="prev">
              <span className="prev-next-dir">← {t.previous}</span>
              <span className="prev-next-title">{chapterLabel(prev, lang)} · {prev.title[lang]}</span>
            </Link>
          ) : (
            <span />
          )}
          {next ? (
            <Link className="next" href={`/${lang}/${next.slug}/`} prefetch={false} rel="next">
              <span className="prev-next-dir">{t.next} →</span>
              <span className="prev-next-title">{chapterLabel(next, lang)} · {next.title[lang]}</span>
            </Link>
          ) : null}
        </nav>
      </article>
      <SearchHighlight />
    </BookShell>
  );
}
