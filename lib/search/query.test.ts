import { describe, expect, it } from 'vitest';
import { highlightTerms, readHighlight, searchQueries, sectionTitle, withHighlight } from './query';

describe('searchQueries', () => {
  it.each([
    ['梯度', ['"梯度"', '梯度']],
    ['  bias   correction ', ['"bias correction"', 'bias correction']],
    ['optimizer', ['optimizer']],
    ['梯', ['梯']],
    ['"exact phrase" more', ['"exact phrase" more']],
    ['   ', []],
  ])('turns %j into %j', (input, expected) => {
    expect(searchQueries(input)).toEqual(expected);
  });
});

describe('highlightTerms', () => {
  it('keeps a run of Chinese characters as one term', () => {
    expect(highlightTerms('优化器')).toEqual(['优化器']);
  });

  it('adds the stemmed forms Pagefind marked, longest first, once each whatever the case', () => {
    expect(highlightTerms('optimizers', ['optimizer', 'Optimizers', 'optimum'])).toEqual(['optimizers', 'optimizer', 'optimum']);
  });

  it('leaves out marked single Chinese characters and fragments of code', () => {
    expect(highlightTerms('权重', ['权', '权重', 'print(adam(np.array([1.0', 'bias_correction=False'])).toEqual(['权重']);
  });

  it('drops one-letter English words and caps the number of terms', () => {
    expect(highlightTerms('a b cc')).toEqual(['cc']);
    expect(highlightTerms('aa bb cc dd', [], 2)).toHaveLength(2);
  });
});

describe('withHighlight', () => {
  it('puts the terms before the section anchor', () => {
    expect(withHighlight('/course/book/en/loss-and-optimizers/#adam', ['bias', 'correction'])).toBe(
      '/course/book/en/loss-and-optimizers/?highlight=bias&highlight=correction#adam',
    );
  });

  it('keeps other parameters, replaces earlier terms and encodes Chinese', () => {
    expect(withHighlight('/zh/x/?race.lr=0.1&highlight=old', ['梯度'])).toBe('/zh/x/?race.lr=0.1&highlight=%E6%A2%AF%E5%BA%A6');
  });

  it('reads back what it wrote', () => {
    const url = withHighlight('/zh/x/#a', ['梯度', 'Adam W']);
    expect(readHighlight(url.slice(url.indexOf('?'), url.indexOf('#')))).toEqual(['梯度', 'Adam W']);
  });
});

describe('readHighlight', () => {
  it('ignores empty terms and other parameters', () => {
    expect(readHighlight('?highlight=&highlight=%20bias%20&lossExplorer.p=0.5')).toEqual(['bias']);
  });

  it('bounds what a link can ask for', () => {
    const many = Array.from({ length: 20 }, (_, i) => `highlight=t${i}`).join('&');
    expect(readHighlight(`?${many}`)).toHaveLength(10);
    expect(readHighlight(`?highlight=${'x'.repeat(100)}`)[0]).toHaveLength(64);
  });
});

describe('sectionTitle', () => {
  it('drops the permalink sign Pagefind read from the heading', () => {
    expect(sectionTitle('What a loss function is#')).toBe('What a loss function is');
    expect(sectionTitle('经验风险#')).toBe('经验风险');
    expect(sectionTitle('C#')).toBe('C');
  });
});
