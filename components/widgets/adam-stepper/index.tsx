'use client';

import { useId, useMemo, useRef, type ReactNode } from 'react';
import { ChartFrame } from '@/components/charts/ChartFrame';
import { LineChart } from '@/components/charts/LineChart';
import { SERIES_COLORS } from '@/components/charts/palette';
import { useWidgetState } from '@/components/hooks/useWidgetState';
import { SchemaControls } from '@/components/widgets/controls/SchemaControls';
import { WidgetFrame } from '@/components/widgets/WidgetFrame';
import { formatNumber } from '@/lib/format';
import type { Lang } from '@/lib/i18n';
import { SOURCE_001_ADAM } from '@/lib/math/optimizers';
import {
  GRADIENT_PRESETS,
  HYPER_PRESETS,
  adamRun,
  adamStepper,
  adamStepperSchema,
  formatQuantity,
  isSourceExample,
  type AdamStepperValues,
  type Pair,
  type RowKey,
  type Variant,
} from '@/lib/widgets/adam-stepper';
import styles from './AdamStepper.module.css';

/** Typesets `_x`, `_{…}`, `^x` and `^{…}` of the definition's strings as sub- and superscripts. */
function rich(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  const re = /([_^])(?:\{([^}]*)\}|([^\s{]))/g;
  let last = 0;
  let k = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    const body = m[2] ?? m[3] ?? '';
    out.push(m[1] === '_' ? <sub key={k++}>{body}</sub> : <sup key={k++}>{body}</sup>);
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

const sameList = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Source 001 §4.2.3's Adam example, step by step, with and without bias correction; then any gradients the reader types. */
export default function AdamStepper({ lang, defaults }: { lang: Lang; defaults: AdamStepperValues }) {
  const t = adamStepper.strings[lang];
  const state = useWidgetState(adamStepper.id, adamStepperSchema, defaults);
  const { values, update } = state;
  const rootRef = useRef<HTMLElement>(null);
  const uid = useId();

  const { steps: T, grads1, grads2, theta0, beta1, beta2, lr, eps } = values;
  const run = useMemo(() => adamRun({ steps: T, grads1, grads2, theta0, beta1, beta2, lr, eps }), [T, grads1, grads2, theta0, beta1, beta2, lr, eps]);
  const step = Math.min(values.t, T);
  const r = run[step - 1]!;
  const source = isSourceExample(values);
  const showSource = source && step === 1;

  const q = (v: number) => formatQuantity(v, lang);
  const th = (v: number) => formatQuantity(v, lang, 'theta');
  const go = (to: number) => update({ t: Math.min(T, Math.max(1, to)) });

  /** A vector [a, b], each number in its own data-result element. */
  const vec = (name: string | null, v: Pair, fmt: (x: number) => string = q) => (
    <span className={styles.vec}>
      [
      {v.map((x, i) => (
        <span key={i}>
          <span data-result={name ? `adamStepper.${name}.${i}` : undefined} data-value={x}>
            {fmt(x)}
          </span>
          {i === 0 ? ', ' : ''}
        </span>
      ))}
      ]
    </span>
  );

  const rowHead = (key: RowKey) => (
    <th scope="row">
      <span className={styles.symbol}>{rich(t.rows[key][0])}</span>
      <span className={styles.what}>{rich(t.rows[key][1])}</span>
    </th>
  );

  const printed = SOURCE_001_ADAM.printed;
  const sourceCell = (content: ReactNode, verdict?: 'ok' | 'wrong', why?: string) => (
    <td className={`${styles.sourceCell} ${verdict === 'wrong' ? styles.wrong : ''}`} data-verdict={verdict}>
      {content}
      {verdict ? (
        <span className={styles.verdict}>
          <span aria-hidden="true">{verdict === 'ok' ? '✓ ' : '✗ '}</span>
          {verdict === 'ok' ? t.ok : why}
        </span>
      ) : null}
    </td>
  );
  const dash = <span className={styles.muted}>{t.notPrinted}</span>;
  const variantCells = (row: 'denom' | 'update' | 'theta') =>
    (['uncorrected', 'corrected'] as const satisfies readonly Variant[]).map((variant) => (
      <td key={variant} className={styles.num}>
        {vec(`${row}.${variant}`, r[variant][row], row === 'theta' ? th : q)}
      </td>
    ));

  const chart = (i: 0 | 1) => {
    const corrected: [number, number][] = [[0, theta0[i]!], ...run.map((s) => [s.t, s.corrected.theta[i]] as [number, number])];
    const uncorrected: [number, number][] = [[0, theta0[i]!], ...run.map((s) => [s.t, s.uncorrected.theta[i]] as [number, number])];
    const all = [...corrected, ...uncorrected].map((p) => p[1]);
    const span = Math.max(...all) - Math.min(...all);
    const digits = span > 0 ? Math.min(8, Math.max(0, Math.ceil(-Math.log10(span / 5)))) : 2;
    return (
      <ChartFrame
        key={i}
        caption={t.chartCaption(i + 1)}
        tableLabel={t.chartTable}
        table={{
          columns: [t.colT, `${t.axisTheta(i + 1)} · ${t.seriesCorrected}`, `${t.axisTheta(i + 1)} · ${t.seriesUncorrected}`],
          rows: corrected.map(([s, v], k) => [s, th(v), th(uncorrected[k]![1])]),
        }}
      >
        <LineChart
          series={[
            { name: t.seriesCorrected, points: corrected, color: SERIES_COLORS[0] },
            { name: t.seriesUncorrected, points: uncorrected, color: SERIES_COLORS[1], dashed: true },
          ]}
          xLabel={t.axisT}
          yLabel={t.axisTheta(i + 1)}
          formatX={(v) => formatNumber(v, lang)}
          formatY={(v) => formatNumber(v, lang, { digits })}
          markers={[{ x: step, y: r.corrected.theta[i], label: `t = ${step}` }]}
          height={220}
        />
      </ChartFrame>
    );
  };

  const cellPair = (v: Pair, fmt: (x: number) => string = q) => (
    <>
      {v.map((x, i) => (
        <span key={i} className={styles.line} data-value={x}>
          {fmt(x)}
        </span>
      ))}
    </>
  );
  const cellOne = (x: number) => (
    <span className={styles.line} data-value={x}>
      {q(x)}
    </span>
  );

  return (
    <WidgetFrame
      ref={rootRef}
      id={adamStepper.id}
      lang={lang}
      title={adamStepper.title[lang]}
      issues={state.issues}
      onDismissIssues={state.dismissIssues}
      onReset={state.reset}
      link={() => state.linkFor(rootRef.current)}
      data={{ status: state.loaded ? 'ready' : 'idle', 'url-state': state.loaded ? 'applied' : 'pending' }}
    >
      <div className={styles.nav} role="group" aria-label={t.stepNav}>
        <div className={styles.buttons}>
          <button type="button" className="button-quiet" onClick={() => go(1)} disabled={step <= 1}>
            <span aria-hidden="true">«&nbsp;</span>
            {t.first}
          </button>
          <button type="button" className="button-quiet" onClick={() => go(step - 1)} disabled={step <= 1}>
            <span aria-hidden="true">◀&nbsp;</span>
            {t.back}
          </button>
          <output className={styles.stepLabel} data-result="adamStepper.t" data-value={step}>
            <span data-result="adamStepper.steps" data-value={T} hidden />
            {t.step(step, T)}
          </output>
          <button type="button" className="button-quiet" onClick={() => go(step + 1)} disabled={step >= T}>
            {t.forward}
            <span aria-hidden="true">&nbsp;▶</span>
          </button>
          <button type="button" className="button-quiet" onClick={() => go(T)} disabled={step >= T}>
            {t.last}
            <span aria-hidden="true">&nbsp;»</span>
          </button>
        </div>
        <input
          type="range"
          className={`input-range ${styles.slider}`}
          aria-label={t.stepSlider}
          aria-valuetext={t.step(step, T)}
          min={1}
          max={T}
          step={1}
          value={step}
          disabled={T <= 1}
          onChange={(e) => go(Number(e.target.value))}
        />
      </div>
      {values.t > T ? <p className="control-note">{t.tClamped(values.t, T)}</p> : null}

      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={`${uid}-step`}>
        <table className={styles.stepTable}>
          <caption id={`${uid}-step`}>{t.stepCaption(step)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.quantity}</th>
              {showSource ? (
                <th scope="col" className={styles.sourceHead}>
                  {t.source}
                </th>
              ) : null}
              <th scope="col">{t.uncorrected}</th>
              <th scope="col">{t.corrected}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              {rowHead('g')}
              {showSource ? sourceCell(vec(null, [...SOURCE_001_ADAM.grad] as Pair)) : null}
              <td colSpan={2} className={styles.num}>
                {vec('g', r.g)}
              </td>
            </tr>
            <tr>
              {rowHead('m')}
              {showSource ? sourceCell(vec('source.m1', [...printed.m1] as Pair), 'ok') : null}
              <td colSpan={2} className={styles.num}>
                {vec('m', r.m)} <span className={styles.muted}>({t.sameBoth})</span>
              </td>
            </tr>
            <tr>
              {rowHead('v')}
              {showSource ? sourceCell(vec('source.v1', [...printed.v1] as Pair), 'wrong', t.sourceV) : null}
              <td colSpan={2} className={styles.num}>
                {vec('v', r.v)} <span className={styles.muted}>({t.sameBoth})</span>
              </td>
            </tr>
            <tr>
              {rowHead('c1')}
              {showSource ? sourceCell(dash) : null}
              <td className={styles.muted}>{t.notUsed}</td>
              <td className={styles.num}>
                <span data-result="adamStepper.c1" data-value={r.c1}>
                  {q(r.c1)}
                </span>
              </td>
            </tr>
            <tr>
              {rowHead('c2')}
              {showSource ? sourceCell(dash) : null}
              <td className={styles.muted}>{t.notUsed}</td>
              <td className={styles.num}>
                <span data-result="adamStepper.c2" data-value={r.c2}>
                  {q(r.c2)}
                </span>
              </td>
            </tr>
            <tr>
              {rowHead('mHat')}
              {showSource ? sourceCell(dash) : null}
              <td className={styles.muted}>{t.notUsed}</td>
              <td className={styles.num}>{vec('mHat', r.mHat)}</td>
            </tr>
            <tr>
              {rowHead('vHat')}
              {showSource ? sourceCell(dash) : null}
              <td className={styles.muted}>{t.notUsed}</td>
              <td className={styles.num}>{vec('vHat', r.vHat)}</td>
            </tr>
            <tr>
              {rowHead('denom')}
              {showSource ? sourceCell(dash) : null}
              {variantCells('denom')}
            </tr>
            <tr>
              {rowHead('update')}
              {showSource ? sourceCell(dash) : null}
              {variantCells('update')}
            </tr>
            <tr className={styles.thetaRow}>
              {rowHead('theta')}
              {showSource ? sourceCell(<>≈ {vec('source.theta1', [...printed.theta1] as Pair, th)}</>, 'wrong', t.sourceTheta) : null}
              {variantCells('theta')}
            </tr>
          </tbody>
        </table>
      </div>
      <p className="widget-note">{showSource ? t.rises : source ? t.sourceNote : t.sourceNoteOff}</p>

      <section className={styles.misprint} aria-labelledby={`${uid}-mis`}>
        <p className={styles.misprintTitle} id={`${uid}-mis`}>
          {t.misprintedTitle}
        </p>
        <p>{rich(t.misprinted(step))}</p>
        <dl className={styles.misprintValues}>
          <div>
            <dt>{rich(t.misprintedM)}</dt>
            <dd className={styles.num}>{vec('misprinted.m', r.misprinted.m)}</dd>
          </div>
          <div>
            <dt>{rich(t.correctM)}</dt>
            <dd className={styles.num}>{vec(null, r.m)}</dd>
          </div>
          <div>
            <dt>{rich(t.misprintedV)}</dt>
            <dd className={styles.num}>{vec('misprinted.v', r.misprinted.v)}</dd>
          </div>
        </dl>
        <p className={styles.muted}>{t.misprintedWhy}</p>
      </section>

      <div className={styles.charts}>
        {chart(0)}
        {chart(1)}
      </div>

      <div className={styles.presets}>
        <div className="control">
          <span className="control-label" id={`${uid}-gp`}>
            {t.gradPresets}
          </span>
          <div className="chip-row" role="group" aria-labelledby={`${uid}-gp`}>
            {GRADIENT_PRESETS.map((p) => (
              <button
                key={p.id}
                type="button"
                className="chip"
                data-preset={p.id}
                aria-pressed={sameList(grads1, p.grads1) && sameList(grads2, p.grads2) && T === p.steps}
                onClick={() => update({ grads1: [...p.grads1], grads2: [...p.grads2], steps: p.steps, t: Math.min(step, p.steps) })}
              >
                {t.gradPresetLabels[p.id]}
              </button>
            ))}
          </div>
        </div>
        <div className="control">
          <span className="control-label" id={`${uid}-hp`}>
            {t.hyperPresets}
          </span>
          <div className="chip-row" role="group" aria-labelledby={`${uid}-hp`}>
            {HYPER_PRESETS.map((p) => (
              <button
                key={p.id}
                type="button"
                className="chip"
                data-preset={p.id}
                aria-pressed={beta1 === p.beta1 && beta2 === p.beta2 && lr === p.lr && eps === p.eps}
                onClick={() => update({ beta1: p.beta1, beta2: p.beta2, lr: p.lr, eps: p.eps })}
              >
                {t.hyperPresetLabels[p.id]}
              </button>
            ))}
          </div>
        </div>
      </div>
      <SchemaControls
        schema={adamStepperSchema}
        groups={adamStepper.groups}
        values={values}
        onChange={(patch) => {
          const next = patch as Partial<AdamStepperValues>;
          update(next.steps !== undefined && next.steps < values.t ? { ...next, t: next.steps } : next);
        }}
        lang={lang}
      />

      <details className={styles.every}>
        <summary>{t.tableTitle(T)}</summary>
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={`${uid}-all`}>
          <table className={styles.allTable}>
            <caption id={`${uid}-all`}>{t.tableCaption}</caption>
            <thead>
              <tr>
                {[t.colT, t.colG, t.colM, t.colV, t.colC1, t.colC2, t.colMHat, t.colVHat, t.colUpdC, t.colThetaC, t.colUpdU, t.colThetaU].map((c) => (
                  <th key={c} scope="col" className="num">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {run.map((s) => (
                <tr key={s.t} data-t={s.t} className={s.t === step ? styles.current : undefined} aria-current={s.t === step ? 'step' : undefined}>
                  <th scope="row" className="num">
                    {s.t}
                  </th>
                  <td className="num">{cellPair(s.g)}</td>
                  <td className="num">{cellPair(s.m)}</td>
                  <td className="num">{cellPair(s.v)}</td>
                  <td className="num">{cellOne(s.c1)}</td>
                  <td className="num">{cellOne(s.c2)}</td>
                  <td className="num">{cellPair(s.mHat)}</td>
                  <td className="num">{cellPair(s.vHat)}</td>
                  <td className="num">{cellPair(s.corrected.update)}</td>
                  <td className="num">{cellPair(s.corrected.theta, th)}</td>
                  <td className="num">{cellPair(s.uncorrected.update)}</td>
                  <td className="num">{cellPair(s.uncorrected.theta, th)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </WidgetFrame>
  );
}
