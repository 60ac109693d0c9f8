import { chapterBySlug, chapterLabel } from '@/lib/content/chapters';
import { glossaryEntry, glossaryGroups } from '@/lib/content/glossary';
import { glossaryUsage } from '@/lib/content/glossary-usage';
import { bilingual, otherLang, HTML_LANG, type Lang } from '@/lib/i18n';

const TEXT = bilingual({
  zh: { letters: '按拼音首字母跳转', usedIn: '出现在：', related: '参见：', unused: '（各章暂未用到）', sep: '；', count: (n: number) => `共 ${n} 条术语。` },
  en: { letters: 'Jump to a letter', usedIn: 'Used in: ', related: 'See also: ', unused: '(no chapter uses it yet)', sep: '; ', count: (n: number) => `${n} terms.` },
});

/**
 * The glossary (Appendix C): every entry of lib/content/glossary.ts, grouped by initial letter (of the English headword,
 * or of the pinyin), each with its anchor (#<id>), its definition, related entries, and the chapters that use the
 * term, found at build time by scanning the chapters.
 */
export async function Glossary({ lang }: { lang: Lang }) {
  const t = TEXT[lang];
  const usage = (await glossaryUsage())[lang];
  const groups = glossaryGroups(lang);
  const other = otherLang(lang);
  const letterId = (letter: string) => `glossary-letter-${letter.toLowerCase()}`;
  return (
    <div className="glossary" data-glossary="">
      <p className="glossary-count">{t.count(groups.reduce((n, g) => n + g.entries.length, 0))}</p>
      <nav className="glossary-letters" aria-label={t.letters}>
        {groups.map((g) => (
          <a key={g.letter} href={`#${letterId(g.letter)}`}>
            {g.letter}
          </a>
        ))}
      </nav>
      {groups.map((g) => (
        <section key={g.letter} className="glossary-group" aria-labelledby={letterId(g.letter)}>
          <h3 id={letterId(g.letter)} className="glossary-letter">
            {g.letter}
          </h3>
          <dl>
            {g.entries.map((e) => {
              const chapters = usage.get(e.id) ?? [];
              const showOther = e.term[other].toLowerCase() !== e.term[lang].toLowerCase();
              return (
                <div key={e.id} className="glossary-entry" id={e.id} data-term={e.id}>
                  <dt>
                    <a className="glossary-anchor" href={`#${e.id}`}>
                      {e.term[lang]}
                    </a>
                    {showOther ? (
                      <span className="glossary-other" lang={HTML_LANG[other]}>
                        {e.term[other]}
                      </span>
                    ) : null}
                  </dt>
                  <dd>
                    <p className="glossary-definition">{e.definition[lang]}</p>
                    {e.related?.length ? (
                      <p className="glossary-meta">
                        {t.related}
                        {e.related.map((r, i) => (
                          <span key={r}>
                            {i > 0 ? t.sep : null}
                            <a href={`#${r}`}>{glossaryEntry(r)?.term[lang] ?? r}</a>
                          </span>
                        ))}
                      </p>
                    ) : null}
                    <p className="glossary-meta glossary-used" data-used-in={chapters.join(' ')}>
                      {t.usedIn}
                      {chapters.length
                        ? chapters.map((slug, i) => {
                            const entry = chapterBySlug(slug);
                            return (
                              <span key={slug}>
                                {i > 0 ? t.sep : null}
                                <a href={`../${slug}/`}>{entry ? `${chapterLabel(entry, lang)} · ${entry.title[lang]}` : slug}</a>
                              </span>
                            );
                          })
                        : t.unused}
                    </p>
                  </dd>
                </div>
              );
            })}
          </dl>
        </section>
      ))}
    </div>
  );
}
