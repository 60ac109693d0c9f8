'use client';

import { useEffect, useState } from 'react';

/** On narrow screens the contents slide in from the left; this button opens and closes them. */
export function SidebarDrawer({ openLabel, closeLabel }: { openLabel: string; closeLabel: string }) {
  const [open, setOpen] = useState(false);

  useEffect(() => {
    document.body.classList.toggle('sidebar-open', open);
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    const onClick = (e: MouseEvent) => {
      const target = e.target as HTMLElement;
      if (target.closest('#sidebar a')) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('click', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('click', onClick);
    };
  }, [open]);

  return (
    <button
      type="button"
      className="menu-button"
      aria-controls="sidebar"
      aria-expanded={open}
      aria-label={open ? closeLabel : openLabel}
      onClick={() => setOpen((o) => !o)}
    >
      <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
        {open ? (
          <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        ) : (
          <path d="M4 7h16M4 12h16M4 17h16" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        )}
      </svg>
    </button>
  );
}
