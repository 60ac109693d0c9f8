import type { ReactNode } from 'react';
import { bilingual, type Lang } from '@/lib/i18n';

const TEXT = bilingual({ zh: { show: '答案与讲解' }, en: { show: 'Answer' } });

/** An exercise's worked answer, folded away until the reader opens it. */
export function Answer({ lang, children }: { lang: Lang; children?: ReactNode }) {
  return (
    <details className="answer">
      <summary>{TEXT[lang].show}</summary>
      <div className="answer-body">{children}</div>
    </details>
  );
}
