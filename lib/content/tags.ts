/** Tags a chapter may use beyond Markdown; components/mdx.tsx registers exactly these. */
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

export const LIVE_TAGS = ['PlaygroundTrainer', 'QuantizationLab'] as const;

export const MDX_TAGS = ['ScaleExplorer', 'Timeline', 'Callout', 'Calc', 'Mermaid', ...CALCULATOR_TAGS, ...LIVE_TAGS] as const;
export type MdxTag = (typeof MDX_TAGS)[number];

/** Tags that are interactive widgets or charts: both editions must place the same ones in the same order. */
export const WIDGET_TAGS: readonly MdxTag[] = ['ScaleExplorer', 'Timeline', 'Mermaid', ...CALCULATOR_TAGS, ...LIVE_TAGS];
