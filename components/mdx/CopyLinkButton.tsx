'use client';

import { useState } from 'react';
import { announce } from '@/components/shell/Announcer';

/** Copies a URL to the clipboard and says so; `build` makes the URL at click time from the current location. */
export function CopyLinkButton({
  label,
  copied,
  failed,
  build,
  className = 'copy-link',
  children,
}: {
  label: string;
  copied: string;
  failed: string;
  build: () => string;
  className?: string;
  children?: React.ReactNode;
}) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const onClick = async () => {
    const url = build();
    try {
      await navigator.clipboard.writeText(url);
      setState('copied');
      announce(copied);
    } catch {
      setState('failed');
      announce(failed);
    }
    window.setTimeout(() => setState('idle'), 2000);
  };
  return (
    <button type="button" className={className} onClick={onClick} aria-label={children ? undefined : label} title={label} data-state={state}>
      {children ?? (
        <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
          <path
            d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
          />
        </svg>
      )}
      <span className="copy-status" aria-hidden="true">
        {state === 'copied' ? copied : state === 'failed' ? failed : ''}
      </span>
    </button>
  );
}

/** The canonical URL of a section of the current page: origin + path, no query, with #id. */
export function SectionLink({ id, label, copied, failed }: { id: string; label: string; copied: string; failed: string }) {
  return (
    <CopyLinkButton
      label={label}
      copied={copied}
      failed={failed}
      build={() => `${window.location.origin}${window.location.pathname}#${id}`}
    />
  );
}
