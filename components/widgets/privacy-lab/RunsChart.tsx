'use client';

import { scaleLinear } from 'd3-scale';
import { SERIES_COLORS } from '@/components/charts/palette';
import { useWidth } from '@/components/hooks/useWidth';
import type { RunRow } from '@/lib/widgets/privacy-lab';
import styles from './PrivacyLab.module.css';

const M = { top: 18, right: 18, bottom: 40, left: 48 };

/**
 * The reader's runs as points: test accuracy (y, 0–100 %) against the noise multiplier σ (x), each point labelled
 * with the run's ε; the current run filled. Runs differ in other settings too, so the points are not joined.
 */
export function RunsChart({ rows, currentId, xLabel, yLabel, formatEps, formatX, formatY, height = 220 }: {
  rows: readonly RunRow[];
  currentId: number;
  xLabel: string;
  yLabel: string;
  formatEps: (e: number) => string;
  formatX: (v: number) => string;
  formatY: (v: number) => string;
  height?: number;
}) {
  const [ref, width] = useWidth<HTMLDivElement>(360);
  const xMax = Math.max(1, ...rows.map((r) => r.noise)) * 1.1;
  const x = scaleLinear().domain([0, xMax]).range([M.left, width - M.right]).nice();
  const y = scaleLinear().domain([0, 1]).range([height - M.bottom, M.top]);
  const xTicks = x.ticks(Math.max(2, Math.floor(width / 70)));
  const yTicks = y.ticks(5);
  const past = SERIES_COLORS[0]!;
  const now = SERIES_COLORS[1]!;
  return (
    <div ref={ref} className="line-chart">
      <svg width={width} height={height} role="presentation" className={styles.chart}>
        {yTicks.map((t) => (
          <g key={`y${t}`} transform={`translate(0,${y(t)})`}>
            <line x1={M.left} x2={width - M.right} className="grid" />
            <text x={M.left - 6} dy="0.32em" textAnchor="end" className="tick">
              {formatY(t)}
            </text>
          </g>
        ))}
        {xTicks.map((t) => (
          <g key={`x${t}`} transform={`translate(${x(t)},0)`}>
            <line y1={height - M.bottom} y2={height - M.bottom + 4} className="axis" />
            <text y={height - M.bottom + 16} textAnchor="middle" className="tick">
              {formatX(t)}
            </text>
          </g>
        ))}
        <line x1={M.left} x2={width - M.right} y1={height - M.bottom} y2={height - M.bottom} className="axis" />
        <text x={(M.left + width - M.right) / 2} y={height - 4} textAnchor="middle" className="axis-label">
          {xLabel}
        </text>
        <text transform={`translate(12,${(M.top + height - M.bottom) / 2}) rotate(-90)`} textAnchor="middle" className="axis-label">
          {yLabel}
        </text>
        {rows.map((r) => {
          const cur = r.id === currentId;
          const px = x(r.noise);
          const py = y(r.accuracy);
          const right = px > width * 0.75;
          return (
            <g key={r.id} transform={`translate(${px},${py})`} data-point="run" data-run={r.id}>
              <circle r={cur ? 6 : 4.5} fill={cur ? now : 'var(--bg)'} stroke={cur ? now : past} strokeWidth={2} />
              <text x={right ? -9 : 9} dy="0.32em" textAnchor={right ? 'end' : 'start'} className="marker-label">
                {formatEps(r.epsilon)}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
