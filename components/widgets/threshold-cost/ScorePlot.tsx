'use client';

import { scaleLinear } from 'd3-scale';
import { useRef, type PointerEvent } from 'react';
import { useWidth } from '@/components/hooks/useWidth';
import styles from './ThresholdCost.module.css';

export interface Histogram {
  edges: number[];
  /** Density of each bin (count / (class total × bin width)). */
  values: number[];
  color: string;
  name: string;
}

interface Props {
  histograms: Histogram[];
  /** Smooth reference densities (the known distributions), drawn as lines. */
  curves: { points: [number, number][]; color: string }[];
  threshold: number;
  /** The Bayes threshold (dashed) and the sample's cheapest (dotted), when finite and in view. */
  bayes: number | null;
  best: number | null;
  xRange: [number, number];
  pickRange: [number, number];
  onPick: (t: number) => void;
  xLabel: string;
  yLabel: string;
  formatX: (v: number) => string;
  thresholdLabel: string;
  height?: number;
}

const M = { top: 24, right: 14, bottom: 40, left: 44 };

/**
 * Two classes' score histograms (each scaled to its own total) with the threshold as a vertical rule; the flagged side
 * of each class is shaded. A click or a drag on the plot moves the threshold; the keyboard's way is the view's slider.
 */
export function ScorePlot({ histograms, curves, threshold, bayes, best, xRange, pickRange, onPick, xLabel, yLabel, formatX, thresholdLabel, height = 230 }: Props) {
  const [ref, width] = useWidth<HTMLDivElement>(360);
  const dragging = useRef(false);
  const yMax = Math.max(0.05, ...histograms.flatMap((h) => h.values), ...curves.flatMap((c) => c.points.map(([, y]) => y)));
  const sx = scaleLinear().domain(xRange).range([M.left, width - M.right]);
  const sy = scaleLinear().domain([0, yMax]).range([height - M.bottom, M.top]).nice();
  const inView = (t: number | null): t is number => t !== null && Number.isFinite(t) && t >= xRange[0] && t <= xRange[1];

  const pick = (e: PointerEvent<SVGSVGElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const v = sx.invert(e.clientX - rect.left);
    onPick(Math.round(Math.min(pickRange[1], Math.max(pickRange[0], v)) * 100) / 100);
  };

  const stepPath = (h: Histogram) => {
    let d = `M${sx(h.edges[0]!).toFixed(1)},${sy(0).toFixed(1)}`;
    h.values.forEach((v, i) => {
      d += `L${sx(h.edges[i]!).toFixed(1)},${sy(v).toFixed(1)}L${sx(h.edges[i + 1]!).toFixed(1)},${sy(v).toFixed(1)}`;
    });
    return `${d}L${sx(h.edges.at(-1)!).toFixed(1)},${sy(0).toFixed(1)}`;
  };
  const line = (pts: [number, number][]) => pts.map(([a, b], i) => `${i ? 'L' : 'M'}${sx(a).toFixed(1)},${sy(b).toFixed(1)}`).join('');
  const tx = sx(Math.min(xRange[1], Math.max(xRange[0], threshold)));

  return (
    <div ref={ref} className={styles.plot}>
      <svg
        width={width}
        height={height}
        role="presentation"
        onPointerDown={(e) => {
          dragging.current = true;
          e.currentTarget.setPointerCapture(e.pointerId);
          pick(e);
        }}
        onPointerMove={(e) => {
          if (dragging.current) pick(e);
        }}
        onPointerUp={() => {
          dragging.current = false;
        }}
        onPointerCancel={() => {
          dragging.current = false;
        }}
      >
        {sy.ticks(4).map((t) => (
          <g key={`y${t}`} transform={`translate(0,${sy(t)})`}>
            <line x1={M.left} x2={width - M.right} className="grid" />
            <text x={M.left - 6} dy="0.32em" textAnchor="end" className="tick">
              {t.toFixed(1)}
            </text>
          </g>
        ))}
        {sx.ticks(Math.max(2, Math.min(12, Math.floor(width / 60)))).map((t) => (
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
        <text transform={`translate(12,${(M.top + height - M.bottom) / 2}) rotate(-90)`} textAnchor="middle" className="axis-label">
          {yLabel}
        </text>
        {/* The flagged side (score ≥ t) is shaded. */}
        <rect x={tx} y={M.top} width={Math.max(0, width - M.right - tx)} height={height - M.top - M.bottom} className={styles.flaggedZone} />
        {histograms.map((h) => (
          <path key={h.name} d={stepPath(h)} fill={h.color} fillOpacity={0.22} stroke={h.color} strokeWidth={1.5} />
        ))}
        {curves.map((c, i) => (
          <path key={i} d={line(c.points)} fill="none" stroke={c.color} strokeWidth={1.5} strokeDasharray="2 3" />
        ))}
        {inView(bayes) ? <line x1={sx(bayes)} x2={sx(bayes)} y1={M.top} y2={height - M.bottom} className={styles.bayesRule} /> : null}
        {inView(best) ? <line x1={sx(best)} x2={sx(best)} y1={M.top} y2={height - M.bottom} className={styles.bestRule} /> : null}
        <line x1={tx} x2={tx} y1={M.top - 6} y2={height - M.bottom} className={styles.thresholdRule} />
        <text x={Math.min(width - M.right - 40, Math.max(M.left + 40, tx))} y={12} textAnchor="middle" className="marker-label">
          {thresholdLabel}
        </text>
        <rect x={M.left} y={M.top} width={Math.max(0, width - M.left - M.right)} height={height - M.top - M.bottom} fill="transparent" />
      </svg>
    </div>
  );
}
