'use client';

import { forwardRef, type ReactNode } from 'react';
import type { ParseIssue } from '@/lib/state/schema';
import { issueMessage } from '@/lib/state/messages';
import { UI, bilingual, type Lang } from '@/lib/i18n';
import { CopyLinkButton } from '@/components/mdx/CopyLinkButton';

const TEXT = bilingual({
  zh: { copyLink: '复制带设置的链接', reset: '恢复默认设置', dismiss: '知道了', widget: '交互组件' },
  en: { copyLink: 'Copy link with these settings', reset: 'Restore defaults', dismiss: 'Dismiss', widget: 'Interactive widget' },
});

interface Props {
  id: string;
  lang: Lang;
  title: string;
  description?: ReactNode;
  issues: ParseIssue[];
  onDismissIssues: () => void;
  onReset: () => void;
  link: () => string;
  children: ReactNode;
  /** Extra data-* attributes for the test contract (data-status, data-backend, …). */
  data?: Record<string, string | number | undefined>;
  className?: string;
}

/** The common frame of every widget: title, copy-link, reset, and the notices for settings a link could not apply. */
export const WidgetFrame = forwardRef<HTMLElement, Props>(function WidgetFrame(
  { id, lang, title, description, issues, onDismissIssues, onReset, link, children, data, className },
  ref,
) {
  const t = TEXT[lang];
  const ui = UI[lang];
  const dataAttrs = Object.fromEntries(Object.entries(data ?? {}).map(([k, v]) => [`data-${k}`, v]));
  return (
    <section className={`widget${className ? ` ${className}` : ''}`} data-widget={id} ref={ref} aria-label={`${t.widget}: ${title}`} {...dataAttrs}>
      <header className="widget-header">
        <p className="widget-title">{title}</p>
        <div className="widget-actions">
          <button type="button" className="button-quiet" onClick={onReset}>
            {t.reset}
          </button>
          <CopyLinkButton className="button-quiet" label={t.copyLink} copied={ui.copied} failed={ui.copyFailed} build={link}>
            {t.copyLink}
          </CopyLinkButton>
        </div>
      </header>
      {description ? <div className="widget-description">{description}</div> : null}
      {issues.length > 0 ? (
        <div className="widget-issues" role="alert" data-testid="widget-issues">
          <ul>
            {issues.map((issue) => (
              <li key={`${issue.key}=${issue.raw}`}>{issueMessage(issue, lang)}</li>
            ))}
          </ul>
          <button type="button" className="button-quiet" onClick={onDismissIssues}>
            {t.dismiss}
          </button>
        </div>
      ) : null}
      <div className="widget-body">{children}</div>
    </section>
  );
});
