'use client';

import { useSyncExternalStore } from 'react';
import type { LabProgress } from '@/lib/labs/progress';
import { getProgress, subscribeProgress } from './progress-store';

/**
 * The reader's lab progress, or null while prerendering and hydrating (the server cannot know it): render nothing
 * that moves the layout until it is known.
 */
export function useLabProgress(): LabProgress | null {
  return useSyncExternalStore(subscribeProgress, getProgress, () => null);
}
