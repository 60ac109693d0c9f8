/** The sub-path the book is hosted under ("" at the root, "/course/book" for a course). Set by BASE_PATH at build. */
export const BASE_PATH: string = process.env.NEXT_PUBLIC_BASE_PATH ?? '';

/** Prefixes a root-relative path ("/zh/") with the base path, for places Next does not rewrite (plain <a>, fetch, scripts). */
export function withBase(p: string): string {
  if (!p.startsWith('/')) throw new Error(`withBase expects a root-relative path, got "${p}"`);
  return `${BASE_PATH}${p}`;
}
