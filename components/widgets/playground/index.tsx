'use client';

import { useMemo } from 'react';
import { ChartFrame } from '@/components/charts/ChartFrame';
import { LineChart } from '@/components/charts/LineChart';
import { NARROW_WIDGET, useMediaQuery } from '@/components/hooks/useMediaQuery';
import { useTheme } from '@/components/hooks/useTheme';
import { useWidth } from '@/components/hooks/useWidth';
import { LiveWidgetFrame, useLiveWidget, type LiveHandle } from '@/components/widgets/live/LiveWidget';
import { formatNumber, formatPercent } from '@/lib/format';
import type { Lang } from '@/lib/i18n';
import { playground, type PlaygroundValues } from '@/lib/widgets/playground';
import { Heatmap } from './Heatmap';

const NONE: readonly { step: number; value: number }[] = [];

/** A TensorFlow-Playground-style trainer: real tfjs training in a Web Worker on the reader's GPU. */
export default function PlaygroundTrainer({ lang, defaults }: { lang: Lang; defaults: PlaygroundValues }) {
  const t = playground.strings[lang];
  const live = useLiveWidget(playground, defaults);
  const s = live.session.state;
  const v = live.settings.values;
  const theme = useTheme();
  const [boxRef, width] = useWidth<HTMLDivElement>(320);
  const narrow = useMediaQuery(NARROW_WIDGET, false);
  // On a phone the heat map takes half the output, the numbers beside it; beside the controls, the column's width.
  const size = Math.max(130, Math.min(320, Math.floor(narrow ? width * 0.5 : width)));
  const trainCurve = s.curves.trainLoss ?? NONE;
  const testCurve = s.curves.testLoss ?? NONE;
  const curves = useMemo(
    () => [
      { name: t.trainLoss, points: trainCurve.map((p) => [p.step, p.value] as [number, number]) },
      { name: t.testLoss, points: testCurve.map((p) => [p.step, p.value] as [number, number]), dashed: true },
    ],
    [trainCurve, testCurve, t.trainLoss, t.testLoss],
  );
  const m = s.metrics;
  const datasetName = playground.schema.dataset.optionLabels[v.dataset][lang];

  const output = (
    <div className="playground-output" ref={boxRef}>
      <div className="playground-map">
        <Heatmap boundary={s.extra?.boundary ?? null} resolution={s.extra?.resolution ?? 0} points={s.info?.points ?? null} size={size} dark={theme === 'dark'} label={t.heatmapLabel(datasetName)} />
      </div>
      <dl className="results results-compact playground-stats">
        <div className="result">
          <dt>{t.step}</dt>
          <dd data-result="playground.step" data-value={s.step}>
            {formatNumber(s.step, lang)}
          </dd>
        </div>
        <div className="result">
          <dt>{t.trainLoss}</dt>
          <dd data-result="playground.loss" data-value={s.loss ?? undefined}>
            {s.loss === null ? '—' : formatNumber(s.loss, lang, { digits: 3 })}
          </dd>
        </div>
        <div className="result">
          <dt>{t.testLoss}</dt>
          <dd data-result="playground.testLoss" data-value={m.testLoss ?? undefined}>
            {m.testLoss == null ? '—' : formatNumber(m.testLoss, lang, { digits: 3 })}
          </dd>
        </div>
        <div className="result">
          <dt>{t.testAccuracy}</dt>
          <dd data-result="playground.testAccuracy" data-value={m.testAccuracy ?? undefined}>
            {m.testAccuracy == null ? '—' : formatPercent(m.testAccuracy, lang, 1)}
          </dd>
        </div>
      </dl>
      <div className="playground-curve">
        {trainCurve.length > 1 ? (
          <ChartFrame
            caption={t.curveCaption}
            tableLabel={t.curveTable}
            table={{
              columns: [t.step, t.trainLoss, t.testLoss],
              rows: trainCurve.filter((_, i) => i % Math.ceil(trainCurve.length / 20) === 0).map((p) => [p.step, formatNumber(p.value, lang, { digits: 3 }), formatNumber(testCurve.find((q) => q.step === p.step)?.value ?? NaN, lang, { digits: 3 })]),
            }}
          >
            <LineChart series={curves} xLabel={t.step} yLabel={t.loss} formatX={(x) => formatNumber(x, lang)} formatY={(y) => formatNumber(y, lang, { digits: 2 })} height={narrow ? 120 : 170} />
          </ChartFrame>
        ) : (
          <p className="widget-note">{t.noCurveYet}</p>
        )}
      </div>
    </div>
  );
  const below = (
    <>
      <p className="widget-note playground-legend">{t.legend}</p>
      {s.info ? <p className="widget-note">{t.params(formatNumber(s.info.params, lang))}</p> : null}
    </>
  );

  return <LiveWidgetFrame live={live as unknown as LiveHandle} lang={lang} output={output} below={below} />;
}
