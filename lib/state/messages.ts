/** Human messages for URL-state issues, in both editions. */
import { NUMBER_LOCALE, bilingual, type Lang } from '../i18n';
import type { ParseIssue, Reason } from './schema';

const fmt = (n: number, lang: Lang) => n.toLocaleString(NUMBER_LOCALE[lang]);

type Why = { [C in Reason['code']]: (r: Extract<Reason, { code: C }>, lang: Lang) => string };

const TEXT = bilingual<{ head: (key: string, raw: string) => string; unknown: (key: string) => string; why: Why }>({
  zh: {
    head: (key, raw) => `链接中的 ${key}=“${raw}” 未被采用，保留默认值：`,
    unknown: (key) => `链接中的设置 ${key} 不存在，已忽略。`,
    why: {
      notANumber: () => '它不是数字。',
      notAnInteger: () => '它必须是整数。',
      outOfRange: (r, lang) => `它必须在 ${fmt(r.min, lang)} 到 ${fmt(r.max, lang)} 之间。`,
      notAnOption: (r) => `可选值为 ${r.options.join('、')}。`,
      badList: (r, lang) =>
        `应为 ${r.minLength}–${r.maxLength} 个以逗号分隔的${r.integers ? '整数' : '数'}，每个在 ${fmt(r.min, lang)}–${fmt(r.max, lang)} 之间。`,
      notABoolean: () => '应为 1 或 0。',
      badText: (r, lang) => `应为不超过 ${fmt(r.maxLength, lang)} 个字符的文字，且不含控制字符。`,
      unknownKey: () => '',
    },
  },
  en: {
    head: (key, raw) => `The link's ${key}="${raw}" was ignored and the default kept: `,
    unknown: (key) => `The link's setting "${key}" does not exist and was ignored.`,
    why: {
      notANumber: () => 'it is not a number.',
      notAnInteger: () => 'it must be a whole number.',
      outOfRange: (r, lang) => `it must lie between ${fmt(r.min, lang)} and ${fmt(r.max, lang)}.`,
      notAnOption: (r) => `the choices are ${r.options.join(', ')}.`,
      badList: (r, lang) =>
        `it must be ${r.minLength}–${r.maxLength} comma-separated ${r.integers ? 'whole numbers' : 'numbers'}, each ${fmt(r.min, lang)}–${fmt(r.max, lang)}.`,
      notABoolean: () => 'it must be 1 or 0.',
      badText: (r, lang) => `it must be text of at most ${fmt(r.maxLength, lang)} characters, without control characters.`,
      unknownKey: () => '',
    },
  },
});

/** One sentence saying which setting was ignored and why; the default stays in force. */
export function issueMessage(issue: ParseIssue, lang: Lang): string {
  const t = TEXT[lang];
  if (issue.reason.code === 'unknownKey') return t.unknown(issue.key);
  const raw = issue.raw.length > 40 ? `${issue.raw.slice(0, 40)}…` : issue.raw;
  const why = t.why[issue.reason.code] as (r: Reason, lang: Lang) => string;
  return t.head(issue.key, raw) + why(issue.reason, lang);
}
