// The book's own prose as TinyGPT's training text (Chapter 5): content/<lang>/*.mdx → public/data/corpus-<lang>.txt,
// made at each build so the corpus is the book as built. See lib/text/corpus.ts for what is kept.
import fs from 'node:fs';
import path from 'node:path';
import { CHAPTERS } from '../lib/content/chapters';
import { buildVocab, mdxToProse, VOCAB_CAP } from '../lib/text/corpus';

fs.mkdirSync('public/data', { recursive: true });
for (const lang of ['en', 'zh'] as const) {
  // In reading order, so the held-out tail (the last tenth) is the end of the book.
  const files = CHAPTERS.map((c) => path.join('content', lang, `${c.slug}.mdx`)).filter((f) => fs.existsSync(f));
  const text = files.map((f) => mdxToProse(fs.readFileSync(f, 'utf8'))).join('\n');
  fs.writeFileSync(`public/data/corpus-${lang}.txt`, text);
  const v = buildVocab(text, VOCAB_CAP[lang]);
  console.log(`corpus: public/data/corpus-${lang}.txt, ${files.length} chapters, ${[...text].length.toLocaleString('en-US')} characters, vocabulary ${v.chars.length} (${(v.unknownShare * 100).toFixed(2)} % outside it)`);
}
