'use client';

import type { ReactNode } from 'react';

export interface DataTable {
  columns: string[];
  rows: (string | number)[][];
}

/**
 * A chart with its caption and its text alternative: the data as a table the reader can open. The SVG itself is
 * hidden from screen readers in favour of the table.
 */
export function ChartFrame({ caption, table, tableLabel, children }: { caption: string; table: DataTable; tableLabel: string; children: ReactNode }) {
  return (
    <figure className="chart">
      <figcaption className="chart-caption">{caption}</figcaption>
      <div className="chart-plot" aria-hidden="true">
        {children}
      </div>
      <details className="chart-table">
        <summary>{tableLabel}</summary>
        <div className="table-scroll" tabIndex={0}>
          <table>
            <thead>
              <tr>
                {table.columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((r, i) => (
                <tr key={i}>
                  {r.map((cell, j) => (
                    <td key={j}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
