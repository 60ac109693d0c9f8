'use client';

import { useId, useRef, type CSSProperties, type KeyboardEvent } from 'react';
import { formatNumber } from '@/lib/format';
import type { Lang } from '@/lib/i18n';
import { moveSelection } from '@/lib/widgets/attention-explorer';
import styles from './DigitsTrainer.module.css';

export interface Cell {
  row: number;
  col: number;
}

/**
 * The confusion matrix as a real table (rows: true digit, columns: predicted), each cell tinted by its share of the
 * row, so the errors of a rare and a common digit look alike; the count is always written. It is an ARIA grid: focus
 * stays on the table, the arrow keys move the selection, and Enter (or a click) opens the cell's digits.
 */
export function ConfusionMatrix({
  confusion,
  lang,
  title,
  hint,
  actual,
  predicted,
  cellLabel,
  selected,
  onSelect,
  onOpen,
}: {
  confusion: number[][];
  lang: Lang;
  title: string;
  hint: string;
  actual: string;
  predicted: string;
  cellLabel: (a: number, p: number, n: number) => string;
  selected: Cell;
  onSelect: (cell: Cell) => void;
  onOpen: (cell: Cell) => void;
}) {
  const uid = useId();
  const tableRef = useRef<HTMLTableElement>(null);
  const n = confusion.length;
  const cellId = (i: number, j: number) => `${uid}-c${i}-${j}`;
  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onOpen(selected);
      return;
    }
    const next = moveSelection(e.key, selected.row, selected.col, n);
    if (!next) return;
    e.preventDefault();
    onSelect(next);
    document.getElementById(cellId(next.row, next.col))?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  };
  return (
    <figure className={styles.figure}>
      <figcaption id={`${uid}-title`} className={styles.sectionTitle}>
        {title}
      </figcaption>
      <p id={`${uid}-hint`} className="widget-note">
        {hint}
      </p>
      <div className="table-scroll">
        <table
          ref={tableRef}
          className={styles.confusion}
          role="grid"
          tabIndex={0}
          aria-labelledby={`${uid}-title`}
          aria-describedby={`${uid}-hint`}
          aria-activedescendant={cellId(selected.row, selected.col)}
          aria-readonly
          onKeyDown={onKeyDown}
          data-matrix="confusion"
        >
          <thead>
            <tr>
              <th scope="col" className={styles.corner}>
                {actual} ↓ · {predicted} →
              </th>
              {confusion.map((_, j) => (
                <th key={j} scope="col" className={styles.colHead} data-active={selected.col === j ? '' : undefined}>
                  {j}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {confusion.map((row, i) => {
              const total = row.reduce((s, x) => s + x, 0) || 1;
              return (
                <tr key={i}>
                  <th scope="row" className={styles.rowHead} data-active={selected.row === i ? '' : undefined}>
                    {i}
                  </th>
                  {row.map((v, j) => {
                    const share = v / total;
                    const isSelected = selected.row === i && selected.col === j;
                    return (
                      <td
                        key={j}
                        id={cellId(i, j)}
                        aria-selected={isSelected}
                        aria-label={cellLabel(i, j, v)}
                        className={styles.cell}
                        data-diagonal={i === j ? '' : undefined}
                        data-selected={isSelected ? '' : undefined}
                        style={{ '--t': (i === j ? share : Math.min(1, share * 5)).toFixed(3) } as CSSProperties}
                        data-result="digitsTrainer.confusion"
                        data-row={i}
                        data-col={j}
                        data-value={v}
                        onClick={() => {
                          onSelect({ row: i, col: j });
                          onOpen({ row: i, col: j });
                        }}
                      >
                        {v === 0 ? <span className={styles.zero}>·</span> : formatNumber(v, lang)}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
