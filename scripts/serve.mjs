#!/usr/bin/env node
// A small static server for the exported book: `node scripts/serve.mjs [--dir out] [--port 3000] [--base /course/book]`.
// Serves <dir> under the base path, maps /x/ to /x/index.html, redirects /x to /x/ for folders, answers unknown paths
// with 404.html and status 404, and sends the right MIME types (wasm included). Loopback only.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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
};

export function createServer({ dir = 'out', base = '' } = {}) {
  const root = path.resolve(dir);
  const prefix = base.replace(/\/+$/, '');
  const send = (res, status, file, headers = {}) => {
    res.writeHead(status, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', ...headers });
    fs.createReadStream(file).pipe(res);
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
