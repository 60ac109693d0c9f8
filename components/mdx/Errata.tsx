import type { ReactNode } from 'react';
import { chapterBySlug, chapterLabel } from '@/lib/content/chapters';
import { SOURCES, SOURCE_IDS, errataOfSource, type Erratum, type SourceId } from '@/lib/content/errata';
import { erratumNumbers, type ErratumNumber } from '@/lib/content/errata-values';
import { writtenSlugs } from '@/lib/content/source';
import { bilingual, type Lang } from '@/lib/i18n';

const TEXT = bilingual({
  zh: {
    says: '原文',
    right: '正确的说法',
    taught: '讲解',
    forthcoming: '（即将推出）',
    sep: '；',
    colon: '：',
    count: (n: number) => `${n} 处错误`,
    title: (t: string) => `《${t}》`,
  },
  en: {
    says: 'The source says',
    right: 'What is right',
    taught: 'Taught in',
    forthcoming: '(forthcoming)',
    sep: '; ',
    colon: ': ',
    count: (n: number) => `${n} ${n === 1 ? 'error' : 'errors'}`,
    title: (t: string) => `“${t}”`,
  },
});

/** Plain text with `code` spans and {0}, {1}, … replaced by the computed values (marked like <Calc>'s numbers). */
function Rich({ text, numbers }: { text: string; numbers: readonly ErratumNumber[] }) {
  const parts: ReactNode[] = text.split(/(`[^`]+`|\{\d+\})/).map((part, i) => {
    if (part.length > 1 && part.startsWith('`') && part.endsWith('`')) return <code key={i}>{part.slice(1, -1)}</code>;
    const m = part.match(/^\{(\d+)\}$/);
    const n = m ? numbers[Number(m[1])] : undefined;
    if (m && !n) throw new Error(`errata: "${text}" has ${part} but no such value`);
    if (n) {
      return (
        <span key={i} className="calc" data-calc={n.fn} data-value={n.value}>
          {n.text}
        </span>
      );
    }
    return part;
  });
  return <>{parts}</>;
}

function Place({ e, lang, written, index }: { e: Erratum; lang: Lang; written: ReadonlySet<string>; index: number }) {
  const t = TEXT[lang];
  const place = e.taught[index]!;
  const entry = chapterBySlug(place.slug);
  const label = entry ? `${chapterLabel(entry, lang)} · ${entry.title[lang]}` : place.slug;
  if (!written.has(place.slug)) {
    return (
      <span className="erratum-place" data-forthcoming="">
        {label} {t.forthcoming}
      </span>
    );
  }
  return (
    <a className="erratum-place" href={`../${place.slug}/${place.heading ? `#${place.heading}` : ''}`} data-heading={place.heading}>
      {label}
    </a>
  );
}

/**
 * The errata of one source (Appendix D), from lib/content/errata.ts: what the source says, what is right, with the
 * book's numbers computed by tested functions, and a link to the section of the chapter that teaches it. A chapter not
 * yet written is named without a link.
 */
export function Errata({ lang, source }: { lang: Lang; source: string }) {
  if (!(SOURCE_IDS as readonly string[]).includes(source)) throw new Error(`<Errata source="${source}">: no such source (${SOURCE_IDS.join(', ')})`);
  const t = TEXT[lang];
  const list = errataOfSource(source as SourceId);
  const written = new Set(writtenSlugs());
  const info = SOURCES[source as SourceId];
  return (
    <div className="errata" data-errata-source={source}>
      <p className="errata-source">
        {info.title ? <span lang="zh-CN">{t.title(info.title)}</span> : null}
        {info.title ? ' — ' : null}
        {info.gloss[lang]} · {t.count(list.length)}
      </p>
      {list.map((e) => {
        const numbers = erratumNumbers(e, lang);
        return (
          <article key={e.id} className="erratum" data-erratum={e.id}>
            <h3 id={e.id} className="erratum-title">
              <span className="erratum-section">{e.section[lang]}</span>
              {t.colon}
              <Rich text={e.claim[lang]} numbers={numbers} />
            </h3>
            <dl className="erratum-body">
              <dt>{t.says}</dt>
              <dd>
                <Rich text={e.says[lang]} numbers={numbers} />
              </dd>
              <dt>{t.right}</dt>
              <dd>
                <Rich text={e.right[lang]} numbers={numbers} />
              </dd>
              <dt>{t.taught}</dt>
              <dd>
                {e.taught.map((_, i) => (
                  <span key={i}>
                    {i > 0 ? t.sep : null}
                    <Place e={e} lang={lang} written={written} index={i} />
                  </span>
                ))}
              </dd>
            </dl>
          </article>
        );
      })}
    </div>
  );
}
