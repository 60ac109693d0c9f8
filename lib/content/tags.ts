/** Tags a chapter may use beyond Markdown; components/mdx.tsx registers exactly these. */
import { WIDGETS } from '../widgets/registry.generated';

export const CALCULATOR_TAGS = [
  'TrainingCost',
  'ComputeOptimal',
  'MemoryFit',
  'InferenceCost',
  'UnitEconomics',
  'Runway',
  'CapTable',
  'BudgetAllocator',
] as const;

/** The tags of the widgets registered in lib/widgets (one definition each). */
export const REGISTERED_WIDGET_TAGS: readonly string[] = WIDGETS.map((w) => w.tag);

/** Tags of the prose: asides, worked numbers, diagrams, folded answers, lab exercises. */
export const PROSE_TAGS = ['Timeline', 'Callout', 'Calc', 'Mermaid', 'Answer', 'Lab'] as const;

/** The lists of the glossary and errata pages (Appendices C and D), rendered from lib/content. */
export const APPENDIX_TAGS = ['Glossary', 'Errata'] as const;

export const MDX_TAGS: readonly string[] = [...PROSE_TAGS, ...APPENDIX_TAGS, ...CALCULATOR_TAGS, ...REGISTERED_WIDGET_TAGS];
export type MdxTag = string;

/** Tags that are interactive widgets or charts: both editions must place the same ones in the same order. */
export const WIDGET_TAGS: readonly string[] = ['Timeline', 'Mermaid', ...CALCULATOR_TAGS, ...REGISTERED_WIDGET_TAGS];
