'use client';

import Link from 'next/link';
import { useMemo, useRef } from 'react';
import { useWidgetState } from '@/components/hooks/useWidgetState';
import { SchemaControls } from '@/components/widgets/controls/SchemaControls';
import { WidgetFrame } from '@/components/widgets/WidgetFrame';
import { WidgetLayout } from '@/components/widgets/WidgetLayout';
import { formatNumber, formatPercent, formatUsd } from '@/lib/format';
import type { Lang } from '@/lib/i18n';
import {
  QUESTIONS,
  assess,
  calculatorLinks,
  feasibility,
  feasibilitySchema,
  verdictCode,
  type FeasibilityReport,
  type FeasibilityValues,
  type Finding,
  type Verdict,
} from '@/lib/widgets/feasibility';
import styles from './Feasibility.module.css';

const STATUS_CLASS: Record<Verdict, string> = { go: styles.go!, investigate: styles.investigate!, stop: styles.stop! };
const MARK: Record<Verdict, string> = { go: '✓', investigate: '?', stop: '✗' };

/** The four feasibility questions as a worksheet, the verdict they imply with every reason, and links to the calculators. */
export default function FeasibilityWorksheet({ lang, defaults }: { lang: Lang; defaults: FeasibilityValues }) {
  const t = feasibility.strings[lang];
  const state = useWidgetState(feasibility.id, feasibilitySchema, defaults);
  const { values, update } = state;
  const rootRef = useRef<HTMLElement>(null);
  const report = useMemo(() => assess(values), [values]);
  const links = useMemo(() => calculatorLinks(values, lang), [values, lang]);

  const p = (v: number, digits = 1) => formatPercent(v, lang, digits);
  const months = (v: number) => `${formatNumber(v, lang, { digits: v < 100 && !Number.isInteger(v) ? 1 : 0 })} ${t.monthsUnit}`;
  const words = (f: Finding) => findingText(f, report, values, lang);

  const verdictBox = (
    <div className={styles.summary}>
      <p className={`${styles.verdict} ${STATUS_CLASS[report.verdict]}`}>
        <span className={styles.verdictLabel}>{t.verdictLabel}</span>{' '}
        <strong data-result="feasibility.verdict" data-value={verdictCode(report.verdict)} data-verdict={report.verdict}>
          {t.verdicts[report.verdict]}
        </strong>
      </p>
      <p className={styles.verdictLine}>{t.verdictLine[report.verdict]}</p>
      <ul className={styles.questions}>
        {QUESTIONS.map((q) => (
          <li key={q} className={STATUS_CLASS[report.questions[q]]}>
            <span aria-hidden="true">{MARK[report.questions[q]]}</span> {t.questions[q]}:{' '}
            <span data-result={`feasibility.${q}`} data-value={verdictCode(report.questions[q])}>
              {t.status[report.questions[q]]}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );

  const dash = <span className="result-missing">—</span>;
  const num = (name: string, v: number | null, text: (x: number) => string) =>
    v === null || !Number.isFinite(v) ? (
      dash
    ) : (
      <span data-result={`feasibility.${name}`} data-value={v}>
        {text(v)}
      </span>
    );

  return (
    <WidgetFrame
      ref={rootRef}
      id={feasibility.id}
      lang={lang}
      title={feasibility.title[lang]}
      issues={state.issues}
      onDismissIssues={state.dismissIssues}
      onReset={state.reset}
      link={() => state.linkFor(rootRef.current)}
      data={{ status: state.loaded ? 'ready' : 'idle', 'url-state': state.loaded ? 'applied' : 'pending' }}
    >
      <WidgetLayout
        output={verdictBox}
        controls={<SchemaControls schema={feasibilitySchema} groups={feasibility.groups} values={values} onChange={(patch) => update(patch as Partial<FeasibilityValues>)} lang={lang} />}
      />

      <div className={styles.details}>
        {QUESTIONS.map((q) => (
          <section key={q} className={styles.card} aria-label={t.questions[q]}>
            <p className={`${styles.cardTitle} ${STATUS_CLASS[report.questions[q]]}`}>
              <span aria-hidden="true">{MARK[report.questions[q]]}</span> {t.questions[q]}
            </p>
            <dl className={styles.numbers}>
              {q === 'technical' ? (
                <>
                  <div>
                    <dt>{t.passRate}</dt>
                    <dd>
                      <span data-result="feasibility.evalPassed" data-value={values.evalPassed}>
                        {formatNumber(values.evalPassed, lang)}
                      </span>
                      /
                      <span data-result="feasibility.evalCases" data-value={values.evalCases}>
                        {formatNumber(values.evalCases, lang)}
                      </span>{' '}
                      = {num('passRate', report.passRate, (x) => p(x))}
                    </dd>
                  </div>
                  <div>
                    <dt>{t.interval}</dt>
                    <dd>
                      {num('lower', report.interval?.[0] ?? null, (x) => p(x))}–{num('upper', report.interval?.[1] ?? null, (x) => p(x))}
                    </dd>
                  </div>
                </>
              ) : null}
              {q === 'market' ? (
                <>
                  <div>
                    <dt>{t.marketSize}</dt>
                    <dd>{num('marketSize', report.marketSize, (x) => formatUsd(x, lang))}</dd>
                  </div>
                  <div>
                    <dt>{t.shareNeeded}</dt>
                    <dd>{num('shareNeeded', report.shareNeeded, (x) => p(x))}</dd>
                  </div>
                </>
              ) : null}
              {q === 'business' ? (
                <>
                  <div>
                    <dt>{t.grossMargin}</dt>
                    <dd>{num('grossMargin', report.grossMargin, (x) => p(x))}</dd>
                  </div>
                  <div>
                    <dt>{t.ltvToCac}</dt>
                    <dd>{num('ltvToCac', report.ltvToCac, (x) => formatNumber(x, lang, { digits: 2 }))}</dd>
                  </div>
                  <div>
                    <dt>{t.payback}</dt>
                    <dd>{num('payback', report.payback, months)}</dd>
                  </div>
                  <div>
                    <dt>{t.runway}</dt>
                    <dd>
                      {num('runway', report.runway, months)} ({t.runwayNeeded}: {num('runwayNeeded', report.runwayNeeded, months)})
                    </dd>
                  </div>
                </>
              ) : null}
            </dl>
            <ul className={styles.findings}>
              {report.findings
                .filter((f) => f.question === q)
                .map((f) => (
                  <li key={f.code} className={STATUS_CLASS[f.status]} data-finding={f.code} data-status={f.status}>
                    <span aria-hidden="true">{MARK[f.status]}</span> {words(f)}
                  </li>
                ))}
            </ul>
          </section>
        ))}
      </div>
      <span hidden data-result="feasibility.target" data-value={values.target} />
      <span hidden data-result="feasibility.stops" data-value={report.findings.filter((f) => f.status === 'stop').length} />
      <span hidden data-result="feasibility.investigates" data-value={report.findings.filter((f) => f.status === 'investigate').length} />

      <nav className={styles.links} aria-label={t.links}>
        <p>{t.links}</p>
        <ul>
          <li>
            <Link href={links.unitEconomics} prefetch={false} data-link="unitEconomics">
              {t.linkUnit}
            </Link>
          </li>
          <li>
            <Link href={links.inferenceCost} prefetch={false} data-link="inferenceCost">
              {t.linkInference}
            </Link>
          </li>
          <li>
            <Link href={links.runway} prefetch={false} data-link="runway">
              {t.linkRunway}
            </Link>
          </li>
          <li>
            <Link href={links.budgetAllocator} prefetch={false} data-link="budgetAllocator">
              {t.linkBudget}
            </Link>
          </li>
        </ul>
      </nav>
    </WidgetFrame>
  );
}

/** One finding in words, with the numbers behind it. */
function findingText(f: Finding, r: FeasibilityReport, v: FeasibilityValues, lang: Lang): string {
  const w = feasibility.strings[lang].findings;
  const p = (x: number) => formatPercent(x, lang, 1);
  const x2 = (x: number) => formatNumber(x, lang, { digits: 2 });
  const m = (x: number) => formatNumber(x, lang, { digits: Number.isInteger(x) ? 0 : 1 });
  switch (f.code) {
    case 'qualityMet':
      return w.qualityMet(p(r.interval![0]), p(v.target));
    case 'qualityShort':
      return w.qualityShort(p(r.interval![1]), p(v.target));
    case 'qualityUnsure':
      return w.qualityUnsure(p(r.interval![0]), p(r.interval![1]), p(v.target));
    case 'marketTooSmall':
      return w.marketTooSmall(Number.isFinite(r.shareNeeded) ? p(r.shareNeeded) : '∞');
    case 'shareHigh':
      return w.shareHigh(p(r.shareNeeded));
    case 'shareOk':
      return w.shareOk(p(r.shareNeeded));
    case 'fewCommitments':
      return w.fewCommitments(formatNumber(v.commitments, lang));
    case 'commitmentsOk':
      return w.commitmentsOk(formatNumber(v.commitments, lang));
    case 'negativeMargin':
      return w.negativeMargin(p(r.grossMargin!));
    case 'thinMargin':
      return w.thinMargin(p(r.grossMargin!));
    case 'marginOk':
      return w.marginOk(p(r.grossMargin!));
    case 'ltvBelowCac':
      return w.ltvBelowCac(x2(r.ltvToCac!));
    case 'ltvLow':
      return w.ltvLow(x2(r.ltvToCac!));
    case 'ltvOk':
      return w.ltvOk(x2(r.ltvToCac!));
    case 'slowPayback':
      return w.slowPayback(m(r.payback!));
    case 'paybackOk':
      return w.paybackOk(m(r.payback!));
    case 'cashShort':
      return w.cashShort(m(r.runway!), m(v.months));
    case 'noRaiseMargin':
      return w.noRaiseMargin(m(r.runway!), m(r.runwayNeeded));
    case 'runwayOk':
      return w.runwayOk(m(r.runway!), m(r.runwayNeeded));
    default:
      return w[f.code];
  }
}
