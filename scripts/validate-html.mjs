#!/usr/bin/env node
// The Nu Html Checker (vnu.jar, from the vnu-jar npm package) over every page of the static export: zero errors, or a
// non-zero exit with each error's page, line and message. It runs with the system's Java (11 or later); where there is
// none it says so and skips (vnu-jar's own fallback would download a Java runtime from GitHub, which the book's builds
// never do). Usage: node scripts/validate-html.mjs [--dir out] [--warnings]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const dir = path.resolve(arg('dir', 'out'));
const showWarnings = process.argv.includes('--warnings');

/** The system's java, if it runs and is version 11 or later. */
function systemJava() {
  const candidates = [process.env.JAVA_HOME && path.join(process.env.JAVA_HOME, 'bin', 'java'), 'java'].filter(Boolean);
  for (const java of candidates) {
    const r = spawnSync(java, ['-version'], { encoding: 'utf8' });
    const m = /version "(\d+)(?:\.(\d+))?/.exec(`${r.stderr}${r.stdout}`);
    if (r.status === 0 && m) {
      const major = m[1] === '1' ? Number(m[2]) : Number(m[1]);
      if (major >= 11) return java;
    }
  }
  return null;
}

/** Every page a reader can open: the export's .html files, but the developers' benchmark page. */
function pages(root) {
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.join(e.parentPath, e.name))
    .filter((p) => !path.relative(root, p).startsWith(`bench${path.sep}`) && path.relative(root, p) !== 'bench.html')
    .sort();
}

if (!fs.existsSync(path.join(dir, 'index.html'))) {
  console.error(`validate-html: no built book in ${dir} (run \`npm run build\` first)`);
  process.exit(1);
}
const java = systemJava();
if (!java) {
  console.log('validate-html: skipped, no Java 11+ on this machine (Debian: apt-get install -y default-jre-headless).');
  process.exit(0);
}
const jar = path.join(path.dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')), 'build', 'dist', 'vnu.jar');
const files = pages(dir);
const t0 = Date.now();
const r = spawnSync(java, ['-Xss4m', '-jar', jar, '--format', 'json', '--exit-zero-always', ...files], {
  encoding: 'utf8',
  maxBuffer: 256 * 1024 * 1024,
});
if (r.status !== 0) {
  console.error(`validate-html: vnu.jar failed (exit ${r.status}):\n${r.stderr || r.stdout}`);
  process.exit(1);
}
const messages = JSON.parse(r.stderr || r.stdout || '{"messages":[]}').messages ?? [];
const errors = messages.filter((m) => m.type === 'error' || m.subType === 'fatal');
const warnings = messages.filter((m) => m.type === 'info' && m.subType === 'warning');
const where = (m) => `${path.relative(process.cwd(), new URL(m.url).pathname)}:${m.lastLine ?? '?'}`;
for (const m of [...errors, ...(showWarnings ? warnings : [])]) {
  console.log(`${m.type === 'error' ? 'error' : 'warning'} ${where(m)} ${m.message}${m.extract ? `\n    ${m.extract.replace(/\s+/g, ' ').slice(0, 160)}` : ''}`);
}
const seconds = ((Date.now() - t0) / 1000).toFixed(1);
console.log(`validate-html: ${files.length} pages, ${errors.length} errors, ${warnings.length} warnings (${seconds} s)`);
process.exit(errors.length ? 1 : 0);
