'use client';

import { useEffect, useId, useMemo, useState } from 'react';
import { ChartFrame } from '@/components/charts/ChartFrame';
import { LineChart } from '@/components/charts/LineChart';
import { NARROW_WIDGET, useMediaQuery } from '@/components/hooks/useMediaQuery';
import { LiveWidgetFrame, useLiveWidget, type LiveHandle } from '@/components/widgets/live/LiveWidget';
import { formatNumber, formatPercent } from '@/lib/format';
import { HTML_LANG, type Lang } from '@/lib/i18n';
import { deferralAt, perClassDeferral, type Deferral } from '@/lib/math/deferral';
import { normalizeText } from '@/lib/text/char-ngrams';
import {
  INTENT_COUNT,
  INTENT_IDS,
  INTENT_LABELS,
  MAX_MESSAGE,
  intentClassifier,
  intentClassifierSchema,
  topIntent,
  type IntentClassifierValues,
  type IntentPrediction,
} from '@/lib/widgets/intent-classifier';
import styles from './IntentClassifier.module.css';

const ID = intentClassifier.id;
/** Thresholds listed in the curve's table (the chart draws all hundred). */
const TABLE_THRESHOLDS = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 99];
/** At most this many automatic mistakes are listed. */
const MAX_MISTAKES = 8;
/** Typing settles for this long before the model is asked. */
const TYPING_MS = 250;

/** A customer-service intent model trained live, with a confidence threshold that decides what goes to a person. */
export default function IntentClassifier({ lang, defaults }: { lang: Lang; defaults: IntentClassifierValues }) {
  const t = intentClassifier.strings[lang];
  const names = INTENT_LABELS[lang];
  const live = useLiveWidget(intentClassifier, defaults);
  const s = live.session.state;
  const v = live.settings.values;
  const { request } = live.session;
  const narrow = useMediaQuery(NARROW_WIDGET, false);
  const uid = useId();
  const info = s.info;
  const extra = s.extra;
  const m = s.metrics;
  const threshold = v.threshold;
  const pct = (x: number | null | undefined, digits = 1) => (x == null || !Number.isFinite(x) ? '—' : formatPercent(x, lang, digits));
  const tText = formatNumber(threshold, lang, { digits: 2 });

  // What the threshold does to the held-out messages, from the latest scores (no round trip to the worker).
  const scored = info && extra && extra.predictions.length === info.heldOutLabels.length ? extra : null;
  const at = useMemo(() => (info && scored ? deferralAt(info.heldOutLabels, scored.predictions, scored.confidence, threshold) : null), [info, scored, threshold]);
  const perIntent = useMemo(
    () => (info && scored ? perClassDeferral(info.heldOutLabels, scored.predictions, scored.confidence, threshold, INTENT_COUNT) : null),
    [info, scored, threshold],
  );
  const mistakes = useMemo(() => {
    if (!info || !scored) return [];
    const out: { text: string; truth: number; said: number; p: number }[] = [];
    scored.predictions.forEach((p, i) => {
      if (p !== info.heldOutLabels[i] && scored.confidence[i]! >= threshold) out.push({ text: info.heldOutTexts[i]!, truth: info.heldOutLabels[i]!, said: p, p: scored.confidence[i]! });
    });
    return out.sort((a, b) => b.p - a.p);
  }, [info, scored, threshold]);

  // The curve over every threshold, computed in the worker at each frame.
  const curve = scored?.curve ?? null;
  const series = useMemo(() => {
    if (!curve) return [];
    return [
      { name: t.coverageSeries, points: curve.map((c) => [c.threshold, c.automated] as [number, number]) },
      { name: t.accuracySeries, points: curve.filter((c) => c.automatedAccuracy !== null).map((c) => [c.threshold, c.automatedAccuracy!] as [number, number]) },
      { name: t.errorSeries, points: curve.map((c) => [c.threshold, c.errorRate] as [number, number]), dashed: true },
    ];
  }, [curve, t]);

  // The typed message: asked once typing settles, and again whenever the model has moved on.
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text), TYPING_MS);
    return () => clearTimeout(timer);
  }, [text]);
  const [answer, setAnswer] = useState<{ query: string; reply: IntentPrediction } | null>(null);
  const ready = info !== null && (s.status === 'idle' || s.status === 'paused' || s.status === 'training');
  const modelStep = scored?.step ?? -1;
  const empty = normalizeText(query) === '';
  useEffect(() => {
    if (empty || !ready) return;
    let stale = false;
    void request('predict', query).then((reply) => {
      if (!stale && reply) setAnswer({ query, reply });
    });
    return () => {
      stale = true;
    };
  }, [query, empty, ready, modelStep, request]);
  const reply = answer && answer.query === query && !empty && ready ? answer.reply : null;
  const top = reply ? topIntent(reply.probs) : null;
  const automatedNow = top ? top.confidence >= threshold : null;

  const thresholdField = intentClassifierSchema.threshold;
  const thresholdControl = (
    <div className={`control ${styles.threshold}`} data-control="threshold">
      <span className="control-label">
        <label htmlFor={`${uid}-threshold`}>{t.thresholdLabel}</label>: <output htmlFor={`${uid}-threshold`}>{tText}</output>
      </span>
      <input
        id={`${uid}-threshold`}
        type="range"
        className="input-range"
        min={thresholdField.min}
        max={thresholdField.max}
        step={thresholdField.step}
        value={threshold}
        aria-valuetext={tText}
        aria-describedby={`${uid}-threshold-hint`}
        onChange={(e) => live.settings.update({ threshold: Math.min(thresholdField.max, Math.max(thresholdField.min, Math.round(Number(e.target.value) * 100) / 100)) })}
      />
      <p id={`${uid}-threshold-hint`} className="control-hint">
        {t.thresholdHint}
      </p>
    </div>
  );

  const output = (
    <div className={styles.output}>
      <dl className="results results-compact">
        <div className="result">
          <dt>{t.epoch}</dt>
          <dd data-result={`${ID}.epoch`} data-value={m.epoch ?? 0}>
            {formatNumber(m.epoch ?? 0, lang, { digits: 1 })} / {formatNumber(v.epochs, lang)}
          </dd>
        </div>
        <div className="result">
          <dt>{t.loss}</dt>
          <dd data-result={`${ID}.loss`} data-value={s.loss ?? undefined}>
            {s.loss === null ? '—' : formatNumber(s.loss, lang, { digits: 3 })}
          </dd>
        </div>
        <div className="result">
          <dt>{t.accuracy}</dt>
          <dd data-result={`${ID}.accuracy`} data-value={m.accuracy ?? undefined}>
            {pct(m.accuracy)}
          </dd>
        </div>
        <div className="result">
          <dt>{t.majority}</dt>
          <dd data-result={`${ID}.majority`} data-value={info?.majority.accuracy ?? undefined}>
            {pct(info?.majority.accuracy)}
            {info ? <span className="result-sub">{t.majorityHint(names[INTENT_IDS[info.majority.intent]!])}</span> : null}
          </dd>
        </div>
      </dl>
      {info ? (
        <p className="widget-note">
          {t.trainAccuracy}:{' '}
          <span data-result={`${ID}.trainAccuracy`} data-value={m.trainAccuracy ?? undefined}>
            {pct(m.trainAccuracy)}
          </span>{' '}
          · {t.heldOutLoss}:{' '}
          <span data-result={`${ID}.heldOutLoss`} data-value={m.heldOutLoss ?? undefined}>
            {m.heldOutLoss == null ? '—' : formatNumber(m.heldOutLoss, lang, { digits: 3 })}
          </span>{' '}
          · {t.architecture}: {info.architecture} · {t.params}:{' '}
          <span data-result={`${ID}.params`} data-value={info.params}>
            {formatNumber(info.params, lang)}
          </span>
        </p>
      ) : null}

      {thresholdControl}
      <section className={styles.deferral} aria-label={t.atThreshold(tText)}>
        <p className={styles.sectionTitle}>
          {t.atThreshold(tText)}
          <span className="visually-hidden" data-result={`${ID}.threshold`} data-value={threshold}>
            {tText}
          </span>
        </p>
        <dl className="results results-compact">
          <div className="result">
            <dt>{t.automated}</dt>
            <dd data-result={`${ID}.automated`} data-value={at?.automated ?? undefined}>
              {pct(at?.automated)}
              {at ? <span className="result-sub">{t.ofMessages(formatNumber(at.automatedCount, lang), formatNumber(at.total, lang))}</span> : null}
            </dd>
          </div>
          <div className="result">
            <dt>{t.automatedAccuracy}</dt>
            <dd data-result={`${ID}.automatedAccuracy`} data-value={at?.automatedAccuracy ?? undefined}>
              {pct(at?.automatedAccuracy)}
            </dd>
          </div>
          <div className="result">
            <dt>{t.errors}</dt>
            <dd data-result={`${ID}.errors`} data-value={at?.errors ?? undefined}>
              {at ? formatNumber(at.errors, lang) : '—'}
            </dd>
          </div>
          <div className="result">
            <dt>{t.handedOff}</dt>
            <dd data-result={`${ID}.handedOff`} data-value={at?.handedOff ?? undefined}>
              {at ? formatNumber(at.handedOff, lang) : '—'}
            </dd>
          </div>
        </dl>
      </section>

      <section className={styles.try} aria-labelledby={`${uid}-try`}>
        <p id={`${uid}-try`} className={styles.sectionTitle}>
          {t.tryTitle}
        </p>
        <div className="control">
          <label htmlFor={`${uid}-text`}>{t.tryLabel}</label>
          <input
            id={`${uid}-text`}
            name="intent-message"
            type="text"
            className={styles.textInput}
            value={text}
            placeholder={t.tryPlaceholder}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') setQuery(text);
            }}
          />
        </div>
        <div className={styles.answer} aria-live="polite">
          {text.length > MAX_MESSAGE ? <p className="widget-note">{t.tryTooLong(MAX_MESSAGE)}</p> : null}
          {empty ? (
            <p className="widget-note">{t.tryEmpty}</p>
          ) : reply && top ? (
            <>
              <p className={styles.prediction}>
                {t.prediction}:{' '}
                <strong data-result={`${ID}.prediction`} data-value={INTENT_IDS[top.index]}>
                  {names[INTENT_IDS[top.index]!]}
                </strong>{' '}
                · {t.confidence}:{' '}
                <strong data-result={`${ID}.confidence`} data-value={top.confidence}>
                  {pct(top.confidence)}
                </strong>
              </p>
              <p className={styles.route} data-result={`${ID}.routed`} data-value={automatedNow ? 'automated' : 'human'} data-routed={automatedNow ? 'automated' : 'human'}>
                {automatedNow ? t.routedAuto(names[INTENT_IDS[top.index]!]) : t.routedHuman}
              </p>
              {reply.step === 0 ? <p className="widget-note">{t.tryUntrained}</p> : null}
              <table className={styles.probs}>
                <caption className="visually-hidden">{t.probTable}</caption>
                <tbody>
                  {reply.probs.map((p, c) => (
                    <tr key={INTENT_IDS[c]} data-top={c === top.index ? '' : undefined}>
                      <th scope="row">{names[INTENT_IDS[c]!]}</th>
                      <td className={styles.barCell}>
                        <span className={styles.bar} style={{ width: `${(p * 100).toFixed(1)}%` }} />
                      </td>
                      <td className="num" data-result={`${ID}.probability`} data-intent={INTENT_IDS[c]} data-value={p}>
                        {pct(p)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : null}
        </div>
      </section>
    </div>
  );

  const below = (
    <div className={styles.below}>
      {curve ? (
        <ChartFrame
          caption={narrow ? t.curveShort : t.curveTitle}
          tableLabel={t.seeTable}
          table={{
            columns: [t.thresholdAxis, t.coverageSeries, t.accuracySeries, t.errors, t.handedOff],
            rows: TABLE_THRESHOLDS.map((k) => curve[k])
              .filter((c): c is Deferral => c !== undefined)
              .map((c) => [formatNumber(c.threshold, lang, { digits: 2 }), pct(c.automated), pct(c.automatedAccuracy), formatNumber(c.errors, lang), formatNumber(c.handedOff, lang)]),
          }}
        >
          <LineChart
            series={series}
            xLabel={t.thresholdAxis}
            yLabel={t.shareAxis}
            formatX={(x) => formatNumber(x, lang, { digits: 1 })}
            formatY={(y) => formatPercent(y, lang, 0)}
            markers={at ? [{ x: threshold, y: at.automated, label: t.marker(tText) }] : []}
            height={narrow ? 200 : 240}
          />
        </ChartFrame>
      ) : (
        <p className="widget-note">{t.curveEmpty}</p>
      )}

      {perIntent ? (
        <div className="table-scroll" tabIndex={0}>
          <table className={styles.table} data-table="per-intent">
            <caption>{t.perIntentTitle(tText)}</caption>
            <thead>
              <tr>
                <th scope="col">{t.intent}</th>
                <th scope="col" className="num">
                  {t.support}
                </th>
                <th scope="col" className="num">
                  {t.recall}
                </th>
                <th scope="col" className="num">
                  {t.precision}
                </th>
                <th scope="col" className="num">
                  {t.autoShare}
                </th>
                <th scope="col" className="num">
                  {t.autoErrors}
                </th>
                <th scope="col">{t.confusedWith}</th>
              </tr>
            </thead>
            <tbody>
              {perIntent.map((r, c) => (
                <tr key={INTENT_IDS[c]} data-intent={INTENT_IDS[c]}>
                  <th scope="row">{names[INTENT_IDS[c]!]}</th>
                  <td className="num">{formatNumber(r.support, lang)}</td>
                  <td className="num" data-result={`${ID}.recall`} data-intent={INTENT_IDS[c]} data-value={r.recall ?? undefined}>
                    {pct(r.recall, 0)}
                  </td>
                  <td className="num" data-result={`${ID}.precision`} data-intent={INTENT_IDS[c]} data-value={r.precision ?? undefined}>
                    {pct(r.precision, 0)}
                  </td>
                  <td className="num" data-result={`${ID}.intentAutomated`} data-intent={INTENT_IDS[c]} data-value={r.automated ?? undefined}>
                    {pct(r.automated, 0)}
                  </td>
                  <td className="num" data-result={`${ID}.intentErrors`} data-intent={INTENT_IDS[c]} data-value={r.errors}>
                    {formatNumber(r.errors, lang)}
                  </td>
                  <td>{r.confusedWith === null ? t.none : `${names[INTENT_IDS[r.confusedWith]!]} (${formatNumber(r.confusedCount, lang)})`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      {at ? (
        <section className={styles.mistakes} aria-labelledby={`${uid}-mistakes`}>
          <p id={`${uid}-mistakes`} className={styles.sectionTitle}>
            {t.mistakesTitle(tText)}
          </p>
          {mistakes.length === 0 ? (
            <p className="widget-note">{t.mistakesNone}</p>
          ) : (
            <>
              <ul className={styles.mistakeList} data-result={`${ID}.mistakes`} data-value={mistakes.length}>
                {mistakes.slice(0, MAX_MISTAKES).map((x) => (
                  <li key={x.text}>
                    <q lang={info ? HTML_LANG[info.lang] : undefined}>{x.text}</q>{' '}
                    <span className="widget-note">{t.mistakeLine(names[INTENT_IDS[x.truth]!], names[INTENT_IDS[x.said]!], pct(x.p, 0))}</span>
                  </li>
                ))}
              </ul>
              {mistakes.length > MAX_MISTAKES ? <p className="widget-note">{t.mistakesMore(mistakes.length - MAX_MISTAKES)}</p> : null}
            </>
          )}
        </section>
      ) : null}
    </div>
  );

  return (
    <LiveWidgetFrame
      live={live as unknown as LiveHandle}
      lang={lang}
      description={<p>{t.intro(info ? { total: info.trainCount + info.heldOutCount, heldOut: info.heldOutCount } : null)}</p>}
      output={output}
      below={below}
      playLabel={t.train}
      stepSize={info?.stepsPerEpoch ?? 1}
      data={{ data: v.data, epoch: m.epoch ?? 0 }}
    />
  );
}
