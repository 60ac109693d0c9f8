'use client';

import { useId, useState } from 'react';
import { NARROW_WIDGET, useMediaQuery } from '@/components/hooks/useMediaQuery';
import { LiveWidgetFrame, useLiveWidget, type LiveHandle } from '@/components/widgets/live/LiveWidget';
import { formatNumber, formatPercent } from '@/lib/format';
import { NUMBER_LOCALE, type Lang } from '@/lib/i18n';
import { dpSgdEpsilon } from '@/lib/ml/dp-accountant';
import {
  EMPTY_RUN_BOOK,
  hiddenLayers,
  privacyLab,
  privacyParams,
  recordRun,
  runEpsilon,
  samplingRate,
  stepsPerEpoch,
  type EpochRecord,
  type PrivacyLabValues,
} from '@/lib/widgets/privacy-lab';
import { RunsChart } from './RunsChart';
import styles from './PrivacyLab.module.css';

const NO_HISTORY: EpochRecord[] = [];

/** DP-SGD on MNIST: test accuracy and the ε spent so far, and the reader's runs side by side. */
export default function PrivacyLab({ lang, defaults }: { lang: Lang; defaults: PrivacyLabValues }) {
  const t = privacyLab.strings[lang];
  const live = useLiveWidget(privacyLab, defaults);
  const s = live.session.state;
  const v = live.settings.values;
  const narrow = useMediaQuery(NARROW_WIDGET, false);
  const [book, setBook] = useState(EMPTY_RUN_BOOK);
  const uid = useId();

  const info = s.info;
  const history = s.extra?.history ?? NO_HISTORY;
  const latest = history.length ? history[history.length - 1]! : null;
  // The run being shown: its own σ, C, batch and data size (the settings may already ask for the next run).
  const run = { noise: info?.noise ?? v.noise, clip: info?.clip ?? v.clip, batch: info?.batch ?? v.batch, trainSize: info?.trainSize ?? v.trainSize, delta: v.delta };
  // Record the run this frame belongs to (a new info object is a new run); same book back when nothing changed.
  const nextBook = recordRun(book, info, info ? run : null, latest);
  if (nextBook !== book) setBook(nextBook);

  const perEpoch = info?.stepsPerEpoch ?? stepsPerEpoch(v.trainSize, v.batch);
  const steps = s.step;
  const epoch = Math.floor(steps / perEpoch);
  const target = v.epochs * perEpoch;
  const m = s.metrics;
  const q = info?.q ?? samplingRate(run.batch, run.trainSize);
  // The accountant is pure and cheap: the page computes ε for the steps taken and the δ in force (the worker's frames
  // carry the same numbers, but a live change of δ sends no new frame).
  // Settings the task refuses (a batch larger than the training set: q > 1) have no ε; the refusal says why.
  const accountable = q > 0 && q <= 1;
  const account = accountable ? dpSgdEpsilon({ q, sigma: run.noise, steps, delta: v.delta }) : { epsilon: NaN, alpha: NaN };
  const epsilon = account.epsilon;
  const projected = accountable ? runEpsilon(run, target) : NaN;
  const params = info?.params ?? privacyParams(v.hidden, v.layers);
  const arch = ['784', ...hiddenLayers(v.hidden, v.layers).map(String), '10'].join('→');

  const fmtEps = (e: number) => (e === Infinity ? '∞' : Number.isNaN(e) ? '—' : formatNumber(e, lang, { digits: e < 10 ? 2 : 1 }));
  const pct = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? '—' : formatPercent(x, lang, 1));
  const num = (x: number) => x.toLocaleString(NUMBER_LOCALE[lang], { maximumFractionDigits: 6 });

  const output = (
    <div className={styles.output}>
      <div className={styles.headline}>
        <div className={styles.big}>
          <span className={styles.bigLabel}>{t.accuracy}</span>
          <strong data-result="privacyLab.accuracy" data-value={latest?.accuracy ?? ''}>
            {pct(latest?.accuracy)}
          </strong>
        </div>
        <div className={styles.big}>
          <span className={styles.bigLabel}>{t.epsilon}</span>
          <strong data-result="privacyLab.epsilon" data-value={epsilon}>
            {epsilon === Infinity ? t.infinity : fmtEps(epsilon)}
          </strong>
        </div>
      </div>
      <table className={styles.stats}>
        <tbody>
          <tr>
            <th scope="row">{t.delta}</th>
            <td data-result="privacyLab.delta" data-value={v.delta}>
              {num(v.delta)}
            </td>
            <th scope="row">{t.order}</th>
            <td data-result="privacyLab.alpha" data-value={Number.isFinite(epsilon) && steps > 0 ? account.alpha : ''}>
              {Number.isFinite(epsilon) && steps > 0 ? account.alpha : '—'}
            </td>
          </tr>
          <tr>
            <th scope="row">{t.noise}</th>
            <td data-result="privacyLab.noise" data-value={run.noise}>
              {num(run.noise)}
            </td>
            <th scope="row">{t.clip}</th>
            <td data-result="privacyLab.clip" data-value={run.clip}>
              {num(run.clip)}
            </td>
          </tr>
          <tr>
            <th scope="row">{t.steps}</th>
            <td data-result="privacyLab.steps" data-value={steps}>
              {formatNumber(steps, lang)} / {formatNumber(target, lang)}
            </td>
            <th scope="row">{t.epoch}</th>
            <td data-result="privacyLab.epoch" data-value={epoch}>
              {formatNumber(epoch, lang)} / {formatNumber(v.epochs, lang)}
            </td>
          </tr>
          <tr>
            <th scope="row">{t.loss}</th>
            <td data-result="privacyLab.loss" data-value={s.loss ?? ''}>
              {s.loss === null ? '—' : formatNumber(s.loss, lang, { digits: 3 })}
            </td>
            <th scope="row">{t.lastBatch}</th>
            <td data-result="privacyLab.batchSize" data-value={typeof m.batchSize === 'number' && steps > 0 ? m.batchSize : ''}>
              {typeof m.batchSize === 'number' && steps > 0 ? formatNumber(m.batchSize, lang) : '—'}
            </td>
          </tr>
        </tbody>
      </table>
      <p className={styles.line} data-result="privacyLab.projectedEpsilon" data-value={projected}>
        {t.projected(projected === Infinity ? t.infinity : fmtEps(projected), formatNumber(target, lang))}
      </p>
      {v.delta >= 1 / run.trainSize ? (
        <p className={styles.warning} role="note" data-testid="delta-warning">
          {t.deltaWarning(num(1 / run.trainSize))}
        </p>
      ) : null}
    </div>
  );

  const rows = book.rows;
  const below = (
    <div className={styles.runs}>
      <p className={styles.runsTitle} id={`${uid}-runs`}>
        {t.runs}
      </p>
      {rows.length ? (
        <>
          <figure className="chart">
            <figcaption className="chart-caption">{narrow ? t.chartCaptionShort : t.chartCaption}</figcaption>
            <div className="chart-plot" aria-hidden="true">
              <RunsChart
                rows={rows}
                currentId={book.currentId}
                xLabel={t.noise}
                yLabel={t.accuracy}
                formatEps={(e) => `ε ${fmtEps(e)}`}
                formatX={(x) => formatNumber(x, lang, { digits: Number.isInteger(x) ? 0 : 1 })}
                formatY={(y) => formatPercent(y, lang, 0)}
                height={narrow ? 170 : 220}
              />
            </div>
          </figure>
          <div className="table-scroll" tabIndex={0}>
            <table className={styles.runsTable} data-testid="runs" aria-labelledby={`${uid}-runs`}>
              <thead>
                <tr>
                  <th scope="col">{t.run}</th>
                  <th scope="col">σ</th>
                  <th scope="col">C</th>
                  <th scope="col">{t.batch}</th>
                  <th scope="col">{t.epoch}</th>
                  <th scope="col">ε</th>
                  <th scope="col">{t.accuracy}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id} data-run={r.id} data-noise={r.noise} data-clip={r.clip} data-epsilon={r.epsilon} data-accuracy={r.accuracy} data-current={r.id === book.currentId ? 1 : 0}>
                    <th scope="row">
                      {r.id}
                      {r.id === book.currentId ? <span className={styles.current}> ({t.current})</span> : null}
                    </th>
                    <td>{num(r.noise)}</td>
                    <td>{num(r.clip)}</td>
                    <td>
                      {formatNumber(r.batch, lang)} / {formatNumber(r.trainSize, lang)}
                    </td>
                    <td>{formatNumber(r.epoch, lang)}</td>
                    <td>{fmtEps(r.epsilon)}</td>
                    <td>{pct(r.accuracy)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : (
        <p className="widget-note">{t.noRuns}</p>
      )}
      <p className="widget-note">
        {info ? `${t.sampling(formatNumber(q, lang, { digits: 4 }), formatNumber(info.capacity, lang))} ` : null}
        {t.accountantNote}
        <span data-result="privacyLab.q" data-value={q} hidden />
        <span data-result="privacyLab.params" data-value={params} hidden />
      </p>
    </div>
  );

  return (
    <LiveWidgetFrame
      live={live as unknown as LiveHandle}
      lang={lang}
      description={<p>{t.intro(formatNumber(v.trainSize, lang), arch)}</p>}
      output={output}
      below={below}
      playLabel={t.train}
      stepLabel={t.stepEpoch}
      stepSize={perEpoch - (steps % perEpoch)}
      data={{ epoch, epsilon, accuracy: latest?.accuracy ?? '', runs: rows.length }}
    />
  );
}
