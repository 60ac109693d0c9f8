/**
 * How the book draws a Mermaid diagram: one configuration per theme, shared by the browser (which draws a diagram
 * that has no pre-drawn picture) and `npm run diagrams` (which pre-draws every diagram of the book, both themes, into
 * public/diagrams/). Framework-free; no Mermaid import.
 */
export type DiagramTheme = 'light' | 'dark';
export const DIAGRAM_THEMES: readonly DiagramTheme[] = ['light', 'dark'];

const THEME_VARIABLES = {
  light: {
    darkMode: false,
    background: '#ffffff',
    primaryColor: '#e6eef8',
    primaryTextColor: '#1d1f23',
    primaryBorderColor: '#0b5cad',
    secondaryColor: '#f4f2ec',
    secondaryTextColor: '#1d1f23',
    tertiaryColor: '#fdfcf9',
    tertiaryTextColor: '#1d1f23',
    lineColor: '#4a4f57',
    textColor: '#1d1f23',
    edgeLabelBackground: '#ffffff',
    clusterBkg: '#f4f2ec',
    clusterBorder: '#dedad0',
  },
  dark: {
    darkMode: true,
    background: '#202328',
    primaryColor: '#1d2a3a',
    primaryTextColor: '#e7e5e0',
    primaryBorderColor: '#7ab6f5',
    secondaryColor: '#2a2e34',
    secondaryTextColor: '#e7e5e0',
    tertiaryColor: '#1d2024',
    tertiaryTextColor: '#e7e5e0',
    lineColor: '#c3c1bb',
    textColor: '#e7e5e0',
    edgeLabelBackground: '#202328',
    clusterBkg: '#1d2024',
    clusterBorder: '#34373d',
  },
} as const;

/**
 * The font of a diagram's labels: the book's interface stack, spelled out, since a pre-drawn diagram is an image and
 * sees no CSS variables. Labels are measured where the diagram is drawn; `npm run diagrams` draws on a machine whose
 * system-ui is DejaVu Sans, wider than the system faces of phones, Windows and macOS, so labels keep room to spare.
 */
export const DIAGRAM_FONT =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif";

/** Mermaid's `initialize` options for a theme. */
export function mermaidConfig(theme: DiagramTheme) {
  return {
    startOnLoad: false,
    securityLevel: 'strict' as const,
    // 'base' with the book's own colours: every label meets WCAG AA contrast in both themes.
    theme: 'base' as const,
    themeVariables: THEME_VARIABLES[theme],
    fontFamily: DIAGRAM_FONT,
    flowchart: { htmlLabels: true, useMaxWidth: true },
  };
}
