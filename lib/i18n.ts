/** The two editions of the book and the interface strings they share. */
export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** BCP 47 tags for the `lang` attribute. */
export const HTML_LANG: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };

/** Locales for Intl number and date formatting. */
export const NUMBER_LOCALE: Record<Lang, string> = { zh: 'zh-CN', en: 'en-US' };

/**
 * The one bilingual type: a text (or a table of texts, or a function that writes one) in both editions. Pick the
 * reader's edition by indexing: `message[lang]`.
 */
export type Bilingual<T = string> = Readonly<Record<Lang, T>>;

/**
 * Declares a bilingual table. The type parameter is inferred from both editions, so a key present in one edition and
 * missing (or of another type) in the other is a type error: the editions cannot drift apart.
 */
export function bilingual<T>(both: { zh: T; en: T }): Bilingual<T> {
  return both;
}

const OTHER_LANG: Bilingual<Lang> = { zh: 'en', en: 'zh' };

/** The edition a reader is not reading: where the language switch leads. */
export function otherLang(lang: Lang): Lang {
  return OTHER_LANG[lang];
}

export const BOOK_TITLE: Bilingual = {
  zh: '大模型创业：从原理到资本',
  en: 'Large Models, Small Startups',
};

export const BOOK_SUBTITLE: Bilingual = {
  zh: '一本可以动手的教科书：在你的浏览器里训练、压缩模型，并算清创业的账',
  en: 'From first principles to capital — an interactive textbook that trains and compresses models in your browser and does a startup’s sums',
};

export const UI = {
  zh: {
    skipToContent: '跳到正文',
    contents: '目录',
    onThisPage: '本页内容',
    openMenu: '打开目录',
    closeMenu: '关闭目录',
    previous: '上一章',
    next: '下一章',
    chapter: (n: number) => `第 ${n} 章`,
    appendix: (n: string) => `附录 ${n}`,
    forthcoming: '即将推出',
    sources: '依据原文',
    updated: '更新于',
    switchLanguage: 'English',
    switchLanguageLabel: '切换到英文版',
    themeToDark: '切换到深色模式',
    themeToLight: '切换到浅色模式',
    copyLink: '复制本节链接',
    copied: '已复制',
    copyFailed: '复制失败，请手动复制地址栏',
    linkToSection: '本节链接',
    copyCode: '复制代码',
    startReading: '开始阅读',
    tableOfContents: '全书目录',
    appendices: '附录',
    diagram: '图示',
    diagramError: '这张图无法渲染',
    diagramLoading: '正在绘制图示…',
    showSource: '显示图的源码',
    bookHome: '封面',
  },
  en: {
    skipToContent: 'Skip to content',
    contents: 'Contents',
    onThisPage: 'On this page',
    openMenu: 'Open contents',
    closeMenu: 'Close contents',
    previous: 'Previous',
    next: 'Next',
    chapter: (n: number) => `Chapter ${n}`,
    appendix: (n: string) => `Appendix ${n}`,
    forthcoming: 'Forthcoming',
    sources: 'Sources',
    updated: 'Updated',
    switchLanguage: '中文',
    switchLanguageLabel: 'Read this page in Chinese',
    themeToDark: 'Switch to dark mode',
    themeToLight: 'Switch to light mode',
    copyLink: 'Copy link to this section',
    copied: 'Copied',
    copyFailed: 'Could not copy; copy the address bar instead',
    linkToSection: 'Link to this section',
    copyCode: 'Copy code',
    startReading: 'Start reading',
    tableOfContents: 'Table of contents',
    appendices: 'Appendices',
    diagram: 'Diagram',
    diagramError: 'This diagram could not be drawn',
    diagramLoading: 'Drawing the diagram…',
    showSource: 'Show the diagram’s source',
    bookHome: 'Cover',
  },
} as const satisfies Record<Lang, Record<string, unknown>>;

export type UiStrings = (typeof UI)[Lang];
