'use client';

import { bilingual, type Lang } from '@/lib/i18n';
import type { Status } from '@/lib/training/protocol';

const TEXT = bilingual({
  zh: { play: '开始训练', pause: '暂停', step: '单步', reset: '重置', group: '训练控制', status: { idle: '就绪', loading: '准备中', training: '训练中', paused: '已暂停', diverged: '已发散', error: '出错' } },
  en: { play: 'Train', pause: 'Pause', step: 'Step', reset: 'Reset', group: 'Training controls', status: { idle: 'Ready', loading: 'Preparing', training: 'Training', paused: 'Paused', diverged: 'Diverged', error: 'Error' } },
});

/** Play / pause, one step, reset, and the status in words. */
export function TrainControls({
  lang,
  status,
  ready,
  onPlay,
  onPause,
  onStep,
  onReset,
  playLabel,
  stepLabel,
}: {
  lang: Lang;
  status: Status;
  ready: boolean;
  onPlay: () => void;
  onPause: () => void;
  onStep: () => void;
  onReset: () => void;
  playLabel?: string;
  stepLabel?: string;
}) {
  const t = TEXT[lang];
  const training = status === 'training';
  const stuck = status === 'diverged' || status === 'error' || status === 'loading' || !ready;
  return (
    <div className="train-controls" role="group" aria-label={t.group}>
      {training ? (
        <button type="button" className="button-primary" onClick={onPause} data-action="pause">
          ❚❚ {t.pause}
        </button>
      ) : (
        <button type="button" className="button-primary" onClick={onPlay} disabled={stuck} data-action="play">
          ▶ {playLabel ?? t.play}
        </button>
      )}
      <button type="button" className="button-quiet" onClick={onStep} disabled={training || stuck} data-action="step">
        {stepLabel ?? t.step}
      </button>
      <button type="button" className="button-quiet" onClick={onReset} disabled={status === 'loading'} data-action="reset">
        {t.reset}
      </button>
      <span className="train-status" role="status" data-status-text={status}>
        {t.status[status]}
      </span>
    </div>
  );
}
