'use client';

import { useId, useMemo } from 'react';
import { ChartFrame } from '@/components/charts/ChartFrame';
import { NARROW_WIDGET, useMediaQuery } from '@/components/hooks/useMediaQuery';
import { LiveWidgetFrame, useLiveWidget, type LiveHandle } from '@/components/widgets/live/LiveWidget';
import { formatNumber, formatPercent } from '@/lib/format';
import type { Lang } from '@/lib/i18n';
import { baselineRmse, meanPrecision, rmseOn, trainItemsByUser, userLists, userRow } from '@/lib/ml/recommender';
import { emptyHistory, recommenderLab, shownUser, type RecommenderLabValues } from '@/lib/widgets/recommender-lab';
import { RmseChart } from './RmseChart';
import styles from './RecommenderLab.module.css';

const EMPTY = emptyHistory();

/** The mark of an item in the true top N: a tick to see, words to hear. */
function Tick({ label }: { label: string }) {
  return (
    <>
      <span aria-hidden="true">✓</span>
      <span className="visually-hidden">{label}</span>
    </>
  );
}

/** Matrix factorisation trained live on ratings with known tastes: RMSE against the popularity list, one user's top N, the cold start. */
export default function RecommenderLab({ lang, defaults }: { lang: Lang; defaults: RecommenderLabValues }) {
  const t = recommenderLab.strings[lang];
  const uid = useId();
  const live = useLiveWidget(recommenderLab, defaults);
  const s = live.session.state;
  const v = live.settings.values;
  const narrow = useMediaQuery(NARROW_WIDGET, false);
  const info = s.info;
  const history = s.extra?.history ?? EMPTY;
  const scores = s.extra?.scores ?? null;
  const perEpoch = info?.stepsPerEpoch ?? 1;
  const epoch = Math.floor(s.step / perEpoch);
  const last = history.heldOut.length - 1;
  const rmse = last >= 0 ? history.heldOut[last]! : NaN;
  const trainRmse = last >= 0 ? history.train[last]! : NaN;
  const coldRmse = last >= 0 ? history.coldStart[last]! : NaN;

  // What the data say once, per build: who rated what in training, the popularity scores, who is a newcomer.
  const data = useMemo(() => {
    if (!info) return null;
    const rated = trainItemsByUser(info);
    const popularity = Float64Array.from(info.baseline.itemBias, (b) => info.baseline.mean + b);
    const cold = new Set(info.coldUsers);
    const warmUsers = Array.from({ length: info.users }, (_, u) => u).filter((u) => !cold.has(u));
    const groups = [0, 1, 2].map((k) => info.coldUsers.filter((u) => info.trainCount[u] === k));
    const groupBaseline = groups.map((g) => {
      const set = new Set(g);
      return baselineRmse(info.baseline, info.test, (u) => set.has(u));
    });
    return { rated, popularity, cold, warmUsers, groups, groupBaseline };
  }, [info]);

  const user = info ? shownUser(v.user, info.users) : 0;
  const lists = useMemo(() => {
    if (!info || !data || !scores) return null;
    return userLists({ scores: userRow(scores, info.items, user), truth: userRow(info.truth, info.items, user), popularity: data.popularity, rated: data.rated[user]!, n: v.topN });
  }, [info, data, scores, user, v.topN]);
  const mean = useMemo(() => {
    if (!info || !data || !scores) return null;
    return meanPrecision({ scores, truth: info.truth, popularity: data.popularity, rated: data.rated, items: info.items, users: data.warmUsers, n: v.topN });
  }, [info, data, scores, v.topN]);
  const coldRows = useMemo(() => {
    if (!info || !data || !scores) return null;
    return data.groups.map((g, k) => {
      const set = new Set(g);
      return { k, users: g.length, model: rmseOn(scores, info.items, info.test, (u) => set.has(u)), baseline: data.groupBaseline[k]! };
    });
  }, [info, data, scores]);

  const num = (x: number, digits = 3) => (Number.isFinite(x) ? formatNumber(x, lang, { digits }) : '—');
  const dv = (x: number) => (Number.isFinite(x) ? x : undefined);
  const base = info?.baselineRmse ?? NaN;
  const coldBase = info?.baselineColdRmse ?? NaN;
  const diff = rmse - base;
  const n = lists?.model.length ?? v.topN;
  const hits = lists ? Math.round(lists.precision * lists.model.length) : 0;
  const truthSet = new Set(lists?.truth ?? []);
  const isCold = data?.cold.has(user) ?? false;
  const userTrain = info ? info.trainCount[user]! : 0;
  const ratedByUser = useMemo(() => {
    if (!info) return [];
    const out: { item: number; rating: number }[] = [];
    for (let j = 0; j < info.train.user.length; j++) if (info.train.user[j] === user) out.push({ item: info.train.item[j]!, rating: info.train.rating[j]! });
    return out;
  }, [info, user]);

  const rows = useMemo(() => {
    const f = (x: number) => (Number.isFinite(x) ? formatNumber(x, lang, { digits: 4 }) : '—');
    return history.heldOut.map((_, e) => [e, f(history.train[e]!), f(history.heldOut[e]!), f(history.coldStart[e]!), f(base)]);
  }, [history, base, lang]);
  const pick = (u: number) => live.settings.update({ user: u });
  const nextWarm = data?.warmUsers.length ? data.warmUsers[(data.warmUsers.indexOf(user) + 1) % data.warmUsers.length]! : 0;

  const output = (
    <div className={styles.output}>
      <table className={styles.stats}>
        <thead>
          <tr>
            <th scope="col">{t.rmseHead}</th>
            <th scope="col">{t.model}</th>
            <th scope="col">{t.baseline}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t.heldOut}</th>
            <td data-result="recommenderLab.rmse" data-value={dv(rmse)}>
              {num(rmse)}
            </td>
            <td data-result="recommenderLab.baselineRmse" data-value={dv(base)}>
              {num(base)}
            </td>
          </tr>
          <tr>
            <th scope="row">{t.trainSet}</th>
            <td data-result="recommenderLab.trainRmse" data-value={dv(trainRmse)}>
              {num(trainRmse)}
            </td>
            <td data-result="recommenderLab.baselineTrainRmse" data-value={dv(info?.baselineTrainRmse ?? NaN)}>
              {num(info?.baselineTrainRmse ?? NaN)}
            </td>
          </tr>
          <tr>
            <th scope="row">{t.coldStart}</th>
            <td data-result="recommenderLab.coldStartRmse" data-value={dv(coldRmse)}>
              {num(coldRmse)}
            </td>
            <td data-result="recommenderLab.coldStartBaselineRmse" data-value={dv(coldBase)}>
              {num(coldBase)}
            </td>
          </tr>
        </tbody>
      </table>
      <p className={styles.line}>
        {t.epoch}{' '}
        <strong data-result="recommenderLab.epoch" data-value={epoch}>
          {formatNumber(epoch, lang)}
        </strong>{' '}
        / {formatNumber(v.epochs, lang)}
        {Number.isFinite(diff) && last > 0 ? <> · {diff <= 0 ? t.better(num(-diff)) : t.worse(num(diff))}</> : null}
      </p>

      <section className={styles.user} aria-labelledby={`${uid}-user`}>
        <h4 id={`${uid}-user`} className={styles.userTitle}>
          <span data-result="recommenderLab.user" data-value={user}>
            {t.userTitle(user)}
          </span>
          {isCold ? <span className={styles.badge}>{t.newcomer}</span> : null}{' '}
          <span className={styles.soft} data-result="recommenderLab.userRatings" data-value={userTrain}>
            {t.userRatings(userTrain)}
          </span>
        </h4>
        {info && v.user >= info.users ? (
          <p className="widget-note" role="status">
            {t.clampNote(v.user, info.users)}
          </p>
        ) : null}
        {isCold && ratedByUser.length ? (
          <p className={styles.soft}>
            {t.rated} {ratedByUser.map((r) => t.ratedItem(r.item, formatNumber(r.rating, lang, { digits: 1 }))).join(t.sep)}
          </p>
        ) : null}
        <div className={`chip-row ${styles.picks}`} role="group" aria-label={t.pickHead}>
          <button type="button" className="chip" onClick={() => pick(nextWarm)} data-action="pick-warm">
            {t.pickWarm}
          </button>
          {data?.groups.map((g, k) =>
            g.length ? (
              <button key={k} type="button" className="chip" aria-pressed={user === g[0]} onClick={() => pick(g[0]!)} data-action={`pick-cold-${k}`}>
                {t.pickCold(k)}
              </button>
            ) : null,
          )}
        </div>
        {lists && info ? (
          <>
            <table className={styles.lists} data-testid="top-n">
              <caption>{t.listHead(n)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.rankCol}</th>
                  <th scope="col">{t.modelCol}</th>
                  <th scope="col">{t.popularCol}</th>
                  <th scope="col">{t.truthCol}</th>
                </tr>
              </thead>
              <tbody>
                {lists.truth.map((_, r) => {
                  const m = lists.model[r];
                  const p = lists.popular[r];
                  const tr = lists.truth[r]!;
                  return (
                    <tr key={r}>
                      <th scope="row">{r + 1}</th>
                      <td className={m !== undefined && truthSet.has(m) ? styles.hit : undefined} data-list="model" data-item={m}>
                        {m !== undefined ? (
                          <>
                            {t.item(m)} {truthSet.has(m) ? <Tick label={t.hit} /> : null}
                            <span className={styles.score}>{num(scores![user * info.items + m]!, 1)}</span>
                          </>
                        ) : null}
                      </td>
                      <td className={p !== undefined && truthSet.has(p) ? styles.hit : undefined} data-list="popular" data-item={p}>
                        {p !== undefined ? (
                          <>
                            {t.item(p)} {truthSet.has(p) ? <Tick label={t.hit} /> : null}
                            <span className={styles.score}>{num(data!.popularity[p]!, 1)}</span>
                          </>
                        ) : null}
                      </td>
                      <td data-list="truth" data-item={tr}>
                        {t.item(tr)}
                        <span className={styles.score}>{num(info.truth[user * info.items + tr]!, 1)}</span>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <p className={styles.soft}>{t.scoresNote}</p>
            <p className={styles.line}>
              {t.precision(n)}: <strong data-result="recommenderLab.precisionAtN" data-value={dv(lists.precision)}>{formatPercent(lists.precision, lang, 0)}</strong> · {t.popularCol}:{' '}
              <strong data-result="recommenderLab.baselinePrecisionAtN" data-value={dv(lists.popularPrecision)}>
                {formatPercent(lists.popularPrecision, lang, 0)}
              </strong>
            </p>
            <p className={styles.soft}>
              {t.precisionLine(n, hits, formatPercent(lists.chance, lang, 0))}{' '}
              <span hidden data-result="recommenderLab.chancePrecisionAtN" data-value={dv(lists.chance)} />
            </p>
            {mean ? (
              <p className={styles.soft}>
                {t.meanPrecision(n)}: {t.model}{' '}
                <strong data-result="recommenderLab.meanPrecisionAtN" data-value={dv(mean.model)}>
                  {formatPercent(mean.model, lang, 0)}
                </strong>{' '}
                · {t.baseline}{' '}
                <strong data-result="recommenderLab.baselineMeanPrecisionAtN" data-value={dv(mean.popular)}>
                  {formatPercent(mean.popular, lang, 0)}
                </strong>
              </p>
            ) : null}
          </>
        ) : null}
      </section>

      {history.heldOut.length > 1 ? (
        <ChartFrame
          caption={narrow ? t.chartCaptionShort : t.chartCaption}
          tableLabel={t.seeTable}
          table={{ columns: [t.epoch, t.trainRmse, t.heldOutRmse, t.coldRmse, t.baselineRmse], rows }}
        >
          <RmseChart
            train={history.train}
            heldOut={history.heldOut}
            trainName={t.trainRmse}
            heldOutName={t.heldOutRmse}
            baseline={base}
            baselineName={t.baselineRmse}
            baselineLabel={t.baselineLine(num(base))}
            epochs={v.epochs}
            xLabel={t.epoch}
            yLabel="RMSE"
            formatY={(y) => formatNumber(y, lang, { digits: 1 })}
            height={narrow ? 150 : 220}
          />
        </ChartFrame>
      ) : (
        <p className="widget-note">{t.noCurve}</p>
      )}
    </div>
  );

  const below = (
    <div className={styles.below}>
      <section className={styles.cold} aria-labelledby={`${uid}-cold`}>
        <h4 id={`${uid}-cold`}>{t.coldTitle}</h4>
        {coldRows ? (
          <table className={styles.stats} data-testid="cold-start">
            <thead>
              <tr>
                <th scope="col">{t.coldHead}</th>
                <th scope="col">{t.coldUsers}</th>
                <th scope="col">{t.model}</th>
                <th scope="col">{t.baseline}</th>
              </tr>
            </thead>
            <tbody>
              {coldRows.map((r) => (
                <tr key={r.k}>
                  <th scope="row">{r.k}</th>
                  <td>{formatNumber(r.users, lang)}</td>
                  <td data-result={`recommenderLab.coldStartRmse${r.k}`} data-value={dv(r.model)}>
                    {num(r.model)}
                  </td>
                  <td data-result={`recommenderLab.coldStartBaselineRmse${r.k}`} data-value={dv(r.baseline)}>
                    {num(r.baseline)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        <p className={styles.soft}>{t.coldText}</p>
      </section>
      <p className="widget-note">
        {t.baselineNote} {info ? <>{t.ratingsLine(formatNumber(info.train.rating.length, lang), formatNumber(info.test.rating.length, lang))} · </> : null}
        {t.params}: <span data-result="recommenderLab.params" data-value={info?.params}>{info ? formatNumber(info.params, lang) : '—'}</span> · {t.steps(perEpoch)} · {t.lossNote}
      </p>
    </div>
  );

  const density = info?.density ?? v.density;
  return (
    <LiveWidgetFrame
      live={live as unknown as LiveHandle}
      lang={lang}
      description={<p>{t.intro(formatNumber(info?.users ?? v.users, lang), formatNumber(info?.items ?? v.items, lang), formatNumber(info ? info.train.rating.length + info.test.rating.length : Math.round(v.density * v.users * v.items), lang), formatPercent(density, lang, density < 0.1 ? 1 : 0))}</p>}
      output={output}
      below={below}
      playLabel={t.train}
      stepLabel={t.stepEpoch}
      stepSize={perEpoch - (s.step % perEpoch)}
      data={{ epoch, user, 'measured-epoch': s.extra?.measuredEpoch ?? '' }}
    />
  );
}
