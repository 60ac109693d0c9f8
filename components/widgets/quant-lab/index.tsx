'use client';

import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { ChartFrame } from '@/components/charts/ChartFrame';
import { LineChart } from '@/components/charts/LineChart';
import { useNearViewport } from '@/components/hooks/useNearViewport';
import { useWidgetState } from '@/components/hooks/useWidgetState';
import { WidgetFrame } from '@/components/widgets/WidgetFrame';
import { BackendBadge } from '@/components/widgets/training/BackendBadge';
import { TrainControls } from '@/components/widgets/training/TrainControls';
import { useTrainingSession } from '@/components/widgets/training/useTrainingSession';
import { BASE_PATH } from '@/lib/base-path';
import { formatBytes, formatNumber, formatPercent } from '@/lib/format';
import type { Lang } from '@/lib/i18n';
import type { CompressSpec } from '@/lib/training/protocol';
import { BACKEND_CHOICES } from '@/lib/widgets/playground';
import { QUANT_LAB_ID, QUANT_LAB_METHODS, quantLabSchema, type QuantLabValues } from '@/lib/widgets/quant-lab';
import { STRINGS } from './strings';

function specOf(v: QuantLabValues): CompressSpec {
  if (v.method === 'prune') return { method: 'prune', sparsity: v.sparsity / 100 };
  if (v.method === 'lowRank') return { method: 'lowRank', rank: v.rank };
  return { method: 'quantize', bits: Number(v.bits) as 8 | 4 | 2 | 1, scheme: v.scheme, granularity: v.granularity };
}

/** Trains a small MNIST model in the reader's browser, then quantizes, prunes or factorises it and measures the loss. */
export default function QuantizationLab({ lang, defaults }: { lang: Lang; defaults: QuantLabValues }) {
  const t = STRINGS[lang];
  const uid = useId();
  const widget = useWidgetState(QUANT_LAB_ID, quantLabSchema, defaults);
  const v = widget.values;
  const [nearRef, near] = useNearViewport<HTMLDivElement>('600px');
  const session = useTrainingSession(near && widget.loaded);
  const s = session.state;
  const rootRef = useRef<HTMLElement>(null);
  const nextId = useRef(1);
  const [currentId, setCurrentId] = useState(0);
  const [sweepId, setSweepId] = useState(0);

  // The model depends only on hidden, steps, seed and backend; compression settings never retrain it.
  const modelKey = JSON.stringify([v.hidden, v.steps, v.seed, v.backend]);
  const { configure, compress, sweep } = session;
  useEffect(() => {
    if (!near || !widget.loaded) return;
    const [hidden, steps, seed, backend] = JSON.parse(modelKey) as [number, number, number, QuantLabValues['backend']];
    configure({
      task: 'quantLab',
      settings: { ...defaults, hidden, steps, seed, backend },
      prefer: backend === 'auto' ? undefined : backend,
      basePath: BASE_PATH,
      dataUrl: `${window.location.origin}${BASE_PATH}/data/mnist-subset.bin`,
    });
  }, [modelKey, near, widget.loaded, configure, defaults]);

  const trained = s.step >= v.steps && s.status === 'paused';
  const specKey = JSON.stringify(specOf(v));
  useEffect(() => {
    if (!trained) return;
    const id = nextId.current++;
    setCurrentId(id);
    compress(JSON.parse(specKey) as CompressSpec, id);
  }, [trained, specKey, compress]);
  useEffect(() => {
    if (!trained) return;
    const id = nextId.current++;
    setSweepId(id);
    sweep(v.scheme, v.granularity, id);
  }, [trained, v.scheme, v.granularity, sweep]);

  const current = s.compressions.find((c) => c.id === currentId) ?? null;
  const sw = s.sweep && s.sweep.id === sweepId ? s.sweep : null;

  const hist = useMemo(() => {
    if (!current) return null;
    const centers = current.before.edges.slice(0, -1).map((e, i) => (e + current.before.edges[i + 1]!) / 2);
    return {
      before: centers.map((c, i) => [c, current.before.counts[i]!] as [number, number]),
      after: centers.map((c, i) => [c, current.after.counts[i]!] as [number, number]),
    };
  }, [current]);

  const numberField = (key: 'sparsity' | 'rank' | 'hidden' | 'steps' | 'seed', label: string, step = 1) => {
    const f = quantLabSchema[key];
    return (
      <div className="control" key={key}>
        <label htmlFor={`${uid}-${key}`}>
          {label}: <output>{v[key]}{key === 'sparsity' ? '%' : ''}</output>
        </label>
        <input
          id={`${uid}-${key}`}
          type="range"
          className="input-range"
          min={f.min}
          max={key === 'seed' ? 100 : f.max}
          step={step}
          value={v[key]}
          onChange={(e) => widget.update({ [key]: Number(e.target.value) } as Partial<QuantLabValues>)}
        />
      </div>
    );
  };

  return (
    <WidgetFrame
      ref={rootRef}
      id={QUANT_LAB_ID}
      lang={lang}
      title={t.title}
      description={<p>{t.intro(v.hidden)}</p>}
      issues={widget.issues}
      onDismissIssues={widget.dismissIssues}
      onReset={widget.reset}
      link={() => widget.linkFor(rootRef.current)}
      data={{ backend: s.backend?.name ?? '', status: s.status, step: s.step, loss: s.loss ?? '', 'url-state': widget.loaded ? 'applied' : 'pending', trained: trained ? 1 : 0 }}
    >
      <div ref={nearRef}>
        <TrainControls lang={lang} status={s.status} ready={!!s.backend} playLabel={t.train} onPlay={session.start} onPause={session.pause} onStep={() => session.step(10)} onReset={session.reset} />
        <p className="widget-note">
          {t.step}: {formatNumber(s.step, lang)} / {formatNumber(v.steps, lang)} · {t.loss}: {s.loss === null ? '—' : formatNumber(s.loss, lang, { digits: 3 })}
        </p>
        {s.error ? (
          <div className="calc-problems" role="alert" data-testid="session-error">
            <p>{s.error[lang]}</p>
          </div>
        ) : null}
        {s.refused.length ? (
          <div className="calc-problems" role="alert" data-testid="refused">
            <ul>
              {s.refused.map((p) => (
                <li key={p.en}>{p[lang]}</li>
              ))}
            </ul>
          </div>
        ) : null}

        <div className="controls">
          <fieldset className="control">
            <legend>{t.method}</legend>
            <div className="chip-row">
              {QUANT_LAB_METHODS.map((m) => (
                <label key={m} className="chip chip-radio">
                  <input type="radio" name={`${uid}-method`} value={m} checked={v.method === m} onChange={() => widget.update({ method: m })} />
                  {t.methods[m]}
                </label>
              ))}
            </div>
          </fieldset>
          {v.method === 'quantize' ? (
            <>
              <fieldset className="control">
                <legend>{t.bits}</legend>
                <div className="chip-row">
                  {(['8', '4', '2', '1'] as const).map((b) => (
                    <label key={b} className="chip chip-radio">
                      <input type="radio" name={`${uid}-bits`} value={b} checked={v.bits === b} onChange={() => widget.update({ bits: b })} />
                      {b}
                    </label>
                  ))}
                </div>
              </fieldset>
              <div className="control">
                <label htmlFor={`${uid}-scheme`}>{t.scheme}</label>
                <select id={`${uid}-scheme`} value={v.scheme} onChange={(e) => widget.update({ scheme: e.target.value as QuantLabValues['scheme'] })}>
                  <option value="symmetric">{t.schemes.symmetric}</option>
                  <option value="affine">{t.schemes.affine}</option>
                </select>
              </div>
              <div className="control">
                <label htmlFor={`${uid}-gran`}>{t.granularity}</label>
                <select id={`${uid}-gran`} value={v.granularity} onChange={(e) => widget.update({ granularity: e.target.value as QuantLabValues['granularity'] })}>
                  <option value="channel">{t.granularities.channel}</option>
                  <option value="tensor">{t.granularities.tensor}</option>
                </select>
              </div>
            </>
          ) : v.method === 'prune' ? (
            numberField('sparsity', t.sparsity)
          ) : (
            numberField('rank', t.rank)
          )}
        </div>
        <details className="calc-advanced">
          <summary>{t.more}</summary>
          <div className="controls">
            {numberField('hidden', t.hidden, 8)}
            {numberField('steps', t.steps, 50)}
            {numberField('seed', t.seed)}
            <div className="control">
              <label htmlFor={`${uid}-backend`}>{t.backend}</label>
              <select id={`${uid}-backend`} value={v.backend} onChange={(e) => widget.update({ backend: e.target.value as QuantLabValues['backend'] })}>
                {BACKEND_CHOICES.map((b) => (
                  <option key={b} value={b}>
                    {t.backends[b]}
                  </option>
                ))}
              </select>
            </div>
          </div>
        </details>

        {!trained ? (
          <p className="widget-note">{t.trainFirst}</p>
        ) : (
          <>
            <div className="table-scroll" tabIndex={0}>
              <table className="quant-table">
                <thead>
                  <tr>
                    <th scope="col">{t.model}</th>
                    <th scope="col" className="num">{t.accuracy}</th>
                    <th scope="col" className="num">{t.size}</th>
                    <th scope="col" className="num">{t.ratio}</th>
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    <th scope="row">{t.float32}</th>
                    <td className="num" data-result="quantLab.floatAccuracy" data-value={sw?.floatAccuracy ?? undefined}>
                      {sw?.floatAccuracy != null ? formatPercent(sw.floatAccuracy, lang, 1) : t.measuring}
                    </td>
                    <td className="num">{sw ? formatBytes(sw.floatBytes, lang) : '—'}</td>
                    <td className="num">1×</td>
                  </tr>
                  <tr>
                    <th scope="row">{t.current}</th>
                    <td className="num" data-result="quantLab.accuracy" data-value={current?.accuracy ?? undefined}>
                      {current?.accuracy != null ? formatPercent(current.accuracy, lang, 1) : t.measuring}
                    </td>
                    <td className="num" data-result="quantLab.bytes" data-value={current?.bytes ?? undefined}>
                      {current ? formatBytes(current.bytes, lang) : '—'}
                    </td>
                    <td className="num">{current ? `${formatNumber(current.floatBytes / current.bytes, lang, { digits: 1 })}×` : '—'}</td>
                  </tr>
                  {sw?.points.map((p) => (
                    <tr key={p.bits} data-bits={p.bits}>
                      <th scope="row">
                        {p.bits}-bit ({t.short[v.scheme]}, {t.short[v.granularity]})
                      </th>
                      <td className="num" data-result={`quantLab.accuracy${p.bits}`} data-value={p.accuracy ?? undefined}>
                        {p.accuracy != null ? formatPercent(p.accuracy, lang, 1) : '—'}
                      </td>
                      <td className="num">{formatBytes(p.bytes, lang)}</td>
                      <td className="num">{`${formatNumber(sw.floatBytes / p.bytes, lang, { digits: 1 })}×`}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {sw ? (
              <ChartFrame
                caption={t.sweepTitle(t.short[v.scheme], t.short[v.granularity])}
                tableLabel={lang === 'zh' ? '以表格查看' : 'See as a table'}
                table={{ columns: [t.bits, t.accuracy], rows: sw.points.map((p) => [p.bits, p.accuracy != null ? formatPercent(p.accuracy, lang, 1) : '—']) }}
              >
                <LineChart
                  series={[{ name: t.accuracy, points: sw.points.map((p) => [p.bits, p.accuracy ?? 0] as [number, number]) }]}
                  xLabel={t.bitsAxis}
                  yLabel={t.accuracy}
                  formatX={(x) => formatNumber(x, lang)}
                  formatY={(y) => formatPercent(y, lang, 0)}
                  rules={sw.floatAccuracy != null ? [{ y: sw.floatAccuracy, label: 'float32' }] : []}
                  height={200}
                />
              </ChartFrame>
            ) : null}
            {hist ? (
              <ChartFrame
                caption={t.histTitle}
                tableLabel={lang === 'zh' ? '以表格查看' : 'See as a table'}
                table={{ columns: [t.weight, t.before, t.after], rows: hist.before.filter((_, i) => i % 4 === 0).map(([x, c], i) => [formatNumber(x, lang, { digits: 3 }), c, hist.after[i * 4]?.[1] ?? 0]) }}
              >
                <LineChart
                  series={[
                    { name: t.before, points: hist.before },
                    { name: t.after, points: hist.after, dashed: true },
                  ]}
                  xLabel={t.weight}
                  yLabel={t.count}
                  formatX={(x) => formatNumber(x, lang, { digits: 2 })}
                  formatY={(y) => formatNumber(y, lang)}
                  height={200}
                />
              </ChartFrame>
            ) : null}
          </>
        )}
        <BackendBadge backend={s.backend} mainThread={s.mainThread} lang={lang} />
      </div>
    </WidgetFrame>
  );
}
