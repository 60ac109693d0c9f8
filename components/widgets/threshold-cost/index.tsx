'use client';

import { useId, useMemo, useRef } from 'react';
import { ChartFrame } from '@/components/charts/ChartFrame';
import { LineChart } from '@/components/charts/LineChart';
import { SERIES_COLORS } from '@/components/charts/palette';
import { useWidgetState } from '@/components/hooks/useWidgetState';
import { SchemaControls } from '@/components/widgets/controls/SchemaControls';
import { WidgetFrame } from '@/components/widgets/WidgetFrame';
import { formatNumber } from '@/lib/format';
import type { Lang } from '@/lib/i18n';
import {
  THRESHOLD_MAX,
  THRESHOLD_MIN,
  THRESHOLD_PRESETS,
  binormalCost,
  binormalFpr,
  binormalTpr,
  costCurve,
  normalPdf,
  ppv,
  prPoints,
  prepareSample,
  presetValues,
  rocPoints,
  scoreHistogram,
  scoreRange,
  sweepIndex,
  thin,
  thresholdCost,
  thresholdCostSchema,
  thresholdReport,
  type ThresholdContext,
  type ThresholdCostValues,
} from '@/lib/widgets/threshold-cost';
import { ScorePlot } from './ScorePlot';
import styles from './ThresholdCost.module.css';

const NEG = SERIES_COLORS[0]!;
const POS = SERIES_COLORS[1]!;
const SAMPLE = SERIES_COLORS[0]!;
const POPULATION = SERIES_COLORS[3]!;
const CHANCE = SERIES_COLORS[7]!;

/** One number a reader or a test may check: a labelled value with its raw number in data-value. */
function Out({ name, value, text }: { name: string; value: number; text: string }) {
  return (
    <span data-result={`thresholdCost.${name}`} data-value={value}>
      {text}
    </span>
  );
}

/** A classifier's two score distributions, the threshold, and what each threshold costs: sample and population. */
export default function ThresholdCost({ lang, defaults }: { lang: Lang; defaults: ThresholdCostValues }) {
  const t = thresholdCost.strings[lang];
  const state = useWidgetState(thresholdCost.id, thresholdCostSchema, defaults);
  const { values: v, update } = state;
  const rootRef = useRef<HTMLElement>(null);
  const uid = useId();
  const terms = t.terms[v.context as ThresholdContext];

  const sample = useMemo(() => prepareSample(v.separation, v.prevalence, v.cases, v.seed), [v.separation, v.prevalence, v.cases, v.seed]);
  const r = useMemo(() => thresholdReport(sample, v), [sample, v]);
  const [lo, hi] = scoreRange(v.separation);

  const n = (x: number, digits = 3) => formatNumber(x, lang, { digits });
  const money = (x: number) => `${formatNumber(x, lang, { digits: Math.abs(x) >= 100 ? 1 : Math.abs(x) >= 1 ? 2 : 4 })}${terms.unit ? ` ${terms.unit}` : ''}`;
  const pct = (x: number) => `${formatNumber(x * 100, lang, { digits: 1 })}%`;
  const c = r.counts;
  const bayesFinite = r.bayesThreshold !== null && Number.isFinite(r.bayesThreshold);

  // Chart data.
  const grid = useMemo(() => Array.from({ length: 201 }, (_, i) => lo + ((hi - lo) * i) / 200), [lo, hi]);
  const hist = useMemo(() => scoreHistogram(sample, lo, hi, 40), [sample, lo, hi]);
  const binWidth = (hi - lo) / 40;
  const cost = useMemo(() => costCurve(sample.sweep, v.costFp, v.costFn, lo, hi, 241), [sample, v.costFp, v.costFn, lo, hi]);
  const popCost = grid.map((x) => [x, binormalCost(v.separation, v.prevalence, v.costFp, v.costFn, x)] as [number, number]);
  const roc = useMemo(() => rocPoints(sample.sweep, 300), [sample]);
  const pr = useMemo(() => prPoints(sample.sweep, 300), [sample]);
  const wide = Array.from({ length: 241 }, (_, i) => THRESHOLD_MIN + ((THRESHOLD_MAX - THRESHOLD_MIN) * i) / 240);
  const popRoc = wide.map((x) => [binormalFpr(x), binormalTpr(v.separation, x)] as [number, number]);
  const popPr = wide
    .map((x) => [binormalTpr(v.separation, x), ppv(binormalTpr(v.separation, x), 1 - binormalFpr(x), v.prevalence)] as [number, number])
    .filter(([rec]) => rec > 1e-4);
  const tableTs = thin(grid, 17);
  const countsAt = (x: number) => {
    const k = sweepIndex(sample.sweep, x);
    return { tp: sample.sweep.tp[k]!, fp: sample.sweep.fp[k]! };
  };

  const pickThreshold = (x: number) => update({ threshold: Math.min(THRESHOLD_MAX, Math.max(THRESHOLD_MIN, x)) });

  return (
    <WidgetFrame
      ref={rootRef}
      id={thresholdCost.id}
      lang={lang}
      title={thresholdCost.title[lang]}
      issues={state.issues}
      onDismissIssues={state.dismissIssues}
      onReset={state.reset}
      link={() => state.linkFor(rootRef.current)}
      data={{ status: state.loaded ? 'ready' : 'idle', 'url-state': state.loaded ? 'applied' : 'pending' }}
    >
      <div className={`control ${styles.presetRow}`}>
        <span className="control-label" id={`${uid}-presets`}>
          {t.presets}
        </span>
        <div className="chip-row" role="group" aria-labelledby={`${uid}-presets`}>
          {THRESHOLD_PRESETS.map((p) => {
            const pv = presetValues(p.id);
            const active = (['context', 'separation', 'prevalence', 'costFp', 'costFn'] as const).every((k) => v[k] === pv[k]);
            return (
              <button key={p.id} type="button" className="chip" data-preset={p.id} aria-pressed={active} onClick={() => update(pv)}>
                {t.presetLabels[p.id]}
              </button>
            );
          })}
        </div>
      </div>

      <SchemaControls schema={thresholdCostSchema} groups={thresholdCost.groups} values={v} onChange={(patch) => update(patch as Partial<ThresholdCostValues>)} lang={lang} />
      <div className={styles.actions}>
        <button
          type="button"
          className="button-quiet"
          disabled={!bayesFinite || r.bayesThreshold! < THRESHOLD_MIN || r.bayesThreshold! > THRESHOLD_MAX}
          onClick={() => bayesFinite && pickThreshold(Math.round(r.bayesThreshold! * 100) / 100)}
        >
          {t.useBayes}
        </button>
      </div>

      <p className="widget-note">
        d′ = <Out name="separation" value={v.separation} text={n(v.separation, 1)} />
        {' · π = '}
        <Out name="prevalence" value={v.prevalence} text={n(v.prevalence, 3)} />
        {' · c_FP = '}
        <Out name="costFp" value={v.costFp} text={formatNumber(v.costFp, lang, { digits: Number.isInteger(v.costFp) ? 0 : 2 })} />
        {' · c_FN = '}
        <Out name="costFn" value={v.costFn} text={formatNumber(v.costFn, lang, { digits: Number.isInteger(v.costFn) ? 0 : 2 })} />
        {' · '}
        <Out name="cases" value={v.cases} text={formatNumber(v.cases, lang)} /> {terms.cases}
        {' · '}
        {terms.positives}{t.colon}<Out name="positives" value={sample.positives} text={formatNumber(sample.positives, lang)} />
        {' · '}
        {t.floorSetting} <Out name="minRecall" value={v.minRecall} text={n(v.minRecall, 2)} />
      </p>

      <p className={styles.sectionTitle}>
        {t.atThreshold} <Out name="threshold" value={v.threshold} text={n(v.threshold, 2)} />
      </p>
      <dl className="results">
        <div className="result">
          <dt>{t.costPerCase(terms.case)}</dt>
          <dd>
            <Out name="costPerCase" value={r.costPerCase} text={money(r.costPerCase)} />
          </dd>
        </div>
        <div className="result">
          <dt>{terms.recall}</dt>
          <dd>
            <Out name="recall" value={c.recall} text={n(c.recall)} />
          </dd>
        </div>
        <div className="result">
          <dt>{terms.precision}</dt>
          <dd>
            <Out name="precision" value={c.precision} text={n(c.precision)} />
          </dd>
        </div>
        <div className="result">
          <dt>{terms.flagRate}</dt>
          <dd>
            <Out name="flagRate" value={r.flagRate} text={pct(r.flagRate)} />
          </dd>
        </div>
        <div className="result">
          <dt>{t.specificity}</dt>
          <dd>
            <Out name="specificity" value={c.specificity} text={n(c.specificity)} />
          </dd>
        </div>
        <div className="result">
          <dt>{t.fpr}</dt>
          <dd>
            <Out name="fpr" value={c.fpr} text={n(c.fpr)} />
          </dd>
        </div>
        <div className="result">
          <dt>{t.accuracy}</dt>
          <dd>
            <Out name="accuracy" value={c.accuracy} text={n(c.accuracy)} />
          </dd>
        </div>
        <div className="result">
          <dt>{t.npv}</dt>
          <dd>
            <Out name="npv" value={r.npv} text={n(r.npv, 4)} />
          </dd>
        </div>
        <div className="result">
          <dt>{t.f1}</dt>
          <dd>
            <Out name="f1" value={c.f1} text={n(c.f1)} />
          </dd>
        </div>
        <div className="result">
          <dt>{t.auc}</dt>
          <dd>
            <Out name="auc" value={r.auc} text={n(r.auc)} />
            <span className="result-sub">
              {t.aucTheory}{t.colon}<Out name="aucTheory" value={r.aucTheory} text={n(r.aucTheory)} />
            </span>
          </dd>
        </div>
      </dl>

      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={`${uid}-confusion`}>
        <table className={styles.confusion}>
          <caption id={`${uid}-confusion`}>{t.confusion}</caption>
          <thead>
            <tr>
              <th scope="col">
                {t.truth} \ {t.decision}
              </th>
              <th scope="col">{terms.flag}</th>
              <th scope="col">{terms.notFlag}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{terms.positive}</th>
              <td>
                TP <Out name="tp" value={c.tp} text={formatNumber(c.tp, lang)} />
              </td>
              <td>
                FN <Out name="fn" value={c.fn} text={formatNumber(c.fn, lang)} />
              </td>
            </tr>
            <tr>
              <th scope="row">{terms.negative}</th>
              <td>
                FP <Out name="fp" value={c.fp} text={formatNumber(c.fp, lang)} />
              </td>
              <td>
                TN <Out name="tn" value={c.tn} text={formatNumber(c.tn, lang)} />
              </td>
            </tr>
          </tbody>
        </table>
      </div>

      <div className={styles.panels}>
        <section className={styles.panel} aria-labelledby={`${uid}-best`}>
          <p className={styles.panelTitle} id={`${uid}-best`}>
            {t.bestTitle}
          </p>
          <p className={styles.big}>
            t = <Out name="bestThreshold" value={r.best.threshold} text={n(r.best.threshold, 3)} />
            {' · '}
            <Out name="bestCost" value={r.best.cost} text={money(r.best.cost)} />
          </p>
          <p>
            {terms.recall} <Out name="bestRecall" value={r.best.recall} text={n(r.best.recall)} />
            {' · '}
            {terms.precision} <Out name="bestPrecision" value={r.best.precision} text={n(r.best.precision)} />
            {' · '}
            {terms.flagRate} <Out name="bestFlagRate" value={r.best.flagRate} text={pct(r.best.flagRate)} />
          </p>
          <p>
            {t.bestPopulation}{t.colon}<Out name="bestPopulationCost" value={r.bestPopulationCost} text={money(r.bestPopulationCost)} />
          </p>
          {r.floor ? (
            <>
              <p className={styles.panelTitle}>{t.floorTitle(n(v.minRecall, 2))}</p>
              <p className={styles.big}>
                t = <Out name="floorThreshold" value={r.floor.threshold} text={n(r.floor.threshold, 3)} />
                {' · '}
                <Out name="floorCost" value={r.floor.cost} text={money(r.floor.cost)} />
              </p>
              <p>
                {terms.recall} <Out name="floorRecall" value={r.floor.recall} text={n(r.floor.recall)} />
                {' · '}
                {terms.flagRate} {pct(r.floor.flagRate)}
              </p>
            </>
          ) : null}
        </section>
        <section className={styles.panel} aria-labelledby={`${uid}-bayes`}>
          <p className={styles.panelTitle} id={`${uid}-bayes`}>
            {t.bayesTitle}
          </p>
          <p className={styles.big}>
            {r.bayesThreshold === null ? (
              t.bayesAny
            ) : r.bayesThreshold === -Infinity ? (
              t.bayesAll
            ) : r.bayesThreshold === Infinity ? (
              t.bayesNone
            ) : (
              <>
                t* = <Out name="bayesThreshold" value={r.bayesThreshold} text={n(r.bayesThreshold, 3)} />
              </>
            )}
          </p>
          {r.posteriorCut !== null ? <p>{t.posteriorCut(n(r.posteriorCut, 4))}</p> : null}
          <p>
            {t.bayesCost}{t.colon}<Out name="bayesCost" value={r.bayesCost} text={money(r.bayesCost)} />
          </p>
          <p>
            {t.populationCost}{t.colon}<Out name="populationCost" value={r.populationCost} text={money(r.populationCost)} />
          </p>
          <p>
            {t.populationRates} {terms.recall} <Out name="populationRecall" value={r.populationRecall} text={n(r.populationRecall)} />
            {' · '}
            {terms.precision} <Out name="populationPrecision" value={r.populationPrecision} text={n(r.populationPrecision)} />
          </p>
        </section>
      </div>
      {sample.positives < 30 ? (
        <p className={styles.warning} data-note="fewPositives">
          {t.fewPositives(sample.positives)}
        </p>
      ) : null}
      <p className="widget-note">{t.optimism}</p>

      <div className={styles.charts}>
        <ChartFrame
          caption={t.distChart}
          tableLabel={t.tableLabel}
          table={{
            columns: [t.binCol, t.countCol(terms.negative), t.countCol(terms.positive)],
            rows: hist.neg.map((_, i) => [`${n(hist.edges[i]!, 2)} – ${n(hist.edges[i + 1]!, 2)}`, hist.neg[i]!, hist.pos[i]!]),
          }}
        >
          <ScorePlot
            histograms={[
              { name: 'neg', edges: hist.edges, values: hist.neg.map((k) => k / (sample.negatives * binWidth)), color: NEG },
              { name: 'pos', edges: hist.edges, values: hist.pos.map((k) => k / (sample.positives * binWidth)), color: POS },
            ]}
            curves={[
              { points: grid.map((x) => [x, normalPdf(x)]), color: NEG },
              { points: grid.map((x) => [x, normalPdf(x - v.separation)]), color: POS },
            ]}
            threshold={v.threshold}
            bayes={bayesFinite ? r.bayesThreshold : null}
            best={r.best.threshold}
            xRange={[lo, hi]}
            pickRange={[THRESHOLD_MIN, THRESHOLD_MAX]}
            onPick={pickThreshold}
            xLabel={t.axisScore}
            yLabel={t.axisDensity}
            formatX={(x) => formatNumber(x, lang, { digits: 0 })}
            thresholdLabel={`t = ${n(v.threshold, 2)}`}
          />
          <ul className="chart-legend">
            <li>
              <span className="swatch" style={{ borderColor: NEG }} />
              {terms.negative}
            </li>
            <li>
              <span className="swatch" style={{ borderColor: POS }} />
              {terms.positive}
            </li>
          </ul>
        </ChartFrame>
        <ChartFrame
          caption={t.costChart}
          tableLabel={t.tableLabel}
          table={{
            columns: [t.thresholdCol, t.costCol, t.popCostCol],
            rows: tableTs.map((x) => {
              const k = countsAt(x);
              const sampleCost = (v.costFp * k.fp + v.costFn * (sample.positives - k.tp)) / v.cases;
              return [n(x, 2), n(sampleCost, 4), n(binormalCost(v.separation, v.prevalence, v.costFp, v.costFn, x), 4)];
            }),
          }}
        >
          <LineChart
            series={[
              { name: t.seriesSample, points: cost, color: SAMPLE },
              { name: t.seriesPopulation, points: popCost, color: POPULATION, dashed: true },
            ]}
            markers={[
              { x: v.threshold, y: r.costPerCase, label: t.markerYou },
              ...(Math.abs(r.best.threshold - v.threshold) > 0.15 * (hi - lo) ? [{ x: r.best.threshold, y: r.best.cost, label: t.markerBest }] : []),
            ].filter((m) => m.x >= lo && m.x <= hi)}
            xLabel={t.axisThreshold}
            yLabel={t.axisCost}
            formatX={(x) => formatNumber(x, lang, { digits: 0 })}
            formatY={(y) => formatNumber(y, lang, { digits: Number.isInteger(y) ? 0 : Math.abs(y) < 1 ? 2 : 1 })}
            height={230}
          />
        </ChartFrame>
        <ChartFrame
          caption={t.rocChart}
          tableLabel={t.tableLabel}
          table={{
            columns: [t.thresholdCol, t.fprCol, t.tprCol],
            rows: tableTs.map((x) => {
              const k = countsAt(x);
              return [n(x, 2), n(k.fp / sample.negatives), n(k.tp / sample.positives)];
            }),
          }}
        >
          <LineChart
            series={[
              { name: t.seriesSample, points: roc, color: SAMPLE },
              { name: t.seriesPopulation, points: popRoc, color: POPULATION, dashed: true },
              { name: t.seriesChance, points: [[0, 0], [1, 1]], color: CHANCE, dashed: true },
            ]}
            markers={[{ x: c.fpr, y: c.recall, label: t.markerYou }]}
            xLabel={t.axisFpr}
            yLabel={t.axisTpr}
            formatX={(x) => formatNumber(x, lang, { digits: 1 })}
            formatY={(y) => formatNumber(y, lang, { digits: 1 })}
            height={230}
          />
        </ChartFrame>
        <ChartFrame
          caption={t.prChart}
          tableLabel={t.tableLabel}
          table={{
            columns: [t.thresholdCol, t.tprCol, t.precisionCol],
            rows: tableTs.map((x) => {
              const k = countsAt(x);
              return [n(x, 2), n(k.tp / sample.positives), k.tp + k.fp === 0 ? '—' : n(k.tp / (k.tp + k.fp))];
            }),
          }}
        >
          <LineChart
            series={[
              { name: t.seriesSample, points: pr, color: SAMPLE },
              { name: t.seriesPopulation, points: popPr, color: POPULATION, dashed: true },
            ]}
            markers={c.tp + c.fp > 0 ? [{ x: c.recall, y: c.precision, label: t.markerYou }] : []}
            xLabel={t.axisRecall}
            yLabel={t.axisPrecision}
            formatX={(x) => formatNumber(x, lang, { digits: 1 })}
            formatY={(y) => formatNumber(y, lang, { digits: 1 })}
            height={230}
          />
        </ChartFrame>
      </div>
      <p className="widget-note">
        {t.distNote(formatNumber(sample.negatives / sample.positives, lang, { digits: 1 }))} {t.dragHint}
      </p>
      <p className="visually-hidden">{t.chartsSummary(n(r.auc), n(r.best.threshold, 2), money(r.best.cost))}</p>
    </WidgetFrame>
  );
}
