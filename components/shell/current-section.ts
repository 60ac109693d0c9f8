/**
 * The id of the section the reader is in: the last heading whose top has scrolled above the top bar. A heading named
 * by the URL's hash wins while it is still in the upper half of the window (the reader just jumped there).
 */
export function currentSectionId(offset = 96): string | null {
  const headings = Array.from(document.querySelectorAll<HTMLElement>('article :is(h2,h3,h4)[id]'));
  if (headings.length === 0) return null;
  const hashId = window.location.hash ? decodeURIComponent(window.location.hash.slice(1)) : '';
  const hashed = hashId ? headings.find((h) => h.id === hashId) : undefined;
  if (hashed) {
    const top = hashed.getBoundingClientRect().top;
    if (top >= -8 && top <= window.innerHeight / 2) return hashed.id;
  }
  let current: string | null = null;
  for (const h of headings) {
    if (h.getBoundingClientRect().top - offset <= 1) current = h.id;
    else break;
  }
  return current;
}
