#!/usr/bin/env node
// A small static server for the exported book: `node scripts/serve.mjs [--dir out] [--port 3000] [--base /course/book]`.
// Serves <dir> under the base path, maps /x/ to /x/index.html, redirects /x to /x/ for folders, answers unknown paths
// with 404.html and status 404, and sends the right MIME types (wasm included). Compresses text, scripts, styles and
// WebAssembly with brotli or gzip when the browser accepts them, as a real host (nginx with gzip on) does, so what we
// measure is what a reader would be served. Loopback only.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
};

/** Types worth compressing: text of every kind and WebAssembly; fonts (woff2), images and data files already are. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.txt', '.svg', '.wasm', '.map', '.webmanifest', '.ttf']);

/** The encoding to answer with for an Accept-Encoding header: br, then gzip, else none. */
export function chooseEncoding(accept = '') {
  const offered = accept.toLowerCase().split(',').map((p) => p.trim().split(';')[0]);
  if (offered.includes('br')) return 'br';
  if (offered.includes('gzip')) return 'gzip';
  return null;
}

export function createServer({ dir = 'out', base = '' } = {}) {
  const root = path.resolve(dir);
  const prefix = base.replace(/\/+$/, '');
  const send = (res, status, file, headers = {}) => {
    const ext = path.extname(file);
    const encoding = COMPRESSIBLE.has(ext) ? chooseEncoding(String(res.req?.headers['accept-encoding'] ?? '')) : null;
    const head = { 'content-type': TYPES[ext] ?? 'application/octet-stream', vary: 'accept-encoding', ...headers };
    if (!encoding) {
      res.writeHead(status, head);
      fs.createReadStream(file).pipe(res);
      return;
    }
    res.writeHead(status, { ...head, 'content-encoding': encoding });
    const z =
      encoding === 'br'
        ? zlib.createBrotliCompress({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } })
        : zlib.createGzip({ level: 6 });
    fs.createReadStream(file).pipe(z).pipe(res);
  };
  const notFound = (res) => {
    const page = path.join(root, '404.html');
    if (fs.existsSync(page)) send(res, 404, page);
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
  };
  return http.createServer((req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end('Bad request');
      return;
    }
    if (prefix) {
      if (pathname === prefix) {
        res.writeHead(308, { location: `${prefix}/` }).end();
        return;
      }
      if (!pathname.startsWith(`${prefix}/`)) return notFound(res);
      pathname = pathname.slice(prefix.length);
    }
    const file = path.join(root, pathname);
    if (!file.startsWith(root)) return notFound(res);
    let stat;
    try {
      stat = fs.statSync(file);
    } catch {
      return notFound(res);
    }
    if (stat.isDirectory()) {
      if (!pathname.endsWith('/')) {
        const q = req.url?.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
        res.writeHead(308, { location: `${prefix}${pathname}/${q}` }).end();
        return;
      }
      const index = path.join(file, 'index.html');
      return fs.existsSync(index) ? send(res, 200, index) : notFound(res);
    }
    const immutable = pathname.startsWith('/_next/static/');
    send(res, 200, file, { 'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache' });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : fallback;
  };
  const dir = arg('dir', 'out');
  const base = arg('base', process.env.BASE_PATH ?? '');
  const port = Number(arg('port', process.env.PORT ?? 3000));
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    console.error(`No built book in ${dir}/ — run \`npm run build\` first.`);
    process.exit(1);
  }
  createServer({ dir, base }).listen(port, '127.0.0.1', () => {
    console.log(`The book is at http://localhost:${port}${base.replace(/\/+$/, '')}/`);
  });
}
