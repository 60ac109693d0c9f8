import Link from 'next/link';
import type { ReactNode } from 'react';
import { CHAPTERS, PARTS, chapterLabel } from '@/lib/content/chapters';
import type { OutlineEntry } from '@/lib/mdx/heading-ids';
import { BOOK_TITLE, UI, type Lang } from '@/lib/i18n';
import { chapterLabIds } from '@/lib/labs/lookup';
import { LabCount } from '@/components/labs/LabCount';
import { LangSwitch } from './LangSwitch';
import { Search } from './Search';
import { SidebarDrawer } from './SidebarDrawer';
import { ThemeToggle } from './ThemeToggle';
import { Toc } from './Toc';

interface Props {
  lang: Lang;
  /** The chapter being read; undefined on the cover. */
  slug?: string;
  written: ReadonlySet<string>;
  outline?: OutlineEntry[];
  children: ReactNode;
}

/** The reader's frame: top bar, the book's contents, the page, and "on this page". */
export function BookShell({ lang, slug, written, outline, children }: Props) {
  const t = UI[lang];
  return (
    <>
      <a className="skip-link" href="#main">{t.skipToContent}</a>
      <header className="topbar">
        <SidebarDrawer openLabel={t.openMenu} closeLabel={t.closeMenu} />
        <Link className="topbar-title" href={`/${lang}/`} prefetch={false}>{BOOK_TITLE[lang]}</Link>
        <div className="topbar-tools">
          <Search lang={lang} />
          <LangSwitch lang={lang} slug={slug} label={t.switchLanguageLabel} text={t.switchLanguage} />
          <ThemeToggle toDark={t.themeToDark} toLight={t.themeToLight} />
        </div>
      </header>
      <div className={outline ? 'shell shell-with-toc' : 'shell'}>
        <nav className="sidebar" id="sidebar" aria-label={t.contents}>
          <p className="sidebar-heading">
            <Link href={`/${lang}/`} prefetch={false} aria-current={slug ? undefined : 'page'}>{t.bookHome}</Link>
          </p>
          {PARTS.map((part) => (
            <div key={part.id} className="sidebar-part">
              <p className="sidebar-part-title">{part.title[lang]}</p>
              <ol>
                {CHAPTERS.filter((c) => c.part === part.id).map((c) => {
                  const label = chapterLabel(c, lang);
                  const labIds = chapterLabIds(c.slug);
                  const title = c.title[lang];
                  if (!written.has(c.slug)) {
                    return (
                      <li key={c.slug} className="sidebar-item forthcoming">
                        <span className="sidebar-num">{c.label.kind === 'chapter' ? c.label.n : c.label.letter}</span>
                        <span>
                          {title} <span className="visually-hidden">({t.forthcoming})</span>
                        </span>
                      </li>
                    );
                  }
                  return (
                    <li key={c.slug} className="sidebar-item">
                      <Link href={`/${lang}/${c.slug}/`} prefetch={false} aria-current={c.slug === slug ? 'page' : undefined} title={label}>
                        <span className="sidebar-num">{c.label.kind === 'chapter' ? c.label.n : c.label.letter}</span>
                        <span>{title}</span>
                        {labIds.length ? <LabCount ids={labIds} lang={lang} /> : null}
                      </Link>
                    </li>
                  );
                })}
              </ol>
            </div>
          ))}
        </nav>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        {outline && outline.length > 0 ? <Toc outline={outline} title={t.onThisPage} /> : null}
      </div>
    </>
  );
}
