import katex from 'katex';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { rehypeMathmlScripts } from './mathml-scripts';

const mathml = (tex: string) => {
  const tree = fromHtml(katex.renderToString(tex, { output: 'mathml' }), { fragment: true });
  rehypeMathmlScripts()(tree);
  return toHtml(tree).replace(/<annotation[\s\S]*<\/annotation>/, '');
};

describe('rehypeMathmlScripts', () => {
  it('gathers a named operator in a subscript into one mrow', () => {
    // KaTeX alone: <msub><mi>w</mi><mi>min</mi><mo>⁡</mo></msub>, three children.
    expect(katex.renderToString('w_{\\min}', { output: 'mathml' })).toContain('<msub><mi>w</mi><mi>min</mi><mo>⁡</mo></msub>');
    expect(mathml('w_{\\min}')).toContain('<msub><mi>w</mi><mrow><mi>min</mi><mo>⁡</mo></mrow></msub>');
    expect(mathml('s = \\frac{w_{\\max} - w_{\\min}}{2^b - 1}')).toContain('<msub><mi>w</mi><mrow><mi>max</mi><mo>⁡</mo></mrow></msub>');
  });

  it('leaves well-formed scripts alone', () => {
    for (const tex of ['\\min_x f(x)', 'a_i^2', '\\sum_{i=1}^n i', 'x^{2}']) {
      const before = katex.renderToString(tex, { output: 'mathml' }).replace(/<annotation[\s\S]*<\/annotation>/, '');
      expect(mathml(tex)).toBe(toHtml(fromHtml(before, { fragment: true })));
    }
  });
});
