'use client';

import { scaleLinear } from 'd3-scale';
import { SERIES_COLORS } from '@/components/charts/palette';
import { useWidth } from '@/components/hooks/useWidth';
import styles from './OverfitLab.module.css';

export interface CurveChartProps {
  /** Values of epochs 1, 2, … (index i is epoch i + 1). */
  train: readonly number[];
  val: readonly number[];
  trainName: string;
  valName: string;
  /** Shades the area between the two curves (the generalisation gap), named in the legend. */
  gapName?: string;
  /** The x axis runs from 0 to at least this many epochs, so it does not rescale at every epoch. */
  epochs: number;
  /** A fixed y range (accuracy: [0, 1]); else [0, the largest value]. */
  yDomain?: [number, number];
  xLabel: string;
  yLabel: string;
  formatY: (v: number) => string;
  /** Where early stopping would stop: a vertical marker after that epoch. */
  stop?: { epoch: number; label: string } | null;
  /** The epoch whose weights early stopping restores: a ring on the validation curve. */
  best?: { epoch: number; label: string } | null;
  height?: number;
}

const M = { top: 16, right: 16, bottom: 40, left: 52 };

/** Training and validation curves per epoch, the gap between them shaded, and the early-stopping marks. */
export function CurveChart({ train, val, trainName, valName, gapName, epochs, yDomain, xLabel, yLabel, formatY, stop, best, height = 220 }: CurveChartProps) {
  const [ref, width] = useWidth<HTMLDivElement>(360);
  const n = Math.min(train.length, val.length);
  const finite = [...train.slice(0, n), ...val.slice(0, n)].filter(Number.isFinite);
  const yMax = yDomain ? yDomain[1] : Math.max(0.1, ...finite);
  const x = scaleLinear()
    .domain([0, Math.max(1, epochs, n)])
    .range([M.left, width - M.right]);
  const y = scaleLinear()
    .domain(yDomain ?? [0, yMax])
    .range([height - M.bottom, M.top]);
  if (!yDomain) y.nice();
  const pts = (values: readonly number[]) => values.slice(0, n).map((v, i) => [x(i + 1), y(v)] as const).filter(([, py]) => Number.isFinite(py));
  const line = (values: readonly number[]) => pts(values).map(([px, py], i) => `${i ? 'L' : 'M'}${px.toFixed(1)},${py.toFixed(1)}`).join('');
  const band = gapName && n > 1 ? `${line(train)}${[...pts(val)].reverse().map(([px, py]) => `L${px.toFixed(1)},${py.toFixed(1)}`).join('')}Z` : '';
  const xTicks = x.ticks(Math.max(2, Math.floor(width / 70))).filter(Number.isInteger);
  const yTicks = y.ticks(5);
  const dots = n <= 60;
  const trainColor = SERIES_COLORS[0]!;
  const valColor = SERIES_COLORS[1]!;
  const bestY = best ? val[best.epoch - 1] : undefined;

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
        {band ? <path d={band} fill={valColor} opacity={0.16} data-testid="gap-band" /> : null}
        <path d={line(train)} fill="none" stroke={trainColor} strokeWidth={2} data-series="train" />
        <path d={line(val)} fill="none" stroke={valColor} strokeWidth={2} strokeDasharray="6 4" data-series="val" />
        {dots
          ? pts(train).map(([px, py], i) => <circle key={`t${i}`} cx={px} cy={py} r={2.5} fill={trainColor} data-point="train" />)
          : null}
        {dots ? pts(val).map(([px, py], i) => <rect key={`v${i}`} x={px - 2.5} y={py - 2.5} width={5} height={5} fill={valColor} data-point="val" />) : null}
        {stop ? (
          <g className={styles.stopMark} style={{ transform: `translateX(${x(stop.epoch)}px)` }} data-testid="stop-marker" data-epoch={stop.epoch}>
            <line x1={0} x2={0} y1={M.top - 6} y2={height - M.bottom} className="rule" />
            <text x={x(stop.epoch) > width * 0.7 ? -5 : 5} y={M.top} textAnchor={x(stop.epoch) > width * 0.7 ? 'end' : 'start'} className="rule-label">
              {stop.label}
            </text>
          </g>
        ) : null}
        {best && bestY !== undefined && Number.isFinite(bestY) ? (
          <g transform={`translate(${x(best.epoch)},${y(bestY)})`} data-testid="best-marker" data-epoch={best.epoch}>
            <circle r={5.5} className="marker" />
            <text x={0} dy="1.5em" textAnchor={x(best.epoch) > width - M.right - 50 ? 'end' : x(best.epoch) < M.left + 50 ? 'start' : 'middle'} className="marker-label">
              {best.label}
            </text>
          </g>
        ) : null}
      </svg>
      <ul className="chart-legend">
        <li>
          <span className="swatch" style={{ borderColor: trainColor }} />
          {trainName}
        </li>
        <li>
          <span className="swatch swatch-dashed" style={{ borderColor: valColor }} />
          {valName}
        </li>
        {gapName ? (
          <li>
            <span className="swatch swatch-band" style={{ background: valColor, opacity: 0.35 }} />
            {gapName}
          </li>
        ) : null}
      </ul>
    </div>
  );
}
