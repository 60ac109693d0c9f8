import { BOOK_SUBTITLE, BOOK_TITLE } from '@/lib/i18n';
import { withBase } from '@/lib/base-path';

/**
 * "/" chooses the edition: a script sends Chinese-language browsers to /zh/ and the rest to /en/; readers without
 * JavaScript (or who come back here) pick a link.
 */
export default function ChooseEdition() {
  const zh = withBase('/zh/');
  const en = withBase('/en/');
  const redirect = `try{var l=(navigator.languages&&navigator.languages[0])||navigator.language||'';location.replace(/^zh/i.test(l)?${JSON.stringify(zh)}:${JSON.stringify(en)})}catch(e){}`;
  return (
    <main className="chooser">
      <script dangerouslySetInnerHTML={{ __html: redirect }} />
      <h1>
        <span lang="zh-CN">{BOOK_TITLE.zh}</span>
        <span className="chooser-sep" aria-hidden="true"> · </span>
        <span>{BOOK_TITLE.en}</span>
      </h1>
      <p lang="zh-CN">{BOOK_SUBTITLE.zh}</p>
      <p>{BOOK_SUBTITLE.en}</p>
      <nav aria-label="Choose an edition / 选择版本">
        <ul className="chooser-links">
          <li>
            <a href={zh} lang="zh-CN" hrefLang="zh-CN">中文版</a>
          </li>
          <li>
            <a href={en} hrefLang="en">English edition</a>
          </li>
        </ul>
      </nav>
    </main>
  );
}
