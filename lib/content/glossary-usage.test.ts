import { describe, expect, it } from 'vitest';
import { invertUsage, termsInChapter } from './glossary-usage';

describe('termsInChapter', () => {
  it('finds the terms a chapter body links, through the build’s own plugins', async () => {
    const body = '## A {#a}\n\nThe optimizer lowers the loss; `gradient` is code.\n\n## Further reading {#further-reading}\n\n- Adam: a method.\n';
    expect([...(await termsInChapter(body, 'en', 'x'))].sort()).toEqual(['loss', 'optimizer']);
    expect([...(await termsInChapter('优化器降低损失。\n', 'zh', 'x'))].sort()).toEqual(['loss', 'optimizer']);
  });

  it('finds nothing on the glossary page itself', async () => {
    expect((await termsInChapter('The optimizer.\n', 'en', 'glossary')).size).toBe(0);
  });
});

describe('invertUsage', () => {
  it('maps each term to the chapters that use it, in reading order', () => {
    const usage = invertUsage([
      { slug: 'one', terms: new Set(['loss', 'adam']) },
      { slug: 'two', terms: new Set(['loss']) },
    ]);
    expect(usage.get('loss')).toEqual(['one', 'two']);
    expect(usage.get('adam')).toEqual(['one']);
    expect(usage.get('gpu')).toBeUndefined();
  });
});
