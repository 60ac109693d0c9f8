/**
 * The one map of tags a chapter may use. Content files carry no imports; every tag is registered here, bound to the
 * chapter's language.
 */
import type { MDXComponents } from 'mdx/types';
import Link from 'next/link';
import type { ComponentProps, ReactNode } from 'react';
import { Calc } from '@/components/mdx/Calc';
import { Callout, type CalloutKind } from '@/components/mdx/Callout';
import { CodeBlock } from '@/components/mdx/CodeBlock';
import { Heading } from '@/components/mdx/Heading';
import { KatexHtml } from '@/components/mdx/KatexHtml';
import { Mermaid } from '@/components/mdx/Mermaid';
import { TimelineIsland } from '@/components/charts/TimelineIsland';
import { CalculatorIsland } from '@/components/calculators/CalculatorIsland';
import { CALCULATORS, type CalculatorId } from '@/lib/finance';
import { Answer } from '@/components/mdx/Answer';
import { Lab } from '@/components/mdx/Lab';
import { Errata } from '@/components/mdx/Errata';
import { Glossary } from '@/components/mdx/Glossary';
import { WidgetHost } from '@/components/widgets/WidgetHost';
import '@/components/widgets/styles.generated';
import { CALCULATOR_TAGS, type MdxTag } from '@/lib/content/tags';
import { UI, type Lang } from '@/lib/i18n';
import { resolveDefaults } from '@/lib/state/schema';
import { WIDGETS } from '@/lib/widgets/registry.generated';

/** Registers every tag of lib/content/tags.ts (MDX_TAGS), bound to the chapter's language. */
export function mdxComponents(lang: Lang): MDXComponents & Record<MdxTag, unknown> {
  const t = UI[lang];
  return {
    h2: ({ id, children }: ComponentProps<'h2'>) => <Heading level={2} id={id} lang={lang}>{children}</Heading>,
    h3: ({ id, children }: ComponentProps<'h3'>) => <Heading level={3} id={id} lang={lang}>{children}</Heading>,
    h4: ({ id, children }: ComponentProps<'h4'>) => <Heading level={4} id={id} lang={lang}>{children}</Heading>,
    pre: (props: ComponentProps<'pre'>) => <CodeBlock {...props} copyLabel={t.copyCode} copiedLabel={t.copied} />,
    table: (props: ComponentProps<'table'>) => (
      // Focusable so a keyboard can scroll a wide table; no landmark role, since a chapter has many tables.
      <div className="table-scroll" tabIndex={0}>
        <table {...props} />
      </div>
    ),
    // Links to other chapters go through next/link, which adds the base path a course hosts the book under (and does
    // not prefetch: a chapter's links are not a request to download every chapter they name).
    a: ({ href = '', ...props }: ComponentProps<'a'>) =>
      /^https?:\/\//.test(href) ? (
        <a href={href} rel="noopener" {...props} />
      ) : href.startsWith('/') ? (
        <Link href={href} prefetch={false} {...props} />
      ) : (
        <a href={href} {...props} />
      ),
    // Not a tag a chapter writes: lib/mdx/katex-html.ts puts it where KaTeX rendered a formula.
    KatexHtml,
    // lib/mdx/mermaid.ts adds light, dark, width and height where the diagram is pre-drawn (MDX passes them as strings).
    Mermaid: ({ chart, light, dark, width, height }: { chart: string; light?: string; dark?: string; width?: string; height?: string }) => (
      <Mermaid
        chart={chart}
        light={light}
        dark={dark}
        width={width ? Number(width) : undefined}
        height={height ? Number(height) : undefined}
        labels={{ loading: t.diagramLoading, error: t.diagramError, source: t.showSource, diagram: t.diagram }}
      />
    ),
    Callout: (props: { kind?: CalloutKind; title?: string; erratum?: string; children?: ReactNode }) => <Callout {...props} lang={lang} />,
    Calc: (props: Omit<ComponentProps<typeof Calc>, 'lang'>) => <Calc {...props} lang={lang} />,
    Timeline: () => <TimelineIsland lang={lang} />,
    Answer: ({ children }: { children?: ReactNode }) => <Answer lang={lang}>{children}</Answer>,
    Lab: ({ id, children }: { id: string; children?: ReactNode }) => (
      <Lab id={id} lang={lang}>
        {children}
      </Lab>
    ),
    // The appendices' lists, rendered from lib/content/glossary.ts and lib/content/errata.ts.
    Glossary: () => <Glossary lang={lang} />,
    Errata: ({ source }: { source: string }) => <Errata lang={lang} source={source} />,
    ...widgetTags(lang),
    ...calculatorTags(lang),
  };
}

/** `<PlaygroundTrainer layers={[4, 2]} />` → the widget registered under that tag, its defaults checked at build time. */
function widgetTags(lang: Lang) {
  return Object.fromEntries(
    WIDGETS.map((def) => {
      const Tag = (props: Record<string, unknown>) => <WidgetHost id={def.id} lang={lang} defaults={resolveDefaults(def.id, def.schema, props)} />;
      Tag.displayName = def.tag;
      return [def.tag, Tag];
    }),
  );
}

/** `<TrainingCost params={7e9} />` → the trainingCost calculator, with the chapter's defaults checked at build time. */
function calculatorTags(lang: Lang) {
  return Object.fromEntries(
    CALCULATOR_TAGS.map((tag) => {
      const id = (tag[0]!.toLowerCase() + tag.slice(1)) as CalculatorId;
      const Tag = (props: Record<string, unknown>) => <CalculatorIsland id={id} lang={lang} defaults={resolveDefaults(id, CALCULATORS[id].schema, props)} />;
      Tag.displayName = tag;
      return [tag, Tag];
    }),
  ) as unknown as Record<(typeof CALCULATOR_TAGS)[number], (props: Record<string, unknown>) => React.ReactElement>;
}
