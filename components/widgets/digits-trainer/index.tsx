'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ChartFrame } from '@/components/charts/ChartFrame';
import { LineChart } from '@/components/charts/LineChart';
import { NARROW_WIDGET, useMediaQuery } from '@/components/hooks/useMediaQuery';
import { LiveWidgetFrame, useLiveWidget, type LiveHandle } from '@/components/widgets/live/LiveWidget';
import { BASE_PATH } from '@/lib/base-path';
import { formatNumber, formatPercent } from '@/lib/format';
import type { Lang } from '@/lib/i18n';
import { averages, perClassMetrics } from '@/lib/math/classification';
import { digitsTrainer, type DigitsExamples, type DigitsTrainerValues } from '@/lib/widgets/digits-trainer';
import { ConfusionMatrix, type Cell } from './ConfusionMatrix';
import { DigitImage, DrawPad, type PadInput } from './DrawPad';
import styles from './DigitsTrainer.module.css';

const NONE: readonly { step: number; value: number }[] = [];

/** Trains an MNIST classifier in the reader's browser: curves, a clickable confusion matrix, per-class metrics, a pad. */
export default function DigitsTrainer({ lang, defaults }: { lang: Lang; defaults: DigitsTrainerValues }) {
  const t = digitsTrainer.strings[lang];
  const live = useLiveWidget(digitsTrainer, defaults);
  const s = live.session.state;
  const v = live.settings.values;
  const { request } = live.session;
  const narrow = useMediaQuery(NARROW_WIDGET, false);
  const evaluation = s.extra?.evaluation ?? null;
  const m = s.metrics;

  // Curves: the training loss the session reads back, and the test accuracy measured a few times an epoch.
  const lossCurve = s.curves.loss ?? NONE;
  const accCurve = s.curves.testAccuracy ?? NONE;
  const lossSeries = useMemo(() => [{ name: t.loss, points: lossCurve.map((p) => [p.step, p.value] as [number, number]) }], [lossCurve, t.loss]);
  const accSeries = useMemo(() => [{ name: t.accuracy, points: accCurve.map((p) => [p.step, p.value] as [number, number]) }], [accCurve, t.accuracy]);

  // The drawing pad: the prepared input, and the model's probabilities for it, asked again at every new evaluation.
  const [input, setInput] = useState<PadInput>({ pixels: null, reason: 'empty' });
  const [answer, setAnswer] = useState<{ input: PadInput; probs: number[] } | null>(null);
  const onInput = useCallback((i: PadInput) => setInput(i), []);
  const ready = s.info !== null && (s.status === 'idle' || s.status === 'paused' || s.status === 'training');
  const evaluatedAt = evaluation?.step ?? -1;
  useEffect(() => {
    if (!input.pixels || !ready) return;
    let stale = false;
    void request('predict', input.pixels).then((p) => {
      if (!stale && p) setAnswer({ input, probs: p });
    });
    return () => {
      stale = true;
    };
  }, [input, ready, evaluatedAt, request]);
  // Probabilities are shown only for the drawing they were computed for (none once the pad is cleared).
  const probs = answer && answer.input === input && input.pixels && ready ? answer.probs : null;
  const guess = probs ? probs.indexOf(Math.max(...probs)) : null;

  // The confusion matrix's selected cell and the digits behind it.
  const [selected, setSelected] = useState<Cell>({ row: 0, col: 0 });
  const [open, setOpen] = useState<Cell | null>(null);
  const [examples, setExamples] = useState<DigitsExamples | null>(null);
  const openKey = open ? `${open.row},${open.col}` : '';
  // Refresh the open cell's digits when the training is paused or done, not at every frame of a running model.
  const settled = s.status !== 'training' ? evaluatedAt : -2;
  useEffect(() => {
    if (!openKey || settled === -2) return;
    const [actual, predicted] = openKey.split(',').map(Number) as [number, number];
    let stale = false;
    void request('examples', { actual, predicted }).then((r) => {
      if (!stale && r) setExamples(r);
    });
    return () => {
      stale = true;
    };
  }, [openKey, settled, request]);
  const examplesRef = useRef<HTMLDivElement>(null);

  const perClass = useMemo(() => (evaluation ? perClassMetrics(evaluation.confusion) : null), [evaluation]);
  const macro = useMemo(() => (perClass && perClass.some((c) => c.support > 0) ? averages(perClass).macro : null), [perClass]);
  const untrained = s.step === 0;

  // On a phone the pad comes after the controls (and the Train button); beside them on a wider screen.
  const padSection = (
    <section className={styles.padArea} aria-label={t.padTitle}>
      <p className={styles.sectionTitle}>{t.padTitle}</p>
      <div className={styles.padRow}>
        <DrawPad label={t.padLabel} help={t.padHelp} clearLabel={t.clear} onInput={onInput} />
        <div className={styles.padResult} aria-live="polite">
          {input.pixels ? (
            <figure className={styles.preview}>
              <DigitImage pixels={input.pixels} label={t.preprocessedAlt} size={84} />
              <figcaption className="widget-note">{t.preprocessed}</figcaption>
            </figure>
          ) : null}
          {!input.pixels ? (
            <p className="widget-note">{input.reason === 'tooSmall' ? t.tooSmall : t.drawFirst}</p>
          ) : probs && guess !== null ? (
            <>
              <p className={styles.guess} data-result="digitsTrainer.guess" data-value={guess}>
                {t.guess(guess, formatPercent(probs[guess]!, lang, 1))}
              </p>
              {untrained ? <p className="widget-note">{t.trainToGuess}</p> : null}
              <table className={styles.probs}>
                <caption className="visually-hidden">{t.probTable}</caption>
                <tbody>
                  {probs.map((p, d) => (
                    <tr key={d} data-top={d === guess ? '' : undefined}>
                      <th scope="row">{d}</th>
                      <td className={styles.barCell}>
                        <span className={styles.bar} style={{ width: `${(p * 100).toFixed(1)}%` }} />
                      </td>
                      <td className="num" data-result="digitsTrainer.probability" data-digit={d} data-value={p}>
                        {formatPercent(p, lang, 1)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : null}
        </div>
      </div>
    </section>
  );

  const output = (
    <div className={styles.output}>
      <dl className="results results-compact">
        <div className="result">
          <dt>{t.epoch}</dt>
          <dd data-result="digitsTrainer.epoch" data-value={m.epoch ?? 0}>
            {formatNumber(m.epoch ?? 0, lang, { digits: 2 })} / {formatNumber(v.epochs, lang)}
          </dd>
        </div>
        <div className="result">
          <dt>{t.loss}</dt>
          <dd data-result="digitsTrainer.loss" data-value={s.loss ?? undefined}>
            {s.loss === null ? '—' : formatNumber(s.loss, lang, { digits: 3 })}
          </dd>
        </div>
        <div className="result">
          <dt>{t.testLoss}</dt>
          <dd data-result="digitsTrainer.testLoss" data-value={m.testLoss ?? undefined}>
            {m.testLoss == null ? '—' : formatNumber(m.testLoss, lang, { digits: 3 })}
          </dd>
        </div>
        <div className="result">
          <dt>{t.accuracy}</dt>
          <dd data-result="digitsTrainer.testAccuracy" data-value={m.testAccuracy ?? undefined}>
            {m.testAccuracy == null ? '—' : formatPercent(m.testAccuracy, lang, 1)}
          </dd>
        </div>
      </dl>
      {s.info ? (
        <p className="widget-note">
          {t.architecture}: {s.info.architecture} · {t.params}:{' '}
          <span data-result="digitsTrainer.params" data-value={s.info.params}>
            {formatNumber(s.info.params, lang)}
          </span>
        </p>
      ) : null}
      {s.extra?.storedStep != null && v.model === 'mlp' ? (
        <p className="widget-note" data-testid="digits-kept">
          {t.kept} <a href={`${BASE_PATH}/${lang}/deployment/?quantLab.source=digits#quantization-lab`}>{t.keptLink}</a>
        </p>
      ) : null}
      <div className={styles.curves}>
        {lossCurve.length > 1 ? (
          <ChartFrame
            caption={t.curvesTitle}
            tableLabel={t.seeTable}
            table={{
              columns: [t.step, t.loss, t.accuracy],
              rows: accCurve.map((p) => [p.step, formatNumber(nearest(lossCurve, p.step), lang, { digits: 3 }), formatPercent(p.value, lang, 1)]),
            }}
          >
            <LineChart
              series={lossSeries}
              xLabel={t.stepAxis}
              yLabel={t.lossAxis}
              formatX={(x) => formatNumber(x, lang)}
              formatY={(y) => formatNumber(y, lang, { digits: 1 })}
              height={narrow ? 110 : 140}
            />
            {accCurve.length > 1 ? (
              <LineChart
                series={accSeries}
                xLabel={t.stepAxis}
                yLabel={t.accuracyAxis}
                formatX={(x) => formatNumber(x, lang)}
                formatY={(y) => formatPercent(y, lang, 0)}
                height={narrow ? 110 : 140}
              />
            ) : null}
          </ChartFrame>
        ) : null}
      </div>
      {narrow ? null : padSection}
    </div>
  );

  const below = (
    <div className={styles.below}>
      {narrow ? padSection : null}
      {evaluation ? (
        <>
          <ConfusionMatrix
            confusion={evaluation.confusion}
            lang={lang}
            title={t.confusionTitle}
            hint={t.confusionHint}
            actual={t.actual}
            predicted={t.predicted}
            cellLabel={t.cellLabel}
            selected={selected}
            onSelect={setSelected}
            onOpen={(c) => {
              setOpen(c);
              setExamples(null);
              requestAnimationFrame(() => examplesRef.current?.scrollIntoView({ block: 'nearest' }));
            }}
          />
          <div ref={examplesRef} className={styles.examples} aria-live="polite" data-examples={examples ? `${examples.actual},${examples.predicted}` : undefined}>
            {open && examples && examples.actual === open.row && examples.predicted === open.col ? (
              <>
                <p className={styles.sectionTitle}>
                  {examples.total === 0 ? t.noExamples : t.examplesTitle(examples.actual, examples.predicted, examples.total, examples.indices.length)}
                </p>
                <ul className={styles.exampleList} data-result="digitsTrainer.examples" data-value={examples.indices.length}>
                  {examples.indices.map((idx, k) => (
                    <li key={idx}>
                      <DigitImage pixels={examples.images.subarray(k * 784, (k + 1) * 784)} scale={255} size={56} label={t.cellLabel(examples.actual, examples.predicted, 1)} />
                      <span className="widget-note">
                        {t.confidence} {formatPercent(examples.confidence[k]!, lang, 0)}
                      </span>
                    </li>
                  ))}
                </ul>
                <button type="button" className="button" onClick={() => setOpen(null)}>
                  {t.closeExamples}
                </button>
              </>
            ) : null}
          </div>
          {perClass ? (
            <div className="table-scroll" tabIndex={0}>
              <table className={styles.metrics}>
                <caption>{t.perClassTitle}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.digit}</th>
                    <th scope="col" className="num">
                      {t.precision}
                    </th>
                    <th scope="col" className="num">
                      {t.recall}
                    </th>
                    <th scope="col" className="num">
                      {t.f1}
                    </th>
                    <th scope="col" className="num">
                      {t.support}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {perClass.map((c, d) => (
                    <tr key={d}>
                      <th scope="row">{d}</th>
                      <td className="num" data-result="digitsTrainer.precision" data-digit={d} data-value={c.precision}>
                        {formatPercent(c.precision, lang, 1)}
                      </td>
                      <td className="num" data-result="digitsTrainer.recall" data-digit={d} data-value={c.recall}>
                        {formatPercent(c.recall, lang, 1)}
                      </td>
                      <td className="num" data-result="digitsTrainer.f1" data-digit={d} data-value={c.f1}>
                        {formatPercent(c.f1, lang, 1)}
                      </td>
                      <td className="num">{formatNumber(c.support, lang)}</td>
                    </tr>
                  ))}
                </tbody>
                {macro ? (
                  <tfoot>
                    <tr>
                      <th scope="row">{t.macro}</th>
                      <td className="num">{formatPercent(macro.precision, lang, 1)}</td>
                      <td className="num">{formatPercent(macro.recall, lang, 1)}</td>
                      <td className="num" data-result="digitsTrainer.macroF1" data-value={macro.f1}>
                        {formatPercent(macro.f1, lang, 1)}
                      </td>
                      <td className="num">
                        {formatNumber(
                          perClass.reduce((sum, c) => sum + c.support, 0),
                          lang,
                        )}
                      </td>
                    </tr>
                  </tfoot>
                ) : null}
              </table>
            </div>
          ) : null}
        </>
      ) : null}
    </div>
  );

  return (
    <LiveWidgetFrame
      live={live as unknown as LiveHandle}
      lang={lang}
      description={<p>{t.intro(s.info?.trainCount ?? 6000, s.info?.testCount ?? 1000)}</p>}
      output={output}
      below={below}
      playLabel={t.train}
      stepSize={10}
      data={{ model: v.model, stored: s.extra?.storedStep ?? undefined }}
    />
  );
}

/** The value of the curve point at or before `step` (the loss read back last before a test measurement). */
function nearest(curve: readonly { step: number; value: number }[], step: number): number {
  let v = NaN;
  for (const p of curve) {
    if (p.step > step) break;
    v = p.value;
  }
  return v;
}
