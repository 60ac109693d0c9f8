import type { Metadata } from 'next';
import './globals.css';
import '@/app/fonts';
import { ThemeScript } from '@/components/shell/ThemeScript';
import { withBase } from '@/lib/base-path';
import { HydrationMark } from '@/components/shell/HydrationMark';
import { BOOK_TITLE } from '@/lib/i18n';

export const metadata: Metadata = {
  title: '页面未找到 · Page not found',
};

/** The 404 page, in both languages (a static host serves it for any unknown path). */
export default function GlobalNotFound() {
  return (
    <html lang="en" data-theme="light" suppressHydrationWarning>
      <head>
        <ThemeScript />
      </head>
      <body>
        <main className="chooser not-found">
          <p className="not-found-code" aria-hidden="true">404</p>
          <h1>
            <span lang="zh-CN">页面未找到</span> · Page not found
          </h1>
          <p lang="zh-CN">这个地址没有对应的页面。它可能拼错了，或者那一章还没有写完。</p>
          <p>There is no page at this address. It may be mistyped, or that chapter may not be written yet.</p>
          <ul className="chooser-links">
            <li>
              <a href={withBase('/zh/')} lang="zh-CN">回到《{BOOK_TITLE.zh}》</a>
            </li>
            <li>
              <a href={withBase('/en/')}>Back to {BOOK_TITLE.en}</a>
            </li>
          </ul>
        </main>
        <HydrationMark />
      </body>
    </html>
  );
}
