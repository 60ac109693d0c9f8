/**
 * A repair of KaTeX's MathML. KaTeX writes a sub- or superscript that is a named operator (`w_{\min}`) as two loose
 * children, `<msub><mi>w</mi><mi>min</mi><mo>&#x2061;</mo></msub>`, where MathML allows exactly two (base and script):
 * screen readers then read the wrong script and the Nu Html Checker rejects the page. This rehype step, run after
 * rehype-katex, gathers a script's extra children into one `<mrow>`.
 */
import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';

/** How many children each scripted element takes: its base, then its scripts. */
const ARITY: Record<string, number> = { msub: 2, msup: 2, munder: 2, mover: 2, msubsup: 3, munderover: 3 };

const isElement = (n: ElementContent): n is Element => n.type === 'element';

/** Wraps the children after the base into one mrow where a two-child script has more than two. */
export function fixScriptArity(el: Element): boolean {
  const arity = ARITY[el.tagName];
  const kids = el.children.filter(isElement);
  if (!arity || kids.length <= arity) return false;
  if (arity !== 2) {
    throw new Error(`MathML <${el.tagName}> has ${kids.length} children where it takes ${arity}; which belong to which script is ambiguous`);
  }
  const [base, ...script] = kids;
  el.children = [base!, { type: 'element', tagName: 'mrow', properties: {}, children: script }];
  return true;
}

export function rehypeMathmlScripts() {
  return (tree: Root) => {
    visit(tree, 'element', (el: Element) => {
      fixScriptArity(el);
    });
  };
}
