#!/usr/bin/env node
// The course kit: the book built for a sub-path of a course's web server, as one zip with hosting instructions.
//
//   npm run pack -- --base /course/book            builds the book for /course/book and writes dist/book-course-book.zip
//   node scripts/pack.mjs --base /x --from out-x   zips a build already made for /x (its search index and sw.js included)
//
// The zip holds one folder, named after the base's last part, whose contents go at the base on the server; with it,
// HOSTING.md (nginx, Apache, GitHub Pages, an LMS's file area, static servers; the 404 page and try_files), an Apache
// .htaccess and GitHub Pages' .nojekyll. The build's own out/ is left as it was.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');

/** A base path as the book's build takes it: '' (the server's root) or '/a/b', no trailing slash. */
export function normaliseBase(raw) {
  const base = String(raw ?? '').trim().replace(/\/+$/, '');
  if (base === '') return '';
  if (!/^(\/[A-Za-z0-9._~-]+)+$/.test(base)) {
    throw new Error(`pack: --base must be a path like /course/book (letters, digits, . _ ~ -), got "${raw}"`);
  }
  if (base.split('/').some((part) => part === '.' || part === '..')) throw new Error(`pack: --base may not contain . or .. (got "${raw}")`);
  return base;
}

/** HOSTING.md for a base: the template with {{BASE}} (the base) and {{BASE_DIR}} (the same without its first slash). */
export function hostingText(template, base) {
  return template.replaceAll('{{BASE}}', base).replaceAll('{{BASE_DIR}}', base.slice(1) || '.');
}

export const HTACCESS = (base) =>
  ['DirectoryIndex index.html', `ErrorDocument 404 ${base}/404.html`, 'AddType application/wasm .wasm', 'AddType application/manifest+json .webmanifest', ''].join('\n');

/** Every file under `dir`, as zip entries under `prefix/`. Compressed files (fonts, images, data) are stored as they are. */
function entries(dir, prefix) {
  const out = {};
  for (const e of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const abs = path.join(e.parentPath, e.name);
    const rel = path.relative(dir, abs).split(path.sep).join('/');
    if (rel.endsWith('.map')) continue;
    const stored = /\.(woff2?|png|jpe?g|gz|br|zip|pf_fragment|pf_index|pf_meta|pagefind)$/.test(rel);
    out[`${prefix}/${rel}`] = [fs.readFileSync(abs), { level: stored ? 0 : 9 }];
  }
  return out;
}

/** Builds the book for `base` into a fresh folder and returns it (out/ is put back as it was). */
function build(base) {
  const saved = fs.existsSync(path.join(root, 'out')) ? path.join(root, `out.pack-saved-${process.pid}`) : null;
  if (saved) fs.renameSync(path.join(root, 'out'), saved);
  const target = path.join(root, 'dist', `build${base.replaceAll('/', '-') || '-root'}`);
  try {
    execFileSync(process.execPath, ['scripts/prepare-assets.mjs'], { cwd: root, stdio: 'inherit' });
    execFileSync('npx', ['next', 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, BASE_PATH: base, NEXT_TELEMETRY_DISABLED: '1' } });
    execFileSync(process.execPath, ['scripts/postbuild.mjs', '--dir', 'out', '--base', base], { cwd: root, stdio: 'inherit' });
    fs.rmSync(target, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.renameSync(path.join(root, 'out'), target);
  } finally {
    fs.rmSync(path.join(root, 'out'), { recursive: true, force: true });
    if (saved) fs.renameSync(saved, path.join(root, 'out'));
  }
  return target;
}

/**
 * Writes the kit's zip for the build in `from` (made for `base`) and returns its path and size.
 * @param {{ base: string, from: string, zip?: string }} options
 */
export function writeKit({ base, from, zip }) {
  const index = fs.readFileSync(path.join(from, 'index.html'), 'utf8');
  if (!index.includes(`src="${base}/_next/`)) throw new Error(`pack: ${from} was not built for the base path "${base}"`);
  if (!fs.existsSync(path.join(from, 'sw.js'))) throw new Error(`pack: ${from} has no sw.js (run node scripts/postbuild.mjs --dir ${from} --base ${base})`);
  const folder = base.split('/').pop() || 'book';
  const files = entries(from, folder);
  for (const [template, name] of [['hosting.md', 'HOSTING.md'], ['hosting.zh.md', 'HOSTING.zh.md']]) {
    files[`${folder}/${name}`] = [Buffer.from(hostingText(fs.readFileSync(path.join(here, template), 'utf8'), base)), { level: 9 }];
  }
  files[`${folder}/.htaccess`] = [Buffer.from(HTACCESS(base)), { level: 9 }];
  files[`${folder}/.nojekyll`] = [new Uint8Array(0), { level: 0 }];
  const out = zip ?? path.join(root, 'dist', `book${base.replaceAll('/', '-') || '-root'}.zip`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const bytes = zipSync(files, { mtime: new Date('2026-01-01T00:00:00Z') });
  fs.writeFileSync(out, bytes);
  return { zip: out, files: Object.keys(files).length, bytes: bytes.length, folder };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  try {
    const base = normaliseBase(arg('base') ?? '/course/book');
    const from = arg('from') ? path.resolve(arg('from')) : build(base);
    const kit = writeKit({ base, from, zip: arg('out') && path.resolve(arg('out')) });
    console.log(
      `pack: ${path.relative(process.cwd(), kit.zip)}: ${kit.files} files, ${(kit.bytes / 1024 / 1024).toFixed(1)} MB; ` +
        `unzip it, put the contents of ${kit.folder}/ at ${base || '/'} on the server, and read ${kit.folder}/HOSTING.md (中文：HOSTING.zh.md)`,
    );
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
