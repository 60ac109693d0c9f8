/** Human messages for URL-state issues, in both editions. */
import type { Lang } from '../i18n';
import type { ParseIssue } from './schema';

const fmt = (n: number, lang: Lang) => n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US');

/** One sentence saying which setting was ignored and why; the default stays in force. */
export function issueMessage(issue: ParseIssue, lang: Lang): string {
  const { key, reason } = issue;
  const raw = issue.raw.length > 40 ? `${issue.raw.slice(0, 40)}…` : issue.raw;
  const zh = lang === 'zh';
  const head = zh ? `链接中的 ${key}=“${raw}” 未被采用，保留默认值：` : `The link's ${key}="${raw}" was ignored and the default kept: `;
  switch (reason.code) {
    case 'notANumber':
      return head + (zh ? '它不是数字。' : 'it is not a number.');
    case 'notAnInteger':
      return head + (zh ? '它必须是整数。' : 'it must be a whole number.');
    case 'outOfRange':
      return head + (zh ? `它必须在 ${fmt(reason.min, lang)} 到 ${fmt(reason.max, lang)} 之间。` : `it must lie between ${fmt(reason.min, lang)} and ${fmt(reason.max, lang)}.`);
    case 'notAnOption':
      return head + (zh ? `可选值为 ${reason.options.join('、')}。` : `the choices are ${reason.options.join(', ')}.`);
    case 'badList':
      return head + (zh
        ? `应为 ${reason.minLength}–${reason.maxLength} 个以逗号分隔的整数，每个在 ${reason.min}–${reason.max} 之间。`
        : `it must be ${reason.minLength}–${reason.maxLength} comma-separated whole numbers, each ${reason.min}–${reason.max}.`);
    case 'notABoolean':
      return head + (zh ? '应为 1 或 0。' : 'it must be 1 or 0.');
    case 'unknownKey':
      return zh ? `链接中的设置 ${key} 不存在，已忽略。` : `The link's setting "${key}" does not exist and was ignored.`;
  }
}
