/** Finding labs by id and by chapter (the server's side: the page's own code loads lib/labs only when it checks one). */
import { LABS_BY_CHAPTER } from './index';
import type { LabSpec } from './types';

/** The lab with this id and the chapter whose LabSet holds it, or undefined. */
export function findLab(id: string, labsByChapter = LABS_BY_CHAPTER): { chapter: string; spec: LabSpec } | undefined {
  for (const [chapter, set] of Object.entries(labsByChapter)) {
    if (Object.hasOwn(set, id)) return { chapter, spec: set[id]! };
  }
  return undefined;
}

/** A chapter's lab ids, in the order of its LabSet (empty for a chapter without labs). */
export function chapterLabIds(slug: string, labsByChapter = LABS_BY_CHAPTER): string[] {
  return Object.hasOwn(labsByChapter, slug) ? Object.keys(labsByChapter[slug]!) : [];
}

/** Lab ids defined by more than one chapter (they must be unique across the book). */
export function duplicateLabIds(labsByChapter = LABS_BY_CHAPTER): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const set of Object.values(labsByChapter)) {
    for (const id of Object.keys(set)) (seen.has(id) ? dup : seen).add(id);
  }
  return [...dup];
}
