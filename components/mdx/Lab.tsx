import type { ReactNode } from 'react';
import { LabStatus } from '@/components/labs/LabStatus';
import { bilingual, type Lang } from '@/lib/i18n';
import { findLab } from '@/lib/labs/lookup';

const TEXT = bilingual({
  zh: { lab: '动手实验', goal: '目标：', how: '页面会读取组件的结果来判断，达成后记在你的浏览器里。' },
  en: { lab: 'Lab', goal: 'Goal: ', how: 'The page checks the widget’s results and remembers the lab in your browser.' },
});

/**
 * A lab exercise: the task in the chapter's prose (children), the goal from lib/labs, and its status, which the page
 * checks from the widget's own results (the nearest such widget above the lab, else the first on the page).
 */
export function Lab({ id, lang, children }: { id: string; lang: Lang; children?: ReactNode }) {
  const found = findLab(id);
  // The content checks refuse a chapter whose <Lab id> is in no LabSet; a build that gets here anyway must fail loudly.
  if (!found) throw new Error(`<Lab id="${id}">: no lab with this id in lib/labs`);
  const t = TEXT[lang];
  const goal = found.spec.goal[lang];
  return (
    <div className="lab" data-lab={id}>
      <p className="lab-label">{t.lab}</p>
      <div className="lab-task">{children}</div>
      <p className="lab-goal">
        <strong>{t.goal}</strong>
        {goal}
      </p>
      <div className="lab-footer" data-pagefind-ignore="all">
        <LabStatus id={id} chapter={found.chapter} widget={found.spec.widget} goal={goal} lang={lang} />
        <p className="lab-how">{t.how}</p>
      </div>
    </div>
  );
}
