'use client';

import { useId, useMemo, useState } from 'react';
import { ChartFrame } from '@/components/charts/ChartFrame';
import { LineChart, type Series } from '@/components/charts/LineChart';
import { NARROW_WIDGET, useMediaQuery } from '@/components/hooks/useMediaQuery';
import { LiveWidgetFrame, useLiveWidget, type LiveHandle } from '@/components/widgets/live/LiveWidget';
import { formatNumber, formatPercent } from '@/lib/format';
import { HTML_LANG, type Lang } from '@/lib/i18n';
import { DEFAULT_PROMPT, MAX_SAMPLE_LENGTH, perplexity, SAMPLE_LENGTH, tinyGpt, type TinyGptSample, type TinyGptValues } from '@/lib/widgets/tiny-gpt';
import styles from './TinyGpt.module.css';

interface Row {
  id: 'gpt' | 'lstm';
  name: string;
  params: number | null;
  train: number | null;
  val: number | null;
  tps: number | null;
}

const NONE: readonly { step: number; value: number }[] = [];
type Curve = readonly { step: number; value: number }[];
const points = (c: Curve) => c.map((p) => [p.step, p.value] as [number, number]);
/** The value of a curve at the step nearest to `step` (for the table of the chart). */
const at = (c: Curve, step: number) => {
  let best: number | undefined;
  let gap = Infinity;
  for (const p of c) if (Math.abs(p.step - step) < gap) [best, gap] = [p.value, Math.abs(p.step - step)];
  return best;
};

/** A character-level GPT trained on the book in the reader's browser, racing an LSTM of the same size. */
export default function TinyGpt({ lang, defaults }: { lang: Lang; defaults: TinyGptValues }) {
  const t = tinyGpt.strings[lang];
  const live = useLiveWidget(tinyGpt, defaults);
  const s = live.session.state;
  const v = live.settings.values;
  const { request } = live.session;
  const narrow = useMediaQuery(NARROW_WIDGET, false);
  const info = s.info;
  const m = s.metrics;
  const extra = s.extra;
  const baseline = info ? info.lstmParams !== null : v.baseline;

  const gptTrain = s.curves.loss ?? NONE;
  const lstmTrain = s.curves.lstmLoss ?? NONE;
  const gptVal = s.curves.valLoss ?? NONE;
  const lstmVal = s.curves.lstmValLoss ?? NONE;
  const series = useMemo(() => {
    const out: Series[] = [
      { name: `${t.gpt} · ${t.loss}`, points: points(gptTrain), color: 'var(--okabe-blue)' },
      { name: `${t.gpt} · ${t.valLoss}`, points: points(gptVal), color: 'var(--okabe-blue)', dashed: true },
    ];
    if (baseline)
      out.push(
        { name: `${t.lstm} · ${t.loss}`, points: points(lstmTrain), color: 'var(--okabe-vermillion)' },
        { name: `${t.lstm} · ${t.valLoss}`, points: points(lstmVal), color: 'var(--okabe-vermillion)', dashed: true },
      );
    return out.filter((x) => x.points.length > 0);
  }, [gptTrain, gptVal, lstmTrain, lstmVal, baseline, t]);
  const tableRows = useMemo(
    () =>
      gptVal.map((p) => {
        const f = (x: number | undefined) => (x === undefined ? '—' : formatNumber(x, lang, { digits: 3 }));
        const row: (string | number)[] = [p.step, f(at(gptTrain, p.step)), f(p.value)];
        if (baseline) row.push(f(at(lstmTrain, p.step)), f(at(lstmVal, p.step)));
        return row;
      }),
    [gptVal, gptTrain, lstmTrain, lstmVal, baseline, lang],
  );

  // The prompt box: continues the reader's text with both models, on request.
  const promptId = useId();
  const lengthId = useId();
  const [prompt, setPrompt] = useState<string>(DEFAULT_PROMPT[v.text]);
  const [length, setLength] = useState(200);
  const [mine, setMine] = useState<TinyGptSample | null>(null);
  const [busy, setBusy] = useState(false);
  const ready = info !== null && s.refused.length === 0 && s.status !== 'loading';
  const generate = () => {
    setBusy(true);
    void request('sample', { prompt, length })
      .then((r) => {
        if (r) setMine(r);
      })
      .finally(() => setBusy(false));
  };

  const loss = (x: number | null | undefined) => (x == null || !Number.isFinite(x) ? '—' : formatNumber(x, lang, { digits: 3 }));
  const ppl = (x: number | null | undefined) => (x == null || !Number.isFinite(x) ? '—' : formatNumber(perplexity(x), lang, { digits: 1 }));
  const rate = (x: number | null | undefined) => (x == null || !Number.isFinite(x) ? '—' : formatNumber(Math.round(x), lang));
  const rows: Row[] = [
    { id: 'gpt', name: t.gpt, params: info?.gptParams ?? null, train: s.loss, val: m.valLoss ?? null, tps: m.tokensPerSecond ?? null },
  ];
  if (baseline) rows.push({ id: 'lstm', name: t.lstm, params: info?.lstmParams ?? null, train: m.lstmLoss ?? null, val: m.lstmValLoss ?? null, tps: m.lstmTokensPerSecond ?? null });

  /** Both models' continuations of one prompt; `kind` names their results (tinyGpt.sample, tinyGpt.promptSample, …). */
  const sampleBlock = (sm: TinyGptSample, kind: 'sample' | 'promptSample') => (
    <div className={styles.samples} data-testid={kind === 'sample' ? 'tiny-sample' : 'tiny-prompt-sample'} data-step={sm.step}>
      {[
        { id: 'gpt', name: t.gpt, text: sm.gpt, result: kind },
        ...(sm.lstm !== null ? [{ id: 'lstm', name: t.lstm, text: sm.lstm, result: kind === 'sample' ? 'lstmSample' : 'promptLstmSample' }] : []),
      ].map((x) => (
        <figure key={x.id} className={styles.sample}>
          <figcaption>{x.name}</figcaption>
          <p lang={HTML_LANG[v.text]} data-result={`tinyGpt.${x.result}`} data-value={x.text}>
            <span className={styles.prompt}>{sm.prompt}</span>
            {x.text}
          </p>
        </figure>
      ))}
      <p className="widget-note">
        {t.temperatureShort} {formatNumber(sm.temperature, lang, { digits: 1 })} · {t.topKShort} {sm.topK || '∞'}
      </p>
    </div>
  );

  const output = (
    <div className={styles.output}>
      <table className={styles.stats}>
        <thead>
          <tr>
            <td />
            {rows.map((r) => (
              <th key={r.id} scope="col" className="num">
                {r.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {(
            [
              ['params', t.params, (r: Row) => r.params, (x: number | null) => (x === null ? '—' : formatNumber(x, lang))],
              ['loss', t.loss, (r: Row) => r.train, loss],
              ['valLoss', t.valLoss, (r: Row) => r.val, loss],
              [null, t.perplexity, (r: Row) => r.val, ppl],
              ['tokensPerSecond', t.tokensPerSecond, (r: Row) => r.tps, rate],
            ] as const
          ).map(([name, label, pick, show]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              {rows.map((r) => {
                const x = pick(r);
                // Results are named tinyGpt.<name> for the GPT and tinyGpt.lstm<Name> for the LSTM.
                const id = name === null ? undefined : `tinyGpt.${r.id === 'gpt' ? name : `lstm${name[0]!.toUpperCase()}${name.slice(1)}`}`;
                return (
                  <td key={r.id} className="num" data-result={id} data-value={id === undefined ? undefined : (x ?? undefined)}>
                    {show(x)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="widget-note">
        {t.step}{' '}
        <strong data-result="tinyGpt.step" data-value={s.step}>
          {formatNumber(s.step, lang)}
        </strong>{' '}
        / {formatNumber(v.steps, lang)}
        {info ? <> · {t.uniform(formatNumber(info.uniformLoss, lang, { digits: 2 }))}</> : null}
      </p>
      {series.length && gptTrain.length > 1 ? (
        <ChartFrame
          caption={t.curvesTitle}
          tableLabel={t.seeTable}
          table={{ columns: [t.step, `${t.gpt} · ${t.loss}`, `${t.gpt} · ${t.valLoss}`, ...(baseline ? [`${t.lstm} · ${t.loss}`, `${t.lstm} · ${t.valLoss}`] : [])], rows: tableRows }}
        >
          <LineChart
            series={series}
            xLabel={t.stepAxis}
            yLabel={t.lossAxis}
            formatX={(x) => formatNumber(x, lang)}
            formatY={(y) => formatNumber(y, lang, { digits: 1 })}
            rules={info ? [{ y: info.uniformLoss, label: 'ln V' }] : []}
            height={narrow ? 130 : 200}
          />
        </ChartFrame>
      ) : null}
      <section aria-live="polite" aria-label={t.sampleTitle(extra?.sample?.step ?? 0)}>
        {extra?.sample ? (
          <>
            <p className={styles.sectionTitle}>{t.sampleTitle(extra.sample.step)}</p>
            {sampleBlock(extra.sample, 'sample')}
          </>
        ) : (
          <p className="widget-note">{t.noSample}</p>
        )}
      </section>
    </div>
  );

  const below = (
    <div className={styles.below}>
      <form
        className={styles.promptForm}
        onSubmit={(e) => {
          e.preventDefault();
          if (ready && !busy) generate();
        }}
      >
        <label htmlFor={promptId}>{t.promptLabel}</label>
        <textarea id={promptId} rows={2} value={prompt} maxLength={400} onChange={(e) => setPrompt(e.target.value)} lang={HTML_LANG[v.text]} />
        <div className={styles.promptRow}>
          <label htmlFor={lengthId}>{t.lengthLabel}</label>
          <input id={lengthId} type="number" min={1} max={MAX_SAMPLE_LENGTH} step={1} value={length} onChange={(e) => setLength(Math.max(1, Math.min(MAX_SAMPLE_LENGTH, Number(e.target.value) || SAMPLE_LENGTH)))} />
          <button type="submit" className="button-quiet" disabled={!ready || busy} data-action="generate">
            {busy ? t.generating : t.generate}
          </button>
        </div>
        {s.step === 0 ? <p className="widget-note">{t.trainFirst}</p> : null}
      </form>
      <div aria-live="polite">{mine ? sampleBlock(mine, 'promptSample') : null}</div>
      {info ? (
        <p className="widget-note">
          {info.architecture}
          {info.lstmHidden !== null ? <> · {t.lstm}: {t.hidden(info.lstmHidden)}</> : null}. {t.vocabNote(info.vocab, formatPercent(info.unknownShare, lang, 2))}{' '}
          {t.split(formatNumber(info.trainChars, lang), formatNumber(info.validationChars, lang))} {t.lossNote}
        </p>
      ) : null}
    </div>
  );

  const chars = info ? formatNumber(info.trainChars + info.validationChars, lang) : '…';
  return (
    <LiveWidgetFrame
      live={live as unknown as LiveHandle}
      lang={lang}
      description={<p>{t.intro(chars, t.textNames[v.text], baseline)}</p>}
      output={output}
      below={below}
      playLabel={t.train}
      stepSize={10}
      data={{ 'val-step': extra?.validation?.step ?? '', 'sample-step': extra?.sample?.step ?? '', text: v.text }}
    />
  );
}
