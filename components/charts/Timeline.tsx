'use client';

import { scaleLinear } from 'd3-scale';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { MILESTONES, type Milestone } from '@/lib/content/timeline';
import { bilingual, type Lang } from '@/lib/i18n';

const TEXT = bilingual({
  zh: {
    title: '从感知机到大模型：时间线',
    hint: '点击或用方向键选择一个事件。',
    kinds: { idea: '算法与理论', system: '模型与系统', product: '产品发布' },
    table: '以表格查看全部事件',
    year: '年份',
    event: '事件',
    source: '出处',
    chartLabel: '1943 年至今的人工智能里程碑时间线',
  },
  en: {
    title: 'From perceptrons to large models: a timeline',
    hint: 'Click a point, or use the arrow keys, to read about an event.',
    kinds: { idea: 'Ideas and theory', system: 'Models and systems', product: 'Public releases' },
    table: 'See every event as a table',
    year: 'Year',
    event: 'Event',
    source: 'Source',
    chartLabel: 'Timeline of AI milestones from 1943 to today',
  },
});

/** Okabe–Ito colours (safe for colour-blind readers), plus a distinct shape per kind. */
const KIND_STYLE: Record<Milestone['kind'], { color: string; shape: 'circle' | 'square' | 'diamond' }> = {
  idea: { color: 'var(--okabe-blue)', shape: 'circle' },
  system: { color: 'var(--okabe-orange)', shape: 'square' },
  product: { color: 'var(--okabe-green)', shape: 'diamond' },
};

const LANE_H = 22;
const MARGIN = { left: 16, right: 16, top: 12, bottom: 28 };
const R = 6;

const when = (m: Milestone) => m.year + ((m.month ?? 6) - 0.5) / 12;

/** A d3-scaled timeline of milestones with a detail panel and a table as its text alternative. */
export function Timeline({ lang }: { lang: Lang }) {
  const t = TEXT[lang];
  const wrapRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(720);
  const items = useMemo(() => [...MILESTONES].sort((a, b) => when(a) - when(b)), []);
  const [selected, setSelected] = useState(() => Math.max(0, items.findIndex((m) => m.year === 2017)));
  const pointRefs = useRef<(SVGGElement | null)[]>([]);

  useEffect(() => {
    const el = wrapRef.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(280, Math.round(entry.contentRect.width)));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const layout = useMemo(() => {
    if (items.length === 0) return { x: scaleLinear(), lanes: [] as number[], laneCount: 1 };
    const first = Math.floor(items[0]!.year / 10) * 10;
    const last = Math.max(2026, items[items.length - 1]!.year + 1);
    const x = scaleLinear().domain([first, last]).range([MARGIN.left, width - MARGIN.right]);
    // Greedy lanes: a point goes in the first lane whose last point is at least 2.4 radii to its left.
    const ends: number[] = [];
    const lanes = items.map((m) => {
      const px = x(when(m));
      let lane = ends.findIndex((end) => px - end >= R * 2.4);
      if (lane < 0) {
        lane = ends.length;
        ends.push(px);
      } else ends[lane] = px;
      return lane;
    });
    return { x, lanes, laneCount: Math.max(1, ends.length) };
  }, [items, width]);

  const height = MARGIN.top + layout.laneCount * LANE_H + MARGIN.bottom;
  const axisY = MARGIN.top + layout.laneCount * LANE_H + 4;
  const ticks = layout.x.ticks(Math.max(3, Math.floor(width / 90)));
  const current = items[selected];

  const onKey = (e: KeyboardEvent, i: number) => {
    let next = i;
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') next = Math.min(items.length - 1, i + 1);
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') next = Math.max(0, i - 1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = items.length - 1;
    else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      setSelected(i);
      return;
    } else return;
    e.preventDefault();
    setSelected(next);
    pointRefs.current[next]?.focus();
  };

  return (
    <figure className="timeline" data-widget="timeline">
      <figcaption className="timeline-title">{t.title}</figcaption>
      <p className="timeline-hint">{t.hint}</p>
      <ul className="timeline-legend" aria-hidden="true">
        {(Object.keys(KIND_STYLE) as Milestone['kind'][]).map((k) => (
          <li key={k}>
            <svg width="14" height="14" viewBox="-7 -7 14 14">
              <Mark kind={k} />
            </svg>
            {t.kinds[k]}
          </li>
        ))}
      </ul>
      <div ref={wrapRef} className="timeline-plot">
        <svg width={width} height={height} role="group" aria-label={t.chartLabel}>
          <line x1={MARGIN.left} x2={width - MARGIN.right} y1={axisY} y2={axisY} className="timeline-axis" />
          {ticks.map((year) => (
            <g key={year} transform={`translate(${layout.x(year)},${axisY})`} aria-hidden="true">
              <line y2={5} className="timeline-axis" />
              <text y={18} textAnchor="middle" className="timeline-tick">
                {year}
              </text>
            </g>
          ))}
          {items.map((m, i) => {
            const cx = layout.x(when(m));
            const cy = MARGIN.top + (layout.lanes[i] ?? 0) * LANE_H + LANE_H / 2;
            const on = i === selected;
            return (
              <g
                key={m.id}
                ref={(el) => {
                  pointRefs.current[i] = el;
                }}
                className="timeline-point"
                transform={`translate(${cx},${cy})`}
                role="button"
                tabIndex={on ? 0 : -1}
                aria-pressed={on}
                aria-label={`${m.year}: ${m.title[lang]}`}
                data-milestone={m.id}
                onClick={() => setSelected(i)}
                onKeyDown={(e) => onKey(e, i)}
              >
                <line y1={0} y2={axisY - cy} className="timeline-stem" data-on={on || undefined} />
                <Mark kind={m.kind} big={on} />
              </g>
            );
          })}
        </svg>
      </div>
      {current ? (
        <div className="timeline-detail" aria-live="polite">
          <p className="timeline-detail-head">
            <span className="timeline-year">{current.year}</span> {current.title[lang]}
          </p>
          <p>{current.detail[lang]}</p>
          <p className="timeline-cite">{current.cite}</p>
        </div>
      ) : null}
      <details className="timeline-table">
        <summary>{t.table}</summary>
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t.table}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t.year}</th>
                <th scope="col">{t.event}</th>
                <th scope="col">{t.source}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((m) => (
                <tr key={m.id}>
                  <td>{m.year}</td>
                  <td>
                    <strong>{m.title[lang]}</strong> — {m.detail[lang]}
                  </td>
                  <td>{m.cite}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

function Mark({ kind, big = false }: { kind: Milestone['kind']; big?: boolean }) {
  const { color, shape } = KIND_STYLE[kind];
  const r = big ? R + 2 : R;
  const common = { fill: color, stroke: big ? 'var(--fg)' : 'var(--bg)', strokeWidth: big ? 2 : 1.5 };
  if (shape === 'square') return <rect x={-r * 0.85} y={-r * 0.85} width={r * 1.7} height={r * 1.7} {...common} />;
  if (shape === 'diamond') return <path d={`M0 ${-r * 1.15}L${r * 1.15} 0L0 ${r * 1.15}L${-r * 1.15} 0Z`} {...common} />;
  return <circle r={r} {...common} />;
}
