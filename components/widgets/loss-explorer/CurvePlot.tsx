'use client';

import { scaleLinear } from 'd3-scale';
import { useId, useRef, type PointerEvent } from 'react';
import { useWidth } from '@/components/hooks/useWidth';
import styles from './LossExplorer.module.css';

export interface Curve {
  key: string;
  name: string;
  color: string;
  dashed?: boolean;
  points: [number, number][];
}

interface Props {
  curves: Curve[];
  /** The plotted range of y; curves beyond it are clipped at the frame. */
  yDomain: [number, number];
  /** The current x (the prediction p), marked by a rule and a dot on each curve. */
  x: number;
  /** The value of each curve at x, by key. */
  at: Record<string, number>;
  xLabel: string;
  yLabel: string;
  formatX: (v: number) => string;
  formatY: (v: number) => string;
  /** Dragging (or clicking) on the plot picks an x; the keyboard's way is the view's own slider. */
  onPick: (x: number) => void;
  xRange: [number, number];
  /** The label of the current x's rule ("p = 0.900"). */
  markerLabel: string;
  /** A horizontal reference line (the least cross-entropy at a soft target). */
  floor?: { y: number; label: string } | null;
  height?: number;
}

const M = { top: 26, right: 14, bottom: 40, left: 52 };

/**
 * Curves of y against x ∈ [0, 1] with the current x marked, drawn with d3 scales; a pointer drag anywhere on the plot
 * moves x. Clipped to its y range, so a cross-entropy's gradient that runs off to −1000 does not flatten the rest.
 */
export function CurvePlot({ curves, yDomain, x, at, xLabel, yLabel, formatX, formatY, onPick, xRange, markerLabel, floor, height = 240 }: Props) {
  const [ref, width] = useWidth<HTMLDivElement>(320);
  const clip = `clip${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const dragging = useRef(false);
  const sx = scaleLinear().domain([0, 1]).range([M.left, width - M.right]);
  const sy = scaleLinear().domain(yDomain).range([height - M.bottom, M.top]).nice();
  const [y0, y1] = sy.domain() as [number, number];
  const inY = (v: number) => Math.min(Math.max(v, y0), y1);
  const path = (pts: [number, number][]) =>
    pts
      .filter(([, v]) => Number.isFinite(v))
      // Points far outside the frame are pulled to just beyond it, so the clip cuts a clean edge.
      .map(([a, b], i) => `${i ? 'L' : 'M'}${sx(a).toFixed(1)},${sy(Math.min(Math.max(b, y0 - (y1 - y0)), y1 + (y1 - y0))).toFixed(1)}`)
      .join('');

  const pick = (e: PointerEvent<SVGSVGElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const v = sx.invert(e.clientX - rect.left);
    const clamped = Math.min(xRange[1], Math.max(xRange[0], v));
    onPick(Math.round(clamped * 1000) / 1000);
  };

  const xTicks = sx.ticks(Math.max(2, Math.min(10, Math.floor(width / 70))));
  const yTicks = sy.ticks(5);
  const px = sx(x);

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
        <defs>
          <clipPath id={clip}>
            <rect x={M.left} y={M.top - 4} width={Math.max(0, width - M.left - M.right)} height={height - M.top - M.bottom + 8} />
          </clipPath>
        </defs>
        {yTicks.map((t) => (
          <g key={`y${t}`} transform={`translate(0,${sy(t)})`}>
            <line x1={M.left} x2={width - M.right} className={t === 0 ? 'axis' : 'grid'} />
            <text x={M.left - 6} dy="0.32em" textAnchor="end" className="tick">
              {formatY(t)}
            </text>
          </g>
        ))}
        {xTicks.map((t) => (
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
        <g clipPath={`url(#${clip})`}>
          {curves.map((c) => (
            <path key={c.key} d={path(c.points)} fill="none" stroke={c.color} strokeWidth={c.dashed ? 2.5 : 2} strokeDasharray={c.dashed ? '6 5' : undefined} />
          ))}
        </g>
        {floor && floor.y > y0 && floor.y < y1 ? (
          <g>
            <line x1={M.left} x2={width - M.right} y1={sy(floor.y)} y2={sy(floor.y)} className={styles.floor} />
            <text x={width - M.right} y={sy(floor.y) - 4} textAnchor="end" className={styles.floorLabel}>
              {floor.label}
            </text>
          </g>
        ) : null}
        <line x1={px} x2={px} y1={M.top - 8} y2={height - M.bottom} className={styles.cursor} />
        {curves.map((c) => {
          const v = at[c.key];
          if (v === undefined || !Number.isFinite(v)) return null;
          const off = v < y0 || v > y1;
          return (
            <circle
              key={c.key}
              cx={px}
              cy={sy(inY(v))}
              r={off ? 3.5 : 5}
              fill={c.dashed ? 'var(--bg-raised)' : c.color}
              stroke={c.color}
              strokeWidth={2}
            />
          );
        })}
        <text x={Math.min(width - M.right - 36, Math.max(M.left + 36, px))} y={12} textAnchor="middle" className="marker-label">
          {markerLabel}
        </text>
        {/* A wide transparent target, so a drag can start anywhere on the plot. */}
        <rect x={M.left} y={M.top} width={Math.max(0, width - M.left - M.right)} height={height - M.top - M.bottom} fill="transparent" />
      </svg>
    </div>
  );
}
