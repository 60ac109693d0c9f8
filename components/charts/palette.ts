/** Okabe–Ito colours, safe for colour-blind readers, as CSS variables defined per theme in globals.css. */
export const SERIES_COLORS = [
  'var(--okabe-blue)',
  'var(--okabe-orange)',
  'var(--okabe-green)',
  'var(--okabe-vermillion)',
  'var(--okabe-purple)',
  'var(--okabe-sky)',
  'var(--okabe-yellow)',
  'var(--fg-soft)',
];
