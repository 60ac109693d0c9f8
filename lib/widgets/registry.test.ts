import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuery, resolveDefaults, schemaDefaults } from '../state/schema';
import { liveKeys, viewFolder } from './define';
import { WIDGETS } from './registry.generated';

describe('the widget registry', () => {
  it('holds every definition once, with unique ids and tags', () => {
    expect(new Set(WIDGETS.map((w) => w.id)).size).toBe(WIDGETS.length);
    expect(new Set(WIDGETS.map((w) => w.tag)).size).toBe(WIDGETS.length);
    expect(WIDGETS.map((w) => w.id)).toEqual(expect.arrayContaining(['playground', 'quantLab', 'scaleExplorer']));
  });

  it.each(WIDGETS.map((w) => [w.id, w] as const))('%s: defaults lie within its schema, and every label has both editions', (_id, w) => {
    expect(resolveDefaults(w.id, w.schema, {})).toEqual(schemaDefaults(w.schema));
    expect(w.title.zh && w.title.en).toBeTruthy();
    for (const [key, f] of Object.entries(w.schema)) {
      if (f.label) expect([key, f.label.zh.length > 0, f.label.en.length > 0]).toEqual([key, true, true]);
      if (f.group) expect(w.groups?.some((g) => g.id === f.group)).toBe(true);
    }
    expect(Object.keys(w.strings.zh as object).sort()).toEqual(Object.keys(w.strings.en as object).sort());
  });

  it.each(WIDGETS.map((w) => [w.id, w] as const))('%s: no query, however mangled, breaks its URL state (property)', (_id, w) => {
    const keys = [...Object.keys(w.schema).map((k) => `${w.id}.${k}`), `${w.id}.nope`];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...keys), fc.oneof(fc.string(), fc.double().map(String)))), (pairs) => {
        const q = pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
        const { values } = parseQuery(w.id, w.schema, q);
        expect(Object.keys(values).sort()).toEqual(Object.keys(w.schema).sort());
      }),
      { numRuns: 60 },
    );
  });

  it('names live keys only on live widgets', () => {
    for (const w of WIDGETS) if (!w.task) expect(liveKeys(w.schema)).toEqual([]);
  });

  it('finds a view folder by the id in kebab case', () => {
    expect(viewFolder('quantLab')).toBe('quant-lab');
    expect(viewFolder('playground')).toBe('playground');
  });
});
