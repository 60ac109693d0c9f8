'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { encodeQuery, mergeQuery, parseQuery, type ParseIssue, type Schema, type Values } from '@/lib/state/schema';

/**
 * A widget's settings, kept in the URL as `?<id>.<key>=<value>`. On mount it reads the query (bad values keep the
 * default and come back as `issues`); every change rewrites the query with history.replaceState, never pushState.
 */
export function useWidgetState<S extends Schema>(id: string, schema: S, defaults: Values<S>) {
  const [values, setValues] = useState<Values<S>>(defaults);
  const [issues, setIssues] = useState<ParseIssue[]>([]);
  const [loaded, setLoaded] = useState(false);
  const defaultsRef = useRef(defaults);

  useEffect(() => {
    const parsed = parseQuery(id, schema, window.location.search, defaultsRef.current);
    setValues(parsed.values);
    setIssues(parsed.issues);
    setLoaded(true);
  }, [id, schema]);

  useEffect(() => {
    if (!loaded) return;
    const query = mergeQuery(window.location.search, id, encodeQuery(id, schema, values, defaultsRef.current));
    const url = `${window.location.pathname}${query}${window.location.hash}`;
    if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
      window.history.replaceState(window.history.state, '', url);
    }
  }, [id, schema, values, loaded]);

  const update = useCallback((patch: Partial<Values<S>>) => setValues((v) => ({ ...v, ...patch })), []);
  const reset = useCallback(() => setValues(defaultsRef.current), []);
  const dismissIssues = useCallback(() => setIssues([]), []);

  /** A link that restores this chapter, the widget's section and its settings that differ from the defaults. */
  const linkFor = useCallback(
    (root: Element | null) => {
      const query = mergeQuery('', id, encodeQuery(id, schema, values, defaultsRef.current));
      const section = root ? sectionOf(root) : null;
      return `${window.location.origin}${window.location.pathname}${query}${section ? `#${section}` : ''}`;
    },
    [id, schema, values],
  );

  return { values, issues, loaded, update, reset, dismissIssues, linkFor };
}

/** The id of the heading the element sits under. */
function sectionOf(el: Element): string | null {
  let found: string | null = null;
  for (const h of Array.from(document.querySelectorAll('article :is(h2,h3,h4)[id]'))) {
    if (h.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) found = h.id;
    else break;
  }
  return found;
}
