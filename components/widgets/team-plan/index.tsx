'use client';

import { useMemo, useRef } from 'react';
import { ChartFrame } from '@/components/charts/ChartFrame';
import { LineChart } from '@/components/charts/LineChart';
import { SERIES_COLORS } from '@/components/charts/palette';
import { useWidgetState } from '@/components/hooks/useWidgetState';
import { SchemaControls } from '@/components/widgets/controls/SchemaControls';
import { WidgetFrame } from '@/components/widgets/WidgetFrame';
import { formatNumber, formatUsd } from '@/lib/format';
import type { Lang } from '@/lib/i18n';
import { RUNWAY_HORIZON_MONTHS } from '@/lib/finance/schemas';
import {
  DEFAULT_ROLES,
  encodeRoles,
  parseRoles,
  runwayCalculatorLink,
  teamPlan,
  teamPlanReport,
  teamPlanSchema,
  type PlanInputs,
  type Role,
  type TeamPlanValues,
} from '@/lib/widgets/team-plan';
import { RoleEditor } from './RoleEditor';
import styles from './TeamPlan.module.css';

function Out({ name, value, text }: { name: string; value: number; text: string }) {
  return (
    <span data-result={`teamPlan.${name}`} data-value={value}>
      {text}
    </span>
  );
}

/** A hiring plan → monthly burn, runway and break-even, with a link that carries the numbers to Chapter 10. */
export default function TeamPlan({ lang, defaults }: { lang: Lang; defaults: TeamPlanValues }) {
  const t = teamPlan.strings[lang];
  const state = useWidgetState(teamPlan.id, teamPlanSchema, defaults);
  const { values: v, update } = state;
  const rootRef = useRef<HTMLElement>(null);

  const parsed = useMemo(() => parseRoles(v.roles), [v.roles]);
  const roles: readonly Role[] = parsed.ok ? parsed.roles : DEFAULT_ROLES;
  const plan: PlanInputs = useMemo(
    () => ({ roles, cash: v.cash, revenue: v.revenue, growth: v.growth, compute: v.compute, other: v.other }),
    [roles, v.cash, v.revenue, v.growth, v.compute, v.other],
  );
  const result = useMemo(() => teamPlanReport(plan, v.months), [plan, v.months]);
  const usd = (x: number) => formatUsd(x, lang, 0);
  const months = (m: number) => (m >= RUNWAY_HORIZON_MONTHS ? t.beyond(RUNWAY_HORIZON_MONTHS) : t.monthsUnit(formatNumber(m, lang)));
  const setRoles = (next: Role[]) => update({ roles: encodeRoles(next) });

  return (
    <WidgetFrame
      ref={rootRef}
      id={teamPlan.id}
      lang={lang}
      title={teamPlan.title[lang]}
      issues={state.issues}
      onDismissIssues={state.dismissIssues}
      onReset={state.reset}
      link={() => state.linkFor(rootRef.current)}
      data={{ status: state.loaded ? (result.ok ? 'ready' : 'error') : 'idle', 'url-state': state.loaded ? 'applied' : 'pending' }}
    >
      {!parsed.ok ? (
        <div className={styles.problems} role="alert" data-testid="plan-problems">
          {t.linkProblems}
          <ul>
            {parsed.problems.map((p) => (
              <li key={`${p.code}-${p.role ?? 0}`}>{p.message[lang]}</li>
            ))}
          </ul>
          <button type="button" className="button-quiet" onClick={() => setRoles([...DEFAULT_ROLES])}>
            {t.resetPlan}
          </button>
        </div>
      ) : null}
      <RoleEditor roles={roles} onChange={setRoles} lang={lang} />
      <p className="control-hint">{roles.length === 0 ? `${t.emptyPlan} ` : ''}{t.planHint}</p>
      <SchemaControls schema={teamPlanSchema} groups={teamPlan.groups} values={v} onChange={(patch) => update(patch as Partial<TeamPlanValues>)} lang={lang} />

      {!result.ok ? (
        <div className={styles.problems} role="alert" data-testid="calc-problems">
          {t.problemsTitle}
          <ul>
            {result.problems.map((p) => (
              <li key={p.code}>{p.message[lang]}</li>
            ))}
          </ul>
        </div>
      ) : (
        <TeamPlanOutput plan={plan} v={v} report={result.value} lang={lang} usd={usd} months={months} />
      )}
    </WidgetFrame>
  );
}

function TeamPlanOutput({
  plan,
  v,
  report,
  lang,
  usd,
  months,
}: {
  plan: PlanInputs;
  v: TeamPlanValues;
  report: Extract<ReturnType<typeof teamPlanReport>, { ok: true }>['value'];
  lang: Lang;
  usd: (x: number) => string;
  months: (m: number) => string;
}) {
  const t = teamPlan.strings[lang];
  const shown = report.path.slice(0, v.months);
  const cashPath = report.path.slice(0, v.months + 1);
  const rw = report.runway;
  return (
    <>
      <p className="visually-hidden">{t.results}</p>
      <dl className="results">
        <div className="result">
          <dt>{t.runway}</dt>
          <dd>
            <Out name="runwayMonths" value={rw.months} text={months(rw.months)} />
          </dd>
        </div>
        <div className="result">
          <dt>{t.breakEven}</dt>
          <dd>
            <Out name="breakEvenMonth" value={rw.breakEvenMonth} text={rw.breakEvenMonth < 0 ? t.never : t.breakEvenAt(rw.breakEvenMonth)} />
          </dd>
        </div>
        <div className="result">
          <dt>{t.alive}</dt>
          <dd>
            <Out name="defaultAlive" value={rw.defaultAlive} text={rw.defaultAlive ? t.yes : t.no} />
          </dd>
        </div>
        <div className="result">
          <dt>{t.burn0}</dt>
          <dd>
            <Out name="burnMonth0" value={report.burnMonth0} text={usd(report.burnMonth0)} />
            <span className="result-sub">
              {t.net0}{t.colon}<Out name="netBurnMonth0" value={report.path[0]!.netBurn} text={usd(report.path[0]!.netBurn)} />
            </span>
          </dd>
        </div>
        <div className="result">
          <dt>{t.fullBurn}</dt>
          <dd>
            <Out name="fullTeamBurn" value={report.fullTeamBurn} text={usd(report.fullTeamBurn)} />
          </dd>
        </div>
        <div className="result">
          <dt>{t.peak}</dt>
          <dd>
            <Out name="peakNetBurn" value={report.peakNetBurn} text={usd(report.peakNetBurn)} />
          </dd>
        </div>
        <div className="result">
          <dt>{t.spend(v.months)}</dt>
          <dd>
            <Out name="spendHorizon" value={report.spendHorizon} text={usd(report.spendHorizon)} />
          </dd>
        </div>
        <div className="result">
          <dt>{t.cashEnd(v.months)}</dt>
          <dd>
            <Out name="cashEnd" value={report.cashEnd} text={usd(report.cashEnd)} />
          </dd>
        </div>
        <div className="result">
          <dt>{t.headcount(v.months - 1)}</dt>
          <dd>
            <Out name="headcountEnd" value={report.headcountEnd} text={formatNumber(report.headcountEnd, lang)} />
            <span className="result-sub">
              {t.headcount(12)}{t.colon}<Out name="headcountAt12" value={report.headcountAt12} text={formatNumber(report.headcountAt12, lang)} />
            </span>
          </dd>
        </div>
      </dl>
      <p className="widget-note">
        {t.settings.roles} <Out name="roles" value={plan.roles.length} text={formatNumber(plan.roles.length, lang)} />
        {' · '}
        {t.settings.cash} <Out name="cash" value={v.cash} text={usd(v.cash)} />
        {' · '}
        {t.settings.revenue} <Out name="revenue" value={v.revenue} text={usd(v.revenue)} />
        {' · '}
        {t.settings.growth} <Out name="growth" value={v.growth} text={`${formatNumber(v.growth * 100, lang, { digits: 1 })}%`} />
        {' · '}
        {t.settings.compute} <Out name="compute" value={v.compute} text={usd(v.compute)} />
        {' · '}
        {t.settings.other} <Out name="other" value={v.other} text={usd(v.other)} />
        {' · '}
        <Out name="months" value={v.months} text={t.monthsUnit(formatNumber(v.months, lang))} />
      </p>

      <div className={styles.compare}>
        <p className={styles.compareTitle}>{t.compareTitle}</p>
        <p>
          {t.compareToday}{t.colon}<Out name="todayMonths" value={report.todayMonths} text={months(report.todayMonths)} />
        </p>
        <p>
          {t.compareFull}{t.colon}<Out name="fullTeamMonths" value={report.fullTeamMonths} text={months(report.fullTeamMonths)} />
        </p>
        <p>{t.compareNote}</p>
        <p>
          <a href={runwayCalculatorLink(plan)} data-testid="runway-link">
            {t.openRunway}
          </a>
        </p>
      </div>

      <div className={styles.charts}>
        <ChartFrame
          caption={t.chartBurn}
          tableLabel={t.tableLabel}
          table={{
            columns: [t.colMonth, t.colHeadcount, t.colPayroll, t.colExpenses, t.colRevenue, t.colNet, t.colCash],
            rows: shown.map((m) => [m.month, m.headcount, usd(m.payroll), usd(m.expenses), usd(m.revenue), usd(m.netBurn), usd(m.cash)]),
          }}
        >
          <LineChart
            series={[
              { name: t.seriesExpenses, points: shown.map((m) => [m.month, m.expenses]), color: SERIES_COLORS[3] },
              { name: t.seriesPayroll, points: shown.map((m) => [m.month, m.payroll]), color: SERIES_COLORS[3], dashed: true },
              { name: t.seriesRevenue, points: shown.map((m) => [m.month, m.revenue]), color: SERIES_COLORS[2] },
              { name: t.seriesNet, points: shown.map((m) => [m.month, m.netBurn]), color: SERIES_COLORS[0] },
            ]}
            rules={[{ y: 0, label: '0' }]}
            xLabel={t.axisMonth}
            yLabel={t.axisUsd}
            formatX={(x) => formatNumber(x, lang)}
            formatY={t.tickBurn}
            height={240}
          />
        </ChartFrame>
        <ChartFrame
          caption={t.chartCash}
          tableLabel={t.tableLabel}
          table={{ columns: [t.colMonth, t.colCash], rows: cashPath.map((m) => [m.month, usd(m.cash)]) }}
        >
          <LineChart
            series={[{ name: t.seriesCash, points: cashPath.map((m) => [m.month, m.cash]), color: SERIES_COLORS[0] }]}
            rules={[{ y: 0, label: t.zero }]}
            markers={rw.months <= v.months ? [{ x: rw.months, y: cashPath[rw.months]!.cash, label: t.monthsUnit(formatNumber(rw.months, lang)) }] : []}
            xLabel={t.axisMonth}
            yLabel={t.axisUsd}
            formatX={(x) => formatNumber(x, lang)}
            formatY={t.tickCash}
            height={240}
          />
        </ChartFrame>
      </div>
    </>
  );
}
