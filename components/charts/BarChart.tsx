'use client';

import { scaleBand, scaleLinear } from 'd3-scale';
import { useWidth } from '@/components/hooks/useWidth';
import { SERIES_COLORS } from './palette';

interface Props {
  /** One row per category; one value per series. */
  categories: string[];
  series: { name: string; values: number[]; color?: string }[];
  /** 'grouped' puts series side by side; 'stacked' adds them along the bar. */
  mode: 'grouped' | 'stacked';
  formatValue: (v: number) => string;
  /** A vertical reference line (e.g. GPU memory). */
  rule?: { value: number; label: string };
}

const M = { top: 8, right: 20, bottom: 26, left: 112 };

/** A responsive horizontal bar chart, grouped or stacked, drawn with d3 scales and React. */
export function BarChart({ categories, series, mode, formatValue, rule }: Props) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const rowH = mode === 'grouped' ? 12 * series.length + 14 : 30;
  const height = M.top + M.bottom + categories.length * rowH;
  const totals = categories.map((_, i) =>
    mode === 'stacked' ? series.reduce((s, ser) => s + Math.max(0, ser.values[i] ?? 0), 0) : Math.max(...series.map((s) => s.values[i] ?? 0)),
  );
  const max = Math.max(...totals, rule?.value ?? 0, 1e-12);
  const x = scaleLinear().domain([0, max]).nice().range([M.left, width - M.right]);
  const yb = scaleBand().domain(categories).range([M.top, height - M.bottom]).padding(0.2);
  const inner = scaleBand()
    .domain(series.map((s) => s.name))
    .range([0, yb.bandwidth()])
    .padding(0.08);

  return (
    <div ref={ref} className="bar-chart">
      <svg width={width} height={height} role="presentation">
        {x.ticks(Math.max(2, Math.floor(width / 120))).map((t) => (
          <g key={t} transform={`translate(${x(t)},0)`}>
            <line y1={M.top} y2={height - M.bottom} className="grid" />
            <text y={height - M.bottom + 16} textAnchor="middle" className="tick">
              {formatValue(t)}
            </text>
          </g>
        ))}
        {categories.map((c, i) => {
          let offset = 0;
          return (
            <g key={c} transform={`translate(0,${yb(c)})`}>
              <text x={M.left - 8} y={yb.bandwidth() / 2} dy="0.32em" textAnchor="end" className="tick">
                {c}
              </text>
              {series.map((s, j) => {
                const v = Math.max(0, s.values[i] ?? 0);
                const color = s.color ?? SERIES_COLORS[j];
                if (mode === 'stacked') {
                  const x0 = x(offset);
                  offset += v;
                  return <rect key={s.name} x={x0} y={0} width={Math.max(0, x(offset) - x0)} height={yb.bandwidth()} fill={color} />;
                }
                return <rect key={s.name} x={M.left} y={inner(s.name)} width={Math.max(0, x(v) - M.left)} height={inner.bandwidth()} fill={color} />;
              })}
            </g>
          );
        })}
        {rule ? (
          <g>
            <line x1={x(rule.value)} x2={x(rule.value)} y1={M.top - 4} y2={height - M.bottom} className="rule" />
            <text x={x(rule.value)} y={M.top + 2} dx={-4} textAnchor="end" className="rule-label">
              {rule.label}
            </text>
          </g>
        ) : null}
      </svg>
      <ul className="chart-legend">
        {series.map((s, j) => (
          <li key={s.name}>
            <span className="swatch swatch-band" style={{ background: s.color ?? SERIES_COLORS[j] }} />
            {s.name}
          </li>
        ))}
      </ul>
    </div>
  );
}
