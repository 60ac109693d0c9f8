'use client';

import { BACKEND_LABELS, describeChoice, type BackendChoice } from '@/lib/ml/backends';
import { bilingual, type Bilingual, type Lang } from '@/lib/i18n';

const TEXT = bilingual({
  zh: {
    starting: '正在准备计算后端…',
    mainThread: '这里无法在后台线程（Web Worker）里训练，已改在页面主线程上训练：每一步之后都会让出主线程，页面仍可操作，但会慢一些。',
  },
  en: {
    starting: 'Starting a compute backend…',
    mainThread: 'Training could not run in a background thread (Web Worker) here, so it runs on the page’s main thread, yielding after every step: the page stays usable, only slower.',
  },
});

/** Where the model runs (timed against the others when chosen automatically), why a faster backend was refused, what happened to a lost device, and main-thread fallback. */
export function BackendBadge({ backend, mainThread, notice, lang }: { backend: BackendChoice | null; mainThread: boolean; notice?: Bilingual | null; lang: Lang }) {
  const t = TEXT[lang];
  if (!backend) return <p className="backend-badge" data-testid="backend-badge">{t.starting}</p>;
  return (
    <div
      className="backend-badge"
      data-testid="backend-badge"
      data-backend={backend.name}
      data-measured={backend.measured?.map((m) => `${m.name}:${m.msPerStep.toPrecision(3)}`).join(' ')}
    >
      <span className="backend-name">{BACKEND_LABELS[backend.name]}</span>
      <span className="backend-why">{describeChoice(backend, lang)}</span>
      {notice ? (
        <span className="backend-notice" role="status" data-testid="backend-notice">
          {notice[lang]}
        </span>
      ) : null}
      {mainThread ? (
        <span className="backend-main-thread" data-testid="main-thread">
          {t.mainThread}
        </span>
      ) : null}
    </div>
  );
}
