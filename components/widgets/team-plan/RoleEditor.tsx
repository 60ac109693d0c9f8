'use client';

import { useState } from 'react';
import { formatUsd } from '@/lib/format';
import type { Lang } from '@/lib/i18n';
import { parseNumber } from '@/lib/state/schema';
import { MAX_ROLES, MAX_START, ROLE_INFO, ROLE_KINDS, encodeRoles, parseRoles, roleMonthlyCost, teamPlan, type Role, type RoleKind } from '@/lib/widgets/team-plan';
import styles from './TeamPlan.module.css';

/**
 * One number of one role, typed and committed on Enter or blur. A value that is not a number, or that the plan's
 * parser refuses (a negative salary, a start month past the horizon), is not applied; the cell says why.
 */
function Cell({
  value,
  label,
  short,
  onCommit,
  lang,
}: {
  value: number;
  label: string;
  short?: boolean;
  onCommit: (n: number) => string | null;
  lang: Lang;
}) {
  const t = teamPlan.strings[lang];
  const [draft, setDraft] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    const n = parseNumber(draft.trim().replace(/[,，_\s]/g, '').replace(/^−/, '-'));
    setDraft(null);
    if (!Number.isFinite(n)) {
      setNote(t.badNumber(label));
      return;
    }
    setNote(onCommit(n));
  };
  return (
    <>
      <input
        className={`input-number ${short ? styles.cellShort : styles.cell}`}
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        aria-label={label}
        aria-invalid={note ? true : undefined}
        value={draft ?? String(value)}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
      {note ? (
        <span className={styles.cellNote} role="status">
          {note}
        </span>
      ) : null}
    </>
  );
}

/** The hiring plan as a table: a role, its start month, salary and on-costs per row; rows added and removed. */
export function RoleEditor({ roles, onChange, lang }: { roles: readonly Role[]; onChange: (roles: Role[]) => void; lang: Lang }) {
  const t = teamPlan.strings[lang];
  const setRole = (i: number, patch: Partial<Role>): string | null => {
    const next = roles.map((r, j) => (j === i ? { ...r, ...patch } : r));
    const parsed = parseRoles(encodeRoles(next));
    if (!parsed.ok) return parsed.problems[0]!.message[lang];
    onChange(parsed.roles);
    return null;
  };
  const add = () => {
    const last = roles.at(-1);
    const kind: RoleKind = 'mlEngineer';
    onChange([...roles, { kind, start: Math.min(MAX_START, (last?.start ?? 0) + 3), salary: ROLE_INFO[kind].salary, onCost: 25 }]);
  };
  return (
    <div className={styles.editor}>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t.plan}>
        <table>
          <caption>{t.plan}</caption>
          <thead>
            <tr>
              <th scope="col">{t.role}</th>
              <th scope="col">{t.start}</th>
              <th scope="col">{t.salary}</th>
              <th scope="col">{t.onCost}</th>
              <th scope="col" className={styles.num}>
                {t.monthlyCost}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t.removeCol}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {roles.map((r, i) => (
              // Rows are positional: a role is its place in the plan.
              <tr key={i} data-role={i}>
                <td>
                  <select aria-label={`${t.roleLabel(i + 1)}${t.colon}${t.role}`} value={r.kind} onChange={(e) => setRole(i, { kind: e.target.value as RoleKind })}>
                    {ROLE_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {ROLE_INFO[k].name[lang]}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <Cell short value={r.start} label={`${t.roleLabel(i + 1)}${t.colon}${t.start}`} onCommit={(n) => setRole(i, { start: n })} lang={lang} />
                </td>
                <td>
                  <Cell value={r.salary} label={`${t.roleLabel(i + 1)}${t.colon}${t.salary}`} onCommit={(n) => setRole(i, { salary: n })} lang={lang} />
                </td>
                <td>
                  <Cell short value={r.onCost} label={`${t.roleLabel(i + 1)}${t.colon}${t.onCost}`} onCommit={(n) => setRole(i, { onCost: n })} lang={lang} />
                </td>
                <td className={styles.num}>{formatUsd(roleMonthlyCost(r), lang, 0)}</td>
                <td>
                  <button type="button" className="button-quiet" aria-label={t.remove(i + 1)} onClick={() => onChange(roles.filter((_, j) => j !== i))}>
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className={styles.editorActions}>
        <button type="button" className="button-quiet" disabled={roles.length >= MAX_ROLES} onClick={add}>
          {t.add}
        </button>
      </div>
    </div>
  );
}
