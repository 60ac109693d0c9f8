'use client';

import { Fragment, useEffect, useId, useMemo, useRef, useState } from 'react';
import { ChartFrame } from '@/components/charts/ChartFrame';
import { LineChart } from '@/components/charts/LineChart';
import { NARROW_WIDGET, useMediaQuery } from '@/components/hooks/useMediaQuery';
import { useWidgetState } from '@/components/hooks/useWidgetState';
import { FieldControl } from '@/components/widgets/controls/SchemaControls';
import { WidgetFrame } from '@/components/widgets/WidgetFrame';
import { formatNumber } from '@/lib/format';
import { NUMBER_LOCALE, type Lang } from '@/lib/i18n';
import {
  activationExplorer,
  activationExplorerSchema,
  isScalarFn,
  productSeries,
  sampleCurve,
  scalarReport,
  type ActivationExplorerValues,
  type ScalarFn,
} from '@/lib/widgets/activation-explorer';
import { ActivationPlot, clampZ } from './ActivationPlot';
import { SoftmaxPanel } from './SoftmaxPanel';
import styles from './ActivationExplorer.module.css';

const ID = activationExplorer.id;
const schema = activationExplorerSchema;
/** A drag or a held arrow key changes z many times a second; the URL is rewritten once it settles. */
const COMMIT_DELAY_MS = 180;

/** Sigmoid, tanh, ReLU, leaky ReLU and GELU with their derivatives and the vanishing product; or softmax on a vector. */
export default function ActivationExplorer({ lang, defaults }: { lang: Lang; defaults: ActivationExplorerValues }) {
  const state = useWidgetState(ID, schema, defaults);
  const { values, update } = state;
  const rootRef = useRef<HTMLElement>(null);
  // z while the reader drags or holds a key: shown at once, written to the URL when it settles.
  const [pendingZ, setPendingZ] = useState<number | null>(null);
  useEffect(() => {
    if (pendingZ === null) return;
    const timer = setTimeout(() => {
      update({ z: pendingZ });
      setPendingZ(null);
    }, COMMIT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [pendingZ, update]);

  const fn = values.fn;
  const set = (patch: Partial<ActivationExplorerValues>) => update(patch);

  return (
    <WidgetFrame
      ref={rootRef}
      id={ID}
      lang={lang}
      title={activationExplorer.title[lang]}
      issues={state.issues}
      onDismissIssues={state.dismissIssues}
      onReset={() => {
        setPendingZ(null);
        state.reset();
      }}
      link={() => state.linkFor(rootRef.current)}
      data={{ status: state.loaded ? 'ready' : 'idle', 'url-state': state.loaded ? 'applied' : 'pending', fn }}
    >
      <div className={`controls ${styles.topControls}`}>
        <FieldControl name="fn" field={schema.fn} value={fn} lang={lang} onChange={(v) => set({ fn: v as ActivationExplorerValues['fn'] })} />
        {fn === 'leakyRelu' ? <FieldControl name="alpha" field={schema.alpha} value={values.alpha} lang={lang} onChange={(v) => set({ alpha: v as number })} /> : null}
      </div>
      {/* Remounted once the link is read, so every data-value holds the browser's own number, not the server's
          (Node's and the browser's Math functions may differ in the last bit, and hydration keeps the server's attributes). */}
      <Fragment key={state.loaded ? 'client' : 'server'}>
        {isScalarFn(fn) ? (
          <ScalarPanel
            lang={lang}
            fn={fn}
            z={pendingZ ?? values.z}
            layers={values.layers}
            alpha={values.alpha}
            onZ={(z, final) => {
              if (final) {
                setPendingZ(null);
                update({ z });
              } else setPendingZ(z);
            }}
            onLayers={(n) => set({ layers: n })}
          />
        ) : (
          <SoftmaxPanel lang={lang} logits={values.logits} temperature={values.temperature} onChange={(patch) => set(patch)} />
        )}
      </Fragment>
    </WidgetFrame>
  );
}

interface ScalarProps {
  lang: Lang;
  fn: ScalarFn;
  z: number;
  layers: number;
  alpha: number;
  onZ: (z: number, final?: boolean) => void;
  onLayers: (n: number) => void;
}

/** One scalar function: the plot with its handle, the worked values at z, and the product through n layers. */
function ScalarPanel({ lang, fn, z, layers, alpha, onZ, onLayers }: ScalarProps) {
  const t = activationExplorer.strings[lang];
  const uid = useId();
  const narrow = useMediaQuery(NARROW_WIDGET, false);
  const r = scalarReport(fn, z, layers, alpha);
  const curve = useMemo(() => sampleCurve(fn, alpha), [fn, alpha]);
  const series = useMemo(() => productSeries(fn, z, alpha), [fn, z, alpha]);
  const name = t.fnName[fn];
  // An exact 0 (ReLU below 0, its product) reads as 0, not 0.0000.
  const num = (v: number, digits = 4) => (v === 0 ? '0' : formatNumber(v, lang, { digits }));
  const short = (v: number, digits = 2) => new Intl.NumberFormat(NUMBER_LOCALE[lang], { maximumFractionDigits: digits }).format(v);
  const product = (v: number) => (v !== 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e4) ? formatNumber(v, lang, { sci: true, digits: 2 }) : num(v));
  const zText = short(z);
  const worked = t.worked[fn]({
    z: zText,
    negZ: short(-z + 0),
    zFactor: z < 0 ? `(${zText})` : zText,
    value: num(r.value),
    derivative: num(r.derivative),
    alpha: short(alpha, 3),
    sigmoid: num(r.parts.sigmoid),
    oneMinusSigmoid: num(1 - r.parts.sigmoid),
    tanh: num(r.parts.tanh),
    cdf: num(r.parts.cdf),
    pdf: num(r.parts.pdf),
    positive: z > 0,
  });
  const formulas = t.formulas[fn];

  const d = r.derivative;
  const absD = Math.abs(d);
  const meaning =
    d === 0
      ? t.meaning.zero(layers)
      : absD === 1
        ? t.meaning.one(layers)
        : absD < 1
          ? t.meaning.shrink(num(d), layers, product(r.product))
          : t.meaning.grow(num(absD), layers, product(r.product));
  const positive = series.filter((p) => p.product !== 0);
  const chartSeries = [
    { name: d < 0 ? t.productAbsSeries : t.productSeries, points: positive.map((p) => [p.n, Math.abs(p.product)] as [number, number]), color: 'var(--okabe-blue)' },
    ...(fn === 'sigmoid'
      ? [{ name: t.sigmoidBest, points: series.map((p) => [p.n, 0.25 ** p.n] as [number, number]), dashed: true, color: 'var(--okabe-orange)' }]
      : []),
    { name: t.unchanged, points: [[1, 1], [series.length, 1]] as [number, number][], dashed: true, color: 'var(--fg-muted)' },
  ];

  return (
    <>
      <figure className={`chart ${styles.plotFigure}`}>
        <figcaption className="chart-caption">{t.plotCaption(name)}</figcaption>
        <ActivationPlot
          curve={curve}
          z={z}
          f={r.value}
          d={r.derivative}
          onZ={onZ}
          handleLabel={t.zHandle}
          valueText={t.zValueText(zText, num(r.value))}
          formatY={(v) => short(v, 2)}
          height={narrow ? 220 : 270}
        />
        <ul className="chart-legend">
          <li>
            <span className="swatch" style={{ borderColor: 'var(--okabe-blue)' }} />
            {t.fLegend(name)}
          </li>
          <li>
            <span className="swatch swatch-dashed" style={{ borderColor: 'var(--okabe-vermillion)' }} />
            {t.dLegend(name)}
          </li>
        </ul>
        <details className="chart-table">
          <summary>{t.plotTable}</summary>
          <div className="table-scroll" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col" className="num">{t.zCol}</th>
                  <th scope="col" className="num">{t.fCol}</th>
                  <th scope="col" className="num">{t.dCol}</th>
                </tr>
              </thead>
              <tbody>
                {curve
                  .filter((p) => Number.isInteger(p.z))
                  .map((p) => (
                    <tr key={p.z}>
                      <td className="num">{p.z}</td>
                      <td className="num">{num(p.f)}</td>
                      <td className="num">{num(p.d)}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </details>
      </figure>

      <div className={styles.details}>
        <div className={styles.side}>
          <FieldControl
            name="z"
            field={schema.z}
            value={z}
            lang={lang}
            onChange={(v) => onZ(clampZ(v as number), true)}
          />
          <dl className="results results-compact">
            <div className="result">
              <dt>z</dt>
              <dd data-result={`${activationExplorer.id}.z`} data-value={z}>
                {zText}
              </dd>
            </div>
            <div className="result">
              <dt>{t.value(name, zText)}</dt>
              <dd data-result={`${activationExplorer.id}.value`} data-value={r.value} className={styles.valueF}>
                {num(r.value)}
              </dd>
            </div>
            <div className="result">
              <dt>{t.derivative(name, zText)}</dt>
              <dd data-result={`${activationExplorer.id}.derivative`} data-value={r.derivative} className={styles.valueD}>
                {num(r.derivative)}
              </dd>
            </div>
          </dl>
        </div>
        <div className={styles.side}>
          <div className={styles.formula}>
            <p className={styles.formulaHead}>{t.formulaHead}</p>
            <p className={styles.math}>{formulas.f}</p>
            <p className={styles.math}>{formulas.d}</p>
            <p className={styles.formulaHead}>{t.workedHead}</p>
            <p className={styles.math} data-testid="worked-f">
              {worked.f}
            </p>
            <p className={styles.math} data-testid="worked-d">
              {worked.d}
            </p>
          </div>
          <p className="widget-note">{t.describe[fn]}</p>
        </div>
      </div>

      <section className={styles.product} aria-labelledby={`${uid}-product`}>
        <p className={styles.sectionTitle} id={`${uid}-product`}>
          {t.productTitle}
        </p>
        <div className={styles.productRow}>
          <FieldControl name="layers" field={schema.layers} value={layers} lang={lang} onChange={(v) => onLayers(v as number)} />
          <dl className="results">
            <div className="result">
              <dt>{t.productLabel(num(d), layers)}</dt>
              <dd data-result={`${activationExplorer.id}.product`} data-value={r.product}>
                {product(r.product)}
              </dd>
            </div>
          </dl>
        </div>
        <p className={styles.meaning} data-testid="product-meaning">
          {meaning}
          {fn === 'sigmoid' && z !== 0 ? ` ${t.meaning.sigmoidBest(layers, product(0.25 ** layers))}` : ''}
          {d < 0 ? ` ${t.meaning.negative}` : ''}
        </p>
        {positive.length ? (
          <ChartFrame
            caption={d < 0 ? t.productAbsCaption(layers) : t.productCaption(layers)}
            tableLabel={t.productTable}
            table={{ columns: [t.nCol, t.productCol], rows: series.map((p) => [p.n, product(p.product)]) }}
          >
            <LineChart
              series={chartSeries}
              yLog
              xLabel={t.layersAxis}
              yLabel={t.productAxis}
              formatX={(v) => String(v)}
              formatY={(v) => formatNumber(v, lang, { sci: true, digits: 0 })}
              markers={[{ x: layers, y: Math.abs(r.product), label: `n = ${layers}` }]}
              height={narrow ? 190 : 220}
            />
          </ChartFrame>
        ) : (
          <p className="widget-note">{t.flatNote}</p>
        )}
        <p className="widget-note">{t.productNote}</p>
      </section>
    </>
  );
}
