import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import 'katex/dist/katex.min.css';
import '../globals.css';
import '@/app/fonts';
import { Announcer } from '@/components/shell/Announcer';
import { HashAnchor } from '@/components/shell/HashAnchor';
import { HydrationMark } from '@/components/shell/HydrationMark';
import { ScrollableMath } from '@/components/shell/ScrollableMath';
import { ServiceWorker } from '@/components/shell/ServiceWorker';
import { ThemeScript } from '@/components/shell/ThemeScript';
import { BOOK_SUBTITLE, BOOK_TITLE, HTML_LANG, LANGS, isLang } from '@/lib/i18n';

export const dynamicParams = false;

export function generateStaticParams() {
  return LANGS.map((lang) => ({ lang }));
}

export async function generateMetadata({ params }: { params: Promise<{ lang: string }> }): Promise<Metadata> {
  const { lang } = await params;
  if (!isLang(lang)) return {};
  return {
    title: { default: BOOK_TITLE[lang], template: `%s · ${BOOK_TITLE[lang]}` },
    description: BOOK_SUBTITLE[lang],
  };
}

export default async function EditionLayout({ children, params }: { children: ReactNode; params: Promise<{ lang: string }> }) {
  const { lang } = await params;
  if (!isLang(lang)) notFound();
  return (
    <html lang={HTML_LANG[lang]} data-theme="light" suppressHydrationWarning>
      <head>
        <ThemeScript />
      </head>
      <body>
        {children}
        <Announcer />
        <HydrationMark />
        <HashAnchor />
        <ScrollableMath />
        <ServiceWorker lang={lang} />
      </body>
    </html>
  );
}
