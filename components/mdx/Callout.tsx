import type { ReactNode } from 'react';
import { erratumById, erratumTitle } from '@/lib/content/errata';
import { erratumNumbers } from '@/lib/content/errata-values';
import { bilingual, type Bilingual, type Lang } from '@/lib/i18n';

export type CalloutKind = 'note' | 'tip' | 'warning' | 'erratum';

const DEFAULT_TITLES: Record<CalloutKind, Bilingual> = {
  note: { zh: '注', en: 'Note' },
  tip: { zh: '提示', en: 'Tip' },
  warning: { zh: '注意', en: 'Warning' },
  erratum: { zh: '勘误', en: 'Erratum' },
};

const TEXT = bilingual({
  zh: { inList: '勘误表中的这一条' },
  en: { inList: 'This erratum in the list of errata' },
});

/**
 * An aside in the text. `erratum` marks a place where the book corrects its sources: with `erratum="<id>"` its title
 * (source, section, claim) comes from lib/content/errata.ts, and it links to its entry on the errata page.
 */
export function Callout({ kind = 'note', title, erratum, lang, children }: { kind?: CalloutKind; title?: string; erratum?: string; lang: Lang; children?: ReactNode }) {
  const k: CalloutKind = kind in DEFAULT_TITLES ? kind : 'note';
  const entry = k === 'erratum' && erratum ? erratumById(erratum) : undefined;
  if (k === 'erratum' && erratum && !entry) throw new Error(`<Callout kind="erratum" erratum="${erratum}">: no such entry in lib/content/errata.ts`);
  const heading = entry ? erratumTitle(entry, lang, erratumNumbers(entry, lang).map((n) => n.text)) : (title ?? DEFAULT_TITLES[k][lang]);
  return (
    <aside className={`callout callout-${k}`} aria-label={heading} data-erratum={entry?.id}>
      <p className="callout-title">{heading}</p>
      <div className="callout-body">{children}</div>
      {entry ? (
        <p className="callout-more">
          <a href={`../errata/#${entry.id}`}>{TEXT[lang].inList}</a>
        </p>
      ) : null}
    </aside>
  );
}
