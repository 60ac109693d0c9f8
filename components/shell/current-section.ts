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
  // Headings are in document order, so their tops increase: a binary search measures about log₂(n) of them. A heading
  // is measured by the box it opens (its ## section or ### subsection, lib/mdx/sections.ts): the stylesheet sizes that
  // box without laying out its content while it is far from the viewport (content-visibility), whereas measuring the
  // heading itself lays the whole section out: on Chapter 3 at load, five such layouts made one 0.5 s task on a
  // throttled phone. The box's top is the heading's less its top margin, so the heading counts as passed a few pixels
  // sooner.
  const topOf = (h: HTMLElement) => {
    const box = h.parentElement;
    return (box && box.firstElementChild === h && box.matches('.chapter-section, .chapter-subsection') ? box : h).getBoundingClientRect().top;
  };
  let lo = 0;
  let hi = headings.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (topOf(headings[mid] as HTMLElement) - offset <= 1) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? (headings[lo - 1] as HTMLElement).id : null;
}
