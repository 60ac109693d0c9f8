'use client';

import { useId, useState } from 'react';
import { NARROW_WIDGET, useMediaQuery } from '@/components/hooks/useMediaQuery';
import { formatNumber } from '@/lib/format';
import { NUMBER_LOCALE, bilingual, type Lang } from '@/lib/i18n';
import { clampNumber, parseField, type EnumField, type Field, type IntListField, type NumListField, type NumberField, type Schema, type TextField } from '@/lib/state/schema';
import type { ControlGroup } from '@/lib/widgets/define';
import { NumberField as NumberBox } from './NumberField';

const TEXT = bilingual({
  zh: {
    notANumber: '这不是一个数字，数值未改变。',
    clamped: (v: string) => `超出范围，已调整为 ${v}。`,
    badList: '无法读出这串数，数值未改变。',
    tooLong: (n: number) => `最多 ${n} 个字符，且不含控制字符；文字未改变。`,
    fewer: (item: string) => `${item}减少一个`,
    more: (item: string) => `${item}增加一个`,
    add: '+ 加一层',
    remove: '− 减一层',
    item: (i: number) => `第 ${i} 项`,
  },
  en: {
    notANumber: 'That is not a number; the value is unchanged.',
    clamped: (v: string) => `Out of range; set to ${v}.`,
    badList: 'Could not read that list; the value is unchanged.',
    tooLong: (n: number) => `At most ${n} characters, without control characters; the text is unchanged.`,
    fewer: (item: string) => `${item}: one fewer`,
    more: (item: string) => `${item}: one more`,
    add: '+ Add a layer',
    remove: '− Remove a layer',
    item: (i: number) => `Item ${i}`,
  },
});

type AnyValues = Record<string, unknown>;

interface Props {
  schema: Schema;
  groups?: readonly ControlGroup[];
  values: AnyValues;
  onChange: (patch: AnyValues) => void;
  lang: Lang;
  /** Draw only these fields (default: every field with a label). */
  only?: readonly string[];
}

/** Whether a field's `when` condition holds for the current values. */
export function visible(field: Field, values: AnyValues): boolean {
  if (!field.when) return true;
  return Object.entries(field.when).every(([k, allowed]) => allowed.includes(values[k] as never));
}

/**
 * The controls of a widget, drawn from its schema: every field with a label gets the control its hints ask for
 * (slider, select, chips, number box, list editor, checkbox), showing the value in force. Fields fold into the
 * widget's groups: on a wide screen each group is a titled fieldset; on a narrow one a disclosure, closed unless the
 * group is marked open, so the widget's output stays in view above them.
 */
export function SchemaControls({ schema, groups = [], values, onChange, lang, only }: Props) {
  const narrow = useMediaQuery(NARROW_WIDGET, false);
  const keys = Object.keys(schema).filter((k) => schema[k]!.label && (!only || only.includes(k)) && visible(schema[k]!, values));
  const render = (k: string) => <FieldControl key={k} name={k} field={schema[k]!} value={values[k]} onChange={(v) => onChange({ [k]: v })} lang={lang} />;
  const loose = keys.filter((k) => !schema[k]!.group || !groups.some((g) => g.id === schema[k]!.group));
  return (
    <div className="schema-controls">
      {loose.length ? <div className="controls">{loose.map(render)}</div> : null}
      {groups.map((g) => {
        const inGroup = keys.filter((k) => schema[k]!.group === g.id);
        if (!inGroup.length) return null;
        return narrow || g.collapsed ? (
          <details key={g.id} className="control-group" open={!g.collapsed && g.open} data-group={g.id}>
            <summary>{g.label[lang]}</summary>
            <div className="controls">{inGroup.map(render)}</div>
          </details>
        ) : (
          <fieldset key={g.id} className="control-group" data-group={g.id}>
            <legend>{g.label[lang]}</legend>
            <div className="controls">{inGroup.map(render)}</div>
          </fieldset>
        );
      })}
    </div>
  );
}

interface FieldProps<F extends Field = Field> {
  name: string;
  field: F;
  value: unknown;
  onChange: (value: unknown) => void;
  lang: Lang;
}

/** One field's control, chosen from its type and hints. */
export function FieldControl(props: FieldProps) {
  const { field } = props;
  switch (field.type) {
    case 'number':
      return <NumberControl {...(props as FieldProps<NumberField>)} />;
    case 'enum':
      return <EnumControl {...(props as FieldProps<EnumField>)} />;
    case 'intList':
      return <ListEditor {...(props as FieldProps<IntListField>)} />;
    case 'numList':
      return <NumListBox {...(props as FieldProps<NumListField>)} />;
    case 'boolean':
      return <Toggle {...props} />;
    case 'text':
      return <TextBox {...(props as FieldProps<TextField>)} />;
  }
}

function Hint({ id, hint, note }: { id: string; hint?: string; note?: string | null }) {
  if (!hint && !note) return null;
  return (
    <p className="control-hint" id={id}>
      {note ? <span className="control-note">{note} </span> : null}
      {hint}
    </p>
  );
}

const showNumber = (n: number, f: NumberField, lang: Lang) =>
  f.digits !== undefined ? formatNumber(n, lang, { digits: f.digits }) : Math.abs(n) > 0 && (Math.abs(n) < 1e-3 || Math.abs(n) >= 1e6) ? String(n) : n.toLocaleString(NUMBER_LOCALE[lang], { maximumFractionDigits: 6 });

function NumberControl({ name, field, value, onChange, lang }: FieldProps<NumberField>) {
  const id = useId();
  const [note, setNote] = useState<string | null>(null);
  const v = typeof value === 'number' ? value : field.default;
  const label = field.label![lang];
  const unit = field.unit?.[lang];
  const hint = field.hint?.[lang];
  const control = field.control ?? (field.step !== undefined || field.ladder ? 'slider' : 'number');
  const shown = `${showNumber(v, field, lang)}${unit === '%' ? '%' : unit ? ` ${unit}` : ''}`;

  if (control === 'number') {
    return (
      <NumberBox
        label={label}
        unit={unit}
        hint={note ? `${note} ${hint ?? ''}` : hint}
        value={v}
        notANumber={TEXT[lang].notANumber}
        onChange={(n) => {
          const c = clampNumber(field, n);
          setNote(c !== n ? TEXT[lang].clamped(showNumber(c, field, lang)) : null);
          onChange(c);
        }}
        name={name}
      />
    );
  }
  if (control === 'select') {
    const options = [...new Set([...(field.ladder ?? []), v])].sort((a, b) => a - b);
    return (
      <div className="control" data-control={name}>
        <label htmlFor={id}>{label}</label>
        <select id={id} name={name} value={String(v)} onChange={(e) => onChange(Number(e.target.value))} aria-describedby={hint ? `${id}-hint` : undefined}>
          {options.map((o) => (
            <option key={o} value={String(o)}>
              {showNumber(o, field, lang)}
              {unit ? ` ${unit}` : ''}
            </option>
          ))}
        </select>
        <Hint id={`${id}-hint`} hint={hint} />
      </div>
    );
  }
  // A slider: over the ladder's rungs when there is one (the value in force stays shown even between rungs).
  const ladder = field.ladder?.filter((x) => x >= field.min && x <= field.max);
  const nearest = ladder ? ladder.reduce((best, x, i) => (Math.abs(x - v) < Math.abs(ladder[best]! - v) ? i : best), 0) : 0;
  return (
    <div className="control" data-control={name}>
      {/* The value beside its label, but outside it: a label may hold only the control it names. */}
      <span className="control-label">
        <label htmlFor={id}>{label}</label>: <output htmlFor={id}>{shown}</output>
      </span>
      <input
        id={id}
        name={name}
        type="range"
        className="input-range"
        min={ladder ? 0 : field.min}
        max={ladder ? ladder.length - 1 : field.max}
        step={ladder ? 1 : (field.step ?? (field.integer ? 1 : (field.max - field.min) / 100))}
        value={ladder ? nearest : v}
        aria-valuetext={shown}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => {
          const raw = Number(e.target.value);
          onChange(ladder ? ladder[raw]! : clampNumber(field, raw));
        }}
      />
      <Hint id={`${id}-hint`} hint={hint} />
    </div>
  );
}

function EnumControl({ name, field, value, onChange, lang }: FieldProps<EnumField>) {
  const id = useId();
  const v = typeof value === 'string' ? value : field.default;
  const labelOf = (o: string) => field.optionLabels?.[o]?.[lang] ?? o;
  const hint = field.hint?.[lang];
  const control = field.control ?? (field.options.length <= 5 ? 'chips' : 'select');
  if (control === 'select') {
    return (
      <div className="control" data-control={name}>
        <label htmlFor={id}>{field.label![lang]}</label>
        <select id={id} name={name} value={v} onChange={(e) => onChange(e.target.value)} aria-describedby={hint ? `${id}-hint` : undefined}>
          {field.options.map((o) => (
            <option key={o} value={o}>
              {labelOf(o)}
            </option>
          ))}
        </select>
        <Hint id={`${id}-hint`} hint={hint} />
      </div>
    );
  }
  return (
    <fieldset className="control" data-control={name}>
      <legend>{field.label![lang]}</legend>
      <div className="chip-row">
        {field.options.map((o) => (
          <label key={o} className="chip chip-radio">
            <input type="radio" name={`${id}-${name}`} value={o} checked={v === o} onChange={() => onChange(o)} />
            {labelOf(o)}
          </label>
        ))}
      </div>
      <Hint id={`${id}-hint`} hint={hint} />
    </fieldset>
  );
}

/** A list of whole numbers edited item by item (the hidden layers of a network): −/+ per item, add and remove. */
function ListEditor({ name, field, value, onChange, lang }: FieldProps<IntListField>) {
  const t = TEXT[lang];
  const list = Array.isArray(value) ? (value as number[]) : [...field.default];
  const itemLabel = field.itemLabel?.[lang] ?? t.item;
  const set = (next: number[]) => onChange(next);
  return (
    <fieldset className="control" data-control={name}>
      <legend>{field.label![lang]}</legend>
      <div className="layer-editor">
        {list.map((units, i) => (
          <div key={i} className="layer" role="group" aria-label={itemLabel(i + 1)}>
            <button type="button" className="button-quiet" aria-label={t.fewer(itemLabel(i + 1))} disabled={units <= field.min} onClick={() => set(list.map((u, j) => (j === i ? u - 1 : u)))}>
              −
            </button>
            <span className="layer-units" data-layer={i}>
              {units}
            </span>
            <button type="button" className="button-quiet" aria-label={t.more(itemLabel(i + 1))} disabled={units >= field.max} onClick={() => set(list.map((u, j) => (j === i ? u + 1 : u)))}>
              +
            </button>
          </div>
        ))}
        <button type="button" className="button-quiet" disabled={list.length >= field.maxLength} onClick={() => set([...list, list.at(-1) ?? Math.min(field.max, Math.max(field.min, 4))])}>
          {t.add}
        </button>
        <button type="button" className="button-quiet" disabled={list.length <= field.minLength} onClick={() => set(list.slice(0, -1))}>
          {t.remove}
        </button>
      </div>
      {field.hint ? <p className="control-hint">{field.hint[lang]}</p> : null}
    </fieldset>
  );
}

/** A list of real numbers typed as "2, 1, 0.1", committed on Enter or blur. */
function NumListBox({ name, field, value, onChange, lang }: FieldProps<NumListField>) {
  const id = useId();
  const list = Array.isArray(value) ? (value as number[]) : [...field.default];
  const [draft, setDraft] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    const r = parseField(field, draft.replace(/−/g, '-').split(/[,，、;；\s]+/).filter(Boolean).join(','));
    setDraft(null);
    if (!r.ok) {
      setNote(TEXT[lang].badList);
      return;
    }
    setNote(null);
    onChange(r.value);
  };
  const hint = field.hint?.[lang];
  return (
    <div className="control" data-control={name}>
      <label htmlFor={id}>{field.label![lang]}</label>
      <input
        id={id}
        name={name}
        className="input-number input-list"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        value={draft ?? list.join(', ')}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
        aria-describedby={hint || note ? `${id}-hint` : undefined}
      />
      <Hint id={`${id}-hint`} hint={hint} note={note} />
    </div>
  );
}

function Toggle({ name, field, value, onChange, lang }: FieldProps) {
  const id = useId();
  return (
    <div className="control control-toggle" data-control={name}>
      <label htmlFor={id}>
        <input id={id} name={name} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} /> {field.label![lang]}
      </label>
      {field.hint ? <p className="control-hint">{field.hint[lang]}</p> : null}
    </div>
  );
}

/** Free text, committed on Enter or blur; text the field refuses (too long, control characters) is left out, with a note. */
function TextBox({ name, field, value, onChange, lang }: FieldProps<TextField>) {
  const id = useId();
  const text = typeof value === 'string' ? value : field.default;
  const [draft, setDraft] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    const r = parseField(field, draft);
    setDraft(null);
    if (!r.ok) {
      setNote(TEXT[lang].tooLong(field.maxLength));
      return;
    }
    setNote(null);
    if (r.value !== text) onChange(r.value);
  };
  const hint = field.hint?.[lang];
  return (
    <div className="control" data-control={name}>
      <label htmlFor={id}>{field.label![lang]}</label>
      <input
        id={id}
        name={name}
        type="text"
        className="input-number"
        autoComplete="off"
        value={draft ?? text}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
        aria-describedby={hint || note ? `${id}-hint` : undefined}
      />
      <Hint id={`${id}-hint`} hint={hint} note={note} />
    </div>
  );
}
