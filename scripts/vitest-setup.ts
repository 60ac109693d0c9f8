// Property tests (fast-check) draw a fresh seed on every run, which finds new counterexamples on a developer's
// machine. CI uses one fixed seed so that a run is reproducible and a pass on a commit stays a pass; FC_SEED sets
// the seed anywhere (a failure prints the seed and path to replay it).
import fc from 'fast-check';

const seed = process.env.FC_SEED ?? (process.env.CI ? '20261206' : undefined);
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed) });
