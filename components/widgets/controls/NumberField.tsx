'use client';

import { useId, useState } from 'react';
import { parseNumber } from '@/lib/state/schema';

/** What the box shows for a number: exponent notation when shorter ("7e9"), else the plain number. */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return '';
  const plain = String(n);
  const exp = n.toExponential().replace('e+', 'e');
  return exp.length < plain.length ? exp : plain;
}

/**
 * A number input that accepts plain and exponent notation ("2e12", "1,000,000"), committed on Enter or blur.
 * Text that is not a number leaves the value unchanged and says so; any finite number is passed on, so the calculator
 * can explain why a value does not make sense (a negative cash balance, MFU above 1) instead of silently clamping it.
 */
export function NumberField({
  label,
  unit,
  hint,
  value,
  onChange,
  notANumber,
  invalid,
  name,
}: {
  label: string;
  unit?: string;
  hint?: string;
  value: number;
  onChange: (v: number) => void;
  notANumber: string;
  invalid?: boolean;
  /** The field's key, on the input and as the control's data-control. */
  name?: string;
}) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    const n = parseNumber(draft.trim().replace(/[,_\s]/g, '').replace(/^−/, '-'));
    setDraft(null);
    if (!Number.isFinite(n)) {
      setNote(notANumber);
      return;
    }
    setNote(null);
    if (n !== value) onChange(n);
  };
  return (
    <div className="control" data-control={name}>
      <label htmlFor={id}>
        {label}
        {unit ? <span className="control-unit"> ({unit})</span> : null}
      </label>
      <input
        id={id}
        name={name}
        className="input-number"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        aria-invalid={invalid || undefined}
        aria-describedby={hint || note ? `${id}-desc` : undefined}
        value={draft ?? numberText(value)}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
      {hint || note ? (
        <p className="control-hint" id={`${id}-desc`}>
          {note ? <span className="control-note">{note} </span> : null}
          {hint}
        </p>
      ) : null}
    </div>
  );
}
