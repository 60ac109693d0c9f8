'use client';

import { withBase } from '@/lib/base-path';
import { HTML_LANG, otherLang, type Lang } from '@/lib/i18n';
import { currentSectionId } from './current-section';

/**
 * Goes to the same chapter in the other edition, keeping the section (heading ids are identical in both editions)
 * and the widget settings in the query string.
 */
export function LangSwitch({ lang, slug, label, text }: { lang: Lang; slug?: string; label: string; text: string }) {
  const other = otherLang(lang);
  const path = withBase(slug ? `/${other}/${slug}/` : `/${other}/`);
  return (
    <a
      className="lang-switch"
      href={path}
      hrefLang={HTML_LANG[other]}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        const section = currentSectionId();
        const hash = section ? `#${section}` : '';
        window.location.assign(new URL(`${path}${window.location.search}${hash}`, window.location.origin).href);
      }}
    >
      <span lang={HTML_LANG[other]}>{text}</span>
      <span className="visually-hidden"> ({label})</span>
    </a>
  );
}
