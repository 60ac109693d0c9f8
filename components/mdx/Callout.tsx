import type { ReactNode } from 'react';
import type { Bilingual, Lang } from '@/lib/i18n';

export type CalloutKind = 'note' | 'tip' | 'warning' | 'erratum';

const DEFAULT_TITLES: Record<CalloutKind, Bilingual> = {
  note: { zh: '注', en: 'Note' },
  tip: { zh: '提示', en: 'Tip' },
  warning: { zh: '注意', en: 'Warning' },
  erratum: { zh: '勘误', en: 'Erratum' },
};

/** An aside in the text. `erratum` marks a place where the book corrects its sources. */
export function Callout({ kind = 'note', title, lang, children }: { kind?: CalloutKind; title?: string; lang: Lang; children?: ReactNode }) {
  const k: CalloutKind = kind in DEFAULT_TITLES ? kind : 'note';
  return (
    <aside className={`callout callout-${k}`} aria-label={title ?? DEFAULT_TITLES[k][lang]}>
      <p className="callout-title">{title ?? DEFAULT_TITLES[k][lang]}</p>
      <div className="callout-body">{children}</div>
    </aside>
  );
}
