'use client';

import { useId, useState } from 'react';
import { FieldControl } from '@/components/widgets/controls/SchemaControls';
import { formatNumber } from '@/lib/format';
import { NUMBER_LOCALE, type Lang } from '@/lib/i18n';
import { activationExplorer, activationExplorerSchema, parseLogits, softmaxJacobianT, softmaxT, sub } from '@/lib/widgets/activation-explorer';
import styles from './ActivationExplorer.module.css';

interface Props {
  lang: Lang;
  logits: number[];
  temperature: number;
  onChange: (patch: { logits?: number[]; temperature?: number }) => void;
}

const ID = activationExplorer.id;

/** Softmax of a vector of logits at a temperature: the probabilities as bars that sum to 1, and the Jacobian. */
export function SoftmaxPanel({ lang, logits, temperature, onChange }: Props) {
  const t = activationExplorer.strings[lang];
  const uid = useId();
  const probs = softmaxT(logits, temperature);
  const jac = softmaxJacobianT(logits, temperature);
  const sum = probs.reduce((a, b) => a + b, 0);
  const top = probs.reduce((best, p, i) => (p > probs[best]! ? i : best), 0);
  const num = (v: number, digits = 4) => formatNumber(v, lang, { digits });
  const short = (v: number) => new Intl.NumberFormat(NUMBER_LOCALE[lang], { maximumFractionDigits: 3 }).format(v);

  return (
    <div className={styles.softmax}>
      <p className="widget-note">{t.softmaxIntro}</p>
      <div className="controls">
        <LogitsField lang={lang} logits={logits} onChange={(v) => onChange({ logits: v })} />
        <FieldControl name="temperature" field={activationExplorerSchema.temperature} value={temperature} lang={lang} onChange={(v) => onChange({ temperature: v as number })} />
      </div>

      <p className={styles.sectionTitle} id={`${uid}-probs`}>
        {t.probabilities}
      </p>
      <ul className={styles.bars} aria-labelledby={`${uid}-probs`}>
        {probs.map((p, i) => (
          <li key={i} className={styles.barRow} data-top={i === top || undefined}>
            <span className={styles.barLabel}>{t.logitLabel(i + 1, short(logits[i]!))}</span>
            <span className={styles.barTrack} aria-hidden="true">
              <span className={styles.barFill} style={{ width: `${(p * 100).toFixed(2)}%` }} />
            </span>
            <span className={styles.barValue}>
              {t.probLabel(i + 1)} ={' '}
              <span data-result={`${ID}.softmax${i}`} data-value={p}>
                {num(p)}
              </span>
            </span>
          </li>
        ))}
      </ul>
      <p className={styles.sumLine}>
        {t.sum} ={' '}
        <strong data-result={`${ID}.softmaxSum`} data-value={sum}>
          {num(sum)}
        </strong>
      </p>
      <p>{t.softmaxMeaning(`z${sub(top + 1)} = ${short(logits[top]!)}`, num(probs[top]!), short(temperature))}</p>

      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={`${uid}-jac`}>
        <table className={styles.jacobian}>
          <caption id={`${uid}-jac`}>
            <strong>{t.jacobianTitle}</strong> {t.jacobianCaption}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t.rowHead}</th>
              {probs.map((_, j) => (
                <th key={j} scope="col" className="num">
                  z{sub(j + 1)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {jac.map((row, i) => (
              <tr key={i}>
                <th scope="row">s{sub(i + 1)}</th>
                {row.map((v, j) => (
                  <td key={j} className={i === j ? `num ${styles.diag}` : 'num'} data-result={`${ID}.jacobian.${i}.${j}`} data-value={v}>
                    {num(v)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/**
 * The logits as text, committed on Enter or blur. Commas, spaces and semicolons (full-width ones too) all separate
 * numbers; text that is not 2–8 numbers in range leaves the logits as they were and says why.
 */
function LogitsField({ lang, logits, onChange }: { lang: Lang; logits: number[]; onChange: (v: number[]) => void }) {
  const t = activationExplorer.strings[lang];
  const field = activationExplorerSchema.logits;
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [bad, setBad] = useState(false);
  const commit = () => {
    if (draft === null) return;
    const r = parseLogits(draft);
    setDraft(null);
    setBad(!r.ok);
    if (r.ok) onChange(r.value);
  };
  return (
    <div className="control" data-control="logits">
      <label htmlFor={id}>{field.label[lang]}</label>
      <input
        id={id}
        name="logits"
        className="input-number input-list"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        aria-invalid={bad || undefined}
        aria-describedby={`${id}-hint`}
        value={draft ?? logits.join(', ')}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
      <p className="control-hint" id={`${id}-hint`}>
        {bad ? <span className="control-note" role="status">{t.badLogits} </span> : null}
        {field.hint[lang]}
      </p>
    </div>
  );
}
