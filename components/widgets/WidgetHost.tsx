'use client';

import type { Lang } from '@/lib/i18n';
import { VIEWS } from './views.generated';

/**
 * Renders a widget's view by id. Chapters' tags resolve (on the server) to this host with the widget's checked
 * defaults; the host picks the view from the generated registry, so no hand-written map names a widget.
 */
export function WidgetHost({ id, lang, defaults }: { id: string; lang: Lang; defaults: Record<string, unknown> }) {
  const View = VIEWS[id];
  if (!View) throw new Error(`no view registered for widget "${id}" (run npm run widgets)`);
  return <View lang={lang} defaults={defaults as never} />;
}
