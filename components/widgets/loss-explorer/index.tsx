'use client';

import { useId, useMemo, useRef, useState } from 'react';
import { ChartFrame } from '@/components/charts/ChartFrame';
import { SERIES_COLORS } from '@/components/charts/palette';
import { useWidgetState } from '@/components/hooks/useWidgetState';
import { SchemaControls } from '@/components/widgets/controls/SchemaControls';
import { WidgetFrame } from '@/components/widgets/WidgetFrame';
import { formatNumber } from '@/lib/format';
import type { Lang } from '@/lib/i18n';
import { parseNumber } from '@/lib/state/schema';
import {
  LOSS_KEYS,
  LOSS_PRESETS,
  SOURCE_001_CE,
  checkProbability,
  lossCurves,
  lossExplorer,
  lossExplorerSchema,
  lossReport,
  type LossExplorerValues,
  type LossKey,
} from '@/lib/widgets/loss-explorer';
import { CurvePlot, type Curve } from './CurvePlot';
import styles from './LossExplorer.module.css';

const COLORS: Record<LossKey, string> = {
  mse: SERIES_COLORS[0]!,
  mae: SERIES_COLORS[1]!,
  huber: SERIES_COLORS[2]!,
  bce: SERIES_COLORS[3]!,
  ce: SERIES_COLORS[4]!,
};
/** The p values of the charts' text alternative (the current p is added). */
const TABLE_PS = [0.001, 0.01, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 0.999];
/** The gradient chart with respect to p stops at ±GRAD_CLIP: the cross-entropies' run off to ±1000 at the ends. */
const GRAD_CLIP = 10;
const P_RANGE: [number, number] = [lossExplorerSchema.p.min, lossExplorerSchema.p.max];

/** One prediction p and one target y through five losses: values, gradients with respect to p and to the logit, and their curves. */
export default function LossExplorer({ lang, defaults }: { lang: Lang; defaults: LossExplorerValues }) {
  const t = lossExplorer.strings[lang];
  const state = useWidgetState(lossExplorer.id, lossExplorerSchema, defaults);
  const { values, update } = state;
  const rootRef = useRef<HTMLElement>(null);
  const uid = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);

  const { p, y, delta } = values;
  const gradOf = values.grad as 'p' | 'logit';
  const report = useMemo(() => lossReport(p, y, delta), [p, y, delta]);
  const curves = useMemo(() => lossCurves(y, delta, gradOf), [y, delta, gradOf]);

  const n = (v: number, digits = 4) => formatNumber(v, lang, { digits });
  const pText = n(p, 3);
  const yText = n(y, 2);

  const setP = (v: number) => {
    setNote(null);
    update({ p: v });
  };
  const commitDraft = () => {
    if (draft === null) return;
    const raw = parseNumber(draft.trim().replace(/^−/, '-').replace(/[,，\s]/g, ''));
    setDraft(null);
    const c = checkProbability(raw);
    if (c.ok) {
      setP(c.value);
      return;
    }
    if (c.reason === 'notANumber') {
      setNote(t.notANumber);
      return;
    }
    update({ p: c.value });
    setNote({ edge: t.pEdge, outside: t.pOutside, range: t.pRange }[c.reason](n(c.value, 3)));
  };

  const lossCurvesDrawn: Curve[] = LOSS_KEYS.map((k) => ({ key: k, name: t.short[k], color: COLORS[k], dashed: k === 'ce', points: curves.values[k] }));
  const gradCurvesDrawn: Curve[] = LOSS_KEYS.map((k) => ({ key: k, name: t.short[k], color: COLORS[k], dashed: k === 'ce', points: curves.grads[k] }));
  const lossMax = Math.max(1, ...LOSS_KEYS.flatMap((k) => curves.values[k].map(([, v]) => v)));
  const gradExtent = LOSS_KEYS.flatMap((k) => curves.grads[k].map(([, v]) => v)).filter(Number.isFinite);
  const gradLo = Math.max(-GRAD_CLIP, Math.min(0, ...gradExtent));
  const gradHi = Math.min(GRAD_CLIP, Math.max(0, ...gradExtent));
  const clipped = gradOf === 'p' && gradExtent.some((v) => Math.abs(v) > GRAD_CLIP);
  const valueAt = Object.fromEntries(LOSS_KEYS.map((k) => [k, report.losses[k].value]));
  const gradAt = Object.fromEntries(LOSS_KEYS.map((k) => [k, gradOf === 'p' ? report.losses[k].grad : report.losses[k].logitGrad]));

  const tableRows = (pick: (r: ReturnType<typeof lossReport>, k: LossKey) => number) =>
    [...new Set([...TABLE_PS, p])]
      .sort((a, b) => a - b)
      .map((q) => {
        const r = lossReport(q, y, delta);
        return [`${n(q, 3)}${q === p ? ' ←' : ''}`, ...LOSS_KEYS.map((k) => n(pick(r, k)))];
      });
  const columns = [t.axisP, ...LOSS_KEYS.map((k) => t.short[k])];
  const isSource = p === SOURCE_001_CE.p && y === SOURCE_001_CE.y;
  const sigmaPrime = p * (1 - p);
  const confidentlyWrong = Math.abs(p - y) > 0.5 && sigmaPrime < 0.1;

  return (
    <WidgetFrame
      ref={rootRef}
      id={lossExplorer.id}
      lang={lang}
      title={lossExplorer.title[lang]}
      issues={state.issues}
      onDismissIssues={state.dismissIssues}
      onReset={() => {
        setNote(null);
        setDraft(null);
        state.reset();
      }}
      link={() => state.linkFor(rootRef.current)}
      data={{ status: state.loaded ? 'ready' : 'idle', 'url-state': state.loaded ? 'applied' : 'pending' }}
    >
      <div className="controls">
        <div className="control" data-control="p">
          <label htmlFor={`${uid}-p`}>{t.p}</label>
          <div className="control-row">
            <input
              id={`${uid}-p`}
              name="p"
              className={`input-number ${styles.pBox}`}
              inputMode="decimal"
              autoComplete="off"
              spellCheck={false}
              value={draft ?? String(p)}
              aria-describedby={`${uid}-p-hint ${uid}-p-note`}
              onChange={(e) => setDraft(e.target.value)}
              onBlur={commitDraft}
              onKeyDown={(e) => {
                if (e.key === 'Enter') commitDraft();
              }}
            />
            <output className="control-value" htmlFor={`${uid}-p`} data-result="lossExplorer.p" data-value={p}>
              p = {pText}
            </output>
          </div>
          <input
            type="range"
            className="input-range"
            aria-label={t.pSlider}
            aria-valuetext={pText}
            min={P_RANGE[0]}
            max={P_RANGE[1]}
            step={0.001}
            value={p}
            onChange={(e) => setP(Number(e.target.value))}
          />
          <p className="control-hint" id={`${uid}-p-hint`}>
            {t.pHint}
          </p>
          <p className="control-note" id={`${uid}-p-note`} role="status">
            {note}
          </p>
        </div>
        <div className="control">
          <span className="control-label" id={`${uid}-presets`}>
            {t.presets}
          </span>
          <div className="chip-row" role="group" aria-labelledby={`${uid}-presets`}>
            {LOSS_PRESETS.map((pr) => (
              <button
                key={pr.id}
                type="button"
                className="chip"
                data-preset={pr.id}
                aria-pressed={p === pr.p && y === pr.y}
                onClick={() => {
                  setNote(null);
                  setDraft(null);
                  update({ p: pr.p, y: pr.y });
                }}
              >
                {t.presetLabels[pr.id]}
              </button>
            ))}
          </div>
        </div>
      </div>
      <SchemaControls schema={lossExplorerSchema} values={values} onChange={(patch) => update(patch as Partial<LossExplorerValues>)} lang={lang} />

      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={`${uid}-caption`}>
        <table className={styles.lossTable}>
          <caption id={`${uid}-caption`}>{t.tableCaption(pText, yText)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.loss}</th>
              <th scope="col" className="num">
                {t.value}
              </th>
              <th scope="col" className="num">
                {t.gradP}
              </th>
              <th scope="col" className="num">
                {t.gradZ}
              </th>
            </tr>
          </thead>
          <tbody>
            {LOSS_KEYS.map((k) => {
              const r = report.losses[k];
              return (
                <tr key={k} data-loss={k}>
                  <th scope="row">
                    <span className={styles.swatch} style={{ borderColor: COLORS[k], borderTopStyle: k === 'ce' ? 'dashed' : 'solid' }} aria-hidden="true" />
                    <span className={styles.lossName}>{t.short[k]}</span>
                    <span className={styles.fullName}>
                      {t.names[k]}
                      {k === 'huber' ? ` (δ = ${n(delta, 1)})` : ''}
                    </span>
                    <span className={styles.formula}>{t.formulas[k]}</span>
                  </th>
                  <td className="num" data-result={`lossExplorer.${k}`} data-value={r.value}>
                    {n(r.value)}
                  </td>
                  <td className="num" data-result={`lossExplorer.${k}Grad`} data-value={r.grad}>
                    {n(r.grad)}
                  </td>
                  <td className="num" data-result={`lossExplorer.${k}LogitGrad`} data-value={r.logitGrad}>
                    {n(r.logitGrad)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="widget-note">
        {t.logitLine}{' '}
        <span data-result="lossExplorer.logit" data-value={report.logit}>
          {n(report.logit)}
        </span>
        {' · y = '}
        <span data-result="lossExplorer.y" data-value={y}>
          {yText}
        </span>
        {' · δ = '}
        <span data-result="lossExplorer.delta" data-value={delta}>
          {n(delta, 1)}
        </span>
      </p>

      <div className={styles.panels}>
        <section className={styles.panel} aria-labelledby={`${uid}-nn`}>
          <p className={styles.panelTitle} id={`${uid}-nn`}>
            {t.neverNegativeTitle}
          </p>
          <p className={styles.panelText}>{t.neverNegative}</p>
          <p className={styles.terms}>
            {t.terms}{' '}
            <span className={styles.term}>
              {t.term1} ={' '}
              <strong data-result="lossExplorer.ceTerm1" data-value={report.ceTerms[0]}>
                {n(report.ceTerms[0])}
              </strong>{' '}
              ≥ 0
            </span>
            <span className={styles.term}>
              {t.term2} ={' '}
              <strong data-result="lossExplorer.ceTerm2" data-value={report.ceTerms[1]}>
                {n(report.ceTerms[1])}
              </strong>{' '}
              ≥ 0
            </span>
          </p>
          <p className={styles.panelText}>
            {t.entropyBefore}{' '}
            <strong data-result="lossExplorer.entropy" data-value={report.entropy}>
              {n(report.entropy)}
            </strong>{' '}
            {t.entropyAfter}
          </p>
          {isSource ? (
            <p className={styles.erratum} data-note="source001">
              {t.sourceErratum(n(report.losses.ce.value))}
            </p>
          ) : null}
        </section>

        <section className={styles.panel} aria-labelledby={`${uid}-sat`}>
          <p className={styles.panelTitle} id={`${uid}-sat`}>
            {t.saturationTitle}
          </p>
          <dl className={styles.compare}>
            <div>
              <dt>{t.saturationMse}</dt>
              <dd data-result="lossExplorer.saturationMse" data-value={report.losses.mse.logitGrad}>
                {n(report.losses.mse.logitGrad)}
              </dd>
            </div>
            <div>
              <dt>{t.saturationBce}</dt>
              <dd data-result="lossExplorer.saturationBce" data-value={report.losses.bce.logitGrad}>
                {n(report.losses.bce.logitGrad)}
              </dd>
            </div>
          </dl>
          <p className={styles.panelText}>
            {report.logitGradRatio === null ? (
              t.ratioNone
            ) : (
              <span data-result="lossExplorer.logitGradRatio" data-value={report.logitGradRatio}>
                {t.ratio(formatNumber(report.logitGradRatio, lang, { digits: report.logitGradRatio < 100 ? 1 : 0 }))}
              </span>
            )}
          </p>
          {confidentlyWrong ? (
            <p className={styles.warning} data-note="saturated">
              {t.saturated(n(sigmaPrime))}
            </p>
          ) : null}
        </section>
      </div>

      <div className={styles.charts}>
        <ChartFrame caption={t.valueChart(yText)} tableLabel={t.tableLabel} table={{ columns, rows: tableRows((r, k) => r.losses[k].value) }}>
          <CurvePlot
            curves={lossCurvesDrawn}
            yDomain={[0, lossMax]}
            x={p}
            at={valueAt}
            xLabel={t.axisP}
            yLabel={t.axisLoss}
            formatX={(v) => formatNumber(v, lang, { digits: 1 })}
            formatY={(v) => formatNumber(v, lang, { digits: Number.isInteger(v) ? 0 : 1 })}
            onPick={setP}
            xRange={P_RANGE}
            markerLabel={`p = ${pText}`}
            floor={report.entropy > 0 ? { y: report.entropy, label: t.floorLabel(n(report.entropy, 3)) } : null}
          />
        </ChartFrame>
        <ChartFrame
          caption={gradOf === 'p' ? t.gradChartP(yText) : t.gradChartZ(yText)}
          tableLabel={t.tableLabel}
          table={{ columns, rows: tableRows((r, k) => (gradOf === 'p' ? r.losses[k].grad : r.losses[k].logitGrad)) }}
        >
          <CurvePlot
            curves={gradCurvesDrawn}
            yDomain={[gradLo, gradHi]}
            x={p}
            at={gradAt}
            xLabel={t.axisP}
            yLabel={t.axisGrad}
            formatX={(v) => formatNumber(v, lang, { digits: 1 })}
            formatY={(v) => formatNumber(v, lang, { digits: Math.abs(gradHi - gradLo) > 4 ? 0 : 1 })}
            onPick={setP}
            xRange={P_RANGE}
            markerLabel={`p = ${pText}`}
          />
        </ChartFrame>
      </div>
      <ul className="chart-legend" aria-hidden="true">
        {LOSS_KEYS.map((k) => (
          <li key={k}>
            <span className={k === 'ce' ? 'swatch swatch-dashed' : 'swatch'} style={{ borderColor: COLORS[k] }} />
            {t.short[k]}
          </li>
        ))}
      </ul>
      <p className="widget-note">
        {[t.ceSameAsBce, clipped ? t.clipped : null, report.entropy > 0 ? t.floorNote : null, t.dragHint].filter(Boolean).join(t.sep)}
      </p>
    </WidgetFrame>
  );
}
