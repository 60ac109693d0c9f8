'use client';

import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { bilingual, type Lang } from '@/lib/i18n';
import {
  MAX_PROGRESS_FILE_CHARS,
  countDone,
  exportFileName,
  exportProgress,
  importProblemText,
  importProgress,
  type LabExportInfo,
} from '@/lib/labs/progress';
import { clearProgress, getProgress, updateProgress } from './progress-store';
import { useLabProgress } from './useLabProgress';

const TEXT = bilingual({
  zh: {
    title: '你的实验进度',
    intro: '各章习题里的“动手实验”由页面根据组件的结果自动判断，进度只保存在这个浏览器里。换浏览器或设备时，可以导出成文件再导入。',
    summary: (d: number, n: number) => `已完成 ${n} 个实验中的 ${d} 个。`,
    export: '导出进度文件',
    import: '导入进度文件…',
    reset: '清除进度…',
    confirm: (d: number) => `确定清除这个浏览器里 ${d} 个已完成实验的记录吗？此操作无法撤销。`,
    confirmYes: '清除',
    confirmNo: '取消',
    exported: (name: string) => `已导出 ${name}。`,
    imported: (added: number, unknown: number) => `已导入：新增 ${added} 个已完成的实验${unknown ? `；${unknown} 个本书已没有的实验被忽略` : ''}。`,
    cleared: '进度已清除。',
    unreadable: '无法读取这个文件。',
    nothing: '还没有完成任何实验，没有可导出的内容。',
  },
  en: {
    title: 'Your lab progress',
    intro: 'The labs in the chapters’ exercises are checked by the page from the widgets’ results, and your progress is kept in this browser only. To move it to another browser or device, export it as a file and import it there.',
    summary: (d: number, n: number) => `${d} of ${n} labs done.`,
    export: 'Export progress file',
    import: 'Import progress file…',
    reset: 'Reset progress…',
    confirm: (d: number) => `Erase the record of ${d} ${d === 1 ? 'lab' : 'labs'} done in this browser? This cannot be undone.`,
    confirmYes: 'Erase',
    confirmNo: 'Cancel',
    exported: (name: string) => `Exported ${name}.`,
    imported: (added: number, unknown: number) =>
      `Imported: ${added} more ${added === 1 ? 'lab' : 'labs'} done${unknown ? `; ${unknown} ${unknown === 1 ? 'lab' : 'labs'} this book no longer has ignored` : ''}.`,
    cleared: 'Progress erased.',
    unreadable: 'This file could not be read.',
    nothing: 'No lab is done yet: there is nothing to export.',
  },
});

export interface PanelLab extends LabExportInfo {
  id: string;
}

/** Export, import and reset of the reader's lab progress (for the cover), with what happened said in words. */
export function ProgressPanel({ lang, labs }: { lang: Lang; labs: readonly PanelLab[] }) {
  const t = TEXT[lang];
  const uid = useId();
  const progress = useLabProgress();
  const fileRef = useRef<HTMLInputElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const resetRef = useRef<HTMLButtonElement>(null);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const ids = labs.map((l) => l.id);
  const count = progress ? countDone(progress, ids) : null;

  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);

  const doExport = () => {
    const p = getProgress();
    if (countDone(p, ids).done === 0) {
      setMessage({ text: t.nothing, error: false });
      return;
    }
    const now = new Date();
    const about = Object.fromEntries(labs.map((l) => [l.id, { chapter: l.chapter, goal: l.goal }]));
    const url = URL.createObjectURL(new Blob([exportProgress(p, now, about)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = exportFileName(now);
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setMessage({ text: t.exported(a.download), error: false });
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.size > MAX_PROGRESS_FILE_CHARS * 4) {
      setMessage({ text: importProblemText({ kind: 'tooLarge' }, lang), error: true });
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      setMessage({ text: t.unreadable, error: true });
      return;
    }
    let outcome: { text: string; error: boolean } = { text: t.unreadable, error: true };
    updateProgress((current) => {
      const r = importProgress(text, current, new Set(ids));
      if (!r.ok) {
        outcome = { text: importProblemText(r.problem, lang), error: true };
        return current;
      }
      outcome = { text: t.imported(r.added.length, r.unknown.length), error: false };
      return r.progress;
    });
    setMessage(outcome);
  };

  const erase = () => {
    clearProgress();
    setConfirming(false);
    setMessage({ text: t.cleared, error: false });
    resetRef.current?.focus();
  };

  return (
    <section className="lab-progress" aria-labelledby={`${uid}-title`} data-testid="lab-progress">
      <h2 id={`${uid}-title`}>{t.title}</h2>
      <p className="lab-progress-intro">{t.intro}</p>
      <p className="lab-progress-summary" data-lab-done={count ? count.done : undefined} data-lab-total={count ? count.total : undefined}>
        {count ? t.summary(count.done, count.total) : null}
      </p>
      <div className="lab-progress-actions">
        <button type="button" className="button-quiet" onClick={doExport} disabled={!count}>
          {t.export}
        </button>
        <button type="button" className="button-quiet" onClick={() => fileRef.current?.click()} disabled={!count}>
          {t.import}
        </button>
        <input ref={fileRef} type="file" accept="application/json,.json" hidden onChange={onFile} aria-label={t.import} />
        <button ref={resetRef} type="button" className="button-quiet" onClick={() => setConfirming(true)} disabled={!count || count.done === 0} aria-expanded={confirming}>
          {t.reset}
        </button>
      </div>
      {confirming && count ? (
        <div
          className="lab-progress-confirm"
          role="group"
          aria-labelledby={`${uid}-confirm`}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              setConfirming(false);
              resetRef.current?.focus();
            }
          }}
        >
          <p id={`${uid}-confirm`}>{t.confirm(count.done)}</p>
          <button type="button" className="button-danger" onClick={erase}>
            {t.confirmYes}
          </button>
          <button
            ref={cancelRef}
            type="button"
            className="button-quiet"
            onClick={() => {
              setConfirming(false);
              resetRef.current?.focus();
            }}
          >
            {t.confirmNo}
          </button>
        </div>
      ) : null}
      <p className="lab-progress-message" role="status" data-testid="lab-progress-message">
        {message && !message.error ? message.text : null}
      </p>
      <p className="lab-progress-error" role="alert" data-testid="lab-progress-error">
        {message?.error ? message.text : null}
      </p>
    </section>
  );
}
