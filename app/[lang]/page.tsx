import Link from 'next/link';
import { notFound } from 'next/navigation';
import { BookShell } from '@/components/shell/BookShell';
import { LabCount } from '@/components/labs/LabCount';
import { ProgressPanel } from '@/components/labs/ProgressPanel';
import { LABS_BY_CHAPTER } from '@/lib/labs';
import { chapterLabIds } from '@/lib/labs/lookup';
import { CHAPTERS, PARTS, chapterLabel } from '@/lib/content/chapters';
import { readChapter, writtenSlugs } from '@/lib/content/source';
import { BOOK_SUBTITLE, BOOK_TITLE, UI, isLang, type Bilingual } from '@/lib/i18n';

const INTRO: Bilingual<string[]> = {
  zh: [
    '这本书写给想围绕大模型创办公司的工程师和创始人。前半部分讲清楚模型本身：神经网络如何学习、Transformer 为什么有效、模型怎样被压缩和部署；后半部分把这些知识换算成一家公司的账：训练要花多少钱、每个用户能不能赚钱、钱该投到哪里、每轮融资之后还剩多少股份。',
    '书中的模型在你的浏览器里真实地训练和量化，计算器的每个数字都来自页面上的代码。每一节、每个组件的设置都可以用链接分享。',
  ],
  en: [
    'This book is for engineers and founders who want to build a company around large models. The first half explains the models themselves: how neural networks learn, why Transformers work, how models are compressed and served. The second half turns that knowledge into a company’s sums: what training costs, whether each user makes money, where the next dollar should go, and how much of the company is left after each round.',
    'The models in the book train and quantize for real in your browser, and every number a calculator shows comes from the code on the page. Every section and every widget setting can be shared as a link.',
  ],
};

export default async function Cover({ params }: { params: Promise<{ lang: string }> }) {
  const { lang } = await params;
  if (!isLang(lang)) notFound();
  const t = UI[lang];
  const written = new Set(writtenSlugs());
  const firstWritten = CHAPTERS.find((c) => written.has(c.slug));
  // Every lab of the written chapters, with its goal in this edition, for the progress panel's export.
  const labs = CHAPTERS.filter((c) => written.has(c.slug)).flatMap((c) =>
    Object.entries(LABS_BY_CHAPTER[c.slug] ?? {}).map(([id, spec]) => ({ id, chapter: c.slug, goal: spec.goal[lang] })),
  );

  return (
    <BookShell lang={lang} written={written}>
      <article className="cover">
        <header className="cover-header">
          <h1>{BOOK_TITLE[lang]}</h1>
          <p className="cover-subtitle">{BOOK_SUBTITLE[lang]}</p>
          {INTRO[lang].map((p) => (
            <p key={p.slice(0, 20)} className="cover-intro">{p}</p>
          ))}
          {firstWritten ? (
            <p>
              <Link className="button-primary" href={`/${lang}/${firstWritten.slug}/`} prefetch={false}>
                {t.startReading} →
              </Link>
            </p>
          ) : null}
        </header>
        {labs.length ? <ProgressPanel lang={lang} labs={labs} /> : null}
        <section aria-labelledby="toc-heading" className="cover-toc">
          <h2 id="toc-heading">{t.tableOfContents}</h2>
          {PARTS.map((part) => (
            <section key={part.id} className="cover-part" aria-labelledby={`part-${part.id}`}>
              <h3 id={`part-${part.id}`}>{part.title[lang]}</h3>
              <ol className="cover-chapters">
                {CHAPTERS.filter((c) => c.part === part.id).map((c) => {
                  const isWritten = written.has(c.slug);
                  const labIds = chapterLabIds(c.slug);
                  const summary = isWritten ? readChapter(lang, c.slug).frontmatter.summary : c.blurb[lang];
                  return (
                    <li key={c.slug} className={isWritten ? 'cover-chapter' : 'cover-chapter forthcoming'} data-slug={c.slug} data-written={isWritten ? 1 : 0}>
                      <span className="cover-chapter-label">{chapterLabel(c, lang)}</span>
                      {isWritten ? (
                        <span className="cover-chapter-title">
                          <Link href={`/${lang}/${c.slug}/`} prefetch={false}>
                            {c.title[lang]}
                          </Link>
                          {labIds.length ? <LabCount ids={labIds} lang={lang} /> : null}
                        </span>
                      ) : (
                        <span className="cover-chapter-title">
                          {c.title[lang]} <span className="badge">{t.forthcoming}</span>
                        </span>
                      )}
                      <span className="cover-chapter-summary">{summary}</span>
                    </li>
                  );
                })}
              </ol>
            </section>
          ))}
        </section>
      </article>
    </BookShell>
  );
}
