'use client';

import { useEffect, useId, useRef, type CSSProperties, type KeyboardEvent } from 'react';
import { moveSelection } from '@/lib/widgets/attention-explorer';
import styles from './AttentionExplorer.module.css';

export interface Cell {
  row: number;
  col: number;
}

interface Props {
  /** Which matrix (data-matrix), e.g. "weights". */
  name: string;
  title: string;
  caption: string;
  corner: string;
  rowLabels: string[];
  colLabels: string[];
  /** The entries; −Infinity is a hidden (masked) score, drawn as −∞. */
  values: number[][];
  /** "weight": 0 … 1 in one hue; "diverging": blue for positive, vermillion for negative, scaled by the largest |v|. */
  scale: 'weight' | 'diverging';
  format: (v: number) => string;
  /** `data-result="<resultId>"` on every cell, with data-row, data-col and data-value. */
  resultId?: string;
  /** Cells the mask hides: their weight is drawn muted. */
  hidden?: boolean[][];
  hiddenLabel: string;
  minusInfinity: string;
  /** Σ of each row, shown in a last column (data-result `<sumResultId>`). */
  rowSums?: { label: string; values: number[]; resultId: string };
  /** A selectable matrix: a grid whose active cell moves with a click or the arrow keys. */
  selected?: Cell;
  onSelect?: (cell: Cell) => void;
  /** The row to highlight in a matrix that is not selectable (the output row of the selected query). */
  highlightRow?: number;
}

/**
 * One matrix as a real table with row and column headers, its cells tinted by value (the number is always written
 * too). A selectable one is an ARIA grid: focus stays on the table and aria-activedescendant names the selected cell,
 * so the arrow keys, Home and End move the selection without moving focus from cell to cell.
 */
export function HeatMatrix(props: Props) {
  const { name, title, caption, corner, rowLabels, colLabels, values, scale, format, resultId, hidden, hiddenLabel, minusInfinity, rowSums, selected, onSelect, highlightRow } = props;
  const uid = useId();
  const tableRef = useRef<HTMLTableElement>(null);
  const selectable = Boolean(onSelect && selected);
  const cellId = (i: number, j: number) => `${uid}-c${i}-${j}`;
  const finite = values.flat().filter(Number.isFinite);
  const maxAbs = Math.max(1e-12, ...finite.map(Math.abs));
  const n = values.length;

  // Keep the active cell in view inside the scrolling box while the reader moves it with the keyboard.
  useEffect(() => {
    if (!selectable || !selected || document.activeElement !== tableRef.current) return;
    document.getElementById(cellId(selected.row, selected.col))?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectable, selected?.row, selected?.col]);

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    if (!selected || !onSelect) return;
    const next = moveSelection(e.key, selected.row, selected.col, n);
    if (!next) return;
    e.preventDefault();
    if (next.row !== selected.row || next.col !== selected.col) onSelect(next);
  };

  const table = (
    <table
      ref={tableRef}
      className={`${styles.matrix}${selectable ? ` ${styles.grid}` : ''}`}
      data-matrix={name}
      aria-labelledby={`${uid}-title`}
      aria-describedby={caption ? `${uid}-caption` : undefined}
      {...(selectable
        ? {
            role: 'grid',
            tabIndex: 0,
            'aria-activedescendant': cellId(selected!.row, selected!.col),
            'aria-readonly': true,
            onKeyDown,
          }
        : {})}
    >
      <thead>
        <tr>
          <th scope="col" className={styles.corner}>
            {corner}
          </th>
          {colLabels.map((label, j) => (
            <th key={j} scope="col" className={styles.colHead} data-active={selectable && selected!.col === j ? '' : undefined}>
              {label}
            </th>
          ))}
          {rowSums ? (
            <th scope="col" className={styles.sumHead}>
              {rowSums.label}
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {values.map((row, i) => (
          <tr key={i} data-highlight={highlightRow === i ? '' : undefined}>
            <th scope="row" className={styles.rowHead} data-active={(selectable && selected!.row === i) || highlightRow === i ? '' : undefined}>
              {rowLabels[i]}
            </th>
            {row.map((v, j) => {
              const isSelected = selectable && selected!.row === i && selected!.col === j;
              const isHidden = v === -Infinity || Boolean(hidden?.[i]?.[j]);
              const t = Number.isFinite(v) ? (scale === 'weight' ? Math.min(1, Math.max(0, v)) : Math.abs(v) / maxAbs) : 0;
              return (
                <td
                  key={j}
                  id={selectable ? cellId(i, j) : undefined}
                  aria-selected={selectable ? isSelected : undefined}
                  className={styles.cell}
                  data-sign={scale === 'diverging' && v < 0 ? 'neg' : 'pos'}
                  data-hidden={isHidden ? '' : undefined}
                  data-selected={isSelected ? '' : undefined}
                  style={{ '--t': t.toFixed(3) } as CSSProperties}
                  data-result={resultId}
                  data-row={resultId ? i : undefined}
                  data-col={resultId ? j : undefined}
                  data-value={resultId ? v : undefined}
                  onClick={selectable ? () => onSelect!({ row: i, col: j }) : undefined}
                >
                  {v === -Infinity ? (
                    <>
                      <span aria-hidden="true">{minusInfinity}</span>
                      <span className="visually-hidden">{hiddenLabel}</span>
                    </>
                  ) : (
                    // a hidden key's weight is exactly 0
                    isHidden && v === 0 ? '0' : format(v)
                  )}
                </td>
              );
            })}
            {rowSums ? (
              <td className={styles.sum} data-result={rowSums.resultId} data-row={i} data-value={rowSums.values[i]}>
                {format(rowSums.values[i]!)}
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <figure className={styles.figure}>
      {/* Title and caption sit above the box, so they stay in view while a wide matrix scrolls sideways inside it. */}
      <figcaption className={styles.figcaption}>
        <strong id={`${uid}-title`} className={styles.matrixTitle}>
          {title}
        </strong>
        {caption ? (
          <>
            {' '}
            <span id={`${uid}-caption`}>{caption}</span>
          </>
        ) : null}
      </figcaption>
      {selectable ? (
        <div className={styles.scroll}>{table}</div>
      ) : (
        // A plain matrix may be wider than a phone: its box scrolls, and takes focus so the keyboard can scroll it too.
        <div className={styles.scroll} tabIndex={0} role="region" aria-labelledby={`${uid}-title`}>
          {table}
        </div>
      )}
    </figure>
  );
}
