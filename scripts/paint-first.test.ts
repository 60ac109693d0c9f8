import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPILE_HINT, FALLBACK_MS, LOADER_MARK, deferChunkScripts, hintEagerCompile, loaderScript, paintFirst } from './paint-first.mjs';

const PAGE = [
  '<!DOCTYPE html><html><head><meta charSet="utf-8"/>',
  '<link rel="stylesheet" href="/b/_next/static/chunks/a.css" data-precedence="next"/>',
  '<link rel="preload" as="script" fetchPriority="low" href="/b/_next/static/chunks/boot.js"/>',
  '<script src="/b/_next/static/chunks/react.js" async=""></script>',
  '<script src="/b/_next/static/chunks/app.js" async=""></script>',
  '<script src="/b/_next/static/chunks/legacy.js" noModule=""></script>',
  '<link rel="preload" as="font" href="/b/_next/static/media/f.woff2" crossorigin=""/>',
  '</head><body><p>Text</p>',
  '<script>self.__next_f.push([1,"0:x\\n"])</script>',
  '<script src="/b/_next/static/chunks/boot.js" async=""></script>',
  '</body></html>',
].join('');

describe('scripts after the first paint', () => {
  it('takes Next’s async chunk scripts and the bootstrap’s preload out, and inserts them from one loader at the end of the body', () => {
    const { html, urls } = paintFirst(PAGE);
    expect(urls).toEqual(['/b/_next/static/chunks/react.js', '/b/_next/static/chunks/app.js', '/b/_next/static/chunks/boot.js']);
    expect(html).not.toMatch(/<script src="[^"]*chunks\/(react|app|boot)\.js"/);
    expect(html).not.toContain('as="script"');
    // What is not a chunk script stays: the stylesheet, the font preload, the noModule polyfill, the inline payload.
    for (const kept of ['a.css', 'as="font"', 'legacy.js" noModule', '__next_f.push']) expect(html).toContain(kept);
    expect(html).toMatch(new RegExp(`<script ${LOADER_MARK}="">[^<]*boot\\.js[^<]*</script></body></html>$`));
  });

  it('leaves a page alone that has no chunk scripts, or that it has rewritten before', () => {
    const plain = '<html><head></head><body><p>x</p></body></html>';
    expect(paintFirst(plain)).toEqual({ html: plain, urls: null });
    const once = paintFirst(PAGE).html;
    expect(paintFirst(once)).toEqual({ html: once, urls: null });
  });

  it('writes a loader that waits for a frame to be painted, runs at once in a hidden tab, and inserts the scripts once', () => {
    const inserted: string[] = [];
    let frame: (() => void) | undefined;
    const timers = new Map<number, () => void>();
    const run = (visibilityState: string) => {
      frame = undefined;
      timers.clear();
      const body = loaderScript(['/x/1.js', '/x/</script>.js']).replace(/^<script[^>]*>/, '').replace(/<\/script>$/, '');
      expect(body).not.toContain('</script>');
      const document = {
        visibilityState,
        createElement: () => ({}) as { src?: string },
        head: { appendChild: (e: { src: string; async: boolean }) => inserted.push(`${e.src} ${e.async}`) },
      };
      new Function('document', 'requestAnimationFrame', 'setTimeout', body)(
        document,
        (f: () => void) => (frame = f),
        (f: () => void, ms: number) => timers.set(ms, f),
      );
    };
    const both = ['/x/1.js true', '/x/</script>.js true'];
    run('visible');
    expect(inserted).toEqual([]);
    expect([...timers.keys()]).toEqual([FALLBACK_MS]);
    frame!();
    expect(inserted).toEqual([]);
    timers.get(0)!();
    expect(inserted).toEqual(both);
    timers.get(FALLBACK_MS)!();
    expect(inserted).toEqual(both);
    // No frame at all (animation frames paused): the fallback timer inserts them.
    inserted.length = 0;
    run('visible');
    timers.get(FALLBACK_MS)!();
    expect(inserted).toEqual(both);
    inserted.length = 0;
    run('hidden');
    expect(inserted).toEqual(both);
    expect(frame).toBeUndefined();
  });

  it('throws on a page with chunk scripts and no body to put the loader in', () => {
    expect(() => paintFirst('<head><script src="/_next/static/chunks/a.js" async=""></script></head>')).toThrow(/no <\/body>/);
  });
});

describe('eager compilation of the scripts a page starts with', () => {
  const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'paint-first-'));

  it('puts V8’s compile hint on a line of its own at the top, once, and shifts a source map by that line', () => {
    const dir = tmp();
    const file = path.join(dir, 'a.js');
    fs.writeFileSync(file, 'f();\n//# sourceMappingURL=a.js.map');
    fs.writeFileSync(`${file}.map`, JSON.stringify({ version: 3, sources: ['a.ts'], names: [], mappings: 'AAAA' }));
    expect(hintEagerCompile(file)).toBe(true);
    expect(hintEagerCompile(file)).toBe(false);
    expect(fs.readFileSync(file, 'utf8')).toBe('//# allFunctionsCalledOnLoad\nf();\n//# sourceMappingURL=a.js.map');
    expect(JSON.parse(fs.readFileSync(`${file}.map`, 'utf8')).mappings).toBe(';AAAA');
  });

  it('hints exactly the chunks the pages load at start, under the base path, and no other script', () => {
    const dir = tmp();
    const chunks = path.join(dir, '_next/static/chunks');
    fs.mkdirSync(chunks, { recursive: true });
    for (const name of ['react.js', 'boot.js', 'lazy-widget.js']) fs.writeFileSync(path.join(chunks, name), `/*${name}*/`);
    fs.mkdirSync(path.join(dir, 'en'));
    fs.writeFileSync(path.join(dir, 'en/index.html'), PAGE.replaceAll('/b/_next/static/chunks/app.js', '/b/_next/static/chunks/react.js'));
    expect(deferChunkScripts({ dir, base: '/b' })).toMatch(/1 of 1 pages .*2 of their 2 scripts compile eagerly/);
    expect(fs.readFileSync(path.join(chunks, 'react.js'), 'utf8').startsWith(COMPILE_HINT)).toBe(true);
    expect(fs.readFileSync(path.join(chunks, 'boot.js'), 'utf8').startsWith(COMPILE_HINT)).toBe(true);
    expect(fs.readFileSync(path.join(chunks, 'lazy-widget.js'), 'utf8')).toBe('/*lazy-widget.js*/');
  });

  it('refuses a chunk the export does not hold', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'index.html'), PAGE);
    expect(() => deferChunkScripts({ dir, base: '/b' })).toThrow(/is not in the export/);
  });
});
