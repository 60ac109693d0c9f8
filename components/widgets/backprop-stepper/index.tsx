'use client';

import { Fragment, useId, useMemo, useRef, useState } from 'react';
import { ChartFrame } from '@/components/charts/ChartFrame';
import { LineChart } from '@/components/charts/LineChart';
import { NARROW_WIDGET, useMediaQuery } from '@/components/hooks/useMediaQuery';
import { useWidgetState } from '@/components/hooks/useWidgetState';
import { SchemaControls } from '@/components/widgets/controls/SchemaControls';
import { WidgetFrame } from '@/components/widgets/WidgetFrame';
import { formatNumber } from '@/lib/format';
import type { Lang } from '@/lib/i18n';
import { PARAMS_221 } from '@/lib/worked/neural-networks';
import {
  MAX_STEPS,
  PARAM_BOUND,
  backpropReport,
  backpropStepper,
  backpropStepperSchema,
  paramsOf,
  takeSteps,
  type BackpropStepperValues,
} from '@/lib/widgets/backprop-stepper';
import { NetworkDiagram } from './NetworkDiagram';
import styles from './BackpropStepper.module.css';

const ID = backpropStepper.id;
/** The most points the loss curve keeps (the oldest go first). */
const HISTORY_CAP = 2000;

type Point = { step: number; loss: number };

const FORWARD = ['z1', 'h1', 'z2', 'h2', 'zOut', 'yHat', 'loss'] as const;
const BACKWARD = ['dLoss', 'dSigmoid', 'deltaOut', 'dTanh1', 'delta1', 'dTanh2', 'delta2'] as const;

/** The chapter's 2-2-1 network: forward pass, backpropagation checked against finite differences, and Step. */
export default function BackpropStepper({ lang, defaults }: { lang: Lang; defaults: BackpropStepperValues }) {
  const t = backpropStepper.strings[lang];
  const state = useWidgetState(ID, backpropStepperSchema, defaults);
  const { values, update } = state;
  const rootRef = useRef<HTMLElement>(null);
  const uid = useId();
  const narrow = useMediaQuery(NARROW_WIDGET, false);
  const [history, setHistory] = useState<Point[]>([]);
  const [clamped, setClamped] = useState(false);

  const report = useMemo(() => backpropReport(values), [values]);
  const { pass, checks, after } = report;
  const num = (v: number, digits = 4) => formatNumber(v, lang, { digits });
  // The difference is rounding noise, and its digits differ between engines (Node's and the browser's Math.tanh
  // disagree in the last bit), so below 1e-9 only its order is shown: the server's HTML then matches the browser's.
  const small = (v: number) => (v < 1e-9 ? '< 10⁻⁹' : v < 1e-3 ? formatNumber(v, lang, { sci: true, digits: 1 }) : num(v, 6));

  // The curve continues while its last point is the state in force; an edit of a weight, the input or the target
  // (or a link) starts it again from here.
  const current: Point = { step: values.step, loss: pass.loss };
  const last = history.at(-1);
  const continues = last !== undefined && last.step === current.step && last.loss === current.loss;
  const shown = continues ? history : [current];
  const restarted = !continues && history.length > 1;

  const doSteps = (count: number) => {
    const r = takeSteps(values, count);
    setClamped(r.clamped);
    setHistory([...shown, ...r.losses].slice(-HISTORY_CAP));
    update(r.values);
  };
  const resetWeights = () => {
    setClamped(false);
    setHistory([]);
    update({ ...paramsOf(defaults), step: 0 });
  };
  const okCount = PARAMS_221.filter((k) => checks[k].ok).length;
  const atMax = values.step >= MAX_STEPS;

  const output = (
    <>
      <figure className={styles.diagramFigure}>
        <figcaption className="chart-caption">{t.diagramTitle}</figcaption>
        <NetworkDiagram
          params={paramsOf(values)}
          x={[values.x1, values.x2]}
          y={values.y}
          pass={pass}
          labels={t.paramLabel}
          num={(v, d) => num(v, d)}
          description={t.diagramDesc(num(pass.yHat), num(pass.loss))}
        />
      </figure>

      <div className={`train-controls ${styles.buttons}`}>
        <button type="button" className="button-primary" onClick={() => doSteps(1)} disabled={atMax} data-testid="step">
          {t.stepButton}
        </button>
        <button type="button" className="button-quiet" onClick={() => doSteps(10)} disabled={atMax}>
          {t.stepTenButton}
        </button>
        <button type="button" className="button-quiet" onClick={resetWeights} aria-describedby={`${uid}-reset`}>
          {t.resetButton}
        </button>
        <span className="train-status" aria-live="polite">
          {t.step}:{' '}
          <strong data-result={`${ID}.step`} data-value={values.step}>
            {formatNumber(values.step, lang)}
          </strong>
          {' · '}
          {t.loss}:{' '}
          <strong data-result={`${ID}.loss`} data-value={pass.loss}>
            {num(pass.loss)}
          </strong>
        </span>
      </div>
      <p className="control-hint" id={`${uid}-reset`}>
        {t.resetHint}
      </p>
      {clamped || atMax ? (
        <p className="control-note" role="status">
          {clamped ? t.clampedNote(PARAM_BOUND) : ''} {atMax ? t.atMax : ''}
        </p>
      ) : null}

      <div className={styles.passes}>
        <section aria-labelledby={`${uid}-fwd`}>
          <p className={styles.sectionTitle} id={`${uid}-fwd`}>
            {t.forward}
          </p>
          <dl className={styles.passList}>
            {FORWARD.map((k) => (
              <div key={k} className={styles.passRow}>
                <dt>{t.forwardFormulas[k]}</dt>
                {/* The loss sits in the status line above; here it is the same number under another name. */}
                <dd data-result={k === 'loss' ? `${ID}.forwardLoss` : `${ID}.${k}`} data-value={pass[k]}>
                  {num(pass[k])}
                </dd>
              </div>
            ))}
          </dl>
        </section>
        <section aria-labelledby={`${uid}-bwd`}>
          <p className={styles.sectionTitle} id={`${uid}-bwd`}>
            {t.backward}
          </p>
          <dl className={styles.passList}>
            {BACKWARD.map((k) => (
              <div key={k} className={styles.passRow}>
                <dt>{t.backwardFormulas[k]}</dt>
                <dd data-result={`${ID}.${k}`} data-value={pass[k]}>
                  {num(pass[k])}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      </div>

      <div className={`table-scroll ${styles.gradScroll}`} tabIndex={0} role="region" aria-labelledby={`${uid}-caption`}>
        <table className={styles.gradTable}>
          <caption id={`${uid}-caption`}>{t.tableCaption(formatNumber(values.lr, lang, { digits: values.lr < 0.01 ? 3 : 2 }))}</caption>
          <thead>
            <tr>
              <th scope="col">{t.colParam}</th>
              <th scope="col" className="num">
                {t.colValue}
              </th>
              <th scope="col" className="num">
                {t.colGrad}
              </th>
              <th scope="col" className="num">
                {t.colNum}
              </th>
              <th scope="col" className="num">
                {t.colDiff}
              </th>
              <th scope="col">{t.colCheck}</th>
              <th scope="col" className="num">
                {t.colNext}
              </th>
            </tr>
          </thead>
          <tbody>
            {PARAMS_221.map((k) => {
              const c = checks[k];
              return (
                <tr key={k} data-param={k}>
                  <th scope="row">
                    {t.paramLabel[k]}
                    <span className={styles.formulaCell}>{t.gradFormula[k]}</span>
                  </th>
                  <td className="num" data-result={`${ID}.param.${k}`} data-value={values[k]}>
                    {num(values[k])}
                  </td>
                  <td className="num" data-result={`${ID}.grad.${k}`} data-value={c.grad}>
                    {num(c.grad, 6)}
                  </td>
                  <td className="num" data-result={`${ID}.numGrad.${k}`} data-value={c.numGrad}>
                    {num(c.numGrad, 6)}
                  </td>
                  <td className="num" data-result={`${ID}.diff.${k}`} data-value={c.diff}>
                    {small(c.diff)}
                  </td>
                  <td className={`${c.ok ? 'fit-yes' : 'fit-no'} ${styles.check}`} data-result={`${ID}.check.${k}`} data-value={c.ok ? 1 : 0}>
                    <span aria-hidden="true">{c.ok ? '✓' : '✗'}</span>
                    <span className="visually-hidden">{c.ok ? t.agrees : t.differs}</span>
                  </td>
                  <td className="num" data-result={`${ID}.next.${k}`} data-value={c.next}>
                    {num(c.next)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className={styles.summary}>
        <span data-result={`${ID}.checksPassed`} data-value={okCount}>
          {t.checksSummary(okCount)}
        </span>{' '}
        <span data-result={`${ID}.lossAfter`} data-value={after.loss}>
          {t.afterStep(num(after.yHat), num(after.loss))}
        </span>
      </p>

      <div className={styles.history}>
        {shown.length > 1 ? (
          <ChartFrame
            caption={t.lossChartCaption}
            tableLabel={t.lossChartTable}
            table={{
              columns: [t.stepAxis, t.lossAxis],
              rows: shown.filter((_, i) => i === shown.length - 1 || i % Math.ceil(shown.length / 40) === 0).map((p) => [p.step, num(p.loss, 6)]),
            }}
          >
            <LineChart
              series={[{ name: t.lossAxis, points: shown.map((p) => [p.step, p.loss] as [number, number]), color: 'var(--okabe-blue)' }]}
              xLabel={t.stepAxis}
              yLabel={t.lossAxis}
              formatX={(v) => formatNumber(v, lang)}
              formatY={(v) => formatNumber(v, lang, { digits: 3 })}
              markers={[{ x: current.step, y: current.loss, label: `L = ${num(current.loss)}` }]}
              height={narrow ? 170 : 200}
            />
          </ChartFrame>
        ) : (
          <p className="widget-note">{restarted ? t.historyRestarted : t.noHistory}</p>
        )}
      </div>
    </>
  );

  return (
    <WidgetFrame
      ref={rootRef}
      id={ID}
      lang={lang}
      title={backpropStepper.title[lang]}
      issues={state.issues}
      onDismissIssues={state.dismissIssues}
      onReset={() => {
        setClamped(false);
        setHistory([]);
        state.reset();
      }}
      link={() => state.linkFor(rootRef.current)}
      data={{ status: state.loaded ? 'ready' : 'idle', 'url-state': state.loaded ? 'applied' : 'pending' }}
    >
      {/* Remounted once the link is read, so every data-value holds the browser's own number, not the server's. */}
      <Fragment key={state.loaded ? 'client' : 'server'}>{output}</Fragment>
      <div className={styles.controls}>
        <SchemaControls
          schema={backpropStepperSchema}
          groups={backpropStepper.groups}
          values={values}
          lang={lang}
          onChange={(patch) => update(patch as Partial<BackpropStepperValues>)}
        />
      </div>
    </WidgetFrame>
  );
}
