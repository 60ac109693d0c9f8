/**
 * One declarative schema per widget drives its controls, the defaults authors set in MDX, and its URL state
 * (`?<widgetId>.<key>=<value>`). Parsing never throws: a value that does not fit keeps the default and yields a
 * reason the widget shows. Beside the value rules, a field carries the hints its control needs (label, step, ladder,
 * unit, group), so the generic controls of components/widgets/controls render it without restating the schema.
 * Framework-free: callers pass the query string in.
 */
import type { Bilingual } from '../i18n';

/** What every field may say about its control. */
export interface FieldHints {
  /** The control's label. Fields without one are not drawn by the generic controls (the view draws them). */
  label?: Bilingual;
  /** A line under the control. */
  hint?: Bilingual;
  /** Unit shown after the value. */
  unit?: Bilingual;
  /** The control group it folds into (a group id of the widget's definition). */
  group?: string;
  /**
   * A live widget applies a change of this field to the running session at the next step (a learning rate, an
   * optimizer's hyper-parameter, L2); a change of any other field rebuilds the model and data.
   */
  live?: boolean;
  /** Shown only while every named field holds one of the listed values (bits only when the method is quantize). */
  when?: Readonly<Record<string, readonly (string | number | boolean)[]>>;
}

export interface NumberField extends FieldHints {
  type: 'number';
  default: number;
  min: number;
  max: number;
  /** Whole numbers only. */
  integer?: boolean;
  /** How it is edited: a slider (default when a step or ladder is given), a select over the ladder, or a text box. */
  control?: 'slider' | 'select' | 'number';
  /** Slider step. */
  step?: number;
  /** The values a slider or select offers (ascending); any value within [min, max] is still accepted from a link. */
  ladder?: readonly number[];
  /** Digits shown after the decimal point (default: as written). */
  digits?: number;
}

export interface EnumField<T extends string = string> extends FieldHints {
  type: 'enum';
  default: T;
  options: readonly T[];
  /** Labels of the options; the option's own name where absent. */
  optionLabels?: Partial<Record<T, Bilingual>>;
  /** Radio chips (default for up to five options) or a select. */
  control?: 'chips' | 'select';
}

export interface IntListField extends FieldHints {
  type: 'intList';
  default: readonly number[];
  /** Bounds of each element. */
  min: number;
  max: number;
  minLength: number;
  maxLength: number;
  /** Labels of one element ("Layer 2") for the list editor. */
  itemLabel?: Bilingual<(i: number) => string>;
}

/** A list of real numbers ("2,1,0.1"), e.g. a vector of logits or a sequence of gradients. */
export interface NumListField extends FieldHints {
  type: 'numList';
  default: readonly number[];
  /** Bounds of each element. */
  min: number;
  max: number;
  minLength: number;
  maxLength: number;
}

export interface BooleanField extends FieldHints {
  type: 'boolean';
  default: boolean;
}

/**
 * Free text, such as names a reader typed or a compact encoding a widget parses itself (IdeaScorer's matrix). The
 * codec only bounds its length and refuses control characters; whatever structure the text has is the widget's to
 * check, with its own note.
 */
export interface TextField extends FieldHints {
  type: 'text';
  default: string;
  /** Most characters accepted (UTF-16 code units, after URL decoding). */
  maxLength: number;
}

export type Field = NumberField | EnumField | IntListField | NumListField | BooleanField | TextField;
export type Schema = Record<string, Field>;

export type FieldValue<F extends Field> = F extends NumberField
  ? number
  : F extends { type: 'enum'; options: readonly (infer T)[] }
    ? T
    : F extends IntListField | NumListField
      ? number[]
      : F extends BooleanField
        ? boolean
        : F extends TextField
          ? string
          : never;

export type Values<S extends Schema> = { [K in keyof S]: FieldValue<S[K]> };

export type Reason =
  | { code: 'notANumber' }
  | { code: 'notAnInteger' }
  | { code: 'outOfRange'; min: number; max: number }
  | { code: 'notAnOption'; options: readonly string[] }
  | { code: 'badList'; minLength: number; maxLength: number; min: number; max: number; integers: boolean }
  | { code: 'notABoolean' }
  | { code: 'badText'; maxLength: number }
  | { code: 'unknownKey' };

export interface ParseIssue {
  key: string;
  raw: string;
  reason: Reason;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: Reason };

/** Plain decimal or exponent notation ("7e9", "0.03", "-1.5E-3"); no hex, no "Infinity", no spaces. */
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Parses a number as the URL writes it; NaN for anything that is not one. */
export function parseNumber(raw: string): number {
  return NUMBER.test(raw) ? Number(raw) : Number.NaN;
}

/** Parses one raw string against its field. */
export function parseField<F extends Field>(field: F, raw: string): Parsed<FieldValue<F>> {
  type V = FieldValue<F>;
  switch (field.type) {
    case 'number': {
      const n = parseNumber(raw);
      if (!Number.isFinite(n)) return { ok: false, reason: { code: 'notANumber' } };
      if (field.integer && !Number.isInteger(n)) return { ok: false, reason: { code: 'notAnInteger' } };
      if (n < field.min || n > field.max) return { ok: false, reason: { code: 'outOfRange', min: field.min, max: field.max } };
      return { ok: true, value: n as V };
    }
    case 'enum':
      return field.options.includes(raw)
        ? { ok: true, value: raw as V }
        : { ok: false, reason: { code: 'notAnOption', options: field.options } };
    case 'intList':
    case 'numList': {
      const integers = field.type === 'intList';
      const bad: Parsed<V> = {
        ok: false,
        reason: { code: 'badList', minLength: field.minLength, maxLength: field.maxLength, min: field.min, max: field.max, integers },
      };
      const parts = raw === '' ? [] : raw.split(',');
      if (parts.length < field.minLength || parts.length > field.maxLength) return bad;
      const list = parts.map((p) => parseNumber(p.trim()));
      if (list.some((n) => !Number.isFinite(n) || (integers && !Number.isInteger(n)) || n < field.min || n > field.max)) return bad;
      return { ok: true, value: list as V };
    }
    case 'boolean':
      if (raw === '1' || raw === 'true') return { ok: true, value: true as V };
      if (raw === '0' || raw === 'false') return { ok: true, value: false as V };
      return { ok: false, reason: { code: 'notABoolean' } };
    case 'text':
      return raw.length <= field.maxLength && !/[\u0000-\u001f\u007f]/.test(raw)
        ? { ok: true, value: raw as V }
        : { ok: false, reason: { code: 'badText', maxLength: field.maxLength } };
  }
}

/** Writes a value the way parseField reads it back. */
export function formatField<F extends Field>(field: F, value: FieldValue<F>): string {
  switch (field.type) {
    case 'number':
      return String(value);
    case 'enum':
      return value as string;
    case 'intList':
    case 'numList':
      return (value as number[]).join(',');
    case 'boolean':
      return value ? '1' : '0';
    case 'text':
      return value as string;
  }
}

/** Checks a value given in code (an MDX prop); the same rules as the URL. */
export function checkValue<F extends Field>(field: F, value: unknown): Parsed<FieldValue<F>> {
  if (field.type === 'number' && typeof value === 'number') return parseField(field, Number.isFinite(value) ? String(value) : 'x');
  if (field.type === 'enum' && typeof value === 'string') return parseField(field, value);
  if ((field.type === 'intList' || field.type === 'numList') && Array.isArray(value)) return parseField(field, value.join(','));
  if (field.type === 'boolean' && typeof value === 'boolean') return parseField(field, value ? '1' : '0');
  if (field.type === 'text' && typeof value === 'string') return parseField(field, value);
  return { ok: false, reason: field.type === 'number' ? { code: 'notANumber' } : { code: 'notAnOption', options: field.type === 'enum' ? field.options : [] } };
}

export function schemaDefaults<S extends Schema>(schema: S): Values<S> {
  const out: Record<string, unknown> = {};
  for (const [k, f] of Object.entries(schema)) out[k] = Array.isArray(f.default) ? [...f.default] : f.default;
  return out as Values<S>;
}

/**
 * Defaults an author set in MDX, checked against the schema. Throws (failing the build) for an unknown key or a bad
 * value, naming the widget and the key.
 */
export function resolveDefaults<S extends Schema>(widgetId: string, schema: S, props: Record<string, unknown>): Values<S> {
  const values = schemaDefaults(schema) as Record<string, unknown>;
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined) continue;
    const field = schema[k];
    if (!field) throw new Error(`<${widgetId}>: unknown setting "${k}" (known: ${Object.keys(schema).join(', ')})`);
    const r = checkValue(field, v);
    if (!r.ok) throw new Error(`<${widgetId}>: ${k}=${JSON.stringify(v)} is not allowed (${r.reason.code})`);
    values[k] = r.value;
  }
  return values as Values<S>;
}

/**
 * Reads `<widgetId>.<key>` entries from a query string. Keys of other widgets are ignored; unknown keys of this
 * widget and bad values are reported and leave the default in place. Never throws.
 */
export function parseQuery<S extends Schema>(
  widgetId: string,
  schema: S,
  query: string,
  defaults: Values<S> = schemaDefaults(schema),
): { values: Values<S>; issues: ParseIssue[] } {
  const values = { ...defaults } as Record<string, unknown>;
  const issues: ParseIssue[] = [];
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(query);
  } catch {
    return { values: values as Values<S>, issues };
  }
  const prefix = `${widgetId}.`;
  for (const [name, raw] of params) {
    if (!name.startsWith(prefix)) continue;
    const key = name.slice(prefix.length);
    const field = Object.prototype.hasOwnProperty.call(schema, key) ? schema[key] : undefined;
    if (!field) {
      issues.push({ key, raw, reason: { code: 'unknownKey' } });
      continue;
    }
    const r = parseField(field, raw);
    if (r.ok) values[key] = r.value;
    else issues.push({ key, raw, reason: r.reason });
  }
  return { values: values as Values<S>, issues };
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

/** The `<widgetId>.<key>=<value>` pairs for every value that differs from `defaults`, in schema order. */
export function encodeQuery<S extends Schema>(widgetId: string, schema: S, values: Values<S>, defaults: Values<S>): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, field] of Object.entries(schema)) {
    const v = (values as Record<string, unknown>)[k];
    if (sameValue(v, (defaults as Record<string, unknown>)[k])) continue;
    out.push([`${widgetId}.${k}`, formatField(field, v as never)]);
  }
  return out;
}

/** Replaces this widget's entries in a query string, keeping every other parameter. Returns "" or "?…". */
export function mergeQuery(query: string, widgetId: string, entries: [string, string][]): string {
  const params = new URLSearchParams(query);
  for (const name of [...params.keys()]) if (name.startsWith(`${widgetId}.`)) params.delete(name);
  for (const [k, v] of entries) params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** Clamps a number into a field's bounds (for controls), rounding when the field is an integer. */
export function clampNumber(field: NumberField, n: number): number {
  if (!Number.isFinite(n)) return field.default;
  const v = Math.min(field.max, Math.max(field.min, n));
  return field.integer ? Math.round(v) : v;
}
