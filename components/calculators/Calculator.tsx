'use client';

import { useRef } from 'react';
import { useWidgetState } from '@/components/hooks/useWidgetState';
import { WidgetFrame } from '@/components/widgets/WidgetFrame';
import { CALCULATORS, type CalculatorId } from '@/lib/finance';
import type { CalcProblem } from '@/lib/finance/result';
import { DEFAULTS_AS_OF } from '@/lib/finance/schemas';
import { formatNumber } from '@/lib/format';
import { bilingual, type Lang } from '@/lib/i18n';
import type { Field, Schema, Values } from '@/lib/state/schema';
import { CALCULATOR_UI } from './configs';
import { formatOutput } from './format-output';
import { NumberField } from '@/components/widgets/controls/NumberField';
import type { InputSpec } from './types';

const TEXT = bilingual({
  zh: {
    notANumber: '这不是一个数字，数值未改变。',
    results: '结果',
    cannot: '无法计算：',
    more: '更多设置',
    asOf: (d: string) => `价格与硬件的默认值核对于 ${d}，请按你的实际报价修改。`,
    range: (label: string, min: string, max: string) => `“${label}”必须在 ${min} 到 ${max} 之间。`,
    integer: (label: string) => `“${label}”必须是整数。`,
  },
  en: {
    notANumber: 'That is not a number; the value is unchanged.',
    results: 'Results',
    cannot: 'Cannot compute: ',
    more: 'More settings',
    asOf: (d: string) => `Default prices and hardware figures checked ${d}; put in your own quotes.`,
    range: (label: string, min: string, max: string) => `“${label}” must lie between ${min} and ${max}.`,
    integer: (label: string) => `“${label}” must be a whole number.`,
  },
});

/** Inputs a control let through that lie outside the schema's bounds, as problems to show in place of the outputs. */
function boundsProblems(schema: Schema, values: Record<string, unknown>, specs: InputSpec[], lang: Lang): CalcProblem[] {
  const t = TEXT[lang];
  const out: CalcProblem[] = [];
  for (const spec of specs) {
    const f: Field | undefined = schema[spec.key];
    const v = values[spec.key];
    if (!f || f.type !== 'number' || typeof v !== 'number') continue;
    const label = spec.label[lang];
    if (v < f.min || v > f.max) {
      const msg = t.range(label, formatNumber(f.min, lang, { digits: 2 }).replace(/\.00$/, ''), formatNumber(f.max, lang, { sci: f.max >= 1e7, digits: 0 }));
      out.push({ code: 'outOfRange', field: spec.key, message: { zh: msg, en: msg } });
    } else if (f.integer && !Number.isInteger(v)) {
      const msg = t.integer(label);
      out.push({ code: 'notAnInteger', field: spec.key, message: { zh: msg, en: msg } });
    }
  }
  return out;
}

/** One of the eight startup calculators: labelled inputs, outputs with raw values in data-value, a chart, a permalink. */
export function Calculator<S extends Schema>({ id, lang, defaults }: { id: CalculatorId; lang: Lang; defaults: Values<S> }) {
  const t = TEXT[lang];
  const ui = CALCULATOR_UI[id];
  const { schema, compute } = CALCULATORS[id] as unknown as {
    schema: S;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    compute: (v: Values<S>) => import('@/lib/finance/result').CalcResult<any>;
  };
  const state = useWidgetState(id, schema, defaults);
  const rootRef = useRef<HTMLElement>(null);
  const values = state.values as Record<string, unknown>;
  const specs = [...ui.inputs, ...(ui.advanced ?? [])];

  const computed = compute(state.values);
  const ranged = boundsProblems(schema, values, specs, lang);
  const problems = computed.ok
    ? ranged
    : [...computed.problems, ...ranged.filter((r) => !computed.problems.some((p) => p.field && p.field === r.field))];
  const result = problems.length === 0 && computed.ok ? computed : null;

  const renderInput = (spec: InputSpec) => {
    const field = schema[spec.key];
    if (!field) return null;
    if (field.type === 'enum') {
      return (
        <div className="control" key={spec.key}>
          <label htmlFor={`${id}-${spec.key}`}>{spec.label[lang]}</label>
          <select id={`${id}-${spec.key}`} value={String(values[spec.key])} onChange={(e) => state.update({ [spec.key]: e.target.value } as Partial<Values<S>>)}>
            {field.options.map((o) => (
              <option key={o} value={o}>
                {spec.options?.[o]?.[lang] ?? o}
              </option>
            ))}
          </select>
          {spec.hint ? <p className="control-hint">{spec.hint[lang]}</p> : null}
        </div>
      );
    }
    return (
      <NumberField
        key={spec.key}
        label={spec.label[lang]}
        unit={spec.unit?.[lang]}
        hint={spec.hint?.[lang]}
        value={values[spec.key] as number}
        notANumber={t.notANumber}
        invalid={problems.some((p) => p.field === spec.key)}
        onChange={(v) => state.update({ [spec.key]: v } as Partial<Values<S>>)}
      />
    );
  };

  const Chart = ui.Chart;
  return (
    <WidgetFrame
      ref={rootRef}
      id={id}
      lang={lang}
      title={ui.title[lang]}
      issues={state.issues}
      onDismissIssues={state.dismissIssues}
      onReset={state.reset}
      link={() => state.linkFor(rootRef.current)}
      data={{ status: result ? 'ready' : 'error', 'url-state': state.loaded ? 'applied' : 'pending' }}
    >
      <div className="controls">{ui.inputs.map(renderInput)}</div>
      {ui.advanced?.length ? (
        <details className="calc-advanced">
          <summary>{t.more}</summary>
          <div className="controls">{ui.advanced.map(renderInput)}</div>
        </details>
      ) : null}
      <h3 className="visually-hidden">{t.results}</h3>
      {result ? (
        <>
          <dl className="results" aria-live="polite">
            {ui.outputs.map((o) => {
              const missing = result.missing?.[o.key] as CalcProblem | undefined;
              const v = (result.value as Record<string, unknown>)[o.key];
              return (
                <div className="result" key={o.key}>
                  <dt>{o.label[lang]}</dt>
                  {missing || typeof v !== 'number' || !Number.isFinite(v) ? (
                    <dd data-result={`${id}.${o.key}`} data-missing="1" className="result-missing">
                      {missing?.message[lang] ?? '—'}
                    </dd>
                  ) : (
                    <dd data-result={`${id}.${o.key}`} data-value={v}>
                      {formatOutput(v, o, lang)}
                      {o.unit ? <span className="result-unit"> {o.unit[lang]}</span> : null}
                    </dd>
                  )}
                </div>
              );
            })}
          </dl>
          {result.notes.length ? (
            <ul className="calc-notes" data-testid="calc-notes">
              {result.notes.map((n) => (
                <li key={n.code}>{n.message[lang]}</li>
              ))}
            </ul>
          ) : null}
          {Chart ? <Chart values={values} result={result} lang={lang} /> : null}
        </>
      ) : (
        <div className="calc-problems" role="alert" data-testid="calc-problems">
          <p className="calc-problems-title">{t.cannot}</p>
          <ul>
            {problems.map((p, i) => (
              <li key={`${p.code}-${i}`} data-problem={p.code}>
                {p.message[lang]}
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className="widget-note">{t.asOf(DEFAULTS_AS_OF)}</p>
    </WidgetFrame>
  );
}
