/**
 * The eight startup calculators (../shared/design/CALCULATORS.md): one schema and one pure compute function each.
 * The UI, the worked numbers in the prose (`<Calc calc="…">`) and the tests all go through this registry.
 */
import { budgetAllocator } from './budget-allocator';
import { capTable } from './cap-table';
import { computeOptimal } from './compute-optimal';
import { inferenceCost } from './inference-cost';
import { memoryFit } from './memory-fit';
import { runway } from './runway';
import {
  budgetAllocatorSchema,
  capTableSchema,
  computeOptimalSchema,
  inferenceCostSchema,
  memoryFitSchema,
  runwaySchema,
  trainingCostSchema,
  unitEconomicsSchema,
} from './schemas';
import { trainingCost } from './training-cost';
import { unitEconomics } from './unit-economics';

export const CALCULATORS = {
  trainingCost: { schema: trainingCostSchema, compute: trainingCost },
  computeOptimal: { schema: computeOptimalSchema, compute: computeOptimal },
  memoryFit: { schema: memoryFitSchema, compute: memoryFit },
  inferenceCost: { schema: inferenceCostSchema, compute: inferenceCost },
  unitEconomics: { schema: unitEconomicsSchema, compute: unitEconomics },
  runway: { schema: runwaySchema, compute: runway },
  capTable: { schema: capTableSchema, compute: capTable },
  budgetAllocator: { schema: budgetAllocatorSchema, compute: budgetAllocator },
} as const;

export type CalculatorId = keyof typeof CALCULATORS;
export const CALCULATOR_IDS = Object.keys(CALCULATORS) as CalculatorId[];

export * from './schemas';
export * from './result';
export * from './training-cost';
export * from './compute-optimal';
export * from './memory-fit';
export * from './inference-cost';
export * from './unit-economics';
export * from './runway';
export * from './cap-table';
export * from './budget-allocator';
