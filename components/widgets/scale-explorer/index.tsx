'use client';

import { useId, useMemo, useRef, useState } from 'react';
import { useWidgetState } from '@/components/hooks/useWidgetState';
import { WidgetFrame } from '@/components/widgets/WidgetFrame';
import { formatBytes, formatNumber, formatParams } from '@/lib/format';
import type { Lang } from '@/lib/i18n';
import { ACCELERATORS_AS_OF } from '@/lib/scale/accelerators';
import { OPTIMIZER_BYTES, type Optimizer, type Precision } from '@/lib/scale/memory';
import { parseNumber, clampNumber } from '@/lib/state/schema';
import { SIZE_PRESETS, scaleExplorer, scaleExplorerSchema, scaleReport, type ScaleExplorerValues } from '@/lib/widgets/scale-explorer';
import { SchemaControls } from '@/components/widgets/controls/SchemaControls';

const LOG_MIN = Math.log10(scaleExplorerSchema.params.min);
const LOG_MAX = Math.log10(scaleExplorerSchema.params.max);

/** Parameters × precision → memory for weights, serving and training; and which accelerators hold it. */
export default function ScaleExplorer({ lang, defaults }: { lang: Lang; defaults: ScaleExplorerValues }) {
  const t = scaleExplorer.strings[lang];
  const state = useWidgetState(scaleExplorer.id, scaleExplorerSchema, defaults);
  const { values, update } = state;
  const rootRef = useRef<HTMLElement>(null);
  const uid = useId();
  // null while the reader is not typing: the box then shows the current value.
  const [draft, setDraft] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);

  const report = useMemo(
    () => scaleReport(values.params, values.precision as Precision, values.optimizer as Optimizer),
    [values.params, values.precision, values.optimizer],
  );

  const commitDraft = () => {
    if (draft === null) return;
    const n = parseNumber(draft.trim().replace(/[,_\s]/g, ''));
    setDraft(null);
    if (!Number.isFinite(n)) {
      setNote(t.notNumber);
      return;
    }
    const v = clampNumber(scaleExplorerSchema.params, n);
    setNote(v !== n ? t.clamped(formatParams(v, lang)) : null);
    update({ params: v });
  };

  const sizeLabel = formatParams(values.params, lang);
  const sliderValue = Math.log10(values.params);

  return (
    <WidgetFrame
      ref={rootRef}
      id={scaleExplorer.id}
      lang={lang}
      title={scaleExplorer.title[lang]}
      issues={state.issues}
      onDismissIssues={state.dismissIssues}
      onReset={() => {
        setNote(null);
        state.reset();
      }}
      link={() => state.linkFor(rootRef.current)}
      data={{ status: state.loaded ? 'ready' : 'idle', 'url-state': state.loaded ? 'applied' : 'pending' }}
    >
      <div className="controls">
        <div className="control">
          <label htmlFor={`${uid}-params`}>{t.params}</label>
          <div className="control-row">
            <input
              id={`${uid}-params`}
              name="params"
              className="input-number"
              inputMode="decimal"
              autoComplete="off"
              spellCheck={false}
              value={draft ?? formatParamsInput(values.params)}
              aria-describedby={`${uid}-params-hint ${uid}-params-note`}
              onChange={(e) => setDraft(e.target.value)}
              onBlur={commitDraft}
              onKeyDown={(e) => {
                if (e.key === 'Enter') commitDraft();
              }}
            />
            <output className="control-value" htmlFor={`${uid}-params`} data-result="scaleExplorer.params" data-value={values.params}>
              {sizeLabel}
            </output>
          </div>
          <input
            type="range"
            className="input-range"
            aria-label={t.paramsSlider}
            aria-valuetext={sizeLabel}
            min={LOG_MIN}
            max={LOG_MAX}
            step={0.01}
            value={sliderValue}
            onChange={(e) => {
              setNote(null);
              const v = Number((10 ** Number(e.target.value)).toPrecision(2));
              update({ params: clampNumber(scaleExplorerSchema.params, v) });
            }}
          />
          <p className="control-hint" id={`${uid}-params-hint`}>{t.paramsHint}</p>
          <p className="control-note" id={`${uid}-params-note`} role="status">{note}</p>
        </div>

        <div className="control">
          <span className="control-label" id={`${uid}-presets`}>{t.presets}</span>
          <div className="chip-row" role="group" aria-labelledby={`${uid}-presets`}>
            {SIZE_PRESETS.map((p) => (
              <button
                key={p.label}
                type="button"
                className="chip"
                aria-pressed={values.params === p.params}
                onClick={() => {
                  setNote(null);
                  update({ params: p.params });
                }}
              >
                {p.label}
              </button>
            ))}
          </div>
        </div>

        <SchemaControls schema={scaleExplorerSchema} values={values} onChange={(patch) => update(patch as Partial<ScaleExplorerValues>)} lang={lang} />
      </div>

      <dl className="results">
        <div className="result">
          <dt>{t.weights}</dt>
          <dd data-result="scaleExplorer.weightBytes" data-value={report.weightBytes}>
            {formatBytes(report.weightBytes, lang)}
          </dd>
        </div>
        <div className="result">
          <dt>{t.serving}</dt>
          <dd data-result="scaleExplorer.inferenceBytes" data-value={report.inferenceBytes}>
            {formatBytes(report.inferenceBytes, lang)}
          </dd>
        </div>
        <div className="result">
          <dt>{t.training}</dt>
          <dd data-result="scaleExplorer.trainingBytes" data-value={report.trainingBytes}>
            {formatBytes(report.trainingBytes, lang)}
            <span className="result-sub">{t.perParam(OPTIMIZER_BYTES[values.optimizer as Optimizer])}</span>
          </dd>
        </div>
      </dl>
      <p className="widget-note">{t.trainNote}</p>

      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={`${uid}-caption`}>
        <table className="fit-table">
          <caption id={`${uid}-caption`}>{t.tableCaption(sizeLabel)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.accelerator}</th>
              <th scope="col" className="num">{t.memory}</th>
              <th scope="col">{t.inference}</th>
              <th scope="col">{t.trainingCol}</th>
            </tr>
          </thead>
          <tbody>
            {report.fits.map((f) => (
              <tr key={f.accelerator.id} data-accelerator={f.accelerator.id}>
                <th scope="row">
                  {f.accelerator.vendor} {f.accelerator.name}
                </th>
                <td className="num">{t.memoryCell(formatNumber(f.accelerator.nominalGB, lang), formatNumber(f.accelerator.memoryGiB, lang, { digits: 1 }))}</td>
                <td data-fits={f.servesAlone ? 1 : 0} className={f.servesAlone ? 'fit-yes' : 'fit-no'}>
                  <span aria-hidden="true">{f.servesAlone ? '✓ ' : '✗ '}</span>
                  {f.servesAlone ? t.fits : t.needs(f.serveDevices)}
                </td>
                <td data-devices={f.trainDevices} className={f.trainDevices === 1 ? 'fit-yes' : 'fit-no'}>
                  <span aria-hidden="true">{f.trainDevices === 1 ? '✓ ' : '✗ '}</span>
                  {f.trainDevices === 1 ? t.fits : t.needs(f.trainDevices)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="widget-note">{t.asOf(ACCELERATORS_AS_OF)}</p>
    </WidgetFrame>
  );
}

/** The text box shows exponent notation for round sizes ("7e9"), else the plain number. */
function formatParamsInput(n: number): string {
  const exp = n.toExponential().replace('e+', 'e');
  return exp.length < String(n).length ? exp : String(n);
}
