import type { ReactNode } from 'react';
import { UI, type Lang } from '@/lib/i18n';
import { SectionLink } from './CopyLinkButton';

type Level = 2 | 3 | 4;

/** A chapter heading with its permalink: a "#" anchor and a copy-link button. */
export function Heading({ level, id, lang, children }: { level: Level; id?: string; lang: Lang; children?: ReactNode }) {
  const Tag = `h${level}` as const;
  const t = UI[lang];
  if (!id) return <Tag>{children}</Tag>;
  return (
    <Tag id={id} className="heading">
      {children}
      <span className="heading-tools">
        <a className="heading-anchor" href={`#${id}`} aria-label={t.linkToSection}>
          #
        </a>
        <SectionLink id={id} label={t.copyLink} copied={t.copied} failed={t.copyFailed} />
      </span>
    </Tag>
  );
}
