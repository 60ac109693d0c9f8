import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HTACCESS, hostingText, normaliseBase } from './pack.mjs';

describe('course kit', () => {
  it('takes a base path with or without its trailing slash, and refuses anything else with a message', () => {
    expect(normaliseBase('/course/book/')).toBe('/course/book');
    expect(normaliseBase('/ml-101')).toBe('/ml-101');
    expect(normaliseBase('')).toBe('');
    expect(normaliseBase('/')).toBe('');
    for (const bad of ['course/book', '/a/../b', '/a b', '/a?b', '/x/./y', 'https://x.org/a']) {
      expect(() => normaliseBase(bad), bad).toThrow(/--base/);
    }
  });

  it('writes HOSTING.md and .htaccess for the base it was built for', () => {
    const text = hostingText(fs.readFileSync('scripts/hosting.md', 'utf8'), '/course/book');
    expect(text).not.toMatch(/\{\{/);
    expect(text).toContain('location /course/book/ {');
    expect(text).toContain('error_page 404 /course/book/404.html;');
    expect(text).toContain('try_files $uri $uri/ $uri/index.html =404;');
    expect(text).toContain('ErrorDocument 404 /course/book/404.html');
    expect(HTACCESS('/course/book')).toBe(
      'DirectoryIndex index.html\nErrorDocument 404 /course/book/404.html\nAddType application/wasm .wasm\nAddType application/manifest+json .webmanifest\n',
    );
  });

  it('gives Chinese teachers the same configuration, block for block', () => {
    const blocks = (file: string) => [...hostingText(fs.readFileSync(file, 'utf8'), '/course/book').matchAll(/```[\s\S]*?```/g)].map((m) => m[0]);
    const en = blocks('scripts/hosting.md');
    expect(en.length).toBeGreaterThanOrEqual(2);
    expect(blocks('scripts/hosting.zh.md')).toEqual(en);
    expect(hostingText(fs.readFileSync('scripts/hosting.zh.md', 'utf8'), '/course/book')).not.toMatch(/\{\{/);
  });
});
