'use client';

import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { LineChart } from '@/components/charts/LineChart';
import { useNearViewport } from '@/components/hooks/useNearViewport';
import { useTheme } from '@/components/hooks/useTheme';
import { useWidgetState } from '@/components/hooks/useWidgetState';
import { WidgetFrame } from '@/components/widgets/WidgetFrame';
import { BackendBadge } from '@/components/widgets/training/BackendBadge';
import { TrainControls } from '@/components/widgets/training/TrainControls';
import { useTrainingSession } from '@/components/widgets/training/useTrainingSession';
import { BASE_PATH } from '@/lib/base-path';
import { formatNumber, formatPercent } from '@/lib/format';
import type { Lang } from '@/lib/i18n';
import { ACTIVATIONS, MODEL_CAPS, OPTIMIZERS } from '@/lib/ml/caps';
import { DATASET_KINDS } from '@/lib/ml/datasets';
import { clampNumber } from '@/lib/state/schema';
import { BACKEND_CHOICES, LEARNING_RATES, PLAYGROUND_ID, playgroundSchema, type PlaygroundValues } from '@/lib/widgets/playground';
import { Heatmap } from './Heatmap';
import { STRINGS } from './strings';

const CAPS = MODEL_CAPS.playground;

/** A TensorFlow-Playground-style trainer: real tfjs training in a Web Worker on the reader's GPU. */
export default function PlaygroundTrainer({ lang, defaults }: { lang: Lang; defaults: PlaygroundValues }) {
  const t = STRINGS[lang];
  const uid = useId();
  const widget = useWidgetState(PLAYGROUND_ID, playgroundSchema, defaults);
  const v = widget.values;
  const [nearRef, near] = useNearViewport<HTMLDivElement>('600px');
  const session = useTrainingSession(near && widget.loaded);
  const s = session.state;
  const theme = useTheme();
  const rootRef = useRef<HTMLElement>(null);
  const [note, setNote] = useState<string | null>(null);

  // Any change of settings rebuilds the model and data from scratch (same seed → same run).
  const configKey = JSON.stringify(v);
  const { configure } = session;
  useEffect(() => {
    if (!near || !widget.loaded) return;
    const settings = JSON.parse(configKey) as PlaygroundValues;
    configure({ task: 'playground', settings, prefer: settings.backend === 'auto' ? undefined : settings.backend, basePath: BASE_PATH });
  }, [configKey, near, widget.loaded, configure]);

  const setLayers = (layers: number[]) => widget.update({ layers });
  const layerNote = t.caps(CAPS.maxHiddenLayers, CAPS.maxUnits);

  const curves = useMemo(
    () => [
      { name: t.trainLoss, points: s.trainCurve.map((p) => [p.step, p.loss] as [number, number]) },
      { name: t.testLoss, points: s.testCurve.map((p) => [p.step, p.loss] as [number, number]), dashed: true },
    ],
    [s.trainCurve, s.testCurve, t.trainLoss, t.testLoss],
  );

  const numberSetter = (key: 'noise' | 'ratio' | 'batch' | 'seed') => (raw: string) => {
    const field = playgroundSchema[key];
    const n = Number(raw);
    if (!Number.isFinite(n)) return;
    const c = clampNumber(field, n);
    setNote(c !== n ? t.clamped(t.labels[key], formatNumber(c, lang)) : null);
    widget.update({ [key]: c } as Partial<PlaygroundValues>);
  };

  return (
    <WidgetFrame
      ref={rootRef}
      id={PLAYGROUND_ID}
      lang={lang}
      title={t.title}
      issues={widget.issues}
      onDismissIssues={widget.dismissIssues}
      onReset={widget.reset}
      link={() => widget.linkFor(rootRef.current)}
      data={{
        backend: s.backend?.name ?? '',
        status: s.status,
        step: s.step,
        loss: s.loss ?? '',
        'url-state': widget.loaded ? 'applied' : 'pending',
        'main-thread': s.mainThread ? 1 : 0,
      }}
    >
      <div ref={nearRef} className="playground">
        <div className="controls playground-controls">
          <fieldset className="control">
            <legend>{t.labels.dataset}</legend>
            <div className="chip-row">
              {DATASET_KINDS.map((d) => (
                <label key={d} className="chip chip-radio">
                  <input type="radio" name={`${uid}-dataset`} value={d} checked={v.dataset === d} onChange={() => widget.update({ dataset: d })} />
                  {t.datasets[d]}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="control">
            <label htmlFor={`${uid}-noise`}>
              {t.labels.noise}: <output>{v.noise}</output>
            </label>
            <input id={`${uid}-noise`} type="range" className="input-range" min={0} max={50} step={5} value={v.noise} onChange={(e) => numberSetter('noise')(e.target.value)} />
          </div>
          <div className="control">
            <label htmlFor={`${uid}-ratio`}>
              {t.labels.ratio}: <output>{v.ratio}%</output>
            </label>
            <input id={`${uid}-ratio`} type="range" className="input-range" min={10} max={90} step={10} value={v.ratio} onChange={(e) => numberSetter('ratio')(e.target.value)} />
          </div>
          <fieldset className="control">
            <legend>{t.labels.layers}</legend>
            <div className="layer-editor">
              {v.layers.map((units, i) => (
                <div key={i} className="layer" role="group" aria-label={t.layerN(i + 1)}>
                  <button type="button" className="button-quiet" aria-label={t.fewer(i + 1)} disabled={units <= 1} onClick={() => setLayers(v.layers.map((u, j) => (j === i ? u - 1 : u)))}>
                    −
                  </button>
                  <span className="layer-units" data-layer={i}>
                    {units}
                  </span>
                  <button
                    type="button"
                    className="button-quiet"
                    aria-label={t.more(i + 1)}
                    disabled={units >= CAPS.maxUnits}
                    onClick={() => setLayers(v.layers.map((u, j) => (j === i ? u + 1 : u)))}
                  >
                    +
                  </button>
                </div>
              ))}
              <button type="button" className="button-quiet" disabled={v.layers.length >= CAPS.maxHiddenLayers} onClick={() => setLayers([...v.layers, v.layers.at(-1) ?? 4])}>
                {t.addLayer}
              </button>
              <button type="button" className="button-quiet" disabled={v.layers.length === 0} onClick={() => setLayers(v.layers.slice(0, -1))}>
                {t.removeLayer}
              </button>
            </div>
            <p className="control-hint">{layerNote}</p>
          </fieldset>
          <div className="control">
            <label htmlFor={`${uid}-act`}>{t.labels.activation}</label>
            <select id={`${uid}-act`} value={v.activation} onChange={(e) => widget.update({ activation: e.target.value as PlaygroundValues['activation'] })}>
              {ACTIVATIONS.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
          </div>
          <div className="control">
            <label htmlFor={`${uid}-lr`}>{t.labels.lr}</label>
            <select id={`${uid}-lr`} value={String(v.lr)} onChange={(e) => widget.update({ lr: Number(e.target.value) })}>
              {[...new Set([...LEARNING_RATES, v.lr])]
                .sort((a, b) => a - b)
                .map((lr) => (
                  <option key={lr} value={String(lr)}>
                    {lr}
                  </option>
                ))}
            </select>
          </div>
          <div className="control">
            <label htmlFor={`${uid}-opt`}>{t.labels.optimizer}</label>
            <select id={`${uid}-opt`} value={v.optimizer} onChange={(e) => widget.update({ optimizer: e.target.value as PlaygroundValues['optimizer'] })}>
              {OPTIMIZERS.map((o) => (
                <option key={o} value={o}>
                  {t.optimizers[o]}
                </option>
              ))}
            </select>
          </div>
          <div className="control">
            <label htmlFor={`${uid}-batch`}>
              {t.labels.batch}: <output>{v.batch}</output>
            </label>
            <input id={`${uid}-batch`} type="range" className="input-range" min={1} max={100} step={1} value={Math.min(100, v.batch)} onChange={(e) => numberSetter('batch')(e.target.value)} />
          </div>
          <div className="control">
            <label htmlFor={`${uid}-l2`}>{t.labels.l2}</label>
            <select id={`${uid}-l2`} value={String(v.l2)} onChange={(e) => widget.update({ l2: Number(e.target.value) })}>
              {[...new Set([0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, v.l2])]
                .sort((a, b) => a - b)
                .map((l2) => (
                  <option key={l2} value={String(l2)}>
                    {l2}
                  </option>
                ))}
            </select>
          </div>
          <div className="control">
            <label htmlFor={`${uid}-seed`}>{t.labels.seed}</label>
            <input
              id={`${uid}-seed`}
              className="input-number"
              inputMode="numeric"
              defaultValue={v.seed}
              key={v.seed}
              onBlur={(e) => numberSetter('seed')(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') numberSetter('seed')((e.target as HTMLInputElement).value);
              }}
            />
          </div>
          <div className="control">
            <label htmlFor={`${uid}-backend`}>{t.labels.backend}</label>
            <select id={`${uid}-backend`} value={v.backend} onChange={(e) => widget.update({ backend: e.target.value as PlaygroundValues['backend'] })}>
              {BACKEND_CHOICES.map((b) => (
                <option key={b} value={b}>
                  {t.backends[b]}
                </option>
              ))}
            </select>
          </div>
        </div>
        {note ? (
          <p className="control-note" role="status">
            {note}
          </p>
        ) : null}

        <TrainControls
          lang={lang}
          status={s.status}
          ready={!!s.backend && s.refused.length === 0}
          onPlay={session.start}
          onPause={session.pause}
          onStep={() => session.step(1)}
          onReset={session.reset}
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
            <p className="calc-problems-title">{t.divergedTitle}</p>
            <p>{s.diverged[lang]}</p>
          </div>
        ) : null}
        {s.error ? (
          <div className="calc-problems" role="alert" data-testid="session-error">
            <p>{s.error[lang]}</p>
          </div>
        ) : null}

        <div className="playground-output">
          <div>
            <Heatmap boundary={s.boundary} resolution={s.resolution} points={s.points ?? null} size={280} dark={theme === 'dark'} label={t.heatmapLabel(v.dataset)} />
            <p className="widget-note">{t.legend}</p>
          </div>
          <div className="playground-stats">
            <dl className="results results-compact">
              <div className="result">
                <dt>{t.step}</dt>
                <dd data-result="playground.step" data-value={s.step}>
                  {formatNumber(s.step, lang)}
                </dd>
              </div>
              <div className="result">
                <dt>{t.trainLoss}</dt>
                <dd data-result="playground.loss" data-value={s.loss ?? undefined}>
                  {s.loss === null ? '—' : formatNumber(s.loss, lang, { digits: 3 })}
                </dd>
              </div>
              <div className="result">
                <dt>{t.testLoss}</dt>
                <dd data-result="playground.testLoss" data-value={s.testLoss ?? undefined}>
                  {s.testLoss === null ? '—' : formatNumber(s.testLoss, lang, { digits: 3 })}
                </dd>
              </div>
              <div className="result">
                <dt>{t.testAccuracy}</dt>
                <dd data-result="playground.testAccuracy" data-value={s.testAccuracy ?? undefined}>
                  {s.testAccuracy === null ? '—' : formatPercent(s.testAccuracy, lang, 1)}
                </dd>
              </div>
            </dl>
            {s.params !== null ? <p className="widget-note">{t.params(formatNumber(s.params, lang))}</p> : null}
            {s.trainCurve.length > 1 ? (
              <LineChart
                series={curves}
                xLabel={t.step}
                yLabel={t.loss}
                formatX={(x) => formatNumber(x, lang)}
                formatY={(y) => formatNumber(y, lang, { digits: 2 })}
                height={200}
              />
            ) : (
              <p className="widget-note">{t.noCurveYet}</p>
            )}
          </div>
        </div>
        <BackendBadge backend={s.backend} mainThread={s.mainThread} lang={lang} />
      </div>
    </WidgetFrame>
  );
}
