'use client';

import { useEffect, useRef } from 'react';
import { announce } from '@/components/shell/Announcer';
import { NUMBER_LOCALE, bilingual, type Lang } from '@/lib/i18n';
import { doneAt, markDone } from '@/lib/labs/progress';
import { watchLab, whenLabMayMatter } from './dom';
import { updateProgress } from './progress-store';
import { useLabProgress } from './useLabProgress';

const TEXT = bilingual({
  zh: {
    pending: '尚未达成',
    done: (date: string) => `已于 ${date} 完成`,
    reached: (goal: string) => `实验完成：${goal}`,
  },
  en: {
    pending: 'Not reached yet',
    done: (date: string) => `Done on ${date}`,
    reached: (goal: string) => `Lab done: ${goal}`,
  },
});

/**
 * A lab's status line: unknown until hydrated (kept invisible, its line reserved), then "not yet" or "done" with the
 * date. While not done it watches the widget and marks the lab done, in this browser, the moment its check holds; the
 * check itself comes from lib/labs, loaded only once the lab may matter (see whenLabMayMatter), so the page's first
 * load carries none of the labs' code.
 */
export function LabStatus({ id, chapter, widget, goal, lang }: { id: string; chapter: string; widget: string; goal: string; lang: Lang }) {
  const progress = useLabProgress();
  const ref = useRef<HTMLParagraphElement>(null);
  const when = progress ? doneAt(progress, id) : null;
  const state = progress === null ? 'unknown' : when ? 'done' : 'pending';

  useEffect(() => {
    if (state !== 'pending' || !ref.current) return;
    const lab = ref.current;
    let stop: (() => void) | null = null;
    let cancelled = false;
    const disarm = whenLabMayMatter(lab, widget, () => {
      void import('@/lib/labs/loaders').then(async ({ LAB_LOADERS }) => {
        const spec = (await LAB_LOADERS[chapter]?.())?.[id];
        if (cancelled || !spec) return;
        lab.dataset.labArmed = 'true';
        stop = watchLab(lab, widget, spec.check, () => {
          updateProgress((p) => markDone(p, id, new Date()));
          announce(TEXT[lang].reached(goal));
        });
      });
    });
    return () => {
      cancelled = true;
      disarm();
      stop?.();
    };
  }, [state, id, chapter, widget, goal, lang]);

  const t = TEXT[lang];
  return (
    <p ref={ref} className="lab-status" data-lab-state={state}>
      {state === 'done' && when ? t.done(new Intl.DateTimeFormat(NUMBER_LOCALE[lang], { dateStyle: 'medium' }).format(when)) : t.pending}
    </p>
  );
}
