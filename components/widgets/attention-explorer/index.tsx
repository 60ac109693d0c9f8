'use client';

import { Fragment, useId, useMemo, useRef, type KeyboardEvent } from 'react';
import { useWidgetState } from '@/components/hooks/useWidgetState';
import { SchemaControls } from '@/components/widgets/controls/SchemaControls';
import { WidgetFrame } from '@/components/widgets/WidgetFrame';
import type { Lang } from '@/lib/i18n';
import {
  attentionExplorer,
  attentionExplorerSchema,
  clampSelection,
  computeAttention,
  explainCell,
  sub,
  type AttentionExplorerValues,
  type AttentionView,
} from '@/lib/widgets/attention-explorer';
import { CellExplanation } from './CellExplanation';
import { makeFormat } from './format';
import { HeatMatrix, type Cell } from './HeatMatrix';
import styles from './AttentionExplorer.module.css';

const ID = attentionExplorer.id;
const schema = attentionExplorerSchema;

/** One sentence through one self-attention layer: scores, masked scores, softmax weights and output, cell by cell. */
export default function AttentionExplorer({ lang, defaults }: { lang: Lang; defaults: AttentionExplorerValues }) {
  const state = useWidgetState(ID, schema, defaults);
  const { values, update } = state;
  const rootRef = useRef<HTMLElement>(null);
  const view = useMemo(() => computeAttention(values, lang), [values, lang]);
  const sel = clampSelection(values, view.tokens.length, view.heads);
  // Back to one head: the selected head is the first, in the link too.
  const onControls = (patch: Partial<AttentionExplorerValues>) => update(patch.heads === '1' ? { ...patch, head: 0 } : patch);

  return (
    <WidgetFrame
      ref={rootRef}
      id={ID}
      lang={lang}
      title={attentionExplorer.title[lang]}
      issues={state.issues}
      onDismissIssues={state.dismissIssues}
      onReset={state.reset}
      link={() => state.linkFor(rootRef.current)}
      className={styles.root}
      data={{
        status: state.loaded ? 'ready' : 'idle',
        'url-state': state.loaded ? 'applied' : 'pending',
        sentence: values.sentence,
        causal: values.causal ? 1 : 0,
        heads: view.heads,
        'd-model': view.dModel,
      }}
    >
      <SchemaControls schema={schema} groups={attentionExplorer.groups} values={values} onChange={onControls} lang={lang} />
      {/* Remounted once the link is read, so every data-value holds the browser's own number, not the server's
          (Node's and the browser's Math functions may differ in the last bit, and hydration keeps the server's attributes). */}
      <Fragment key={state.loaded ? 'client' : 'server'}>
        <Explorer lang={lang} view={view} sel={sel} onSelect={(patch) => update(patch)} />
      </Fragment>
    </WidgetFrame>
  );
}

interface ExplorerProps {
  lang: Lang;
  view: AttentionView;
  sel: { head: number; row: number; col: number };
  onSelect: (patch: Partial<Pick<AttentionExplorerValues, 'head' | 'row' | 'col'>>) => void;
}

function Explorer({ lang, view, sel, onSelect }: ExplorerProps) {
  const t = attentionExplorer.strings[lang];
  const uid = useId();
  const fmt = makeFormat(lang);
  const n = view.tokens.length;
  const labels = view.tokens.map((tok, i) => `${tok}${sub(i)}`);
  const dims = (d: number) => Array.from({ length: d }, (_, c) => String(c));
  const head = view.result.heads[sel.head]!;
  const cell = explainCell(view, sel.head, sel.row, sel.col);
  const rowSums = head.weights.map((row) => row.reduce((s, w) => s + w, 0));
  const select = (c: Cell) => onSelect({ row: c.row, col: c.col });
  const common = { rowLabels: labels, hiddenLabel: t.hiddenCell, minusInfinity: t.minusInfinity };

  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key)) return;
    e.preventDefault();
    const next = e.key === 'Home' ? 0 : e.key === 'End' ? view.heads - 1 : (sel.head + (e.key === 'ArrowRight' ? 1 : view.heads - 1)) % view.heads;
    onSelect({ head: next });
    document.getElementById(`${uid}-tab${next}`)?.focus();
  };

  const panel = (
    <>
      {view.heads > 1 ? (
        <p className="widget-note">{t.headNote(sel.head, view.headDim, sel.head * view.headDim, (sel.head + 1) * view.headDim - 1)}</p>
      ) : null}
      <p className={`widget-note ${styles.gridHint}`}>{t.gridHint}</p>
      <div className={styles.matrices}>
        <HeatMatrix
          {...common}
          name="scores"
          title={t.scoresTitle}
          caption={t.scoresCaption(view.headDim)}
          corner={t.rowHead}
          colLabels={labels}
          values={head.scores}
          scale="diverging"
          format={fmt}
          resultId={`${ID}.score`}
          selected={sel}
          onSelect={select}
        />
        <HeatMatrix
          {...common}
          name="masked"
          title={t.maskedTitle}
          caption={t.maskedCaption(head.mask.some((r) => r.some(Boolean)))}
          corner={t.rowHead}
          colLabels={labels}
          values={head.masked}
          scale="diverging"
          format={fmt}
          resultId={`${ID}.masked`}
          selected={sel}
          onSelect={select}
        />
        <HeatMatrix
          {...common}
          name="weights"
          title={t.weightsTitle}
          caption={t.weightsCaption}
          corner={t.rowHead}
          colLabels={labels}
          values={head.weights}
          hidden={head.mask}
          scale="weight"
          format={fmt}
          resultId={`${ID}.weight`}
          rowSums={{ label: t.sumHead, values: rowSums, resultId: `${ID}.rowSum` }}
          selected={sel}
          onSelect={select}
        />
        <HeatMatrix
          {...common}
          name="output"
          title={t.outputTitle}
          caption={t.outputCaption(view.headDim)}
          corner={t.dimHead}
          colLabels={dims(view.headDim)}
          values={head.output}
          scale="diverging"
          format={fmt}
          resultId={`${ID}.output`}
          highlightRow={sel.row}
        />
      </div>
      <CellExplanation lang={lang} view={view} cell={cell} />
      <details className={styles.more}>
        <summary>{t.inputsSummary}</summary>
        <div className={styles.matrices}>
          <HeatMatrix {...common} name="input" title={view.positions ? t.inputTitle : t.inputTitleNoPos} caption="" corner={t.dimHead} colLabels={dims(view.dModel)} values={view.input} scale="diverging" format={fmt} />
          <HeatMatrix {...common} name="q" title={t.qTitle} caption="" corner={t.dimHead} colLabels={dims(view.headDim)} values={head.Q} scale="diverging" format={fmt} highlightRow={sel.row} />
          <HeatMatrix {...common} name="k" title={t.kTitle} caption="" corner={t.dimHead} colLabels={dims(view.headDim)} values={head.K} scale="diverging" format={fmt} highlightRow={sel.col} />
          <HeatMatrix {...common} name="v" title={t.vTitle} caption="" corner={t.dimHead} colLabels={dims(view.headDim)} values={head.V} scale="diverging" format={fmt} highlightRow={sel.col} />
        </div>
      </details>
      <details className={styles.more}>
        <summary>{t.layerOutputSummary}</summary>
        <HeatMatrix
          {...common}
          name="layerOutput"
          title={t.layerOutputTitle}
          caption=""
          corner={t.dimHead}
          colLabels={dims(view.dModel)}
          values={view.result.output}
          scale="diverging"
          format={fmt}
          resultId={`${ID}.layerOutput`}
        />
      </details>
    </>
  );

  return (
    <div className={styles.body}>
      <section aria-labelledby={`${uid}-tokens`}>
        <p className={styles.sectionTitle} id={`${uid}-tokens`}>
          {t.tokensTitle}
        </p>
        <ol className={styles.tokens} data-result={`${ID}.tokenCount`} data-value={n}>
          {view.tokens.map((tok, i) => (
            <li
              key={i}
              className={styles.token}
              data-result={`${ID}.token`}
              data-index={i}
              data-value={tok}
              data-query={sel.row === i ? '' : undefined}
              data-key={sel.col === i ? '' : undefined}
            >
              <span className={styles.tokenText}>{tok}</span>
              <span className={styles.tokenIndex}>{i}</span>
            </li>
          ))}
        </ol>
        <p className="widget-note">{t.tokensNote(n, view.dModel)}</p>
      </section>

      {view.heads > 1 ? (
        <>
          <div role="tablist" aria-label={t.headTabs} className={styles.tabs}>
            {view.result.heads.map((_, h) => (
              <button
                key={h}
                type="button"
                role="tab"
                id={`${uid}-tab${h}`}
                aria-selected={h === sel.head}
                aria-controls={`${uid}-panel`}
                tabIndex={h === sel.head ? 0 : -1}
                className={styles.tab}
                data-head={h}
                onClick={() => onSelect({ head: h })}
                onKeyDown={onTabKey}
              >
                {t.headTab(h)}
              </button>
            ))}
          </div>
          <div role="tabpanel" id={`${uid}-panel`} aria-labelledby={`${uid}-tab${sel.head}`} className={styles.panel} data-head={sel.head}>
            {panel}
          </div>
        </>
      ) : (
        <div className={styles.panel} data-head={0}>
          {panel}
        </div>
      )}
    </div>
  );
}
