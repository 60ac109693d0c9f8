'use client';

/**
 * The live-training widgets, loaded lazily on the client only: their code (and tfjs, which the training session loads
 * later still, inside a Web Worker) never weighs on a page's first load. A placeholder of the same height holds their
 * place so nothing jumps.
 */
import dynamic from 'next/dynamic';
import type { Lang } from '@/lib/i18n';

function Placeholder({ height, label }: { height: number; label: string }) {
  return (
    <div className="widget widget-placeholder" style={{ minHeight: height }} aria-busy="true">
      <p className="widget-note">{label}</p>
    </div>
  );
}

export const PlaygroundTrainer = dynamic(() => import('./playground'), {
  ssr: false,
  loading: () => <Placeholder height={900} label="…" />,
}) as (props: { lang: Lang; defaults: import('@/lib/widgets/playground').PlaygroundValues }) => React.ReactElement;

export const QuantizationLab = dynamic(() => import('./quant-lab'), {
  ssr: false,
  loading: () => <Placeholder height={700} label="…" />,
}) as (props: { lang: Lang; defaults: import('@/lib/widgets/quant-lab').QuantLabValues }) => React.ReactElement;
