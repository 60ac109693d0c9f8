/** The numbers of an erratum, computed at build time by the tested functions of lib/worked and formatted per edition. */
import { formatNumber } from '../format';
import type { Lang } from '../i18n';
import { computeWorked } from '../worked/registry';
import type { Erratum } from './errata';

export interface ErratumNumber {
  /** The function that computed it, as `<Calc>` names it (`data-calc`). */
  fn: string;
  value: number;
  /** As printed in this edition. */
  text: string;
}

/** The values {0}, {1}, … of an erratum; an unknown function or a non-finite result throws, failing the build. */
export function erratumNumbers(e: Erratum, lang: Lang): ErratumNumber[] {
  return (e.values ?? []).map((v) => {
    const value = computeWorked(v.fn, v.args);
    return { fn: v.fn, value, text: formatNumber(value, lang, { digits: v.digits }) };
  });
}
