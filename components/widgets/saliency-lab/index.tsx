'use client';

import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { LiveWidgetFrame, useLiveWidget, type LiveHandle } from '@/components/widgets/live/LiveWidget';
import { BASE_PATH } from '@/lib/base-path';
import { formatNumber, formatPercent } from '@/lib/format';
import type { Lang } from '@/lib/i18n';
import { colorScale, divergingColor, mapHash, mapStats, parseHexColor, topPixels, type Rgb } from '@/lib/ml/saliency';
import {
  describeMap,
  explainRequest,
  primaryMap,
  saliencyLab,
  SALIENCY_TEST_COUNT,
  summarizeMap,
  trainedAt,
  type MapSummary,
  type SaliencyLabValues,
  type SaliencyReply,
} from '@/lib/widgets/saliency-lab';
import styles from './SaliencyLab.module.css';

const FALLBACK = { pos: [0, 114, 178] as Rgb, neg: [213, 94, 0] as Rgb, zero: [255, 255, 255] as Rgb, ink: [0, 0, 0] as Rgb };

/** A colour from a CSS custom property of the element (hex), or the fallback. */
function cssColor(el: Element, name: string, fallback: Rgb): Rgb {
  return parseHexColor(getComputedStyle(el).getPropertyValue(name)) ?? fallback;
}

/** Bumps a counter whenever the page's theme changes, so canvases redraw in the new colours. */
function useThemeTick(): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const o = new MutationObserver(() => setTick((n) => n + 1));
    o.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => o.disconnect();
  }, []);
  return tick;
}

/** A 28×28 canvas scaled up with crisp pixels: a digit (ink on paper) or a signed map (diverging colours). */
function PixelCanvas({ values, mode, scale, label, testId }: { values: ArrayLike<number>; mode: 'digit' | 'map'; scale: number; label: string; testId?: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const theme = useThemeTick();
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const zero = cssColor(canvas, '--heat-zero', FALLBACK.zero);
    const pos = cssColor(canvas, '--heat-pos', FALLBACK.pos);
    const neg = cssColor(canvas, '--heat-neg', FALLBACK.neg);
    const ink = cssColor(canvas, '--heat-ink', FALLBACK.ink);
    const img = ctx.createImageData(28, 28);
    for (let i = 0; i < 784; i++) {
      const v = values[i] ?? 0;
      const c: Rgb = mode === 'digit' ? divergingColor(Math.min(1, v / (scale || 1)), ink, ink, zero) : divergingColor(scale > 0 ? v / scale : 0, pos, neg, zero);
      img.data[4 * i] = c[0];
      img.data[4 * i + 1] = c[1];
      img.data[4 * i + 2] = c[2];
      img.data[4 * i + 3] = 255;
    }
    ctx.putImageData(img, 0, 0);
  }, [values, mode, scale, theme]);
  return <canvas ref={ref} width={28} height={28} className={styles.canvas} role="img" aria-label={label} data-testid={testId} />;
}

/** Trains (or loads) a digit classifier and draws which pixels its score for a class depends on. */
export default function SaliencyLab({ lang, defaults }: { lang: Lang; defaults: SaliencyLabValues }) {
  const t = saliencyLab.strings[lang];
  const live = useLiveWidget(saliencyLab, defaults);
  const s = live.session.state;
  const v = live.settings.values;
  const update = live.settings.update;
  const { request } = live.session;
  const info = s.info;
  const count = info?.testCount ?? SALIENCY_TEST_COUNT;
  const goal = trainedAt(info, v.epochs);
  const trained = info !== null && s.step >= goal && s.status !== 'training';
  const ready = info !== null && (s.status === 'idle' || s.status === 'paused' || s.status === 'training');

  // The explanation is a request to the run: asked again when the settings change, when training finishes or is
  // paused, and about four times an epoch while it trains (not at every frame, so the maps cost training little).
  const reqKey = JSON.stringify(explainRequest(v));
  const quarter = Math.max(1, Math.round((info?.stepsPerEpoch ?? 93) / 4));
  const tick = s.status === 'training' ? `t${Math.floor(s.step / quarter)}` : `s${s.step}`;
  // Each reply is kept with the run (its info) that made it: a rebuilt run (another model) shows none of the old maps.
  const [answer, setAnswer] = useState<{ run: unknown; reply: SaliencyReply } | null>(null);
  useEffect(() => {
    if (!ready) return;
    let stale = false;
    void request('explain', JSON.parse(reqKey)).then((r) => {
      if (!stale && r) setAnswer({ run: info, reply: r });
    });
    return () => {
      stale = true;
    };
  }, [ready, reqKey, tick, request, info]);
  const reply = answer && answer.run === info ? answer.reply : null;

  // The digit box: a draft the reader types, applied when it is a test digit's index.
  const inputId = useId();
  const errorId = useId();
  // What the reader typed, while the digit it was typed at is still the one chosen (the buttons and links replace it).
  const [typed, setTyped] = useState<{ text: string; digit: number } | null>(null);
  const draft = typed && typed.digit === v.digit ? typed.text : String(v.digit);
  const draftOk = /^\d+$/.test(draft.trim()) && Number(draft) < count;
  const setDigit = (d: number) => update({ digit: Math.max(0, Math.min(count - 1, d)) });

  const maps = reply?.maps ?? null;
  const primary = maps ? primaryMap(maps) : null;
  const stats = useMemo(() => (primary ? mapStats(primary) : null), [primary]);
  const pixels = useMemo(() => (reply ? Float32Array.from(reply.image, (b) => b / 255) : null), [reply]);
  const summaries = useMemo(() => {
    if (!reply || !pixels) return [];
    const out: MapSummary[] = [];
    if (reply.maps.gradient) out.push(summarizeMap('gradient', reply.target, reply.maps.gradient, pixels));
    if (reply.maps.integrated) out.push(summarizeMap('integrated', reply.target, reply.maps.integrated, pixels));
    return out;
  }, [reply, pixels]);
  const top = useMemo(() => (primary ? topPixels(primary, 10) : []), [primary]);
  const hash = useMemo(() => (primary ? mapHash(primary) : ''), [primary]);
  const gradScale = useMemo(() => (maps?.gradient ? colorScale(maps.gradient) : 0), [maps]);
  const igScale = useMemo(() => (maps?.integrated ? colorScale(maps.integrated) : 0), [maps]);
  const random = reply?.request.randomized ?? false;
  const delta = maps ? maps.score - maps.baselineScore : null;
  const fmt = (x: number | null | undefined, digits = 3) => (x == null || !Number.isFinite(x) ? '—' : formatNumber(x, lang, { digits }));

  const picker = (
    <div className={styles.picker}>
      <div className={styles.pickerRow} role="group" aria-label={t.pickDigit}>
        <button type="button" className="button" onClick={() => setDigit(v.digit - 1)} disabled={v.digit <= 0} data-action="previous-digit">
          <span aria-hidden="true">← </span>
          {t.previous}
        </button>
        <label htmlFor={inputId} className={styles.digitLabel}>
          {t.digit}
        </label>
        <input
          id={inputId}
          className={styles.digitInput}
          type="number"
          inputMode="numeric"
          min={0}
          max={count - 1}
          step={1}
          value={draft}
          aria-invalid={!draftOk}
          aria-describedby={draftOk ? undefined : errorId}
          onChange={(e) => {
            const raw = e.target.value.trim();
            const ok = /^\d+$/.test(raw) && Number(raw) < count;
            setTyped({ text: e.target.value, digit: ok ? Number(raw) : v.digit });
            if (ok) update({ digit: Number(raw) });
          }}
          data-testid="digit-input"
        />
        <button type="button" className="button" onClick={() => setDigit(v.digit + 1)} disabled={v.digit >= count - 1} data-action="next-digit">
          {t.next}
          <span aria-hidden="true"> →</span>
        </button>
      </div>
      <p className="widget-note">{t.digitRange(count)}</p>
      {draftOk ? null : (
        <p id={errorId} className={styles.error} role="alert">
          {t.badDigit(count)}
        </p>
      )}
    </div>
  );

  const output = (
    <div className={styles.output}>
      {picker}
      <p className="widget-note">
        {t.step}: <span data-result="saliencyLab.step" data-value={s.step}>{formatNumber(s.step, lang)}</span>
        {info?.source === 'trained-here' ? ` / ${formatNumber(goal, lang)}` : ''} · {t.loss}: {s.loss === null ? '—' : fmt(s.loss)}
      </p>
      {!trained && s.step < goal ? <p className="widget-note">{s.step === 0 ? t.trainFirst : t.untrained}</p> : null}
      <figure className={styles.maps} aria-label={reply ? t.mapsLabel(reply.target) : undefined} data-digit={reply?.request.digit} data-step={reply?.step}>
        {reply && maps && pixels ? (
          <>
            <div className={styles.tile}>
              <PixelCanvas values={pixels} mode="digit" scale={1} label={t.digitAlt(reply.label)} testId="digit-canvas" />
              <span className={styles.tileCaption}>{t.digitCaption}</span>
            </div>
            {maps.gradient ? (
              <div className={styles.tile}>
                <PixelCanvas values={maps.gradient} mode="map" scale={gradScale} label={`${t.gradientCaption(reply.target, maps.output)}${random ? t.randomCaption : ''}`} testId="gradient-canvas" />
                <span className={styles.tileCaption}>
                  {t.gradientCaption(reply.target, maps.output)}
                  {random ? t.randomCaption : ''}
                </span>
                <span className={styles.tileScale}>±{fmt(gradScale, 3)}</span>
              </div>
            ) : null}
            {maps.integrated ? (
              <div className={styles.tile}>
                <PixelCanvas values={maps.integrated} mode="map" scale={igScale} label={`${t.igCaption(maps.steps)}${random ? t.randomCaption : ''}`} testId="ig-canvas" />
                <span className={styles.tileCaption}>
                  {t.igCaption(maps.steps)}
                  {random ? t.randomCaption : ''}
                </span>
                <span className={styles.tileScale}>±{fmt(igScale, 3)}</span>
              </div>
            ) : null}
            <figcaption className={styles.legend}>
              <span className={styles.legendBar} aria-hidden="true" />
              <span>
                {t.legendPos(reply.target)} · {t.legendNeg}
              </span>
              <span className="widget-note">{t.legendScale}</span>
            </figcaption>
          </>
        ) : (
          <p className="widget-note">{ready ? t.computing : ''}</p>
        )}
      </figure>
      <div aria-live="polite" data-testid="saliency-description">
        {summaries.map((m) => (
          <p key={m.method} className={styles.description}>
            {describeMap(lang, m)}
          </p>
        ))}
      </div>
      <dl className="results results-compact">
        <div className="result">
          <dt>{t.label}</dt>
          <dd data-result="saliencyLab.label" data-value={reply?.label}>
            {reply ? reply.label : '—'}
          </dd>
        </div>
        <div className="result">
          <dt>{t.predicted}</dt>
          <dd data-result="saliencyLab.predicted" data-value={reply?.predicted}>
            {reply ? reply.predicted : '—'}
          </dd>
        </div>
        <div className="result">
          <dt>{t.confidence}</dt>
          <dd data-result="saliencyLab.confidence" data-value={reply?.confidence}>
            {reply ? formatPercent(reply.confidence, lang, 1) : '—'}
          </dd>
        </div>
        <div className="result">
          <dt>{t.target}</dt>
          <dd data-result="saliencyLab.target" data-value={reply?.target}>
            {reply ? reply.target : '—'}
          </dd>
        </div>
        <div className="result">
          <dt>{t.saliencyMax}</dt>
          <dd data-result="saliencyLab.saliencyMax" data-value={stats?.maxAbs}>
            {fmt(stats?.maxAbs, 4)}
          </dd>
        </div>
        <div className="result">
          <dt>{t.saliencySum}</dt>
          <dd data-result="saliencyLab.saliencySum" data-value={stats?.sum}>
            {fmt(stats?.sum, 4)}
          </dd>
        </div>
        <div className="result" title={t.completenessHint}>
          <dt>{t.completeness}</dt>
          <dd data-result="saliencyLab.completeness" data-value={maps?.completeness ?? undefined}>
            {fmt(maps?.completeness, 4)}
          </dd>
        </div>
        <div className="result">
          <dt>{t.igSum}</dt>
          <dd data-result="saliencyLab.igSum" data-value={maps?.integratedSum ?? undefined}>
            {fmt(maps?.integratedSum, 4)}
          </dd>
        </div>
        <div className="result">
          <dt>{t.scoreDelta}</dt>
          <dd data-result="saliencyLab.scoreDelta" data-value={delta ?? undefined}>
            {fmt(delta, 4)}
          </dd>
        </div>
        <div className="result">
          <dt>{t.testAccuracy}</dt>
          <dd data-result="saliencyLab.testAccuracy" data-value={s.metrics.testAccuracy ?? undefined}>
            {s.metrics.testAccuracy == null ? '—' : formatPercent(s.metrics.testAccuracy, lang, 1)}
          </dd>
        </div>
        <div className="result">
          <dt>{t.source}</dt>
          <dd data-result="saliencyLab.source" data-value={info?.source}>
            {info ? t.sourceName[info.source] : '—'}
          </dd>
        </div>
        {random ? (
          <div className="result">
            <dt>{t.rankCorrelation}</dt>
            <dd data-result="saliencyLab.rankCorrelation" data-value={reply?.rankCorrelation ?? undefined}>
              {fmt(reply?.rankCorrelation, 2)}
            </dd>
          </div>
        ) : null}
      </dl>
      <p className="widget-note">{t.completenessHint}</p>
      {random && reply ? (
        <p className={styles.note} data-testid="random-note">
          {t.randomNote(fmt(reply.rankCorrelation, 2))}
          {maps?.integrated ? ` ${t.outlineNote}` : ''}
        </p>
      ) : null}
      <span hidden data-result="saliencyLab.mapHash" data-value={hash} />
    </div>
  );

  const below = (
    <div className={styles.below}>
      {top.length && reply ? (
        <details className={styles.topTable}>
          <summary>{t.topTitle}</summary>
          <div className="table-scroll" tabIndex={0}>
            <table>
              <caption className="visually-hidden">{t.topTitle}</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t.row}
                  </th>
                  <th scope="col" className="num">
                    {t.col}
                  </th>
                  <th scope="col" className="num">
                    {t.value}
                  </th>
                </tr>
              </thead>
              <tbody>
                {top.map((p) => (
                  <tr key={p.index}>
                    <td className="num">{p.row + 1}</td>
                    <td className="num">{p.col + 1}</td>
                    <td className="num">{fmt(p.value, 4)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}
      <section className={styles.shows} aria-label={t.showsTitle}>
        <p className={styles.sectionTitle}>{t.showsTitle}</p>
        <p>{t.logitNote}</p>
        <ul>
          {t.shows.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>
    </div>
  );

  return (
    <LiveWidgetFrame
      live={live as unknown as LiveHandle}
      lang={lang}
      description={
        <>
          <p>{t.intro}</p>
          {info?.source === 'chapter4' && info.stored ? (
            <p className="widget-note" data-testid="saliency-source">
              {t.usingStored(info.architecture, formatPercent(info.stored.testAccuracy, lang, 1), formatNumber(info.stored.step, lang))}
            </p>
          ) : info?.missing ? (
            <p className="widget-note" data-testid="saliency-source">
              {t.missingStored} <a href={`${BASE_PATH}/${lang}/training-pipeline/#digits-trainer`}>{t.chapter4}</a>
            </p>
          ) : info?.stored ? (
            <p className="widget-note" data-testid="saliency-source">
              {t.storedOffer([784, ...info.stored.hidden, 10].join(' → '), formatPercent(info.stored.testAccuracy, lang, 1))}{' '}
              <button type="button" className="button" onClick={() => update({ model: 'chapter4' })} data-action="use-stored">
                {t.useStored}
              </button>
            </p>
          ) : info ? (
            <p className="widget-note" data-testid="saliency-source">
              {t.trainedHere(info.architecture)}
            </p>
          ) : null}
        </>
      }
      output={output}
      below={below}
      playLabel={t.train}
      stepSize={10}
      data={{ trained: trained ? 1 : 0, source: info?.source, 'explained-digit': reply?.request.digit, 'explained-step': reply?.step }}
    />
  );
}
