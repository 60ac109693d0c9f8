'use client';

import { scaleLinear, scaleLog } from 'd3-scale';
import { useWidth } from '@/components/hooks/useWidth';
import { SERIES_COLORS } from './palette';

export interface Series {
  name: string;
  points: [number, number][];
  dashed?: boolean;
  color?: string;
}

export interface Band {
  name: string;
  points: { x: number; lo: number; hi: number }[];
  color?: string;
}

interface Props {
  series: Series[];
  bands?: Band[];
  xLog?: boolean;
  yLog?: boolean;
  xLabel: string;
  yLabel: string;
  formatX: (v: number) => string;
  formatY: (v: number) => string;
  /** Points to mark with a dot and a label (the reader's current setting). */
  markers?: { x: number; y: number; label: string }[];
  /** Horizontal reference lines (e.g. zero cash, GPU memory). */
  rules?: { y: number; label: string }[];
  height?: number;
}

const M = { top: 14, right: 18, bottom: 42, left: 64 };

/** Log-axis ticks: powers of ten when there are at least three, else an even thinning of d3's 1-2-5 ticks. */
function logTicks(ticks: number[], max: number): number[] {
  const decades = ticks.filter((t) => Math.abs(Math.log10(t) - Math.round(Math.log10(t))) < 1e-9);
  if (decades.length >= 3) return decades.filter((_, i) => i % Math.ceil(decades.length / max) === 0);
  const step = Math.ceil(ticks.length / max);
  return ticks.filter((_, i) => i % step === 0);
}

/** A responsive d3-scaled line chart drawn with React: lines, shaded bands, markers and reference rules. */
export function LineChart({ series, bands = [], xLog, yLog, xLabel, yLabel, formatX, formatY, markers = [], rules = [], height = 260 }: Props) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const xs = [...series.flatMap((s) => s.points.map((p) => p[0])), ...bands.flatMap((b) => b.points.map((p) => p.x))];
  const ys = [
    ...series.flatMap((s) => s.points.map((p) => p[1])),
    ...bands.flatMap((b) => b.points.flatMap((p) => [p.lo, p.hi])),
    ...markers.map((m) => m.y),
    ...rules.map((r) => r.y),
  ].filter((v) => Number.isFinite(v) && (!yLog || v > 0));
  if (xs.length === 0 || ys.length === 0) return <div ref={ref} />;
  let [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  if (y0 === y1) [y0, y1] = yLog ? [y0 / 2, y1 * 2] : [y0 - 1, y1 + 1];
  const x = (xLog ? scaleLog() : scaleLinear()).domain([Math.min(...xs), Math.max(...xs)]).range([M.left, width - M.right]);
  const y = (yLog ? scaleLog() : scaleLinear()).domain([y0, y1]).range([height - M.bottom, M.top]);
  if (!yLog) (y as ReturnType<typeof scaleLinear<number, number>>).nice();
  const path = (pts: [number, number][]) =>
    pts
      .filter(([, v]) => Number.isFinite(v) && (!yLog || v > 0))
      .map(([a, b], i) => `${i ? 'L' : 'M'}${x(a).toFixed(1)},${y(b).toFixed(1)}`)
      .join('');
  const xTicks = x.ticks(Math.max(2, Math.floor(width / 110)));
  const yTicks = y.ticks(5);
  const xTickList = xLog ? logTicks(xTicks, Math.max(2, Math.floor(width / 110))) : xTicks;
  const yTickList = yLog ? logTicks(yTicks, 5) : yTicks;

  return (
    <div ref={ref} className="line-chart">
      <svg width={width} height={height} role="presentation">
        {yTickList.map((t) => (
          <g key={`y${t}`} transform={`translate(0,${y(t)})`}>
            <line x1={M.left} x2={width - M.right} className="grid" />
            <text x={M.left - 6} dy="0.32em" textAnchor="end" className="tick">
              {formatY(t)}
            </text>
          </g>
        ))}
        {xTickList.map((t) => (
          <g key={`x${t}`} transform={`translate(${x(t)},0)`}>
            <line y1={height - M.bottom} y2={height - M.bottom + 4} className="axis" />
            <text y={height - M.bottom + 16} textAnchor="middle" className="tick">
              {formatX(t)}
            </text>
          </g>
        ))}
        <line x1={M.left} x2={width - M.right} y1={height - M.bottom} y2={height - M.bottom} className="axis" />
        <text x={(M.left + width - M.right) / 2} y={height - 6} textAnchor="middle" className="axis-label">
          {xLabel}
        </text>
        <text transform={`translate(14,${(M.top + height - M.bottom) / 2}) rotate(-90)`} textAnchor="middle" className="axis-label">
          {yLabel}
        </text>
        {bands.map((b, i) => {
          const pts = b.points.filter((p) => Number.isFinite(p.lo) && Number.isFinite(p.hi));
          const d =
            pts.map((p, j) => `${j ? 'L' : 'M'}${x(p.x).toFixed(1)},${y(p.hi).toFixed(1)}`).join('') +
            [...pts].reverse().map((p) => `L${x(p.x).toFixed(1)},${y(p.lo).toFixed(1)}`).join('') +
            'Z';
          return <path key={b.name} d={d} fill={b.color ?? SERIES_COLORS[i]} opacity={0.22} />;
        })}
        {rules.map((r) => (
          <g key={r.label}>
            <line x1={M.left} x2={width - M.right} y1={y(r.y)} y2={y(r.y)} className="rule" />
            <text x={width - M.right} y={y(r.y) - 4} textAnchor="end" className="rule-label">
              {r.label}
            </text>
          </g>
        ))}
        {series.map((s, i) => (
          <path
            key={s.name}
            d={path(s.points)}
            fill="none"
            stroke={s.color ?? SERIES_COLORS[i]}
            strokeWidth={2}
            strokeDasharray={s.dashed ? '5 4' : undefined}
          />
        ))}
        {markers
          .filter((m) => Number.isFinite(m.y) && (!yLog || m.y > 0))
          .map((m) => (
            <g key={m.label} transform={`translate(${x(m.x)},${y(m.y)})`}>
              <circle r={5} className="marker" />
              <text x={x(m.x) > width / 2 ? -8 : 8} dy="-0.5em" textAnchor={x(m.x) > width / 2 ? 'end' : 'start'} className="marker-label">
                {m.label}
              </text>
            </g>
          ))}
      </svg>
      {series.length + bands.length > 1 ? (
        <ul className="chart-legend">
          {bands.map((b, i) => (
            <li key={b.name}>
              <span className="swatch swatch-band" style={{ background: b.color ?? SERIES_COLORS[i] }} />
              {b.name}
            </li>
          ))}
          {series.map((s, i) => (
            <li key={s.name}>
              <span className={s.dashed ? 'swatch swatch-dashed' : 'swatch'} style={{ borderColor: s.color ?? SERIES_COLORS[i] }} />
              {s.name}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
