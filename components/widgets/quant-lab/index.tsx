'use client';

import { useEffect, useMemo, useState } from 'react';
import { ChartFrame } from '@/components/charts/ChartFrame';
import { LineChart } from '@/components/charts/LineChart';
import { LiveWidgetFrame, useLiveWidget, type LiveHandle } from '@/components/widgets/live/LiveWidget';
import { formatBytes, formatNumber, formatPercent } from '@/lib/format';
import type { Lang } from '@/lib/i18n';
import { BASE_PATH } from '@/lib/base-path';
import { compressSpec, quantLab, trainedAt, type CompressionReport, type QuantLabValues, type SweepReport } from '@/lib/widgets/quant-lab';

/** Trains a small MNIST model in the reader's browser, then quantizes, prunes or factorises it and measures the loss. */
export default function QuantizationLab({ lang, defaults }: { lang: Lang; defaults: QuantLabValues }) {
  const t = quantLab.strings[lang];
  const live = useLiveWidget(quantLab, defaults);
  const s = live.session.state;
  const v = live.settings.values;
  const { request } = live.session;
  const [current, setCurrent] = useState<CompressionReport | null>(null);
  const [sweep, setSweep] = useState<SweepReport | null>(null);

  const trained = s.step >= trainedAt(s.info, v.steps) && s.status === 'paused';
  const info = s.info;
  const update = live.settings.update;
  // Compression is a request to the trained run: it never retrains. Replies to superseded requests are dropped.
  const specKey = JSON.stringify(compressSpec(v));
  useEffect(() => {
    if (!trained) return;
    let stale = false;
    void request('compress', JSON.parse(specKey)).then((r) => {
      if (!stale && r) setCurrent(r);
    });
    return () => {
      stale = true;
      setCurrent(null);
    };
  }, [trained, specKey, request, s.step]);
  useEffect(() => {
    if (!trained) return;
    let stale = false;
    void request('sweep', { scheme: v.scheme, granularity: v.granularity }).then((r) => {
      if (!stale && r) setSweep(r);
    });
    return () => {
      stale = true;
      setSweep(null);
    };
  }, [trained, v.scheme, v.granularity, request, s.step]);

  const hist = useMemo(() => {
    if (!current) return null;
    const centers = current.before.edges.slice(0, -1).map((e, i) => (e + current.before.edges[i + 1]!) / 2);
    return {
      before: centers.map((c, i) => [c, current.before.counts[i]!] as [number, number]),
      after: centers.map((c, i) => [c, current.after.counts[i]!] as [number, number]),
    };
  }, [current]);

  const output = (
    <div className="quant-output">
      <p className="widget-note">
        {t.step}: <span data-result="quantLab.step" data-value={s.step}>{formatNumber(s.step, lang)}</span> / {formatNumber(v.steps, lang)} · {t.loss}:{' '}
        {s.loss === null ? '—' : formatNumber(s.loss, lang, { digits: 3 })}
      </p>
      {!trained ? (
        <p className="widget-note">{t.trainFirst}</p>
      ) : (
        <dl className="results results-compact">
          <div className="result">
            <dt>{t.float32}</dt>
            <dd data-result="quantLab.floatAccuracy" data-value={sweep?.floatAccuracy ?? undefined}>
              {sweep?.floatAccuracy != null ? formatPercent(sweep.floatAccuracy, lang, 1) : t.measuring}
            </dd>
          </div>
          <div className="result">
            <dt>{t.current}</dt>
            <dd data-result="quantLab.accuracy" data-value={current?.accuracy ?? undefined}>
              {current?.accuracy != null ? formatPercent(current.accuracy, lang, 1) : t.measuring}
            </dd>
          </div>
          <div className="result">
            <dt>{t.size}</dt>
            <dd data-result="quantLab.bytes" data-value={current?.bytes ?? undefined}>
              {current ? formatBytes(current.bytes, lang) : '—'}
            </dd>
          </div>
          <div className="result">
            <dt>{t.ratio}</dt>
            <dd data-result="quantLab.ratio" data-value={current ? current.floatBytes / current.bytes : undefined}>
              {current ? `${formatNumber(current.floatBytes / current.bytes, lang, { digits: 1 })}×` : '—'}
            </dd>
          </div>
        </dl>
      )}
    </div>
  );

  const below = trained ? (
    <div className="quant-charts">
      <div className="table-scroll" tabIndex={0}>
        <table className="quant-table">
          <caption>{t.tableCaption}</caption>
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
              <td className="num">{sweep?.floatAccuracy != null ? formatPercent(sweep.floatAccuracy, lang, 1) : t.measuring}</td>
              <td className="num">{sweep ? formatBytes(sweep.floatBytes, lang) : '—'}</td>
              <td className="num">1×</td>
            </tr>
            {sweep?.points.map((p) => (
              <tr key={p.bits} data-bits={p.bits}>
                <th scope="row">{t.bitRow(p.bits, t.short[v.scheme], t.short[v.granularity])}</th>
                <td className="num" data-result={`quantLab.accuracy${p.bits}`} data-value={p.accuracy ?? undefined}>
                  {p.accuracy != null ? formatPercent(p.accuracy, lang, 1) : '—'}
                </td>
                <td className="num">{formatBytes(p.bytes, lang)}</td>
                <td className="num">{`${formatNumber(sweep.floatBytes / p.bytes, lang, { digits: 1 })}×`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {sweep ? (
        <ChartFrame
          caption={t.sweepTitle(t.short[v.scheme], t.short[v.granularity])}
          tableLabel={t.seeTable}
          table={{ columns: [t.bits, t.accuracy], rows: sweep.points.map((p) => [p.bits, p.accuracy != null ? formatPercent(p.accuracy, lang, 1) : '—']) }}
        >
          <LineChart
            series={[{ name: t.accuracy, points: sweep.points.map((p) => [p.bits, p.accuracy ?? 0] as [number, number]) }]}
            xLabel={t.bitsAxis}
            yLabel={t.accuracy}
            formatX={(x) => formatNumber(x, lang)}
            formatY={(y) => formatPercent(y, lang, 0)}
            rules={sweep.floatAccuracy != null ? [{ y: sweep.floatAccuracy, label: 'float32' }] : []}
            height={200}
          />
        </ChartFrame>
      ) : null}
      {hist ? (
        <ChartFrame
          caption={t.histTitle}
          tableLabel={t.seeTable}
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
    </div>
  ) : null;

  return (
    <LiveWidgetFrame
      live={live as unknown as LiveHandle}
      lang={lang}
      description={
        <>
          <p>{t.intro(v.hidden)}</p>
          {info?.source === 'digits' && info.stored ? (
            <p className="widget-note" data-testid="quant-source">
              {t.usingStored(info.architecture, formatPercent(info.stored.testAccuracy, lang, 1), formatNumber(info.stored.step, lang))}
            </p>
          ) : info?.missing ? (
            <p className="widget-note" data-testid="quant-source">
              {t.missingStored} <a href={`${BASE_PATH}/${lang}/training-pipeline/#digits-trainer`}>{t.chapter4}</a>
            </p>
          ) : info?.stored ? (
            <p className="widget-note" data-testid="quant-source">
              {t.storedOffer([784, ...info.stored.hidden, 10].join(' → '), formatPercent(info.stored.testAccuracy, lang, 1))}{' '}
              <button type="button" className="button" onClick={() => update({ source: 'digits' })} data-action="use-stored">
                {t.useStored}
              </button>
            </p>
          ) : null}
        </>
      }
      output={output}
      below={below}
      playLabel={t.train}
      stepSize={10}
      data={{ trained: trained ? 1 : 0, source: info?.source }}
    />
  );
}
