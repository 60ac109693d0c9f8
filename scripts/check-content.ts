// Content checks (no build needed): frontmatter, zh/en parity of chapters, heading ids and widgets, internal links and
// anchors, registered tags and worked-number functions, no run-time loads from other hosts.
import fs from 'node:fs';
import path from 'node:path';
import { CHAPTERS } from '../lib/content/chapters';
import {
  addAppendixAnchors,
  chapterFacts,
  checkAppendixPages,
  checkChapter,
  checkErrata,
  checkGlossary,
  checkLabs,
  compareEditions,
  type ChapterFacts,
} from '../lib/content/checks';
import { ERRATA } from '../lib/content/errata';
import { GLOSSARY } from '../lib/content/glossary';
import { glossaryUsage } from '../lib/content/glossary-usage';
import { CONTENT_DIR, chapterFile, readChapter, writtenSlugs } from '../lib/content/source';
import { LANGS } from '../lib/i18n';
import { LABS_BY_CHAPTER } from '../lib/labs';
import { duplicateLabIds } from '../lib/labs/lookup';
import { WIDGETS } from '../lib/widgets/registry.generated';
import { CALCULATOR_TAGS } from '../lib/content/tags';
import { CALCULATORS } from '../lib/finance';
import { worked } from '../lib/worked/registry';
import { bookDiagrams } from '../lib/mdx/diagrams';
import { DIAGRAM_DIR, diagramFile } from '../lib/mdx/mermaid';
import { DIAGRAM_THEMES } from '../lib/mdx/mermaid-theme';

const problems: string[] = [];
const facts = new Map<string, ChapterFacts>();

// Every file under content/ must be a registered chapter.
for (const lang of LANGS) {
  for (const f of fs.readdirSync(path.join(CONTENT_DIR, lang))) {
    const slug = f.replace(/\.mdx$/, '');
    if (!f.endsWith('.mdx')) problems.push(`content/${lang}/${f}: only .mdx files belong here`);
    else if (!CHAPTERS.some((c) => c.slug === slug)) problems.push(`content/${lang}/${f}: "${slug}" is not in lib/content/chapters.ts`);
  }
}

for (const entry of CHAPTERS) {
  const present = LANGS.filter((lang) => fs.existsSync(chapterFile(lang, entry.slug)));
  if (present.length === 0) continue;
  if (present.length < LANGS.length) {
    const missing = LANGS.filter((l) => !present.includes(l));
    problems.push(`${entry.slug}: written in ${present.join(', ')} but not in ${missing.join(', ')} (both editions, always)`);
    continue;
  }
  for (const lang of LANGS) {
    try {
      const src = readChapter(lang, entry.slug);
      facts.set(`${lang}/${entry.slug}`, await chapterFacts(src.body, src.file));
    } catch (err) {
      problems.push(err instanceof Error ? err.message : String(err));
    }
  }
}

const ids = new Map([...facts].map(([k, f]) => [k, new Set(f.outline.map((o) => o.id))]));
// The glossary and errata pages render one anchor per entry: links to /<lang>/glossary/#<id> resolve.
addAppendixAnchors(ids, GLOSSARY.map((e) => e.id), ERRATA.map((e) => e.id));
const calcNames = new Set(Object.keys(worked));
const calculatorIds = new Set(Object.keys(CALCULATORS));
for (const entry of CHAPTERS) {
  const zh = facts.get(`zh/${entry.slug}`);
  const en = facts.get(`en/${entry.slug}`);
  if (zh && en) problems.push(...compareEditions(zh, en));
  for (const lang of LANGS) {
    const f = facts.get(`${lang}/${entry.slug}`);
    if (f) problems.push(...checkChapter(f, { ids, lang, slug: entry.slug }, calcNames, calculatorIds));
  }
}

// The appendices: erratum callouts against lib/content/errata.ts, glossary terms against the chapters that use them.
const written = new Set(writtenSlugs());
problems.push(...checkErrata(facts, ERRATA, written, new Set(CHAPTERS.map((c) => c.slug))));
problems.push(...checkAppendixPages(facts, written, GLOSSARY.map((e) => e.id), ERRATA));
try {
  problems.push(...checkGlossary(await glossaryUsage(), GLOSSARY));
} catch (err) {
  problems.push(`glossary: the chapters could not be scanned for terms: ${err instanceof Error ? err.message : String(err)}`);
}

// Lab exercises: every <Lab id> is a lab of its chapter's LabSet, each of those is written in both editions, in the
// same order, and each reads a widget the chapter places.
const widgetTags = new Map<string, string>([
  ...WIDGETS.map((w) => [w.id, w.tag] as const),
  ...CALCULATOR_TAGS.map((tag) => [tag[0]!.toLowerCase() + tag.slice(1), tag] as const),
]);
for (const slug of Object.keys(LABS_BY_CHAPTER)) {
  if (!CHAPTERS.some((c) => c.slug === slug)) problems.push(`lib/labs/index.ts: "${slug}" is not in lib/content/chapters.ts`);
}
for (const id of duplicateLabIds()) problems.push(`lib/labs: lab id "${id}" is defined by more than one chapter (ids are unique across the book)`);
for (const entry of CHAPTERS) {
  const editions = LANGS.flatMap((lang) => facts.get(`${lang}/${entry.slug}`) ?? []);
  const set = LABS_BY_CHAPTER[entry.slug] ?? {};
  if (editions.length === LANGS.length) problems.push(...checkLabs(entry.slug, editions, set, widgetTags));
  else if (!editions.length && Object.keys(set).length) problems.push(`lib/labs/${entry.slug}.ts: has labs, but the chapter is not written`);
}

// Every diagram is pre-drawn in both themes (npm run diagrams), and no stale picture ships.
const pictures = new Set<string>();
for (const { chart, where } of bookDiagrams()) {
  for (const theme of DIAGRAM_THEMES) {
    const file = diagramFile(chart, theme);
    pictures.add(file);
    if (!fs.existsSync(path.join(DIAGRAM_DIR, file))) problems.push(`${where}: a diagram has no ${theme} picture (public/diagrams/${file}): run \`npm run diagrams\``);
  }
}
for (const f of fs.existsSync(DIAGRAM_DIR) ? fs.readdirSync(DIAGRAM_DIR) : []) {
  if (!pictures.has(f)) problems.push(`public/diagrams/${f}: no chapter uses it: run \`npm run diagrams\` to remove it`);
}

const chapters = [...facts.keys()];
console.log(`content: ${chapters.length} chapter files checked (${chapters.join(', ') || 'none'})`);
for (const p of problems) console.error(`FAIL ${p}`);
if (problems.length) {
  console.error(`${problems.length} content problem(s)`);
  process.exit(1);
}
console.log('content: all checks passed');
