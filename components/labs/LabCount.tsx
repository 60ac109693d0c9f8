'use client';

import { bilingual, type Lang } from '@/lib/i18n';
import { countDone } from '@/lib/labs/progress';
import { useLabProgress } from './useLabProgress';

const TEXT = bilingual({
  zh: { short: (d: number, n: number) => `实验 ${d}/${n}`, long: (d: number, n: number) => `（已完成 ${n} 个实验中的 ${d} 个）` },
  en: { short: (d: number, n: number) => `labs ${d}/${n}`, long: (d: number, n: number) => ` (${d} of ${n} labs done)` },
});

/**
 * "labs 1/3" beside a chapter in the table of contents. Its box is always there, of a fixed width, and filled only
 * once the browser's progress is known (after hydration), so nothing moves when it appears.
 */
export function LabCount({ ids, lang }: { ids: readonly string[]; lang: Lang }) {
  const progress = useLabProgress();
  const c = progress ? countDone(progress, ids) : null;
  const t = TEXT[lang];
  return (
    <span className="lab-count" data-lab-count={c ? `${c.done}/${c.total}` : undefined} data-complete={c && c.done === c.total ? '' : undefined}>
      {c ? (
        <>
          <span aria-hidden="true">{t.short(c.done, c.total)}</span>
          <span className="visually-hidden">{t.long(c.done, c.total)}</span>
        </>
      ) : null}
    </span>
  );
}
