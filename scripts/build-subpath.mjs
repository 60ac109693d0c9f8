#!/usr/bin/env node
// Builds the book as a course would host it, under BASE_PATH=/course/book, into out-subpath/ (for the e2e test of
// sub-path hosting). Run before `npm run build`, which writes out/.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const base = process.env.SUBPATH ?? '/course/book';
fs.rmSync('out-subpath', { recursive: true, force: true });
execFileSync(process.execPath, ['scripts/prepare-assets.mjs'], { stdio: 'inherit' });
execFileSync('npx', ['next', 'build'], { stdio: 'inherit', env: { ...process.env, BASE_PATH: base, NEXT_TELEMETRY_DISABLED: '1' } });
execFileSync(process.execPath, ['scripts/postbuild.mjs', '--dir', 'out', '--base', base], { stdio: 'inherit' });
fs.renameSync('out', 'out-subpath');
console.log(`Built the book under ${base} into out-subpath/`);
