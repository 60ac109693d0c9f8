import coreWebVitals from 'eslint-config-next/core-web-vitals';
import typescript from 'eslint-config-next/typescript';

const config = [
  ...coreWebVitals,
  ...typescript,
  { ignores: ['node_modules/**', '.next/**', 'out/**', 'out-*/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**', '.scratch/**', 'public/**'] },
  {
    // lib/ is framework-free: it runs in Node unit tests and inside Web Workers.
    files: ['lib/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['react', 'react-dom', 'next', 'next/*', '@/components/*'] }],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage'],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // One way to write a text in both editions: a table, not a branch on the reader's language.
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "BinaryExpression[operator=/^[!=]==?$/][left.type='Identifier'][left.name='lang'][right.type='Literal'][right.value=/^(zh|en)$/]",
          message: "Don't branch on `lang`: declare the texts with `bilingual({ zh: {...}, en: {...} })` from lib/i18n.ts (or a `Bilingual` literal `{ zh, en }[lang]`) and pick one with `[lang]`; for locales use NUMBER_LOCALE[lang] / HTML_LANG[lang].",
        },
        {
          selector: "BinaryExpression[operator=/^[!=]==?$/][right.type='Identifier'][right.name='lang'][left.type='Literal'][left.value=/^(zh|en)$/]",
          message: "Don't branch on `lang`: declare the texts with `bilingual({ zh: {...}, en: {...} })` from lib/i18n.ts (or a `Bilingual` literal `{ zh, en }[lang]`) and pick one with `[lang]`; for locales use NUMBER_LOCALE[lang] / HTML_LANG[lang].",
        },
      ],
    },
  },
];

export default config;
