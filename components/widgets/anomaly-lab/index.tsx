'use client';

import { useId, useMemo, useState, type ReactNode } from 'react';
import { ChartFrame } from '@/components/charts/ChartFrame';
import { LineChart } from '@/components/charts/LineChart';
import { SERIES_COLORS } from '@/components/charts/palette';
import { NARROW_WIDGET, useMediaQuery } from '@/components/hooks/useMediaQuery';
import { LiveWidgetFrame, useLiveWidget, type LiveHandle } from '@/components/widgets/live/LiveWidget';
import { formatNumber, formatPercent, formatUsd } from '@/lib/format';
import type { Lang } from '@/lib/i18n';
import { FEATURE_COUNT, logScoreRange, pointCost, quantileSorted, scoreHistogram, thin, thresholdReport } from '@/lib/ml/transactions';
import {
  ANOMALY_LAB_ID,
  STEPS_PER_EPOCH,
  TEST_SIZE,
  TRAIN_SIZE,
  anomalyLab,
  autoencoderLayers,
  autoencoderParams,
  epochOfStep,
  readAnomaly,
  type AnomalyLabValues,
} from '@/lib/widgets/anomaly-lab';
import styles from './AnomalyLab.module.css';
import { ScoreHistogram } from './ScoreHistogram';

type Curve = 'pr' | 'cost';
/** The cost chart runs from flagging nothing to flagging this share of the transactions. */
const COST_CHART_MAX_FLAG_RATE = 0.25;

/** One published number: the text the reader sees, the raw value for tests. */
function R({ name, value, children }: { name: string; value: number | null | undefined; children: ReactNode }) {
  return (
    <span data-result={`${ANOMALY_LAB_ID}.${name}`} data-value={value === null || value === undefined || !Number.isFinite(value) ? '' : value}>
      {children}
    </span>
  );
}

/** An autoencoder trained on normal transactions scores a held-out mix with injected frauds; the reader sets the threshold and the costs. */
export default function AnomalyLab({ lang, defaults }: { lang: Lang; defaults: AnomalyLabValues }) {
  const t = anomalyLab.strings[lang];
  const live = useLiveWidget(anomalyLab, defaults);
  const s = live.session.state;
  const v = live.settings.values;
  const narrow = useMediaQuery(NARROW_WIDGET, false);
  const [curve, setCurve] = useState<Curve>('pr');
  const switchId = useId();

  const info = s.info;
  const extra = s.extra;
  const ready = !!info && !!extra && extra.scores.length === info.labels.length;
  const reading = useMemo(
    () => (ready ? readAnomaly(extra!.scores, extra!.trainSorted, info!.labels, info!.kinds, { threshold: v.threshold, costFn: v.costFn, costFp: v.costFp }) : null),
    [ready, extra, info, v.threshold, v.costFn, v.costFp],
  );
  const baseline = useMemo(
    () => (info ? thresholdReport(info.baselineScores, info.labels, quantileSorted(info.baselineTrainSorted, v.threshold), v.costFn, v.costFp) : null),
    [info, v.threshold, v.costFn, v.costFp],
  );
  const range = useMemo(() => (ready ? logScoreRange(extra!.scores) : ([-2, 1] as [number, number])), [ready, extra]);
  const bins = narrow ? 24 : 36;
  const hist = useMemo(() => (ready ? scoreHistogram(extra!.scores, info!.labels, range[0], range[1], bins) : null), [ready, extra, info, range, bins]);

  const epoch = epochOfStep(s.step);
  const loss = s.metrics.loss ?? null;
  const params = info?.params ?? autoencoderParams(v.bottleneck);
  const arch = [FEATURE_COUNT, ...autoencoderLayers(v.bottleneck), FEATURE_COUNT].join('→');
  const r = reading?.report;
  const frauds = reading?.frauds ?? (info ? info.fraudsByKind.reduce((a, b) => a + b, 0) : null);

  const pct = (x: number | undefined | null, d = 1) => (x === undefined || x === null || !Number.isFinite(x) ? '—' : formatPercent(x, lang, d));
  const num = (x: number | undefined | null, d = 0) => (x === undefined || x === null || !Number.isFinite(x) ? '—' : formatNumber(x, lang, { digits: d }));
  const usd = (x: number | undefined | null) => (x === undefined || x === null || !Number.isFinite(x) ? '—' : formatUsd(x, lang, 0));
  const scoreText = (log10: number) => formatNumber(10 ** log10, lang, { digits: log10 < -1 ? 3 : log10 < 0 ? 2 : log10 < 1 ? 1 : 0 });
  // 0.98 → "98", 0.995 → "99.5", 0.9999 → "99.99" (no grouping needed below 100)
  const percentileText = String(Math.round(v.threshold * 10000) / 100);

  const prPoints = useMemo(() => (reading ? thin(reading.points.slice(1), 300).map((p) => [p.recall, p.precision] as [number, number]) : []), [reading]);
  const costPoints = useMemo(() => {
    if (!reading) return [];
    const within = reading.points.filter((p) => p.flagRate <= COST_CHART_MAX_FLAG_RATE);
    return thin(within, 300).map((p) => [p.flagRate, pointCost(p, reading.frauds, v.costFn, v.costFp)] as [number, number]);
  }, [reading, v.costFn, v.costFp]);
  const curveRows = useMemo(() => {
    if (!reading) return [];
    return thin(
      reading.points.filter((p) => p.flagRate <= COST_CHART_MAX_FLAG_RATE),
      25,
    ).map((p) => [
      Number.isFinite(p.threshold) ? formatNumber(p.threshold, lang, { digits: 3 }) : '∞',
      formatPercent(p.flagRate, lang, 1),
      formatPercent(p.precision, lang, 1),
      formatPercent(p.recall, lang, 1),
      formatUsd(pointCost(p, reading.frauds, v.costFn, v.costFp), lang, 0),
    ]);
  }, [reading, lang, v.costFn, v.costFp]);
  const histRows = useMemo(
    () =>
      hist
        ? hist.normal
            .map((n, i) => ({ n, f: hist.fraud[i]!, i }))
            .filter((b) => b.n + b.f > 0)
            .map((b) => [scoreText(hist.edges[b.i]!), scoreText(hist.edges[b.i + 1]!), b.n, b.f])
        : [],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [hist, lang],
  );

  const output = (
    <div className={styles.output}>
      <table className={styles.stats}>
        <tbody>
          <tr>
            <th scope="row">
              <abbr title={t.recallHint}>{t.recall}</abbr>
            </th>
            <td>
              <R name="recall" value={r?.recall}>
                {pct(r?.recall)}
              </R>
            </td>
          </tr>
          <tr>
            <th scope="row">
              <abbr title={t.chanceHint}>{t.chanceRecall}</abbr>
            </th>
            <td>
              <R name="chanceRecall" value={r?.chanceRecall}>
                {pct(r?.chanceRecall)}
              </R>
            </td>
          </tr>
          <tr>
            <th scope="row">
              <abbr title={t.precisionHint}>{t.precision}</abbr>
            </th>
            <td>
              <R name="precision" value={r?.precision}>
                {pct(r?.precision)}
              </R>
            </td>
          </tr>
          <tr>
            <th scope="row">
              <abbr title={t.flagRateHint}>{t.flagRate}</abbr>
            </th>
            <td>
              <R name="flagRate" value={r?.flagRate}>
                {pct(r?.flagRate)}
              </R>
            </td>
          </tr>
          <tr>
            <th scope="row">
              <abbr title={t.aucHint}>{t.auc}</abbr>
            </th>
            <td>
              <R name="auc" value={reading?.auc}>
                {num(reading?.auc, 3)}
              </R>
            </td>
          </tr>
          <tr>
            <th scope="row">{t.cost}</th>
            <td>
              <R name="cost" value={r?.cost}>
                {usd(r?.cost)}
              </R>
            </td>
          </tr>
        </tbody>
      </table>
      <p className={styles.line}>
        {t.epoch}{' '}
        <strong>
          <R name="epoch" value={epoch}>
            {formatNumber(epoch, lang)}
          </R>
        </strong>{' '}
        / {formatNumber(v.epochs, lang)} · {t.loss}{' '}
        <strong>
          <R name="loss" value={loss}>
            {num(loss, 3)}
          </R>
        </strong>
      </p>
      {reading && r ? (
        <div className={styles.reading} data-testid="anomaly-reading">
          <p>
            <R name="threshold" value={v.threshold}>
              {null}
            </R>
            <R name="scoreThreshold" value={reading.scoreThreshold}>
              {null}
            </R>
            {t.reading(
              percentileText,
              formatNumber(r.tp + r.fp, lang),
              formatNumber(TEST_SIZE, lang),
              pct(r.flagRate),
              formatNumber(r.tp, lang),
              formatNumber(reading.frauds, lang),
              pct(r.recall),
              pct(r.chanceRecall),
              formatNumber(r.fp, lang),
              pct(r.precision),
            )}
          </p>
          <p>
            {t.money(
              formatNumber(r.fn, lang),
              usd(v.costFn),
              usd(r.costMissed),
              formatNumber(r.fp, lang),
              usd(v.costFp),
              usd(r.costAlarms),
              usd(r.cost),
            )}
          </p>
          <p>
            {t.best(pct(reading.best.point.flagRate), pct(reading.best.point.recall), usd(reading.best.cost))}
          </p>
          <span hidden>
            <R name="flagged" value={r.tp + r.fp}>{null}</R>
            <R name="caught" value={r.tp}>{null}</R>
            <R name="frauds" value={reading.frauds}>{null}</R>
            <R name="falseAlarms" value={r.fp}>{null}</R>
            <R name="missed" value={r.fn}>{null}</R>
            <R name="costMissed" value={r.costMissed}>{null}</R>
            <R name="costAlarms" value={r.costAlarms}>{null}</R>
            <R name="bestCost" value={reading.best.cost}>{null}</R>
            <R name="bestFlagRate" value={reading.best.point.flagRate}>{null}</R>
            <R name="bestRecall" value={reading.best.point.recall}>{null}</R>
          </span>
        </div>
      ) : (
        <p className="widget-note">{t.noScores}</p>
      )}
      {info && baseline ? (
        <p className={styles.line}>
          {t.baseline(num(info.baselineAuc, 3), pct(baseline.recall), num(info.untrainedAuc, 3))}
          <R name="baselineAuc" value={info.baselineAuc}>
            {null}
          </R>
          <R name="untrainedAuc" value={info.untrainedAuc}>
            {null}
          </R>
          <R name="baselineRecall" value={baseline.recall}>
            {null}
          </R>
        </p>
      ) : null}
      {hist && reading ? (
        <ChartFrame caption={narrow ? t.histCaptionShort : t.histCaption} tableLabel={t.seeTable} table={{ columns: [t.binFrom, t.binTo, t.normalCount, t.fraudCount], rows: histRows }}>
          <ScoreHistogram
            edges={hist.edges}
            normal={hist.normalShare}
            fraud={hist.fraudShare}
            normalName={t.normal}
            fraudName={t.fraud}
            normalColor={SERIES_COLORS[0]!}
            fraudColor={SERIES_COLORS[3]!}
            threshold={Math.log10(Math.max(reading.scoreThreshold, 1e-12))}
            thresholdLabel={t.thresholdMark}
            xLabel={t.histX}
            yLabel={t.histY}
            formatX={(x) => scoreText(x)}
            height={narrow ? 170 : 210}
          />
        </ChartFrame>
      ) : null}
      {reading && r ? (
        <>
          <fieldset className={styles.switch}>
            <legend id={switchId}>{t.curveSwitch}</legend>
            <div className={`chip-row ${styles.chipRow}`}>
              {(['pr', 'cost'] as const).map((c) => (
                <label key={c} className="chip chip-radio">
                  <input type="radio" name={`${switchId}-curve`} value={c} checked={curve === c} onChange={() => setCurve(c)} />
                  {c === 'pr' ? t.prCurve : t.costCurve}
                </label>
              ))}
            </div>
          </fieldset>
          <ChartFrame
            caption={curve === 'pr' ? t.prCaption : t.costCaption}
            tableLabel={t.seeTable}
            table={{ columns: [t.scoreAtLeast, t.flagRate, t.precision, t.recall, t.cost], rows: curveRows }}
          >
            {curve === 'pr' ? (
              <LineChart
                series={[{ name: t.prCurve, points: prPoints }]}
                xLabel={t.recall}
                yLabel={t.precision}
                formatX={(x) => formatPercent(x, lang, 0)}
                formatY={(y) => formatPercent(y, lang, 0)}
                markers={[{ x: r.recall, y: r.precision, label: t.here }]}
                height={narrow ? 170 : 220}
              />
            ) : (
              <LineChart
                series={[{ name: t.costCurve, points: costPoints }]}
                xLabel={t.flagRateAxis}
                yLabel={t.costAxis}
                formatX={(x) => formatPercent(x, lang, 0)}
                formatY={(y) => formatNumber(y, lang)}
                markers={r.flagRate <= COST_CHART_MAX_FLAG_RATE ? [{ x: r.flagRate, y: r.cost, label: t.here }] : []}
                height={narrow ? 170 : 220}
              />
            )}
          </ChartFrame>
        </>
      ) : null}
    </div>
  );

  const below = (
    <>
      {reading ? (
        <div className={styles.kinds}>
          <div className="table-scroll" tabIndex={0}>
            <table className={styles.kindTable}>
              <caption className={styles.kindsTitle}>{t.kindsTitle}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.kind}</th>
                  <th scope="col">{t.inSet}</th>
                  <th scope="col">{t.caught}</th>
                  <th scope="col">{t.recall}</th>
                  <th scope="col">{t.kindAuc}</th>
                </tr>
              </thead>
              <tbody>
                {reading.byKind.map((k) => (
                  <tr key={k.kind} data-kind={k.kind}>
                    <th scope="row">{t.kindNames[k.kind]}</th>
                    <td>{formatNumber(k.count, lang)}</td>
                    <td>
                      <R name={`caught.${k.kind}`} value={k.caught}>
                        {formatNumber(k.caught, lang)}
                      </R>
                    </td>
                    <td>
                      <R name={`recall.${k.kind}`} value={k.recall}>
                        {pct(k.recall, 0)}
                      </R>
                    </td>
                    <td>{num(k.auc, 2)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="widget-note">{t.kindsNote}</p>
        </div>
      ) : null}
      <p className="widget-note">
        {t.arch}
        {arch} · {t.params}
        <R name="params" value={params}>{formatNumber(params, lang)}</R> · {t.stepsNote(STEPS_PER_EPOCH)}
      </p>
    </>
  );

  return (
    <LiveWidgetFrame
      live={live as unknown as LiveHandle}
      lang={lang}
      description={<p>{t.intro(formatNumber(TRAIN_SIZE, lang), formatNumber(TEST_SIZE, lang), frauds === null ? '—' : formatNumber(frauds, lang))}</p>}
      output={output}
      below={below}
      playLabel={t.train}
      stepLabel={t.stepEpoch}
      stepSize={STEPS_PER_EPOCH - (s.step % STEPS_PER_EPOCH)}
      data={{ epoch }}
    />
  );
}
