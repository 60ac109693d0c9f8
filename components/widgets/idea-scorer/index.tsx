'use client';

import { useId, useMemo, useRef, useState } from 'react';
import { ChartFrame } from '@/components/charts/ChartFrame';
import { LineChart } from '@/components/charts/LineChart';
import { SERIES_COLORS } from '@/components/charts/palette';
import { useWidgetState } from '@/components/hooks/useWidgetState';
import { SchemaControls } from '@/components/widgets/controls/SchemaControls';
import { WidgetFrame } from '@/components/widgets/WidgetFrame';
import { formatNumber, formatPercent } from '@/lib/format';
import type { Lang } from '@/lib/i18n';
import { parseNumber } from '@/lib/state/schema';
import {
  CRITERIA,
  MAX_IDEAS,
  MAX_SCORE,
  MAX_WEIGHT,
  MIN_IDEAS,
  MIN_SCORE,
  cleanName,
  exampleIdeas,
  formatIdeas,
  ideaScorer,
  ideaScorerSchema,
  parseIdeas,
  rankOrder,
  scoresAtWeight,
  sensitivity,
  weightShares,
  weightedScores,
  type Idea,
  type IdeaScorerValues,
} from '@/lib/widgets/idea-scorer';
import styles from './IdeaScorer.module.css';

const SCORE_OPTIONS = Array.from({ length: MAX_SCORE - MIN_SCORE + 1 }, (_, i) => MIN_SCORE + i);

/** A weighted scoring matrix: editable ideas, scores and weights; the ranking; and how far each weight may move. */
export default function IdeaScorer({ lang, defaults }: { lang: Lang; defaults: IdeaScorerValues }) {
  const t = ideaScorer.strings[lang];
  const state = useWidgetState(ideaScorer.id, ideaScorerSchema, defaults);
  const { values, update } = state;
  const rootRef = useRef<HTMLElement>(null);
  const uid = useId();
  const [weightDrafts, setWeightDrafts] = useState<Record<number, string>>({});
  const [nameDrafts, setNameDrafts] = useState<Record<number, string>>({});
  const [note, setNote] = useState<string | null>(null);

  const parsed = useMemo(() => parseIdeas(values.ideas, lang), [values.ideas, lang]);
  const ideas: Idea[] = useMemo(() => (parsed.ok ? parsed.ideas : exampleIdeas(lang)), [parsed, lang]);
  const weights = values.weights;
  const scores = useMemo(() => weightedScores(ideas, weights), [ideas, weights]);
  const sens = useMemo(() => sensitivity(ideas, weights), [ideas, weights]);
  const shares = weightShares(weights);
  const order = scores ? rankOrder(scores) : [];
  const rankOf = new Map(order.map((idea, r) => [idea, r + 1]));

  const n = (v: number, digits = 2) => formatNumber(v, lang, { digits });
  const pct = (v: number) => `${v > 0 ? '+' : ''}${formatPercent(v, lang, 0)}`;
  const critName = (k: number) => t.criteria[CRITERIA[k]!];

  const setIdeas = (next: Idea[]) => {
    setNote(null);
    update({ ideas: formatIdeas(next, lang) });
  };
  const setScore = (i: number, k: number, s: number) => setIdeas(ideas.map((d, j) => (j === i ? { ...d, scores: d.scores.map((x, m) => (m === k ? s : x)) } : d)));
  const commitName = (i: number) => {
    const draft = nameDrafts[i];
    if (draft === undefined) return;
    setNameDrafts(({ [i]: _, ...rest }) => rest);
    const name = cleanName(draft);
    if (!name) {
      setNote(t.emptyName);
      return;
    }
    if (name === ideas[i]!.name) return;
    setIdeas(ideas.map((d, j) => (j === i ? { ...d, name } : d)));
  };
  const setWeight = (k: number, raw: string) => {
    setWeightDrafts((d) => ({ ...d, [k]: raw }));
    const w = parseNumber(raw.trim().replace(',', '.'));
    if (Number.isFinite(w) && w >= 0 && w <= MAX_WEIGHT) {
      setNote(null);
      update({ weights: weights.map((x, j) => (j === k ? w : x)) });
    }
  };
  const endWeight = (k: number) => {
    const raw = weightDrafts[k];
    setWeightDrafts(({ [k]: _, ...rest }) => rest);
    if (raw === undefined) return;
    const w = parseNumber(raw.trim().replace(',', '.'));
    if (!(Number.isFinite(w) && w >= 0 && w <= MAX_WEIGHT)) setNote(t.weightRange);
  };
  const addIdea = () => setIdeas([...ideas, { name: t.newIdea(ideas.length + 1), scores: CRITERIA.map(() => 3) }]);
  const removeIdea = (i: number) => setIdeas(ideas.filter((_, j) => j !== i));

  // The sensitivity chart: the chosen criterion, or the most fragile one.
  const plotK = values.plot === 'auto' ? (sens?.flip?.criterion ?? 0) : CRITERIA.indexOf(values.plot as (typeof CRITERIA)[number]);
  const tieHere = sens?.criteria[plotK]?.tieWeight ?? null;
  const xMax = Math.max(MAX_WEIGHT, tieHere !== null ? Math.ceil(tieHere * 1.2) : 0, weights[plotK] ?? 0);
  const xs = Array.from({ length: 41 }, (_, i) => (xMax * i) / 40);
  if (tieHere !== null && !xs.includes(tieHere)) xs.push(tieHere);
  xs.sort((a, b) => a - b);
  const lines = xs.map((w) => ({ w, s: scoresAtWeight(ideas, weights, plotK, w) }));

  const flip = sens?.flip ?? null;
  const overtaker = flip?.overtaker ?? null;

  return (
    <WidgetFrame
      ref={rootRef}
      id={ideaScorer.id}
      lang={lang}
      title={ideaScorer.title[lang]}
      issues={state.issues}
      onDismissIssues={state.dismissIssues}
      onReset={() => {
        setNote(null);
        setWeightDrafts({});
        setNameDrafts({});
        state.reset();
      }}
      link={() => state.linkFor(rootRef.current)}
      data={{ status: state.loaded ? 'ready' : 'idle', 'url-state': state.loaded ? 'applied' : 'pending' }}
    >
      {!parsed.ok ? (
        <div className={styles.problem} role="alert" data-note="ideas">
          <p>
            {t.badIdeas}
            {t.problems[parsed.problem.code](parsed.problem.code === 'count' ? parsed.problem.count : parsed.problem.entry)}
          </p>
          <p>{t.format}</p>
        </div>
      ) : null}

      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={`${uid}-matrix`}>
        <table className={styles.matrix}>
          <caption id={`${uid}-matrix`}>{t.matrixCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.idea}</th>
              {CRITERIA.map((c, k) => (
                <th key={c} scope="col" title={t.criterionHints[c]}>
                  {critName(k)}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">{t.remove}</span>
              </th>
            </tr>
            <tr className={styles.weightRow}>
              <th scope="row">{t.weightRow}</th>
              {CRITERIA.map((c, k) => (
                <td key={c}>
                  <input
                    type="number"
                    className={`input-number ${styles.weight}`}
                    min={0}
                    max={MAX_WEIGHT}
                    step={0.5}
                    inputMode="decimal"
                    aria-label={t.weightLabel(critName(k))}
                    name={`weight-${c}`}
                    value={weightDrafts[k] ?? String(weights[k])}
                    onChange={(e) => setWeight(k, e.target.value)}
                    onBlur={() => endWeight(k)}
                  />
                  <span className={styles.share} data-result={`ideaScorer.share${k}`} data-value={shares ? shares[k] : undefined}>
                    {shares ? t.shareOf(formatPercent(shares[k]!, lang, 0)) : '—'}
                  </span>
                  <span hidden data-result={`ideaScorer.weight${k}`} data-value={weights[k]} />
                </td>
              ))}
              <td />
            </tr>
          </thead>
          <tbody>
            {ideas.map((d, i) => (
              <tr key={i} data-idea={i}>
                <th scope="row">
                  <input
                    type="text"
                    className={`input-number ${styles.name}`}
                    aria-label={t.ideaName(i + 1)}
                    name={`idea-${i}`}
                    autoComplete="off"
                    maxLength={60}
                    value={nameDrafts[i] ?? d.name}
                    onChange={(e) => setNameDrafts((m) => ({ ...m, [i]: e.target.value }))}
                    onBlur={() => commitName(i)}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter') commitName(i);
                    }}
                  />
                </th>
                {CRITERIA.map((c, k) => (
                  <td key={c}>
                    <select aria-label={t.scoreLabel(d.name, critName(k))} value={d.scores[k]} onChange={(e) => setScore(i, k, Number(e.target.value))} className={styles.score}>
                      {SCORE_OPTIONS.map((s) => (
                        <option key={s} value={s}>
                          {s}
                        </option>
                      ))}
                    </select>
                  </td>
                ))}
                <td>
                  <button type="button" className="button-quiet" aria-label={t.removeIdea(d.name)} disabled={ideas.length <= MIN_IDEAS} onClick={() => removeIdea(i)}>
                    −
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className={styles.actions}>
        <button type="button" className="button-quiet" disabled={ideas.length >= MAX_IDEAS} onClick={addIdea}>
          {t.addIdea}
        </button>
        <span className="control-note" role="status">
          {note}
        </span>
      </p>
      <span hidden data-result="ideaScorer.count" data-value={ideas.length} />
      <span hidden data-result="ideaScorer.example" data-value={!parsed.ok || parsed.example ? 1 : 0} />

      {!scores || !sens ? (
        <p className={styles.problem} role="status" data-note="allZero">
          {t.allZero}
        </p>
      ) : (
        <>
          <dl className="results">
            <div className="result">
              <dt>{t.top}</dt>
              <dd data-result="ideaScorer.top" data-value={sens.leader} className={styles.winner}>
                {ideas[sens.leader]!.name}
              </dd>
            </div>
            <div className="result">
              <dt>{t.second}</dt>
              <dd data-result="ideaScorer.second" data-value={sens.runnerUp} className={styles.winner}>
                {ideas[sens.runnerUp]!.name}
              </dd>
            </div>
            <div className="result">
              <dt>{t.margin}</dt>
              <dd data-result="ideaScorer.margin" data-value={sens.margin}>
                {n(sens.margin)}
              </dd>
            </div>
          </dl>

          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={`${uid}-ranking`}>
            <table className={styles.ranking}>
              <caption id={`${uid}-ranking`}>{t.rankingCaption}</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t.rank}
                  </th>
                  <th scope="col">{t.idea}</th>
                  <th scope="col" className="num">
                    {t.score}
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">{t.score}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {order.map((i) => (
                  <tr key={i}>
                    <td className="num" data-result={`ideaScorer.rank${i}`} data-value={rankOf.get(i)}>
                      {rankOf.get(i)}
                    </td>
                    <th scope="row">{ideas[i]!.name}</th>
                    <td className="num" data-result={`ideaScorer.score${i}`} data-value={scores[i]}>
                      {n(scores[i]!)}
                    </td>
                    <td aria-hidden="true" className={styles.barCell}>
                      <span className={styles.bar} style={{ width: `${((scores[i]! - MIN_SCORE) / (MAX_SCORE - MIN_SCORE)) * 100}%` }} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          <section className={styles.sensitivity} aria-labelledby={`${uid}-sens`}>
            <p className={styles.panelTitle} id={`${uid}-sens`}>
              {t.sensitivityTitle}
            </p>
            <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={`${uid}-sens-caption`}>
              <table>
                <caption id={`${uid}-sens-caption`}>{t.sensitivityCaption(ideas[sens.leader]!.name, ideas[sens.runnerUp]!.name)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.criterion}</th>
                    <th scope="col" className="num">
                      {t.weight}
                    </th>
                    <th scope="col" className="num">
                      {t.diff}
                    </th>
                    <th scope="col" className="num">
                      {t.tie}
                    </th>
                    <th scope="col" className="num">
                      {t.change}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {sens.criteria.map((c) => (
                    <tr key={c.criterion} data-criterion={CRITERIA[c.criterion]} className={flip?.criterion === c.criterion ? styles.fragile : undefined}>
                      <th scope="row">{critName(c.criterion)}</th>
                      <td className="num">{n(weights[c.criterion]!, 1)}</td>
                      <td className="num">{c.diff > 0 ? `+${c.diff}` : String(c.diff).replace('-', '−')}</td>
                      {c.tieWeight === null ? (
                        <td className="num" title={t.noneWhy}>
                          {t.none}
                        </td>
                      ) : (
                        <td className="num" data-result={`ideaScorer.tie${c.criterion}`} data-value={c.tieWeight}>
                          {n(c.tieWeight)}
                        </td>
                      )}
                      {c.relative === null ? (
                        <td className="num">{c.tieWeight === null ? '—' : t.fromZero}</td>
                      ) : (
                        <td className="num" data-result={`ideaScorer.change${c.criterion}`} data-value={c.relative}>
                          {pct(c.relative)}
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className={styles.flip} data-note="flip">
              {sens.lead === 0 ? `${t.tiedNow} ` : null}
              {flip && flip.tieWeight !== null ? (
                <>
                  <span hidden data-result="ideaScorer.flipCriterion" data-value={flip.criterion} />
                  <span hidden data-result="ideaScorer.flipWeight" data-value={flip.tieWeight} />
                  {flip.relative !== null ? <span hidden data-result="ideaScorer.flipChange" data-value={flip.relative} /> : null}
                  {t.flip(critName(flip.criterion), n(weights[flip.criterion]!, 1), n(flip.tieWeight), flip.relative === null ? t.fromZero : pct(flip.relative))}
                  {flip.tieWeight > MAX_WEIGHT ? ` ${t.beyond}` : null}
                  {overtaker !== null ? (
                    <span data-result="ideaScorer.overtaker" data-value={overtaker}>
                      {' '}
                      {t.overtaker(ideas[overtaker]!.name)}
                    </span>
                  ) : null}
                </>
              ) : (
                t.noFlip
              )}
            </p>
          </section>

          <SchemaControls schema={ideaScorerSchema} values={values} onChange={(patch) => update(patch as Partial<IdeaScorerValues>)} lang={lang} only={['plot']} />
          <ChartFrame
            caption={t.chartCaption(critName(plotK))}
            tableLabel={t.tableLabel}
            table={{
              columns: [t.axisWeight(critName(plotK)), ...ideas.map((d) => d.name)],
              rows: lines.filter((_, i) => i % 4 === 0 || lines[i]!.w === tieHere).map(({ w, s }) => [n(w), ...(s ?? []).map((v) => n(v))]),
            }}
          >
            <LineChart
              series={ideas.map((d, i) => ({
                name: d.name,
                color: SERIES_COLORS[i % SERIES_COLORS.length],
                points: lines.filter((l) => l.s).map((l) => [l.w, l.s![i]!] as [number, number]),
              }))}
              markers={scores.map((s, i) => ({ x: weights[plotK]!, y: s, label: i === sens.leader ? ideas[i]!.name : '' })).filter((m) => m.label)}
              xLabel={t.axisWeight(critName(plotK))}
              yLabel={t.axisScore}
              formatX={(v) => formatNumber(v, lang, { digits: Number.isInteger(v) ? 0 : 1 })}
              formatY={(v) => formatNumber(v, lang, { digits: 1 })}
            />
          </ChartFrame>
          <ul className="chart-legend" aria-hidden="true">
            {ideas.map((d, i) => (
              <li key={i}>
                <span className="swatch" style={{ borderColor: SERIES_COLORS[i % SERIES_COLORS.length] }} />
                {d.name}
              </li>
            ))}
          </ul>
        </>
      )}
    </WidgetFrame>
  );
}
