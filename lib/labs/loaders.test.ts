import { describe, expect, it } from 'vitest';
import { LABS_BY_CHAPTER } from './index';
import { LAB_LOADERS } from './loaders';

describe('LAB_LOADERS', () => {
  it('has a loader for every chapter with labs, and each loads that chapter’s LabSet', async () => {
    expect(Object.keys(LAB_LOADERS).sort()).toEqual(Object.keys(LABS_BY_CHAPTER).sort());
    for (const [slug, load] of Object.entries(LAB_LOADERS)) expect(await load()).toBe(LABS_BY_CHAPTER[slug]);
  });
});
