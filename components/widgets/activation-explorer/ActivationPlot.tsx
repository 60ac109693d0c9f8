'use client';

import { scaleLinear } from 'd3-scale';
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { useWidth } from '@/components/hooks/useWidth';
import { Z_MAX, Z_MIN } from '@/lib/widgets/activation-explorer';
import styles from './ActivationExplorer.module.css';

const M = { top: 12, right: 14, bottom: 34, left: 46 };

/** z rounded to hundredths and held inside the plotted range. */
export function clampZ(z: number): number {
  if (!Number.isFinite(z)) return 0;
  return Math.round(Math.min(Z_MAX, Math.max(Z_MIN, z)) * 100) / 100;
}

const KEY_STEPS: Record<string, number> = { ArrowRight: 0.1, ArrowUp: 0.1, ArrowLeft: -0.1, ArrowDown: -0.1, PageUp: 1, PageDown: -1 };

interface Props {
  curve: readonly { z: number; f: number; d: number }[];
  z: number;
  f: number;
  d: number;
  /** A new z while dragging or stepping with the keys; `final` at the end of a drag. */
  onZ: (z: number, final?: boolean) => void;
  handleLabel: string;
  valueText: string;
  formatY: (v: number) => string;
  height: number;
}

/**
 * f(z) and f′(z) over [−6, 6] with a handle at z: drag anywhere on the plot (mouse, touch, pen) or focus the handle
 * (role="slider") and use the arrow keys, Page Up/Down, Home and End.
 */
export function ActivationPlot({ curve, z, f, d, onZ, handleLabel, valueText, formatY, height }: Props) {
  const [boxRef, width] = useWidth<HTMLDivElement>();
  const svgRef = useRef<SVGSVGElement>(null);
  const handleRef = useRef<SVGGElement>(null);
  const dragging = useRef(false);

  const ys = curve.flatMap((p) => [p.f, p.d]).filter(Number.isFinite);
  const lo = Math.min(0, ...ys);
  const hi = Math.max(0, ...ys);
  const pad = (hi - lo) * 0.05 || 0.5;
  const x = scaleLinear().domain([Z_MIN, Z_MAX]).range([M.left, width - M.right]);
  const y = scaleLinear()
    .domain([lo - pad, hi + pad])
    .range([height - M.bottom, M.top])
    .nice(6);
  const path = (key: 'f' | 'd') => curve.map((p, i) => `${i ? 'L' : 'M'}${x(p.z).toFixed(1)},${y(p[key]).toFixed(1)}`).join('');
  const xTicks = x.ticks(width < 420 ? 6 : 12);
  const yTicks = y.ticks(height < 240 ? 4 : 6);

  const zAt = (clientX: number) => {
    const rect = svgRef.current?.getBoundingClientRect();
    return clampZ(x.invert(clientX - (rect?.left ?? 0)));
  };
  const onPointerDown = (e: PointerEvent<SVGSVGElement>) => {
    if (e.button !== 0) return;
    dragging.current = true;
    e.currentTarget.setPointerCapture(e.pointerId);
    handleRef.current?.focus({ preventScroll: true });
    onZ(zAt(e.clientX));
  };
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    if (dragging.current) onZ(zAt(e.clientX));
  };
  const endDrag = (e: PointerEvent<SVGSVGElement>) => {
    if (!dragging.current) return;
    dragging.current = false;
    onZ(e.type === 'pointercancel' ? z : zAt(e.clientX), true);
  };
  const onKeyDown = (e: KeyboardEvent<SVGGElement>) => {
    let next: number | null = null;
    if (e.key in KEY_STEPS) next = z + KEY_STEPS[e.key]! * (e.shiftKey ? 10 : 1);
    else if (e.key === 'Home') next = Z_MIN;
    else if (e.key === 'End') next = Z_MAX;
    if (next === null) return;
    e.preventDefault();
    onZ(clampZ(next));
  };

  const hx = x(z);
  const hy = y(f);
  return (
    <div ref={boxRef} className={styles.plotBox}>
      <svg
        ref={svgRef}
        width={width}
        height={height}
        className={styles.plot}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
      >
        <g aria-hidden="true">
          <rect x={M.left} y={M.top} width={Math.max(0, width - M.left - M.right)} height={height - M.top - M.bottom} className={styles.plotArea} />
          {yTicks.map((t) => (
            <g key={`y${t}`} transform={`translate(0,${y(t)})`}>
              <line x1={M.left} x2={width - M.right} className={t === 0 ? styles.zeroLine : styles.gridLine} />
              <text x={M.left - 6} dy="0.32em" textAnchor="end" className={styles.tick}>
                {formatY(t)}
              </text>
            </g>
          ))}
          {xTicks.map((t) => (
            <g key={`x${t}`} transform={`translate(${x(t)},0)`}>
              <line y1={M.top} y2={height - M.bottom} className={t === 0 ? styles.zeroLine : styles.gridLine} />
              <text y={height - M.bottom + 16} textAnchor="middle" className={styles.tick}>
                {t}
              </text>
            </g>
          ))}
          <text x={width - M.right} y={height - 4} textAnchor="end" className={styles.axisLabel}>
            z
          </text>
          <path d={path('f')} className={styles.curveF} />
          <path d={path('d')} className={styles.curveD} />
          <line x1={hx} x2={hx} y1={M.top} y2={height - M.bottom} className={styles.guide} />
          <circle cx={hx} cy={y(d)} r={5} className={styles.markerD} />
        </g>
        <g
          ref={handleRef}
          role="slider"
          tabIndex={0}
          aria-label={handleLabel}
          aria-valuemin={Z_MIN}
          aria-valuemax={Z_MAX}
          aria-valuenow={z}
          aria-valuetext={valueText}
          aria-orientation="horizontal"
          className={styles.handle}
          transform={`translate(${hx},${hy})`}
          onKeyDown={onKeyDown}
          data-testid="z-handle"
        >
          <circle r={16} className={styles.handleHit} />
          <circle r={11} className={styles.handleRing} />
          <circle r={7} className={styles.handleDot} />
        </g>
      </svg>
    </div>
  );
}
