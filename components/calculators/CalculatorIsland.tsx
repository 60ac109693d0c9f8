'use client';

import type { ComponentType } from 'react';
import { island } from '@/components/widgets/Island';
import type { CalculatorId } from '@/lib/finance';
import type { Lang } from '@/lib/i18n';

type Props = { id: CalculatorId; lang: Lang; defaults: Record<string, unknown> };

/** A calculator as an island: its HTML is in the page, its code (and d3's) loads when it comes near the viewport. */
export const CalculatorIsland = island<Props>(() => import('./Calculator').then((m) => ({ default: m.Calculator as unknown as ComponentType<Props> })), { minHeight: 560 });
