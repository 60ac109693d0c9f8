/** Finds a live widget by id in the generated registry, loading its definition on demand (worker and main thread). */
import type { LiveWidget } from '../training/task';
import { liveWidget } from './define';
import { WIDGET_LOADERS } from './loaders.generated';

export async function loadLiveWidget(id: string): Promise<LiveWidget | null> {
  const load = WIDGET_LOADERS[id];
  return load ? liveWidget(await load()) : null;
}
