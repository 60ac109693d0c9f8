'use client';

import { useRef, type ReactNode } from 'react';
import { useNearViewport } from '@/components/hooks/useNearViewport';
import { useWidgetState } from '@/components/hooks/useWidgetState';
import { SchemaControls } from '@/components/widgets/controls/SchemaControls';
import { WidgetFrame } from '@/components/widgets/WidgetFrame';
import { WidgetLayout } from '@/components/widgets/WidgetLayout';
import { bilingual, type Lang } from '@/lib/i18n';
import type { Schema, Values } from '@/lib/state/schema';
import type { AnyTask } from '@/lib/training/task';
import type { WidgetDefinition } from '@/lib/widgets/define';
import { BackendBadge } from './BackendBadge';
import { TrainControls } from './TrainControls';
import { useLiveSession, type LiveState } from './useLiveSession';

const TEXT = bilingual({
  zh: { refused: '这个模型超出了上限，未被创建：', diverged: '训练发散了' },
  en: { refused: 'This model is over the caps and was not built:', diverged: 'Training diverged' },
});

/**
 * Everything a live widget's view shares: its settings in the URL, a training session started when the widget nears
 * the viewport, and the state the session reports. The view draws the output; LiveWidgetFrame draws the rest.
 */
export function useLiveWidget<S extends Schema, Str, T extends AnyTask>(def: WidgetDefinition<S, Str, T>, defaults: Values<S>) {
  const settings = useWidgetState(def.id, def.schema, defaults);
  const [nearRef, near] = useNearViewport<HTMLDivElement>('600px');
  const session = useLiveSession<T>(def.id, def.task, settings.values as Record<string, unknown>, near && settings.loaded);
  return { def, settings, session, nearRef };
}

/** What useLiveWidget returns, for any widget. */
export interface LiveHandle {
  def: WidgetDefinition<Schema, unknown, AnyTask>;
  settings: { values: Record<string, unknown>; issues: ReturnType<typeof useWidgetState>['issues']; loaded: boolean; update: (patch: never) => void; reset: () => void; dismissIssues: () => void; linkFor: (root: Element | null) => string };
  session: { state: LiveState<unknown, unknown>; start: () => void; pause: () => void; step: (n?: number) => void; reset: () => void };
  nearRef: (el: HTMLDivElement | null) => void;
}

/**
 * The frame of a live widget: title, copy-link and defaults; the output beside the controls (above them on a phone);
 * play / pause / step / reset; what went wrong (a refused model, divergence, an error); and the backend badge. Carries
 * the test contract on its root: data-widget, data-backend, data-status, data-step, data-loss.
 */
export function LiveWidgetFrame({
  live,
  lang,
  output,
  controls,
  below,
  description,
  playLabel,
  stepLabel,
  stepSize = 1,
  layout = 'split',
  data,
}: {
  live: LiveHandle;
  lang: Lang;
  output: ReactNode;
  /** Extra controls drawn by the view, after the schema's. */
  controls?: ReactNode;
  /** Drawn under output and controls, full width (a table, a second chart). */
  below?: ReactNode;
  description?: ReactNode;
  playLabel?: string;
  stepLabel?: string;
  /** Steps taken by the Step button. */
  stepSize?: number;
  /** Output beside the controls (default) or above them at full width. */
  layout?: 'split' | 'stacked';
  data?: Record<string, string | number | undefined>;
}) {
  const { def, settings, session, nearRef } = live;
  const s = session.state;
  const rootRef = useRef<HTMLElement>(null);
  const t = TEXT[lang];
  return (
    <WidgetFrame
      ref={rootRef}
      id={def.id}
      lang={lang}
      title={def.title[lang]}
      description={description}
      issues={settings.issues}
      onDismissIssues={settings.dismissIssues}
      onReset={settings.reset}
      link={() => settings.linkFor(rootRef.current)}
      className="widget-live"
      data={{
        backend: s.backend?.name ?? '',
        status: s.status,
        step: s.step,
        loss: s.loss ?? '',
        'url-state': settings.loaded ? 'applied' : 'pending',
        'main-thread': s.mainThread ? 1 : 0,
        tuned: s.tuned,
        ...data,
      }}
    >
      <div ref={nearRef}>
        <WidgetLayout
          layout={layout}
          output={output}
          controls={
            <>
              <TrainControls
                lang={lang}
                status={s.status}
                ready={!!s.backend && s.refused.length === 0}
                onPlay={session.start}
                onPause={session.pause}
                onStep={() => session.step(stepSize)}
                onReset={session.reset}
                playLabel={playLabel}
                stepLabel={stepLabel}
              />
              {s.refused.length ? (
                <div className="calc-problems" role="alert" data-testid="refused">
                  <p className="calc-problems-title">{t.refused}</p>
                  <ul>
                    {s.refused.map((p) => (
                      <li key={p.en}>{p[lang]}</li>
                    ))}
                  </ul>
                </div>
              ) : null}
              {s.diverged ? (
                <div className="calc-problems" role="alert" data-testid="diverged">
                  <p className="calc-problems-title">{t.diverged}</p>
                  <p>{s.diverged[lang]}</p>
                </div>
              ) : null}
              {s.error ? (
                <div className="calc-problems" role="alert" data-testid="session-error">
                  <p>{s.error[lang]}</p>
                </div>
              ) : null}
              <SchemaControls schema={def.schema} groups={def.groups} values={settings.values as Record<string, unknown>} onChange={(patch) => settings.update(patch as never)} lang={lang} />
              {controls}
            </>
          }
        />
        {below}
        <BackendBadge backend={s.backend} mainThread={s.mainThread} notice={s.notice} lang={lang} />
      </div>
    </WidgetFrame>
  );
}
