// Checks of the static export that no other tool makes. A page must not carry a Suspense boundary that React completes
// by script after the HTML has loaded (`$RC(…)`): the widget's HTML would be written at the end of the body and moved
// into its section on the first frame, and moving form controls into a section the stylesheet leaves undrawn
// (content-visibility) makes Chromium style and lay out the whole chapter at once (components/widgets/Island.tsx).
import fs from 'node:fs';
import path from 'node:path';
import { htmlPages } from './html-pages.mjs';

export function checkBuiltPages({ dir }) {
  const pages = htmlPages(dir);
  const deferred = pages.filter((p) => fs.readFileSync(p, 'utf8').includes('$RC('));
  if (deferred.length)
    throw new Error(
      `${deferred.length} page(s) complete a Suspense boundary by script after load (an island's module was not loaded when the page rendered): ${deferred
        .map((p) => path.relative(dir, p))
        .slice(0, 8)
        .join(', ')}`,
    );
  return `${pages.length} pages, every island's HTML in place`;
}
