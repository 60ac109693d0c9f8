'use client';

import { BACKEND_LABELS, describeChoice, type BackendChoice } from '@/lib/ml/backends';
import type { Lang } from '@/lib/i18n';

/** Where the model runs, why a faster backend was refused, and whether training fell back to the main thread. */
export function BackendBadge({ backend, mainThread, lang }: { backend: BackendChoice | null; mainThread: boolean; lang: Lang }) {
  if (!backend) return <p className="backend-badge" data-testid="backend-badge">{lang === 'zh' ? '正在准备计算后端…' : 'Starting a compute backend…'}</p>;
  return (
    <div className="backend-badge" data-testid="backend-badge" data-backend={backend.name}>
      <span className="backend-name">{BACKEND_LABELS[backend.name]}</span>
      <span className="backend-why">{describeChoice(backend, lang)}</span>
      {mainThread ? (
        <span className="backend-main-thread" data-testid="main-thread">
          {lang === 'zh'
            ? '这里无法在后台线程（Web Worker）里训练，已改在页面主线程上训练：每一步之后都会让出主线程，页面仍可操作，但会慢一些。'
            : 'Training could not run in a background thread (Web Worker) here, so it runs on the page’s main thread, yielding after every step: the page stays usable, only slower.'}
        </span>
      ) : null}
    </div>
  );
}
