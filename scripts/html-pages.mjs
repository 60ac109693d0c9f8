// The HTML pages of a static export, every folder down: what each postbuild step reads and rewrites.
import fs from 'node:fs';
import path from 'node:path';

/** Paths of every `.html` file under `dir`. */
export function htmlPages(dir) {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.join(e.parentPath, e.name));
}
