import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import '../globals.css';
import '@/app/fonts';
import { BOOK_TITLE } from '@/lib/i18n';
import { HydrationMark } from '@/components/shell/HydrationMark';
import { ServiceWorker } from '@/components/shell/ServiceWorker';
import { ThemeScript } from '@/components/shell/ThemeScript';

export const metadata: Metadata = {
  title: `${BOOK_TITLE.zh} · ${BOOK_TITLE.en}`,
  description: 'An interactive, bilingual textbook on building a company around large AI models. 一本关于大模型创业的交互式双语教科书。',
};

export default function ChooserLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" data-theme="light" suppressHydrationWarning>
      <head>
        <ThemeScript />
      </head>
      <body>
        {children}
        <HydrationMark />
        <ServiceWorker />
      </body>
    </html>
  );
}
