'use client';

import { island } from '@/components/widgets/Island';
import type { Lang } from '@/lib/i18n';

/** Chapter 1's timeline as an island: drawn into the page at build time, its code loaded when it comes near. */
export const TimelineIsland = island<{ lang: Lang }>(() => import('./Timeline').then((m) => ({ default: m.Timeline })), { minHeight: 420 });
