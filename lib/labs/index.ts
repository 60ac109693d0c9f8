/** Every chapter's lab exercises, by chapter slug. */
import type { LabSet } from './types';
import { largeModelsLabs } from './large-models';
import { neuralNetworksLabs } from './neural-networks';
import { lossAndOptimizersLabs } from './loss-and-optimizers';
import { trainingPipelineLabs } from './training-pipeline';
import { transformersLabs } from './transformers';
import { deploymentLabs } from './deployment';
import { startupStrategyLabs } from './startup-strategy';
import { computeEconomicsLabs } from './compute-economics';
import { capitalAllocationLabs } from './capital-allocation';
import { projectPlanningLabs } from './project-planning';
import { caseStudiesLabs } from './case-studies';
import { futureLabs } from './future';
import { applicationsLabs } from './applications';

export const LABS_BY_CHAPTER: Readonly<Record<string, LabSet>> = {
  'large-models': largeModelsLabs,
  'neural-networks': neuralNetworksLabs,
  'loss-and-optimizers': lossAndOptimizersLabs,
  'training-pipeline': trainingPipelineLabs,
  'transformers': transformersLabs,
  'deployment': deploymentLabs,
  'applications': applicationsLabs,
  'startup-strategy': startupStrategyLabs,
  'compute-economics': computeEconomicsLabs,
  'capital-allocation': capitalAllocationLabs,
  'project-planning': projectPlanningLabs,
  'case-studies': caseStudiesLabs,
  future: futureLabs,
};
