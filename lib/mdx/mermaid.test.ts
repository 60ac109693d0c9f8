import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compile } from '@mdx-js/mdx';
import { afterAll, describe, expect, it } from 'vitest';
import { diagramsOf } from './diagrams';
import { diagramFile, remarkMermaid, svgSize } from './mermaid';
import { mermaidConfig } from './mermaid-theme';

const chart = 'flowchart LR\n  A-->B';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diagrams-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function compiled(src: string, pictures: string) {
  return String(await compile(src, { remarkPlugins: [[remarkMermaid, { dir: pictures }]] }));
}

describe('pre-drawn diagrams', () => {
  it('name a picture by source, theme, configuration and Mermaid version', () => {
    const a = diagramFile(chart, 'light', '11.0.0');
    expect(a).toMatch(/^[0-9a-f]{16}-light\.svg$/);
    expect(diagramFile(chart, 'light', '11.0.0')).toBe(a);
    expect(diagramFile(`${chart}\n  B-->C`, 'light', '11.0.0')).not.toBe(a);
    expect(diagramFile(chart, 'dark', '11.0.0')).not.toBe(a.replace('-light', '-dark'));
    expect(diagramFile(chart, 'light', '11.0.1')).not.toBe(a);
    expect(mermaidConfig('dark').themeVariables.darkMode).toBe(true);
  });

  it('read their size from the viewBox, and nothing from a missing or odd file', () => {
    const file = path.join(dir, 'size.svg');
    fs.writeFileSync(file, '<svg xmlns="http://www.w3.org/2000/svg" viewBox="-8 -8 812.5 310.2" width="813" height="311"></svg>');
    expect(svgSize(file)).toEqual({ width: 813, height: 311 });
    expect(svgSize(path.join(dir, 'missing.svg'))).toBeNull();
    fs.writeFileSync(file, '<svg xmlns="http://www.w3.org/2000/svg"></svg>');
    expect(svgSize(file)).toBeNull();
  });

  it('give <Mermaid> its two pictures and their size only where both exist', async () => {
    const src = `\`\`\`mermaid\n${chart}\n\`\`\`\n`;
    const without = await compiled(src, dir);
    expect(without).toContain('flowchart LR');
    expect(without).not.toContain('light:');
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40"></svg>';
    fs.writeFileSync(path.join(dir, diagramFile(chart, 'light')), svg);
    expect(await compiled(src, dir)).not.toContain('light:');
    fs.writeFileSync(path.join(dir, diagramFile(chart, 'dark')), svg);
    const withBoth = await compiled(src, dir);
    expect(withBoth).toContain(`light: "${diagramFile(chart, 'light')}"`);
    expect(withBoth).toContain(`dark: "${diagramFile(chart, 'dark')}"`);
    expect(withBoth).toContain('width: "120"');
    expect(withBoth).toContain('height: "40"');
  });

  it('are found in a chapter body exactly as the page draws them', () => {
    const body = `## Two {#two}\n\nText.\n\n\`\`\`mermaid\n${chart}\n\`\`\`\n\n\`\`\`python\nprint(1)\n\`\`\`\n\n\`\`\`mermaid\nflowchart TD\n  X-->Y\n\`\`\`\n`;
    expect(diagramsOf(body, 'test.mdx')).toEqual([chart, 'flowchart TD\n  X-->Y']);
  });
});
