'use client';

import { useRef, useState, type ComponentProps } from 'react';
import { announce } from '@/components/shell/Announcer';

/** A highlighted code block (Shiki ran at build time) with a copy button. */
export function CodeBlock({ copyLabel, copiedLabel, ...props }: ComponentProps<'pre'> & { copyLabel: string; copiedLabel: string }) {
  const ref = useRef<HTMLPreElement>(null);
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    const text = ref.current?.querySelector('code')?.textContent ?? ref.current?.textContent ?? '';
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      announce(copiedLabel);
      window.setTimeout(() => setCopied(false), 1500);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div className="code-block">
      <pre ref={ref} {...props} />
      <button type="button" className="code-copy" onClick={copy}>
        {copied ? copiedLabel : copyLabel}
      </button>
    </div>
  );
}
