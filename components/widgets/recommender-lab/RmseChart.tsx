'use client';

import { scaleLinear } from 'd3-scale';
import { SERIES_COLORS } from '@/components/charts/palette';
import { useWidth } from '@/components/hooks/useWidth';
import styles from './RecommenderLab.module.css';

export interface RmseChartProps {
  /** Values of epochs 0, 1, 2, … (index e is epoch e; epoch 0 is before training). */
  train: readonly number[];
  heldOut: readonly number[];
  trainName: string;
  heldOutName: string;
  /** The baseline's held-out RMSE: a horizontal line. */
  baseline: number;
  baselineLabel: string;
  baselineName: string;
  /** The x axis runs from 0 to at least this many epochs, so it does not rescale at every epoch. */
  epochs: number;
  xLabel: string;
  yLabel: string;
  formatY: (v: number) => string;
  height?: number;
}

const M = { top: 16, right: 14, bottom: 40, left: 48 };

/** Training and held-out RMSE per epoch, with the popularity baseline's held-out RMSE as a horizontal line. */
export function RmseChart({ train, heldOut, trainName, heldOutName, baseline, baselineLabel, baselineName, epochs, xLabel, yLabel, formatY, height = 220 }: RmseChartProps) {
  const [ref, width] = useWidth<HTMLDivElement>(360);
  const n = Math.min(train.length, heldOut.length);
  const finite = [...train.slice(0, n), ...heldOut.slice(0, n), baseline].filter(Number.isFinite);
  const x = scaleLinear()
    .domain([0, Math.max(1, epochs, n - 1)])
    .range([M.left, width - M.right]);
  const y = scaleLinear()
    .domain([0, Math.max(0.5, ...finite) * 1.05])
    .range([height - M.bottom, M.top])
    .nice();
  const pts = (values: readonly number[]) => values.slice(0, n).map((v, i) => [x(i), y(v)] as const).filter(([, py]) => Number.isFinite(py));
  const line = (values: readonly number[]) => pts(values).map(([px, py], i) => `${i ? 'L' : 'M'}${px.toFixed(1)},${py.toFixed(1)}`).join('');
  const xTicks = x.ticks(Math.max(2, Math.floor(width / 70))).filter(Number.isInteger);
  const yTicks = y.ticks(5);
  const dots = n <= 61;
  const trainColor = SERIES_COLORS[0]!;
  const heldColor = SERIES_COLORS[1]!;
  const baseColor = SERIES_COLORS[7]!;
  const by = y(baseline);

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
              {t}
            </text>
          </g>
        ))}
        <line x1={M.left} x2={width - M.right} y1={height - M.bottom} y2={height - M.bottom} className="axis" />
        <text x={(M.left + width - M.right) / 2} y={height - 4} textAnchor="middle" className="axis-label">
          {xLabel}
        </text>
        <text transform={`translate(13,${(M.top + height - M.bottom) / 2}) rotate(-90)`} textAnchor="middle" className="axis-label">
          {yLabel}
        </text>
        {Number.isFinite(by) ? (
          <g data-testid="baseline-line">
            <line x1={M.left} x2={width - M.right} y1={by} y2={by} stroke={baseColor} strokeWidth={1.5} strokeDasharray="2 3" />
            <text x={width - M.right} y={by - 4} textAnchor="end" className="rule-label">
              {baselineLabel}
            </text>
          </g>
        ) : null}
        <path d={line(train)} fill="none" stroke={trainColor} strokeWidth={2} data-series="train" />
        <path d={line(heldOut)} fill="none" stroke={heldColor} strokeWidth={2} strokeDasharray="6 4" data-series="heldOut" />
        {dots ? pts(train).map(([px, py], i) => <circle key={`t${i}`} cx={px} cy={py} r={2.5} fill={trainColor} data-point="train" />) : null}
        {dots ? pts(heldOut).map(([px, py], i) => <rect key={`h${i}`} x={px - 2.5} y={py - 2.5} width={5} height={5} fill={heldColor} data-point="heldOut" />) : null}
      </svg>
      <ul className="chart-legend">
        <li>
          <span className="swatch" style={{ borderColor: trainColor }} />
          {trainName}
        </li>
        <li>
          <span className="swatch swatch-dashed" style={{ borderColor: heldColor }} />
          {heldOutName}
        </li>
        <li>
          <span className="swatch swatch-dashed" style={{ borderColor: baseColor }} />
          {baselineName}
        </li>
      </ul>
    </div>
  );
}
