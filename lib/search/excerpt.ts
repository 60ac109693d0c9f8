/** One run of an excerpt: plain text, or words the search matched. */
export interface ExcerptPart {
  text: string;
  hit: boolean;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', '#39': "'" };

function decode(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|#39);/g, (_, name: string) => ENTITIES[name]!);
}

/**
 * Splits a Pagefind excerpt into plain and matched runs, so a view can render it as text and `<mark>` elements without
 * writing HTML. Pagefind's excerpt is the page's text with `<` and `>` escaped and each matched word wrapped in
 * `<mark>…</mark>`; nothing else is markup. Zero-width spaces (Pagefind's word breaks in Chinese) are dropped, and
 * matched words that touch are merged: Pagefind may index 优化器 as 优 / 化 / 器 and mark each, which is one match.
 */
export function parseExcerpt(html: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  const push = (text: string, hit: boolean) => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last && last.hit === hit) last.text += text;
    else parts.push({ text, hit });
  };
  let hit = false;
  for (const piece of html.replace(/\u200b/g, '').split(/(<\/?mark>)/)) {
    if (piece === '<mark>') hit = true;
    else if (piece === '</mark>') hit = false;
    else push(decode(piece), hit);
  }
  return parts;
}

/** The matched words of an excerpt, as the reader would read them (punctuation Pagefind kept around a word trimmed). */
export function matchedWords(parts: readonly ExcerptPart[]): string[] {
  return parts.filter((p) => p.hit).map((p) => p.text.trim().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter(Boolean);
}
