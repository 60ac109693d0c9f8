'use client';

import { useEffect, useState } from 'react';
import { BASE_PATH } from '@/lib/base-path';
import { bilingual, type Lang } from '@/lib/i18n';
import { announce } from './Announcer';
import styles from './ServiceWorker.module.css';

const TEXT = bilingual({
  zh: { ready: '本书有新版本', reload: '重新加载', later: '稍后', offline: '本书已可离线阅读' },
  en: { ready: 'A new version of the book is ready', reload: 'Reload', later: 'Later', offline: 'The book is now available offline' },
});

/** How often a reader who keeps the book open (client navigation never reloads sw.js) has it look for a new build. */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

/**
 * Registers the book's service worker (scripts/service-worker.mjs; production builds only) and offers a new build
 * once it has installed beside the current one: the notice's Reload tells the waiting worker to take over, and the
 * page reloads when it does. Until then every page keeps coming from the build it started with.
 * Without `lang` (the edition chooser) the notice speaks both languages.
 */
export function ServiceWorker({ lang }: { lang?: Lang }) {
  const [waiting, setWaiting] = useState<ServiceWorker | null>(null);
  const [dismissed, setDismissed] = useState(false);

  useEffect(() => {
    if (!('serviceWorker' in navigator)) return;
    const sw = navigator.serviceWorker;
    const scope = `${BASE_PATH}/`;
    if (process.env.NODE_ENV !== 'production') {
      // `next dev` on a port where a production build once ran: that build's worker would serve stale pages.
      void sw.getRegistration(scope).then((r) => r?.unregister());
      return;
    }
    let cancelled = false;
    let controller = sw.controller;
    let reloading = false;
    let lastCheck = Date.now();
    let registration: ServiceWorkerRegistration | undefined;

    // A worker controls the page only once it has precached the whole book.
    const markReady = () => document.documentElement.setAttribute('data-offline-ready', '');
    // The first worker claims the page it installed from (same build: nothing to reload). A later change of
    // controller means the reader accepted a new build, in this tab or another: reload so this page is of it too.
    const onControllerChange = () => {
      const previous = controller;
      controller = sw.controller;
      if (!previous) {
        markReady();
        if (lang) announce(TEXT[lang].offline);
        return;
      }
      if (reloading) return;
      reloading = true;
      window.location.reload();
    };
    sw.addEventListener('controllerchange', onControllerChange);

    const offer = (worker: ServiceWorker | null) => {
      if (!cancelled && worker && sw.controller) setWaiting(worker);
    };
    const track = (worker: ServiceWorker) => {
      worker.addEventListener('statechange', () => {
        if (worker.state === 'installed') offer(registration?.waiting ?? worker);
      });
    };

    const register = async () => {
      try {
        registration = await sw.register(`${BASE_PATH}/sw.js`, { scope });
      } catch {
        return; // file://, a host without https, or sw.js missing: the book still works online.
      }
      // (A browser told to block service workers, as the e2e tests do, resolves with nothing.)
      if (cancelled || !registration) return;
      if (registration.waiting) offer(registration.waiting);
      if (registration.installing) track(registration.installing);
      if (sw.controller) markReady();
      registration.addEventListener('updatefound', () => {
        if (registration?.installing) track(registration.installing);
      });
    };
    const onVisible = () => {
      if (document.visibilityState !== 'visible' || !registration || Date.now() - lastCheck < UPDATE_CHECK_MS) return;
      lastCheck = Date.now();
      registration.update().catch(() => {}); // offline: try again later
    };

    // After the page's own loading, so precaching never competes with what the reader is waiting for.
    if (document.readyState === 'complete') void register();
    else window.addEventListener('load', () => void register(), { once: true });
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      cancelled = true;
      sw.removeEventListener('controllerchange', onControllerChange);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [lang]);

  if (!waiting || dismissed) return null;
  const langs: readonly Lang[] = lang ? [lang] : ['zh', 'en'];
  const say = (key: keyof (typeof TEXT)['en']) => langs.map((l) => TEXT[l][key]).join(' · ');
  return (
    <div className={styles.notice} role="status" aria-live="polite" data-testid="sw-update">
      <span className={styles.text}>{say('ready')}</span>
      <button
        type="button"
        className={styles.reload}
        data-action="sw-reload"
        onClick={() => waiting.postMessage({ type: 'SKIP_WAITING' })}
      >
        {say('reload')}
      </button>
      <button type="button" className={styles.later} data-action="sw-later" onClick={() => setDismissed(true)}>
        {say('later')}
      </button>
    </div>
  );
}
