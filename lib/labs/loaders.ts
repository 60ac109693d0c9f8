/**
 * One loader per chapter, so a page's lab checks pull in that chapter's lab file alone (and what it imports), not
 * every chapter's: the case-study labs, say, import two widget definitions that a Chapter 2 reader never needs.
 * `lib/labs/loaders.test.ts` checks that every chapter of LABS_BY_CHAPTER has a loader giving the same LabSet.
 */
import type { LabSet } from './types';

export const LAB_LOADERS: Readonly<Record<string, () => Promise<LabSet>>> = {
  'large-models': () => import('./large-models').then((m) => m.largeModelsLabs),
  'neural-networks': () => import('./neural-networks').then((m) => m.neuralNetworksLabs),
  'loss-and-optimizers': () => import('./loss-and-optimizers').then((m) => m.lossAndOptimizersLabs),
  'training-pipeline': () => import('./training-pipeline').then((m) => m.trainingPipelineLabs),
  transformers: () => import('./transformers').then((m) => m.transformersLabs),
  deployment: () => import('./deployment').then((m) => m.deploymentLabs),
  applications: () => import('./applications').then((m) => m.applicationsLabs),
  'startup-strategy': () => import('./startup-strategy').then((m) => m.startupStrategyLabs),
  'compute-economics': () => import('./compute-economics').then((m) => m.computeEconomicsLabs),
  'capital-allocation': () => import('./capital-allocation').then((m) => m.capitalAllocationLabs),
  'project-planning': () => import('./project-planning').then((m) => m.projectPlanningLabs),
  'case-studies': () => import('./case-studies').then((m) => m.caseStudiesLabs),
  future: () => import('./future').then((m) => m.futureLabs),
};
