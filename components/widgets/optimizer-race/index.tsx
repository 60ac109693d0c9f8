'use client';

import { contours } from 'd3-contour';
import { useMemo, type PointerEvent } from 'react';
import { ChartFrame } from '@/components/charts/ChartFrame';
import { LineChart } from '@/components/charts/LineChart';
import { SERIES_COLORS } from '@/components/charts/palette';
import { useWidth } from '@/components/hooks/useWidth';
import { LiveWidgetFrame, useLiveWidget, type LiveHandle } from '@/components/widgets/live/LiveWidget';
import { formatNumber } from '@/lib/format';
import type { Lang } from '@/lib/i18n';
import {
  RACERS,
  RACER_LABELS,
  RACER_SHORT,
  SURFACE_DEFS,
  contourLevels,
  optimizerRace,
  surfaceGrid,
  type OptimizerRaceValues,
  type RacerName,
} from '@/lib/widgets/optimizer-race';
import styles from './OptimizerRace.module.css';

const GRID = 90;
const NO_RACERS: readonly RacerName[] = [];
const DASHES: Record<RacerName, string | undefined> = { sgd: undefined, momentum: '6 3', rmsprop: '2 3', adagrad: '8 3 2 3', adam: undefined, adamw: '4 2' };
const colorOf = (r: RacerName) => SERIES_COLORS[RACERS.indexOf(r)]!;

/** A ring of grid coordinates as an SVG path, scaled to the plot. */
function ringPath(ring: number[][], sx: number, sy: number): string {
  return ring.map(([x, y], i) => `${i ? 'L' : 'M'}${(x! * sx).toFixed(1)},${(y! * sy).toFixed(1)}`).join('') + 'Z';
}

/** tfjs's optimizers racing down a 2-D loss surface, with contours, paths, a step counter and every setting in the URL. */
export default function OptimizerRace({ lang, defaults }: { lang: Lang; defaults: OptimizerRaceValues }) {
  const t = optimizerRace.strings[lang];
  const live = useLiveWidget(optimizerRace, defaults);
  const s = live.session.state;
  const v = live.settings.values;
  const surface = SURFACE_DEFS[v.surface];
  const [x0, x1, y0, y1] = surface.domain;
  const [boxRef, width] = useWidth<HTMLDivElement>(360);
  const w = Math.max(240, Math.min(560, width));
  const h = Math.round((w * (y1 - y0)) / (x1 - x0));
  const px = (x: number) => ((x - x0) / (x1 - x0)) * w;
  const py = (y: number) => ((y1 - y) / (y1 - y0)) * h;

  const rings = useMemo(() => {
    const grid = surfaceGrid(v.surface, GRID, GRID);
    const levels = contourLevels(grid, SURFACE_DEFS[v.surface].fMin);
    return contours().size([GRID, GRID]).thresholds(levels)(Array.from(grid));
  }, [v.surface]);

  const racers = s.info?.racers ?? NO_RACERS;
  const paths = s.extra?.paths ?? [];
  const statuses = s.extra?.status ?? [];
  const losses = s.extra?.losses ?? [];

  const restartAt = (e: PointerEvent<SVGSVGElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const x = x0 + ((e.clientX - box.left) / box.width) * (x1 - x0);
    const y = y1 - ((e.clientY - box.top) / box.height) * (y1 - y0);
    live.settings.update({ customStart: true, x0: Number(x.toFixed(2)), y0: Number(y.toFixed(2)) });
  };

  const series = useMemo(
    () =>
      racers.map((r) => ({
        name: RACER_LABELS[r][lang],
        color: colorOf(r),
        dashed: DASHES[r] !== undefined,
        points: (s.curves[`loss.${r}`] ?? []).map((p) => [p.step, Math.max(1e-8, p.value - surface.fMin)] as [number, number]),
      })),
    [racers, s.curves, lang, surface.fMin],
  );
  const start = s.info?.start;

  const output = (
    <div className={styles.output}>
      <div className={styles.mapBox} ref={boxRef}>
        <svg
          className={styles.map}
          width={w}
          height={h}
          viewBox={`0 0 ${w} ${h}`}
          role="img"
          aria-label={t.mapLabel(surface.label[lang])}
          onPointerDown={restartAt}
          data-testid="race-map"
        >
          <g className={styles.contours}>
            {rings.map((c, i) => (
              <path key={i} d={c.coordinates.flatMap((poly) => poly.map((ring) => ringPath(ring, w / GRID, h / GRID))).join('')} style={{ opacity: 0.25 + (0.55 * (rings.length - i)) / rings.length }} />
            ))}
          </g>
          {surface.minima.map(([mx, my]) => (
            <text key={`${mx},${my}`} x={px(mx)} y={py(my)} className={styles.minimum} textAnchor="middle" dominantBaseline="central">
              ★<title>{t.minimum}</title>
            </text>
          ))}
          {racers.map((r, i) => {
            const p = paths[i];
            if (!p || p.length < 2) return null;
            let d = '';
            for (let k = 0; k < p.length; k += 2) d += `${k ? 'L' : 'M'}${px(p[k]!).toFixed(1)},${py(p[k + 1]!).toFixed(1)}`;
            const hx = px(p[p.length - 2]!);
            const hy = py(p[p.length - 1]!);
            return (
              <g key={r} data-racer={r}>
                <path d={d} fill="none" stroke={colorOf(r)} strokeWidth={2} strokeDasharray={DASHES[r]} strokeLinejoin="round" />
                {Number.isFinite(hx) && Number.isFinite(hy) ? <circle cx={hx} cy={hy} r={4.5} fill={colorOf(r)} className={styles.head} /> : null}
              </g>
            );
          })}
          {start ? <circle cx={px(start[0])} cy={py(start[1])} r={5} className={styles.start} /> : null}
        </svg>
      </div>
      <div className={styles.side}>
        <p className="widget-note">
          {t.step}:{' '}
          <span data-result="optimizerRace.step" data-value={s.step}>
            {formatNumber(s.step, lang)}
          </span>{' '}
          / {formatNumber(v.steps, lang)} · {t.clickHint}
        </p>
        <div className="table-scroll" tabIndex={0}>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">{t.optimizer}</th>
                <th scope="col" className="num">
                  {t.loss}
                </th>
                <th scope="col" className="num">
                  {t.position}
                </th>
              </tr>
            </thead>
            <tbody>
              {racers.map((r, i) => {
                const p = paths[i];
                const x = p ? p[p.length - 2]! : NaN;
                const y = p ? p[p.length - 1]! : NaN;
                return (
                  <tr key={r} data-racer={r} data-status={statuses[i] ?? 'running'}>
                    <th scope="row">
                      <svg width="22" height="8" aria-hidden="true" className={styles.swatch}>
                        <line x1="0" y1="4" x2="22" y2="4" stroke={colorOf(r)} strokeWidth="3" strokeDasharray={DASHES[r]} />
                      </svg>
                      <abbr title={RACER_LABELS[r][lang]}>{RACER_SHORT[r]}</abbr>
                    </th>
                    <td className="num" data-result={`optimizerRace.loss.${r}`} data-value={losses[i] ?? undefined}>
                      {statuses[i] === 'diverged' ? t.status.diverged : losses[i] === undefined ? '—' : formatNumber(losses[i]!, lang, { digits: 4 })}
                    </td>
                    <td className="num" data-result={`optimizerRace.position.${r}`} data-value={Number.isFinite(x) ? `${x},${y}` : undefined}>
                      {Number.isFinite(x) ? `(${formatNumber(x, lang, { digits: 2 })}, ${formatNumber(y, lang, { digits: 2 })})` : '—'}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </div>
    </div>
  );

  const below = (
    <>
      <p className="widget-note">{surface.about[lang]}</p>
      {series.some((x) => x.points.length > 1) ? (
        <ChartFrame
          caption={t.lossCaption}
          tableLabel={t.seeTable}
          table={{
            columns: [t.optimizer, t.step, t.loss],
            rows: racers.map((r, i) => [RACER_LABELS[r][lang], s.step, losses[i] === undefined ? '—' : formatNumber(losses[i]!, lang, { digits: 5 })]),
          }}
        >
          <LineChart series={series} yLog xLabel={t.step} yLabel={t.lossAxis} formatX={(x) => formatNumber(x, lang)} formatY={(y) => formatNumber(y, lang, { sci: true, digits: 0 })} height={220} />
        </ChartFrame>
      ) : null}
      {v.adamw ? <p className="widget-note">{t.adamwNote}</p> : null}
    </>
  );

  return <LiveWidgetFrame live={live as unknown as LiveHandle} lang={lang} output={output} below={below} layout="stacked" />;
}
