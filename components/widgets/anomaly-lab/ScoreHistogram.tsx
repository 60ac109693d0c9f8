'use client';

import { scaleLinear } from 'd3-scale';
import { useWidth } from '@/components/hooks/useWidth';
import styles from './AnomalyLab.module.css';

interface Props {
  /** Bin edges in log10(score). */
  edges: number[];
  /** Share of each class per bin. */
  normal: number[];
  fraud: number[];
  normalName: string;
  fraudName: string;
  normalColor: string;
  fraudColor: string;
  /** log10 of the score threshold. */
  threshold: number;
  thresholdLabel: string;
  xLabel: string;
  yLabel: string;
  formatX: (v: number) => string;
  height?: number;
}

const M = { top: 22, right: 12, bottom: 40, left: 40 };

/** Two classes' score histograms (each scaled to its own total) with the threshold as a vertical rule; the flagged side shaded. */
export function ScoreHistogram({ edges, normal, fraud, normalName, fraudName, normalColor, fraudColor, threshold, thresholdLabel, xLabel, yLabel, formatX, height = 200 }: Props) {
  const [ref, width] = useWidth<HTMLDivElement>(340);
  const lo = edges[0]!;
  const hi = edges[edges.length - 1]!;
  const yMax = Math.max(0.05, ...normal, ...fraud);
  const sx = scaleLinear().domain([lo, hi]).range([M.left, width - M.right]);
  const sy = scaleLinear().domain([0, yMax]).range([height - M.bottom, M.top]).nice();
  const step = (values: number[]) => {
    let d = `M${sx(lo).toFixed(1)},${sy(0).toFixed(1)}`;
    values.forEach((v, i) => {
      d += `L${sx(edges[i]!).toFixed(1)},${sy(v).toFixed(1)}L${sx(edges[i + 1]!).toFixed(1)},${sy(v).toFixed(1)}`;
    });
    return `${d}L${sx(hi).toFixed(1)},${sy(0).toFixed(1)}`;
  };
  const tx = sx(Math.min(hi, Math.max(lo, threshold)));
  return (
    <div ref={ref} className={styles.plot}>
      <svg width={width} height={height} role="presentation">
        {sy.ticks(3).map((t) => (
          <g key={`y${t}`} transform={`translate(0,${sy(t)})`}>
            <line x1={M.left} x2={width - M.right} className="grid" />
            <text x={M.left - 6} dy="0.32em" textAnchor="end" className="tick">
              {t.toFixed(2)}
            </text>
          </g>
        ))}
        {sx.ticks(Math.max(2, Math.min(8, Math.floor(width / 70)))).map((t) => (
          <g key={`x${t}`} transform={`translate(${sx(t)},0)`}>
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
        <text transform={`translate(11,${(M.top + height - M.bottom) / 2}) rotate(-90)`} textAnchor="middle" className="axis-label">
          {yLabel}
        </text>
        <rect x={tx} y={M.top} width={Math.max(0, width - M.right - tx)} height={height - M.top - M.bottom} className={styles.flaggedZone} />
        <path d={step(normal)} fill={normalColor} fillOpacity={0.22} stroke={normalColor} strokeWidth={1.5} data-series="normal" />
        <path d={step(fraud)} fill={fraudColor} fillOpacity={0.22} stroke={fraudColor} strokeWidth={1.5} data-series="fraud" />
        <line x1={tx} x2={tx} y1={M.top - 6} y2={height - M.bottom} className={styles.thresholdRule} data-testid="threshold-rule" />
        <text x={Math.min(width - M.right - 30, Math.max(M.left + 30, tx))} y={11} textAnchor="middle" className="marker-label">
          {thresholdLabel}
        </text>
      </svg>
      <ul className="chart-legend">
        <li>
          <span className="swatch" style={{ borderColor: normalColor }} />
          {normalName}
        </li>
        <li>
          <span className="swatch" style={{ borderColor: fraudColor }} />
          {fraudName}
        </li>
      </ul>
    </div>
  );
}
