'use client';

import { useId, useMemo, useState } from 'react';
import { ChartFrame } from '@/components/charts/ChartFrame';
import { NARROW_WIDGET, useMediaQuery } from '@/components/hooks/useMediaQuery';
import { LiveWidgetFrame, useLiveWidget, type LiveHandle } from '@/components/widgets/live/LiveWidget';
import { formatNumber, formatPercent } from '@/lib/format';
import type { Lang } from '@/lib/i18n';
import {
  emptyHistory,
  epochOfStep,
  hiddenLayers,
  latestEpoch,
  overfitLab,
  overfitParams,
  readStopping,
  stepsPerEpoch,
  stepsToEpochEnd,
  stoppingSentence,
  type OverfitLabValues,
} from '@/lib/widgets/overfit-lab';
import { CurveChart } from './CurveChart';
import styles from './OverfitLab.module.css';

const EMPTY = emptyHistory();
type Metric = 'loss' | 'accuracy';

/** Learning curves per epoch on MNIST as the training set shrinks or the model grows, with Keras-style early stopping. */
export default function OverfitLab({ lang, defaults }: { lang: Lang; defaults: OverfitLabValues }) {
  const t = overfitLab.strings[lang];
  const live = useLiveWidget(overfitLab, defaults);
  const s = live.session.state;
  const v = live.settings.values;
  const narrow = useMediaQuery(NARROW_WIDGET, false);
  const [metric, setMetric] = useState<Metric>('loss');
  const switchId = useId();

  const history = s.extra?.history ?? EMPTY;
  const last = latestEpoch(history);
  const reading = useMemo(() => readStopping(history.valLoss, v.patience, v.minDelta), [history.valLoss, v.patience, v.minDelta]);
  const perEpoch = s.info?.stepsPerEpoch ?? stepsPerEpoch(v.trainSize, v.batch);
  const epoch = epochOfStep(s.step, perEpoch);
  const params = s.info?.params ?? overfitParams(v.hidden, v.layers);
  const n = formatNumber(v.trainSize, lang);
  const arch = ['784', ...hiddenLayers(v.hidden, v.layers).map(String), '10'].join('→');
  const stop = reading?.stopEpoch ?? null;

  const loss = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '—' : formatNumber(x, lang, { digits: 3 }));
  const pct = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '—' : formatPercent(x, lang, 1));
  const accGap = last ? last.trainAccuracy - last.valAccuracy : undefined;

  const rows = useMemo(
    () =>
      history.valLoss.map((_, i) => {
        const e = i + 1;
        const note = [reading?.bestEpoch === e ? t.bestMark(e) : '', stop === e ? t.stopMark(e) : ''].filter(Boolean).join(' · ');
        return [
          e,
          formatNumber(history.trainLoss[i]!, lang, { digits: 4 }),
          formatNumber(history.valLoss[i]!, lang, { digits: 4 }),
          formatNumber(history.valLoss[i]! - history.trainLoss[i]!, lang, { digits: 4 }),
          formatPercent(history.trainAccuracy[i]!, lang, 1),
          formatPercent(history.valAccuracy[i]!, lang, 1),
          note,
        ];
      }),
    [history, lang, reading?.bestEpoch, stop, t],
  );

  const output = (
    <div className={styles.output}>
      <table className={styles.stats}>
        <thead>
          <tr>
            <td />
            <th scope="col">{t.loss}</th>
            <th scope="col">{t.accuracy}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t.trainSet}</th>
            <td data-result="overfitLab.trainLoss" data-value={last?.trainLoss ?? undefined}>
              {loss(last?.trainLoss)}
            </td>
            <td data-result="overfitLab.trainAccuracy" data-value={last?.trainAccuracy ?? undefined}>
              {pct(last?.trainAccuracy)}
            </td>
          </tr>
          <tr>
            <th scope="row">{t.valSet}</th>
            <td data-result="overfitLab.valLoss" data-value={last?.valLoss ?? undefined}>
              {loss(last?.valLoss)}
            </td>
            <td data-result="overfitLab.valAccuracy" data-value={last?.valAccuracy ?? undefined}>
              {pct(last?.valAccuracy)}
            </td>
          </tr>
          <tr>
            <th scope="row">
              <abbr title={t.gapHint}>{t.gap}</abbr>
            </th>
            <td data-result="overfitLab.gap" data-value={last?.gap ?? undefined}>
              {last ? formatNumber(last.gap, lang, { digits: 3 }) : '—'}
            </td>
            <td data-result="overfitLab.accuracyGap" data-value={accGap ?? undefined}>
              {accGap === undefined ? '—' : t.points(formatNumber(accGap * 100, lang, { digits: 1 }))}
            </td>
          </tr>
        </tbody>
      </table>
      <p className={styles.line}>
        {t.epoch}{' '}
        <strong data-result="overfitLab.epoch" data-value={epoch}>
          {formatNumber(epoch, lang)}
        </strong>{' '}
        / {formatNumber(v.epochs, lang)} · {t.bestEpoch}{' '}
        <strong data-result="overfitLab.bestEpoch" data-value={reading?.bestEpoch ?? ''}>
          {reading ? reading.bestEpoch : '—'}
        </strong>{' '}
        · {t.stopEpoch}{' '}
        <strong data-result="overfitLab.stopEpoch" data-value={stop ?? ''}>
          {stop ?? t.notYet}
        </strong>
      </p>
      <p className={styles.reading} data-testid="stopping-reading">
        {stoppingSentence(lang, reading, v.trainSize)}
      </p>
      <fieldset className={styles.switch}>
        <legend id={switchId}>{t.show}</legend>
        <div className={`chip-row ${styles.chipRow}`}>
          {(['loss', 'accuracy'] as const).map((m) => (
            <label key={m} className="chip chip-radio">
              <input type="radio" name={`${switchId}-metric`} value={m} checked={metric === m} onChange={() => setMetric(m)} />
              {m === 'loss' ? t.loss : t.accuracy}
            </label>
          ))}
        </div>
      </fieldset>
      {history.valLoss.length ? (
        <ChartFrame
          caption={metric === 'loss' ? (narrow ? t.lossCaptionShort : t.lossCaption(n)) : narrow ? t.accuracyCaptionShort : t.accuracyCaption(n)}
          tableLabel={t.seeTable}
          table={{ columns: [t.epoch, t.trainLoss, t.valLoss, t.gap, t.trainAccuracy, t.valAccuracy, t.note], rows }}
        >
          {metric === 'loss' ? (
            <CurveChart
              train={history.trainLoss}
              val={history.valLoss}
              trainName={t.trainLoss}
              valName={t.valLoss}
              gapName={t.gapBand}
              epochs={v.epochs}
              xLabel={t.epoch}
              yLabel={t.loss}
              formatY={(y) => formatNumber(y, lang, { digits: 2 })}
              stop={stop !== null ? { epoch: stop, label: t.stopMark(stop) } : null}
              best={reading ? { epoch: reading.bestEpoch, label: t.bestMark(reading.bestEpoch) } : null}
              height={narrow ? 140 : 230}
            />
          ) : (
            <CurveChart
              train={history.trainAccuracy}
              val={history.valAccuracy}
              trainName={t.trainAccuracy}
              valName={t.valAccuracy}
              epochs={v.epochs}
              yDomain={[0, 1]}
              xLabel={t.epoch}
              yLabel={t.accuracy}
              formatY={(y) => formatPercent(y, lang, 0)}
              stop={stop !== null ? { epoch: stop, label: t.stopMark(stop) } : null}
              height={narrow ? 140 : 230}
            />
          )}
        </ChartFrame>
      ) : (
        <p className="widget-note">{t.noCurve}</p>
      )}
    </div>
  );

  const below = (
    <p className="widget-note">
      {t.params}: <span data-result="overfitLab.params" data-value={params}>{formatNumber(params, lang)}</span> · {t.steps(perEpoch)} · {t.lossNote}
    </p>
  );

  return (
    <LiveWidgetFrame
      live={live as unknown as LiveHandle}
      lang={lang}
      description={<p>{t.intro(n, arch)}</p>}
      output={output}
      below={below}
      playLabel={t.train}
      stepLabel={t.stepEpoch}
      stepSize={stepsToEpochEnd(s.step, perEpoch)}
      data={{ epoch, 'best-epoch': reading?.bestEpoch ?? '', 'stop-epoch': stop ?? '' }}
    />
  );
}
