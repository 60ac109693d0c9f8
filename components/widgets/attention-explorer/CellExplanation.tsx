'use client';

import { useId } from 'react';
import type { Lang } from '@/lib/i18n';
import { attentionExplorer, type AttentionView, type CellReport, type ExplainText } from '@/lib/widgets/attention-explorer';
import { makeFormat } from './format';
import styles from './AttentionExplorer.module.css';

const ID = attentionExplorer.id;

/** The selected cell's computation in sentences with its numbers: q·k, the division by √d_k, the row's softmax, the output. */
export function CellExplanation({ lang, view, cell }: { lang: Lang; view: AttentionView; cell: CellReport }) {
  const t = attentionExplorer.strings[lang];
  const fmt = makeFormat(lang);
  const uid = useId();
  const factor = (x: number) => (x < 0 ? `(${fmt(x)})` : fmt(x));
  const vector = (xs: number[]) => `(${xs.map((x) => fmt(x)).join(', ')})`;
  const visible = cell.visible.length === 1 ? String(cell.visible[0]) : `${cell.visible[0]}–${cell.visible.at(-1)}`;
  const text: ExplainText = {
    row: cell.row,
    col: cell.col,
    query: view.tokens[cell.row]!,
    key: view.tokens[cell.col]!,
    terms: cell.q.map((x, l) => `${factor(x)}×${factor(cell.k[l]!)}`).join(' + '),
    dot: fmt(cell.dot, 3),
    dk: cell.dk,
    sqrtDk: fmt(Math.sqrt(cell.dk), 3),
    score: fmt(cell.score, 3),
    expScore: fmt(cell.expScore, 3),
    expSum: fmt(cell.expSum, 3),
    weight: fmt(cell.weight, 3),
    visible,
    contribution: vector(cell.contribution),
    output: vector(cell.output),
  };
  const masked = cell.hidden ? -Infinity : cell.score;

  return (
    <section className={styles.explain} aria-labelledby={`${uid}-title`} data-testid="cell-explanation" data-row={cell.row} data-col={cell.col} data-head={cell.head}>
      <p className={styles.sectionTitle} id={`${uid}-title`}>
        {t.explainTitle(cell.row, cell.col)}
      </p>
      <dl className="results results-compact">
        <div className="result">
          <dt>{t.selectedDot}</dt>
          <dd data-result={`${ID}.selectedDot`} data-value={cell.dot}>
            {text.dot}
          </dd>
        </div>
        <div className="result">
          <dt>{t.dkLabel}</dt>
          <dd data-result={`${ID}.dk`} data-value={cell.dk}>
            {cell.dk}
          </dd>
        </div>
        <div className="result">
          <dt>{t.selectedScore}</dt>
          <dd data-result={`${ID}.selectedScore`} data-value={cell.score}>
            {text.score}
          </dd>
        </div>
        <div className="result">
          <dt>{t.selectedMasked}</dt>
          <dd data-result={`${ID}.selectedMasked`} data-value={masked}>
            {cell.hidden ? t.minusInfinity : text.score}
          </dd>
        </div>
        <div className="result">
          <dt>{t.selectedWeight}</dt>
          <dd data-result={`${ID}.selectedWeight`} data-value={cell.weight}>
            {cell.hidden ? '0' : text.weight}
          </dd>
        </div>
      </dl>
      {/* Read out when the selection moves, so a keyboard user hears the new cell's computation. */}
      <div aria-live="polite" className={styles.explainText} data-testid="cell-explanation-text">
        <p>
          {t.explainDot(text)} {t.explainScale(text)} {cell.row === cell.col ? t.explainSelf : ''}
        </p>
        <p>{cell.hidden ? t.explainHidden(text) : `${t.explainSoftmax(text)} ${t.explainOutput(text)}`}</p>
      </div>
    </section>
  );
}
